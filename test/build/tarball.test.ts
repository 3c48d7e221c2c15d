/**
 * The package as a user gets it: `npm pack`, install the tarball into a fresh project, and run a
 * TypeScript script with ts-node from a CommonJS project and from an ESM project, exactly as
 * docs/guides/notebook.md describes: its `brokers.ts`, its two tsconfig files and its ESM command
 * are read from the guide, so the guide cannot drift from what is tested. ts-node and TypeScript 5.9 come from
 * this repository's node_modules (linked into the temp projects), orgraph's own dependencies from
 * npm's cache (`--prefer-offline`). `npm test` builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'orgraph-tarball-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tarball = '';
let files: string[] = [];

// The five strongest brokers of the bundled example by NetworkX 3.6 betweenness (d = 1/w, undirected weighted view).
const reference = JSON.parse(readFileSync(join(root, 'test/fixtures/reference/centrality/manufacturing-email.json'), 'utf8'));
const nxTop = (reference.personIds as string[])
  .map((id, i) => ({ id, value: reference.views['undirected-weighted'].metrics.betweenness[i] as number }))
  .sort((a, b) => b.value - a.value)
  .slice(0, 5)
  .map((p) => p.id);

// The guide's script, tsconfig files (CommonJS first, then ESM) and ESM command.
const guide = readFileSync(join(root, 'docs', 'guides', 'notebook.md'), 'utf8');
const SCRIPT = /```ts\n(import \{ betweenness[\s\S]*?)```/.exec(guide)![1];
const [CJS_TSCONFIG, ESM_TSCONFIG] = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
const ESM_COMMAND = /^node --import '([^']+)' brokers\.ts$/m.exec(guide)!;
/** The ids of a console.table of NodeScores.toTable(), in row order. */
const tableIds = (out: string) => [...out.matchAll(/│ \d+\s+│ '([^']+)'/g)].map((m) => m[1]);

const exec = promisify(execFile);

/** Run without blocking the test worker; resolves with the exit status instead of throwing. */
async function run(command: string, args: readonly string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

async function project(name: string, pkg: object, tsconfig: object): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...pkg }, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const install = await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-save', tarball], dir);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  for (const m of ['typescript', 'ts-node', '@types/node']) symlinkSync(join(root, 'node_modules', m), join(dir, 'node_modules', m), 'dir');
  writeFileSync(join(dir, 'brokers.ts'), SCRIPT);
  return dir;
}

beforeAll(async () => {
  const pack = await run(npm, ['pack', '--json', '--pack-destination', work], root);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const info = JSON.parse(pack.stdout)[0];
  tarball = join(work, info.filename);
  files = info.files.map((f: { path: string }) => f.path);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds LICENSE, README, the built library, CLI and bundled example; no source maps, no sources, no tour', () => {
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/cli/main.cjs',
      'dist/core/parallel/worker.cjs',
      'dist/report/analysis-worker.js',
      'dist/report/analysis-worker.cjs',
      'examples/manufacturing-email/people.csv',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.endsWith('tour.ts'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).not.toContain('graphology-communities-louvain');
  });

  it('runs a ts-node script in a CommonJS project (module commonjs) and finds the brokers NetworkX finds', async () => {
    expect(CJS_TSCONFIG.compilerOptions.module).toBe('commonjs');
    const dir = await project('cjs-project', {}, CJS_TSCONFIG);
    // `npx ts-node brokers.ts`, with the example folder of the installed package (the script's default).
    const r = await run(process.execPath, [join(dir, 'node_modules', 'ts-node', 'dist', 'bin.js'), 'brokers.ts'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(tableIds(r.stdout)).toEqual(nxTop);
  }, 180_000);

  it('runs a ts-node script in an ESM project (type module, ts-node/esm loader)', async () => {
    expect(ESM_TSCONFIG['ts-node']).toEqual({ esm: true });
    const dir = await project('esm-project', { type: 'module' }, ESM_TSCONFIG);
    const r = await run(process.execPath, ['--import', ESM_COMMAND[1], 'brokers.ts'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(tableIds(r.stdout)).toEqual(nxTop);
  }, 180_000);

  it('installs the orgraph command: validate the bundled example from the installed package', async () => {
    const dir = join(work, 'cjs-project');
    const r = await run(
      join(dir, 'node_modules', '.bin', 'orgraph'),
      ['validate', join(dir, 'node_modules', 'orgraph', 'examples', 'manufacturing-email')],
      dir,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('people.csv');
  });
});

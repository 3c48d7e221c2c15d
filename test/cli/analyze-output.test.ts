/**
 * Outputs that never destroy: `--out` at an input is refused (exit 2) for analyze and for the
 * single-file commands; a run replaces the whole output folder (a groups-only run after a full one
 * leaves no person-level file); a folder orgraph did not write is refused; nothing is created before
 * the input is read; a failed write at any step or a signal at any step leaves the previous complete
 * run or the new complete run, and no temporary file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE_OUTPUT_FS, writeOutput, writeOutputFolder, type OutputFs } from '../../src/cli/output.js';
import { groupedTies, privacyPeople, writeDataset } from '../report/fixtures.js';
import { cli } from '../helpers/cli.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const tmp = () => mkdtempSync(join(tmpdir(), 'orgraph-out-'));
/** Every file of a folder with its bytes. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
const dataset = () => writeDataset(privacyPeople(), groupedTies([10, 8, 3, 2]));

/** A folder holds exactly one complete run: its files are those its manifest lists, and each is whole. */
function expectCompleteRun(dir: string): void {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { files: string[] };
  expect(readdirSync(dir).sort()).toEqual([...summary.files].sort());
  expect(readFileSync(join(dir, 'report.html'), 'utf8').trimEnd()).toMatch(/<\/html>$/);
}

describe('--out never replaces an input', () => {
  it('analyze DATA --out DATA is refused with exit 2 and the input is untouched', async () => {
    const data = dataset();
    const before = snapshot(data);
    const r = await cli(['analyze', data, '--out', data, '--group', 'department']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/would replace the input/);
    expect(snapshot(data)).toEqual(before);
  });
  it('an output folder holding the input folder, or reached through a link, is refused', async () => {
    const base = tmp();
    const data = join(base, 'data');
    mkdirSync(data);
    for (const [f, text] of Object.entries(snapshot(dataset()))) writeFileSync(join(data, f), text);
    const before = snapshot(data);
    expect((await cli(['analyze', data, '--out', base, '--group', 'department'])).code).toBe(2);
    symlinkSync(data, join(base, 'link'));
    expect((await cli(['analyze', data, '--out', join(base, 'link'), '--group', 'department'])).code).toBe(2);
    expect((await cli(['analyze', '--ties', join(data, 'ties.csv'), '--out', data])).code).toBe(2);
    expect(snapshot(data)).toEqual(before);
  });
  it('metrics, groups and gaps refuse --out at a file they read (also through a link), before reading', async () => {
    const data = dataset();
    const before = snapshot(data);
    const link = join(tmp(), 'ties-link.csv');
    symlinkSync(join(data, 'ties.csv'), link);
    const hard = join(tmp(), 'ties-hard.csv');
    linkSync(join(data, 'ties.csv'), hard);
    const cases = [
      ['metrics', data, '--out', join(data, 'ties.csv')],
      ['metrics', '--ties', join(data, 'ties.csv'), '--out', link],
      ['metrics', data, '--out', data],
      ['metrics', '--ties', hard, '--out', join(data, 'ties.csv')],
      ['groups', data, '--group', 'department', '--out', join(data, 'people.csv')],
      ['gaps', data, '--group', 'department', '--out', join(data, 'relations.csv')],
      ['introduce', data, '--group', 'department', '--out', join(data, 'people.csv')],
    ];
    for (const args of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/is the input/);
    }
    expect(snapshot(data)).toEqual(before);
  });
  it('metrics --out beside the input (not an input) is written whole, with no temporary file left', async () => {
    const data = dataset();
    const r = await cli(['metrics', data, '--metrics', 'degree', '--format', 'csv', '--out', join(data, 'metrics.csv')]);
    expect(r.code).toBe(0);
    expect(readdirSync(data).sort()).toEqual(['metrics.csv', 'people.csv', 'relations.csv', 'ties.csv']);
    expect(readFileSync(join(data, 'metrics.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,/);
  });
});

describe('one complete run per folder', () => {
  it('--groups-only after a full run leaves no person-level file', async () => {
    const data = dataset();
    const out = join(tmp(), 'report');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(0);
    expect(readdirSync(out)).toContain('people.csv');
    expect(readdirSync(out)).toContain('introductions.csv');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department', '--groups-only'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['gaps.csv', 'groups.csv', 'report.html', 'summary.json']);
    expectCompleteRun(out);
    // No person id of the input is left anywhere in the folder.
    const text = Object.values(snapshot(out)).join('\n');
    for (const p of privacyPeople()) expect(text).not.toContain(p.id);
    expect(readdirSync(dirname(out))).toEqual(['report']);
  });
  it('a non-empty folder orgraph did not write is refused (exit 2) and left as it was', async () => {
    const out = tmp();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await cli(['analyze', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an orgraph output folder \(it holds notes\.txt\)/);
    expect(snapshot(out)).toEqual({ 'notes.txt': 'mine' });
  });
  it('a file added to an earlier run folder makes it foreign: refused rather than deleted', async () => {
    const data = dataset();
    const out = join(tmp(), 'report');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(0);
    writeFileSync(join(out, 'my-notes.md'), 'keep');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(2);
    expect(readFileSync(join(out, 'my-notes.md'), 'utf8')).toBe('keep');
  });
  it('the current directory (or a folder holding it) is refused as --out', async () => {
    const r = await cli(['analyze', dataset(), '--group', 'department', '--out', '.']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/holds the current directory/);
  });
  it('a temporary file left in an earlier run folder by an older orgraph is cleared by the next run', async () => {
    const data = dataset();
    const out = join(tmp(), 'report');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(0);
    writeFileSync(join(out, '.people.csv.0123456789ab.tmp'), 'partial');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(0);
    expectCompleteRun(out);
  });
  it('nothing is created when the input cannot be read', async () => {
    const base = tmp();
    const out = join(base, 'a', 'report');
    const r = await cli(['analyze', join(base, 'no-such-folder'), '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(join(base, 'a'))).toBe(false);
  });
});

/** A file system that fails (ENOSPC, like a full disk) at its `failAt`-th operation. */
function failingFs(failAt: number): OutputFs & { calls: number } {
  const fs = {
    calls: 0,
    async step<T>(op: () => Promise<T>): Promise<T> {
      fs.calls++;
      if (fs.calls === failAt) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return op();
    },
    writeFile: (p: string, t: string) => fs.step(() => NODE_OUTPUT_FS.writeFile(p, t)),
    rename: (a: string, b: string) => fs.step(() => NODE_OUTPUT_FS.rename(a, b)),
    mkdir: (p: string) => fs.step(() => NODE_OUTPUT_FS.mkdir(p)),
    rm: (p: string) => fs.step(() => NODE_OUTPUT_FS.rm(p)),
  };
  return fs;
}

const runFiles = (tag: string) =>
  new Map([
    ['people.csv', `id\r\n${tag}\r\n`],
    ['report.html', `<html>${tag}</html>\n`],
    ['summary.json', JSON.stringify({ orgraph: 'test', tag, files: ['people.csv', 'report.html', 'summary.json'] })],
  ]);

describe('a failed write (full disk) at any step', () => {
  it('leaves the previous complete run, or the new one, and no temporary file', async () => {
    // Operations of one replacement: mkdir staging, 3 writes, rename old aside, rename staging in, rm old = 7.
    for (let failAt = 1; failAt <= 7; failAt++) {
      const base = tmp();
      const out = join(base, 'report');
      await writeOutputFolder(out, runFiles('old'), []);
      const old = snapshot(out);
      const fs = failingFs(failAt);
      const outcome = await writeOutputFolder(out, runFiles('new'), [], fs).then(
        () => 'ok',
        (e: Error) => e.message,
      );
      const now = snapshot(out);
      if (outcome === 'ok') expect(now).toEqual(Object.fromEntries([...runFiles('new')].sort()));
      else {
        expect(outcome).toMatch(/^.*report: cannot (write|replace) the output folder: no space left on the device$/);
        expect(now).toEqual(old);
      }
      // Failing the last step (removing the old folder) still completes the run; the old folder's
      // removal is retried by nothing, so it is the one case where a hidden folder may remain.
      const hidden = readdirSync(base).filter((f) => f !== 'report');
      expect(hidden, `failAt ${failAt}`).toEqual(failAt === 7 ? [expect.stringMatching(/^\.orgraph-previous-/)] : []);
    }
  });
  it('writeOutput leaves the old file whole and no temporary file when the write fails', async () => {
    const base = tmp();
    const file = join(base, 'metrics.csv');
    writeFileSync(file, 'old');
    const io = { out: () => {}, err: () => {}, isTTY: false };
    for (const failAt of [1, 2]) {
      const e = await writeOutput('new', file, io, [], failingFs(failAt)).catch((x: Error) => x);
      expect(String(e)).toMatch(/cannot write output: no space left on the device/);
      expect(readdirSync(base)).toEqual(['metrics.csv']);
      expect(readFileSync(file, 'utf8')).toBe('old');
    }
  });
});

function runChild(out: string, step: number, signal: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/cli/signal-child.ts'), out, String(step), signal], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('a signal at any step of the replacement', () => {
  it('SIGINT or SIGTERM leaves the previous complete run or the new one, and no temporary file', async () => {
    const steps = [1, 2, 3, 4, 5, 6, 7];
    const results = await Promise.all(
      steps.map(async (step) => {
        const base = tmp();
        const out = join(base, 'report');
        const signal = step % 2 ? 'SIGINT' : 'SIGTERM';
        const r = await runChild(out, step, signal);
        return { step, signal, base, out, r };
      }),
    );
    for (const { step, signal, base, out, r } of results) {
      const label = `${signal} at step ${step}: ${r.stderr}`;
      expect(r.stdout, label).toBe('old written\n');
      expect(r.code, label).toBe(signal === 'SIGINT' ? 130 : 143);
      const tag = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).tag as string;
      // Before the staging folder is swapped in (steps 1-6) the old run stays; at step 7 (removing
      // the old folder) the new run is already in place.
      expect(tag, label).toBe(step <= 6 ? 'old' : 'new');
      expect(snapshot(out), label).toEqual(Object.fromEntries([...runFiles(tag)].sort()));
      expect(readdirSync(base), label).toEqual(['report']);
    }
  }, 60_000);
});

describe('analyze interrupted while it runs', () => {
  it('SIGTERM during the analysis leaves nothing (or, if the run had finished, one complete run)', async () => {
    const data = dataset();
    const base = tmp();
    const out = join(base, 'report');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'analyze', data, '--group', 'department', '--out', out],
      { cwd: root },
    );
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    const closed = new Promise((r) => child.on('close', r));
    // Kill while the process loads, reads or analyses (its only output is the final line).
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    await closed;
    // A run that finished may be killed between moving its report into place and printing its last
    // line: what is on disk decides, and it is a complete run or nothing (no partial folder).
    if (stdout.includes('written to') || existsSync(out)) expectCompleteRun(out);
    expect(readdirSync(base)).toEqual(existsSync(out) ? ['report'] : []);
    // The same command uninterrupted writes one complete run.
    const done = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'analyze', data, '--group', 'department', '--out', out],
      { cwd: root, encoding: 'utf8' },
    );
    expect(done.status).toBe(0);
    expectCompleteRun(out);
    expect(readdirSync(base)).toEqual(['report']);
  }, 60_000);
});

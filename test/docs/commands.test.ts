/**
 * Every command line in README.md and docs/guides/*.md runs. The fenced `sh` blocks are extracted
 * (a trailing backslash continues a line; `# …` comments are dropped) and each line is run with
 * bash in a fresh temp folder holding a copy of examples/, with these documented substitutions:
 *
 * - `orgraph`, `npx orgraph` and `node dist/cli/main.cjs` run this clone's built CLI (`npm test`
 *   builds dist/ first);
 * - `npm ci` and `npm run build` at the start of a line are left out (`npm test` has built dist/);
 * - `q1/` and `q2/` (two periods) exist: the bundled example with the first and the second half of
 *   its ties.
 *
 * Lines that install, build or test the project itself are not run here but by the test named
 * in SKIPPED (each such line must match one pattern there, so nothing is skipped silently).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/spawn.js';

const root = join(import.meta.dirname, '..', '..');
const cli = `node ${JSON.stringify(join(root, 'dist', 'cli', 'main.cjs'))}`;

/** Lines that are not run here, and where they are run instead. */
const SKIPPED: readonly { pattern: RegExp; runBy: string }[] = [
  { pattern: /^npm ci && npm test$/, runBy: '.ci/run (the whole suite)' },
  { pattern: /^npm ci && npm run build && npm pack$/, runBy: 'test/build/tarball.test.ts (npm pack)' },
  { pattern: /^npm install \.\.\/orgraph\/orgraph-[\d.]+\.tgz$/, runBy: 'test/build/tarball.test.ts (installs the tarball)' },
  { pattern: /^npm (init -y|pkg set type=module)$/, runBy: 'test/build/tarball.test.ts (CommonJS and ESM projects)' },
  {
    pattern: /^npm install -D typescript@5\.9 ts-node @types\/node$/,
    runBy: 'test/build/tarball.test.ts (TypeScript 5.9 and ts-node from node_modules)',
  },
  { pattern: /^npx ts-node brokers\.ts$/, runBy: 'test/build/tarball.test.ts (the CommonJS project)' },
  { pattern: /^node --import .*ts-node\/esm.* brokers\.ts$/, runBy: 'test/build/tarball.test.ts (the ESM project)' },
  { pattern: /^npx tsx( brokers\.ts)?$/, runBy: 'test/docs/notebook.test.ts (tsx runs the same script)' },
  { pattern: /^node --experimental-strip-types brokers\.ts$/, runBy: 'not run: Node 20 lacks type stripping (the guide says so)' },
  { pattern: /^pip install jupyter nbconvert$/, runBy: '.ci/run (installs Jupyter)' },
  { pattern: /^npm install -g tslab@[\d.]+ && tslab install( --python=python3)?$/, runBy: '.ci/run (installs tslab)' },
  {
    pattern: /^jupyter nbconvert --to notebook --execute examples\/orgraph\.ipynb --output executed\.ipynb$/,
    runBy: 'test/docs/notebook.test.ts',
  },
  {
    pattern: /^npx esbuild server\.mjs --bundle --platform=node --format=cjs --outfile=out\/server\.cjs$/,
    runBy: 'test/build/bundle.test.ts (bundles a server with esbuild)',
  },
  {
    pattern: /^cp node_modules\/orgraph\/dist\/core\/parallel\/worker\.cjs out\/orgraph-worker\.cjs$/,
    runBy: 'test/build/bundle.test.ts (copies the worker file beside the bundle)',
  },
  {
    pattern: /^cp node_modules\/orgraph\/dist\/report\/analysis-worker\.cjs out\/orgraph-analysis-worker\.cjs$/,
    runBy: 'test/build/bundle.test.ts (copies the analysis worker file beside the bundle)',
  },
  { pattern: /^node out\/server\.cjs$/, runBy: 'test/build/bundle.test.ts (runs a threaded metric from the bundle)' },
];

/** The shell lines of every fenced sh/bash/shell block. */
export function shellLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
    const joined = block[1].replace(/\s*\\\n\s*/g, ' ');
    for (const raw of joined.split('\n')) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (line) lines.push(line);
    }
  }
  return lines;
}

const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs', 'guides'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', 'guides', f)),
];
const work = mkdtempSync(join(tmpdir(), 'orgraph-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sandbox(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  const example = join(root, 'examples', 'manufacturing-email');
  const [header, ...ties] = readFileSync(join(example, 'ties.csv'), 'utf8').trim().split('\n');
  const half = Math.floor(ties.length / 2);
  for (const [period, rows] of [
    ['q1', ties.slice(0, half)],
    ['q2', ties.slice(half)],
  ] as const) {
    mkdirSync(join(dir, period));
    cpSync(join(example, 'people.csv'), join(dir, period, 'people.csv'));
    writeFileSync(join(dir, period, 'ties.csv'), [header, ...rows].join('\n') + '\n');
  }
  return dir;
}

function substitute(line: string): string {
  // `npm ci` and `npm run build` have been done (npm test builds first): the rest of the line runs.
  const rest = line
    .split('&&')
    .map((part) => part.trim())
    .filter((part) => !/^npm (ci|run build)$/.test(part))
    .join(' && ');
  return rest.replace(/(^|&&\s*|\|\s*)(npx orgraph|orgraph|node dist\/cli\/main\.cjs)(?=\s|$)/g, (_m, lead: string) => `${lead}${cli}`);
}

describe('shell lines of the README and the guides', () => {
  it('extracts lines: continuation joined, comments dropped, only sh blocks', () => {
    expect(shellLines('x\n```sh\na \\\n  b   # c\n# only a comment\n```\n```ts\nnot(this)\n```\n')).toEqual(['a b']);
    expect(substitute('npx orgraph analyze && orgraph validate data/')).toBe(`${cli} analyze && ${cli} validate data/`);
    expect(substitute('npm ci && npm run build && node dist/cli/main.cjs analyze')).toBe(`${cli} analyze`);
  });

  for (const doc of docs) {
    const lines = shellLines(readFileSync(join(root, doc), 'utf8'));
    if (lines.length === 0) continue;
    describe(doc, () => {
      const dir = sandbox(doc.replace(/[/.]/g, '_'));
      lines.forEach((line, k) => {
        const skip = SKIPPED.find((s) => s.pattern.test(line));
        if (skip) {
          it(`line ${k + 1} is run by ${skip.runBy}: ${line}`, () => {
            expect(SKIPPED.filter((s) => s.pattern.test(line))).toHaveLength(1);
          });
          return;
        }
        it(`runs: ${line}`, async () => {
          const r = await run('bash', ['-euo', 'pipefail', '-c', substitute(line)], {
            cwd: dir,
            env: { ...process.env, ORGRAPH_DEBUG: '' },
          });
          expect(r.status, `${line}\n${r.stderr}`).toBe(0);
          expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
        }, 120_000);
      });
    });
  }
});

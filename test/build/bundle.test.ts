/**
 * A server bundled with esbuild (ESM and CJS output) runs a threaded metric from the bundle, as
 * docs/guides/bundling.md tells a bundler user to set it up: the package's one worker file
 * (dist/core/parallel/worker.cjs) copied next to the bundle as orgraph-worker.cjs. Without it the
 * call fails with one clear E_WORKER line saying what to copy (not a TypeError from a resolver).
 * The bundle runs from a folder where the package itself cannot be found.
 * `npm test` builds dist/ first (tsup), so dist/ is fresh here.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'orgraph-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A small HTTP server: each request computes betweenness on 2 worker threads. The script asks
// itself once, prints the answer and stops. Star 0 - {1, 2, 3}: exact unnormalised betweenness of
// the hub is 3 (the pairs 1-2, 1-3, 2-3 each pass through it), 0 for the leaves.
const SERVER = `
import { createServer } from 'node:http';
import { OrgGraph, project, betweenness } from 'orgraph';

const graph = OrgGraph.from({
  people: [{ id: 'hub' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
  ties: [{ source: 'hub', target: 'a' }, { source: 'hub', target: 'b' }, { source: 'hub', target: 'c' }],
});
const server = createServer(async (req, res) => {
  try {
    const b = await betweenness(project(graph), { workers: 2, normalized: false });
    res.end(JSON.stringify({ values: Array.from(b.values), workers: b.diagnostics.workers }));
  } catch (e) {
    res.end(JSON.stringify({ error: { name: e.name, code: e.code, message: e.message } }));
  }
});
server.listen(0, async () => {
  const { port } = server.address();
  const body = await (await fetch('http://127.0.0.1:' + port + '/')).text();
  process.stdout.write(body);
  server.close();
});
`;

mkdirSync(join(work, 'src', 'node_modules'), { recursive: true });
writeFileSync(join(work, 'src', 'server.mjs'), SERVER);
// The package as an installed dependency of the app being bundled.
symlinkSync(root, join(work, 'src', 'node_modules', 'orgraph'), 'dir');

async function bundle(format: 'esm' | 'cjs'): Promise<string> {
  const out = join(work, `out-${format}`);
  mkdirSync(out, { recursive: true });
  const outfile = join(out, format === 'esm' ? 'server.mjs' : 'server.cjs');
  // ESM output: CommonJS dependencies bundled into ESM need a `require` (esbuild's usual banner).
  const banner =
    format === 'esm' ? { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } : undefined;
  await build({
    entryPoints: [join(work, 'src', 'server.mjs')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    outfile,
    banner,
    logLevel: 'silent',
  });
  return outfile;
}

function runBundle(file: string) {
  const r = spawnSync(process.execPath, [file], { cwd: dirname(file), encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('esbuild bundle of a server using orgraph', () => {
  for (const format of ['esm', 'cjs'] as const) {
    it(`${format}: without the worker file, one clear E_WORKER error naming what to copy`, async () => {
      const file = await bundle(format);
      const out = runBundle(file);
      expect(out.error.name).toBe('OrgraphError');
      expect(out.error.code).toBe('E_WORKER');
      expect(out.error.message).toContain('orgraph-worker.cjs');
    }, 60_000);

    it(`${format}: with dist/core/parallel/worker.cjs copied as orgraph-worker.cjs, threaded betweenness runs`, async () => {
      const file = await bundle(format);
      copyFileSync(join(root, 'dist', 'core', 'parallel', 'worker.cjs'), join(dirname(file), 'orgraph-worker.cjs'));
      const out = runBundle(file);
      // Two threads, or fewer on a machine with fewer cores (the cap).
      expect(out).toEqual({ values: [3, 0, 0, 0], workers: Math.min(2, availableParallelism()) });
    }, 60_000);
  }
});

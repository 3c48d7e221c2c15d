/**
 * A server bundled with esbuild (ESM and CJS output) runs a threaded metric from the bundle, as
 * docs/guides/bundling.md tells a bundler user to set it up: the package's kernels' worker file
 * (dist/core/parallel/worker.cjs) copied next to the bundle as orgraph-worker.cjs, and, for
 * analysis() on its own thread, dist/report/analysis-worker.cjs as orgraph-analysis-worker.cjs.
 * Without them the calls fail with one clear E_WORKER line saying what to copy (not a TypeError
 * from a resolver).
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

// A small HTTP server: '/' computes betweenness on 2 worker threads, '/analysis' runs analysis() on
// its worker thread (and in the calling thread, to compare). The script asks itself both, prints
// the answers and stops. Star 0 - {1, 2, 3}: exact unnormalised betweenness of the hub is 3 (the
// pairs 1-2, 1-3, 2-3 each pass through it), 0 for the leaves; normalised (by (n-1)(n-2)/2 = 3), 1.
const SERVER = `
import { createServer } from 'node:http';
import { OrgGraph, project, betweenness, analysis } from 'orgraph';

const graph = OrgGraph.from({
  people: [{ id: 'hub' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
  ties: [{ source: 'hub', target: 'a' }, { source: 'hub', target: 'b' }, { source: 'hub', target: 'c' }],
});
const failure = (e) => ({ error: { name: e.name, code: e.code, message: e.message } });
const server = createServer(async (req, res) => {
  try {
    if (req.url === '/analysis') {
      // The report pipeline on its own worker thread, betweenness on 2 nested workers; and in this thread.
      const options = { group: null, minGroupSize: 1, workers: 2 };
      const inWorker = await analysis(graph, options);
      const inCaller = await analysis(graph, { ...options, thread: 'caller' });
      res.end(JSON.stringify({ same: JSON.stringify(inWorker) === JSON.stringify(inCaller), hub: inWorker.people.find((p) => p.id === 'hub').betweenness }));
      return;
    }
    const b = await betweenness(project(graph), { workers: 2, normalized: false });
    res.end(JSON.stringify({ values: Array.from(b.values), workers: b.diagnostics.workers }));
  } catch (e) {
    res.end(JSON.stringify(failure(e)));
  }
});
server.listen(0, async () => {
  const { port } = server.address();
  const ask = async (path) => JSON.parse(await (await fetch('http://127.0.0.1:' + port + path)).text());
  process.stdout.write(JSON.stringify({ metric: await ask('/'), analysis: await ask('/analysis') }));
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
    it(`${format}: without the worker files, one clear E_WORKER error naming what to copy`, async () => {
      const file = await bundle(format);
      const out = runBundle(file);
      expect(out.metric.error.name).toBe('OrgraphError');
      expect(out.metric.error.code).toBe('E_WORKER');
      expect(out.metric.error.message).toContain('orgraph-worker.cjs');
      expect(out.analysis.error).toMatchObject({ name: 'OrgraphError', code: 'E_WORKER' });
      expect(out.analysis.error.message).toContain('orgraph-analysis-worker.cjs');
    }, 60_000);

    it(`${format}: with both worker files copied next to the bundle, threaded betweenness and analysis() on its worker run`, async () => {
      const file = await bundle(format);
      copyFileSync(join(root, 'dist', 'core', 'parallel', 'worker.cjs'), join(dirname(file), 'orgraph-worker.cjs'));
      copyFileSync(join(root, 'dist', 'report', 'analysis-worker.cjs'), join(dirname(file), 'orgraph-analysis-worker.cjs'));
      const out = runBundle(file);
      // Two threads, or fewer on a machine with fewer cores (the cap).
      expect(out.metric).toEqual({ values: [3, 0, 0, 0], workers: Math.min(2, availableParallelism()) });
      expect(out.analysis).toEqual({ same: true, hub: 1 });
    }, 60_000);
  }
});

/**
 * The built package under `node --disallow-code-generation-from-strings`, in ESM and CJS: no code
 * is compiled from strings anywhere (the worker is a built file), threads start from dist/, the
 * threaded results match NetworkX (test/fixtures/reference/centrality, written by
 * scripts/reference/centrality.py with NetworkX 3.6) and the calling-thread results, and a worker
 * failure reaches the caller as an OrgraphError carrying the worker's own message; analysis() runs
 * on its own worker thread (dist/report/analysis-worker.*), whose betweenness starts its own pool
 * (nested workers), and gives the calling thread's result, progress stages and errors.
 * `npm test` builds dist/ first (tsup), so dist/ is fresh here.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetDir } from '../helpers/datasets.js';
import { referenceJson } from '../helpers/reference.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'orgraph-hardened-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// One script body for both module systems; `api` is the imported package.
const BODY = `
async function main(api) {
  const [dir, mode] = process.argv.slice(2);
  if (mode === 'failing-worker') {
    const { graph } = await api.loadFolder(dir);
    const view = api.project(graph, { directed: true, weighted: true });
    try {
      await api.pagerank(view, { workers: 2 });
      process.stdout.write(JSON.stringify({ error: null }));
    } catch (e) {
      process.stdout.write(JSON.stringify({ error: { name: e.name, code: e.code, message: e.message } }));
    }
    return;
  }
  if (mode === 'analysis') {
    const { graph } = await api.loadFolder(dir);
    const stages = [];
    const options = { group: 'division', workers: 2 };
    const onProgress = (s) => { if (stages.at(-1) !== s) stages.push(s); };
    const inWorker = await api.analysis(graph, { ...options, onProgress });
    const inCaller = await api.analysis(graph, { ...options, thread: 'caller' });
    const bad = await api.analysis(graph, { group: 'no-such-column' }).catch((e) => ({ name: e.name, code: e.code, message: e.message }));
    process.stdout.write(JSON.stringify({ inWorker, inCaller, stages, bad }));
    return;
  }
  const { graph } = await api.loadFolder(dir);
  const view = api.project(graph, { directed: true, weighted: true });
  const runs = {};
  for (const workers of [1, 2, 4]) {
    const b = await api.betweenness(view, { workers });
    const p = await api.pagerank(view, { workers });
    runs[workers] = { betweenness: Array.from(b.values), pagerank: Array.from(p.values), bThreads: b.diagnostics.workers, pThreads: p.diagnostics.threads };
  }
  // Every catalogue metric, in the calling thread and on 2 threads (once: ESM; CJS runs the same bundle code).
  const every = {};
  if (mode !== 'basic') for (const spec of api.METRIC_CATALOG) {
    for (const workers of [1, 2]) {
      const scores = await spec.compute(view, { workers, group: 'department', seed: 1 });
      for (const s of scores) (every[s.metric] ??= {})[workers] = Array.from(s.values, (x) => (Number.isNaN(x) ? null : x));
    }
  }
  process.stdout.write(JSON.stringify({ runs, every }));
}
`;
const esm = join(work, 'run.mjs');
const cjs = join(work, 'run.cjs');
writeFileSync(esm, `import * as api from ${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)};\n${BODY}\nawait main(api);\n`);
writeFileSync(
  cjs,
  `const api = require(${JSON.stringify(join(root, 'dist/index.cjs'))});\n${BODY}\nmain(api).catch((e) => { console.error(e); process.exit(1); });\n`,
);

function run(script: string, mode = '', env: NodeJS.ProcessEnv = {}, dataset = 'email-eu-core') {
  const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', script, datasetDir(dataset), mode], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, r.stderr).toBe(0);
  return { out: JSON.parse(r.stdout), stderr: r.stderr };
}

interface Fixture {
  personIds: string[];
  views: Record<string, { metrics: Record<string, (number | null)[]> }>;
}

describe('built package under --disallow-code-generation-from-strings', () => {
  it('the flag does reject code from strings in this Node (the test can fail)', () => {
    const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', 'new Function("return 1")()'], {
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('EvalError');
  });

  it('no source file compiles code from strings or starts an eval worker', () => {
    const hits = spawnSync('grep', ['-rEn', 'new Function|eval: *true', join(root, 'src')], { encoding: 'utf8' });
    expect(hits.stdout).toBe('');
    expect(hits.status).toBe(1); // grep: no match
  });

  const fixture = referenceJson<Fixture>('centrality/email-eu-core.json');
  const ref = fixture.views['directed-weighted'].metrics;

  for (const [system, script] of [
    ['ESM', esm],
    ['CJS', cjs],
  ] as const) {
    it(`${system}: betweenness and PageRank on 1, 2 and 4 workers match NetworkX${system === 'ESM' ? '; every metric runs threaded and not' : ''}`, () => {
      const { out } = run(script, system === 'ESM' ? '' : 'basic');
      const cap = Number(execFileSync(process.execPath, ['-p', 'require("os").availableParallelism()']).toString());
      for (const workers of ['1', '2', '4']) {
        const r = out.runs[workers];
        // Threads actually used: the request, capped at the machine's parallelism.
        expect(r.bThreads).toBe(Math.min(Number(workers), cap));
        expect(r.pThreads).toBe(Math.min(Number(workers), cap));
        for (let i = 0; i < fixture.personIds.length; i++) {
          const b = ref.betweenness[i]!;
          expect(Math.abs(r.betweenness[i] - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(b), 1e-12) + 1e-15);
          expect(Math.abs(r.pagerank[i] - ref.pagerank[i]!)).toBeLessThanOrEqual(1e-6);
        }
      }
      // 1, 2 and 4 workers agree with each other far inside the reference tolerance.
      for (const key of ['betweenness', 'pagerank'] as const) {
        for (let i = 0; i < fixture.personIds.length; i++) {
          expect(Math.abs(out.runs['2'][key][i] - out.runs['1'][key][i])).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(out.runs['1'][key][i])),
          );
          expect(Math.abs(out.runs['4'][key][i] - out.runs['1'][key][i])).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(out.runs['1'][key][i])),
          );
        }
      }
      // Every catalogue metric ran in both settings and agrees across them.
      if (system === 'CJS') return;
      const metrics = Object.keys(out.every);
      expect(metrics.length).toBeGreaterThanOrEqual(14);
      for (const m of metrics) {
        const [one, two] = [out.every[m]['1'] as (number | null)[], out.every[m]['2'] as (number | null)[]];
        expect(two.length, m).toBe(one.length);
        for (let i = 0; i < one.length; i++) {
          if (one[i] === null) expect(two[i], m).toBeNull();
          else expect(Math.abs(two[i]! - one[i]!), m).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(one[i]!)));
        }
      }
    }, 120_000);

    it(`${system}: a worker that throws surfaces as OrgraphError E_WORKER with the worker's message`, () => {
      const bad = join(work, 'throwing-worker.cjs');
      writeFileSync(bad, "throw new Error('boom from the worker');\n");
      const { out } = run(script, 'failing-worker', { ORGRAPH_WORKER_PATH: bad });
      expect(out.error).toEqual({
        name: 'OrgraphError',
        code: 'E_WORKER',
        message: expect.stringContaining('boom from the worker'),
      });
    }, 60_000);
  }

  for (const [system, script] of [
    ['ESM', esm],
    ['CJS', cjs],
  ] as const) {
    it(`${system}: analysis() on its worker thread (betweenness on 2 nested workers) equals the calling-thread run`, () => {
      // manufacturing-email: 167 people in divisions, 5,936 ties.
      const { out } = run(script, 'analysis', {}, 'manufacturing-email');
      expect(out.inWorker.people).toHaveLength(167);
      expect(out.inWorker.betweennessMethod).toEqual(out.inCaller.betweennessMethod);
      expect(out.inWorker).toEqual(out.inCaller);
      expect(out.stages).toEqual([
        'centrality',
        'betweenness',
        'brokerage',
        'risks',
        'silos',
        'communities',
        'gaps',
        'introductions',
        'map',
      ]);
      expect(out.bad).toMatchObject({ name: 'OrgraphError', code: 'E_UNKNOWN_ATTRIBUTE' });
      expect(out.bad.message).toContain('no-such-column');
    }, 120_000);
  }

  it('the built workers are one self-contained file each per module system', () => {
    for (const f of [
      'dist/core/parallel/worker.js',
      'dist/core/parallel/worker.cjs',
      'dist/report/analysis-worker.js',
      'dist/report/analysis-worker.cjs',
    ]) {
      const text = readFileSync(join(root, f), 'utf8');
      expect(text).not.toMatch(/from ["']\.\.?\//); // no relative imports left to resolve
      expect(text).not.toMatch(/require\(["']\.\.?\//);
    }
  });
});

/**
 * Spectral centralities at 1M people
 * PageRank and eigenvector (optionally Katz) on the default view of a seeded 1M-person org, with
 * wall and CPU time per run (the machine is shared: CPU time is the steadier figure) and the
 * memory of the view. Target (issue): under 5 s each, view under 400 MB.
 * Reference: the generator in benchmarks/generate/org-graph.ts (seeded, reproducible).
 *
 * Usage:
 *   npx tsx benchmarks/metrics/centrality/spectral-1m.ts [--people 1000000] [--seed 1] [--degree 20]
 *     [--workers 1,2] [--metrics pagerank,eigenvector,katz] [--unweighted] [--directed]
 */
import { parseArgs } from 'node:util';
import { generateOrg, toOrgGraph } from '../../generate/org-graph.js';
import { eigenvector } from '../../../src/metrics/centrality/eigenvector.js';
import { katz } from '../../../src/metrics/centrality/katz.js';
import { pagerank } from '../../../src/metrics/centrality/pagerank.js';
import type { NodeScores } from '../../../src/metrics/scores.js';
import { project, type OrgView } from '../../../src/model/projection.js';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    degree: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1,2' },
    metrics: { type: 'string', default: 'pagerank,eigenvector' },
    unweighted: { type: 'boolean', default: false },
    directed: { type: 'boolean', default: false },
  },
});

const MB = 1024 * 1024;

/** Wall and CPU (user + system, all threads of the process) milliseconds of f. */
function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

async function timedAsync<T>(f: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const people = Number(args.people);
const gen = timed(() => generateOrg({ people, seed: Number(args.seed), averageDegree: Number(args.degree) }));
console.log(`generated ${people} people, ${gen.value.m} ties: wall ${fmt(gen.wallMs)}, cpu ${fmt(gen.cpuMs)}`);
const graph = toOrgGraph(gen.value);
global.gc?.();
const before = process.memoryUsage();
const proj = timed(() => project(graph, { weighted: !args.unweighted, directed: args.directed }));
const view: OrgView = proj.value;
global.gc?.();
const after = process.memoryUsage();
const c = view.csr;
const csrBytes =
  c.offsets.byteLength +
  c.targets.byteLength +
  c.weights.byteLength +
  (c.directed ? c.inOffsets.byteLength + c.inSources.byteLength + c.inWeights.byteLength : 0);
console.log(
  `view: n ${c.n}, arcs ${c.arcCount}, project wall ${fmt(proj.wallMs)} cpu ${fmt(proj.cpuMs)}; ` +
    `CSR arrays ${(csrBytes / MB).toFixed(0)} MB, view index ${(view.personIndex.byteLength / MB).toFixed(0)} MB, ` +
    `rss +${((after.rss - before.rss) / MB).toFixed(0)} MB, heap +${((after.heapUsed - before.heapUsed) / MB).toFixed(0)} MB ` +
    `(person ids are shared with the graph)`,
);

const compute: Record<string, (workers: number) => Promise<NodeScores>> = {
  pagerank: (workers) => pagerank(view, { workers }),
  eigenvector: (workers) => eigenvector(view, { workers }),
  katz: (workers) => katz(view, { workers }),
};
const reference = new Map<string, Float64Array>();
for (const workers of args.workers.split(',').map(Number)) {
  for (const metric of args.metrics.split(',')) {
    const run = compute[metric];
    if (!run) throw new Error(`unknown metric ${metric}`);
    const t = await timedAsync(() => run(workers));
    const d = t.value.diagnostics;
    // Same bits for any worker count: check against the first run of this metric.
    const first = reference.get(metric);
    let maxDiff = 0;
    if (first) for (let i = 0; i < first.length; i++) maxDiff = Math.max(maxDiff, Math.abs(first[i] - t.value.values[i]));
    else reference.set(metric, Float64Array.from(t.value.values));
    console.log(
      `${metric} workers=${workers}: wall ${fmt(t.wallMs)}, cpu ${fmt(t.cpuMs)}` +
        `${first ? `, max |diff| vs first run ${maxDiff}` : ''}\n  ${JSON.stringify(d)}`,
    );
  }
}

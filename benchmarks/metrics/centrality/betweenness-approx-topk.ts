/**
 * Approximate betweenness, adaptive top-k (helper B's bench script)
 * Builds the generated org in-process, runs `betweennessApprox` (top-k mode, or fixed epsilon),
 * and prints wall time, CPU time (process.cpuUsage: this thread plus its workers), samples, CPU µs
 * per sample, and, when the exact reference is cheap enough (--exact), the share of the exact top
 * 1% (or top k) that the estimate found.
 * Usage: npx tsx benchmarks/metrics/centrality/betweenness-approx-topk.ts --people 1000000
 *          [--top 100] [--epsilon 0.01] [--workers 2] [--exact] [--seed 1] [--rk]
 * Reference: Borassi, M. & Natale, E. (2019). KADABRA is an ADaptive Algorithm for Betweenness via
 * Random Approximation. ACM J. Exp. Algorithmics 24.
 */
import { parseArgs } from 'node:util';
import { generateOrg, toOrgGraph } from '../../generate/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';
import { betweennessApprox } from '../../../src/metrics/centrality/betweenness-approx.js';

const { values: a } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    top: { type: 'string' },
    epsilon: { type: 'string' },
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    exact: { type: 'boolean', default: false },
    rk: { type: 'boolean', default: false },
  },
});
const people = Number(a.people);
const workers = Number(a.workers);
const seed = Number(a.seed);
const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

let c0 = process.cpuUsage();
let t0 = performance.now();
const org = generateOrg({ people, seed, averageDegree: 20 });
const view = project(toOrgGraph(org));
console.error(
  `built org n=${org.n} m=${org.m} in ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${cpuSeconds(process.cpuUsage(c0)).toFixed(1)} s CPU`,
);

const topK = a.top === undefined ? Math.max(1, Math.round(people / 100)) : Number(a.top);
const options = {
  weighted: false,
  seed,
  workers,
  ...(a.rk ? {} : { topK }),
  ...(a.epsilon === undefined ? {} : { epsilon: Number(a.epsilon) }),
};
c0 = process.cpuUsage();
t0 = performance.now();
const approx = await betweennessApprox(view, options);
const wall = (performance.now() - t0) / 1000;
const cpu = cpuSeconds(process.cpuUsage(c0));
const d = approx.diagnostics as Record<string, unknown>;
const samples = Number(d.samples);
const result: Record<string, unknown> = {
  people: org.n,
  m: org.m,
  options,
  wallSeconds: wall,
  cpuSeconds: cpu,
  cpuMicrosPerSample: samples > 0 ? (cpu * 1e6) / samples : null,
  diagnostics: d,
  top10: approx.top(10).map((e) => e.id),
  topValues: [0, 9, 49, 99, 100, 199].map((r) => approx.top(r + 1)[r]?.value),
};
if (a.exact) {
  const exact = await betweenness(view, { weighted: false, workers });
  const exactTop = new Set(exact.top(topK).map((e) => e.id));
  const found = approx.top(topK).filter((e) => exactTop.has(e.id)).length;
  result.recall = found / topK;
}
console.log(JSON.stringify(result, null, 1));

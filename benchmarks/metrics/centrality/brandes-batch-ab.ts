/**
 * Batched (multi-source) Brandes vs the single-source kernel, A/B on the same sources
 * CPU time per source of exact unweighted betweenness on the generated org, each kernel on the
 * labelling the path pool gives it: `brandesBatch` (clustered breadth-first order) on whole
 * 32-source batches spread over the graph, and `brandesSource` (breadth-first order, as before
 * the batched kernel) on the very same people, alternating batch by batch so that both see the
 * same machine load. Prints µs per source, the ratio, the projection for all sources and the
 * largest relative difference of the two sums (must be below 1e-9).
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-batch-ab.ts [people] [batches] [single|batch-only]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { BRANDES_BATCH, BrandesBatchScratch, brandesBatch } from '../../../src/core/paths/brandes-batch.js';
import { breadthFirstOrder, clusteredOrder, inverseOrder, permutePair } from '../../../src/core/graph/reorder.js';

const people = Number(process.argv[2] ?? 10000);
const batches = Number(process.argv[3] ?? 4);
const single = (process.argv[4] ?? 'single') === 'single';
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, false, 'inverse');
const bfs = breadthFirstOrder(input.pair);
const g1 = permutePair(input.pair, bfs).forward;
const c0 = process.cpuUsage();
const clustered = clusteredOrder(input.pair);
const orderCpu = process.cpuUsage(c0);
const g = permutePair(input.pair, clustered).forward;
const bfsRank = inverseOrder(bfs);
const n = g.n;
const total = Math.ceil(n / BRANDES_BATCH);
const step = Math.max(1, Math.floor(total / batches));
const list: number[] = [];
for (let b = 0; b < total && list.length < batches; b += step) list.push(b);
const scratch = new PathScratch(n);
const bscratch = new BrandesBatchScratch(n);
// Warm-up (both kernels, results discarded).
brandesBatch(g, total - 1, new Float64Array(n), bscratch);
for (let k = 0; k < 10; k++) brandesSource(g1, (k * 7919) % n, new Float64Array(n), scratch);
const outSingle = new Float64Array(n);
const outBatch = new Float64Array(n);
let cpuSingle = 0;
let cpuBatch = 0;
let sources = 0;
for (const b of list) {
  const c0 = process.cpuUsage();
  brandesBatch(g, b, outBatch, bscratch);
  const c1 = process.cpuUsage(c0);
  cpuBatch += c1.user + c1.system;
  const count = Math.min(BRANDES_BATCH, n - b * BRANDES_BATCH);
  sources += count;
  if (!single) continue;
  const c2 = process.cpuUsage();
  for (let i = 0; i < count; i++) brandesSource(g1, bfsRank[clustered[b * BRANDES_BATCH + i]], outSingle, scratch);
  const c3 = process.cpuUsage(c2);
  cpuSingle += c3.user + c3.system;
}
let worst = 0;
if (single) {
  for (let v = 0; v < n; v++) {
    // Node v of the clustered labelling is node bfsRank[clustered[v]] of the breadth-first one.
    const a = outSingle[bfsRank[clustered[v]]];
    const c = outBatch[v];
    if (a !== c) worst = Math.max(worst, Math.abs(a - c) / Math.max(Math.abs(a), Math.abs(c)));
  }
}
const [load1] = (await import('node:os')).loadavg();
console.log(
  JSON.stringify({
    people,
    arcs: g.targets.length,
    batches: list.length,
    sources,
    load1,
    clusteredOrderCpuMs: (orderCpu.user + orderCpu.system) / 1000,
    batchCpuUsPerSource: cpuBatch / sources,
    singleCpuUsPerSource: single ? cpuSingle / sources : null,
    speedup: single ? cpuSingle / cpuBatch : null,
    projectedBatchCpuSecondsAllSources: (cpuBatch / sources / 1e6) * n,
    worstRelativeDifference: single ? worst : null,
  }),
);

/**
 * Distance-sum kernel profile (closeness / harmonic)
 * CPU time per source of the weighted distance sums (Dijkstra on the heap vs on the bucket queue)
 * on the generated org, in this thread, on a sample of sources, with the largest relative gap
 * between the two queues' sums.
 * Usage: npx tsx benchmarks/metrics/centrality/distance-kernel-profile.ts [people] [sources]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';

const people = Number(process.argv[2] ?? 10000);
const sources = Number(process.argv[3] ?? 1000);
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, true, 'inverse');
const full = permutePair(input.pair, breadthFirstOrder(input.pair)).backward;
const p0 = process.cpuUsage();
const pruned = withoutDetouredArcs(full);
const pc = process.cpuUsage(p0);
const pruneCpuSeconds = (pc.user + pc.system) / 1e6;
let g = full;
const n = g.n;
const table = unitDistances(n + 1, 1);
const step = Math.max(1, Math.floor(n / sources));

function time(scratch: DistanceScratch, graph: typeof full): { cpuUs: number; out: Float64Array } {
  g = graph;
  const out = new Float64Array(3 * n);
  for (let s = 0; s < 50; s++) distanceSums(g, (s * 7919) % n, out, scratch, table);
  out.fill(0);
  const c0 = process.cpuUsage();
  let count = 0;
  for (let s = 0; s < n && count < sources; s += step, count++) distanceSums(g, s, out, scratch, table);
  const c = process.cpuUsage(c0);
  return { cpuUs: (c.user + c.system) / count, out };
}

const heap = time(new DistanceScratch(n, null), full);
const plan = bucketPlan(full);
const buckets = time(new DistanceScratch(n, plan), full);
const prunedPlan = bucketPlan(pruned);
const both = time(new DistanceScratch(n, prunedPlan), pruned);
function gap(x: Float64Array, y: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < 3 * n; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== b) worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
  }
  return worst;
}
console.log(
  JSON.stringify({
    people,
    m: f.org.m,
    sources: Math.min(sources, Math.ceil(n / step)),
    slots: plan?.slots ?? null,
    heapCpuUsPerSource: heap.cpuUs,
    bucketCpuUsPerSource: buckets.cpuUs,
    arcs: full.targets.length,
    arcsKeptAfterDetours: pruned.targets.length,
    prunedSlots: prunedPlan?.slots ?? null,
    pruneCpuSeconds,
    prunedBucketCpuUsPerSource: both.cpuUs,
    speedupBuckets: heap.cpuUs / buckets.cpuUs,
    speedupBucketsPruned: heap.cpuUs / both.cpuUs,
    projectedCpuSecondsAllSources: (both.cpuUs * n) / 1e6,
    worstRelativeGapBuckets: gap(heap.out, buckets.out),
    worstRelativeGapPruned: gap(heap.out, both.out),
  }),
);

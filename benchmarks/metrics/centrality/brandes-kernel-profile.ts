/**
 * Brandes kernel profile
 * CPU time per source of the exact weighted / unweighted Brandes kernel on the generated org, in
 * this thread, on sources spread over the node order; prints µs per source (CPU and wall) and, for
 * the bucket queue, what one source's run does on average: nodes settled, arcs scanned, queue
 * entries (first reaches plus moves to an earlier bucket), stale entries skipped, equal-length
 * ties, buckets stepped through and the empty ones among them.
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-kernel-profile.ts [people] [sources] [weighted|unweighted]
 *   [buckets|heap] [backbone|detours|all-arcs]
 * (detours: arcs beaten by a two-step detour dropped first; backbone: the distance backbone, as
 * the path pool runs from 20,000 people; default: what the pool runs at that size)
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { BACKBONE_MIN_NODES, distanceBackbone } from '../../../src/core/graph/backbone.js';

const people = Number(process.argv[2] ?? 10000);
const sources = Number(process.argv[3] ?? 400);
const weighted = (process.argv[4] ?? 'weighted') === 'weighted';
const queue = process.argv[5] ?? 'buckets';
const filter = process.argv[6] ?? (people >= BACKBONE_MIN_NODES ? 'backbone' : 'detours');
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, weighted, 'inverse');
const ordered = permutePair(input.pair, breadthFirstOrder(input.pair)).forward;
const c0 = process.cpuUsage();
let capped = 0;
let g: PathGraph = ordered;
if (filter === 'detours') g = withoutDetouredArcs(ordered);
else if (filter === 'backbone') ({ graph: g, capped } = distanceBackbone(ordered));
const filterCpu = process.cpuUsage(c0);
const n = g.n;
const plan = queue === 'buckets' ? bucketPlan(g) : null;
const scratch = new PathScratch(n, plan);
const out = new Float64Array(n);
const step = Math.max(1, Math.floor(n / sources));
// Warm-up.
for (let s = 0; s < 50; s++) brandesSource(g, (s * 7919) % n, out, scratch);
out.fill(0);
const totals = { settled: 0, arcsScanned: 0, queueEntries: 0, staleEntries: 0, ties: 0, buckets: 0, emptyBuckets: 0 };
let cpuUs = 0;
let wall = 0;
let count = 0;
for (let s = 0; s < n && count < sources; s += step, count++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const settled = brandesSource(g, s, out, scratch);
  const cpu = process.cpuUsage(cpu0);
  wall += performance.now() - t0;
  cpuUs += cpu.user + cpu.system;
  totals.settled += settled;
  // Arcs scanned: every out-arc of every settled node (`order` lists them).
  for (let k = 0; k < settled; k++) totals.arcsScanned += g.offsets[scratch.order[k] + 1] - g.offsets[scratch.order[k]];
  if (plan && g.lengths) {
    totals.queueEntries += scratch.runEntries;
    totals.staleEntries += scratch.runEntries - settled;
    totals.ties += scratch.ties;
    totals.buckets += scratch.runBuckets;
    totals.emptyBuckets += scratch.runEmptyBuckets;
  }
}
let checksum = 0;
for (let v = 0; v < n; v++) checksum += out[v];
const perSource = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / count]));
console.log(
  JSON.stringify({
    people,
    m: f.org.m,
    search: input.search,
    filter,
    arcs: ordered.targets.length,
    arcsUsed: g.targets.length,
    backboneCapped: filter === 'backbone' ? capped : undefined,
    filterCpuSeconds: (filterCpu.user + filterCpu.system) / 1e6,
    queue: plan ? `buckets(${plan.slots})` : 'heap',
    sources: count,
    cpuUsPerSource: cpuUs / count,
    wallUsPerSource: (wall * 1000) / count,
    projectedCpuSecondsAllSources: (cpuUs / count / 1e6) * n,
    perSource: plan && g.lengths ? perSource : undefined,
    checksum,
    loadAverage: (await import('node:os')).loadavg(),
  }),
);

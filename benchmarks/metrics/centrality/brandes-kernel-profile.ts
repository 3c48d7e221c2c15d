/**
 * Brandes kernel profile (helper B's bench script)
 * CPU time per source of the exact weighted / unweighted Brandes kernel on the generated 10k org,
 * in this thread, on a sample of sources; prints µs per source (CPU and wall).
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-kernel-profile.ts [people] [sources] [weighted|unweighted] [buckets|heap] [detours|all-arcs]
 * (detours: arcs beaten by a two-step detour dropped first, as the path pool does)
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';

const people = Number(process.argv[2] ?? 10000);
const sources = Number(process.argv[3] ?? 400);
const weighted = (process.argv[4] ?? 'weighted') === 'weighted';
const queue = process.argv[5] ?? 'buckets';
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, weighted, 'inverse');
const ordered = permutePair(input.pair, breadthFirstOrder(input.pair));
const detours = (process.argv[6] ?? 'detours') === 'detours';
const g = detours ? { forward: withoutDetouredArcs(ordered.forward), backward: ordered.backward } : ordered;
const n = g.forward.n;
const plan = queue === 'buckets' ? bucketPlan(g.forward) : null;
const scratch = new PathScratch(n, plan);
const out = new Float64Array(n);
const step = Math.max(1, Math.floor(n / sources));
// Warm-up.
for (let s = 0; s < 50; s++) brandesSource(g.forward, (s * 7919) % n, out, scratch);
out.fill(0);
const c0 = process.cpuUsage();
const t0 = performance.now();
let count = 0;
for (let s = 0; s < n && count < sources; s += step, count++) brandesSource(g.forward, s, out, scratch);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const cpuMs = (cpu.user + cpu.system) / 1000;
let checksum = 0;
for (let v = 0; v < n; v++) checksum += out[v];
console.log(
  JSON.stringify({
    people,
    m: f.org.m,
    search: input.search,
    arcs: ordered.forward.targets.length,
    arcsUsed: g.forward.targets.length,
    queue: plan ? `buckets(${plan.slots})` : 'heap',
    sources: count,
    cpuUsPerSource: (cpuMs * 1000) / count,
    wallUsPerSource: (wall * 1000) / count,
    projectedCpuSecondsAllSources: ((cpuMs / count) * n) / 1000,
    checksum,
  }),
);

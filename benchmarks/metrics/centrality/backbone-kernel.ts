/**
 * Weighted closeness kernel on the two-step filter vs the distance backbone (issue 10, case 6)
 * CPU microseconds per source of the distance-sum kernel (bucket queue) on the generated org after
 * one arc filter, in this process only: run each filter in its own process, alternating, to compare.
 * Usage: npx tsx benchmarks/metrics/centrality/backbone-kernel.ts [people] [sources] [two-step|backbone] [scanFactor]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';
import { withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';

const people = Number(process.argv[2] ?? 10000);
const sources = Number(process.argv[3] ?? 500);
const filter = process.argv[4] ?? 'backbone';
const scanFactor = process.argv[5] === undefined ? undefined : Number(process.argv[5]);
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, true, 'inverse');
const full = permutePair(input.pair, breadthFirstOrder(input.pair)).backward;
const c0 = process.cpuUsage();
const g = filter === 'two-step' ? withoutDetouredArcs(full) : withoutNonBackboneArcs(full, { scanFactor });
const cf = process.cpuUsage(c0);
const n = g.n;
const scratch = new DistanceScratch(n, bucketPlan(g));
const table = unitDistances(n + 1, 1);
const out = new Float64Array(3 * n);
for (let k = 0; k < 30; k++) distanceSums(g, (k * 7919) % n, out, scratch, table);
out.fill(0);
const step = Math.max(1, Math.floor(n / sources));
let count = 0;
const c1 = process.cpuUsage();
for (let s = 0; s < n && count < sources; s += step, count++) distanceSums(g, s, out, scratch, table);
const ck = process.cpuUsage(c1);
let sum = 0;
for (let v = 0; v < 3 * n; v++) sum += out[v];
console.log(
  JSON.stringify({
    people,
    filter,
    scanFactor: scanFactor ?? 'default',
    arcsKept: g.targets.length,
    filterCpuSeconds: (cf.user + cf.system) / 1e6,
    kernelCpuUsPerSource: (ck.user + ck.system) / count,
    sources: count,
    distanceSumTotal: sum,
  }),
);

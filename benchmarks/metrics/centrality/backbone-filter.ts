/**
 * Arc filters for exact path tasks: the two-step detour rule vs the distance backbone
 * CPU seconds of each filter on the generated org (breadth-first order, inverse-strength lengths,
 * as the path pool builds it for distance sums), the arcs each keeps, and the nodes whose local
 * search hit the work cap. Usage: npx tsx benchmarks/metrics/centrality/backbone-filter.ts [people] [scanFactor]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';
import { distanceBackbone } from '../../../src/core/graph/backbone.js';

const people = Number(process.argv[2] ?? 10000);
const scanFactor = Number(process.argv[3] ?? 4);
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, true, 'inverse');
const g = permutePair(input.pair, breadthFirstOrder(input.pair)).backward;

function cpu<T>(fn: () => T): { value: T; seconds: number } {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, seconds: (c.user + c.system) / 1e6 };
}
const two = cpu(() => withoutDetouredArcs(g));
const bb = cpu(() => distanceBackbone(g, { scanFactor }));
console.log(
  JSON.stringify({
    people,
    arcs: g.targets.length,
    twoStep: { arcsKept: two.value.targets.length, cpuSeconds: two.seconds },
    backbone: { scanFactor, arcsKept: bb.value.graph.targets.length, capped: bb.value.capped, cpuSeconds: bb.seconds },
  }),
);

/**
 * Arc filters for exact path tasks: the two-step detour rule vs the distance backbone
 * CPU seconds of each filter on the generated org (breadth-first order, inverse-strength lengths,
 * as the path pool builds it for distance sums), the arcs each keeps, and the nodes whose local
 * search hit the work cap; then, at the default scanFactor, the wall time of the backbone as the path
 * pool builds it, in this thread and with its searches on `workers` worker threads
 * (distanceBackboneInWorkers), and whether both keep the same arcs.
 * Usage: npx tsx benchmarks/metrics/centrality/backbone-filter.ts [people] [scanFactor] [workers]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';
import { BACKBONE_DEFAULTS, distanceBackbone, withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';
import { distanceBackboneInWorkers, setBackboneMinNodes } from '../../../src/core/parallel/pool.js';

const people = Number(process.argv[2] ?? 10000);
const scanFactor = Number(process.argv[3] ?? 4);
const workers = Number(process.argv[4] ?? 2);
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

if (scanFactor === BACKBONE_DEFAULTS.scanFactor) {
  setBackboneMinNodes(0);
  let t = performance.now();
  const one = withoutNonBackboneArcs(g);
  const oneThread = (performance.now() - t) / 1000;
  t = performance.now();
  const split = await distanceBackboneInWorkers(g, workers);
  const inWorkers = (performance.now() - t) / 1000;
  const sameArcs =
    split.targets.length === one.targets.length &&
    split.targets.every((v, i) => v === one.targets[i]) &&
    split.offsets.every((v, i) => v === one.offsets[i]);
  console.log(JSON.stringify({ people, wallSeconds: { oneThread, workers, inWorkers }, sameArcs }));
}

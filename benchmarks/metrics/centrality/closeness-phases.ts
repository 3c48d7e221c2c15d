/**
 * Where the time of one weighted closeness call goes (case 6)
 * Times each phase of `closeness(view, { weighted: true, workers })` on the generated org in this
 * process, with the same functions the path pool calls: lengths, relabelling (breadth-first order,
 * permutation), the detour filter, the bucket plan, copying the graph to shared memory, starting
 * the workers (a two-sample task on the same graph: thread start, module load, graph hand-over),
 * the distance kernel (CPU per source over evenly spaced sources, in this thread, projected to all
 * sources), and the restore to the caller's labels; then the whole call, wall and CPU of every
 * thread (process.cpuUsage counts worker threads too). CPU figures are robust to a loaded
 * machine; wall figures are not.
 * Usage: npx tsx benchmarks/metrics/centrality/closeness-phases.ts [people] [sources] [workers]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { closeness } from '../../../src/metrics/centrality/closeness.js';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';
import { runPathTask, serializePair } from '../../../src/core/parallel/pool.js';

const people = Number(process.argv[2] ?? 10000);
const sources = Number(process.argv[3] ?? 500);
const workers = Number(process.argv[4] ?? 2);
const f = orgFixture(people, 1, 20);

/** CPU seconds (this process, every thread) and wall seconds of `fn`. */
function timed<T>(fn: () => T): { value: T; cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000 };
}

const lengths = timed(() => pathInput(f.view, true, 'inverse'));
const input = lengths.value;
const order = timed(() => breadthFirstOrder(input.pair));
const permuted = timed(() => permutePair(input.pair, order.value));
const filtered = timed(() => withoutDetouredArcs(permuted.value.backward));
const g = filtered.value;
const plan = timed(() => bucketPlan(g));
const pair = { forward: permuted.value.forward, backward: g };
const share = timed(() => serializePair(pair));
const n = g.n;

// Worker start: a two-sample task on the same pair (thread start, module load, graph hand-over).
const t0 = performance.now();
const c0 = process.cpuUsage();
await runPathTask(pair, { kind: 'sample', seed: 1, samples: workers }, { workers });
const cStart = process.cpuUsage(c0);
const startWall = (performance.now() - t0) / 1000;

// Kernel: CPU per source in this thread, evenly spaced sources (after a warm-up).
const scratch = new DistanceScratch(n, plan.value);
const table = unitDistances(n + 1, 1);
const out = new Float64Array(3 * n);
for (let k = 0; k < 30; k++) distanceSums(g, (k * 7919) % n, out, scratch, table);
const step = Math.max(1, Math.floor(n / sources));
let count = 0;
const kernel = timed(() => {
  for (let s = 0; s < n && count < sources; s += step, count++) distanceSums(g, s, out, scratch, table);
});
const perSource = kernel.cpu / count;

// Restore: the pool maps the 3n sums back to the caller's labels.
const restore = timed(() => {
  const back = new Float64Array(out.length);
  for (let k = 0; k < n; k++) for (let c = 0; c < 3; c++) back[3 * order.value[k] + c] = out[3 * k + c];
  return back;
});

// The whole call, as case 6 times it.
const whole = await (async () => {
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  await closeness(f.view, { weighted: true, workers });
  const c = process.cpuUsage(c1);
  return { cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t1) / 1000 };
})();

const round = (x: number) => Number(x.toPrecision(4));
const kernelAll = perSource * n;
const mainThread = order.cpu + permuted.cpu + filtered.cpu + plan.cpu + share.cpu + restore.cpu;
console.log(
  JSON.stringify({
    people,
    workers,
    arcs: input.pair.backward.targets.length,
    arcsAfterDetourFilter: g.targets.length,
    cpuSeconds: {
      lengths: round(lengths.cpu),
      breadthFirstOrder: round(order.cpu),
      permutePair: round(permuted.cpu),
      detourFilter: round(filtered.cpu),
      bucketPlan: round(plan.cpu),
      sharedCopy: round(share.cpu),
      workerStartAllThreads: round((cStart.user + cStart.system) / 1e6),
      restore: round(restore.cpu),
      kernelPerSourceMicroseconds: round(perSource * 1e6),
      kernelAllSourcesProjected: round(kernelAll),
    },
    workerStartWallSeconds: round(startWall),
    projectedWallSeconds: round(mainThread + startWall + kernelAll / workers),
    wholeCall: { wallSeconds: round(whole.wall), cpuSecondsAllThreads: round(whole.cpu) },
    sourcesTimed: count,
  }),
);

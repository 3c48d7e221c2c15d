/**
 * Pivot-pruned weighted Brandes (ChainRunner, src/core/paths/brandes-chain.ts) against the plain
 * kernel (brandesSource), CPU time per source in one process.
 * On the graph the path pool runs (lengths 1/w, breadth-first order, the distance backbone from
 * 20,000 people), the pool's source chain (sourceChain: a minimum spanning forest in heavy-last
 * preorder). `stretches` runs of `length` consecutive chain items spread over the chain, as the
 * pool's blocks run them (the first items of a stretch recompute their pivots): each stretch once
 * pruned and once plain, the order alternating, both on the same WebAssembly engine, both adding
 * into plain arrays. Prints CPU per source of each, the ratio, the arcs kept per pruned run, the
 * extra pivot passes, the largest relative gap between the two sums (rounding only: the
 * dependencies are added in another order), and per stretch (its place in the chain) both costs and
 * the arcs kept.
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-chain-ab.ts [people] [stretches] [length]
 */
import { loadavg } from 'node:os';
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { ChainRunner } from '../../../src/core/paths/brandes-chain.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';
import { BACKBONE_MIN_NODES, withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';
import { sourceChain } from '../../../src/core/graph/source-chain.js';

const [people, stretches, length] = [Number(process.argv[2] ?? 100000), Number(process.argv[3] ?? 6), Number(process.argv[4] ?? 64)];
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, true, 'inverse');
const all = permutePair(input.pair, breadthFirstOrder(input.pair)).forward;
const g = all.n >= BACKBONE_MIN_NODES ? withoutNonBackboneArcs(all) : withoutDetouredArcs(all);
const n = g.n;
const t0 = performance.now();
const chain = sourceChain(g);
const chainMs = performance.now() - t0;
const scratch = new PathScratch(n, bucketPlan(g));
const runner = new ChainRunner(g, chain, scratch);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const outPlain = new Float64Array(n);
const outChain = new Float64Array(n);
for (let k = 0; k < 20; k++) brandesSource(g, (k * 7919) % n, new Float64Array(n), scratch);
let plainMs = 0;
let chainRunMs = 0;
const perStretch: { at: number; plainMs: number; chainMs: number; kept: number }[] = [];
for (let b = 0; b < stretches; b++) {
  const start = Math.floor(((b + 0.5) / stretches) * (n - length));
  const row = { at: +(start / n).toFixed(3), plainMs: 0, chainMs: 0, kept: 0 };
  const plain = () => {
    const c = cpu();
    for (let k = start; k < start + length; k++) brandesSource(g, chain.sources[k], outPlain, scratch);
    row.plainMs = (cpu() - c) / length;
    plainMs += cpu() - c;
  };
  const pruned = () => {
    const [c, kept, runs] = [cpu(), runner.keptArcs, runner.prunedRuns];
    for (let k = start; k < start + length; k++) runner.run(k, outChain);
    row.chainMs = (cpu() - c) / length;
    row.kept = +((runner.keptArcs - kept) / Math.max(1, runner.prunedRuns - runs) / g.targets.length).toFixed(3);
    chainRunMs += cpu() - c;
  };
  if (b % 2 === 0) {
    plain();
    pruned();
  } else {
    pruned();
    plain();
  }
  perStretch.push(row);
}
let worst = 0;
for (let v = 0; v < n; v++) {
  const [a, c] = [outPlain[v], outChain[v]];
  if (a !== c) worst = Math.max(worst, Math.abs(a - c) / Math.max(Math.abs(a), Math.abs(c)));
}
const sources = stretches * length;
console.log(
  JSON.stringify({
    people,
    arcs: g.targets.length,
    sources,
    chainBuildMs: Math.round(chainMs),
    plainCpuMsPerSource: plainMs / sources,
    chainCpuMsPerSource: chainRunMs / sources,
    ratio: plainMs / chainRunMs,
    keptArcsPerPrunedRun: runner.prunedRuns ? runner.keptArcs / runner.prunedRuns / g.targets.length : 0,
    prunedRuns: runner.prunedRuns,
    extraPasses: runner.extraPasses,
    worstRelativeGap: worst,
    perStretch: perStretch.map((r) => ({ ...r, plainMs: +r.plainMs.toFixed(2), chainMs: +r.chainMs.toFixed(2) })),
    loadAverage: loadavg(),
  }),
);

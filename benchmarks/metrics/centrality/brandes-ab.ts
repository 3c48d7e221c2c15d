/**
 * Brandes kernel A/B on a loaded machine
 * CPU time per source of the exact Brandes kernel on the generated org, on all arcs vs with the
 * arcs beaten by a two-step detour dropped (weighted), alternating the two in small chunks of the
 * same sources so that both see the same machine load; prints µs per source and the ratio.
 * With --backbone, a third variant: the distance backbone (withoutNonBackboneArcs), in the same chunks.
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-ab.ts [people] [sources] [weighted|unweighted] [--backbone]
 */
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { breadthFirstOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';

const people = Number(process.argv[2] ?? 10000);
const sources = Number(process.argv[3] ?? 200);
const weighted = (process.argv[4] ?? 'weighted') === 'weighted';
const backbone = process.argv.includes('--backbone');
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, weighted, 'inverse');
const all = permutePair(input.pair, breadthFirstOrder(input.pair)).forward;
const variants: { name: string; g: PathGraph }[] = [
  { name: 'all-arcs', g: all },
  { name: 'detours-dropped', g: withoutDetouredArcs(all) },
  ...(backbone ? [{ name: 'backbone', g: withoutNonBackboneArcs(all) }] : []),
];
const n = all.n;
const runs = variants.map((v) => ({
  ...v,
  scratch: new PathScratch(n, bucketPlan(v.g)),
  out: new Float64Array(n),
  cpuUs: 0,
}));
const step = Math.max(1, Math.floor(n / sources));
const list: number[] = [];
for (let s = 0; s < n && list.length < sources; s += step) list.push(s);
for (const r of runs) for (let k = 0; k < 10; k++) brandesSource(r.g, (k * 7919) % n, new Float64Array(n), r.scratch);
const chunk = 10;
for (let i = 0; i < list.length; i += chunk) {
  for (const r of runs) {
    const c0 = process.cpuUsage();
    for (let k = i; k < Math.min(list.length, i + chunk); k++) brandesSource(r.g, list[k], r.out, r.scratch);
    const c = process.cpuUsage(c0);
    r.cpuUs += c.user + c.system;
  }
}
let worst = 0;
for (let v = 0; v < n; v++) {
  const a = runs[0].out[v];
  for (const r of runs.slice(1)) {
    const b = r.out[v];
    if (a !== b) worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
  }
}
console.log(
  JSON.stringify({
    people,
    weighted,
    sources: list.length,
    variants: runs.map((r) => ({
      name: r.name,
      arcs: r.g.targets.length,
      cpuUsPerSource: r.cpuUs / list.length,
      projectedCpuSecondsAllSources: (r.cpuUs / list.length / 1e6) * n,
    })),
    ratio: runs[0].cpuUs / runs[1].cpuUs,
    ratioBackboneVsDetours: runs.length > 2 ? runs[1].cpuUs / runs[2].cpuUs : undefined,
    worstRelativeGap: worst,
  }),
);

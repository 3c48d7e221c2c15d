/**
 * Brandes kernel A/B on a loaded machine
 * CPU time per source of the exact Brandes kernel on the generated org, variants alternated in
 * small chunks of the same sources (the order of the variants rotating from chunk to chunk) so
 * that all see the same machine load; prints µs per source, the ratios and the largest relative
 * gap between the variants' sums (0: the same bits).
 *
 * Graph variants (default): all arcs vs the arcs beaten by a two-step detour dropped (weighted);
 * with --backbone, a third: the distance backbone (withoutNonBackboneArcs).
 * Kernel variants (--against <git revision>): the kernel of src/core/paths/brandes.ts at that
 * revision (copied from git into temp/brandes-ab/, with its WebAssembly engine) vs the current
 * one, both on the graph the path pool runs (breadth-first order, or clustered with --clustered;
 * the backbone filter from 20,000 people, the two-step rule below). Each kernel adds into the
 * array the pool's tasks give it (its engine's own, brandesSums, where it has one).
 * Usage: npx tsx benchmarks/metrics/centrality/brandes-ab.ts [people] [sources] [weighted|unweighted]
 *   [--backbone] [--scan-factors a,b] [--against <rev>] [--clustered]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { orgFixture } from '../../fixture.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { brandesSource, brandesSums, PathScratch } from '../../../src/core/paths/brandes.js';
import { breadthFirstOrder, clusteredOrder, permutePair } from '../../../src/core/graph/reorder.js';
import { bucketPlan, withoutDetouredArcs, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { BACKBONE_MIN_NODES, withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';

interface Kernel {
  source: (g: PathGraph, s: number, out: Float64Array, scratch: never) => number;
  scratch: (n: number, g: PathGraph) => unknown;
  /** The array the pool's tasks add into (the engine's own, where the kernel has one), zeroed. */
  sums?: (g: PathGraph, scratch: never) => Float64Array;
}

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const valueOf = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const against = valueOf('--against');
const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--against' && argv[i - 1] !== '--scan-factors');
const people = Number(positional[0] ?? 10000);
const sources = Number(positional[1] ?? 200);
const weighted = (positional[2] ?? 'weighted') === 'weighted';
const f = orgFixture(people, 1, 20);
const input = pathInput(f.view, weighted, 'inverse');
const order = flag('--clustered') ? clusteredOrder(input.pair) : breadthFirstOrder(input.pair);
const all = permutePair(input.pair, order).forward;
const current: Kernel = {
  source: brandesSource as Kernel['source'],
  scratch: (n, g) => new PathScratch(n, bucketPlan(g)),
  sums: brandesSums as Kernel['sums'],
};

/**
 * The kernel at a git revision: brandes.ts, and with it wasm-dijkstra.ts and brandes-wasm.ts where
 * the revision has them (the WebAssembly kernel and its module), copied into temp/brandes-ab/<rev>/
 * with their other relative imports pointed back at src/core.
 */
async function kernelAt(rev: string): Promise<Kernel> {
  const dir = resolve('temp/brandes-ab', rev.replace(/[^A-Za-z0-9]/g, '_'));
  mkdirSync(dir, { recursive: true });
  const own = ['brandes', 'wasm-dijkstra', 'brandes-wasm'];
  for (const name of own) {
    let text: string;
    try {
      text = execFileSync('git', ['show', `${rev}:src/core/paths/${name}.ts`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // not at that revision (the kernel before WebAssembly)
    }
    const moved = text.replace(/from '(\.\.?\/[^']+)\.js'/g, (whole, path: string) =>
      own.some((o) => path === `./${o}`) ? whole : `from '${resolve('src/core/paths', path)}.js'`,
    );
    writeFileSync(resolve(dir, `${name}.ts`), moved);
  }
  const mod = (await import(pathToFileURL(resolve(dir, 'brandes.ts')).href)) as {
    brandesSource: Kernel['source'];
    PathScratch: new (n: number, plan: unknown) => unknown;
    brandesSums?: Kernel['sums'];
  };
  return { source: mod.brandesSource, scratch: (n, g) => new mod.PathScratch(n, bucketPlan(g)), sums: mod.brandesSums };
}

const variants: { name: string; g: PathGraph; kernel: Kernel }[] = [];
if (against) {
  const g = people >= BACKBONE_MIN_NODES ? withoutNonBackboneArcs(all) : withoutDetouredArcs(all);
  variants.push({ name: `kernel@${against}`, g, kernel: await kernelAt(against) }, { name: 'kernel (current)', g, kernel: current });
} else {
  variants.push({ name: 'all-arcs', g: all, kernel: current }, { name: 'detours-dropped', g: withoutDetouredArcs(all), kernel: current });
  if (flag('--backbone')) variants.push({ name: 'backbone', g: withoutNonBackboneArcs(all), kernel: current });
  for (const factor of (valueOf('--scan-factors') ?? '').split(',').filter(Boolean).map(Number)) {
    variants.push({ name: `backbone(scanFactor ${factor})`, g: withoutNonBackboneArcs(all, { scanFactor: factor }), kernel: current });
  }
}
const n = all.n;
const runs = variants.map((v) => {
  const scratch = v.kernel.scratch(n, v.g) as never;
  return { ...v, scratch, out: v.kernel.sums?.(v.g, scratch) ?? new Float64Array(n), cpuUs: 0 };
});
const step = Math.max(1, Math.floor(n / sources));
const list: number[] = [];
for (let s = 0; s < n && list.length < sources; s += step) list.push(s);
for (const r of runs) {
  for (let k = 0; k < 10; k++) r.kernel.source(r.g, (k * 7919) % n, r.out, r.scratch);
  r.out.fill(0);
}
const chunk = 5;
for (let i = 0, c = 0; i < list.length; i += chunk, c++) {
  for (let j = 0; j < runs.length; j++) {
    const r = runs[(j + c) % runs.length];
    const c0 = process.cpuUsage();
    for (let k = i; k < Math.min(list.length, i + chunk); k++) r.kernel.source(r.g, list[k], r.out, r.scratch);
    const used = process.cpuUsage(c0);
    r.cpuUs += used.user + used.system;
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
const last = runs[runs.length - 1];
console.log(
  JSON.stringify({
    people,
    weighted,
    order: flag('--clustered') ? 'clustered' : 'bfs',
    sources: list.length,
    variants: runs.map((r) => ({
      name: r.name,
      arcs: r.g.targets.length,
      cpuUsPerSource: r.cpuUs / list.length,
      projectedCpuSecondsAllSources: (r.cpuUs / list.length / 1e6) * n,
    })),
    ratio: runs[0].cpuUs / runs[1].cpuUs,
    ratioLastVsSecond: runs.length > 2 ? runs[1].cpuUs / last.cpuUs : undefined,
    worstRelativeGap: worst,
    loadAverage: (await import('node:os')).loadavg(),
  }),
);

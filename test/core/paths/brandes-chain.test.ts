/**
 * Pivot-pruned weighted Brandes (src/core/paths/brandes-chain.ts): the same dependencies as the
 * plain kernel up to rounding, and the same bits however the chain is cut into stretches (blocks),
 * on random graphs with many equal-length routes, a graph in parts, and one whose ties overflow the
 * predecessor pool; through the path pool, the same bits on 2 and 3 workers; against NetworkX on the
 * undirected reference data sets. The pool runs chained tasks on the graph relabelled in its chain's
 * order (chainLayout in pool.ts), which the weighted distance sums share: checked here too, against
 * the breadth-first layout and NetworkX.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';
import { ChainRunner, pivotSlotsFor, pruneMargin } from '../../../src/core/paths/brandes-chain.js';
import { sourceChain } from '../../../src/core/graph/source-chain.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, pathGraphOf, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { runPathTask, setChainMinNodes } from '../../../src/core/parallel/pool.js';
import { useWasmDijkstra } from '../../../src/core/paths/wasm-dijkstra.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import { closenessSync } from '../../../src/metrics/centrality/closeness.js';
import { harmonicSync } from '../../../src/metrics/centrality/harmonic.js';
import { maxRelativeError, referenceCases, referenceView } from '../../metrics/centrality/path-fixtures.js';
import { layeredTieGraph, randomLengthGraph } from '../../helpers/brandes-runs.js';

function randomGraph(n: number, arcs: number, seed: number, strengths: readonly number[]): PathGraph {
  return randomLengthGraph(n, arcs, false, seed, strengths);
}

/** Every source with the plain kernel, in chain order (the same additions' order as the chain's). */
function plain(g: PathGraph, sources: Int32Array): Float64Array {
  const scratch = new PathScratch(g.n, bucketPlan(g));
  const out = new Float64Array(g.n);
  for (const s of sources) brandesSource(g, s, out, scratch);
  return out;
}

/**
 * The chain's items cut into stretches at `cuts` (consecutive ranges), run on a fresh runner in the
 * order `runOrder` (default: in chain order), each stretch into its own sums, then added in
 * stretch order, as the path pool adds its blocks.
 */
function chained(g0: PathGraph, cuts: readonly number[], runOrder?: readonly number[]): { out: Float64Array; runner: ChainRunner } {
  const g: PathGraph = { ...g0 }; // its own engine
  const chain = sourceChain(g);
  const runner = new ChainRunner(g, chain, new PathScratch(g.n, bucketPlan(g)));
  const bounds = [0, ...cuts, g.n];
  const stretches = bounds.slice(1).map(() => new Float64Array(g.n));
  for (const b of runOrder ?? stretches.map((_, i) => i)) for (let k = bounds[b]; k < bounds[b + 1]; k++) runner.run(k, stretches[b]);
  const out = new Float64Array(g.n);
  for (const part of stretches) for (let v = 0; v < g.n; v++) out[v] += part[v];
  return { out, runner };
}

afterEach(() => {
  setChainMinNodes(2000);
});

describe('ChainRunner (pivot-pruned weighted Brandes)', () => {
  it('random graphs with many equal-length routes: the plain kernel to rounding, every source but the roots pruned, no pivot recomputed in one stretch', () => {
    for (const [seed, strengths] of [
      [1, [1, 2, 3]],
      [2, [1, 2, 4, 8]],
      [3, Array.from({ length: 118 }, (_, i) => i + 1)],
    ] as const) {
      const g = randomGraph(400, 2400, seed, strengths);
      const { out, runner } = chained(g, []);
      const reference = plain(g, sourceChain(g).sources);
      expect(out.some((x) => x > 0)).toBe(true);
      expect(maxRelativeError(out, reference)).toBeLessThan(1e-12);
      expect(runner.prunedRuns).toBe(g.n - 1); // one component: only its root runs unpruned
      expect(runner.extraPasses).toBe(0);
      // Pruning kept fewer arcs than the graph has.
      expect(runner.keptArcs / runner.prunedRuns).toBeLessThan(g.targets.length);
    }
  });

  it('the same bits however the chain is cut into stretches (pivots recomputed at each cut), and in parts that never reach one another', () => {
    const g = randomGraph(300, 1500, 4, [1, 2, 3, 5, 8]);
    const cuts = [37, 150, 151, 299];
    const inOrder = chained(g, cuts);
    expect(inOrder.runner.extraPasses).toBe(0); // one stretch after another: every pivot still at hand
    const { out: shuffled, runner } = chained(g, cuts, [3, 0, 4, 2, 1]);
    expect(Array.from(shuffled)).toEqual(Array.from(inOrder.out));
    expect(runner.extraPasses).toBeGreaterThan(0);
    // Three parts: nodes 0-99, 100-199, 200-299, each its own tree of the forest.
    const random = mulberry32(5);
    const sources: number[] = [];
    const targets: number[] = [];
    for (let part = 0; part < 3; part++)
      for (let i = 0; i < 400; i++) {
        const [a, b] = [part * 100 + Math.floor(random() * 100), part * 100 + Math.floor(random() * 100)];
        if (a !== b) {
          sources.push(a);
          targets.push(b);
        }
      }
    const csr = csrFromEdges(300, { sources, targets, weights: sources.map((_, i) => 1 + (i % 3)) }, false);
    const parts = pathGraphOf(csr, lengthsFromStrengths(csr));
    const { out, runner: partsRunner } = chained(parts, [120], [1, 0]);
    expect(maxRelativeError(out, plain(parts, sourceChain(parts).sources))).toBeLessThan(1e-12);
    expect(partsRunner.prunedRuns).toBeLessThanOrEqual(parts.n - 3);
  });

  it('more equal-length ties than the predecessor pool holds: that source runs in the plain kernel, hand value kept', () => {
    // Node 0 lies on 1 of the 13 shortest routes between two L1 nodes (see layeredTieGraph).
    const g = layeredTieGraph();
    const { out } = chained(g, []);
    expect(out[0]).toBeCloseTo(132 / 13, 12);
    expect(maxRelativeError(out, plain(g, sourceChain(g).sources))).toBeLessThan(1e-12);
  });

  it('the engine after pruned runs (stopped mid-chain): the plain kernel on the same graph object still gives its own bits', () => {
    const g = randomGraph(300, 1500, 8, [1, 2, 3, 5]);
    const fresh = plain({ ...g }, sourceChain(g).sources);
    const chain = sourceChain(g);
    const runner = new ChainRunner(g, chain, new PathScratch(g.n, bucketPlan(g)));
    const out = new Float64Array(g.n);
    for (let k = 0; k < 40; k++) runner.run(k, out); // stops mid-chain: the last run was pruned
    expect(runner.prunedRuns).toBeGreaterThan(0);
    expect(Array.from(plain(g, chain.sources))).toEqual(Array.from(fresh));
  });

  it('without WebAssembly: the plain JavaScript kernel for every source', () => {
    const g = randomGraph(200, 800, 6, [1, 2, 3]);
    const was = useWasmDijkstra(false);
    try {
      const { out, runner } = chained(g, []);
      expect(runner.prunedRuns).toBe(0);
      expect(maxRelativeError(out, plain(g, sourceChain(g).sources))).toBeLessThan(1e-12);
    } finally {
      useWasmDijkstra(was);
    }
  });

  it('distance summaries (mode distances): distanceSums to rounding for every source, pruned, in any cut of the chain; refused without the engine', () => {
    for (const [seed, strengths] of [
      [12, [1, 2, 3]],
      [13, Array.from({ length: 118 }, (_, i) => i + 1)],
    ] as const) {
      const g = randomGraph(400, 2400, seed, strengths);
      const chain = sourceChain(g);
      const scratch = new DistanceScratch(g.n, bucketPlan(g));
      const table = unitDistances(g.n + 1, 1);
      const expected = new Float64Array(3 * g.n);
      for (let s = 0; s < g.n; s++) distanceSums(g, s, expected, scratch, table);
      for (const order of [
        [0, 1, 2],
        [2, 0, 1],
      ]) {
        const own: PathGraph = { ...g }; // its own engine
        const runner = new ChainRunner(own, chain, new PathScratch(g.n, bucketPlan(g)), 'distances');
        expect(runner.pruning).toBe(true);
        const bounds = [0, 133, 260, g.n];
        const out = new Float64Array(3 * g.n);
        for (const b of order) for (let k = bounds[b]; k < bounds[b + 1]; k++) runner.run(k, out);
        expect(runner.prunedRuns).toBe(g.n - 1);
        expect(maxRelativeError(out, expected)).toBeLessThan(1e-12);
        // Reached counts are exact: every node reaches all 400 here.
        expect(out.filter((_, i) => i % 3 === 0).every((x) => x === g.n)).toBe(true);
      }
    }
    const was = useWasmDijkstra(false);
    try {
      const g = randomGraph(50, 200, 14, [1, 2]);
      const runner = new ChainRunner(g, sourceChain(g), new PathScratch(g.n, bucketPlan(g)), 'distances');
      expect(runner.pruning).toBe(false);
      expect(() => runner.run(0, new Float64Array(3 * g.n))).toThrow(/WebAssembly engine/);
    } finally {
      useWasmDijkstra(was);
    }
  });

  it('slots and margin: log2(n) + 2 slots; the margin grows with n and the distances', () => {
    expect(pivotSlotsFor(100000)).toBe(19);
    expect(pivotSlotsFor(1)).toBe(3);
    // (2^-22 + 2^-48 (n + 2)) (D + L): at n = 100,000, D = 2, L = 1.
    expect(pruneMargin(100000, 2, 1)).toBeCloseTo((2 ** -22 + 2 ** -48 * 100002) * 3, 20);
  });

  it('through the path pool: the same bits on 2 and 3 workers, the plain kernel to rounding', async () => {
    const g = randomGraph(2500, 12000, 7, [1, 2, 3, 4, 6, 9]);
    const pair = { forward: g, backward: g };
    setChainMinNodes(Infinity);
    const unpruned = await runPathTask(pair, { kind: 'betweenness' }, { workers: 1 });
    setChainMinNodes(0);
    const two = await runPathTask({ ...pair }, { kind: 'betweenness' }, { workers: 2 });
    const three = await runPathTask({ ...pair }, { kind: 'betweenness' }, { workers: 3 });
    expect(Array.from(three)).toEqual(Array.from(two));
    expect(maxRelativeError(two, unpruned)).toBeLessThan(1e-12);
  });

  it("weighted distance sums through the path pool on the chain's labels: the breadth-first layout's to rounding, every node mapped back", async () => {
    const g = randomGraph(2500, 12000, 11, [1, 2, 3, 4, 6, 9]);
    const pair = { forward: g, backward: g };
    setChainMinNodes(Infinity);
    const bfs = await runPathTask(pair, { kind: 'distances', unit: 1 }, { workers: 2 });
    setChainMinNodes(0);
    const chainLabels = await runPathTask({ ...pair }, { kind: 'distances', unit: 1 }, { workers: 2 });
    expect(chainLabels.length).toBe(3 * g.n);
    // Three sums per node (reached, distance sum, inverse-distance sum): all positive here, and equal
    // to rounding however the nodes were labelled while they ran.
    expect(bfs.every((x) => x > 0)).toBe(true);
    expect(maxRelativeError(chainLabels, bfs)).toBeLessThan(1e-12);
  });
});

describe.each(referenceCases().filter((c) => !c.directed))('pivot pruning against NetworkX: $name', (c) => {
  it('weighted betweenness (lengths 1/w), raw, to relative 1e-9', () => {
    setChainMinNodes(0);
    const view = referenceView(c, true);
    expect(maxRelativeError(betweennessSync(view, { normalized: false }).values, c.results['betweenness.weighted.raw'])).toBeLessThan(1e-9);
  });
  it("weighted closeness and harmonic on the chain's labels, to relative 1e-9", () => {
    setChainMinNodes(0);
    const view = referenceView(c, true);
    expect(maxRelativeError(closenessSync(view).values, c.results['closeness.weighted'])).toBeLessThan(1e-9);
    expect(maxRelativeError(harmonicSync(view).values, c.results['harmonic.weighted'])).toBeLessThan(1e-9);
  });
});

/**
 * Chained weighted Brandes: the same dependency sums as the single-source kernel (the oracle),
 * chain by chain, on random symmetric weighted graphs (lengths 1/w with small integer w, so many
 * paths tie in length; several components and isolated nodes; chains cut at several lengths),
 * hand values on a 4-cycle, the pruning bound actually dropping arcs, the spanning-forest order,
 * the length codes, and when the path pool picks the kernel (never on a directed graph).
 */
import { describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import {
  BrandesChainScratch,
  brandesChain,
  brandesChained,
  CHAIN_LENGTH,
  CHAIN_MIN_NODES,
  chainItems,
  chainOrder,
  lengthCodes,
  symmetricPair,
} from '../../../src/core/paths/brandes-dial-batch.js';
import { bucketPlan, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { bindTask, taskItems } from '../../../src/core/parallel/tasks.js';

/** A symmetric path graph from weighted edges: each edge {a, b} of strength w gives arcs a -> b and b -> a of length 1/w. */
function symmetricGraph(n: number, edges: [number, number, number][]): PathGraph {
  const arcs: [number, number, number][] = [];
  for (const [a, b, w] of edges) {
    if (a === b) continue;
    arcs.push([a, b, 1 / w], [b, a, 1 / w]);
  }
  const offsets = new Int32Array(n + 1);
  for (const [a] of arcs) offsets[a + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(arcs.length);
  const lengths = new Float64Array(arcs.length);
  for (const [a, b, l] of arcs) {
    targets[fill[a]] = b;
    lengths[fill[a]++] = l;
  }
  return { n, offsets, targets, lengths };
}

/** Deterministic pseudo-random edges among nodes [0, span) (the rest isolated), strengths 1..maxW. */
function randomEdges(seed: number, span: number, k: number, maxW: number): [number, number, number][] {
  let x = seed >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x >>> 8;
  };
  const edges: [number, number, number][] = [];
  for (let i = 0; i < k; i++) edges.push([next() % span, next() % span, 1 + (next() % maxW)]);
  return edges;
}

/** The oracle: brandesSource for every source. */
function single(g: PathGraph): Float64Array {
  const scratch = new PathScratch(g.n, bucketPlan(g));
  const out = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, out, scratch);
  return out;
}

/** Every chain of `length` sources over the spanning-forest order; also the arcs kept, summed over sources. */
function chained(g: PathGraph, length: number): { out: Float64Array; kept: number } {
  const plan = bucketPlan(g);
  expect(plan).not.toBeNull();
  const scratch = new BrandesChainScratch(g, plan!);
  const order = chainOrder(g);
  const out = new Float64Array(g.n);
  let reached = 0;
  for (let c = 0; c < Math.ceil(g.n / length); c++) reached += brandesChain(g, order, c, out, scratch, length);
  expect(reached).toBeGreaterThanOrEqual(g.n);
  return { out, kept: scratch.arcsKept };
}

function expectClose(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let v = 0; v < expected.length; v++) {
    const scale = Math.max(1, Math.abs(expected[v]));
    expect(Math.abs(actual[v] - expected[v]) / scale).toBeLessThanOrEqual(1e-12);
  }
}

describe('brandesChain', () => {
  it('gives the hand values on a 4-cycle, with and without a length tie', () => {
    // Equal lengths: each opposite pair has two shortest paths, one through each other node.
    const even = symmetricGraph(4, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [3, 0, 1],
    ]);
    expect(Array.from(chained(even, 2).out)).toEqual([1, 1, 1, 1]);
    // Strengths 2, 2, 1, 1: d(0, 2) = 1 through 1 only (2 via 3); d(1, 3) = 1.5 through 0 or 2 (a tie).
    const uneven = symmetricGraph(4, [
      [0, 1, 2],
      [1, 2, 2],
      [2, 3, 1],
      [3, 0, 1],
    ]);
    expect(Array.from(chained(uneven, 4).out)).toEqual([1, 2, 1, 0]);
  });

  it('matches the single-source kernel on random symmetric graphs with ties and several components', () => {
    const cases: [number, number, number, number, number][] = [
      // seed, n, span (nodes with edges), edges, max strength
      [1, 60, 60, 150, 3],
      [2, 90, 70, 200, 5],
      [3, 120, 40, 90, 2],
      [4, 150, 150, 500, 8],
      [5, 75, 75, 75, 1],
    ];
    for (const [seed, n, span, k, maxW] of cases) {
      // Two copies of the random part side by side: at least two components, plus isolated nodes.
      const edges = randomEdges(seed, span, k, maxW);
      const g = symmetricGraph(2 * n, [...edges, ...edges.map(([a, b, w]): [number, number, number] => [a + n, b + n, w])]);
      const expected = single(g);
      for (const length of [1, 3, 7, CHAIN_LENGTH]) expectClose(chained(g, length).out, expected);
    }
  });

  it('drops arcs for the later sources of a chain, and none for a chain of one', () => {
    const g = symmetricGraph(200, randomEdges(9, 200, 900, 12));
    const m = g.targets.length;
    const long = chained(g, 50);
    const alone = chained(g, 1);
    expect(alone.kept).toBe(200 * m);
    expect(long.kept).toBeLessThan(0.8 * 200 * m);
    expectClose(long.out, alone.out);
    expectClose(long.out, single(g));
  });

  it('orders sources by a preorder of a minimum spanning forest', () => {
    // Path 0 - 2 - 1 with strong ties, 3 joined to 0 by a weak one, 4 isolated.
    const g = symmetricGraph(5, [
      [0, 2, 10],
      [2, 1, 10],
      [0, 1, 1],
      [0, 3, 2],
    ]);
    expect(Array.from(chainOrder(g))).toEqual([0, 2, 1, 3, 4]);
    const big = symmetricGraph(300, randomEdges(4, 250, 700, 6));
    expect(Array.from(chainOrder(big)).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, v) => v));
  });

  it('codes the lengths as indices into a table of the distinct values', () => {
    const g = symmetricGraph(30, randomEdges(7, 30, 80, 5));
    const coded = lengthCodes(g)!;
    expect(coded.table.length).toBeLessThanOrEqual(5);
    for (let p = 0; p < g.targets.length; p++) expect(coded.table[coded.codes[p]]).toBe(g.lengths![p]);
    expect(lengthCodes({ ...g, lengths: null })).toBeNull();
  });
});

describe('brandesChained (which graphs the path pool runs chained)', () => {
  /** A ring of n nodes with chords, strengths 1..5: symmetric, bucket plan available. */
  function ring(n: number): PathGraph {
    const edges: [number, number, number][] = [];
    for (let v = 0; v < n; v++) edges.push([v, (v + 1) % n, 1 + (v % 5)], [v, (v + 7) % n, 1 + ((3 * v) % 5)]);
    return symmetricGraph(n, edges);
  }

  it('needs lengths, a symmetric pair and at least CHAIN_MIN_NODES nodes', () => {
    const big = ring(CHAIN_MIN_NODES);
    expect(brandesChained(big, true)).toBe(true);
    expect(brandesChained(big, false)).toBe(false);
    expect(brandesChained({ ...big, lengths: null }, true)).toBe(false);
    expect(brandesChained(ring(CHAIN_MIN_NODES - 1), true)).toBe(false);
    // Directed pairs (backward arrays differ from forward ones) are never symmetric.
    const small = ring(10);
    expect(symmetricPair({ forward: small, backward: small })).toBe(true);
    expect(symmetricPair({ forward: small, backward: { ...small, targets: small.targets.slice() } })).toBe(false);
  });

  it('runs chains as task items with the single-source sums', () => {
    const g = ring(CHAIN_MIN_NODES);
    const pair = { forward: g, backward: g };
    const spec = { kind: 'betweenness', symmetric: true } as const;
    expect(taskItems(pair, spec)).toBe(chainItems(g.n));
    expect(taskItems(pair, { kind: 'betweenness' })).toBe(g.n);
    const task = bindTask(pair, spec);
    expect(task.items).toBe(chainItems(g.n));
    const item = 5;
    const out = new Float64Array(g.n);
    task.run(item, out);
    const order = chainOrder(g);
    const expected = new Float64Array(g.n);
    const scratch = new PathScratch(g.n, bucketPlan(g));
    for (let i = item * CHAIN_LENGTH; i < (item + 1) * CHAIN_LENGTH; i++) brandesSource(g, order[i], expected, scratch);
    expectClose(out, expected);
  });
});

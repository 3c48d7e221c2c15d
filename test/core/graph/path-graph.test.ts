/** Bucket plans: when Dial's bucket queue replaces the heap, and with which width; packed arcs. */
import { describe, expect, it } from 'vitest';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, packArcs, pathGraphOf, targetBits } from '../../../src/core/graph/path-graph.js';

const graph = (n: number, edges: [number, number, number][], directed = false) => {
  const csr = csrFromEdges(
    n,
    { sources: edges.map((e) => e[0]), targets: edges.map((e) => e[1]), weights: edges.map((e) => e[2]) },
    directed,
  );
  return pathGraphOf(csr, lengthsFromStrengths(csr));
};

describe('bucketPlan', () => {
  it('no lengths or no arcs: null (BFS or nothing to do)', () => {
    const csr = csrFromEdges(3, { sources: [0], targets: [1], weights: [1] }, false);
    expect(bucketPlan(pathGraphOf(csr, null))).toBeNull();
    expect(bucketPlan(graph(2, []))).toBeNull();
  });
  it('K5 with strengths 1..4: lengths 1/4..1, width just under 1/4, ratio 4.000004 -> 5 + 2 = 7 slots, rounded up to 8', () => {
    // Hop span from node 0: min(5, 2*1 + 1) = 3; 3 x 4.000004 = 12 buckets <= n + m = 5 + 20: buckets.
    const edges: [number, number, number][] = [];
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) edges.push([a, b, 1 + ((a + b) % 4)]);
    const plan = bucketPlan(graph(5, edges))!;
    expect(plan.width).toBeCloseTo(0.25 * (1 - 1e-6), 15);
    expect(plan.width).toBeLessThan(0.25);
    expect(plan.slots).toBe(8);
    expect(plan.mask).toBe(7);
    // one entry per node plus one per arc (20 arcs undirected), plus one.
    expect(plan.capacity).toBe(5 + 20 + 1);
  });
  it('a path of 5 with strengths 1..4: span 5 x ratio 4 = 20 buckets > n + m = 13: heap', () => {
    expect(
      bucketPlan(
        graph(5, [
          [0, 1, 1],
          [1, 2, 2],
          [2, 3, 3],
          [3, 4, 4],
        ]),
      ),
    ).toBeNull();
  });
  it('a length ratio beyond 4096 keeps the heap', () => {
    expect(
      bucketPlan(
        graph(3, [
          [0, 1, 1],
          [1, 2, 5000],
        ]),
      ),
    ).toBeNull();
  });
  it('a long path with a wide length ratio: too many buckets to scan per run, heap', () => {
    // 200 nodes in a line, strengths alternating 1 and 100: ratio ~100, hop span 199 -> 19,900 > n + m = 598.
    const edges: [number, number, number][] = [];
    for (let i = 0; i + 1 < 200; i++) edges.push([i, i + 1, i % 2 ? 100 : 1]);
    expect(bucketPlan(graph(200, edges))).toBeNull();
  });
});

describe('packArcs', () => {
  it('bits for targets: ceil(log2 n), at least 1', () => {
    expect([1, 2, 3, 4, 5, 100_000, 1 << 20, (1 << 20) + 1].map(targetBits)).toEqual([1, 1, 2, 2, 3, 17, 20, 21]);
  });
  it('each word decodes to its arc: target in the low bits, the very same length double from the table', () => {
    // 6 nodes -> 3 target bits; strengths 1, 3, 7 give lengths 1, 1/3, 1/7 (3 codes in first-seen order).
    const g = graph(6, [
      [0, 1, 3],
      [0, 5, 1],
      [1, 2, 7],
      [2, 3, 3],
      [3, 4, 1],
      [4, 5, 7],
    ]);
    const packed = packArcs(g)!;
    expect(packed.shift).toBe(3);
    expect(packed.mask).toBe(7);
    expect(Array.from(packed.table)).toEqual([1 / 3, 1, 1 / 7]);
    for (let p = 0; p < g.targets.length; p++) {
      const x = packed.arcs[p];
      expect(x & packed.mask).toBe(g.targets[p]);
      expect(Object.is(packed.table[x >>> packed.shift], g.lengths![p])).toBe(true);
    }
  });
  it('codes up to the top bit (negative words) still decode; one distinct length too many: null', () => {
    // shift 31 leaves one code bit: 2 lengths fit (code 1 sets the sign bit), 3 do not.
    const two = graph(3, [
      [0, 1, 1],
      [1, 2, 2],
    ]);
    const packed = packArcs(two, 31)!;
    expect(packed.arcs.some((x) => x < 0)).toBe(true);
    for (let p = 0; p < two.targets.length; p++) {
      expect(packed.arcs[p] & packed.mask).toBe(two.targets[p]);
      expect(packed.table[packed.arcs[p] >>> 31]).toBe(two.lengths![p]);
    }
    const three = graph(3, [
      [0, 1, 1],
      [1, 2, 2],
      [0, 2, 4],
    ]);
    expect(packArcs(three, 31)).toBeNull();
    expect(packArcs(three, 30)).not.toBeNull();
    // Fewer bits than the targets need, or no lengths: null.
    expect(packArcs(graph(6, [[0, 5, 1]]), 2)).toBeNull();
    expect(packArcs({ ...three, lengths: null })).toBeNull();
  });
});

/** Bucket plans: when Dial's bucket queue replaces the heap, and with which width. */
import { describe, expect, it } from 'vitest';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, pathGraphOf } from '../../../src/core/graph/path-graph.js';

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
  it('K5 with strengths 1..4: lengths 1/4..1, width just under 1/4, ratio 4.000004 -> 5 + 2 slots', () => {
    // Hop span from node 0: min(5, 2*1 + 1) = 3; 3 x 4.000004 = 12 buckets <= n + m = 5 + 20: buckets.
    const edges: [number, number, number][] = [];
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) edges.push([a, b, 1 + ((a + b) % 4)]);
    const plan = bucketPlan(graph(5, edges))!;
    expect(plan.width).toBeCloseTo(0.25 * (1 - 1e-6), 15);
    expect(plan.width).toBeLessThan(0.25);
    expect(plan.slots).toBe(7);
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

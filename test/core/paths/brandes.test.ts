/**
 * Brandes kernel: the bucket-queue Dijkstra gives the very same dependencies as the heap Dijkstra
 * (same float sums, same equal-length ties), and both match hand values on a small graph.
 */
import { describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, pathGraphOf } from '../../../src/core/graph/path-graph.js';

function run(g: ReturnType<typeof pathGraphOf>, buckets: boolean): Float64Array {
  const scratch = new PathScratch(g.n, buckets ? bucketPlan(g) : null);
  if (buckets) expect(scratch.buckets).not.toBeNull();
  const out = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, out, scratch);
  // Twice: scratch must come back clean after every source.
  const again = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, again, scratch);
  expect(Array.from(again)).toEqual(Array.from(out));
  return out;
}

describe('brandesSource with lengths', () => {
  it('diamond with equal-length routes: 0-1-3 and 0-2-3 (lengths 1/2 + 1/2) vs direct 0-3 (length 1)', () => {
    // Lengths: rim ties 1/2, 0-3 length 1. Pair (0,3): 0-3, 0-1-3, 0-2-3 all of length 1 (0.5 + 0.5
    // is exact), sigma = 3, nodes 1 and 2 on one each: 1/3. Pair (1,2): 1-0-2 and 1-3-2, sigma = 2,
    // nodes 0 and 3 on one each: 1/2. Other pairs are adjacent. Summed over ordered pairs (both
    // directions): C(1) = C(2) = 2/3, C(0) = C(3) = 1.
    const csr = csrFromEdges(4, { sources: [0, 0, 1, 2, 0], targets: [1, 2, 3, 3, 3], weights: [2, 2, 2, 2, 1] }, false);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const heap = run(g, false);
    const buckets = run(g, true);
    expect(Array.from(buckets)).toEqual(Array.from(heap));
    expect(heap[1]).toBeCloseTo(2 / 3, 12);
    expect(heap[0]).toBeCloseTo(1, 12);
    expect(heap[3]).toBeCloseTo(1, 12);
  });
  it('random directed graph, integer strengths 1..7: buckets equal heap bit for bit', () => {
    const n = 400;
    const s: number[] = [];
    const t: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < 6 * n; i++) {
      const a = (i * 7919) % n;
      const b = (i * 104729 + 17) % n;
      if (a === b) continue;
      s.push(a);
      t.push(b);
      w.push(1 + ((i * 31) % 7));
    }
    const csr = csrFromEdges(n, { sources: s, targets: t, weights: w }, true);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const heap = run(g, false);
    const buckets = run(g, true);
    expect(heap.some((x) => x > 0)).toBe(true);
    let worst = 0;
    for (let v = 0; v < n; v++) worst = Math.max(worst, Math.abs(heap[v] - buckets[v]) / Math.max(1e-300, heap[v]));
    expect(worst).toBeLessThan(1e-12);
  });
});

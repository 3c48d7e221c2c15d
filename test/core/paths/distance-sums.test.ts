/**
 * Distance sums (closeness / harmonic kernel): the bucket-queue Dijkstra gives the same reach,
 * distance total and reciprocal total as the heap Dijkstra, on weighted graphs with equal-length
 * ties, disconnected parts and directed arcs; and both match hand-derived values.
 */
import { describe, expect, it } from 'vitest';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, packedArcsOf, pathGraphOf, type BucketPlan, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { useWasmDijkstra, wasmDijkstraOf } from '../../../src/core/paths/wasm-dijkstra.js';
import { randomLengthGraph } from '../../helpers/brandes-runs.js';

/** Every source's sums, twice; with `buckets`, the bucket kernel in WebAssembly or (`wasm` false) in JavaScript. */
function sums(g0: PathGraph, buckets: boolean, wasm = true): Float64Array {
  const g: PathGraph = { ...g0 }; // its own engine (engines are kept per graph object)
  const was = useWasmDijkstra(wasm);
  try {
    return sumsOf(g, buckets);
  } finally {
    useWasmDijkstra(was);
  }
}

function sumsOf(g: PathGraph, buckets: boolean): Float64Array {
  // bucketPlan may prefer the heap on tiny graphs; the plan it would use is forced here.
  const plan = buckets ? (bucketPlan(g) ?? forcedPlan(g)) : null;
  const scratch = new DistanceScratch(g.n, plan);
  const table = unitDistances(g.n + 1, 1);
  const out = new Float64Array(3 * g.n);
  for (let s = 0; s < g.n; s++) distanceSums(g, s, out, scratch, table);
  // Twice: the scratch (distances, buckets) must come back clean after every source.
  const again = new Float64Array(3 * g.n);
  for (let s = g.n - 1; s >= 0; s--) distanceSums(g, s, again, scratch, table);
  expect(Array.from(again)).toEqual(Array.from(out));
  return out;
}

/** The bucket plan bucketPlan builds, without its "would the heap be faster" check. */
function forcedPlan(g: PathGraph): BucketPlan {
  const l = g.lengths!;
  const width = Math.min(...l) * (1 - 1e-6);
  const ratio = Math.max(...l) / width;
  let slots = 4;
  while (slots < Math.ceil(ratio) + 2) slots *= 2;
  return { width, inverse: 1 / width, slots, mask: slots - 1, capacity: g.n + l.length + 1 };
}

function expectClose(a: Float64Array, b: Float64Array, rel: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(rel * Math.max(Math.abs(a[i]), Math.abs(b[i])));
}

describe('distanceSums with lengths', () => {
  it('diamond with equal-length routes and a second component: hand values', () => {
    // Nodes 0..3: rim ties of strength 2 (length 1/2) 0-1, 0-2, 1-3, 2-3 and a direct 0-3 of
    // strength 1 (length 1, tied with both two-step routes). Nodes 4-5: a separate pair, strength 4
    // (length 1/4). From 0: d = 0, 1/2, 1/2, 1 -> reach 4, total 2, harmonic 2 + 2 + 1 = 5.
    // From 1: d(1,0) = 1/2, d(1,3) = 1/2, d(1,2) = 1 -> reach 4, total 2, harmonic 5.
    // From 4: reach 2, total 1/4, harmonic 4.
    const csr = csrFromEdges(6, { sources: [0, 0, 1, 2, 0, 4], targets: [1, 2, 3, 3, 3, 5], weights: [2, 2, 2, 2, 1, 4] }, false);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const heap = sums(g, false);
    const buckets = sums(g, true);
    expect(Array.from(buckets)).toEqual(Array.from(heap));
    expect(Array.from(heap.subarray(0, 3))).toEqual([4, 2, 5]);
    expect(Array.from(heap.subarray(3, 6))).toEqual([4, 2, 5]);
    expect(Array.from(heap.subarray(12, 15))).toEqual([2, 0.25, 4]);
  });

  it('directed path with a long shortcut: reach follows the arcs', () => {
    // 0 -> 1 (length 1), 1 -> 2 (length 1), 0 -> 2 (strength 1/3: length 3). From 0: d(0,1) = 1,
    // d(0,2) = 2 (via 1, beating the direct 3) -> reach 3, total 3, harmonic 1.5. From 2: reach 1.
    const csr = csrFromEdges(3, { sources: [0, 1, 0], targets: [1, 2, 2], weights: [1, 1, 1 / 3] }, true);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const heap = sums(g, false);
    const buckets = sums(g, true);
    expect(Array.from(buckets)).toEqual(Array.from(heap));
    expect(Array.from(heap.subarray(0, 3))).toEqual([3, 3, 1.5]);
    expect(Array.from(heap.subarray(6, 9))).toEqual([1, 0, 0]);
  });

  it('random directed graph with ties (integer strengths 1..7), several components: buckets equal heap', () => {
    const n = 300;
    const s: number[] = [];
    const t: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < 5 * n; i++) {
      // Two blocks (0..149, 150..299) with no arc between them.
      const block = i % 2 === 0 ? 0 : 150;
      const a = block + ((i * 7919) % 150);
      const b = block + ((i * 104729 + 17) % 150);
      if (a === b) continue;
      s.push(a);
      t.push(b);
      w.push(1 + ((i * 31) % 7));
    }
    const csr = csrFromEdges(n, { sources: s, targets: t, weights: w }, true);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const heap = sums(g, false);
    const buckets = sums(g, true);
    // Reach is a count: equal. Totals: the same float distances summed in another order.
    for (let v = 0; v < n; v++) {
      expect(buckets[3 * v]).toBe(heap[3 * v]);
      expect(heap[3 * v]).toBeLessThanOrEqual(150);
    }
    expect(heap.some((x, i) => i % 3 === 1 && x > 0)).toBe(true);
    expectClose(buckets, heap, 1e-12);
    // The bucket kernel in WebAssembly (brandes.wat distances) and in JavaScript: the same steps, the same bits.
    expect(Array.from(sums(g, true, false))).toEqual(Array.from(buckets));
  });

  it("the WebAssembly bucket kernel runs where it can, and gives the JavaScript kernel's bits on an undirected graph with many ties", () => {
    const g = randomLengthGraph(400, 2400, false, 21, [1, 2, 3]);
    const packed = packedArcsOf(g);
    expect(packed).not.toBeNull();
    const plan = bucketPlan(g) ?? forcedPlan(g);
    expect(wasmDijkstraOf({ ...g }, packed!, plan)).not.toBeNull();
    const js = sums(g, true, false);
    expect(Array.from(sums(g, true, true))).toEqual(Array.from(js));
    expectClose(js, sums(g, false), 1e-12);
  });
});

/**
 * Brandes kernel: the bucket-queue Dijkstra gives the very same dependencies as the heap Dijkstra
 * (same float sums, same equal-length ties), and both match hand values on a small graph.
 */
import { describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, pathGraphOf, type BucketPlan } from '../../../src/core/graph/path-graph.js';
import { allSourcesTwice } from '../../helpers/brandes-runs.js';

function run(g: ReturnType<typeof pathGraphOf>, buckets: boolean): Float64Array {
  const scratch = new PathScratch(g.n, buckets ? bucketPlan(g) : null);
  if (buckets) expect(scratch.buckets).not.toBeNull();
  return allSourcesTwice(g, scratch);
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
  it('more equal-length ties than the predecessor pool holds: grown, source run again, hand values', () => {
    // Layers {0}, L1..L4 of 6 nodes each, every node joined to every node of the next layer with
    // strength 2 (length 1/2): from 0 a node of layer j has 6^(j-1) shortest paths, 6 predecessors
    // from layer 2 on (5 ties each: 90 ties, more than the pool's initial 25 entries). From source 0
    // a node of L1 lies on 1/6 of the paths to each of the 18 nodes beyond: 3; of L2 on 1/6 of those
    // to the 12 beyond: 2; of L3: 1; of L4: 0.
    const layer = (j: number) => Array.from({ length: 6 }, (_, i) => 1 + 6 * (j - 1) + i);
    const sources: number[] = [];
    const targets: number[] = [];
    const join = (a: number, b: number) => {
      sources.push(a);
      targets.push(b);
    };
    for (const v of layer(1)) join(0, v);
    for (let j = 1; j < 4; j++) for (const a of layer(j)) for (const b of layer(j + 1)) join(a, b);
    const csr = csrFromEdges(25, { sources, targets, weights: sources.map(() => 2) }, false);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const scratch = new PathScratch(g.n, bucketPlan(g) ?? forcedPlan(g));
    expect(scratch.predNode.length).toBe(25);
    const out = new Float64Array(g.n);
    expect(brandesSource(g, 0, out, scratch)).toBe(25);
    expect(scratch.ties).toBe(90);
    // Profile counters: one queue entry per node (each is reached at its final distance first),
    // buckets 0..4 (distances 0, 1/2, 1, 3/2, 2 over a width just under 1/2), none empty.
    expect([scratch.runEntries, scratch.runBuckets, scratch.runEmptyBuckets]).toEqual([25, 5, 0]);
    expect(scratch.predNode.length).toBeGreaterThanOrEqual(90);
    const expected = [0, ...[3, 2, 1, 0].flatMap((x) => Array<number>(6).fill(x))];
    for (let v = 0; v < g.n; v++) expect(out[v]).toBeCloseTo(expected[v], 12);
    // All sources: the heap kernel's sums (it grows its pool one tie at a time; it settles the
    // nodes of one distance in another order, so the last bit may differ).
    const heap = run(g, false);
    const buckets = run(g, true);
    for (let v = 0; v < g.n; v++) expect(Math.abs(buckets[v] - heap[v])).toBeLessThanOrEqual(1e-12 * heap[v]);
  });
});

/** The bucket plan without bucketPlan's "would the heap be faster" check. */
function forcedPlan(g: ReturnType<typeof pathGraphOf>): BucketPlan {
  const width = 0.5 * (1 - 1e-6);
  return { width, inverse: 1 / width, slots: 4, mask: 3, capacity: g.n + g.targets.length + 1 };
}

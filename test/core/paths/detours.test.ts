/**
 * withoutDetouredArcs: drops exactly the arcs beaten by a two-step detour (or a shorter parallel
 * arc), and every exact path kernel gives the same results on the reduced graph.
 */
import { describe, expect, it } from 'vitest';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, pathGraphOf, withoutDetouredArcs, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';

function arcs(g: PathGraph): string[] {
  const list: string[] = [];
  for (let u = 0; u < g.n; u++) for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) list.push(`${u}-${g.targets[p]}:${g.lengths![p]}`);
  return list;
}

function brandes(g: PathGraph, buckets: boolean): Float64Array {
  const scratch = new PathScratch(g.n, buckets ? bucketPlan(g) : null);
  const out = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, out, scratch);
  return out;
}

function distances(g: PathGraph): Float64Array {
  const scratch = new DistanceScratch(g.n, null);
  const out = new Float64Array(3 * g.n);
  const table = unitDistances(g.n + 1, 1);
  for (let s = 0; s < g.n; s++) distanceSums(g, s, out, scratch, table);
  return out;
}

describe('withoutDetouredArcs', () => {
  it('drops a weak tie beaten by a detour, keeps a tie equal to its detour', () => {
    // Triangle 0-1-2 with strengths 4, 4 (length 1/4 each) and 0-2 of strength 1 (length 1 > 1/2):
    // 0-2 is dropped both ways. Triangle 2-3-4: 2-3 and 3-4 of length 1/2, 2-4 of length 1, which
    // equals the detour 2-3-4 (1/2 + 1/2): kept (it is a shortest path, tied).
    const csr = csrFromEdges(5, { sources: [0, 1, 0, 2, 3, 2], targets: [1, 2, 2, 3, 4, 4], weights: [4, 4, 1, 2, 2, 1] }, false);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    const r = withoutDetouredArcs(g);
    expect(r.targets.length).toBe(g.targets.length - 2);
    expect(arcs(r)).not.toContain('0-2:1');
    expect(arcs(r)).not.toContain('2-0:1');
    expect(arcs(r)).toContain('2-4:1');
    expect(arcs(r)).toContain('4-2:1');
    // Same betweenness (ordered pairs, hand values): node 1 is on every shortest path from 0 to
    // 2, 3, 4 (3 pairs, both ways: 6); the tie 2-4 vs 2-3-4 gives node 3 half of each of (2,4),
    // (1,4), (0,4) (1.5, both ways: 3); node 2 carries (0,3), (0,4), (1,3), (1,4) (both ways: 8).
    const before = brandes(g, false);
    const after = brandes(r, false);
    expect(Array.from(after)).toEqual(Array.from(before));
    expect(Array.from(before)).toEqual([0, 6, 8, 3, 0]);
  });

  it('returns the graph itself when no arc can go (hop counts, or a tree)', () => {
    const csr = csrFromEdges(4, { sources: [0, 1, 1], targets: [1, 2, 3], weights: [1, 2, 3] }, false);
    const g = pathGraphOf(csr, lengthsFromStrengths(csr));
    expect(withoutDetouredArcs(g)).toBe(g);
    const hops = pathGraphOf(csr, null);
    expect(withoutDetouredArcs(hops)).toBe(hops);
  });

  it('random weighted graphs, undirected and directed: Brandes (heap and buckets) and distance sums unchanged', () => {
    for (const directed of [false, true]) {
      const n = 250;
      const s: number[] = [];
      const t: number[] = [];
      const w: number[] = [];
      for (let i = 0; i < 8 * n; i++) {
        const a = (i * 7919) % n;
        const b = (a + 1 + ((i * 104729) % 23)) % n; // local ties: many triangles
        s.push(a);
        t.push(b);
        w.push(1 + ((i * 31) % 9));
      }
      const csr = csrFromEdges(n, { sources: s, targets: t, weights: w }, directed);
      const g = pathGraphOf(csr, lengthsFromStrengths(csr));
      const r = withoutDetouredArcs(g);
      expect(r.targets.length).toBeLessThan(g.targets.length);
      expect(r.targets.length).toBeGreaterThan(0);
      // The same float distances and path counts; nodes at equal distance may settle in another
      // order (the queue sees fewer arcs), so sums agree to rounding: compare to 1e-12.
      const close = (a: Float64Array, b: Float64Array) => {
        for (let v = 0; v < a.length; v++) expect(Math.abs(a[v] - b[v])).toBeLessThanOrEqual(1e-12 * Math.max(1, a[v]));
      };
      close(brandes(r, false), brandes(g, false));
      close(brandes(r, true), brandes(g, true));
      const dr = distances(r);
      const dg = distances(g);
      close(dr, dg);
      for (let v = 0; v < n; v++) expect(dr[3 * v]).toBe(dg[3 * v]);
    }
  });
});

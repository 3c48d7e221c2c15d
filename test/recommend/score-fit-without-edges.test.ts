/**
 * withoutEdges (src/recommend/score-fit.ts), the training adjacency of each hold-out fold: built with
 * typed masks and binary search, it must equal the adjacency rebuilt from scratch from the kept edges.
 */
import { describe, expect, it } from 'vitest';
import { aucAndPrecisionAtK, withoutEdges, type EdgeListAdjacency } from '../../src/recommend/score-fit.js';
import { auc, precisionAtK } from '../../src/recommend/ranking-quality.js';
import { mulberry32 } from '../../src/core/util/random.js';

/** Sorted rows of an undirected edge list, built directly (the reference). */
function adjacencyOf(n: number, u: number[], v: number[], w: number[]): EdgeListAdjacency {
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < u.length; e++) {
    rows[u[e]].push([v[e], w[e]]);
    rows[v[e]].push([u[e], w[e]]);
  }
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    rows[i].sort((a, b) => a[0] - b[0]);
    for (const [j, x] of rows[i]) {
      targets.push(j);
      weights.push(x);
    }
    offsets[i + 1] = targets.length;
  }
  return {
    n,
    offsets,
    targets: Int32Array.from(targets),
    weights: Float64Array.from(weights),
    edgeU: Int32Array.from(u),
    edgeV: Int32Array.from(v),
    edgeWeights: Float64Array.from(w),
  };
}

describe('withoutEdges', () => {
  it('equals the adjacency rebuilt from the kept edges (random simple graph, a third of the edges dropped)', () => {
    const random = mulberry32(7);
    const n = 60;
    const seen = new Set<number>();
    const u: number[] = [];
    const v: number[] = [];
    const w: number[] = [];
    while (u.length < 400) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
      seen.add(Math.min(a, b) * n + Math.max(a, b));
      u.push(a);
      v.push(b);
      w.push(1 + Math.floor(random() * 5));
    }
    const full = adjacencyOf(n, u, v, w);
    const drop = new Set<number>();
    for (let e = 0; e < u.length; e++) if (random() < 1 / 3) drop.add(e);
    const keep = (x: number[]) => x.filter((_, e) => !drop.has(e));
    const expected = adjacencyOf(n, keep(u), keep(v), keep(w));
    const got = withoutEdges(full, drop);
    expect(drop.size).toBeGreaterThan(100);
    expect(Array.from(got.offsets)).toEqual(Array.from(expected.offsets));
    expect(Array.from(got.targets)).toEqual(Array.from(expected.targets));
    expect(Array.from(got.weights!)).toEqual(Array.from(expected.weights!));
    expect(Array.from(got.edgeU)).toEqual(Array.from(expected.edgeU));
    expect(Array.from(got.edgeV)).toEqual(Array.from(expected.edgeV));
    expect(Array.from(got.edgeWeights)).toEqual(Array.from(expected.edgeWeights));
  });
  it('dropping nothing keeps every row; dropping everything leaves none', () => {
    const full = adjacencyOf(3, [0, 1], [1, 2], [2, 3]);
    expect(Array.from(withoutEdges(full, new Set()).targets)).toEqual([1, 0, 2, 1]);
    const none = withoutEdges(full, new Set([0, 1]));
    expect(Array.from(none.offsets)).toEqual([0, 0, 0, 0]);
    expect(none.edgeU.length).toBe(0);
  });
});

describe('aucAndPrecisionAtK', () => {
  it('equals auc and precisionAtK of ranking-quality.ts, with ties and every k', () => {
    const random = mulberry32(3);
    for (let trial = 0; trial < 20; trial++) {
      // Scores on a coarse grid so that ties across and within the two sets are common.
      const P = Float64Array.from({ length: 1 + Math.floor(random() * 30) }, () => Math.floor(random() * 8) / 4);
      const N = Float64Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 8) / 4);
      for (const k of [1, 5, 50, 1000]) {
        const got = aucAndPrecisionAtK(k, P, N);
        expect(Object.is(got.auc, auc(P, N)) || got.auc === auc(P, N)).toBe(true);
        expect(got.precision).toBe(precisionAtK(k, P, N));
      }
    }
    expect(aucAndPrecisionAtK(5, new Float64Array(0), new Float64Array(0)).precision).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import {
  bipartiteMoments,
  configurationMoments,
  groupEdgeCounts,
  groupPairDraws,
  normalLowerTail,
  rewireDegreePreserving,
  simpleGraphMean,
} from '../../../src/core/groups/degree-null.js';
import { mulberry32 } from '../../../src/core/util/random.js';

describe('configurationMoments', () => {
  it('gives zero for an empty graph', () => {
    expect(configurationMoments(0, 0, 0, false)).toEqual({ mean: 0, variance: 0 });
  });

  it('matches an enumeration of every stub matching', () => {
    // Edges a1-a2, b1-b2, a1-b1: stubs of A = {a1, a1', a2}, of B = {b1, b1', b2}; m = 3.
    // 6 stubs have 5 * 3 = 15 perfect matchings. X = A-B pairs is odd: X = 3 when every A stub
    // meets a B stub (3! = 6 matchings), else X = 1 (9 matchings).
    // E[X] = (6*3 + 9*1)/15 = 1.8;  E[X^2] = (6*9 + 9*1)/15 = 4.2;  Var = 4.2 - 3.24 = 0.96.
    const between = configurationMoments(3, 3, 3, false);
    expect(between.mean).toBeCloseTo(1.8, 12);
    expect(between.variance).toBeCloseTo(0.96, 12);
    // Y = edges inside A = (3 - X)/2: 0 w.p. 6/15, 1 w.p. 9/15 -> E = 0.6, Var = 0.6 - 0.36 = 0.24.
    const within = configurationMoments(3, 0, 3, true);
    expect(within.mean).toBeCloseTo(0.6, 12);
    expect(within.variance).toBeCloseTo(0.24, 12);
  });
});

describe('bipartiteMoments', () => {
  it('is the hypergeometric mean and variance', () => {
    // 2 stubs drawn from 4, 2 of which are in x: P(0) = 1/6, P(1) = 4/6, P(2) = 1/6 -> E = 1, Var = 1/3.
    const mo = bipartiteMoments(2, 2, 4);
    expect(mo.mean).toBeCloseTo(1, 12);
    expect(mo.variance).toBeCloseTo(1 / 3, 12);
    expect(bipartiteMoments(1, 1, 0)).toEqual({ mean: 0, variance: 0 });
  });
});

describe('simpleGraphMean', () => {
  it('adds up to m over all group pairs', () => {
    // Path a-b-c (k = 1, 2, 1), groups {a}, {b, c}: Q = 6, c = 2 / (2 - 6/8) = 1.6.
    // between = 1.6 * 1 * 3 / 4 = 1.2; inside {b, c} = 1.6 * (9 - 5) / 8 = 0.8; inside {a} = 0.
    expect(simpleGraphMean(1, 3, 1, 2, 6, false)).toBeCloseTo(1.2, 12);
    expect(simpleGraphMean(3, 3, 5, 2, 6, true)).toBeCloseTo(0.8, 12);
    expect(simpleGraphMean(1, 1, 1, 2, 6, true)).toBeCloseTo(0, 12);
    expect(simpleGraphMean(1, 1, 1, 0, 0, true)).toBe(0);
  });
});

describe('groupEdgeCounts', () => {
  it('counts edges, stubs and squared degrees per group and skips unlabelled ends', () => {
    const labels = Int32Array.of(0, 0, 1, -1);
    const c = groupEdgeCounts([0, 1, 2], [1, 2, 3], [1, 2, 5], labels, 2);
    expect(c.m).toBe(2);
    expect(Array.from(c.edges)).toEqual([1, 1, 1, 0]);
    expect(Array.from(c.weight)).toEqual([1, 2, 2, 0]);
    expect(Array.from(c.stubs)).toEqual([3, 1]);
    expect(Array.from(c.squares)).toEqual([1 + 4, 1]);
  });
});

describe('rewireDegreePreserving', () => {
  it('does nothing with fewer than two edges', () => {
    expect(rewireDegreePreserving(2, Int32Array.of(0), Int32Array.of(1), 10, mulberry32(1))).toBe(0);
  });

  it('keeps every degree and the graph simple', () => {
    const random = mulberry32(3);
    const n = 30;
    const u: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (random() < 0.15) {
          u.push(i);
          v.push(j);
        }
    const U = Int32Array.from(u);
    const V = Int32Array.from(v);
    const degree = (a: Int32Array, b: Int32Array) => {
      const d = new Int32Array(n);
      for (let e = 0; e < a.length; e++) {
        d[a[e]]++;
        d[b[e]]++;
      }
      return Array.from(d);
    };
    const before = degree(U, V);
    const made = rewireDegreePreserving(n, U, V, 2000, mulberry32(9));
    expect(made).toBeGreaterThan(100);
    expect(degree(U, V)).toEqual(before);
    const seen = new Set<string>();
    for (let e = 0; e < U.length; e++) {
      expect(U[e]).not.toBe(V[e]);
      const key = `${Math.min(U[e], V[e])}-${Math.max(U[e], V[e])}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});

describe('normalLowerTail', () => {
  it('matches R pnorm', () => {
    // R 4.x: pnorm(-1.959964) = 0.0250000; pnorm(1) = 0.8413447; pnorm(-5) = 2.866516e-07.
    expect(normalLowerTail(0)).toBeCloseTo(0.5, 7);
    expect(normalLowerTail(-1.959964)).toBeCloseTo(0.025, 7);
    expect(normalLowerTail(1)).toBeCloseTo(0.8413447, 6);
    expect(normalLowerTail(-5) / 2.866516e-7).toBeCloseTo(1, 5);
    expect(normalLowerTail(NaN)).toBeNaN();
  });
});

describe('groupPairDraws', () => {
  const cellsOf = (k: number) => {
    const c: number[] = [];
    for (let g = 0; g < k; g++) for (let h = g; h < k; h++) c.push(g * k + h);
    return Int32Array.from(c);
  };

  it('leaves a graph with no valid swap as it is: every draw equals the input', () => {
    // Star centre 0 with leaves 1, 2, 3: every swap would make a loop or a multi-edge.
    const labels = Int32Array.of(0, 1, 1, 0);
    const d = groupPairDraws(
      { n: 4, u: [0, 0, 0], v: [1, 2, 3], weight: [1, 2, 4], labels, k: 2, cells: cellsOf(2), simple: true, bipartite: false },
      { draws: 20, burnIn: 100, thinning: 10, seed: 1 },
    );
    expect(d.swapsMade).toBe(0);
    // cells 0-0, 0-1, 1-1: observed 1 (0-3), 2 (0-1, 0-2), 0.
    expect(Array.from(d.observed)).toEqual([1, 2, 0]);
    expect(Array.from(d.mean)).toEqual([1, 2, 0]);
    expect(Array.from(d.sd)).toEqual([0, 0, 0]);
    expect(Array.from(d.observedWeight)).toEqual([4, 3, 0]);
    expect(Array.from(d.atOrBelow)).toEqual([20, 20, 20]);
  });

  it('keeps the counted ties and the graph simple under heavy churn', () => {
    // A dense random graph (many rejected swaps, long probe runs in the pair hash): the cell counts of
    // every draw add up to m, so no edge is lost or duplicated by the hash's deletions.
    const random = mulberry32(9);
    const n = 40;
    const u: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (random() < 0.4) {
          u.push(i);
          v.push(j);
        }
      }
    }
    const labels = Int32Array.from({ length: n }, (_, i) => i % 4);
    const d = groupPairDraws(
      { n, u, v, weight: null, labels, k: 4, cells: cellsOf(4), simple: true, bipartite: false },
      { draws: 200, burnIn: 20 * u.length, thinning: u.length, seed: 3 },
    );
    expect(d.swapsMade).toBeGreaterThan(u.length);
    expect(d.mean.reduce((s, x) => s + x, 0)).toBeCloseTo(u.length, 9);
    // Compared with the Set-based rewireDegreePreserving chain (an independent implementation):
    // means agree within 5 Monte Carlo standard errors (se from 200 near-independent draws each).
    const U = Int32Array.from(u);
    const V = Int32Array.from(v);
    const r2 = mulberry32(5);
    rewireDegreePreserving(n, U, V, 20 * u.length, r2);
    const sums = new Float64Array(16);
    for (let s = 0; s < 200; s++) {
      rewireDegreePreserving(n, U, V, u.length, r2);
      const c = groupEdgeCounts(U, V, new Float64Array(U.length).fill(1), labels, 4);
      for (let q = 0; q < 16; q++) sums[q] += c.edges[q];
    }
    const cells = cellsOf(4);
    for (let i = 0; i < cells.length; i++) {
      const other = sums[cells[i]] / 200;
      const se = Math.sqrt((2 * d.sd[i] * d.sd[i]) / 200);
      expect(Math.abs(d.mean[i] - other)).toBeLessThan(5 * se + 1e-9);
    }
  });
});

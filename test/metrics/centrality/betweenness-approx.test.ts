/**
 * Approximate betweenness (Riondato–Kornaropoulos): degenerate inputs, the sample-size formula by
 * hand, and, with fixed seeds, every estimate within epsilon of the exact value on small graphs.
 */
import { describe, expect, it } from 'vitest';
import { riondatoSampleSize, vertexDiameterBound } from '../../../src/core/paths/approx-betweenness.js';
import { pathGraphOf } from '../../../src/core/graph/path-graph.js';
import {
  betweennessApprox,
  betweennessApproxSync,
  DEFAULT_BETWEENNESS_APPROX_OPTIONS,
} from '../../../src/metrics/centrality/betweenness-approx.js';
import { betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import { KITE, referenceCases, referenceView, viewOf } from './path-fixtures.js';

describe('betweennessApprox: degenerate inputs and the bound', () => {
  it('fewer than 3 people: zeros, no samples', () => {
    expect(betweennessApproxSync(viewOf(0, [], false)).size).toBe(0);
    const two = betweennessApproxSync(viewOf(2, [[0, 1]], false));
    expect(Array.from(two.values)).toEqual([0, 0]);
    expect(two.diagnostics.samples).toBe(0);
    expect(Object.isFrozen(DEFAULT_BETWEENNESS_APPROX_OPTIONS)).toBe(true);
  });
  it('sample size r = ceil(0.5/eps^2 (floor(log2(VD-2)) + 1 + ln(1/delta)))', () => {
    // eps 0.1, delta 0.1, VD 10: floor(log2 8) = 3 -> 50 (4 + 2.302585) = 315.13 -> 316.
    expect(riondatoSampleSize(0.1, 0.1, 10)).toBe(316);
    // VD <= 3 drops the log term: 50 (1 + ln 10) = 165.13 -> 166.
    expect(riondatoSampleSize(0.1, 0.1, 3)).toBe(166);
  });
  it('vertex diameter bound: path of 5 from its end node = min(5, 2*4+1) = 5; kite >= its true VD 6', () => {
    const path = viewOf(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ],
      false,
    ).csr;
    expect(vertexDiameterBound({ forward: pathGraphOf(path, null), backward: pathGraphOf(path, null, true) }, false)).toBe(5);
    const kite = viewOf(10, KITE, false).csr;
    expect(
      vertexDiameterBound({ forward: pathGraphOf(kite, null), backward: pathGraphOf(kite, null, true) }, false),
    ).toBeGreaterThanOrEqual(6);
  });
  it('vertex diameter bound with lengths: a star whose one short spoke cannot stretch a path past 3 nodes', () => {
    // Centre 0, six spokes; lengths 1/w: one spoke 0.25 (w 4), five 1. From node 0, ecc_len = 1, so
    // no shortest path is longer than 2. The shortest length alone allows floor(2 / 0.25) = 8 edges
    // (capped by the 7 people); the shortest edges 0.25 + 1 + 1 = 2.25 > 2 allow only 2: VD <= 3,
    // which a leaf-centre-leaf path reaches.
    const star = viewOf(
      7,
      [
        [0, 1, 4],
        [0, 2, 1],
        [0, 3, 1],
        [0, 4, 1],
        [0, 5, 1],
        [0, 6, 1],
      ],
      false,
    ).csr;
    const lengths = Float64Array.from(star.weights, (w) => 1 / w);
    const g = { n: 7, offsets: star.offsets, targets: star.targets, lengths };
    expect(vertexDiameterBound({ forward: g, backward: g }, false)).toBe(3);
    // All spokes 1: ecc_len 1 again, 1 + 1 = 2 fits and 3 edges do not: still 3.
    const ones = lengths.map(() => 1);
    expect(vertexDiameterBound({ forward: { ...g, lengths: ones }, backward: { ...g, lengths: ones } }, false)).toBe(3);
  });
  it('a path graph: a single shortest path per pair, so the star centre of 0-1-2 is always hit', () => {
    // In 0-1-2 the only pairs with an interior node are (0,2) and (2,0): 1/3 of ordered pairs,
    // each hitting 1. Estimate of normalised b(1): hits/r * n(n-1) / ((n-1)(n-2)) -> about 1.
    const b = betweennessApproxSync(
      viewOf(
        3,
        [
          [0, 1],
          [1, 2],
        ],
        false,
      ),
      { samples: 3000, seed: 3 },
    );
    expect(b.values[1]).toBeGreaterThan(0.9);
    expect(b.values[1]).toBeLessThan(1.1);
    expect(b.values[0]).toBe(0);
  });
});

describe('betweennessApprox: within epsilon of exact (fixed seeds)', () => {
  const cases = referenceCases().filter((c) => ['karate-undirected', 'kapferer-all-directed', 'eies-messages-directed'].includes(c.name));
  for (const c of cases) {
    for (const weighted of [false, true]) {
      it(`${c.name}, ${weighted ? 'lengths 1/w' : 'hops'}, eps 0.03`, () => {
        const view = referenceView(c);
        const exact = betweennessSync(view, { weighted });
        for (const seed of [1, 2]) {
          const approx = betweennessApproxSync(view, { weighted, epsilon: 0.03, delta: 0.1, seed });
          let worst = 0;
          for (let i = 0; i < view.csr.n; i++) worst = Math.max(worst, Math.abs(approx.values[i] - exact.values[i]));
          expect(worst).toBeLessThanOrEqual(0.03);
          expect(approx.diagnostics).toMatchObject({ method: 'riondato-kornaropoulos', epsilon: 0.03, delta: 0.1, seed });
        }
      });
    }
  }
  it('same seed, same result; another seed, another sample; async with 2 workers equals sync', async () => {
    const view = viewOf(10, KITE, false);
    const a = betweennessApproxSync(view, { seed: 5, samples: 2000 });
    const b = betweennessApproxSync(view, { seed: 5, samples: 2000 });
    const c = betweennessApproxSync(view, { seed: 6, samples: 2000 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
    const parallel = await betweennessApprox(view, { seed: 5, samples: 2000, workers: 2 });
    expect(Array.from(parallel.values)).toEqual(Array.from(a.values));
  });
});

describe('betweennessApprox: adaptive top-k (KADABRA)', () => {
  it('rejects a bad topK, and topK with samples', () => {
    const view = viewOf(10, KITE, false);
    expect(() => betweennessApproxSync(view, { topK: 0 })).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
    expect(() => betweennessApproxSync(view, { topK: 2.5 })).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
    expect(() => betweennessApproxSync(view, { topK: 3, samples: 100 })).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
  });
  const cases = referenceCases().filter((c) => ['karate-undirected', 'kapferer-all-directed'].includes(c.name));
  for (const c of cases) {
    it(`${c.name}, hops, top 3, eps 0.01: bounds hold and nobody left out beats the returned by more than 2 eps`, () => {
      const view = referenceView(c);
      const exact = betweennessSync(view, { weighted: false });
      const eps = 0.01;
      for (const seed of [1, 2]) {
        const approx = betweennessApproxSync(view, { weighted: false, topK: 3, epsilon: eps, delta: 0.1, seed });
        const d = approx.diagnostics;
        expect(d).toMatchObject({ method: 'kadabra-top-k', epsilon: eps, delta: 0.1, topK: 3, seed });
        expect(Number(d.samples)).toBeLessThanOrEqual(Number(d.maxSamples));
        const bounds = JSON.parse(String(d.bounds)) as { ids: string[]; lower: number[]; upper: number[] };
        expect(bounds.ids).toEqual(approx.top(3).map((e) => e.id));
        const returned = new Set(bounds.ids);
        let lowestReturned = Infinity;
        bounds.ids.forEach((id, r) => {
          const truth = exact.get(id)!;
          expect(truth).toBeGreaterThanOrEqual(bounds.lower[r] - 1e-12);
          expect(truth).toBeLessThanOrEqual(bounds.upper[r] + 1e-12);
          lowestReturned = Math.min(lowestReturned, truth);
        });
        for (let i = 0; i < view.csr.n; i++) {
          if (!returned.has(view.personIds[i])) expect(exact.values[i]).toBeLessThanOrEqual(lowestReturned + 2 * eps);
        }
      }
    });
  }
  it('1 and 2 workers give the same estimates; stops before the RK cap on a clear ranking', async () => {
    const view = viewOf(10, KITE, false);
    const a = betweennessApproxSync(view, { weighted: false, topK: 1, seed: 4 });
    const b = await betweennessApprox(view, { weighted: false, topK: 1, seed: 4, workers: 2 });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(b.diagnostics.samples).toBe(a.diagnostics.samples);
    // Kite (NetworkX): H (index 7) 0.389, next F and G (5, 6) 0.231: far apart at eps 0.005.
    expect(a.diagnostics.stop).toBe('ranked');
    expect(Number(a.diagnostics.samples)).toBeLessThan(Number(a.diagnostics.maxSamples));
    expect(a.top(1)[0].id).toBe(view.personIds[7]);
  });
});

describe('betweennessApprox with lengths: the bidirectional Dijkstra sampler is unbiased', () => {
  /** Weights 1, 2 or 4: lengths 1, 1/2, 1/4 add up exactly, so ties between paths are exact ties. */
  const dyadic = (rand: () => number) => [1, 2, 4][Math.floor(rand() * 3)];
  const lcg = (seed: number) => {
    let x = seed >>> 0;
    return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) >>> 8) / 2 ** 24;
  };
  const graphs = (): { name: string; n: number; ties: [number, number, number][]; directed: boolean }[] => {
    // A 5 x 5 grid, weight 1 but for every third tie (weight 2): many tied shortest paths.
    const grid: [number, number, number][] = [];
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) {
        if (c < 4) grid.push([5 * r + c, 5 * r + c + 1, grid.length % 3 === 0 ? 2 : 1]);
        if (r < 4) grid.push([5 * r + c, 5 * r + c + 5, grid.length % 3 === 0 ? 2 : 1]);
      }
    const rand = lcg(7);
    // Directed, 30 people: 24 tied at random, 6 in a cycle of their own (pairs with no path).
    const directed: [number, number, number][] = [];
    for (let k = 0; k < 90; k++) {
      const a = Math.floor(rand() * 24);
      const b = Math.floor(rand() * 24);
      if (a !== b) directed.push([a, b, dyadic(rand)]);
    }
    for (let k = 24; k < 30; k++) directed.push([k, k === 29 ? 24 : k + 1, dyadic(rand)]);
    // Undirected, 36 people in two parts.
    const parts: [number, number, number][] = [];
    for (let k = 0; k < 80; k++) {
      const side = k % 2 === 0 ? 0 : 18;
      const a = side + Math.floor(rand() * 18);
      const b = side + Math.floor(rand() * 18);
      if (a !== b) parts.push([a, b, dyadic(rand)]);
    }
    return [
      { name: 'grid 5 x 5', n: 25, ties: grid, directed: false },
      { name: 'directed, unreachable pairs', n: 30, ties: directed, directed: true },
      { name: 'undirected, two parts', n: 36, ties: parts, directed: false },
    ];
  };
  for (const g of graphs()) {
    it(`${g.name}: every person's hit rate within 5 standard errors of sum sigma_st(v) / sigma_st / (n (n - 1)) (200,000 samples)`, () => {
      const view = viewOf(g.n, g.ties, g.directed);
      const samples = 200_000;
      const exact = betweennessSync(view, { weighted: true, normalized: false });
      const approx = betweennessApproxSync(view, { weighted: true, normalized: false, samples, seed: 3 });
      expect(approx.diagnostics).toMatchObject({ search: 'dijkstra', samples });
      // Unnormalised exact values are the ordered-pair sums (halved when undirected), and the estimate is on the same scale.
      const perPair = g.n * (g.n - 1) * (g.directed ? 1 : 0.5);
      let busy = 0;
      for (let v = 0; v < g.n; v++) {
        const p = exact.values[v] / perPair;
        const hit = approx.values[v] / perPair;
        if (p > 0.01) busy++;
        expect(Math.abs(hit - p), `person ${v}: p ${p}`).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / samples) + 1e-12);
      }
      expect(busy).toBeGreaterThan(5);
    });
  }
});

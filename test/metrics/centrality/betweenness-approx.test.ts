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

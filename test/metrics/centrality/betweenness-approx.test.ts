/**
 * Approximate betweenness (Riondato–Kornaropoulos): degenerate inputs, the sample-size formula by
 * hand, and, with fixed seeds, every estimate within epsilon of the exact value on small graphs.
 */
import { describe, expect, it } from 'vitest';
import { riondatoSampleSize, vertexDiameterBound } from '../../../src/core/approx-betweenness.js';
import { pathGraphOf } from '../../../src/core/path-graph.js';
import { betweennessApprox, DEFAULT_BETWEENNESS_APPROX_OPTIONS } from '../../../src/metrics/centrality/betweenness-approx.js';
import { betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import type { NodeScores } from '../../../src/metrics/scores.js';
import { KITE, referenceCases, referenceView, viewOf } from './path-fixtures.js';

const sync = (s: NodeScores | Promise<NodeScores>) => s as NodeScores;

describe('betweennessApprox: degenerate inputs and the bound', () => {
  it('fewer than 3 people: zeros, no samples', () => {
    expect(sync(betweennessApprox(viewOf(0, [], false))).size).toBe(0);
    const two = sync(betweennessApprox(viewOf(2, [[0, 1]], false)));
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
    const path = viewOf(5, [[0, 1], [1, 2], [2, 3], [3, 4]], false).csr;
    expect(vertexDiameterBound({ forward: pathGraphOf(path, null), backward: pathGraphOf(path, null, true) }, false)).toBe(5);
    const kite = viewOf(10, KITE, false).csr;
    expect(vertexDiameterBound({ forward: pathGraphOf(kite, null), backward: pathGraphOf(kite, null, true) }, false)).toBeGreaterThanOrEqual(6);
  });
  it('a path graph: a single shortest path per pair, so the star centre of 0-1-2 is always hit', () => {
    // In 0-1-2 the only pairs with an interior node are (0,2) and (2,0): 1/3 of ordered pairs,
    // each hitting 1. Estimate of normalised b(1): hits/r * n(n-1) / ((n-1)(n-2)) -> about 1.
    const b = sync(betweennessApprox(viewOf(3, [[0, 1], [1, 2]], false), { samples: 3000, seed: 3 }));
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
          const approx = sync(betweennessApprox(view, { weighted, epsilon: 0.03, delta: 0.1, seed }));
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
    const a = sync(betweennessApprox(view, { seed: 5, samples: 2000 }));
    const b = sync(betweennessApprox(view, { seed: 5, samples: 2000 }));
    const c = sync(betweennessApprox(view, { seed: 6, samples: 2000 }));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
    const parallel = await betweennessApprox(view, { seed: 5, samples: 2000, workers: 2 });
    expect(Array.from(parallel.values)).toEqual(Array.from(a.values));
  });
});

/**
 * The bounded score fit (src/recommend/score-fit.ts): the fold buffers reused across folds give the
 * same candidates and features as fresh ones, the training rows equal `withoutEdges` (the rebuilt
 * reference), and `maxHeldOut` caps the ties held out per fold without changing a fit it does not bind.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/util/random.js';
import { project } from '../../src/model/projection.js';
import { groupLabels } from '../../src/recommend/groups.js';
import { introductionAdjacency } from '../../src/recommend/introduction-adjacency.js';
import { aucAndPrecisionAtK, fitIntroductionScore, foldCandidates, foldWorkspace, withoutEdges } from '../../src/recommend/score-fit.js';
import { foldPairFeatures } from '../helpers/fold-features.js';
import { auc, precisionAtK } from '../../src/recommend/ranking-quality.js';
import { loadDataset } from '../helpers/datasets.js';

async function setting() {
  const view = project(await loadDataset('manufacturing-email'));
  const groups = groupLabels(view, 'division', { minGroupSize: 1 });
  const adj = introductionAdjacency(view);
  const label = Int32Array.from(groups.labels, (g, i) => (groups.external[i] ? -1 : g));
  const cross: number[] = [];
  for (let e = 0; e < adj.edgeU.length; e++)
    if (label[adj.edgeU[e]] >= 0 && label[adj.edgeV[e]] >= 0 && label[adj.edgeU[e]] !== label[adj.edgeV[e]]) cross.push(e);
  return { view, adj, label, cross };
}

describe('bounded score fit', () => {
  it('one workspace reused over three folds gives the same candidates as fresh arrays per fold (sampled and full mode)', async () => {
    const { adj, label, cross } = await setting();
    for (const full of [false, true]) {
      const ws = foldWorkspace(adj);
      for (let f = 0; f < 3; f++) {
        const held = cross.filter((_, t) => t % 10 === f);
        const options = { full, maxSources: 40, sampledPairs: 5000 };
        const reused = foldCandidates(adj, label, held, { ...options, random: mulberry32(f + 1), workspace: ws });
        const fresh = foldCandidates(adj, label, held, { ...options, random: mulberry32(f + 1) });
        expect(reused.positive.length).toBeGreaterThan(1000);
        for (const column of ['cnCol', 'raCol', 'rawCol', 'ra3Col', 'positive', 'threeOnly'] as const)
          expect(reused[column], `${full} fold ${f} ${column}`).toEqual(fresh[column]);
      }
    }
  });

  it('the training rows are the graph without the held-out ties: same features as on withoutEdges with nothing held out', async () => {
    const { adj, label, cross } = await setting();
    const held = cross.filter((_, t) => t % 7 === 2);
    const options = { full: true, maxSources: 100, sampledPairs: 1e5 };
    const withH = foldCandidates(adj, label, held, { ...options, random: mulberry32(3) });
    const rebuilt = foldCandidates(withoutEdges(adj, new Set(held)), label, [], { ...options, random: mulberry32(3) });
    // Every held-out tie is a positive (full mode: each pair once); the features are those of the rebuilt graph.
    expect(withH.positive.reduce((s, x) => s + x, 0)).toBe(held.length);
    expect(foldPairFeatures(withH)).toEqual(foldPairFeatures(rebuilt));
    expect(withH.zeroNegatives).toBe(rebuilt.zeroNegatives);
  });

  it('maxHeldOut caps the held-out ties per fold; a cap that does not bind changes nothing', async () => {
    const { view, cross } = await setting();
    // 10% of the cross-division ties, rounded: the default hold-out size.
    const wanted = Math.round(0.1 * cross.length);
    const base = fitIntroductionScore(view, { attribute: 'division', minGroupSize: 1, folds: 3 });
    expect(base.heldOut).toBe(wanted);
    const loose = fitIntroductionScore(view, { attribute: 'division', minGroupSize: 1, folds: 3, maxHeldOut: wanted });
    expect(loose).toEqual(base);
    const capped = fitIntroductionScore(view, { attribute: 'division', minGroupSize: 1, folds: 3, maxHeldOut: 40 });
    expect(capped.fitted).toBe(true);
    expect(capped.heldOut).toBe(40);
    expect(() => fitIntroductionScore(view, { attribute: 'division', minGroupSize: 1, maxHeldOut: 0 })).toThrow(/maxHeldOut/);
  });

  it('a block of tied negatives given as a count scores as if listed (auc and precisionAtK of ranking-quality.ts)', () => {
    const random = mulberry32(7);
    const base = 1e-4;
    for (let trial = 0; trial < 40; trial++) {
      // Scores on a coarse grid so that ties with each other and with the block's score are common.
      const draw = () => (random() < 0.3 ? base : Math.floor(random() * 6) / 4 + (random() < 0.5 ? base : 0));
      const P = Float64Array.from({ length: 1 + Math.floor(random() * 12) }, draw);
      const N = Float64Array.from({ length: Math.floor(random() * 40) }, draw);
      const tied = Math.floor(random() * 60);
      const all = Float64Array.from([...N, ...new Array<number>(tied).fill(base)]);
      for (const k of [1, 3, 10, 50, 500]) {
        const got = aucAndPrecisionAtK(k, P, N, tied, base);
        const want = { auc: all.length > 0 ? auc(P, all) : NaN, precision: precisionAtK(k, P, all) };
        if (Number.isNaN(want.auc)) expect(got.auc).toBeNaN();
        else expect(got.auc, `trial ${trial} k ${k}`).toBeCloseTo(want.auc, 12);
        expect(got.precision, `trial ${trial} k ${k}`).toBeCloseTo(want.precision, 12);
      }
    }
    // A further block given sorted (the fit's pairs reached by three steps only): as if listed.
    for (let trial = 0; trial < 40; trial++) {
      const draw = () => (random() < 0.3 ? base : Math.floor(random() * 6) / 4 + (random() < 0.5 ? base : 0));
      const P = Float64Array.from({ length: 1 + Math.floor(random() * 12) }, draw);
      const N = Float64Array.from({ length: Math.floor(random() * 40) }, draw);
      const S = Float64Array.from({ length: Math.floor(random() * 60) }, draw).sort();
      const tied = Math.floor(random() * 30);
      const all = Float64Array.from([...N, ...S, ...new Array<number>(tied).fill(base)]);
      for (const k of [1, 3, 10, 50, 500, 5000]) {
        const got = aucAndPrecisionAtK(k, P, N, tied, base, S);
        const want = { auc: all.length > 0 ? auc(P, all) : NaN, precision: precisionAtK(k, P, all) };
        if (Number.isNaN(want.auc)) expect(got.auc).toBeNaN();
        else expect(got.auc, `sorted trial ${trial} k ${k}`).toBeCloseTo(want.auc, 12);
        expect(got.precision, `sorted trial ${trial} k ${k}`).toBeCloseTo(want.precision, 12);
      }
    }
    // The sorted block given as RA3-like values and the setting's epsilon and delta (score = e r + d, computed so).
    for (let trial = 0; trial < 40; trial++) {
      const e = [0, 0.1, 0.5, 2][trial % 4];
      const d = trial % 3 === 0 ? 0 : base;
      const draw = () => (random() < 0.3 ? d : Math.floor(random() * 6) / 4 + (random() < 0.5 ? d : 0));
      const P = Float64Array.from({ length: 1 + Math.floor(random() * 12) }, draw);
      const N = Float64Array.from({ length: Math.floor(random() * 40) }, draw);
      const R = Float64Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * 5) / 8).sort();
      const tied = Math.floor(random() * 30);
      const all = Float64Array.from([...N, ...Array.from(R, (r) => e * r + d), ...new Array<number>(tied).fill(d)]);
      for (const k of [1, 3, 10, 50, 500]) {
        const got = aucAndPrecisionAtK(k, P, N, tied, d, R, e, d);
        const want = { auc: all.length > 0 ? auc(P, all) : NaN, precision: precisionAtK(k, P, all) };
        if (Number.isNaN(want.auc)) expect(got.auc).toBeNaN();
        else expect(got.auc, `affine trial ${trial} k ${k}`).toBeCloseTo(want.auc, 12);
        expect(got.precision, `affine trial ${trial} k ${k}`).toBeCloseTo(want.precision, 12);
      }
    }
    // k above 4096: the negatives are sorted instead of buffered.
    const P = Float64Array.from({ length: 300 }, () => Math.floor(random() * 50) / 7);
    const N = Float64Array.from({ length: 9000 }, () => Math.floor(random() * 60) / 9);
    const all = Float64Array.from([...N, ...new Array<number>(500).fill(0)]);
    const got = aucAndPrecisionAtK(6000, P, N, 500, 0);
    expect(got.auc).toBeCloseTo(auc(P, all), 12);
    expect(got.precision).toBeCloseTo(precisionAtK(6000, P, all), 12);
  });

  it('counts every positive above a NaN negative, and sorts the listed negatives in place (by hand)', () => {
    // P = {1, 2}; N = {NaN, 1.5, 1}: pairs below = 2 (NaN) + 1 (1.5 < 2) + (1 + 1/2) (1 < 2, 1 = 1) = 4.5.
    const N = Float64Array.of(NaN, 1.5, 1);
    expect(aucAndPrecisionAtK(1, Float64Array.of(2, 1), N).auc).toBe(4.5 / 6);
    expect(Array.from(N)).toEqual([1, 1.5, NaN]);
  });
});

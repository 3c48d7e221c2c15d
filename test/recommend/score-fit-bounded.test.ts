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
import { fitIntroductionScore, foldCandidates, foldWorkspace, withoutEdges } from '../../src/recommend/score-fit.js';
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
        for (const column of ['cnCol', 'raCol', 'rawCol', 'ra3Col', 'positive'] as const)
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
    for (const column of ['cnCol', 'raCol', 'rawCol', 'ra3Col'] as const) expect(withH[column], column).toEqual(rebuilt[column]);
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
});

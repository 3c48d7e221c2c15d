import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/util/random.js';
import { project } from '../../src/model/projection.js';
import { groupLabels, sortedAdjacency } from '../../src/recommend/groups.js';
import { foldCandidates, withoutEdges } from '../../src/recommend/score-fit.js';
import { foldPairFeatures } from '../helpers/fold-features.js';
import { featuresFor, hiding, prepare } from '../../scripts/eval/features.js';
import { loadDataset } from '../helpers/datasets.js';

// Leak guard: no feature of a candidate pair may depend on whether a held-out tie is in the graph.
// Metamorphic check: the features computed with held-out set H on graph G must equal the features
// computed on the graph G \ H with nothing held out (same candidates, same order), except the
// `positive` column. A count made on the full graph (group affinity, ties between groups, degrees,
// strengths, mutual contacts...) sees H in the first run and not in the second, and fails this.
// Checked by injecting such a leak (strengths of the full graph in foldCandidates; ties between
// groups counted on the full graph in featuresFor): both tests failed, then the injection was removed.

function withoutHeldOut<T extends ReturnType<typeof sortedAdjacency>>(adj: T, held: ReadonlySet<number>): T {
  const rest = withoutEdges(adj, held) as T;
  // Independent check of the removal: m - |H| edges left, none of them held out.
  expect(rest.edgeU.length).toBe(adj.edgeU.length - held.size);
  const key = (u: number, v: number) => Math.min(u, v) * adj.n + Math.max(u, v);
  const left = new Set(Array.from(rest.edgeU, (u, e) => key(u, rest.edgeV[e])));
  for (const e of held) expect(left.has(key(adj.edgeU[e], adj.edgeV[e]))).toBe(false);
  return rest;
}

describe('held-out ties never leak into the features', () => {
  it('evaluation features (scripts/eval/features.ts), lazega-lawfirm by office', async () => {
    const p = await prepare('lazega-lawfirm', 'office');
    const held = hiding(p, 1000);
    expect(held.size).toBe(27); // 10% of 268 cross-office ties
    const withH = featuresFor(p, held, 1000);
    const train = featuresFor({ ...p, adj: withoutHeldOut(p.adj, held) }, new Set(), 1000);
    expect(withH.count).toBe(train.count);
    // Every held-out tie is a candidate (positive) and nothing else is.
    expect(withH.positive.reduce((s, x) => s + x, 0)).toBe(27);
    expect(train.positive.reduce((s, x) => s + x, 0)).toBe(0);
    for (const column of [
      'cn',
      'aa',
      'ra',
      'raw',
      'ra3',
      'jaccard',
      'ka',
      'kb',
      'toB',
      'toA',
      'pairTies',
      'sizeA',
      'sizeB',
      'hops',
    ] as const) {
      expect(Array.from(withH[column]), column).toEqual(Array.from(train[column]));
    }
  });

  it('the score fit (foldCandidates in src/recommend/score-fit.ts), manufacturing-email by division', async () => {
    const view = project(await loadDataset('manufacturing-email'));
    const groups = groupLabels(view, 'division', { minGroupSize: 1 });
    const adj = sortedAdjacency(view, { weighted: true });
    const label = Int32Array.from(groups.labels, (g, i) => (groups.external[i] ? -1 : g));
    const cross: number[] = [];
    for (let e = 0; e < adj.edgeU.length; e++)
      if (label[adj.edgeU[e]] >= 0 && label[adj.edgeV[e]] >= 0 && label[adj.edgeU[e]] !== label[adj.edgeV[e]]) cross.push(e);
    const held = cross.filter((_, t) => t % 10 === 3);
    const options = { full: true, maxSources: 100, sampledPairs: 1e5 };
    const withH = foldCandidates(adj, label, held, { ...options, random: mulberry32(1) });
    const train = foldCandidates(withoutHeldOut(adj, new Set(held)), label, [], { ...options, random: mulberry32(1) });
    expect(withH.positive.reduce((s, x) => s + x, 0)).toBe(held.length);
    expect(train.positive.every((x) => x === 0)).toBe(true);
    // Held-out partners are listed rows in withH and may be bare three-step values in train: compare the pairs' features as multisets.
    expect(foldPairFeatures(withH)).toEqual(foldPairFeatures(train));
    expect(withH.zeroNegatives).toBe(train.zeroNegatives);
  });
});

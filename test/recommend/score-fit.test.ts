import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { DEFAULT_INTRODUCTION_SCORE } from '../../src/recommend/introduction-score.js';
import { fitIntroductionScore, INTRODUCTION_SCORE_GRID } from '../../src/recommend/score-fit.js';
import { loadDataset } from '../helpers/datasets.js';

describe('fitIntroductionScore', () => {
  it('falls back to the fixed weights when too few cross-group ties can be held out', () => {
    const g = OrgGraph.from({
      people: ['a1', 'a2', 'b1'].map((id) => ({ id, attributes: { dept: id[0] } })),
      ties: [
        { source: 'a1', target: 'a2' },
        { source: 'a2', target: 'b1' },
      ],
    });
    const r = fitIntroductionScore(project(g), { attribute: 'dept', minGroupSize: 1 });
    expect(r).toMatchObject({ fitted: false, weights: DEFAULT_INTRODUCTION_SCORE, trials: [] });
    expect(() => fitIntroductionScore(project(g), { attribute: 'dept', holdOut: 1, minGroupSize: 1 })).toThrow(/holdOut/);
  });

  it('tries every setting of the grid and keeps the best mean criterion (lazega-lawfirm)', async () => {
    const view = project(await loadDataset('lazega-lawfirm'));
    const r = fitIntroductionScore(view, { attribute: 'office', minGroupSize: 1 });
    expect(r.fitted).toBe(true);
    // 71 people, all with an office: 71 * 70 / 2 = 2485 staff pairs <= 100000, so 10 hold-out draws by default.
    expect(r.folds).toBe(10);
    expect(fitIntroductionScore(view, { attribute: 'office', folds: 2, minGroupSize: 1 }).folds).toBe(2);
    expect(fitIntroductionScore(view, { attribute: 'office', smallPairs: 2484, minGroupSize: 1 }).folds).toBe(3);
    expect(r.trials).toHaveLength(INTRODUCTION_SCORE_GRID.length);
    const best = Math.max(...r.trials.map((t) => t.criterion));
    expect(r.trials.find((t) => t.weights === r.weights)!.criterion).toBe(best);
    for (const t of r.trials) {
      expect(t.criterion).toBeCloseTo(t.auc + t.precision, 12);
      expect(t.auc).toBeGreaterThan(0.5); // every setting ranks held-out ties above chance
    }
    // Same seed, same choice; the random score (one constant setting) would sit at AUC 1/2.
    expect(fitIntroductionScore(view, { attribute: 'office', minGroupSize: 1 }).weights).toBe(r.weights);
    const flat = { commonNeighbours: 0, resourceAllocation: 0, weightedResourceAllocation: 0, threeStep: 0, baseline: 1e-4 };
    const only = fitIntroductionScore(view, { attribute: 'office', grid: [flat], minGroupSize: 1 });
    expect(only.trials[0].auc).toBe(0.5);
  });
});

import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { DEFAULT_INTRODUCTION_SCORE } from '../../src/recommend/introduction-score.js';
import { fitIntroductionScore, GeometricSkips, INTRODUCTION_SCORE_GRID } from '../../src/recommend/score-fit.js';
import { useWasmLocalSweep } from '../../src/core/paths/wasm-local-sweep.js';
import { mulberry32 } from '../../src/core/util/random.js';
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

describe('the fit on WebAssembly and in JavaScript', () => {
  it('gives the same trials to the bit with the sweep in either (email-eu-core, sampled sources)', async () => {
    const view = project(await loadDataset('email-eu-core'));
    // Sampled mode (maxCandidates below the staff pairs): sources, skips and three-step sweeps all run.
    const options = { attribute: 'department', minGroupSize: 1, maxCandidates: 1000, maxSources: 40, sampledPairs: 20_000 };
    const wasm = fitIntroductionScore(view, options);
    const was = useWasmLocalSweep(false);
    try {
      const js = fitIntroductionScore(view, options);
      expect(js.trials).toEqual(wasm.trials);
      expect(js.candidates).toBe(wasm.candidates);
    } finally {
      useWasmLocalSweep(was);
    }
    expect(wasm.fitted).toBe(true);
    expect(wasm.candidates).toBeGreaterThan(20_000);
  });

  it('gives the same trials with every pair counted (full mode, lazega-lawfirm: 10 folds reusing one workspace)', async () => {
    const view = project(await loadDataset('lazega-lawfirm'));
    const options = { attribute: 'office', minGroupSize: 1 };
    const wasm = fitIntroductionScore(view, options);
    const was = useWasmLocalSweep(false);
    try {
      expect(fitIntroductionScore(view, options).trials).toEqual(wasm.trials);
    } finally {
      useWasmLocalSweep(was);
    }
    expect(wasm.folds).toBe(10);
  });
});

describe('GeometricSkips', () => {
  /** The skip computed, as the fit computed it before the table. */
  const direct = (u: number, logKeep: number) => Math.floor(Math.log(1 - u) / logKeep);

  it('reads the same skip off its table as the logarithm gives, at every step edge and on random draws', () => {
    const random = mulberry32(9);
    const TWO_32 = 4294967296;
    for (const rate of [0.9, 0.5, 0.1, 0.03, 0.0216]) {
      const logKeep = Math.log1p(-rate);
      const skips = new GeometricSkips(logKeep);
      // Each step edge t (the least t with skip >= k, found here by bisection) and its neighbours.
      const top = direct((TWO_32 - 1) / TWO_32, logKeep);
      let edges = 0;
      for (let k = 1, lo = 0; k <= top; k++) {
        let hi = TWO_32 - 1;
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (direct(mid / TWO_32, logKeep) >= k) hi = mid;
          else lo = mid + 1;
        }
        for (const t of [lo - 2, lo - 1, lo, lo + 1, lo + 2]) {
          if (t < 0 || t >= TWO_32) continue;
          expect(skips.next(t / TWO_32), `rate ${rate} t ${t}`).toBe(direct(t / TWO_32, logKeep));
          edges++;
        }
      }
      expect(edges).toBeGreaterThan(4 * top);
      for (let d = 0; d < 20_000; d++) {
        const u = random();
        expect(skips.next(u)).toBe(direct(u, logKeep));
      }
      // Off the 2^-32 grid the expression is computed.
      for (const u of [0.1234567890123, 1 / 3, 0.999999999999]) expect(skips.next(u)).toBe(direct(u, logKeep));
    }
    // A tiny rate (steps beyond the table's cap) computes every skip.
    const tiny = new GeometricSkips(Math.log1p(-1e-6));
    for (const u of [0, 0.5, 0.75, (2 ** 32 - 1) / 2 ** 32]) expect(tiny.next(u)).toBe(direct(u, Math.log1p(-1e-6)));
  });
});

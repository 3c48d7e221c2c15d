/**
 * Reproduces the fixed plausibility weights (DEFAULT_INTRODUCTION_SCORE in
 * src/recommend/introduction-score.ts): every setting of INTRODUCTION_SCORE_GRID is scored on the
 * tuning hidings (seeds 2000..2004, disjoint from the evaluation seeds 1000..) of the three tuning
 * data sets only (email-eu-core, lazega-lawfirm, manufacturing-email; never hospital-rfid or
 * enron-email), and the setting with the largest mean criterion wins. The criterion is the one the
 * per-graph fit uses: AUC + precision@50 of the hidden ties, averaged over hidings, then over data
 * sets (each data set counts once, whatever its size). On equal criteria the first setting of the grid
 * wins (the grid lists the current default first).
 *
 * Usage (from the repository root): npx tsx scripts/eval/tune.ts [--repeats 5]
 * Prints every setting's criterion per data set, the winner, and whether it equals the default.
 */
import { DEFAULT_INTRODUCTION_SCORE, type IntroductionScoreWeights } from '../../src/recommend/introduction-score.js';
import { INTRODUCTION_SCORE_GRID } from '../../src/recommend/score-fit.js';
import { aucOf, features, precisionOf, prepare } from './features.js';
import { plausibility, TUNING_CASES } from './recommendation-quality.js';

const FIRST_SEED = 2000;

export async function tune(repeats: number): Promise<{ weights: IntroductionScoreWeights; criterion: number; perDataset: number[] }[]> {
  const sums = INTRODUCTION_SCORE_GRID.map(() => TUNING_CASES.map(() => 0));
  for (const [d, c] of TUNING_CASES.entries()) {
    const p = await prepare(c.dataset, c.attribute);
    for (let rep = 0; rep < repeats; rep++) {
      const f = features(p, FIRST_SEED + rep);
      INTRODUCTION_SCORE_GRID.forEach((w, g) => {
        const s = plausibility(f, w);
        sums[g][d] += (aucOf(s, f.positive) + precisionOf(50, s, f.positive)) / repeats;
      });
    }
    console.error(`done ${c.dataset}`);
  }
  return INTRODUCTION_SCORE_GRID.map((weights, g) => ({
    weights,
    perDataset: sums[g],
    criterion: sums[g].reduce((s, x) => s + x, 0) / TUNING_CASES.length,
  }));
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--repeats');
  const repeats = at >= 0 ? Number(process.argv[at + 1]) : 5;
  const rows = await tune(repeats);
  let best = 0;
  for (let g = 1; g < rows.length; g++) if (rows[g].criterion > rows[best].criterion) best = g;
  console.log(
    `criterion = AUC + precision@50, mean over ${repeats} tuning hidings (seeds ${FIRST_SEED}..${FIRST_SEED + repeats - 1}), then over ${TUNING_CASES.map((c) => c.dataset).join(', ')}`,
  );
  console.log(`| lambda | RA/RAw | epsilon | ${TUNING_CASES.map((c) => c.dataset).join(' | ')} | mean |`);
  console.log(`|---|---|---|${TUNING_CASES.map(() => '---').join('|')}|---|`);
  for (const r of rows) {
    const w = r.weights;
    console.log(
      `| ${w.commonNeighbours} | ${w.resourceAllocation ? 'RA' : 'RAw'} | ${w.threeStep} | ${r.perDataset.map((x) => x.toFixed(4)).join(' | ')} | ${r.criterion.toFixed(4)}${r === rows[best] ? ' (best)' : ''} |`,
    );
  }
  const same = (Object.keys(DEFAULT_INTRODUCTION_SCORE) as (keyof IntroductionScoreWeights)[]).every(
    (k) => rows[best].weights[k] === DEFAULT_INTRODUCTION_SCORE[k],
  );
  console.log(`\nbest: ${JSON.stringify(rows[best].weights)}`);
  console.log(
    same ? 'equals DEFAULT_INTRODUCTION_SCORE' : `DIFFERS from DEFAULT_INTRODUCTION_SCORE ${JSON.stringify(DEFAULT_INTRODUCTION_SCORE)}`,
  );
}

if (process.argv[1] && process.argv[1].endsWith('tune.ts')) void main();

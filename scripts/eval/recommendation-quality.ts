/**
 * Recommendation quality on real data: hide 10% of the cross-group ties, rank every cross-group pair
 * not tied in what remains, and measure how well each score recovers the hidden ties
 * (precision@k and AUC) for orgraph's introduction score, common neighbours, Jaccard, Adamic-Adar
 * and random scores.
 *
 * orgraph's score is used as `introductions` uses it by default: its weights are fitted on the
 * training graph only (`fitIntroductionScoreOnAdjacency`, which holds out 10% of the *remaining*
 * cross-group ties with its own seed); the evaluated hidden ties are never seen by the fit.
 *
 * Usage (from the repository root): npx tsx scripts/eval/recommendation-quality.ts [--repeats 5] [--write]
 * --write replaces the table in docs/recommendation-quality.md and writes
 * scripts/eval/recommendation-quality.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTRODUCTION_SCORE, introductionScore, type IntroductionScoreWeights } from '../../src/recommend/introduction-score.js';
import { fitIntroductionScoreOnAdjacency } from '../../src/recommend/score-fit.js';
import { aucOf, features, precisionOf, prepare, type Features } from './features.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CASES = [
  { dataset: 'email-eu-core', attribute: 'department' },
  { dataset: 'lazega-lawfirm', attribute: 'office' },
  { dataset: 'manufacturing-email', attribute: 'division' },
] as const;
const KS = [10, 50] as const;
const FIRST_SEED = 1000;

function orgraphScore(f: Features, weights: IntroductionScoreWeights): Float64Array {
  const s = new Float64Array(f.count);
  for (let i = 0; i < f.count; i++) {
    s[i] = introductionScore(
      {
        commonNeighbours: f.cn[i],
        resourceAllocation: f.ra[i],
        weightedResourceAllocation: f.raw[i],
        resourceAllocation3: f.ra3[i],
        degreeA: f.ka[i],
        degreeB: f.kb[i],
        contactsInGroupB: f.toB[i],
        contactsInGroupA: f.toA[i],
        hops: f.hops[i],
      },
      weights,
    );
  }
  return s;
}

type Metrics = { auc: number; precision: Record<string, number> };
export interface CaseResult {
  dataset: string;
  attribute: string;
  people: number;
  crossTies: number;
  hidden: number;
  candidates: number;
  scores: Record<string, Metrics>;
  /** Weights the fit chose on each hiding's training graph. */
  fittedWeights: IntroductionScoreWeights[];
}

export async function evaluate(repeats: number): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const c of CASES) {
    const p = await prepare(c.dataset, c.attribute);
    const acc: Record<string, Metrics> = {};
    const add = (name: string, score: Float64Array, f: Features) => {
      const m = (acc[name] ??= { auc: 0, precision: Object.fromEntries(KS.map((k) => [`p@${k}`, 0])) });
      m.auc += aucOf(score, f.positive) / repeats;
      for (const k of KS) m.precision[`p@${k}`] += precisionOf(k, score, f.positive) / repeats;
    };
    const fitted: IntroductionScoreWeights[] = [];
    let candidates = 0;
    let hidden = 0;
    for (let rep = 0; rep < repeats; rep++) {
      const f = features(p, FIRST_SEED + rep);
      candidates = f.count;
      hidden = f.positive.reduce((s, x) => s + x, 0);
      // The fit sees only the training graph (the evaluated ties are already removed).
      const fit = fitIntroductionScoreOnAdjacency(f.train, p.labels, { attribute: c.attribute, seed: 1 });
      fitted.push(fit.weights);
      add('orgraph (fitted)', orgraphScore(f, fit.weights), f);
      add('orgraph (fixed weights)', orgraphScore(f, DEFAULT_INTRODUCTION_SCORE), f);
      add('common neighbours', f.cn, f);
      add('Jaccard', f.jaccard, f);
      add('Adamic-Adar', f.aa, f);
      add('random', f.random, f);
    }
    out.push({ dataset: c.dataset, attribute: c.attribute, people: p.adj.n, crossTies: p.cross.length, hidden, candidates, scores: acc, fittedWeights: fitted });
    console.error(`done ${c.dataset}`);
  }
  return out;
}

function weightsText(w: IntroductionScoreWeights): string {
  return `lambda ${w.commonNeighbours}, ${w.resourceAllocation ? 'RA' : 'RAw'}, epsilon ${w.threeStep}`;
}

function table(results: CaseResult[], repeats: number): string {
  const names = Object.keys(results[0].scores);
  const lines: string[] = [];
  lines.push(`Mean over ${repeats} random hidings (seeds ${FIRST_SEED}..${FIRST_SEED + repeats - 1}); 10% of cross-group ties hidden each time. Best of each column in bold.`);
  lines.push('');
  lines.push(`| data set (groups) | score | AUC | ${KS.map((k) => `precision@${k}`).join(' | ')} |`);
  lines.push(`|---|---|---|${KS.map(() => '---').join('|')}|`);
  for (const r of results) {
    for (const name of names) {
      const s = r.scores[name];
      const best = (f: (x: Metrics) => number) => Math.max(...names.map((x) => f(r.scores[x]))) - f(s) < 1e-12;
      const cell = (v: number, isBest: boolean) => (isBest ? `**${v.toFixed(3)}**` : v.toFixed(3));
      lines.push(
        `| ${r.dataset} (${r.attribute}; ${r.hidden} of ${r.crossTies} cross ties hidden, ${r.candidates} candidates) | ${name} | ${cell(s.auc, best((x) => x.auc))} | ${KS.map((k) => cell(s.precision[`p@${k}`], best((x) => x.precision[`p@${k}`]))).join(' | ')} |`,
      );
    }
  }
  lines.push('');
  lines.push('Weights the fit chose on each hiding (from the training graph only):');
  lines.push('');
  for (const r of results) lines.push(`- ${r.dataset}: ${r.fittedWeights.map(weightsText).join('; ')}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--repeats');
  const repeats = at >= 0 ? Number(args[at + 1]) : 5;
  const t0 = Date.now();
  const results = await evaluate(repeats);
  const text = table(results, repeats);
  console.log(text);
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (args.includes('--write')) {
    writeFileSync(join(ROOT, 'scripts', 'eval', 'recommendation-quality.json'), JSON.stringify({ repeats, results }, null, 2) + '\n');
    const doc = join(ROOT, 'docs', 'recommendation-quality.md');
    const current = readFileSync(doc, 'utf8');
    const begin = '<!-- table:begin -->';
    const end = '<!-- table:end -->';
    const next = current.slice(0, current.indexOf(begin) + begin.length) + '\n' + text + '\n' + current.slice(current.indexOf(end));
    writeFileSync(doc, next);
  }
}

if (process.argv[1] && process.argv[1].endsWith('recommendation-quality.ts')) void main();

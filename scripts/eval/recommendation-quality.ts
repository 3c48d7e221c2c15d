/**
 * Recommendation quality on real data: hide 10% of the cross-group ties, rank every cross-group pair
 * not tied in what remains, and measure how well each score recovers the hidden ties (AUC and
 * precision@k) for orgraph's plausibility (fitted, as `introductions` uses it), resource allocation
 * (RA), RA + three-step, orgraph's fixed weights, common neighbours, Jaccard, Adamic-Adar, random, and
 * orgraph's full introduction score (value x plausibility, which is not meant to recover existing
 * ties). Per-hiding paired differences with 95% t-intervals. Then the bias of the fit's sampled
 * candidate set: held-out AUC over every pair against the sampled set, same hold-outs.
 *
 * The fit sees only the training graph (the evaluated ties are already removed; it holds out 10% of
 * the *remaining* cross-group ties with its own seeds). Evaluation hidings use seeds 1000..; the
 * tuning script (scripts/eval/tune.ts) uses 2000.. on the tuning data sets only; hospital-rfid and
 * enron-email were never used for any tuning.
 *
 * Usage (from the repository root): npx tsx scripts/eval/recommendation-quality.ts [--repeats 5] [--write]
 * --write replaces the table in docs/recommendation-quality.md and writes
 * scripts/eval/recommendation-quality.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_INTRODUCTION_SCORE,
  introductionPlausibility,
  introductionValue,
  type IntroductionScoreWeights,
} from '../../src/recommend/introduction-score.js';
import { fitIntroductionScoreOnAdjacency } from '../../src/recommend/score-fit.js';
import { aucOf, features, precisionOf, prepare, type Features } from './features.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const TUNING_CASES = [
  { dataset: 'email-eu-core', attribute: 'department' },
  { dataset: 'lazega-lawfirm', attribute: 'office' },
  { dataset: 'manufacturing-email', attribute: 'division' },
] as const;
/** Never used to choose anything (grid, defaults, criterion). */
export const UNTOUCHED_CASES = [
  { dataset: 'hospital-rfid', attribute: 'status' },
  { dataset: 'enron-email', attribute: 'role' },
] as const;
const KS = [10, 50] as const;
const FIRST_SEED = 1000;
const MEASURES = ['auc', 'p@10', 'p@50'] as const;
type Measure = (typeof MEASURES)[number];
/** Rows compared with orgraph (fitted) in the paired differences. */
const PAIRED = ['resource allocation (RA)', 'RA + three-step (RA + 0.1 RA3)', 'Adamic-Adar', 'common neighbours'] as const;
/** The RA + three-step baseline: resource allocation, plus 0.1 x RA over three-step paths to order pairs with no mutual contact. */
const RA_THREE_STEP: IntroductionScoreWeights = Object.freeze({
  commonNeighbours: 0,
  resourceAllocation: 1,
  weightedResourceAllocation: 0,
  threeStep: 0.1,
  baseline: 1e-4,
});

/** The plausibility of every candidate under some weights. */
export function plausibility(f: Features, weights: IntroductionScoreWeights): Float64Array {
  const s = new Float64Array(f.count);
  for (let i = 0; i < f.count; i++) s[i] = introductionPlausibility(components(f, i), weights);
  return s;
}

function components(f: Features, i: number) {
  return {
    commonNeighbours: f.cn[i],
    resourceAllocation: f.ra[i],
    weightedResourceAllocation: f.raw[i],
    resourceAllocation3: f.ra3[i],
    degreeA: f.ka[i],
    degreeB: f.kb[i],
    contactsInGroupB: f.toB[i],
    contactsInGroupA: f.toA[i],
    hops: f.hops[i],
  };
}

function fullScore(f: Features, weights: IntroductionScoreWeights): Float64Array {
  const s = new Float64Array(f.count);
  for (let i = 0; i < f.count; i++) {
    const c = components(f, i);
    s[i] = introductionValue(c).value * introductionPlausibility(c, weights);
  }
  return s;
}

/** Two-sided 97.5% quantile of Student's t with df degrees of freedom (df 1..30; normal above). */
export function tQuantile975(df: number): number {
  const table = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
    2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  return df >= 1 && df <= 30 ? table[df - 1] : 1.96;
}

/** Mean and 95% t-interval of paired differences. */
export function meanInterval(d: readonly number[]): { mean: number; low: number; high: number } {
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, low: NaN, high: NaN };
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const h = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, low: mean - h, high: mean + h };
}

export interface CaseResult {
  dataset: string;
  attribute: string;
  untouched: boolean;
  people: number;
  crossTies: number;
  hidden: number;
  candidates: number;
  /** Per score, per measure: the value on each hiding. */
  perHiding: Record<string, Record<Measure, number[]>>;
  fittedWeights: IntroductionScoreWeights[];
}

export async function evaluate(repeats: number, cases = [...TUNING_CASES, ...UNTOUCHED_CASES]): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const c of cases) {
    const p = await prepare(c.dataset, c.attribute);
    const perHiding: Record<string, Record<Measure, number[]>> = {};
    const add = (name: string, score: Float64Array, f: Features) => {
      const m = (perHiding[name] ??= { auc: [], 'p@10': [], 'p@50': [] });
      m.auc.push(aucOf(score, f.positive));
      for (const k of KS) m[`p@${k}`].push(precisionOf(k, score, f.positive));
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
      add('orgraph plausibility (fitted)', plausibility(f, fit.weights), f);
      add('orgraph plausibility (fixed weights)', plausibility(f, DEFAULT_INTRODUCTION_SCORE), f);
      add('RA + three-step (RA + 0.1 RA3)', plausibility(f, RA_THREE_STEP), f);
      add('resource allocation (RA)', f.ra, f);
      add('common neighbours', f.cn, f);
      add('Jaccard', f.jaccard, f);
      add('Adamic-Adar', f.aa, f);
      add('random', f.random, f);
      add('orgraph score (value x plausibility)', fullScore(f, fit.weights), f);
    }
    out.push({
      dataset: c.dataset,
      attribute: c.attribute,
      untouched: UNTOUCHED_CASES.some((u) => u.dataset === c.dataset),
      people: p.adj.n,
      crossTies: p.cross.length,
      hidden,
      candidates,
      perHiding,
      fittedWeights: fitted,
    });
    console.error(`done ${c.dataset}`);
  }
  return out;
}

/**
 * The fit's sampled candidate set against every pair, on the same hold-outs of one data set: the
 * held-out AUC of the fixed weights over every cross-group pair, and over the sampled set (forced
 * by maxCandidates 0) with the old sampling budget (300 sources, 1,000,000 pairs) and the current one.
 */
export async function samplingBias(dataset: string, attribute: string, seeds: readonly number[]) {
  const p = await prepare(dataset, attribute);
  const rows: { seed: number; all: number; old: number; current: number; candidates: { all: number; old: number; current: number } }[] = [];
  for (const seed of seeds) {
    const common = { attribute, seed, folds: 1, grid: [DEFAULT_INTRODUCTION_SCORE] } as const;
    const all = fitIntroductionScoreOnAdjacency(p.adj, p.labels, { ...common, maxCandidates: Infinity });
    const old = fitIntroductionScoreOnAdjacency(p.adj, p.labels, { ...common, maxCandidates: 0, maxSources: 300, sampledPairs: 1_000_000 });
    const current = fitIntroductionScoreOnAdjacency(p.adj, p.labels, { ...common, maxCandidates: 0 });
    rows.push({
      seed,
      all: all.trials[0].auc,
      old: old.trials[0].auc,
      current: current.trials[0].auc,
      candidates: { all: all.candidates, old: old.candidates, current: current.candidates },
    });
  }
  return { dataset, attribute, rows };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');
const signed = (x: number) => (x >= 0 ? '+' : '') + f3(x);
const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;

function weightsText(w: IntroductionScoreWeights): string {
  return `lambda ${w.commonNeighbours}, ${w.resourceAllocation ? 'RA' : 'RAw'}, epsilon ${w.threeStep}`;
}

function table(results: CaseResult[], repeats: number, bias: Awaited<ReturnType<typeof samplingBias>>): string {
  const lines: string[] = [];
  lines.push(
    `Mean over ${repeats} random hidings (seeds ${FIRST_SEED}..${FIRST_SEED + repeats - 1}); 10% of cross-group ties hidden each time. Best of each column in bold (the full score row excluded: it is not meant to recover existing ties).`,
  );
  lines.push('');
  lines.push(`| data set (groups) | score | AUC | ${KS.map((k) => `precision@${k}`).join(' | ')} |`);
  lines.push(`|---|---|---|${KS.map(() => '---').join('|')}|`);
  for (const r of results) {
    const names = Object.keys(r.perHiding);
    const ranked = names.filter((x) => !x.startsWith('orgraph score'));
    const m = (name: string, k: Measure) => mean(r.perHiding[name][k]);
    for (const name of names) {
      const cell = (k: Measure) => {
        const v = m(name, k);
        const best = ranked.includes(name) && Math.max(...ranked.map((x) => m(x, k))) - v < 1e-12;
        return best ? `**${f3(v)}**` : f3(v);
      };
      const label = `${r.dataset}${r.untouched ? ' [untouched]' : ''} (${r.attribute}; ${r.hidden} of ${r.crossTies} cross ties hidden, ${r.candidates} candidates)`;
      lines.push(`| ${label} | ${name} | ${MEASURES.map(cell).join(' | ')} |`);
    }
  }
  lines.push('');
  lines.push(
    `Paired differences, orgraph plausibility (fitted) minus each baseline, per hiding: mean [95% t-interval over the ${repeats} hidings, df ${repeats - 1}]. An interval that contains 0 is no evidence of a difference.`,
  );
  lines.push('');
  lines.push(`| data set | minus | AUC | precision@10 | precision@50 |`);
  lines.push(`|---|---|---|---|---|`);
  for (const r of results) {
    for (const base of PAIRED) {
      const cells = MEASURES.map((k) => {
        const d = r.perHiding['orgraph plausibility (fitted)'][k].map((x, t) => x - r.perHiding[base][k][t]);
        const ci = meanInterval(d);
        return `${signed(ci.mean)} [${signed(ci.low)}, ${signed(ci.high)}]`;
      });
      lines.push(`| ${r.dataset}${r.untouched ? ' [untouched]' : ''} | ${base} | ${cells.join(' | ')} |`);
    }
  }
  lines.push('');
  lines.push('Plausibility weights the fit chose on each hiding (from the training graph only):');
  lines.push('');
  for (const r of results) lines.push(`- ${r.dataset}: ${r.fittedWeights.map(weightsText).join('; ')}`);
  lines.push('');
  lines.push(
    `Sampled candidate set against every pair (${bias.dataset}, ${bias.attribute}; fixed weights; one hold-out of 10% of cross-group ties per seed, the same ties in the three columns):`,
  );
  lines.push('');
  lines.push(
    '| fit seed | AUC, every pair | AUC, sampled (300 sources, 1,000,000 far pairs: the old budget) | AUC, sampled (100 sources, 100,000 far pairs: current) |',
  );
  lines.push('|---|---|---|---|');
  for (const row of bias.rows)
    lines.push(
      `| ${row.seed} | ${f3(row.all)} (${row.candidates.all} pairs) | ${f3(row.old)} (${row.candidates.old}) | ${f3(row.current)} (${row.candidates.current}) |`,
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--repeats');
  const repeats = at >= 0 ? Number(args[at + 1]) : 5;
  const t0 = Date.now();
  const results = await evaluate(repeats);
  const bias = await samplingBias('email-eu-core', 'department', [1, 2, 3]);
  const text = table(results, repeats, bias);
  console.log(text);
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (args.includes('--write')) {
    writeFileSync(
      join(ROOT, 'scripts', 'eval', 'recommendation-quality.json'),
      JSON.stringify({ repeats, results, samplingBias: bias }, null, 2) + '\n',
    );
    const doc = join(ROOT, 'docs', 'recommendation-quality.md');
    const current = readFileSync(doc, 'utf8');
    const begin = '<!-- table:begin -->';
    const end = '<!-- table:end -->';
    const next = current.slice(0, current.indexOf(begin) + begin.length) + '\n' + text + '\n' + current.slice(current.indexOf(end));
    writeFileSync(doc, next);
  }
}

if (process.argv[1] && process.argv[1].endsWith('recommendation-quality.ts')) void main();

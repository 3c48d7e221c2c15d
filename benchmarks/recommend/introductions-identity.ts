/**
 * Same answers before and after a change to the score fit or the introductions
 * Prints one line per call: the generated org (people, seed), the options, and a SHA-1 of the fit's
 * result (weights, and AUC, precision@k and criterion of every setting) or of the introductions
 * (every field but the per-pair candidate count, which counts what was swept). Run it on the code
 * before a change and after, and compare the two outputs (`diff`): a speed change must leave every
 * line as it was. Not a timing script.
 * Usage: npx tsx benchmarks/recommend/introductions-identity.ts [fit|introductions|both]
 */
import { createHash } from 'node:crypto';
import { prepareAnalysis } from '../../src/report/pipeline/index.js';
import { introductions, type IntroductionsOptions, type IntroductionsResult } from '../../src/recommend/introductions.js';
import { introductionAdjacency } from '../../src/recommend/introduction-adjacency.js';
import { DEFAULT_INTRODUCTION_SCORE } from '../../src/recommend/introduction-score.js';
import { groupLabels } from '../../src/recommend/groups.js';
import { fitIntroductionScoreOnAdjacency, type FitIntroductionScoreOptions } from '../../src/recommend/score-fit.js';
import { generateOrg, toOrgGraph } from '../generate/org-graph.js';

const what = process.argv[2] ?? 'both';
const sha1 = (x: unknown) => createHash('sha1').update(JSON.stringify(x)).digest('hex');
const orgs: [number, number][] = [
  [300, 1],
  [600, 2],
  [1000, 1],
  [1500, 1],
  [2000, 1],
  [2000, 2],
  [5000, 3],
  [10000, 1],
  [10000, 2],
];
const fitOptions: Partial<FitIntroductionScoreOptions>[] = [{}, { maxCandidates: 0 }, { folds: 2, seed: 7 }];
const listOptions: Partial<IntroductionsOptions>[] = [
  {},
  { perGap: 40, maxPerPerson: 3 },
  { score: DEFAULT_INTRODUCTION_SCORE },
  { score: { ...DEFAULT_INTRODUCTION_SCORE, threeStep: 0.1 } },
  { gaps: 20, perGap: 200, maxPerPerson: 1, maxPerIntroducer: 1 },
];
// The candidate count depends on what was swept (see perPair.threeStepOutranked), not on the answer.
const answer = (r: IntroductionsResult) => ({ ...r, perPair: r.perPair.map((p) => [p.groupA, p.groupB, p.made, p.skippedForLoad]) });
for (const [people, seed] of orgs) {
  const ctx = await prepareAnalysis(toOrgGraph(generateOrg({ people, seed, averageDegree: 20 })), {
    group: 'department',
    workers: 1,
    thread: 'caller',
  });
  const attribute = ctx.groupAttr!;
  if (what !== 'introductions') {
    const adj = introductionAdjacency(ctx.view);
    const groups = groupLabels(ctx.view, attribute, {});
    const label = Int32Array.from(groups.labels, (g, i) => (groups.external[i] ? -1 : g));
    for (const extra of fitOptions)
      console.log('fit', people, seed, JSON.stringify(extra), sha1(fitIntroductionScoreOnAdjacency(adj, label, { attribute, ...extra })));
  }
  if (what !== 'fit')
    for (const extra of listOptions)
      console.log('introductions', people, seed, JSON.stringify(extra), sha1(answer(introductions(ctx.view, { attribute, ...extra }))));
}

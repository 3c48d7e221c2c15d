/**
 * Introductions benchmark
 * Times `introductions` (largest department gaps, their candidates within three steps, fitted score,
 * load caps) on a seeded generated org (benchmarks/generate/org-graph.ts) grouped by department, on a
 * prebuilt view (generation and projection are timed apart). Each step logs wall time and CPU time
 * (user + system) because the machine may be shared.
 * Target: introductions for 100k people under 60 s.
 *
 * Usage: npx tsx benchmarks/recommend/introductions.ts [--people 100000] [--degree 20] [--seed 1] [--gaps 5] [--per-gap 5]
 */
import { project } from '../../src/model/projection.js';
import { DEFAULT_INTRODUCTION_SCORE } from '../../src/recommend/introduction-score.js';
import { introductions } from '../../src/recommend/introductions.js';
import { fitIntroductionScore } from '../../src/recommend/score-fit.js';
import { generateOrg, toOrgGraph } from '../generate/org-graph.js';

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

function timed<T>(label: string, f: () => T): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = f();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  console.log(
    `${label.padEnd(44)} wall ${wall.toFixed(2).padStart(7)} s   cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(7)} s`,
  );
  return out;
}

const people = arg('people', 100_000);
const degree = arg('degree', 20);
const seed = arg('seed', 1);
const gaps = arg('gaps', 5);
const perGap = arg('per-gap', 5);
console.log(`introductions benchmark: ${people} people, mean degree ${degree}, seed ${seed}, ${gaps} gaps x ${perGap}`);
const org = timed('generate', () => generateOrg({ people, seed, averageDegree: degree }));
const graph = timed('OrgGraph', () => toOrgGraph(org));
const view = timed('project', () => project(graph));
const fit = timed('fitIntroductionScore (alone)', () => fitIntroductionScore(view, { attribute: 'department' }));
console.log(
  `  fitted ${fit.fitted}; held out ${fit.heldOut} per fold; ${fit.candidates} candidate pairs over 3 folds; weights ${JSON.stringify(fit.weights)}`,
);
const fixed = timed('introductions, fixed weights', () =>
  introductions(view, { attribute: 'department', gaps, perGap, score: DEFAULT_INTRODUCTION_SCORE }),
);
const r = timed('introductions, default (fit + gaps + list)', () => introductions(view, { attribute: 'department', gaps, perGap }));
const candidates = r.perPair.reduce((s, x) => s + x.candidates, 0);
console.log(
  `  ${r.introductions.length} introductions over ${r.perPair.length} group pairs; ${candidates} candidates scored (fixed: ${fixed.introductions.length})`,
);
console.log(`  first: ${r.introductions[0]?.reasons.text ?? '(none)'}`);

/**
 * Profile: the introductions stage against the centrality stages, in one process (issue 10,
 * "introductions in proportion").
 * Builds the view the analyze pipeline builds for the seeded generated org (privacy, projection,
 * grouped by department: `prepareAnalysis`), runs the centrality, betweenness and gaps stages on it,
 * then the introductions stage, and times the introductions call as the stage makes it split into
 * its parts: adjacency, score fit, candidate generation (local-path sweeps), scoring, selection.
 * Every figure is CPU time (user + system, process.cpuUsage: this process, JIT and GC threads
 * included, each part's read after it has idled `--settle-ms` (250) so that the compile jobs it
 * queued on V8's background threads count in it, not in the next part; betweenness gets workers: 1,
 * and a worker thread is in this process, so its work is counted); wall time is printed beside it
 * because the machine may be shared. The first introductions call is the one the ratio
 * uses: a report makes it once, cold (the JIT warms up inside it); the stage's own run after it is
 * printed too.
 *
 * The org is read from .bench-data/org-n<people>-s1-d20 when the analyze benchmark has written it,
 * else generated in memory (the same seeded generator, the same graph).
 *
 * Usage: npx tsx benchmarks/recommend/introductions-stage.ts [--people 100000] [--repeat 1] [--settle-ms 250]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadFolder } from '../../src/ingest/csv.js';
import type { OrgGraph } from '../../src/model/org-graph.js';
import { prepareAnalysis, type AnalysisContext } from '../../src/report/pipeline/index.js';
import { LARGE_ORG } from '../../src/report/pipeline/context.js';
import { betweennessStage } from '../../src/report/pipeline/stages/betweenness.js';
import { centralityStage } from '../../src/report/pipeline/stages/centrality.js';
import { gapsStage } from '../../src/report/pipeline/stages/gaps.js';
import { introductionsStage } from '../../src/report/pipeline/stages/introductions.js';
import { INTRODUCTION_PHASES, introductionsMarked, type IntroductionPhase } from '../../src/recommend/introductions.js';
import { generateOrg, toOrgGraph } from '../generate/org-graph.js';

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

const rows: { label: string; wall: number; cpu: number }[] = [];
/** Idle time after each timed part, so that the compile jobs it queued finish inside its own figure. */
const settleMs = arg('settle-ms', 250);
const settle = () => new Promise((done) => setTimeout(done, settleMs));
async function timed<T>(label: string, f: () => T | Promise<T>): Promise<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await f();
  const wall = (performance.now() - t0) / 1000;
  // V8 compiles hot functions on background threads: a part's compile jobs may still run after it
  // returns, and would be counted in the next part's CPU. Idle until they are done (no CPU is spent
  // waiting), then read the clock: each part carries its own compilation.
  await settle();
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  rows.push({ label, wall, cpu });
  console.log(`${label.padEnd(46)} wall ${wall.toFixed(2).padStart(7)} s   cpu ${cpu.toFixed(2).padStart(7)} s`);
  return out;
}

const people = arg('people', 100_000);
const repeat = arg('repeat', 1);
const dir = resolve(`.bench-data/org-n${people}-s1-d20`);
console.log(
  `introductions stage profile: ${people} people (load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})`,
);
const graph: OrgGraph = await timed(existsSync(resolve(dir, 'ties.csv')) ? 'load (CSV)' : 'generate (in memory)', async () =>
  existsSync(resolve(dir, 'ties.csv')) ? (await loadFolder(dir)).graph : toOrgGraph(generateOrg({ people, seed: 1, averageDegree: 20 })),
);
// As the CLI runs it: in the calling thread, one betweenness worker per core given (1 here, so that
// the process's CPU time is the whole cost).
const ctx: AnalysisContext = await timed('privacy + projection', () =>
  prepareAnalysis(graph, { group: 'department', workers: 1, thread: 'caller' }),
);
await timed('stage centrality', () => centralityStage.run(ctx));
await timed('stage betweenness', () => betweennessStage.run(ctx));
await timed('stage gaps', () => gapsStage.run(ctx));
const gapResult = ctx.get('gaps');
for (let r = 0; r < repeat; r++) {
  // The same call the stage makes, with its parts timed.
  const cpuSeconds = Object.fromEntries(INTRODUCTION_PHASES.map((p) => [p, 0])) as Record<IntroductionPhase, number>;
  let phase: IntroductionPhase = 'setup';
  let since = process.cpuUsage();
  const mark = (next: IntroductionPhase) => {
    const d = process.cpuUsage(since);
    cpuSeconds[phase] += (d.user + d.system) / 1e6;
    phase = next;
    since = process.cpuUsage();
  };
  let units = 0;
  let progressCalls = 0;
  const result = await timed(`introductions in parts (run ${r + 1})`, () => {
    const out = introductionsMarked(
      ctx.view,
      {
        attribute: ctx.groupAttr!,
        gaps: ctx.options.gaps,
        perGap: ctx.options.perGap,
        threeSteps: !(ctx.n > LARGE_ORG),
        gapResult,
        onProgress: (_done, total) => ((units = total), progressCalls++),
      },
      mark,
    );
    mark('setup');
    return out;
  });
  for (const p of INTRODUCTION_PHASES) console.log(`  ${p.padEnd(44)} cpu ${cpuSeconds[p].toFixed(2).padStart(7)} s`);
  const candidates = result.perPair.reduce((s, x) => s + x.candidates, 0);
  console.log(
    `  ${result.introductions.length} introductions over ${result.perPair.length} pairs; ${candidates} candidates; fit ${JSON.stringify(result.fit)} weights ${JSON.stringify(result.weights)}; ${units} progress units, ${progressCalls} calls`,
  );
  console.log(`  first: ${result.introductions[0]?.reasons.text ?? '(none)'}`);
}
let ticks = 0;
let last = -1;
let monotone = true;
const stageCtx: AnalysisContext = {
  ...ctx,
  progress: (_stage, done) => {
    if (done < last) monotone = false;
    last = done;
    ticks++;
  },
};
await timed('stage introductions', () => introductionsStage.run(stageCtx));
const cpuOf = (label: string) => rows.find((x) => x.label === label)!.cpu;
const reference = cpuOf('stage centrality') + cpuOf('stage betweenness');
// The first call is the one a report makes (cold: the JIT warms up inside it); the stage's own run comes after.
const first = cpuOf('introductions in parts (run 1)');
const stage = cpuOf('stage introductions');
console.log(
  `\nintroductions ${first.toFixed(2)} s CPU (first call; the stage after it ${stage.toFixed(2)} s) against centrality + betweenness ` +
    `${reference.toFixed(2)} s CPU: ratio ${(first / reference).toFixed(2)} (${(stage / reference).toFixed(2)}); ` +
    `${ticks} progress calls, ${monotone ? 'never going back' : 'NOT monotone'}; load average ${loadavg()[0].toFixed(1)}`,
);

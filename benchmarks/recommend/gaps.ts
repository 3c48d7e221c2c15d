/**
 * Group-gaps benchmark
 * Times `groupGaps` (every department pair against the null, p, BH q, declared gaps) on a seeded
 * generated org (benchmarks/generate/org-graph.ts) grouped by department, on a prebuilt view
 * (generation and projection timed apart), with the default null ('auto': rewiring up to 50,000
 * ties, the analytic configuration model above) and, when asked, with the rewiring null forced.
 * Each step logs wall time and CPU time (user + system) because the machine may be shared.
 * Target: gaps with the default null on 100k people under 30 s.
 *
 * With --compare, also prints how far the analytic configuration moments are from the rewiring ones
 * (median and largest |mean difference| / rewiring sd, and the sd ratio) over the between-department
 * pairs expecting at least 5 ties: run it at a size rewiring handles (e.g. --people 5000).
 *
 * Usage: npx tsx benchmarks/recommend/gaps.ts [--people 100000] [--degree 20] [--seed 1] [--rewiring-draws 0] [--compare]
 */
import { project } from '../../src/model/projection.js';
import { groupGaps, type GroupGapsResult } from '../../src/recommend/group-gaps.js';
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
    `${label.padEnd(52)} wall ${wall.toFixed(2).padStart(7)} s   cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(7)} s`,
  );
  return out;
}

function summary(r: GroupGapsResult): void {
  console.log(`  null ${r.nullModel} (${r.null.reason}); ${r.staff.ties} staff ties; ${r.staff.tested} pairs tested; ${r.staff.statement}`);
}

const people = arg('people', 100_000);
const degree = arg('degree', 20);
const seed = arg('seed', 1);
const rewiringDraws = arg('rewiring-draws', 0);
console.log(`gaps benchmark: ${people} people, mean degree ${degree}, seed ${seed}`);
const org = timed('generate', () => generateOrg({ people, seed, averageDegree: degree }));
const graph = timed('OrgGraph', () => toOrgGraph(org));
const view = timed('project', () => project(graph));
const auto = timed('groupGaps, default null', () => groupGaps(view, { attribute: 'department' }));
summary(auto);
if (rewiringDraws > 0) {
  const rew = timed(`groupGaps, rewiring forced, ${rewiringDraws} draws`, () =>
    groupGaps(view, { attribute: 'department', nullModel: 'rewiring', draws: rewiringDraws }),
  );
  summary(rew);
}
if (process.argv.includes('--compare')) {
  const rew = timed('groupGaps, rewiring, 999 draws', () => groupGaps(view, { attribute: 'department', nullModel: 'rewiring' }));
  const conf = timed('groupGaps, configuration', () => groupGaps(view, { attribute: 'department', nullModel: 'configuration' }));
  const diff: number[] = [];
  const ratio: number[] = [];
  conf.staff.pairs.forEach((c, i) => {
    const w = rew.staff.pairs[i];
    if (c.groupA === c.groupB || w.expectedTies < 5 || !(w.sd > 0)) return;
    diff.push(Math.abs(c.expectedTies - w.expectedTies) / w.sd);
    ratio.push(c.sd / w.sd);
  });
  const declaredRew = rew.staff.gaps.length;
  const declaredConf = conf.staff.gaps.length;
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  console.log(`  ${diff.length} between pairs expecting >= 5 ties`);
  console.log(`  |mean(conf) - mean(rewiring)| / sd(rewiring): median ${q(diff, 0.5).toFixed(2)}, max ${Math.max(...diff).toFixed(2)}`);
  console.log(
    `  sd(conf) / sd(rewiring): min ${Math.min(...ratio).toFixed(2)}, median ${q(ratio, 0.5).toFixed(2)}, max ${Math.max(...ratio).toFixed(2)}`,
  );
  console.log(`  declared gaps: rewiring ${declaredRew}, configuration ${declaredConf}`);
}

/**
 * Exact weighted betweenness on the generated org (helper B's bench script)
 * Wall and CPU time (process.cpuUsage: this thread plus its workers) of `betweenness` with lengths
 * 1/w (or hop counts) on 2 workers, and CPU per source; the load average at start and end, and
 * progress with wall and CPU so far on stderr (every 5%), so that a run cut short still gives a rate.
 * Usage: npx tsx benchmarks/metrics/centrality/betweenness-weighted-cpu.ts [people] [workers] [weighted|unweighted]
 */
import { orgFixture } from '../../fixture.js';
import { loadavg } from 'node:os';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';

const people = Number(process.argv[2] ?? 10000);
const workers = Number(process.argv[3] ?? 2);
const weighted = (process.argv[4] ?? 'weighted') === 'weighted';
const f = orgFixture(people, 1, 20);
const loadStart = loadavg();
const c0 = process.cpuUsage();
const t0 = performance.now();
let reported = 0;
const onProgress = (done: number, total: number) => {
  if (done / total < reported + 0.05 && done < total) return;
  reported = done / total;
  const c = process.cpuUsage(c0);
  const line = {
    fraction: +reported.toFixed(3),
    wallSeconds: +((performance.now() - t0) / 1000).toFixed(1),
    cpuSeconds: +((c.user + c.system) / 1e6).toFixed(1),
    load1: loadavg()[0],
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
};
const b = await betweenness(f.view, { weighted, workers, onProgress });
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
console.log(
  JSON.stringify({
    people,
    m: f.org.m,
    weighted,
    workers,
    wallSeconds: wall,
    cpuSeconds: cpu,
    cpuMicrosPerSource: (cpu * 1e6) / people,
    loadStart,
    loadEnd: loadavg(),
    diagnostics: b.diagnostics,
    top5: b.top(5).map((e) => e.id),
  }),
);

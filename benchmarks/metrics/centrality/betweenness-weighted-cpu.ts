/**
 * Exact weighted betweenness on the generated org (helper B's bench script)
 * Wall and CPU time (process.cpuUsage: this thread plus its workers) of `betweenness` with lengths
 * 1/w on 2 workers, and CPU per source.
 * Usage: npx tsx benchmarks/metrics/centrality/betweenness-weighted-cpu.ts [people] [workers] [weighted|unweighted]
 */
import { orgFixture } from '../../fixture.js';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';

const people = Number(process.argv[2] ?? 10000);
const workers = Number(process.argv[3] ?? 2);
const weighted = (process.argv[4] ?? 'weighted') === 'weighted';
const f = orgFixture(people, 1, 20);
const c0 = process.cpuUsage();
const t0 = performance.now();
const b = await betweenness(f.view, { weighted, workers });
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
    diagnostics: b.diagnostics,
    top5: b.top(5).map((e) => e.id),
  }),
);

/**
 * The samples of approximate betweenness, one thread
 * CPU per Riondato–Kornaropoulos sample on the generated org, on hops and on lengths 1/w, with the
 * vertex-diameter bound each mode uses (it sets the sample count); then, unless `--no-default`,
 * the whole call at the default epsilon and delta on `workers` threads, with its sample count.
 * Run it on two commits to compare sampler changes (docs/benchmarks.md, session 18).
 * Usage: npx tsx benchmarks/metrics/centrality/betweenness-approx-sampler.ts [people] [samples] [workers] [--no-default]
 */
import { orgFixture } from '../../fixture.js';
import { betweennessApprox, betweennessApproxSync } from '../../../src/metrics/centrality/betweenness-approx.js';

const people = Number(process.argv[2] ?? 10000);
const samples = Number(process.argv[3] ?? 2000);
const workers = Number(process.argv[4] ?? 2);
const whole = !process.argv.includes('--no-default');
const f = orgFixture(people, 1, 20);
for (const weighted of [false, true]) {
  // A few samples first, so that the timed ones run compiled code.
  betweennessApproxSync(f.view, { weighted, samples: 50 });
  const c0 = process.cpuUsage();
  const b = betweennessApproxSync(f.view, { weighted, samples, seed: 1 });
  const c = process.cpuUsage(c0);
  const line: Record<string, unknown> = {
    people,
    weighted,
    samples,
    cpuMillisPerSample: +((c.user + c.system) / 1000 / samples).toFixed(4),
    vertexDiameter: b.diagnostics.vertexDiameter,
  };
  if (whole) {
    const t0 = performance.now();
    const d = await betweennessApprox(f.view, { weighted, workers });
    line.defaultCall = {
      workers,
      wallSeconds: +((performance.now() - t0) / 1000).toFixed(2),
      samples: d.diagnostics.samples,
      epsilon: d.diagnostics.epsilon,
    };
  }
  console.log(JSON.stringify(line));
}

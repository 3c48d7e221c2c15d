/**
 * Benchmark: `orgraph analyze` end to end on the seeded org graph (helper D's generator): ingest
 * from CSV, privacy, every analysis stage, and writing the report folder. Runs the CLI in a child
 * process per size so that its wall time and peak memory (max RSS, from /usr/bin/time when
 * present, else the child's resource usage) are measured alone.
 *
 *   npx tsx benchmarks/cli/analyze.ts [--people 100000] [--seed 1] [--workers 2]
 *
 * The CLI runs the job in a supervised child (src/cli/supervisor.ts), which writes its per-stage
 * wall and CPU times and peak RSS to the file named by ORGRAPH_TIMINGS; they are printed with the row,
 * with the machine's load average (the machine is shared: CPU seconds are the steadier figure).
 *
 * Issue 6 target: 100,000 people in under 2 minutes and under 4 GB. Issue 10 target: 1,000,000
 * people (10M ties) in under 10 minutes and under 6 GB, with the default options.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const people = Number(arg('people', '100000'));
const seed = Number(arg('seed', '1'));
const workers = arg('workers', String(Math.max(1, Math.min(2, cpus().length))));
const data = resolve(`.bench-data/org-n${people}-s${seed}-d20`);

// Step 1: the data set (generated once, then reused).
if (!existsSync(join(data, 'ties.csv'))) {
  const g = spawnSync(
    'npx',
    ['tsx', 'benchmarks/generate/org-graph.ts', '--people', String(people), '--seed', String(seed), '--out', data],
    { stdio: 'inherit' },
  );
  if (g.status !== 0) throw new Error('generator failed');
}

// Step 2: analyze in a child process, timed.
const out = mkdtempSync(join(tmpdir(), 'orgraph-bench-analyze-'));
const cli = ['tsx', 'src/cli/main.ts', 'analyze', data, '--group', 'department', '--out', out, '--quiet', '--workers', workers];
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const timingsFile = join(out, '..', `${out.split(/[\\/]/).pop()}-timings.json`);
const env = { ...process.env, ORGRAPH_TIMINGS: timingsFile };
const loadBefore = loadavg();
const started = process.hrtime.bigint();
const r = timeBin
  ? spawnSync(timeBin, ['-f', 'maxrss_kb=%M user_s=%U sys_s=%S', 'npx', ...cli], { encoding: 'utf8', maxBuffer: 1 << 26, env })
  : spawnSync('npx', cli, { encoding: 'utf8', maxBuffer: 1 << 26, env });
const loadAfter = loadavg();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (r.status !== 0) {
  process.stderr.write(r.stdout + r.stderr);
  throw new Error(`analyze exited with ${r.status}`);
}
const rss = /maxrss_kb=(\d+)/.exec(r.stderr ?? '');
const cpuTime = /user_s=([\d.]+) sys_s=([\d.]+)/.exec(r.stderr ?? '');
const timings = existsSync(timingsFile)
  ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as {
      peakRssBytes: number | null;
      heapLimitMb: number | null;
      stages: { stage: string; seconds: number; cpuSeconds: number | null }[];
    })
  : null;
const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const row = {
  case: `1 analyze, org n=${people} deg=20 seed=${seed}, workers=${workers}`,
  seconds: Math.round(seconds * 10) / 10,
  maxRssMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
  cpuSeconds: cpuTime ? Math.round((Number(cpuTime[1]) + Number(cpuTime[2])) * 10) / 10 : null,
  jobPeakRssMB: timings?.peakRssBytes ? Math.round(timings.peakRssBytes / 2 ** 20) : null,
  heapLimitMB: timings?.heapLimitMb ?? null,
  stages: timings
    ? Object.fromEntries(
        timings.stages.map((t) => [
          t.stage,
          { seconds: Math.round(t.seconds * 10) / 10, cpuSeconds: t.cpuSeconds === null ? null : Math.round(t.cpuSeconds * 10) / 10 },
        ]),
      )
    : null,
  loadAverage1m: { before: Math.round(loadBefore[0] * 10) / 10, after: Math.round(loadAfter[0] * 10) / 10 },
  reportMB: Math.round((statSync(join(out, 'report.html')).size / 1048576) * 10) / 10,
  betweenness: summary.betweenness,
  map: summary.map,
  node: process.versions.node,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
};
console.log(JSON.stringify(row, null, 2));

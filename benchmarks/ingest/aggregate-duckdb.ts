/**
 * Event aggregation at scale: `aggregateWithDuckDb` writing people.csv / ties.csv per month straight
 * from DuckDB (and, with --memory, the in-memory engine returning its rows) on a generated event
 * log. Prints rows, ties, wall time, CPU time (user + system, all threads: DuckDB runs in process),
 * the process's peak RSS (DuckDB's memory included) and the largest size of DuckDB's spill folder
 * (sampled every second, DuckDB's spill files and the staged pairs of the aggregation).
 * Run: npx tsx benchmarks/ingest/aggregate-duckdb.ts --events 10000000 [--people 10000] [--memory]
 *      [--memory-limit 2GB] [--threads 2] [--buckets N] [--dir /tmp/orgraph-agg-bench] [--file log.parquet]
 * Without --file, a CSV log is generated once per (events, people) into --dir and reused; a
 * Parquet log of any size comes from benchmarks/ingest/generate-events.ts (written by DuckDB).
 */
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { aggregateWithDuckDb } from '../../src/ingest/aggregate/duckdb.js';
import { aggregateInMemory } from '../../src/ingest/aggregate/memory.js';
import { mulberry32 } from '../../src/core/util/random.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function generate(file: string, events: number, people: number, seed: number): Promise<void> {
  const rnd = mulberry32(seed);
  const out = createWriteStream(file);
  out.write('sender,recipients,time,channel\n');
  const start = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2026, 3, 1) - start;
  const channels = ['email', 'chat', 'meeting'];
  let chunk = '';
  for (let e = 0; e < events; e++) {
    // Senders and recipients drawn from teams of 50 (80%) or anyone (20%), 1-5 recipients.
    const s = Math.floor(rnd() * people);
    const team = s - (s % 50);
    const k = 1 + Math.floor(rnd() * 5);
    let rs = '';
    for (let j = 0; j < k; j++) rs += `${j ? ';' : ''}p${rnd() < 0.8 ? team + Math.floor(rnd() * 50) : Math.floor(rnd() * people)}`;
    chunk += `p${s},${rs},${new Date(start + Math.floor(rnd() * span)).toISOString()},${channels[Math.floor(rnd() * 3)]}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const events = Number(arg('events', '1000000'));
const people = Number(arg('people', '10000'));
const dir = arg('dir', '/tmp/orgraph-agg-bench');
await mkdir(dir, { recursive: true });
const given = process.argv.includes('--file') ? arg('file', '') : null;
const file = given ?? join(dir, `events-${events}-${people}.csv`);
if (given === null && !existsSync(file)) {
  const t = performance.now();
  await generate(file, events, people, 1);
  console.log(`generated ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const options = { from: '2026-01-01', to: '2026-04-01', period: 'month' as const, groupWeighting: 'split' as const, maxRecipients: 50 };
const engine = process.argv.includes('--memory') ? 'memory' : 'duckdb';
const spill = join(dir, 'duckdb-tmp');
let spillPeak = 0;
// DuckDB's spill files and the staged pairs (orgraph-pairs-*/), all under the temp folder.
function size(path: string): number {
  try {
    const s = statSync(path);
    return s.isDirectory() ? readdirSync(path).reduce((a, f) => a + size(join(path, f)), 0) : s.size;
  } catch {
    return 0; // gone between the listing and the stat
  }
}
const sampler = setInterval(() => {
  spillPeak = Math.max(spillPeak, size(spill));
}, 1000);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const r =
  engine === 'duckdb'
    ? await aggregateWithDuckDb([file], {
        ...options,
        memoryLimit: arg('memory-limit', '2GB'),
        threads: Number(arg('threads', '2')),
        buckets: process.argv.includes('--buckets') ? Number(arg('buckets', '1')) : null,
        tempDirectory: spill,
        outDir: join(dir, 'out-duckdb'),
      })
    : await aggregateInMemory([file], options);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    engine,
    events,
    people,
    rows: r.report.files[0].rowsRead,
    ties: r.report.ties,
    file,
    seconds: Number(seconds.toFixed(1)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    peakRssMB: Math.round(peak),
    spillPeakMB: Math.round(spillPeak / 2 ** 20),
    load: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(1))),
    node: process.version,
  }),
);

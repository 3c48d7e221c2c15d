/**
 * A seeded event log of any length, written by DuckDB itself (no row passes through JavaScript):
 * Parquet (sender, recipients, time TIMESTAMP, channel), as a warehouse export would be, or CSV.
 * The distribution is that of benchmarks/ingest/aggregate-duckdb.ts's CSV writer: teams of 50,
 * 1-5 recipients per event, each in the sender's team with probability 0.8 (else anyone), times
 * uniform over 2026-01-01 .. 2026-04-01 (UTC), channel email / chat / meeting. Randomness is
 * DuckDB's hash(row, seed, draw): the same file for the same (events, people, seed), on any
 * machine running the same DuckDB version.
 * Run: npx tsx benchmarks/ingest/generate-events.ts --events 100000000 [--people 10000] [--seed 1]
 *      [--format parquet|csv] [--out /tmp/orgraph-agg-bench/events-100000000-10000.parquet] [--threads 2]
 * Complexity: O(events) time, streaming (bounded memory).
 */
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** The COPY statement writing the log. */
export function generateEventsSql(events: number, people: number, seed: number, out: string, format: 'parquet' | 'csv'): string {
  if (!Number.isInteger(events) || !Number.isInteger(people) || !Number.isInteger(seed) || people < 50 || people % 50 !== 0)
    throw new Error('events, people and seed must be whole numbers; people a multiple of 50');
  const spanUs = (Date.UTC(2026, 3, 1) - Date.UTC(2026, 0, 1)) * 1000;
  // h(d) = an independent uniform 64-bit draw per (row, seed, d); h(d, j) per recipient j.
  const h = (...d: (number | string)[]): string => `hash(i, ${seed}, ${d.join(', ')})`;
  const recipient = `'p' || CAST(CASE WHEN ${h(3, 'j')} % 10 < 8 THEN s - s % 50 + ${h(4, 'j')} % 50 ELSE ${h(5, 'j')} % ${people} END AS VARCHAR)`;
  const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000' : 'FORMAT csv, HEADER';
  return `COPY (
  SELECT 'p' || CAST(s AS VARCHAR) AS sender,
    array_to_string(list_transform(range(k), lambda j: ${recipient}), ';') AS recipients,
    TIMESTAMP '2026-01-01 00:00:00' + to_microseconds(CAST(${h(6)} % ${spanUs} AS BIGINT)) AS time,
    ['email', 'chat', 'meeting'][1 + CAST(${h(7)} % 3 AS INTEGER)] AS channel
  FROM (SELECT i, CAST(${h(1)} % ${people} AS BIGINT) AS s, CAST(1 + ${h(2)} % 5 AS BIGINT) AS k FROM range(${events}) t(i))
) TO '${out.replace(/'/g, "''")}' (${options})`;
}

const isMain = process.argv[1]?.endsWith('generate-events.ts');
if (isMain) {
  const events = Number(arg('events', '1000000'));
  const people = Number(arg('people', '10000'));
  const seed = Number(arg('seed', '1'));
  const format = arg('format', 'parquet') as 'parquet' | 'csv';
  const out = arg('out', `/tmp/orgraph-agg-bench/events-${events}-${people}.${format}`);
  await mkdir(dirname(out), { recursive: true });
  const name = '@duckdb/node-api';
  const { DuckDBInstance } = (await import(name)) as {
    DuckDBInstance: {
      create(path: string, o?: Record<string, string>): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown> }> }>;
    };
  };
  const db = await DuckDBInstance.create(':memory:', { threads: arg('threads', '2'), preserve_insertion_order: 'false' });
  const c = await db.connect();
  const t = performance.now();
  const cpu = process.cpuUsage();
  await c.run(generateEventsSql(events, people, seed, out, format));
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      out,
      events,
      people,
      seed,
      mb: Math.round(statSync(out).size / 2 ** 20),
      seconds: Number(((performance.now() - t) / 1000).toFixed(1)),
      cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

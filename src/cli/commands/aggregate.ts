/**
 * `orgraph aggregate <events files>`: sum an event log into people.csv and ties.csv (one set per
 * period with --period), on DuckDB (out of core, CSV / JSON lines / Parquet) or in memory (CSV);
 * `--emit-sql DIALECT` prints the same aggregation as SQL for a warehouse instead.
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aggregateWithDuckDb, duckDbAvailable, type AggregateResult } from '../../ingest/aggregate/duckdb.js';
import { aggregateInMemory, calendarPeriods, parseWindow, periodLabel } from '../../ingest/aggregate/memory.js';
import { aggregateSql, SQL_DIALECTS, type AggregatePeriod, type SqlDialect } from '../../ingest/aggregate/sql.js';
import type { GroupWeighting } from '../../ingest/events.js';
import { parseDelimiter, ingestWarning } from '../input.js';
import { UsageError, type RegisterCommand } from '../command-kit.js';
import { formatSourceAccount, sourceAccount } from '../source-stats.js';

interface AggregateCliOptions {
  readonly engine?: string;
  readonly window?: string;
  readonly period?: string;
  readonly out?: string;
  readonly emitSql?: string;
  readonly table: string;
  readonly groupWeighting: string;
  readonly maxRecipients?: string;
  readonly minInteractions: string;
  readonly relation?: string;
  readonly lenient?: boolean;
  readonly delimiter?: string;
  readonly memoryLimit?: string;
  readonly threads?: string;
}

function num(value: string | undefined, name: string, integer: boolean, min: number): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v)))
    throw new UsageError(`${name} must be ${integer ? 'a whole number' : 'a number'} >= ${min}, got "${value}"`);
  return v;
}

export const aggregateCommand: RegisterCommand = (program, io, setExit) => {
  program
    .command('aggregate [files...]')
    .description('sum event logs into people.csv and ties.csv (DuckDB out of core, or in memory); --emit-sql prints warehouse SQL')
    .option('--engine <engine>', 'duckdb (CSV, JSON lines, Parquet; needs @duckdb/node-api) or memory (CSV); default duckdb when installed')
    .option('--window <A..B>', 'days A to B inclusive, e.g. 2026-01-01..2026-03-31 (UTC)')
    .option('--period <period>', 'one set of files per month or quarter')
    .option('--out <dir>', 'output folder (people.csv, ties.csv; one sub-folder per period)')
    .option('--emit-sql <dialect>', `print the SQL for ${SQL_DIALECTS.join(', ')} instead of running it`)
    .option('--table <name>', 'events table named in --emit-sql', 'events')
    .option('--group-weighting <w>', 'full, split (1/k per recipient) or duration', 'full')
    .option('--max-recipients <n>', 'leave out events with more recipients (broadcast cutoff)')
    .option('--min-interactions <n>', 'a pair becomes a tie with at least this many events', '1')
    .option('--relation <name>', 'one relation for every event (default: the channel)')
    .option('--lenient', 'leave out bad rows (and count them) instead of stopping at the first')
    .option('--delimiter <char>', "CSV field delimiter: ',' (default), ';', tab or '|'")
    .option('--memory-limit <size>', 'DuckDB memory limit, e.g. 2GB')
    .option('--threads <n>', 'DuckDB threads')
    .action(async (files: string[], opts: AggregateCliOptions) => {
      const period = (opts.period ?? 'all') as AggregatePeriod;
      if (!['all', 'month', 'quarter'].includes(period)) throw new UsageError(`--period must be month or quarter, got "${opts.period}"`);
      if (!['full', 'split', 'duration'].includes(opts.groupWeighting))
        throw new UsageError(`--group-weighting must be full, split or duration, got "${opts.groupWeighting}"`);
      const window = opts.window !== undefined ? parseWindow(opts.window) : null;
      const common = {
        from: window?.from ?? null,
        to: window?.to ?? null,
        period,
        groupWeighting: opts.groupWeighting as GroupWeighting,
        maxRecipients: num(opts.maxRecipients, '--max-recipients', true, 1) ?? Infinity,
        minInteractions: num(opts.minInteractions, '--min-interactions', true, 1) ?? 1,
        relation: opts.relation ?? null,
      };
      if (opts.emitSql !== undefined) {
        if (!SQL_DIALECTS.includes(opts.emitSql as SqlDialect))
          throw new UsageError(`--emit-sql must be one of ${SQL_DIALECTS.join(', ')}, got "${opts.emitSql}"`);
        const sql = aggregateSql(opts.emitSql as SqlDialect, { ...common, table: opts.table });
        io.out(
          `-- orgraph aggregate (${opts.emitSql}): run the four statements in one session\n-- 1. pairs of the counted events\n${sql.pairs}\n-- 2. ties.csv\n${sql.ties}\n-- 3. people.csv\n${sql.people}\n-- 4. what the event model left out, in one row (orgraph aggregate prints the same counts)\n${sql.counts}`,
        );
        return;
      }
      if (files.length === 0) throw new UsageError('no event files: give one or more files (or --emit-sql DIALECT)');
      if (opts.out === undefined) throw new UsageError('--out DIR is required (where people.csv and ties.csv go)');
      const engine = opts.engine ?? ((await duckDbAvailable()) ? 'duckdb' : 'memory');
      if (engine !== 'duckdb' && engine !== 'memory') throw new UsageError(`--engine must be duckdb or memory, got "${opts.engine}"`);
      const ingest = { mode: opts.lenient ? ('lenient' as const) : ('strict' as const), delimiter: parseDelimiter(opts.delimiter) };
      const result =
        engine === 'duckdb'
          ? await aggregateWithDuckDb(files, {
              ...common,
              ...ingest,
              memoryLimit: opts.memoryLimit ?? null,
              threads: num(opts.threads, '--threads', true, 1) ?? null,
              outDir: opts.out,
            })
          : await aggregateInMemory(files, { ...common, ...ingest });
      // DuckDB wrote its files itself; add the window's empty periods, and write the memory engine's.
      const written = await writeAggregate(result, opts.out, period, window, result.written ?? null);
      const warning = ingestWarning(result.report);
      if (warning) {
        io.err(`${warning}\n`);
        setExit(1);
      }
      io.out(`${engine}: ${result.report.ties} ties, ${result.report.people} people in ${written.length} period(s) -> ${opts.out}\n`);
      // What the event model did with the rows (nothing left out silently), as validate lists it.
      const account = sourceAccount('events', undefined, result.report.events);
      if (account !== null) io.out(`${formatSourceAccount(account).join('\n')}\n`);
    });
};

/** A CSV cell, quoted when needed. Ids are written as they are (no spreadsheet-formula prefix): the files are orgraph input. */
function cell(v: string | number): string {
  const t = String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * Write people.csv (id) and ties.csv (source,target,weight,relation,events) into `out`, or into
 * `out/<label>/` per period ('2026-01', '2026-Q1'). With a window, every period of the window gets
 * its folder, empty ones included. Returns the folders written.
 */
export async function writeAggregate(
  result: AggregateResult,
  out: string,
  period: AggregatePeriod,
  window: { from: string; to: string } | null,
  already: readonly string[] | null = null,
): Promise<string[]> {
  const keys = new Set<string>();
  if (period !== 'all' && window) for (const p of calendarPeriods(window.from, window.to, period)) keys.add(p.key);
  for (const t of result.ties) keys.add(t.period);
  for (const p of result.people) keys.add(p.period);
  if (period === 'all') keys.add('all');
  const dirs: string[] = [];
  for (const key of [...keys].sort()) {
    const dir = period === 'all' ? out : join(out, periodLabel(key, period));
    if (already?.includes(dir)) {
      dirs.push(dir);
      continue;
    }
    await mkdir(dir, { recursive: true });
    const people = result.people.filter((p) => p.period === key).map((p) => `${cell(p.id)}\n`);
    const ties = result.ties
      .filter((t) => t.period === key)
      .map((t) => `${[t.source, t.target, t.weight, t.relation, t.events].map(cell).join(',')}\n`);
    await writeFile(join(dir, 'people.csv'), `id\n${people.join('')}`);
    await writeFile(join(dir, 'ties.csv'), `source,target,weight,relation,events\n${ties.join('')}`);
    dirs.push(dir);
  }
  return dirs;
}

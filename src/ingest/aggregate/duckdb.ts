/**
 * The DuckDB engine of event aggregation: the DuckDB dialect of {@link aggregateSql} run on an
 * embedded DuckDB (`@duckdb/node-api`, an optional dependency loaded on first use) over CSV,
 * JSON-lines or Parquet files of any size. With `outDir`, memory stays bounded whatever the log's
 * length: DuckDB 1.5 keeps one aggregation's pairs in memory (about {@link BYTES_PER_PAIR} bytes
 * each), so the pairs are summed in two stages ({@link duckDbStagedSql}): one scan stages the
 * (event, recipient) rows to Parquet by (period, sender bucket) under the temp folder, then each
 * partition is summed alone. Cost: O(rows) time, one extra write and read of the rows (measured
 * 1.8x the CPU of one statement); memory O(largest partition's pairs); disk about 4 bytes per
 * (event, recipient) row. Without `outDir` the one-statement SQL runs (the rows come back to Node).
 *
 * Rows are validated by the rules of `loadEvents` before aggregation: empty sender or no recipient
 * = E_EMPTY_ID; a time that does not parse = E_BAD_TIMESTAMP; in 'duration' weighting a duration
 * that is not a number > 0 = E_BAD_VALUE. Strict mode throws at the first such row (file, line,
 * field); lenient mode leaves them out and counts them per file. Lines are record numbers + 1 (the
 * header): exact for files without quoted line breaks or blank lines.
 * Reference: docs/ingest.md ("Event logs at warehouse scale"); DuckDB read_csv / read_json / read_parquet.
 */
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrgraphError, type OrgraphErrorCode } from '../../model/errors.js';
import { resolveIngestOptions, type IngestOptions } from '../options.js';
import { emptyEventStats, IngestContext, type EventStats, type IngestReport } from '../report.js';
import { checkInputFile } from '../files.js';
import {
  aggregateSql,
  duckDbModelCounts,
  duckDbNumberText,
  duckDbStagedSql,
  pairCounts,
  periodLabel,
  PAIRS_TABLE,
  type AggregateSqlOptions,
} from './sql.js';

/** One aggregated tie of one period. */
export interface AggregatedTie {
  readonly period: string;
  readonly source: string;
  readonly target: string;
  readonly relation: string;
  readonly weight: number;
  readonly events: number;
}

export interface AggregateResult {
  /** Folders written when `outDir` was given (the rows are then not returned). */
  readonly written?: readonly string[];
  readonly ties: AggregatedTie[];
  /** People of the counted events, per period. */
  readonly people: { readonly period: string; readonly id: string }[];
  /**
   * What was read and dropped, and in `report.events` what the event model did with the valid
   * rows (events outside the window, over the cutoff, without recipients; pairs below the minimum),
   * the same counts from every engine. `pairs` counts each period's pairs apart.
   */
  readonly report: IngestReport;
}

export interface DuckDbAggregateOptions extends Omit<AggregateSqlOptions, 'table'>, IngestOptions {
  /** DuckDB memory limit, e.g. '2GB'. @defaultValue DuckDB's own (80% of RAM) */
  readonly memoryLimit?: string | null;
  /** DuckDB threads. @defaultValue DuckDB's own (all cores) */
  readonly threads?: number | null;
  /** Where DuckDB spills. @defaultValue DuckDB's own (.tmp next to the database; a temp dir here) */
  readonly tempDirectory?: string | null;
  /**
   * Write people.csv and ties.csv straight from DuckDB into this folder (one sub-folder per period,
   * named by `periodFolder`; ties in no particular order, people sorted) instead of returning the rows: for outputs too large for Node. The
   * result's `ties` and `people` are then empty and `written` lists the folders. @defaultValue null
   */
  readonly outDir?: string | null;
  /**
   * With `outDir`: how many buckets of senders each period's pairs are summed in, one hash table
   * per (period, bucket) (see `duckDbStagedSql`). null = from the memory limit: the largest
   * period's (event, recipient) rows (an upper bound of its pairs, counted in the accounting scan)
   * x {@link BYTES_PER_PAIR} / (half the limit). @defaultValue null
   */
  readonly buckets?: number | null;
}

/** Memory of one pair in DuckDB's hash aggregation (measured on DuckDB 1.5.6: 3.5 M pairs needed 300-400 MB). */
export const BYTES_PER_PAIR = 100;

/** Bytes of a DuckDB size setting ('1.8 GiB', '190.7 MiB', '2GB'), or null when it does not parse. */
export function parseByteSize(text: string): number | null {
  const m = /^\s*([0-9.]+)\s*([KMGT]?i?B|bytes)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? 'B').toUpperCase();
  const power = { B: 0, BYTES: 0, K: 1, M: 2, G: 3, T: 4 }[unit.replace(/I?B$/, '') || 'B'] ?? 0;
  const base = unit.includes('I') ? 1024 : 1000;
  const n = Number(m[1]) * base ** power;
  return Number.isFinite(n) ? n : null;
}

const MODULE = '@duckdb/node-api';

interface DuckDbConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  closeSync?(): void;
  disconnectSync?(): void;
}

/** Load @duckdb/node-api, or say clearly that it is missing. */
async function duckdb(): Promise<{
  DuckDBInstance: {
    create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDbConnection>; closeSync?(): void }>;
  };
}> {
  try {
    const name = MODULE;
    return (await import(name)) as never;
  } catch {
    throw new OrgraphError(
      'E_BAD_OPTION',
      `the duckdb engine needs the optional package ${MODULE}: run \`npm install ${MODULE}\` (or use --engine memory)`,
      { field: 'engine' },
    );
  }
}

/** Whether @duckdb/node-api can be loaded. */
export async function duckDbAvailable(): Promise<boolean> {
  try {
    await duckdb();
    return true;
  } catch {
    return false;
  }
}

const ALIASES = {
  sender: ['sender', 'from', 'source'],
  recipients: ['recipients', 'recipient', 'to', 'target', 'targets'],
  time: ['time', 'timestamp', 'date', 'datetime', 'eventdate'],
  channel: ['channel', 'medium', 'type'],
  duration: ['duration'],
} as const;

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function reader(files: readonly string[], delimiter: string): string {
  const ext = files[0].toLowerCase();
  const list = `[${files.map(q).join(', ')}]`;
  if (ext.endsWith('.parquet')) return `read_parquet(${list}, filename = true)`;
  if (ext.endsWith('.jsonl') || ext.endsWith('.ndjson') || ext.endsWith('.json'))
    return `read_json(${list}, format = 'newline_delimited', filename = true)`;
  return `read_csv(${list}, all_varchar = true, header = true, delim = ${q(delimiter)}, quote = '"', escape = '"', filename = true)`;
}

type Row = Record<string, unknown>;

/**
 * The per-event counts of EventStats from the accounting scan's rows (see duckDbModelCounts): the
 * valid rows are the events read; the pair counts are added by {@link addPairStats}.
 */
function eventStatsOf(rows: readonly Row[]): EventStats {
  const sum = (key: string, valid: boolean): number =>
    rows.reduce((s, r) => s + (valid && r.code !== null && r.code !== '' ? 0 : Number(r[key] ?? 0)), 0);
  const events = sum('n', true);
  const outside = sum('outside', false);
  const none = sum('none', false);
  const many = sum('many', false);
  return {
    ...emptyEventStats(),
    events,
    eventsUsed: events - outside - none - many,
    eventsOutsideWindow: outside,
    eventsTooManyRecipients: many,
    eventsWithoutRecipients: none,
    selfRecipients: sum('self', false),
    repeatedRecipients: sum('repeated', false),
  };
}

/** The pair counts of EventStats from the summed pairs (`relation`: a table or a read_parquet call), each period's pairs apart. */
async function addPairStats(c: DuckDbConnection, relation: string, minInteractions: number, stats: EventStats): Promise<void> {
  const r = (await c.runAndReadAll(`SELECT ${pairCounts(minInteractions)} FROM ${relation}`)).getRowObjectsJS()[0];
  stats.pairs = Number(r.pairs);
  stats.pairsBelowMinimum = Number(r.pairs_below_minimum);
  stats.interactionsBelowMinimum = Number(r.interactions_below_minimum);
  stats.ties = Number(r.ties);
}

/**
 * Aggregate event files with DuckDB. All files must share one format (by extension: .csv/.tsv/.txt,
 * .jsonl/.ndjson/.json (JSON lines), .parquet) and the column names of `loadEvents`.
 * @example
 * const { ties } = await aggregateWithDuckDb(['events-2026-*.parquet'], { from: '2026-01-01', to: '2026-04-01', period: 'month' });
 */
export async function aggregateWithDuckDb(files: readonly string[], options: DuckDbAggregateOptions = {}): Promise<AggregateResult> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  if (files.length === 0) throw new OrgraphError('E_BAD_OPTION', 'no event files', { field: 'files' });
  for (const f of files) {
    if (f.includes('*')) continue;
    // E_FILE_NOT_FOUND or E_UNREADABLE (a folder, no permission) naming the file, before DuckDB meets it.
    await checkInputFile(ctx, f, f);
    try {
      await access(f, fsConstants.R_OK);
    } catch (e) {
      ctx.fatal('E_UNREADABLE', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: f });
    }
  }
  const { DuckDBInstance } = await duckdb();
  const config: Record<string, string> = {};
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  const db = await DuckDBInstance.create(':memory:', config);
  const c = await db.connect();
  let stage: string | null = null;
  try {
    await c.run("SET TimeZone = 'UTC'");
    const src = reader(files, ctx.options.delimiter);
    const describedRows = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${src} LIMIT 0`)).getRowObjectsJS();
    const described = describedRows.map((r) => String(r.column_name));
    const types = new Map(describedRows.map((r) => [String(r.column_name), String(r.column_type)] as const));
    const lower = new Map(described.map((n) => [n.toLowerCase(), n] as const));
    const col: Record<keyof typeof ALIASES, string | null> = { sender: null, recipients: null, time: null, channel: null, duration: null };
    for (const key of Object.keys(ALIASES) as (keyof typeof ALIASES)[]) {
      const found = ALIASES[key].find((a) => lower.has(a));
      col[key] = found ? lower.get(found)! : null;
    }
    const shown = described
      .filter((n) => n !== 'filename')
      .map((n) => JSON.stringify(n))
      .join(', ');
    const windowed = (options.from ?? null) !== null || (options.to ?? null) !== null || (options.period ?? 'all') !== 'all';
    const weighting = options.groupWeighting ?? 'full';
    for (const [key, need] of [
      ['sender', true],
      ['recipients', true],
      ['time', windowed],
      ['duration', weighting === 'duration'],
    ] as const) {
      if (need && col[key] === null)
        ctx.fatal('E_MISSING_COLUMN', `missing column "${ALIASES[key][0]}" (header has ${shown})`, {
          file: files[0],
          line: 1,
          field: ALIASES[key][0],
        });
    }
    const v = (name: string | null): string => (name === null ? 'NULL' : `CAST(${ident(name)} AS VARCHAR)`);
    // Typed columns (Parquet, JSON) are used as they are; text is parsed by the rules of loadEvents.
    const timeType = col.time === null ? '' : types.get(col.time)!;
    const durationType = col.duration === null ? '' : types.get(col.duration)!;
    const typedTime = /^(TIMESTAMP|DATE)/.test(timeType);
    const numericDuration = /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/.test(
      durationType,
    );
    const timeText = 'trim(CAST(time_raw AS VARCHAR))';
    // ISO 8601 first (one cast); the epoch-milliseconds pattern only for what did not parse.
    const time =
      col.time === null
        ? 'CAST(NULL AS TIMESTAMP)'
        : typedTime
          ? `CAST(time_raw AS TIMESTAMP)`
          : `COALESCE(CAST(TRY_CAST(${timeText} AS TIMESTAMPTZ) AS TIMESTAMP), CASE WHEN regexp_full_match(${timeText}, '-?[0-9]+(\\.[0-9]+)?') THEN make_timestamp(CAST(round(CAST(${timeText} AS DOUBLE) * 1000) AS BIGINT)) END)`;
    // "No recipient": no character other than separators and white space (a search that stops at
    // the first id character, not a rewrite of the field).
    const reason = `CASE
      WHEN sender IS NULL OR trim(sender) = '' THEN 'E_EMPTY_ID:sender:empty sender'
      WHEN recipients IS NULL OR NOT regexp_matches(recipients, '[^;|\\s]') THEN 'E_EMPTY_ID:recipients:no recipients'
      ${col.time !== null ? `WHEN time IS NULL THEN 'E_BAD_TIMESTAMP:time:timestamp "' || coalesce(${timeText}, '') || '" is neither ISO 8601 nor epoch milliseconds'` : ''}
      ${weighting === 'duration' ? `WHEN duration IS NULL OR NOT (duration > 0) OR isinf(duration) THEN 'E_BAD_VALUE:duration:duration "' || coalesce(CAST(duration_raw AS VARCHAR), '') || '" is not a number > 0'` : ''}
      ELSE NULL END`;
    // No row numbers here: a window over the whole log would materialise it. Lines are numbered
    // only for the first bad rows, below, and only when there are any.
    const raw = (name: string | null): string => (name === null ? 'NULL' : ident(name));
    await c.run(`CREATE VIEW raw_events AS
SELECT filename, sender, recipients, ${time} AS time, channel, ${numericDuration ? 'CAST(duration_raw AS DOUBLE)' : 'TRY_CAST(CAST(duration_raw AS VARCHAR) AS DOUBLE)'} AS duration, time_raw, duration_raw
FROM (SELECT filename, ${v(col.sender)} AS sender, ${v(col.recipients)} AS recipients, ${raw(col.time)} AS time_raw, ${v(col.channel)} AS channel, ${raw(col.duration)} AS duration_raw FROM ${src})`);
    await c.run(`CREATE VIEW checked AS SELECT *, ${reason} AS problem FROM raw_events`);
    // Account for every row, file by file.
    // With outDir, the same scan counts each period's (event, recipient) rows (separators + 1: an
    // upper bound of the period's pairs) to size the buckets of the staged aggregation.
    const period = options.period ?? 'all';
    const periodKey = options.outDir ? `, ${period === 'all' ? "'all'" : `date_trunc('${period}', time)`} AS p` : '';
    const pairRows = options.outDir
      ? `, SUM(CASE WHEN problem IS NULL THEN len(recipients) - len(replace(replace(recipients, ';', ''), '|', '')) + 1 ELSE 0 END) AS pair_rows`
      : '';
    // And what the event model does with each valid row (EventStats), in the same scan.
    const model = duckDbModelCounts(options, 'checked');
    const counts = (
      await c.runAndReadAll(
        `SELECT filename, split_part(problem, ':', 1) AS code${periodKey}, COUNT(*) AS n${pairRows}, ${model.select} FROM ${model.from} GROUP BY ALL ORDER BY ALL`,
      )
    ).getRowObjectsJS();
    const stats = eventStatsOf(counts);
    const reports = new Map(files.map((f) => [f, ctx.file(f, 'events')] as const));
    for (const r of counts) {
      const file = String(r.filename);
      const f = reports.get(file) ?? ctx.file(file, 'events');
      reports.set(file, f);
      const n = Number(r.n);
      f.rowsRead += n;
      if (r.code === null || r.code === '') f.rowsKept += n;
    }
    const byFile = counts.filter((r) => r.code !== null && r.code !== '');
    // A second scan only when there are bad rows, for the first ones (strict: the first only).
    const firstProblems =
      byFile.length === 0
        ? []
        : (
            await c.runAndReadAll(
              `SELECT filename, line, problem FROM (SELECT filename, ROW_NUMBER() OVER (PARTITION BY filename) + 1 AS line, problem FROM checked) WHERE problem IS NOT NULL ORDER BY filename, line LIMIT ${ctx.strict ? 1 : Math.max(ctx.options.maxIssues, 1)}`,
            )
          ).getRowObjectsJS();
    for (const p of firstProblems) {
      const [code, field, ...rest] = String(p.problem).split(':');
      const f = reports.get(String(p.filename))!;
      ctx.problem(f, 'dropped', code as OrgraphErrorCode, rest.join(':'), Number(p.line), field);
    }
    const listed = firstProblems.length;
    for (const r of byFile) {
      const f = reports.get(String(r.filename))!;
      const n = Number(r.n);
      f.rowsDropped += n;
      const code = String(r.code) as OrgraphErrorCode;
      f.dropped[code] = (f.dropped[code] ?? 0) + n;
    }
    ctx.report.issueCount += byFile.reduce((s, r) => s + Number(r.n), 0) - listed;
    // The rows kept, without the messages of the checks (strict mode stopped above): the
    // aggregation itself leaves out an empty sender (TRIM(sender) <> ''); the search for an id
    // character stops at the first one.
    const keep = [
      "regexp_matches(recipients, '[^;|\\s]')",
      col.time !== null ? 'time IS NOT NULL' : '',
      weighting === 'duration' ? 'duration > 0 AND NOT isinf(duration)' : '',
    ]
      .filter((x) => x !== '')
      .join(' AND ');
    await c.run(`CREATE VIEW events AS SELECT sender, recipients, time, channel, duration FROM raw_events${keep ? ` WHERE ${keep}` : ''}`);
    // Row order of the pairs does not matter: lets DuckDB stream.
    // Set only now: the line numbers above rely on the rows coming in file order.
    await c.run('SET preserve_insertion_order = false');
    if (options.outDir) {
      let buckets = options.buckets ?? null;
      if (buckets === null) {
        const limitText = String((await c.runAndReadAll(`SELECT current_setting('memory_limit') AS m`)).getRowObjectsJS()[0].m);
        const limit = parseByteSize(limitText) ?? 2 ** 31;
        const largest = new Map<string, number>();
        for (const r of counts) if (r.pair_rows !== null) largest.set(String(r.p), (largest.get(String(r.p)) ?? 0) + Number(r.pair_rows));
        const rows = Math.max(0, ...largest.values());
        buckets = Math.min(1024, Math.max(1, Math.ceil((rows * BYTES_PER_PAIR) / (limit / 2))));
      }
      const staged = duckDbStagedSql({ ...options, table: 'events' }, buckets);
      const base = options.tempDirectory ?? tmpdir();
      await mkdir(base, { recursive: true });
      stage = await mkdtemp(join(base, 'orgraph-pairs-'));
      const rowsDir = join(stage, 'rows');
      const sumsDir = join(stage, 'sums');
      // Stage 1: one scan of the log, its (event, recipient) rows to Parquet by (period, bucket).
      await c.run(staged.rows(rowsDir));
      const folders = async (dir: string, prefix: string): Promise<string[]> =>
        (await readdir(dir).catch(() => [] as string[]))
          .filter((n) => n.startsWith(prefix))
          .map((n) => n.slice(prefix.length))
          .sort();
      const minInteractions = options.minInteractions ?? 1;
      const written: string[] = [];
      for (const key of await folders(rowsDir, 'period=')) {
        const periodDir = join(rowsDir, `period=${key}`);
        const sums = join(sumsDir, key);
        await mkdir(sums, { recursive: true });
        // Stage 2: the pairs of one (period, bucket) at a time; its rows deleted once summed.
        for (const b of await folders(periodDir, 'bucket=')) {
          await c.run(
            `COPY (${staged.sum(join(periodDir, `bucket=${b}`, '*.parquet'))}) TO ${q(join(sums, `${b}.parquet`))} (FORMAT parquet)`,
          );
          await rm(join(periodDir, `bucket=${b}`), { recursive: true, force: true });
        }
        const pairs = `read_parquet(${q(join(sums, '*.parquet'))})`;
        const dir = key === 'all' ? options.outDir : join(options.outDir, periodLabel(key, period));
        await mkdir(dir, { recursive: true });
        // Straight from the sums, in no particular order: sorting tens of millions of ties costs
        // more than the aggregation (people.csv is sorted).
        await c.run(
          `COPY (SELECT source, target, ${duckDbNumberText('weight')} AS weight, relation, events FROM ${pairs} WHERE events >= ${minInteractions}) TO ${q(join(dir, 'ties.csv'))} (HEADER, DELIMITER ',')`,
        );
        await c.run(
          `COPY (SELECT DISTINCT id FROM (SELECT source AS id FROM ${pairs} UNION ALL SELECT target FROM ${pairs}) p ORDER BY id) TO ${q(join(dir, 'people.csv'))} (HEADER, DELIMITER ',')`,
        );
        written.push(dir);
      }
      if (written.length) {
        const all = `read_parquet(${q(join(sumsDir, '*', '*.parquet'))})`;
        const totals = (
          await c.runAndReadAll(
            `SELECT COUNT(DISTINCT id) AS people FROM (SELECT source AS id FROM ${all} UNION ALL SELECT target FROM ${all}) p`,
          )
        ).getRowObjectsJS()[0];
        ctx.report.people = Number(totals.people);
        // The ties are the pairs at the minimum or above: counted with the other pair counts, in one read of the sums.
        await addPairStats(c, all, minInteractions, stats);
        ctx.report.ties = stats.ties;
      }
      ctx.report.events = stats;
      return { written, ties: [], people: [], report: ctx.report };
    }
    const sql = aggregateSql('duckdb', { ...options, table: 'events' });
    await c.run(sql.pairs.replace(/;\s*$/, ''));
    const ties = (await c.runAndReadAll(sql.ties.replace(/;\s*$/, ''))).getRowObjectsJS().map((r) => ({
      period: String(r.period),
      source: String(r.source),
      target: String(r.target),
      relation: String(r.relation),
      weight: Number(r.weight),
      events: Number(r.events),
    }));
    const people = (await c.runAndReadAll(sql.people.replace(/;\s*$/, '')))
      .getRowObjectsJS()
      .map((r) => ({ period: String(r.period), id: String(r.id) }));
    ctx.report.people = new Set(people.map((p) => p.id)).size;
    ctx.report.ties = ties.length;
    await addPairStats(c, PAIRS_TABLE, options.minInteractions ?? 1, stats);
    ctx.report.events = stats;
    return { ties, people, report: ctx.report };
  } finally {
    c.closeSync?.();
    c.disconnectSync?.();
    db.closeSync?.();
    if (stage !== null) await rm(stage, { recursive: true, force: true });
  }
}

/**
 * Event-log aggregation as SQL, for four dialects (DuckDB, BigQuery, Snowflake, Spark SQL), by the
 * rules of `aggregateEvents` (src/ingest/events.ts), so that a log too large for Node is summed
 * where it lives and only the ties come back.
 *
 * Input: a table or view `events(sender STRING, recipients STRING, time TIMESTAMP,
 * channel STRING, duration DOUBLE)`; recipients separated by ';' or '|' inside the field.
 *
 *   e     = events with a non-empty sender and time in [from, to), with the start of their period
 *   rs(e) = the distinct recipients of e, trimmed, non-empty and != sender (an array, built per
 *           row with the dialect's array functions: no event id, no DISTINCT, no join)
 *   k(e)  = size of rs(e); events with k > maxRecipients (or k = 0) are left out
 *   w     = 1 ('full'), 1/k ('split') or duration ('duration') per (event, recipient)
 *   ties  = (period, sender, recipient, relation) with count >= minInteractions, weight = sum w
 *   people = distinct ids of the events counted (before the minInteractions filter)
 * The pairs (before the minimum) go to a temporary table first, so the log is scanned once.
 *
 * Relation: `relation` if set, else channelRelations[channel], else the channel, else
 * defaultRelation. Period: the calendar month or quarter of the event (UTC), or 'all'.
 * Complexity: one scan and one hash aggregation by pair (the period label is formatted per pair,
 * not per event); out of core on DuckDB.
 * Reference: docs/ingest.md ("Event logs at warehouse scale").
 */
import { OrgraphError } from '../../model/errors.js';
import type { GroupWeighting } from '../events.js';

export type SqlDialect = 'duckdb' | 'bigquery' | 'snowflake' | 'spark';
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'bigquery', 'snowflake', 'spark'];

/** Calendar bucket of each event: one set of ties per month, per quarter, or one for the window. */
export type AggregatePeriod = 'month' | 'quarter' | 'all';

export interface AggregateSqlOptions {
  /** Table or view holding the events. @defaultValue 'events' */
  readonly table?: string;
  /** Window start (inclusive), 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS', UTC. @defaultValue null */
  readonly from?: string | null;
  /** Window end (exclusive), same format. @defaultValue null */
  readonly to?: string | null;
  /** @defaultValue 'all' */
  readonly period?: AggregatePeriod;
  /** @defaultValue 'full' */
  readonly groupWeighting?: GroupWeighting;
  /** @defaultValue Infinity (no cutoff) */
  readonly maxRecipients?: number;
  /** @defaultValue 1 */
  readonly minInteractions?: number;
  /** @defaultValue null */
  readonly relation?: string | null;
  /** @defaultValue {} */
  readonly channelRelations?: Readonly<Record<string, string>>;
  /** @defaultValue 'interaction' */
  readonly defaultRelation?: string;
}

export const DEFAULT_AGGREGATE_SQL_OPTIONS = Object.freeze({
  table: 'events',
  from: null,
  to: null,
  period: 'all' as AggregatePeriod,
  groupWeighting: 'full' as GroupWeighting,
  maxRecipients: Infinity,
  minInteractions: 1,
  relation: null,
  channelRelations: Object.freeze({}) as Readonly<Record<string, string>>,
  defaultRelation: 'interaction',
});

/**
 * Four statements, run in order in one session: `pairs` builds a temporary table of every pair
 * of the counted events (one scan of the log), then `ties` and `people` read it, and `counts`
 * says in one row what the event model left out (a second scan; the columns of `EventStats`, as
 * `orgraph aggregate` prints them).
 */
export interface AggregateSql {
  readonly pairs: string;
  readonly ties: string;
  readonly people: string;
  readonly counts: string;
}

/** Name of the temporary table of pairs. */
export const PAIRS_TABLE = 'orgraph_pairs';
const PAIRS = PAIRS_TABLE;

const TS = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.`"]*$/;

function literal(s: string, dialect: SqlDialect): string {
  // BigQuery escapes with a backslash; the others double the quote.
  return dialect === 'bigquery' ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : `'${s.replace(/'/g, "''")}'`;
}

function timestamp(s: string, dialect: SqlDialect, name: string): string {
  if (!TS.test(s))
    throw new OrgraphError('E_BAD_OPTION', `${name} must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC), got ${JSON.stringify(s)}`, {
      field: name,
    });
  const full = s.length === 10 ? `${s} 00:00:00` : s;
  switch (dialect) {
    case 'bigquery':
      return `TIMESTAMP '${full}+00'`;
    case 'snowflake':
      return `'${full}'::TIMESTAMP_NTZ`;
    default:
      return `TIMESTAMP '${full}'`;
  }
}

/** The start of the event's period (a timestamp), or the constant 'all'. */
function periodStart(period: AggregatePeriod, dialect: SqlDialect): string {
  if (period === 'all') return `'all'`;
  const unit = period === 'month' ? 'MONTH' : 'QUARTER';
  switch (dialect) {
    case 'duckdb':
      return `date_trunc('${unit.toLowerCase()}', time)`;
    case 'bigquery':
      return `TIMESTAMP_TRUNC(time, ${unit})`;
    case 'snowflake':
    case 'spark':
      return `DATE_TRUNC('${unit}', time)`;
  }
}

/** The period label 'YYYY-MM-DD' of a period start `p`, formatted once per pair, not per event. */
function periodFormat(period: AggregatePeriod, dialect: SqlDialect): string {
  if (period === 'all') return 'p';
  switch (dialect) {
    case 'duckdb':
      return `strftime(p, '%Y-%m-%d')`;
    case 'bigquery':
      return `FORMAT_TIMESTAMP('%Y-%m-%d', p)`;
    case 'snowflake':
      return `TO_CHAR(p, 'YYYY-MM-DD')`;
    case 'spark':
      return `date_format(p, 'yyyy-MM-dd')`;
  }
}

/**
 * The distinct recipients of one event other than its sender, as an array: split on ';' or '|',
 * trimmed, empty ones and the sender removed, repeats removed. Per row, no shuffle.
 */
function recipientArray(dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return `list_distinct(list_filter(list_transform(string_split(replace(recipients, '|', ';'), ';'), lambda x: trim(x)), lambda x: x <> '' AND x <> sender))`;
    case 'bigquery':
      return `ARRAY(SELECT DISTINCT TRIM(x) FROM UNNEST(SPLIT(REPLACE(recipients, '|', ';'), ';')) AS x WHERE TRIM(x) NOT IN ('', sender))`;
    case 'snowflake':
      return `ARRAY_DISTINCT(FILTER(TRANSFORM(SPLIT(REPLACE(recipients, '|', ';'), ';'), x VARCHAR -> TRIM(x)), x VARCHAR -> x <> '' AND x <> sender))`;
    case 'spark':
      return `array_distinct(filter(transform(split(recipients, '[;|]'), x -> trim(x)), x -> x <> '' AND x <> sender))`;
  }
}

/**
 * An event's listed recipients as an array `tk` (split on ';' or '|', trimmed, empty ones removed;
 * the sender and repeats kept), and over it the sender's occurrences and the distinct others (k).
 */
function listedRecipients(dialect: SqlDialect): { tokens: string; self: string; k: string; size: string } {
  switch (dialect) {
    case 'duckdb':
      return {
        tokens: `list_filter(list_transform(string_split(replace(recipients, '|', ';'), ';'), lambda x: trim(x)), lambda x: x <> '')`,
        self: 'len(list_filter(tk, lambda x: x = sender))',
        // The distinct ids listed, less the sender when listed: one list function fewer.
        k: 'len(list_distinct(tk)) - CASE WHEN list_contains(tk, sender) THEN 1 ELSE 0 END',
        size: 'len(tk)',
      };
    case 'bigquery':
      return {
        tokens: `ARRAY(SELECT TRIM(x) FROM UNNEST(SPLIT(REPLACE(recipients, '|', ';'), ';')) AS x WHERE TRIM(x) <> '')`,
        self: '(SELECT COUNT(*) FROM UNNEST(tk) AS x WHERE x = sender)',
        k: '(SELECT COUNT(DISTINCT x) FROM UNNEST(tk) AS x WHERE x <> sender)',
        size: 'ARRAY_LENGTH(tk)',
      };
    case 'snowflake':
      return {
        tokens: `FILTER(TRANSFORM(SPLIT(REPLACE(recipients, '|', ';'), ';'), x VARCHAR -> TRIM(x)), x VARCHAR -> x <> '')`,
        self: 'ARRAY_SIZE(FILTER(tk, x VARCHAR -> x = sender))',
        k: 'ARRAY_SIZE(ARRAY_DISTINCT(FILTER(tk, x VARCHAR -> x <> sender)))',
        size: 'ARRAY_SIZE(tk)',
      };
    case 'spark':
      return {
        tokens: `filter(transform(split(recipients, '[;|]'), x -> trim(x)), x -> x <> '')`,
        self: 'size(filter(tk, x -> x = sender))',
        k: 'size(array_distinct(filter(tk, x -> x <> sender)))',
        size: 'size(tk)',
      };
  }
}

function arraySize(dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return 'len(rs)';
    case 'bigquery':
      return 'ARRAY_LENGTH(rs)';
    case 'snowflake':
      return 'ARRAY_SIZE(rs)';
    case 'spark':
      return 'size(rs)';
  }
}

/** One row per (event, recipient): the select list and FROM clause over `l` naming `recipient`. */
function explode(dialect: SqlDialect, rest: string, cutoff: number | null): { select: string; from: string; where: string } {
  const size = arraySize(dialect);
  const where = cutoff === null ? '' : `\n  WHERE ${size} <= ${cutoff}`;
  switch (dialect) {
    case 'duckdb':
      // The cutoff inside unnest, not in a WHERE: DuckDB pushes a filter down by inlining rs's
      // expression, which then runs twice per event.
      return {
        select: `${rest}, unnest(${cutoff === null ? 'rs' : `CASE WHEN ${size} <= ${cutoff} THEN rs END`}) AS recipient`,
        from: 'l',
        where: '',
      };
    case 'bigquery':
      return { select: `${rest}, recipient`, from: 'l CROSS JOIN UNNEST(l.rs) AS recipient', where };
    case 'snowflake':
      return { select: `${rest}, f.value::STRING AS recipient`, from: 'l, LATERAL FLATTEN(input => l.rs) f', where };
    case 'spark':
      return { select: `${rest}, recipient`, from: 'l LATERAL VIEW explode(l.rs) x AS recipient', where };
  }
}

interface Resolved {
  readonly o: {
    table: string;
    from: string | null;
    to: string | null;
    period: AggregatePeriod;
    weighting: GroupWeighting;
    maxRecipients: number;
    minInteractions: number;
    relation: string | null;
    channelRelations: Readonly<Record<string, string>>;
    defaultRelation: string;
  };
  /** `WITH e AS (...), l AS (...), u AS (...)`: u has one row per counted (event, recipient). */
  readonly cte: string;
  /** The rows read (a sender, and a time when there is a window or periods), and the window's test. */
  readonly read: string;
  readonly inside: string;
  /** The weight of one (event, recipient) row of u. */
  readonly weight: string;
}

/** Options checked and the common table expressions of the aggregation built. */
function resolve(dialect: SqlDialect, options: AggregateSqlOptions): Resolved {
  if (!SQL_DIALECTS.includes(dialect))
    throw new OrgraphError('E_BAD_OPTION', `SQL dialect must be one of ${SQL_DIALECTS.join(', ')}, got ${JSON.stringify(dialect)}`, {
      field: 'dialect',
    });
  const d = DEFAULT_AGGREGATE_SQL_OPTIONS;
  const o = {
    table: options.table ?? d.table,
    from: options.from ?? d.from,
    to: options.to ?? d.to,
    period: options.period ?? d.period,
    weighting: options.groupWeighting ?? d.groupWeighting,
    maxRecipients: options.maxRecipients ?? d.maxRecipients,
    minInteractions: options.minInteractions ?? d.minInteractions,
    relation: options.relation ?? d.relation,
    channelRelations: options.channelRelations ?? d.channelRelations,
    defaultRelation: options.defaultRelation ?? d.defaultRelation,
  };
  if (!IDENT.test(o.table))
    throw new OrgraphError('E_BAD_OPTION', `table must be a plain (optionally dotted) name, got ${JSON.stringify(o.table)}`, {
      field: 'table',
    });
  if (!['month', 'quarter', 'all'].includes(o.period))
    throw new OrgraphError('E_BAD_OPTION', `period must be month, quarter or all, got ${JSON.stringify(o.period)}`, { field: 'period' });
  if (!['full', 'split', 'duration'].includes(o.weighting))
    throw new OrgraphError('E_BAD_OPTION', `groupWeighting must be full, split or duration, got ${JSON.stringify(o.weighting)}`, {
      field: 'groupWeighting',
    });
  if (!(o.maxRecipients >= 1))
    throw new OrgraphError('E_BAD_OPTION', `maxRecipients must be >= 1, got ${o.maxRecipients}`, { field: 'maxRecipients' });
  if (!Number.isInteger(o.minInteractions) || o.minInteractions < 1)
    throw new OrgraphError('E_BAD_OPTION', `minInteractions must be an integer >= 1, got ${o.minInteractions}`, {
      field: 'minInteractions',
    });
  const lit = (s: string): string => literal(s, dialect);
  const where = ["TRIM(sender) <> ''"];
  if (o.from !== null || o.to !== null || o.period !== 'all') where.push('time IS NOT NULL');
  const read = where.join('\n    AND ');
  const window: string[] = [];
  if (o.from !== null) window.push(`time >= ${timestamp(o.from, dialect, 'from')}`);
  if (o.to !== null) window.push(`time < ${timestamp(o.to, dialect, 'to')}`);
  where.push(...window);
  const inside = window.length ? window.join(' AND ') : '1 = 1';
  let relation: string;
  if (o.relation !== null) relation = lit(o.relation);
  else {
    const mapped = Object.entries(o.channelRelations);
    const channel = `COALESCE(NULLIF(TRIM(channel), ''), ${lit(o.defaultRelation)})`;
    relation = mapped.length
      ? `CASE TRIM(channel) ${mapped.map(([c, r]) => `WHEN ${lit(c)} THEN ${lit(r)}`).join(' ')} ELSE ${channel} END`
      : channel;
  }
  const weight = o.weighting === 'full' ? '1.0' : o.weighting === 'split' ? '1.0 / k' : 'duration';
  const dur = o.weighting === 'duration' ? ', duration' : '';
  const size = arraySize(dialect);
  const x = explode(
    dialect,
    `l.sender, l.relation, l.p${o.weighting === 'duration' ? ', l.duration' : ''}, ${size} AS k`,
    Number.isFinite(o.maxRecipients) ? Math.floor(o.maxRecipients) : null,
  );
  const cte = `WITH e AS (
  SELECT TRIM(sender) AS sender, recipients, ${relation} AS relation, ${periodStart(o.period, dialect)} AS p${dur}
  FROM ${o.table}
  WHERE ${where.join('\n    AND ')}
),
l AS (
  SELECT sender, relation, p${dur}, ${recipientArray(dialect)} AS rs
  FROM e
),
u AS (
  SELECT ${x.select}
  FROM ${x.from}${x.where}
)`;
  return { o, cte, weight, read, inside };
}

/**
 * The SQL of one aggregation in one dialect.
 * @example
 * const { ties } = aggregateSql('bigquery', { table: 'hr.events', from: '2026-01-01', to: '2026-04-01', period: 'month' });
 */
export function aggregateSql(dialect: SqlDialect, options: AggregateSqlOptions = {}): AggregateSql {
  const { o, cte, weight, read, inside } = resolve(dialect, options);
  const create =
    dialect === 'bigquery'
      ? 'CREATE TEMP TABLE'
      : dialect === 'snowflake'
        ? 'CREATE TEMPORARY TABLE'
        : dialect === 'spark'
          ? 'CACHE TABLE'
          : 'CREATE TEMP TABLE';
  const pairs = `${create} ${PAIRS} AS
${cte}
SELECT ${periodFormat(o.period, dialect)} AS period, sender AS source, recipient AS target, relation, SUM(${weight}) AS weight, COUNT(*) AS events
FROM u
GROUP BY p, sender, recipient, relation`;
  const ties = `SELECT period, source, target, relation, weight, events
FROM ${PAIRS}
WHERE events >= ${o.minInteractions}
ORDER BY period, relation, source, target`;
  const people = `SELECT period, id FROM (
  SELECT period, source AS id FROM ${PAIRS}
  ${dialect === 'bigquery' ? 'UNION DISTINCT' : 'UNION'}
  SELECT period, target AS id FROM ${PAIRS}
) p
ORDER BY period, id`;
  const list = listedRecipients(dialect);
  const cutoff = Number.isFinite(o.maxRecipients) ? `k > ${Math.floor(o.maxRecipients)}` : '1 = 0';
  const counts = `WITH c AS (
  SELECT TRIM(sender) AS sender, CASE WHEN ${inside} THEN 1 ELSE 0 END AS inw, ${list.tokens} AS tk
  FROM ${o.table}
  WHERE ${read}
),
d AS (
  SELECT inw, ${list.size} AS listed, ${list.self} AS self, ${list.k} AS k
  FROM c
)
SELECT e.*, p.* FROM (
  SELECT COUNT(*) AS events,
    SUM(CASE WHEN inw = 1 AND k > 0 AND NOT (${cutoff}) THEN 1 ELSE 0 END) AS events_used,
    SUM(1 - inw) AS events_outside_window,
    SUM(CASE WHEN inw = 1 AND ${cutoff} THEN 1 ELSE 0 END) AS events_too_many_recipients,
    SUM(CASE WHEN inw = 1 AND k = 0 THEN 1 ELSE 0 END) AS events_without_recipients,
    SUM(inw * self) AS self_recipients,
    SUM(inw * (listed - self - k)) AS repeated_recipients
  FROM d
) e
CROSS JOIN (SELECT ${pairCounts(o.minInteractions)} FROM ${PAIRS}) p`;
  return { pairs: `${pairs};\n`, ties: `${ties};\n`, people: `${people};\n`, counts: `${counts};\n` };
}

/**
 * The pair counts of `EventStats` over a table of summed pairs (an `events` column), in one scan:
 * pairs, pairs_below_minimum, interactions_below_minimum (their events) and ties (the pairs at the
 * minimum or above). The `counts` statement of {@link aggregateSql} and DuckDB's engine read the
 * same select list. 0, not NULL, over no pairs.
 */
export function pairCounts(minInteractions: number): string {
  const below = `events < ${minInteractions}`;
  return [
    'COUNT(*) AS pairs',
    `COALESCE(SUM(CASE WHEN ${below} THEN 1 ELSE 0 END), 0) AS pairs_below_minimum`,
    `COALESCE(SUM(CASE WHEN ${below} THEN events ELSE 0 END), 0) AS interactions_below_minimum`,
    `COALESCE(SUM(CASE WHEN ${below} THEN 0 ELSE 1 END), 0) AS ties`,
  ].join(', ');
}

/**
 * DuckDB only, for bounded memory: the aggregation in two stages instead of one hash table over
 * every pair of the log (which DuckDB 1.5 keeps in memory, about 100 bytes per pair, so a 2 GB
 * limit stops near 20 M pairs).
 *
 *   rows(dir)      = COPY of u's rows (period label, bucket, source, target, relation[, w]) to
 *                    Parquet under `dir`, partitioned by period and bucket = hash(sender) mod
 *                    `buckets`: one streaming scan of the log, nothing held but write buffers;
 *   sum(files)     = the pairs of one partition: source, target, relation, weight = sum w,
 *                    events = count, a hash table of that partition's pairs only.
 *
 * A pair (period, sender, recipient, relation) lies in exactly one partition, so the union of the
 * partitions' sums is the one-statement result of {@link aggregateSql}. Memory: the largest
 * partition's pairs, about (pairs of a period) / buckets.
 */
export function duckDbStagedSql(options: AggregateSqlOptions, buckets: number): { rows(dir: string): string; sum(files: string): string } {
  if (!Number.isInteger(buckets) || buckets < 1)
    throw new OrgraphError('E_BAD_OPTION', `buckets must be an integer >= 1, got ${buckets}`, { field: 'buckets' });
  const { o, cte, weight } = resolve('duckdb', options);
  // 'full' weighting: every row weighs 1, so the weight is the count and w is not written.
  const w = o.weighting === 'full' ? '' : `, ${weight} AS w`;
  const q = (s: string): string => literal(s, 'duckdb');
  return {
    rows: (dir) => `COPY (
${cte}
SELECT ${periodFormat(o.period, 'duckdb')} AS period, hash(sender) % ${buckets} AS bucket, sender AS source, recipient AS target, relation${w}
FROM u
) TO ${q(dir)} (FORMAT parquet, PARTITION_BY (period, bucket))`,
    sum: (
      files,
    ) => `SELECT source, target, relation, ${o.weighting === 'full' ? 'CAST(COUNT(*) AS DOUBLE)' : 'SUM(w)'} AS weight, COUNT(*) AS events
FROM read_parquet(${q(files)}, hive_partitioning = false)
GROUP BY source, target, relation`,
  };
}

/**
 * DuckDB only: what the event model did with each validated row, as the sums of one scan (the
 * counts of `EventStats` that are per event, by the rules of `aggregateEvents`). `rows` names a
 * relation with sender, recipients, time and `problem` (NULL for a valid row); `select` lists the
 * sums outside (events outside the window), none (no recipient besides the sender), many (over
 * the cutoff), self (senders listed among their recipients) and repeated (recipients listed twice),
 * each over the valid rows, to be selected `from` (the relation with each row's counts), grouped
 * as the caller likes. A row's recipients are split, trimmed and filtered as {@link aggregateSql}
 * does, and counted as the `counts` statement of {@link aggregateSql} counts them, but in the scan
 * the caller runs anyway. Cost: three list functions per valid row.
 */
export function duckDbModelCounts(options: AggregateSqlOptions, rows: string): { select: string; from: string } {
  const { o, inside } = resolve('duckdb', options);
  const list = listedRecipients('duckdb');
  const inw = `(${inside})`;
  const many = Number.isFinite(o.maxRecipients) ? `k > ${Math.floor(o.maxRecipients)}` : 'FALSE';
  const valid = (when: string, then: string): string => `SUM(CASE WHEN problem IS NULL AND ${when} THEN ${then} ELSE 0 END)`;
  return {
    select: [
      `${valid(`NOT ${inw}`, '1')} AS outside`,
      `${valid(`${inw} AND k = 0`, '1')} AS none`,
      `${valid(`${inw} AND ${many}`, '1')} AS many`,
      `${valid(inw, 'self')} AS self`,
      `${valid(inw, 'listed - self - k')} AS repeated`,
    ].join(', '),
    from: `(SELECT *, ${list.size} AS listed, ${list.self} AS self, ${list.k} AS k
  FROM (SELECT * REPLACE (trim(sender) AS sender), CASE WHEN problem IS NULL THEN ${list.tokens} END AS tk FROM ${rows}) r0) r1`,
  };
}

/** The label of a period starting on `key` ('2026-04-01' -> '2026-04' or '2026-Q2'). */
export function periodLabel(key: string, period: AggregatePeriod): string {
  if (period === 'all' || key === 'all') return 'all';
  const [y, m] = key.split('-').map(Number);
  return period === 'month' ? key.slice(0, 7) : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/**
 * A DuckDB expression writing the DOUBLE `expr` as JavaScript's String(number) does, so that the
 * ties.csv DuckDB writes itself reads like the in-memory engine's: DuckDB's own text has the same
 * shortest round-trip digits but writes whole numbers as `2.0` (`1e+16` from 1e16) and small
 * ones as `1.5e-05`, where JavaScript writes `2`, every digit below 1e21, `0.000015`, and `1e-7`
 * below 1e-6. Checked against String() on 20,000 doubles of every magnitude
 * (test/ingest/aggregate/aggregate.test.ts). `expr` is evaluated several times: pass a column name.
 */
export function duckDbNumberText(expr: string): string {
  const text = `CAST(${expr} AS VARCHAR)`;
  const sign = `(CASE WHEN ${expr} < 0 THEN '-' ELSE '' END)`;
  const digits = `replace(regexp_extract(${text}, '^-?([0-9.]+)e', 1), '.', '')`;
  const exponent = `CAST(regexp_extract(${text}, 'e([+-][0-9]+)$', 1) AS INTEGER)`;
  return `(CASE WHEN ${expr} = trunc(${expr}) AND abs(${expr}) < 9007199254740992 THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR)
  WHEN NOT contains(${text}, 'e') THEN regexp_replace(${text}, '\\.0$', '')
  WHEN abs(${expr}) >= 1e21 OR abs(${expr}) < 1e-6 THEN regexp_replace(${text}, 'e([+-])0*([0-9])', 'e\\1\\2')
  WHEN abs(${expr}) < 1 THEN ${sign} || '0.' || repeat('0', -${exponent} - 1) || ${digits}
  ELSE ${sign} || ${digits} || repeat('0', ${exponent} + 1 - length(${digits})) END)`;
}

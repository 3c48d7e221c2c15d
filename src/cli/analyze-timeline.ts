/**
 * The timeline of `orgraph analyze` (and the period graphs of `orgraph timeline`): when the input
 * spans several periods, the report gains its timeline section (src/report/timeline.ts).
 *
 * Several periods means: a Viva P2P export with more than one MetricDate (one period per date, no
 * option needed); any input whose ties carry times, with `--period month|quarter|window|date`; or
 * an event log with `--period month|quarter`, aggregated period by period (DuckDB when installed,
 * else in memory, which needs `--window`). One period, or no `--period` on other inputs: no
 * timeline, and the report is unchanged.
 * The section draws aggregate figures only (people, ties, density, E-I, modularity, churn counts),
 * never person ids or group names, so the report's privacy options hold; the figures are computed
 * on the input before pseudonymisation (they do not depend on the names).
 */
import type { Command } from 'commander';
import { OrgGraphBuilder, type OrgGraph } from '../model/org-graph.js';
import { aggregateWithDuckDb, duckDbAvailable, type AggregateResult } from '../ingest/aggregate/duckdb.js';
import { aggregateInMemory, parseWindow, periodLabel } from '../ingest/aggregate/memory.js';
import { detectSource, type SourceFormat } from '../ingest/sources/detect.js';
import { splitByPeriod, timeline, type PeriodGraph, type TimelinePeriod, type TimelineResult } from '../recommend/timeline.js';
import { UsageError } from './command-kit.js';
import { parseDelimiter } from './input.js';
import { sourceAccount, sourceNote, sourceSummary } from './source-stats.js';

/** The options analyze adds for its timeline. */
export interface AnalyzeTimelineCliOptions {
  readonly period?: string;
  readonly days?: string;
  readonly window?: string;
  readonly engine?: string;
  readonly from?: string;
  readonly ties?: string;
  readonly delimiter?: string;
  readonly lenient?: boolean;
}

/** Register --period, --days, --window and --engine on analyze. */
export function addAnalyzeTimelineOptions(cmd: Command): Command {
  return cmd
    .option('--period <period>', 'timeline section: month, quarter, window (--days) or date (Viva P2P: one per MetricDate by default)')
    .option('--days <n>', 'length of a window period in days', '28')
    .option('--window <A..B>', 'event logs with --period: days A to B inclusive')
    .option('--engine <engine>', 'event logs with --period: duckdb or memory');
}

/** The format of the input, as loadInput reads it (null: a people/ties folder or files). */
async function formatOf(input: string | undefined, opts: AnalyzeTimelineCliOptions): Promise<SourceFormat | null> {
  if (opts.from !== undefined) return opts.from as SourceFormat;
  if (input === undefined || opts.ties !== undefined) return null;
  return detectSource(input, parseDelimiter(opts.delimiter) ?? ',').catch(() => null);
}

/**
 * An event log aggregated per calendar month or quarter, one graph per period (people: those of
 * the period's counted events). Returns the aggregation too, for its ingest report.
 */
export async function eventLogPeriods(
  input: string,
  period: 'month' | 'quarter',
  opts: { readonly window?: string; readonly engine?: string; readonly lenient?: boolean; readonly delimiter?: string },
): Promise<{ periods: PeriodGraph[]; result: AggregateResult }> {
  const window = opts.window !== undefined ? parseWindow(opts.window) : null;
  const engine = opts.engine ?? ((await duckDbAvailable()) ? 'duckdb' : 'memory');
  if (engine !== 'duckdb' && engine !== 'memory') throw new UsageError(`--engine must be duckdb or memory, got "${engine}"`);
  if (engine === 'memory' && window === null)
    throw new UsageError('the memory engine splits an event log into periods within --window A..B (or install @duckdb/node-api)');
  const o = {
    from: window?.from ?? null,
    to: window?.to ?? null,
    period,
    mode: opts.lenient ? ('lenient' as const) : ('strict' as const),
    delimiter: parseDelimiter(opts.delimiter),
  };
  const result = engine === 'duckdb' ? await aggregateWithDuckDb([input], o) : await aggregateInMemory([input], o);
  const keys = [...new Set(result.ties.map((t) => t.period))].sort();
  const periods = keys.map((key) => {
    const b = new OrgGraphBuilder();
    for (const p of result.people) if (p.period === key) b.addPerson(p.id);
    const at = Date.parse(`${key}T00:00:00Z`);
    for (const t of result.ties) if (t.period === key) b.addTie(b.indexOf(t.source), b.indexOf(t.target), t.weight, t.relation, at);
    return { label: periodLabel(key, period), from: at, to: NaN, graph: b.build() };
  });
  return { periods, result };
}

/**
 * analyze's timeline and what its periods' reading said: an event log is aggregated again, period
 * by period, with the window and engine of the timeline options, so what that aggregation left out
 * (events outside --window, broadcasts, pairs below the minimum) is its own account, not the one of
 * the whole log that analyze read first.
 */
export interface AnalyzeTimeline {
  /** The timeline, or null when the input has a single period (or none is asked for). */
  readonly result: TimelineResult | null;
  /** stderr lines: the periods' model note, when their aggregation left something out. */
  readonly notes: readonly string[];
  /** The report's sentences on the periods' reading (counts only, never an id). */
  readonly sentences: readonly string[];
}

/**
 * The timeline for analyze's report, or a null result when the input has a single period (or none
 * is asked for). `graph` is the input analyze already read.
 */
export async function analyzeTimeline(
  input: string | undefined,
  graph: OrgGraph,
  opts: AnalyzeTimelineCliOptions,
  settings: { readonly group: string | null; readonly relations: readonly string[] | null; readonly seed: number },
): Promise<AnalyzeTimeline> {
  const none: AnalyzeTimeline = { result: null, notes: [], sentences: [] };
  const format = await formatOf(input, opts);
  const asked = opts.period as TimelinePeriod | undefined;
  if (asked !== undefined && !['month', 'quarter', 'window', 'date'].includes(asked))
    throw new UsageError(`--period must be month, quarter, window or date, got "${opts.period}"`);
  const days = Number(opts.days ?? '28');
  if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days must be a whole number >= 1, got "${opts.days}"`);
  let periods: PeriodGraph[];
  const notes: string[] = [];
  const sentences: string[] = [];
  if (format === 'events') {
    if (asked === undefined) return none;
    if (asked !== 'month' && asked !== 'quarter') throw new UsageError('event logs are split by --period month or quarter');
    const split = await eventLogPeriods(input!, asked, opts);
    periods = split.periods;
    const account = sourceAccount('events', undefined, split.result.report.events);
    // The rows' problems are the same as in analyze's own reading of the log (warned already); what
    // the model left out is not (the window, for one).
    const note = sourceNote(account, '`orgraph aggregate` with the same options', 'timeline');
    if (note !== null) notes.push(note);
    const said = sourceSummary(account);
    if (said !== null) sentences.push(`The timeline's periods, aggregated again from the log: ${said}.`);
  } else if (asked !== undefined) {
    periods = splitByPeriod(graph, { period: asked, windowDays: days });
  } else if (format === 'viva-p2p') {
    periods = splitByPeriod(graph, { period: 'date' });
  } else return none;
  if (periods.length < 2) return { ...none, notes, sentences };
  const result = timeline(periods, { attribute: settings.group, relations: settings.relations, seed: settings.seed, gaps: 0 });
  return { result, notes, sentences };
}

/**
 * The in-memory engine of `orgraph aggregate`: `loadEvents` (src/ingest/events.ts) run per file and
 * per period, its pairs summed across files, then the minInteractions filter. The reference the
 * DuckDB engine is checked against; it holds every pair in memory and re-reads the files once per
 * period, so it is for logs that fit in a Node process.
 * Reference: docs/ingest.md ("Event logs at warehouse scale").
 */
import { OrgraphError } from '../../model/errors.js';
import { loadEvents } from '../events.js';
import { emptyEventStats, type IngestReport } from '../report.js';
import type { AggregateResult, AggregatedTie } from './duckdb.js';
import { periodLabel, type AggregatePeriod, type AggregateSqlOptions } from './sql.js';
export { periodLabel } from './sql.js';
import type { IngestOptions } from '../options.js';

export interface MemoryAggregateOptions extends Omit<AggregateSqlOptions, 'table'>, IngestOptions {}

/** A calendar period: label, start (inclusive) and end (exclusive) as 'YYYY-MM-DD'. */
export interface CalendarPeriod {
  /** '2026-01' for a month, '2026-Q1' for a quarter, 'all' for the whole window. */
  readonly label: string;
  /** First day, as the SQL period column gives it ('2026-01-01'); 'all' for the whole window. */
  readonly key: string;
  readonly from: string | null;
  readonly to: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `--window A..B` value: both ends ISO days, B inclusive. Returns the half-open [from, to) with
 * to = the day after B.
 * @example parseWindow('2026-01-01..2026-03-31') // { from: '2026-01-01', to: '2026-04-01' }
 */
export function parseWindow(text: string): { from: string; to: string } {
  const m = /^(\S+)\.\.(\S+)$/.exec(text.trim());
  const bad = (): never => {
    throw new OrgraphError('E_BAD_OPTION', `window must be YYYY-MM-DD..YYYY-MM-DD (end day included), got ${JSON.stringify(text)}`, {
      field: 'window',
    });
  };
  if (!m || !DAY.test(m[1]) || !DAY.test(m[2])) return bad();
  const a = Date.parse(`${m[1]}T00:00:00Z`);
  const b = Date.parse(`${m[2]}T00:00:00Z`);
  if (
    !Number.isFinite(a) ||
    !Number.isFinite(b) ||
    new Date(a).toISOString().slice(0, 10) !== m[1] ||
    new Date(b).toISOString().slice(0, 10) !== m[2]
  )
    return bad();
  if (b < a) throw new OrgraphError('E_BAD_OPTION', `window ${text} ends before it starts`, { field: 'window' });
  return { from: m[1], to: new Date(b + 86400000).toISOString().slice(0, 10) };
}

/** The calendar periods (UTC) that meet [from, to), clipped to it. */
export function calendarPeriods(from: string, to: string, period: AggregatePeriod): CalendarPeriod[] {
  if (period === 'all') return [{ label: 'all', key: 'all', from, to }];
  const step = period === 'month' ? 1 : 3;
  const start = new Date(`${from}T00:00:00Z`);
  let y = start.getUTCFullYear();
  let m = period === 'month' ? start.getUTCMonth() : Math.floor(start.getUTCMonth() / 3) * 3;
  const out: CalendarPeriod[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (;;) {
    const a = Date.UTC(y, m, 1);
    if (a >= end) break;
    const b = Date.UTC(y, m + step, 1);
    const key = new Date(a).toISOString().slice(0, 10);
    const lo = Math.max(a, Date.parse(`${from}T00:00:00Z`));
    const hi = Math.min(b, end);
    out.push({
      label: periodLabel(key, period),
      key,
      from: new Date(lo).toISOString().slice(0, 10),
      to: new Date(hi).toISOString().slice(0, 10),
    });
    m += step;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

/**
 * Aggregate CSV event files in memory, by the rules of `aggregateEvents`, per calendar period.
 * With a period other than 'all', `from` and `to` are required (they say which periods to read).
 */
export async function aggregateInMemory(files: readonly string[], options: MemoryAggregateOptions = {}): Promise<AggregateResult> {
  const period = options.period ?? 'all';
  const from = options.from ?? null;
  const to = options.to ?? null;
  for (const f of files) {
    if (!/\.(csv|tsv|txt)$/i.test(f))
      throw new OrgraphError('E_BAD_OPTION', `the memory engine reads CSV event logs only; use --engine duckdb for ${f}`, {
        file: f,
        field: 'engine',
      });
  }
  if (period !== 'all' && (from === null || to === null))
    throw new OrgraphError('E_BAD_OPTION', 'the memory engine needs a window (from and to) to split into periods', { field: 'window' });
  const periods: CalendarPeriod[] = period === 'all' ? [{ label: 'all', key: 'all', from, to }] : calendarPeriods(from!, to!, period);
  const min = options.minInteractions ?? 1;
  const weighting = options.groupWeighting ?? 'full';
  const ties: AggregatedTie[] = [];
  const people: { period: string; id: string }[] = [];
  let report: IngestReport | null = null;
  // The model's counts (EventStats): each period reads every row, so the rows are counted once
  // (from the first period's reads) and what happened to an event is counted in its own period.
  const stats = emptyEventStats();
  let inside = 0;
  const toMs = (d: string | null): string | null => (d === null ? null : d.length === 10 ? `${d}T00:00:00Z` : `${d.replace(' ', 'T')}Z`);
  for (const p of periods) {
    const pairs = new Map<string, { source: string; target: string; relation: string; weight: number; events: number }>();
    const ids = new Set<string>();
    for (const file of files) {
      const base = { ...options, from: toMs(p.from), to: toMs(p.to), minInteractions: 1, period: undefined };
      const weighted = await loadEvents(file, { ...base, groupWeighting: weighting });
      const st = weighted.report.events!;
      if (p === periods[0]) stats.events += st.events;
      inside += st.events - st.eventsOutsideWindow;
      for (const key of [
        'eventsUsed',
        'eventsTooManyRecipients',
        'eventsWithoutRecipients',
        'selfRecipients',
        'repeatedRecipients',
      ] as const)
        stats[key] += st[key];
      // Event counts per pair: the same read with weight 1 per event.
      const counted = weighting === 'full' ? weighted : await loadEvents(file, { ...base, groupWeighting: 'full' });
      const count = new Map<string, number>();
      for (const t of counted.graph.ties()) count.set(`${t.relation}\u0000${t.source}\u0000${t.target}`, t.weight);
      for (const t of weighted.graph.ties()) {
        const key = `${t.relation}\u0000${t.source}\u0000${t.target}`;
        const e = pairs.get(key) ?? { source: t.source, target: t.target, relation: t.relation, weight: 0, events: 0 };
        e.weight += t.weight;
        e.events += count.get(key) ?? 0;
        pairs.set(key, e);
      }
      for (const id of weighted.graph.personIds) ids.add(id);
      if (report === null || p === periods[0]) {
        if (report === null) report = weighted.report;
        else if (weighted.report !== report) {
          report.files.push(...weighted.report.files);
          report.issues.push(...weighted.report.issues);
          report.issueCount += weighted.report.issueCount;
        }
      }
    }
    stats.pairs += pairs.size;
    for (const e of pairs.values()) {
      if (e.events >= min) ties.push({ period: p.key, ...e });
      else {
        stats.pairsBelowMinimum++;
        stats.interactionsBelowMinimum += e.events;
      }
    }
    for (const id of ids) people.push({ period: p.key, id });
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  ties.sort((a, b) => cmp(a.period, b.period) || cmp(a.relation, b.relation) || cmp(a.source, b.source) || cmp(a.target, b.target));
  people.sort((a, b) => cmp(a.period, b.period) || cmp(a.id, b.id));
  const r = report!;
  r.people = new Set(people.map((x) => x.id)).size;
  r.ties = ties.length;
  stats.eventsOutsideWindow = stats.events - inside;
  stats.ties = ties.length;
  r.events = stats;
  return { ties, people, report: r };
}

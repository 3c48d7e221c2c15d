/**
 * `orgraph timeline <input> --period month|quarter|window|date`: per-period network figures and,
 * between consecutive periods, tie churn and people joining and leaving. The input is any graph
 * source whose ties carry times (ties.csv with a time column, Viva P2P with MetricDates, ...), or an
 * event log, aggregated period by period (DuckDB when installed, else in memory with --window).
 * Exit 0 clean, 1 data errors, 2 usage errors.
 */
import { detectSource, type SourceFormat } from '../../ingest/sources/detect.js';
import { splitByPeriod, timeline, type PeriodGraph, type TimelinePeriod, type TimelineResult } from '../../recommend/timeline.js';
import { parseList, UsageError, type RegisterCommand } from '../command-kit.js';
import { ingestWarning, loadAndNote, parseDelimiter } from '../input.js';
import { eventLogPeriods } from '../analyze-timeline.js';
import { sourceAccount, sourceNote } from '../source-stats.js';
import { groupCommand, emit, fmt, parseMinGroupSize, parseSeed, textTable } from '../recommend-kit.js';
import type { RecommendCliOptions } from '../recommend-kit.js';
import { smallGroupsSentence } from '../../report/privacy.js';

interface TimelineCliOptions extends RecommendCliOptions {
  readonly period: string;
  readonly days: string;
  readonly window?: string;
  readonly changeRatio: string;
  readonly seed?: string;
  readonly engine?: string;
  readonly minGroupSize?: string;
}

/**
 * One line per period (and churn step) in which the minimum group size merged groups, e.g.
 * `2025-03: 1 group under 5 people merged into "Other (small groups)" ...`; '' when none did.
 */
export function timelinePrivacyLines(t: TimelineResult): string {
  let out = '';
  for (const p of t.periods) {
    const s = p.privacy ? smallGroupsSentence(p.privacy) : '';
    if (s) out += `${p.label}: ${s}\n`;
  }
  for (const c of t.churn) {
    const s = c.privacy ? smallGroupsSentence(c.privacy) : '';
    if (s) out += `${c.from} -> ${c.to} (churn by group): ${s}\n`;
  }
  return out;
}

/** Readable text of a timeline. */
export function timelineText(t: TimelineResult): string {
  let out = `Periods: ${t.periods.length}${t.attribute ? ` (groups: ${t.attribute})` : ''}\n`;
  out += textTable(
    ['period', 'people', 'ties', 'density', 'E-I', 'modularity', 'top brokers', 'key-person risk'],
    t.periods.map((p) => [
      p.label,
      String(p.people),
      String(p.ties),
      fmt(p.density),
      fmt(p.ei),
      `${fmt(p.modularity)}${p.modularityOf === 'communities' ? ' (communities)' : ''}`,
      p.topBrokers.map((b) => b.id).join(', ') || '-',
      p.keyPersonRisk ? `${p.keyPersonRisk.ids.join(', ')} (F ${fmt(p.keyPersonRisk.fragmentation)})` : '-',
    ]),
  );
  if (t.churn.length) {
    out += '\nChurn between consecutive periods (pairs; strengthened/weakened = value changed by the ratio or more; counts, not tests):\n';
    out += textTable(
      ['from', 'to', 'gained', 'lost', 'strengthened', 'weakened', 'steady', 'joined', 'left'],
      t.churn.map((c) => [
        c.from,
        c.to,
        String(c.gained),
        String(c.lost),
        String(c.strengthened),
        String(c.weakened),
        String(c.steady),
        String(c.joined.length),
        String(c.left.length),
      ]),
    );
    if (t.attribute) {
      for (const c of t.churn) {
        const rows = c.byGroups
          .filter((g) => g.groupA !== g.groupB)
          .sort((a, b) => b.gained + b.lost - (a.gained + a.lost))
          .slice(0, 5);
        if (rows.length === 0) continue;
        out += `\n${c.from} -> ${c.to}, across groups (most churn first):\n`;
        out += textTable(
          ['groups', 'gained', 'lost', 'strengthened', 'weakened'],
          rows.map((g) => [`${g.groupA} / ${g.groupB}`, String(g.gained), String(g.lost), String(g.strengthened), String(g.weakened)]),
        );
      }
    }
  }
  if (t.attribute) {
    const withGaps = t.periods.filter((p) => p.gaps.length);
    if (withGaps.length === 0) out += '\nGaps (the test of `orgraph gaps`, per period): no significant gap in any period.\n';
    else {
      out += '\nGaps (the test of `orgraph gaps`, per period; q = Benjamini-Hochberg):\n';
      for (const p of withGaps)
        out += `  ${p.label}: ${p.gaps.map((g) => `${g.groupA} / ${g.groupB} (${g.observed} vs ${fmt(g.expected, 1)}, q ${fmt(g.q, 3)})`).join('; ')}\n`;
    }
  }
  const privacy = timelinePrivacyLines(t);
  if (privacy) out += `\nPrivacy (docs/privacy.md):\n${privacy}`;
  return out;
}

export const timelineCommand: RegisterCommand = (program, io, setExit) => {
  groupCommand(
    program,
    'timeline [input]',
    'per-period figures (density, E-I, modularity, brokers, key-person risk, gaps) and tie churn between periods',
  )
    .option(
      '--period <period>',
      'month, quarter, window (--days days) or date (one period per distinct time, e.g. Viva MetricDates)',
      'month',
    )
    .option('--days <n>', 'length of a window period in days', '28')
    .option('--window <A..B>', 'event logs: days A to B inclusive')
    .option('--change-ratio <r>', 'a pair is strengthened / weakened when its value is multiplied / divided by at least r', '1.5')
    .option('--engine <engine>', 'event logs: duckdb or memory')
    .option('--seed <n>', 'seed of the randomised steps', '1')
    .action(async (input: string | undefined, opts: TimelineCliOptions) => {
      const period = opts.period as TimelinePeriod;
      if (!['month', 'quarter', 'window', 'date'].includes(period))
        throw new UsageError(`--period must be month, quarter, window or date, got "${opts.period}"`);
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days must be a whole number >= 1, got "${opts.days}"`);
      const ratio = Number(opts.changeRatio);
      if (!(ratio > 1)) throw new UsageError(`--change-ratio must be a number > 1, got "${opts.changeRatio}"`);
      const minGroupSize = parseMinGroupSize(opts.minGroupSize);
      const format: SourceFormat | null =
        input !== undefined && opts.from === undefined && opts.ties === undefined
          ? await detectSource(input, parseDelimiter(opts.delimiter) ?? ',').catch(() => null)
          : ((opts.from as SourceFormat | undefined) ?? null);
      let periods: PeriodGraph[];
      if (format === 'events' && input !== undefined) {
        if (period !== 'month' && period !== 'quarter') throw new UsageError('event logs are split by --period month or quarter');
        const { periods: byPeriod, result: r } = await eventLogPeriods(input, period, opts);
        const warning = ingestWarning(r.report);
        if (warning) {
          io.err(`${warning}\n`);
          setExit(1);
        }
        const note = sourceNote(sourceAccount('events', undefined, r.report.events), '`orgraph aggregate` with the same options');
        if (note) io.err(`${note}\n`);
        periods = byPeriod;
      } else {
        const { graph } = await loadAndNote(input, opts, io);
        periods = splitByPeriod(graph, { period, windowDays: days });
      }
      if (periods.length === 0) throw new UsageError('no ties to split into periods');
      const t = timeline(periods, {
        attribute: opts.group ?? null,
        relations: opts.relation ? parseList(opts.relation) : null,
        changeRatio: ratio,
        seed: parseSeed(opts.seed),
        minGroupSize,
      });
      const privacy = timelinePrivacyLines(t);
      if (privacy && opts.format !== 'text') {
        for (const line of privacy.split('\n')) if (line) io.err(`orgraph: ${line}\n`);
      }
      const rows = t.periods.map((p, i) => {
        const c = i > 0 ? t.churn[i - 1] : null;
        return {
          period: p.label,
          people: p.people,
          ties: p.ties,
          density: p.density,
          ei: p.ei,
          modularity: p.modularity,
          topBrokers: p.topBrokers.map((b) => b.id).join(' '),
          keyPersonRisk: p.keyPersonRisk ? p.keyPersonRisk.ids.join(' ') : '',
          gained: c?.gained ?? null,
          lost: c?.lost ?? null,
          strengthened: c?.strengthened ?? null,
          weakened: c?.weakened ?? null,
          joined: c?.joined.length ?? null,
          left: c?.left.length ?? null,
        };
      });
      await emit(opts, io, t, rows, () => timelineText(t));
    });
};

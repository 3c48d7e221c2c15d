/**
 * Viva Insights group-to-group (G2G) query -> a group-level table: collaboration time invested
 * between groups of one HR attribute, per MetricDate, with no person data.
 *
 *   row (A, B, d): time(A -> B, d) = Group_collaboration_time_invested (hours A's members spent
 *   with B's members); e-mail and meeting counts and hours alongside.
 *   B = "Collaborators Within Group" / "Within Group"            -> B := A (time inside A)
 *   B = "Unclassified Collaborators" / "Other collaborators"      -> B := null (outside every group)
 *
 * {@link g2gGroupFigures} turns the table into per-group figures: internal time I (A -> A),
 * external time E (A -> any other group, unclassified included), E-I = (E - I) / (E + I) on
 * hours (Krackhardt & Stern 1988, weighted by time instead of ties), and the pair table that
 * `gaps` reads (time between each pair of groups, summed over both directions).
 * Edge cases: a bad number is E_BAD_VALUE, a bad date E_BAD_TIMESTAMP, an empty group E_EMPTY_ID,
 * a (A, B, d) row twice E_BAD_VALUE (dropped in lenient mode). Complexity: O(rows).
 * Reference: Microsoft Viva Insights, "Group-to-group query"; docs/ingest.md ("Viva Insights").
 */
import { readCsv, readCsvEntry, type CsvInput } from '../csv-source.js';
import type { IngestOptions } from '../options.js';
import type { IngestResult } from '../csv.js';
import type { IngestContext } from '../report.js';
import { findColumn, headerKey, isoDay, parseScore, sideOf, VivaSheet } from './viva-common.js';

/** One kept G2G row. `secondary` null = unclassified collaborators (outside every group). */
export interface G2GRow {
  readonly primary: string;
  readonly secondary: string | null;
  /** ISO day, or null without a MetricDate column. */
  readonly date: string | null;
  readonly primarySize: number | null;
  readonly secondarySize: number | null;
  /** Hours; 0 when the cell is empty. */
  readonly timeInvested: number;
  readonly percentTimeInvested: number | null;
  readonly emailCount: number | null;
  readonly emailHours: number | null;
  readonly meetingCount: number | null;
  readonly meetingHours: number | null;
  readonly line: number;
}

/** A G2G export as read: its rows and dates, with the ingest report every reader returns. */
export interface G2GTable extends Pick<IngestResult, 'report'> {
  /** The HR attribute the groups are values of (`Organization`). */
  readonly attribute: string;
  readonly rows: readonly G2GRow[];
  /** Distinct MetricDates, ascending. */
  readonly dates: readonly string[];
}

const WITHIN = new Set(['collaboratorswithingroup', 'withingroup']);
const OTHER = new Set(['unclassifiedcollaborators', 'othercollaborators']);

const METRICS = {
  timeInvested: ['groupcollaborationtimeinvested'],
  percentTimeInvested: ['percentgroupcollaborationtimeinvested'],
  emailCount: ['groupemailsentcount', 'groupemailcount'],
  emailHours: ['groupemailtimeinvested'],
  meetingCount: ['groupmeetingcount'],
  meetingHours: ['groupmeetingtimeinvested'],
} as const;

/**
 * Read a Viva G2G export (CSV).
 * @example
 * const table = await loadVivaG2G('g2g.csv');
 * g2gGroupFigures(table, '2026-01-31')
 */
export async function loadVivaG2G(path: string, options: IngestOptions = {}): Promise<G2GTable> {
  return readCsvEntry({ path }, options, readG2G);
}

/** {@link loadVivaG2G} for text in memory. */
export async function parseVivaG2G(text: string, options: IngestOptions & { file?: string } = {}): Promise<G2GTable> {
  return readCsvEntry({ text, name: options.file ?? 'g2g.csv' }, options, readG2G);
}

/** True when a header row looks like a G2G export (group sizes, no person ids). */
export function looksLikeVivaG2G(columns: readonly string[]): boolean {
  return (
    columns.some((c) => headerKey(c) === 'primarycollaboratorgroupsize') && findColumn(columns, ['groupcollaborationtimeinvested']) >= 0
  );
}

async function readG2G(ctx: IngestContext, input: CsvInput, file: string): Promise<G2GTable> {
  const sheet = new VivaSheet(ctx);
  let attribute = '';
  const col: Record<string, number> = { primary: -1, secondary: -1, primarySize: -1, secondarySize: -1, date: -1 };
  const rows: G2GRow[] = [];
  const seen = new Set<string>();
  const dates = new Set<number>();
  await readCsv(ctx, input, file, 'ties', {
    header(columns, report) {
      const f = sheet.start(columns, report);
      columns.forEach((c, i) => {
        const side = sideOf(c);
        if (!side) return;
        const rest = headerKey(side.rest);
        if (rest === 'groupsize') col[`${side.side}Size`] = i;
        else if (rest !== 'personid' && col[side.side] < 0) {
          col[side.side] = i;
          if (side.side === 'primary') attribute = side.rest;
        }
      });
      col.date = findColumn(columns, ['metricdate']);
      for (const [k, keys] of Object.entries(METRICS)) col[k] = findColumn(columns, keys);
      const shown = columns.map((c) => JSON.stringify(c)).join(', ');
      if (col.primary < 0)
        ctx.fatal('E_MISSING_COLUMN', `missing a "PrimaryCollaborator_<attribute>" column; header has ${shown}`, {
          file,
          line: 1,
          field: 'PrimaryCollaborator_<attribute>',
        });
      if (col.secondary < 0)
        ctx.fatal('E_MISSING_COLUMN', `missing a "SecondaryCollaborator_<attribute>" column; header has ${shown}`, {
          file,
          line: 1,
          field: 'SecondaryCollaborator_<attribute>',
        });
      if (col.timeInvested < 0)
        ctx.fatal('E_MISSING_COLUMN', `missing column "Group_collaboration_time_invested"; header has ${shown}`, {
          file,
          line: 1,
          field: 'Group_collaboration_time_invested',
        });
      const used = new Set(Object.values(col));
      f.ignoredColumns.push(...columns.filter((_, i) => !used.has(i)));
    },
    row(fields, line) {
      const groups = sheet.pair(fields, line, col.primary, col.secondary, 'group');
      if (!groups) return;
      const [primary, rawSecondary] = groups;
      const key2 = headerKey(rawSecondary);
      const secondary = WITHIN.has(key2) ? primary : OTHER.has(key2) ? null : rawSecondary;
      const day = sheet.date(fields, line, col.date);
      if (day === null) return;
      const date = Number.isNaN(day) ? null : day;
      const values: Record<string, number | null> = {};
      for (const k of ['primarySize', 'secondarySize', ...Object.keys(METRICS)]) {
        if (col[k] < 0) {
          values[k] = null;
          continue;
        }
        const v = parseScore(fields[col[k]]);
        if (!v.ok) return sheet.drop('E_BAD_VALUE', v.reason, line, col[k]);
        values[k] = v.value;
      }
      const key = `${primary}\u0000${secondary ?? '\u0001'}\u0000${date}`;
      if (seen.has(key))
        return sheet.drop(
          'E_BAD_VALUE',
          `the groups "${primary}" -> "${rawSecondary}"${date !== null ? ` on ${isoDay(date)}` : ''} appear twice`,
          line,
          col.secondary,
        );
      seen.add(key);
      if (date !== null) dates.add(date);
      rows.push({
        primary,
        secondary,
        date: date === null ? null : isoDay(date),
        primarySize: values.primarySize,
        secondarySize: values.secondarySize,
        timeInvested: values.timeInvested ?? 0,
        percentTimeInvested: values.percentTimeInvested,
        emailCount: values.emailCount,
        emailHours: values.emailHours,
        meetingCount: values.meetingCount,
        meetingHours: values.meetingHours,
        line,
      });
      sheet.f.rowsKept++;
    },
  });
  return { attribute, rows, dates: [...dates].sort((a, b) => a - b).map(isoDay), report: ctx.report };
}

/** Per-group time figures of one MetricDate (see {@link g2gGroupFigures}). */
export interface G2GGroupFigure {
  readonly group: string;
  readonly size: number | null;
  /** Hours inside the group. */
  readonly internal: number;
  /** Hours with other groups, unclassified collaborators included. */
  readonly external: number;
  /** (E - I) / (E + I) on hours; NaN when both are 0. */
  readonly ei: number;
}

export interface G2GFigures {
  readonly date: string | null;
  readonly groups: readonly G2GGroupFigure[];
  /** Hours between two different groups (a < b), both directions summed, sorted by hours ascending (the thinnest first). */
  readonly pairs: readonly { readonly a: string; readonly b: string; readonly hours: number }[];
}

/**
 * Group figures of one MetricDate (the latest when `date` is omitted): E-I on hours per group and
 * the time between each pair of groups. A pair that never appears has 0 hours and is listed when
 * both groups appear as a primary group.
 */
export function g2gGroupFigures(table: G2GTable, date?: string | null): G2GFigures {
  const when = date === undefined ? (table.dates.at(-1) ?? null) : date;
  const rows = table.rows.filter((r) => r.date === when);
  const groups = new Map<string, { size: number | null; internal: number; external: number }>();
  const pair = new Map<string, number>();
  for (const r of rows) {
    const g = groups.get(r.primary) ?? { size: r.primarySize, internal: 0, external: 0 };
    groups.set(r.primary, g);
    if (r.secondary === r.primary) g.internal += r.timeInvested;
    else g.external += r.timeInvested;
    if (r.secondary !== null && r.secondary !== r.primary) {
      const [a, b] = r.primary < r.secondary ? [r.primary, r.secondary] : [r.secondary, r.primary];
      pair.set(`${a}\u0000${b}`, (pair.get(`${a}\u0000${b}`) ?? 0) + r.timeInvested);
    }
  }
  const names = [...groups.keys()].sort();
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) if (!pair.has(`${names[i]}\u0000${names[j]}`)) pair.set(`${names[i]}\u0000${names[j]}`, 0);
  return {
    date: when,
    groups: names.map((group) => {
      const g = groups.get(group)!;
      const t = g.internal + g.external;
      return { group, size: g.size, internal: g.internal, external: g.external, ei: t > 0 ? (g.external - g.internal) / t : NaN };
    }),
    pairs: [...pair]
      .map(([k, hours]) => {
        const [a, b] = k.split('\u0000');
        return { a, b, hours };
      })
      .sort((x, y) => x.hours - y.hours || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
  };
}

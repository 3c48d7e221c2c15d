/**
 * Shared pieces of the Viva Insights readers: header spellings and MetricDate.
 * Viva exports spell one column three ways: current underscored (`Strong_tie_score`), spaced raw
 * exports with `%` (`Strong tie score`, `% Group collaboration time invested`) and legacy Workplace
 * Analytics camel case (`StrongTieScore`, `TieOrigin_PersonId`). {@link headerKey} maps all three
 * to one key. Reference: docs/ingest.md ("Viva Insights").
 */
import type { OrgraphErrorCode } from '../../model/errors.js';
import type { FileReport, IngestContext } from '../report.js';
import type { Parsed } from '../values.js';
import { parseTime } from '../values.js';

/**
 * The comparison key of a header: lower case, `%` read as "percent", every other character that is
 * not a letter or digit removed. `Strong_tie_score`, `Strong tie score` and `StrongTieScore` all
 * give `strongtiescore`.
 */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/%/g, 'percent')
    .replace(/[^a-z0-9]/g, '');
}

/** Index of the first header whose key is one of `keys`; -1 if none. */
export function findColumn(columns: readonly string[], keys: readonly string[]): number {
  const wanted = new Set(keys);
  return columns.findIndex((c) => wanted.has(headerKey(c)));
}

const PREFIXES = {
  primary: /^(?:primary[ _]?collaborator|tie[ _]?origin)[ _]*(.+)$/i,
  secondary: /^(?:secondary[ _]?collaborator|tie[ _]?destination)[ _]*(.+)$/i,
} as const;

/**
 * The side and remainder of a `PrimaryCollaborator_<Attr>` / `TieOrigin_<Attr>` (or secondary /
 * destination) header, or null. The remainder keeps its spelling (`Organization`, `Level Designation`).
 */
export function sideOf(header: string): { side: 'primary' | 'secondary'; rest: string } | null {
  for (const side of ['primary', 'secondary'] as const) {
    const m = PREFIXES[side].exec(header.trim());
    if (m && m[1].trim() !== '') return { side, rest: m[1].trim() };
  }
  return null;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A Viva `MetricDate`: MM/DD/YYYY (M/D/YYYY too), or ISO 8601 as every other orgraph time.
 * Returned as epoch ms at 00:00 UTC.
 * @example parseMetricDate('01/31/2026') // { ok: true, value: Date.UTC(2026, 0, 31) }
 */
export function parseMetricDate(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty MetricDate' };
  const m = US_DATE.exec(s);
  if (m) {
    const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
    if (month < 1 || month > 12 || day < 1 || day > days) return { ok: false, reason: `MetricDate "${s}" is not a real date (MM/DD/YYYY)` };
    return { ok: true, value: Date.UTC(year, month - 1, day) };
  }
  const t = parseTime(s);
  if (t.ok) return t;
  return { ok: false, reason: `MetricDate "${s}" is neither MM/DD/YYYY nor ISO 8601` };
}

/**
 * A Viva reader's CSV while its rows stream in: the file report and the header (both set by
 * {@link VivaSheet.start} from the sink's header callback), and the row checks the P2P, G2G and
 * person query readers share. A check that fails drops the row through the ingest context, with
 * the column's header as the field, and returns null. O(1) per check.
 */
export class VivaSheet {
  /** The file's report (set by {@link VivaSheet.start}). */
  f!: FileReport;
  /** The header cells (set by {@link VivaSheet.start}). */
  header: readonly string[] = [];

  constructor(private readonly ctx: IngestContext) {}

  /** Keep the header and report given to the sink's header callback; returns the report. */
  start(columns: readonly string[], f: FileReport): FileReport {
    this.header = columns;
    this.f = f;
    return f;
  }

  /** Drop the row read at `line` (`code`, `reason`); the header of column `c` is the field. Returns null. */
  drop(code: OrgraphErrorCode, reason: string, line: number, c: number): null {
    this.ctx.drop(this.f, code, reason, line, this.header[c]);
    return null;
  }

  /** The trimmed cells of the two collaborator columns `a` and `b`; an empty one drops the row (E_EMPTY_ID, "empty `what`"). */
  pair(fields: readonly string[], line: number, a: number, b: number, what: string): [string, string] | null {
    const x = fields[a].trim();
    const y = fields[b].trim();
    if (x === '') return this.drop('E_EMPTY_ID', `empty ${what}`, line, a);
    if (y === '') return this.drop('E_EMPTY_ID', `empty ${what}`, line, b);
    return [x, y];
  }

  /** The MetricDate of column `c` as epoch ms ({@link parseMetricDate}), NaN when there is no such column (c < 0); a bad one drops the row (E_BAD_TIMESTAMP). */
  date(fields: readonly string[], line: number, c: number): number | null {
    if (c < 0) return NaN;
    const d = parseMetricDate(fields[c]);
    return d.ok ? d.value : this.drop('E_BAD_TIMESTAMP', d.reason, line, c);
  }
}

/** `2026-01-31` for an epoch-ms date. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A Viva score or count: a finite number >= 0; empty reads as absent (null). Refusals carry a reason.
 */
export function parseScore(text: string): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) {
    if (/^[+-]?\d+,\d+$/.test(s)) return { ok: false, reason: `"${s}" is not a number (decimal comma? write "${s.replace(',', '.')}")` };
    return { ok: false, reason: `"${s}" is not a number` };
  }
  const v = Number(s);
  if (!Number.isFinite(v)) return { ok: false, reason: `"${s}" is not a finite number` };
  if (v < 0) return { ok: false, reason: `${s} is negative` };
  return { ok: true, value: v };
}

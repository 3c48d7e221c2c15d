/**
 * Ingest report: what was read, kept, dropped and altered, file by file, and the first issues.
 * Strict mode throws at the first problem; lenient mode records it here and keeps going.
 * Invariant (checked by the tests): for every file, rowsKept + rowsDropped = rowsRead.
 */
import { escapeText, OrgraphError, type OrgraphErrorCode } from '../model/errors.js';
import type { IngestMode, ResolvedIngestOptions } from './options.js';

/** Which input a file report describes. */
export type InputKind = 'people' | 'ties' | 'relations' | 'json' | 'events';

/** What happened to the row an issue was found in. */
export type IssueAction = 'dropped' | 'altered' | 'warning';

/** One problem found in the input. Lines are physical, 1-based, header = line 1. */
export interface IngestIssue {
  /** The file, as the user named it. */
  readonly file: string;
  /** Physical line, 1-based (header = line 1); absent for a whole-file issue. */
  readonly line?: number;
  /** Column (or JSON path) the problem is in. */
  readonly field?: string;
  /** Stable `E_` code of the problem. */
  readonly code: OrgraphErrorCode;
  /** One line, with untrusted text escaped. */
  readonly message: string;
  /** What was done with the row: dropped, altered, or kept with a warning. */
  readonly action: IssueAction;
}

/** The account of one input file. */
export interface FileReport {
  /** The file (as the user named it). */
  readonly file: string;
  /** Which input it was read as. */
  readonly kind: InputKind;
  /** Data rows (records) read, header and blank lines excluded. */
  rowsRead: number;
  /** Rows that made it into the graph (rowsKept + rowsDropped = rowsRead). */
  rowsKept: number;
  /** Rows left out, every one with its reason in `dropped` and (up to `maxIssues`) an issue. */
  rowsDropped: number;
  /** Dropped rows by reason (error code); sums to rowsDropped. */
  readonly dropped: Partial<Record<OrgraphErrorCode, number>>;
  /** Kept rows that were changed, by reason (a row changed for two reasons counts under both). */
  readonly altered: Partial<Record<OrgraphErrorCode, number>>;
  /** A byte-order mark was found and stripped (not a row problem). */
  bom: boolean;
  /** Line endings seen: 'lf', 'crlf', 'mixed' or 'none' (a single line). */
  lineEndings: 'lf' | 'crlf' | 'mixed' | 'none';
  /** Blank lines skipped (not rows). */
  blankLines: number;
  /** Columns present but not used (ties/relations/events files). */
  ignoredColumns: string[];
}

/** Aggregation figures of an event log (see {@link aggregateEvents}). */
export interface EventStats {
  /** Events (rows) accepted by validation. */
  events: number;
  /** Events counted into ties (inside the window and not too large). */
  eventsUsed: number;
  /** Events outside the time window (not counted). */
  eventsOutsideWindow: number;
  /** Events over the broadcast cutoff (not counted). */
  eventsTooManyRecipients: number;
  /** Events with no recipient left once the sender and repeats are removed. */
  eventsWithoutRecipients: number;
  /** Sender listed among an event's recipients (that pair is skipped). */
  selfRecipients: number;
  /** Recipients listed twice in one event (counted once). */
  repeatedRecipients: number;
  /** Distinct (sender, recipient, relation) pairs seen in used events. */
  pairs: number;
  /** Pairs with fewer than minInteractions events (not made ties). */
  pairsBelowMinimum: number;
  /** Events belonging to those pairs. */
  interactionsBelowMinimum: number;
  /** Ties made. */
  ties: number;
}

/** Event statistics with every count at 0, for an aggregation to fill. */
export function emptyEventStats(): EventStats {
  return {
    events: 0,
    eventsUsed: 0,
    eventsOutsideWindow: 0,
    eventsTooManyRecipients: 0,
    eventsWithoutRecipients: 0,
    selfRecipients: 0,
    repeatedRecipients: 0,
    pairs: 0,
    pairsBelowMinimum: 0,
    interactionsBelowMinimum: 0,
    ties: 0,
  };
}

/** What ingest read, kept, dropped and repaired, per file, with every issue. */
export interface IngestReport {
  /** `strict` (the first problem is an error) or `lenient` (bad rows dropped and counted). */
  readonly mode: IngestMode;
  /** One account per input file, in reading order. */
  readonly files: FileReport[];
  /** The first `maxIssues` issues, in input order. */
  readonly issues: IngestIssue[];
  /** All issues found, listed or not. */
  issueCount: number;
  /** People and ties in the resulting graph. */
  people: number;
  /** Ties in the resulting graph. */
  ties: number;
  /** Present for event logs. */
  events?: EventStats;
}

/** Whether nothing was dropped, altered or warned about. */
export function isCleanReport(report: IngestReport): boolean {
  return report.issueCount === 0 && report.files.every((f) => f.rowsDropped === 0 && Object.keys(f.altered).length === 0);
}

/** Total rows dropped over all files. */
export function droppedRows(report: IngestReport): number {
  return report.files.reduce((s, f) => s + f.rowsDropped, 0);
}

/** @internal The running state of one ingest: mode, report, and the problem sink. */
export class IngestContext {
  readonly report: IngestReport;
  /** `report`: share the report of another context (same ingest, other file options). */
  constructor(
    readonly options: ResolvedIngestOptions,
    report?: IngestReport,
  ) {
    this.report = report ?? { mode: options.mode, files: [], issues: [], issueCount: 0, people: 0, ties: 0 };
  }

  get strict(): boolean {
    return this.options.mode === 'strict';
  }

  file(file: string, kind: InputKind): FileReport {
    const f: FileReport = {
      file,
      kind,
      rowsRead: 0,
      rowsKept: 0,
      rowsDropped: 0,
      dropped: {},
      altered: {},
      bom: false,
      lineEndings: 'none',
      blankLines: 0,
      ignoredColumns: [],
    };
    this.report.files.push(f);
    return f;
  }

  /** A fatal problem: throws in both modes. */
  fatal(code: OrgraphErrorCode, reason: string, loc: { file?: string; line?: number; field?: string }): never {
    throw new OrgraphError(code, reason, loc);
  }

  /**
   * A row-level problem. Strict: throws. Lenient: records the issue; for 'dropped' the caller
   * should use {@link drop}; for 'altered', {@link alter}.
   */
  problem(f: FileReport, action: IssueAction, code: OrgraphErrorCode, reason: string, line?: number, field?: string): void {
    if (this.strict) throw new OrgraphError(code, reason, { file: f.file, line, field });
    this.report.issueCount++;
    if (this.report.issues.length < this.options.maxIssues) {
      // NOTE: untrusted text (ids, cells, names) is escaped so that no issue can print a second line.
      this.report.issues.push({
        file: escapeText(f.file),
        line,
        field: field === undefined ? undefined : escapeText(field),
        code,
        message: escapeText(reason),
        action,
      });
    }
    if (action === 'altered') f.altered[code] = (f.altered[code] ?? 0) + 1;
  }

  /** A problem repaired in lenient mode (`repair` says how); strict mode throws with the reason alone. */
  alter(f: FileReport, code: OrgraphErrorCode, reason: string, repair: string, line?: number, field?: string): void {
    this.problem(f, 'altered', code, this.strict ? reason : `${reason}; ${repair}`, line, field);
  }

  /** Record a problem that drops the current row (throws in strict mode). */
  drop(f: FileReport, code: OrgraphErrorCode, reason: string, line?: number, field?: string): void {
    this.problem(f, 'dropped', code, reason, line, field);
    f.rowsDropped++;
    f.dropped[code] = (f.dropped[code] ?? 0) + 1;
  }
}

/**
 * OrgraphError: the one error class orgraph throws on purpose.
 * Every error carries a stable `code` and, where it applies, the file, line and field at fault,
 * so that a CLI can print one clear line and an app can branch on the code.
 */

/** Stable error codes. Add new ones at the end; never rename one. */
export type OrgraphErrorCode =
  | 'E_FILE_NOT_FOUND'
  | 'E_EMPTY_FILE'
  | 'E_MISSING_COLUMN'
  | 'E_DUPLICATE_COLUMN'
  | 'E_DELIMITER'
  | 'E_FIELD_COUNT'
  | 'E_CSV_SYNTAX'
  | 'E_DUPLICATE_PERSON'
  | 'E_EMPTY_ID'
  | 'E_UNKNOWN_PERSON'
  | 'E_BAD_WEIGHT'
  | 'E_SELF_LOOP'
  | 'E_BAD_TIMESTAMP'
  | 'E_BAD_VALUE'
  | 'E_JSON_SYNTAX'
  | 'E_UNKNOWN_RELATION'
  | 'E_UNKNOWN_ATTRIBUTE'
  | 'E_UNKNOWN_GROUP'
  | 'E_UNKNOWN_METRIC'
  | 'E_BAD_OPTION'
  | 'E_EMPTY_GRAPH'
  | 'E_ABORTED'
  | 'E_OUTPUT_PATH'
  | 'E_WORKER';

/** Where in the input a problem was found. Lines are 1-based and count the header as line 1. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

/**
 * Every error orgraph throws on bad input or options: a stable `E_` code, a one-line message, and
 * where the problem is (file, line, field) when it comes from a file.
 */
export class OrgraphError extends Error {
  override readonly name = 'OrgraphError';
  readonly code: OrgraphErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  /** The reason alone, without the location prefix that `message` carries. */
  readonly reason: string;

  constructor(code: OrgraphErrorCode, reason: string, location: ErrorLocation = {}) {
    super(formatLocation(location) + reason);
    this.code = code;
    this.reason = reason;
    this.file = location.file;
    this.line = location.line;
    this.field = location.field;
  }
}

/** `file:line: field "x": ` — the prefix used by every located message. */
export function formatLocation({ file, line, field }: ErrorLocation): string {
  let out = '';
  if (file !== undefined) out += file;
  if (line !== undefined) out += `${out ? ':' : 'line '}${line}`;
  if (out) out += ': ';
  if (field !== undefined) out += `field "${field}": `;
  return out;
}

/** Whether a caught value is an {@link OrgraphError}. */
export function isOrgraphError(e: unknown): e is OrgraphError {
  return e instanceof OrgraphError;
}

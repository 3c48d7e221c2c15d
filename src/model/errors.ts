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
  | 'E_UNREADABLE'
  | 'E_ENCODING'
  | 'E_BAD_INPUT'
  | 'E_WORKER';

/** Where in the input a problem was found. Lines are 1-based and count the header as line 1. */
export interface ErrorLocation {
  /** File the problem was found in, as the user named it. */
  readonly file?: string;
  /** 1-based line in that file (the header is line 1). */
  readonly line?: number;
  /** Column, JSON path or option name the problem is in. */
  readonly field?: string;
}

/**
 * Every error orgraph throws on bad input or options: a stable `E_` code, a one-line message, and
 * where the problem is (file, line, field) when it comes from a file.
 */
export class OrgraphError extends Error {
  /** Always `'OrgraphError'` (also in minified bundles), for logs and `error.name` checks. */
  override readonly name = 'OrgraphError';
  /** Stable machine-readable code (`E_…`); the CLI maps input errors to exit 1. */
  readonly code: OrgraphErrorCode;
  /** File the problem was found in, when it comes from a file. */
  readonly file?: string;
  /** 1-based line in that file, when known. */
  readonly line?: number;
  /** Column, JSON path or option name, when known. */
  readonly field?: string;
  /** The reason alone, without the location prefix that `message` carries. */
  readonly reason: string;

  /** Untrusted text (ids, file names, cells) in `reason` and `location` is escaped: see {@link escapeText}. */
  constructor(code: OrgraphErrorCode, reason: string, location: ErrorLocation = {}) {
    super(formatLocation(location) + escapeText(reason));
    this.code = code;
    this.reason = escapeText(reason);
    this.file = location.file;
    this.line = location.line;
    this.field = location.field;
  }
}

/** `file:line: field "x": ` — the prefix used by every located message. */
export function formatLocation({ file, line, field }: ErrorLocation): string {
  let out = '';
  if (file !== undefined) out += escapeText(file);
  if (line !== undefined) out += `${out ? ':' : 'line '}${line}`;
  if (out) out += ': ';
  if (field !== undefined) out += `field "${escapeText(field)}": `;
  return out;
}

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls, lone surrogates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED: Readonly<Record<string, string>> = Object.freeze({ '\n': '\\n', '\r': '\\r', '\t': '\\t' });

/**
 * Text safe to print on one terminal line: line breaks, tabs, control characters (including ANSI
 * escape sequences' ESC), bidirectional controls and lone surrogates become visible escapes
 * (`\n`, `\x1b`, `\u202e`). Every message orgraph prints passes through here, so a crafted id
 * or file name cannot start a second line or recolour the terminal.
 * @example escapeText('a\nb\x1b[2J') // 'a\\nb\\x1b[2J'
 */
export function escapeText(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Whether a caught value is an {@link OrgraphError}. */
export function isOrgraphError(e: unknown): e is OrgraphError {
  return e instanceof OrgraphError;
}

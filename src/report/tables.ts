/**
 * Tables out: JSON and CSV text for any result, safe to open in a spreadsheet.
 * JSON writes null wherever a value is undefined (NaN, infinities, `undefined`); CSV quotes per
 * RFC 4180 and neutralises spreadsheet formulas (OWASP "CSV injection"): a text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe. The CLI and the report
 * folder write every file through these functions; apps can use them to export the same tables.
 * Reference: Shafranovich, Y. (2005). RFC 4180, Common Format and MIME Type for CSV Files;
 * OWASP, CSV Injection (https://owasp.org/www-community/attacks/CSV_Injection).
 */

/** One CSV / table cell. `null`, `undefined` and non-finite numbers are written as an empty cell. */
export type CellValue = string | number | boolean | null | undefined;

// ---------------------------------------------------------------------------------------------
// JSON

export interface JsonOptions {
  /** Spaces of indentation; 0 writes one line. @defaultValue 2 */
  readonly indent?: number;
}
export const DEFAULT_JSON_OPTIONS = Object.freeze({ indent: 2 });

/**
 * JSON text for a value, ending with a newline.
 *
 * NaN, ±Infinity and `undefined` (as an object property or array element) become `null`, so a
 * property whose value is undefined is still written; typed arrays become plain arrays.
 *
 * @example
 * toJson({ id: 'ana', closeness: NaN, degree: 2, rank: undefined }, { indent: 0 });
 * // '{"id":"ana","closeness":null,"degree":2,"rank":null}\n'
 */
export function toJson(value: unknown, options: JsonOptions = {}): string {
  const indent = options.indent ?? DEFAULT_JSON_OPTIONS.indent;
  const text = JSON.stringify(value, jsonReplacer, indent > 0 ? indent : undefined);
  return (text ?? 'null') + '\n';
}

function jsonReplacer(_key: string, v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    return Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvOptions {
  /** Field separator (one character). @defaultValue ',' */
  readonly delimiter?: string;
  /** Record separator; RFC 4180 uses CRLF. @defaultValue '\r\n' */
  readonly eol?: string;
}
export const DEFAULT_CSV_OPTIONS = Object.freeze({ delimiter: ',', eol: '\r\n' });

/** First characters that make a spreadsheet read a text cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell.
 *
 * - Numbers: shortest round-trip decimal (`String(x)`); NaN and ±Infinity -> empty cell.
 * - `null` / `undefined` -> empty cell; booleans -> `true` / `false`.
 * - Text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe so a
 *   spreadsheet shows it as text instead of evaluating it (numbers are never altered: `-0.5`
 *   written from a number stays `-0.5`; the text "-0.5" becomes `'-0.5`).
 * - Then, per RFC 4180, a cell holding the delimiter, a double quote, CR or LF is wrapped in
 *   double quotes with inner quotes doubled.
 *
 * @example
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 * csvCell(NaN);               // ''
 */
export function csvCell(value: CellValue, delimiter: string = DEFAULT_CSV_OPTIONS.delimiter): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One CSV record (without the line ending). */
export function csvRow(cells: readonly CellValue[], delimiter: string = DEFAULT_CSV_OPTIONS.delimiter): string {
  let out = '';
  for (let k = 0; k < cells.length; k++) {
    if (k > 0) out += delimiter;
    out += csvCell(cells[k], delimiter);
  }
  return out;
}

/**
 * A CSV document: a header record, then one record per row, each ending with `eol`.
 * Every row must have as many cells as the header (checked: a mismatch is a programming error).
 *
 * @example
 * toCsv(['id', 'degree'], [['ana', 2], ['bo', NaN]]); // 'id,degree\r\nana,2\r\nbo,\r\n'
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CellValue[]>, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? DEFAULT_CSV_OPTIONS.delimiter;
  const eol = options.eol ?? DEFAULT_CSV_OPTIONS.eol;
  const parts: string[] = [csvRow(header, delimiter)];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: a row has ${row.length} cells for ${header.length} columns`);
    }
    parts.push(csvRow(row, delimiter));
  }
  return parts.join(eol) + eol;
}

/**
 * A CSV document from records (any plain objects, e.g. `result.people` of `analysis()`): columns
 * are `columns` when given, else every key in order of first appearance across the records. A key
 * missing from a record is an empty cell; a value that is not a string, number or boolean (an
 * array, an object) is written as its JSON text.
 *
 * @example
 * recordsToCsv([{ id: 'ana', degree: 2 }, { id: 'bo', degree: null }]); // 'id,degree\r\nana,2\r\nbo,\r\n'
 */
export function recordsToCsv<T extends object>(records: readonly T[], columns?: readonly string[], options: CsvOptions = {}): string {
  let cols = columns;
  if (!cols) {
    const seen = new Set<string>();
    for (const r of records) for (const k of Object.keys(r)) seen.add(k);
    cols = [...seen];
  }
  const header = cols;
  return toCsv(
    header,
    records.map((r) => header.map((c) => cellOf((r as Record<string, unknown>)[c]))),
    options,
  );
}

function cellOf(v: unknown): CellValue {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

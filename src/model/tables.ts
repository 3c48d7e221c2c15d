/**
 * Tables out of results: JSON and CSV text, plain rows for `console.table`, and HTML tables for a
 * notebook cell. The CLI writes every output with these functions, and the library exports them.
 * JSON writes null wherever a value is undefined (NaN, infinities, `undefined`); CSV quotes per
 * RFC 4180 and neutralises spreadsheet formulas (OWASP "CSV injection"); HTML escapes every cell.
 * Reference: Shafranovich, Y. (2005). RFC 4180, Common Format and MIME Type for CSV Files;
 * OWASP, CSV Injection (https://owasp.org/www-community/attacks/CSV_Injection); OWASP Cross Site
 * Scripting Prevention Cheat Sheet, rule 1 (HTML entity encoding).
 */

/** One CSV / table cell. `null`, `undefined` and non-finite numbers are written as an empty cell. */
export type CellValue = string | number | boolean | null | undefined;

// ---------------------------------------------------------------------------------------------
// JSON

/** Options of {@link toJson}. */
export interface JsonOptions {
  /** Spaces of indentation; 0 writes one line. @defaultValue 2 */
  readonly indent?: number;
}

/** Defaults of {@link JsonOptions}. */
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

/** Options of {@link toCsv} and {@link recordsToCsv}. */
export interface CsvOptions {
  /** Field separator (one character). @defaultValue ',' */
  readonly delimiter?: string;
  /** Record separator; RFC 4180 uses CRLF. @defaultValue '\r\n' */
  readonly eol?: string;
  /**
   * Round numbers that are not whole to this many significant digits, for reading in a spreadsheet
   * (whole numbers are never rounded); null keeps the shortest round-trip decimal (full precision).
   * @defaultValue null
   */
  readonly significant?: number | null;
  /**
   * Start the document with a UTF-8 byte-order mark (U+FEFF), so that Excel reads it as UTF-8
   * ("Zürich" instead of "ZÃ¼rich"). @defaultValue false
   */
  readonly bom?: boolean;
}

/** Defaults of {@link CsvOptions}. */
export const DEFAULT_CSV_OPTIONS = Object.freeze({ delimiter: ',', eol: '\r\n', significant: null, bom: false });

/**
 * A number rounded to `digits` significant digits (digits clamped to 1..21); whole numbers and
 * non-finite values are returned unchanged. Used by CSV output for reading (JSON keeps full
 * precision).
 *
 *   round(x) = Number(x.toPrecision(digits))
 *
 * Complexity: O(1).
 * @example
 * roundSignificant(0.123456789, 4); // 0.1235
 * roundSignificant(1234567.891, 4); // 1235000
 * roundSignificant(42, 2);          // 42 (whole numbers are kept)
 */
export function roundSignificant(x: number, digits: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(Math.max(1, Math.min(21, Math.round(digits)))));
}

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
  const digits = options.significant ?? DEFAULT_CSV_OPTIONS.significant;
  const parts: string[] = [csvRow(header, delimiter)];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: a row has ${row.length} cells for ${header.length} columns`);
    }
    parts.push(csvRow(digits === null ? row : row.map((v) => (typeof v === 'number' ? roundSignificant(v, digits) : v)), delimiter));
  }
  return (options.bom ? '\uFEFF' : '') + parts.join(eol) + eol;
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

/** A record's value as a CSV cell: scalars as they are, anything else as its JSON text. */
function cellOf(v: unknown): CellValue {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
});

/**
 * Text escaped for HTML element content and quoted attribute values: & < > " ' ` become entities.
 * Any value is converted with String() first (null and undefined become '').
 *
 * Complexity: O(length).
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>'); // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

// ---------------------------------------------------------------------------------------------
// Rows for console.table and HTML for notebooks

/** One flat table row: column name -> cell. */
export type TableRow = Record<string, CellValue>;

/** Options of {@link toTable}. */
export interface TableOptions {
  /** Columns in order (default: every key, in order of first appearance across the records). */
  readonly columns?: readonly string[];
  /** Round numbers to this many decimals for display (default: keep them as they are). */
  readonly digits?: number;
}

/**
 * Flat rows from records, for `console.table(rows)` and for {@link htmlTable}: one row per
 * record with the chosen columns. Numbers are rounded to `digits` when given; NaN and infinities
 * become null (shown empty); arrays become their items joined by ", "; other objects their JSON.
 * Nothing is dropped: a key a record lacks is null in its row.
 *
 * Complexity: O(records x columns).
 * @example
 * console.table(toTable([{ group: 'Sales', ei: -0.41234 }], { digits: 2 })); // [{ group: 'Sales', ei: -0.41 }]
 */
export function toTable(records: Iterable<object>, options: TableOptions = {}): TableRow[] {
  const list = [...records] as Readonly<Record<string, unknown>>[];
  const columns = options.columns ?? columnsOf(list);
  return list.map((r) => {
    const row: TableRow = {};
    for (const c of columns) row[c] = tableCell(r[c], options.digits);
    return row;
  });
}

function columnsOf(records: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function tableCell(v: unknown, digits: number | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    return digits === undefined ? v : Number(v.toFixed(digits));
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v) || ArrayBuffer.isView(v))
    return Array.from(v as ArrayLike<unknown>, (x) => String(tableCell(x, digits) ?? '')).join(', ');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));
}

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions extends TableOptions {
  /** A caption above the table (escaped). */
  readonly caption?: string;
}

/**
 * An HTML `<table>` of records (the rows of {@link toTable}), every header and cell escaped, numbers
 * right-aligned. For notebook display: in a tslab cell, `tslab.display.html(htmlTable(rows))`.
 *
 * Complexity: O(records x columns).
 * @example
 * htmlTable([{ id: '<b>', degree: 2 }]);
 * // '<table class="orgraph"><thead><tr><th>id</th><th>degree</th></tr></thead><tbody><tr><td>&lt;b&gt;</td><td style="text-align:right">2</td></tr></tbody></table>'
 */
export function htmlTable(records: Iterable<object>, options: HtmlTableOptions = {}): string {
  const list = [...records] as Readonly<Record<string, unknown>>[];
  const columns = options.columns ?? columnsOf(list);
  const rows = toTable(list, { ...options, columns });
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  const head = `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map(
      (r) =>
        `<tr>${columns.map((c) => (typeof r[c] === 'number' ? `<td style="text-align:right">${r[c]}</td>` : `<td>${escapeHtml(r[c])}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="orgraph">${caption}${head}<tbody>${body}</tbody></table>`;
}

/**
 * Streaming CSV reader: drives csv-parse record by record into a row sink, with physical line
 * numbers, header checks, delimiter detection and row accounting. Never holds a whole file.
 * Reference: RFC 4180; csv-parse (https://csv.js.org/parse/).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { FileReport, IngestContext, InputKind } from './report.js';

/** Where CSV text comes from: a file path (streamed) or text already in memory. */
export type CsvInput = { readonly path: string } | { readonly text: string };

/** Receives the header once and then every data row that has the header's field count. */
export interface CsvSink {
  /** Header cells, trimmed, and the file's report. Throw (via ctx.fatal) for structural problems. */
  header(columns: readonly string[], f: FileReport): void;
  /** A data row. The sink must either count it kept (`f.rowsKept++`) or drop it (`ctx.drop`). */
  row(fields: readonly string[], line: number): void;
}

const DELIMITER_NAMES: Record<string, string> = { ',': "','", ';': "';'", '\t': 'tab', '|': "'|'" };

/** How a delimiter is spelt on the command line. */
export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? `'${d}'`;
}

/** A read-only lower-cased lookup of header names -> column index. */
export function columnIndex(columns: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  columns.forEach((c, i) => {
    const k = c.toLowerCase();
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

/**
 * Check the header for duplicate / empty names and for required columns (case-insensitive); when a
 * required column is missing and the header splits cleanly on another delimiter, say which one.
 */
export function checkHeader(
  ctx: IngestContext,
  f: FileReport,
  columns: readonly string[],
  required: readonly string[],
  delimiter: string,
): void {
  const index = columnIndex(columns);
  const missing = required.filter((r) => !index.has(r.toLowerCase()));
  if (missing.length > 0) {
    const raw = columns.join(delimiter);
    for (const d of [',', ';', '\t', '|']) {
      if (d === delimiter || !raw.includes(d)) continue;
      const split = columnIndex(raw.split(d).map((s) => s.trim().replace(/^"(.*)"$/, '$1')));
      if (required.every((r) => split.has(r.toLowerCase()))) {
        ctx.fatal(
          'E_DELIMITER',
          `the header looks ${delimiterName(d)}-separated, not ${delimiterName(delimiter)}-separated: use --delimiter ${delimiterName(d)}`,
          { file: f.file, line: 1 },
        );
      }
    }
    const found = columns.length ? columns.map((c) => JSON.stringify(c)).join(', ') : '(none)';
    ctx.fatal('E_MISSING_COLUMN', `missing column "${missing[0]}" (header has ${found})`, { file: f.file, line: 1, field: missing[0] });
  }
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === '') ctx.fatal('E_MISSING_COLUMN', `column ${i + 1} of the header has no name`, { file: f.file, line: 1 });
    const k = c.toLowerCase();
    if (seen.has(k)) ctx.fatal('E_DUPLICATE_COLUMN', `column "${c}" appears twice in the header`, { file: f.file, line: 1, field: c });
    seen.add(k);
  });
}

/** Largest record accepted; a broken quote cannot swallow more than this. */
const MAX_RECORD_BYTES = 4 << 20;

/**
 * Read one CSV input into a sink. Counts rows, blank lines, BOM and line endings in `f`; rows with
 * the wrong field count are `E_FIELD_COUNT`, unreadable records `E_CSV_SYNTAX` (both dropped in
 * lenient mode). A file with no header is `E_EMPTY_FILE` (fatal); a header without rows is
 * `E_EMPTY_FILE` too (strict: error; lenient: a warning).
 */
export async function readCsv(
  ctx: IngestContext,
  input: CsvInput,
  file: string,
  kind: InputKind,
  sink: CsvSink,
): Promise<FileReport> {
  const f = ctx.file(file, kind);
  const delimiter = ctx.options.delimiter;
  let source: Readable;
  if ('path' in input) {
    let isFile = false;
    try {
      isFile = (await stat(input.path)).isFile();
    } catch {
      ctx.fatal('E_FILE_NOT_FOUND', 'no such file', { file });
    }
    if (!isFile) ctx.fatal('E_FILE_NOT_FOUND', 'not a file', { file });
    source = createReadStream(input.path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  } else {
    source = Readable.from([input.text]);
  }

  // Step 1: strip a BOM and note line endings as text passes through.
  let first = true;
  let prevCR = false;
  let crlf = false;
  let lf = false;
  async function* chunks(): AsyncGenerator<string> {
    for await (const raw of source) {
      let chunk = typeof raw === 'string' ? raw : String(raw);
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) {
          chunk = chunk.slice(1);
          f.bom = true;
        }
      }
      if (!crlf || !lf) {
        for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) {
          const cr = i > 0 ? chunk.charCodeAt(i - 1) === 13 : prevCR;
          if (cr) crlf = true;
          else lf = true;
          if (crlf && lf) break;
        }
      }
      if (chunk.length) prevCR = chunk.charCodeAt(chunk.length - 1) === 13;
      yield chunk;
    }
  }

  // Step 2: parse; syntax errors are queued and merged in line order with the records.
  const skips: { line: number; message: string }[] = [];
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return;
      const e = err as CsvError & { lines?: number };
      skips.push({ line: e.lines ?? 0, message: csvMessage(e) });
    },
  });
  const feeder = Readable.from(chunks());
  feeder.on('error', (e) => parser.destroy(e));
  feeder.pipe(parser);

  let width = -1;
  // NOTE: physical lines are counted here (1 + line breaks inside quoted fields; CRLF = one break);
  // csv-parse's own counter (cpPrev) is used only to order queued syntax errors among records.
  let prevEnd = 0;
  let cpPrev = 0;
  const flushSkips = (beforeLine: number): void => {
    while (skips.length > 0 && skips[0].line < beforeLine) {
      const s = skips.shift()!;
      const from = prevEnd + 1;
      const to = Math.max(from, prevEnd + (s.line - cpPrev));
      const span = to > from ? `lines ${from}-${to}` : `line ${from}`;
      if (width < 0) ctx.fatal('E_CSV_SYNTAX', `the header cannot be read: ${s.message}`, { file, line: from });
      f.rowsRead++;
      ctx.drop(f, 'E_CSV_SYNTAX', `${span} cannot be read as CSV: ${s.message}`, from);
      prevEnd = to;
      cpPrev = Math.max(cpPrev, s.line);
    }
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      flushSkips(info.lines);
      const line = prevEnd + 1;
      prevEnd = line + lineBreaks(record);
      cpPrev = info.lines;
      if (record.length === 1 && record[0].trim() === '') {
        f.blankLines++;
        continue;
      }
      if (width < 0) {
        const columns = record.map((c) => c.trim());
        width = columns.length;
        sink.header(columns, f);
        continue;
      }
      f.rowsRead++;
      if (record.length !== width) {
        ctx.drop(f, 'E_FIELD_COUNT', `expected ${width} fields (as in the header), found ${record.length}`, line);
        continue;
      }
      sink.row(record, line);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === 'ENOENT') ctx.fatal('E_FILE_NOT_FOUND', 'no such file', { file });
    throw e;
  }
  flushSkips(Infinity);
  f.lineEndings = crlf && lf ? 'mixed' : crlf ? 'crlf' : lf ? 'lf' : 'none';
  if (width < 0) ctx.fatal('E_EMPTY_FILE', f.bom || f.blankLines ? 'the file has no header (only blank lines)' : 'the file is empty', { file });
  if (f.rowsRead === 0) ctx.problem(f, 'warning', 'E_EMPTY_FILE', 'the file has a header but no data rows', 1);
  return f;
}

/** Line breaks inside a record's fields (CRLF, LF or CR each count once). */
function lineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13 && field.charCodeAt(i + 1) !== 10) n++;
    }
  }
  return n;
}

function csvMessage(e: CsvError): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text follows a closing quote (a quote inside a quoted field must be doubled: "")';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field (quote the whole field and double the quote: "")';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is over ${MAX_RECORD_BYTES} characters (a broken quote?)`;
    default:
      return e.message.replace(/\s+/g, ' ').trim();
  }
}

/**
 * Streaming CSV reader: drives csv-parse record by record into a row sink, with physical line
 * numbers, header checks, delimiter detection and row accounting. Never holds a whole file.
 * Reference: RFC 4180; csv-parse (https://csv.js.org/parse/).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { CsvTokenizer, lineBreaks, type RecordDelimiter } from './csv-tokenizer.js';
import type { FileReport, IngestContext, InputKind } from './report.js';

/**
 * Where CSV text comes from: a file path (streamed), text already in memory, or text in chunks
 * (streams of text; also lets tests split an input at any place).
 */
export type CsvInput =
  | { readonly path: string }
  | { readonly text: string }
  | { readonly chunks: AsyncIterable<string> | Iterable<string> };

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

/** Characters read from a file per chunk. */
const CHUNK_BYTES = 1 << 20;

/**
 * @internal Which parser reads the input: 'auto' (the fast tokenizer, then csv-parse from the first
 * record it cannot read) or 'csv-parse' from the start. Both give the same rows, lines and report.
 */
export type CsvEngine = 'auto' | 'csv-parse';

/**
 * Read one CSV input into a sink. Counts rows, blank lines, BOM and line endings in `f`; rows with
 * the wrong field count are `E_FIELD_COUNT`, unreadable records `E_CSV_SYNTAX` (both dropped in
 * lenient mode). A file with no header is `E_EMPTY_FILE` (fatal); a header without rows is
 * `E_EMPTY_FILE` too (strict: error; lenient: a warning).
 * Well-formed text goes through {@link CsvTokenizer}; from the first record it cannot read, the
 * rest of the input goes through csv-parse, which names the syntax error.
 */
export async function readCsv(
  ctx: IngestContext,
  input: CsvInput,
  file: string,
  kind: InputKind,
  sink: CsvSink,
  engine: CsvEngine = 'auto',
): Promise<FileReport> {
  const f = ctx.file(file, kind);
  const delimiter = ctx.options.delimiter;
  let source: AsyncIterable<unknown> | Iterable<unknown>;
  if ('path' in input) {
    let isFile = false;
    try {
      isFile = (await stat(input.path)).isFile();
    } catch {
      ctx.fatal('E_FILE_NOT_FOUND', 'no such file', { file });
    }
    if (!isFile) ctx.fatal('E_FILE_NOT_FOUND', 'not a file', { file });
    source = createReadStream(input.path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  } else if ('text' in input) {
    source = [input.text];
  } else {
    source = input.chunks;
  }

  // Step 1: strip a BOM and note line endings as text passes through.
  let first = true;
  let prevCR = false;
  let crlf = false;
  let lf = false;
  const prepare = (raw: unknown): string => {
    let chunk = typeof raw === 'string' ? raw : String(raw);
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
        f.bom = true;
      }
    }
    if (!crlf || !lf) {
      if (!lf && chunk.indexOf('\r') < 0) {
        // NOTE: without CR, every LF is a bare LF except one at the start after a chunk ending in CR.
        const at = chunk.indexOf('\n');
        if (at === 0 && prevCR) {
          crlf = true;
          if (chunk.indexOf('\n', 1) >= 0) lf = true;
        } else if (at >= 0) lf = true;
      } else {
        for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) {
          const cr = i > 0 ? chunk.charCodeAt(i - 1) === 13 : prevCR;
          if (cr) crlf = true;
          else lf = true;
          if (crlf && lf) break;
        }
      }
    }
    if (chunk.length) prevCR = chunk.charCodeAt(chunk.length - 1) === 13;
    return chunk;
  };

  // Step 2: one handler for records from either parser. Physical lines: a record starts on the
  // line after the previous record's last line and spans 1 + the line breaks inside its fields.
  const at: ReadPosition = { width: -1, prevEnd: 0 };
  const onRecord = (record: string[], breaks: number): void => {
    const line = at.prevEnd + 1;
    at.prevEnd = line + breaks;
    if (record.length === 1 && record[0].trim() === '') {
      f.blankLines++;
      return;
    }
    if (at.width < 0) {
      const columns = record.map((c) => c.trim());
      at.width = columns.length;
      sink.header(columns, f);
      return;
    }
    f.rowsRead++;
    if (record.length !== at.width) {
      ctx.drop(f, 'E_FIELD_COUNT', `expected ${at.width} fields (as in the header), found ${record.length}`, line);
      return;
    }
    sink.row(record, line);
  };

  // Step 3: the fast tokenizer, until the input ends or a record needs csv-parse.
  const it: AsyncIterator<unknown> | Iterator<unknown> =
    Symbol.asyncIterator in source ? (source as AsyncIterable<unknown>)[Symbol.asyncIterator]() : (source as Iterable<unknown>)[Symbol.iterator]();
  let finished = false;
  try {
    let rest: string | null = null;
    let recordDelimiter: RecordDelimiter | null = null;
    if (engine === 'csv-parse') {
      rest = '';
    } else {
      const tokenizer = new CsvTokenizer(delimiter, onRecord);
      for (;;) {
        const next = await it.next();
        if (next.done) {
          finished = true;
          if (!tokenizer.end()) rest = tokenizer.rest;
          break;
        }
        if (!tokenizer.push(prepare(next.value))) {
          rest = tokenizer.rest;
          break;
        }
      }
      recordDelimiter = tokenizer.recordDelimiter;
    }
    // Step 4: csv-parse reads the rest (what the tokenizer left, then the chunks not yet read).
    if (rest !== null) {
      const remaining = async function* (): AsyncGenerator<string> {
        if (rest !== '') yield rest!;
        while (!finished) {
          const next = await it.next();
          if (next.done) finished = true;
          else yield prepare(next.value);
        }
      };
      await parseRest(ctx, f, remaining(), recordDelimiter, onRecord, at);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === 'ENOENT') ctx.fatal('E_FILE_NOT_FOUND', 'no such file', { file });
    throw e;
  } finally {
    // NOTE: releases the file when a strict-mode error stops reading early.
    if (!finished) await it.return?.();
  }
  f.lineEndings = crlf && lf ? 'mixed' : crlf ? 'crlf' : lf ? 'lf' : 'none';
  if (at.width < 0) ctx.fatal('E_EMPTY_FILE', f.bom || f.blankLines ? 'the file has no header (only blank lines)' : 'the file is empty', { file });
  if (f.rowsRead === 0) ctx.problem(f, 'warning', 'E_EMPTY_FILE', 'the file has a header but no data rows', 1);
  return f;
}

/** Where reading stands: the header's width (-1 before the header) and the last line read. */
interface ReadPosition {
  width: number;
  prevEnd: number;
}

/**
 * csv-parse over the rest of an input, starting at a record boundary. Syntax errors are queued by
 * csv-parse and merged in line order with the records; each is one dropped row (`E_CSV_SYNTAX`).
 */
async function parseRest(
  ctx: IngestContext,
  f: FileReport,
  chunks: AsyncIterable<string>,
  recordDelimiter: RecordDelimiter | null,
  onRecord: (record: string[], breaks: number) => void,
  at: ReadPosition,
): Promise<void> {
  const file = f.file;
  const skips: { line: number; message: string }[] = [];
  const parser = parse({
    delimiter: ctx.options.delimiter,
    ...(recordDelimiter !== null ? { record_delimiter: recordDelimiter } : {}),
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
  const feeder = Readable.from(chunks);
  feeder.on('error', (e) => parser.destroy(e));
  feeder.pipe(parser);
  // NOTE: physical lines are counted by the caller (1 + line breaks inside quoted fields; CRLF =
  // one break); csv-parse's own counter (cpPrev, from 1 where this part starts) only orders
  // queued syntax errors among records.
  let cpPrev = 0;
  const flushSkips = (beforeLine: number): void => {
    while (skips.length > 0 && skips[0].line < beforeLine) {
      const s = skips.shift()!;
      const from = at.prevEnd + 1;
      const to = Math.max(from, at.prevEnd + (s.line - cpPrev));
      const span = to > from ? `lines ${from}-${to}` : `line ${from}`;
      if (at.width < 0) ctx.fatal('E_CSV_SYNTAX', `the header cannot be read: ${s.message}`, { file, line: from });
      f.rowsRead++;
      ctx.drop(f, 'E_CSV_SYNTAX', `${span} cannot be read as CSV: ${s.message}`, from);
      at.prevEnd = to;
      cpPrev = Math.max(cpPrev, s.line);
    }
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      flushSkips(info.lines);
      onRecord(record, lineBreaks(record));
      cpPrev = info.lines;
    }
  } finally {
    feeder.destroy();
  }
  flushSkips(Infinity);
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

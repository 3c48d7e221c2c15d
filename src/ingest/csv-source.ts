/**
 * Streaming CSV reader: drives the CSV tokenizer record by record into a row sink, with physical
 * line numbers, header checks, delimiter detection, strict UTF-8 and row accounting. Never holds a
 * whole file. Every record is accounted for: kept by the sink, or dropped with a reason.
 * Reference: RFC 4180; docs/ingest.md ("Every row accounted for").
 */
import { createReadStream } from 'node:fs';
import { CsvTokenizer, MAX_RECORD_CHARS, syntaxMessage, type CsvSyntaxProblem } from './csv-tokenizer.js';
import { checkInputFile } from './files.js';
import { resolveIngestOptions, type IngestOptions } from './options.js';
import { IngestContext, type FileReport, type InputKind } from './report.js';
import { hasInvalidMark, Utf8Decoder } from './utf8.js';

/**
 * Where CSV text comes from: a file path (streamed), text already in memory, or chunks of text or
 * of UTF-8 bytes (streams; also lets tests split an input at any place). The same bytes give the
 * same rows, lines and report whatever the entry point.
 */
export type CsvInput =
  | { readonly path: string }
  | { readonly text: string }
  | { readonly chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> };

/** A CSV reader's input as its two entry points take it: a file path, or text in memory with the name its report and messages use. */
export type CsvEntry = { readonly path: string } | { readonly text: string; readonly name: string };

/**
 * The body shared by the two entry points of every one-file CSV reader (`loadX(path)` and
 * `parseX(text)`: events, identities, Viva P2P, G2G and person query): a fresh ingest context for
 * `options`, and the input, named by its path or, for text, by `entry.name`. `read` does the rest.
 */
export function readCsvEntry<O extends IngestOptions, R>(
  entry: CsvEntry,
  options: O,
  read: (ctx: IngestContext, input: CsvInput, file: string, options: O) => Promise<R>,
): Promise<R> {
  return read(new IngestContext(resolveIngestOptions(options)), entry, 'path' in entry ? entry.path : entry.name, options);
}

/** Receives the header once and then every data row that has the header's field count. */
export interface CsvSink {
  /** Header cells, trimmed, and the file's report. Throw (via ctx.fatal) for structural problems. */
  header(columns: readonly string[], f: FileReport): void;
  /** A data row. The sink must either count it kept (`f.rowsKept++`) or drop it (`ctx.drop`). */
  row(fields: readonly string[], line: number): void;
  /**
   * Optional fast path for a plain data row read from bytes: ASCII only, no quote, no CR, exactly
   * the header's field count, ending in LF. Field k is `bytes[starts[k] .. starts[k + 1] - 1)` (the
   * byte at `starts[k + 1] - 1` is the delimiter or the LF). Return true when the row is accounted
   * for (kept or dropped); false to receive the same row through {@link CsvSink.row} as strings
   * (do so for anything but the common case, so that every check and message stays in one place).
   */
  plainRow?(bytes: Buffer, starts: Int32Array, line: number): boolean;
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

/** Bytes read from a file per chunk. */
const CHUNK_BYTES = 1 << 20;

/** A line start longer than this without its LF in the chunk goes to the tokenizer rather than waiting. */
const TAIL_BYTES = 1 << 16;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** A Buffer over the same memory. */
function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

const ENCODING_MESSAGE = 'invalid UTF-8 bytes (save the file as UTF-8)';

/**
 * Read one CSV input into a sink. Counts rows, blank lines, BOM and line endings in `f`. Each
 * record is a row read, then kept by the sink or dropped: rows with the wrong field count are
 * `E_FIELD_COUNT`, unreadable records `E_CSV_SYNTAX` (one physical line each; reading resumes on
 * the next line), records holding invalid UTF-8 `E_ENCODING`; all three throw in strict mode. A
 * file with no header is `E_EMPTY_FILE` (fatal); a header without rows is `E_EMPTY_FILE` too
 * (strict: error; lenient: a warning). An unreadable header is fatal in both modes.
 */
export async function readCsv(ctx: IngestContext, input: CsvInput, file: string, kind: InputKind, sink: CsvSink): Promise<FileReport> {
  const f = ctx.file(file, kind);
  const delimiter = ctx.options.delimiter;
  let source: AsyncIterable<unknown> | Iterable<unknown>;
  if ('path' in input) {
    const s = await checkInputFile(ctx, input.path, file);
    // NOTE: a small file is read in one small buffer (a 1 MiB buffer per small file is wasted work).
    const chunk = s.isFile() ? Math.min(CHUNK_BYTES, Math.max(16 << 10, s.size + 1)) : CHUNK_BYTES;
    source = createReadStream(input.path, { highWaterMark: chunk });
  } else if ('text' in input) {
    source = [input.text];
  } else {
    source = input.chunks;
  }

  // Step 1: decode bytes (strict UTF-8), strip a BOM and note line endings as text passes through.
  const decoder = new Utf8Decoder();
  let invalid = false;
  let first = true;
  let prevCR = false;
  let crlf = false;
  let lf = false;
  const prepare = (raw: unknown, last: boolean): string => {
    let chunk: string;
    if (typeof raw === 'string') {
      chunk = raw;
      if (!invalid && hasInvalidMark(chunk)) invalid = true;
    } else if (raw instanceof Uint8Array) {
      chunk = decoder.push(raw);
    } else chunk = String(raw);
    if (last) chunk += decoder.end();
    if (decoder.invalid) invalid = true;
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

  // Step 2: one handler per record. Physical lines: a record starts on the line after the previous
  // record's last line and spans 1 + the line breaks inside its fields; a bad record is one line.
  let width = -1;
  let prevEnd = 0;
  const onRecord = (record: string[], breaks: number): boolean => {
    const line = prevEnd + 1;
    prevEnd = line + breaks;
    if (invalid && record.some(hasInvalidMark)) {
      if (width < 0) ctx.fatal('E_ENCODING', `the header holds ${ENCODING_MESSAGE}`, { file, line });
      f.rowsRead++;
      ctx.drop(f, 'E_ENCODING', ENCODING_MESSAGE, line);
      return true;
    }
    if (record.length === 1 && record[0].trim() === '') {
      f.blankLines++;
      return true;
    }
    if (width < 0) {
      const columns = record.map((c) => c.trim());
      width = columns.length;
      sink.header(columns, f);
      return true;
    }
    f.rowsRead++;
    if (record.length !== width) {
      const span = breaks > 0 ? ` (a record over lines ${line}-${line + breaks}; a stray quote?)` : '';
      ctx.drop(f, 'E_FIELD_COUNT', `expected ${width} fields (as in the header), found ${record.length}${span}`, line);
      // A rejected multi-line record is damage on its first line: resume on the next.
      if (breaks > 0) prevEnd = line;
      return false;
    }
    sink.row(record, line);
    return true;
  };
  const onBad = (problem: CsvSyntaxProblem): void => {
    const line = prevEnd + 1;
    prevEnd = line;
    if (width < 0) ctx.fatal('E_CSV_SYNTAX', `the header cannot be read: ${syntaxMessage(problem)}`, { file, line });
    f.rowsRead++;
    ctx.drop(f, 'E_CSV_SYNTAX', `cannot be read as CSV: ${syntaxMessage(problem)}`, line);
  };

  // Step 3: byte chunks are cut into lines. A plain line (see CsvSink.plainRow) after the header
  // is a row read straight from the bytes; any other line, and every line while the tokenizer is
  // inside a record (a quoted field over several lines), goes through the decoder and tokenizer
  // above, so both paths give the same rows, lines and report.
  const tokenizer = new CsvTokenizer(delimiter, onRecord, onBad);
  const D = delimiter.charCodeAt(0);
  const plainRow = sink.plainRow?.bind(sink);
  let starts = new Int32Array(16);
  let tail: Uint8Array | null = null;
  let slow = false;
  const feed = (bytes: Uint8Array): void => {
    tokenizer.push(prepare(bytes, false));
  };
  const fieldsOf = (b: Buffer, n: number): string[] => {
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = b.toString('latin1', starts[k], starts[k + 1] - 1);
    return out;
  };
  const pushBytes = (chunk: Uint8Array): void => {
    let b = asBuffer(chunk);
    if (tail !== null) {
      b = Buffer.concat([tail, b]);
      tail = null;
    }
    const len = b.length;
    let pos = 0;
    while (pos < len) {
      const j = b.indexOf(LF, pos);
      if (j < 0) {
        if (slow || len - pos > TAIL_BYTES) {
          feed(b.subarray(pos));
          slow = true;
        } else tail = b.slice(pos);
        return;
      }
      if (!slow && width >= 2 && j + 1 - pos <= MAX_RECORD_CHARS) {
        if (starts.length <= width) starts = new Int32Array(2 * width + 2);
        let k = 0;
        let plain = true;
        starts[0] = pos;
        for (let i = pos; i < j; i++) {
          const c = b[i];
          if (c === D) {
            if (++k >= width) break;
            starts[k] = i + 1;
          } else if (c >= 0x80 || c === QUOTE || c === CR) {
            plain = false;
            break;
          }
        }
        if (plain && k === width - 1) {
          starts[width] = j + 1;
          const line = prevEnd + 1;
          prevEnd = line;
          lf = true;
          f.rowsRead++;
          if (!plainRow!(b, starts, line)) sink.row(fieldsOf(b, width), line);
          pos = j + 1;
          continue;
        }
      }
      feed(b.subarray(pos, j + 1));
      slow = !tokenizer.idle;
      pos = j + 1;
    }
  };

  // Step 4: the chunks.
  const it: AsyncIterator<unknown> | Iterator<unknown> =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      : (source as Iterable<unknown>)[Symbol.iterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) {
        finished = true;
        if (tail !== null) feed(tail);
        tail = null;
        const last = prepare('', true);
        if (last) tokenizer.push(last);
        tokenizer.end();
        break;
      }
      if ('path' in input && next.value instanceof Uint8Array) ctx.options.onBytes?.(next.value.length);
      if (plainRow && next.value instanceof Uint8Array) {
        pushBytes(next.value);
        continue;
      }
      if (tail !== null) feed(tail);
      tail = null;
      tokenizer.push(prepare(next.value, false));
      slow = !tokenizer.idle;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && typeof err.syscall === 'string') {
      ctx.fatal(err.code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_UNREADABLE', `cannot be read (${err.code})`, { file });
    }
    throw e;
  } finally {
    // NOTE: releases the file when a strict-mode error stops reading early.
    if (!finished) await it.return?.();
  }
  f.lineEndings = crlf && lf ? 'mixed' : crlf ? 'crlf' : lf ? 'lf' : 'none';
  if (width < 0)
    ctx.fatal('E_EMPTY_FILE', f.bom || f.blankLines ? 'the file has no header (only blank lines)' : 'the file is empty', { file });
  if (f.rowsRead === 0) ctx.problem(f, 'warning', 'E_EMPTY_FILE', 'the file has a header but no data rows', 1);
  return f;
}

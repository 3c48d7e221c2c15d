/**
 * Fast CSV tokenizer
 * A streaming state machine from text chunks to records for well-formed CSV, field-for-field the
 * same as csv-parse with orgraph's options; it stops at the first record csv-parse would report
 * as an error (or one too large), so that the caller can hand the rest of the input to csv-parse.
 * Reference: RFC 4180 §2; csv-parse 6 (https://csv.js.org/parse/) for record-delimiter discovery.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The record delimiter, discovered as csv-parse does: the first CRLF, LF or CR outside quotes. */
export type RecordDelimiter = '\n' | '\r\n' | '\r';

const RD_UNKNOWN = 0;
const RD_LF = 1;
const RD_CRLF = 2;
const RD_CR = 3;
const RD_TEXT: readonly (RecordDelimiter | null)[] = [null, '\n', '\r\n', '\r'];

/**
 * Largest record (in UTF-16 code units, delimiters included) the tokenizer accepts; larger ones go
 * to csv-parse, which enforces its own byte limit. 1 Mi code units stay under csv-parse's 4 MiB
 * limit whatever the encoding (at most 3 UTF-8 bytes per code unit).
 */
export const FAST_MAX_RECORD_CHARS = 1 << 20;

/** Receives each record: its fields and the line breaks inside its fields. */
export type RecordHandler = (fields: string[], breaks: number) => void;

/**
 * Line breaks inside a record's fields (CRLF, LF or CR each count once): the number of physical
 * lines a record spans beyond its first.
 */
export function lineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === LF) n++;
      else if (c === CR && field.charCodeAt(i + 1) !== LF) n++;
    }
  }
  return n;
}

/**
 * A copy of `s` that shares no memory with a larger string. Fields are slices of a whole input
 * chunk; V8 keeps the chunk alive as long as a slice of 13 or more characters lives, so any field
 * that is kept (an id, an attribute value) must pass through here.
 */
export function ownString(s: string): string {
  // NOTE: V8 copies slices shorter than 13 characters; for longer ones, concatenation then slicing
  // flattens into a new string of exactly s.length + 1 characters.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Streaming tokenizer. `push` chunks, then `end`. Each complete record goes to the handler
 * synchronously. When a record cannot be read by the fast rules (a quote inside an unquoted field,
 * text after a closing quote, a quote never closed, a record over {@link FAST_MAX_RECORD_CHARS}),
 * `push`/`end` return false and `rest` holds the input from the start of that record on; nothing
 * of that record has reached the handler. Semantics (csv-parse with quote = escape = '"'):
 * - the record delimiter is the first CRLF, LF or CR found outside quotes; other line-break
 *   characters are ordinary field characters;
 * - a field starting with '"' is quoted: '""' inside it is one '"', and the closing quote must be
 *   followed by the delimiter, the record delimiter or the end of input;
 * - a line with nothing on it is a record of one empty field; the input's last record needs no
 *   record delimiter, and a final record delimiter does not start an empty record.
 * Complexity: O(characters); every character is read once, except the text of a record that
 * straddles a chunk boundary, which is read again with the next chunk.
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private carry = '';
  private rd = RD_UNKNOWN;
  private stopped = false;
  private restText = '';

  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly maxRecordChars = FAST_MAX_RECORD_CHARS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`CsvTokenizer: bad delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feed the next chunk. Returns false when the tokenizer has given up (see {@link rest}). */
  push(chunk: string): boolean {
    if (this.stopped) throw new Error('CsvTokenizer: push after giving up');
    const text = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = '';
    return this.run(text, false);
  }

  /** End of input. Returns false when the tokenizer has given up (see {@link rest}). */
  end(): boolean {
    if (this.stopped) throw new Error('CsvTokenizer: end after giving up');
    const text = this.carry;
    this.carry = '';
    return this.run(text, true);
  }

  /** After giving up: the unread input, from the start of the record that could not be read. */
  get rest(): string {
    return this.restText;
  }

  /** The record delimiter found so far, or null before the first line break. */
  get recordDelimiter(): RecordDelimiter | null {
    return RD_TEXT[this.rd];
  }

  private giveUp(s: string, from: number): false {
    this.stopped = true;
    this.restText = s.slice(from);
    return false;
  }

  private run(s: string, final: boolean): boolean {
    const len = s.length;
    const D = this.delimiter;
    const max = this.maxRecordChars;
    let pos = 0;
    // Step 1: one record per iteration, starting at `pos`.
    record: while (pos < len) {
      const fields: string[] = [];
      let fieldStart = pos;
      let i = pos;
      let breaks = false;
      // A closed quoted field, waiting for the delimiter or record delimiter that must follow.
      let quoted: string | null = null;
      for (;;) {
        if (i >= len) {
          if (!final) break record;
          if (i - pos > max) return this.giveUp(s, pos);
          fields.push(quoted ?? s.slice(fieldStart, i));
          this.onRecord(fields, breaks ? lineBreaks(fields) : 0);
          pos = len;
          break record;
        }
        const c = s.charCodeAt(i);
        if (c === D) {
          fields.push(quoted ?? s.slice(fieldStart, i));
          quoted = null;
          fieldStart = ++i;
          continue;
        }
        if (c === LF || c === CR) {
          // Step 2: a record delimiter, or an ordinary character (e.g. a CR before LF records).
          let rdLength = 0;
          if (c === LF) {
            if (this.rd === RD_UNKNOWN) this.rd = RD_LF;
            if (this.rd === RD_LF) rdLength = 1;
          } else {
            if (i + 1 >= len && !final) break record;
            const next = i + 1 < len ? s.charCodeAt(i + 1) : -1;
            if (this.rd === RD_UNKNOWN) this.rd = next === LF ? RD_CRLF : RD_CR;
            if (this.rd === RD_CR) rdLength = 1;
            else if (this.rd === RD_CRLF && next === LF) rdLength = 2;
          }
          if (rdLength === 0) {
            breaks = true;
            i++;
            continue;
          }
          const end = i + rdLength;
          if (end - pos > max) return this.giveUp(s, pos);
          fields.push(quoted ?? s.slice(fieldStart, i));
          this.onRecord(fields, breaks ? lineBreaks(fields) : 0);
          pos = end;
          continue record;
        }
        if (c === QUOTE) {
          // NOTE: a closed quoted field is always followed by a delimiter, record delimiter or the
          // end (checked below), so `quoted` is null here.
          if (i !== fieldStart) return this.giveUp(s, pos);
          // Step 3: a quoted field; '""' is an escaped quote.
          let from = i + 1;
          let escaped = false;
          for (;;) {
            const k = s.indexOf('"', from);
            if (k < 0) {
              if (final) return this.giveUp(s, pos);
              if (len - pos > max) return this.giveUp(s, pos);
              break record;
            }
            if (k + 2 >= len && !final) {
              if (len - pos > max) return this.giveUp(s, pos);
              break record;
            }
            const n1 = k + 1 < len ? s.charCodeAt(k + 1) : -1;
            if (n1 === QUOTE) {
              escaped = true;
              from = k + 2;
              continue;
            }
            let closes = n1 === -1 || n1 === D;
            if (!closes) {
              if (this.rd === RD_UNKNOWN) closes = n1 === LF || n1 === CR;
              else if (this.rd === RD_LF) closes = n1 === LF;
              else if (this.rd === RD_CR) closes = n1 === CR;
              else closes = n1 === CR && k + 2 < len && s.charCodeAt(k + 2) === LF;
            }
            if (!closes) return this.giveUp(s, pos);
            let value = s.slice(i + 1, k);
            if (escaped) value = value.replaceAll('""', '"');
            if (!breaks && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) breaks = true;
            quoted = value;
            i = k + 1;
            break;
          }
          continue;
        }
        i++;
      }
    }
    // Step 4: keep the incomplete record for the next chunk.
    if (pos < len) {
      if (len - pos > max) return this.giveUp(s, pos);
      this.carry = s.slice(pos);
    }
    return true;
  }
}

/**
 * CSV tokenizer
 * A streaming state machine from text chunks to records, and orgraph's only CSV reader. Well-formed
 * CSV gives field for field what csv-parse gives (quote = escape = '"'); a record that cannot be read
 * is reported and reading resumes at the next physical line, so no later row is lost.
 * Reference: RFC 4180 §2.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Largest record (in UTF-16 code units, line breaks included) the tokenizer accepts: 4 Mi. A
 * longer one (a line over 4 MiB, or a quote left open over that much text) is a syntax error.
 */
export const MAX_RECORD_CHARS = 4 << 20;

/** Why a record could not be read. */
export type CsvSyntaxProblem = 'quote-not-closed' | 'text-after-quote' | 'quote-in-field' | 'too-long';

/** The message for each syntax problem (`max`: the record size limit in characters). */
export function syntaxMessage(problem: CsvSyntaxProblem, max = MAX_RECORD_CHARS): string {
  switch (problem) {
    case 'quote-not-closed':
      return 'a quoted field is never closed';
    case 'text-after-quote':
      return 'text follows a closing quote (a quote inside a quoted field must be doubled: "")';
    case 'quote-in-field':
      return 'a quote inside an unquoted field (quote the whole field and double the quote: "")';
    case 'too-long':
      return `a record is over ${max} characters (a broken quote?)`;
  }
}

/**
 * Receives each record: its fields and the line breaks inside its fields. Returning false rejects
 * a record that spans several lines (the handler has accounted for it as one dropped row): the
 * tokenizer then resumes on the record's second physical line, as after a syntax error.
 */
export type RecordHandler = (fields: string[], breaks: number) => boolean | void;

/** Receives each unreadable record: exactly one physical line has been dropped. */
export type BadLineHandler = (problem: CsvSyntaxProblem) => void;

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

/** Index of the first CR or LF at or after `from`, or -1. */
function nextBreak(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}

/**
 * Streaming tokenizer. `push` chunks, then `end`. Each complete record goes to the handler
 * synchronously, in input order. Rules:
 * - a physical line ends at CRLF, LF or CR, whichever each line uses (mixed endings in any order
 *   are read line by line); outside quotes a line end ends the record;
 * - a field starting with '"' is quoted: '""' inside it is one '"', line breaks inside it belong to
 *   the field, and the closing quote must be followed by the delimiter, a line end or the end of input;
 * - a line with nothing on it is a record of one empty field; the last record needs no line end;
 * - recovery: a record that cannot be read (text after a closing quote, a quote inside an unquoted
 *   field, a quote never closed, a record over `maxRecordChars`) is reported to `onBad` as one bad
 *   physical line, its first, and reading resumes at the start of the next physical line. The same
 *   happens when `onRecord` rejects a record that spans several lines.
 * The result does not depend on where the input is cut into chunks.
 * Complexity: O(characters) for well-formed input; after a syntax error the rest of that record's
 * text is read again from its second line.
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private carry = '';
  /** Inside a bad physical line that is being skipped up to its line end. */
  private skipping: CsvSyntaxProblem | null = null;
  private ended = false;

  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly onBad: BadLineHandler,
    private readonly maxRecordChars = MAX_RECORD_CHARS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`CsvTokenizer: bad delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** At a record boundary: no partial record or skipped line is waiting for more text. */
  get idle(): boolean {
    return this.carry.length === 0 && this.skipping === null;
  }

  /** Feed the next chunk. */
  push(chunk: string): void {
    if (this.ended) throw new Error('CsvTokenizer: push after end');
    const text = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = '';
    this.run(text, false);
  }

  /** End of input: the last record, if any, is read. */
  end(): void {
    if (this.ended) throw new Error('CsvTokenizer: end called twice');
    this.ended = true;
    const text = this.carry;
    this.carry = '';
    this.run(text, true);
  }

  /**
   * A bad record starts at `pos` (the problem found at `at`): drop its first physical line. Returns where reading resumes, or
   * -1 when the line end is not in `s` yet (then `skipping` is set and `carry` holds what must be
   * seen again).
   */
  private fail(s: string, pos: number, final: boolean, problem: CsvSyntaxProblem, at: number): number {
    // NOTE: an error found past the size limit is reported as the size, as a chunked read (which
    // stops holding the record at the limit) would report it.
    if (at - pos > this.maxRecordChars) problem = 'too-long';
    const j = nextBreak(s, pos);
    return this.lineEnd(s, j, final, problem);
  }

  /** Resume after the line end at `j` (or wait for it), reporting `problem` once it is found. */
  private lineEnd(s: string, j: number, final: boolean, problem: CsvSyntaxProblem | null): number {
    const len = s.length;
    if (j < 0) {
      if (final) {
        if (problem) this.onBad(problem);
        return len;
      }
      this.skipping = problem;
      return -1;
    }
    if (s.charCodeAt(j) === CR && j + 1 >= len && !final) {
      // NOTE: a CR at the end of the chunk may be the first half of a CRLF: see the next chunk.
      this.skipping = problem;
      this.carry = '\r';
      return -1;
    }
    if (problem) this.onBad(problem);
    this.skipping = null;
    return j + (s.charCodeAt(j) === CR && s.charCodeAt(j + 1) === LF ? 2 : 1);
  }

  private run(s: string, final: boolean): void {
    const len = s.length;
    const D = this.delimiter;
    const max = this.maxRecordChars;
    let pos = 0;
    if (this.skipping !== null) {
      // Step 0: finish skipping a bad line.
      const problem = this.skipping;
      this.skipping = null;
      pos = this.lineEnd(s, nextBreak(s, 0), final, problem);
      if (pos < 0) return;
    }
    // Step 1: one record per iteration, starting at `pos`.
    record: while (pos < len) {
      const fields: string[] = [];
      let fieldStart = pos;
      let i = pos;
      let breaks = false;
      // A closed quoted field, waiting for the delimiter or line end that must follow.
      let quoted: string | null = null;
      for (;;) {
        if (i >= len) {
          if (!final) break record;
          if (i - pos > max) {
            pos = this.fail(s, pos, final, 'too-long', i);
            continue record;
          }
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
          // Step 2: a line end (CR waits for the next character: CRLF is one line end).
          if (c === CR && i + 1 >= len && !final) break record;
          const end = i + (c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1);
          if (end - pos > max) {
            pos = this.fail(s, pos, final, 'too-long', end);
            if (pos < 0) break record;
            continue record;
          }
          fields.push(quoted ?? s.slice(fieldStart, i));
          const n = breaks ? lineBreaks(fields) : 0;
          if (this.onRecord(fields, n) === false && n > 0) {
            // Rejected multi-line record: resume on its second line.
            pos = this.lineEnd(s, nextBreak(s, pos), final, null);
          } else pos = end;
          continue record;
        }
        if (c === QUOTE) {
          // NOTE: a closed quoted field is always followed by a delimiter, line end or the end
          // (checked below), so `quoted` is null here.
          if (i !== fieldStart) {
            pos = this.fail(s, pos, final, 'quote-in-field', i);
            if (pos < 0) break record;
            continue record;
          }
          // Step 3: a quoted field; '""' is an escaped quote.
          let from = i + 1;
          let escaped = false;
          for (;;) {
            const k = s.indexOf('"', from);
            if (k < 0 || (k + 1 >= len && !final)) {
              if (final) {
                pos = this.fail(s, pos, final, 'quote-not-closed', len);
                continue record;
              }
              if (len - pos > max) {
                pos = this.fail(s, pos, final, 'too-long', len);
                if (pos < 0) break record;
                continue record;
              }
              break record;
            }
            const n1 = k + 1 < len ? s.charCodeAt(k + 1) : -1;
            if (n1 === QUOTE) {
              escaped = true;
              from = k + 2;
              continue;
            }
            if (n1 !== -1 && n1 !== D && n1 !== LF && n1 !== CR) {
              pos = this.fail(s, pos, final, 'text-after-quote', k + 1);
              if (pos < 0) break record;
              continue record;
            }
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
    // Step 4: keep the incomplete record (or the tail of a skipped line) for the next chunk.
    if (this.skipping !== null) return;
    if (pos < len) {
      if (len - pos > max) {
        // NOTE: only reached when the record has no line end in `s` (else the loop failed it).
        const p = this.fail(s, pos, final, 'too-long', len);
        if (p >= 0 && p < len) this.run(s.slice(p), final);
        return;
      }
      this.carry = s.slice(pos);
    }
  }
}

/**
 * The CSV tokenizer against csv-parse (the independent oracle) on well-formed CSV, and against
 * hand derivations on damaged CSV: hand-derived records for the degenerate, tricky and damaged
 * inputs, then fast-check properties — well-formed CSV split into chunks at every position gives
 * exactly the records csv-parse gives; any text gives the same records and bad lines at any
 * chunking; text without quotes gives one record per physical line whatever the line endings; and
 * every physical line is in exactly one record or bad line.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, lineBreaks, ownString, type CsvSyntaxProblem } from '../../src/ingest/csv-tokenizer.js';
import { cut } from './chunks.js';

/** What the tokenizer reported, in order: records (with their line breaks) and bad lines. */
interface Tokenized {
  records: string[][];
  breaks: number[];
  /** Records and bad lines in input order: a record as its fields, a bad line as its problem. */
  events: (string[] | CsvSyntaxProblem)[];
  bad: CsvSyntaxProblem[];
}

function tokenize(chunks: readonly string[], delimiter = ',', maxRecordChars?: number, reject?: (fields: string[]) => boolean): Tokenized {
  const out: Tokenized = { records: [], breaks: [], events: [], bad: [] };
  const t = new CsvTokenizer(
    delimiter,
    (fields, b) => {
      out.records.push(fields.slice());
      out.breaks.push(b);
      out.events.push(fields.slice());
      return reject ? !reject(fields) : true;
    },
    (problem) => {
      out.bad.push(problem);
      out.events.push(problem);
    },
    maxRecordChars,
  );
  for (const c of chunks) t.push(c);
  t.end();
  return out;
}

function oracle(text: string, delimiter = ',', recordDelimiter?: string): string[][] {
  return parse(text, {
    delimiter,
    ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
}

/** Physical lines of a text: line ends are CRLF, LF or CR; a last line needs none. */
function physicalLines(text: string): number {
  if (text === '') return 0;
  const ends = text.match(/\r\n|\n|\r/g)?.length ?? 0;
  return ends + (/[\r\n]$/.test(text) ? 0 : 1);
}

describe('CsvTokenizer: degenerate inputs', () => {
  it('empty input: no record; a lone line break: one record of one empty field', () => {
    expect(tokenize([]).records).toEqual([]);
    expect(tokenize(['']).records).toEqual([]);
    expect(tokenize(['\n']).records).toEqual([['']]);
    expect(tokenize(['\r\n']).records).toEqual([['']]);
    expect(tokenize(['\n\n']).records).toEqual([[''], ['']]);
  });

  it('a final record needs no line break, and a final line break starts no record', () => {
    expect(tokenize(['a,b']).records).toEqual([['a', 'b']]);
    expect(tokenize(['a,b\n']).records).toEqual([['a', 'b']]);
    expect(tokenize(['a,b\nc']).records).toEqual([['a', 'b'], ['c']]);
  });

  it('empty fields: a lone delimiter is two empty fields; "" is one empty field', () => {
    expect(tokenize([',\n""\n"",""']).records).toEqual([['', ''], [''], ['', '']]);
  });
});

describe('CsvTokenizer: quoting and line endings (hand-derived)', () => {
  it('quoted fields hold delimiters, doubled quotes and line breaks; breaks count the lines inside', () => {
    const t = tokenize(['id,note\n1,"a, ""b""\nc"\n2,"x\r\ny"\n']);
    expect(t.records).toEqual([
      ['id', 'note'],
      ['1', 'a, "b"\nc'],
      ['2', 'x\r\ny'],
    ]);
    // One LF inside record 2; one CRLF inside record 3 (CRLF counts once).
    expect(t.breaks).toEqual([0, 1, 1]);
    expect(t.bad).toEqual([]);
  });

  it('every line ends at its own CRLF, LF or CR, in any mix and order: no fused rows', () => {
    expect(tokenize(['a\r\nb\r\n']).records).toEqual([['a'], ['b']]);
    expect(tokenize(['a\rb\r']).records).toEqual([['a'], ['b']]);
    // LF then CRLF, CRLF then LF (csv-parse would fuse "b\nc" into one field here).
    expect(tokenize(['a\nb\r\nc\n']).records).toEqual([['a'], ['b'], ['c']]);
    expect(tokenize(['a\r\nb\nc\r\n']).records).toEqual([['a'], ['b'], ['c']]);
    expect(tokenize(['s,t\r\nana,bo\r\nbo,cy\ncy,di\n']).records).toEqual([
      ['s', 't'],
      ['ana', 'bo'],
      ['bo', 'cy'],
      ['cy', 'di'],
    ]);
    // A quoted field closed right before CRLF in a file that started with LF.
    expect(tokenize(['a\n"x"\r\nb\n']).records).toEqual([['a'], ['x'], ['b']]);
  });

  it('a CR at the end of a chunk waits for the next chunk to know whether LF follows', () => {
    expect(tokenize(['a,b\r', '\nc,d\r', '\n']).records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(tokenize(['a,b\r', 'c,d\r']).records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('other delimiters: tab and semicolon; a comma is then an ordinary character', () => {
    expect(tokenize(['a\tb,c\n"x\ty"\tz\n'], '\t').records).toEqual([
      ['a', 'b,c'],
      ['x\ty', 'z'],
    ]);
    expect(tokenize(['a;b\n'], ';').records).toEqual([['a', 'b']]);
  });
});

describe('CsvTokenizer: recovery at the next physical line (hand-derived)', () => {
  it('text after a closing quote: that line is bad, every later row is read', () => {
    const t = tokenize(['s,t\n"ana"x,bo\nc,d\ne,f\n']);
    expect(t.events).toEqual([['s', 't'], 'text-after-quote', ['c', 'd'], ['e', 'f']]);
  });

  it('a quote inside an unquoted field: that line is bad', () => {
    expect(tokenize(['a,b\nc,d"e\nf,g\n']).events).toEqual([['a', 'b'], 'quote-in-field', ['f', 'g']]);
  });

  it('a quote never closed: only its first line is bad, the lines after it are read again as rows', () => {
    expect(tokenize(['a\n"x,y\nc,d\ne,f']).events).toEqual([['a'], 'quote-not-closed', ['c', 'd'], ['e', 'f']]);
  });

  it('a quote left open until a quote that cannot close it: the opening line is bad, the rest is read', () => {
    // "b runs to the quote of "q", which is followed by q: text after a closing quote.
    expect(tokenize(['a,"b\nc,d\ne,"q"\n']).events).toEqual(['text-after-quote', ['c', 'd'], ['e', 'q']]);
  });

  it('a line over the size limit is bad, the next lines are read (limit 4 here)', () => {
    expect(tokenize(['ab\nabcdef\nab\n'], ',', 4).events).toEqual([['ab'], 'too-long', ['ab']]);
    // The same split so that the long line spans chunks: it is skipped without being held.
    expect(tokenize(['ab\nabc', 'def', 'ghi\r', '\nab\n'], ',', 4).events).toEqual([['ab'], 'too-long', ['ab']]);
    // A quote open over more than the limit: its first line is bad; the lines inside are rows.
    expect(tokenize(['"a\nb\nc\nd\n'], ',', 4).events).toEqual(['too-long', ['b'], ['c'], ['d']]);
  });

  it('a rejected multi-line record: the tokenizer resumes on its second line', () => {
    // The handler rejects records with 1 field; the quoted record over lines 2-3 has 1 field.
    const t = tokenize(['a,b\n"x\nc,d\ne,f"\ng,h\n'], ',', undefined, (r) => r.length !== 2);
    expect(t.events).toEqual([['a', 'b'], ['x\nc,d\ne,f'], ['c', 'd'], 'quote-in-field', ['g', 'h']]);
  });
});

describe('CsvTokenizer: properties', () => {
  // Pieces chosen to hit every branch: delimiters, quotes (opening, doubled, misplaced), the three
  // line endings, blanks, a NUL after a quote, non-ASCII (multi-byte in UTF-8, and a surrogate pair).
  const piece = fc.constantFrom('a', 'bc', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', 'é', '😀', '\u0000', 'x"y', '"q"');
  const anyText = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('any text: the same records and bad lines at every chunking, and every physical line accounted once', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (text, delimiter, rawCuts, limit) => {
          for (const max of [undefined, limit]) {
            const whole = tokenize([text], delimiter, max);
            for (let k = 0; k <= text.length; k++) expect(tokenize(cut(text, [k]), delimiter, max).events).toEqual(whole.events);
            expect(tokenize(cut(text, rawCuts), delimiter, max).events).toEqual(whole.events);
            const lines = whole.breaks.reduce((s, b) => s + 1 + b, 0) + whole.bad.length;
            expect(lines).toBe(physicalLines(text));
            expect(whole.breaks).toEqual(whole.records.map((r) => lineBreaks(r)));
          }
        },
      ),
      { numRuns: 200, seed: 20240611 },
    );
  });

  it('text without quotes: one record per physical line, whatever mix of line endings', () => {
    const noQuote = fc.array(fc.constantFrom('a', 'bc', ',', ' ', '\n', '\r', '\r\n', 'é'), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(noQuote, fc.array(fc.nat(), { maxLength: 4 }), (text, rawCuts) => {
        const lines = text === '' ? [] : text.replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/);
        expect(tokenize(cut(text, rawCuts)).records).toEqual(lines.map((l) => l.split(',')));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  // Well-formed CSV with one line ending throughout: read as csv-parse reads it.
  const plain = fc.array(fc.constantFrom('a', 'b', 'é', ' ', '7', '.', '😀'), { maxLength: 5 }).map((p) => p.join(''));
  const inQuotes = fc
    .array(fc.constantFrom('a', ',', '"', '\n', '\r\n', '\r', ' ', 'é'), { maxLength: 6 })
    .map((p) => `"${p.join('').replace(/"/g, '""')}"`);
  const field = fc.oneof(plain, inQuotes);
  const wellFormed = fc
    .tuple(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
    .map(([rows, eol, trailing]) => ({ eol, text: rows.map((r) => r.join(',')).join(eol) + (trailing && rows.length ? eol : '') }));

  it('well-formed CSV, at any chunking, gives exactly the records csv-parse gives, and no bad line', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 5 }), ({ eol, text }, rawCuts) => {
        const want = oracle(text, ',', eol);
        for (let k = 0; k <= text.length; k++) {
          const got = tokenize(cut(text, [k]));
          expect(got.records).toEqual(want);
          expect(got.bad).toEqual([]);
        }
        expect(tokenize(cut(text, rawCuts)).records).toEqual(want);
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});

describe('ownString', () => {
  it('returns an equal string', () => {
    for (const s of ['', 'a', 'abcdefghijkl', 'abcdefghijklm', 'x'.repeat(1000) + 'é']) expect(ownString(s)).toBe(s);
  });
});

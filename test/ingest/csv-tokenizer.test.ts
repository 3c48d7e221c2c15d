/**
 * The fast CSV tokenizer against csv-parse (the independent oracle): hand-derived records for the
 * degenerate and tricky inputs, then fast-check properties — random CSV text (quotes, delimiters,
 * CR, LF, CRLF, blank lines, non-ASCII) split into chunks at every position gives exactly the
 * records csv-parse gives, and where the tokenizer gives up, the records it emitted plus csv-parse
 * on the rest equal csv-parse on the whole text.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, lineBreaks, ownString } from '../../src/ingest/csv-tokenizer.js';
import { cut } from './chunks.js';

interface Tokenized {
  records: string[][];
  breaks: number[];
  /** Null when the tokenizer read everything; else the text it handed back. */
  rest: string | null;
  recordDelimiter: string | null;
}

function tokenize(chunks: readonly string[], delimiter = ',', maxRecordChars?: number): Tokenized {
  const records: string[][] = [];
  const breaks: number[] = [];
  const t = new CsvTokenizer(delimiter, (fields, b) => {
    records.push(fields.slice());
    breaks.push(b);
  }, maxRecordChars);
  for (let k = 0; k < chunks.length; k++) {
    // The chunks after the one where it gave up were never pushed: they follow `rest`.
    if (!t.push(chunks[k])) return { records, breaks, rest: t.rest + chunks.slice(k + 1).join(''), recordDelimiter: t.recordDelimiter };
  }
  if (!t.end()) return { records, breaks, rest: t.rest, recordDelimiter: t.recordDelimiter };
  return { records, breaks, rest: null, recordDelimiter: t.recordDelimiter };
}

interface Oracle {
  records: string[][];
  errors: string[];
}

function oracle(text: string, delimiter = ',', recordDelimiter?: string | null): Oracle {
  const errors: string[] = [];
  const records = parse(text, {
    delimiter,
    ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: 4 << 20,
    on_skip: (e: { code?: string } | undefined) => {
      if (e) errors.push(String(e.code));
    },
  }) as string[][];
  return { records, errors };
}


/**
 * The tokenizer on `chunks`, completed by csv-parse where it gives up, must equal csv-parse on
 * the whole text: the same records, and the same syntax errors.
 */
function expectSameAsCsvParse(chunks: readonly string[], delimiter = ',', maxRecordChars?: number, whole?: Oracle): Tokenized {
  const want = whole ?? oracle(chunks.join(''), delimiter);
  const got = tokenize(chunks, delimiter, maxRecordChars);
  if (got.rest === null) {
    expect(got.records).toEqual(want.records);
    expect(want.errors).toEqual([]);
  } else {
    const rest = oracle(got.rest, delimiter, got.recordDelimiter);
    expect([...got.records, ...rest.records]).toEqual(want.records);
    expect(rest.errors).toEqual(want.errors);
  }
  expect(got.breaks).toEqual(got.records.map((r) => lineBreaks(r)));
  return got;
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

describe('CsvTokenizer: quoting and record delimiters (hand-derived)', () => {
  it('quoted fields hold delimiters, doubled quotes and line breaks; breaks count the lines inside', () => {
    const t = tokenize(['id,note\n1,"a, ""b""\nc"\n2,"x\r\ny"\n']);
    expect(t.records).toEqual([['id', 'note'], ['1', 'a, "b"\nc'], ['2', 'x\r\ny']]);
    // One LF inside record 2; one CRLF inside record 3 (CRLF counts once).
    expect(t.breaks).toEqual([0, 1, 1]);
    expect(t.rest).toBeNull();
  });

  it('the first line break outside quotes fixes the record delimiter: CRLF, LF or CR', () => {
    expect(tokenize(['a\r\nb\r\n']).recordDelimiter).toBe('\r\n');
    expect(tokenize(['a\rb\r']).records).toEqual([['a'], ['b']]);
    expect(tokenize(['"x\ny"\rb']).recordDelimiter).toBe('\r');
    // LF records: a CR before LF stays in the field (as in csv-parse); it counts as a line break.
    const lf = tokenize(['a\nb\r\nc\n']);
    expect(lf.records).toEqual([['a'], ['b\r'], ['c']]);
    expect(lf.breaks).toEqual([0, 1, 0]);
    // CRLF records: a bare LF is an ordinary character.
    expect(tokenize(['a\r\nb\nc\r\n']).records).toEqual([['a'], ['b\nc']]);
  });

  it('a CR at the end of a chunk waits for the next chunk to know whether LF follows', () => {
    expect(tokenize(['a,b\r', '\nc,d\r', '\n']).records).toEqual([['a', 'b'], ['c', 'd']]);
    expect(tokenize(['a,b\r', 'c,d\r']).records).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('gives up at the record csv-parse cannot read, handing back that record and what follows', () => {
    // A quote inside an unquoted field (INVALID_OPENING_QUOTE).
    expect(tokenize(['a,b\nc,d"e\nf,g\n'])).toMatchObject({ records: [['a', 'b']], rest: 'c,d"e\nf,g\n' });
    // Text after a closing quote (CSV_INVALID_CLOSING_QUOTE).
    expect(tokenize(['a\n"x"y,z\n'])).toMatchObject({ records: [['a']], rest: '"x"y,z\n' });
    // A quote never closed (CSV_QUOTE_NOT_CLOSED).
    expect(tokenize(['a\n"x,y\n'])).toMatchObject({ records: [['a']], rest: '"x,y\n' });
    // LF records, then a quoted field closed before CRLF: csv-parse refuses the CR after the quote.
    expect(tokenize(['a\n"x"\r\nb\n'])).toMatchObject({ records: [['a']], rest: '"x"\r\nb\n' });
    // A record over the size limit.
    expect(tokenize(['ab\nabcdef\nab\n'], ',', 4)).toMatchObject({ records: [['ab']], rest: 'abcdef\nab\n' });
  });

  it('each of those cases, completed by csv-parse, reads as csv-parse reads the whole', () => {
    for (const text of ['a,b\nc,d"e\nf,g\n', 'a\n"x"y,z\n', 'a\n"x,y\n', 'a\n"x"\r\nb\n', 'x\n"a"\u0000b\n']) {
      expectSameAsCsvParse([text]);
    }
    expectSameAsCsvParse(['ab\nabcdef\nab\n'], ',', 4);
  });

  it('other delimiters: tab and semicolon; a comma is then an ordinary character', () => {
    expect(tokenize(['a\tb,c\n"x\ty"\tz\n'], '\t').records).toEqual([['a', 'b,c'], ['x\ty', 'z']]);
    expect(tokenize(['a;b\n'], ';').records).toEqual([['a', 'b']]);
  });
});

describe('CsvTokenizer: properties against csv-parse', () => {
  // Pieces chosen to hit every branch: delimiters, quotes (opening, doubled, misplaced), the three
  // line endings, blanks, a NUL after a quote, non-ASCII (multi-byte in UTF-8, and a surrogate pair).
  const piece = fc.constantFrom('a', 'bc', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', 'é', '😀', '\u0000', 'x"y', '"q"');
  const anyText = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('any text, split at every position and at random places: same records and errors as csv-parse', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(',', ';', '\t'), fc.array(fc.nat(), { maxLength: 6 }), (text, delimiter, rawCuts) => {
        const whole = oracle(text, delimiter);
        for (let k = 0; k <= text.length; k++) expectSameAsCsvParse(cut(text, [k]), delimiter, undefined, whole);
        expectSameAsCsvParse(cut(text, rawCuts), delimiter, undefined, whole);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });

  it('a small size limit sends large records to csv-parse, and the result is still the same', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 8 }), fc.nat(), (text, limit, c) => {
        expectSameAsCsvParse(cut(text, [c % (text.length + 1)]), ',', limit);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  // Well-formed CSV with one line ending throughout: the tokenizer must read all of it itself.
  const plain = fc.array(fc.constantFrom('a', 'b', 'é', ' ', '7', '.', '😀'), { maxLength: 5 }).map((p) => p.join(''));
  const inQuotes = fc.array(fc.constantFrom('a', ',', '"', '\n', '\r\n', '\r', ' ', 'é'), { maxLength: 6 }).map((p) => `"${p.join('').replace(/"/g, '""')}"`);
  const field = fc.oneof(plain, inQuotes);
  const wellFormed = fc
    .tuple(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
    .map(([rows, eol, trailing]) => rows.map((r) => r.join(',')).join(eol) + (trailing && rows.length ? eol : ''));

  it('well-formed CSV is read entirely by the tokenizer, at any chunking, as csv-parse reads it', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 5 }), (text, rawCuts) => {
        const whole = oracle(text);
        for (let k = 0; k <= text.length; k++) {
          const got = expectSameAsCsvParse(cut(text, [k]), ',', undefined, whole);
          expect(got.rest).toBeNull();
        }
        expect(expectSameAsCsvParse(cut(text, rawCuts), ',', undefined, whole).rest).toBeNull();
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

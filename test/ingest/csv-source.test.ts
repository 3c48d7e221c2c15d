/**
 * readCsv entry points agree: the same bytes given as a file, as one text, as text chunks or as
 * byte chunks cut anywhere (even inside a multi-byte character) give the same header, the same rows
 * on the same physical lines, the same report and the same issues (lenient) or first error
 * (strict). Random files mix good rows, bad quotes, wrong field counts, blank lines, BOM, CRLF /
 * LF / CR endings and line breaks in quotes; hand-made cases check the recovery rule and strict
 * UTF-8 with derived lines and counts.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvInput } from '../../src/ingest/csv-source.js';
import { resolveIngestOptions, type IngestMode } from '../../src/ingest/options.js';
import { IngestContext } from '../../src/ingest/report.js';
import { cut } from './chunks.js';

interface Outcome {
  calls: unknown[];
  report?: unknown;
  error?: unknown;
}

async function read(input: readonly (string | Uint8Array)[] | CsvInput, mode: IngestMode, delimiter = ','): Promise<Outcome> {
  const ctx = new IngestContext(resolveIngestOptions({ mode, delimiter }));
  const calls: unknown[] = [];
  try {
    await readCsv(ctx, Array.isArray(input) ? { chunks: input } : (input as CsvInput), 'ties.csv', 'ties', {
      header(columns) {
        calls.push(['header', [...columns]]);
      },
      row(fields, line) {
        calls.push([line, [...fields]]);
        // A sink-level problem on some rows, so strict mode also stops inside a row.
        if (fields[0] === 'bad') return ctx.drop(ctx.report.files[0], 'E_BAD_VALUE', 'bad row', line, 'a');
        ctx.report.files[0].rowsKept++;
      },
    });
    return { calls, report: ctx.report };
  } catch (e) {
    const err = e as { code?: string; line?: number; file?: string; message?: string };
    return { calls, error: { code: err.code, line: err.line, file: err.file, message: err.message } };
  }
}

/** UTF-8 bytes of `text` cut at byte positions. */
function byteChunks(bytes: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(positions.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
}

const cell = fc.constantFrom(
  'a',
  'bad',
  'x y',
  '',
  ' ',
  'é',
  '"q"',
  '"a,b"',
  '"l1\nl2"',
  '"l1\r\nl2"',
  '"d""q"',
  'x"y',
  '"open',
  '"c"z',
  '😀',
);
const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
const eol = fc.constantFrom('\n', '\r\n', '\r');
const file = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(row, eol), { maxLength: 8 }), fc.boolean())
  .map(([bom, rows, trailing]) => (bom ? '\ufeff' : '') + 'a,b,c\n' + rows.map(([r, e]) => r + e).join('') + (trailing ? 'a,b,c' : ''));

describe('readCsv: every entry point gives the same account', () => {
  it('hand-made: a bad quote in the middle is one dropped line; later rows keep their line numbers', async () => {
    const text = 'a,b\n1,"x\ny"\n2,q"r\n3,"s"\n';
    const got = await read(cut(text, [5, 11, 17]), 'lenient');
    expect(got).toEqual(await read({ text }, 'lenient'));
    // Rows: line 2 (spans 2-3), the bad quote on line 4 dropped, line 5 kept.
    expect(got.calls).toEqual([
      ['header', ['a', 'b']],
      [2, ['1', 'x\ny']],
      [5, ['3', 's']],
    ]);
    expect(got.report).toMatchObject({ files: [{ rowsRead: 3, rowsKept: 2, rowsDropped: 1, dropped: { E_CSV_SYNTAX: 1 } }] });
  });

  it('property, lenient mode: text, text chunks and byte chunks give the same rows, lines, report and issues', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const want = await read({ text }, 'lenient');
        expect(await read(cut(text, cuts), 'lenient')).toEqual(want);
        expect(await read(byteChunks(Buffer.from(text, 'utf8'), cuts), 'lenient')).toEqual(want);
      }),
      { numRuns: 250, seed: 11 },
    );
  });

  it('property, strict mode: the same rows before the same first error', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const want = await read({ text }, 'strict');
        expect(await read(cut(text, cuts), 'strict')).toEqual(want);
        expect(await read(byteChunks(Buffer.from(text, 'utf8'), cuts), 'strict')).toEqual(want);
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('property, semicolon files: the same at any chunking', async () => {
    const semi = file.map((t) => t.replace(/,/g, ';'));
    await fc.assert(
      fc.asyncProperty(semi, fc.array(fc.nat(), { maxLength: 4 }), async (text, cuts) => {
        expect(await read(cut(text, cuts), 'lenient', ';')).toEqual(await read({ text }, 'lenient', ';'));
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});

describe('readCsv: strict UTF-8', () => {
  // Header line 1; "x\xff" on line 2 and "x\xfe" on line 3 are invalid bytes, line 4 is valid.
  const bytes = Buffer.concat([
    Buffer.from('a,b\nx'),
    Buffer.from([0xff]),
    Buffer.from(',1\nx'),
    Buffer.from([0xfe]),
    Buffer.from(',2\né,3\n'),
  ]);

  it('lenient: each record holding invalid bytes is dropped and counted (E_ENCODING), never merged', async () => {
    const got = await read(byteChunks(bytes, [6]), 'lenient');
    expect(got.calls).toEqual([
      ['header', ['a', 'b']],
      [4, ['é', '3']],
    ]);
    expect(got.report).toMatchObject({ files: [{ rowsRead: 3, rowsKept: 1, rowsDropped: 2, dropped: { E_ENCODING: 2 } }] });
    // The same at every byte cut (a cut may split é = C3 A9, or the invalid byte from its line).
    for (let k = 0; k <= bytes.length; k++) expect(await read(byteChunks(bytes, [k]), 'lenient')).toEqual(got);
  });

  it('strict: the first invalid byte is an error naming its line; a truncated sequence at the end too', async () => {
    expect((await read([bytes], 'strict')).error).toMatchObject({ code: 'E_ENCODING', line: 2 });
    const truncated = Buffer.concat([Buffer.from('a,b\nc,d\ne,'), Buffer.from([0xe2, 0x82])]);
    expect((await read([truncated], 'strict')).error).toMatchObject({ code: 'E_ENCODING', line: 3 });
    // An encoded surrogate (ED A0 80) and an overlong "/" (C0 AF) are invalid too.
    for (const bad of [
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
    ]) {
      const b = Buffer.concat([Buffer.from('a,b\nc,'), Buffer.from(bad), Buffer.from('\n')]);
      expect((await read([b], 'strict')).error).toMatchObject({ code: 'E_ENCODING', line: 2 });
    }
  });

  it('an invalid byte in the header is fatal in both modes', async () => {
    const b = Buffer.concat([Buffer.from('a,'), Buffer.from([0x80]), Buffer.from('\nc,d\n')]);
    expect((await read([b], 'lenient')).error).toMatchObject({ code: 'E_ENCODING', line: 1 });
  });

  it('valid multi-byte text at every byte cut reads as the text itself', async () => {
    const text = 'a,b\nåsa,😀\nzoë,"Ω\nπ"\n';
    const want = await read({ text }, 'strict');
    const b = Buffer.from(text, 'utf8');
    for (let k = 0; k <= b.length; k++) expect(await read(byteChunks(b, [k]), 'strict')).toEqual(want);
  });
});

describe('readCsv: a file larger than one read chunk (1 MiB)', () => {
  it('quoted fields with line breaks across chunk boundaries, then a bad row: the file reads as its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-csv-'));
    try {
      // ~1.4 MB: every 997th row has a quoted field with a comma, a doubled quote and a CRLF inside.
      const rows = ['a,b,c'];
      for (let i = 0; i < 60_000; i++) rows.push(i % 997 === 0 ? `r${i},"q, ""${i}""\r\nz",${i}` : `r${i},v${i % 13},${i}`);
      rows.push('r,x"y,1', 'last,one,row');
      const text = rows.join('\r\n') + '\r\n';
      const path = join(dir, 'big.csv');
      writeFileSync(path, text);
      const fast = await read({ path }, 'lenient');
      expect(fast).toEqual(await read({ text }, 'lenient'));
      // 60,002 data rows, one bad; 61 quoted fields each add a line: the last row is on line
      // 1 (header) + 60,002 + 61.
      expect(fast.report).toMatchObject({
        files: [{ rowsRead: 60_002, rowsKept: 60_001, dropped: { E_CSV_SYNTAX: 1 }, lineEndings: 'crlf' }],
      });
      expect(fast.calls.at(-1)).toEqual([1 + 60_002 + 61, ['last', 'one', 'row']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

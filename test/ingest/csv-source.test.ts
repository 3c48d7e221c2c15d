/**
 * readCsv with the fast tokenizer (engine 'auto') against readCsv with csv-parse alone (the path
 * orgraph used before the tokenizer, kept as the fallback): for random CSV files — good rows, bad
 * quotes, wrong field counts, blank lines, BOM, CRLF / LF / CR and mixed endings, line breaks in
 * quotes — split into random chunks, both give the same header, the same rows on the same physical
 * lines, the same report (rows read / kept / dropped by reason, blank lines, BOM, line endings) and
 * the same issues in lenient mode, and the same first error in strict mode.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvEngine } from '../../src/ingest/csv-source.js';
import { resolveIngestOptions, type IngestMode } from '../../src/ingest/options.js';
import { IngestContext } from '../../src/ingest/report.js';
import { cut } from './chunks.js';

interface Outcome {
  calls: unknown[];
  report?: unknown;
  error?: unknown;
}

async function read(chunks: readonly string[] | { path: string }, engine: CsvEngine, mode: IngestMode, delimiter = ','): Promise<Outcome> {
  const ctx = new IngestContext(resolveIngestOptions({ mode, delimiter }));
  const calls: unknown[] = [];
  try {
    await readCsv(ctx, 'path' in chunks ? chunks : { chunks }, 'ties.csv', 'ties', {
      header(columns) {
        calls.push(['header', [...columns]]);
      },
      row(fields, line) {
        calls.push([line, [...fields]]);
        // A sink-level problem on some rows, so strict mode also stops inside the fast path.
        if (fields[0] === 'bad') return ctx.drop(ctx.report.files[0], 'E_BAD_VALUE', 'bad row', line, 'a');
        ctx.report.files[0].rowsKept++;
      },
    }, engine);
    return { calls, report: ctx.report };
  } catch (e) {
    const err = e as { code?: string; line?: number; file?: string; message?: string };
    return { calls, error: { code: err.code, line: err.line, file: err.file, message: err.message } };
  }
}


const cell = fc.constantFrom('a', 'bad', 'x y', '', ' ', 'é', '"q"', '"a,b"', '"l1\nl2"', '"l1\r\nl2"', '"d""q"', 'x"y', '"open', '"c"z', '😀');
const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
const eol = fc.constantFrom('\n', '\r\n', '\r');
const file = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(row, eol), { maxLength: 8 }), fc.boolean())
  .map(([bom, rows, trailing]) => (bom ? '\ufeff' : '') + 'a,b,c\n' + rows.map(([r, e]) => r + e).join('') + (trailing ? 'a,b,c' : ''));

describe('readCsv: the fast path reads as csv-parse alone', () => {
  it('hand-made: a bad quote in the middle hands the rest to csv-parse with line numbers intact', async () => {
    const text = 'a,b\n1,"x\ny"\n2,q"r\n3,"s"\n';
    const fast = await read(cut(text, [5, 11, 17]), 'auto', 'lenient');
    expect(fast).toEqual(await read([text], 'csv-parse', 'lenient'));
    // Rows: line 2 (spans 2-3), the bad quote on line 4 dropped, line 5 kept.
    expect(fast.calls).toEqual([['header', ['a', 'b']], [2, ['1', 'x\ny']], [5, ['3', 's']]]);
    expect(fast.report).toMatchObject({ files: [{ rowsRead: 3, rowsKept: 2, rowsDropped: 1, dropped: { E_CSV_SYNTAX: 1 } }] });
  });

  it('property, lenient mode: same rows, lines, report and issues at any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const want = await read([text], 'csv-parse', 'lenient');
        expect(await read(cut(text, cuts), 'auto', 'lenient')).toEqual(want);
        expect(await read([text], 'auto', 'lenient')).toEqual(want);
      }),
      { numRuns: 250, seed: 11 },
    );
  });

  it('property, strict mode: the same rows before the same first error', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        expect(await read(cut(text, cuts), 'auto', 'strict')).toEqual(await read([text], 'csv-parse', 'strict'));
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('property, semicolon files: the same at any chunking', async () => {
    const semi = file.map((t) => t.replace(/,/g, ';'));
    await fc.assert(
      fc.asyncProperty(semi, fc.array(fc.nat(), { maxLength: 4 }), async (text, cuts) => {
        expect(await read(cut(text, cuts), 'auto', 'lenient', ';')).toEqual(await read([text], 'csv-parse', 'lenient', ';'));
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});

describe('readCsv: a file larger than one read chunk (1 MiB)', () => {
  it('quoted fields with line breaks across chunk boundaries, then a bad row: same as csv-parse alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-csv-'));
    try {
      // ~1.4 MB: every 997th row has a quoted field with a comma, a doubled quote and a CRLF inside.
      const rows = ['a,b,c'];
      for (let i = 0; i < 60_000; i++) rows.push(i % 997 === 0 ? `r${i},"q, ""${i}""\r\nz",${i}` : `r${i},v${i % 13},${i}`);
      rows.push('r,x"y,1', 'last,one,row');
      const text = rows.join('\r\n') + '\r\n';
      const path = join(dir, 'big.csv');
      writeFileSync(path, text);
      const fast = await read({ path }, 'auto', 'lenient');
      expect(fast).toEqual(await read([text], 'csv-parse', 'lenient'));
      // 60,002 data rows, one bad; 61 quoted fields each add a line: the last row is on line
      // 1 (header) + 60,002 + 61.
      expect(fast.report).toMatchObject({ files: [{ rowsRead: 60_002, rowsKept: 60_001, dropped: { E_CSV_SYNTAX: 1 }, lineEndings: 'crlf' }] });
      expect(fast.calls.at(-1)).toEqual([1 + 60_002 + 61, ['last', 'one', 'row']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

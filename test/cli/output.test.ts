import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import {
  NODE_OUTPUT_FS,
  csvCell,
  csvRow,
  parseFormat,
  recordsToCsv,
  toCsv,
  toJson,
  writeOutput,
  writeOutputFolder,
  type OutputFs,
} from '../../src/cli/output.js';
import { PEOPLE_COLUMNS, peopleCsvChunks } from '../../src/report/csv-files.js';
import type { PersonFigures } from '../../src/report/analysis.js';
import type { CliIo } from '../../src/cli/main.js';
import { OrgraphError } from '../../src/model/errors.js';
import { UsageError } from '../../src/cli/command-kit.js';

describe('toJson', () => {
  it('writes null for NaN, infinities and undefined, keeping the key', () => {
    const text = toJson({ id: 'ana', a: NaN, b: Infinity, c: -Infinity, d: undefined, e: 0, f: -0.5 }, { indent: 0 });
    expect(text).toBe('{"id":"ana","a":null,"b":null,"c":null,"d":null,"e":0,"f":-0.5}\n');
  });

  it('writes typed arrays as plain arrays with null for NaN', () => {
    const text = toJson({ v: new Float64Array([1.5, NaN, 2]), k: new Int32Array([3]) }, { indent: 0 });
    expect(JSON.parse(text)).toEqual({ v: [1.5, null, 2], k: [3] });
  });

  it('keeps full double precision (round trip)', () => {
    const x = 0.1 + 0.2;
    expect(JSON.parse(toJson([x]))[0]).toBe(x);
  });

  it('top-level undefined is null; indentation defaults to 2', () => {
    expect(toJson(undefined)).toBe('null\n');
    expect(toJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

describe('csvCell', () => {
  it('empty cell for null, undefined and non-finite numbers', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
  });

  it('numbers use the shortest round-trip form and are never neutralised', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(1e-7)).toBe('1e-7');
    expect(Number(csvCell(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(csvCell(true)).toBe('true');
  });

  it('neutralises text that a spreadsheet would read as a formula', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    // A leading CR also forces RFC 4180 quoting.
    expect(csvCell('\r=x')).toBe('"\'\r=x"');
    // Only the first character matters.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('ana')).toBe('ana');
  });

  it('quotes per RFC 4180: delimiter, quote, CR or LF inside', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    // Neutralise first, then quote.
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});

describe('toCsv / recordsToCsv', () => {
  it('header then one CRLF-terminated record per row', () => {
    expect(
      toCsv(
        ['id', 'degree'],
        [
          ['ana', 2],
          ['bo', NaN],
        ],
      ),
    ).toBe('id,degree\r\nana,2\r\nbo,\r\n');
    expect(csvRow(['x', 1, null])).toBe('x,1,');
  });

  it('rejects a row of the wrong width', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(RangeError);
  });

  it('an independent RFC 4180 parser (csv-parse) reads back every cell', () => {
    const nasty = ['plain', 'a,b', 'q"uote', 'multi\r\nline', ' spaced ', 'é ü 中'];
    const text = toCsv(
      ['id', 'value'],
      nasty.map((s, i) => [s, i]),
    );
    const rows = parse(text, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(['id', 'value']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(nasty);
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('records: columns from first appearance; missing keys are empty', () => {
    expect(
      recordsToCsv([
        { id: 'a', x: 1 },
        { id: 'b', y: 2 },
      ]),
    ).toBe('id,x,y\r\na,1,\r\nb,,2\r\n');
    expect(recordsToCsv([{ id: 'a', x: 1 }], ['x', 'id'])).toBe('x,id\r\n1,a\r\n');
    expect(recordsToCsv([], ['id'])).toBe('id\r\n');
  });
});

describe('parseFormat', () => {
  it('accepts json and csv (any case), else a usage error', () => {
    expect(parseFormat('json')).toBe('json');
    expect(parseFormat('CSV')).toBe('csv');
    expect(() => parseFormat('xml')).toThrow(UsageError);
  });
});

describe('writeOutput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = (): CliIo & { text: string } => {
    const o = { text: '', out: (s: string) => void (o.text += s), err: () => undefined, isTTY: false };
    return o;
  };

  it('writes to standard output without --out (or with "-")', async () => {
    const a = io();
    await writeOutput('x\n', undefined, a);
    await writeOutput('y\n', '-', a);
    expect(a.text).toBe('x\ny\n');
  });

  it('writes to a file', async () => {
    const a = io();
    const file = join(dir, 'out.csv');
    await writeOutput('id\r\n', file, a);
    expect(readFileSync(file, 'utf8')).toBe('id\r\n');
    expect(a.text).toBe('');
  });

  it('an unwritable path is E_OUTPUT_PATH naming the file', async () => {
    const file = join(dir, 'no-such-dir', 'out.json');
    const err = await writeOutput('{}', file, io()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrgraphError);
    expect((err as OrgraphError).code).toBe('E_OUTPUT_PATH');
    expect((err as OrgraphError).message).toContain(file);
    const dirErr = await writeOutput('{}', dir, io()).catch((e: unknown) => e);
    expect((dirErr as OrgraphError).code).toBe('E_OUTPUT_PATH');
  });
});

describe('writeOutputFolder with streamed files', () => {
  const root = mkdtempSync(join(tmpdir(), 'orgraph-stream-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const manifest = JSON.stringify({ orgraph: 'test', files: ['big.csv', 'summary.json'] });
  // 3 chunks of 700,000 characters: more than the 1 MB the writer gathers per write.
  const chunks = ['a'.repeat(700_000), 'b'.repeat(700_000), 'c\r\n'.repeat(175_000)];

  it('chunks are written in order, through the streaming writer', async () => {
    const out = join(root, 'streamed');
    let streamed = 0;
    const fs: OutputFs = {
      ...NODE_OUTPUT_FS,
      writeChunks: (p, c) => {
        streamed++;
        return NODE_OUTPUT_FS.writeChunks!(p, c);
      },
    };
    await writeOutputFolder(
      out,
      new Map<string, string | (() => Iterable<string>)>([
        ['big.csv', () => chunks],
        ['summary.json', manifest],
      ]),
      [],
      fs,
    );
    expect(streamed).toBe(1);
    expect(readFileSync(join(out, 'big.csv'), 'utf8')).toBe(chunks.join(''));
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(manifest);
  });

  it('a file system without a streaming writer gets the joined text', async () => {
    const out = join(root, 'joined');
    const written = new Map<string, string>();
    const fs: OutputFs = {
      writeFile: (p, t) => {
        written.set(p.slice(p.lastIndexOf('/') + 1), t);
        return NODE_OUTPUT_FS.writeFile(p, t);
      },
      rename: NODE_OUTPUT_FS.rename,
      mkdir: NODE_OUTPUT_FS.mkdir,
      rm: NODE_OUTPUT_FS.rm,
    };
    async function* gen() {
      for (const c of chunks) yield c;
    }
    await writeOutputFolder(
      out,
      new Map<string, string | (() => AsyncIterable<string>)>([
        ['big.csv', gen],
        ['summary.json', manifest],
      ]),
      [],
      fs,
    );
    expect(written.get('big.csv')).toBe(chunks.join(''));
    expect(readFileSync(join(out, 'big.csv'), 'utf8')).toBe(chunks.join(''));
  });
});

describe('peopleCsvChunks', () => {
  const person = (i: number): PersonFigures => ({
    id: i === 1 ? '=cmd' : `p${i}`,
    name: i === 3 ? 'Zoë Ødegård' : null,
    group: i % 2 ? 'Sales, EMEA' : null,
    community: 'Community 1',
    degree: i,
    strength: i / 2,
    betweenness: NaN as unknown as number,
    betweennessPercentile: i / 7,
    pagerank: 1 / (i + 3),
    constraint: null,
    effectiveSize: 1.5,
    gatekeeper: null,
    gatekeeperZ: null,
    liaison: 0,
    brokerage: 2,
    articulation: i === 2,
    fragmentationChange: null,
  });
  it('gives the same text as the whole people.csv of reportCsvFiles, whatever the batch size', () => {
    const people = Array.from({ length: 7 }, (_, i) => person(i));
    // The report's CSVs round to 4 significant digits (see src/report/csv-files.ts).
    const whole = recordsToCsv(people, PEOPLE_COLUMNS, { significant: 4 });
    expect([...peopleCsvChunks(people, {}, 3)].join('')).toBe(whole);
    expect([...peopleCsvChunks(people, {}, 3)]).toHaveLength(1 + 3); // header, then 3 + 3 + 1 rows
    expect([...peopleCsvChunks([], {}, 3)].join('')).toBe(recordsToCsv([], PEOPLE_COLUMNS));
    // With --excel: one byte-order mark, before the header only.
    const excel = [...peopleCsvChunks(people, { excel: true }, 2)].join('');
    expect(excel).toBe('\uFEFF' + whole);
    expect(excel.split('\uFEFF')).toHaveLength(2);
    // Formula neutralised, quoted delimiter, empty cell for NaN and null, 1/7 and 1/4 rounded: as in every orgraph CSV.
    expect(whole.split('\r\n')[2]).toBe('\'=cmd,,"Sales, EMEA",Community 1,1,0.5,,0.1429,0.25,,1.5,,,0,2,false,');
    expect(whole.split('\r\n')[4]).toContain('p3,Zoë Ødegård,');
  });
});

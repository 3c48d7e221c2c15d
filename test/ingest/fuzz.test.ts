/**
 * Every row accounted for, under damage:
 * - property: valid ties files (quoted notes with commas, doubled quotes and line breaks; LF, CRLF
 *   and CR line endings mixed row by row) get random damage on random rows (text after a closing
 *   quote, a quote inside a field, a quote never closed, a missing field, invalid UTF-8, a bad
 *   weight). Read from a file in lenient mode: rows read = rows in the file, kept + dropped = read,
 *   every undamaged row is kept in order, and each damaged row is reported on its own line.
 * - fuzz: a few hundred seeded byte mutations of valid people / ties files through the CLI and the
 *   library, strict and lenient: no crash, no hang, no stack trace, exit 0 or 1 with one line, and
 *   kept + dropped = read for every file.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadFiles } from '../../src/ingest/index.js';

const TMP = mkdtempSync(join(tmpdir(), 'orgraph-fuzz-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let fileNo = 0;

type Damage = 'text-after-quote' | 'quote-in-field' | 'unterminated' | 'field-count' | 'invalid-utf8' | 'bad-weight';
const DAMAGE_CODE: Record<Damage, string> = {
  'text-after-quote': 'E_CSV_SYNTAX',
  'quote-in-field': 'E_CSV_SYNTAX',
  unterminated: 'E_CSV_SYNTAX',
  'field-count': 'E_FIELD_COUNT',
  'invalid-utf8': 'E_ENCODING',
  'bad-weight': 'E_BAD_WEIGHT',
};

// Notes never start with a quote and are never empty when quoted (an opened quote must not find a
// closing quote it could legally end at: see docs/ingest.md, "Every row accounted for").
const NOTES = ['plain', '"Smith, Ana"', '"say ""hi"""', '"two\nlines"', '"three\r\nlines\nhere"', 'é😀'];

interface Row {
  note: number;
  eol: '\n' | '\r\n' | '\r';
  damage: Damage | null;
}

/** The bytes of row i, damaged or not. */
function rowBytes(i: number, r: Row): Buffer {
  const s = `p${i}`;
  const t = `q${i}`;
  const note = NOTES[r.note];
  switch (r.damage) {
    case null:
      return Buffer.from(`${s},${t},${(i % 7) + 1},${note}${r.eol}`);
    case 'text-after-quote':
      return Buffer.from(`"${s}"x,${t},1,${note}${r.eol}`);
    case 'quote-in-field':
      return Buffer.from(`p"${i},${t},1,${note}${r.eol}`);
    case 'unterminated':
      return Buffer.from(`"${s},${t},1,${note}${r.eol}`);
    case 'field-count':
      return Buffer.from(`${s},${t},1${r.eol}`);
    case 'invalid-utf8':
      return Buffer.concat([Buffer.from(`${s}`), Buffer.from([0xff]), Buffer.from(`,${t},1,${note}${r.eol}`)]);
    case 'bad-weight':
      return Buffer.from(`${s},${t},abc,${note}${r.eol}`);
  }
}

/** Physical lines a row spans (line breaks inside its note, plus one). */
function rowLines(r: Row): number {
  if (r.damage === 'field-count') return 1;
  return 1 + (NOTES[r.note].match(/\r\n|\n|\r/g)?.length ?? 0);
}

// NOTE: quote damage goes on rows with a one-line note. On a row whose note spans lines, the
// lines after the bad first line are read again as rows (and dropped in turn): still accounted
// for, but not one row per damaged row, which this property counts exactly.
const SINGLE_LINE_NOTES = [0, 1, 2, 5];
const QUOTE_DAMAGE = new Set<Damage | null>(['text-after-quote', 'quote-in-field', 'unterminated']);
const rowArb: fc.Arbitrary<Row> = fc
  .record({
    note: fc.nat(NOTES.length - 1),
    eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    damage: fc.option(
      fc.constantFrom<Damage>('text-after-quote', 'quote-in-field', 'unterminated', 'field-count', 'invalid-utf8', 'bad-weight'),
      { freq: 3 },
    ),
  })
  .map((r) => (QUOTE_DAMAGE.has(r.damage) ? { ...r, note: SINGLE_LINE_NOTES[r.note % SINGLE_LINE_NOTES.length] } : r));

describe('property: random damage in valid files', () => {
  it('kept + dropped = read, every undamaged row kept in order, each damaged row reported on its line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 25 }), async (rows) => {
        const path = join(TMP, `damaged-${fileNo++}.csv`);
        writeFileSync(path, Buffer.concat([Buffer.from('source,target,weight,note\n'), ...rows.map((r, i) => rowBytes(i, r))]));
        const { graph, report } = await loadFiles({ ties: path }, { mode: 'lenient', maxIssues: 1000 });
        const f = report.files[0];
        const damaged = rows.filter((r) => r.damage !== null).length;
        expect(f.rowsRead).toBe(rows.length);
        expect(f.rowsKept + f.rowsDropped).toBe(f.rowsRead);
        expect(f.rowsDropped).toBe(damaged);
        const want = rows.flatMap((r, i) => (r.damage === null ? [`p${i}>q${i}`] : []));
        expect([...graph.ties()].map((t) => `${t.source}>${t.target}`)).toEqual(want);
        // Each damaged row: its code on its first physical line.
        let line = 2;
        const expected: string[] = [];
        rows.forEach((r) => {
          if (r.damage !== null) expected.push(`${line}:${DAMAGE_CODE[r.damage]}`);
          line += rowLines(r);
        });
        expect(report.issues.map((i) => `${i.line}:${i.code}`)).toEqual(expected);
      }),
      { numRuns: 120, seed: 1313 },
    );
  }, 30_000);
});

/** mulberry32: a small seeded generator (Tommy Ettinger), enough for choosing mutations. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = Buffer.from(
  'id,department,"full name"\r\nana,Sales,"Ana, A."\r\nbo,Ops,"Bo ""B"" Berg"\r\ncy,Ops,"Cy\nCyan"\r\ndi,Eng,Di\r\nzoë,Eng,Zoë\r\n',
);
const TIES = Buffer.from(
  'source,target,weight,relation,time\nana,bo,2,advice,2024-01-02\nbo,cy,1.5,advice,2024-01-03T10:00:00Z\ncy,di,3,friend,\ndi,zoë,1,advice,1700000000000\nzoë,ana,4,friend,2024-02-01\n',
);
const SPECIAL = [0x22, 0x2c, 0x0a, 0x0d, 0x00, 0xff, 0xc3, 0xe2, 0x3b, 0x20, 0x1b];

function mutate(b: Buffer, r: () => number): Buffer {
  const out = [...b];
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (out.length + 1));
    const byte = r() < 0.6 ? SPECIAL[Math.floor(r() * SPECIAL.length)] : Math.floor(r() * 256);
    const op = r();
    if (op < 0.35) out.splice(at, 0, byte);
    else if (op < 0.6) out.splice(at, 1);
    else if (op < 0.85) out[Math.min(at, out.length - 1)] = byte;
    else out.splice(at, 0, ...out.slice(Math.floor(r() * out.length), Math.floor(r() * out.length)));
  }
  return Buffer.from(out);
}

describe('fuzz: seeded byte mutations of valid files', () => {
  it('300 mutations: no crash, no stack trace, exit 0 or 1 with one line, kept + dropped = read', async () => {
    const r = rng(20261206);
    const outcomes = { clean: 0, strictErrors: 0, lenientDrops: 0 };
    for (let k = 0; k < 300; k++) {
      const dir = join(TMP, `fuzz-${k}`);
      mkdirSync(dir);
      const which = r();
      writeFileSync(join(dir, 'people.csv'), which < 0.5 ? mutate(PEOPLE, r) : PEOPLE);
      writeFileSync(join(dir, 'ties.csv'), which >= 0.5 || which < 0.15 ? mutate(TIES, r) : TIES);
      for (const mode of ['strict', 'lenient'] as const) {
        let out = '';
        let err = '';
        const code = await run(['validate', dir, '--format', 'json', ...(mode === 'lenient' ? ['--lenient'] : [])], {
          out: (s) => void (out += s),
          err: (s) => void (err += s),
          isTTY: false,
        });
        const context = `case ${k} ${mode}: ${err}`;
        expect([0, 1], context).toContain(code);
        expect(err, context).not.toMatch(/internal error|\n\s+at /);
        if (err !== '') {
          expect(err.trimEnd().split('\n'), context).toHaveLength(1);
          expect(err, context).toMatch(/^orgraph: error E_[A-Z_]+: /);
          // eslint-disable-next-line no-control-regex -- matching control characters is the point
          expect(err, context).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
        }
        const summary = JSON.parse(out) as {
          ok: boolean;
          report?: { files: { file: string; rowsRead: number; rowsKept: number; rowsDropped: number }[] };
        };
        if (mode === 'strict') {
          if (code === 0) outcomes.clean++;
          else outcomes.strictErrors++;
        } else if (summary.report) {
          for (const f of summary.report.files) expect(f.rowsKept + f.rowsDropped, `case ${k} ${f.file}`).toBe(f.rowsRead);
          if (summary.report.files.some((f) => f.rowsDropped > 0)) outcomes.lenientDrops++;
        }
      }
    }
    // The mutations do exercise both outcomes.
    expect(outcomes.clean).toBeGreaterThan(10);
    expect(outcomes.strictErrors).toBeGreaterThan(100);
    expect(outcomes.lenientDrops).toBeGreaterThan(50);
  }, 60_000);
});

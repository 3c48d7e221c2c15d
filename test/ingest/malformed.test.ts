/**
 * The malformed-input corpus (test/fixtures/malformed, see its README.md): every case in strict
 * mode (exit 1, one line naming file, line and reason) and in lenient mode (every row accounted
 * for, with the exact counts read off the fixture files by hand).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFolder, type FileReport, type IngestReport } from '../../src/ingest/index.js';
import { OrgraphError } from '../../src/model/errors.js';
import { cli } from '../helpers/cli.js';

const ROOT = 'test/fixtures/malformed';

interface StrictCase {
  code: string;
  file: string;
  line?: number;
  field?: string;
  reason: RegExp;
}

type Counts = Partial<Record<string, number>>;
interface FileExpect {
  read: number;
  dropped?: Counts;
  altered?: Counts;
}
interface LenientCase {
  people?: FileExpect;
  ties?: FileExpect;
  /** Exit code of `orgraph validate --lenient`. */
  exit: number;
}

interface Case {
  args?: string[];
  strict: StrictCase | null;
  /** null: the problem is structural (fatal in both modes). */
  lenient: LenientCase | null;
}

const PEOPLE4: FileExpect = { read: 4 };

// Expected outcomes read off each fixture by hand (the README table says the same in prose).
const CASES: Record<string, Case> = {
  'missing-column-people': {
    strict: { code: 'E_MISSING_COLUMN', file: 'people.csv', line: 1, field: 'id', reason: /missing column "id"/ },
    lenient: null,
  },
  'missing-column-ties': {
    strict: { code: 'E_MISSING_COLUMN', file: 'ties.csv', line: 1, field: 'target', reason: /missing column "target"/ },
    lenient: null,
  },
  'duplicate-column': {
    strict: { code: 'E_DUPLICATE_COLUMN', file: 'people.csv', line: 1, field: 'Department', reason: /appears twice/ },
    lenient: null,
  },
  // people rows: a b c b(dup, line 5) d c(dup, line 7)
  'duplicate-person': {
    strict: { code: 'E_DUPLICATE_PERSON', file: 'people.csv', line: 5, field: 'id', reason: /"b" already appeared on line 3/ },
    lenient: { people: { read: 6, dropped: { E_DUPLICATE_PERSON: 2 } }, ties: { read: 2 }, exit: 1 },
  },
  'empty-id': {
    strict: { code: 'E_EMPTY_ID', file: 'people.csv', line: 3, field: 'id', reason: /empty person id/ },
    lenient: { people: { read: 3, dropped: { E_EMPTY_ID: 1 } }, ties: { read: 2, dropped: { E_EMPTY_ID: 1 } }, exit: 1 },
  },
  'unknown-person': {
    strict: { code: 'E_UNKNOWN_PERSON', file: 'ties.csv', line: 3, field: 'source', reason: /"zed" is not in the people file/ },
    lenient: { people: PEOPLE4, ties: { read: 5, dropped: { E_UNKNOWN_PERSON: 2 } }, exit: 1 },
  },
  'weight-non-numeric': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 3, field: 'weight', reason: /"abc" is not a number/ },
    lenient: { people: PEOPLE4, ties: { read: 3, dropped: { E_BAD_WEIGHT: 1 } }, exit: 1 },
  },
  'weight-negative': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 4, field: 'weight', reason: /negative/ },
    lenient: { people: PEOPLE4, ties: { read: 3, dropped: { E_BAD_WEIGHT: 1 } }, exit: 1 },
  },
  'weight-zero': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 2, field: 'weight', reason: /weight is 0/ },
    lenient: { people: PEOPLE4, ties: { read: 2, dropped: { E_BAD_WEIGHT: 1 } }, exit: 1 },
  },
  'weight-nan': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 3, field: 'weight', reason: /"NaN" is not a finite number/ },
    lenient: { people: PEOPLE4, ties: { read: 2, dropped: { E_BAD_WEIGHT: 1 } }, exit: 1 },
  },
  'weight-infinite': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 2, field: 'weight', reason: /"Infinity" is not a finite number/ },
    lenient: { people: PEOPLE4, ties: { read: 3, dropped: { E_BAD_WEIGHT: 2 } }, exit: 1 },
  },
  'weight-empty': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 3, field: 'weight', reason: /empty weight/ },
    lenient: { people: PEOPLE4, ties: { read: 3, altered: { E_BAD_WEIGHT: 1 } }, exit: 0 },
  },
  'self-loop': {
    strict: { code: 'E_SELF_LOOP', file: 'ties.csv', line: 3, field: 'target', reason: /self-loop: "c"/ },
    lenient: { people: PEOPLE4, ties: { read: 4, dropped: { E_SELF_LOOP: 2 } }, exit: 1 },
  },
  'empty-file': { strict: { code: 'E_EMPTY_FILE', file: 'ties.csv', reason: /empty/ }, lenient: null },
  'header-only': {
    strict: { code: 'E_EMPTY_FILE', file: 'ties.csv', line: 1, reason: /header but no data rows/ },
    lenient: { people: PEOPLE4, ties: { read: 0 }, exit: 0 },
  },
  bom: { strict: null, lenient: { people: { read: 2 }, ties: { read: 1 }, exit: 0 } },
  crlf: { strict: null, lenient: { people: { read: 3 }, ties: { read: 2 }, exit: 0 } },
  'quoted-fields': { strict: null, lenient: { people: { read: 3 }, ties: { read: 2 }, exit: 0 } },
  // header = 1; the first row's quoted note spans lines 2-4; "b,c,2" = 5; "c,d,x" = 6.
  'line-numbers-after-quoted-newlines': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 6, field: 'weight', reason: /"x" is not a number/ },
    lenient: { people: PEOPLE4, ties: { read: 3, dropped: { E_BAD_WEIGHT: 1 } }, exit: 1 },
  },
  'wrong-delimiter-semicolon': {
    strict: { code: 'E_DELIMITER', file: 'people.csv', line: 1, reason: /use --delimiter ';'/ },
    lenient: null,
  },
  'wrong-delimiter-tab': { strict: { code: 'E_DELIMITER', file: 'people.csv', line: 1, reason: /use --delimiter tab/ }, lenient: null },
  'field-count': {
    strict: { code: 'E_FIELD_COUNT', file: 'ties.csv', line: 3, reason: /expected 3 fields .* found 2/ },
    lenient: { people: PEOPLE4, ties: { read: 4, dropped: { E_FIELD_COUNT: 2 } }, exit: 1 },
  },
  'bad-timestamp': {
    strict: { code: 'E_BAD_TIMESTAMP', file: 'ties.csv', line: 3, field: 'time', reason: /"2010-13-01" is not a real date/ },
    lenient: { people: PEOPLE4, ties: { read: 4, altered: { E_BAD_TIMESTAMP: 2 } }, exit: 0 },
  },
  'csv-syntax': {
    strict: { code: 'E_CSV_SYNTAX', file: 'ties.csv', line: 3, reason: /cannot be read as CSV/ },
    lenient: { people: PEOPLE4, ties: { read: 3, dropped: { E_CSV_SYNTAX: 1 } }, exit: 1 },
  },
  'unknown-manager': {
    args: ['--manager-column', 'manager'],
    strict: { code: 'E_UNKNOWN_PERSON', file: 'people.csv', line: 4, field: 'manager', reason: /manager "zed" is not a known person/ },
    lenient: { people: { read: 4, altered: { E_UNKNOWN_PERSON: 1, E_SELF_LOOP: 1 } }, ties: { read: 1 }, exit: 0 },
  },
  'bad-external': {
    strict: { code: 'E_BAD_VALUE', file: 'people.csv', line: 3, field: 'external', reason: /"maybe" is not a yes\/no value/ },
    lenient: { people: { read: 3, altered: { E_BAD_VALUE: 1 } }, ties: { read: 2 }, exit: 0 },
  },
  'missing-ties-file': { strict: { code: 'E_FILE_NOT_FOUND', file: 'ties.csv', reason: /no such file/ }, lenient: null },
  // Recovery at the next physical line: line 2 "a"x is bad; lines 3-6 are four good ties.
  'text-after-quote': {
    strict: { code: 'E_CSV_SYNTAX', file: 'ties.csv', line: 2, reason: /text follows a closing quote/ },
    lenient: { people: PEOPLE4, ties: { read: 5, dropped: { E_CSV_SYNTAX: 1 } }, exit: 1 },
  },
  // Line 3 opens a quote never closed; lines 2, 4, 5 are good ties.
  'unterminated-quote': {
    strict: { code: 'E_CSV_SYNTAX', file: 'ties.csv', line: 3, reason: /a quoted field is never closed/ },
    lenient: { people: PEOPLE4, ties: { read: 4, dropped: { E_CSV_SYNTAX: 1 } }, exit: 1 },
  },
  // Four ties, LF then CRLF (and CRLF then LF): every line a row, nothing fused.
  'mixed-endings-lf-then-crlf': { strict: null, lenient: { people: PEOPLE4, ties: { read: 4 }, exit: 0 } },
  'mixed-endings-crlf-then-lf': { strict: null, lenient: { people: PEOPLE4, ties: { read: 4 }, exit: 0 } },
  // people lines 3 "x\xff" and 4 "x\xfe" hold invalid UTF-8; lines 2 and 5 (a, b) are good.
  'invalid-utf8': {
    strict: { code: 'E_ENCODING', file: 'people.csv', line: 3, reason: /invalid UTF-8/ },
    lenient: { people: { read: 4, dropped: { E_ENCODING: 2 } }, ties: { read: 1 }, exit: 1 },
  },
  // 1e308 (lines 2, 3: their sum overflows) and 5e-324 (line 4: 1/w is infinite) are out of range.
  'weight-extreme': {
    strict: { code: 'E_BAD_WEIGHT', file: 'ties.csv', line: 2, field: 'weight', reason: /weight 1e308 is outside \[1e-12, 1e12\]/ },
    lenient: { people: PEOPLE4, ties: { read: 4, dropped: { E_BAD_WEIGHT: 3 } }, exit: 1 },
  },
  'people-is-folder': { strict: { code: 'E_UNREADABLE', file: 'people.csv', reason: /a folder, not a file/ }, lenient: null },
  'people-dangling-link': {
    strict: { code: 'E_FILE_NOT_FOUND', file: 'people.csv', reason: /a symbolic link to a missing file/ },
    lenient: null,
  },
  'people-link-loop': { strict: { code: 'E_UNREADABLE', file: 'people.csv', reason: /a loop of symbolic links/ }, lenient: null },
  // A quoted id holding ESC, a line break and a fake "all good" line: printed escaped, on one line.
  'control-characters': {
    strict: {
      code: 'E_UNKNOWN_PERSON',
      file: 'ties.csv',
      line: 2,
      field: 'source',
      reason: /"zed\\x1b\[2K\\norgraph: all good" is not in the people file/,
    },
    lenient: { people: PEOPLE4, ties: { read: 2, dropped: { E_UNKNOWN_PERSON: 1 } }, exit: 1 },
  },
  // Attribute columns "__proto__" and "constructor", relations of the same names: ordinary names.
  'proto-names': { strict: null, lenient: { people: { read: 2 }, ties: { read: 2 }, exit: 0 } },
  // people.csv (BOM, CRLF): 1 header, 2 a, 3 b, 4 ",Ops", 5 "b" again, 6 c, 7-8 d with a quoted
  // line break, 9 blank, 10 "e,Ops,extra" -> 7 rows read. ties.csv: 10 rows, see mixed test below.
  mixed: {
    strict: { code: 'E_EMPTY_ID', file: 'people.csv', line: 4, field: 'id', reason: /empty person id/ },
    lenient: {
      people: { read: 7, dropped: { E_EMPTY_ID: 1, E_DUPLICATE_PERSON: 1, E_FIELD_COUNT: 1 } },
      ties: {
        read: 10,
        dropped: { E_BAD_WEIGHT: 2, E_UNKNOWN_PERSON: 2, E_SELF_LOOP: 1, E_FIELD_COUNT: 1 },
        altered: { E_BAD_WEIGHT: 1, E_BAD_VALUE: 1 },
      },
      exit: 1,
    },
  },
};

function sum(c: Counts | undefined): number {
  return Object.values(c ?? {}).reduce((a: number, b) => a + (b ?? 0), 0);
}

function fileOf(report: IngestReport, kind: 'people' | 'ties'): FileReport {
  const f = report.files.find((x) => x.kind === kind);
  if (!f) throw new Error(`no ${kind} file in report`);
  return f;
}

describe('malformed corpus', () => {
  it('has a test case for every fixture folder, and the reverse', async () => {
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    const dir = join(ROOT, name);
    describe(name, () => {
      it(c.strict ? `strict: exit 1 with ${c.strict.code} naming file, line and field` : 'strict: reads cleanly (exit 0)', async () => {
        const r = await cli(['validate', dir, ...(c.args ?? [])]);
        if (!c.strict) {
          expect(r.err).toBe('');
          expect(r.code).toBe(0);
          expect(r.out).toMatch(/result: clean/);
          return;
        }
        expect(r.code).toBe(1);
        const lines = r.err.trim().split('\n');
        expect(lines).toHaveLength(1);
        const s = c.strict;
        const where = join(dir, s.file) + (s.line !== undefined ? `:${s.line}` : '') + ': ';
        expect(lines[0].startsWith(`orgraph: error ${s.code}: ${where}`)).toBe(true);
        if (s.field) expect(lines[0]).toContain(`field "${s.field}"`);
        expect(lines[0]).toMatch(s.reason);
        // The library throws the same, with the location as fields.
        const e = await loadFolder(dir, { managerColumn: c.args ? 'manager' : null }).then(
          () => null,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(OrgraphError);
        const oe = e as OrgraphError;
        expect([oe.code, oe.file, oe.line, oe.field]).toEqual([s.code, join(dir, s.file), s.line, s.field]);
      });

      it(c.lenient ? 'lenient: every row accounted for, exact counts per reason' : 'lenient: still fatal', async () => {
        const r = await cli(['validate', dir, '--lenient', ...(c.args ?? [])]);
        if (!c.lenient) {
          expect(r.code).toBe(1);
          expect(r.err).toMatch(new RegExp(`^orgraph: error ${c.strict!.code}: `));
          return;
        }
        expect(r.code).toBe(c.lenient.exit);
        const { report } = await loadFolder(dir, { mode: 'lenient', managerColumn: c.args ? 'manager' : null });
        for (const kind of ['people', 'ties'] as const) {
          const want = c.lenient[kind]!;
          const f = fileOf(report, kind);
          expect(f.rowsRead, `${kind} read`).toBe(want.read);
          expect(f.rowsKept + f.rowsDropped, `${kind} kept + dropped = read`).toBe(f.rowsRead);
          expect(f.dropped, `${kind} dropped`).toEqual(want.dropped ?? {});
          expect(f.rowsDropped).toBe(sum(want.dropped));
          expect(f.altered, `${kind} altered`).toEqual(want.altered ?? {});
        }
        const listed = report.issues.filter((i) => i.action !== 'warning').length;
        const expectedIssues = (['people', 'ties'] as const).reduce(
          (s, k) => s + sum(c.lenient![k]!.dropped) + sum(c.lenient![k]!.altered),
          0,
        );
        expect(listed).toBe(expectedIssues);
        for (const i of report.issues) expect(i.file.startsWith(dir)).toBe(true);
      });
    });
  }
});

describe('malformed corpus: what lenient mode keeps', () => {
  it('recovery: the rows after a bad quote are all kept, with their own line numbers', async () => {
    const t = await loadFolder(join(ROOT, 'text-after-quote'), { mode: 'lenient' });
    expect([...t.graph.ties()].map((x) => `${x.source}-${x.target}:${x.weight}`)).toEqual(['a-b:1', 'b-c:2', 'c-d:1', 'd-a:3']);
    const u = await loadFolder(join(ROOT, 'unterminated-quote'), { mode: 'lenient' });
    expect([...u.graph.ties()].map((x) => `${x.source}-${x.target}`)).toEqual(['a-b', 'c-d', 'd-a']);
    expect(u.report.issues.map((i) => i.line)).toEqual([3]);
  });

  it('mixed line endings in either order: four ties, no phantom person', async () => {
    for (const name of ['mixed-endings-lf-then-crlf', 'mixed-endings-crlf-then-lf']) {
      const { graph, report } = await loadFolder(join(ROOT, name));
      expect(graph.personIds).toEqual(['a', 'b', 'c', 'd']);
      expect([...graph.ties()].map((x) => `${x.source}-${x.target}`)).toEqual(['a-b', 'b-c', 'c-d', 'd-a']);
      expect(fileOf(report, 'ties').lineEndings).toBe('mixed');
    }
  });

  it('invalid UTF-8: x\\xff and x\\xfe are both dropped, never merged into one person', async () => {
    const { graph } = await loadFolder(join(ROOT, 'invalid-utf8'), { mode: 'lenient' });
    expect(graph.personIds).toEqual(['a', 'b']);
  });

  it('"__proto__" and "constructor" are ordinary attribute and relation names', async () => {
    const { graph } = await loadFolder(join(ROOT, 'proto-names'));
    expect(graph.attributeNames).toEqual(['__proto__', 'constructor']);
    expect(graph.attribute('__proto__')).toEqual(['Sales', 'Ops']);
    const a = graph.person('a').attributes;
    expect(Object.keys(a)).toEqual(['__proto__', 'constructor']);
    expect(a.__proto__).toBe('Sales');
    expect(graph.relations.map((r) => r.name)).toEqual(['__proto__', 'constructor']);
  });

  it('a line over the 4 MiB record limit is one dropped row; the 10,000 rows after it are kept', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-long-'));
    try {
      const rows = ['source,target', `a,${'b'.repeat(4 * 2 ** 20 + 10)}`];
      for (let i = 0; i < 10_000; i++) rows.push(`p${i},q${i}`);
      writeFileSync(join(dir, 'ties.csv'), rows.join('\n') + '\n');
      const { graph, report } = await loadFolder(dir, { mode: 'lenient' });
      expect(report.files[0]).toMatchObject({ rowsRead: 10_001, rowsKept: 10_000, rowsDropped: 1, dropped: { E_CSV_SYNTAX: 1 } });
      expect(report.issues[0]).toMatchObject({ line: 2, code: 'E_CSV_SYNTAX' });
      expect(graph.tieCount).toBe(10_000);
      await expect(loadFolder(dir)).rejects.toMatchObject({ code: 'E_CSV_SYNTAX', line: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('mixed: the surviving people, ties, lines and notes', async () => {
    const { graph, report } = await loadFolder(join(ROOT, 'mixed'), { mode: 'lenient' });
    expect(graph.personIds).toEqual(['a', 'b', 'c', 'd']);
    expect(graph.person('d').attributes).toEqual({ department: 'Ops,\r\nEast' });
    // ties.csv rows: 2 a,b,1,advice kept; 3 b,c,-2 dropped; 4 c,zed dropped; 5 d,d dropped;
    // 6 a,c,<empty> kept as 1; 7 b,d,3 (3 fields) dropped; 8 c,a,2,<empty> kept as "tie";
    // 9 d,e dropped (e's people row was dropped); 10 a,d,two dropped; 11 b,a,4,advice kept.
    expect([...graph.ties()]).toEqual([
      { source: 'a', target: 'b', weight: 1, relation: 'advice' },
      { source: 'a', target: 'c', weight: 1, relation: 'advice' },
      { source: 'c', target: 'a', weight: 2, relation: 'tie' },
      { source: 'b', target: 'a', weight: 4, relation: 'advice' },
    ]);
    const people = fileOf(report, 'people');
    expect([people.bom, people.lineEndings, people.blankLines]).toEqual([true, 'crlf', 1]);
    expect(report.issues.map((i) => `${i.file.split('/').pop()}:${i.line}:${i.code}:${i.action}`)).toEqual([
      'people.csv:4:E_EMPTY_ID:dropped',
      'people.csv:5:E_DUPLICATE_PERSON:dropped',
      'people.csv:10:E_FIELD_COUNT:dropped',
      'ties.csv:3:E_BAD_WEIGHT:dropped',
      'ties.csv:4:E_UNKNOWN_PERSON:dropped',
      'ties.csv:5:E_SELF_LOOP:dropped',
      'ties.csv:6:E_BAD_WEIGHT:altered',
      'ties.csv:7:E_FIELD_COUNT:dropped',
      'ties.csv:8:E_BAD_VALUE:altered',
      'ties.csv:9:E_UNKNOWN_PERSON:dropped',
      'ties.csv:10:E_BAD_WEIGHT:dropped',
    ]);
    expect(report.issueCount).toBe(11);
  });

  it('maxIssues caps the list, never the counts', async () => {
    const { report } = await loadFolder(join(ROOT, 'mixed'), { mode: 'lenient', maxIssues: 3 });
    expect(report.issues).toHaveLength(3);
    expect(report.issueCount).toBe(11);
  });

  it('quoted-fields: commas, doubled quotes and line breaks inside quotes', async () => {
    const { graph } = await loadFolder(join(ROOT, 'quoted-fields'));
    expect(graph.person('a').attributes).toEqual({ department: 'Sales, North', title: 'Head of "Key" Accounts' });
    expect(graph.person('b').attributes).toEqual({ department: 'Ops', title: 'Shift lead\nnights' });
    expect(graph.person('c').attributes).toEqual({ department: 'R&D, Lab\nB', title: 'Engineer' });
    expect([...graph.ties()][1]).toEqual({ source: 'b', target: 'c', weight: 2.5, relation: 'advice, formal' });
  });

  it('bom and crlf are noted, not row problems', async () => {
    const bom = await loadFolder(join(ROOT, 'bom'));
    expect(bom.report.files.map((f) => f.bom)).toEqual([true, true]);
    expect(bom.graph.attributeNames).toEqual(['department']);
    expect(bom.graph.personIds).toEqual(['a', 'b']);
    const crlf = await loadFolder(join(ROOT, 'crlf'));
    expect(crlf.report.files.map((f) => f.lineEndings)).toEqual(['crlf', 'crlf']);
    expect(crlf.graph.person('c').attributes).toEqual({ department: 'Ops' });
  });

  it('bad-timestamp: ties kept, bad times removed', async () => {
    const { graph } = await loadFolder(join(ROOT, 'bad-timestamp'), { mode: 'lenient' });
    // 2010-01-02T17:40:10Z = 1262454010000 ms (Python: datetime(2010,1,2,17,40,10,tzinfo=utc).timestamp()*1000).
    expect([...graph.ties()].map((t) => t.time)).toEqual([1262454010000, undefined, undefined, 1262453410000]);
  });

  it('unknown-manager: only the valid reporting line becomes a tie', async () => {
    const { graph } = await loadFolder(join(ROOT, 'unknown-manager'), { mode: 'lenient', managerColumn: 'manager' });
    // a: no manager; b -> a; c -> zed (unknown); d -> d (self).
    expect([...graph.ties()].filter((t) => t.relation === 'reports_to')).toEqual([
      { source: 'b', target: 'a', weight: 1, relation: 'reports_to' },
    ]);
    expect(graph.person('b').attributes.manager).toBe('a');
  });

  it('wrong delimiter: the suggested delimiter works', async () => {
    const { graph } = await loadFolder(join(ROOT, 'wrong-delimiter-semicolon'), { delimiter: ';' });
    expect([graph.personCount, graph.tieCount]).toEqual([2, 1]);
    const tab = await cli(['validate', join(ROOT, 'wrong-delimiter-tab'), '--delimiter', 'tab']);
    expect(tab.code).toBe(0);
  });
});

/** CSV ingest: formats, defaults and options, on small hand-written inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestCsvInputs, plainWeight, plainWeightBytes } from '../../src/ingest/csv.js';
import { DEFAULT_INGEST_OPTIONS, isCleanReport, loadFiles, loadFolder, parseCsv } from '../../src/ingest/index.js';

describe('degenerate inputs', () => {
  it('people without ties: a graph of isolates', async () => {
    const { graph, report } = await parseCsv({ people: 'id\nx\n', ties: 'source,target\n' }, { mode: 'lenient' });
    expect([graph.personCount, graph.tieCount, graph.relations.length]).toEqual([1, 0, 0]);
    expect(report.issues.map((i) => [i.code, i.action])).toEqual([['E_EMPTY_FILE', 'warning']]);
  });

  it('one tie and no people file: people come from the ties in order of first appearance', async () => {
    const { graph } = await parseCsv({ ties: 'source,target\nq,p\n' });
    expect(graph.personIds).toEqual(['q', 'p']);
    expect([...graph.ties()]).toEqual([{ source: 'q', target: 'p', weight: 1, relation: 'tie' }]);
  });

  it('without people, rows dropped before interning add nobody', async () => {
    const { graph } = await parseCsv({ ties: 'source,target,weight\na,b,1\nc,d,0\ne,e,1\n' }, { mode: 'lenient' });
    expect(graph.personIds).toEqual(['a', 'b']);
  });
});

describe('format', () => {
  it('defaults: weight 1, relation "tie", directed; column names are case-insensitive; ids trimmed', async () => {
    const { graph, report } = await parseCsv({ people: 'ID,Team\n a ,x\nb,y\n', ties: 'Source,Target,Extra\na , b,zzz\n' });
    expect(graph.personIds).toEqual(['a', 'b']);
    expect(graph.attributeNames).toEqual(['Team']);
    expect([...graph.ties()]).toEqual([{ source: 'a', target: 'b', weight: 1, relation: 'tie' }]);
    expect(graph.relations).toEqual([{ name: 'tie', directed: true }]);
    expect(report.files[1].ignoredColumns).toEqual(['Extra']);
    expect(isCleanReport(report)).toBe(true);
  });

  it('empty attribute cells are missing, not empty strings', async () => {
    const { graph } = await parseCsv({ people: 'id,team,level\na,,3\n', ties: 'source,target\n' }, { mode: 'lenient' });
    expect(graph.attribute('team')).toEqual([null]);
    expect(graph.person('a').attributes).toEqual({ level: '3' });
  });

  it('relations follow the ties order; relations.csv and undirectedRelations set direction', async () => {
    const { graph } = await parseCsv(
      {
        ties: 'source,target,relation\na,b,z\nb,c,y\nc,a,x\n',
        relations: 'relation,directed\nx,true\ny,false\nunused,false\n',
      },
      { undirectedRelations: ['z'] },
    );
    expect(graph.relations).toEqual([
      { name: 'z', directed: false },
      { name: 'y', directed: false },
      { name: 'x', directed: true },
      { name: 'unused', directed: false },
    ]);
    expect(graph.tiesPerRelation().get('unused')).toBe(0);
  });

  it('relations.csv problems: bad directed value, empty name, declared twice', async () => {
    const relations = 'relation,directed\nx,maybe\n,true\ny,false\ny,true\n';
    await expect(parseCsv({ ties: 'source,target\na,b\n', relations })).rejects.toMatchObject({
      code: 'E_BAD_VALUE',
      file: 'relations.csv',
      line: 2,
      field: 'directed',
    });
    const { report } = await parseCsv({ ties: 'source,target\na,b\n', relations }, { mode: 'lenient' });
    expect(report.files[0]).toMatchObject({ kind: 'relations', rowsRead: 4, rowsKept: 1, dropped: { E_BAD_VALUE: 3 } });
  });

  it('time column: ISO 8601 or epoch ms; empty = no time', async () => {
    const { graph } = await parseCsv({ ties: 'source,target,time\na,b,1970-01-01T00:00:02Z\nb,c,5\nc,a,\n' });
    expect(Array.from(graph.tieTimes!)).toEqual([2000, 5, NaN]);
  });

  it('external column: yes/no into the flag, not an attribute; another column by option', async () => {
    const people = 'id,external,partner\na,yes,n\nb,0,Y\n';
    const def = await parseCsv({ people, ties: 'source,target\na,b\n' });
    expect([def.graph.isExternal(0), def.graph.isExternal(1)]).toEqual([true, false]);
    expect(def.graph.attributeNames).toEqual(['partner']);
    const alt = await parseCsv({ people, ties: 'source,target\na,b\n' }, { externalColumn: 'partner' });
    expect([alt.graph.isExternal(0), alt.graph.isExternal(1)]).toEqual([false, true]);
    expect(alt.graph.attributeNames).toEqual(['external']);
  });

  it('manager column: reports_to ties person -> manager after the ties; managers may come later', async () => {
    const { graph } = await parseCsv(
      { people: 'id,boss\na,c\nb,c\nc,\n', ties: 'source,target,relation\na,b,advice\n' },
      { managerColumn: 'boss' },
    );
    expect([...graph.ties()]).toEqual([
      { source: 'a', target: 'b', weight: 1, relation: 'advice' },
      { source: 'a', target: 'c', weight: 1, relation: 'reports_to' },
      { source: 'b', target: 'c', weight: 1, relation: 'reports_to' },
    ]);
    await expect(
      parseCsv({ people: 'id\na\n', ties: 'source,target\na,a\n' }, { managerColumn: 'boss', mode: 'lenient' }),
    ).rejects.toMatchObject({
      code: 'E_MISSING_COLUMN',
      field: 'boss',
    });
    await expect(parseCsv({ ties: 'source,target\na,b\n' }, { managerColumn: 'boss' })).rejects.toMatchObject({ code: 'E_BAD_OPTION' });
  });

  it('delimiter option reads ; and tab files', async () => {
    const semi = await parseCsv({ people: 'id;dept\na;"x;y"\nb;z\n', ties: 'source;target;weight\na;b;2.5\n' }, { delimiter: ';' });
    expect(semi.graph.person('a').attributes).toEqual({ dept: 'x;y' });
    const tab = await parseCsv({ ties: 'source\ttarget\na\tb\n' }, { delimiter: '\t' });
    expect(tab.graph.tieCount).toBe(1);
  });

  it('a decimal comma in a ;-separated file gets a hint', async () => {
    await expect(parseCsv({ ties: 'source;target;weight\na;b;1,5\n' }, { delimiter: ';' })).rejects.toThrow(/decimal comma\? write "1.5"/);
  });

  it('a multi-line record with the wrong field count: its first line is dropped, reading resumes on its second', async () => {
    // Lines: 1 header; 2-3 a,"b<LF>c",x is one record of 3 fields (E_FIELD_COUNT at line 2); reading
    // resumes at line 3, c",x (a quote inside a field: E_CSV_SYNTAX); line 4 d,e is kept.
    const { graph, report } = await parseCsv({ ties: 'source,target\na,"b\nc",x\nd,e\n' }, { mode: 'lenient' });
    expect([...graph.ties()].map((t) => `${t.source}-${t.target}`)).toEqual(['d-e']);
    expect(report.files[0]).toMatchObject({ rowsRead: 3, rowsKept: 1, rowsDropped: 2, dropped: { E_FIELD_COUNT: 1, E_CSV_SYNTAX: 1 } });
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'E_FIELD_COUNT'],
      [3, 'E_CSV_SYNTAX'],
    ]);
    expect(report.issues[0].message).toContain('a record over lines 2-3; a stray quote?');
  });

  it('an unclosed quote: only its line is dropped; the rows after it are read (recovery at the next line)', async () => {
    const { graph, report } = await parseCsv({ ties: 'source,target\na,b\n"b,c\nc,d\nd,e\n' }, { mode: 'lenient' });
    // Lines 2, 4 and 5 are ties a-b, c-d, d-e; line 3 is the bad one.
    expect(graph.tieCount).toBe(3);
    expect(report.files[0]).toMatchObject({ rowsRead: 4, rowsKept: 3, dropped: { E_CSV_SYNTAX: 1 } });
    expect(report.issues[0]).toMatchObject({ line: 3, code: 'E_CSV_SYNTAX' });
    expect(report.issues[0].message).toBe('cannot be read as CSV: a quoted field is never closed');
  });
});

describe('options', () => {
  it('defaults are frozen and as documented', () => {
    expect(Object.isFrozen(DEFAULT_INGEST_OPTIONS)).toBe(true);
    expect(DEFAULT_INGEST_OPTIONS).toEqual({
      mode: 'strict',
      delimiter: ',',
      undirectedRelations: [],
      managerColumn: null,
      externalColumn: 'external',
      maxIssues: 50,
    });
  });

  it.each([[{ mode: 'loose' }], [{ delimiter: ';;' }], [{ delimiter: '"' }], [{ maxIssues: -1 }]])(
    'bad option %j is E_BAD_OPTION',
    async (o) => {
      await expect(parseCsv({ ties: 'source,target\na,b\n' }, o as never)).rejects.toMatchObject({ code: 'E_BAD_OPTION' });
    },
  );
});

describe('files and folders', () => {
  it('loadFiles and loadFolder read the same graph', async () => {
    const dir = 'test/fixtures/datasets/bank-wiring';
    const a = await loadFolder(dir);
    const b = await loadFiles({ people: `${dir}/people.csv`, ties: `${dir}/ties.csv`, relations: `${dir}/relations.csv` });
    expect([...b.graph.ties()]).toEqual([...a.graph.ties()]);
    expect(b.graph.relations).toEqual(a.graph.relations);
    expect(b.graph.people()).toEqual(a.graph.people());
  });

  it('missing files and folders are E_FILE_NOT_FOUND naming the path', async () => {
    await expect(loadFiles({ ties: 'test/nope.csv' })).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND', file: 'test/nope.csv' });
    await expect(loadFiles({ ties: 'test' })).rejects.toMatchObject({ code: 'E_UNREADABLE', message: 'test: a folder, not a file' });
    await expect(loadFolder('test/nope')).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND', file: 'test/nope' });
  });

  it('a folder that is a loop of symbolic links is E_UNREADABLE, not "no such folder"', async () => {
    const { mkdtempSync, symlinkSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-loop-'));
    try {
      symlinkSync(join(dir, 'data'), join(dir, 'data'));
      await expect(loadFolder(join(dir, 'data'))).rejects.toMatchObject({
        code: 'E_UNREADABLE',
        message: `${join(dir, 'data')}: a loop of symbolic links`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plainWeight (the weight fast path; anything it returns NaN for goes to parseWeight)', () => {
  it('hand cases: plain decimals are read, every other spelling is left to parseWeight', () => {
    expect(['1', '40', '8.354', '5.', '.5', '007', '0', '0.0', '123456789012345'].map(plainWeight)).toEqual([
      1, 40, 8.354, 5, 0.5, 7, 0, 0, 123456789012345,
    ]);
    // 16 digits, empty, lone dot, spaces, signs, exponents, two dots, decimal comma, words.
    for (const s of ['1234567890123456', '', '.', ' 1', '1 ', '+1', '-1', '1e3', '1.2.3', '1,5', 'NaN', 'Infinity'])
      expect(plainWeight(s)).toBeNaN();
  });

  it('property: equal to Number(text) (the value parseWeight gives) for every plain decimal of up to 15 digits', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { maxLength: 15 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, digits, fc.boolean(), (a, b, dot) => {
        const text = dot ? `${a}.${b}` : a + b;
        const n = (a + b).length;
        if (n === 0 || n > 15) expect(plainWeight(text)).toBeNaN();
        else expect(plainWeight(text)).toBe(Number(text));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('weights read through the fast path and through parseWeight agree in a ties file', async () => {
    const { graph } = await parseCsv({ ties: 'source,target,weight\na,b,2.50\nb,c, 2.5\nc,d,2.5e0\nd,e,+2.5\n' });
    expect([...graph.ties()].map((t) => t.weight)).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
});

describe('plainWeightBytes (plainWeight on bytes in place)', () => {
  it('property: the same number (or NaN) as plainWeight for any text over digits, dot, sign, space and e', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.+- e'), maxLength: 18 }), (text) => {
        const bytes = Buffer.from(`,${text},`, 'latin1');
        const got = plainWeightBytes(bytes, 1, 1 + text.length);
        const want = plainWeight(text);
        if (Number.isNaN(want)) expect(got).toBeNaN();
        else expect(got).toBe(want);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

/** UTF-8 bytes cut at byte positions (taken modulo length + 1). */
function byteChunks(text: string, positions: readonly number[]): Uint8Array[] {
  const bytes = Buffer.from(text, 'utf8');
  const cuts = [...new Set(positions.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(new Uint8Array(bytes.subarray(from, c)));
    from = c;
  }
  out.push(new Uint8Array(bytes.subarray(from)));
  return out;
}

/** Everything a load shows: graph contents and the report, or the error. */
async function account(load: Promise<{ graph: import('../../src/index.js').OrgGraph; report: unknown }>): Promise<unknown> {
  try {
    const { graph, report } = await load;
    return { people: graph.people(), ties: [...graph.ties()], relations: graph.relations, report };
  } catch (e) {
    const err = e as { code?: string; line?: number; field?: string; message?: string };
    return { error: [err.code, err.line, err.field, err.message] };
  }
}

// Cells that take every branch of the plain-row path and of its fallback to row(): known and
// unknown ids, padded ids, self-loops, plain / padded / exponent / zero / empty / bad weights,
// known, new, empty, padded, quoted and non-ASCII relations, times; CRLF lines, blank lines,
// wrong field counts and quotes left open.
const id = fc.constantFrom('a', 'b', 'c', 'p1', 'a', 'b', 'é', ' a', 'zz', '');
const weight = fc.constantFrom('1', '2.5', '007', '1', ' 3', '0', '', '1e3', 'x', '1.2.3');
const relation = fc.constantFrom('advice', 'email', 'tie', 'advice', '', ' advice', '"a,b"', 'ré', 'advice ');
const time = fc.constantFrom('', '', '2026-01-02', 'soon');
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n');
const extra = fc.constantFrom('', '', '', '', '', 'a,b\n', '\n', '"open\n', 'a,b,1,"x\ny",\n');
/** A ties file of such rows (with or without a time column). */
export const tiesFile = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(id, id, weight, relation, time, eol, extra), { maxLength: 25 }))
  .map(([withTime, rows]) => {
    let text = withTime ? 'source,target,weight,relation,time\n' : 'source,target,weight,relation\n';
    for (const [s, t, w, r, tm, e, x] of rows) text += `${s},${t},${w},${r}${withTime ? `,${tm}` : ''}${e}${x}`;
    return text;
  });
const PEOPLE = 'id,team\na,x\nb,y\nc,x\np1,y\né,z\n';

describe('ties read from bytes (plain rows) and from text give the same graph and report', () => {
  it('property: lenient and strict, with and without a people file, at any cut of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        tiesFile,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('lenient', 'strict'),
        async (ties, cuts, withPeople, mode) => {
          const options = { mode: mode as 'lenient' | 'strict' };
          const p = withPeople ? { name: 'people.csv' } : undefined;
          const viaText = await account(
            ingestCsvInputs({ people: p && { ...p, text: PEOPLE }, ties: { name: 'ties.csv', text: ties } }, options),
          );
          const viaBytes = await account(
            ingestCsvInputs(
              { people: p && { ...p, chunks: byteChunks(PEOPLE, cuts) }, ties: { name: 'ties.csv', chunks: byteChunks(ties, cuts) } },
              options,
            ),
          );
          expect(viaBytes).toEqual(viaText);
        },
      ),
      { numRuns: 400, seed: 17 },
    );
  });

  it('hand case: plain rows, a quoted row over two lines and a bad row keep their lines and order', async () => {
    const ties = 'source,target,weight,relation\na,b,2,advice\nb,c,1,"multi\nline"\nc,a,0,advice\na,c,3,advice\n';
    const { graph, report } = await ingestCsvInputs({ ties: { name: 'ties.csv', chunks: byteChunks(ties, [40]) } }, { mode: 'lenient' });
    expect([...graph.ties()].map((t) => [t.source, t.target, t.weight, t.relation])).toEqual([
      ['a', 'b', 2, 'advice'],
      ['b', 'c', 1, 'multi\nline'],
      ['a', 'c', 3, 'advice'],
    ]);
    // The weight-0 row is on physical line 5 (the quoted relation spans lines 3-4).
    expect(report.issues.map((i) => [i.code, i.line, i.field])).toEqual([['E_BAD_WEIGHT', 5, 'weight']]);
  });
});

/** JSON ingest: the documented document shape, validation, and agreement with CSV. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJson, parseCsv, type OrgJson } from '../../src/ingest/index.js';

describe('loadJson', () => {
  it('empty ties: people only', async () => {
    const { graph } = await loadJson({ people: [{ id: 'a' }], ties: [] });
    expect([graph.personCount, graph.tieCount]).toEqual([1, 0]);
  });

  it('reads the fixture: attributes, external flag, relations, times', async () => {
    const { graph, report } = await loadJson('test/ingest/fixtures/small.json');
    expect(graph.personIds).toEqual(['ana', 'bo', 'cy']);
    expect(graph.attributeNames).toEqual(['department', 'level']);
    expect(graph.person('ana').attributes).toEqual({ department: 'Sales', level: '2' });
    expect(graph.person('cy')).toEqual({ id: 'cy', attributes: {}, external: true });
    // 2024-03-01T09:00:00Z = 1709283600000 ms (Python datetime, UTC).
    expect([...graph.ties()]).toEqual([
      { source: 'ana', target: 'bo', weight: 3, relation: 'advice' },
      { source: 'bo', target: 'cy', weight: 1, relation: 'friendship', time: 1709283600000 },
    ]);
    expect(graph.relations).toEqual([
      { name: 'advice', directed: true },
      { name: 'friendship', directed: false },
    ]);
    expect(report.files.map((f) => [f.kind, f.rowsRead, f.rowsKept])).toEqual([
      ['relations', 1, 1],
      ['people', 3, 3],
      ['ties', 2, 2],
    ]);
  });

  it('gives the same graph as the equivalent CSV', async () => {
    const doc = {
      people: [
        { id: 1, team: 'x' },
        { id: 2, team: 'y' },
        { id: 3, team: 'x' },
      ],
      ties: [
        { source: 1, target: 2, weight: 2 },
        { source: '2', target: '3', relation: 'advice' },
      ],
    };
    const j = await loadJson(doc);
    const c = await parseCsv(
      { people: 'id,team\n1,x\n2,y\n3,x\n', ties: 'source,target,weight,relation\n1,2,2,\n2,3,1,advice\n' },
      { mode: 'lenient' },
    );
    expect([...j.graph.ties()]).toEqual([...c.graph.ties()]);
    expect(j.graph.people()).toEqual(c.graph.people());
  });

  it('strict: first problem, located by array element', async () => {
    const doc = { people: [{ id: 'a' }, { id: 'a' }], ties: [{ source: 'a', target: 'zz' }] };
    await expect(loadJson(doc)).rejects.toMatchObject({ code: 'E_DUPLICATE_PERSON', field: 'people[1].id' });
  });

  it('lenient: every element accounted for', async () => {
    const doc = {
      people: [{ id: 'a' }, { id: 'b' }, { id: 'a' }, { name: 'no id' }, 'x', { id: 'c', tags: ['t'] }],
      ties: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'a', target: 'zz' },
        { source: 'b', target: 'b' },
        { source: 'a', target: 'c', weight: -1 },
        { source: 'a', target: 'c', weight: 'heavy' },
        { source: 'c', target: 'a', time: 'noon' },
        { source: 'c', target: 'b', weight: Infinity },
      ],
    };
    const { graph, report } = await loadJson(doc as never, { mode: 'lenient' });
    expect(graph.personIds).toEqual(['a', 'b', 'c']);
    const [people, ties] = report.files;
    expect(people).toMatchObject({
      rowsRead: 6,
      rowsKept: 3,
      dropped: { E_DUPLICATE_PERSON: 1, E_EMPTY_ID: 1, E_BAD_VALUE: 1 },
      altered: { E_BAD_VALUE: 1 },
    });
    expect(ties).toMatchObject({
      rowsRead: 7,
      rowsKept: 2,
      dropped: { E_UNKNOWN_PERSON: 1, E_SELF_LOOP: 1, E_BAD_WEIGHT: 3 },
      altered: { E_BAD_TIMESTAMP: 1 },
    });
    expect(report.issues.find((i) => i.code === 'E_BAD_TIMESTAMP')?.field).toBe('ties[5].time');
  });

  it('file problems: not found, empty, bad JSON (with its line), wrong shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-json-'));
    const empty = join(dir, 'empty.json');
    const broken = join(dir, 'broken.json');
    writeFileSync(empty, '');
    writeFileSync(broken, '{\n  "ties": [\n    {"source": "a",, "target": "b"}\n  ]\n}\n');
    await expect(loadJson(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
    await expect(loadJson(empty)).rejects.toMatchObject({ code: 'E_EMPTY_FILE' });
    await expect(loadJson(broken)).rejects.toMatchObject({ code: 'E_JSON_SYNTAX', line: 3 });
    await expect(loadJson({ people: [] } as never)).rejects.toMatchObject({ code: 'E_MISSING_COLUMN', field: 'ties' });
    await expect(loadJson({ ties: {} } as never)).rejects.toMatchObject({ code: 'E_JSON_SYNTAX', field: 'ties' });
  });

  it('manager key becomes reports_to ties', async () => {
    const { graph } = await loadJson({ people: [{ id: 'a', mgr: 'b' }, { id: 'b' }], ties: [] }, { managerColumn: 'mgr' });
    expect([...graph.ties()]).toEqual([{ source: 'a', target: 'b', weight: 1, relation: 'reports_to' }]);
  });
});

describe('loadJson: relation influence, as the influence column of relations.csv', () => {
  const ties = [
    { source: 'a', target: 'b', relation: 'advice' },
    { source: 'b', target: 'c', relation: 'mentoring' },
    { source: 'c', target: 'a', relation: 'chat' },
  ];

  it('reads influence (case and spaces as in CSV) and gives the graph relations.csv gives', async () => {
    const json = await loadJson({
      ties,
      relations: [
        { name: 'advice', directed: true, influence: 'Target -> Source' },
        { name: 'mentoring', directed: true, influence: 'source->target' },
        { name: 'chat', directed: false, influence: null },
      ],
    });
    expect(json.graph.relations).toEqual([
      { name: 'advice', directed: true, influence: 'target->source' },
      { name: 'mentoring', directed: true, influence: 'source->target' },
      { name: 'chat', directed: false },
    ]);
    const csv = await parseCsv({
      ties: 'source,target,relation\na,b,advice\nb,c,mentoring\nc,a,chat\n',
      relations: 'relation,directed,influence\nadvice,true,Target -> Source\nmentoring,true,source->target\nchat,false,\n',
    });
    expect(json.graph.relations).toEqual(csv.graph.relations);
  });

  it('a bad influence: strict names the JSON path; lenient drops that relation row and counts it', async () => {
    // As read from a file: the value 3 is not a string.
    const doc = JSON.parse(
      JSON.stringify({
        ties,
        relations: [
          { name: 'advice', directed: true, influence: 'upwards' },
          { name: 'chat', directed: false, influence: 3 },
        ],
      }),
    ) as OrgJson;
    await expect(loadJson(doc)).rejects.toThrow(/relations\[0\]\.influence.*influence must be source->target, target->source or both/);
    const { graph, report } = await loadJson(doc, { mode: 'lenient' });
    expect(report.files[0]).toMatchObject({ kind: 'relations', rowsRead: 2, rowsKept: 0, rowsDropped: 2 });
    expect(report.issues.map((i) => [i.field, i.code])).toEqual([
      ['relations[0].influence', 'E_BAD_VALUE'],
      ['relations[1].influence', 'E_BAD_VALUE'],
    ]);
    expect(graph.relations.every((r) => r.influence === undefined)).toBe(true);
  });
});

describe('loadJson: file errors and strict UTF-8', () => {
  it('a folder is E_UNREADABLE; invalid UTF-8 is E_ENCODING with its line', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-json-'));
    try {
      await expect(loadJson(dir)).rejects.toMatchObject({ code: 'E_UNREADABLE', file: dir });
      const path = join(dir, 'org.json');
      // Line 3 holds the id "x\xff".
      writeFileSync(
        path,
        Buffer.concat([Buffer.from('{\n"ties": [\n{"source": "x'), Buffer.from([0xff]), Buffer.from('", "target": "b"}\n]}\n')]),
      );
      await expect(loadJson(path, { mode: 'lenient' })).rejects.toMatchObject({ code: 'E_ENCODING', file: path, line: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * `orgraph validate` in-process: the 15 real data sets give the counts their README.md states,
 * JSON output, the --people/--ties form, and usage errors (exit 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetNames } from '../helpers/datasets.js';
import { cli } from '../helpers/cli.js';

const DATASETS = 'test/fixtures/datasets';

/** Counts stated by a data set's README.md (written by the conversion, not by orgraph). */
function readmeCounts(name: string): {
  people: number;
  ties: number;
  relations: Map<string, number>;
  undirected: Set<string> | 'all' | 'none';
} {
  const text = readFileSync(join(DATASETS, name, 'README.md'), 'utf8');
  const people = Number(/people \(rows of people\.csv\): (\d+)/.exec(text)![1]);
  const ties = Number(/ties \(rows of ties\.csv\): (\d+)/.exec(text)![1]);
  const relations = new Map<string, number>();
  for (const m of text.matchAll(/relation `([^`]+)`: (\d+) ties/g)) relations.set(m[1], Number(m[2]));
  const directed = /^- directed: (.*)$/m.exec(text)![1];
  let undirected: Set<string> | 'all' | 'none';
  if (directed.startsWith('yes')) undirected = 'none';
  else if (directed.startsWith('no')) undirected = 'all';
  else undirected = new Set(/relations (.*?) (?:is|are) undirected/.exec(directed)![1].split(/,\s*/));
  return { people, ties, relations, undirected };
}

const names = datasetNames();

describe('orgraph validate on the real data sets', () => {
  it('finds the 15 data sets', () => {
    expect(names).toHaveLength(15);
  });

  for (const name of names) {
    it(`${name}: people, ties and ties per relation as its README states`, async () => {
      const want = readmeCounts(name);
      expect(want.relations.size).toBeGreaterThan(0);
      const r = await cli(['validate', join(DATASETS, name), '--format', 'json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const s = JSON.parse(r.out);
      expect(s.people).toBe(want.people);
      expect(s.ties).toBe(want.ties);
      const got = new Map<string, number>(s.relations.map((x: { name: string; ties: number }) => [x.name, x.ties]));
      expect(got).toEqual(want.relations);
      for (const rel of s.relations as { name: string; directed: boolean }[]) {
        const undirected = want.undirected === 'all' ? true : want.undirected === 'none' ? false : want.undirected.has(rel.name);
        expect(rel.directed, rel.name).toBe(!undirected);
      }
      expect(s.ok).toBe(true);
      expect(s.report.issueCount).toBe(0);
      // Text output says the same.
      const t = await cli(['validate', join(DATASETS, name)]);
      expect(t.code).toBe(0);
      expect(t.out).toContain(`people: ${want.people}\n`);
      expect(t.out).toContain(`ties: ${want.ties}\n`);
      for (const [rel, n] of want.relations) expect(t.out).toMatch(new RegExp(`\\n  ${rel} +${n} ties  (un)?directed\\n`));
    });
  }

  it('lists the attributes found (krackhardt-hightech header: id,age,tenure,level,department)', async () => {
    const r = await cli(['validate', join(DATASETS, 'krackhardt-hightech')]);
    expect(r.out).toContain('attributes: age, tenure, level, department\n');
  });
});

describe('orgraph validate: input forms and options', () => {
  it('--people F --ties F reads the same as the folder (relations.csv omitted: all directed)', async () => {
    const dir = join(DATASETS, 'zachary-karate');
    const r = await cli(['validate', '--people', join(dir, 'people.csv'), '--ties', join(dir, 'ties.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect([s.people, s.ties]).toEqual([34, 78]);
    expect(s.relations).toEqual([{ name: 'interaction', directed: true, ties: 78 }]);
    const u = JSON.parse(
      (
        await cli([
          'validate',
          '--people',
          join(dir, 'people.csv'),
          '--ties',
          join(dir, 'ties.csv'),
          '--undirected-relations',
          'interaction',
          '--format',
          'json',
        ])
      ).out,
    );
    expect(u.relations).toEqual([{ name: 'interaction', directed: false, ties: 78 }]);
  });

  it('--manager-column turns manager ids into reports_to ties (manufacturing-email: 153 managers in manager_id)', async () => {
    // people.csv has 153 non-empty manager_id cells (its README: reports_to 153 ties from the same hierarchy).
    const dir = join(DATASETS, 'manufacturing-email');
    const people = readFileSync(join(dir, 'people.csv'), 'utf8').trim().split('\n').slice(1);
    const withManager = people.filter((l) => l.split(',')[2] !== '').length;
    const r = await cli(['validate', dir, '--manager-column', 'manager_id', '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    const reportsTo = s.relations.find((x: { name: string }) => x.name === 'reports_to');
    expect(reportsTo.ties).toBe(153 + withManager);
  });

  it('a .json file is read as JSON input', async () => {
    const r = await cli(['validate', 'test/ingest/fixtures/small.json', '--format', 'json']);
    expect(r.err).toBe('');
    const s = JSON.parse(r.out);
    expect([s.people, s.ties, s.external]).toEqual([3, 2, 1]);
  });

  it('strict failure with --format json prints the error as JSON too', async () => {
    const r = await cli(['validate', 'test/fixtures/malformed/weight-zero', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      ok: false,
      error: {
        code: 'E_BAD_WEIGHT',
        file: join('test/fixtures/malformed/weight-zero', 'ties.csv'),
        line: 2,
        field: 'weight',
        message: expect.stringMatching(/weight is 0/),
      },
    });
  });

  it('lenient with rows dropped: exit 1 and the report in the text', async () => {
    const r = await cli(['validate', 'test/fixtures/malformed/unknown-person', '--lenient']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('ties.csv [ties]: 5 rows read, 3 kept, 2 dropped');
    expect(r.out).toContain('dropped E_UNKNOWN_PERSON: 2');
    expect(r.out).toMatch(/ties\.csv:3 field "source": E_UNKNOWN_PERSON \(dropped\)/);
  });

  it.each([
    [[], /no input/],
    [['--people', 'x.csv'], /--people needs --ties/],
    [[DATASETS + '/bank-wiring', '--ties', 'x.csv'], /not both/],
    [[DATASETS + '/bank-wiring', '--delimiter', ';;'], /--delimiter must be one character/],
    [[DATASETS + '/bank-wiring', '--format', 'xml'], /--format must be text or json/],
    [[DATASETS + '/bank-wiring/ties.csv'], /is a file/],
  ])('usage error %j: exit 2', async (args, message) => {
    const r = await cli(['validate', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('a folder that does not exist: exit 1, E_FILE_NOT_FOUND naming it', async () => {
    const r = await cli(['validate', 'test/fixtures/no-such-folder']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('orgraph: error E_FILE_NOT_FOUND: test/fixtures/no-such-folder: no such folder\n');
  });
});

describe('orgraph validate: hostile text and unreadable inputs', () => {
  it('lenient text report: a crafted id with ESC and a line break is printed escaped, never as a line of its own', async () => {
    const r = await cli(['validate', 'test/fixtures/malformed/control-characters', '--lenient']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('"zed\\x1b[2K\\norgraph: all good" is not in the people file');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.out.split('\n').filter((l) => l.startsWith('orgraph: all good'))).toEqual([]);
  });

  it('a read error while streaming (EIO) is exit 1 with E_UNREADABLE naming the file, not an internal error', async () => {
    const { readCsv } = await import('../../src/ingest/csv-source.js');
    const { IngestContext } = await import('../../src/ingest/report.js');
    const { resolveIngestOptions } = await import('../../src/ingest/options.js');
    async function* failing(): AsyncGenerator<string> {
      yield 'source,target\na,b\n';
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', syscall: 'read' });
    }
    const ctx = new IngestContext(resolveIngestOptions({}));
    const sink = { header: () => undefined, row: () => void ctx.report.files[0].rowsKept++ };
    await expect(readCsv(ctx, { chunks: failing() }, 'ties.csv', 'ties', sink)).rejects.toMatchObject({
      code: 'E_UNREADABLE',
      file: 'ties.csv',
      message: 'ties.csv: cannot be read (EIO)',
    });
  });
});

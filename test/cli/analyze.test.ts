/**
 * `orgraph analyze` in-process: the bundled example's output folder, usage errors, the privacy
 * guarantees (minimum group size, pseudonyms, groups-only) checked over every file written, CSV
 * formula neutralisation with hostile input, and an output folder that is never written through.
 */
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupedTies, HOSTILE, hostilePeople, PRIVACY_GROUPS, privacyPeople, writeDataset } from '../report/fixtures.js';
import { cli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'orgraph-analyze-'));
const filesOf = (dir: string) => readdirSync(dir).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const csv = (dir: string, name: string) => parse(readFileSync(join(dir, name), 'utf8'), { columns: true }) as Record<string, string>[];

describe('orgraph analyze on the bundled example', () => {
  let out: string;
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    out = join(tmp(), 'report');
    result = await cli(['analyze', '--out', out]);
  });

  it('writes every file of the folder and exits 0, with nothing on stderr when not a terminal', () => {
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(readdirSync(out).sort()).toEqual(['gaps.csv', 'groups.csv', 'introductions.csv', 'people.csv', 'report.html', 'summary.json']);
  });

  it('people.csv has one row per person of the example (167 accounts, its README)', () => {
    const rows = csv(out, 'people.csv');
    expect(rows).toHaveLength(167);
    expect(rows.map((r) => r.id)).toContain('86');
  });

  it('summary.json records versions and options, and groups by division by default', () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.options.group).toBe('division');
    expect(s.options.minGroupSize).toBe(5);
    expect(s.versions.node).toBe(process.versions.node);
    expect(s.versions.sigma).toMatch(/^3\./);
    expect(s.input.people).toBe(167);
    expect(s.files).toContain('report.html');
  });

  it('no group in groups.csv or gaps.csv has fewer than 5 people', () => {
    for (const g of csv(out, 'groups.csv')) expect(Number(g.size)).toBeGreaterThanOrEqual(5);
    for (const g of csv(out, 'gaps.csv')) {
      expect(Number(g.sizeA)).toBeGreaterThanOrEqual(5);
      expect(Number(g.sizeB)).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('orgraph analyze usage', () => {
  it('--pseudonymize without a key is a usage error (exit 2)', async () => {
    const r = await cli(['analyze', '--out', join(tmp(), 'x'), '--pseudonymize']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs a key/);
  });
  it('--key without --pseudonymize is a usage error (exit 2)', async () => {
    expect((await cli(['analyze', '--out', join(tmp(), 'x'), '--key', 's'])).code).toBe(2);
  });
  it('a bad --min-group-size is a usage error (exit 2)', async () => {
    expect((await cli(['analyze', '--out', join(tmp(), 'x'), '--min-group-size', '0'])).code).toBe(2);
    expect((await cli(['analyze', '--out', join(tmp(), 'x'), '--min-group-size', 'five'])).code).toBe(2);
  });
  it('an unknown --group is a data error (exit 1) naming the attributes', async () => {
    const r = await cli(['analyze', '--out', join(tmp(), 'x'), '--group', 'nope']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/E_UNKNOWN_ATTRIBUTE.*division/);
  });
  it('an output path that is a file is refused (exit 2) and left as it was', async () => {
    const file = join(tmp(), 'file');
    writeFileSync(file, 'x');
    const r = await cli(['analyze', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a file: give a folder/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('orgraph analyze privacy', () => {
  const people = privacyPeople();
  let data: string;
  beforeAll(() => {
    data = writeDataset(people, groupedTies(PRIVACY_GROUPS.map((g) => g[1])));
  });

  it('with --min-group-size 5 no file holds a figure (or the name) of Legal (3 people) or Audit (2)', async () => {
    const out = join(tmp(), 'r');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department', '--min-group-size', '5'])).code).toBe(0);
    for (const f of filesOf(out)) {
      expect(f.text, f.name).not.toMatch(/Legal|Audit/);
    }
    // Legal + Audit = 5 people: merged into one group of 5, which may be shown.
    const groups = csv(out, 'groups.csv');
    expect(groups.map((g) => [g.group, Number(g.size)]).sort()).toEqual([
      ['Engineering', 10],
      ['Other (small groups)', 5],
      ['Sales', 8],
    ]);
    for (const g of csv(out, 'gaps.csv')) expect(Math.min(Number(g.sizeA), Number(g.sizeB))).toBeGreaterThanOrEqual(5);
    // Communities are groups too: every community named in people.csv has at least 5 members.
    const perCommunity = new Map<string, number>();
    for (const p of csv(out, 'people.csv')) if (p.community) perCommunity.set(p.community, (perCommunity.get(p.community) ?? 0) + 1);
    for (const [c, size] of perCommunity) expect(size, c).toBeGreaterThanOrEqual(5);
  });

  it('with --min-group-size 9 the merged group (5 people) is withheld too, and Sales (8) joins it', async () => {
    const out = join(tmp(), 'r');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department', '--min-group-size', '9'])).code).toBe(0);
    for (const f of filesOf(out)) expect(f.text, f.name).not.toMatch(/Legal|Audit|Sales/);
    // Sales (8) + Legal (3) + Audit (2) = 13 >= 9: one "Other" group of 13.
    expect(
      csv(out, 'groups.csv')
        .map((g) => [g.group, Number(g.size)])
        .sort(),
    ).toEqual([
      ['Engineering', 10],
      ['Other (small groups)', 13],
    ]);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // Primary suppression only (3 + 2 + 8 >= 9 needs no complement): three groups merged, no count of people.
    expect(s.privacy).toMatchObject({ minGroupSize: 9, groupsMerged: 3, groupsMergedToProtect: 0, allGroupsWithheld: false });
    expect(JSON.stringify(s.privacy)).not.toMatch(/13/);
  });

  it('with --pseudonymize no input id or name appears in any file, and pseudonyms are HMAC-SHA256 of the id', async () => {
    const out = join(tmp(), 'r');
    const r = await cli(['analyze', data, '--out', out, '--group', 'department', '--pseudonymize', '--key', 'correct horse']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/emp7Qx/);
    for (const f of filesOf(out)) {
      for (const p of people) {
        expect(f.text.includes(p.id), `${f.name} holds ${p.id}`).toBe(false);
        expect(f.text.includes(p.name), `${f.name} holds ${p.name}`).toBe(false);
      }
      expect(f.text).not.toMatch(/emp7Qx|Zorbalina|Quuxfield|correct horse/);
    }
    // Independent computation of every pseudonym with node:crypto; rows are in pseudonym order, so
    // the row order says nothing about the input order (a roster cannot re-identify rows).
    const expected = people.map((p) => 'p' + createHmac('sha256', 'correct horse').update(p.id).digest('hex').slice(0, 16));
    const ids = csv(out, 'people.csv').map((p) => p.id);
    expect(ids).toEqual([...expected].sort());
    expect(ids).not.toEqual(expected);
    // The same key gives the same pseudonyms in another run and in every file of this one.
    const out2 = join(tmp(), 'r');
    await cli(['analyze', data, '--out', out2, '--group', 'department', '--pseudonymize', '--key', 'correct horse']);
    expect(csv(out2, 'people.csv').map((p) => p.id)).toEqual(ids);
    const intro = csv(out, 'introductions.csv');
    for (const x of intro) {
      expect(ids).toContain(x.personA);
      expect(ids).toContain(x.personB);
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(expected[0]);
  });

  it('--groups-only writes no person-level file and no person id anywhere', async () => {
    const out = join(tmp(), 'r');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department', '--groups-only'])).code).toBe(0);
    expect(existsSync(join(out, 'people.csv'))).toBe(false);
    expect(existsSync(join(out, 'introductions.csv'))).toBe(false);
    for (const f of filesOf(out)) expect(f.text, f.name).not.toMatch(/emp7Qx|Zorbalina/);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.map).toMatchObject({ kind: 'groups', shown: 3 });
  });
});

describe('orgraph analyze with hostile input', () => {
  it('neutralises every spreadsheet formula in the CSV files', async () => {
    const data = writeDataset(hostilePeople(), groupedTies([5, 5]));
    const out = join(tmp(), 'r');
    expect((await cli(['analyze', data, '--out', out, '--group', 'department', '--min-group-size', '5'])).code).toBe(0);
    const formulas = [HOSTILE.formulaEq, HOSTILE.formulaPlus, HOSTILE.formulaMinus, HOSTILE.formulaAt, HOSTILE.group2];
    for (const name of ['people.csv', 'groups.csv', 'gaps.csv', 'introductions.csv']) {
      if (!existsSync(join(out, name))) continue;
      const rows = parse(readFileSync(join(out, name), 'utf8'), { relax_column_count: false }) as string[][];
      for (const row of rows) {
        for (const cell of row) {
          // A cell a spreadsheet would evaluate starts with = + - @ (numbers are written as numbers).
          if (/^[=+\-@]/.test(cell)) expect(Number.isFinite(Number(cell)), `${name}: ${cell}`).toBe(true);
        }
      }
    }
    const ids = csv(out, 'people.csv').map((p) => p.id);
    for (const f of formulas.slice(0, 4)) expect(ids).toContain(`'${f}`);
    expect(ids).toContain(HOSTILE.img);
  });
});

describe('orgraph analyze output folder', () => {
  it('refuses a folder it did not write (a link in it is never written through)', async () => {
    const base = tmp();
    const outside = join(base, 'outside.txt');
    writeFileSync(outside, 'untouched');
    const out = join(base, 'report');
    mkdirSync(out);
    symlinkSync(outside, join(out, 'people.csv'));
    const data = writeDataset(privacyPeople(), groupedTies([10, 8]));
    const r = await cli(['analyze', data, '--out', out, '--group', 'department']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an orgraph output folder \(it holds people\.csv\)/);
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    expect(lstatSync(join(out, 'people.csv')).isSymbolicLink()).toBe(true);
    expect(readdirSync(base).sort()).toEqual(['outside.txt', 'report']);
  });
  it('replaces a link planted in its own earlier folder instead of writing through it', async () => {
    const base = tmp();
    const outside = join(base, 'outside.txt');
    writeFileSync(outside, 'untouched');
    const out = join(base, 'report');
    const data = writeDataset(privacyPeople(), groupedTies([10, 8]));
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(0);
    rmSync(join(out, 'people.csv'));
    symlinkSync(outside, join(out, 'people.csv'));
    expect((await cli(['analyze', data, '--out', out, '--group', 'department'])).code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    expect(lstatSync(join(out, 'people.csv')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'people.csv'), 'utf8')).toMatch(/^id,name,group/);
    // Nothing else was written beside the folder, and no temporary file is left in it.
    expect(readdirSync(base).sort()).toEqual(['outside.txt', 'report']);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

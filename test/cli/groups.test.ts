import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetDir } from '../helpers/datasets.js';
import { orgFolder } from '../helpers/org-folder.js';
import { cli as runCli } from '../helpers/cli.js';

const KARATE = datasetDir('zachary-karate');
const LAZEGA = datasetDir('lazega-lawfirm');
const MANUFACTURING = datasetDir('manufacturing-email');

const cli = (...argv: string[]) => runCli(argv);

describe('orgraph groups', () => {
  it('karate by club: JSON with groups, mixing and network figures', async () => {
    const r = await cli('groups', KARATE, '--group', 'club', '--permutations', '99', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['groups', 'mixing', 'network']));
    // Yule's Q 0.784014 (METRICS.md); E-I = (11 - 67) / 78.
    expect(doc.network.yulesQ).toBeCloseTo(0.784014, 6);
    expect(doc.network.eiIndex).toBeCloseTo(-56 / 78, 12);
    expect(doc.network.eiTest.permutations).toBe(99);
    expect(doc.network.eiTest.pLower).toBeCloseTo(1 / 100, 12);
    expect(doc.groups.map((g: { group: string }) => g.group)).toEqual(['Mr. Hi', 'Officer']);
    expect(doc.groups[0]).toMatchObject({ size: 17, internalTies: 35, externalTies: 11 });
    // 2 groups -> 4 cells, symmetric.
    expect(doc.mixing).toHaveLength(4);
    expect(doc.mixing[1]).toMatchObject({ from: 'Mr. Hi', to: 'Officer', ties: 11 });
    expect(doc.network.communities.nmi).toBeGreaterThan(0.5);
  });

  it('same seed, same output', async () => {
    const a = await cli('groups', LAZEGA, '--group', 'office', '--permutations', '50', '--seed', '9', '--format', 'json');
    const b = await cli('groups', LAZEGA, '--group', 'office', '--permutations', '50', '--seed', '9', '--format', 'json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('CSV: one row per group; --directed, --relation and --unweighted reach the view', async () => {
    const r = await cli(
      'groups',
      LAZEGA,
      '--group',
      'office',
      '--relation',
      'advice',
      '--directed',
      '--unweighted',
      '--format',
      'csv',
      '--permutations',
      '0',
      '--min-group-size',
      '1',
    );
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['group', 'size', 'internalTies', 'externalTies']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Boston', 'Hartford', 'Providence']);
    // --permutations 0: empty p-value cells.
    const header = lines[0].split(',');
    expect(lines[1].split(',')[header.indexOf('eiPValue')]).toBe('');
    expect(header.indexOf('eiQValue')).toBe(header.indexOf('eiPValue') + 1);
    expect(lines[1].split(',')[header.indexOf('eiQValue')]).toBe('');
    // Unweighted: weights equal counts.
    const row = lines[1].split(',');
    expect(row[header.indexOf('internalWeight')]).toBe(row[header.indexOf('internalTies')]);
  });

  it('--missing group adds a "(missing)" group; the default leaves those people out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-groups-'));
    const out = join(dir, 'groups.json');
    const a = await cli('groups', MANUFACTURING, '--group', 'division', '--permutations', '0', '--format', 'json', '--out', out);
    expect(a.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.network.missing).toBe(14);
    const b = JSON.parse(
      (await cli('groups', MANUFACTURING, '--group', 'division', '--permutations', '0', '--missing', 'group', '--format', 'json')).out,
    );
    expect(b.network.missing).toBe(0);
    expect(b.groups.at(-1)).toMatchObject({ group: '(missing)', size: 14 });
  });

  it('usage errors exit 2, data errors exit 1, one line each', async () => {
    expect((await cli('groups', KARATE)).code).toBe(2);
    expect((await cli('groups', KARATE, '--group', 'club', '--permutations', '-3')).code).toBe(2);
    expect((await cli('groups', KARATE, '--group', 'club', '--missing', 'drop')).code).toBe(2);
    const unknown = await cli('groups', KARATE, '--group', 'department');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/E_UNKNOWN_ATTRIBUTE/);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('orgraph groups: minimum group size and the readable table', () => {
  // One group under 5 (Legal, 3; Eng joins it) and several (Legal 2 + HR 1 = 3; Eng joins them).
  const cases = [
    ['one group under k', orgFolder({ Sales: 7, Eng: 6, Legal: 3 }), ['Eng', 'Legal'], 1],
    ['several groups under k', orgFolder({ Sales: 8, Eng: 6, Legal: 2, HR: 1 }), ['Eng', 'Legal', 'HR'], 2],
  ] as const;
  for (const [name, dir, hidden, merged] of cases) {
    it(`${name}: no output names a merged group or shows a size under 5; the note counts groups, not people`, async () => {
      const json = await cli('groups', dir, '--group', 'dept', '--permutations', '0', '--format', 'json');
      expect(json.code).toBe(0);
      const csv = await cli('groups', dir, '--group', 'dept', '--permutations', '0', '--format', 'csv');
      const text = await cli('groups', dir, '--group', 'dept', '--permutations', '0');
      for (const out of [json.out, csv.out, text.out]) for (const g of hidden) expect(out).not.toMatch(new RegExp(`\\b${g}\\b`));
      const doc = JSON.parse(json.out);
      const other = hidden.reduce((n, g) => n + ({ Eng: 6, Legal: name.startsWith('one') ? 3 : 2, HR: 1 } as Record<string, number>)[g], 0);
      expect(doc.groups.map((g: { group: string; size: number }) => [g.group, g.size])).toEqual([
        ['Other (small groups)', other],
        ['Sales', doc.network.people - other],
      ]);
      for (const c of doc.network.communities.spanning) expect(c.people).toBeGreaterThanOrEqual(5);
      expect(doc.contingency).toBeNull();
      expect(doc.privacy.groups).toEqual({ minGroupSize: 5, groupsMerged: merged, groupsMergedToProtect: 1, allGroupsWithheld: false });
      const note = `${merged} group${merged === 1 ? '' : 's'} under 5 people merged into "Other (small groups)", with 1 more so that it reaches 5`;
      expect(json.err).toContain(note);
      expect(text.out).toContain(note);
      // Explicit opt-out: every group with its true size.
      const raw = JSON.parse(
        (await cli('groups', dir, '--group', 'dept', '--permutations', '0', '--format', 'json', '--min-group-size', '1')).out,
      );
      expect(raw.groups.map((g: { group: string }) => g.group)).toEqual(expect.arrayContaining([...hidden]));
      expect(raw.contingency.length).toBeGreaterThan(0);
    });
  }

  it('prints a readable table by default (as gaps does); --format text is accepted; a bad format is a usage error', async () => {
    const r = await cli('groups', KARATE, '--group', 'club', '--permutations', '99');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Groups on "club": 34 people, 2 groups, 78 ties');
    // E-I = (11 - 67) / 78 = -0.718; Yule's Q 0.784 (METRICS.md).
    expect(lines[1]).toMatch(/^E-I -0\.718 .*Yule's Q 0\.784/);
    const header = lines.findIndex((l) => l.startsWith('group'));
    expect(lines[header].split(/\s{2,}/)).toEqual([
      'group',
      'size',
      'inside',
      'across',
      'E-I',
      'p',
      'density in',
      'density out',
      'silo score',
    ]);
    expect(lines[header + 2].split(/\s{2,}/).slice(0, 5)).toEqual(['Mr. Hi', '17', '35', '11', '-0.522']);
    expect((await cli('groups', KARATE, '--group', 'club', '--permutations', '99', '--format', 'text')).out).toBe(r.out);
    expect((await cli('groups', KARATE, '--group', 'club', '--format', 'xml')).code).toBe(2);
    expect((await cli('groups', KARATE, '--group', 'club', '--min-group-size', '0')).code).toBe(2);
  });
});

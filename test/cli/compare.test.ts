import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { parseWindow } from '../../src/cli/commands/compare.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const KAPFERER = join(ROOT, 'datasets', 'kapferer-tailor');
const KRACKHARDT = join(ROOT, 'datasets', 'krackhardt-hightech');

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

// A small org with tie times, no group attribute.
// Before (Jan-Apr 2010): two triangles a-b-c and d-e-f joined by c-d.
// After (May-Sep 2010): a-b and d-e stay; a-d, b-e, c-f are new; a-c, b-c, c-d, d-f, e-f are gone.
// Tied pairs: before 7, after 5, in both 2 (a-b, d-e) -> gained 3, lost 5.
// Louvain on the before period: the two triangles (the only split with positive gain: Q = 2 x (3/7 - (7/14)^2) = 0.357);
// both have 3 people, so "1" is the one whose first member comes first in view order: {a, b, c}.
// Group 1 before: I = 3 (a-b, a-c, b-c), E = 1 (c-d) -> E-I = (1 - 3) / 4 = -0.5; after: I = 1 (a-b),
// E = 3 (a-d, b-e, c-f) -> +0.5; change +1. Group 2 is the mirror image: -0.5 -> +0.5.
// Ties gained / lost: 1-1: 0 / 2 (a-c, b-c); 1-2: 3 / 1 (c-d); 2-2: 0 / 2 (d-f, e-f).
// Contacts (degree) before -> after: a 2 -> 2, b 2 -> 2, c 3 -> 1, d 3 -> 2, e 2 -> 2, f 2 -> 1.
const dir = mkdtempSync(join(tmpdir(), 'orgraph-compare-'));
const TIMED = join(dir, 'timed');
const UNTIMED = join(dir, 'untimed');
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(TIMED);
  mkdirSync(UNTIMED);
  const people = 'id\na\nb\nc\nd\ne\nf\n';
  const before = ['a,b', 'a,c', 'b,c', 'd,e', 'd,f', 'e,f', 'c,d'].map((p, i) => `${p},2010-0${1 + (i % 3)}-1${i}`);
  const after = ['a,b', 'd,e', 'a,d', 'b,e', 'c,f'].map((p, i) => `${p},2010-0${5 + (i % 4)}-0${i + 1}T12:00:00Z`);
  writeFileSync(join(TIMED, 'people.csv'), people);
  writeFileSync(join(TIMED, 'ties.csv'), ['source,target,time', ...before, ...after].join('\n') + '\n');
  writeFileSync(join(TIMED, 'relations.csv'), 'relation,directed\ntie,false\n');
  writeFileSync(join(UNTIMED, 'people.csv'), people);
  writeFileSync(join(UNTIMED, 'ties.csv'), 'source,target\na,b\n');
}
const WINDOWS = ['--before-window', '2010-01-01..2010-05-01', '--after-window', '2010-05-01..2010-10-01'];

describe('parseWindow', () => {
  it('reads FROM..TO as UTC milliseconds, with open ends', () => {
    expect(parseWindow('2010-01-01..2010-05-01', '--w')).toEqual({ from: Date.UTC(2010, 0, 1), to: Date.UTC(2010, 4, 1) });
    expect(parseWindow('..1000', '--w')).toEqual({ to: 1000 });
    expect(parseWindow('2010-01-01T00:00:00+01:00..', '--w')).toEqual({ from: Date.UTC(2009, 11, 31, 23) });
  });
  it('refuses a missing "..", a bad date and an empty window, naming the option', () => {
    expect(() => parseWindow('2010-01-01', '--before-window')).toThrow(/--before-window must be FROM..TO/);
    expect(() => parseWindow('2010-13-01..2011-01-01', '--after-window')).toThrow(/--after-window: timestamp "2010-13-01" is not a real date/);
    expect(() => parseWindow('2011-01-01..2010-01-01', '--before-window')).toThrow(/ends before it starts/);
  });
});

describe('orgraph compare over two time windows', () => {
  it('finds the communities of the first window and follows them (JSON)', async () => {
    const r = await cli(['compare', TIMED, ...WINDOWS, '--communities', '--permutations', '0', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.attribute).toBe('community');
    expect(doc.communities.members).toEqual({ a: '1', b: '1', c: '1', d: '2', e: '2', f: '2' });
    expect(doc.ties).toEqual({ before: 7, after: 5, gained: 3, lost: 5 });
    expect(doc.groups.map((g: { group: string; eiBefore: number; eiAfter: number; eiChange: number }) => [g.group, g.eiBefore, g.eiAfter, g.eiChange])).toEqual([
      ['1', -0.5, 0.5, 1],
      ['2', -0.5, 0.5, 1],
    ]);
    expect(doc.tieChanges).toEqual([
      { groupA: '1', groupB: '1', gained: 0, lost: 2 },
      { groupA: '1', groupB: '2', gained: 3, lost: 1 },
      { groupA: '2', groupB: '2', gained: 0, lost: 2 },
    ]);
    expect(doc.periods.before).toContain('[2010-01-01, 2010-05-01)');
  });

  it('compares per person without groups (CSV: one row per person)', async () => {
    const r = await cli(['compare', TIMED, ...WINDOWS, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,degreeBefore,degreeAfter,strengthBefore,strengthAfter');
    expect(lines.slice(1)).toEqual(['a,2,2,2,2', 'b,2,2,2,2', 'c,3,1,3,1', 'd,3,2,3,2', 'e,2,2,2,2', 'f,2,1,2,1']);
  });

  it('prints a readable summary', async () => {
    const r = await cli(['compare', TIMED, ...WINDOWS, '--communities', '--permutations', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tied pairs: 7 before, 5 after (3 gained, 5 lost)');
    expect(r.out).toContain('Groups: 2 Louvain communities of the before period');
    expect(r.out).toMatch(/^1\s+-0\.50\s+0\.50\s+1\s+-\s+3 -> 1\s+1 -> 3$/m);
    expect(r.out).toMatch(/^c\s+3\s+1\s+-2$/m);
  });

  it('gives the same answer for the window and for a second folder read as the same ties', async () => {
    // The after window as its own folder (ties without times).
    const after = join(dir, 'after');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(after);
    writeFileSync(join(after, 'people.csv'), 'id\na\nb\nc\nd\ne\nf\n');
    writeFileSync(join(after, 'ties.csv'), 'source,target\na,b\nd,e\na,d\nb,e\nc,f\n');
    const r = await cli(['compare', TIMED, '--before-window', '2010-01-01..2010-05-01', '--after', after, '--permutations', '0', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).ties).toEqual({ before: 7, after: 5, gained: 3, lost: 5 });
  });

  it('is a usage error for windows on ties without times, one period only, or --group with --communities', async () => {
    const noTimes = await cli(['compare', UNTIMED, ...WINDOWS]);
    expect(noTimes.code).toBe(2);
    expect(noTimes.err).toContain('--before-window needs tie times');
    expect((await cli(['compare', TIMED, '--before-window', '2010-01-01..2010-05-01'])).code).toBe(2);
    expect((await cli(['compare', TIMED, ...WINDOWS, '--group', 'x', '--communities'])).code).toBe(2);
    expect((await cli(['compare', TIMED, ...WINDOWS, '--directed'])).err).toContain('drop --directed');
    expect((await cli(['compare', TIMED, ...WINDOWS, '--communities', 'during'])).err).toContain('--communities takes before or after');
    const bad = await cli(['compare', TIMED, '--before-window', '2010-01-01', '--after-window', '2010-05-01..']);
    expect(bad.code).toBe(2);
    expect(bad.err).not.toContain('    at ');
  });
});

describe('orgraph compare on the real data sets', () => {
  it('kapferer-tailor: the two time points with communities of time 1', async () => {
    const r = await cli(['compare', KAPFERER, '--before', 'instrumental_t1,sociational_t1', '--after', 'instrumental_t2,sociational_t2', '--communities', '--permutations', '200', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    // Distinct undirected pairs counted from ties.csv with Python (csv module): time 1 175, time 2 163, in both 26.
    expect(doc.ties).toEqual({ before: 175, after: 163, gained: 137, lost: 149 });
    expect(doc.people).toHaveLength(39);
    // Every tied pair sits in exactly one group cell: internal + external over groups counts cross pairs twice.
    const sum = (k: 'internalBefore' | 'externalBefore') => doc.groups.reduce((s: number, g: Record<string, number>) => s + g[k], 0);
    expect(sum('internalBefore') + sum('externalBefore') / 2).toBe(175);
    expect(Object.keys(doc.communities.members)).toHaveLength(39);
    expect(doc.groups).toHaveLength(doc.communities.count);
  });

  it('krackhardt-hightech: advice vs friendship as two periods on departments', async () => {
    const r = await cli(['compare', KRACKHARDT, '--group', 'department', '--before', 'advice', '--after', 'friendship', '--permutations', '0', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    // Department 0 is the CEO alone: no internal pair; 14 advice pairs touch him (ties.csv, either direction).
    expect(doc.groups[0]).toMatchObject({ group: '0', internalBefore: 0, externalBefore: 14, eiBefore: 1 });
  });

  it('krackhardt-hightech: the scorecards of both periods are those of `orgraph scorecard` on each relation', async () => {
    const objectives = join(ROOT, 'objectives', 'krackhardt-hightech.yaml');
    const r = await cli(['compare', KRACKHARDT, '--group', 'department', '--before', 'advice', '--after', 'friendship', '--permutations', '0', '--objectives', objectives, '--format', 'json']);
    const doc = JSON.parse(r.out);
    for (const [period, relation] of [['before', 'advice'], ['after', 'friendship']] as const) {
      const alone = JSON.parse((await cli(['scorecard', KRACKHARDT, '--group', 'department', '--relation', relation, '--objectives', objectives, '--format', 'json'])).out);
      expect(doc.scorecards[period].objectives).toEqual(alone.objectives);
    }
    // Advice arcs from department 1 to department 2 (ties.csv): 3; friendship: 8.
    expect(doc.scorecards.before.objectives[0].actual).toBe(3);
    expect(doc.scorecards.after.objectives[0].actual).toBe(8);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWindow } from '../../src/cli/commands/compare.js';
import { cli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const EIES = join(ROOT, 'datasets', 'freeman-eies');

// A small org with tie times and a team attribute (L = a, b, c; R = d, e, f).
// Before (Jan-Apr 2010): two triangles a-b-c and d-e-f joined by c-d.
// After (May-Sep 2010): a-b and d-e stay; a-d, b-e, c-f are new; a-c, b-c, c-d, d-f, e-f are gone.
// Tied pairs: before 7, after 5, in both 2 (a-b, d-e) -> gained 3, lost 5.
// Group L before: I = 3 (a-b, a-c, b-c), E = 1 (c-d) -> E-I = (1 - 3) / 4 = -0.5; after: I = 1 (a-b),
// E = 3 (a-d, b-e, c-f) -> +0.5; change +1. Group R is the mirror image: -0.5 -> +0.5.
// Ties gained / lost: L-L: 0 / 2 (a-c, b-c); L-R: 3 / 1 (c-d); R-R: 0 / 2 (d-f, e-f).
// Contacts (degree) before -> after: a 2 -> 2, b 2 -> 2, c 3 -> 1, d 3 -> 2, e 2 -> 2, f 2 -> 1.
const dir = mkdtempSync(join(tmpdir(), 'orgraph-compare-'));
const TIMED = join(dir, 'timed');
const UNTIMED = join(dir, 'untimed');
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(TIMED);
  mkdirSync(UNTIMED);
  const people = 'id,team\na,L\nb,L\nc,L\nd,R\ne,R\nf,R\n';
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
    expect(() => parseWindow('2010-13-01..2011-01-01', '--after-window')).toThrow(
      /--after-window: timestamp "2010-13-01" is not a real date/,
    );
    expect(() => parseWindow('2011-01-01..2010-01-01', '--before-window')).toThrow(/ends before it starts/);
  });
});

describe('orgraph compare over two time windows', () => {
  it('compares the teams of both windows (JSON)', async () => {
    const r = await cli([
      'compare',
      '--min-group-size',
      '1',
      TIMED,
      ...WINDOWS,
      '--group',
      'team',
      '--permutations',
      '0',
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.attribute).toBe('team');
    expect(doc.ties).toMatchObject({ before: 7, after: 5, gained: 3, lost: 5, ofLeavers: 0, ofJoiners: 0 });
    expect(
      doc.groups.map((g: { group: string; eiBefore: number; eiAfter: number; eiChange: number }) => [
        g.group,
        g.eiBefore,
        g.eiAfter,
        g.eiChange,
      ]),
    ).toEqual([
      ['L', -0.5, 0.5, 1],
      ['R', -0.5, 0.5, 1],
    ]);
    expect(
      doc.tieChanges.map((t: { groupA: string; groupB: string; gained: number; lost: number }) => [t.groupA, t.groupB, t.gained, t.lost]),
    ).toEqual([
      ['L', 'L', 0, 2],
      ['L', 'R', 3, 1],
      ['R', 'R', 0, 2],
    ]);
    expect(doc.turnover).toEqual({ joined: [], left: [], changedGroup: [], quietBefore: 0, quietAfter: 0 });
    expect(doc.periods.before).toContain('[2010-01-01, 2010-05-01)');
  });

  it('refuses --communities (exit 2): groups found on the compared ties cannot be tested', async () => {
    const r = await cli(['compare', '--min-group-size', '1', TIMED, ...WINDOWS, '--communities']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--communities cannot be tested');
    expect(r.err).toContain('--group');
    expect(r.err).not.toContain('    at ');
  });

  it('compares per person without groups (CSV: one row per person)', async () => {
    const r = await cli(['compare', '--min-group-size', '1', TIMED, ...WINDOWS, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,degreeBefore,degreeAfter,strengthBefore,strengthAfter');
    // Hand counts in the comment at the top.
    expect(lines.slice(1)).toEqual(['a,2,2,2,2', 'b,2,2,2,2', 'c,3,1,3,1', 'd,3,2,3,2', 'e,2,2,2,2', 'f,2,1,2,1']);
  });

  it('prints a readable summary', async () => {
    const r = await cli(['compare', '--min-group-size', '1', TIMED, ...WINDOWS, '--group', 'team', '--permutations', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('People: 6 in both periods, 0 left (0 ties), 0 joined (0 ties), 0 changed group');
    expect(r.out).toContain('Tied pairs among people of both periods: 7 before, 5 after (3 gained, 5 lost;');
    expect(r.out).toMatch(/^L\s+-0\.50\s+0\.50\s+1\s+-\s+-\s+/m);
    expect(r.out).toMatch(/^c\s+3\s+1\s+-2$/m);
  });

  it('does not test groups with a handful of ties, and says so', async () => {
    // Each team has 4 ties in each window (fewer than 10): no p-value rather than a misleading one.
    const r = await cli(['compare', '--min-group-size', '1', TIMED, ...WINDOWS, '--group', 'team', '--permutations', '99']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Not tested (fewer than 10 ties in a period, or E-I undefined): L, R');
    expect(r.out).not.toContain('significant');
  });

  it('says plainly when no group changed (the same time point twice: every change 0, p = q = 1)', async () => {
    const r = await cli([
      'compare',
      '--min-group-size',
      '1',
      EIES,
      '--before',
      'acquaintance_t1',
      '--after',
      'acquaintance_t1',
      '--group',
      'discipline',
      '--permutations',
      '99',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("No group's E-I change is significant (every tested q > 0.05, counts and strengths)");
    const doc = JSON.parse(
      (
        await cli([
          'compare',
          '--min-group-size',
          '1',
          EIES,
          '--before',
          'acquaintance_t1',
          '--after',
          'acquaintance_t1',
          '--group',
          'discipline',
          '--permutations',
          '99',
          '--format',
          'json',
        ])
      ).out,
    );
    expect(doc.groups.map((g: { pValue: number; qValue: number }) => [g.pValue, g.qValue])).toEqual(Array(4).fill([1, 1]));
  });

  it('gives the same answer for the window and for a second folder read as the same ties', async () => {
    // The after window as its own folder (ties without times).
    const after = join(dir, 'after');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(after);
    writeFileSync(join(after, 'people.csv'), 'id\na\nb\nc\nd\ne\nf\n');
    writeFileSync(join(after, 'ties.csv'), 'source,target\na,b\nd,e\na,d\nb,e\nc,f\n');
    const r = await cli([
      'compare',
      '--min-group-size',
      '1',
      TIMED,
      '--before-window',
      '2010-01-01..2010-05-01',
      '--after',
      after,
      '--permutations',
      '0',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).ties).toMatchObject({ before: 7, after: 5, gained: 3, lost: 5 });
  });

  it('is a usage error for windows on ties without times, one period only, or --group with --communities', async () => {
    const noTimes = await cli(['compare', '--min-group-size', '1', UNTIMED, ...WINDOWS]);
    expect(noTimes.code).toBe(2);
    expect(noTimes.err).toContain('--before-window needs tie times');
    expect((await cli(['compare', '--min-group-size', '1', TIMED, '--before-window', '2010-01-01..2010-05-01'])).code).toBe(2);
    expect((await cli(['compare', '--min-group-size', '1', TIMED, ...WINDOWS, '--group', 'x', '--communities'])).code).toBe(2);
    const bad = await cli(['compare', '--min-group-size', '1', TIMED, '--before-window', '2010-01-01', '--after-window', '2010-05-01..']);
    expect(bad.code).toBe(2);
    expect(bad.err).not.toContain('    at ');
  });
});

describe('orgraph compare on a real data set with two time points', () => {
  // Freeman's EIES: acquaintance ratings at the start (t1) and ~8 months later (t2), same 32 people.
  const periods = ['--before', 'acquaintance_t1', '--after', 'acquaintance_t2'];
  it('freeman-eies: ties gained, lost, strengthened and weakened; E-I per discipline', async () => {
    const r = await cli([
      'compare',
      '--min-group-size',
      '1',
      EIES,
      ...periods,
      '--group',
      'discipline',
      '--permutations',
      '199',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    // Counted from ties.csv with Python (csv module; a pair's value = the sum of both directions' ratings):
    // 385 pairs at t1, 430 at t2, 50 gained, 5 lost, of the pairs in both 131 rated higher and 18 lower;
    // sum of ratings 1355 -> 1667.
    expect(doc.ties).toEqual({
      before: 385,
      after: 430,
      gained: 50,
      lost: 5,
      strengthened: 131,
      weakened: 18,
      weightBefore: 1355,
      weightAfter: 1667,
      ofLeavers: 0,
      ofJoiners: 0,
    });
    expect(doc.people).toHaveLength(32);
    // Same Python count: sociology I 126 -> 127, E 176 -> 215.
    expect(doc.groups.find((g: { group: string }) => g.group === 'sociology')).toMatchObject({
      internalBefore: 126,
      internalAfter: 127,
      externalBefore: 176,
      externalAfter: 215,
    });
    for (const g of doc.groups) {
      expect(g.pValue).toBeGreaterThanOrEqual(1 / 200);
      expect(g.qValue).toBeGreaterThanOrEqual(g.pValue);
    }
  });

  it('freeman-eies: the scorecards of both periods are those of `orgraph scorecard` on each time point', async () => {
    const objectives = join(ROOT, 'objectives', 'freeman-eies.yaml');
    const r = await cli([
      'compare',
      '--min-group-size',
      '1',
      EIES,
      ...periods,
      '--group',
      'discipline',
      '--permutations',
      '0',
      '--objectives',
      objectives,
      '--format',
      'json',
    ]);
    const doc = JSON.parse(r.out);
    for (const [period, relation] of [
      ['before', 'acquaintance_t1'],
      ['after', 'acquaintance_t2'],
    ] as const) {
      const alone = JSON.parse(
        (
          await cli([
            'scorecard',
            '--min-group-size',
            '1',
            EIES,
            '--group',
            'discipline',
            '--relation',
            relation,
            '--objectives',
            objectives,
            '--format',
            'json',
          ])
        ).out,
      );
      expect(doc.scorecards[period].objectives).toEqual(alone.objectives);
    }
    // Read as every command reads ties: undirected.
    expect(doc.scorecards.before.directed).toBe(false);
    const text = await cli([
      'compare',
      '--min-group-size',
      '1',
      EIES,
      ...periods,
      '--group',
      'discipline',
      '--permutations',
      '0',
      '--objectives',
      objectives,
    ]);
    expect(text.out).toMatch(/^objective\s+target\s+before\s+status\s+after\s+status\s+trend\s+owner \/ initiative$/m);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const LAZEGA = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'lazega-lawfirm');

// A = {a1, a2, a3} (a triangle), B = {b1, b2} (one tie), one bridge a2 - b1 (undirected, weight 1).
// Hand derivation (default weights; one cross-group tie is too few to fit them), as in
// test/recommend/introductions.test.ts; score = value x plausibility (CN + RAw + 1e-4; RAw = RA here):
//   a2-b2: value 1/sqrt(2) x (1 + 1/2 + 1e-4)              = 1.060731  mutual b1, introducer b1
//   a1-b1, a3-b1: 1/sqrt(2) x (1 + 1/3 + 1e-4)             = 0.942880  mutual a2
//   a1-b2: value 2 (2 steps saved, novelty 1) x 1e-4       = 0.0002    3 steps a1 > a2 > b1 > b2
//   a3-b2 is skipped: b2 already has 2 introductions (cap 2 per person).
const DIR = join(mkdtempSync(join(tmpdir(), 'orgraph-introduce-')), 'org');
mkdirSync(DIR);
writeFileSync(join(DIR, 'people.csv'), 'id,dept\na1,A\na2,A\na3,A\nb1,B\nb2,B\n');
writeFileSync(join(DIR, 'ties.csv'), 'source,target\na1,a2\na2,a3\na1,a3\nb1,b2\na2,b1\n');
writeFileSync(join(DIR, 'relations.csv'), 'relation,directed\ntie,false\n');
const SCORES = [(1.5 + 1e-4) * Math.SQRT1_2, (4 / 3 + 1e-4) * Math.SQRT1_2, (4 / 3 + 1e-4) * Math.SQRT1_2, 1e-4 * 2];

describe('orgraph introduce', () => {
  it('ranks the introductions with their reasons (JSON)', async () => {
    const r = await cli([
      'introduce',
      '--min-group-size',
      '1',
      DIR,
      '--group',
      'dept',
      '--pairs',
      'A:B',
      '--per-gap',
      '10',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.fitted).toBe(false);
    expect(doc.introductions.map((x: { personA: string; personB: string }) => `${x.personA}-${x.personB}`)).toEqual([
      'a2-b2',
      'a1-b1',
      'a3-b1',
      'a1-b2',
    ]);
    expect(doc.introductions.map((x: { score: number }) => x.score)).toEqual(SCORES.map((s) => expect.closeTo(s, 12)));
    expect(doc.introductions[0].reasons).toMatchObject({
      mutualContacts: ['b1'],
      introducer: 'b1',
      pathBefore: ['a2', 'b1', 'b2'],
      hopsBefore: 2,
    });
    expect(doc.perPair).toEqual([{ groupA: 'A', groupB: 'B', candidates: 5, threeStepOutranked: false, made: 4, skippedForLoad: 1 }]);
  });

  it('writes one CSV row per introduction and a readable table', async () => {
    const csv = (
      await cli(['introduce', '--min-group-size', '1', DIR, '--group', 'dept', '--pairs', 'A:B', '--per-gap', '10', '--format', 'csv'])
    ).out
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('groupA,groupB,personA,personB,score,value,plausibility,mutualContacts,introducer,pathBefore,hopsBefore,reason');
    expect(csv).toHaveLength(5);
    expect(csv[4]).toMatch(/^A,B,a1,b2,0\.0002,2,0\.0001,0,a2,a1 > a2 > b1 > b2,3,/);
    const text = await cli(['introduce', '--min-group-size', '1', DIR, '--group', 'dept', '--pairs', 'A:B', '--per-gap', '10']);
    expect(text.out).toContain('load caps: 2 per person, 3 per introducer');
    expect(text.out).toMatch(/^A - B\s+a2 \+ b2\s+1\.061\s+0\.707\s+1\.500\s+b1\s+.*b1 can introduce them/m);
    expect(text.out).toContain('across the named group pairs');
    expect(text.out).toContain(
      'Largest load: 2 introductions for one person (as one of the two), 3 brokered by one introducer, 4 for one person in either role.',
    );
  });

  it('honours a tighter introducer cap', async () => {
    // 1 per introducer: a2-b2 (via b1), a1-b1 (via a2); every other pair needs a2 again.
    const doc = JSON.parse(
      (
        await cli([
          'introduce',
          '--min-group-size',
          '1',
          DIR,
          '--group',
          'dept',
          '--pairs',
          'A:B',
          '--per-gap',
          '10',
          '--max-per-introducer',
          '1',
          '--format',
          'json',
        ])
      ).out,
    );
    expect(doc.introductions.map((x: { personA: string; personB: string }) => `${x.personA}-${x.personB}`)).toEqual(['a2-b2', 'a1-b1']);
  });

  it('refuses bad input: unknown group (exit 1), malformed --pairs, missing --group, bad cap (exit 2)', async () => {
    const unknown = await cli(['introduce', '--min-group-size', '1', DIR, '--group', 'dept', '--pairs', 'A:Sales']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('E_UNKNOWN_GROUP');
    expect(unknown.err).toContain('"Sales"');
    expect(unknown.err).not.toContain('    at ');
    expect((await cli(['introduce', '--min-group-size', '1', DIR, '--group', 'dept', '--pairs', 'A-B'])).code).toBe(2);
    expect((await cli(['introduce', '--min-group-size', '1', DIR])).code).toBe(2);
    expect((await cli(['introduce', '--min-group-size', '1', DIR, '--group', 'dept', '--max-per-person', '-1'])).code).toBe(2);
  });

  it('says plainly that no gap is declared and proposes none (exit 0)', async () => {
    // A = {a1, a2}, B = {b1, b2}, ties only across (a1-b1, a2-b2, a1-b2): the one between-group pair
    // has every tie there is (3 observed, more than any null expects), so it cannot be a gap.
    const none = join(mkdtempSync(join(tmpdir(), 'orgraph-introduce-none-')), 'org');
    mkdirSync(none);
    writeFileSync(join(none, 'people.csv'), 'id,dept\na1,A\na2,A\nb1,B\nb2,B\n');
    writeFileSync(join(none, 'ties.csv'), 'source,target\na1,b1\na2,b2\na1,b2\n');
    const gapsDoc = JSON.parse((await cli(['gaps', none, '--group', 'dept', '--format', 'json'])).out);
    expect(gapsDoc.staff.gaps).toEqual([]);
    const r = await cli(['introduce', '--min-group-size', '1', none, '--group', 'dept', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ pairsFrom: 'declared-gaps', declaredGaps: 0, introductions: [], fitted: false });
    expect(doc.note).toMatch(/significantly fewer ties than expected/);
    const text = await cli(['introduce', '--min-group-size', '1', none, '--group', 'dept']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('the declared gaps (0 significant)');
    expect(text.out).toContain('so no introductions are proposed');
    // Naming the pair still works: a2-b1 is the one untied A-B pair, three steps apart (a2 > b2 > a1 > b1).
    const named = JSON.parse(
      (await cli(['introduce', '--min-group-size', '1', none, '--group', 'dept', '--pairs', 'A:B', '--format', 'json'])).out,
    );
    expect(named.pairsFrom).toBe('named');
    expect(named.introductions.map((x: { personA: string; personB: string }) => `${x.personA}-${x.personB}`)).toEqual(['a2-b1']);
  });

  it('lazega-lawfirm: the declared office gaps, within the load caps', async () => {
    const r = await cli([
      'introduce',
      '--min-group-size',
      '1',
      LAZEGA,
      '--group',
      'office',
      '--gaps',
      '2',
      '--per-gap',
      '4',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.introductions.length).toBeGreaterThan(0);
    const load = new Map<string, number>();
    for (const x of doc.introductions) {
      expect(x.groupA).not.toBe(x.groupB);
      expect(x.reasons.pathBefore[0]).toBe(x.personA);
      expect(x.reasons.pathBefore.at(-1)).toBe(x.personB);
      for (const p of [x.personA, x.personB]) load.set(p, (load.get(p) ?? 0) + 1);
    }
    for (const n of load.values()) expect(n).toBeLessThanOrEqual(2);
    // Ranked within each group pair.
    for (const pair of doc.perPair) {
      const scores = doc.introductions
        .filter((x: { groupA: string; groupB: string }) => x.groupA === pair.groupA && x.groupB === pair.groupB)
        .map((x: { score: number }) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const KRACKHARDT = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'krackhardt-hightech');

// Undirected: a-b 1, b-d 1, a-c 4, c-d 4, a-d 0.4; e alone. Lengths d = 1/w:
// a-c-d = 1/4 + 1/4 = 0.5, a-b-d = 1 + 1 = 2, a-d = 1/0.4 = 2.5: the three loopless chains a..d.
const DIR = join(mkdtempSync(join(tmpdir(), 'orgraph-path-')), 'org');
mkdirSync(DIR);
writeFileSync(join(DIR, 'people.csv'), 'id\na\nb\nc\nd\ne\n');
writeFileSync(join(DIR, 'ties.csv'), 'source,target,weight\na,b,1\nb,d,1\na,c,4\nc,d,4\na,d,0.4\n');
writeFileSync(join(DIR, 'relations.csv'), 'relation,directed\ntie,false\n');

describe('orgraph path', () => {
  it('prints the strongest chain and its alternatives', async () => {
    const r = await cli(['path', DIR, 'a', 'd']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '1. a > c > d  (2 steps, length 0.500, weakest tie 4)\n' +
        '2. a > b > d  (2 steps, length 2, weakest tie 1)\n' +
        '3. a > d  (1 step, length 2.500, weakest tie 0.400)\n',
    );
  });

  it('writes JSON and CSV', async () => {
    const json = JSON.parse((await cli(['path', DIR, 'a', 'd', '--alternatives', '2', '--format', 'json'])).out);
    expect(json.from).toBe('a');
    expect(json.paths).toHaveLength(2);
    expect(json.paths[0]).toMatchObject({ people: ['a', 'c', 'd'], strengths: [4, 4], hops: 2, weakestTie: 4 });
    expect(json.paths[0].length).toBeCloseTo(0.5, 15);
    const csv = (await cli(['path', DIR, 'a', 'd', '--format', 'csv'])).out.trim().split(/\r?\n/);
    expect(csv[0]).toBe('rank,people,hops,length,weakestTie');
    expect(csv.slice(1)).toEqual(['1,a > c > d,2,0.5,4', '2,a > b > d,2,2,1', '3,a > d,1,2.5,0.4']);
  });

  it('says so when there is no chain (exit 0), and gives one person for the same person', async () => {
    const none = await cli(['path', DIR, 'a', 'e']);
    expect(none.code).toBe(0);
    expect(none.out).toBe('No chain of contacts from a to e.\n');
    expect(JSON.parse((await cli(['path', DIR, 'a', 'e', '--format', 'json'])).out).paths).toEqual([]);
    expect((await cli(['path', DIR, 'b', 'b'])).out).toBe('1. b  (0 steps, length 0, weakest tie -)\n');
  });

  it('names an unknown person in a one-line error (exit 1) and refuses a bad --alternatives (exit 2)', async () => {
    const r = await cli(['path', DIR, 'a', 'nobody']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('E_UNKNOWN_PERSON');
    expect(r.err).toContain('"nobody"');
    const bad = await cli(['path', DIR, 'a', 'd', '--alternatives', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--alternatives');
  });

  it('takes the input first; the old order <from> <to> <dir> still works with a one-line deprecation note', async () => {
    const expected = (await cli(['path', DIR, 'a', 'd', '--alternatives', '1'])).out;
    expect(expected).toBe('1. a > c > d  (2 steps, length 0.500, weakest tie 4)\n');
    const old = await cli(['path', 'a', 'd', DIR, '--alternatives', '1']);
    expect(old.code).toBe(0);
    expect(old.out).toBe(expected);
    expect(old.err).toBe(
      `orgraph: note: \`path <from> <to> <dir>\` is deprecated; write \`orgraph path ${DIR} a d\` (input first, as in every command)\n`,
    );
    // With --ties/--people instead of a folder, the two arguments are the people.
    const files = await cli([
      'path',
      'a',
      'd',
      '--people',
      join(DIR, 'people.csv'),
      '--ties',
      join(DIR, 'ties.csv'),
      '--relations',
      join(DIR, 'relations.csv'),
      '--alternatives',
      '1',
    ]);
    expect(files.code).toBe(0);
    expect(files.err).toBe('');
    expect(files.out).toBe(expected);
    // Neither the first nor the last argument names an input: the error names the first.
    const missing = await cli(['path', 'no-such-folder', 'a', 'd']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no-such-folder');
  });

  it('follows advice arcs on krackhardt-hightech: hops equal a breadth-first search of ties.csv', async () => {
    // Every tie has weight 1, so the strongest chain is a shortest one in steps.
    const arcs = readFileSync(join(KRACKHARDT, 'ties.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const out = new Map<string, string[]>();
    for (const [s, t, , rel] of arcs) if (rel === 'advice') out.set(s, [...(out.get(s) ?? []), t]);
    const steps = (from: string, to: string) => {
      const dist = new Map([[from, 0]]);
      const queue = [from];
      while (queue.length) {
        const x = queue.shift()!;
        for (const y of out.get(x) ?? []) {
          if (!dist.has(y)) {
            dist.set(y, dist.get(x)! + 1);
            queue.push(y);
          }
        }
      }
      return dist.get(to);
    };
    for (const [from, to] of [
      ['1', '2'],
      ['9', '6'],
      ['13', '20'],
    ]) {
      const r = await cli(['path', KRACKHARDT, from, to, '--relation', 'advice', '--directed', '--alternatives', '1', '--format', 'json']);
      expect(r.code).toBe(0);
      const [p] = JSON.parse(r.out).paths;
      expect(p.hops).toBe(steps(from, to));
      for (let i = 0; i + 1 < p.people.length; i++) expect(out.get(p.people[i])).toContain(p.people[i + 1]);
    }
  });
});

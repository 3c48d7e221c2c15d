import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trend } from '../../src/cli/recommend-kit.js';
import { cli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const DATA = join(ROOT, 'datasets', 'krackhardt-hightech');
const OBJ = join(ROOT, 'objectives');
const KAPFERER = join(ROOT, 'datasets', 'kapferer-tailor');

describe('orgraph scorecard', () => {
  it('scores the objectives on the advice network, undirected unless --directed, as every command reads ties', async () => {
    const args = [
      'scorecard',
      '--min-group-size',
      '1',
      DATA,
      '--group',
      'department',
      '--relation',
      'advice',
      '--objectives',
      join(OBJ, 'krackhardt-hightech.yaml'),
      '--format',
      'json',
    ];
    const r = await cli(args);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.objectives).toHaveLength(6);
    // NetworkX counts (test/fixtures/reference/scorecard/krackhardt-hightech.json): 25 advice pairs
    // between departments 1 and 2; 3 arcs from 1 to 2.
    expect(doc.directed).toBe(false);
    expect(doc.objectives[0]).toMatchObject({ subject: '1 -> 2', metric: 'ties', actual: 25, status: 'met' });
    const d = JSON.parse((await cli([...args, '--directed'])).out);
    expect(d.objectives[0]).toMatchObject({ actual: 3, status: 'missed' });
  });

  it('follows the influence column of relations.csv on directed flows, and names a bad value', async () => {
    // Advice a -> b (a asks b): influence runs b -> a when declared target->source.
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-influence-'));
    writeFileSync(join(dir, 'people.csv'), 'id,team\na,X\nb,Y\n');
    writeFileSync(join(dir, 'ties.csv'), 'source,target,relation\na,b,advice\n');
    writeFileSync(join(dir, 'relations.csv'), 'relation,directed,influence\nadvice,true,target->source\n');
    const objectives = join(dir, 'o.json');
    writeFileSync(
      objectives,
      JSON.stringify({
        attribute: 'team',
        objectives: [
          { flow: { from: 'Y', to: 'X' }, metric: 'ties', min: 1 },
          { flow: { from: 'X', to: 'Y' }, metric: 'ties', max: 0 },
        ],
      }),
    );
    const r = await cli(['scorecard', '--min-group-size', '1', dir, '--directed', '--objectives', objectives]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('influence as declared: advice target->source');
    expect(r.out).toMatch(/^Y -> X: ties >= 1\s+1\s+>= 1\s+at risk$/m);
    expect(r.out).toMatch(/^X -> Y: ties <= 0\s+0\s+<= 0\s+met$/m);
    writeFileSync(join(dir, 'relations.csv'), 'relation,directed,influence\nadvice,true,backwards\n');
    const bad = await cli(['scorecard', '--min-group-size', '1', dir, '--directed', '--objectives', objectives]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('relations.csv:2: field "influence": influence must be source->target, target->source or both');
    expect(bad.err).not.toContain('    at ');
  });

  it('names the file and field of an unknown group (exit 1)', async () => {
    const r = await cli([
      'scorecard',
      '--min-group-size',
      '1',
      DATA,
      '--group',
      'department',
      '--objectives',
      join(OBJ, 'unknown-group.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('E_UNKNOWN_GROUP');
    expect(r.err).toContain('unknown-group.json');
    expect(r.err).toContain('objectives[0].flow.to');
    expect(r.err).not.toContain('    at ');
  });

  it('names the file and field of an unknown metric', async () => {
    const r = await cli([
      'scorecard',
      '--min-group-size',
      '1',
      DATA,
      '--group',
      'department',
      '--objectives',
      join(OBJ, 'unknown-metric.yaml'),
    ]);
    expect(r.err).toContain('E_UNKNOWN_METRIC');
    expect(r.err).toContain('objectives[0].metric');
  });

  it('is a usage error without --objectives', async () => {
    expect((await cli(['scorecard', '--min-group-size', '1', DATA, '--group', 'department'])).code).toBe(2);
  });

  it('takes groups from Louvain communities when the data has no group attribute (hand case)', async () => {
    // Two directed triangles a->b, b->c, a->c and d->e, e->f, d->f, joined by c->d. Louvain (read
    // undirected) splits the two triangles; both have 3 people, so "1" = {a, b, c} (first in view order).
    // Directed (--directed): flow 1 -> 2: one arc (c -> d): ties 1, reciprocity 0, reach 1/3. 1 -> 2 ties >= 1:
    // at risk (1 < 1 + 0.1 x 1). Flow 2 -> 1: no arc: ties 0 -> missed. Group 1 internal arcs: 3 ->
    // density 3 / (3 x 2) = 0.5; density >= 0.5: at risk (0.5 < 0.5 + 0.1 x 0.5 = 0.55).
    // Undirected (default): the pair c-d is the flow both ways (ties 1, at risk); density 3 / 3 = 1: met.
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-scorecard-'));
    writeFileSync(join(dir, 'people.csv'), 'id\na\nb\nc\nd\ne\nf\n');
    writeFileSync(join(dir, 'ties.csv'), 'source,target\na,b\nb,c\na,c\nd,e\ne,f\nd,f\nc,d\n');
    const objectives = join(dir, 'objectives.json');
    writeFileSync(
      objectives,
      JSON.stringify({
        objectives: [
          { flow: { from: '1', to: '2' }, metric: 'ties', min: 1 },
          { flow: { from: '2', to: '1' }, metric: 'ties', min: 1 },
          { group: '1', metric: 'density', min: 0.5 },
        ],
      }),
    );
    const u = JSON.parse(
      (await cli(['scorecard', '--min-group-size', '1', dir, '--communities', '--objectives', objectives, '--format', 'json'])).out,
    );
    expect(u.objectives.map((o: { actual: number; status: string }) => [o.actual, o.status])).toEqual([
      [1, 'at risk'],
      [1, 'at risk'],
      [1, 'met'],
    ]);
    const r = await cli([
      'scorecard',
      '--min-group-size',
      '1',
      dir,
      '--communities',
      '--directed',
      '--objectives',
      objectives,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.attribute).toBe('community');
    expect(doc.communities.members).toEqual({ a: '1', b: '1', c: '1', d: '2', e: '2', f: '2' });
    expect(doc.objectives.map((o: { actual: number; status: string }) => [o.actual, o.status])).toEqual([
      [1, 'at risk'],
      [0, 'missed'],
      [0.5, 'at risk'],
    ]);
    expect(doc.flows).toEqual([
      { from: '1', to: '2', ties: 1, weight: 1, reciprocity: 0, reach: 1 / 3 },
      { from: '2', to: '1', ties: 0, weight: 0, reciprocity: null, reach: 0 },
    ]);
    const text = await cli(['scorecard', '--min-group-size', '1', dir, '--communities', '--directed', '--objectives', objectives]);
    expect(text.out).toContain('Groups: 2 Louvain communities of the scored ties (seed 1');
    expect(text.out).toMatch(/^ {2}1: a, b, c$/m);
    expect(text.out).toMatch(/^1 -> 2: ties >= 1\s+1\s+>= 1\s+at risk$/m);
    // --group and --communities together: usage error.
    expect((await cli(['scorecard', '--min-group-size', '1', dir, '--communities', '--group', 'x', '--objectives', objectives])).code).toBe(
      2,
    );
  });

  it('kapferer-tailor: instrumental flows at time 1 between the communities of time 1', async () => {
    const r = await cli([
      'scorecard',
      '--min-group-size',
      '1',
      KAPFERER,
      '--directed',
      '--relation',
      'instrumental_t1',
      '--communities',
      'instrumental_t1,sociational_t1',
      '--objectives',
      join(OBJ, 'kapferer-tailor.yaml'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.communities.count).toBe(3);
    const members: Record<string, string> = doc.communities.members;
    // Flows recounted here from ties.csv (instrumental_t1 arcs) with the membership the command reports.
    const arcs = readFileSync(join(KAPFERER, 'ties.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const count = (from: string, to: string) =>
      arcs.filter(([s, t, , rel]) => rel === 'instrumental_t1' && members[s] === from && members[t] === to).length;
    for (const f of doc.flows) expect(f.ties).toBe(count(f.from, f.to));
    expect(doc.objectives[0]).toMatchObject({ subject: '1 -> 2', metric: 'ties', actual: count('1', '2') });
  });
});

describe('trend between two periods', () => {
  it('says up / down and whether that moves toward the target', () => {
    const o = (actual: number, min: number | null, max: number | null) => ({ actual, min, max });
    expect(trend(o(3, 5, null), o(4, 5, null))).toBe('up, better'); // closer to >= 5
    expect(trend(o(6, 5, null), o(7, 5, null))).toBe('up, better'); // further inside >= 5
    expect(trend(o(6, 5, null), o(4, 5, null))).toBe('down, worse');
    expect(trend(o(2, null, 0), o(1, null, 0))).toBe('down, better'); // toward <= 0
    expect(trend(o(3, 1, 5), o(4, 1, 5))).toBe('up'); // inside a two-sided band: neither
    expect(trend(o(6, 1, 5), o(5, 1, 5))).toBe('down, better');
    expect(trend(o(1, 0, null), o(1, 0, null))).toBe('same');
    expect(trend(o(NaN, 0, null), o(1, 0, null))).toBe('-');
  });
});

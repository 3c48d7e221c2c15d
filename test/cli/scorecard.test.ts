import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const DATA = join(ROOT, 'datasets', 'krackhardt-hightech');
const OBJ = join(ROOT, 'objectives');
const KAPFERER = join(ROOT, 'datasets', 'kapferer-tailor');

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('orgraph scorecard', () => {
  it('scores the objectives on the advice network', async () => {
    const r = await cli(['scorecard', DATA, '--group', 'department', '--relation', 'advice', '--objectives', join(OBJ, 'krackhardt-hightech.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.objectives).toHaveLength(6);
    // Advice arcs from department 1 to department 2, counted from ties.csv: 3.
    expect(doc.objectives[0]).toMatchObject({ subject: '1 -> 2', metric: 'ties', actual: 3, status: 'missed' });
  });

  it('names the file and field of an unknown group (exit 1)', async () => {
    const r = await cli(['scorecard', DATA, '--group', 'department', '--objectives', join(OBJ, 'unknown-group.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('E_UNKNOWN_GROUP');
    expect(r.err).toContain('unknown-group.json');
    expect(r.err).toContain('objectives[0].flow.to');
    expect(r.err).not.toContain('    at ');
  });

  it('names the file and field of an unknown metric', async () => {
    const r = await cli(['scorecard', DATA, '--group', 'department', '--objectives', join(OBJ, 'unknown-metric.yaml')]);
    expect(r.err).toContain('E_UNKNOWN_METRIC');
    expect(r.err).toContain('objectives[0].metric');
  });

  it('is a usage error without --objectives', async () => {
    expect((await cli(['scorecard', DATA, '--group', 'department'])).code).toBe(2);
  });

  it('takes groups from Louvain communities when the data has no group attribute (hand case)', async () => {
    // Two directed triangles a->b, b->c, a->c and d->e, e->f, d->f, joined by c->d. Louvain (read
    // undirected) splits the two triangles; both have 3 people, so "1" = {a, b, c} (first in view order).
    // Flow 1 -> 2: one arc (c -> d): ties 1, reciprocity 0, reach 1/3. 1 -> 2 ties >= 1: at risk (1 < 1 + 0.1).
    // Flow 2 -> 1: no arc: ties 0 -> missed. Group 1 internal arcs: 3 -> density 3 / (3 x 2) = 0.5;
    // density >= 0.5: at risk (0.5 < 0.5 + 0.1 x max(0.5, 1) = 0.6).
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
    const r = await cli(['scorecard', dir, '--communities', '--objectives', objectives, '--format', 'json']);
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
    const text = await cli(['scorecard', dir, '--communities', '--objectives', objectives]);
    expect(text.out).toContain('Groups: 2 Louvain communities of the scored ties (seed 1');
    expect(text.out).toMatch(/^ {2}1: a, b, c$/m);
    expect(text.out).toMatch(/^1 -> 2: ties >= 1\s+1\s+>= 1\s+at risk$/m);
    // --group and --communities together: usage error.
    expect((await cli(['scorecard', dir, '--communities', '--group', 'x', '--objectives', objectives])).code).toBe(2);
  });

  it('kapferer-tailor: instrumental flows at time 1 between the communities of time 1', async () => {
    const r = await cli(['scorecard', KAPFERER, '--relation', 'instrumental_t1', '--communities', 'instrumental_t1,sociational_t1', '--objectives', join(OBJ, 'kapferer-tailor.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.communities.count).toBe(3);
    const members: Record<string, string> = doc.communities.members;
    // Flows recounted here from ties.csv (instrumental_t1 arcs) with the membership the command reports.
    const arcs = readFileSync(join(KAPFERER, 'ties.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const count = (from: string, to: string) => arcs.filter(([s, t, , rel]) => rel === 'instrumental_t1' && members[s] === from && members[t] === to).length;
    for (const f of doc.flows) expect(f.ties).toBe(count(f.from, f.to));
    expect(doc.objectives[0]).toMatchObject({ subject: '1 -> 2', metric: 'ties', actual: count('1', '2') });
  });
});

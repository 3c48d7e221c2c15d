import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { introductionPath } from '../../src/recommend/introduction-path.js';

// a-b (1), b-d (1), a-c (4), c-d (4), a-d (0.5), e alone. Lengths 1/w: a-b-d = 2, a-c-d = 0.5, a-d = 2.
const g = OrgGraph.from({
  people: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
  ties: [
    { source: 'a', target: 'b', weight: 1 },
    { source: 'b', target: 'd', weight: 1 },
    { source: 'a', target: 'c', weight: 4 },
    { source: 'c', target: 'd', weight: 4 },
    { source: 'a', target: 'd', weight: 0.5 },
  ],
  relations: [{ name: 'tie', directed: false }],
});
const view = project(g);

describe('introductionPath', () => {
  it('gives an empty list when there is no path and one person for the same person', () => {
    expect(introductionPath(view, 'a', 'e').paths).toEqual([]);
    const self = introductionPath(view, 'a', 'a').paths;
    expect(self).toHaveLength(1);
    expect(self[0].people).toEqual(['a']);
    expect(self[0].hops).toBe(0);
  });

  it('finds the strongest chain (d = 1/w) and loopless alternatives', () => {
    const r = introductionPath(view, 'a', 'd', { alternatives: 5 });
    expect(r.paths[0].people).toEqual(['a', 'c', 'd']);
    expect(r.paths[0].length).toBeCloseTo(0.5, 15);
    expect(r.paths[0].strengths).toEqual([4, 4]);
    expect(r.paths[0].weakestTie).toBe(4);
    // The loopless paths a..d are a-c-d (0.5), a-b-d (2) and a-d (2): three in all.
    expect(r.paths.map((p) => p.people.join(''))).toHaveLength(3);
    expect(new Set(r.paths.slice(1).map((p) => p.people.join('')))).toEqual(new Set(['abd', 'ad']));
    for (const p of r.paths.slice(1)) expect(p.length).toBeCloseTo(2, 15);
  });

  it('reads tie values as lengths with length: identity', () => {
    // identity: a-b-d = 2, a-c-d = 8, a-d = 0.5
    expect(introductionPath(view, 'a', 'd', { alternatives: 1, length: 'identity' }).paths[0].people).toEqual(['a', 'd']);
  });

  it('follows direction on a directed view and names unknown people', () => {
    const d = OrgGraph.from({ people: [{ id: 'x' }, { id: 'y' }], ties: [{ source: 'x', target: 'y' }] });
    const dv = project(d, { directed: true });
    expect(introductionPath(dv, 'x', 'y').paths).toHaveLength(1);
    expect(introductionPath(dv, 'y', 'x').paths).toHaveLength(0);
    expect(() => introductionPath(dv, 'x', 'nobody')).toThrow(/no person "nobody"/);
  });
});

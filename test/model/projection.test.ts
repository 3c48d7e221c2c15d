import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project, viewLengths, viewTies } from '../../src/model/projection.js';

// ana -> bo advice 3, bo -> ana advice 1, bo ~ cy friendship 2 (undirected), cy (a customer) -> ana email 5
const graph = () =>
  OrgGraph.from({
    relations: [{ name: 'friendship', directed: false }],
    people: [{ id: 'ana' }, { id: 'bo' }, { id: 'cy', external: true }, { id: 'dee' }],
    ties: [
      { source: 'ana', target: 'bo', weight: 3, relation: 'advice' },
      { source: 'bo', target: 'ana', weight: 1, relation: 'advice' },
      { source: 'bo', target: 'cy', weight: 2, relation: 'friendship' },
      { source: 'cy', target: 'ana', weight: 5, relation: 'email' },
    ],
  });

const sorted = (ts: { source: string; target: string; weight: number }[]) => ts.map((t) => `${t.source}>${t.target}:${t.weight}`).sort();

describe('project', () => {
  it('undirected, weighted by default: pair value = a_ij + a_ji, undirected relations once', () => {
    const v = project(graph());
    expect(v.csr.directed).toBe(false);
    expect(v.personIds).toEqual(['ana', 'bo', 'cy', 'dee']);
    expect(sorted(viewTies(v))).toEqual(['ana>bo:4', 'ana>cy:5', 'bo>cy:2']);
    expect(v.weightKind).toBe('strength');
  });

  it('directed: directions kept apart, an undirected relation counts both ways', () => {
    const v = project(graph(), { directed: true });
    expect(sorted(viewTies(v))).toEqual(['ana>bo:3', 'bo>ana:1', 'bo>cy:2', 'cy>ana:5', 'cy>bo:2']);
  });

  it('selects relations and rejects unknown ones', () => {
    expect(sorted(viewTies(project(graph(), { relations: ['advice'] })))).toEqual(['ana>bo:4']);
    expect(() => project(graph(), { relations: ['lunch'] })).toThrowError(/no relation "lunch"; relations: friendship, advice, email/);
  });

  it('applies the minimum weight to aggregated pairs, then unweighted sets 1', () => {
    // pairs: ana-bo 4, ana-cy 5, bo-cy 2 -> min 3 keeps two
    expect(sorted(viewTies(project(graph(), { minWeight: 3 })))).toEqual(['ana>bo:4', 'ana>cy:5']);
    expect(sorted(viewTies(project(graph(), { weighted: false })))).toEqual(['ana>bo:1', 'ana>cy:1', 'bo>cy:1']);
    expect(() => project(graph(), { minWeight: -1 })).toThrowError(/minWeight/);
  });

  it('staff only drops outside stakeholders and their ties, re-indexing densely', () => {
    const v = project(graph(), { includeExternal: false });
    expect(v.personIds).toEqual(['ana', 'bo', 'dee']);
    expect(v.indexOf('dee')).toBe(2);
    expect(v.indexOf('cy')).toBe(-1);
    expect(Array.from(v.personIndex)).toEqual([0, 1, 3]);
    expect(sorted(viewTies(v))).toEqual(['ana>bo:4']);
  });

  it('filters ties by time window, keeping ties without a time', () => {
    const g = OrgGraph.from({
      people: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      ties: [
        { source: 'a', target: 'b', time: 100 },
        { source: 'b', target: 'c', time: 200 },
        { source: 'a', target: 'c' },
      ],
    });
    expect(sorted(viewTies(project(g, { timeWindow: { from: 150 } })))).toEqual(['a>c:1', 'b>c:1']);
    expect(sorted(viewTies(project(g, { timeWindow: { to: 200 } })))).toEqual(['a>b:1', 'a>c:1']);
  });

  it('handles an empty graph', () => {
    const v = project(OrgGraph.from({ people: [], ties: [] }));
    expect(v.csr.n).toBe(0);
    expect(viewTies(v)).toEqual([]);
  });

  it('gives lengths d = 1/w for path metrics', () => {
    const v = project(graph(), { relations: ['advice'] });
    expect(Array.from(viewLengths(v).lengths)).toEqual([0.25, 0.25]);
  });
});

import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { knowledgeSpread } from '../../src/recommend/knowledge-spread.js';

// Path A1 - A2 - B1 - B2 - C1, and D1 alone.
const ids = ['A1', 'A2', 'B1', 'B2', 'C1', 'D1'];
const g = OrgGraph.from({
  people: ids.map((id) => ({ id, attributes: { team: id[0] } })),
  ties: [
    { source: 'A1', target: 'A2' },
    { source: 'A2', target: 'B1' },
    { source: 'B1', target: 'B2' },
    { source: 'B2', target: 'C1' },
  ],
  relations: [{ name: 'tie', directed: false }],
});

describe('knowledgeSpread', () => {
  const r = knowledgeSpread(project(g), { attribute: 'team', steps: 3, from: ['A'], minGroupSize: 1 });
  const row = (to: string) => r.rows.find((x) => x.to === to)!;

  it('gives reach within k steps and mean arrival from the whole group', () => {
    // Arrival from {A1, A2}: B1 = 1, B2 = 2, C1 = 3, D1 never.
    expect(row('B').reachWithin).toEqual([0.5, 1, 1]);
    expect(row('B').meanArrival).toBe(1.5);
    expect(row('C').reachWithin).toEqual([0, 0, 1]);
    expect(row('C').meanArrival).toBe(3);
  });

  it('gives the mean pairwise distance', () => {
    // (A1,B1) 2, (A1,B2) 3, (A2,B1) 1, (A2,B2) 2 -> 2.
    expect(row('B').meanDistance).toBe(2);
  });

  it('marks groups that never hear, and orders who hears last', () => {
    expect(row('D').reached).toBe(0);
    expect(row('D').meanArrival).toBeNaN();
    expect(r.hearsLast).toEqual([{ from: 'A', order: ['D', 'C', 'B'] }]);
  });

  it('rejects an unknown group and a bad step count', () => {
    expect(() => knowledgeSpread(project(g), { attribute: 'team', from: ['Z'], minGroupSize: 1 })).toThrow(/no group "Z"/);
    expect(() => knowledgeSpread(project(g), { attribute: 'team', steps: 0, minGroupSize: 1 })).toThrow(/steps/);
  });

  it('follows influence, not the arc, when the relation declares target->source', () => {
    // Advice A1 -> B1 -> C1 (A1 asks B1, B1 asks C1): the advice (influence) flows C1 -> B1 -> A1.
    const advice = (influence?: 'target->source') =>
      OrgGraph.from({
        people: ['A1', 'B1', 'C1'].map((id) => ({ id, attributes: { team: id[0] } })),
        ties: [
          { source: 'A1', target: 'B1', relation: 'advice' },
          { source: 'B1', target: 'C1', relation: 'advice' },
        ],
        relations: [{ name: 'advice', directed: true, ...(influence ? { influence } : {}) }],
      });
    const fromC = (graph: OrgGraph) =>
      knowledgeSpread(project(graph, { directed: true, influence: true }), { attribute: 'team', from: ['C'], minGroupSize: 1 }).rows;
    // Declared: from C, B hears at step 1 and A at step 2.
    expect(fromC(advice('target->source')).map((x) => [x.to, x.meanArrival])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    // Undeclared: arcs as written, nothing leaves C1.
    expect(fromC(advice()).map((x) => [x.to, x.reached])).toEqual([
      ['A', 0],
      ['B', 0],
    ]);
  });
});

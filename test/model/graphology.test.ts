import { describe, expect, it } from 'vitest';
import { fromGraphology, toGraphology, viewToGraphology } from '../../src/model/graphology.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project, viewTies } from '../../src/model/projection.js';

const graph = () =>
  OrgGraph.from({
    relations: [{ name: 'friendship', directed: false }],
    people: [
      { id: 'ana', attributes: { department: 'Sales' } },
      { id: 'bo', attributes: { department: 'Eng' } },
      { id: 'cy', external: true },
    ],
    ties: [
      { source: 'ana', target: 'bo', weight: 3, relation: 'advice', time: 42 },
      { source: 'bo', target: 'cy', weight: 2, relation: 'friendship' },
      { source: 'ana', target: 'bo', weight: 1, relation: 'advice' },
    ],
  });

describe('graphology conversion', () => {
  it('writes people as nodes and ties as (un)directed multi-edges', () => {
    const g = toGraphology(graph());
    expect(g.order).toBe(3);
    expect(g.size).toBe(3);
    expect(g.getNodeAttributes('ana')).toEqual({ department: 'Sales', external: false });
    expect(g.getNodeAttribute('cy', 'external')).toBe(true);
    expect(g.directedSize).toBe(2);
    expect(g.undirectedSize).toBe(1);
    expect(g.getEdgeAttributes('e0')).toEqual({ weight: 3, relation: 'advice', time: 42 });
  });

  it('round-trips an OrgGraph', () => {
    const original = graph();
    const back = fromGraphology(toGraphology(original));
    expect(back.personIds).toEqual(original.personIds);
    expect(back.people()).toEqual(original.people());
    expect([...back.ties()]).toEqual([...original.ties()]);
    expect(back.relation('friendship')?.directed).toBe(false);
    expect(viewTies(project(back))).toEqual(viewTies(project(original)));
  });

  it('rejects bad weights and mixed relation kinds', () => {
    const g = toGraphology(graph());
    g.setEdgeAttribute('e1', 'weight', -2);
    expect(() => fromGraphology(g)).toThrowError(/weight must be a positive finite number, got -2/);
    const h = toGraphology(graph());
    h.addUndirectedEdgeWithKey('x', 'ana', 'cy', { relation: 'advice' });
    expect(() => fromGraphology(h)).toThrowError(/relation "advice" has both directed and undirected edges/);
  });

  it('exports a view as a simple graph holding strengths or lengths', () => {
    const view = project(graph());
    const s = viewToGraphology(view);
    expect(s.type).toBe('undirected');
    expect(s.size).toBe(2);
    expect(s.getEdgeAttribute(s.edge('ana', 'bo')!, 'weight')).toBe(4);
    const l = viewToGraphology(view, { weightAs: 'length' });
    expect(l.getEdgeAttribute(l.edge('ana', 'bo')!, 'weight')).toBe(0.25);
  });
});

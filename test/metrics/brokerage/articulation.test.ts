import { describe, expect, it } from 'vitest';
import { articulation, biconnectedComponents } from '../../../src/metrics/brokerage/articulation.js';
import { loadReference, referenceNames, referenceView, smallView } from './risk-dataset.js';

const pointsOf = (view: ReturnType<typeof smallView>) => {
  const s = articulation(view);
  return s.personIds.filter((id) => s.get(id) === 1);
};
const sortedBlocks = (blocks: readonly (readonly string[])[]) => blocks.map((b) => [...b].sort()).sort();

describe('articulation: degenerate inputs', () => {
  it('empty graph: no scores, no blocks', () => {
    const view = smallView([], []);
    const s = articulation(view);
    expect(s.size).toBe(0);
    expect(s.diagnostics.count).toBe(0);
    expect(biconnectedComponents(view)).toEqual({ blocks: [], articulationPoints: [], componentCount: 0 });
  });

  it('one person: 0, in no block, one component', () => {
    const view = smallView(['a'], []);
    expect(Array.from(articulation(view).values)).toEqual([0]);
    expect(biconnectedComponents(view)).toEqual({ blocks: [], articulationPoints: [], componentCount: 1 });
  });

  it('isolates are never articulation points and belong to no block', () => {
    // a-b-c is a path; d and e are isolates: only b separates anything.
    const view = smallView(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c']);
    expect(Array.from(articulation(view).values)).toEqual([0, 1, 0, 0, 0]);
    const bc = biconnectedComponents(view);
    expect(sortedBlocks(bc.blocks)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(bc.componentCount).toBe(3);
  });

  it('disconnected parts are handled separately', () => {
    // Two paths a-b-c and x-y-z: b and y are the cut points.
    const view = smallView(['a', 'b', 'c', 'x', 'y', 'z'], ['a-b', 'b-c', 'x-y', 'y-z']);
    expect(pointsOf(view)).toEqual(['b', 'y']);
    expect(biconnectedComponents(view).componentCount).toBe(2);
  });
});

describe('articulation: hand-derived graphs', () => {
  it('path a-b-c-d: the inner people are cut points, each tie a block', () => {
    const view = smallView(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d']);
    expect(pointsOf(view)).toEqual(['b', 'c']);
    expect(sortedBlocks(biconnectedComponents(view).blocks)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
  });

  it('bow tie: two triangles sharing c; c is the only cut point', () => {
    // Removing c leaves {a, b} and {d, e}; removing anyone else leaves the rest connected.
    const view = smallView(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'a-c', 'c-d', 'd-e', 'c-e']);
    expect(pointsOf(view)).toEqual(['c']);
    expect(sortedBlocks(biconnectedComponents(view).blocks)).toEqual([
      ['a', 'b', 'c'],
      ['c', 'd', 'e'],
    ]);
  });

  it('star: the centre is a cut point whether or not the search starts there', () => {
    // Centre first (DFS root with 3 children) and centre last (non-root).
    expect(pointsOf(smallView(['c', 'x', 'y', 'z'], ['c-x', 'c-y', 'c-z']))).toEqual(['c']);
    expect(pointsOf(smallView(['x', 'y', 'z', 'c'], ['c-x', 'c-y', 'c-z']))).toEqual(['c']);
  });

  it('a root with one child is not a cut point (cycle with a tail at the root)', () => {
    // a is the root; a-b-c-a is a cycle; c-d hangs off c. Only c separates d.
    expect(pointsOf(smallView(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-a', 'c-d']))).toEqual(['c']);
  });

  it('4-cycle: no cut point, one block', () => {
    const view = smallView(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d', 'd-a']);
    expect(pointsOf(view)).toEqual([]);
    expect(sortedBlocks(biconnectedComponents(view).blocks)).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('directed view is read as undirected; a reciprocated pair is one tie', () => {
    // a->b, b->a, b->c: undirected ties {a,b} and {b,c}, so b is a cut point (the two arcs a<->b
    // must not be mistaken for two parallel ties that keep a attached).
    const view = smallView(['a', 'b', 'c'], ['a-b', 'b-a', 'b-c'], { directed: true });
    expect(pointsOf(view)).toEqual(['b']);
    expect(sortedBlocks(biconnectedComponents(view).blocks)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('a long path does not overflow the stack (iterative search)', () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const ties = ids.slice(1).map((id, i) => `${ids[i]}-${id}`);
    const s = articulation(smallView(ids, ties));
    // Every inner person of a path is a cut point: n - 2.
    expect(s.diagnostics.count).toBe(n - 2);
    expect(s.values[0]).toBe(0);
    expect(s.values[n - 1]).toBe(0);
  });
});

describe('articulation and blocks agree with NetworkX 3.6 on the real data sets', () => {
  for (const name of referenceNames()) {
    it(name, async () => {
      const ref = loadReference(name);
      const view = await referenceView(ref);
      expect(view.personIds.length).toBe(ref.n);
      expect(pointsOf(view).sort()).toEqual(ref.articulationPoints);
      const bc = biconnectedComponents(view);
      expect(sortedBlocks(bc.blocks)).toEqual(ref.biconnectedComponents);
      expect(bc.componentCount).toBe(ref.components);
    });
  }
});

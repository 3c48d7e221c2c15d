import { describe, expect, it } from 'vitest';
import { bridges } from '../../../src/metrics/brokerage/bridges.js';
import { loadReference, pairKey, referenceNames, referenceView, smallView } from './risk-dataset.js';

const keys = (pairs: { source: string; target: string }[]) => pairs.map((p) => pairKey(p.source, p.target)).sort();

describe('bridges: degenerate inputs', () => {
  it('empty graph, one person and isolates have none', () => {
    expect(bridges(smallView([], []))).toEqual([]);
    expect(bridges(smallView(['a'], []))).toEqual([]);
    expect(bridges(smallView(['a', 'b', 'c'], []))).toEqual([]);
  });

  it('a single tie is a bridge', () => {
    expect(bridges(smallView(['a', 'b'], ['a-b']))).toEqual([{ source: 'a', target: 'b' }]);
  });
});

describe('bridges: hand-derived graphs', () => {
  it('two triangles joined by c-d: only c-d', () => {
    // Every other tie lies on a triangle, so another path survives its removal.
    const view = smallView(['a', 'b', 'c', 'd', 'e', 'f'], ['a-b', 'b-c', 'a-c', 'c-d', 'd-e', 'e-f', 'd-f']);
    expect(bridges(view)).toEqual([{ source: 'c', target: 'd' }]);
  });

  it('cycle: none; a pendant tie on it: that tie', () => {
    expect(bridges(smallView(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d', 'd-a']))).toEqual([]);
    expect(bridges(smallView(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'c-d', 'd-a', 'b-e']))).toEqual([{ source: 'b', target: 'e' }]);
  });

  it('directed view: a reciprocated pair is one tie, still a bridge', () => {
    // a->b and b->a would look like two parallel ties if not merged.
    const view = smallView(['a', 'b', 'c'], ['a-b', 'b-a', 'b-c'], { directed: true });
    expect(keys(bridges(view))).toEqual([pairKey('a', 'b'), pairKey('b', 'c')]);
  });
});

describe('bridges agree with NetworkX 3.6 nx.bridges on the real data sets', () => {
  for (const name of referenceNames()) {
    it(name, async () => {
      const ref = loadReference(name);
      expect(keys(bridges(await referenceView(ref)))).toEqual(ref.bridges.map(([a, b]) => pairKey(a, b)).sort());
    });
  }
});

import { describe, expect, it } from 'vitest';
import { fragmentation, fragmentationDistance, fragmentationSet } from '../../../src/metrics/brokerage/fragmentation.js';
import { loadReference, referenceNames, referenceView, smallView } from './risk-dataset.js';

const values = (s: { values: Float64Array }) => Array.from(s.values);

describe('fragmentation per person: degenerate inputs', () => {
  it('empty graph: no scores, intact NaN', () => {
    const r = fragmentation(smallView([], []));
    expect(r.scores.size).toBe(0);
    expect(r.intact).toBeNaN();
    expect(r.components).toBe(0);
  });

  it('one person: intact NaN (no pair), removal leaves nobody: NaN', () => {
    const r = fragmentation(smallView(['a'], []));
    expect(r.intact).toBeNaN();
    expect(values(r.scores)).toEqual([NaN]);
    expect(Array.from(r.componentsAfter)).toEqual([0]);
  });

  it('two people tied: intact F = 1 - 2/(2*1) = 0; removal leaves one person: NaN', () => {
    const r = fragmentation(smallView(['a', 'b'], ['a-b']));
    expect(r.intact).toBe(0);
    expect(values(r.scores)).toEqual([NaN, NaN]);
  });

  it('isolate: removing it lowers F (n - 1 convention)', () => {
    // a-b tied, z alone (n = 3): pairs = 2*1 = 2, F = 1 - 2/(3*2) = 2/3.
    // Without z: a-b, F = 1 - 2/2 = 0 (change -2/3). Without a: b and z apart, F = 1 (change +1/3).
    const r = fragmentation(smallView(['a', 'b', 'z'], ['a-b']));
    expect(r.intact).toBeCloseTo(2 / 3, 15);
    expect(values(r.scores)).toEqual([1, 1, 0]);
    expect(r.change.values[2]).toBeCloseTo(-2 / 3, 15);
    expect(r.change.values[0]).toBeCloseTo(1 / 3, 15);
    expect(Array.from(r.componentsAfter)).toEqual([2, 2, 1]);
  });

  it('no ties at all: F = 1 for the network and after any removal', () => {
    const r = fragmentation(smallView(['a', 'b', 'c', 'd'], []));
    expect(r.intact).toBe(1);
    expect(values(r.scores)).toEqual([1, 1, 1, 1]);
    expect(values(r.change)).toEqual([0, 0, 0, 0]);
  });
});

describe('fragmentation per person: hand-derived', () => {
  it('path a-b-c-d-e', () => {
    // Intact: connected, F = 0. Without a (or e): b-c-d-e connected, F = 0.
    // Without b: {a}, {c,d,e}: pairs 3*2 = 6 over 4*3 = 12, F = 1/2 (same for d).
    // Without c: {a,b}, {d,e}: pairs 2 + 2 = 4, F = 1 - 4/12 = 2/3.
    const r = fragmentation(smallView(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'c-d', 'd-e']));
    expect(r.intact).toBe(0);
    expect(values(r.scores)).toEqual([0, 1 / 2, 1 - 4 / 12, 1 / 2, 0]);
    expect(Array.from(r.componentsAfter)).toEqual([1, 2, 2, 2, 1]);
    expect(r.scores.top(1)[0].id).toBe('c');
  });

  it('star: removing the centre leaves only isolates (F = 1); a leaf changes nothing', () => {
    // Centre listed last so that it is not where the search starts.
    const r = fragmentation(smallView(['w', 'x', 'y', 'z', 'c'], ['c-w', 'c-x', 'c-y', 'c-z']));
    expect(values(r.scores)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(r.componentsAfter)).toEqual([1, 1, 1, 1, 4]);
  });

  it('bow tie plus a separate pair (disconnected network)', () => {
    // Triangles a-b-c and c-d-e share c; x-y is apart. n = 7.
    // Intact pairs: 5*4 + 2*1 = 22, F = 1 - 22/42 = 10/21.
    // Without c: {a,b}, {d,e}, {x,y}: pairs 6 over 6*5 = 30, F = 1 - 6/30 = 4/5.
    // Without a: {b,c,d,e} and {x,y}: pairs 12 + 2 = 14, F = 1 - 14/30 = 8/15.
    // Without x: the bow tie and {y}: pairs 20, F = 1 - 20/30 = 1/3.
    const r = fragmentation(smallView(['a', 'b', 'c', 'd', 'e', 'x', 'y'], ['a-b', 'b-c', 'a-c', 'c-d', 'd-e', 'c-e', 'x-y']));
    expect(r.intact).toBe(1 - 22 / 42);
    expect(r.scores.get('c')).toBe(1 - 6 / 30);
    expect(r.scores.get('a')).toBe(1 - 14 / 30);
    expect(r.scores.get('x')).toBe(1 - 20 / 30);
    expect(r.change.get('c')).toBe(1 - 6 / 30 - (1 - 22 / 42));
  });

  it('directed ties are read as undirected', () => {
    // a->b, c->b: b joins a and c whatever the directions.
    const r = fragmentation(smallView(['a', 'b', 'c'], ['a-b', 'c-b'], { directed: true }));
    expect(values(r.scores)).toEqual([0, 1, 0]);
  });
});

describe('fragmentationSet', () => {
  const path = smallView(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'c-d', 'd-e']);

  it('empty set: the intact network', () => {
    expect(fragmentationSet(path, [])).toEqual({ fragmentation: 0, remaining: 5, components: 1, reachablePairs: 20 });
  });

  it('removing b and d from the path leaves three isolates: F = 1', () => {
    expect(fragmentationSet(path, ['b', 'd'])).toEqual({ fragmentation: 1, remaining: 3, components: 3, reachablePairs: 0 });
  });

  it('repeated ids count once; fewer than two remaining gives NaN', () => {
    expect(fragmentationSet(path, ['c', 'c']).remaining).toBe(4);
    expect(fragmentationSet(path, ['a', 'b', 'c', 'd']).fragmentation).toBeNaN();
  });

  it('unknown id throws E_UNKNOWN_PERSON', () => {
    expect(() => fragmentationSet(path, ['nobody'])).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_PERSON' }));
  });
});

describe('fragmentationDistance', () => {
  it('path a-b-c in hops: DF = 1 - 2(1 + 1 + 1/2) / 6 = 1/6', () => {
    // Ordered pairs: a-b 1, b-c 1, a-c 2 (each twice).
    const view = smallView(['a', 'b', 'c'], ['a-b', 'b-c']);
    expect(fragmentationDistance(view, { weighted: false }).fragmentation).toBeCloseTo(1 / 6, 15);
  });

  it('weighted: d = 1/w; strong ties can push DF below 0', () => {
    // a-b strength 2 (length 1/2), b-c strength 1 (length 1): 1/d = 2, 1, 1/(3/2) = 2/3.
    // DF = 1 - 2(2 + 1 + 2/3) / 6 = 1 - 22/18 = -2/9.
    const view = smallView(['a', 'b', 'c'], ['a-b:2', 'b-c:1']);
    expect(fragmentationDistance(view).fragmentation).toBeCloseTo(-2 / 9, 14);
    // 'identity' reads the value as a length: 1/2, 1, 1/3 -> DF = 1 - 2(1/2 + 1 + 1/3)/6 = 7/18.
    expect(fragmentationDistance(view, { length: 'identity' }).fragmentation).toBeCloseTo(7 / 18, 14);
  });

  it('complete graph in hops: 0; no ties: 1; removing the middle of a path: 1', () => {
    expect(fragmentationDistance(smallView(['a', 'b', 'c', 'd'], ['a-b', 'a-c', 'a-d', 'b-c', 'b-d', 'c-d'])).fragmentation).toBe(0);
    expect(fragmentationDistance(smallView(['a', 'b', 'c'], [])).fragmentation).toBe(1);
    expect(fragmentationDistance(smallView(['a', 'b', 'c'], ['a-b', 'b-c']), { removed: ['b'] }).fragmentation).toBe(1);
  });

  it('empty graph and one person: NaN', () => {
    expect(fragmentationDistance(smallView([], [])).fragmentation).toBeNaN();
    expect(fragmentationDistance(smallView(['a'], [])).fragmentation).toBeNaN();
  });

  it('an aborted signal throws E_ABORTED', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => fragmentationDistance(smallView(['a', 'b'], ['a-b']), { signal: controller.signal })).toThrow(
      expect.objectContaining({ code: 'E_ABORTED' }),
    );
  });
});

describe('fragmentation agrees with nx.connected_components after removing each person (NetworkX 3.6)', () => {
  for (const name of referenceNames()) {
    it(name, async () => {
      const ref = loadReference(name);
      const view = await referenceView(ref);
      const r = fragmentation(view);
      const n = ref.n;
      expect(r.components).toBe(ref.components);
      expect(r.intact).toBe(1 - ref.reachablePairs / (n * (n - 1)));
      view.personIds.forEach((id, v) => {
        const [pairs, parts] = ref.removal[id];
        expect(r.scores.values[v]).toBe(1 - pairs / ((n - 1) * (n - 2)));
        expect(r.componentsAfter[v]).toBe(parts);
      });
      // The set version (a plain component search) agrees for the articulation points.
      for (const id of ref.articulationPoints.slice(0, 10)) {
        expect(fragmentationSet(view, [id]).reachablePairs).toBe(ref.removal[id][0]);
      }
    });
  }
});

describe('distance fragmentation agrees with NetworkX all-pairs shortest paths', () => {
  for (const name of referenceNames()) {
    const ref = loadReference(name);
    if (!ref.distanceFragmentation || !ref.distanceFragmentationWithout) continue;
    const intact = ref.distanceFragmentation;
    const without = ref.distanceFragmentationWithout;
    it(name, async () => {
      const view = await referenceView(ref);
      expect(fragmentationDistance(view, { weighted: false }).fragmentation).toBeCloseTo(intact.hops, 12);
      expect(fragmentationDistance(view).fragmentation).toBeCloseTo(intact.inverseWeight, 12);
      const removed = without.removed;
      expect(fragmentationDistance(view, { weighted: false, removed }).fragmentation).toBeCloseTo(without.hops, 12);
      expect(fragmentationDistance(view, { removed }).fragmentation).toBeCloseTo(without.inverseWeight, 12);
    });
  }
});

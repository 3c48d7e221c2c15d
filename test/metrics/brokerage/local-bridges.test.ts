import { describe, expect, it } from 'vitest';
import { localBridges } from '../../../src/metrics/brokerage/local-bridges.js';
import { loadReference, pairKey, referenceNames, referenceView, smallView } from './risk-dataset.js';

const table = (list: ReturnType<typeof localBridges>) =>
  list.map((b) => [pairKey(b.source, b.target), b.span] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1));

describe('local bridges: degenerate inputs', () => {
  it('empty graph, one person, isolates: none', () => {
    expect(localBridges(smallView([], []))).toEqual([]);
    expect(localBridges(smallView(['a'], []))).toEqual([]);
    expect(localBridges(smallView(['a', 'b'], []))).toEqual([]);
  });

  it('a lone tie is a local bridge of infinite span (and a bridge)', () => {
    expect(localBridges(smallView(['a', 'b'], ['a-b']))).toEqual([{ source: 'a', target: 'b', span: Infinity, bridge: true }]);
  });
});

describe('local bridges: hand-derived spans', () => {
  it('triangle: every tie closes a triangle, so none', () => {
    expect(localBridges(smallView(['a', 'b', 'c'], ['a-b', 'b-c', 'a-c']))).toEqual([]);
  });

  it('4-cycle: every tie, span 3 (the way round the other three ties)', () => {
    const list = localBridges(smallView(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d', 'd-a']));
    expect(list.map((b) => b.span)).toEqual([3, 3, 3, 3]);
    expect(list.every((b) => !b.bridge)).toBe(true);
  });

  it('5-cycle with a pendant: cycle ties span 4, the pendant tie Infinity', () => {
    const view = smallView(['a', 'b', 'c', 'd', 'e', 'f'], ['a-b', 'b-c', 'c-d', 'd-e', 'e-a', 'a-f']);
    expect(table(localBridges(view))).toEqual(
      [
        [pairKey('a', 'b'), 4],
        [pairKey('a', 'e'), 4],
        [pairKey('a', 'f'), Infinity],
        [pairKey('b', 'c'), 4],
        [pairKey('c', 'd'), 4],
        [pairKey('d', 'e'), 4],
      ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
    );
  });

  it('two squares sharing a tie (a ladder): no triangles, so all 7 ties, each of span 3', () => {
    // Squares a-b-c-d and b-e-f-c share b-c. Without b-c, b reaches c by b-a-d-c or b-e-f-c: 3.
    const view = smallView(['a', 'b', 'c', 'd', 'e', 'f'], ['a-b', 'b-c', 'c-d', 'd-a', 'b-e', 'e-f', 'f-c']);
    const spans = new Map(table(localBridges(view)));
    expect(spans.get(pairKey('b', 'c'))).toBe(3);
    // a-b: without it, a reaches b by a-d-c-b: 3.
    expect(spans.get(pairKey('a', 'b'))).toBe(3);
    // e-f: without it, e reaches f by e-b-c-f: 3.
    expect(spans.get(pairKey('e', 'f'))).toBe(3);
    expect(spans.size).toBe(7);
  });

  it('a chord puts ties in triangles: square with diagonal a-c has no local bridge', () => {
    expect(localBridges(smallView(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d', 'd-a', 'a-c']))).toEqual([]);
  });
});

describe('local bridges and spans agree with NetworkX 3.6 local_bridges(with_span=True)', () => {
  for (const name of referenceNames()) {
    it(name, async () => {
      const ref = loadReference(name);
      const expected = ref.localBridges
        .map(([a, b, span]) => [pairKey(a, b), span === null ? Infinity : span] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : 1));
      const got = localBridges(await referenceView(ref));
      expect(table(got)).toEqual(expected);
      // A local bridge of infinite span is exactly a bridge.
      for (const b of got) expect(b.bridge).toBe(b.span === Infinity);
    });
  }
});

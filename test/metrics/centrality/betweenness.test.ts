/**
 * Exact betweenness: degenerate inputs first, then graphs small enough to derive by hand.
 * Normalisation (NetworkX): raw unordered-pair counts x 2/((n-1)(n-2)) undirected,
 * ordered-pair counts x 1/((n-1)(n-2)) directed.
 */
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessSync, DEFAULT_BETWEENNESS_OPTIONS } from '../../../src/metrics/centrality/betweenness.js';
import { OrgraphError } from '../../../src/model/errors.js';
import { KITE, viewOf } from './path-fixtures.js';

describe('betweenness: degenerate inputs', () => {
  it('empty view -> empty scores', async () => {
    const b = await betweenness(viewOf(0, [], false));
    expect(b.size).toBe(0);
  });
  it('one person, two people, isolates -> zeros', () => {
    expect(Array.from(betweennessSync(viewOf(1, [], false)).values)).toEqual([0]);
    expect(Array.from(betweennessSync(viewOf(2, [[0, 1]], false)).values)).toEqual([0, 0]);
    expect(Array.from(betweennessSync(viewOf(5, [], true)).values)).toEqual([0, 0, 0, 0, 0]);
  });
  it('disconnected parts: each path counts only within its part', () => {
    // Paths 0-1-2 and 3-4-5 (n = 6): 1 and 4 each lie on one unordered pair; x 2/(5*4).
    const b = betweennessSync(
      viewOf(
        6,
        [
          [0, 1],
          [1, 2],
          [3, 4],
          [4, 5],
        ],
        false,
      ),
    );
    expect(Array.from(b.values)).toEqual([0, 0.1, 0, 0, 0.1, 0]);
  });
  it('defaults are frozen and as documented', () => {
    expect(Object.isFrozen(DEFAULT_BETWEENNESS_OPTIONS)).toBe(true);
    expect(DEFAULT_BETWEENNESS_OPTIONS).toEqual({ normalized: true, weighted: true, length: 'inverse' });
  });
});

describe('betweenness: hand-derived values', () => {
  it('path 0-1-2-3: inner nodes on 2 pairs each -> 2 x 2/(3*2) = 2/3', () => {
    const view = viewOf(
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      false,
    );
    const b = betweennessSync(view);
    expect(b.values[0]).toBe(0);
    expect(b.values[1]).toBeCloseTo(2 / 3, 15);
    expect(b.values[2]).toBeCloseTo(2 / 3, 15);
    expect(Array.from(betweennessSync(view, { normalized: false }).values)).toEqual([0, 2, 2, 0]);
  });
  it('star of 4 leaves: the centre is on all C(4,2) = 6 pairs -> normalised 1', () => {
    const b = betweennessSync(
      viewOf(
        5,
        [
          [0, 1],
          [0, 2],
          [0, 3],
          [0, 4],
        ],
        false,
      ),
    );
    expect(b.values[0]).toBeCloseTo(1, 15);
    expect(Array.from(b.values.slice(1))).toEqual([0, 0, 0, 0]);
  });
  it('two 4-cliques joined by a bridge 3-4: each bridge end is on 3 x 4 = 12 pairs -> 12 x 2/(7*6) = 4/7', () => {
    const ties: [number, number][] = [];
    for (const base of [0, 4]) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) ties.push([base + i, base + j]);
    ties.push([3, 4]);
    const b = betweennessSync(viewOf(8, ties, false));
    expect(b.values[3]).toBeCloseTo(4 / 7, 15);
    expect(b.values[4]).toBeCloseTo(4 / 7, 15);
    for (const v of [0, 1, 2, 5, 6, 7]) expect(b.values[v]).toBe(0);
  });
  it('Krackhardt kite (raw): Heather 14 = 7 people x {Ike, Jane}; Ike 8 = Jane x 8 others; Fernando = Garth = 8 1/3; Diane 3 2/3; Andre = Beverly 5/6', () => {
    // Fernando: Heather-side pairs {Heather, Ike, Jane} x {Andre, Carol} all pass through Fernando
    // (6), x {Diane} split Fernando/Garth (3 x 1/2), plus Carol-Garth (1/2: via Diane or Fernando),
    // Andre-Garth (1/3 of 3 paths) -> 6 + 1.5 + 1/2 + 1/3 = 8 1/3. Garth by symmetry.
    const b = betweennessSync(viewOf(10, KITE, false), { normalized: false });
    const want = [5 / 6, 5 / 6, 0, 11 / 3, 0, 25 / 3, 25 / 3, 14, 8, 0];
    want.forEach((w, i) => expect(b.values[i]).toBeCloseTo(w, 12));
  });
  it('directed chain 0 -> 1 -> 2: node 1 is on the one ordered pair (0,2) -> 1/(2*1) = 0.5', () => {
    const b = betweennessSync(
      viewOf(
        3,
        [
          [0, 1],
          [1, 2],
        ],
        true,
      ),
    );
    expect(Array.from(b.values)).toEqual([0, 0.5, 0]);
  });
  it('weights are strengths: the strong route 0-1-2 (lengths 1/2 + 1/2) beats 0-3-2 (1 + 1)', () => {
    // Square 0-1-2-3-0, w(0,1) = w(1,2) = 2, w(2,3) = w(3,0) = 1. Pair (0,2): only via 1.
    // Pair (1,3): via 0 (1/2 + 1) and via 2 (1/2 + 1) tie -> 1/2 each. Raw b = [1/2, 1, 1/2, 0].
    // Hop counts instead: (0,2) and (1,3) each split in two -> every node 1/2.
    const view = viewOf(
      4,
      [
        [0, 1, 2],
        [1, 2, 2],
        [2, 3, 1],
        [3, 0, 1],
      ],
      false,
    );
    expect(Array.from(betweennessSync(view, { normalized: false }).values)).toEqual([0.5, 1, 0.5, 0]);
    expect(Array.from(betweennessSync(view, { normalized: false, weighted: false }).values)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(betweennessSync(view).diagnostics.search).toBe('dijkstra');
    expect(betweennessSync(view, { weighted: false }).diagnostics.search).toBe('bfs');
  });
  it("'identity' lengths read the tie value as a length: then 0-3-2 (1 + 1) beats 0-1-2 (2 + 2)", () => {
    // Pair (0,2): only via 3 -> b3 = 1. Pair (1,3): via 0 (2 + 1) and via 2 (2 + 1) tie -> 1/2 each.
    const view = viewOf(
      4,
      [
        [0, 1, 2],
        [1, 2, 2],
        [2, 3, 1],
        [3, 0, 1],
      ],
      false,
    );
    expect(Array.from(betweennessSync(view, { normalized: false, length: 'identity' }).values)).toEqual([0.5, 0, 0.5, 1]);
  });
});

describe('betweenness: async runner', () => {
  it('equals the sync result in this thread, reports progress, and rejects when aborted', async () => {
    const view = viewOf(10, KITE, false);
    const seen: number[] = [];
    const b = await betweenness(view, { workers: 1, onProgress: (done, total) => seen.push(done / total) });
    expect(Array.from(b.values)).toEqual(Array.from(betweennessSync(view).values));
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(betweenness(view, { signal: controller.signal })).rejects.toMatchObject({ code: 'E_ABORTED' });
    await expect(betweenness(view, { workers: 0 })).rejects.toBeInstanceOf(OrgraphError);
  });
});

/**
 * Closeness (Wasserman–Faust, NetworkX conventions): C(i) = ((r-1)/(n-1)) * ((r-1)/sum_j d(j,i)),
 * incoming distances on directed views, 0 for isolates. Hand derivations in comments.
 */
import { describe, expect, it } from 'vitest';
import { closeness, closenessSync, DEFAULT_CLOSENESS_OPTIONS } from '../../../src/metrics/centrality/closeness.js';
import { KITE, viewOf } from './path-fixtures.js';

describe('closeness: degenerate inputs', () => {
  it('empty view, one person, isolates -> empty / 0', async () => {
    expect((await closeness(viewOf(0, [], false))).size).toBe(0);
    expect(Array.from(closenessSync(viewOf(1, [], false)).values)).toEqual([0]);
    expect(Array.from(closenessSync(viewOf(3, [], true)).values)).toEqual([0, 0, 0]);
    expect(Object.isFrozen(DEFAULT_CLOSENESS_OPTIONS)).toBe(true);
  });
  it('disconnected parts are scaled by reach (Wasserman–Faust)', () => {
    // Pair 0-1 plus isolate 2 (n = 3): node 0 reaches 1 person at distance 1:
    // (1/1) * (1/2) = 0.5; classic closeness (no scaling) gives 1.
    const view = viewOf(3, [[0, 1]], false);
    expect(Array.from(closenessSync(view).values)).toEqual([0.5, 0.5, 0]);
    expect(Array.from(closenessSync(view, { wassermanFaust: false }).values)).toEqual([1, 1, 0]);
  });
});

describe('closeness: hand-derived values', () => {
  it('path 0-1-2-3: ends 3/(1+2+3) = 0.5, inner 3/(1+1+2) = 0.75', () => {
    expect(
      Array.from(
        closenessSync(
          viewOf(
            4,
            [
              [0, 1],
              [1, 2],
              [2, 3],
            ],
            false,
          ),
        ).values,
      ),
    ).toEqual([0.5, 0.75, 0.75, 0.5]);
  });
  it('Krackhardt kite: Fernando and Garth 9/14, Jane 9/29', () => {
    // Fernando: distance 1 to Andre, Carol, Diane, Garth, Heather; 2 to Beverly, Ed, Ike; 3 to Jane:
    // sum 5 + 6 + 3 = 14 -> 9/14. Jane: 1 (Ike) + 2 (Heather) + 3 x 2 (Fernando, Garth) + 4 x 5 = 29 -> 9/29.
    const c = closenessSync(viewOf(10, KITE, false));
    expect(c.values[5]).toBeCloseTo(9 / 14, 15);
    expect(c.values[6]).toBeCloseTo(9 / 14, 15);
    expect(c.values[9]).toBeCloseTo(9 / 29, 15);
  });
  it('directed chain 0 -> 1 -> 2 uses incoming distances', () => {
    // Node 2 is reached by 1 (d 1) and 0 (d 2): (2/2) * (2/3) = 2/3. Node 1 by 0: (1/2) * 1 = 1/2.
    const c = closenessSync(
      viewOf(
        3,
        [
          [0, 1],
          [1, 2],
        ],
        true,
      ),
    );
    expect(c.values[0]).toBe(0);
    expect(c.values[1]).toBe(0.5);
    expect(c.values[2]).toBeCloseTo(2 / 3, 15);
  });
  it('weights are strengths: d = 1/w', () => {
    // Path 0 -(w 2)- 1 -(w 4)- 2: from 1, distances 1/2 and 1/4 -> 2 / 0.75 = 8/3.
    const c = closenessSync(
      viewOf(
        3,
        [
          [0, 1, 2],
          [1, 2, 4],
        ],
        false,
      ),
    );
    expect(c.values[1]).toBeCloseTo(8 / 3, 14);
    // Equal weights 4 everywhere: every length 1/4, so hop closeness x 4.
    const even = viewOf(
      4,
      [
        [0, 1, 4],
        [1, 2, 4],
        [2, 3, 4],
      ],
      false,
    );
    expect(closenessSync(even).diagnostics.search).toBe('bfs');
    expect(Array.from(closenessSync(even).values)).toEqual([2, 3, 3, 2]);
  });
});

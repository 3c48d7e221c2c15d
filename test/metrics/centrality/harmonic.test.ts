/**
 * Harmonic centrality (NetworkX convention): H(i) = sum_{j != i} 1/d(j,i), incoming distances on
 * directed views, 1/inf = 0. Hand derivations in comments.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HARMONIC_OPTIONS, harmonic, harmonicSync } from '../../../src/metrics/centrality/harmonic.js';
import { KITE, viewOf } from './path-fixtures.js';

describe('harmonic: degenerate inputs', () => {
  it('empty view, one person, isolates, disconnected parts', async () => {
    expect((await harmonic(viewOf(0, [], false))).size).toBe(0);
    expect(Array.from(harmonicSync(viewOf(1, [], false)).values)).toEqual([0]);
    // Pair 0-1 plus isolate 2: unreachable people add 1/inf = 0.
    expect(Array.from(harmonicSync(viewOf(3, [[0, 1]], false)).values)).toEqual([1, 1, 0]);
    expect(Object.isFrozen(DEFAULT_HARMONIC_OPTIONS)).toBe(true);
  });
});

describe('harmonic: hand-derived values', () => {
  it('path 0-1-2-3: ends 1 + 1/2 + 1/3 = 11/6, inner 1 + 1 + 1/2 = 5/2; normalised / 3', () => {
    const view = viewOf(
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      false,
    );
    const h = harmonicSync(view);
    expect(h.values[0]).toBeCloseTo(11 / 6, 15);
    expect(h.values[1]).toBe(2.5);
    expect(harmonicSync(view, { normalized: true }).values[1]).toBeCloseTo(2.5 / 3, 15);
  });
  it('Krackhardt kite: Jane 1 (Ike) + 1/2 (Heather) + 2/3 (Fernando, Garth) + 5/4 (the other five) = 41/12', () => {
    const h = harmonicSync(viewOf(10, KITE, false));
    expect(h.values[9]).toBeCloseTo(41 / 12, 14);
  });
  it('directed chain 0 -> 1 -> 2: incoming, so node 2 gets 1 + 1/2 and node 0 gets 0', () => {
    expect(
      Array.from(
        harmonicSync(
          viewOf(
            3,
            [
              [0, 1],
              [1, 2],
            ],
            true,
          ),
        ).values,
      ),
    ).toEqual([0, 1, 1.5]);
  });
  it('weights are strengths: path 0 -(w 2)- 1 -(w 4)- 2 gives node 1 2 + 4 = 6', () => {
    expect(
      harmonicSync(
        viewOf(
          3,
          [
            [0, 1, 2],
            [1, 2, 4],
          ],
          false,
        ),
      ).values[1],
    ).toBe(6);
  });
});

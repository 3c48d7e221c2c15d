import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../src/core/csr.js';
import { modularityLocalMoves } from '../../src/core/modularity-moves.js';

const order = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('modularityLocalMoves', () => {
  it('no edges: nothing moves', () => {
    const g = csrFromEdges(3, { sources: [], targets: [], weights: [] }, false);
    const labels = Int32Array.of(0, 1, 2);
    expect(modularityLocalMoves(g, labels, 3, 1, true, order(3))).toEqual({ moves: 0, sweeps: 0 });
  });

  it('two triangles with a bridge: a misplaced node returns to its triangle', () => {
    // 0-1-2 triangle, 3-4-5 triangle, bridge 2-3. Node 2 starts in the second community.
    const g = csrFromEdges(6, { sources: [0, 1, 0, 3, 4, 3, 2], targets: [1, 2, 2, 4, 5, 5, 3], weights: [1, 1, 1, 1, 1, 1, 1] }, false);
    const labels = Int32Array.of(0, 0, 1, 1, 1, 1);
    // Gain for 2 (k = 3, 2m = 14): to community 0 (tot 4): 2 - 3*4/14 = 1.143;
    // stay in 1 (tot 12 - 3 = 9 without it): 1 - 3*9/14 = -0.929. It moves.
    const r = modularityLocalMoves(g, labels, 2, 1, false, order(6));
    expect(Array.from(labels)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.moves).toBe(1);
    expect(r.sweeps).toBe(2);
  });
});

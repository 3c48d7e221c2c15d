/**
 * Locality reordering: a permutation, and results mapped back through it equal the results in the
 * original labelling (the pool reorders graphs of 2000+ nodes).
 */
import { describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../src/core/brandes.js';
import { csrFromEdges, lengthsFromStrengths } from '../../src/core/csr.js';
import { runPathTaskSync } from '../../src/core/parallel/pool.js';
import { pathGraphOf } from '../../src/core/path-graph.js';
import { breadthFirstOrder } from '../../src/core/reorder.js';

describe('breadthFirstOrder', () => {
  it('is a permutation that starts each component at a node of lowest degree', () => {
    // Path 0-1-2 and isolated 3: roots by degree: 3 (deg 0), then 0 (deg 1) -> 3, 0, 1, 2.
    const csr = csrFromEdges(4, { sources: [0, 1], targets: [1, 2], weights: [1, 1] }, false);
    const pair = { forward: pathGraphOf(csr, null), backward: pathGraphOf(csr, null, true) };
    expect(Array.from(breadthFirstOrder(pair))).toEqual([3, 0, 1, 2]);
  });
  it('betweenness through the reordered pool equals Brandes in the original labelling', () => {
    const n = 3000;
    const s: number[] = [];
    const t: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < 3 * n; i++) {
      const a = (i * 7919) % n;
      const b = (i * 104729 + 13) % n;
      if (a !== b) {
        s.push(a);
        t.push(b);
        w.push(1 + (i % 3));
      }
    }
    const csr = csrFromEdges(n, { sources: s, targets: t, weights: w }, true);
    const lengths = lengthsFromStrengths(csr);
    const pair = { forward: pathGraphOf(csr, lengths), backward: pathGraphOf(csr, lengths, true) };
    const direct = new Float64Array(n);
    const scratch = new PathScratch(n);
    for (let v = 0; v < n; v++) brandesSource(pair.forward, v, direct, scratch);
    const pooled = runPathTaskSync(pair, { kind: 'betweenness' });
    let worst = 0;
    for (let v = 0; v < n; v++) worst = Math.max(worst, Math.abs(pooled[v] - direct[v]) / Math.max(1e-300, Math.abs(direct[v])));
    expect(direct.some((x) => x > 0)).toBe(true);
    expect(worst).toBeLessThan(1e-12);
  });
});

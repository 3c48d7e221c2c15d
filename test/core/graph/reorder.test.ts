/**
 * Locality reordering: a permutation, and results mapped back through it equal the results in the
 * original labelling (the pool reorders graphs of 2000+ nodes).
 */
import { describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { runPathTaskSync } from '../../../src/core/parallel/pool.js';
import { pathGraphOf } from '../../../src/core/graph/path-graph.js';
import { breadthFirstOrder, breadthFirstOrderOf, inverseOrder, relabelRows } from '../../../src/core/graph/reorder.js';

describe('breadthFirstOrderOf and relabelRows', () => {
  // Rows: 0 -> 2, 1 -> (none), 2 -> 3, 0 and 3 -> 2 (a path 0-2-3 plus arc 2->0), and isolated 1.
  const rows = { n: 4, offsets: Int32Array.of(0, 1, 1, 3, 4), targets: Int32Array.of(2, 3, 0, 2) };

  it('empty rows give an empty order', () => {
    expect(Array.from(breadthFirstOrderOf({ n: 0, offsets: Int32Array.of(0), targets: new Int32Array(0) }))).toEqual([]);
  });

  it("roots by index: 0, then its row (2), then 2's row (3, 0 seen); 1 last", () => {
    expect(Array.from(breadthFirstOrderOf(rows))).toEqual([0, 2, 3, 1]);
  });

  it('roots by degree: isolated 1 (degree 0) first, then 0 and 3 (degree 1, lower index first)', () => {
    expect(Array.from(breadthFirstOrderOf(rows, { roots: 'degree' }))).toEqual([1, 0, 2, 3]);
  });

  it('reverse rows are followed too', () => {
    // Only 3 -> 0 forwards; reverse has 0 <- 3. From 0 nothing forwards, 3 through the reverse row.
    const forward = { n: 4, offsets: Int32Array.of(0, 0, 0, 0, 1), targets: Int32Array.of(0) };
    const reverse = { n: 4, offsets: Int32Array.of(0, 1, 1, 1, 1), targets: Int32Array.of(3) };
    expect(Array.from(breadthFirstOrderOf(forward))).toEqual([0, 1, 2, 3]);
    expect(Array.from(breadthFirstOrderOf(forward, { reverse }))).toEqual([0, 3, 1, 2]);
  });

  it("relabelling keeps each row's order and carries values", () => {
    const order = Int32Array.of(0, 2, 3, 1); // rank: 0->0, 2->1, 3->2, 1->3
    expect(Array.from(inverseOrder(order))).toEqual([0, 3, 1, 2]);
    const r = relabelRows(rows, Float64Array.of(10, 20, 30, 40), order);
    // new 0 = old 0: [old 2 -> 1]; new 1 = old 2: [old 3 -> 2, old 0 -> 0]; new 2 = old 3: [1]; new 3 = old 1: []
    expect(Array.from(r.offsets)).toEqual([0, 1, 3, 4, 4]);
    expect(Array.from(r.targets)).toEqual([1, 2, 0, 1]);
    expect(Array.from(r.values!)).toEqual([10, 20, 30, 40]);
    expect(relabelRows(rows, null, order).values).toBeNull();
  });
});

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

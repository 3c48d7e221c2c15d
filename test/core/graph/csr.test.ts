import { describe, expect, it } from 'vitest';
import { csrFilter, csrFromEdges, csrTranspose, edgeCount, lengthsFromStrengths } from '../../../src/core/graph/csr.js';

/** Row i of a CSR as sorted [target, value] pairs. */
function row(offsets: Int32Array, targets: Int32Array, weights: Float64Array, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = offsets[i]; p < offsets[i + 1]; p++) out.push([targets[p], weights[p]]);
  return out.sort((a, b) => a[0] - b[0]);
}

describe('csrFromEdges', () => {
  it('builds an empty graph', () => {
    const g = csrFromEdges(0, { sources: [], targets: [], weights: [] }, false);
    expect(g.n).toBe(0);
    expect(Array.from(g.offsets)).toEqual([0]);
    expect(edgeCount(g)).toBe(0);
  });

  it('keeps isolates as empty rows', () => {
    const g = csrFromEdges(3, { sources: [0], targets: [1], weights: [2] }, true);
    expect(Array.from(g.offsets)).toEqual([0, 1, 1, 1]);
    expect(Array.from(g.inOffsets)).toEqual([0, 0, 1, 1]);
  });

  it('sums parallel arcs in a directed graph and keeps both directions apart', () => {
    // arcs: 0->1 (2), 0->1 (3), 1->0 (4), 1->2 (1)
    const g = csrFromEdges(3, { sources: [0, 0, 1, 1], targets: [1, 1, 0, 2], weights: [2, 3, 4, 1] }, true);
    expect(row(g.offsets, g.targets, g.weights, 0)).toEqual([[1, 5]]);
    expect(row(g.offsets, g.targets, g.weights, 1)).toEqual([
      [0, 4],
      [2, 1],
    ]);
    expect(row(g.inOffsets, g.inSources, g.inWeights, 1)).toEqual([[0, 5]]);
    expect(row(g.inOffsets, g.inSources, g.inWeights, 2)).toEqual([[1, 1]]);
    expect(edgeCount(g)).toBe(3);
  });

  it('undirected: a pair holds a_ij + a_ji, stored in both rows', () => {
    // 0->1 (2) and 1->0 (4) give the pair {0,1} the value 6.
    const g = csrFromEdges(3, { sources: [0, 1, 2], targets: [1, 0, 1], weights: [2, 4, 1] }, false);
    expect(row(g.offsets, g.targets, g.weights, 0)).toEqual([[1, 6]]);
    expect(row(g.offsets, g.targets, g.weights, 1)).toEqual([
      [0, 6],
      [2, 1],
    ]);
    expect(edgeCount(g)).toBe(2);
    expect(g.inOffsets).toBe(g.offsets);
  });

  it('filters by value and can make a view unweighted', () => {
    const g = csrFromEdges(3, { sources: [0, 1], targets: [1, 2], weights: [0.5, 3] }, true);
    const f = csrFilter(g, (w) => w >= 1, 1);
    expect(edgeCount(f)).toBe(1);
    expect(row(f.offsets, f.targets, f.weights, 1)).toEqual([[2, 1]]);
    expect(row(f.inOffsets, f.inSources, f.inWeights, 2)).toEqual([[1, 1]]);
  });

  it('transposes a directed graph', () => {
    const g = csrFromEdges(2, { sources: [0], targets: [1], weights: [7] }, true);
    const t = csrTranspose(g);
    expect(row(t.offsets, t.targets, t.weights, 1)).toEqual([[0, 7]]);
    expect(row(t.offsets, t.targets, t.weights, 0)).toEqual([]);
  });
});

describe('lengthsFromStrengths', () => {
  const g = csrFromEdges(2, { sources: [0], targets: [1], weights: [4] }, true);
  it('defaults to d = 1/w', () => {
    expect(Array.from(lengthsFromStrengths(g).lengths)).toEqual([0.25]);
    expect(Array.from(lengthsFromStrengths(g).inLengths)).toEqual([0.25]);
  });
  it('keeps values as lengths with identity, or applies a function', () => {
    expect(Array.from(lengthsFromStrengths(g, 'identity').lengths)).toEqual([4]);
    expect(Array.from(lengthsFromStrengths(g, (w) => 10 - w).lengths)).toEqual([6]);
  });
});

import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../src/core/graph/csr.js';
import { undirectedAdjacency } from '../../../src/core/graph/undirected.js';

describe('undirectedAdjacency', () => {
  it('empty and edgeless graphs', () => {
    const a = undirectedAdjacency(csrFromEdges(0, { sources: [], targets: [], weights: [] }, false));
    expect(a.edgeCount).toBe(0);
    const b = undirectedAdjacency(csrFromEdges(3, { sources: [], targets: [], weights: [] }, true));
    expect(Array.from(b.offsets)).toEqual([0, 0, 0, 0]);
  });

  it('directed: a pair tied both ways is one edge of strength a_ij + a_ji; rows sorted; ids shared', () => {
    // Arcs 2->0 (w 1), 0->2 (w 4), 1->0 (w 2), 2->1 (w 8).
    const g = csrFromEdges(3, { sources: [2, 0, 1, 2], targets: [0, 2, 0, 1], weights: [1, 4, 2, 8] }, true);
    const a = undirectedAdjacency(g);
    // Edges by (lower, higher): {0,1} strength 2, {0,2} strength 1 + 4 = 5, {1,2} strength 8.
    expect(a.edgeCount).toBe(3);
    expect(Array.from(a.edgeU)).toEqual([0, 0, 1]);
    expect(Array.from(a.edgeV)).toEqual([1, 2, 2]);
    expect(Array.from(a.edgeWeights)).toEqual([2, 5, 8]);
    expect(Array.from(a.offsets)).toEqual([0, 2, 4, 6]);
    expect(Array.from(a.targets)).toEqual([1, 2, 0, 2, 0, 1]);
    // Row 0: 0-1 (e0), 0-2 (e1); row 1: 1-0 (e0), 1-2 (e2); row 2: 2-0 (e1), 2-1 (e2).
    expect(Array.from(a.edgeIds)).toEqual([0, 1, 0, 2, 1, 2]);
  });

  it('undirected: strengths as stored, both arcs of an edge share its id', () => {
    const g = csrFromEdges(4, { sources: [3, 0, 1], targets: [0, 1, 3], weights: [1, 2, 3] }, false);
    const a = undirectedAdjacency(g);
    expect(Array.from(a.edgeU)).toEqual([0, 0, 1]);
    expect(Array.from(a.edgeV)).toEqual([1, 3, 3]);
    expect(Array.from(a.edgeWeights)).toEqual([2, 1, 3]);
    for (let i = 0; i < 4; i++) {
      for (let p = a.offsets[i]; p < a.offsets[i + 1]; p++) {
        const e = a.edgeIds[p];
        expect([a.edgeU[e], a.edgeV[e]].sort()).toEqual([i, a.targets[p]].sort());
      }
    }
  });
});

/**
 * Simple undirected adjacency
 * The CSR read as a simple undirected graph (one edge per tied pair, sorted rows, shared edge ids),
 * the input every connectivity kernel (components, biconnected structure, local bridges) reads.
 * Reference: Tarjan, R. E. (1972). Depth-first search and linear graph algorithms. SIAM J. Comput. 1(2).
 */
import type { Csr } from './csr.js';
import { int32Arrays } from '../util/typed-arrays.js';

/**
 * A simple undirected graph in CSR form.
 *
 * Neighbours of node `i` are `targets[offsets[i] .. offsets[i+1])` in ascending order; every edge
 * {i, j} is stored twice (in row i and in row j) and both arcs carry the same `edgeIds` value.
 * Edge `e` joins `edgeU[e] < edgeV[e]`; `edgeWeights[e]` is the pair's strength.
 */
export interface UndirectedAdjacency {
  readonly n: number;
  /** Number of edges (pairs), half the arc count. */
  readonly edgeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Edge id of each arc, aligned with `targets`. */
  readonly edgeIds: Int32Array;
  /** Lower endpoint of each edge. */
  readonly edgeU: Int32Array;
  /** Higher endpoint of each edge. */
  readonly edgeV: Int32Array;
  /** Strength of each edge: a_ij + a_ji for a directed CSR, a_ij for an undirected one. */
  readonly edgeWeights: Float64Array;
}

/**
 * Read a CSR as a simple undirected graph.
 *
 * Undirected CSR: the pairs as they are. Directed CSR: {i, j} is an edge when i -> j or j -> i;
 * its strength is a_ij + a_ji (the undirected projection's rule). Self-loops are dropped.
 *
 * NOTE: rows come out sorted because row i is filled while scanning source nodes j in ascending
 * order (the transpose trick); duplicates of a pair are therefore adjacent and merged.
 *
 * Complexity: O(n + m) time and memory.
 */
export function undirectedAdjacency(g: Csr): UndirectedAdjacency {
  const n = g.n;
  const directed = g.directed;
  // The arcs of row j read from the out-arcs (targets) and, on a directed CSR, the in-arcs (sources).
  const sides = directed
    ? [
        { offsets: g.offsets, ends: g.targets, weights: g.weights },
        { offsets: g.inOffsets, ends: g.inSources, weights: g.inWeights },
      ]
    : [{ offsets: g.offsets, ends: g.targets, weights: g.weights }];
  // Step 1: count arcs per row (each arc of the CSR lands in the row of its other endpoint).
  const counts = new Int32Array(n + 1);
  for (const { offsets, ends } of sides) {
    for (let j = 0; j < n; j++) for (let p = offsets[j]; p < offsets[j + 1]; p++) if (ends[p] !== j) counts[ends[p] + 1]++;
  }
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const total = counts[n];
  const rawTargets = new Int32Array(total);
  const rawWeights = new Float64Array(total);
  const cursor = counts.slice(0, n);
  // Step 2: fill row i with j while scanning j ascending, so every row is sorted.
  for (let j = 0; j < n; j++) {
    for (const { offsets, ends, weights } of sides) {
      for (let p = offsets[j]; p < offsets[j + 1]; p++) {
        const i = ends[p];
        if (i === j) continue;
        const at = cursor[i]++;
        rawTargets[at] = j;
        rawWeights[at] = weights[p];
      }
    }
  }
  // Step 3: merge adjacent duplicates (i -> j and j -> i of a directed CSR), summing strengths.
  // NOTE: in row i of a directed CSR, the arc j -> i contributes a_ji and the arc i -> j (read from
  // the in-arcs of j) contributes a_ij, so the merged value is a_ij + a_ji.
  const offsets = new Int32Array(n + 1);
  const weightsByArc = new Float64Array(total);
  let write = 0;
  for (let i = 0; i < n; i++) {
    for (let p = counts[i]; p < counts[i + 1]; p++) {
      if (write > offsets[i] && rawTargets[write - 1] === rawTargets[p]) {
        weightsByArc[write - 1] += rawWeights[p];
      } else {
        rawTargets[write] = rawTargets[p];
        weightsByArc[write] = rawWeights[p];
        write++;
      }
    }
    offsets[i + 1] = write;
  }
  const targets = write === total ? rawTargets : rawTargets.slice(0, write);
  // Step 4: edge ids. Row j lists its higher neighbours i in ascending order, and rows i are
  // visited in ascending order, so `next[j]` always points at the arc j -> i when row i sees j.
  const edgeCount = write / 2;
  const edgeIds = new Int32Array(write);
  const [edgeU, edgeV] = int32Arrays(edgeCount, 2);
  const edgeWeights = new Float64Array(edgeCount);
  const next = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let p = offsets[j];
    while (p < offsets[j + 1] && targets[p] < j) p++;
    next[j] = p;
  }
  let id = 0;
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = targets[p];
      if (j > i) {
        edgeIds[p] = id;
        edgeU[id] = i;
        edgeV[id] = j;
        edgeWeights[id] = weightsByArc[p];
        id++;
      } else {
        edgeIds[p] = edgeIds[next[j]++];
      }
    }
  }
  return { n, edgeCount, offsets, targets, edgeIds, edgeU, edgeV, edgeWeights };
}

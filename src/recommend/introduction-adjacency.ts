/**
 * Introduction adjacency
 * The sorted undirected adjacency with its edge list that the introductions and the score fit read,
 * built from the view's own CSR rows when the view is undirected (a copy and a sort of each row,
 * reading memory in order) instead of the transpose that `sortedAdjacency` makes for any CSR.
 * Reference: Gustavson, F. G. (1978). Two fast algorithms for sparse matrices: multiplication and
 * permuted transposition. ACM TOMS 4(3) (the transpose it avoids).
 */
import type { OrgView } from '../model/projection.js';
import { sortedAdjacency } from './groups.js';
import type { SortedAdjacency } from '../core/structure/link-scores.js';

/** Rows up to this length are sorted by insertion (org rows are short); longer ones by index sort. */
const INSERTION_ROW = 32;

/** An undirected adjacency with its edge list (as `sortedAdjacency` in groups.ts returns). */
export type EdgeListAdjacency = SortedAdjacency & {
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  readonly edgeWeights: Float64Array;
};

/**
 * The weighted undirected adjacency of a view with rows sorted ascending, no self-loop, and its
 * edge list (edge e joins `edgeU[e] < edgeV[e]`, edges ordered by `edgeU` then `edgeV`): the same
 * arrays, value for value, as `sortedAdjacency(view, { weighted: true })`.
 *
 * An undirected view's CSR already stores each tie once per end with its strength and no
 * duplicate (csrFromEdges merges them), so its rows are copied, self-loops dropped and each row
 * sorted by neighbour; a directed view goes through `sortedAdjacency` (a_ij + a_ji per pair).
 *
 * Complexity: undirected, O(n + m) sequential reads plus O(sum of d_i log d_i) for the row sorts
 * (insertion sort up to 32 neighbours); directed, as `sortedAdjacency`. Memory: one copy of the rows
 * and of the edge list.
 * @example
 * const adj = introductionAdjacency(project(graph));
 * adj.targets.subarray(adj.offsets[0], adj.offsets[1]); // person 0's contacts, ascending
 */
export function introductionAdjacency(view: OrgView): EdgeListAdjacency & { readonly weights: Float64Array } {
  const g = view.csr;
  if (g.directed) {
    const a = sortedAdjacency(view, { weighted: true });
    return { ...a, weights: a.weights! };
  }
  const n = g.n;
  // Step 1: row lengths without self-loops.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) if (g.targets[p] !== i) d++;
    offsets[i + 1] = offsets[i] + d;
  }
  const arcs = offsets[n];
  const targets = new Int32Array(arcs);
  const weights = new Float64Array(arcs);
  // Step 2: copy each row, then sort it by neighbour (weights follow).
  let order: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    let w = start;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const j = g.targets[p];
      if (j === i) continue;
      targets[w] = j;
      weights[w++] = g.weights[p];
    }
    const len = w - start;
    if (len <= INSERTION_ROW) {
      for (let a = start + 1; a < w; a++) {
        const t = targets[a];
        const x = weights[a];
        let b = a - 1;
        while (b >= start && targets[b] > t) {
          targets[b + 1] = targets[b];
          weights[b + 1] = weights[b];
          b--;
        }
        targets[b + 1] = t;
        weights[b + 1] = x;
      }
    } else {
      if (!order || order.length < len) order = new Int32Array(len * 2);
      const o = order.subarray(0, len);
      for (let a = 0; a < len; a++) o[a] = a;
      const rowT = targets.slice(start, w);
      const rowW = weights.slice(start, w);
      o.sort((a, b) => rowT[a] - rowT[b]);
      for (let a = 0; a < len; a++) {
        targets[start + a] = rowT[o[a]];
        weights[start + a] = rowW[o[a]];
      }
    }
  }
  // Step 3: the edge list, from the arcs i -> j with j > i (rows ascending, so edges come out ordered).
  const edgeCount = arcs / 2;
  const edgeU = new Int32Array(edgeCount);
  const edgeV = new Int32Array(edgeCount);
  const edgeWeights = new Float64Array(edgeCount);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i + 1] - 1; p >= offsets[i] && targets[p] > i; p--) e++;
  }
  if (e !== edgeCount) return fallback(view);
  e = 0;
  for (let i = 0; i < n; i++) {
    // The first arc of row i past i (rows sorted): binary search would do, rows are short.
    let p = offsets[i];
    while (p < offsets[i + 1] && targets[p] < i) p++;
    for (; p < offsets[i + 1]; p++) {
      edgeU[e] = i;
      edgeV[e] = targets[p];
      edgeWeights[e++] = weights[p];
    }
  }
  return { n, offsets, targets, weights, edgeU, edgeV, edgeWeights };
}

/** An undirected CSR whose arcs are not paired (not built by csrFromEdges): the transpose handles it. */
function fallback(view: OrgView): EdgeListAdjacency & { readonly weights: Float64Array } {
  const a = sortedAdjacency(view, { weighted: true });
  return { ...a, weights: a.weights! };
}

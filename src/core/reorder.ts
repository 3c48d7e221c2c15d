/**
 * Locality reordering for path kernels
 * Relabel nodes in breadth-first order so that neighbours sit close in memory, which makes the
 * scattered reads of BFS/Dijkstra (distances, path counts) hit the cache far more often.
 * Reference: Cuthill, E. & McKee, J. (1969). Reducing the bandwidth of sparse symmetric matrices.
 * Proc. 24th ACM National Conference, 157-172.
 */
import type { PathGraphPair } from './approx-betweenness.js';
import type { PathGraph } from './path-graph.js';

/**
 * A breadth-first order over arcs in both directions, each component started at its node of
 * lowest degree (Cuthill–McKee without the per-level degree sort).
 * @returns `order[newIndex] = oldIndex`
 * Complexity: O(n + m).
 */
export function breadthFirstOrder(g: PathGraphPair): Int32Array {
  const { n, offsets, targets } = g.forward;
  const bo = g.backward.offsets;
  const bt = g.backward.targets;
  const both = bo !== offsets;
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  // Roots by increasing degree, so peripheral nodes start each component.
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1] - offsets[v] + (both ? bo[v + 1] - bo[v] : 0);
    if (degree[v] > maxDegree) maxDegree = degree[v];
  }
  const bucket = new Int32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) bucket[degree[v] + 1]++;
  for (let d = 0; d <= maxDegree; d++) bucket[d + 1] += bucket[d];
  const roots = new Int32Array(n);
  for (let v = 0; v < n; v++) roots[bucket[degree[v]]++] = v;
  let tail = 0;
  for (let r = 0; r < n; r++) {
    const root = roots[r];
    if (seen[root]) continue;
    seen[root] = 1;
    let head = tail;
    order[tail++] = root;
    while (head < tail) {
      const v = order[head++];
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        if (!seen[w]) {
          seen[w] = 1;
          order[tail++] = w;
        }
      }
      if (both) {
        for (let p = bo[v]; p < bo[v + 1]; p++) {
          const w = bt[p];
          if (!seen[w]) {
            seen[w] = 1;
            order[tail++] = w;
          }
        }
      }
    }
  }
  return order;
}

/** `rank[oldIndex] = newIndex` for an order. */
export function inverseOrder(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  return rank;
}

function permuteGraph(g: PathGraph, order: Int32Array, rank: Int32Array): PathGraph {
  const n = g.n;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(g.targets.length);
  const lengths = g.lengths ? new Float64Array(g.lengths.length) : null;
  let write = 0;
  for (let k = 0; k < n; k++) {
    const v = order[k];
    const start = write;
    for (let p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
      targets[write] = rank[g.targets[p]];
      if (lengths) lengths[write] = g.lengths![p];
      write++;
    }
    // Ascending neighbours for sequential access (insertion sort, so only short rows).
    if (write - start > 64) {
      offsets[k + 1] = write;
      continue;
    }
    for (let i = start + 1; i < write; i++) {
      const t = targets[i];
      const l = lengths ? lengths[i] : 0;
      let j = i - 1;
      while (j >= start && targets[j] > t) {
        targets[j + 1] = targets[j];
        if (lengths) lengths[j + 1] = lengths[j];
        j--;
      }
      targets[j + 1] = t;
      if (lengths) lengths[j + 1] = l;
    }
    offsets[k + 1] = write;
  }
  return { n, offsets, targets, lengths };
}

/**
 * The pair relabelled by `order` (`order[new] = old`). Arrays shared by both directions stay
 * shared. Complexity: O(n + m) (rows of up to 64 arcs are sorted, longer ones kept in order).
 */
export function permutePair(g: PathGraphPair, order: Int32Array): PathGraphPair {
  const rank = inverseOrder(order);
  const forward = permuteGraph(g.forward, order, rank);
  const same = g.backward.offsets === g.forward.offsets && g.backward.lengths === g.forward.lengths;
  return { forward, backward: same ? forward : permuteGraph(g.backward, order, rank) };
}

/**
 * Locality reordering for path kernels
 * Relabel nodes in breadth-first order so that neighbours sit close in memory, which makes the
 * scattered reads of BFS/Dijkstra (distances, path counts) hit the cache far more often.
 * Reference: Cuthill, E. & McKee, J. (1969). Reducing the bandwidth of sparse symmetric matrices.
 * Proc. 24th ACM National Conference, 157-172.
 */
import type { PathGraphPair } from '../paths/approx-betweenness.js';
import type { PathGraph } from './path-graph.js';

/** Adjacency rows: node v's neighbours are `targets[offsets[v] .. offsets[v + 1])`. */
export interface AdjacencyRows {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

export interface BreadthFirstOrderOptions {
  /**
   * Where each component starts: `'index'` at its lowest-index node, `'degree'` at a node of
   * lowest degree (peripheral nodes first, as Cuthill–McKee), lowest index among equals.
   * @defaultValue 'index'
   */
  readonly roots?: 'index' | 'degree';
  /** Rows also followed (the in-arcs of a directed graph), or null. @defaultValue null */
  readonly reverse?: AdjacencyRows | null;
}

/**
 * A breadth-first order of the nodes, component by component; neighbours are visited in row order
 * (`rows`, then `reverse`), and degree counts both. Cuthill–McKee without the per-level degree
 * sort when `roots` is `'degree'`.
 * @returns `order[newIndex] = oldIndex`
 * Complexity: O(n + m).
 * @example
 * breadthFirstOrderOf({ n: 3, offsets: Int32Array.of(0, 1, 2, 2), targets: Int32Array.of(1, 0) }); // [0, 1, 2]
 */
export function breadthFirstOrderOf(rows: AdjacencyRows, options: BreadthFirstOrderOptions = {}): Int32Array {
  const { n, offsets, targets } = rows;
  const reverse = options.reverse ?? null;
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  const roots = options.roots === 'degree' ? rootsByDegree(rows, reverse) : null;
  let tail = 0;
  for (let r = 0; r < n; r++) {
    const root = roots === null ? r : roots[r];
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
      if (reverse !== null) {
        for (let p = reverse.offsets[v]; p < reverse.offsets[v + 1]; p++) {
          const w = reverse.targets[p];
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

/** Nodes by increasing degree (counting sort, so stable: lowest index first among equals). */
function rootsByDegree(rows: AdjacencyRows, reverse: AdjacencyRows | null): Int32Array {
  const { n, offsets } = rows;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1] - offsets[v] + (reverse !== null ? reverse.offsets[v + 1] - reverse.offsets[v] : 0);
    if (degree[v] > maxDegree) maxDegree = degree[v];
  }
  const bucket = new Int32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) bucket[degree[v] + 1]++;
  for (let d = 0; d <= maxDegree; d++) bucket[d + 1] += bucket[d];
  const roots = new Int32Array(n);
  for (let v = 0; v < n; v++) roots[bucket[degree[v]]++] = v;
  return roots;
}

/**
 * A breadth-first order over arcs in both directions, each component started at its node of
 * lowest degree (Cuthill–McKee without the per-level degree sort).
 * @returns `order[newIndex] = oldIndex`
 * Complexity: O(n + m).
 */
export function breadthFirstOrder(g: PathGraphPair): Int32Array {
  const both = g.backward.offsets !== g.forward.offsets;
  return breadthFirstOrderOf(g.forward, { roots: 'degree', reverse: both ? g.backward : null });
}

/** Label propagation rounds of {@link clusteredOrder} (it stops earlier when no label changes). */
const CLUSTER_ROUNDS = 5;

/**
 * The breadth-first order of {@link breadthFirstOrder} with each cluster made contiguous: clusters
 * come from label propagation (each node, in breadth-first order, takes the label most frequent
 * among its neighbours over arcs in both directions, the smallest on ties; at most 5 rounds), are
 * laid out in the order their first node appears breadth-first, and keep that order inside.
 * Dense groups (teams, departments) then sit together in memory, so the per-(node, source) rows
 * the batched Brandes kernel reads at random hit the cache more often than with breadth-first
 * order alone (on the generated 100k org: 27% of arcs join nodes less than 32 apart, against 16%).
 * Deterministic; results of any path task are the same up to the order of floating-point additions.
 * NOTE: ties go to the smallest label, so a low-degree node tied into two groups can carry one
 * group's label into the other and merge them; the order stays valid, only less clustered.
 * Reference: Raghavan, U. N., Albert, R. & Kumara, S. (2007). Near linear time algorithm to detect
 * community structures in large-scale networks. Phys. Rev. E 76, 036106.
 * @returns `order[newIndex] = oldIndex`
 * Complexity: O(n + m) per round.
 */
export function clusteredOrder(g: PathGraphPair): Int32Array {
  const bfs = breadthFirstOrder(g);
  const n = g.forward.n;
  const rows = g.backward.offsets !== g.forward.offsets ? [g.forward, g.backward] : [g.forward];
  const label = new Int32Array(n);
  for (let v = 0; v < n; v++) label[v] = v;
  const count = new Int32Array(n);
  const touched = new Int32Array(n);
  for (let round = 0; round < CLUSTER_ROUNDS; round++) {
    let changed = 0;
    for (let k = 0; k < n; k++) {
      const v = bfs[k];
      let t = 0;
      let best = label[v];
      let bestCount = 0;
      for (const { offsets, targets } of rows) {
        for (let p = offsets[v]; p < offsets[v + 1]; p++) {
          const l = label[targets[p]];
          if (count[l] === 0) touched[t++] = l;
          const c = ++count[l];
          if (c > bestCount || (c === bestCount && l < best)) {
            bestCount = c;
            best = l;
          }
        }
      }
      for (let i = 0; i < t; i++) count[touched[i]] = 0;
      if (bestCount > 0 && best !== label[v]) {
        label[v] = best;
        changed++;
      }
    }
    if (changed === 0) break;
  }
  // Clusters in order of first appearance, members in breadth-first order.
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) size[label[v]]++;
  const start = new Int32Array(n).fill(-1);
  let next = 0;
  for (let k = 0; k < n; k++) {
    const l = label[bfs[k]];
    if (start[l] < 0) {
      start[l] = next;
      next += size[l];
    }
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = bfs[k];
    order[start[label[v]]++] = v;
  }
  return order;
}

/** `rank[oldIndex] = newIndex` for an order. */
export function inverseOrder(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  return rank;
}

/**
 * Rows relabelled by `order` (`order[new] = old`), each row keeping its neighbour order, with the
 * per-arc `values` (weights, lengths) carried along; null stays null.
 * Complexity: O(n + m).
 * @example
 * const r = relabelRows(rows, weights, breadthFirstOrderOf(rows));
 */
export function relabelRows(
  rows: AdjacencyRows,
  values: Float64Array | null,
  order: Int32Array,
  rank: Int32Array = inverseOrder(order),
): { n: number; offsets: Int32Array; targets: Int32Array; values: Float64Array | null } {
  const { n, offsets, targets } = rows;
  const m = offsets[n];
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(m);
  const newValues = values === null ? null : new Float64Array(m);
  let write = 0;
  for (let k = 0; k < n; k++) {
    const v = order[k];
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      newTargets[write] = rank[targets[p]];
      if (newValues !== null) newValues[write] = values![p];
      write++;
    }
    newOffsets[k + 1] = write;
  }
  return { n, offsets: newOffsets, targets: newTargets, values: newValues };
}

function permuteGraph(g: PathGraph, order: Int32Array, rank: Int32Array): PathGraph {
  const { n, offsets, targets, values: lengths } = relabelRows(g, g.lengths, order, rank);
  // Ascending neighbours for sequential access (insertion sort, so only short rows).
  for (let k = 0; k < n; k++) {
    const start = offsets[k];
    const end = offsets[k + 1];
    if (end - start > 64) continue;
    for (let i = start + 1; i < end; i++) {
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

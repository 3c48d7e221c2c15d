/**
 * Source chain: an order of the sources in which each one has a near, earlier pivot
 * The order exact weighted betweenness runs its sources in when each source's search is pruned by
 * the distances of a source run before it (src/core/paths/brandes-chain.ts): a preorder of a
 * minimum spanning forest by arc length, each node's pivot being its parent in the forest (the
 * nearest link that the forest keeps, so usually the person's strongest tie). Children are visited
 * smallest subtree first and the largest last, so that at any point of the preorder only the
 * ancestors reached through a smaller child still have children to come: at most log2(n) + 1 of
 * them (the light edges on a path, as in heavy-light decomposition), which bounds the pivot
 * distances a thread keeps.
 * Reference: Kruskal, J. B. (1956). On the shortest spanning subtree of a graph. Proc. AMS 7(1);
 * Sleator, D. D. & Tarjan, R. E. (1983). A data structure for dynamic trees. JCSS 26(3) (heavy paths).
 */
import type { PathGraph } from './path-graph.js';

/** Sources in run order, each with its pivot: the source whose distances bound its search. */
export interface SourceChain {
  /** The n sources (node ids of the graph), in run order: a permutation of 0..n-1. */
  readonly sources: Int32Array;
  /** `parents[k]`: the pivot node of `sources[k]` (run earlier: its parent in the forest), or -1 for a tree's root. */
  readonly parents: Int32Array;
}

/**
 * The source chain of a graph with arc lengths (symmetric: an arc in each direction per edge; only
 * the arcs x -> y with x < y are read): Kruskal's minimum spanning forest (ties broken by position,
 * so the chain is a function of the graph alone), rooted at each component's smallest node id, in
 * preorder with children taken from the smallest subtree to the largest (equal sizes: the smaller
 * id first).
 * Complexity: O(m log m) for the sort, O(n + m) otherwise; memory O(n + m).
 * Edge cases: no arcs: every node its own root (pivot -1), in id order; n = 0: empty arrays.
 */
export function sourceChain(g: PathGraph): SourceChain {
  const { n, offsets, targets } = g;
  const lengths = g.lengths;
  if (lengths === null) throw new Error('sourceChain: the graph has no arc lengths');
  // Edges x < y, sorted by length then position.
  let edges = 0;
  for (let x = 0; x < n; x++) for (let p = offsets[x]; p < offsets[x + 1]; p++) if (x < targets[p]) edges++;
  const at = new Int32Array(edges);
  const from = new Int32Array(edges);
  for (let x = 0, e = 0; x < n; x++) {
    for (let p = offsets[x]; p < offsets[x + 1]; p++) {
      if (x < targets[p]) {
        at[e] = p;
        from[e++] = x;
      }
    }
  }
  const byLength = new Int32Array(edges);
  for (let e = 0; e < edges; e++) byLength[e] = e;
  byLength.sort((a, b) => lengths[at[a]] - lengths[at[b]] || a - b);
  // Kruskal with union-find (path halving, union by size).
  const root = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let v = 0; v < n; v++) root[v] = v;
  const find = (v: number): number => {
    while (root[v] !== v) {
      root[v] = root[root[v]];
      v = root[v];
    }
    return v;
  };
  const treeA = new Int32Array(Math.max(0, n - 1));
  const treeB = new Int32Array(Math.max(0, n - 1));
  let tree = 0;
  for (let k = 0; k < edges && tree < n - 1; k++) {
    const e = byLength[k];
    const x = from[e];
    const y = targets[at[e]];
    let a = find(x);
    let b = find(y);
    if (a === b) continue;
    if (size[a] < size[b]) [a, b] = [b, a];
    root[b] = a;
    size[a] += size[b];
    treeA[tree] = x;
    treeB[tree++] = y;
  }
  // Forest adjacency (CSR).
  const degree = new Int32Array(n + 1);
  for (let t = 0; t < tree; t++) {
    degree[treeA[t] + 1]++;
    degree[treeB[t] + 1]++;
  }
  for (let v = 0; v < n; v++) degree[v + 1] += degree[v];
  const next = degree.slice(0, n);
  const adjacent = new Int32Array(2 * tree);
  for (let t = 0; t < tree; t++) {
    adjacent[next[treeA[t]]++] = treeB[t];
    adjacent[next[treeB[t]]++] = treeA[t];
  }
  // Root each tree at its smallest id (breadth-first), then subtree sizes bottom-up.
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const bfs = new Int32Array(n);
  let tail = 0;
  for (let r = 0; r < n; r++) {
    if (seen[r]) continue;
    seen[r] = 1;
    bfs[tail++] = r;
    for (let head = tail - 1; head < tail; head++) {
      const v = bfs[head];
      for (let q = degree[v]; q < degree[v + 1]; q++) {
        const w = adjacent[q];
        if (!seen[w]) {
          seen[w] = 1;
          parent[w] = v;
          bfs[tail++] = w;
        }
      }
    }
  }
  const subtree = new Int32Array(n).fill(1);
  for (let k = n - 1; k >= 0; k--) if (parent[bfs[k]] >= 0) subtree[parent[bfs[k]]] += subtree[bfs[k]];
  // Preorder, smallest subtree first: a stack popped in that order gets the children pushed largest first.
  const sources = new Int32Array(n);
  const parents = new Int32Array(n);
  const stack = new Int32Array(n);
  const children: number[] = [];
  let top = 0;
  let k = 0;
  for (let r = 0; r < n; r++) {
    if (parent[r] !== -1) continue; // not a root: its tree's root reaches it
    stack[top++] = r;
    while (top > 0) {
      const v = stack[--top];
      sources[k] = v;
      parents[k++] = parent[v];
      children.length = 0;
      for (let q = degree[v]; q < degree[v + 1]; q++) if (parent[adjacent[q]] === v) children.push(adjacent[q]);
      children.sort((a, b) => subtree[b] - subtree[a] || b - a);
      for (const c of children) stack[top++] = c;
    }
  }
  return { sources, parents };
}

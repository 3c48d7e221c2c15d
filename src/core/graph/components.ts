/**
 * Connected components
 * Breadth-first labelling of the connected components of a simple undirected graph, optionally
 * with some nodes removed, and the reachable-pair count sum_c s_c (s_c - 1) that fragmentation uses.
 * Reference: Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 * manipulation. Commun. ACM 16(6).
 */
import type { UndirectedAdjacency } from './undirected.js';

/** Component labels and sizes. */
export interface Components {
  /** Component of each node (0-based, in order of the lowest node), -1 for removed nodes. */
  readonly labels: Int32Array;
  /** Size of each component. */
  readonly sizes: Int32Array;
  readonly count: number;
  /** sum_c s_c (s_c - 1): ordered pairs of distinct remaining nodes joined by a path. */
  readonly reachablePairs: number;
  /** Nodes left after removal. */
  readonly remaining: number;
}

/**
 * Label connected components, skipping nodes with `removed[v] !== 0`.
 * Complexity: O(n + m).
 */
export function connectedComponents(g: UndirectedAdjacency, removed: Uint8Array | null = null): Components {
  const { n, offsets, targets } = g;
  const labels = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  let reachablePairs = 0;
  let remaining = 0;
  for (let s = 0; s < n; s++) {
    if (labels[s] !== -1 || (removed !== null && removed[s] !== 0)) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    labels[s] = c;
    while (head < tail) {
      const v = queue[head++];
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        if (labels[w] !== -1 || (removed !== null && removed[w] !== 0)) continue;
        labels[w] = c;
        queue[tail++] = w;
      }
    }
    sizes.push(tail);
    reachablePairs += tail * (tail - 1);
    remaining += tail;
  }
  return { labels, sizes: Int32Array.from(sizes), count: sizes.length, reachablePairs, remaining };
}

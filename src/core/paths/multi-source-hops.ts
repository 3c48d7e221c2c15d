/**
 * Multi-source hop distances
 * How many steps every node is from the nearest of a set of sources: breadth-first search started
 * from all sources at once, as information starting in a whole group spreads.
 * Reference: Moore, E. F. (1959). The shortest path through a maze. Proc. Int. Symp. Switching Theory.
 */

/**
 * Hop distances from a set of sources at once (breadth-first search): dist[v] = min over sources s of
 * the number of arcs on a shortest s -> v path, -1 when unreachable. Complexity: O(n + m).
 */
export function multiSourceHops(
  g: { readonly n: number; readonly offsets: Int32Array; readonly targets: Int32Array },
  sources: ArrayLike<number>,
  dist: Int32Array = new Int32Array(g.n),
  queue: Int32Array = new Int32Array(g.n),
): Int32Array {
  dist.fill(-1);
  let head = 0;
  let tail = 0;
  for (let q = 0; q < sources.length; q++) {
    const s = sources[q];
    if (dist[s] !== 0) {
      dist[s] = 0;
      queue[tail++] = s;
    }
  }
  while (head < tail) {
    const v = queue[head++];
    for (let p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
      const w = g.targets[p];
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}

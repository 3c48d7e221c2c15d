/**
 * Harmonic pair sum
 * sum over ordered pairs of distinct remaining nodes of 1 / d(i, j), the quantity behind
 * distance-weighted fragmentation; unreachable pairs add 0.
 * Reference: Borgatti, S. P. (2006). Identifying sets of key players in a social network.
 * Comput. Math. Organ. Theory 12, 21-34.
 */
import { IndexedMinHeap } from './heap.js';
import type { UndirectedAdjacency } from '../graph/undirected.js';

/**
 *   H = sum_{i != j} 1 / d(i, j)      over nodes with removed[v] === 0, 1/inf = 0
 *
 * `edgeLengths` (aligned with edge ids, positive and finite) gives weighted distances by Dijkstra;
 * null counts hops by breadth-first search. `shouldStop` is polled once per source; when it
 * returns true the sum so far is returned with `complete: false`.
 *
 * Complexity: O(n m) unweighted, O(n m log n) weighted; O(n) memory.
 */
export function harmonicPairSum(
  g: UndirectedAdjacency,
  edgeLengths: Float64Array | null,
  removed: Uint8Array | null = null,
  shouldStop: (() => boolean) | null = null,
): { sum: number; complete: boolean } {
  const { n, offsets, targets, edgeIds } = g;
  const gone = (v: number) => removed !== null && removed[v] !== 0;
  const dist = new Float64Array(n);
  const queue = new Int32Array(n);
  const heap = edgeLengths ? new IndexedMinHeap(dist) : null;
  const hop = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  let sum = 0;
  for (let s = 0; s < n; s++) {
    if (gone(s)) continue;
    if (shouldStop !== null && shouldStop()) return { sum, complete: false };
    if (heap === null) {
      // Breadth-first search in hops.
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      stamp[s] = s;
      hop[s] = 0;
      while (head < tail) {
        const v = queue[head++];
        for (let p = offsets[v]; p < offsets[v + 1]; p++) {
          const w = targets[p];
          if (stamp[w] === s || gone(w)) continue;
          stamp[w] = s;
          hop[w] = hop[v] + 1;
          sum += 1 / hop[w];
          queue[tail++] = w;
        }
      }
      continue;
    }
    // Dijkstra with decrease-key; nodes settle in order of distance.
    const lengths = edgeLengths as Float64Array;
    stamp[s] = s;
    dist[s] = 0;
    heap.push(s);
    while (heap.size > 0) {
      const v = heap.pop();
      const d = dist[v];
      if (v !== s) sum += 1 / d;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        if (gone(w)) continue;
        const nd = d + lengths[edgeIds[p]];
        if (stamp[w] !== s) {
          stamp[w] = s;
          dist[w] = nd;
          heap.push(w);
        } else if (nd < dist[w] && heap.has(w)) {
          dist[w] = nd;
          heap.decrease(w);
        }
      }
    }
  }
  return { sum, complete: true };
}

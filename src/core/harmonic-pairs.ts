/**
 * Harmonic pair sum
 * sum over ordered pairs of distinct remaining nodes of 1 / d(i, j), the quantity behind
 * distance-weighted fragmentation; unreachable pairs add 0.
 * Reference: Borgatti, S. P. (2006). Identifying sets of key players in a social network.
 * Comput. Math. Organ. Theory 12, 21-34.
 */
import type { UndirectedAdjacency } from './undirected.js';

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
  const heap = edgeLengths ? new LazyHeap(g.edgeCount + n) : null;
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
    // Dijkstra with lazy deletion: a popped entry whose key exceeds dist[v] is stale.
    const lengths = edgeLengths as Float64Array;
    heap.clear();
    stamp[s] = s;
    dist[s] = 0;
    heap.push(0, s);
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (d > dist[v]) continue;
      if (v !== s) sum += 1 / d;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        if (gone(w)) continue;
        const nd = d + lengths[edgeIds[p]];
        if (stamp[w] !== s || nd < dist[w]) {
          stamp[w] = s;
          dist[w] = nd;
          heap.push(nd, w);
        }
      }
    }
  }
  return { sum, complete: true };
}

/** Binary min-heap of (key, node) entries that allows duplicates (lazy decrease-key). */
class LazyHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      const v = new Int32Array(this.size * 2);
      k.set(this.keys);
      v.set(this.nodes);
      this.keys = k;
      this.nodes = v;
    }
    let at = this.size++;
    const { keys, nodes } = this;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (keys[up] <= key) break;
      keys[at] = keys[up];
      nodes[at] = nodes[up];
      at = up;
    }
    keys[at] = key;
    nodes[at] = node;
  }

  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const size = --this.size;
    if (size === 0) return top;
    const key = keys[size];
    const node = nodes[size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[at] = keys[child];
      nodes[at] = nodes[child];
      at = child;
    }
    keys[at] = key;
    nodes[at] = node;
    return top;
  }
}

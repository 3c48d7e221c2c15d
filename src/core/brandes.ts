/**
 * Brandes' betweenness accumulation
 * Single-source shortest paths (BFS or Dijkstra) with path counting, then dependency accumulation.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2), 163-177.
 */
import { IndexedMinHeap } from './heap.js';
import type { PathGraph } from './path-graph.js';

/**
 * Scratch buffers for one thread: allocated once, reused for every source.
 * NOTE: after each source `dist` is restored to "unreached" (-1 / Infinity) for the nodes it
 * touched, so a run costs O(reached part), not O(n).
 */
export class PathScratch {
  readonly hops: Int32Array;
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  /** (1 + delta[w]) / sigma[w], the per-node coefficient of the pull formulation. */
  readonly coef: Float64Array;
  readonly order: Int32Array;
  readonly heap: IndexedMinHeap;

  constructor(readonly n: number) {
    this.hops = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(n).fill(Infinity);
    this.sigma = new Float64Array(n);
    this.coef = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new IndexedMinHeap(this.dist);
  }
}

/**
 * Add source `s`'s dependencies delta_s(v) = sum_{t} sigma_st(v) / sigma_st to `out[v]` (v != s).
 *
 *   delta_s(v) = sum_{w : v in P_s(w)} (sigma_sv / sigma_sw) (1 + delta_s(w))
 *
 * accumulated in "pull" form: each node sums over its own out-arcs to successors on shortest
 * paths, so the backward pass writes each node once and needs no predecessor lists.
 * Hop counts (BFS) when `g.lengths` is null, else Dijkstra with lengths summed along the path and
 * compared with `<` and `===` exactly as NetworkX does, so equal-length paths are found the same way.
 *
 * Complexity: O(m) with BFS, O(m log n) with Dijkstra.
 * @returns the number of nodes reached from s (s included)
 */
export function brandesSource(g: PathGraph, s: number, out: Float64Array, scratch: PathScratch): number {
  return g.lengths === null ? brandesBfs(g, s, out, scratch) : brandesDijkstra(g, g.lengths, s, out, scratch);
}

function brandesBfs(g: PathGraph, s: number, out: Float64Array, scratch: PathScratch): number {
  const { offsets, targets } = g;
  const { hops, sigma, coef, order } = scratch;
  // Step 1: BFS with path counts.
  hops[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++];
    const next = hops[v] + 1;
    const sv = sigma[v];
    const end = offsets[v + 1];
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      const hw = hops[w];
      if (hw < 0) {
        hops[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (hw === next) {
        sigma[w] += sv;
      }
    }
  }
  // Step 2: dependencies in reverse BFS order (pull form).
  for (let k = tail - 1; k > 0; k--) {
    const v = order[k];
    const next = hops[v] + 1;
    let acc = 0;
    const end = offsets[v + 1];
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      if (hops[w] === next) acc += coef[w];
    }
    const sv = sigma[v];
    coef[v] = 1 / sv + acc;
    out[v] += sv * acc;
  }
  // Step 3: reset what was touched.
  for (let k = 0; k < tail; k++) hops[order[k]] = -1;
  return tail;
}

function brandesDijkstra(g: PathGraph, lengths: Float64Array, s: number, out: Float64Array, scratch: PathScratch): number {
  const { offsets, targets } = g;
  const { dist, sigma, coef, order, heap } = scratch;
  // Step 1: Dijkstra with path counts. NOTE: dist[v] is final when v pops; sigma[v] too.
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(s);
  let count = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    order[count++] = v;
    const dv = dist[v];
    const sv = sigma[v];
    const end = offsets[v + 1];
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      const nd = dv + lengths[p];
      const dw = dist[w];
      if (nd < dw) {
        dist[w] = nd;
        sigma[w] = sv;
        if (dw === Infinity) heap.push(w);
        else heap.decrease(w);
      } else if (nd === dw) {
        sigma[w] += sv;
      }
    }
  }
  // Step 2: dependencies in reverse settling order (pull form), same sums as the forward pass.
  for (let k = count - 1; k > 0; k--) {
    const v = order[k];
    const dv = dist[v];
    let acc = 0;
    const end = offsets[v + 1];
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      if (dv + lengths[p] === dist[w]) acc += coef[w];
    }
    const sv = sigma[v];
    coef[v] = 1 / sv + acc;
    out[v] += sv * acc;
  }
  // The source's own coefficient is never read (no arc leads back to s on a shortest path).
  // Step 3: reset.
  for (let k = 0; k < count; k++) dist[order[k]] = Infinity;
  return count;
}

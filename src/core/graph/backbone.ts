/**
 * Distance backbone: the arcs that can lie on a shortest path
 * Drops every arc beaten by a shorter detour of any number of steps (found by a bounded local
 * Dijkstra search from each node), so that exact path kernels scan fewer arcs for the same results.
 * Reference: Simas, T., Correia, R. B. & Rocha, L. M. (2021). The distance backbone of complex
 * networks. Journal of Complex Networks 9(6), cnab021.
 */
import { IndexedMinHeap } from '../paths/heap.js';
import { detourMargin, withKeptArcs, withoutDetouredArcs, type PathGraph } from './path-graph.js';
import { withDefaults } from '../util/options.js';

export interface BackboneOptions {
  /**
   * Work cap of each local search, in arcs scanned, as a multiple of the two-step rule's work for
   * the same node (the sum of the out-degrees of its out-neighbours; plus its own degree and 64).
   * A node whose search reaches the cap keeps only what the two-step rule keeps.
   */
  readonly scanFactor?: number;
  /**
   * Graphs with fewer nodes get only the two-step rule (withoutDetouredArcs): on small graphs a
   * source's kernel run is too cheap for the searches to pay back (see docs/benchmarks.md).
   */
  readonly minNodes?: number;
}

export const BACKBONE_DEFAULTS = Object.freeze({ scanFactor: 4, minNodes: 0 } satisfies Required<BackboneOptions>);

/**
 * Smallest graph on which the exact path tasks (betweenness, and the distance sums of closeness and
 * harmonic) use the backbone rather than the two-step rule alone; one filtered graph serves both
 * tasks on an undirected view. Measured on the generated org (docs/benchmarks.md, "Path metrics
 * (issue 10)"): the searches cost about 45 µs of CPU per node and cut the distance kernel by about
 * 5% and Brandes' by about 8%, so they pay once a source's run costs well over 1 ms per worker: not
 * at 10k (1.3 ms per source, a wash in CPU and a loss in wall on 2 workers, since the filter runs
 * before the workers start), clearly at 100k (34 ms per source for distances, 47 ms for betweenness).
 */
export const BACKBONE_MIN_NODES = 20_000;

/** The filtered graph and the number of nodes whose local search reached the work cap. */
export interface Backbone {
  readonly graph: PathGraph;
  readonly capped: number;
}

/**
 * The graph without the arcs that lie on no shortest path (the distance backbone, up to a rounding
 * margin and a work cap): for each node u, a Dijkstra search from u over `g` that ignores every
 * tentative distance at least as long as u's longest arc (no such path can beat an arc of u) gives
 * d(u, w), the length of a path of h(w) arcs (the path in the search tree: its float sum is exactly
 * d(u, w)); the arc u -> w of length c is kept iff
 *
 *   c <= d(u, w) + margin * max(2, h(w)) / 2,   margin = 2^-50 * n * (longest arc).
 *
 * A parallel arc longer than the shortest u -> w arc by more than the margin is dropped by the same
 * test (h = 1); self-loops are kept; kept arcs stay in row order.
 *
 * Why every distance, path count and dependency is unchanged, in floating point: a dropped arc
 * u -> w would offer D(s,u) + c to w in any source's Dijkstra run; the detour offers at most the
 * same sum along its h arcs. Each rounded sum in a run is at most n * (longest arc), so a run's
 * h + 1 roundings move the two offers apart by at most 2^-53 (h + 1) n L, and the local search's
 * h - 1 roundings (sums below L) by less than 2^-53 (h - 1) L: the margin (2^-51 h n L, at least
 * twice that) makes the arc lose strictly, never tie, so it neither sets a distance nor adds a
 * shortest path. A search stopped early still gives valid detours (each tentative distance is the
 * float sum of an actual path), so it only keeps more arcs.
 *
 * Work cap: a search that would scan more than `scanFactor` times the two-step rule's work for
 * that node stops; the node then keeps what the two-step rule (withoutDetouredArcs, whose graph
 * the searches run on) kept, so the result is never larger than that filter's.
 * Complexity: O(scanFactor * sum over arcs u -> v of outdeg(v) * log n) time in the worst case,
 * O(n + m) memory; typed arrays, scratch reused across nodes, only touched entries reset.
 * Edge cases: no lengths (hop counts) or no arcs: `g` itself; nothing dropped: `g` itself; fewer
 * than `minNodes` nodes: withoutDetouredArcs(g).
 */
export function distanceBackbone(g0: PathGraph, options?: BackboneOptions): Backbone {
  const { scanFactor, minNodes } = withDefaults(BACKBONE_DEFAULTS, options);
  if (g0.lengths === null || g0.lengths.length === 0) return { graph: g0, capped: 0 };
  const margin = detourMargin(g0.n, g0.lengths);
  // Shortest paths use kept arcs only: search the graph the two-step rule leaves (same distances).
  const g = withoutDetouredArcs(g0);
  if (g0.n < minNodes) return { graph: g, capped: 0 };
  const search = new BackboneSearch(g, margin, scanFactor);
  const keep = new Uint8Array(g.targets.length);
  let kept = 0;
  let capped = 0;
  for (let u = 0; u < g.n; u++) {
    kept += search.row(u, keep);
    if (search.capped) capped++;
  }
  return { graph: withKeptArcs(g, keep, kept), capped };
}

/**
 * The local searches of {@link distanceBackbone}, one node at a time, with the scratch of one
 * thread (the path pool runs them on its workers, a block of nodes each: see tasks.ts, task
 * 'backbone'). `g` is the graph the two-step rule left (withoutDetouredArcs) and `margin` the
 * detour margin of the graph before that rule (detourMargin), as distanceBackbone uses them.
 * Memory: O(n) scratch, reset after each search (only the touched entries).
 */
export class BackboneSearch {
  private readonly dist: Float64Array;
  private readonly hops: Int32Array;
  private readonly touched: Int32Array;
  private readonly longestTo: Float64Array;
  private readonly heap: IndexedMinHeap;
  private readonly shortestOut: Float64Array;
  /** Whether the last {@link BackboneSearch.row}'s search stopped at its work cap. */
  capped = false;

  constructor(
    private readonly g: PathGraph,
    private readonly margin: number,
    private readonly scanFactor: number,
  ) {
    const { n, offsets } = g;
    const lengths = g.lengths!;
    this.dist = new Float64Array(n).fill(Infinity);
    this.hops = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.longestTo = new Float64Array(n);
    this.heap = new IndexedMinHeap(this.dist);
    this.shortestOut = new Float64Array(n).fill(Infinity);
    for (let v = 0; v < n; v++)
      for (let p = offsets[v]; p < offsets[v + 1]; p++) if (lengths[p] < this.shortestOut[v]) this.shortestOut[v] = lengths[p];
  }

  /**
   * The search from node `u`: sets keep[p] = 1 for each arc p of u that no detour found beats
   * (leaves the others as they are) and returns how many that is.
   * Complexity: O(budget log n), the budget being scanFactor times the two-step rule's work for u.
   */
  row(u: number, keep: Uint8Array): number {
    const { offsets, targets } = this.g;
    const lengths = this.g.lengths!;
    const { dist, hops, touched, longestTo, heap, shortestOut, margin } = this;
    const start = offsets[u];
    const end = offsets[u + 1];
    let bound = 0;
    let twoStep = 0;
    for (let p = start; p < end; p++) {
      const w = targets[p];
      if (w === u) continue;
      const l = lengths[p];
      if (l > bound) bound = l;
      if (l > longestTo[w]) longestTo[w] = l;
      twoStep += offsets[w + 1] - offsets[w];
    }
    const budget = this.scanFactor * twoStep + (end - start) + 64;
    // Bounded Dijkstra from u: only distances below `bound` (u's longest arc to a target not yet settled) are kept.
    let count = 0;
    dist[u] = 0;
    hops[u] = 0;
    touched[count++] = u;
    heap.push(u);
    let scanned = 0;
    let stopped = false;
    while (heap.size > 0) {
      const v = heap.pop();
      const dv = dist[v];
      if (dv >= bound) break;
      if (longestTo[v] === bound) {
        // v's longest arc from u was the bound and d(u, v) is now final: the bound is the longest
        // arc to a target not yet settled (unreached, or still in the queue).
        bound = 0;
        for (let p = start; p < end; p++) {
          const w = targets[p];
          if (w !== u && lengths[p] > bound && (dist[w] === Infinity || heap.has(w))) bound = lengths[p];
        }
      }
      // No arc of v can reach below the bound: nothing to relax.
      if (dv + shortestOut[v] >= bound) continue;
      const from = offsets[v];
      const to = offsets[v + 1];
      if (scanned + (to - from) > budget) {
        stopped = true;
        break;
      }
      scanned += to - from;
      const hv = hops[v] + 1;
      for (let q = from; q < to; q++) {
        const w = targets[q];
        const nd = dv + lengths[q];
        if (nd >= bound || nd >= dist[w]) continue;
        if (dist[w] === Infinity) {
          touched[count++] = w;
          dist[w] = nd;
          hops[w] = hv;
          heap.push(w);
        } else {
          dist[w] = nd;
          hops[w] = hv;
          heap.decrease(w);
        }
      }
    }
    while (heap.size > 0) heap.pop();
    this.capped = stopped;
    let kept = 0;
    for (let p = start; p < end; p++) {
      const w = targets[p];
      const off = w !== u && dist[w] + (margin * Math.max(2, hops[w])) / 2 < lengths[p];
      if (!off) {
        keep[p] = 1;
        kept++;
      }
    }
    for (let k = 0; k < count; k++) dist[touched[k]] = Infinity;
    for (let p = start; p < end; p++) longestTo[targets[p]] = 0;
    return kept;
  }
}

/**
 * {@link distanceBackbone}'s graph: `g` without the arcs on no shortest path, for exact path tasks
 * (every distance, shortest-path count and dependency unchanged).
 */
export function withoutNonBackboneArcs(g: PathGraph, options?: BackboneOptions): PathGraph {
  return distanceBackbone(g, options).graph;
}

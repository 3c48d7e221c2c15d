/**
 * Local bridges and their span
 * Edges whose endpoints share no neighbour, with the hop length of the shortest path between the
 * endpoints once the edge itself is removed.
 * Reference: Granovetter, M. S. (1973). The strength of weak ties. Am. J. Sociol. 78(6), 1360-1380.
 */
import type { UndirectedAdjacency } from '../graph/undirected.js';

/** Local bridges as edge ids with their spans (Infinity when the edge is a bridge). */
export interface LocalBridgeSpans {
  readonly edges: Int32Array;
  readonly spans: Float64Array;
}

/**
 * Every local bridge of a simple undirected graph and its span.
 *
 *   {u, v} is a local bridge  iff  N(u) and N(v) are disjoint
 *   span(u, v) = d(u, v) in the graph without the edge {u, v}; Infinity when no path is left
 *
 * `bridge` (from `biconnected`) marks edges known to be bridges: their span is Infinity without a
 * search. Other spans come from a level-synchronous bidirectional breadth-first search.
 *
 * Complexity: O(sum_v k_v^2) for the common-neighbour tests plus one bidirectional search per
 * local bridge that is not a bridge (worst case O(m) each).
 */
export function localBridgeSpans(g: UndirectedAdjacency, bridge: Uint8Array | null = null): LocalBridgeSpans {
  const { n, offsets, targets, edgeU, edgeV, edgeCount } = g;
  const mark = new Int32Array(n).fill(-1);
  const edges: number[] = [];
  const spans: number[] = [];
  const search = new BidirectionalSearch(g);
  for (let e = 0; e < edgeCount; e++) {
    // Step 1: common-neighbour test, marking the smaller row.
    let a = edgeU[e];
    let b = edgeV[e];
    if (offsets[a + 1] - offsets[a] > offsets[b + 1] - offsets[b]) {
      const t = a;
      a = b;
      b = t;
    }
    for (let p = offsets[a]; p < offsets[a + 1]; p++) mark[targets[p]] = e;
    let shared = false;
    for (let p = offsets[b]; p < offsets[b + 1]; p++) {
      if (mark[targets[p]] === e) {
        shared = true;
        break;
      }
    }
    if (shared) continue;
    // Step 2: span.
    edges.push(e);
    spans.push(bridge !== null && bridge[e] === 1 ? Infinity : search.distanceWithout(edgeU[e], edgeV[e]));
  }
  return { edges: Int32Array.from(edges), spans: Float64Array.from(spans) };
}

/** Reusable buffers for hop distances between two nodes with the edge joining them hidden. */
class BidirectionalSearch {
  private readonly seenFrom: Int32Array;
  private readonly depth: Int32Array;
  private readonly stamp: Int32Array;
  private readonly buffers: [Int32Array, Int32Array, Int32Array];
  private round = 0;

  constructor(private readonly g: UndirectedAdjacency) {
    this.seenFrom = new Int32Array(g.n);
    this.depth = new Int32Array(g.n);
    this.stamp = new Int32Array(g.n).fill(-1);
    this.buffers = [new Int32Array(g.n), new Int32Array(g.n), new Int32Array(g.n)];
  }

  /** d(u, v) without the edge {u, v}; Infinity when none. */
  distanceWithout(u: number, v: number): number {
    const { offsets, targets } = this.g;
    const round = ++this.round;
    const { seenFrom, depth, stamp } = this;
    // NOTE: side 0 grows from u, side 1 from v; seenFrom[x] says which side reached x first.
    const front: Int32Array[] = [this.buffers[0], this.buffers[1]];
    let scratch = this.buffers[2];
    const size = [1, 1];
    const level = [0, 0];
    front[0][0] = u;
    front[1][0] = v;
    stamp[u] = round;
    seenFrom[u] = 0;
    depth[u] = 0;
    stamp[v] = round;
    seenFrom[v] = 1;
    depth[v] = 0;
    while (size[0] > 0 && size[1] > 0) {
      // Step 1: expand the smaller frontier by one full level.
      const side = size[0] <= size[1] ? 0 : 1;
      const cur = front[side];
      const out = scratch;
      let outSize = 0;
      let best = Infinity;
      for (let k = 0; k < size[side]; k++) {
        const x = cur[k];
        for (let p = offsets[x]; p < offsets[x + 1]; p++) {
          const y = targets[p];
          if ((x === u && y === v) || (x === v && y === u)) continue;
          if (stamp[y] === round) {
            if (seenFrom[y] !== side) {
              const d = depth[x] + 1 + depth[y];
              if (d < best) best = d;
            }
            continue;
          }
          stamp[y] = round;
          seenFrom[y] = side;
          depth[y] = level[side] + 1;
          out[outSize++] = y;
        }
      }
      // Step 2: a meeting on this level gives the shortest path (all levels below were disjoint).
      if (best < Infinity) return best;
      level[side]++;
      // Rotate buffers: the finished frontier's array becomes the scratch for the next level.
      scratch = cur;
      front[side] = out;
      size[side] = outSize;
    }
    return Infinity;
  }
}

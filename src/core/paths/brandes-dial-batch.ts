/**
 * Chained weighted Brandes: each source prunes the graph with the previous source's distances
 * Exact betweenness with arc lengths on a symmetric graph, sources run in chains of nearby people
 * (a preorder of a minimum spanning forest cut into chains, each run nearest-first). Before a
 * source runs, every arc that the previous source's distances prove to lie on none of its shortest
 * paths is dropped, so its Dijkstra scans fewer than half of the arcs (44-48% on the generated
 * org); distances, path counts and dependencies are those of the single-source kernel on the
 * whole graph.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol.
 * 25(2), 163-177; the bound is the triangle inequality behind the landmark (ALT) lower bounds of
 * Goldberg, A. V. & Harrelson, C. (2005). Computing the shortest path: A* search meets graph
 * theory. SODA 2005, 156-165; the queue is Dial's (see brandes.ts).
 */
import { IndexedMinHeap } from './heap.js';
import { BucketQueue } from './brandes.js';
import { plannedBuckets, type BucketPlan, type PathGraph } from '../graph/path-graph.js';
import type { PathGraphPair } from './approx-betweenness.js';

/** Sources per chain (one task item): the first one of a chain scans every arc. */
export const CHAIN_LENGTH = 64;

/**
 * Smallest graph the chained kernel is used for. Measured on the generated org
 * (docs/benchmarks.md, "Multi-source weighted Brandes"): the pruning pass costs O(m) per source
 * (about 9 ms at 100k), which pays only once a single source's run no longer works from the cache:
 * x1.10-1.27 at 100k, x0.97 at 75k, x0.93 at 50k, x0.70 at 20k; below, the single-source kernel runs.
 */
export const CHAIN_MIN_NODES = 100_000;

/**
 * Whether exact weighted betweenness on `g` runs chained: lengths, a symmetric graph (every arc
 * has a twin of the same length the other way, so d(a, b) = d(b, a): an undirected view), at
 * least {@link CHAIN_MIN_NODES} nodes, and a bucket plan (see bucketPlan).
 */
export function brandesChained(g: PathGraph, symmetric: boolean): boolean {
  return g.lengths !== null && symmetric && g.n >= CHAIN_MIN_NODES && plannedBuckets(g) !== null && lengthCodes(g) !== null;
}

/** Arc lengths as 16-bit codes into a table of the distinct lengths (see {@link lengthCodes}). */
export interface LengthCodes {
  readonly table: Float64Array;
  readonly codes: Uint16Array;
}

/** Most distinct arc lengths the chained kernel codes (16 bits). */
const MAX_CODES = 1 << 16;

const codedGraphs = new WeakMap<PathGraph, LengthCodes | null>();

/**
 * The arc lengths of `g` as codes into a table of its distinct lengths (2 bytes an arc instead of
 * 8, so the pruned copy made for each source is half as many bytes to write and to read), computed
 * once per graph; null without lengths or with more than 65,536 distinct lengths (tie strengths
 * are counts, so an org has a few hundred at most: 90 on the 100k generated org).
 * Complexity: O(m) expected (a hash map of the distinct lengths).
 */
export function lengthCodes(g: PathGraph): LengthCodes | null {
  const hit = codedGraphs.get(g);
  if (hit !== undefined) return hit;
  let coded: LengthCodes | null = null;
  if (g.lengths !== null) {
    const index = new Map<number, number>();
    const codes = new Uint16Array(g.lengths.length);
    const values: number[] = [];
    for (let p = 0; p < g.lengths.length && values.length <= MAX_CODES; p++) {
      const l = g.lengths[p];
      let c = index.get(l);
      if (c === undefined) {
        c = values.length;
        index.set(l, c);
        values.push(l);
      }
      codes[p] = c;
    }
    if (values.length <= MAX_CODES) coded = { table: Float64Array.from(values), codes };
  }
  codedGraphs.set(g, coded);
  return coded;
}

/**
 * Whether a pair is symmetric: its backward graph is its forward graph (same arrays), as
 * path-common and the pool's relabelling build it for an undirected view.
 */
export function symmetricPair(g: PathGraphPair): boolean {
  return g.forward.offsets === g.backward.offsets && g.forward.targets === g.backward.targets && g.forward.lengths === g.backward.lengths;
}

/** Task items (chains) of a graph of `n` nodes. */
export function chainItems(n: number): number {
  return Math.ceil(n / CHAIN_LENGTH);
}

/**
 * The order sources are run in: preorder of a minimum spanning forest of `g` (arcs taken as
 * edges, weighed by length; Prim from the lowest-numbered node of each component), so that
 * consecutive sources are mostly joined by a short arc and their distance profiles are alike.
 * Any order gives the same results; this one only makes the pruning effective.
 * Complexity: O(m log n) time, O(n) memory.
 */
export function chainOrder(g: PathGraph): Int32Array {
  const { n, offsets, targets } = g;
  const lengths = g.lengths;
  const key = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new IndexedMinHeap(key);
  for (let root = 0; root < n; root++) {
    if (done[root] === 1) continue;
    key[root] = 0;
    heap.push(root);
    while (heap.size > 0) {
      const v = heap.pop();
      done[v] = 1;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        const l = lengths === null ? 1 : lengths[p];
        if (done[w] === 1 || l >= key[w]) continue;
        const was = key[w];
        key[w] = l;
        parent[w] = v;
        if (was === Infinity) heap.push(w);
        else heap.decrease(w);
      }
    }
  }
  // Children lists (by parent, in node order), then an iterative preorder walk from each root.
  const first = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) if (parent[v] >= 0) first[parent[v] + 1]++;
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const child = new Int32Array(Math.max(1, n));
  for (let v = 0; v < n; v++) if (parent[v] >= 0) child[fill[parent[v]]++] = v;
  const order = new Int32Array(n);
  const stack = new Int32Array(Math.max(1, n));
  let k = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root] >= 0) continue;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top];
      order[k++] = v;
      // Pushed in reverse so that children are visited in node order.
      for (let c = first[v + 1] - 1; c >= first[v]; c--) stack[top++] = child[c];
    }
  }
  return order;
}

/**
 * Scratch for {@link brandesChain}, allocated once per thread and graph, reused for every source.
 * Per node: distances of the source being run and of the previous one (`dist`, `prev`, swapped
 * after each run), path counts, dependencies, settling order, shortest-path predecessors (first
 * one, then a pool grown on demand) and the bucket queue of `plan`; plus the pruned copy of the
 * arcs (target and length code: 4 + 2 bytes an arc). Memory per thread: 60 bytes a node, 8 bytes
 * an arc (the pruned copy and the graph's codes) and the queue (8 bytes an entry, n + m entries):
 * about 25 MB at 100k people and 1.1M arcs, 245 MB at 1M people and 11M arcs.
 */
export class BrandesChainScratch {
  dist: Float64Array;
  prev: Float64Array;
  /** Whether `prev` holds the distances of a source of the current chain. */
  hasPrev = false;
  /** Largest finite distance in `prev`. */
  prevLongest = 0;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly order: Int32Array;
  readonly pred: Int32Array;
  readonly predMore: Int32Array;
  predNode: Int32Array;
  predNext: Int32Array;
  readonly queue: BucketQueue;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly codes: Uint16Array;
  /** The graph's lengths as codes (see {@link lengthCodes}). */
  readonly coded: LengthCodes;
  /** Longest arc of the graph. */
  readonly longest: number;
  /** Arcs scanned by the sources run so far, summed (for benchmarks and tests: all of them on a chain's first source). */
  arcsKept = 0;

  constructor(g: PathGraph, plan: BucketPlan) {
    const n = g.n;
    const m = g.targets.length;
    this.dist = new Float64Array(n).fill(Infinity);
    this.prev = new Float64Array(n).fill(Infinity);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.pred = new Int32Array(n);
    this.predMore = new Int32Array(n);
    this.predNode = new Int32Array(Math.max(16, n));
    this.predNext = new Int32Array(Math.max(16, n));
    this.queue = new BucketQueue(n, plan);
    this.offsets = new Int32Array(n + 1);
    this.targets = new Int32Array(m);
    this.codes = new Uint16Array(m);
    const coded = lengthCodes(g);
    if (coded === null) throw new Error('brandesChain: the graph needs lengths with at most 65,536 distinct values (see brandesChained)');
    this.coded = coded;
    let longest = 0;
    for (const l of coded.table) if (l > longest) longest = l;
    this.longest = longest;
  }

  /** Record v as a further predecessor of w in pool entry `at` (the pool doubles when full); returns the next free entry. */
  addPredecessor(at: number, w: number, v: number): number {
    if (at === this.predNode.length) {
      const node = new Int32Array(at * 2);
      const next = new Int32Array(at * 2);
      node.set(this.predNode);
      next.set(this.predNext);
      this.predNode = node;
      this.predNext = next;
    }
    this.predNode[at] = v;
    this.predNext[at] = this.predMore[w];
    this.predMore[w] = at;
    return at + 1;
  }
}

/**
 * Add the dependencies delta_s(v) of the sources s = order[chain * length .. chain * length +
 * length - 1] to `out[v]` (v != s), on a symmetric graph with lengths (see {@link brandesChained}):
 * the same sums as `brandesSource` for each of them, with distances (the same float sums compared
 * with < and === as NetworkX) and path counts identical, and dependencies equal up to the order of
 * floating-point additions (largest relative gap 6.5e-16 on the 100k generated org). The chain's
 * first source runs on every arc; after each source, the next is the remaining source of the chain
 * nearest to it (by the distances just computed), so that the bound below drops as many arcs as it can.
 *
 * Pruning: after source p ran, source s keeps only the arcs x -> y with
 *
 *   d_p(x) + l(x, y) - d_p(y) <= 2 d_p(s) + margin,   margin = 2^-48 (n + 2) (D + L)
 *
 * (D: longest finite distance from s or p, bounded by max d_p + 2 d_p(s); L: longest arc). Why
 * nothing else changes: by the triangle inequality d_s(x) >= d_p(x) - d(s, p) and
 * d_s(y) <= d(s, p) + d_p(y), so d_s(x) + l - d_s(y) >= (slack of the arc for p) - 2 d(p, s): a
 * dropped arc's offer to y is longer than y's distance from s by more than the rounding of any
 * float sum in the runs (each a sum of at most n - 1 arcs below D, so off by at most 2^-53 n D
 * from the exact value; the margin is 32 times that), so it neither sets y's distance nor ties
 * with it, exactly as in the distance backbone (see backbone.ts). Arcs out of nodes p does not
 * reach are dropped (s does not reach them either: on a symmetric graph s and p share a
 * component); a source p does not reach, and the first of a chain, keeps every arc.
 *
 * Complexity: per source O(m) for the pruning pass plus Dijkstra on the kept arcs
 * (O(m' + n + buckets)); 60 bytes a node and 8 an arc of scratch (see {@link BrandesChainScratch}).
 * Edge cases: a chain past the last node runs nothing; isolated sources reach only themselves.
 * @returns the number of (source, node) pairs reached, sources included
 */
export function brandesChain(
  g: PathGraph,
  order: Int32Array,
  chain: number,
  out: Float64Array,
  scratch: BrandesChainScratch,
  length: number = CHAIN_LENGTH,
): number {
  const first = chain * length;
  const rest = order.slice(first, Math.min(order.length, first + length));
  scratch.hasPrev = false;
  let reached = 0;
  let left = rest.length;
  let pick = 0;
  while (left > 0) {
    const s = rest[pick];
    rest[pick] = rest[--left];
    if (scratch.hasPrev && scratch.prev[s] !== Infinity) {
      const kept = pruned(g, s, scratch);
      scratch.arcsKept += kept;
      reached += dialBrandes(scratch.offsets, scratch.targets, scratch.codes, s, out, scratch);
    } else {
      scratch.arcsKept += g.targets.length;
      reached += dialBrandes(g.offsets, g.targets, scratch.coded.codes, s, out, scratch);
    }
    // Next: the source of the chain nearest to this one (the smaller 2 d(p, s), the more arcs dropped).
    pick = 0;
    for (let j = 1; j < left; j++) if (scratch.prev[rest[j]] < scratch.prev[rest[pick]]) pick = j;
  }
  return reached;
}

/**
 * The arcs of `g` that can lie on a shortest path from `s`, by the bound of {@link brandesChain},
 * written to scratch's `offsets`, `targets` and `codes` in row order. @returns the arcs kept
 */
function pruned(g: PathGraph, s: number, scratch: BrandesChainScratch): number {
  const { n, offsets, targets } = g;
  const { prev, codes: kCodes } = scratch;
  const { table, codes } = scratch.coded;
  const kOffsets = scratch.offsets;
  const kTargets = scratch.targets;
  const twice = 2 * prev[s];
  const margin = 2 ** -48 * (n + 2) * (scratch.prevLongest + twice + scratch.longest);
  const limit = twice + margin;
  let k = 0;
  for (let x = 0; x < n; x++) {
    kOffsets[x] = k;
    const dx = prev[x];
    if (dx === Infinity) continue;
    const end = offsets[x + 1];
    for (let p = offsets[x]; p < end; p++) {
      // Branch-free: the arc is written in any case and kept by advancing k (about half the arcs
      // are kept, so a branch would mispredict often).
      const y = targets[p];
      const c = codes[p];
      kTargets[k] = y;
      kCodes[k] = c;
      k += dx + table[c] - prev[y] <= limit ? 1 : 0;
    }
  }
  kOffsets[n] = k;
  return k;
}

/**
 * One source on the bucket queue (Dial; buckets narrower than the shortest arc of the whole graph,
 * so also of any pruned copy), dependencies in reverse settling order over the recorded
 * predecessors, as brandes.ts does; then the distances are kept as `prev` for the next source.
 * @returns nodes settled
 */
function dialBrandes(
  offsets: Int32Array,
  targets: Int32Array,
  codes: Uint16Array,
  s: number,
  out: Float64Array,
  scratch: BrandesChainScratch,
): number {
  const table = scratch.coded.table;
  const { dist, sigma, delta, order, pred, predMore, queue } = scratch;
  const { head, entryNode, entryNext, bucketOf, inverse, slots } = queue;
  let pool = 0;
  dist[s] = 0;
  sigma[s] = 1;
  entryNode[0] = s;
  entryNext[0] = -1;
  head[0] = 0;
  bucketOf[s] = 0;
  let entries = 1;
  let pending = 1;
  let count = 0;
  let current = 0;
  let slot = 0;
  while (pending > 0) {
    let e = head[slot];
    head[slot] = -1;
    while (e >= 0) {
      const v = entryNode[e];
      e = entryNext[e];
      if (bucketOf[v] !== current) continue; // stale: v moved to an earlier bucket and settled there
      bucketOf[v] = -1;
      pending--;
      order[count++] = v;
      const dv = dist[v];
      const sv = sigma[v];
      const end = offsets[v + 1];
      // NOTE: the relax step of dijkstraBuckets in brandes.ts on the pruned arcs; keep the two in sync
      // (same comparisons, same bucket rule), kept apart because it is the innermost loop.
      for (let p = offsets[v]; p < end; p++) {
        const w = targets[p];
        const nd = dv + table[codes[p]];
        const dw = dist[w];
        if (nd < dw) {
          dist[w] = nd;
          sigma[w] = sv;
          pred[w] = v;
          predMore[w] = -1;
          if (dw === Infinity) pending++;
          let b = Math.floor(nd * inverse);
          if (b <= current) b = current + 1;
          if (b !== bucketOf[w]) {
            bucketOf[w] = b;
            const at = b % slots;
            entryNode[entries] = w;
            entryNext[entries] = head[at];
            head[at] = entries++;
          }
        } else if (nd === dw) {
          sigma[w] += sv;
          pool = scratch.addPredecessor(pool, w, v);
        }
      }
    }
    current++;
    slot = slot + 1 === slots ? 0 : slot + 1;
  }
  head.fill(-1);
  // Dependencies (push form), reverse settling order; the source gets no credit.
  // NOTE: accumulateDijkstra in brandes.ts, the same sums in the same order; keep the two in sync
  // (kept apart: it resets the distances, which are kept here for the next source).
  const { predNode, predNext } = scratch;
  for (let k = count - 1; k > 0; k--) {
    const w = order[k];
    const dw = delta[w];
    const c = (1 + dw) / sigma[w];
    out[w] += dw;
    const v = pred[w];
    delta[v] += sigma[v] * c;
    for (let e = predMore[w]; e >= 0; e = predNext[e]) {
      const u = predNode[e];
      delta[u] += sigma[u] * c;
    }
  }
  let longest = 0;
  for (let k = 0; k < count; k++) {
    const v = order[k];
    delta[v] = 0;
    if (dist[v] > longest) longest = dist[v];
  }
  // Keep these distances for the next source; the other buffer becomes the next run's, all unreached.
  scratch.prevLongest = longest;
  scratch.dist = scratch.prev;
  scratch.dist.fill(Infinity);
  scratch.prev = dist;
  scratch.hasPrev = true;
  return count;
}

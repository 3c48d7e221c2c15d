/**
 * Distance sums for closeness and harmonic centrality
 * One single-source shortest-path run per source, reduced to reach, sum of distances and sum of
 * reciprocal distances.
 * Reference: Wasserman, S. & Faust, K. (1994). Social Network Analysis, p. 201; Boldi, P. & Vigna, S.
 * (2014). Axioms for centrality. Internet Mathematics 10(3-4), 222-262.
 */
import { BucketQueue } from './brandes.js';
import { IndexedMinHeap } from './heap.js';
import { wasmDijkstraOf } from './wasm-dijkstra.js';
import { packedArcsOf, type BucketPlan, type PackedArcs, type PathGraph } from '../graph/path-graph.js';

/**
 * Scratch buffers of {@link distanceSums} for one thread: distances only (no path counts or
 * predecessors), allocated once and restored to "unreached" after each source.
 */
export class DistanceScratch {
  readonly hops: Int32Array;
  readonly dist: Float64Array;
  readonly order: Int32Array;
  readonly heap: IndexedMinHeap;
  /** Bucket queue for Dijkstra (see {@link bucketPlan}); null = use the heap. */
  readonly buckets: BucketQueue | null;

  constructor(
    readonly n: number,
    plan: BucketPlan | null = null,
  ) {
    this.hops = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(n).fill(Infinity);
    this.order = new Int32Array(n);
    this.heap = new IndexedMinHeap(this.dist);
    this.buckets = plan ? new BucketQueue(n, plan) : null;
  }
}

/**
 * Shortest-path distances from `s`, summarised into `out` at positions 3s, 3s+1, 3s+2:
 *
 *   reached = |{t : d(s,t) < inf}| (s included),  total = sum_t d(s,t),  harmonic = sum_{t != s} 1/d(s,t)
 *
 * Hop counts when `g.lengths` is null; the k-hop distance is `unitTable[k]` (see {@link unitDistances}),
 * the float sum unit + unit + ... as a path-length sum over an equal-length graph would be.
 * Dijkstra otherwise, with lengths summed along the path, on the scratch's bucket queue when it
 * has one and the arcs pack into 32 bits (Dial's buckets narrower than the shortest arc, arcs read
 * packed, as Brandes' kernel does; see `packArcs`; in WebAssembly where it runs, brandes.wat
 * `distances`, else in JavaScript), else on a binary heap. Distances are the same float sums either way; the sums run in settling order, which
 * differs between the two queues among nodes of one bucket, so totals may differ in the last bits.
 * (The path pool runs weighted undirected graphs from 2,000 nodes on a source chain instead, each
 * search pruned and in WebAssembly: ChainRunner's `distances` mode in brandes-chain.ts.)
 *
 * Complexity: O(m) with BFS; O(m log n) with the heap; O(m + buckets scanned) with buckets.
 */
export function distanceSums(g: PathGraph, s: number, out: Float64Array, scratch: DistanceScratch, unitTable: Float64Array): void {
  if (g.lengths === null) return bfsSums(g, s, out, scratch, unitTable);
  const packed = scratch.buckets === null ? null : packedArcsOf(g);
  if (scratch.buckets === null || packed === null) return dijkstraSums(g, g.lengths, s, out, scratch);
  // The bucket kernel in WebAssembly when there is an engine for g (the same steps, the same bits:
  // brandes.wat `distances`, x1.45 per source at 10k), else in JavaScript.
  const engine = wasmDijkstraOf(g, packed, scratch.buckets);
  if (engine === null) return dijkstraSumsBuckets(g.offsets, packed, s, out, scratch, scratch.buckets);
  engine.sumDistances(s, engine.distances(s, false), out);
}

/** `table[k]` = k-fold float sum of `unit`, for k in 0..n-1. */
export function unitDistances(n: number, unit: number): Float64Array {
  const table = new Float64Array(Math.max(1, n));
  for (let k = 1; k < n; k++) table[k] = table[k - 1] + unit;
  return table;
}

function bfsSums(g: PathGraph, s: number, out: Float64Array, scratch: DistanceScratch, table: Float64Array): void {
  const { hops, order } = scratch;
  const reached = bfsOrder(g, s, hops, order);
  // NOTE: `order` lists the nodes level by level, so runs of equal hop counts share 1/d.
  let total = 0;
  let harmonic = 0;
  let level = 0;
  let inv = 0;
  for (let k = 1; k < reached; k++) {
    const hv = hops[order[k]];
    if (hv !== level) {
      level = hv;
      inv = 1 / table[hv];
    }
    total += table[hv];
    harmonic += inv;
  }
  for (let k = 0; k < reached; k++) hops[order[k]] = -1;
  out[3 * s] = reached;
  out[3 * s + 1] = total;
  out[3 * s + 2] = harmonic;
}

/** Breadth-first search from `s`: hop counts in `hops` (-1 = unreached on entry), nodes in visiting order in `order`. @returns the nodes reached (s included) */
function bfsOrder(g: PathGraph, s: number, hops: Int32Array, order: Int32Array): number {
  const { offsets, targets } = g;
  hops[s] = 0;
  order[0] = s;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    const next = hops[v] + 1;
    const end = offsets[v + 1];
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      if (hops[w] < 0) {
        hops[w] = next;
        order[tail++] = w;
      }
    }
  }
  return tail;
}

function dijkstraSums(g: PathGraph, lengths: Float64Array, s: number, out: Float64Array, scratch: DistanceScratch): void {
  const { offsets, targets } = g;
  const { dist, order, heap } = scratch;
  dist[s] = 0;
  heap.push(s);
  let count = 0;
  let total = 0;
  let harmonic = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    order[count++] = v;
    const dv = dist[v];
    if (count > 1) {
      total += dv;
      harmonic += 1 / dv;
    }
    // NOTE: keep in sync with the relax step of dijkstraSumsBuckets below (the same step on a bucket
    // queue); kept apart because it is the innermost loop.
    const end = offsets[v + 1];
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      const nd = dv + lengths[p];
      const dw = dist[w];
      if (nd < dw) {
        dist[w] = nd;
        if (dw === Infinity) heap.push(w);
        else heap.decrease(w);
      }
    }
  }
  for (let k = 0; k < count; k++) dist[order[k]] = Infinity;
  out[3 * s] = count;
  out[3 * s + 1] = total;
  out[3 * s + 2] = harmonic;
}

/**
 * {@link distanceSums} with Dijkstra on a bucket queue of width below the shortest arc: the nodes
 * of one bucket cannot improve one another, so each settles, with its final distance, when its
 * bucket is emptied (see `dijkstraBuckets` in brandes.ts for the same queue with path counts: two
 * passes per bucket, arcs read packed). Lean: no path counts, no predecessors.
 */
function dijkstraSumsBuckets(
  offsets: Int32Array,
  packed: PackedArcs,
  s: number,
  out: Float64Array,
  scratch: DistanceScratch,
  q: BucketQueue,
): void {
  const { arcs, table } = packed;
  const shift = packed.shift | 0;
  const targetMask = packed.mask | 0;
  const { dist, order } = scratch;
  const { head, entryNode, entryNext, bucketOf } = q;
  const inverse = +q.inverse;
  const mask = q.mask | 0;
  // The sums this source adds up: distances and reciprocal distances to the nodes it reaches.
  let total = 0;
  let harmonic = 0;
  dist[s] = 0;
  entryNode[0] = s;
  entryNext[0] = -1;
  head[0] = 0;
  bucketOf[s] = 0;
  let entries = 1;
  let pending = 1;
  let count = 0;
  let current = 0;
  while (pending > 0) {
    const slot = current & mask;
    let e = head[slot];
    head[slot] = -1;
    const first = count;
    while (e >= 0) {
      const v = entryNode[e];
      e = entryNext[e];
      if (bucketOf[v] !== current) continue; // stale: v moved to an earlier bucket and settled there
      bucketOf[v] = -1;
      order[count++] = v;
    }
    pending -= count - first;
    for (let k = first; k < count; k++) {
      const v = order[k];
      const dv = dist[v];
      if (k > 0) {
        total += dv;
        harmonic += 1 / dv;
      }
      // NOTE: keep in sync with the bucket relax step of dijkstraBuckets in brandes.ts (the same queue,
      // with path counts there) and with the heap relax step of dijkstraSums above; kept apart
      // because it is the innermost loop.
      const end = offsets[v + 1];
      for (let p = offsets[v]; p < end; p++) {
        const x = arcs[p];
        const w = x & targetMask;
        const nd = dv + table[x >>> shift];
        const dw = dist[w];
        if (nd < dw) {
          dist[w] = nd;
          if (dw === Infinity) pending++;
          let b = (nd * inverse) | 0;
          if (b <= current) b = current + 1;
          if (b !== bucketOf[w]) {
            bucketOf[w] = b;
            const at = b & mask;
            entryNode[entries] = w;
            entryNext[entries] = head[at];
            head[at] = entries++;
          }
        }
      }
    }
    current++;
  }
  // Buckets ahead may still hold stale entries.
  head.fill(-1);
  for (let k = 0; k < count; k++) dist[order[k]] = Infinity;
  out[3 * s] = count;
  out[3 * s + 1] = total;
  out[3 * s + 2] = harmonic;
}

/** Sources per bit-parallel BFS batch (bits in an Int32). */
export const BATCH = 32;

/** Scratch for {@link distanceSumsBatch}: three bit masks per node and two frontier lists. */
export class BatchScratch {
  readonly seen: Int32Array;
  readonly visit: Int32Array;
  readonly next: Int32Array;
  readonly frontier: Int32Array;
  readonly upcoming: Int32Array;
  readonly reached = new Float64Array(BATCH);
  readonly total = new Float64Array(BATCH);
  readonly harmonic = new Float64Array(BATCH);
  constructor(n: number) {
    this.seen = new Int32Array(n);
    this.visit = new Int32Array(n);
    this.next = new Int32Array(n);
    this.frontier = new Int32Array(n);
    this.upcoming = new Int32Array(n);
  }
}

/**
 * {@link distanceSums} on hop counts for the 32 sources `batch*32 .. batch*32+31` at once
 * (multi-source BFS: bit i of a node's mask says source i has reached it), so an arc is scanned
 * once per level for all 32 sources instead of once per source.
 * Reference: Then, M. et al. (2014). The more the merrier: efficient multi-source graph traversal.
 * PVLDB 8(4), 449-460.
 * Complexity: O(levels * m + 32 n) per batch.
 */
export function distanceSumsBatch(g: PathGraph, batch: number, out: Float64Array, scratch: BatchScratch, table: Float64Array): void {
  const { offsets, targets, n } = g;
  const { seen, visit, next, reached, total, harmonic } = scratch;
  let frontier = scratch.frontier;
  let upcoming = scratch.upcoming;
  const first = batch * BATCH;
  const count = Math.min(BATCH, n - first);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const s = first + i;
    seen[s] = visit[s] = 1 << i;
    frontier[size++] = s;
    reached[i] = 1;
    total[i] = 0;
    harmonic[i] = 0;
  }
  let level = 0;
  while (size > 0) {
    level++;
    const d = table[level];
    const inv = 1 / d;
    // Step 1: push every frontier node's fresh bits to its neighbours.
    let nextSize = 0;
    for (let q = 0; q < size; q++) {
      const v = frontier[q];
      const bits = visit[v];
      visit[v] = 0;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        const fresh = bits & ~seen[w];
        if (fresh !== 0) {
          if (next[w] === 0) upcoming[nextSize++] = w;
          next[w] |= fresh;
        }
      }
    }
    // Step 2: settle the new level and credit each source whose bit arrived.
    for (let q = 0; q < nextSize; q++) {
      const w = upcoming[q];
      let bits = next[w];
      next[w] = 0;
      seen[w] |= bits;
      visit[w] = bits;
      while (bits !== 0) {
        const i = 31 - Math.clz32(bits & -bits);
        reached[i]++;
        total[i] += d;
        harmonic[i] += inv;
        bits &= bits - 1;
      }
    }
    const swap = frontier;
    frontier = upcoming;
    upcoming = swap;
    size = nextSize;
  }
  seen.fill(0);
  for (let i = 0; i < count; i++) {
    const s = first + i;
    out[3 * s] = reached[i];
    out[3 * s + 1] = total[i];
    out[3 * s + 2] = harmonic[i];
  }
}

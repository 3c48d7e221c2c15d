/**
 * Brandes' betweenness accumulation
 * Single-source shortest paths (BFS or Dijkstra) with path counting, then dependency accumulation.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2), 163-177.
 */
import { IndexedMinHeap } from './heap.js';
import { packedArcsOf, type BucketPlan, type PackedArcs, type PathGraph } from '../graph/path-graph.js';
import { wasmDijkstraOf, type WasmDijkstraState } from './wasm-dijkstra.js';

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
  /** Bucket queue for Dijkstra (see {@link bucketPlan}); null = use the heap. */
  readonly buckets: BucketQueue | null;
  /** First shortest-path predecessor of each node (Dijkstra); further ones in the pool below. */
  readonly pred: Int32Array;
  /** Head of each node's list of further predecessors in the pool; -1 = none. */
  readonly predMore: Int32Array;
  /**
   * Pool of further predecessors: node and next entry. Grown on demand (ties are rare with
   * lengths): by {@link PathScratch.addPredecessor} in the heap kernel, by a rerun of the source
   * in the bucket kernel, which counts the entries it needed in `ties`.
   */
  predNode: Int32Array;
  predNext: Int32Array;
  ties = 0;
  /** What the last bucket-queue run did (for profiles): queue entries made, buckets stepped through, empty ones among them. */
  runEntries = 0;
  runBuckets = 0;
  runEmptyBuckets = 0;
  /** Dependencies delta_s(v) of the push formulation (Dijkstra). */
  readonly delta: Float64Array;

  constructor(
    readonly n: number,
    plan: BucketPlan | null = null,
  ) {
    this.hops = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(n).fill(Infinity);
    this.sigma = new Float64Array(n);
    this.coef = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new IndexedMinHeap(this.dist);
    this.buckets = plan ? new BucketQueue(n, plan) : null;
    this.pred = new Int32Array(n);
    this.predMore = new Int32Array(n);
    this.predNode = new Int32Array(Math.max(16, n));
    this.predNext = new Int32Array(Math.max(16, n));
    this.delta = new Float64Array(n);
  }

  /**
   * Record v as a further shortest-path predecessor of w in pool entry `pool` (the pool doubles
   * when full); returns the next free entry.
   */
  addPredecessor(pool: number, w: number, v: number): number {
    if (pool === this.predNode.length) this.growPool(pool * 2);
    this.predNode[pool] = v;
    this.predNext[pool] = this.predMore[w];
    this.predMore[w] = pool;
    return pool + 1;
  }

  /** Grow the predecessor pool to `size` entries, keeping what it holds. */
  growPool(size: number): void {
    const node = new Int32Array(size);
    const next = new Int32Array(size);
    node.set(this.predNode);
    next.set(this.predNext);
    this.predNode = node;
    this.predNext = next;
  }
}

/**
 * A circular array of buckets of width `plan.width` holding singly linked lists of queue entries
 * (Dial, R. B. (1969). Algorithm 360: shortest-path forest with topological ordering. CACM 12(11)).
 * Entries are never removed: a node that moves to an earlier bucket leaves a stale entry behind,
 * recognised because `bucketOf[node]` no longer names the bucket being emptied.
 */
export class BucketQueue {
  readonly head: Int32Array;
  readonly entryNode: Int32Array;
  readonly entryNext: Int32Array;
  /** Bucket index of a node's live entry; -1 when the node is not queued (never reached, or settled). */
  readonly bucketOf: Int32Array;
  readonly width: number;
  readonly inverse: number;
  readonly slots: number;
  /** `slots - 1` (slots is a power of two): bucket b lives in slot `b & mask`. */
  readonly mask: number;
  /** Queue entries a run may make (n + m + 1: at most one per improvement). */
  readonly capacity: number;

  constructor(n: number, plan: BucketPlan) {
    this.capacity = plan.capacity;
    this.width = plan.width;
    this.inverse = plan.inverse;
    this.slots = plan.slots;
    this.mask = plan.mask;
    this.head = new Int32Array(plan.slots).fill(-1);
    this.entryNode = new Int32Array(plan.capacity);
    this.entryNext = new Int32Array(plan.capacity);
    this.bucketOf = new Int32Array(n).fill(-1);
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
 * compared with `<` and `===` exactly as NetworkX does, so equal-length paths are found the same way:
 * on the scratch's bucket queue when it has one and the arcs pack into 32 bits (see `packArcs`:
 * packed once per graph in this thread), else on the heap. Dijkstra's dependencies are
 * accumulated in push form over recorded predecessors (see accumulateDijkstra).
 *
 * Complexity: O(m) with BFS, O(m log n) with the heap, O(m + buckets stepped) with buckets.
 * @returns the number of nodes reached from s (s included)
 */
export function brandesSource(g: PathGraph, s: number, out: Float64Array, scratch: PathScratch): number {
  if (g.lengths === null) return brandesBfs(g, s, out, scratch);
  const q = scratch.buckets;
  const packed = q === null ? null : packedArcsOf(g);
  let count: number;
  if (q === null || packed === null) count = dijkstraHeap(g, g.lengths, s, scratch);
  else if ((count = wasmSource(g, packed, q, s, out)) >= 0) return count;
  else {
    count = dijkstraBuckets(g.offsets, packed, s, scratch, q);
    if (scratch.ties > scratch.predNode.length) {
      // The tie pool overflowed (ties were counted, not all recorded): grow it, run s again.
      resetDistances(count, scratch);
      scratch.growPool(scratch.ties);
      count = dijkstraBuckets(g.offsets, packed, s, scratch, q);
    }
  }
  accumulateDijkstra(count, out, scratch);
  return count;
}

/**
 * The bucket kernel's run from `s` in WebAssembly (wasm-dijkstra.ts: the same steps, the same
 * sums, added to `out` inside WebAssembly when `out` is the engine's, see {@link brandesSums}); -1
 * when there is no engine for `g` (no WebAssembly, disabled, too large) or its predecessor pool
 * overflowed (its state is reset: the caller runs `s` in JavaScript, whose pool grows).
 */
function wasmSource(g: PathGraph, packed: PackedArcs, q: BucketQueue, s: number, out: Float64Array): number {
  const engine = wasmDijkstraOf(g, packed, q);
  if (engine === null) return -1;
  const count = engine.forward(s);
  if (engine.ties() > engine.poolCapacity) {
    resetDistances(count, engine.state);
    return -1;
  }
  engine.accumulate(count, out);
  return count;
}

/**
 * A zeroed array of n sums for {@link brandesSource} on `g` with `scratch`: the WebAssembly
 * engine's own (the dependencies are then added to it inside WebAssembly, without a pass over the
 * settled nodes in JavaScript: x1.04-1.08 per source at 100k, docs/benchmarks.md) when the run
 * will use that engine, else a new Float64Array. The engine's array is reused by the next call for `g` in this thread:
 * copy the sums out before (see ownedSums in src/core/parallel/tasks.ts). Complexity: O(n).
 */
export function brandesSums(g: PathGraph, scratch: PathScratch): Float64Array {
  const q = scratch.buckets;
  const packed = g.lengths === null || q === null ? null : packedArcsOf(g);
  const engine = packed === null || q === null ? null : wasmDijkstraOf(g, packed, q);
  return engine === null ? new Float64Array(g.n) : engine.sums();
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
    // NOTE: keep in sync with the forward step of approx-betweenness.ts (the sampled search); kept apart because it is the innermost loop.
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

/** Dijkstra with path counts and an indexed heap; fills `order` in settling order. @returns nodes settled */
function dijkstraHeap(g: PathGraph, lengths: Float64Array, s: number, scratch: PathScratch): number {
  const { offsets, targets } = g;
  const { dist, sigma, order, heap, pred, predMore } = scratch;
  let pool = 0;
  // NOTE: dist[v] is final when v pops; sigma[v] too.
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
    // NOTE: keep in sync with the relax step of dijkstraBuckets (the same step on a bucket queue); kept apart because it is the innermost loop.
    for (let p = offsets[v]; p < end; p++) {
      const w = targets[p];
      const nd = dv + lengths[p];
      const dw = dist[w];
      if (nd < dw) {
        dist[w] = nd;
        sigma[w] = sv;
        pred[w] = v;
        predMore[w] = -1;
        if (dw === Infinity) heap.push(w);
        else heap.decrease(w);
      } else if (nd === dw) {
        sigma[w] += sv;
        pool = scratch.addPredecessor(pool, w, v);
      }
    }
  }
  return count;
}

/**
 * Dijkstra with path counts and a bucket queue whose width is below the shortest arc: no node of a
 * bucket can shorten the path to another node of the same bucket, so a whole bucket settles at
 * once, with final distances and path counts (every shortest-path predecessor lies in an earlier
 * bucket). Distances are the same float sums as with the heap, compared the same way.
 *
 * Each bucket is emptied in two passes: its live entries are listed first (stale ones skipped),
 * then their arcs are relaxed, so the row reads of one bucket do not wait on the entry list.
 * Arcs are read packed (see {@link PackedArcs}). Equal-length ties are recorded in the scratch's
 * predecessor pool without a call (so the loop has none); when the pool is full they are only
 * counted in `scratch.ties`, and the caller grows the pool and runs the source again.
 * @returns nodes settled
 */
function dijkstraBuckets(offsets: Int32Array, packed: PackedArcs, s: number, scratch: PathScratch, q: BucketQueue): number {
  const { arcs, table } = packed;
  const shift = packed.shift | 0;
  const targetMask = packed.mask | 0;
  const { dist, sigma, order, pred, predMore, predNode, predNext } = scratch;
  const { head, entryNode, entryNext, bucketOf } = q;
  const inverse = +q.inverse;
  const mask = q.mask | 0;
  const capacity = predNode.length | 0;
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
  let empty = 0;
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
    if (count === first) empty++;
    pending -= count - first;
    for (let k = first; k < count; k++) {
      const v = order[k];
      const dv = dist[v];
      const sv = sigma[v];
      const end = offsets[v + 1];
      // NOTE: keep in sync with the relax step of dijkstraHeap (the same step on a binary heap) and with
      // dijkstraSumsBuckets in closeness.ts (the same queue without path counts), and with the forward
      // pass of brandes.wat (the same steps in WebAssembly: rebuild brandes-wasm.ts after a change);
      // kept apart because it is the innermost loop.
      for (let p = offsets[v]; p < end; p++) {
        const x = arcs[p];
        const w = x & targetMask;
        const nd = dv + table[x >>> shift];
        const dw = dist[w];
        if (nd < dw) {
          dist[w] = nd;
          sigma[w] = sv;
          pred[w] = v;
          predMore[w] = -1;
          // First reach: no bucket yet (a settled node, bucket -1 too, is never improved). Not
          // `dw === Infinity`: a pruned run (brandes-chain.ts) starts from finite upper bounds.
          const was = bucketOf[w];
          if (was < 0) pending++;
          let b = (nd * inverse) | 0;
          if (b <= current) b = current + 1;
          if (b !== was) {
            bucketOf[w] = b;
            const at = b & mask;
            entryNode[entries] = w;
            entryNext[entries] = head[at];
            head[at] = entries++;
          }
        } else if (nd === dw) {
          sigma[w] += sv;
          if (pool < capacity) {
            predNode[pool] = v;
            predNext[pool] = predMore[w];
            predMore[w] = pool;
          }
          pool++;
        }
      }
    }
    current++;
  }
  // Buckets ahead may still hold stale entries.
  head.fill(-1);
  scratch.ties = pool;
  scratch.runEntries = entries;
  scratch.runBuckets = current;
  scratch.runEmptyBuckets = empty;
  return count;
}

/**
 * Dependencies in reverse settling order over the recorded predecessors (push form, as NetworkX's
 * `_accumulate_basic`): c = (1 + delta(w)) / sigma(w), delta(v) += sigma(v) c for each predecessor
 * v of w. Only shortest-path arcs are visited (about n with lengths, where ties are rare), not all m.
 * Then the reset of what the run touched. NOTE: keep in step with the "accumulate" function of
 * brandes.wat (the same sums in WebAssembly; rebuild brandes-wasm.ts after a change).
 */
function accumulateDijkstra(count: number, out: Float64Array, scratch: Omit<WasmDijkstraState, 'spare'>): void {
  const { sigma, order, pred, predMore, predNode, predNext, delta } = scratch;
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
  resetDistances(count, scratch);
}

/** A run's settled nodes (the first `count` of its order) back to unreached: distance Infinity, dependency 0. */
export function resetDistances(count: number, scratch: Pick<WasmDijkstraState, 'dist' | 'order' | 'delta'>): void {
  const { dist, order, delta } = scratch;
  for (let k = 0; k < count; k++) {
    const v = order[k];
    dist[v] = Infinity;
    delta[v] = 0;
  }
}

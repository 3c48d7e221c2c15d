/**
 * Brandes' forward pass on a bucket queue, in WebAssembly
 * The same step as `dijkstraBuckets` in brandes.ts (Dial's bucket queue of width below the shortest
 * arc, arcs packed with their length codes, equal-length ties recorded in a predecessor pool),
 * written in WebAssembly text (brandes.wat, compiled into brandes-wasm.ts by scripts/wasm/build.ts):
 * the optimised JavaScript spends 40-50 instructions per arc on typed-array map and bounds checks
 * (docs/benchmarks.md), which linear memory does not need. The graph and the per-node arrays live in
 * a shared WebAssembly memory: the graph once, then one region of per-node arrays per thread (a
 * thread alone lays out its own; the path pool lays one out for all its workers, see
 * {@link wasmGraphForWorkers}); the dependencies are added to the caller's sums by brandes.ts over
 * views of that memory, so the sums are the same operations in the same order: the same bits.
 * Reference: Dial, R. B. (1969). Algorithm 360: shortest-path forest with topological ordering.
 * CACM 12(11); Brandes, U. (2001). J. Math. Sociol. 25(2).
 */
import { BRANDES_WASM } from './brandes-wasm.js';
import { byteLayout, wasmInstance, wasmMemory, wasmModule, type WasmExports, type WasmGlobal, type WasmMemory } from '../util/wasm.js';
import { packArcs, plannedBuckets, type PackedArcs, type PathGraph } from '../graph/path-graph.js';

/** The per-node arrays of a run, as views of the module's memory. */
export interface WasmDijkstraState {
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  readonly order: Int32Array;
  readonly pred: Int32Array;
  readonly predMore: Int32Array;
  readonly predNode: Int32Array;
  readonly predNext: Int32Array;
  readonly delta: Float64Array;
  /** Sums the dependency pass adds into when the caller's array is not in the memory: all zero between runs. */
  readonly spare: Float64Array;
}

type Forward = (...args: number[]) => number;

let enabled = true;

/** The compiled module, once per thread; null where WebAssembly is missing or refuses it. */
const moduleOf = (): object | null => wasmModule(BRANDES_WASM);

/**
 * Test hook: run the JavaScript kernel instead (false), or the WebAssembly one where it applies
 * (true, the default). Returns the previous setting.
 */
export function useWasmDijkstra(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Largest memory the engine asks for: a 32-bit module addresses at most 4 GiB; stay well below. */
const MAX_BYTES = 2 ** 31;

/** The bucket queue's shape (see BucketQueue in brandes.ts): inverse width, slot mask and count, entry capacity. */
export interface WasmQueueShape {
  readonly inverse: number;
  readonly mask: number;
  readonly slots: number;
  readonly capacity: number;
}

/** Byte offsets of one thread's per-node arrays within its region. */
type RegionLayout = Readonly<
  Record<
    | 'dist'
    | 'sigma'
    | 'delta'
    | 'sums'
    | 'spare'
    | 'order'
    | 'pred'
    | 'predMore'
    | 'bucketOf'
    | 'head'
    | 'entryNode'
    | 'entryNext'
    | 'predNode'
    | 'predNext'
    | 'prunedOffs'
    | 'prunedArcs'
    | 'pivots',
    number
  >
>;

/**
 * One graph in a shared WebAssembly memory (plain data: it crosses to worker threads, the memory
 * with it): the graph (offsets, packed arcs, length table) once at the start, then `regions`
 * regions of `regionBytes` each, one per thread, for its per-node arrays, bucket queue and
 * predecessor pool. Threads only read the graph and write their own region, so nothing is atomic.
 */
export interface WasmGraph {
  readonly memory: WasmMemory;
  readonly n: number;
  readonly m: number;
  readonly regions: number;
  /** Byte offsets of the graph's arrays. */
  readonly offs: number;
  readonly arcs: number;
  readonly table: number;
  /** Where region 0 starts; region k starts at `graphBytes + k * regionBytes`. */
  readonly graphBytes: number;
  readonly regionBytes: number;
  /** Entries of each region's predecessor pool. */
  readonly pool: number;
  /**
   * Pivot slots of each region (0: none): arrays of n Float32 distances kept for the pruned runs of
   * brandes-chain.ts, with a pruned copy of the arcs (see {@link WasmDijkstra.prune}).
   */
  readonly pivotSlots: number;
  readonly queue: WasmQueueShape;
  readonly shift: number;
  readonly targetMask: number;
}

/** Offsets of the per-node arrays within a region, and the region's size (a multiple of 64 bytes). */
function regionLayout(n: number, m: number, queue: WasmQueueShape, pool: number, slots: number): { at: RegionLayout; bytes: number } {
  const { bytes, ...at } = byteLayout({
    dist: 8 * n,
    sigma: 8 * n,
    delta: 8 * n,
    sums: 8 * n,
    spare: 8 * n,
    order: 4 * n,
    pred: 4 * n,
    predMore: 4 * n,
    bucketOf: 4 * n,
    head: 4 * queue.slots,
    entryNode: 4 * queue.capacity,
    entryNext: 4 * queue.capacity,
    predNode: 4 * pool,
    predNext: 4 * pool,
    prunedOffs: slots > 0 ? 4 * (n + 1) : 0,
    prunedArcs: slots > 0 ? 4 * m : 0,
    pivots: 4 * n * slots,
  });
  return { at, bytes: Math.ceil(bytes / 64) * 64 };
}

/**
 * `g` laid out in a new shared WebAssembly memory with `regions` thread regions, each ready for a
 * first source (distances Infinity, buckets -1), or null when WebAssembly (or a shared memory) is
 * unavailable or the layout would pass {@link MAX_BYTES}.
 * Memory: 4 (n + 1) + 4 m bytes of graph plus the length table, and per region 40 bytes a node
 * (distances, path counts, dependencies, the run's sums and a spare), 16 (order, predecessor, tie
 * list head, bucket), 8 of predecessor pool (n entries), 8 a queue entry (n + m + 1 of them: only
 * those a run makes are touched) and 4 a bucket slot. At 100k people (backbone, 1.1 million arcs):
 * 4.8 MB of graph and 17 MB a region, of which about 7 MB are touched; at 1M (about 11 million
 * arcs), about 48 MB and 156 MB (about 76 MB touched). With `pivotSlots` > 0 (brandes-chain.ts), a
 * region also holds a pruned copy of the arcs (4 (n + 1) + 4 m bytes) and the slots (4 n bytes
 * each): 12.4 MB more at 100k with 19 slots.
 * Complexity: O(n + m) to copy the graph in, O(regions n) to prepare the regions.
 */
export function wasmGraph(g: PathGraph, packed: PackedArcs, queue: WasmQueueShape, regions: number, pivotSlots = 0): WasmGraph | null {
  if (moduleOf() === null) return null;
  const n = g.n;
  const m = packed.arcs.length;
  const pool = Math.max(16, n);
  const offs = 0;
  const arcs = offs + Math.ceil((4 * (n + 1)) / 8) * 8;
  const table = arcs + Math.ceil((4 * m) / 8) * 8;
  const graphBytes = Math.ceil((table + 8 * packed.table.length) / 64) * 64;
  const region = regionLayout(n, m, queue, pool, pivotSlots);
  const bytes = graphBytes + regions * region.bytes;
  if (bytes > MAX_BYTES) return null;
  const memory = wasmMemory(bytes, true);
  if (memory === null) return null;
  const buffer = memory.buffer;
  new Int32Array(buffer, offs, n + 1).set(g.offsets.subarray(0, n + 1));
  new Int32Array(buffer, arcs, m).set(packed.arcs);
  new Float64Array(buffer, table, packed.table.length).set(packed.table);
  for (let k = 0; k < regions; k++) {
    const base = graphBytes + k * region.bytes;
    new Float64Array(buffer, base + region.at.dist, n).fill(Infinity);
    new Int32Array(buffer, base + region.at.bucketOf, n).fill(-1);
    new Int32Array(buffer, base + region.at.head, queue.slots).fill(-1);
  }
  const shape = { inverse: queue.inverse, mask: queue.mask, slots: queue.slots, capacity: queue.capacity };
  return {
    memory,
    n,
    m,
    regions,
    offs,
    arcs,
    table,
    graphBytes,
    regionBytes: region.bytes,
    pool,
    pivotSlots,
    queue: shape,
    shift: packed.shift,
    targetMask: packed.mask,
  };
}

/**
 * One thread's forward pass in WebAssembly: the module instance on a {@link WasmGraph}'s memory,
 * the addresses of the graph and of this thread's region, and views of the region.
 */
export class WasmDijkstra {
  readonly state: WasmDijkstraState;
  /** Entries of the predecessor pool; a run that needs more reports it in {@link WasmDijkstra.ties}. */
  readonly poolCapacity: number;
  private readonly forwardFn: Forward;
  private readonly accumulateFn: Forward;
  private readonly pruneFn: Forward;
  private readonly demoteFn: Forward;
  private readonly distancesFn: Forward;
  private readonly sumFn: Forward;
  private readonly tiesGlobal: WasmGlobal;
  private readonly harmonicGlobal: WasmGlobal;
  private readonly at: RegionLayout;

  private constructor(
    exports: WasmExports,
    private readonly graph: WasmGraph,
    region: number,
  ) {
    this.forwardFn = exports.forward as Forward;
    this.accumulateFn = exports.accumulate as Forward;
    this.pruneFn = exports.prune as Forward;
    this.demoteFn = exports.demote as Forward;
    this.distancesFn = exports.distances as Forward;
    this.sumFn = exports.sumDistances as Forward;
    this.tiesGlobal = exports.ties as WasmGlobal;
    this.harmonicGlobal = exports.harmonic as WasmGlobal;
    const { n, pool, queue } = graph;
    const base = graph.graphBytes + region * graph.regionBytes;
    const local = regionLayout(n, graph.m, queue, pool, graph.pivotSlots).at;
    const at = Object.fromEntries(Object.entries(local).map(([k, v]) => [k, base + v])) as RegionLayout;
    this.at = at;
    const buffer = graph.memory.buffer;
    this.state = {
      dist: new Float64Array(buffer, at.dist, n),
      sigma: new Float64Array(buffer, at.sigma, n),
      order: new Int32Array(buffer, at.order, n),
      pred: new Int32Array(buffer, at.pred, n),
      predMore: new Int32Array(buffer, at.predMore, n),
      predNode: new Int32Array(buffer, at.predNode, pool),
      predNext: new Int32Array(buffer, at.predNext, pool),
      delta: new Float64Array(buffer, at.delta, n),
      spare: new Float64Array(buffer, at.spare, n),
    };
    this.poolCapacity = pool;
  }

  /**
   * The engine on region `region` of `graph` (made in this thread or posted to it), or null when
   * WebAssembly refuses it (or there is no such region). Only one thread may use a region at a time.
   * Complexity: O(1) (the graph and the region are ready).
   */
  static attach(graph: WasmGraph, region: number): WasmDijkstra | null {
    const mod = moduleOf();
    if (mod === null || !(region >= 0 && region < graph.regions)) return null;
    const exports = wasmInstance(mod, graph.memory);
    return exports === null ? null : new WasmDijkstra(exports, graph, region);
  }

  /**
   * The engine for `g` alone (its own memory, one region), or null when WebAssembly is unavailable
   * or the layout would pass {@link MAX_BYTES}. Complexity: O(n + m) to copy the graph in.
   */
  static create(g: PathGraph, packed: PackedArcs, queue: WasmQueueShape, pivotSlots = 0): WasmDijkstra | null {
    const graph = wasmGraph(g, packed, queue, 1, pivotSlots);
    return graph === null ? null : WasmDijkstra.attach(graph, 0);
  }

  /**
   * Forward pass from `s`: distances, path counts, settling order and predecessors in `state`
   * (every node unreached before: dist Infinity, bucket -1). Returns the nodes settled.
   * Complexity: O(m + buckets stepped).
   */
  forward(s: number): number {
    return this.run(s, this.graph.offs, this.graph.arcs);
  }

  /**
   * {@link WasmDijkstra.forward} on the arcs the last {@link WasmDijkstra.prune} kept, from the
   * starting distances it wrote (the same steps: only the rows are shorter and fewer offers pass).
   * Call right after prune. Complexity: O(n + arcs kept + buckets stepped).
   */
  forwardPruned(s: number): number {
    return this.run(s, this.at.prunedOffs, this.at.prunedArcs);
  }

  /**
   * {@link WasmDijkstra.forward} for distances only (no path counts, no predecessors): the same
   * distances and settling order; with `pruned`, on the arcs the last prune kept (call right after
   * it). Follow with {@link WasmDijkstra.sumDistances}. Returns the nodes settled.
   */
  distances(s: number, pruned: boolean): number {
    const a = this.at;
    const g = this.graph;
    const q = g.queue;
    const [offs, arcs] = pruned ? [a.prunedOffs, a.prunedArcs] : [g.offs, g.arcs];
    return this.distancesFn(
      s,
      offs,
      arcs,
      g.table,
      a.dist,
      a.order,
      a.bucketOf,
      a.head,
      a.entryNode,
      a.entryNext,
      q.inverse,
      q.mask,
      g.shift,
      g.targetMask,
      q.slots,
    );
  }

  /**
   * The last run's summary from source `s` (`count` settled) at out[3s..3s+2], as distanceSums
   * writes it: the nodes reached, and the sums of their distances and reciprocal distances but the
   * source's, in settling order; the nodes are back to unreached after. Complexity: O(count).
   */
  sumDistances(s: number, count: number, out: Float64Array): void {
    out[3 * s + 1] = this.sumFn(count, this.at.order, this.at.dist);
    out[3 * s + 2] = this.harmonicGlobal.value as number;
    out[3 * s] = count;
  }

  /** Pivot slots of this engine's region (0: {@link WasmDijkstra.prune} is unavailable). */
  get pivotSlots(): number {
    return this.graph.pivotSlots;
  }

  /** Slot `slot`'s n distances (Float32), a view of the region. */
  pivot(slot: number): Float32Array {
    return new Float32Array(this.graph.memory.buffer, this.slotAt(slot), this.graph.n);
  }

  /** Byte address of slot `slot`'s distances; a RangeError for a slot the region does not have. */
  private slotAt(slot: number): number {
    const g = this.graph;
    if (!(slot >= 0 && slot < g.pivotSlots)) throw new RangeError(`pivot slot ${slot} of ${g.pivotSlots}`);
    return this.at.pivots + 4 * g.n * slot;
  }

  /**
   * The graph's arcs x -> y with pivot[x] + length - pivot[y] <= tau (pivot: slot `slot`), copied
   * in row order into this region's pruned arcs for {@link WasmDijkstra.forwardPruned}; and, in
   * the same pass, that run's starting distances dist[v] = pivot[v] + add instead of Infinity
   * (upper bounds when `add` is at least d(p, s) plus rounding: offers above them never enter the
   * queue; the run's dependency pass puts the settled nodes back to Infinity, unreached ones stay
   * Infinity as their pivot distance is). Returns how many arcs were kept.
   * Complexity: O(n + m), one pass in memory order.
   */
  prune(slot: number, tau: number, add: number): number {
    const g = this.graph;
    const a = this.at;
    const pivot = this.slotAt(slot);
    return this.pruneFn(g.n, g.offs, g.arcs, g.table, g.shift, g.targetMask, pivot, tau, a.prunedOffs, a.prunedArcs, a.dist, add);
  }

  /**
   * The last run's distances into slot `slot`, rounded to Float32 (to nearest; Infinity stays).
   * Complexity: O(n), in memory order.
   */
  keepDistances(slot: number): void {
    this.demoteFn(this.graph.n, this.at.dist, this.slotAt(slot));
  }

  private run(s: number, offs: number, arcs: number): number {
    const a = this.at;
    const g = this.graph;
    return this.forwardFn(
      s,
      offs,
      arcs,
      g.table,
      a.dist,
      a.sigma,
      a.order,
      a.pred,
      a.predMore,
      a.bucketOf,
      a.head,
      a.entryNode,
      a.entryNext,
      a.predNode,
      a.predNext,
      this.poolCapacity,
      g.queue.inverse,
      g.queue.mask,
      g.shift,
      g.targetMask,
      g.queue.slots,
    );
  }

  /**
   * Dependencies of the last forward pass's source (accumulateDijkstra's steps in brandes.ts, in the
   * same order: the same sums), each added to `out[w]` where `out` is {@link WasmDijkstra.sums} (or
   * any array in this thread's region's memory), else to `state.spare`, from which
   * {@link WasmDijkstra.addSpare} moves them; then the settled nodes are back to unreached.
   * O(nodes settled + ties).
   */
  accumulate(count: number, out: Float64Array): void {
    const a = this.at;
    const inMemory = out.buffer === this.graph.memory.buffer;
    this.accumulateFn(
      count,
      a.order,
      a.sigma,
      a.delta,
      a.pred,
      a.predMore,
      a.predNode,
      a.predNext,
      a.dist,
      inMemory ? out.byteOffset : a.spare,
    );
    if (!inMemory) this.addSpare(count, out);
  }

  /** out[w] += spare[w], then spare[w] = 0, for the nodes the last run settled (the source's is 0). */
  private addSpare(count: number, out: Float64Array): void {
    const { order, spare } = this.state;
    for (let k = count - 1; k > 0; k--) {
      const w = order[k];
      out[w] += spare[w];
      spare[w] = 0;
    }
  }

  /**
   * This region's array for a run's sums, zeroed: {@link WasmDijkstra.accumulate} adds into it
   * inside WebAssembly, without a pass in JavaScript. It is the engine's: copy it before the
   * engine's next use (the next call returns the same memory, zeroed again). Complexity: O(n).
   */
  sums(): Float64Array {
    const view = new Float64Array(this.graph.memory.buffer, this.at.sums, this.graph.n);
    return view.fill(0);
  }

  /** Equal-length ties the last run met (all recorded when at most {@link WasmDijkstra.poolCapacity}). */
  ties(): number {
    return this.tiesGlobal.value as number;
  }
}

const engines = new WeakMap<PathGraph, WasmDijkstra | null>();

/**
 * The engine of `g` in this thread, made on first use (null: use the JavaScript kernel).
 * Complexity: O(n + m) the first time, O(1) after.
 */
export function wasmDijkstraOf(g: PathGraph, packed: PackedArcs, queue: WasmQueueShape, pivotSlots = 0): WasmDijkstra | null {
  if (!enabled) return null;
  let engine = engines.get(g);
  if (engine === undefined || (engine !== null && engine.pivotSlots < pivotSlots)) {
    // (Re)made with pivot slots when a pruned run asks for them (the pool's layout has them already).
    const made = WasmDijkstra.create(g, packed, queue, pivotSlots);
    if (engine === undefined || made !== null) engines.set(g, (engine = made));
  }
  return engine;
}

/**
 * Run `g` in this thread on region `region` of a {@link WasmGraph} built from it elsewhere (the
 * path pool builds one for its workers, so that they share one copy of the graph): later calls of
 * {@link wasmDijkstraOf} for `g` return that engine. False (nothing registered) when the layout
 * is not `g`'s or WebAssembly refuses it; the thread then makes its own engine on first use.
 */
export function useWasmGraph(g: PathGraph, graph: WasmGraph, region: number): boolean {
  if (graph.n !== g.n || graph.m !== g.offsets[g.n]) return false;
  const engine = WasmDijkstra.attach(graph, region);
  if (engine !== null) engines.set(g, engine);
  return engine !== null;
}

let shared = 0;

/**
 * The graph of a weighted betweenness run for `regions` worker threads: `g` (with lengths that
 * pack, see packArcs, and a bucket plan) in one shared WebAssembly memory, a region per thread; each
 * worker calls {@link useWasmGraph} with its share as region. Null when the kernel would not run in
 * WebAssembly (hop counts, lengths that do not pack, no plan, WebAssembly off or missing, the layout
 * above 2 GiB: the workers then make their own engines, as in one thread).
 * Memory: see {@link wasmGraph} (one copy of the graph for all the threads instead of one each).
 * Complexity: O(m) to pack the arcs (a copy dropped after), O(n + m + regions n) to lay them out.
 */
export function wasmGraphForWorkers(g: PathGraph, regions: number, pivotSlots = 0): WasmGraph | null {
  if (!enabled || g.lengths === null) return null;
  const plan = plannedBuckets(g);
  const packed = plan === null ? null : packArcs(g);
  if (plan === null || packed === null) return null;
  const graph = wasmGraph(g, packed, plan, regions, pivotSlots);
  if (graph !== null) shared++;
  return graph;
}

/** Test hook: how many {@link wasmGraphForWorkers} layouts this thread has built. */
export function wasmGraphsForWorkersBuilt(): number {
  return shared;
}

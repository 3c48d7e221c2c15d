/**
 * Brandes' forward pass on a bucket queue, in WebAssembly
 * The same step as `dijkstraBuckets` in brandes.ts (Dial's bucket queue of width below the shortest
 * arc, arcs packed with their length codes, equal-length ties recorded in a predecessor pool),
 * written in WebAssembly text (brandes.wat, compiled into brandes-wasm.ts by scripts/wasm/build.ts):
 * the optimised JavaScript spends 40-50 instructions per arc on typed-array map and bounds checks
 * (docs/benchmarks.md), which linear memory does not need. The graph and every per-node array live in
 * one module's memory per graph and thread; the dependencies are accumulated by brandes.ts over views
 * of that memory, so the sums are the same operations in the same order: the same bits.
 * Reference: Dial, R. B. (1969). Algorithm 360: shortest-path forest with topological ordering.
 * CACM 12(11); Brandes, U. (2001). J. Math. Sociol. 25(2).
 */
import { BRANDES_WASM } from './brandes-wasm.js';
import type { PackedArcs, PathGraph } from '../graph/path-graph.js';

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
}

type Forward = (...args: number[]) => number;

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

/** The compiled module, once per thread; null where WebAssembly is missing or refuses it. */
function moduleOf(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled =
        typeof WebAssembly === 'undefined' ? null : new WebAssembly.Module(Uint8Array.from(atob(BRANDES_WASM), (c) => c.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

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

/**
 * One graph's forward pass in WebAssembly: the module instance, its memory laid out for the graph
 * (offsets, packed arcs, length table, per-node arrays, bucket queue, predecessor pool) and views of it.
 */
export class WasmDijkstra {
  readonly state: WasmDijkstraState;
  /** Entries of the predecessor pool; a run that needs more reports it in {@link WasmDijkstra.ties}. */
  readonly poolCapacity: number;
  private readonly forwardFn: Forward;
  private readonly accumulateFn: Forward;
  private readonly tiesGlobal: WebAssembly.Global;
  private readonly at: Readonly<
    Record<
      | 'offs'
      | 'arcs'
      | 'table'
      | 'dist'
      | 'sigma'
      | 'delta'
      | 'order'
      | 'pred'
      | 'predMore'
      | 'bucketOf'
      | 'head'
      | 'entryNode'
      | 'entryNext'
      | 'predNode'
      | 'predNext',
      number
    >
  >;

  private constructor(
    instance: WebAssembly.Instance,
    at: WasmDijkstra['at'],
    state: WasmDijkstraState,
    poolCapacity: number,
    private readonly inverse: number,
    private readonly mask: number,
    private readonly slots: number,
    private readonly shift: number,
    private readonly targetMask: number,
  ) {
    this.forwardFn = instance.exports.forward as Forward;
    this.accumulateFn = instance.exports.accumulate as Forward;
    this.tiesGlobal = instance.exports.ties as WebAssembly.Global;
    this.at = at;
    this.state = state;
    this.poolCapacity = poolCapacity;
  }

  /**
   * The engine for `g` with its packed arcs and bucket queue shape (inverse width, slot mask and
   * count, entry capacity), or null when WebAssembly is unavailable, or the layout would
   * pass {@link MAX_BYTES}. Complexity: O(n + m) to copy the graph in.
   */
  static create(
    g: PathGraph,
    packed: PackedArcs,
    queue: { inverse: number; mask: number; slots: number; capacity: number },
  ): WasmDijkstra | null {
    const mod = moduleOf();
    if (mod === null) return null;
    const n = g.n;
    const m = packed.arcs.length;
    const pool = Math.max(16, n);
    let bytes = 0;
    const take = (size: number): number => {
      const start = bytes;
      bytes += Math.ceil(size / 8) * 8;
      return start;
    };
    const at = {
      offs: take(4 * (n + 1)),
      arcs: take(4 * m),
      table: take(8 * packed.table.length),
      dist: take(8 * n),
      sigma: take(8 * n),
      delta: take(8 * n),
      order: take(4 * n),
      pred: take(4 * n),
      predMore: take(4 * n),
      bucketOf: take(4 * n),
      head: take(4 * queue.slots),
      entryNode: take(4 * queue.capacity),
      entryNext: take(4 * queue.capacity),
      predNode: take(4 * pool),
      predNext: take(4 * pool),
    };
    if (bytes > MAX_BYTES) return null;
    let instance: WebAssembly.Instance;
    try {
      instance = new WebAssembly.Instance(mod, {});
      const memory = instance.exports.memory as WebAssembly.Memory;
      const have = memory.buffer.byteLength;
      if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65536));
    } catch {
      return null;
    }
    const buffer = (instance.exports.memory as WebAssembly.Memory).buffer;
    new Int32Array(buffer, at.offs, n + 1).set(g.offsets.subarray(0, n + 1));
    new Int32Array(buffer, at.arcs, m).set(packed.arcs);
    new Float64Array(buffer, at.table, packed.table.length).set(packed.table);
    new Int32Array(buffer, at.bucketOf, n).fill(-1);
    new Int32Array(buffer, at.head, queue.slots).fill(-1);
    const state: WasmDijkstraState = {
      dist: new Float64Array(buffer, at.dist, n).fill(Infinity),
      sigma: new Float64Array(buffer, at.sigma, n),
      order: new Int32Array(buffer, at.order, n),
      pred: new Int32Array(buffer, at.pred, n),
      predMore: new Int32Array(buffer, at.predMore, n),
      predNode: new Int32Array(buffer, at.predNode, pool),
      predNext: new Int32Array(buffer, at.predNext, pool),
      delta: new Float64Array(buffer, at.delta, n),
    };
    return new WasmDijkstra(instance, at, state, pool, queue.inverse, queue.mask, queue.slots, packed.shift, packed.mask);
  }

  /**
   * Forward pass from `s`: distances, path counts, settling order and predecessors in `state`
   * (every node unreached before: dist Infinity, bucket -1). Returns the nodes settled.
   * Complexity: O(m + buckets stepped).
   */
  forward(s: number): number {
    const a = this.at;
    return this.forwardFn(
      s,
      a.offs,
      a.arcs,
      a.table,
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
      this.inverse,
      this.mask,
      this.shift,
      this.targetMask,
      this.slots,
    );
  }

  /**
   * Dependencies of the last forward pass's source into `state.delta` (accumulateDijkstra's steps
   * in brandes.ts, in the same order: the same sums). O(nodes settled + ties).
   */
  accumulate(count: number): void {
    const a = this.at;
    this.accumulateFn(count, a.order, a.sigma, a.delta, a.pred, a.predMore, a.predNode, a.predNext);
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
export function wasmDijkstraOf(
  g: PathGraph,
  packed: PackedArcs,
  queue: { inverse: number; mask: number; slots: number; capacity: number },
): WasmDijkstra | null {
  if (!enabled) return null;
  let engine = engines.get(g);
  if (engine === undefined) engines.set(g, (engine = WasmDijkstra.create(g, packed, queue)));
  return engine;
}

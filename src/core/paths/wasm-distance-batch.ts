/**
 * Distance sums on hop counts in WebAssembly
 * {@link distanceSumsBatch} (closeness and harmonic on hop counts: 32 sources per multi-source BFS)
 * compiled from distance-batch.wat: the same steps in the same order, so the same sums to the bit,
 * without the map and bounds checks optimised JavaScript spends on each typed-array access. One
 * engine per graph and thread holds a copy of the arcs, the masks, the distance of each hop count
 * and a sums array of 3 n values (see {@link WasmDistanceBatch.sums}).
 * Reference: Then, M. et al. (2014). The more the merrier: efficient multi-source graph traversal.
 * PVLDB 8(4), 449-460.
 */
import type { PathGraph } from '../graph/path-graph.js';
import { byteLayout, copyRows, enginePerKey, wasmEngine, WasmSwitch } from '../util/wasm.js';
import { DISTANCE_BATCH_WASM } from './distance-batch-wasm.js';

const wasm = new WasmSwitch();

/**
 * Test hook: run the JavaScript kernel instead (false), or the WebAssembly one where it applies
 * (true, the default). Returns the previous setting.
 */
export function useWasmDistanceBatch(on: boolean): boolean {
  return wasm.set(on);
}

/** One graph's engine in this thread. Memory: the arcs (4 (n + 1) + 4 m bytes), 28 bytes a node and 24 of sums a node. */
export class WasmDistanceBatch {
  /** The sums a batch writes each source's (reached, total, harmonic) into, at 3 s (a view of the memory). */
  readonly out: Float64Array;
  private readonly table: Float64Array;
  private readonly run: (first: number, count: number) => void;

  private constructor(out: Float64Array, table: Float64Array, run: (first: number, count: number) => void) {
    this.out = out;
    this.table = table;
    this.run = run;
  }

  /** The engine of `g` (hop counts), or null (no WebAssembly, too large). Complexity: O(n + m). */
  static create(g: PathGraph): WasmDistanceBatch | null {
    const n = g.n;
    const m = g.offsets[n];
    const layout = byteLayout({
      offs: 4 * (n + 1),
      tgts: 4 * m,
      seen: 4 * n,
      visit: 4 * n,
      next: 4 * n,
      front: 4 * n,
      up: 4 * n,
      sums: 3 * 32 * 8,
      table: 8 * (n + 1),
      out: 3 * 8 * n,
    });
    const made = wasmEngine(DISTANCE_BATCH_WASM, layout.bytes, true);
    if (made === null) return null;
    const { memory, exports } = made;
    const buf = memory.buffer;
    copyRows(buf, layout.offs, layout.tgts, n, g.offsets, g.targets);
    (exports.layout as (...a: number[]) => void)(
      layout.offs,
      layout.tgts,
      n,
      layout.seen,
      layout.visit,
      layout.next,
      layout.front,
      layout.up,
      layout.sums,
      layout.table,
      layout.out,
    );
    return new WasmDistanceBatch(
      new Float64Array(buf, layout.out, 3 * n),
      new Float64Array(buf, layout.table, n + 1),
      exports.batch as (first: number, count: number) => void,
    );
  }

  /** Use `table` (the distance of each hop count, at least n + 1 values; see unitDistances) for the batches that follow. */
  distances(table: Float64Array): void {
    this.table.set(table.subarray(0, this.table.length));
  }

  /** The engine's sums, zeroed: hand it to the batches as their `out` (copy it out before the next task reuses it). */
  sums(): Float64Array {
    return this.out.fill(0);
  }

  /** Sources first .. first + count - 1 (count 1 to 32), as distanceSumsBatch into {@link WasmDistanceBatch.out}. */
  batch(first: number, count: number): void {
    this.run(first, count);
  }
}

const engineOf = enginePerKey((g: PathGraph) => WasmDistanceBatch.create(g));

/** The engine of `g` in this thread, made on first use; null: use the JavaScript kernel. Complexity: O(n + m) the first time. */
export function wasmDistanceBatchOf(g: PathGraph): WasmDistanceBatch | null {
  return wasm.on && g.lengths === null ? engineOf(g) : null;
}

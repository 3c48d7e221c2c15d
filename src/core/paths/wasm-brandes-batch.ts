/**
 * Batched Brandes on hop counts in WebAssembly
 * The two sweeps of {@link brandesBatch} (32 sources a batch, on hop counts) compiled from
 * brandes-batch.wat: the same steps in the same order as the JavaScript kernel (`sweeps` in
 * brandes-batch.ts), so the same path counts and the same sums to the bit, without the map and
 * bounds checks optimised JavaScript spends on each typed-array access. One engine per graph and
 * thread holds a copy of the graph, the per-node masks, the per-(node, source) tables and the
 * level entries in its memory, and a sums array the dependencies are added to (see
 * {@link WasmBrandesBatch.sums}).
 * Reference: Then, M. et al. (2014). The more the merrier: efficient multi-source graph traversal.
 * PVLDB 8(4), 449-460; Brandes, U. (2001). J. Math. Sociol. 25(2), 163-177.
 */
import type { PathGraph } from '../graph/path-graph.js';
import { byteLayout, copyRows, enginePerKey, wasmEngine, WasmSwitch } from '../util/wasm.js';
import { BRANDES_BATCH_WASM } from './brandes-batch-wasm.js';

/** Sources per batch: the bits of an i32 mask (the same as BRANDES_BATCH in brandes-batch.ts). */
const B = 32;

const wasm = new WasmSwitch();

/**
 * Test hook: run the JavaScript kernel instead (false), or the WebAssembly one where it applies
 * (true, the default). Returns the previous setting.
 */
export function useWasmBrandesBatch(on: boolean): boolean {
  return wasm.set(on);
}

/**
 * One graph's engine in this thread. Memory: 4 (n + 1) + 4 m bytes of graph, 16 n of masks and the
 * level list, 384 n of per-(node, source) tables, 8 n of sums and 8 bytes a level entry (room for
 * `entriesPerNode` n of them: each node is an entry at most once per distinct level among a batch's
 * sources, about 3 on org graphs; a batch that needs more runs in JavaScript).
 */
export class WasmBrandesBatch {
  /** The sums `sweeps` adds each node's dependencies to (a view of the memory). */
  readonly out: Float64Array;
  private readonly run: (first: number, count: number) => number;

  private constructor(memory: { buffer: ArrayBuffer }, at: Record<string, number>, n: number, exports: Record<string, unknown>) {
    this.out = new Float64Array(memory.buffer, at.out, n);
    this.run = exports.sweeps as (first: number, count: number) => number;
  }

  /** The engine of `g`, or null (no WebAssembly, too large, hook off). Complexity: O(n + m). */
  static create(g: PathGraph, entriesPerNode = 8): WasmBrandesBatch | null {
    const n = g.n;
    const m = g.offsets[n];
    const cap = Math.max(64, entriesPerNode * n);
    const layout = byteLayout({
      offs: 4 * (n + 1),
      tgts: 4 * m,
      seen: 4 * n,
      next: 4 * n,
      mark: 4 * n,
      up: 4 * n,
      cnt: 4 * B * n,
      coef: 8 * B * n,
      ls: 4 * (n + 2),
      acc: 8 * B,
      en: 4 * cap,
      em: 4 * cap,
      out: 8 * n,
    });
    const made = wasmEngine(BRANDES_BATCH_WASM, layout.bytes, true);
    if (made === null) return null;
    const { memory, exports } = made;
    copyRows(memory.buffer, layout.offs, layout.tgts, n, g.offsets, g.targets);
    const at = layout as Record<string, number>;
    (exports.layout as (...a: number[]) => void)(
      at.offs,
      at.tgts,
      n,
      at.seen,
      at.next,
      at.mark,
      at.up,
      at.cnt,
      at.coef,
      at.ls,
      at.acc,
      at.en,
      at.em,
      cap,
      at.out,
    );
    return new WasmBrandesBatch(memory, at, n, exports);
  }

  /** The engine's sums, zeroed: hand it to the batches as their `out` (copy it out before the next task reuses it). */
  sums(): Float64Array {
    return this.out.fill(0);
  }

  /**
   * The sweeps of sources first .. first + count - 1 (count 1 to 32), their dependencies added to
   * {@link WasmBrandesBatch.out}. Returns the (node, source) pairs reached, -1 when a path count
   * passed 2^24 or -2 when the level entries ran out of room (nothing added then: run the batch
   * another way).
   */
  sweeps(first: number, count: number): number {
    return this.run(first, count);
  }
}

const engineOf = enginePerKey((g: PathGraph) => WasmBrandesBatch.create(g));

/** The engine of `g` in this thread, made on first use; null: use the JavaScript kernel. Complexity: O(n + m) the first time. */
export function wasmBrandesBatchOf(g: PathGraph): WasmBrandesBatch | null {
  return wasm.on ? engineOf(g) : null;
}

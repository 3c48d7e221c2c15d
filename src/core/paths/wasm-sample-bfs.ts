/**
 * Shortest-path samples on hop counts in WebAssembly
 * The Riondato–Kornaropoulos sample of {@link samplePath} on hop counts (balanced bidirectional
 * BFS, one shortest path drawn uniformly, its interior nodes counted) compiled from sample-bfs.wat:
 * the same draws of the same generator (Mulberry32 seeded by `sampleSeed`) and the same steps in the
 * same order as the JavaScript sampler, so the same counts, without the map and bounds checks
 * optimised JavaScript spends on each typed-array access. One engine per graph pair and thread holds
 * a copy of the arcs (once when both directions are the same arrays), the per-side arrays and a
 * sums array the counts are added to (see {@link WasmSampleBfs.sums}).
 * Reference: Riondato, M. & Kornaropoulos, E. M. (2016). Data Min. Knowl. Disc. 30(2); Borassi, M. &
 * Natale, E. (2019). KADABRA. ACM J. Exp. Algorithmics 24.
 */
import type { PathGraphPair } from './approx-betweenness.js';
import { byteLayout, copyRows, enginePerKey, wasmEngine, WasmSwitch } from '../util/wasm.js';
import { SAMPLE_BFS_WASM } from './sample-bfs-wasm.js';

const wasm = new WasmSwitch();

/**
 * Test hook: sample in JavaScript instead (false), or in WebAssembly where it applies (true, the
 * default). Returns the previous setting.
 */
export function useWasmSampleBfs(on: boolean): boolean {
  return wasm.set(on);
}

/** One graph pair's sampler in this thread. Memory: the arcs (4 (n + 1) + 4 m bytes a direction) and 40 bytes a node. */
export class WasmSampleBfs {
  /** The sums each sample adds 1 to for every interior node of its path (a view of the memory). */
  readonly out: Float64Array;
  private readonly draw: (seed: number, k: number) => number;

  private constructor(out: Float64Array, draw: (seed: number, k: number) => number) {
    this.out = out;
    this.draw = draw;
  }

  /** The engine of `g` (hop counts: no lengths), or null (no WebAssembly, lengths, too large). Complexity: O(n + m). */
  static create(g: PathGraphPair): WasmSampleBfs | null {
    const { forward: f, backward: b } = g;
    if (f.lengths !== null) return null;
    const n = f.n;
    const same = f.offsets === b.offsets && f.targets === b.targets;
    const mf = f.offsets[n];
    const mb = same ? 0 : b.offsets[n];
    const layout = byteLayout({
      fo: 4 * (n + 1),
      ft: 4 * mf,
      bo: same ? 0 : 4 * (n + 1),
      bt: 4 * mb,
      hopS: 4 * n,
      hopT: 4 * n,
      sigS: 8 * n,
      sigT: 8 * n,
      qS: 4 * n,
      qT: 4 * n,
      out: 8 * n,
    });
    const made = wasmEngine(SAMPLE_BFS_WASM, layout.bytes, true);
    if (made === null) return null;
    const { memory, exports } = made;
    const buf = memory.buffer;
    copyRows(buf, layout.fo, layout.ft, n, f.offsets, f.targets);
    if (!same) copyRows(buf, layout.bo, layout.bt, n, b.offsets, b.targets);
    new Int32Array(buf, layout.hopS, n).fill(-1);
    new Int32Array(buf, layout.hopT, n).fill(-1);
    const bo = same ? layout.fo : layout.bo;
    const bt = same ? layout.ft : layout.bt;
    (exports.layout as (...a: number[]) => void)(
      layout.fo,
      layout.ft,
      bo,
      bt,
      n,
      layout.hopS,
      layout.hopT,
      layout.sigS,
      layout.sigT,
      layout.qS,
      layout.qT,
      layout.out,
    );
    return new WasmSampleBfs(new Float64Array(buf, layout.out, n), exports.sample as (seed: number, k: number) => number);
  }

  /** The engine's sums, zeroed: hand it to the samples as their `out` (copy it out before the next task reuses it). */
  sums(): Float64Array {
    return this.out.fill(0);
  }

  /** Sample `k` of stream `seed` into {@link WasmSampleBfs.out}, as `samplePath`: the path's arcs, or -1 when t is unreachable from s. */
  sample(seed: number, k: number): number {
    return this.draw(seed, k);
  }
}

const engineOf = enginePerKey((g: PathGraphPair) => WasmSampleBfs.create(g));

/** The engine of `g` in this thread, made on first use; null: sample in JavaScript. Complexity: O(n + m) the first time. */
export function wasmSampleBfsOf(g: PathGraphPair): WasmSampleBfs | null {
  return wasm.on && g.forward.lengths === null ? engineOf(g) : null;
}

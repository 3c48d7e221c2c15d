/**
 * Sparse products in WebAssembly for the calling thread
 * y = A x compiled from spmv.wat: each row's sum added in the same order as {@link spmvRows}, so the
 * same bits, without the map and bounds checks optimised JavaScript spends on each typed-array
 * access (x3.5-4 per product at 10k and 100k people, docs/benchmarks.md). The matrix is copied once
 * into the module's memory with an x and a y slot; the caller's vectors stay ordinary arrays and are
 * copied in and out around each product (O(n) against the product's O(m)).
 * Reference: Williams, S. et al. (2009). Parallel Computing 35(3), 178-194.
 */
import { byteLayout, wasmEngine, wasmModule, WasmSwitch } from '../util/wasm.js';
import { SPMV_WASM } from './spmv-wasm.js';
import type { CsrMatrix } from './spmv-kernels.js';

/** Largest memory a product engine asks for (the matrix is a copy; the threaded engine makes one too). */
const MAX_BYTES = 2 ** 30;

const wasm = new WasmSwitch();

/**
 * Test hook: multiply in JavaScript instead (false), or in WebAssembly where it applies (true, the
 * default). Returns the previous setting.
 */
export function useWasmSpmv(on: boolean): boolean {
  return wasm.set(on);
}

/** y = A x for one matrix in this thread. */
export interface WasmSpmv {
  multiply(x: Float64Array, y: Float64Array): void;
}

function layoutOf(n: number, m: number, valued: boolean) {
  return byteLayout({ offs: 4 * (n + 1), tgts: 4 * m, wts: valued ? 8 * m : 0, x: 8 * n, y: 8 * n });
}

/** Whether {@link wasmSpmv} would make a product for n rows and m stored arcs (with values or not). */
export function wasmSpmvFits(n: number, m: number, valued: boolean): boolean {
  return wasm.on && layoutOf(n, m, valued).bytes <= MAX_BYTES && wasmModule(SPMV_WASM) !== null;
}

/**
 * A WebAssembly product for `matrix` (n rows), or null (no WebAssembly, hook off, or a memory over
 * 1 GiB: 4 (n + 1) + 4 m + 8 m + 16 n bytes, about 260 MB at 1M people and 20M arcs).
 * Complexity: O(n + m) to copy the matrix.
 */
export function wasmSpmv(n: number, matrix: CsrMatrix): WasmSpmv | null {
  if (!wasm.on) return null;
  const { offsets, targets, weights } = matrix;
  const m = offsets[n] - offsets[0];
  const layout = layoutOf(n, m, weights !== null);
  const made = wasmEngine(SPMV_WASM, layout.bytes, false, MAX_BYTES);
  if (made === null) return null;
  const { memory, exports } = made;
  const buf = memory.buffer;
  // Rows from offsets[0] (a matrix may start inside its arrays): offsets rebased to 0.
  const base = offsets[0];
  const offs = new Int32Array(buf, layout.offs, n + 1);
  for (let i = 0; i <= n; i++) offs[i] = offsets[i] - base;
  new Int32Array(buf, layout.tgts, m).set(targets.subarray(base, base + m));
  if (weights !== null) new Float64Array(buf, layout.wts, m).set(weights.subarray(base, base + m));
  (exports.layout as (...a: number[]) => void)(layout.offs, layout.tgts, weights === null ? -1 : layout.wts, layout.x, layout.y, n);
  const x = new Float64Array(buf, layout.x, n);
  const y = new Float64Array(buf, layout.y, n);
  const run = exports.multiply as () => void;
  return {
    multiply(xIn: Float64Array, yOut: Float64Array): void {
      x.set(xIn.subarray(0, n));
      run();
      yOut.set(y);
    },
  };
}

/**
 * Sparse products in WebAssembly for the calling thread
 * y = A x compiled from spmv.wat: each row's sum added in the same order as {@link spmvRows}, so the
 * same bits, without the map and bounds checks optimised JavaScript spends on each typed-array
 * access (x3.5-4 per product at 10k and 100k people, docs/benchmarks.md), and the eigensolver's
 * vector passes in the order of runVectorPass. The matrix is copied once into the module's memory,
 * with `VECTOR_SLOTS` vectors the engine hands out: products and passes on those run in place;
 * a product on other arrays copies them through an x and a y slot (O(n) against the product's O(m)).
 * Reference: Williams, S. et al. (2009). Parallel Computing 35(3), 178-194.
 */
import { byteLayout, wasmEngine, wasmModule, WasmSwitch } from '../util/wasm.js';
import { SPMV_WASM } from './spmv-wasm.js';
import { PASS_SUMS, type CsrMatrix, type VectorPass } from './spmv-kernels.js';

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

/** Vectors an engine lays out in its memory (the eigensolver uses six); more are ordinary arrays. */
const VECTOR_SLOTS = 8;

/** Products with one matrix in this thread, and the eigensolver's passes on the vectors laid out in the memory. */
export interface WasmSpmv {
  /** A zeroed vector of length n in the module's memory, or null when the slots are used up. */
  vector(): Float64Array | null;
  /** y = A x; without copies when both are vectors of {@link WasmSpmv.vector}. */
  multiply(x: Float64Array, y: Float64Array): void;
  /**
   * Runs `pass` over all rows when every vector of it is one of {@link WasmSpmv.vector}'s, its sums
   * into `sums` (the slots it does not set left 0), and returns true; else false (nothing done).
   */
  pass(pass: VectorPass, sums: Float64Array): boolean;
}

function layoutOf(n: number, m: number, valued: boolean) {
  return byteLayout({
    offs: 4 * (n + 1),
    tgts: 4 * m,
    wts: valued ? 8 * m : 0,
    x: 8 * n,
    y: 8 * n,
    sums: 8 * PASS_SUMS,
    vectors: 8 * n * VECTOR_SLOTS,
  });
}

/** Whether {@link wasmSpmv} would make a product for n rows and m stored arcs (with values or not). */
export function wasmSpmvFits(n: number, m: number, valued: boolean): boolean {
  return wasm.on && layoutOf(n, m, valued).bytes <= MAX_BYTES && wasmModule(SPMV_WASM) !== null;
}

type Fn = (...a: number[]) => void;

/**
 * A WebAssembly product for `matrix` (n rows), or null (no WebAssembly, hook off, or a memory over
 * 1 GiB: 4 (n + 1) + 4 m + 8 m + 80 n bytes, about 320 MB at 1M people and 20M arcs).
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
  (exports.layout as Fn)(layout.offs, layout.tgts, weights === null ? -1 : layout.wts, n);
  const x = new Float64Array(buf, layout.x, n);
  const y = new Float64Array(buf, layout.y, n);
  const sums = new Float64Array(buf, layout.sums, PASS_SUMS);
  const multiplyAt = exports.multiply as Fn;
  let handed = 0;
  /** The byte address of `v` when it is a vector laid out in the memory, else -1. */
  const at = (v: Float64Array): number => (v.buffer === buf && v.length === n ? v.byteOffset : -1);
  const all = (vs: Float64Array[]): number[] | null => {
    const addresses = vs.map(at);
    return addresses.every((a) => a >= 0) ? addresses : null;
  };
  return {
    vector: () => (handed < VECTOR_SLOTS ? new Float64Array(buf, layout.vectors + 8 * n * handed++, n) : null),
    multiply(xIn: Float64Array, yOut: Float64Array): void {
      const ax = at(xIn);
      const ay = at(yOut);
      if (ax >= 0 && ay >= 0) {
        multiplyAt(ax, ay);
        return;
      }
      x.set(xIn.subarray(0, n));
      multiplyAt(layout.x, layout.y);
      yOut.set(y);
    },
    pass(pass: VectorPass, out: Float64Array): boolean {
      sums.fill(0);
      switch (pass.op) {
        case 'residual': {
          const a = all([pass.x, pass.ax, pass.q]);
          if (a === null) return false;
          (exports.residual as Fn)(a[0], a[1], a[2], pass.pending, pass.theta, layout.sums);
          break;
        }
        case 'orthonormalise': {
          const a = all([pass.q, pass.x, pass.p]);
          if (a === null) return false;
          (exports.orthonormalise as Fn)(a[0], a[1], a[2], pass.xr, pass.qn, pass.withP ? 1 : 0, layout.sums);
          break;
        }
        case 'pSums': {
          const a = all([pass.p, pass.x, pass.q]);
          if (a === null) return false;
          (exports.pSums as Fn)(a[0], a[1], a[2], layout.sums);
          break;
        }
        case 'productRitz': {
          const a = all([pass.q, pass.aq, pass.x, pass.ax, pass.p, pass.ap]);
          if (a === null) return false;
          // The product the pass fuses in JavaScript (the same row sums), then the rest of the pass.
          if (pass.product) multiplyAt(a[0], a[1]);
          (exports.ritz as Fn)(a[0], a[1], a[2], a[3], a[4], a[5], pass.withP ? 1 : 0, pass.px, pass.pq, layout.sums);
          break;
        }
        case 'update': {
          const a = all([pass.q, pass.aq, pass.p, pass.ap, pass.x, pass.ax]);
          if (a === null) return false;
          (exports.update as Fn)(a[0], a[1], a[2], a[3], a[4], a[5], pass.c0, pass.c1, pass.c2, layout.sums);
          break;
        }
        default:
          return false;
      }
      out.set(sums);
      return true;
    },
  };
}

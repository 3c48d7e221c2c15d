/**
 * Sparse products in WebAssembly
 * y = A x compiled from spmv.wat: each row's sum added in the same order as {@link spmvRows}, so the
 * same bits, without the map and bounds checks optimised JavaScript spends on each typed-array
 * access (x3.5-4 per product at 10k and 100k people, docs/benchmarks.md), and the eigensolver's
 * vector passes in the order of runVectorPass. The matrix is copied once into a shared memory,
 * with room for the vectors the engine hands out: products and passes on those run in place.
 * {@link wasmSpmv} is the calling thread's engine (a product on other arrays copies them through an
 * x and a y slot, O(n) against the product's O(m)); {@link wasmSpmvShared} lays out the same memory
 * for the threaded engine (./spmv.ts), whose threads each run an instance on their row range
 * ({@link wasmSpmvRows}), their partial sums side by side.
 * Reference: Williams, S. et al. (2009). Parallel Computing 35(3), 178-194.
 */
import { byteLayout, wasmEngine, wasmInstance, wasmModule, WasmSwitch, type WasmExports, type WasmMemory } from '../util/wasm.js';
import { SPMV_WASM } from './spmv-wasm.js';
import { encodePass, PASS_SUMS, type CsrMatrix, type VectorPass } from './spmv-kernels.js';

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

/** Vectors the calling thread's engine lays out in its memory (the eigensolver uses six); more are ordinary arrays. */
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

/** Byte addresses of the arrays in an engine's memory (`wts` -1: every value 1). */
export interface SpmvLayout {
  readonly n: number;
  readonly offs: number;
  readonly tgts: number;
  readonly wts: number;
  /** The copy slots of {@link wasmSpmv}'s products on other arrays. */
  readonly x: number;
  readonly y: number;
  /** PASS_SUMS f64 sums per thread, thread t's at sums + 8 PASS_SUMS t. */
  readonly sums: number;
  /** The first of the vectors handed out, n f64 each, one after another. */
  readonly vectors: number;
  readonly bytes: number;
}

function layoutOf(n: number, m: number, valued: boolean, threads: number, slots: number): SpmvLayout {
  const at = byteLayout({
    offs: 4 * (n + 1),
    tgts: 4 * m,
    wts: valued ? 8 * m : 0,
    x: 8 * n,
    y: 8 * n,
    sums: 8 * PASS_SUMS * threads,
    vectors: 8 * n * slots,
  });
  return { ...at, n, wts: valued ? at.wts : -1 };
}

type Fn = (...a: number[]) => void;

/** One instance's products and passes on the rows it was given, vectors and sums as byte addresses. */
export interface SpmvRows {
  /** y = A x on the instance's rows. */
  multiply(x: number, y: number): void;
  /**
   * `pass` on the instance's rows, its vectors at `at` (in PASS_LAYOUT order), its sums written
   * to the PASS_SUMS f64 at `sums` (the slots it does not set left as they are).
   */
  pass(pass: VectorPass, at: readonly number[], sums: number): void;
}

function rowsOf(exports: WasmExports, layout: SpmvLayout, from: number, to: number): SpmvRows {
  (exports.layout as Fn)(layout.offs, layout.tgts, layout.wts, layout.n);
  (exports.rows as Fn)(from, to);
  const multiply = exports.multiply as Fn;
  return {
    multiply,
    pass(pass, a, sums) {
      switch (pass.op) {
        case 'residual':
          return (exports.residual as Fn)(a[0], a[1], a[2], pass.pending, pass.theta, sums);
        case 'orthonormalise':
          return (exports.orthonormalise as Fn)(a[0], a[1], a[2], pass.xr, pass.qn, pass.withP ? 1 : 0, sums);
        case 'pSums':
          return (exports.pSums as Fn)(a[0], a[1], a[2], sums);
        case 'productRitz':
          // The product the pass fuses in JavaScript (the same row sums), then the rest of the pass.
          if (pass.product) multiply(a[0], a[1]);
          return (exports.ritz as Fn)(a[0], a[1], a[2], a[3], a[4], a[5], pass.withP ? 1 : 0, pass.px, pass.pq, sums);
        case 'update':
          return (exports.update as Fn)(a[0], a[1], a[2], a[3], a[4], a[5], pass.c0, pass.c1, pass.c2, sums);
      }
    },
  };
}

/** A shared memory holding `matrix` (rows rebased to 0) under `layout`, and an instance on it; null if refused. */
function matrixEngine(n: number, matrix: CsrMatrix, layout: SpmvLayout) {
  const made = wasmEngine(SPMV_WASM, layout.bytes, true, MAX_BYTES);
  if (made === null) return null;
  const { offsets, targets, weights } = matrix;
  const buf = made.memory.buffer;
  // Rows from offsets[0] (a matrix may start inside its arrays): offsets rebased to 0.
  const base = offsets[0];
  const m = offsets[n] - base;
  const offs = new Int32Array(buf, layout.offs, n + 1);
  for (let i = 0; i <= n; i++) offs[i] = offsets[i] - base;
  new Int32Array(buf, layout.tgts, m).set(targets.subarray(base, base + m));
  if (weights !== null) new Float64Array(buf, layout.wts, m).set(weights.subarray(base, base + m));
  return made;
}

/**
 * A WebAssembly product for `matrix` (n rows), or null (no WebAssembly, hook off, or a memory over
 * 1 GiB: 4 (n + 1) + 4 m + 8 m + 80 n bytes, about 320 MB at 1M people and 20M arcs).
 * Complexity: O(n + m) to copy the matrix.
 */
export function wasmSpmv(n: number, matrix: CsrMatrix): WasmSpmv | null {
  if (!wasm.on) return null;
  const layout = layoutOf(n, matrix.offsets[n] - matrix.offsets[0], matrix.weights !== null, 1, VECTOR_SLOTS);
  const made = matrixEngine(n, matrix, layout);
  if (made === null) return null;
  const buf = made.memory.buffer;
  const rows = rowsOf(made.exports, layout, 0, n);
  const x = new Float64Array(buf, layout.x, n);
  const y = new Float64Array(buf, layout.y, n);
  const sums = new Float64Array(buf, layout.sums, PASS_SUMS);
  let handed = 0;
  /** The byte address of `v` when it is a vector laid out in the memory, else -1. */
  const at = (v: Float64Array): number => (v.buffer === buf && v.length === n ? v.byteOffset : -1);
  return {
    vector: () => (handed < VECTOR_SLOTS ? new Float64Array(buf, layout.vectors + 8 * n * handed++, n) : null),
    multiply(xIn: Float64Array, yOut: Float64Array): void {
      const ax = at(xIn);
      const ay = at(yOut);
      if (ax >= 0 && ay >= 0) {
        rows.multiply(ax, ay);
        return;
      }
      x.set(xIn.subarray(0, n));
      rows.multiply(layout.x, layout.y);
      yOut.set(y);
    },
    pass(pass: VectorPass, out: Float64Array): boolean {
      const addresses = encodePass(pass).vectors.map(at);
      if (addresses.some((a) => a < 0)) return false;
      sums.fill(0);
      rows.pass(pass, addresses, layout.sums);
      out.set(sums);
      return true;
    },
  };
}

/** The memory of the threaded engine: the matrix, `slots` vectors and every thread's sums. */
export interface SharedSpmv {
  readonly memory: WasmMemory;
  readonly layout: SpmvLayout;
  /** The memory's buffer: vector slot k (k < slots) is n f64 at layout.vectors + 8 n k. */
  readonly buffer: SharedArrayBuffer;
  readonly slots: number;
  /** The matrix as laid out in the memory (rows from 0), for the JavaScript kernels. */
  readonly matrix: CsrMatrix;
  /** PASS_SUMS partial sums per thread, thread t's from t PASS_SUMS. */
  readonly partials: Float64Array;
}

/**
 * The threaded engine's memory for `matrix` (n rows) with `slots` vectors and the sums of `threads`
 * threads, or null (no WebAssembly, hook off, or over 1 GiB: then the threads run spmvRows).
 * Complexity: O(n + m) to copy the matrix.
 */
export function wasmSpmvShared(n: number, matrix: CsrMatrix, threads: number, slots: number): SharedSpmv | null {
  if (!wasm.on) return null;
  const layout = layoutOf(n, matrix.offsets[n] - matrix.offsets[0], matrix.weights !== null, threads, slots);
  const made = matrixEngine(n, matrix, layout);
  if (made === null) return null;
  const buffer = made.memory.buffer as unknown as SharedArrayBuffer;
  const m = matrix.offsets[n] - matrix.offsets[0];
  const inMemory: CsrMatrix = {
    offsets: new Int32Array(buffer, layout.offs, n + 1),
    targets: new Int32Array(buffer, layout.tgts, m),
    weights: layout.wts < 0 ? null : new Float64Array(buffer, layout.wts, m),
  };
  return {
    memory: made.memory,
    layout,
    buffer,
    slots,
    matrix: inMemory,
    partials: new Float64Array(buffer, layout.sums, threads * PASS_SUMS),
  };
}

/** This thread's instance on a {@link SharedSpmv} memory, working on rows [from, to); null if refused. */
export function wasmSpmvRows(shared: SharedSpmv, from: number, to: number): SpmvRows | null {
  const mod = wasmModule(SPMV_WASM);
  const exports = mod === null ? null : wasmInstance(mod, shared.memory);
  return exports === null ? null : rowsOf(exports, shared.layout, from, to);
}

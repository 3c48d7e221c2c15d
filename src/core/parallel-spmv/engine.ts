/**
 * Parallel sparse matrix-vector products
 * y = A x on a CSR split by rows over worker threads that share the matrix and a fixed set of
 * vectors in SharedArrayBuffers, driven synchronously with Atomics (no event loop needed).
 * Reference: Williams, S. et al. (2009). Optimization of sparse matrix-vector multiplication on
 * emerging multicore platforms. Parallel Computing 35(3), 178-194 (row partitioning by nonzeros).
 */
import { Worker } from 'node:worker_threads';

/**
 * Products with one fixed matrix A (a CSR: row i holds `targets[offsets[i] .. offsets[i+1])`
 * with `weights` at the same positions, null = every value 1).
 */
export interface SpmvEngine {
  readonly n: number;
  /** Threads taking part in a product (1 = the calling thread only). */
  readonly threads: number;
  /** A zeroed vector of length n. Products are parallel only on vectors obtained here. */
  vector(): Float64Array;
  /** y = A x, i.e. y_i = sum_p w_p x_{targets[p]} over row i. x and y must differ. */
  multiply(x: Float64Array, y: Float64Array): void;
  /** Stop the threads (idempotent). The vectors stay readable. */
  close(): void;
}

/**
 * y = A x over rows [from, to). Shared by the sequential engine; the worker source below repeats
 * the same loop (it runs as evaluated code, see {@link WORKER_SOURCE}).
 * Complexity: O(rows + their arcs).
 */
export function spmvRows(
  from: number,
  to: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  x: Float64Array,
  y: Float64Array,
): void {
  if (weights === null) {
    for (let i = from, p = offsets[from]; i < to; i++) {
      const end = offsets[i + 1];
      let sum = 0;
      for (; p < end; p++) sum += x[targets[p]];
      y[i] = sum;
    }
  } else {
    for (let i = from, p = offsets[from]; i < to; i++) {
      const end = offsets[i + 1];
      let sum = 0;
      for (; p < end; p++) sum += weights[p] * x[targets[p]];
      y[i] = sum;
    }
  }
}

/** The calling thread alone. Complexity: O(n + m) per product. */
export function sequentialEngine(n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array | null): SpmvEngine {
  return {
    n,
    threads: 1,
    vector: () => new Float64Array(n),
    multiply: (x, y) => spmvRows(0, n, offsets, targets, weights, x, y),
    close: () => undefined,
  };
}

export interface SpmvEngineOptions {
  /** Threads in all, the calling one included; values below 2 give the sequential engine. */
  readonly threads: number;
  /** How many vectors {@link SpmvEngine.vector} may hand out (shared memory is reserved up front). */
  readonly vectors: number;
}

// Control words (Int32 indices) in the shared control block.
const GENERATION = 0;
const OP = 1;
const X_SLOT = 2;
const Y_SLOT = 3;
const DONE = 4;
const READY = 5;
const FAILED = 6;
const CONTROL_WORDS = 8;
const OP_MULTIPLY = 1;
const OP_STOP = 2;

/** How long to wait for the workers to start before running sequentially instead. */
const START_TIMEOUT_MS = 20_000;

/**
 * The worker: waits on the generation word, multiplies its row range between the slots it is
 * told, counts itself done. Evaluated code (no module resolution), so it runs the same from the
 * sources, the tests and the bundles.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { control, offsets, targets, weights, vectors, n, from, to } = workerData;
const slot = (k) => new Float64Array(vectors, k * n * 8, n);
Atomics.add(control, ${READY}, 1);
Atomics.notify(control, ${READY});
let seen = 0;
for (;;) {
  Atomics.wait(control, ${GENERATION}, seen);
  seen = Atomics.load(control, ${GENERATION});
  const op = Atomics.load(control, ${OP});
  if (op === ${OP_STOP}) break;
  try {
    const x = slot(Atomics.load(control, ${X_SLOT}));
    const y = slot(Atomics.load(control, ${Y_SLOT}));
    if (weights === null) {
      for (let i = from, p = offsets[from]; i < to; i++) {
        const end = offsets[i + 1];
        let sum = 0;
        for (; p < end; p++) sum += x[targets[p]];
        y[i] = sum;
      }
    } else {
      for (let i = from, p = offsets[from]; i < to; i++) {
        const end = offsets[i + 1];
        let sum = 0;
        for (; p < end; p++) sum += weights[p] * x[targets[p]];
        y[i] = sum;
      }
    }
  } catch (e) {
    Atomics.store(control, ${FAILED}, 1);
  }
  Atomics.add(control, ${DONE}, 1);
  Atomics.notify(control, ${DONE});
}
`;

/** A copy of `a` in shared memory (itself when already shared). */
function sharedCopy<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const buffer = new SharedArrayBuffer(a.byteLength);
  const copy = (a instanceof Int32Array ? new Int32Array(buffer) : new Float64Array(buffer)) as T;
  copy.set(a);
  return copy;
}

/**
 * Row boundaries splitting the n rows into `parts` ranges of about equal work (rows + arcs):
 * boundary k is the row index whose prefix work i + offsets[i] is nearest k / parts of the total.
 * Complexity: O(parts log n).
 */
export function balancedRowSplit(n: number, offsets: Int32Array, parts: number): Int32Array {
  const bounds = new Int32Array(parts + 1);
  const total = n + offsets[n] - offsets[0];
  for (let k = 1; k < parts; k++) {
    const goal = (total * k) / parts;
    let lo = bounds[k - 1];
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (mid + offsets[mid] - offsets[0] < goal) lo = mid + 1;
      else hi = mid;
    }
    // The boundary whose prefix work is nearest the goal (lo reaches it, lo - 1 falls short).
    const work = (i: number) => i + offsets[i] - offsets[0];
    bounds[k] = lo > bounds[k - 1] && goal - work(lo - 1) < work(lo) - goal ? lo - 1 : lo;
  }
  bounds[parts] = n;
  return bounds;
}

/**
 * An engine splitting each product over `threads` threads (the caller takes the first row range
 * and blocks on Atomics for the others). The matrix is copied once into shared memory (about
 * 12 bytes per arc, 4 when unweighted) for the engine's lifetime; `vectors` vectors of n doubles
 * are reserved. Falls back to {@link sequentialEngine} when threads cannot start. Products give
 * the same bits as the sequential engine (each row is summed by one thread in the same order).
 * Complexity: O((n + m) / threads) per product, plus O(n + m) once for the copy.
 */
export function parallelEngine(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  options: SpmvEngineOptions,
): SpmvEngine {
  const threads = Math.max(1, Math.floor(options.threads));
  if (threads < 2 || n < threads) return sequentialEngine(n, offsets, targets, weights);
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  const sOffsets = sharedCopy(offsets);
  const sTargets = sharedCopy(targets);
  const sWeights = weights === null ? null : sharedCopy(weights);
  const vectors = new SharedArrayBuffer(Math.max(1, options.vectors) * n * 8);
  const bounds = balancedRowSplit(n, offsets, threads);
  const workers: Worker[] = [];
  try {
    for (let k = 1; k < threads; k++) {
      const workerData = { control, offsets: sOffsets, targets: sTargets, weights: sWeights, vectors, n, from: bounds[k], to: bounds[k + 1] };
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData });
      w.unref();
      workers.push(w);
    }
  } catch {
    for (const w of workers) void w.terminate();
    return sequentialEngine(n, offsets, targets, weights);
  }
  // Wait (blocking) until every worker is listening.
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let ready = Atomics.load(control, READY); ready < threads - 1; ready = Atomics.load(control, READY)) {
    const left = deadline - Date.now();
    if (left <= 0 || Atomics.wait(control, READY, ready, left) === 'timed-out') {
      for (const w of workers) void w.terminate();
      return sequentialEngine(n, offsets, targets, weights);
    }
  }
  let handed = 0;
  let closed = false;
  const slotOf = (v: Float64Array): number =>
    v.buffer === vectors && v.length === n && v.byteOffset % (n * 8) === 0 ? v.byteOffset / (n * 8) : -1;
  const close = () => {
    if (closed) return;
    closed = true;
    Atomics.store(control, OP, OP_STOP);
    Atomics.add(control, GENERATION, 1);
    Atomics.notify(control, GENERATION);
  };
  return {
    n,
    threads,
    vector: () => {
      if (handed >= options.vectors) return new Float64Array(n);
      return new Float64Array(vectors, handed++ * n * 8, n);
    },
    multiply: (x, y) => {
      const xs = slotOf(x);
      const ys = slotOf(y);
      if (closed || xs < 0 || ys < 0 || Atomics.load(control, FAILED) !== 0) {
        spmvRows(0, n, offsets, targets, weights, x, y);
        return;
      }
      Atomics.store(control, DONE, 0);
      Atomics.store(control, OP, OP_MULTIPLY);
      Atomics.store(control, X_SLOT, xs);
      Atomics.store(control, Y_SLOT, ys);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      spmvRows(0, bounds[1], sOffsets, sTargets, sWeights, x, y);
      for (let done = Atomics.load(control, DONE); done < threads - 1; done = Atomics.load(control, DONE)) {
        Atomics.wait(control, DONE, done);
      }
      if (Atomics.load(control, FAILED) !== 0) spmvRows(bounds[1], n, offsets, targets, weights, x, y);
    },
    close,
  };
}

/** Matrices with fewer stored arcs than this are multiplied in the calling thread (threads would not pay). */
export const PARALLEL_MIN_ARCS = 2_000_000;

/**
 * The engine worth using: {@link parallelEngine} with `threads` threads when the matrix has at
 * least {@link PARALLEL_MIN_ARCS} arcs and threads > 1, else {@link sequentialEngine}.
 * Callers must `close()` it.
 */
export function spmvEngine(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  options: SpmvEngineOptions,
): SpmvEngine {
  const arcs = offsets[n] - offsets[0];
  if (options.threads < 2 || arcs < PARALLEL_MIN_ARCS) return sequentialEngine(n, offsets, targets, weights);
  return parallelEngine(n, offsets, targets, weights, options);
}

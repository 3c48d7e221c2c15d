/**
 * Parallel sparse matrix-vector products
 * y = A x on a CSR split by rows over worker threads that share the matrix and a fixed set of
 * vectors in SharedArrayBuffers, driven synchronously with Atomics (no event loop needed); the
 * same threads run fused vector passes (updates plus dot products, partial sums per thread added
 * in a fixed order) so that iterative solvers do no single-threaded O(n) work per step.
 * Reference: Williams, S. et al. (2009). Optimization of sparse matrix-vector multiplication on
 * emerging multicore platforms. Parallel Computing 35(3), 178-194 (row partitioning by nonzeros).
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

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
  /**
   * One fused pass of {@link VectorPass} `pass` over all rows, each thread on its row range:
   * `v` the vectors it reads and writes, `s` its scalars (see VECTOR_PASS_SOURCE for both), and
   * `sums` (length 8) receives its sums, each the per-thread partial sums added in thread order
   * (so bit-identical for a given thread count). Parallel only on vectors obtained here.
   */
  pass(pass: VectorPass, v: readonly Float64Array[], s: readonly number[], sums: Float64Array): void;
  /** Stop the threads (idempotent). The vectors stay readable. */
  close(): void;
}

/**
 * y = A x over rows [from, to): the one row loop, as source text so that the calling thread (via
 * {@link spmvRows}) and the workers (inside {@link WORKER_SOURCE}) compile the very same code.
 */
const SPMV_ROWS_SOURCE = `
function spmvRows(from, to, offsets, targets, weights, x, y) {
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
`;

/**
 * y = A x over rows [from, to), y_i = sum_p w_p x_{targets[p]} (w = 1 when `weights` is null).
 * Complexity: O(rows + their arcs).
 */
export const spmvRows = new Function(`${SPMV_ROWS_SOURCE}\nreturn spmvRows;`)() as (
  from: number,
  to: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  x: Float64Array,
  y: Float64Array,
) => void;

/** Fused vector passes over a row range, for LOPCG; see {@link VECTOR_PASS_SOURCE}. */
export const VectorPass = Object.freeze({
  /** v = [x, ax, q], s = [pending, theta]: x *= pending, ax *= pending, q = ax - theta x; sums [q.q, x.q]. */
  residual: 1,
  /** v = [q, x, p], s = [xr, qn, withP]: q = (q - xr x) / qn; sums [p.x, p.q, p.p] when withP. */
  orthonormalise: 2,
  /**
   * v = [q, aq, x, ax, p, ap], s = [product, withP, px, pq]: aq = A q first when product (row by
   * row), then when withP p -= px x + pq q, ap -= px ax + pq aq; sums [p.p, x.aq, q.aq, x.ap, q.ap, p.ap].
   */
  productRitz: 3,
  /** v = [p, x, q]: sums [p.x, p.q, p.p]. */
  pSums: 4,
  /** v = [q, aq, p, ap, x, ax], s = [c0, c1, c2]: p = c1 q + c2 p, ap likewise, x = c0 x + p, ax likewise; sums [x.x, x.ax]. */
  update: 5,
});
export type VectorPass = (typeof VectorPass)[keyof typeof VectorPass];

/**
 * The passes as plain JavaScript, evaluated once in the calling thread and once in every worker
 * so that all threads run exactly the same arithmetic: `vectorPass(op, from, to, v, s, out,
 * offsets, targets, weights)` over rows [from, to), partial sums into out[0..8).
 */
const VECTOR_PASS_SOURCE = `
function residualPass(from, to, x, ax, q, pending, theta, out) {
  let rr = 0;
  let xr = 0;
  for (let i = from; i < to; i++) {
    const xi = x[i] * pending;
    const axi = ax[i] * pending;
    x[i] = xi;
    ax[i] = axi;
    const r = axi - theta * xi;
    q[i] = r;
    rr += r * r;
    xr += xi * r;
  }
  out[0] = rr;
  out[1] = xr;
}
function orthonormalisePass(from, to, q, x, p, xr, qn, withP, out) {
  if (!withP) {
    for (let i = from; i < to; i++) q[i] = (q[i] - xr * x[i]) / qn;
    return;
  }
  let px = 0;
  let pq = 0;
  let pp = 0;
  for (let i = from; i < to; i++) {
    const qi = (q[i] - xr * x[i]) / qn;
    q[i] = qi;
    const pi = p[i];
    px += pi * x[i];
    pq += pi * qi;
    pp += pi * pi;
  }
  out[0] = px;
  out[1] = pq;
  out[2] = pp;
}
function pSumsPass(from, to, p, x, q, out) {
  let px = 0;
  let pq = 0;
  let pp = 0;
  for (let i = from; i < to; i++) {
    const pi = p[i];
    px += pi * x[i];
    pq += pi * q[i];
    pp += pi * pi;
  }
  out[0] = px;
  out[1] = pq;
  out[2] = pp;
}
function productRitzPass(from, to, q, aq, x, ax, p, ap, product, withP, px, pq, out, offsets, targets, weights) {
  let after = 0;
  let xaq = 0;
  let qaq = 0;
  let xap = 0;
  let qap = 0;
  let pap = 0;
  for (let i = from, k = offsets[from]; i < to; i++) {
    let aqi;
    if (product) {
      const end = offsets[i + 1];
      let sum = 0;
      if (weights === null) for (; k < end; k++) sum += q[targets[k]];
      else for (; k < end; k++) sum += weights[k] * q[targets[k]];
      aq[i] = sum;
      aqi = sum;
    } else {
      aqi = aq[i];
    }
    const xi = x[i];
    const qi = q[i];
    xaq += xi * aqi;
    qaq += qi * aqi;
    if (withP) {
      const pi = p[i] - px * xi - pq * qi;
      p[i] = pi;
      const api = ap[i] - (px * ax[i] + pq * aqi);
      ap[i] = api;
      after += pi * pi;
      xap += xi * api;
      qap += qi * api;
      pap += pi * api;
    }
  }
  out[0] = after;
  out[1] = xaq;
  out[2] = qaq;
  out[3] = xap;
  out[4] = qap;
  out[5] = pap;
}
function updatePass(from, to, q, aq, p, ap, x, ax, c0, c1, c2, out) {
  let xx = 0;
  let xax = 0;
  for (let i = from; i < to; i++) {
    const pi = c1 * q[i] + c2 * p[i];
    const api = c1 * aq[i] + c2 * ap[i];
    p[i] = pi;
    ap[i] = api;
    const xi = c0 * x[i] + pi;
    const axi = c0 * ax[i] + api;
    x[i] = xi;
    ax[i] = axi;
    xx += xi * xi;
    xax += xi * axi;
  }
  out[0] = xx;
  out[1] = xax;
}
function vectorPass(op, from, to, v, s, out, offsets, targets, weights) {
  switch (op) {
    case ${VectorPass.residual}: residualPass(from, to, v[0], v[1], v[2], s[0], s[1], out); break;
    case ${VectorPass.orthonormalise}: orthonormalisePass(from, to, v[0], v[1], v[2], s[0], s[1], s[2] !== 0, out); break;
    case ${VectorPass.productRitz}: productRitzPass(from, to, v[0], v[1], v[2], v[3], v[4], v[5], s[0] !== 0, s[1] !== 0, s[2], s[3], out, offsets, targets, weights); break;
    case ${VectorPass.pSums}: pSumsPass(from, to, v[0], v[1], v[2], out); break;
    case ${VectorPass.update}: updatePass(from, to, v[0], v[1], v[2], v[3], v[4], v[5], s[0], s[1], s[2], out); break;
    default: throw new Error('unknown vector pass');
  }
}
`;

type VectorPassFn = (
  op: number,
  from: number,
  to: number,
  v: readonly Float64Array[],
  s: ArrayLike<number>,
  out: Float64Array,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
) => void;

/** The passes compiled in this thread (once, on first use). */
let localVectorPass: VectorPassFn | null = null;
function vectorPassFn(): VectorPassFn {
  localVectorPass ??= new Function(`${VECTOR_PASS_SOURCE}\nreturn vectorPass;`)() as VectorPassFn;
  return localVectorPass;
}

/** Sums slots per pass (partial sums of one thread). */
const PASS_SUMS = 8;

/** The calling thread alone. Complexity: O(n + m) per product. */
export function sequentialEngine(n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array | null): SpmvEngine {
  return {
    n,
    threads: 1,
    vector: () => new Float64Array(n),
    multiply: (x, y) => spmvRows(0, n, offsets, targets, weights, x, y),
    pass: (op, v, s, sums) => {
      sums.fill(0);
      vectorPassFn()(op, 0, n, v, s, sums, offsets, targets, weights);
    },
    close: () => undefined,
  };
}

export interface SpmvEngineOptions {
  /** Threads in all, the calling one included; values below 2 give the sequential engine. */
  readonly threads: number;
  /**
   * How many vectors {@link SpmvEngine.vector} hands out from one block reserved up front; more
   * are allocated (and sent to the threads) one by one.
   */
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
const PASS = 7;
/** Words SLOTS .. SLOTS + 7: the vector slots of a pass. */
const SLOTS = 8;
const CONTROL_WORDS = 16;
const OP_MULTIPLY = 1;
const OP_STOP = 2;
const OP_PASS = 3;
/** Scalars of a pass, at most. */
const PASS_SCALARS = 8;

/** How long to wait for the workers to start before running sequentially instead. */
const START_TIMEOUT_MS = 20_000;

/**
 * The worker: waits on the generation word, multiplies its row range between the slots it is
 * told, counts itself done. Evaluated code (no module resolution), so it runs the same from the
 * sources, the tests and the bundles.
 */
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const { control, offsets, targets, weights, vectors, reserved, n, from, to, port, scalars, partials, index } = workerData;
${VECTOR_PASS_SOURCE}
${SPMV_ROWS_SOURCE}
const views = [];
for (let k = 0; k < reserved; k++) views.push(new Float64Array(vectors, k * n * 8, n));
const slot = (k) => {
  while (views[k] === undefined) {
    const m = receiveMessageOnPort(port);
    if (m === undefined) throw new Error('unknown vector slot');
    views[m.message.slot] = new Float64Array(m.message.buffer, 0, n);
  }
  return views[k];
};
const out = new Float64Array(partials, index * ${PASS_SUMS} * 8, ${PASS_SUMS});
const v = [];
Atomics.add(control, ${READY}, 1);
Atomics.notify(control, ${READY});
let seen = 0;
for (;;) {
  Atomics.wait(control, ${GENERATION}, seen);
  seen = Atomics.load(control, ${GENERATION});
  const op = Atomics.load(control, ${OP});
  if (op === ${OP_STOP}) break;
  try {
    if (op === ${OP_PASS}) {
      v.length = 0;
      for (let k = 0; k < 8; k++) {
        const sl = Atomics.load(control, ${SLOTS} + k);
        if (sl < 0) break;
        v.push(slot(sl));
      }
      out.fill(0);
      vectorPass(Atomics.load(control, ${PASS}), from, to, v, scalars, out, offsets, targets, weights);
    } else {
      spmvRows(from, to, offsets, targets, weights, slot(Atomics.load(control, ${X_SLOT})), slot(Atomics.load(control, ${Y_SLOT})));
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
  const reserved = Math.max(1, options.vectors);
  const vectors = new SharedArrayBuffer(reserved * n * 8);
  const scalars = new Float64Array(new SharedArrayBuffer(PASS_SCALARS * 8));
  const partials = new Float64Array(new SharedArrayBuffer(threads * PASS_SUMS * 8));
  const bounds = balancedRowSplit(n, offsets, threads);
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  try {
    for (let k = 1; k < threads; k++) {
      const { port1, port2 } = new MessageChannel();
      port1.unref();
      ports.push(port1);
      const workerData = {
        control,
        offsets: sOffsets,
        targets: sTargets,
        weights: sWeights,
        vectors,
        reserved,
        n,
        from: bounds[k],
        to: bounds[k + 1],
        port: port2,
        scalars,
        partials: partials.buffer,
        index: k,
      };
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2] });
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
  /** Slots of the vectors allocated beyond the reserved block, by their buffer. */
  const extra = new Map<ArrayBufferLike, number>();
  const slotOf = (v: Float64Array): number => {
    if (v.length !== n) return -1;
    if (v.buffer === vectors) return v.byteOffset % (n * 8) === 0 ? v.byteOffset / (n * 8) : -1;
    return v.byteOffset === 0 ? (extra.get(v.buffer) ?? -1) : -1;
  };
  const run = vectorPassFn();
  const mine = new Float64Array(partials.buffer, 0, PASS_SUMS);
  /** Sets the control words of a pass over `v`; false when some vector is not the engine's. */
  const passSlots = (v: readonly Float64Array[]): boolean => {
    if (v.length > 8) return false;
    for (let k = 0; k < 8; k++) {
      const sl = k < v.length ? slotOf(v[k]) : -1;
      if (k < v.length && sl < 0) return false;
      Atomics.store(control, SLOTS + k, sl);
    }
    return true;
  };
  const close = () => {
    if (closed) return;
    closed = true;
    for (const port of ports) port.close();
    Atomics.store(control, OP, OP_STOP);
    Atomics.add(control, GENERATION, 1);
    Atomics.notify(control, GENERATION);
  };
  return {
    n,
    threads,
    vector: () => {
      if (handed < reserved) return new Float64Array(vectors, handed++ * n * 8, n);
      const buffer = new SharedArrayBuffer(n * 8);
      const slot = handed++;
      extra.set(buffer, slot);
      if (!closed) for (const port of ports) port.postMessage({ slot, buffer });
      return new Float64Array(buffer);
    },
    pass: (op, v, s, sums) => {
      if (closed || s.length > PASS_SCALARS || Atomics.load(control, FAILED) !== 0 || !passSlots(v)) {
        sums.fill(0);
        run(op, 0, n, v, s, sums, offsets, targets, weights);
        return;
      }
      scalars.fill(0);
      scalars.set(s);
      Atomics.store(control, DONE, 0);
      Atomics.store(control, OP, OP_PASS);
      Atomics.store(control, PASS, op);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      mine.fill(0);
      run(op, 0, bounds[1], v, scalars, mine, sOffsets, sTargets, sWeights);
      for (let done = Atomics.load(control, DONE); done < threads - 1; done = Atomics.load(control, DONE)) {
        Atomics.wait(control, DONE, done);
      }
      if (Atomics.load(control, FAILED) !== 0) {
        // NOTE: a worker failed part-way; its rows may be half-updated, so the pass cannot be
        // redone safely for in-place updates. Report NaN sums: the caller's checks stop on them.
        sums.fill(NaN);
        return;
      }
      for (let j = 0; j < PASS_SUMS; j++) {
        let sum = partials[j];
        for (let t = 1; t < threads; t++) sum += partials[t * PASS_SUMS + j];
        sums[j] = sum;
      }
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

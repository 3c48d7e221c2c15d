/**
 * Parallel sparse matrix-vector products
 * y = A x on a CSR split by rows over worker threads that share the matrix and a fixed set of
 * vectors in SharedArrayBuffers, driven synchronously with Atomics (no event loop needed between
 * products); the same threads run fused vector passes (updates plus dot products, partial sums
 * per thread added in a fixed order) so that iterative solvers do no single-threaded O(n) work per
 * step. Every thread runs the kernels of ./spmv-kernels.ts; the workers are the package's worker
 * entry (./worker.ts, job 'spmv', loop in ./spmv-worker.ts).
 * Reference: Williams, S. et al. (2009). Optimization of sparse matrix-vector multiplication on
 * emerging multicore platforms. Parallel Computing 35(3), 178-194 (row partitioning by nonzeros).
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import {
  encodePass,
  PASS_MAX_SCALARS,
  PASS_MAX_VECTORS,
  PASS_SUMS,
  runVectorPass,
  spmvRows,
  type CsrMatrix,
  type VectorPass,
} from './spmv-kernels.js';
import { shared, startWorker, WorkerError, type WorkerJob } from './threads.js';
import { wasmSpmv, wasmSpmvRows, wasmSpmvShared, type SharedSpmv } from './wasm-spmv.js';

/** Products with one fixed matrix A (see {@link CsrMatrix}). */
export interface SpmvEngine {
  readonly n: number;
  /** Threads taking part in a product (1 = the calling thread only). */
  readonly threads: number;
  /** A zeroed vector of length n. Products are parallel only on vectors obtained here. */
  vector(): Float64Array;
  /** y = A x, i.e. y_i = sum_p w_p x_{targets[p]} over row i. x and y must differ. */
  multiply(x: Float64Array, y: Float64Array): void;
  /**
   * One fused pass over all rows, each thread on its row range; `sums` (length 8) receives the
   * pass's sums, each the per-thread partial sums added in thread order (so bit-identical for a
   * given thread count). Parallel only when every vector of the pass was obtained here.
   * Throws {@link WorkerError} with the worker's message when a worker fails (the engine closes).
   */
  pass(pass: VectorPass, sums: Float64Array): void;
  /** Stop the threads (idempotent). The vectors stay readable; later calls run in this thread. */
  close(): void;
}

/**
 * The calling thread alone: products in WebAssembly where it runs (wasm-spmv.ts: the same bits as
 * spmvRows, which runs otherwise), and the vector passes too when their vectors were handed out
 * here (laid out in the module's memory; the same sums as runVectorPass). Complexity: O(n + m) per product,
 * and O(n + m) once to copy the matrix for WebAssembly.
 */
export function sequentialEngine(n: number, matrix: CsrMatrix): SpmvEngine {
  const wasm = wasmSpmv(n, matrix);
  return {
    n,
    threads: 1,
    vector: () => wasm?.vector() ?? new Float64Array(n),
    multiply: wasm === null ? (x, y) => spmvRows(0, n, matrix, x, y) : (x, y) => wasm.multiply(x, y),
    pass: (pass, sums) => {
      sums.fill(0);
      if (wasm === null || !wasm.pass(pass, sums)) runVectorPass(pass, 0, n, matrix, sums);
    },
    close: () => undefined,
  };
}

export interface SpmvEngineOptions {
  /** Threads in all, the calling one included (already capped by the caller); below 2 = sequential. */
  readonly threads: number;
  /**
   * How many vectors {@link SpmvEngine.vector} hands out from one block reserved up front; more
   * are allocated (and sent to the threads) one by one.
   */
  readonly vectors: number;
}

/** Control words (Int32 indices) in the shared control block. */
export const CONTROL = Object.freeze({
  generation: 0,
  op: 1,
  xSlot: 2,
  ySlot: 3,
  done: 4,
  failed: 5,
  pass: 6,
  /** Words slots .. slots + PASS_MAX_VECTORS - 1: the vector slots of a pass. */
  slots: 8,
  words: 8 + PASS_MAX_VECTORS,
});
/** Values of the `op` control word. */
export const SPMV_OP = Object.freeze({ multiply: 1, stop: 2, pass: 3 });

/** What an spmv worker receives as `workerData` (job 'spmv'). */
export type SpmvWorkerData = WorkerJob<
  'spmv',
  {
    readonly control: Int32Array;
    readonly matrix: CsrMatrix;
    /** The reserved block of vectors, `reserved` vectors of n doubles from byte `vectorsAt`. */
    readonly vectors: SharedArrayBuffer;
    readonly vectorsAt: number;
    readonly reserved: number;
    /**
     * The WebAssembly memory holding the matrix, the reserved vectors (`vectors` is its buffer) and
     * the partial sums, or null: the threads then run the JavaScript kernels.
     */
    readonly wasm: SharedSpmv | null;
    readonly n: number;
    /** This worker's row range. */
    readonly from: number;
    readonly to: number;
    /** Extra vectors arrive here ({ slot, buffer }); the worker's error message is posted back on it. */
    readonly port: MessagePort;
    /** The scalars of the current pass. */
    readonly scalars: Float64Array;
    /** PASS_SUMS partial sums per thread. */
    readonly partials: Float64Array;
    /** This worker's thread index (1-based; the caller is 0). */
    readonly index: number;
  }
>;

/** Messages from an spmv worker on its port. */
export type SpmvWorkerMessage = { readonly type: 'error'; readonly message: string };

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
 * Start `threads - 1` workers and wait (without blocking the event loop) until each has loaded;
 * a worker that fails to start rejects with a {@link WorkerError} carrying its message.
 */
function startAll(datas: SpmvWorkerData[]): Promise<Worker[]> {
  const workers: Worker[] = [];
  return new Promise<Worker[]>((resolve, reject) => {
    let ready = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      reject(
        e instanceof WorkerError ? e : new WorkerError(`orgraph worker failed to start: ${e instanceof Error ? e.message : String(e)}`),
      );
    };
    try {
      for (const data of datas) {
        const w = startWorker(data, [data.port]);
        workers.push(w);
        w.once('message', (m: { type?: string }) => {
          if (m?.type !== 'ready' || settled) return;
          if (++ready === datas.length) {
            settled = true;
            // NOTE: 'error' stays listened to (a no-op once settled) so a late worker error cannot crash the process.
            for (const x of workers) x.removeAllListeners('exit');
            resolve(workers);
          }
        });
        w.on('error', fail);
        w.on('exit', (code) => fail(new WorkerError(`orgraph worker exited with code ${code} while starting`)));
      }
    } catch (e) {
      fail(e);
    }
  });
}

/**
 * An engine splitting each product over `threads` threads (the caller takes the first row range
 * and blocks on Atomics for the others). The matrix is copied once into shared memory (about
 * 12 bytes per arc, 4 when unweighted), into a WebAssembly memory where it runs (wasm-spmv.ts:
 * every thread then runs the module's products and passes on its row range, reading one copy);
 * `vectors` vectors of n doubles are reserved (at least 8 in WebAssembly, the eigensolver's six
 * among them). Products give the same bits as the sequential engine (each row is summed by one
 * thread in the same order); a pass gives the same bits in WebAssembly as in JavaScript for a
 * given thread count. Rejects with {@link WorkerError} when a worker cannot start (no silent fallback).
 * Complexity: O((n + m) / threads) per product, plus O(n + m) once for the copy.
 */
export async function parallelEngine(n: number, matrix: CsrMatrix, options: SpmvEngineOptions): Promise<SpmvEngine> {
  const threads = Math.max(1, Math.floor(options.threads));
  if (threads < 2 || n < threads) return sequentialEngine(n, matrix);
  const control = new Int32Array(new SharedArrayBuffer(CONTROL.words * 4));
  const wasm = wasmSpmvShared(n, matrix, threads, Math.max(8, options.vectors));
  const sm: CsrMatrix = wasm?.matrix ?? {
    offsets: shared(matrix.offsets),
    targets: shared(matrix.targets),
    weights: matrix.weights === null ? null : shared(matrix.weights),
  };
  const reserved = wasm?.slots ?? Math.max(1, options.vectors);
  const vectors = wasm?.buffer ?? new SharedArrayBuffer(reserved * n * 8);
  const vectorsAt = wasm?.layout.vectors ?? 0;
  const scalars = new Float64Array(new SharedArrayBuffer(PASS_MAX_SCALARS * 8));
  const partials = wasm?.partials ?? new Float64Array(new SharedArrayBuffer(threads * PASS_SUMS * 8));
  const bounds = balancedRowSplit(n, matrix.offsets, threads);
  const rows = wasm === null ? null : wasmSpmvRows(wasm, 0, bounds[1]);
  const ports: MessagePort[] = [];
  const datas: SpmvWorkerData[] = [];
  for (let k = 1; k < threads; k++) {
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    ports.push(port1);
    datas.push({
      job: 'spmv',
      control,
      matrix: sm,
      vectors,
      vectorsAt,
      reserved,
      wasm: rows === null ? null : wasm,
      n,
      from: bounds[k],
      to: bounds[k + 1],
      port: port2,
      scalars,
      partials,
      index: k,
    });
  }
  let workers: Worker[];
  try {
    workers = await startAll(datas);
  } catch (e) {
    for (const port of ports) port.close();
    throw e;
  }
  for (const w of workers) w.unref();
  let handed = 0;
  let closed = false;
  /** Slots of the vectors allocated beyond the reserved block, by their buffer. */
  const extra = new Map<ArrayBufferLike, number>();
  const slotOf = (v: Float64Array): number => {
    if (v.length !== n) return -1;
    const at = v.byteOffset - vectorsAt;
    if (v.buffer === vectors) return at >= 0 && at % (n * 8) === 0 && at < reserved * n * 8 ? at / (n * 8) : -1;
    return v.byteOffset === 0 ? (extra.get(v.buffer) ?? -1) : -1;
  };
  /** Byte addresses of slots in the WebAssembly memory, or null when one lies outside it (or no WebAssembly). */
  const addressesOf = (slots: number[]): number[] | null =>
    rows === null || slots.some((k) => k >= reserved) ? null : slots.map((k) => vectorsAt + k * n * 8);
  const mine = partials.subarray(0, PASS_SUMS);
  const close = () => {
    if (closed) return;
    closed = true;
    Atomics.store(control, CONTROL.op, SPMV_OP.stop);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    for (const port of ports) port.close();
  };
  /** Start a generation of work on the workers. */
  const go = (op: number) => {
    Atomics.store(control, CONTROL.done, 0);
    Atomics.store(control, CONTROL.op, op);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
  };
  /** Wait for every worker; on a failure, close and throw the first worker's message. */
  const join = () => {
    for (let done = Atomics.load(control, CONTROL.done); done < threads - 1; done = Atomics.load(control, CONTROL.done)) {
      Atomics.wait(control, CONTROL.done, done);
    }
    if (Atomics.load(control, CONTROL.failed) === 0) return;
    const messages: string[] = [];
    for (const port of ports) {
      const m = receiveMessageOnPort(port)?.message as SpmvWorkerMessage | undefined;
      if (m?.type === 'error') messages.push(m.message);
    }
    close();
    for (const w of workers) void w.terminate();
    throw new WorkerError(`orgraph worker failed: ${messages[0] ?? 'no message'}`);
  };
  return {
    n,
    threads,
    vector: () => {
      if (handed < reserved) return new Float64Array(vectors, vectorsAt + handed++ * n * 8, n);
      const buffer = new SharedArrayBuffer(n * 8);
      const slot = handed++;
      extra.set(buffer, slot);
      if (!closed) for (const port of ports) port.postMessage({ slot, buffer });
      return new Float64Array(buffer);
    },
    pass: (pass, sums) => {
      const { opNumber, vectors: vs, scalars: ss } = encodePass(pass);
      const slots = vs.map(slotOf);
      if (closed || slots.some((s) => s < 0)) {
        // NOTE: vectors not from this engine (or a closed engine): the whole pass in this thread.
        sums.fill(0);
        runVectorPass(pass, 0, n, matrix, sums);
        return;
      }
      for (let k = 0; k < PASS_MAX_VECTORS; k++) Atomics.store(control, CONTROL.slots + k, k < slots.length ? slots[k] : -1);
      scalars.fill(0);
      scalars.set(ss);
      Atomics.store(control, CONTROL.pass, opNumber);
      go(SPMV_OP.pass);
      mine.fill(0);
      const at = addressesOf(slots);
      if (rows !== null && at !== null) rows.pass(pass, at, mine.byteOffset);
      else runVectorPass(pass, 0, bounds[1], sm, mine);
      join();
      for (let j = 0; j < PASS_SUMS; j++) {
        let sum = partials[j];
        for (let t = 1; t < threads; t++) sum += partials[t * PASS_SUMS + j];
        sums[j] = sum;
      }
    },
    multiply: (x, y) => {
      const xs = slotOf(x);
      const ys = slotOf(y);
      if (closed || xs < 0 || ys < 0) {
        spmvRows(0, n, matrix, x, y);
        return;
      }
      Atomics.store(control, CONTROL.xSlot, xs);
      Atomics.store(control, CONTROL.ySlot, ys);
      go(SPMV_OP.multiply);
      const at = addressesOf([xs, ys]);
      if (rows !== null && at !== null) rows.multiply(at[0], at[1]);
      else spmvRows(0, bounds[1], sm, x, y);
      join();
    },
    close,
  };
}

/** Matrices with fewer stored arcs than this are multiplied in the calling thread (threads would not pay). */
export const PARALLEL_MIN_ARCS = 2_000_000;

/**
 * The engine worth using: {@link parallelEngine} with `threads` threads when the matrix has at
 * least {@link PARALLEL_MIN_ARCS} arcs (or `minArcs`) and threads > 1, else {@link sequentialEngine}.
 * Both multiply in WebAssembly where it runs, so threads pay from 2 cores: at the generated 1M-person
 * org on 2 cores, PageRank 2.0-2.6 s on two threads against 3.0-3.3 s on one, eigenvector 4.2 s
 * against 6.3 s (docs/benchmarks.md, session 18). Callers must `close()` it.
 */
export async function spmvEngine(
  n: number,
  matrix: CsrMatrix,
  options: SpmvEngineOptions & { readonly minArcs?: number },
): Promise<SpmvEngine> {
  const arcs = matrix.offsets[n] - matrix.offsets[0];
  if (options.threads < 2 || arcs < (options.minArcs ?? PARALLEL_MIN_ARCS)) return sequentialEngine(n, matrix);
  return parallelEngine(n, matrix, options);
}

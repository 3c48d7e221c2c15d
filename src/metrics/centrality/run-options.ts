/**
 * The one API contract of the heavy metrics
 * Every heavy metric (betweenness, betweennessApprox, closeness, harmonic, pagerank, eigenvector,
 * katz) is async and takes {@link RunOptions}; its `xSync` twin runs in the calling thread, never
 * starts threads, and takes the same options minus `workers` and `signal`. This module holds the
 * shared options type and the plumbing of the spectral metrics (matrix-product engine on threads).
 * Reference: Node.js worker_threads; see docs/architecture.md, "Threads and the heavy-metric contract".
 */
import { sequentialEngine, spmvEngine, type SpmvEngine } from '../../core/parallel/spmv.js';
import type { CsrMatrix } from '../../core/parallel/spmv-kernels.js';
import type { LengthTransform } from '../../core/graph/csr.js';
import { checkSignal, checkedThreads, mapAbort } from './path-common.js';

/** Options every heavy metric takes. */
export interface RunOptions {
  /**
   * Worker threads. @defaultValue os.availableParallelism() (all cores; small inputs run in the
   * calling thread, where threads would not pay). Capped at os.availableParallelism(), with a
   * process warning (ORGRAPH_WORKERS_LOWERED) when a request is lowered; 1 = this thread only.
   */
  readonly workers?: number;
  /** Abort the run: the promise rejects with OrgraphError `E_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Called as the work advances: (units done, units in total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Options every shortest-path centrality takes (betweenness, closeness, harmonic): how tie values
 * become path lengths, plus the {@link RunOptions} of every heavy metric.
 */
export interface PathMetricOptions extends RunOptions {
  /** Read tie values as strengths turned into lengths by `length`; false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** How a tie strength becomes a path length. @defaultValue 'inverse' (d = 1 / w) */
  readonly length?: LengthTransform;
}

/** Options of a `xSync` variant: those of the async metric minus `workers` and `signal`. */
export type SyncOptions<O> = Omit<O, 'workers' | 'signal'>;

/**
 * Run a spectral computation on an engine for `matrix`: on `workers` threads when given, by
 * default on every core when the matrix is large enough (see PARALLEL_MIN_ARCS), else the calling
 * thread; the engine is closed afterwards. Progress is
 * reported as (0, 1) before and (1, 1) after the solve; the signal is checked before the solve
 * and before the engine's threads start (an iterative solve, once started, runs to its end).
 * Worker failures become `E_WORKER` with the worker's message.
 */
export async function withEngine<T>(
  metric: string,
  n: number,
  matrix: CsrMatrix,
  vectors: number,
  o: RunOptions,
  run: (engine: SpmvEngine) => T,
): Promise<T> {
  checkSignal(o.signal, metric);
  const threads = checkedThreads(o.workers);
  o.onProgress?.(0, 1);
  let engine: SpmvEngine;
  try {
    // An explicit `workers` is honoured whatever the size; by default threads start only where
    // they pay (PARALLEL_MIN_ARCS stored arcs), as for the path metrics.
    engine = await spmvEngine(n, matrix, { threads, vectors, minArcs: o.workers === undefined ? undefined : 0 });
  } catch (e) {
    mapAbort(e, metric);
  }
  try {
    checkSignal(o.signal, metric);
    const result = run(engine);
    o.onProgress?.(1, 1);
    return result;
  } catch (e) {
    mapAbort(e, metric);
  } finally {
    engine.close();
  }
}

/** The calling-thread engine of the `xSync` variants (never starts threads). */
export function syncEngine(n: number, matrix: CsrMatrix): SpmvEngine {
  return sequentialEngine(n, matrix);
}

/**
 * Run a computation that has no threaded form (e.g. directed power iteration) under the same
 * contract: `workers` validated, signal checked first, progress (0, 1) then (1, 1).
 */
export async function inCallingThread<T>(metric: string, o: RunOptions, run: () => T): Promise<T> {
  checkSignal(o.signal, metric);
  checkedThreads(o.workers);
  o.onProgress?.(0, 1);
  const result = run();
  o.onProgress?.(1, 1);
  return result;
}

/**
 * Worker pool for path tasks
 * Splits the sources (or samples) of a path task over worker threads that share one copy of the
 * graph in SharedArrayBuffers, and sums their partial results in worker order.
 * Reference: Node.js worker_threads; Bader, D. A. & Madduri, K. (2006). Parallel algorithms for
 * evaluating centrality indices in real-world networks. ICPP 2006 (coarse-grained source split).
 */
import type { Worker } from 'node:worker_threads';
import type { PathGraphPair } from '../paths/approx-betweenness.js';
import type { PathGraph } from '../graph/path-graph.js';
import { DISTANCE_BACKBONE_MIN_NODES, withoutNonBackboneArcs } from '../graph/backbone.js';
import { breadthFirstOrder, clusteredOrder, permutePair } from '../graph/reorder.js';
import { brandesBatched } from '../paths/brandes-batch.js';
import { bindTask, runShare, shareSize, taskItems, type PathTaskSpec } from './tasks.js';
import { maxThreads, shared, startWorker, TaskAbortedError, WorkerError, type WorkerJob } from './threads.js';

export { TaskAbortedError, WorkerError };

export interface RunOptions {
  /** Worker threads; 1 runs in the calling thread (yielding to the event loop between chunks). */
  readonly workers: number;
  readonly signal?: AbortSignal;
  /** Items (sources or samples) done so far, and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The number of threads worth using by default: `os.availableParallelism()`. */
export function defaultWorkerCount(): number {
  return maxThreads();
}

/**
 * Run a task over all its items in the calling thread, synchronously.
 * Complexity: that of the task's kernel times its items.
 */
export function runPathTaskSync(g0: PathGraphPair, spec: PathTaskSpec, onProgress?: (done: number, total: number) => void): Float64Array {
  const { g: ordered, restore } = localityOrdered(g0, spec);
  const g = withoutDetours(ordered, spec);
  const task = bindTask(g, spec);
  const out = new Float64Array(task.outLength);
  const every = Math.max(1, Math.ceil(task.items / 100));
  let done = 0;
  while (done < task.items) {
    done += runShare(task, 0, 1, done, Math.min(task.items, done + every), out);
    onProgress?.(done, task.items);
  }
  return restore(out);
}

/**
 * The pair with the arcs on no shortest path dropped (see withoutNonBackboneArcs) in the direction the
 * task follows: forward for betweenness, backward for distance sums. Exact tasks only: distances,
 * path counts and dependencies are unchanged; sampling tasks keep the graph as it is.
 */
function withoutDetours(g: PathGraphPair, spec: PathTaskSpec): PathGraphPair {
  if (spec.kind === 'betweenness') return { forward: withoutNonBackboneArcs(g.forward), backward: g.backward };
  if (spec.kind === 'distances')
    return { forward: g.forward, backward: withoutNonBackboneArcs(g.backward, { minNodes: DISTANCE_BACKBONE_MIN_NODES }) };
  return g;
}

/** Graphs smaller than this are run in their own labelling (reordering would not pay). */
const REORDER_MIN_NODES = 2000;

/**
 * Relabel the graph in breadth-first order for cache locality (see ../reorder.ts; clustered
 * breadth-first order for batched exact betweenness) and give back
 * a function that maps a result in the new labelling back to the caller's. Results are the same
 * up to the order of floating-point additions; samples are drawn over the new labels.
 */
function localityOrdered(g: PathGraphPair, spec: PathTaskSpec): { g: PathGraphPair; restore: (out: Float64Array) => Float64Array } {
  const n = g.forward.n;
  if (n < REORDER_MIN_NODES) return { g, restore: (out) => out };
  // Batched betweenness reads per-(node, source) rows at random: clusters laid out together pay there.
  const order = spec.kind === 'betweenness' && brandesBatched(g.forward) ? clusteredOrder(g) : breadthFirstOrder(g);
  const width = spec.kind === 'distances' ? 3 : 1;
  return {
    g: permutePair(g, order),
    restore: (out) => {
      const back = new Float64Array(out.length);
      for (let k = 0; k < n; k++) {
        const v = order[k];
        for (let c = 0; c < width; c++) back[width * v + c] = out[width * k + c];
      }
      return back;
    },
  };
}

/**
 * Run a task over all its items, on `workers` threads (1 = this thread, in time slices so that
 * aborts and progress get through). Partial results are summed in worker order, so a given worker
 * count always gives the same bits. Rejects with {@link TaskAbortedError} when aborted.
 */
export async function runPathTask(g0: PathGraphPair, spec: PathTaskSpec, options: RunOptions): Promise<Float64Array> {
  if (options.signal?.aborted) throw new TaskAbortedError();
  const { g: ordered, restore } = localityOrdered(g0, spec);
  const g = withoutDetours(ordered, spec);
  const items = taskItems(g, spec);
  const workers = Math.max(1, Math.min(Math.floor(options.workers) || 1, items));
  return restore(workers === 1 ? await runInThread(g, spec, options) : await runInWorkers(g, spec, workers, options));
}

async function runInThread(g: PathGraphPair, spec: PathTaskSpec, { signal, onProgress }: RunOptions): Promise<Float64Array> {
  const task = bindTask(g, spec);
  const out = new Float64Array(task.outLength);
  let done = 0;
  let chunk = 1;
  while (done < task.items) {
    // Run for roughly 20 ms, then let timers, aborts and I/O through.
    const start = performance.now();
    done += runShare(task, 0, 1, done, Math.min(task.items, done + chunk), out);
    const spent = performance.now() - start;
    chunk = spent < 10 ? chunk * 2 : spent > 40 ? Math.max(1, chunk >> 1) : chunk;
    onProgress?.(done, task.items);
    if (done < task.items) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new TaskAbortedError();
    }
  }
  return out;
}

/** What a path worker receives as `workerData` (job 'path'). */
export type PathWorkerData = WorkerJob<'path', WorkerInput>;

/** The path-task part of a worker's `workerData`. */
export interface WorkerInput {
  readonly graph: SerializedPair;
  /** The task to run once, or null for a session (tasks then arrive as {@link SessionRequest}s). */
  readonly spec: PathTaskSpec | null;
  readonly share: number;
  readonly shares: number;
  readonly progressEvery: number;
}

/** A graph pair whose arrays live in SharedArrayBuffers. */
export interface SerializedPair {
  readonly n: number;
  readonly fo: Int32Array;
  readonly ft: Int32Array;
  readonly fl: Float64Array | null;
  readonly bo: Int32Array;
  readonly bt: Int32Array;
  readonly bl: Float64Array | null;
}

/** Messages to a session worker. */
export type SessionRequest = { readonly type: 'run'; readonly spec: PathTaskSpec; readonly items: number } | { readonly type: 'close' };

/** Messages from a worker. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly out: Float64Array }
  | { readonly type: 'error'; readonly message: string };

/** The pair with every array in shared memory (arrays shared by both directions stay shared). */
export function serializePair(g: PathGraphPair): SerializedPair {
  const f: PathGraph = g.forward;
  const b: PathGraph = g.backward;
  return {
    n: f.n,
    fo: shared(f.offsets),
    ft: shared(f.targets),
    fl: f.lengths ? shared(f.lengths) : null,
    bo: shared(b.offsets),
    bt: shared(b.targets),
    bl: b.lengths ? shared(b.lengths) : null,
  };
}

export function deserializePair(s: SerializedPair): PathGraphPair {
  return {
    forward: { n: s.n, offsets: s.fo, targets: s.ft, lengths: s.fl },
    backward: { n: s.n, offsets: s.bo, targets: s.bt, lengths: s.bl },
  };
}

/** The partial sums of one task's worker shares: progress as shares report, then one total. */
class PartialSums {
  private readonly partials: (Float64Array | null)[];
  private readonly doneBy: number[];
  private finished = 0;

  constructor(
    private readonly workers: number,
    private readonly items: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.partials = new Array<Float64Array | null>(workers).fill(null);
    this.doneBy = new Array<number>(workers).fill(0);
  }

  /** A share reports `done` items so far. */
  progress(share: number, done: number): void {
    this.doneBy[share] = done;
    this.onProgress?.(
      this.doneBy.reduce((a, b) => a + b, 0),
      this.items,
    );
  }

  /** A share's result (and, when given, its final item count); true once every share is in. */
  finish(share: number, out: Float64Array, done?: number): boolean {
    this.partials[share] = out;
    if (done !== undefined) this.doneBy[share] = done;
    return ++this.finished === this.workers;
  }

  has(share: number): boolean {
    return this.partials[share] !== null;
  }

  /** Deterministic reduction: partial sums added in worker order; reports all items done. */
  total(): Float64Array {
    const out = this.partials[0]!;
    for (let w = 1; w < this.workers; w++) {
      const p = this.partials[w]!;
      for (let i = 0; i < out.length; i++) out[i] += p[i];
    }
    this.onProgress?.(this.items, this.items);
    return out;
  }
}

function runInWorkers(g: PathGraphPair, spec: PathTaskSpec, workers: number, { signal, onProgress }: RunOptions): Promise<Float64Array> {
  const graph = serializePair(g);
  const items = taskItems(g, spec);
  return new Promise<Float64Array>((resolve, reject) => {
    const threads: Worker[] = [];
    const sums = new PartialSums(workers, items, onProgress);
    let settled = false;
    const stopAll = () => {
      for (const t of threads) void t.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error);
    };
    const onAbort = () => fail(new TaskAbortedError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const progressEvery = Math.max(1, Math.ceil(items / workers / 50));
    for (let share = 0; share < workers; share++) {
      const input: WorkerInput = { graph, spec, share, shares: workers, progressEvery };
      let t: Worker;
      try {
        t = startWorker({ job: 'path', ...input } satisfies PathWorkerData);
      } catch (e) {
        fail(e instanceof Error ? e : new WorkerError(String(e)));
        return;
      }
      threads.push(t);
      t.on('message', (m: WorkerMessage) => {
        if (settled) return;
        if (m.type === 'progress') {
          sums.progress(share, m.done);
        } else if (m.type === 'done') {
          if (sums.finish(share, m.out, shareSize(items, share, workers))) {
            settled = true;
            stopAll();
            resolve(sums.total());
          }
        } else {
          fail(new WorkerError(`orgraph worker failed: ${m.message}`));
        }
      });
      t.on('error', (e) => fail(new WorkerError(`orgraph worker failed: ${e instanceof Error ? e.message : String(e)}`)));
      t.on('exit', (code) => {
        if (!settled && !sums.has(share)) fail(new WorkerError(`orgraph worker exited with code ${code}`));
      });
    }
  });
}

/**
 * A graph bound to threads for several tasks in a row (adaptive sampling runs round after round):
 * the graph is relabelled and copied to shared memory once, and workers stay up between tasks.
 * Results of `run` are in the session's labelling; `restore` maps them back to the caller's.
 */
export interface PathSession {
  /** The graph as the session runs it (relabelled for locality when large). */
  readonly graph: PathGraphPair;
  /** Threads used. */
  readonly workers: number;
  /** Run a task on all threads; partial sums added in worker order. Rejects on abort. */
  run(spec: PathTaskSpec, onProgress?: (done: number, total: number) => void): Promise<Float64Array>;
  /** Run a task in the calling thread, synchronously (any session). */
  runSync(spec: PathTaskSpec): Float64Array;
  /** A result of `run` / `runSync` (one value per node) in the caller's labelling. */
  restore(out: Float64Array): Float64Array;
  /** Stop the threads. Idempotent. */
  close(): void;
}

/**
 * Open a session on `workers` threads (1 = the calling thread, time-sliced in `run`).
 * Complexity: O(n + m) to relabel and share the graph; threads start on the first `run`.
 */
export function openPathSession(g0: PathGraphPair, options: { readonly workers: number; readonly signal?: AbortSignal }): PathSession {
  const { g, restore } = localityOrdered(g0, { kind: 'betweenness' });
  const workers = Math.max(1, Math.floor(options.workers) || 1);
  const signal = options.signal;
  let threads: Worker[] | null = null;
  let closed = false;
  const start = (): Worker[] => {
    if (threads) return threads;
    const graph = serializePair(g);
    threads = [];
    for (let share = 0; share < workers; share++) {
      const input: WorkerInput = { graph, spec: null, share, shares: workers, progressEvery: 1 };
      threads.push(startWorker({ job: 'path', ...input } satisfies PathWorkerData));
    }
    return threads;
  };
  const close = () => {
    if (closed) return;
    closed = true;
    if (threads) for (const t of threads) void t.terminate();
  };
  const runWorkers = (spec: PathTaskSpec, onProgress?: (done: number, total: number) => void): Promise<Float64Array> => {
    const ts = start();
    const items = taskItems(g, spec);
    return new Promise<Float64Array>((resolve, reject) => {
      const sums = new PartialSums(workers, items, onProgress);
      let settled = false;
      const cleanup = () => {
        ts.forEach((t, share) => {
          t.off('message', handlers[share]);
          t.off('error', errorHandler);
          t.off('exit', exitHandler);
        });
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        cleanup();
        close();
        reject(error);
      };
      const onAbort = () => fail(new TaskAbortedError());
      const errorHandler = (e: unknown) => fail(new WorkerError(`orgraph worker failed: ${e instanceof Error ? e.message : String(e)}`));
      const exitHandler = (code: number) => fail(new WorkerError(`orgraph worker exited with code ${code}`));
      const handlers = ts.map((_, share) => (m: WorkerMessage) => {
        if (settled) return;
        if (m.type === 'progress') {
          sums.progress(share, m.done);
        } else if (m.type === 'done') {
          if (sums.finish(share, m.out)) {
            settled = true;
            cleanup();
            resolve(sums.total());
          }
        } else {
          fail(new WorkerError(`orgraph worker failed: ${m.message}`));
        }
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      ts.forEach((t, share) => {
        t.on('message', handlers[share]);
        t.on('error', errorHandler);
        t.on('exit', exitHandler);
        t.postMessage({ type: 'run', spec, items } satisfies SessionRequest);
      });
    });
  };
  return {
    graph: g,
    workers,
    run: async (spec, onProgress) => {
      if (signal?.aborted) {
        close();
        throw new TaskAbortedError();
      }
      if (closed) throw new Error('orgraph: path session is closed');
      return workers === 1 ? runInThread(g, spec, { workers: 1, signal, onProgress }) : runWorkers(spec, onProgress);
    },
    runSync: (spec) => {
      const task = bindTask(g, spec);
      const out = new Float64Array(task.outLength);
      runShare(task, 0, 1, 0, task.items, out);
      return out;
    },
    restore,
    close,
  };
}

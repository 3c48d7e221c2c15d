/**
 * Worker pool for path tasks
 * Splits the sources (or samples) of a path task over worker threads that share one copy of the
 * graph in SharedArrayBuffers: the items are cut into blocks that the workers claim in turn, and the
 * blocks' sums are added in block order (see TASK_BLOCKS in tasks.ts).
 * Reference: Node.js worker_threads; Bader, D. A. & Madduri, K. (2006). Parallel algorithms for
 * evaluating centrality indices in real-world networks. ICPP 2006 (coarse-grained source split).
 */
import type { Worker } from 'node:worker_threads';
import type { PathGraphPair } from '../paths/approx-betweenness.js';
import type { PathGraph } from '../graph/path-graph.js';
import { BACKBONE_DEFAULTS, BACKBONE_MIN_NODES, withoutNonBackboneArcs } from '../graph/backbone.js';
import { detourMargin, withKeptArcs, withoutDetouredArcs } from '../graph/path-graph.js';
import { breadthFirstOrder, clusteredOrder, inverseOrder, permutePair } from '../graph/reorder.js';
import { brandesBatched } from '../paths/brandes-batch.js';
import { pivotSlotsFor } from '../paths/brandes-chain.js';
import { sourceChain, type SourceChain } from '../graph/source-chain.js';
import { wasmGraphForWorkers, type WasmGraph } from '../paths/wasm-dijkstra.js';
import { bindTask, blockRange, kernelGraph, ownedSums, runItems, taskBlocks, taskItems, taskSums, type PathTaskSpec } from './tasks.js';
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
  const { g, restore, spec: run } = prepared(g0, spec);
  const task = bindTask(g, run);
  const out = taskSums(task);
  const every = Math.max(1, Math.ceil(task.items / 100));
  let done = 0;
  while (done < task.items) {
    done += runItems(task, done, Math.min(task.items, done + every), out);
    onProgress?.(done, task.items);
  }
  return restore(ownedSums(out));
}

/**
 * Weighted exact betweenness on symmetric graphs of at least this many people runs its sources in a
 * {@link SourceChain}, each pruned by its pivot (ChainRunner in ../paths/brandes-chain.ts; where it
 * pays: docs/benchmarks.md), on the graph relabelled in the chain's order, which the weighted
 * distance sums of such a graph share ({@link chainLayout}).
 */
export const CHAIN_MIN_NODES = 2000;

let chainMinNodes = CHAIN_MIN_NODES;

/** Test hook: the size from which pivot pruning runs (default {@link CHAIN_MIN_NODES}); returns the previous one. */
export function setChainMinNodes(n: number): number {
  const was = chainMinNodes;
  chainMinNodes = n;
  return was;
}

let backboneMinNodes = BACKBONE_MIN_NODES;

/** Test hook: the size from which path tasks drop the arcs off the distance backbone (default BACKBONE_MIN_NODES); returns the previous one. */
export function setBackboneMinNodes(n: number): number {
  const was = backboneMinNodes;
  backboneMinNodes = n;
  return was;
}

/** Graphs smaller than this are run in their own labelling (reordering would not pay). */
const REORDER_MIN_NODES = 2000;

/** How a task's graph is relabelled: not at all, breadth-first, or clustered breadth-first. */
type Ordering = 'none' | 'bfs' | 'clustered';

/** A relabelled pair and its order (`order[new] = old`; null when not relabelled). */
interface Layout {
  readonly g: PathGraphPair;
  readonly order: Int32Array | null;
}

/**
 * What the pool builds before running a task, per source pair (the object the metric passes in;
 * path-common hands out one pair per CSR and length transform): the relabelled pair of each
 * ordering, and the task pair (relabelled, then detoured arcs dropped in the task's direction),
 * keyed `ordering` and `ordering/direction`. Held in a WeakMap on the source pair, so it lives as
 * long as the caller keeps the pair (the view's CSR), and no longer.
 * Memory: the order (4 bytes a node) and a copy of the arcs per ordering (4 bytes an arc, 12 with
 * lengths), plus the kept arcs of each filtered direction (on the generated org 63% of them at
 * 10k with the two-step rule, 55% at 100k with the backbone): on a weighted undirected view of 1M
 * people and 19.9M arcs, about 250 MB relabelled and 130-150 MB filtered, the same memory each path
 * metric used to allocate and drop in turn; exact weighted path tasks on an undirected view of
 * 2,000 people or more add one more copy of the kept arcs, relabelled in their source chain's order
 * ({@link chainLayout}), which betweenness and the distance sums share. (Each worker thread also
 * keeps its own packed arcs; for weighted Brandes the run lays the graph out once in a shared WebAssembly memory with a region per
 * worker: see path-graph.ts and wasm-dijkstra.ts, wasmGraphForWorkers.) Sampling sessions
 * ({@link openPathSession}) reuse a kept relabelling but do not keep their own.
 */
const layouts = new WeakMap<PathGraphPair, Map<string, Layout>>();

/** Detour-free graph of each graph (see withoutNonBackboneArcs), so both directions of an undirected pair share one. */
const detourFree = new WeakMap<PathGraph, PathGraph>();

/** Counts of what the pool built since the last reset, for tests: orders, relabelled pairs, detour filters. */
const built = { orders: 0, relabels: 0, filters: 0 };

/**
 * Test hook: how many locality orders, relabelled pairs and detour filters the pool has built
 * (cache misses), since `reset` was last passed true. Counts this thread only.
 */
export function pathPreparationCounts(reset = false): { orders: number; relabels: number; filters: number } {
  const counts = { ...built };
  if (reset) built.orders = built.relabels = built.filters = 0;
  return counts;
}

/** The ordering a task runs in: clustered for batched exact betweenness, none on small graphs. */
function orderingOf(g: PathGraphPair, spec: PathTaskSpec): Ordering {
  if (g.forward.n < REORDER_MIN_NODES) return 'none';
  // Batched betweenness reads per-(node, source) rows at random: clusters laid out together pay there.
  return spec.kind === 'betweenness' && brandesBatched(g.forward) ? 'clustered' : 'bfs';
}

function cacheOf(g: PathGraphPair): Map<string, Layout> {
  let cache = layouts.get(g);
  if (!cache) layouts.set(g, (cache = new Map()));
  return cache;
}

/**
 * The pair relabelled for cache locality (see ../graph/reorder.ts: breadth-first order, clustered
 * breadth-first order for batched exact betweenness), built once per source pair and ordering.
 * Results are the same up to the order of floating-point additions; samples are drawn over the
 * new labels.
 */
function relabelled(g: PathGraphPair, ordering: Ordering, keep = true): Layout {
  if (ordering === 'none') return { g, order: null };
  const hit = layouts.get(g)?.get(ordering);
  if (hit) return hit;
  const order = ordering === 'clustered' ? clusteredOrder(g) : breadthFirstOrder(g);
  built.orders++;
  const permuted = permutePair(g, order);
  const forward = inSharedMemory(permuted.forward);
  const backward = permuted.backward === permuted.forward ? forward : inSharedMemory(permuted.backward);
  const layout = { g: { forward, backward }, order };
  built.relabels++;
  if (keep) cacheOf(g).set(ordering, layout);
  return layout;
}

/**
 * The graph with its arrays in SharedArrayBuffers (copied once, the originals left to the
 * collector), so that cached graphs are handed to worker threads without a second, cached copy.
 */
function inSharedMemory(g: PathGraph): PathGraph {
  return { n: g.n, offsets: shared(g.offsets), targets: shared(g.targets), lengths: g.lengths ? shared(g.lengths) : null };
}

function withoutDetoursOf(g: PathGraph): PathGraph {
  if (g.lengths === null) return g;
  return detourFree.get(g) ?? keepFilter(g, withoutNonBackboneArcs(g, { minNodes: backboneMinNodes }));
}

/** Caches `kept`, the filtered arcs of `g`, in shared memory for every later task on `g`. */
function keepFilter(g: PathGraph, kept: PathGraph): PathGraph {
  const filtered = inSharedMemory(kept);
  detourFree.set(g, filtered);
  built.filters++;
  return filtered;
}

/**
 * The pair a task runs on, built once per source pair, ordering and direction: relabelled, then
 * with the arcs on no shortest path dropped (see withoutNonBackboneArcs) in the direction the task
 * follows (forward for betweenness, backward for distance sums; exact tasks only: distances, path
 * counts and dependencies are unchanged; sampling tasks keep the graph as it is); and the function
 * that maps a result in the new labelling back to the caller's.
 * Memory: the cache holds up to two relabelled copies of the arcs (breadth-first and clustered)
 * and the filtered ones, as long as the source pair lives.
 */
function prepared(
  g0: PathGraphPair,
  spec: PathTaskSpec,
): { g: PathGraphPair; restore: (out: Float64Array) => Float64Array; spec: PathTaskSpec } {
  const ordering = orderingOf(g0, spec);
  const layout = relabelled(g0, ordering);
  const width = spec.kind === 'distances' ? 3 : 1;
  const direction = directionOf(spec);
  if (direction === null) return { g: layout.g, restore: restorer(layout.order, width), spec };
  const cache = cacheOf(g0);
  const key = `${ordering}/${direction}`;
  let task = cache.get(key);
  if (!task) {
    const { forward, backward } = layout.g;
    const g =
      direction === 'forward' ? { forward: withoutDetoursOf(forward), backward } : { forward, backward: withoutDetoursOf(backward) };
    cache.set(key, (task = { g: g.forward === forward && g.backward === backward ? layout.g : g, order: layout.order }));
  }
  if (!chained(g0)) return { g: task.g, restore: restorer(layout.order, width), spec };
  // Undirected: both directions filter to one graph, so betweenness and the distance sums share it.
  const kept = direction === 'forward' ? task.g.forward : task.g.backward;
  let run = chains.get(kept);
  if (!run) chains.set(kept, (run = chainLayout(kept, task.order)));
  const withChain = spec.kind === 'betweenness' || spec.kind === 'distances' ? { ...spec, chain: run.chain } : spec;
  return { g: run.g, restore: restorer(run.order, width), spec: withChain };
}

/** The direction whose arcs an exact path task follows (forward: betweenness, backward: distance sums), null for samples. */
function directionOf(spec: PathTaskSpec): 'forward' | 'backward' | null {
  return spec.kind === 'betweenness' ? 'forward' : spec.kind === 'distances' ? 'backward' : null;
}

/**
 * The distance backbone of `g` (withoutNonBackboneArcs, the same arcs to the bit) with its local
 * searches run on `workers` worker threads, a block of nodes at a time (task 'backbone'): the
 * two-step rule runs here, the searches there, writing the keep flags of their rows into one shared
 * array. Below {@link BACKBONE_MIN_NODES} nodes (see setBackboneMinNodes), with hop counts or with
 * one worker, it is withoutNonBackboneArcs in this thread.
 * Complexity: that of distanceBackbone, its searches split over the workers; memory O(n + m).
 */
export async function distanceBackboneInWorkers(g: PathGraph, workers: number, signal?: AbortSignal): Promise<PathGraph> {
  if (g.lengths === null || g.lengths.length === 0 || g.n < backboneMinNodes || workers < 2)
    return withoutNonBackboneArcs(g, { minNodes: backboneMinNodes });
  const twoStep = inSharedMemory(withoutDetouredArcs(g));
  const keep = new Uint8Array(new SharedArrayBuffer(twoStep.targets.length));
  const spec: PathTaskSpec = { kind: 'backbone', keep, margin: detourMargin(g.n, g.lengths), scanFactor: BACKBONE_DEFAULTS.scanFactor };
  const [kept] = await runInWorkers({ forward: twoStep, backward: twoStep }, spec, workers, { workers, signal });
  return withKeptArcs(twoStep, keep, kept);
}

/**
 * Builds the filtered graph of an exact path task (see {@link prepared}) with its backbone searches
 * on the task's workers, before the task itself, when it is not cached yet and the graph is large
 * enough for the filter; the filter is the same, so every result is the same to the bit. Wall on 2
 * workers against one thread (benchmarks/metrics/centrality/backbone-filter.ts, run from the
 * sources): 3.3-3.6 s against 5.5 s at 100k, 1.7-2.1 s against 2.3-2.6 s at 50k, but 0.9-1.0 s
 * against 0.8 s at 20k, where starting the workers costs more than the split saves.
 */
async function filterInWorkers(g0: PathGraphPair, spec: PathTaskSpec, workers: number, signal?: AbortSignal): Promise<void> {
  const direction = directionOf(spec);
  if (direction === null || workers < 2 || g0.forward.lengths === null || g0.forward.n < backboneMinNodes) return;
  const { forward, backward } = relabelled(g0, orderingOf(g0, spec)).g;
  const g = direction === 'forward' ? forward : backward;
  // prepared() then finds the filter in the cache (withoutDetoursOf).
  if (!detourFree.has(g)) keepFilter(g, await distanceBackboneInWorkers(g, workers, signal));
}

/** A task layout relabelled in its source chain's order, with the chain in the new labels. */
interface ChainLayout extends Layout {
  readonly chain: SourceChain;
}

/** Source-chain layouts of filtered task graphs (see {@link CHAIN_MIN_NODES}), built once per graph. */
const chains = new WeakMap<PathGraph, ChainLayout>();

/**
 * The filtered task graph `kept` (whose labels are `before`'s, null: the caller's) relabelled in
 * the order of its source chain (a preorder of the minimum spanning forest by length: a node's
 * strongest ties and its team sit next to it in memory, and the k-th source is node k), the chain
 * in those labels (sources 0..n-1, parents mapped: the same forest, so the same pivots), and the
 * composed order back to the caller's labels. Exact weighted betweenness and the weighted distance
 * sums (closeness, harmonic) of an undirected view both run on it; only the order of the
 * floating-point additions changes. Pays on the generated 100k org, against breadth-first labels,
 * the two run side by side: x1.12 CPU per pruned Brandes source on one worker each, x1.05-1.11 on
 * two, x1.01-1.31 per distance-sum source (docs/benchmarks.md): the searches' and the pruning pass's reads land closer together.
 * Complexity: O(m log m) for the chain, O(n + m) for the relabelling; memory: one more copy of
 * the kept arcs while the source pair lives.
 */
function chainLayout(kept: PathGraph, before: Int32Array | null): ChainLayout {
  const built = sourceChain(kept);
  const n = built.sources.length;
  const forward = inSharedMemory(permutePair({ forward: kept, backward: kept }, built.sources).forward);
  const rank = inverseOrder(built.sources);
  const sources = new Int32Array(n);
  const parents = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    sources[k] = k;
    const p = built.parents[k];
    parents[k] = p < 0 ? -1 : rank[p];
  }
  const order = before === null ? built.sources : Int32Array.from(built.sources, (v) => before[v]);
  return { g: { forward, backward: forward }, order, chain: { sources: shared(sources), parents: shared(parents) } };
}

/**
 * Whether exact betweenness on `g` runs as a pruned chain (and its weighted distance sums on the
 * chain's labels, {@link chainLayout}): lengths (not hop counts), symmetric (the pivot bound needs
 * d(p, s) = d(s, p): the same arcs both ways), at least {@link CHAIN_MIN_NODES}.
 */
function chained(g: PathGraphPair): boolean {
  const { forward, backward } = g;
  return (
    forward.lengths !== null && forward.n >= chainMinNodes && forward.targets === backward.targets && forward.offsets === backward.offsets
  );
}

/** Maps a result with `width` values per node from the order's labelling back to the caller's. */
function restorer(order: Int32Array | null, width: number): (out: Float64Array) => Float64Array {
  if (order === null) return (out) => out;
  const n = order.length;
  return (out) => {
    const back = new Float64Array(out.length);
    for (let k = 0; k < n; k++) {
      const v = order[k];
      for (let c = 0; c < width; c++) back[width * v + c] = out[width * k + c];
    }
    return back;
  };
}

/**
 * Run a task over all its items, on `workers` threads (1 = this thread, in time slices so that
 * aborts and progress get through). On two or more threads the blocks' sums are added in block
 * order, so any number of threads above one gives the same bits (one thread sums item by item,
 * which may differ in the last bits). Rejects with {@link TaskAbortedError} when aborted.
 */
export async function runPathTask(g0: PathGraphPair, spec: PathTaskSpec, options: RunOptions): Promise<Float64Array> {
  if (options.signal?.aborted) throw new TaskAbortedError();
  await filterInWorkers(g0, spec, Math.max(1, Math.min(Math.floor(options.workers) || 1, g0.forward.n)), options.signal);
  const { g, restore, spec: run } = prepared(g0, spec);
  const items = taskItems(g, run);
  const workers = Math.max(1, Math.min(Math.floor(options.workers) || 1, items));
  return restore(workers === 1 ? await runInThread(g, run, options) : await runInWorkers(g, run, workers, options));
}

async function runInThread(g: PathGraphPair, spec: PathTaskSpec, { signal, onProgress }: RunOptions): Promise<Float64Array> {
  const task = bindTask(g, spec);
  const out = taskSums(task);
  let done = 0;
  let chunk = 1;
  while (done < task.items) {
    // Run for roughly 20 ms, then let timers, aborts and I/O through.
    const start = performance.now();
    done += runItems(task, done, Math.min(task.items, done + chunk), out);
    const spent = performance.now() - start;
    chunk = spent < 10 ? chunk * 2 : spent > 40 ? Math.max(1, chunk >> 1) : chunk;
    onProgress?.(done, task.items);
    if (done < task.items) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new TaskAbortedError();
    }
  }
  return ownedSums(out);
}

/** What a path worker receives as `workerData` (job 'path'). */
export type PathWorkerData = WorkerJob<'path', WorkerInput>;

/** The path-task part of a worker's `workerData`. */
export interface WorkerInput {
  readonly graph: SerializedPair;
  /** The task to run once, or null for a session (tasks then arrive as {@link SessionRequest}s). */
  readonly spec: PathTaskSpec | null;
  /** This worker's index (its region of `wasm`). */
  readonly share: number;
  /** A single task: the counter its workers claim blocks from (shared memory), and the number of blocks. */
  readonly counter?: Int32Array;
  readonly blocks?: number;
  /** Weighted betweenness: the graph in one shared WebAssembly memory, region `share` for this worker (null: none). */
  readonly wasm?: WasmGraph | null;
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
export type SessionRequest =
  { readonly type: 'run'; readonly spec: PathTaskSpec; readonly counter: Int32Array; readonly blocks: number } | { readonly type: 'close' };

/** Messages from a worker. */
export type WorkerMessage =
  | { readonly type: 'block'; readonly block: number; readonly out: Float64Array }
  | { readonly type: 'done' }
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

/**
 * The sums of one task run on several workers, block by block (see TASK_BLOCKS in tasks.ts):
 * blocks arrive in any order and are added in block order, so the total is the same whichever
 * worker ran which block; progress counts the items of the blocks in.
 */
class BlockSums {
  readonly blocks: number;
  /** The counter the workers claim blocks from. */
  readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private total: Float64Array | null = null;
  private next = 0;
  private readonly waiting = new Map<number, Float64Array>();
  private done = 0;
  private readonly finished = new Set<number>();

  constructor(
    spec: PathTaskSpec,
    private readonly workers: number,
    private readonly items: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.blocks = taskBlocks(spec, items);
  }

  /** Block `b`'s sums, from any worker. */
  add(b: number, out: Float64Array): void {
    this.waiting.set(b, out);
    for (let p = this.waiting.get(this.next); p !== undefined; p = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      if (this.total === null) this.total = p;
      else for (let i = 0; i < p.length; i++) this.total[i] += p[i];
    }
    const [from, to] = blockRange(this.items, this.blocks, b);
    this.done += to - from;
    if (this.done < this.items) this.onProgress?.(this.done, this.items);
  }

  /** Worker `share` has no block left; true once every worker is done (every block is then in). */
  finish(share: number): boolean {
    this.finished.add(share);
    return this.finished.size === this.workers;
  }

  has(share: number): boolean {
    return this.finished.has(share);
  }

  /** The blocks added in block order; reports all items done. */
  result(): Float64Array {
    if (this.total === null || this.next !== this.blocks)
      throw new WorkerError(`orgraph workers returned ${this.next} of ${this.blocks} blocks`);
    this.onProgress?.(this.items, this.items);
    return this.total;
  }
}

/** A worker's message during a task: a block's sums, the worker out of blocks (`finish` once all are), or its failure. */
function onBlockMessage(sums: BlockSums, share: number, m: WorkerMessage, finish: () => void, fail: (e: Error) => void): void {
  if (m.type === 'block') sums.add(m.block, m.out);
  else if (m.type === 'done') {
    if (sums.finish(share)) finish();
  } else fail(new WorkerError(`orgraph worker failed: ${m.message}`));
}

/** Resolve with the task's sums, or reject if a block is missing. */
function settleWith(sums: BlockSums, resolve: (out: Float64Array) => void, reject: (e: unknown) => void): void {
  try {
    resolve(sums.result());
  } catch (e) {
    reject(e);
  }
}

/** A worker thread's 'error' event as the task's error. */
function workerFailed(e: unknown): WorkerError {
  return new WorkerError(`orgraph worker failed: ${e instanceof Error ? e.message : String(e)}`);
}

function runInWorkers(g: PathGraphPair, spec: PathTaskSpec, workers: number, { signal, onProgress }: RunOptions): Promise<Float64Array> {
  const graph = serializePair(g);
  const items = taskItems(g, spec);
  // Weighted betweenness and distance sums: one copy of the graph for the WebAssembly kernel of every
  // worker (null on hop counts), with pivot slots when the sources run on a chain.
  const chain = (spec.kind === 'betweenness' || spec.kind === 'distances') && spec.chain !== undefined;
  const slots = chain ? pivotSlotsFor(g.forward.n) : 0;
  const wasm = spec.kind === 'betweenness' || spec.kind === 'distances' ? wasmGraphForWorkers(kernelGraph(g, spec), workers, slots) : null;
  return new Promise<Float64Array>((resolve, reject) => {
    const threads: Worker[] = [];
    const sums = new BlockSums(spec, workers, items, onProgress);
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
    const finish = () => {
      settled = true;
      stopAll();
      settleWith(sums, resolve, reject);
    };
    const onAbort = () => fail(new TaskAbortedError());
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let share = 0; share < workers; share++) {
      const input: WorkerInput = { graph, spec, share, counter: sums.counter, blocks: sums.blocks, wasm };
      let t: Worker;
      try {
        t = startWorker({ job: 'path', ...input } satisfies PathWorkerData);
      } catch (e) {
        fail(e instanceof Error ? e : new WorkerError(String(e)));
        return;
      }
      threads.push(t);
      t.on('message', (m: WorkerMessage) => {
        if (!settled) onBlockMessage(sums, share, m, finish, fail);
      });
      t.on('error', (e) => fail(workerFailed(e)));
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
  /** Run a task on all threads; blocks' sums added in block order. Rejects on abort. */
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
  // Reuses a cached relabelling, but does not keep its own: sampling runs once per view, and at
  // 1M people the relabelled arrays are hundreds of MB that would live as long as the view.
  const { g, order } = relabelled(g0, orderingOf(g0, { kind: 'betweenness' }), false);
  const restore = restorer(order, 1);
  const workers = Math.max(1, Math.floor(options.workers) || 1);
  const signal = options.signal;
  let threads: Worker[] | null = null;
  let closed = false;
  const start = (): Worker[] => {
    if (threads) return threads;
    const graph = serializePair(g);
    threads = [];
    for (let share = 0; share < workers; share++) {
      const input: WorkerInput = { graph, spec: null, share };
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
      const sums = new BlockSums(spec, workers, items, onProgress);
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
      const finish = () => {
        settled = true;
        cleanup();
        settleWith(sums, resolve, reject);
      };
      const errorHandler = (e: unknown) => fail(workerFailed(e));
      const exitHandler = (code: number) => fail(new WorkerError(`orgraph worker exited with code ${code}`));
      const handlers = ts.map((_, share) => (m: WorkerMessage) => {
        if (!settled) onBlockMessage(sums, share, m, finish, fail);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      ts.forEach((t, share) => {
        t.on('message', handlers[share]);
        t.on('error', errorHandler);
        t.on('exit', exitHandler);
        t.postMessage({ type: 'run', spec, counter: sums.counter, blocks: sums.blocks } satisfies SessionRequest);
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
      const out = taskSums(task);
      runItems(task, 0, task.items, out);
      return ownedSums(out);
    },
    restore,
    close,
  };
}

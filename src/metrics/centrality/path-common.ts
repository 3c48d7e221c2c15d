/**
 * Shared plumbing of the path-based centralities (betweenness, closeness, harmonic)
 * Turns a view and the weight options into the arrays the path kernels read, picks the thread
 * count, and maps kernel-level aborts to OrgraphError.
 * Reference: Brandes, U. (2008). On variants of shortest-path betweenness centrality and their
 * generic computation. Social Networks 30(2), 136-145.
 */
import type { PathGraphPair } from '../../core/paths/approx-betweenness.js';
import { lengthsFromStrengths, type Csr, type LengthTransform } from '../../core/graph/csr.js';
import { runPathTask, runPathTaskSync } from '../../core/parallel/pool.js';
import { TaskAbortedError, threadCount, WorkerError } from '../../core/parallel/threads.js';
import { pathGraphOf, uniformLength } from '../../core/graph/path-graph.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import type { NodeScores } from '../scores.js';
import { withDefaults } from '../../core/util/options.js';

/** The arrays a path metric runs on, and how its lengths were read. */
export interface PathInput {
  readonly pair: PathGraphPair;
  /** 'bfs' when every arc has the same length (or weights are ignored), else 'dijkstra'. */
  readonly search: 'bfs' | 'dijkstra';
  /** The common arc length under 'bfs' (1 when weights are ignored). */
  readonly unit: number;
}

type Lengths = { lengths: Float64Array; inLengths: Float64Array; unit: number; pair?: PathGraphPair };
const lengthCache = new WeakMap<Csr, Map<string, Lengths>>();
/** One hop-count pair per CSR, so that the path pool's per-pair cache (relabelled graphs) serves every path metric. */
const hopPairs = new WeakMap<Csr, PathGraphPair>();

function lengthsOf(csr: Csr, transform: LengthTransform): Lengths {
  const key = typeof transform === 'string' ? transform : null;
  const hit = key ? lengthCache.get(csr)?.get(key) : undefined;
  if (hit) return hit;
  const { lengths, inLengths } = lengthsFromStrengths(csr, transform);
  for (let p = 0; p < lengths.length; p++) {
    const d = lengths[p];
    if (!(d > 0) || !Number.isFinite(d)) {
      throw new OrgraphError('E_BAD_OPTION', `path length ${d} from tie value ${csr.weights[p]}: lengths must be positive and finite`, {
        field: 'length',
      });
    }
  }
  const result = { lengths, inLengths, unit: uniformLength(lengths) };
  if (key) {
    let perCsr = lengthCache.get(csr);
    if (!perCsr) lengthCache.set(csr, (perCsr = new Map()));
    perCsr.set(key, result);
  }
  return result;
}

/**
 * Path arrays of a view. With `weighted` false, or when every tie has the same length, lengths are
 * dropped and kernels use breadth-first search; the results equal Dijkstra's on those lengths.
 */
export function pathInput(view: OrgView, weighted: boolean, length: LengthTransform): PathInput {
  const csr = view.csr;
  const hops = (unit: number): PathInput => {
    let pair = hopPairs.get(csr);
    if (!pair) hopPairs.set(csr, (pair = { forward: pathGraphOf(csr, null), backward: pathGraphOf(csr, null, true) }));
    return { pair, search: 'bfs', unit };
  };
  if (!weighted || csr.arcCount === 0) return hops(1);
  const l = lengthsOf(csr, length);
  if (!Number.isNaN(l.unit)) return hops(l.unit);
  l.pair ??= { forward: pathGraphOf(csr, l), backward: pathGraphOf(csr, l, true) };
  return { pair: l.pair, search: 'dijkstra', unit: NaN };
}

/** Work below this (node visits x arc visits, roughly) runs in the calling thread by default. */
const PARALLEL_WORK_THRESHOLD = 5e7;

/**
 * Threads to use: an explicit `workers` is honoured (at least 1), capped at
 * `os.availableParallelism()` (a lowered request emits one process warning); by default all
 * cores, except for small graphs where starting threads costs more than it saves.
 */
export function resolveWorkers(requested: number | undefined, view: OrgView): number {
  const threads = checkedThreads(requested);
  if (requested !== undefined) return threads;
  const { n, arcCount } = view.csr;
  return n * (n + arcCount) < PARALLEL_WORK_THRESHOLD ? 1 : threads;
}

/**
 * The one thread-count rule of the heavy metrics: `workers` validated (a number >= 1, else
 * `E_BAD_OPTION`), undefined meaning every core, capped at `os.availableParallelism()`.
 */
export function checkedThreads(requested: number | undefined): number {
  if (requested !== undefined && !(Number.isFinite(requested) && requested >= 1)) {
    throw new OrgraphError('E_BAD_OPTION', `workers must be a number >= 1, got ${requested}`, { field: 'workers' });
  }
  return threadCount(requested).threads;
}

/** Map a kernel abort to `E_ABORTED` and a worker failure to `E_WORKER` (with its message); pass anything else through. */
export function mapAbort(error: unknown, metric: string): never {
  if (error instanceof TaskAbortedError) throw new OrgraphError('E_ABORTED', `${metric} aborted`);
  if (error instanceof WorkerError) throw new OrgraphError('E_WORKER', `${metric}: ${error.message}`);
  throw error;
}

/** Reject up front when the signal has already fired. */
export function checkSignal(signal: AbortSignal | undefined, metric: string): void {
  if (signal?.aborted) throw new OrgraphError('E_ABORTED', `${metric} aborted`);
}

/** Options shared by closeness and harmonic. */
export interface DistanceRunOptions {
  readonly weighted: boolean;
  readonly length: LengthTransform;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What {@link distanceSummaries} gives: the sums, the path input they were computed on, and the threads used. */
export interface DistanceRun {
  readonly sums: Float64Array;
  readonly input: PathInput;
  readonly workers: number;
}

/**
 * Per person i, over incoming shortest paths (from every j to i; the same as outgoing when
 * undirected): out[3i] = people reaching i (i included), out[3i+1] = sum of d(j,i),
 * out[3i+2] = sum of 1/d(j,i). Sync when `workers` is 1 and there is no signal.
 */
export function distanceSummaries(view: OrgView, o: DistanceRunOptions, metric: string, sync: true): DistanceRun;
export function distanceSummaries(view: OrgView, o: DistanceRunOptions, metric: string, sync: false): Promise<DistanceRun>;
export function distanceSummaries(view: OrgView, o: DistanceRunOptions, metric: string, sync: boolean) {
  checkSignal(o.signal, metric);
  const input = pathInput(view, o.weighted, o.length);
  const spec = { kind: 'distances', unit: input.search === 'bfs' ? input.unit : 1 } as const;
  if (sync) return { sums: runPathTaskSync(input.pair, spec, o.onProgress), input, workers: 1 };
  const workers = resolveWorkers(o.workers, view);
  return runPathTask(input.pair, spec, { workers, signal: o.signal, onProgress: o.onProgress }).then(
    (sums) => ({ sums, input, workers }),
    (e: unknown) => mapAbort(e, metric),
  );
}

/** Resolved options of a distance metric: its defaults' fields, booleans widened (a caller may set them false). */
type Resolved<D> = { readonly [K in keyof D]: D[K] extends boolean ? boolean : D[K] };

/** How a run of the distance summaries went, for the scores' diagnostics. */
export interface DistanceRunInfo {
  readonly search: 'bfs' | 'dijkstra';
  readonly workers: number;
}

/**
 * The async and sync drivers of a per-person score computed from {@link distanceSummaries}
 * (closeness, harmonic): the caller's options over the frozen `defaults` (an option set to
 * undefined keeps its default), the sums over worker threads (`run`) or in the calling thread
 * (`runSync`), then `score` turns them into the scores. Complexity: that of the summaries.
 * @example
 * const driver = distanceMetric('harmonic', { weighted: true, length: 'inverse' }, (view, sums) => ...);
 * await driver.run(view, { workers: 2 });
 */
export function distanceMetric<D extends { readonly weighted: boolean; readonly length: LengthTransform }>(
  metric: string,
  defaults: D,
  score: (view: OrgView, sums: Float64Array, o: Resolved<D>, run: DistanceRunInfo) => NodeScores,
) {
  type Options = Partial<Resolved<D>> & Omit<Partial<DistanceRunOptions>, 'weighted' | 'length'>;
  return {
    async run(view: OrgView, options: Options): Promise<NodeScores> {
      const o = withDefaults(defaults, options) as Resolved<D> & DistanceRunOptions;
      const { sums, input, workers } = await distanceSummaries(view, o, metric, false);
      return score(view, sums, o, { search: input.search, workers });
    },
    runSync(view: OrgView, options: Omit<Options, 'workers' | 'signal'>): NodeScores {
      const o = withDefaults(defaults, options) as Resolved<D> & DistanceRunOptions;
      const { sums, input } = distanceSummaries(view, o, metric, true);
      return score(view, sums, o, { search: input.search, workers: 1 });
    },
    /** The scores with the default options, from sums already run on the view with them (see {@link DistanceRun}). */
    fromRun(view: OrgView, run: DistanceRun): NodeScores {
      return score(view, run.sums, defaults as Resolved<D>, { search: run.input.search, workers: run.workers });
    },
  };
}

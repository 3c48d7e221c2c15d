/**
 * The shape of a metric catalogue entry. Its own module so that the family catalogues
 * (centrality, brokerage, silos) and the joined catalogue can all import it without importing
 * each other.
 */
import type { OrgView } from '../model/projection.js';
import type { NodeScores } from './scores.js';

/** What a metric may need beyond the view. */
export interface MetricContext {
  /** Attribute naming the formal group (department...), from `--group`. */
  readonly group?: string;
  /** Worker threads for parallel kernels (default: all cores). */
  readonly workers?: number;
  /** Aborts the heavy entries (they reject with OrgraphError `E_ABORTED`); absent: not abortable. */
  readonly signal?: AbortSignal;
  /**
   * Progress of the heavy entries: `stage` is the metric's name (`betweenness`, `bridging`...), `done`
   * of `total` work units (units are the metric's own: sources, iterations; (0, 1) then (1, 1) for
   * the spectral ones).
   */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Seed for randomised metrics (communities, permutation tests). */
  readonly seed?: number;
  /**
   * The per-view memo of shared intermediates ({@link SharedResults}): entries that need the same
   * intermediate (exact betweenness for `betweenness` and `bridging`, the ego-tie tables for
   * constraint and effective size) read it from here, so it is computed once per view. Absent:
   * each entry computes its own. One memo serves one view and one set of options only.
   */
  readonly shared?: SharedResults;
}

/**
 * Intermediates several catalogue entries read, by name:
 * - `betweenness`: exact betweenness of the view, lengths d = 1/w (a `Promise<NodeScores>`);
 * - `egoTables`: the weighted ego-tie tables of the structural-hole measures, relabelled in
 *   breadth-first order on large views (`structuralHoleTies(view, true)`);
 * - `distanceSums`: the per-person sums over incoming shortest paths that closeness and harmonic
 *   are both read from, lengths d = 1/w (a `Promise<DistanceRun>`, see `distanceSummaries`).
 * (Path lengths and path graphs are cached per CSR by the path metrics themselves.)
 */
export type SharedName = 'betweenness' | 'egoTables' | 'distanceSums';

/**
 * A memo of intermediate results for one view and one set of options: the first request of a
 * name computes it, later requests get the same object (a pending promise included, so two
 * concurrent requests share one computation). `computed(name)` counts computations, for tests
 * and diagnostics. Complexity O(1) per request beyond the first computation.
 */
export class SharedResults {
  private readonly memo = new Map<SharedName, unknown>();
  private readonly counts = new Map<SharedName, number>();

  /** The intermediate `name`, computed by `compute` on the first request only. */
  get<T>(name: SharedName, compute: () => T): T {
    if (this.memo.has(name)) return this.memo.get(name) as T;
    const value = compute();
    this.memo.set(name, value);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return value;
  }

  /** How many times `name` was computed through this memo (0 or 1). */
  computed(name: SharedName): number {
    return this.counts.get(name) ?? 0;
  }
}

/** `compute()` through the context's memo when it has one, else directly. */
export function sharedOrCompute<T>(context: MetricContext, name: SharedName, compute: () => T): T {
  return context.shared ? context.shared.get(name, compute) : compute();
}

/** One catalogue entry: the output keys it produces and how to compute them on a view. */
export interface MetricSpec {
  /** Output keys this entry produces, in output order (e.g. ['inDegree', 'outDegree']). */
  readonly keys: readonly string[];
  /** The metric family the entry belongs to (its catalogue: CENTRALITY_METRICS, BROKERAGE_METRICS and RISK_METRICS, SILO_METRICS). */
  readonly family: 'centrality' | 'brokerage' | 'silos';
  /** One line for `orgraph metrics --help` and the report. */
  readonly description: string;
  /** Only on directed views. */
  readonly directedOnly?: boolean;
  /** Needs `--group`; without it the keys are null. */
  readonly needsGroup?: boolean;
  /** Shared intermediates it reads through {@link MetricContext.shared} (computed once per view). */
  readonly needs?: readonly SharedName[];
  /** One NodeScores per key, in `keys` order, aligned with `view.personIds`. */
  compute(view: OrgView, context: MetricContext): NodeScores[] | Promise<NodeScores[]>;
  /** How a value is written to JSON/CSV (default: the number, null for NaN). */
  readonly format?: (value: number) => string | number | boolean | null;
}

/**
 * Harmonic centrality
 * The sum of reciprocal distances from everyone else: closeness that copes with disconnected views.
 * Reference: Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet Mathematics 10(3-4),
 * 222-262; Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285, 539-546.
 */
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { distanceMetric, type DistanceRun } from './path-common.js';
import type { PathMetricOptions } from './run-options.js';
import type { LengthTransform } from '../../core/graph/csr.js';

// NOTE: keep in sync with metrics/centrality/closeness.ts: the two are API twins (options extending PathMetricOptions,
// frozen defaults, async and sync entry points) over one driver, distanceMetric in path-common.ts; only the formula differs.
/** Options of {@link harmonic}. */
export interface HarmonicOptions extends PathMetricOptions {
  /** Divide by n - 1 so values lie in [0, 1] on hop counts; NetworkX does not. @defaultValue false */
  readonly normalized?: boolean;
}

/** Defaults of {@link HarmonicOptions} (frozen). */
export const DEFAULT_HARMONIC_OPTIONS = Object.freeze({ weighted: true, length: 'inverse' as LengthTransform, normalized: false });

/** H(i) of every person from the distance sums (the sum of 1 / d(j, i)); see {@link harmonic}. */
const HARMONIC = distanceMetric('harmonic', DEFAULT_HARMONIC_OPTIONS, (view, sums, o, run) => {
  const n = view.csr.n;
  const values = new Float64Array(n);
  const scale = o.normalized && n > 1 ? 1 / (n - 1) : 1;
  for (let i = 0; i < n; i++) values[i] = sums[3 * i + 2] * scale;
  return new NodeScores('harmonic', view.personIds, values, {
    weighted: o.weighted,
    search: run.search,
    workers: run.workers,
    normalized: o.normalized,
  });
});

/**
 * Harmonic centrality of every person, as NetworkX `harmonic_centrality(G, distance=...)`.
 *
 *   H(i) = sum_{j != i} 1 / d(j, i),   1 / inf = 0
 *
 * Direction: incoming distances d(j, i) on directed views (NetworkX's convention); undirected
 * views have d(j, i) = d(i, j). Weights: strengths become lengths (d = 1/w by default); hops when
 * `weighted` is false. Isolates and a one-person view get 0; an empty view gives empty scores.
 * `normalized` divides by n - 1.
 *
 * Complexity: O(n m) unweighted (32 sources per breadth-first sweep); weighted, O(n m log n) on a
 * heap, O(n (m + buckets)) on the bucket queue used when arc lengths allow it, after dropping the
 * arcs no shortest path uses (beaten by a shorter detour); sources split over worker threads.
 * Progress: (people done, people in total).
 * @returns scores aligned with `view.personIds`; diagnostics { weighted, search, workers, normalized }
 * @example
 * const h = await harmonic(project(graph, { directed: true }), { weighted: false });
 * h.get('ana');
 */
export async function harmonic(view: OrgView, options: HarmonicOptions = {}): Promise<NodeScores> {
  return HARMONIC.run(view, options);
}

/**
 * {@link harmonic} in the calling thread, synchronously (no `workers`, no `signal`): for small
 * views, and scripts that cannot await.
 * @example
 * const h = harmonicSync(project(graph), { normalized: true });
 * h.top(5);
 */
export function harmonicSync(view: OrgView, options: Omit<HarmonicOptions, 'workers' | 'signal'> = {}): NodeScores {
  return HARMONIC.runSync(view, options);
}

/** {@link harmonic} with its default options, from distance sums already run on the view with them (the catalogue shares one run with closeness). */
export function harmonicFromRun(view: OrgView, run: DistanceRun): NodeScores {
  return HARMONIC.fromRun(view, run);
}

/**
 * Closeness centrality (Wasserman–Faust)
 * How near a person is to everyone who can reach them: the inverse mean distance, scaled by reach.
 * Reference: Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
 * Social Networks 1(3), 215-239; Wasserman, S. & Faust, K. (1994). Social Network Analysis, p. 201.
 */
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { distanceMetric, type DistanceRun } from './path-common.js';
import type { PathMetricOptions } from './run-options.js';
import type { LengthTransform } from '../../core/graph/csr.js';

// NOTE: keep in sync with metrics/centrality/harmonic.ts: the two are API twins (options extending PathMetricOptions,
// frozen defaults, async and sync entry points) over one driver, distanceMetric in path-common.ts; only the formula differs.
/** Options of {@link closeness}. */
export interface ClosenessOptions extends PathMetricOptions {
  /** Scale by the share of people who reach the person (Wasserman–Faust); false = classic. @defaultValue true */
  readonly wassermanFaust?: boolean;
}

/** Defaults of {@link ClosenessOptions} (frozen). */
export const DEFAULT_CLOSENESS_OPTIONS = Object.freeze({ weighted: true, length: 'inverse' as LengthTransform, wassermanFaust: true });

/** C(i) of every person from the distance sums (r_i and the sum of d(j, i)); see {@link closeness}. */
const CLOSENESS = distanceMetric('closeness', DEFAULT_CLOSENESS_OPTIONS, (view, sums, o, run) => {
  const n = view.csr.n;
  const wf = o.wassermanFaust;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const others = sums[3 * i] - 1;
    const total = sums[3 * i + 1];
    if (total > 0 && n > 1) values[i] = wf ? (others / total) * (others / (n - 1)) : others / total;
  }
  return new NodeScores('closeness', view.personIds, values, {
    weighted: o.weighted,
    search: run.search,
    workers: run.workers,
    wassermanFaust: wf,
  });
});

/**
 * Closeness of every person, as NetworkX `closeness_centrality(G, distance=..., wf_improved=True)`.
 *
 *   C(i) = ((r_i - 1) / (n - 1)) * ((r_i - 1) / sum_{j reaches i} d(j, i))
 *
 * r_i = people who reach i (i included), n = people in the view. Without `wassermanFaust` the
 * first factor is dropped. Direction: incoming distances d(j, i) on directed views (NetworkX's
 * convention; project the reverse for outgoing). Weights: strengths become lengths (d = 1/w by
 * default); hops when `weighted` is false. Isolates and a one-person view get 0 (as NetworkX);
 * an empty view gives empty scores.
 *
 * Complexity: O(n m) unweighted (32 sources per breadth-first sweep); weighted, O(n m log n) on a
 * heap, O(n (m + buckets)) on the bucket queue used when arc lengths allow it, after dropping the
 * arcs no shortest path uses (beaten by a shorter detour); sources split over worker threads.
 * Progress: (people done, people in total).
 * @returns scores aligned with `view.personIds`; diagnostics { weighted, search, workers, wassermanFaust }
 * @example
 * const c = await closeness(project(graph), { weighted: false });
 * c.top(3);
 */
export async function closeness(view: OrgView, options: ClosenessOptions = {}): Promise<NodeScores> {
  return CLOSENESS.run(view, options);
}

/**
 * {@link closeness} in the calling thread, synchronously (no `workers`, no `signal`).
 * @example
 * const c = closenessSync(project(graph, { directed: true }));
 */
export function closenessSync(view: OrgView, options: Omit<ClosenessOptions, 'workers' | 'signal'> = {}): NodeScores {
  return CLOSENESS.runSync(view, options);
}

/** {@link closeness} with its default options, from distance sums already run on the view with them (the catalogue shares one run with harmonic). */
export function closenessFromRun(view: OrgView, run: DistanceRun): NodeScores {
  return CLOSENESS.fromRun(view, run);
}

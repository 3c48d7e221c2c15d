/**
 * Closeness centrality (Wasserman–Faust)
 * How near a person is to everyone who can reach them: the inverse mean distance, scaled by reach.
 * Reference: Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
 * Social Networks 1(3), 215-239; Wasserman, S. & Faust, K. (1994). Social Network Analysis, p. 201.
 */
import type { LengthTransform } from '../../core/graph/csr.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { distanceSummaries, type DistanceRun, type PathInput } from './path-common.js';
import { definedOnly } from '../../core/util/options.js';

/** Options of {@link closeness}. */
export interface ClosenessOptions {
  /** Read tie values as strengths turned into lengths by `length`; false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** How a tie strength becomes a path length. @defaultValue 'inverse' (d = 1 / w) */
  readonly length?: LengthTransform;
  /** Scale by the share of people who reach the person (Wasserman–Faust); false = classic. @defaultValue true */
  readonly wassermanFaust?: boolean;
  /** Worker threads. @defaultValue os.availableParallelism() (1 for small graphs); 1 = this thread */
  readonly workers?: number;
  /** Abort the run: the promise rejects with OrgraphError `E_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Called as people are done: (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link ClosenessOptions} (frozen). */
export const DEFAULT_CLOSENESS_OPTIONS = Object.freeze({
  weighted: true,
  length: 'inverse' as LengthTransform,
  wassermanFaust: true,
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
 * arcs no shortest path uses (a two-step detour is shorter); sources split over worker threads.
 * @returns scores aligned with `view.personIds`; diagnostics { weighted, search, workers }
 * @example
 * const c = await closeness(project(graph), { weighted: false });
 * c.top(3);
 */
export async function closeness(view: OrgView, options: ClosenessOptions = {}): Promise<NodeScores> {
  const o = { ...DEFAULT_CLOSENESS_OPTIONS, ...definedOnly(options) };
  const { sums, input, workers } = await distanceSummaries(view, o, 'closeness', false);
  return finish(view, sums, o.wassermanFaust, o.weighted, input, workers);
}

/**
 * {@link closeness} in the calling thread, synchronously (no `workers`, no `signal`).
 * @example
 * const c = closenessSync(project(graph, { directed: true }));
 */
export function closenessSync(view: OrgView, options: Omit<ClosenessOptions, 'workers' | 'signal'> = {}): NodeScores {
  const o = { ...DEFAULT_CLOSENESS_OPTIONS, ...definedOnly(options) };
  const { sums, input } = distanceSummaries(view, o, 'closeness', true);
  return finish(view, sums, o.wassermanFaust, o.weighted, input, 1);
}

/** {@link closeness} with its default options, from distance sums run on the view with them (the catalogue shares one run with harmonic). */
export function closenessFromRun(view: OrgView, run: DistanceRun): NodeScores {
  return finish(view, run.sums, DEFAULT_CLOSENESS_OPTIONS.wassermanFaust, DEFAULT_CLOSENESS_OPTIONS.weighted, run.input, run.workers);
}

function finish(view: OrgView, sums: Float64Array, wf: boolean, weighted: boolean, input: PathInput, workers: number): NodeScores {
  const n = view.csr.n;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const others = sums[3 * i] - 1;
    const total = sums[3 * i + 1];
    if (total > 0 && n > 1) values[i] = wf ? (others / total) * (others / (n - 1)) : others / total;
  }
  return new NodeScores('closeness', view.personIds, values, { weighted, search: input.search, workers, wassermanFaust: wf });
}

/**
 * Harmonic centrality
 * The sum of reciprocal distances from everyone else: closeness that copes with disconnected views.
 * Reference: Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet Mathematics 10(3-4),
 * 222-262; Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285, 539-546.
 */
import type { LengthTransform } from '../../core/graph/csr.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { distanceSummaries, type DistanceRun, type PathInput } from './path-common.js';
import { definedOnly } from '../../core/util/options.js';

/** Options of {@link harmonic}. */
export interface HarmonicOptions {
  /** Read tie values as strengths turned into lengths by `length`; false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** How a tie strength becomes a path length. @defaultValue 'inverse' (d = 1 / w) */
  readonly length?: LengthTransform;
  /** Divide by n - 1 so values lie in [0, 1] on hop counts; NetworkX does not. @defaultValue false */
  readonly normalized?: boolean;
  /** Worker threads. @defaultValue os.availableParallelism() (1 for small graphs); 1 = this thread */
  readonly workers?: number;
  /** Abort the run: the promise rejects with OrgraphError `E_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Called as people are done: (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link HarmonicOptions} (frozen). */
export const DEFAULT_HARMONIC_OPTIONS = Object.freeze({
  weighted: true,
  length: 'inverse' as LengthTransform,
  normalized: false,
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
 * arcs no shortest path uses (a two-step detour is shorter); sources split over worker threads.
 * @returns scores aligned with `view.personIds`; diagnostics { weighted, search, workers, normalized }
 * @example
 * const h = await harmonic(project(graph, { directed: true }), { weighted: false });
 * h.get('ana');
 */
export async function harmonic(view: OrgView, options: HarmonicOptions = {}): Promise<NodeScores> {
  const o = { ...DEFAULT_HARMONIC_OPTIONS, ...definedOnly(options) };
  const { sums, input, workers } = await distanceSummaries(view, o, 'harmonic', false);
  return finish(view, sums, o.normalized, o.weighted, input, workers);
}

/**
 * {@link harmonic} in the calling thread, synchronously (no `workers`, no `signal`).
 * @example
 * const h = harmonicSync(project(graph));
 */
export function harmonicSync(view: OrgView, options: Omit<HarmonicOptions, 'workers' | 'signal'> = {}): NodeScores {
  const o = { ...DEFAULT_HARMONIC_OPTIONS, ...definedOnly(options) };
  const { sums, input } = distanceSummaries(view, o, 'harmonic', true);
  return finish(view, sums, o.normalized, o.weighted, input, 1);
}

/** {@link harmonic} with its default options, from distance sums run on the view with them (the catalogue shares one run with closeness). */
export function harmonicFromRun(view: OrgView, run: DistanceRun): NodeScores {
  return finish(view, run.sums, DEFAULT_HARMONIC_OPTIONS.normalized, DEFAULT_HARMONIC_OPTIONS.weighted, run.input, run.workers);
}

function finish(view: OrgView, sums: Float64Array, normalized: boolean, weighted: boolean, input: PathInput, workers: number): NodeScores {
  const n = view.csr.n;
  const values = new Float64Array(n);
  const scale = normalized && n > 1 ? 1 / (n - 1) : 1;
  for (let i = 0; i < n; i++) values[i] = sums[3 * i + 2] * scale;
  return new NodeScores('harmonic', view.personIds, values, { weighted, search: input.search, workers, normalized });
}

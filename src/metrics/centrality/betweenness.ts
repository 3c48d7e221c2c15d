/**
 * Betweenness centrality (exact)
 * How often a person lies on the shortest paths between two others: the broker's share of the flow.
 * Reference: Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
 * Sociometry 40(1), 35-41; Brandes, U. (2001). A faster algorithm for betweenness centrality.
 * J. Math. Sociol. 25(2), 163-177.
 */
import { runPathTask, runPathTaskSync } from '../../core/parallel/pool.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { checkSignal, mapAbort, pathInput, resolveWorkers, type PathInput } from './path-common.js';
import { definedOnly } from '../../core/util/options.js';
import type { PathMetricOptions } from './run-options.js';
import type { LengthTransform } from '../../core/graph/csr.js';

/** Options of {@link betweenness}. */
export interface BetweennessOptions extends PathMetricOptions {
  /** Divide by the number of pairs, as NetworkX does (see below). @defaultValue true */
  readonly normalized?: boolean;
}

/** Defaults of {@link BetweennessOptions} (frozen). */
export const DEFAULT_BETWEENNESS_OPTIONS = Object.freeze({ normalized: true, weighted: true, length: 'inverse' as LengthTransform });

/**
 * Exact betweenness of every person.
 *
 *   C_B(v) = sum_{s != v != t} sigma_st(v) / sigma_st
 *
 * sigma_st = number of shortest s-t paths, sigma_st(v) = those through v. Undirected views count
 * each unordered pair once. normalized: x 2/((n-1)(n-2)) undirected, x 1/((n-1)(n-2)) directed
 * (NetworkX `betweenness_centrality`, endpoints excluded); n <= 2 gives all zeros.
 *
 * Direction: paths follow arcs on directed views. Weights: strengths become lengths (d = 1/w by
 * default); lengths are summed along each path and compared exactly, as NetworkX does. When every
 * tie has the same length, or `weighted` is false, breadth-first search is used instead of
 * Dijkstra (same result, faster). Isolates and people on no shortest path get 0; an empty view
 * gives empty scores.
 *
 * Sources are split over worker threads sharing one copy of the graph; partial sums are added
 * in worker order, so a given worker count always gives the same result (counts differ in the
 * last bits only). Progress: (sources done, sources in total).
 *
 * Complexity: O(n m) unweighted (32 sources per breadth-first sweep, see core/paths/brandes-batch.ts;
 * 384 bytes per person per thread up to 524,288 people), O(n m log n) weighted (a bucket queue when
 * arc lengths allow it, after dropping the arcs no shortest path uses: a two-step detour is
 * shorter); otherwise O(n + m) memory per thread.
 * @returns scores aligned with `view.personIds`; diagnostics { normalized, weighted, search, workers }
 * @example
 * const view = project(graph, { directed: false });
 * const b = await betweenness(view, { weighted: false });
 * b.top(5); // the five people most often between others
 */
export async function betweenness(view: OrgView, options: BetweennessOptions = {}): Promise<NodeScores> {
  const o = { ...DEFAULT_BETWEENNESS_OPTIONS, ...definedOnly(options) };
  checkSignal(o.signal, 'betweenness');
  const input = pathInput(view, o.weighted, o.length);
  const workers = resolveWorkers(o.workers, view);
  let raw: Float64Array;
  try {
    raw = await runPathTask(input.pair, { kind: 'betweenness' }, { workers, signal: o.signal, onProgress: o.onProgress });
  } catch (e) {
    mapAbort(e, 'betweenness');
  }
  return finish(view, raw, o.normalized, o.weighted, input, workers);
}

/**
 * {@link betweenness} in the calling thread, synchronously. Same definition and options, minus
 * `workers` and `signal`.
 * @example
 * const b = betweennessSync(project(graph), { normalized: false });
 */
export function betweennessSync(view: OrgView, options: Omit<BetweennessOptions, 'workers' | 'signal'> = {}): NodeScores {
  const o = { ...DEFAULT_BETWEENNESS_OPTIONS, ...definedOnly(options) };
  const input = pathInput(view, o.weighted, o.length);
  const raw = runPathTaskSync(input.pair, { kind: 'betweenness' }, o.onProgress);
  return finish(view, raw, o.normalized, o.weighted, input, 1);
}

/** NetworkX's rescaling of ordered-pair dependency sums. */
export function betweennessScale(n: number, directed: boolean, normalized: boolean): number {
  if (n <= 2) return 1;
  if (normalized) return 1 / ((n - 1) * (n - 2));
  return directed ? 1 : 0.5;
}

function finish(view: OrgView, raw: Float64Array, normalized: boolean, weighted: boolean, input: PathInput, workers: number): NodeScores {
  const scale = betweennessScale(view.csr.n, view.csr.directed, normalized);
  if (scale !== 1) for (let v = 0; v < raw.length; v++) raw[v] *= scale;
  return new NodeScores('betweenness', view.personIds, raw, { normalized, weighted, search: input.search, workers });
}

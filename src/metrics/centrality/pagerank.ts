/**
 * PageRank
 * The share of time a random walker following ties (and sometimes jumping anywhere) spends at a person.
 * Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
 * bringing order to the web. Stanford InfoLab Technical Report 1999-66.
 */
import { pageRankKernel } from '../../core/pagerank.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { resolveOptions, uniformValue } from './resolve-options.js';

export interface PageRankOptions {
  /** Damping factor: the probability of following a tie rather than jumping. @defaultValue 0.85 */
  readonly alpha?: number;
  /** Use tie values; false reads every tie as 1. @defaultValue true */
  readonly weighted?: boolean;
  /** Stop when the L1 change of the vector is below this. @defaultValue 1e-10 */
  readonly tolerance?: number;
  /** @defaultValue 1000 */
  readonly maxIterations?: number;
}
export const DEFAULT_PAGERANK_OPTIONS = Object.freeze({ alpha: 0.85, weighted: true, tolerance: 1e-10, maxIterations: 1000 });

/**
 * PageRank of every person (NetworkX convention, `nx.pagerank`).
 *
 *   x_i = alpha * sum_j (a_ji / s_j^out) x_j + alpha * D / n + (1 - alpha) / n,   sum_i x_i = 1
 *   s_j^out = sum_k a_jk,   D = sum of x_j over people with no outgoing tie (dangling)
 *
 * Direction: rank flows along ties, i -> j passes i's rank to j; an undirected view reads each tie
 * both ways. Weights: a walker leaves j along a tie in proportion to its value (strength).
 * Dangling people (no outgoing tie, including isolates) spread their rank uniformly; an isolate
 * gets (alpha * D + 1 - alpha) / n, never 0. An empty view gives empty scores.
 * Diagnostics: iterations, converged, change (last L1 change), errorBound (L1 distance to the
 * exact vector is at most alpha / (1 - alpha) * change). When not converged the values are the
 * last iterate (a probability vector within errorBound).
 *
 * Complexity: O(iterations * (n + m)), iterations ~ log(tolerance) / log(alpha); no allocation
 * inside iterations. Throws `E_BAD_OPTION` for alpha outside [0, 1).
 * @returns scores aligned with `view.personIds`
 * @example
 * pagerank(project(graph, { directed: true })).top(10);
 */
export function pagerank(view: OrgView, options: PageRankOptions = {}): NodeScores {
  const o = resolveOptions(DEFAULT_PAGERANK_OPTIONS, options);
  if (!(o.alpha >= 0 && o.alpha < 1)) {
    throw new OrgraphError('E_BAD_OPTION', `PageRank alpha must be in [0, 1), got ${o.alpha}`, { field: 'alpha' });
  }
  const { csr } = view;
  const n = csr.n;
  // NOTE: equal tie values cancel in a_ji / s_j^out, so such views take the all-ones loop.
  const uniform = !o.weighted || uniformValue(csr.weights) > 0;
  const weights = uniform ? null : csr.weights;
  const inWeights = uniform ? null : csr.inWeights;
  // s_j^out, once.
  const outStrength = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    if (weights === null) s = csr.offsets[j + 1] - csr.offsets[j];
    else for (let p = csr.offsets[j]; p < csr.offsets[j + 1]; p++) s += weights[p];
    outStrength[j] = s;
  }
  const r = pageRankKernel(n, csr.inOffsets, csr.inSources, inWeights, outStrength, o);
  return new NodeScores('pagerank', view.personIds, r.rank, {
    alpha: o.alpha,
    iterations: r.iterations,
    converged: r.converged,
    change: r.change,
    errorBound: r.errorBound,
  });
}

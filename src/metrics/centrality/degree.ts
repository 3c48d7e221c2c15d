/**
 * Degree centrality
 * How many people a person is tied to: the simplest measure of how connected someone is.
 * Reference: Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
 * Social Networks 1(3), 215-239.
 */
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';

/** Which ties of a directed view are counted. */
export type TieDirection = 'total' | 'in' | 'out';

/** Options of {@link degree}. */
export interface DegreeOptions {
  /**
   * 'total' counts ties in either direction (in + out on a directed view, so a reciprocated pair
   * counts twice, as NetworkX's `DiGraph.degree`); 'in' / 'out' count only incoming / outgoing
   * ties. On an undirected view all three are the same. @defaultValue 'total'
   */
  readonly direction?: TieDirection;
}
/** Defaults of {@link DegreeOptions} (frozen). */
export const DEFAULT_DEGREE_OPTIONS = Object.freeze({ direction: 'total' as TieDirection });

/**
 * Degree of every person in the view.
 *
 *   undirected: k_i = |N(i)|
 *   directed:   k_i^in = |{j : a_ji > 0}|,  k_i^out = |{j : a_ij > 0}|,  k_i = k_i^in + k_i^out
 *
 * Tie values are ignored (see `strength` for the weighted sum). Isolates get 0; an empty view
 * gives empty scores. The metric key is `degree`, `inDegree` or `outDegree`.
 * Complexity: O(n).
 * @returns scores aligned with `view.personIds`
 * @example
 * const view = project(graph, { directed: true });
 * degree(view, { direction: 'in' }).get('ana'); // how many people name ana
 */
export function degree(view: OrgView, options: DegreeOptions = {}): NodeScores {
  const direction = options.direction ?? DEFAULT_DEGREE_OPTIONS.direction;
  const { csr } = view;
  const values = new Float64Array(csr.n);
  const useOut = direction !== 'in';
  const useIn = direction !== 'out' && csr.directed;
  for (let i = 0; i < csr.n; i++) {
    let k = 0;
    if (useOut || !csr.directed) k += csr.offsets[i + 1] - csr.offsets[i];
    if (useIn) k += csr.inOffsets[i + 1] - csr.inOffsets[i];
    values[i] = k;
  }
  return new NodeScores(metricKey('degree', direction), view.personIds, values);
}

/** `degree` / `inDegree` / `outDegree` (and likewise for strength). */
export function metricKey(base: 'degree' | 'strength', direction: TieDirection): string {
  if (direction === 'total') return base;
  return direction + base[0].toUpperCase() + base.slice(1);
}

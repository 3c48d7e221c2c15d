/**
 * Strength (weighted degree)
 * The sum of the values of a person's ties: how much interaction flows through them.
 * Reference: Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The
 * architecture of complex weighted networks. PNAS 101(11), 3747-3752.
 */
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { DEFAULT_DEGREE_OPTIONS, metricKey, type TieDirection } from './degree.js';

/** Options of {@link strength}. */
export interface StrengthOptions {
  /**
   * 'total' sums ties in either direction (in + out on a directed view); 'in' / 'out' sum only
   * incoming / outgoing ties. On an undirected view all three are the same. @defaultValue 'total'
   */
  readonly direction?: TieDirection;
}
/** Defaults of {@link StrengthOptions} (frozen). */
export const DEFAULT_STRENGTH_OPTIONS = Object.freeze({ direction: DEFAULT_DEGREE_OPTIONS.direction });

/**
 * Strength of every person in the view.
 *
 *   undirected: s_i = sum_j a_ij     (a_ij = the pair's value)
 *   directed:   s_i^out = sum_j a_ij,  s_i^in = sum_j a_ji,  s_i = s_i^in + s_i^out
 *
 * Tie values are strengths (more = closer); on an unweighted view strength equals degree.
 * Isolates get 0; an empty view gives empty scores. Key: `strength`, `inStrength`, `outStrength`.
 * Complexity: O(n + m).
 * @returns scores aligned with `view.personIds`
 * @example
 * strength(project(graph), {}).top(5); // the five people with the most interaction
 */
export function strength(view: OrgView, options: StrengthOptions = {}): NodeScores {
  const direction = options.direction ?? DEFAULT_STRENGTH_OPTIONS.direction;
  const { csr } = view;
  const values = new Float64Array(csr.n);
  const useOut = direction !== 'in' || !csr.directed;
  const useIn = direction !== 'out' && csr.directed;
  for (let i = 0; i < csr.n; i++) {
    let s = 0;
    if (useOut) for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) s += csr.weights[p];
    if (useIn) for (let p = csr.inOffsets[i]; p < csr.inOffsets[i + 1]; p++) s += csr.inWeights[p];
    values[i] = s;
  }
  return new NodeScores(metricKey('strength', direction), view.personIds, values);
}

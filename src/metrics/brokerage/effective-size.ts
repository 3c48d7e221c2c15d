/**
 * Burt's effective size
 * A person's number of contacts less their redundancy: how many non-redundant contacts they have.
 * Reference: Burt, R. S. (1992). Structural Holes; Borgatti, S. P. (1997). Structural holes:
 * unpacking Burt's redundancy measures. Connections 20(1), 35-38.
 */
import { effectiveSizeKernel } from '../../core/structure/effective-size.js';
import type { OrgView } from '../../model/projection.js';
import type { NodeScores } from '../scores.js';
import { structuralHoleScore } from './groups.js';

/** Options of {@link effectiveSize}. */
export interface EffectiveSizeOptions {
  /** Use the view's tie values; false reads every tie (arc) present as 1. @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link EffectiveSizeOptions}. */
export const DEFAULT_EFFECTIVE_SIZE_OPTIONS = Object.freeze({ weighted: true } as const satisfies EffectiveSizeOptions);

/**
 * Effective size for every person.
 *
 *   ES_i = sum_{j in N(i)} [1 - sum_{q in N(i), q != i, j} p_iq m_jq]
 *   p_iq = (a_iq + a_qi) / sum_k (a_ik + a_ki),   m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)
 *
 * Unweighted and undirected this is k_i - 2 t_i / k_i, t_i the ties among i's contacts
 * (Borgatti 1997). Ties are read as undirected with pair value a_ij + a_ji. Equals
 * `nx.effective_size(G, weight=...)`. People without ties get NaN (as NetworkX: no contacts, no
 * redundancy to discount). Complexity: O(n + m + sum_i d_i^2).
 *
 * @returns scores aligned with `view.personIds`, metric key `effectiveSize`
 * @example
 * const es = effectiveSize(project(graph, { weighted: false }));
 */
export function effectiveSize(view: OrgView, options: EffectiveSizeOptions = {}): NodeScores {
  return structuralHoleScore(view, 'effectiveSize', options, DEFAULT_EFFECTIVE_SIZE_OPTIONS, effectiveSizeKernel);
}

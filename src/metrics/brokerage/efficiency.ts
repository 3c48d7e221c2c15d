/**
 * Burt's efficiency
 * Effective size per contact: the share of a person's contacts that are non-redundant.
 * Reference: Burt, R. S. (1992). Structural Holes. Harvard University Press, p. 53.
 */
import { egoDegrees } from '../../core/structure/ego-ties.js';
import { effectiveSizeKernel } from '../../core/structure/effective-size.js';
import type { OrgView } from '../../model/projection.js';
import type { NodeScores } from '../scores.js';
import { structuralHoleScores, type StructuralHoleTies } from './groups.js';

/** Options of {@link efficiency}. */
export interface EfficiencyOptions {
  /** Use the view's tie values; false reads every tie (arc) present as 1. @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link EfficiencyOptions}. */
export const DEFAULT_EFFICIENCY_OPTIONS = Object.freeze({ weighted: true } as const satisfies EfficiencyOptions);

/**
 * Efficiency for every person.
 *
 *   EF_i = ES_i / k_i,   k_i = |N(i)| (people tied to i in either direction)
 *
 * with ES_i the effective size ({@link effectiveSize}). In (0, 1]. People without ties get NaN.
 * Complexity: O(n + m + sum_i d_i^2).
 *
 * @returns scores aligned with `view.personIds`, metric key `efficiency`
 * @example
 * const ef = efficiency(project(graph));
 */
export function efficiency(view: OrgView, options: EfficiencyOptions = {}): NodeScores {
  return effectiveSizeAndEfficiency(view, options).efficiency;
}

/**
 * Effective size and efficiency in one pass. Same definitions as {@link effectiveSize} and
 * {@link efficiency}. `shared`: ego-tie tables already built for this view with the same weighting
 * (the catalogue's per-view memo), instead of building them.
 * @example
 * const { effectiveSize, efficiency } = effectiveSizeAndEfficiency(project(graph));
 */
export function effectiveSizeAndEfficiency(view: OrgView, options: EfficiencyOptions = {}, shared?: StructuralHoleTies) {
  return structuralHoleScores(view, options, DEFAULT_EFFICIENCY_OPTIONS, shared, (ties) => {
    const es = effectiveSizeKernel(ties);
    const k = egoDegrees(ties);
    const ef = new Float64Array(es.length);
    for (let i = 0; i < es.length; i++) ef[i] = es[i] / k[i]; // NaN / 0 = NaN
    return { effectiveSize: es, efficiency: ef };
  });
}

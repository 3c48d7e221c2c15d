/**
 * Burt's hierarchy
 * How much of a person's constraint is concentrated on one contact (0 = spread evenly, 1 = all on one).
 * Reference: Burt, R. S. (1992). Structural Holes. Harvard University Press, pp. 70-71.
 */
import { constraintKernel } from '../../core/structure/constraint.js';
import type { OrgView } from '../../model/projection.js';
import type { NodeScores } from '../scores.js';
import { structuralHoleScore, structuralHoleScores, type StructuralHoleTies } from './groups.js';

/** Options of {@link hierarchy}. */
export interface HierarchyOptions {
  /** Use the view's tie values; false reads every tie (arc) present as 1. @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link HierarchyOptions}. */
export const DEFAULT_HIERARCHY_OPTIONS = Object.freeze({ weighted: true } as const satisfies HierarchyOptions);

/**
 * Burt's hierarchy for every person.
 *
 *   H_i = sum_{j in N(i)} (c_ij / (C_i/N)) ln(c_ij / (C_i/N)) / (N ln N),   N = k_i = |N(i)|
 *
 * with c_ij the local constraint and C_i = sum_j c_ij as in {@link constraint} (ties read as
 * undirected, pair value a_ij + a_ji). H_i = 0 when i has one contact; NaN without ties.
 * In [0, 1]. No public library implements it (NetworkX issue 3467); it is checked by hand.
 * Complexity: O(n + m + sum_i d_i^2).
 *
 * @returns scores aligned with `view.personIds`, metric key `hierarchy`
 * @example
 * const h = hierarchy(project(graph));
 */
export function hierarchy(view: OrgView, options: HierarchyOptions = {}): NodeScores {
  return structuralHoleScore(view, 'hierarchy', options, DEFAULT_HIERARCHY_OPTIONS, (ties) => constraintKernel(ties, true).hierarchy!);
}

/**
 * Constraint and hierarchy in one pass (they share every c_ij). Same definitions and
 * conventions as {@link constraint} and {@link hierarchy}. `shared`: ego-tie tables already built
 * for this view with the same weighting (the catalogue's per-view memo), instead of building them.
 * @example
 * const { constraint, hierarchy } = constraintAndHierarchy(project(graph)); // NodeScores each
 */
export function constraintAndHierarchy(view: OrgView, options: HierarchyOptions = {}, shared?: StructuralHoleTies) {
  return structuralHoleScores(view, options, DEFAULT_HIERARCHY_OPTIONS, shared, (ties) => {
    const r = constraintKernel(ties, true);
    return { constraint: r.constraint, hierarchy: r.hierarchy! };
  });
}

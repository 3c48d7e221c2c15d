/**
 * Burt's constraint
 * How much a person's contacts are tied to one another; low = a broker across structural holes.
 * Reference: Burt, R. S. (1992). Structural Holes. Harvard University Press, pp. 54-65.
 */
import { constraintKernel } from '../../core/structure/constraint.js';
import type { OrgView } from '../../model/projection.js';
import type { NodeScores } from '../scores.js';
import { structuralHoleScore } from './groups.js';

/** Options of {@link constraint}. */
export interface ConstraintOptions {
  /** Use the view's tie values; false reads every tie (arc) present as 1. @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link ConstraintOptions}. */
export const DEFAULT_CONSTRAINT_OPTIONS = Object.freeze({ weighted: true } as const satisfies ConstraintOptions);

/**
 * Burt's constraint for every person.
 *
 *   C_i  = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != i, j} p_iq p_qj)^2
 *   p_ij = (a_ij + a_ji) / sum_{k in N(i)} (a_ik + a_ki)
 *
 * Ties are read as undirected: N(i) is everyone tied to i in either direction, and a pair's value
 * is a_ij + a_ji (on an undirected view, the pair value itself; on an unweighted directed view a
 * mutual pair counts 2, as NetworkX reads a DiGraph). Equals `nx.constraint(G, weight=...)` on
 * undirected views. People without ties get NaN; the empty graph gives empty scores.
 * Complexity: O(n + m + sum_i d_i^2) time, O(n) extra memory.
 *
 * @returns scores aligned with `view.personIds`, metric key `constraint`
 * @example
 * const c = constraint(project(graph));
 * c.top(5, { ascending: true }); // the five least constrained people: brokers
 */
export function constraint(view: OrgView, options: ConstraintOptions = {}): NodeScores {
  return structuralHoleScore(view, 'constraint', options, DEFAULT_CONSTRAINT_OPTIONS, (ties) => constraintKernel(ties, false).constraint);
}

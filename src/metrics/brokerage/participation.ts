/**
 * Participation coefficient
 * How evenly a person's ties spread over the groups (departments, communities): 0 = all in one group.
 * Reference: Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic
 * networks. Nature 433, 895-900.
 */
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { groupTieSpread, type GroupInput } from './groups.js';

/** Options of {@link participation}. */
export interface ParticipationOptions {
  /**
   * Sum tie values (true) or count contacts (false). Defaults to the view's own weighting, so an
   * unweighted view counts contacts and a weighted one sums values.
   */
  readonly weighted?: boolean;
}

/** Defaults of {@link ParticipationOptions}. */
export const DEFAULT_PARTICIPATION_OPTIONS = Object.freeze({} as const satisfies ParticipationOptions);

/**
 * Participation coefficient for every person.
 *
 *   P_i = 1 - sum_s (k_is / k_i)^2,   P_i = 0 when k_i = 0
 *
 * k_is is the number of i's contacts in group s on an unweighted reading, or the summed value of
 * i's ties into s on a weighted one; k_i = sum_s k_is. Ties are read as undirected (contacts in
 * either direction; a pair's value is a_ij + a_ji). Ties within i's own group count as group
 * g(i). In [0, 1 - 1/groups]. Isolates get 0. People without a group value form one group.
 * Complexity: O(n + m).
 *
 * @param group attribute name or partition (e.g. community ids) aligned with `view.personIds`
 * @returns scores aligned with `view.personIds`, metric key `participation`
 * @example
 * const p = participation(project(graph, { weighted: false }), 'department');
 */
export function participation(view: OrgView, group: GroupInput, options: ParticipationOptions = {}): NodeScores {
  const { spread } = groupTieSpread(view, group, options.weighted);
  return new NodeScores('participation', view.personIds, spread.participation);
}

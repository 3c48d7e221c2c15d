/**
 * Within-module degree z-score
 * How connected a person is inside their own group compared with the group's other members.
 * Reference: Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic
 * networks. Nature 433, 895-900.
 */
import { withinModuleZKernel } from '../../core/structure/within-module-z.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { groupTieSpread, type GroupInput } from './groups.js';

/** Options of {@link withinModuleZ}. */
export interface WithinModuleZOptions {
  /** Sum tie values (true) or count contacts (false). Defaults to the view's own weighting. */
  readonly weighted?: boolean;
}

/** Defaults of {@link WithinModuleZOptions}. */
export const DEFAULT_WITHIN_MODULE_Z_OPTIONS = Object.freeze({} as const satisfies WithinModuleZOptions);

/**
 * Within-module degree z-score for every person.
 *
 *   z_i = (k_{i,g(i)} - mean_{j in g(i)} k_{j,g(j)}) / sd_{j in g(i)} k_{j,g(j)}
 *
 * k_{i,g(i)} counts i's contacts in i's own group (or sums their tie values on a weighted
 * reading); ties are read as undirected. Mean and sd run over every member of the group, isolates
 * included; sd is the population sd (divisor n_g); z = 0 when sd = 0 (a group of one, or all
 * members alike). Complexity: O(n + m).
 *
 * @param group attribute name or partition aligned with `view.personIds`
 * @returns scores aligned with `view.personIds`, metric key `withinModuleZ`
 * @example
 * const z = withinModuleZ(project(graph), 'department');
 */
export function withinModuleZ(view: OrgView, group: GroupInput, options: WithinModuleZOptions = {}): NodeScores {
  const { codes, count, spread } = groupTieSpread(view, group, options.weighted);
  return new NodeScores('withinModuleZ', view.personIds, withinModuleZKernel(spread.withinDegree, codes, count));
}

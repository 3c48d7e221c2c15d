/**
 * Boundary spanners
 * People tied into several groups other than their own: the formal organisation's go-betweens.
 * Reference: Tushman, M. L. (1977). Special boundary roles in the innovation process.
 * Administrative Science Quarterly 22(4), 587-605.
 */
import { boundarySpannersKernel } from '../../core/structure/boundary-spanners.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { groupCodes, viewEgoTies, type GroupInput } from './groups.js';

/** Options of {@link boundarySpanners}. */
export interface BoundarySpannersOptions {
  /** A person spans boundaries when tied into at least this many other groups. @defaultValue 2 */
  readonly minGroups?: number;
}

/** Defaults of {@link BoundarySpannersOptions}. */
export const DEFAULT_BOUNDARY_SPANNERS_OPTIONS = Object.freeze({ minGroups: 2 } as const satisfies BoundarySpannersOptions);

/** What {@link boundarySpanners} returns. */
export interface BoundarySpannersResult {
  /** Number of other groups each person is tied into (metric key `groupsSpanned`). */
  readonly groupsSpanned: NodeScores;
  /** Ids of the people with groupsSpanned >= minGroups, in view order. */
  readonly spanners: readonly string[];
  /** The threshold used: other groups a person must reach to count as a spanner. */
  readonly minGroups: number;
}

/**
 * Boundary spanners and the number of groups each person reaches.
 *
 *   spanned_i = |{ g(j) : j in N(i) } \ { g(i) }|,   spanner iff spanned_i >= minGroups
 *
 * Ties are read as undirected (contacts in either direction); values are ignored. People without a
 * group value form one group of their own, which counts as a group. Isolates span 0 groups.
 * Complexity: O(n + m).
 *
 * @param group attribute name or partition aligned with `view.personIds`
 * @example
 * boundarySpanners(project(graph), 'department', { minGroups: 3 }).spanners;
 */
export function boundarySpanners(view: OrgView, group: GroupInput, options: BoundarySpannersOptions = {}): BoundarySpannersResult {
  const minGroups = options.minGroups ?? DEFAULT_BOUNDARY_SPANNERS_OPTIONS.minGroups;
  const { codes, count } = groupCodes(view, group);
  const spanned = boundarySpannersKernel(viewEgoTies(view, false), codes, count);
  const spanners: string[] = [];
  for (let i = 0; i < spanned.length; i++) if (spanned[i] >= minGroups) spanners.push(view.personIds[i]);
  return { groupsSpanned: new NodeScores('groupsSpanned', view.personIds, spanned), spanners, minGroups };
}

/**
 * Conductance of each group
 * How much of a group's tie volume leaves it: the cut between the group and the rest over the
 * smaller of the two volumes; 0 = a closed group, 1 = every tie leaves.
 * Reference: Kannan, R., Vempala, S. & Vetta, A. (2004). On clusterings: good, bad and spectral.
 * Journal of the ACM 51(3), 497-515.
 */
import { groupCuts } from '../../core/groups/group-mixing.js';
import type { OrgView } from '../../model/projection.js';
import { groupRows, partitionTotals, type GroupPartition, type GroupSize } from './groups.js';

/** Options of {@link conductance}. */
export interface ConductanceOptions {
  /** Read tie strengths; false counts ties. @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link ConductanceOptions}. */
export const DEFAULT_CONDUCTANCE_OPTIONS = Object.freeze({ weighted: true } as const satisfies ConductanceOptions);

/** Conductance of one group with its parts. */
export interface GroupConductance extends GroupSize {
  /** Ties (or strength) between the group and the other grouped people. */
  readonly cut: number;
  /** Sum of the group's degrees (or strengths). */
  readonly volume: number;
  /** cut / min(volume, rest volume); NaN when either volume is 0. */
  readonly value: number;
}

/**
 * Conductance of every group S against the other grouped people T.
 *
 *   phi(S) = cut(S, T) / min(vol(S), vol(T)),   vol(S) = sum over i in S of deg(i)
 *
 * On directed views every arc is read as an undirected tie (so cut counts arcs both ways and
 * vol(S) = 2 I_S + cut(S, T)): phi stays in [0, 1]. With `weighted` (the default) degrees and cut
 * are strengths. People without a group are left out with their ties. NaN when vol(S) or vol(T)
 * is 0 (a group without ties, a single group). Complexity: O(n + m + k).
 * @example
 * conductance(view, groupPartition(view, 'department')).find((c) => c.group === 'Legal')?.value;
 */
export function conductance(view: OrgView, groups: GroupPartition, options: ConductanceOptions = {}): GroupConductance[] {
  const weighted = options.weighted ?? DEFAULT_CONDUCTANCE_OPTIONS.weighted;
  const { cut, volume, conductance: phi } = groupCuts(partitionTotals(view, groups), weighted);
  return groupRows(groups.names, groups.sizes, (g) => ({ cut: cut[g], volume: volume[g], value: phi[g] }));
}

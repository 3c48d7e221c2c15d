/**
 * Density, of the network and inside and around each group
 * The share of possible ties that exist: overall, among a group's members, and between a group's
 * members and everyone else; their ratio says how much denser a group is inside than across.
 * Reference: Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge University Press, §4.2.
 */
import { edgeCount } from '../../core/graph/csr.js';
import { groupCuts, groupDensities } from '../../core/groups/group-mixing.js';
import type { OrgView } from '../../model/projection.js';
import { groupRows, partitionTotals, type GroupPartition, type GroupSize } from './groups.js';

/**
 * Density of a view: ties present over ties possible.
 *
 *   density = m / (n (n - 1) / 2)  undirected,   m / (n (n - 1))  directed
 *
 * Weights are not read. A view of 0 or 1 person has NaN density. Complexity: O(1).
 * @example
 * density(project(graph)); // 0.12
 */
export function density(view: OrgView): number {
  const { n } = view.csr;
  const possible = view.csr.directed ? n * (n - 1) : (n * (n - 1)) / 2;
  return possible > 0 ? edgeCount(view.csr) / possible : NaN;
}

/** Internal and external density of one group. */
export interface GroupDensity extends GroupSize {
  /** Ties inside the group (each once). */
  readonly internalTies: number;
  /** Ties between the group and other grouped people (directed: sent plus received). */
  readonly externalTies: number;
  /** internalTies / possible internal ties; NaN for a group of one. */
  readonly internal: number;
  /** externalTies / possible ties to the other grouped people; NaN when the group is everyone. */
  readonly external: number;
  /** internal / external: > 1 = denser inside than across (Infinity when external is 0). */
  readonly ratio: number;
}

/**
 * Internal and external density of each group, counting ties (weights are not read).
 *
 *   internal_g = I_g / (n_g (n_g - 1) / 2)          undirected;  I_g / (n_g (n_g - 1))       directed
 *   external_g = E_g / (n_g (N - n_g))              undirected;  E_g / (2 n_g (N - n_g))    directed
 *   ratio_g    = internal_g / external_g
 *
 * N = grouped people; E_g on directed views counts arcs sent and received. People without a group
 * are left out with their ties. Undefined parts are NaN (a group of one has no internal density;
 * a single group has no external density); ratio is NaN when both densities are 0 or undefined.
 * Complexity: O(n + m + k).
 * @example
 * groupDensity(view, groupPartition(view, 'department')).map((d) => [d.group, d.ratio]);
 */
export function groupDensity(view: OrgView, groups: GroupPartition): GroupDensity[] {
  const t = partitionTotals(view, groups);
  const { cut } = groupCuts(t, false);
  const density = groupDensities(t);
  return groupRows(groups.names, t.size, (g) => {
    const internal = density.internal[g];
    const external = density.external[g];
    return { internalTies: t.internalTies[g], externalTies: cut[g], internal, external, ratio: densityRatio(internal, external) };
  });
}

function densityRatio(internal: number, external: number): number {
  if (Number.isNaN(internal) || Number.isNaN(external)) return NaN;
  if (external === 0) return internal > 0 ? Infinity : NaN;
  return internal / external;
}

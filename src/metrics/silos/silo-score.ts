/**
 * Silo score
 * One number per group in [0, 1] saying how closed the group is: the mean of how many of its ties
 * stay inside (from the E-I index), how little of its tie volume leaves (from conductance), and how
 * much denser it is inside than across (from the density ratio). 1 = fully closed, about 0.5 or
 * less = as open as random mixing.
 * Reference: orgraph's own composite of Krackhardt & Stern (1988, E-I), Kannan et al. (2004,
 * conductance) and block densities (Wasserman & Faust 1994, §10); see docs/metrics/silos.md.
 */
import { groupCuts, groupDensities, tieTotals } from '../../core/groups/group-mixing.js';
import type { OrgView } from '../../model/projection.js';
import { groupRows, partitionTotals, type GroupPartition, type GroupSize } from './groups.js';

/** Options of {@link siloScore}. */
export interface SiloScoreOptions {
  /** Read tie strengths in E-I and conductance; false counts ties. Densities always count ties. @defaultValue false */
  readonly weighted?: boolean;
}

/** Defaults of {@link SiloScoreOptions}. */
export const DEFAULT_SILO_SCORE_OPTIONS = Object.freeze({ weighted: false } as const satisfies SiloScoreOptions);

/** The silo score of one group and its three parts, each in [0, 1] with 1 = closed. */
export interface GroupSiloScore extends GroupSize {
  /** (1 - E-I_g) / 2 = I_g / (I_g + E_g): share of the group's ties that stay inside. */
  readonly insularity: number;
  /** 1 - conductance_g: share of the smaller side's tie volume that does not cross. */
  readonly closure: number;
  /** d_in / (d_in + d_out) = ratio / (1 + ratio): 0.5 = as dense inside as across. */
  readonly preference: number;
  /** (insularity + closure + preference) / 3; NaN when any part is undefined. */
  readonly value: number;
}

/**
 * A silo score for every group.
 *
 *   insularity_g = I_g / (I_g + E_g)                     = (1 - EI_g) / 2
 *   closure_g    = 1 - cut_g / min(vol_g, vol_rest)      = 1 - conductance_g
 *   preference_g = d_in,g / (d_in,g + d_out,g)           = ratio_g / (1 + ratio_g)
 *   silo_g       = (insularity_g + closure_g + preference_g) / 3
 *
 * Why three parts: insularity alone rewards sheer size (a group holding most people has mostly
 * internal ties even under random mixing); preference (internal vs external density) corrects for
 * size but ignores how much volume is at stake (a pair with one internal tie has density 1);
 * closure measures the cut against the smaller side of it, so a large group cut off from a small
 * rest also scores as closed. Each lies in [0, 1] with 1 = closed, so the mean is on the same scale.
 *
 * I_g, E_g and cut_g count ties (strengths with `weighted`); on directed views E_g counts arcs
 * sent and received and conductance reads arcs as undirected ties. People without a group are left
 * out with their ties. A group without ties, a group of one (no internal density) or a single group
 * (no outside) gets NaN. Complexity: O(n + m + k).
 * @example
 * siloScore(view, groupPartition(view, 'department')).sort((x, y) => y.value - x.value)[0].group;
 */
export function siloScore(view: OrgView, groups: GroupPartition, options: SiloScoreOptions = {}): GroupSiloScore[] {
  const weighted = options.weighted ?? DEFAULT_SILO_SCORE_OPTIONS.weighted;
  const t = partitionTotals(view, groups);
  const { internal } = tieTotals(t, weighted);
  const { cut, conductance } = groupCuts(t, weighted);
  // Densities count ties whatever `weighted` says.
  const density = groupDensities(t);
  return groupRows(groups.names, t.size, (g) => {
    const ties = internal[g] + cut[g];
    const insularity = ties > 0 ? internal[g] / ties : NaN;
    const closure = 1 - conductance[g];
    const dIn = density.internal[g];
    const dOut = density.external[g];
    const preference = dIn + dOut > 0 ? dIn / (dIn + dOut) : NaN;
    return { insularity, closure, preference, value: (insularity + closure + preference) / 3 };
  });
}

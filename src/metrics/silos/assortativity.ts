/**
 * Nominal assortativity
 * Whether ties join people of the same group more than random mixing would: 1 = only within
 * groups, 0 = as random, negative = groups seek each other out.
 * Reference: Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E 67, 026126.
 */
import { tieTotals } from '../../core/groups/group-mixing.js';
import type { OrgView } from '../../model/projection.js';
import { partitionTotals, type GroupPartition } from './groups.js';

/** Options of {@link assortativity}. */
export interface AssortativityOptions {
  /** Read tie strengths; false counts ties (as NetworkX and igraph do). @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link AssortativityOptions}. */
export const DEFAULT_ASSORTATIVITY_OPTIONS = Object.freeze({ weighted: true } as const satisfies AssortativityOptions);

/**
 * Newman's assortativity coefficient for a categorical attribute.
 *
 *   r = (sum_g e_gg - sum_g a_g b_g) / (1 - sum_g a_g b_g)
 *
 * e_gh = share of tie ends running from group g to group h (undirected ties count both ways),
 * a_g = sum_h e_gh, b_h = sum_g e_gh. With `weighted` (the default) shares are of total strength.
 * People without a group are left out with their ties. NaN when there are no ties or when all tie
 * ends are in one group (sum a_g b_g = 1). Complexity: O(n + m + k).
 * @example
 * assortativity(view, groupPartition(view, 'club'), { weighted: false }); // karate: 0.7176
 */
export function assortativity(view: OrgView, groups: GroupPartition, options: AssortativityOptions = {}): number {
  const weighted = options.weighted ?? DEFAULT_ASSORTATIVITY_OPTIONS.weighted;
  const { csr } = view;
  const t = partitionTotals(view, groups);
  const k = t.k;
  const { internal, out, in: inn } = tieTotals(t, weighted);
  // Tie ends: undirected 2m (each edge both ways), directed m.
  let ends = 0;
  for (let g = 0; g < k; g++) ends += csr.directed ? internal[g] + out[g] : 2 * internal[g] + out[g];
  if (!(ends > 0)) return NaN;
  let trace = 0;
  let ab = 0;
  for (let g = 0; g < k; g++) {
    trace += ((csr.directed ? 1 : 2) * internal[g]) / ends;
    const a = (csr.directed ? internal[g] + out[g] : 2 * internal[g] + out[g]) / ends;
    const b = (csr.directed ? internal[g] + inn[g] : 2 * internal[g] + out[g]) / ends;
    ab += a * b;
  }
  const denominator = 1 - ab;
  return Math.abs(denominator) > 1e-15 ? (trace - ab) / denominator : NaN;
}

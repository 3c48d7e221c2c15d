/**
 * Participation coefficient kernel: how evenly a node's ties spread over the groups (modules).
 * Reference: Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic
 * networks. Nature 433, 895-900.
 */
import type { EgoTies } from './ego-ties.js';
import { float64Arrays } from '../util/typed-arrays.js';

/** Participation and the ingredients other group measures reuse. */
export interface ParticipationKernelResult {
  /** P_i = 1 - sum_s (k_is / k_i)^2; 0 when k_i = 0. */
  readonly participation: Float64Array;
  /** k_i: tie count (or summed value) over all contacts. */
  readonly degree: Float64Array;
  /** k_{i, g(i)}: tie count (or summed value) to contacts in i's own group. */
  readonly withinDegree: Float64Array;
}

/**
 * Participation coefficient of every node.
 *
 *   P_i = 1 - sum_s (k_is / k_i)^2,   P_i = 0 when k_i = 0
 *
 * k_is counts i's contacts in group s (`weighted` false) or sums the values of those ties
 * (`weighted` true); k_i = sum_s k_is. Complexity: O(n + m) with a dense per-group scratch array
 * reset through a touched list.
 *
 * @param groups group code per node in [0, groupCount)
 * @example
 * const { participation } = participationKernel(ties, groups, 3, false);
 */
export function participationKernel(ties: EgoTies, groups: Int32Array, groupCount: number, weighted: boolean): ParticipationKernelResult {
  const { n, offsets, targets, weights } = ties;
  const [participation, degree, withinDegree] = float64Arrays(n, 3);
  const perGroup = new Float64Array(groupCount);
  const touched = new Int32Array(groupCount);
  for (let i = 0; i < n; i++) {
    let used = 0;
    let k = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const s = groups[targets[p]];
      const w = weighted ? weights[p] : 1;
      if (perGroup[s] === 0) touched[used++] = s;
      perGroup[s] += w;
      k += w;
    }
    degree[i] = k;
    withinDegree[i] = perGroup[groups[i]];
    let sum = 0;
    for (let u = 0; u < used; u++) {
      const s = touched[u];
      const share = perGroup[s] / k;
      sum += share * share;
      perGroup[s] = 0;
    }
    participation[i] = k > 0 ? 1 - sum : 0;
  }
  return { participation, degree, withinDegree };
}

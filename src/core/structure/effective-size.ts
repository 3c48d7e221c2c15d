/**
 * Burt's effective size kernel on ego ties: the number of an ego's contacts less their redundancy.
 * Reference: Burt, R. S. (1992). Structural Holes; Borgatti, S. P. (1997). Structural holes:
 * unpacking Burt's redundancy measures. Connections 20(1), 35-38.
 */
import { egoRowScales, type EgoTies } from './ego-ties.js';

/**
 * Effective size of every node.
 *
 *   ES_i = sum_{j in N(i)} [1 - sum_{q in N(i), q != i, j} p_iq m_jq]
 *   p_iq = w_iq / sum_k w_ik,   m_jq = w_jq / max_k w_jk      (w = mutual value a_ij + a_ji)
 *
 * With all values 1 this is Borgatti's k_i - 2 t_i / k_i (t_i ties among i's contacts).
 * Nodes without ties get NaN. Complexity: O(sum_q d_q^2) time, O(n) scratch: the sum is
 * regrouped as sum_q p_iq sum_{j in N(q) ∩ N(i)} w_qj / M_j and walked over contacts' rows.
 *
 * @example
 * const es = effectiveSizeKernel(egoTies(csr));
 */
export function effectiveSizeKernel(ties: EgoTies): Float64Array {
  const { n, offsets, targets, weights } = ties;
  const out = new Float64Array(n);
  // Step 1: 1 / s_i and 1 / M_j (largest mutual value in j's row).
  const { invStrength, invMax } = egoRowScales(ties);
  // NOTE: while ego i is processed, `scale[j]` = 1 / M_j for j in N(i) and 0 for everyone else,
  // so the inner sum needs no branch; it is cleared again after each ego.
  // NOTE: keep in sync with core/structure/constraint.ts:constraintKernel (the same loop over egos:
  // row bounds, NaN for an empty row, scale set on the contacts and cleared after); kept apart
  // because it is the O(sum d^2) hot loop of each kernel.
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    const k = end - start;
    if (k === 0) {
      out[i] = NaN;
      continue;
    }
    for (let p = start; p < end; p++) scale[targets[p]] = invMax[targets[p]];
    // Step 2: redundancy = sum_q p_iq sum_{j in N(q) ∩ N(i)} w_qj / M_j.
    let redundancy = 0;
    for (let a = start; a < end; a++) {
      const q = targets[a];
      let inner = 0;
      const qEnd = offsets[q + 1];
      for (let p = offsets[q]; p < qEnd; p++) inner += weights[p] * scale[targets[p]];
      redundancy += weights[a] * inner;
    }
    out[i] = k - redundancy * invStrength[i];
    for (let p = start; p < end; p++) scale[targets[p]] = 0;
  }
  return out;
}

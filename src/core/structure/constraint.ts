/**
 * Burt's constraint and hierarchy kernel on ego ties.
 * Constraint measures how much an ego's contacts are tied to one another; hierarchy measures how
 * much of that constraint is concentrated on a single contact.
 * Reference: Burt, R. S. (1992). Structural Holes. Harvard University Press, pp. 54-71.
 */
import { egoRowScales, type EgoTies } from './ego-ties.js';

/** Constraint and (when asked for) hierarchy per node. */
export interface ConstraintKernelResult {
  readonly constraint: Float64Array;
  /** Present when the kernel was asked for it. */
  readonly hierarchy: Float64Array | null;
}

/**
 * Constraint (and optionally hierarchy) of every node.
 *
 *   p_ij = w_ij / s_i,  s_i = sum_{k in N(i)} w_ik          (w = mutual value a_ij + a_ji)
 *   c_ij = (p_ij + sum_{q in N(i), q != i, j} p_iq p_qj)^2
 *   C_i  = sum_{j in N(i)} c_ij
 *   H_i  = sum_j (c_ij / (C_i/k_i)) ln(c_ij / (C_i/k_i)) / (k_i ln k_i),   H_i = 0 when k_i = 1
 *
 * Nodes without ties get NaN for both. Complexity: O(sum_i sum_{j in N(i)} d_j) = O(sum_j d_j^2)
 * time, O(n + max d) scratch: the indirect term of c_ij is a dot product of j's row with a dense
 * array holding p_iq / s_q at i's contacts q (0 elsewhere), reused across egos.
 *
 * @example
 * const { constraint } = constraintKernel(egoTies(csr), false);
 */
export function constraintKernel(ties: EgoTies, withHierarchy: boolean): ConstraintKernelResult {
  const { n, offsets, targets, weights } = ties;
  const constraint = new Float64Array(n);
  const hierarchy = withHierarchy ? new Float64Array(n) : null;
  // Step 1: 1 / s_q for every node, and the largest row.
  const { invStrength, maxDegree } = egoRowScales(ties);
  // NOTE: while ego i is processed, `scale[q]` = p_iq / s_q for q in N(i) and 0 for everyone else,
  // so the indirect sum over a contact's row needs no branch; it is cleared after each ego.
  // `local` holds c_ij by position in row i (dense scratch reused across egos).
  // NOTE: keep in sync with core/structure/effective-size.ts:effectiveSizeKernel (the same loop over
  // egos: row bounds, NaN for an empty row, scale set on the contacts and cleared after); kept apart
  // because it is the O(sum d^2) hot loop of each kernel.
  const scale = new Float64Array(n);
  const local = new Float64Array(maxDegree);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    const k = end - start;
    if (k === 0) {
      constraint[i] = NaN;
      if (hierarchy) hierarchy[i] = NaN;
      continue;
    }
    // Step 2: scale[q] = p_iq / s_q for every contact q.
    const si = invStrength[i];
    for (let p = start; p < end; p++) {
      const q = targets[p];
      scale[q] = weights[p] * si * invStrength[q];
    }
    // Step 3: c_ij = (p_ij + sum_{q in N(j)} w_jq p_iq / s_q)^2, walking the row of each contact j
    // (w symmetric, so w_jq / s_q = p_qj).
    let c = 0;
    for (let p = start; p < end; p++) {
      const j = targets[p];
      let indirect = 0;
      const jEnd = offsets[j + 1];
      for (let r = offsets[j]; r < jEnd; r++) indirect += weights[r] * scale[targets[r]];
      const x = weights[p] * si + indirect;
      local[p - start] = x * x;
      c += x * x;
    }
    for (let p = start; p < end; p++) scale[targets[p]] = 0;
    constraint[i] = c;
    if (hierarchy) {
      if (k === 1) {
        hierarchy[i] = 0;
      } else {
        const mean = c / k;
        let h = 0;
        for (let p = 0; p < k; p++) {
          const r = local[p] / mean;
          h += r * Math.log(r);
        }
        hierarchy[i] = h / (k * Math.log(k));
      }
    }
  }
  return { constraint, hierarchy };
}

/**
 * Bridging coefficient kernel: how much a node sits between better-connected neighbours.
 * Reference: Hwang, W., Cho, Y.-R., Zhang, A. & Ramanathan, M. (2006). Bridging centrality:
 * identifying bridging nodes in scale-free networks. KDD 2006 (tech. report 2006-05, SUNY Buffalo).
 */
import type { EgoTies } from './ego-ties.js';

/**
 * BrC_i = (1 / k_i) / sum_{u in N(i)} (1 / k_u),   k = number of distinct contacts
 *
 * Nodes without ties get NaN. Complexity: O(n + m).
 *
 * @example
 * bridgingCoefficientKernel(egoTies(csr));
 */
export function bridgingCoefficientKernel(ties: EgoTies): Float64Array {
  const { n, offsets, targets } = ties;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = offsets[i + 1] - offsets[i];
    if (k === 0) {
      out[i] = NaN;
      continue;
    }
    let sum = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const u = targets[p];
      sum += 1 / (offsets[u + 1] - offsets[u]);
    }
    out[i] = 1 / k / sum;
  }
  return out;
}

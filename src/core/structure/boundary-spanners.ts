/**
 * Boundary-spanning kernel: how many groups other than its own a node has ties into.
 * Reference: Tushman, M. L. (1977). Special boundary roles in the innovation process.
 * Administrative Science Quarterly 22(4), 587-605.
 */
import type { EgoTies } from './ego-ties.js';

/**
 * spanned_i = |{ g(j) : j in N(i) } \ { g(i) }|
 *
 * Complexity: O(n + m) with a per-group stamp array.
 *
 * @param groups group code per node in [0, groupCount)
 * @example
 * boundarySpannersKernel(egoTies(csr), Int32Array.from([0, 1, 1]), 2);
 */
export function boundarySpannersKernel(ties: EgoTies, groups: Int32Array, groupCount: number): Float64Array {
  const { n, offsets, targets } = ties;
  const out = new Float64Array(n);
  const stamp = new Int32Array(groupCount).fill(-1);
  for (let i = 0; i < n; i++) {
    stamp[groups[i]] = i;
    let count = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const s = groups[targets[p]];
      if (stamp[s] !== i) {
        stamp[s] = i;
        count++;
      }
    }
    out[i] = count;
  }
  return out;
}

/**
 * Path graph: the arrays every shortest-path kernel reads
 * A CSR row structure plus arc lengths (or none, for hop counts), independent of how it was built.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2).
 */
import type { Csr } from './csr.js';

/**
 * Out-arcs of node `v` are `targets[offsets[v] .. offsets[v+1])` with lengths at the same positions.
 * `lengths === null` means every arc has length 1 and kernels use breadth-first search.
 *
 * NOTE: lengths must be positive and finite; kernels do not check.
 */
export interface PathGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly lengths: Float64Array | null;
}

/**
 * The path graph of a CSR, following arcs forwards (out-arcs) or backwards (in-arcs).
 * `lengths` / `inLengths` come from `lengthsFromStrengths`; pass null for hop counts.
 * Complexity: O(1), arrays are shared, not copied.
 */
export function pathGraphOf(
  g: Csr,
  lengths: { lengths: Float64Array; inLengths: Float64Array } | null,
  backwards = false,
): PathGraph {
  if (backwards && g.directed) {
    return { n: g.n, offsets: g.inOffsets, targets: g.inSources, lengths: lengths ? lengths.inLengths : null };
  }
  return { n: g.n, offsets: g.offsets, targets: g.targets, lengths: lengths ? lengths.lengths : null };
}

/**
 * The common length when every arc has the same length, else NaN (also NaN for no arcs).
 * Used to switch to breadth-first search when weights cannot change which paths are shortest.
 */
export function uniformLength(lengths: Float64Array): number {
  if (lengths.length === 0) return NaN;
  const first = lengths[0];
  for (let p = 1; p < lengths.length; p++) if (lengths[p] !== first) return NaN;
  return first;
}

/**
 * Modularity of a partition
 * How much more of the tie volume falls inside the groups than random ties with the same degrees
 * would put there; the resolution gamma weights the random expectation.
 * Reference: Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in
 * networks. Physical Review E 69, 026113; Reichardt, J. & Bornholdt, S. (2006), Phys. Rev. E 74,
 * 016110 (resolution); Leicht, E. A. & Newman, M. E. J. (2008), Phys. Rev. Lett. 100, 118703 (directed).
 */
import type { Csr } from '../../core/graph/csr.js';
import { groupTotals, tieTotals } from '../../core/groups/group-mixing.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { checkLabels, type GroupPartition } from './groups.js';

export interface ModularityOptions {
  /** gamma: > 1 favours smaller groups, < 1 larger ones. @defaultValue 1 */
  readonly resolution?: number;
  /** Read tie strengths; false counts ties. @defaultValue true */
  readonly weighted?: boolean;
}

/** Defaults of {@link ModularityOptions}. */
export const DEFAULT_MODULARITY_OPTIONS = Object.freeze({ resolution: 1, weighted: true } as const satisfies ModularityOptions);

/**
 * Modularity of a partition of a view's people (formal groups or detected communities).
 *
 *   undirected: Q = sum_g [ L_g / m  -  gamma (d_g / 2m)^2 ]
 *   directed:   Q = sum_g [ L_g / m  -  gamma d_g^out d_g^in / m^2 ]
 *
 * L_g = ties inside g, d_g = sum of degrees in g, m = ties (strengths when `weighted`). Equals
 * Q = 1/2m sum_ij [A_ij - gamma k_i k_j / 2m] delta(c_i, c_j) (NetworkX `modularity`). People without
 * a group are left out with their ties. NaN when there are no ties. Complexity: O(n + m + k).
 * @example
 * modularity(view, groupPartition(view, 'department'), { resolution: 1 }); // 0.31
 */
export function modularity(view: OrgView, partition: GroupPartition, options: ModularityOptions = {}): number {
  const gamma = options.resolution ?? DEFAULT_MODULARITY_OPTIONS.resolution;
  const weighted = options.weighted ?? DEFAULT_MODULARITY_OPTIONS.weighted;
  if (!Number.isFinite(gamma) || gamma < 0) {
    throw new OrgraphError('E_BAD_OPTION', `resolution must be a finite number >= 0, got ${gamma}`, { field: 'resolution' });
  }
  const k = partition.names.length;
  checkLabels(partition.labels, view.csr.n, k);
  return modularityOfLabels(view.csr, partition.labels, k, gamma, weighted);
}

/**
 * Modularity of labels in [-1, k) on a CSR (the kernel behind {@link modularity}; no checks).
 * @internal
 */
export function modularityOfLabels(csr: Csr, labels: Int32Array, k: number, gamma: number, weighted: boolean): number {
  const { internal, out, in: inn } = tieTotals(groupTotals(csr, labels, k), weighted);
  let m = 0;
  for (let g = 0; g < k; g++) m += internal[g] + (csr.directed ? out[g] : out[g] / 2);
  if (!(m > 0)) return NaN;
  let q = 0;
  for (let g = 0; g < k; g++) {
    if (csr.directed) {
      const dOut = internal[g] + out[g];
      const dIn = internal[g] + inn[g];
      q += internal[g] / m - (gamma * dOut * dIn) / (m * m);
    } else {
      const d = 2 * internal[g] + out[g];
      q += internal[g] / m - gamma * (d / (2 * m)) ** 2;
    }
  }
  return q;
}

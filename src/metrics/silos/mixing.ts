/**
 * Group mixing matrix
 * Ties between every pair of groups (count and strength), the block density, and how far each cell
 * is from what random mixing with the same degrees would give.
 * Reference: Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E 67, 026126;
 * White, H. C., Boorman, S. A. & Breiger, R. L. (1976). Social structure from multiple networks I.
 * Blockmodels of roles and positions. American Journal of Sociology 81(4), 730-780.
 */
import { groupMixingMatrix } from '../../core/groups/group-mixing.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { checkLabels, type GroupPartition } from './groups.js';

/** Largest number of groups a dense mixing matrix is built for (4.2 million cells). */
export const MAX_MIXING_GROUPS = 2048;

/** One cell of the mixing matrix: ties from group `from` to group `to`. */
export interface MixingCell {
  /** Name of the row group (the ties' origin when the view is directed). */
  readonly from: string;
  /** Name of the column group (the ties' destination when the view is directed). */
  readonly to: string;
  /** Ties in the cell: from -> to when directed, between the two (inside, when from = to) when undirected. */
  readonly ties: number;
  /** Sum of those ties' values (strength). */
  readonly weight: number;
  /** ties / possible ties between the two groups (NaN when none are possible). */
  readonly density: number;
  /** Ties expected under random mixing with the same degrees. */
  readonly expectedTies: number;
  /** ties / expectedTies (NaN when nothing is expected). */
  readonly tieRatio: number;
  /** Strength expected under random mixing with the same strengths. */
  readonly expectedWeight: number;
  /** weight / expectedWeight (NaN when nothing is expected). */
  readonly weightRatio: number;
}

/** What {@link mixing} returns. */
export interface MixingResult {
  /** Group names; matrices are k x k, row-major, rows and columns in this order. */
  readonly groups: readonly string[];
  /** Whether the view is directed: then the matrices are not symmetric (row = origin, column = destination). */
  readonly directed: boolean;
  /** Tie counts (directed: row -> column; undirected: symmetric, each edge once). */
  readonly ties: Float64Array;
  /** Tie strengths, laid out as `ties`. */
  readonly weight: Float64Array;
  /** Block densities, laid out as `ties`. */
  readonly density: Float64Array;
  /** Ties expected under random mixing with the same degrees (the formula above), laid out as `ties`. */
  readonly expectedTies: Float64Array;
  /** Strength expected under random mixing with the same strengths, laid out as `ties`. */
  readonly expectedWeight: Float64Array;
  /** Total ties among grouped people (each tie once). */
  readonly totalTies: number;
  /** Total strength (sum of tie values) among grouped people. */
  readonly totalWeight: number;
}

/**
 * The group-by-group mixing matrix of a view.
 *
 *   ties_gh    = ties from g to h (undirected: between g and h; diagonal = ties inside g, each once)
 *   density_gh = ties_gh / (n_g n_h)  for g != h
 *   density_gg = ties_gg / (n_g (n_g - 1))  directed,  ties_gg / (n_g (n_g - 1) / 2)  undirected
 *   expected_gh = D_g D_h / 2M  (g != h),  D_g^2 / 4M  (g = h)   undirected, D_g = degree sum of g, M = ties
 *   expected_gh = Dout_g Din_h / M                                  directed
 *   ratio_gh   = ties_gh / expected_gh  (1 = as random mixing with these degrees; < 1 = avoided)
 *
 * The same expectation on strengths gives `expectedWeight`. Only ties between grouped people count
 * (people without a group are left out with their ties). A cell that no tie can fill (a group of one
 * on the diagonal) has NaN density; a cell with nothing expected has NaN ratio. An empty view gives
 * an all-zero matrix.
 *
 * Throws `E_BAD_OPTION` for more than {@link MAX_MIXING_GROUPS} groups.
 * Complexity: O(n + m + k^2) time, O(k^2) memory.
 * @example
 * const mix = mixing(view, groupPartition(view, 'department'));
 * mixingCells(mix).filter((c) => c.from !== c.to && c.ties === 0); // pairs of groups that never talk
 */
export function mixing(view: OrgView, groups: GroupPartition): MixingResult {
  const k = groups.names.length;
  if (k > MAX_MIXING_GROUPS) {
    throw new OrgraphError(
      'E_BAD_OPTION',
      `${k} groups: a mixing matrix is built for at most ${MAX_MIXING_GROUPS} groups; group by a coarser attribute`,
      { field: 'group' },
    );
  }
  const { csr } = view;
  checkLabels(groups.labels, csr.n, k);
  const { ties, weight } = groupMixingMatrix(csr, groups.labels, k);
  const density = new Float64Array(k * k);
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) {
      const ng = groups.sizes[g];
      const nh = groups.sizes[h];
      const possible = g !== h ? ng * nh : csr.directed ? ng * (ng - 1) : (ng * (ng - 1)) / 2;
      density[g * k + h] = possible > 0 ? ties[g * k + h] / possible : NaN;
    }
  }
  const expectedTies = expectation(ties, k, csr.directed);
  const expectedWeight = expectation(weight, k, csr.directed);
  let totalTies = 0;
  let totalWeight = 0;
  for (let g = 0; g < k; g++) {
    for (let h = csr.directed ? 0 : g; h < k; h++) {
      totalTies += ties[g * k + h];
      totalWeight += weight[g * k + h];
    }
  }
  return { groups: groups.names, directed: csr.directed, ties, weight, density, expectedTies, expectedWeight, totalTies, totalWeight };
}

/** Configuration-model expectation of each cell from the matrix's own margins. */
function expectation(x: Float64Array, k: number, directed: boolean): Float64Array {
  const out = new Float64Array(k * k);
  if (directed) {
    const rows = new Float64Array(k);
    const cols = new Float64Array(k);
    let total = 0;
    for (let g = 0; g < k; g++) {
      for (let h = 0; h < k; h++) {
        rows[g] += x[g * k + h];
        cols[h] += x[g * k + h];
        total += x[g * k + h];
      }
    }
    if (total === 0) return out;
    for (let g = 0; g < k; g++) for (let h = 0; h < k; h++) out[g * k + h] = (rows[g] * cols[h]) / total;
    return out;
  }
  // Undirected: D_g = 2 x_gg + sum_{h != g} x_gh; total degree 2M.
  const degree = new Float64Array(k);
  let twoM = 0;
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) degree[g] += g === h ? 2 * x[g * k + h] : x[g * k + h];
    twoM += degree[g];
  }
  if (twoM === 0) return out;
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) {
      out[g * k + h] = g === h ? (degree[g] * degree[g]) / (2 * twoM) : (degree[g] * degree[h]) / twoM;
    }
  }
  return out;
}

/**
 * The mixing matrix as a list of cells, row by row (every ordered pair of groups; for undirected
 * views both (g, h) and (h, g) appear, with the same values).
 * Complexity: O(k^2).
 * @example
 * for (const c of mixingCells(mixing(view, groups))) console.log(c.from, c.to, c.ties, c.tieRatio);
 */
export function mixingCells(result: MixingResult): MixingCell[] {
  const k = result.groups.length;
  const cells: MixingCell[] = [];
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) {
      const c = g * k + h;
      const et = result.expectedTies[c];
      const ew = result.expectedWeight[c];
      cells.push({
        from: result.groups[g],
        to: result.groups[h],
        ties: result.ties[c],
        weight: result.weight[c],
        density: result.density[c],
        expectedTies: et,
        tieRatio: et > 0 ? result.ties[c] / et : NaN,
        expectedWeight: ew,
        weightRatio: ew > 0 ? result.weight[c] / ew : NaN,
      });
    }
  }
  return cells;
}

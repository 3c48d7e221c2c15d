/**
 * Ego ties: the symmetric neighbourhood every ego-network measure reads.
 * Each pair {i, j} tied in either direction appears in both rows with value a_ij + a_ji.
 * Reference: Burt, R. S. (1992). Structural Holes. Harvard University Press (mutual tie strength).
 */
import type { Csr } from '../graph/csr.js';
import { breadthFirstOrderOf, relabelRows } from '../graph/reorder.js';
import { float64Arrays } from '../util/typed-arrays.js';

/**
 * A symmetric adjacency in CSR form: j is in row i iff i is in row j, with the same value.
 * `weights[p]` is the mutual value a_ij + a_ji of the pair (on an undirected CSR, the stored pair
 * value, which already is that sum). No self-loops, no duplicate neighbours in a row.
 */
export interface EgoTies {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
}

/**
 * The ego ties of a CSR.
 *
 *   value(i, j) = a_ij + a_ji          (unit: each arc present counts 1, so a mutual pair counts 2)
 *
 * Undirected CSRs are returned as they are (their rows already hold the pair value); directed ones
 * merge out- and in-rows. Complexity: O(n + m).
 *
 * @param unit read every arc as 1 instead of its value
 * @example
 * const ties = egoTies(csrFromEdges(3, { sources: [0, 1], targets: [1, 0], weights: [2, 3] }, true));
 * // row 0 = [1] with value 5
 */
export function egoTies(g: Csr, unit = false): EgoTies {
  if (!g.directed) {
    return { n: g.n, offsets: g.offsets, targets: g.targets, weights: unit ? new Float64Array(g.arcCount).fill(1) : g.weights };
  }
  const n = g.n;
  const { offsets: oo, targets: ot, weights: ow, inOffsets: io, inSources: is, inWeights: iw } = g;
  // Step 1: row sizes = |out(i) ∪ in(i)|, with a per-row stamp.
  const stamp = new Int32Array(n).fill(-1);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let p = oo[i]; p < oo[i + 1]; p++) {
      stamp[ot[p]] = i;
      size++;
    }
    for (let p = io[i]; p < io[i + 1]; p++) if (stamp[is[p]] !== i) size++;
    offsets[i + 1] = offsets[i] + size;
  }
  // Step 2: fill, summing both directions; `slot[j]` = where j sits in row i.
  const targets = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  const slot = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let write = offsets[i];
    const start = write;
    for (let p = oo[i]; p < oo[i + 1]; p++) {
      const j = ot[p];
      slot[j] = write;
      targets[write] = j;
      weights[write] = unit ? 1 : ow[p];
      write++;
    }
    for (let p = io[i]; p < io[i + 1]; p++) {
      const j = is[p];
      const at = slot[j];
      if (at >= start && at < write && targets[at] === j) {
        weights[at] += unit ? 1 : iw[p];
      } else {
        slot[j] = write;
        targets[write] = j;
        weights[write] = unit ? 1 : iw[p];
        write++;
      }
    }
  }
  return { n, offsets, targets, weights };
}

/**
 * Number of distinct neighbours of every node: k_i = |N(i)|. Complexity: O(n).
 * @example
 * egoDegrees(egoTies(csr));
 */
export function egoDegrees(ties: EgoTies): Float64Array {
  const k = new Float64Array(ties.n);
  for (let i = 0; i < ties.n; i++) k[i] = ties.offsets[i + 1] - ties.offsets[i];
  return k;
}

/** Per-row figures of ego ties that the structural-hole kernels divide by. */
export interface EgoRowScales {
  /** 1 / s_q, s_q = sum of the values in row q; 0 for an empty row. */
  readonly invStrength: Float64Array;
  /** 1 / M_q, M_q = largest value in row q; 0 for an empty row. */
  readonly invMax: Float64Array;
  /** Largest row size (max_q d_q; 0 without nodes). */
  readonly maxDegree: number;
}

/**
 * The reciprocal row sum and row maximum of every node, and the largest degree: the p_iq = w_iq / s_i
 * and m_jq = w_jq / M_j scales of Burt's constraint and effective size.
 *
 *   s_q = sum_{k in N(q)} w_qk,   M_q = max_{k in N(q)} w_qk
 *
 * Row sums run in row order (the kernels' results depend on it to the last bit). Rows without ties
 * get 0 for both (their own scores are NaN; a 0 scale drops them from the neighbours' sums).
 * Complexity: O(n + m).
 * @example
 * const { invStrength, invMax, maxDegree } = egoRowScales(egoTies(csr));
 */
export function egoRowScales(ties: EgoTies): EgoRowScales {
  const { n, offsets, weights } = ties;
  const [invStrength, invMax] = float64Arrays(n, 2);
  let maxDegree = 0;
  for (let q = 0; q < n; q++) {
    let s = 0;
    let m = 0;
    for (let p = offsets[q]; p < offsets[q + 1]; p++) {
      s += weights[p];
      if (weights[p] > m) m = weights[p];
    }
    invStrength[q] = s > 0 ? 1 / s : 0;
    invMax[q] = m > 0 ? 1 / m : 0;
    maxDegree = Math.max(maxDegree, offsets[q + 1] - offsets[q]);
  }
  return { invStrength, invMax, maxDegree };
}

/**
 * A breadth-first order of the nodes (component by component, from the lowest index), and the ego
 * ties relabelled in that order: neighbours then sit near each other in memory, which makes the
 * two-hop walks of the structural-hole kernels far more cache-friendly on large graphs whose
 * indices carry no locality. Rows keep their neighbour order, so sums run in the same order and
 * results are bit-identical. Complexity: O(n + m).
 *
 * @returns `ties` relabelled; `order[r]` = original index of the node at new index r
 * @example
 * const { ties, order } = egoTiesInLocalityOrder(egoTies(csr));
 * const c = restoreOrder(constraintKernel(ties, false).constraint, order);
 */
export function egoTiesInLocalityOrder(t: EgoTies): { ties: EgoTies; order: Int32Array } {
  const order = breadthFirstOrderOf(t, { roots: 'index' });
  const { n, offsets, targets, values } = relabelRows(t, t.weights, order);
  return { ties: { n, offsets, targets, weights: values! }, order };
}

/**
 * Values computed in a relabelled order, back in the original order: out[order[r]] = values[r].
 * Complexity: O(n).
 * @example
 * restoreOrder(Float64Array.of(10, 20), Int32Array.of(1, 0)); // [20, 10]
 */
export function restoreOrder(values: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let r = 0; r < values.length; r++) out[order[r]] = values[r];
  return out;
}

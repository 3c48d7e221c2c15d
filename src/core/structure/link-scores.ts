/**
 * Neighbourhood link-prediction scores
 * Common neighbours, Jaccard, Adamic-Adar, resource allocation and preferential attachment for pairs
 * of nodes of a simple undirected graph, plus the tie-strength-aware resource allocation and the
 * three-step path count.
 * Reference: Liben-Nowell, D. & Kleinberg, J. (2007). The link-prediction problem for social
 * networks. JASIST 58(7); Zhou, T., Lu, L. & Zhang, Y.-C. (2009). Predicting missing links via local
 * information. Eur. Phys. J. B 71; Lu, L., Jin, C.-H. & Zhou, T. (2009). Similarity index based on
 * local paths for link prediction of complex networks. Phys. Rev. E 80.
 */
import { float64Arrays } from '../util/typed-arrays.js';

/**
 * A simple undirected graph in CSR form: neighbours of i are `targets[offsets[i] .. offsets[i+1])`
 * in ascending order, each edge in both rows with the same `weights` value (a strength).
 *
 * NOTE: rows must be sorted ascending and hold no self-loop or duplicate; `undirectedAdjacency`
 * in ./undirected.ts builds exactly this.
 */
export interface SortedAdjacency {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Strength of each arc; null reads every tie as 1. */
  readonly weights: Float64Array | null;
}

/** Scores of a batch of pairs, aligned with the pairs given. */
export interface LinkScoreArrays {
  /** |N(i) ∩ N(j)| */
  readonly commonNeighbours: Float64Array;
  /** |N(i) ∩ N(j)| / |N(i) ∪ N(j)|, 0 when the union is empty */
  readonly jaccard: Float64Array;
  /** sum over common w of 1 / ln k_w */
  readonly adamicAdar: Float64Array;
  /** sum over common w of 1 / k_w */
  readonly resourceAllocation: Float64Array;
  /** k_i k_j */
  readonly preferentialAttachment: Float64Array;
  /** sum over common w of (a_iw + a_wj) / (2 s_w); equals resourceAllocation when all ties are 1 */
  readonly resourceAllocationWeighted: Float64Array;
  /** number of paths i - x - y - j of three distinct steps (x != j, y != i): (A^3)_ij for i != j */
  readonly threePaths: Float64Array;
}

/**
 * Score pairs (i[p], j[p]) by every neighbourhood index.
 *
 *   CN = |N(i) ∩ N(j)|            J  = CN / |N(i) ∪ N(j)|
 *   AA = sum_w 1 / ln k_w         RA = sum_w 1 / k_w        PA = k_i k_j
 *   RAw = sum_w (a_iw + a_wj) / (2 s_w),  s_w = sum_x a_wx
 *   L3 = sum_{x in N(i)} sum_{y in N(x)} [y in N(j)], (A^3)_ij
 *
 * w ranges over common neighbours (k_w >= 2, so ln k_w > 0). Ties are read as undirected and, except
 * in RAw, unweighted. A pair of a node with itself is scored like any other pair (as NetworkX does).
 * Isolates score 0 everywhere.
 *
 * Complexity: O(d_i + d_j) per pair for CN..RAw (sorted merge), O(sum_{x in N(i)} d_x) for L3.
 * @example
 * // path 0 - 1 - 2
 * const g = { n: 3, offsets: Int32Array.of(0, 1, 3, 4), targets: Int32Array.of(1, 0, 2, 1), weights: null };
 * linkScoresOfPairs(g, [0], [2], { threePaths: false }).adamicAdar[0]; // 1 / Math.log(2)
 */
export function linkScoresOfPairs(
  g: SortedAdjacency,
  i: ArrayLike<number>,
  j: ArrayLike<number>,
  options: { readonly threePaths?: boolean } = {},
): LinkScoreArrays {
  const count = i.length;
  const [cn, jac, aa, ra, pa, raw, l3] = float64Arrays(count, 7);
  const { offsets, targets, weights } = g;
  const strength = weights ? strengths(g) : null;
  const mark = options.threePaths ? new Int32Array(g.n).fill(-1) : null;
  for (let p = 0; p < count; p++) {
    const a = i[p];
    const b = j[p];
    let pa0 = offsets[a];
    const pa1 = offsets[a + 1];
    let pb0 = offsets[b];
    const pb1 = offsets[b + 1];
    const ka = pa1 - pa0;
    const kb = pb1 - pb0;
    let common = 0;
    let sAA = 0;
    let sRA = 0;
    let sRAw = 0;
    // Step 1: sorted merge of the two rows.
    while (pa0 < pa1 && pb0 < pb1) {
      const x = targets[pa0];
      const y = targets[pb0];
      if (x < y) pa0++;
      else if (x > y) pb0++;
      else {
        const kw = offsets[x + 1] - offsets[x];
        common++;
        sAA += 1 / Math.log(kw);
        sRA += 1 / kw;
        sRAw += weights ? (weights[pa0] + weights[pb0]) / (2 * strength![x]) : 1 / kw;
        pa0++;
        pb0++;
      }
    }
    cn[p] = common;
    const union = ka + kb - common;
    jac[p] = union > 0 ? common / union : 0;
    aa[p] = sAA;
    ra[p] = sRA;
    pa[p] = ka * kb;
    raw[p] = sRAw;
    // Step 2: three-step walks i - x - y - j.
    if (mark) {
      for (let q = offsets[b]; q < offsets[b + 1]; q++) mark[targets[q]] = p;
      let walks = 0;
      for (let q = offsets[a]; q < offsets[a + 1]; q++) {
        const x = targets[q];
        for (let r = offsets[x]; r < offsets[x + 1]; r++) if (mark[targets[r]] === p) walks++;
      }
      l3[p] = walks;
    }
  }
  return {
    commonNeighbours: cn,
    jaccard: jac,
    adamicAdar: aa,
    resourceAllocation: ra,
    preferentialAttachment: pa,
    resourceAllocationWeighted: raw,
    threePaths: l3,
  };
}

/**
 * Index of the first arc i -> j in the sorted rows of `adj` (binary search), or -1 when there is
 * none; further arcs i -> j, if any, follow it. O(log d_i).
 * @example
 * arcIndex(adj, 0, 3); // position of 0 -> 3 in adj.targets, or -1
 */
export function arcIndex(adj: SortedAdjacency, i: number, j: number): number {
  let lo = adj.offsets[i];
  let hi = adj.offsets[i + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (adj.targets[mid] < j) lo = mid + 1;
    else hi = mid;
  }
  return lo < adj.offsets[i + 1] && adj.targets[lo] === j ? lo : -1;
}

/** s_w = sum of a node's tie strengths (its degree when unweighted). Complexity: O(n + m). */
export function strengths(g: SortedAdjacency): Float64Array {
  const s = new Float64Array(g.n);
  for (let x = 0; x < g.n; x++) {
    if (!g.weights) {
      s[x] = g.offsets[x + 1] - g.offsets[x];
      continue;
    }
    let t = 0;
    for (let p = g.offsets[x]; p < g.offsets[x + 1]; p++) t += g.weights[p];
    s[x] = t;
  }
  return s;
}

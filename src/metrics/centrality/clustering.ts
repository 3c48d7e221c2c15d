/**
 * Local clustering coefficient
 * The share of a person's pairs of contacts who are themselves tied: how closed their circle is.
 * Reference: Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of 'small-world' networks.
 * Nature 393, 440-442; weighted: Onnela, J.-P., Saramäki, J., Kertész, J. & Kaski, K. (2005).
 * Phys. Rev. E 71, 065103; directed: Fagiolo, G. (2007). Clustering in complex directed networks.
 * Phys. Rev. E 76, 026107.
 */
import { csrFromEdges } from '../../core/graph/csr.js';
import { triangleSums } from '../../core/graph/triangles.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { withDefaults } from '../../core/util/options.js';

/** Options of {@link clustering}. */
export interface ClusteringOptions {
  /**
   * Use tie values: the Onnela geometric-mean variant (undirected) or its directed form (Fagiolo),
   * as `nx.clustering(G, weight=...)`. false reads every tie as 1. @defaultValue true
   */
  readonly weighted?: boolean;
}
/** Defaults of {@link ClusteringOptions} (frozen). */
export const DEFAULT_CLUSTERING_OPTIONS = Object.freeze({ weighted: true });

/**
 * Local clustering coefficient of every person (NetworkX `nx.clustering` conventions).
 *
 *   undirected, unweighted:  C_i = 2 T_i / (k_i (k_i - 1)),  T_i = triangles through i
 *   undirected, weighted:    C_i = 1 / (k_i (k_i - 1)) * sum_{j,k} (w^_ij w^_jk w^_ki)^(1/3)   (Onnela)
 *   directed:                C_i = t_i / (2 (k_i^tot (k_i^tot - 1) - 2 k_i^<->)),
 *                            t_i = sum_{j,k} (c_ij + c_ji)(c_jk + c_kj)(c_ki + c_ik)           (Fagiolo)
 *
 * where w^ = w / max(w) over all ties of the view, c = (w^)^(1/3) on a weighted view and 1 on an
 * unweighted one, k^tot = in-degree + out-degree and k^<-> the number of reciprocated neighbours.
 * Sums run over ordered pairs (j, k) of distinct neighbours. People with fewer than two
 * neighbours, or with no closed triangle, get 0 (as NetworkX); an empty view gives empty scores.
 * Diagnostics: variant ('unweighted' | 'onnela' | 'fagiolo' | 'fagiolo-weighted').
 *
 * Complexity: O(m^1.5) worst case (degree-ordered triangle enumeration), O(n + m) memory.
 * @returns scores aligned with `view.personIds`
 * @example
 * clustering(project(graph, { weighted: false })).get('ana'); // share of ana's contact pairs tied
 */
export function clustering(view: OrgView, options: ClusteringOptions = {}): NodeScores {
  const o = withDefaults(DEFAULT_CLUSTERING_OPTIONS, options);
  const { csr } = view;
  const n = csr.n;
  // Step 1: c = cube root of the value scaled by the largest value (1 when unweighted).
  let maxWeight = 0;
  for (let p = 0; p < csr.weights.length; p++) if (csr.weights[p] > maxWeight) maxWeight = csr.weights[p];
  const c = new Float64Array(csr.arcCount);
  for (let p = 0; p < c.length; p++) c[p] = o.weighted ? Math.cbrt(csr.weights[p] / maxWeight) : 1;
  const values = new Float64Array(n);
  if (!csr.directed) {
    // Step 2 (undirected): triangle sums on the view itself.
    const t = triangleSums(n, csr.offsets, csr.targets, c);
    for (let i = 0; i < n; i++) {
      const k = csr.offsets[i + 1] - csr.offsets[i];
      values[i] = t[i] === 0 ? 0 : t[i] / (k * (k - 1));
    }
    return new NodeScores('clustering', view.personIds, values, { variant: o.weighted ? 'onnela' : 'unweighted' });
  }
  // Step 2 (directed): symmetrise to b_ij = c_ij + c_ji, then triangle sums on b.
  const sources = new Int32Array(csr.arcCount);
  for (let i = 0; i < n; i++) for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) sources[p] = i;
  const sym = csrFromEdges(n, { sources, targets: csr.targets, weights: c }, false);
  const t = triangleSums(n, sym.offsets, sym.targets, sym.weights);
  // Step 3: total and reciprocated degree.
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (t[i] === 0) continue;
    for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) mark[csr.targets[p]] = i;
    let reciprocated = 0;
    for (let p = csr.inOffsets[i]; p < csr.inOffsets[i + 1]; p++) if (mark[csr.inSources[p]] === i) reciprocated++;
    const total = csr.offsets[i + 1] - csr.offsets[i] + csr.inOffsets[i + 1] - csr.inOffsets[i];
    values[i] = t[i] / (2 * (total * (total - 1) - 2 * reciprocated));
  }
  return new NodeScores('clustering', view.personIds, values, { variant: o.weighted ? 'fagiolo-weighted' : 'fagiolo' });
}

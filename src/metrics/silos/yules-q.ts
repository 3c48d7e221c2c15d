/**
 * Yule's Q for group homophily
 * The association between "same group" and "tied" over all pairs of people, as an odds ratio
 * mapped to [-1, 1]: 1 = ties only inside groups, -1 = only across, 0 = no association.
 * Reference: Yule, G. U. (1900). On the association of attributes in statistics. Phil. Trans. R. Soc.
 * A 194, 257-319; used for homophily by Bojanowski, M. & Corten, R. (2014). Measuring segregation in
 * social networks. Social Networks 39, 14-32.
 */
import { tiedDyads } from '../../core/groups/group-mixing.js';
import type { OrgView } from '../../model/projection.js';
import { checkLabels, type GroupPartition } from './groups.js';

/** Yule's Q with its 2 x 2 table of unordered pairs. */
export interface YulesQResult {
  /** Pairs in the same group, tied. */
  readonly a: number;
  /** Pairs in different groups, tied. */
  readonly b: number;
  /** Pairs in the same group, not tied. */
  readonly c: number;
  /** Pairs in different groups, not tied. */
  readonly d: number;
  /** (ad - bc) / (ad + bc); NaN when ad + bc = 0. */
  readonly value: number;
}

/**
 * Yule's Q over unordered pairs of grouped people.
 *
 *   Q = (a d - b c) / (a d + b c)
 *
 * a = same-group tied pairs, b = cross-group tied pairs, c = same-group untied pairs, d = cross-group
 * untied pairs. On directed views a pair is tied when an arc runs either way. Weights are not read.
 * People without a group are left out. NaN when ad + bc = 0 (for instance a single group: b = d = 0).
 * Complexity: O(n + m + k).
 * @example
 * yulesQ(project(karate), groupPartition(view, 'club')).value; // 0.784014
 */
export function yulesQ(view: OrgView, groups: GroupPartition): YulesQResult {
  const { csr } = view;
  const k = groups.names.length;
  checkLabels(groups.labels, csr.n, k);
  const tied = tiedDyads(csr, groups.labels);
  let grouped = 0;
  let withinPairs = 0;
  for (let g = 0; g < k; g++) {
    const s = groups.sizes[g];
    grouped += s;
    withinPairs += (s * (s - 1)) / 2;
  }
  const allPairs = (grouped * (grouped - 1)) / 2;
  const a = tied.within;
  const b = tied.between;
  const c = withinPairs - a;
  const d = allPairs - withinPairs - b;
  const denominator = a * d + b * c;
  return { a, b, c, d, value: denominator > 0 ? (a * d - b * c) / denominator : NaN };
}

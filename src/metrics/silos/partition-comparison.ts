/**
 * Formal vs informal partitions
 * How far the communities people actually form agree with the org chart: normalised mutual
 * information, the adjusted Rand index, and the contingency table saying which units split
 * across communities and which communities span units.
 * Reference: Danon, L., Diaz-Guilera, A., Duch, J. & Arenas, A. (2005). Comparing community structure
 * identification. J. Stat. Mech. P09008 (NMI); Hubert, L. & Arabie, P. (1985). Comparing partitions.
 * Journal of Classification 2, 193-218 (ARI).
 */
import { partitionContingency, type Contingency } from '../../core/community/partition-contingency.js';
import { OrgraphError } from '../../model/errors.js';
import type { GroupPartition } from './groups.js';

/**
 * Normalised mutual information of two labellings of the same people.
 *
 *   NMI = 2 I(A, B) / (H(A) + H(B))
 *   I(A, B) = sum_ab (n_ab / n) ln(n n_ab / (n_a n_b)),   H(A) = -sum_a (n_a / n) ln(n_a / n)
 *
 * People with -1 in either labelling are left out. 1 when H(A) + H(B) = 0 (both partitions put
 * everyone in one group: identical), as igraph; NaN when nobody is labelled in both.
 * Complexity: O(n + c log c), c = non-empty cells.
 * @example
 * normalizedMutualInformation(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0)); // 1
 */
export function normalizedMutualInformation(a: Int32Array, b: Int32Array): number {
  return nmiOf(contingencyOf(a, b));
}

/**
 * Adjusted Rand index of two labellings of the same people (Hubert & Arabie 1985).
 *
 *   ARI = (sum_ab C(n_ab, 2) - S_a S_b / C(n, 2)) / ((S_a + S_b) / 2 - S_a S_b / C(n, 2))
 *   S_a = sum_a C(n_a, 2),  S_b = sum_b C(n_b, 2)
 *
 * 0 = agreement expected by chance, 1 = identical. When the denominator is 0 the two partitions are
 * identical (both all singletons, or both one group) and ARI = 1 (igraph returns NaN there).
 * People with -1 in either labelling are left out (one person left gives 1; nobody gives NaN).
 * Complexity: O(n + c log c).
 * @example
 * adjustedRandIndex(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 1, 0, 1)); // -0.5
 */
export function adjustedRandIndex(a: Int32Array, b: Int32Array): number {
  return ariOf(contingencyOf(a, b));
}

function contingencyOf(a: Int32Array, b: Int32Array): Contingency {
  if (a.length !== b.length) {
    throw new OrgraphError('E_BAD_OPTION', `labellings differ in length: ${a.length} and ${b.length}`, { field: 'partition' });
  }
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] + 1 > ka) ka = a[i] + 1;
    if (b[i] + 1 > kb) kb = b[i] + 1;
  }
  return partitionContingency(a, ka, b, kb);
}

function nmiOf(t: Contingency): number {
  const n = t.total;
  if (n === 0) return NaN;
  const entropy = (sums: Float64Array) => {
    let h = 0;
    for (const s of sums) if (s > 0) h -= (s / n) * Math.log(s / n);
    return h;
  };
  const ha = entropy(t.rowSums);
  const hb = entropy(t.colSums);
  if (ha + hb === 0) return 1;
  let mi = 0;
  for (let c = 0; c < t.counts.length; c++) {
    const nab = t.counts[c];
    mi += (nab / n) * Math.log((n * nab) / (t.rowSums[t.rows[c]] * t.colSums[t.cols[c]]));
  }
  return (2 * mi) / (ha + hb);
}

function ariOf(t: Contingency): number {
  const n = t.total;
  if (n === 0) return NaN;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const x of t.counts) index += pairs(x);
  let sa = 0;
  let sb = 0;
  for (const x of t.rowSums) sa += pairs(x);
  for (const x of t.colSums) sb += pairs(x);
  const all = pairs(n);
  const expected = all > 0 ? (sa * sb) / all : 0;
  const max = (sa + sb) / 2;
  const denominator = max - expected;
  if (Math.abs(denominator) < 1e-12 * Math.max(1, max)) return 1;
  return (index - expected) / denominator;
}

/** One non-empty cell of the formal x informal contingency table. */
export interface ContingencyCell {
  /** Name of the formal group (row of the table). */
  readonly formal: string;
  /** Name of the informal group (column of the table). */
  readonly informal: string;
  /** People in both groups (n_ab, at least 1: empty cells are not listed). */
  readonly people: number;
}

/** How one group of a partition spreads over the groups of the other. */
export interface GroupSpread {
  /** Name of the group, in the partition being spread. */
  readonly group: string;
  /** People of this group labelled in both partitions. */
  readonly people: number;
  /** Groups of the other partition it meets. */
  readonly spans: number;
  /** The other partition's group holding most of its people (first in name order on ties). */
  readonly largest: string | null;
  /** Share of its people in `largest`: 1 = wholly inside one group of the other partition. */
  readonly largestShare: number;
}

/** What {@link partitionComparison} returns: NMI, ARI, contingency and spread of two partitions. */
export interface PartitionComparison {
  /**
   * Normalised mutual information in [0, 1]: 1 = the same partition, 0 = independent (see
   * {@link normalizedMutualInformation}); NaN when nobody is labelled in both.
   */
  readonly nmi: number;
  /**
   * Adjusted Rand index, at most 1: 1 = identical, 0 = chance agreement, negative = less than chance
   * (see {@link adjustedRandIndex}); NaN when nobody is labelled in both.
   */
  readonly ari: number;
  /** People labelled in both partitions (the others are left out). */
  readonly people: number;
  /** Non-empty cells, by formal group then informal group. */
  readonly contingency: readonly ContingencyCell[];
  /** Each formal group (department...): over how many informal groups it splits. */
  readonly formalSpread: readonly GroupSpread[];
  /** Each informal group (community): over how many formal groups it spans. */
  readonly informalSpread: readonly GroupSpread[];
}

/**
 * Compare a formal partition (the org chart) with an informal one (detected communities) of the
 * same view: NMI, ARI and the contingency table, plus how each group of one side spreads over the
 * other (which departments split across communities, which communities span departments).
 * People without a group on either side are left out. Complexity: O(n + c log c + k).
 * @example
 * const cmp = partitionComparison(groupPartition(view, 'department'), louvain(view).partition);
 * cmp.nmi; cmp.formalSpread.filter((s) => s.spans > 1);
 */
export function partitionComparison(formal: GroupPartition, informal: GroupPartition): PartitionComparison {
  if (formal.labels.length !== informal.labels.length) {
    throw new OrgraphError('E_BAD_OPTION', `partitions of ${formal.labels.length} and ${informal.labels.length} people`, {
      field: 'partition',
    });
  }
  const t = partitionContingency(formal.labels, formal.names.length, informal.labels, informal.names.length);
  const contingency: ContingencyCell[] = [];
  for (let c = 0; c < t.counts.length; c++) {
    contingency.push({ formal: formal.names[t.rows[c]], informal: informal.names[t.cols[c]], people: t.counts[c] });
  }
  const spread = (side: 'row' | 'col'): GroupSpread[] => {
    const own = side === 'row' ? formal.names : informal.names;
    const other = side === 'row' ? informal.names : formal.names;
    const sums = side === 'row' ? t.rowSums : t.colSums;
    const spans = new Float64Array(own.length);
    const best = new Int32Array(own.length).fill(-1);
    const bestCount = new Float64Array(own.length);
    for (let c = 0; c < t.counts.length; c++) {
      const g = side === 'row' ? t.rows[c] : t.cols[c];
      const h = side === 'row' ? t.cols[c] : t.rows[c];
      spans[g]++;
      // NOTE: cells come sorted by row then column, so for rows the first maximum is the lowest h;
      // for columns h (the row) also increases within a column.
      if (t.counts[c] > bestCount[g]) {
        bestCount[g] = t.counts[c];
        best[g] = h;
      }
    }
    return own.map((group, g) => ({
      group,
      people: sums[g],
      spans: spans[g],
      largest: best[g] >= 0 ? other[best[g]] : null,
      largestShare: sums[g] > 0 ? bestCount[g] / sums[g] : NaN,
    }));
  };
  return {
    nmi: nmiOf(t),
    ari: ariOf(t),
    people: t.total,
    contingency,
    formalSpread: spread('row'),
    informalSpread: spread('col'),
  };
}

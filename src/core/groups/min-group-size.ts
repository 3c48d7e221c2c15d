/**
 * Minimum group size: primary and complementary suppression of small groups
 * The one rule every group-level output follows (the report's `privateGraph`, `groupMembership`
 * and so every silo, gap, scorecard, comparison and timeline figure): groups under k people are
 * merged into one bucket, and when that bucket is still under k the smallest remaining groups join
 * it, so that no small group's size, members or ties is the difference between published figures.
 * Reference: Hundepool, A. et al. (2012). Statistical Disclosure Control, Wiley, ch. 5 (primary
 * and secondary cell suppression); Sweeney, L. (2002). k-anonymity: a model for protecting
 * privacy. Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 10(5), 557-570.
 */

/** The minimum group size applied when the caller gives none (1 opts out). */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** Name of the group that gathers every group smaller than the minimum size. */
export const OTHER_GROUP = 'Other (small groups)';

/**
 * What the minimum group size did to a set of groups. Counts of groups only: never how many people
 * the merged groups held (the merged bucket is shown like any group, with its size of at least k).
 */
export interface SmallGroupNote {
  /** The minimum group size applied (1 = none). */
  readonly minGroupSize: number;
  /** Groups under the minimum size (primary suppression), merged into {@link OTHER_GROUP}. */
  readonly groupsMerged: number;
  /** Groups of at least the minimum size merged as well, to protect the small ones (complementary suppression). */
  readonly groupsMergedToProtect: number;
  /** True when all groups together are under the minimum size: no one has a group. */
  readonly allGroupsWithheld: boolean;
}

/** Which groups {@link smallGroupMerge} merges, and the resulting note. */
export interface SmallGroupMerge {
  /** Per group index: 1 when the group goes into the merged bucket (or is withheld), else 0. */
  readonly merged: Uint8Array;
  readonly note: SmallGroupNote;
}

/**
 * Throw-free check of a minimum group size: a whole number >= 1.
 * @returns an error message, or null when k is valid
 */
export function badMinGroupSize(k: number): string | null {
  return Number.isInteger(k) && k >= 1 ? null : `minimum group size must be a whole number >= 1, got ${k}`;
}

/**
 * The minimum-group-size rule on group sizes (group g has `sizes[g]` people; groups of size 0 are
 * ignored):
 *
 * 1. primary: every group with 0 < size < k is merged;
 * 2. complementary: while the merged people number 1..k-1, the smallest unmerged group (ties broken
 *    by `tieBreak`, then by index) joins the merged bucket;
 * 3. when the merged bucket is still under k after every group joined, all groups are withheld
 *    (`allGroupsWithheld`).
 *
 * `forced` groups (a real group already named {@link OTHER_GROUP}, say) are merged whatever their
 * size and count for neither tally. With k = 1 nothing is merged. Complexity: O(g log g) for g groups.
 *
 * @example
 * smallGroupMerge([6, 7, 3], 5).merged; // [1, 0, 1]: 3 is under 5, then 6 joins it (6 + 3 = 9)
 */
export function smallGroupMerge(
  sizes: ArrayLike<number>,
  k: number,
  options: { readonly forced?: ArrayLike<number> | null; readonly tieBreak?: (a: number, b: number) => number } = {},
): SmallGroupMerge {
  const g = sizes.length;
  const merged = new Uint8Array(g);
  let people = 0;
  let primary = 0;
  for (let i = 0; i < g; i++) {
    if (sizes[i] > 0 && sizes[i] < k) {
      merged[i] = 1;
      people += sizes[i];
      primary++;
    }
  }
  const forced = options.forced ?? null;
  if (forced !== null) {
    for (let j = 0; j < forced.length; j++) {
      const i = forced[j];
      if (!merged[i] && sizes[i] > 0) {
        merged[i] = 1;
        people += sizes[i];
      }
    }
  }
  let protect = 0;
  let allWithheld = false;
  if (people > 0 && people < k) {
    const rest: number[] = [];
    for (let i = 0; i < g; i++) if (sizes[i] > 0 && !merged[i]) rest.push(i);
    const tie = options.tieBreak ?? (() => 0);
    rest.sort((a, b) => sizes[a] - sizes[b] || tie(a, b) || a - b);
    for (const i of rest) {
      if (people >= k) break;
      merged[i] = 1;
      people += sizes[i];
      protect++;
    }
    allWithheld = people < k;
  }
  return {
    merged,
    note: Object.freeze({ minGroupSize: k, groupsMerged: primary, groupsMergedToProtect: protect, allGroupsWithheld: allWithheld }),
  };
}

// Graphs whose groups were already made private (by the report's privateGraph) for an attribute,
// with the minimum size applied: group-level functions on their views follow that choice.
const applied = new WeakMap<object, Map<string, number>>();

/**
 * Record that `graph`'s attribute `attribute` already obeys minimum group size k (a graph built by
 * the report's `privateGraph`): {@link appliedMinGroupSize} then returns k for it.
 */
export function markMinGroupSize(graph: object, attribute: string, k: number): void {
  let m = applied.get(graph);
  if (m === undefined) applied.set(graph, (m = new Map()));
  m.set(attribute, k);
}

/**
 * The minimum group size a group-level function applies when its caller gives none: the size
 * already applied to this graph's attribute by the report's `privateGraph` (so `analysis(graph,
 * { minGroupSize: 1 })` is one explicit choice, followed everywhere), else
 * {@link DEFAULT_MIN_GROUP_SIZE}. Complexity: O(1).
 */
export function appliedMinGroupSize(graph: object, attribute: string | null): number {
  if (attribute === null) return DEFAULT_MIN_GROUP_SIZE;
  return applied.get(graph)?.get(attribute) ?? DEFAULT_MIN_GROUP_SIZE;
}

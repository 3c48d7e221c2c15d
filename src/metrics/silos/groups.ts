/**
 * Group partition
 * Formal groups (department, location, level...) of the people in a view, as dense integer labels
 * that every silo measure reads.
 * Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises.
 */
import { groupTotals, type GroupTotals } from '../../core/groups/group-mixing.js';
import { appliedMinGroupSize, type SmallGroupNote } from '../../core/groups/min-group-size.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { groupMembership } from '../groups.js';

/** The name of the explicit group of people without a value, when `missing: 'group'`. */
export const MISSING_GROUP = '(missing)';

/** Options of {@link groupPartition}. */
export interface GroupPartitionOptions {
  /**
   * People whose attribute value is missing: `'exclude'` leaves them (and all their ties) out of
   * every group measure; `'group'` puts them in one explicit group named `(missing)`.
   * @defaultValue 'exclude'
   */
  readonly missing?: 'exclude' | 'group';
  /**
   * Smallest group shown (docs/privacy.md): smaller groups are merged into "Other (small groups)"
   * by the shared rule (primary, then complementary suppression); 1 opts out.
   * @defaultValue the size already applied to the graph by the report's `privateGraph`, else 5
   */
  readonly minGroupSize?: number;
}

/** Defaults of {@link GroupPartitionOptions}. */
export const DEFAULT_GROUP_PARTITION_OPTIONS = Object.freeze({ missing: 'exclude' } as const satisfies GroupPartitionOptions);

/** The name and size of one group of a {@link GroupPartition}, as every per-group silo result starts. */
export interface GroupSize {
  /** Group name, as in `groups.names`. */
  readonly group: string;
  /** People in the group (`groups.sizes`), isolates included. */
  readonly size: number;
}

/**
 * One row per group: its name and size (the {@link GroupSize} base every per-group silo result
 * starts with), then the figures `row(g)` gives, in that key order. Complexity: O(k) plus `row`.
 * @param sizes people per group, indexed like `names` (`groups.sizes`, or the totals' `size`)
 * @example
 * groupRows(groups.names, groups.sizes, (g) => ({ cut: cut[g] })); // [{ group, size, cut }, ...]
 */
export function groupRows<R extends object>(names: readonly string[], sizes: ArrayLike<number>, row: (g: number) => R): (GroupSize & R)[] {
  const out: (GroupSize & R)[] = [];
  for (let g = 0; g < names.length; g++) out.push({ group: names[g], size: sizes[g], ...row(g) });
  return out;
}

/** People of a view split into named groups. */
export interface GroupPartition {
  /** The attribute the groups come from, or null for labels given directly. */
  readonly attribute: string | null;
  /** Group names; group g is `names[g]`. Sorted with numeric-aware collation ("2" before "10"). */
  readonly names: readonly string[];
  /** Group of each person, aligned with `view.personIds`; -1 = no group (missing value). */
  readonly labels: Int32Array;
  /** People per group. */
  readonly sizes: Int32Array;
  /** People with no group (left out of every group measure). */
  readonly missing: number;
  /**
   * What the minimum group size merged or withheld (group counts only); absent on partitions not
   * built by {@link groupPartition} (communities, labels given directly).
   */
  readonly privacy?: SmallGroupNote;
}

/**
 * The groups of a view's people, from an attribute of the OrgGraph or from one value per person.
 *
 * Values are read as strings; an empty string or null is missing. With `missing: 'exclude'` (the
 * default) people with a missing value get label -1 and are left out, with their ties, of every
 * group measure; with `missing: 'group'` they form the group `(missing)`.
 *
 * Privacy: groups under `minGroupSize` (default 5) people are merged into "Other (small groups)",
 * and when those together are still under it the smallest other groups join them (docs/privacy.md;
 * `groupMembership` in src/metrics/groups.ts). Every measure built on the partition (E-I, densities,
 * conductance, mixing, silo score, modularity, Yule's Q...) then covers groups of at least k people.
 *
 * Throws `E_UNKNOWN_ATTRIBUTE` when the graph has no such attribute, `E_BAD_OPTION` when `values`
 * does not have one entry per person. Complexity: O(n + k log k).
 *
 * @param source an attribute name, or one value per person aligned with `view.personIds`
 * @example
 * const groups = groupPartition(view, 'department');
 * groups.names[groups.labels[view.indexOf('ana')]]; // 'Sales'
 */
export function groupPartition(
  view: OrgView,
  source: string | readonly (string | null | undefined)[],
  options: GroupPartitionOptions = {},
): GroupPartition {
  const { codes, names, sizes, missing, privacy } = groupMembership(view, source, {
    missing: options.missing ?? DEFAULT_GROUP_PARTITION_OPTIONS.missing,
    missingName: MISSING_GROUP,
    order: 'name',
    emptyIsMissing: true,
    minGroupSize: options.minGroupSize ?? appliedMinGroupSize(view.graph, typeof source === 'string' ? source : null),
  });
  return {
    attribute: typeof source === 'string' ? source : null,
    names: names as readonly string[],
    labels: codes,
    sizes,
    missing,
    privacy,
  };
}

/**
 * Check that labels are aligned with a view of n people and lie in [-1, k); throws `E_BAD_OPTION`.
 * Complexity: O(n).
 */
export function checkLabels(labels: Int32Array, n: number, k: number): void {
  if (labels.length !== n) {
    throw new OrgraphError('E_BAD_OPTION', `group labels: ${labels.length} labels for ${n} people in the view`, { field: 'groups' });
  }
  for (let i = 0; i < n; i++) {
    if (labels[i] < -1 || labels[i] >= k) {
      throw new OrgraphError('E_BAD_OPTION', `group label ${labels[i]} at index ${i} is outside [-1, ${k})`, { field: 'groups' });
    }
  }
}

/**
 * Group totals of a view for a partition (labels checked first, see {@link checkLabels}): the
 * per-group tie counts and strengths every silo measure reads. Complexity: O(n + m + k).
 * @example
 * const t = partitionTotals(view, groupPartition(view, 'department'));
 */
export function partitionTotals(view: OrgView, groups: GroupPartition): GroupTotals {
  const k = groups.names.length;
  checkLabels(groups.labels, view.csr.n, k);
  return groupTotals(view.csr, groups.labels, k);
}

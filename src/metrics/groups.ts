/**
 * Group membership
 * The one way every metric family turns a person attribute (department, office, level...) or one
 * value per person into dense group codes aligned with a view; each family states its convention
 * for missing values and code order as options.
 * Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises;
 * Butts, C. T. (2008). sna: Tools for Social Network Analysis (NA as a group of its own).
 */
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';

export interface GroupMembershipOptions {
  /**
   * People with a missing value: `'exclude'` gives them code -1 (in no group); `'group'` puts them
   * in one group of their own, named `missingName`.
   * @defaultValue 'exclude'
   */
  readonly missing?: 'exclude' | 'group';
  /**
   * Name of the group of missing values with `missing: 'group'`; a real value of the same name
   * shares that group. @defaultValue null
   */
  readonly missingName?: string | null;
  /**
   * How codes are numbered: `'name'` sorts names with numeric-aware collation ("2" before "10");
   * `'code-unit'` sorts by UTF-16 code units; `'first-seen'` follows first appearance in view
   * order. With a sorted order, the group of missing values comes last.
   * @defaultValue 'name'
   */
  readonly order?: 'name' | 'code-unit' | 'first-seen';
  /** Whether an empty string is a missing value (null and undefined always are). @defaultValue true */
  readonly emptyIsMissing?: boolean;
}

export const DEFAULT_GROUP_MEMBERSHIP_OPTIONS = Object.freeze({
  missing: 'exclude',
  missingName: null,
  order: 'name',
  emptyIsMissing: true,
} as const satisfies GroupMembershipOptions);

/** People of a view split into groups. */
export interface GroupMembership {
  /** Group code per person, aligned with `view.personIds`, in [0, names.length); -1 = in no group. */
  readonly codes: Int32Array;
  /** Name of each code (`missingName` for the group of missing values). */
  readonly names: readonly (string | null)[];
  /** Members per code. */
  readonly sizes: Int32Array;
  /** People in no group (code -1). */
  readonly missing: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The groups of a view's people, from an attribute of the OrgGraph or from one value per person.
 *
 *   code(v) = index of value(v) among the distinct values (in `order`), or the missing group / -1
 *
 * Directed or undirected, weighted or not: only the people of the view are read, never the ties.
 * An empty view gives no groups. Throws `E_UNKNOWN_ATTRIBUTE` when the graph has no such attribute
 * and `E_BAD_OPTION` when `source` does not have one value per person (field `field`).
 * Complexity: O(n + k log k) for k groups.
 *
 * @param source an attribute name, or one value per person aligned with `view.personIds`
 * @param field the option name reported in errors
 * @example
 * const { codes, names } = groupMembership(view, 'department', { missing: 'group', order: 'first-seen' });
 */
export function groupMembership(
  view: OrgView,
  source: string | readonly (string | null | undefined)[],
  options: GroupMembershipOptions = {},
  field = 'groups',
): GroupMembership {
  const d = DEFAULT_GROUP_MEMBERSHIP_OPTIONS;
  const o = {
    missing: options.missing ?? d.missing,
    missingName: options.missingName === undefined ? d.missingName : options.missingName,
    order: options.order ?? d.order,
    emptyIsMissing: options.emptyIsMissing ?? d.emptyIsMissing,
  };
  const n = view.personIds.length;
  let valueOf: (v: number) => string | null | undefined;
  if (typeof source === 'string') {
    const column = view.graph.attribute(source);
    valueOf = (v) => column[view.personIndex[v]];
  } else {
    if (source.length !== n) {
      throw new OrgraphError('E_BAD_OPTION', `group values: ${source.length} values for ${n} people`, { field });
    }
    valueOf = (v) => source[v];
  }
  // Step 1: each person's value (null = missing) and the groups in first-seen order; the key of
  // the missing group is `missingName` (null keys no real value; a string shares its namesake).
  const raw = new Array<string | null>(n);
  const seen = new Map<string | null, number>();
  const grouped = o.missing === 'group';
  const firstSeen = o.order === 'first-seen';
  let missing = 0;
  for (let v = 0; v < n; v++) {
    const x = valueOf(v);
    if (x === null || x === undefined || (x === '' && o.emptyIsMissing)) {
      raw[v] = null;
      missing++;
      if (grouped && firstSeen && !seen.has(o.missingName)) seen.set(o.missingName, seen.size);
    } else {
      raw[v] = x;
      if (!seen.has(x)) seen.set(x, seen.size);
    }
  }
  // Step 2: names in code order; in a sorted order the missing group comes last.
  const names = [...seen.keys()];
  if (!firstSeen) {
    (names as string[]).sort(o.order === 'name' ? collator.compare : byCodeUnit);
    if (grouped && missing > 0 && !seen.has(o.missingName)) names.push(o.missingName);
  }
  const code = new Map<string | null, number>(names.map((name, g) => [name, g]));
  const missingCode = grouped && missing > 0 ? code.get(o.missingName)! : -1;
  // Step 3: codes and sizes.
  const codes = new Int32Array(n);
  const sizes = new Int32Array(names.length);
  for (let v = 0; v < n; v++) {
    const x = raw[v];
    const g = x === null ? missingCode : code.get(x)!;
    codes[v] = g;
    if (g >= 0) sizes[g]++;
  }
  return { codes, names: Object.freeze(names), sizes, missing: missingCode >= 0 ? 0 : missing };
}

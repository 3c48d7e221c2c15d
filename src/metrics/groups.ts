/**
 * Group membership
 * The one way every metric family turns a person attribute (department, office, level...) or one
 * value per person into dense group codes aligned with a view; each family states its convention
 * for missing values and code order as options.
 * Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises;
 * Butts, C. T. (2008). sna: Tools for Social Network Analysis (NA as a group of its own).
 */
import { badMinGroupSize, OTHER_GROUP, smallGroupMerge, type SmallGroupNote } from '../core/groups/min-group-size.js';
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
  /**
   * Smallest group kept (privacy, docs/privacy.md): groups under k people are merged into
   * {@link OTHER_GROUP}, with complementary suppression (src/core/groups/min-group-size.ts). This
   * helper also serves person-level measures (brokerage roles), so it merges nothing unless asked;
   * the group-level entry points (`groupPartition`, `groupLabels`) pass the privacy default, 5.
   * @defaultValue 1
   */
  readonly minGroupSize?: number;
}

export const DEFAULT_GROUP_MEMBERSHIP_OPTIONS = Object.freeze({
  missing: 'exclude',
  missingName: null,
  order: 'name',
  emptyIsMissing: true,
  minGroupSize: 1,
} as const satisfies GroupMembershipOptions);

/** People of a view split into groups. */
export interface GroupMembership {
  /** Group code per person, aligned with `view.personIds`, in [0, names.length); -1 = in no group. */
  readonly codes: Int32Array;
  /** Name of each code (`missingName` for the group of missing values). */
  readonly names: readonly (string | null)[];
  /** Members per code. */
  readonly sizes: Int32Array;
  /** People in no group (code -1): those without a value, and everyone when all groups are withheld. */
  readonly missing: number;
  /** What the minimum group size merged or withheld (group counts only, never people). */
  readonly privacy: SmallGroupNote;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The groups of a view's people, from an attribute of the OrgGraph or from one value per person.
 *
 *   code(v) = index of value(v) among the distinct values (in `order`), or the missing group / -1
 *
 * Privacy: groups under `minGroupSize` people (counted over the view) are merged into
 * {@link OTHER_GROUP} by the shared rule of src/core/groups/min-group-size.ts (primary, then
 * complementary suppression; when all groups together are under k, everyone gets -1). The group of
 * missing values (`missing: 'group'`) is a group like any other here. `privacy` says how many groups
 * were merged, never how many people they held.
 *
 * Directed or undirected, weighted or not: only the people of the view are read, never the ties.
 * An empty view gives no groups. Throws `E_UNKNOWN_ATTRIBUTE` when the graph has no such attribute
 * and `E_BAD_OPTION` when `source` does not have one value per person (field `field`) or
 * `minGroupSize` is not a whole number >= 1.
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
  const k = options.minGroupSize ?? d.minGroupSize;
  const bad = badMinGroupSize(k);
  if (bad !== null) throw new OrgraphError('E_BAD_OPTION', bad, { field: 'minGroupSize' });
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
  // Step 1: each person's group key: the value, the key of the missing group (`missingName`; null
  // keys no real value, a string shares its namesake), or NONE (in no group). `real` holds the keys
  // that are someone's value.
  const NONE = Symbol('none');
  type Key = string | null | typeof NONE;
  const grouped = o.missing === 'group';
  const keyOf = new Array<Key>(n);
  const real = new Set<string | null>();
  for (let v = 0; v < n; v++) {
    const x = valueOf(v);
    if (x === null || x === undefined || (x === '' && o.emptyIsMissing)) keyOf[v] = grouped ? o.missingName : NONE;
    else {
      keyOf[v] = x;
      real.add(x);
    }
  }
  const firstSeen = (): Map<string | null, number> => {
    const sizes = new Map<string | null, number>();
    for (const key of keyOf) if (key !== NONE) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    return sizes;
  };
  // Step 2: the minimum group size (shared rule; equal sizes in code-unit order of their names).
  let seen = firstSeen();
  const keys = [...seen.keys()];
  const other = keys.indexOf(OTHER_GROUP);
  const rule = smallGroupMerge(
    keys.map((key) => seen.get(key)!),
    k,
    { forced: other >= 0 ? [other] : null, tieBreak: (a, b) => byCodeUnit(String(keys[a]), String(keys[b])) },
  );
  const merged = new Set(keys.filter((_, g) => rule.merged[g] === 1));
  if (merged.size > 0) {
    const to: Key = rule.note.allGroupsWithheld ? NONE : OTHER_GROUP;
    for (let v = 0; v < n; v++) if (keyOf[v] !== NONE && merged.has(keyOf[v] as string | null)) keyOf[v] = to;
    if (to === OTHER_GROUP) real.add(OTHER_GROUP);
    seen = firstSeen();
  }
  // Step 3: names in code order; in a sorted order the missing group (when no one's value) comes last.
  let names = [...seen.keys()];
  if (o.order !== 'first-seen') {
    const missingLast = grouped && seen.has(o.missingName) && !real.has(o.missingName);
    const sorted = (names.filter((x) => !(missingLast && x === o.missingName)) as string[]).sort(
      o.order === 'name' ? collator.compare : byCodeUnit,
    );
    names = missingLast ? [...sorted, o.missingName] : sorted;
  }
  const code = new Map<string | null, number>(names.map((name, g) => [name, g]));
  // Step 4: codes and sizes.
  const codes = new Int32Array(n);
  const sizes = new Int32Array(names.length);
  let none = 0;
  for (let v = 0; v < n; v++) {
    const key = keyOf[v];
    const g = key === NONE ? -1 : code.get(key)!;
    codes[v] = g;
    if (g >= 0) sizes[g]++;
    else none++;
  }
  return { codes, names: Object.freeze(names), sizes, missing: none, privacy: rule.note };
}

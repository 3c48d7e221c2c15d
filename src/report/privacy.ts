/**
 * Report privacy: minimum group size, keyed pseudonymisation, groups-only
 * Rewrites an OrgGraph before any analysis so that every output made from it obeys the privacy
 * options: groups under k people are merged into one "other" group (or withheld when that is under
 * k too), person ids become keyed HMAC-SHA256 pseudonyms, and attributes that could name a person
 * are dropped.
 * Reference: Sweeney, L. (2002). k-anonymity: a model for protecting privacy. Int. J. Uncertainty,
 * Fuzziness and Knowledge-Based Systems 10(5), 557-570 (minimum cell size); RFC 2104 (HMAC) and
 * FIPS 180-4 (SHA-256) for the keyed pseudonyms.
 */
import { createHmac } from 'node:crypto';
import { OrgraphError } from '../model/errors.js';
import { OrgGraph, OrgGraphBuilder } from '../model/org-graph.js';
import {
  badMinGroupSize,
  DEFAULT_MIN_GROUP_SIZE,
  markMinGroupSize,
  OTHER_GROUP,
  smallGroupMerge,
  type SmallGroupNote,
} from '../core/groups/min-group-size.js';

/** Options of {@link privateGraph}: minimum group size and pseudonymisation. */
export interface PrivacyOptions {
  /** Attribute naming each person's group; null when the analysis has no groups. */
  readonly group: string | null;
  /** Smallest group shown: smaller groups are merged into {@link OTHER_GROUP} or withheld. @defaultValue 5 */
  readonly minGroupSize?: number;
  /** Secret key for pseudonyms; null keeps the input ids. @defaultValue null */
  readonly pseudonymKey?: string | null;
  /**
   * Attributes kept besides the group. Without pseudonyms every attribute is kept when this is
   * null; with pseudonyms only the group and the attributes listed here are kept. @defaultValue null
   */
  readonly keepAttributes?: readonly string[] | null;
}

/** Defaults of {@link PrivacyOptions}. */
export const DEFAULT_PRIVACY_OPTIONS = Object.freeze({
  minGroupSize: DEFAULT_MIN_GROUP_SIZE,
  pseudonymKey: null,
  keepAttributes: null,
});

export { DEFAULT_MIN_GROUP_SIZE, OTHER_GROUP };

/** What {@link privateGraph} changed, for the report's method notes and summary.json. */
export interface PrivacyNote {
  /** k, the smallest group shown (the `minGroupSize` option; 1 = no merging). */
  readonly minGroupSize: number;
  /** Input groups under the minimum size (primary suppression): merged into {@link OTHER_GROUP}. */
  readonly groupsMerged: number;
  /**
   * Groups of at least the minimum size merged as well (complementary suppression), because the
   * small groups together were still under it. Their names are not shown either.
   */
  readonly groupsMergedToProtect: number;
  /**
   * True when even all groups together are under the minimum size: no one has a group and no
   * group-level figure is produced.
   */
  readonly allGroupsWithheld: boolean;
  /** Whether person ids were replaced by keyed pseudonyms (a `pseudonymKey` was given). */
  readonly pseudonymized: boolean;
  /** Attributes dropped from the analysis (names only). */
  readonly attributesDropped: readonly string[];
}

/** A graph ready for analysis under the privacy options, and what was done to it. */
export interface PrivateGraph {
  /** The rewritten graph (merged group column, pseudonyms, dropped attributes), marked with its k. */
  readonly graph: OrgGraph;
  /** What was done to it, in counts of groups and names of attributes, never counts of people. */
  readonly note: PrivacyNote;
}

/**
 * The keyed pseudonym of a person id: "p" + the first 16 hex digits (64 bits) of
 * HMAC-SHA256(key, id). The same key and id always give the same pseudonym; without the key it
 * cannot be recomputed from a guessed id (unlike a plain hash of a guessable employee number).
 *
 *   pseudonym(id) = "p" + hex(HMAC_SHA256(key, utf8(id)))[0..16)
 *
 * Complexity: O(|id|).
 * @example
 * pseudonym('secret', 'ana'); // 'p' followed by 16 hex digits, the same on every run
 */
export function pseudonym(key: string, id: string): string {
  return 'p' + createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Apply the privacy options to a graph, before any analysis.
 *
 * - Minimum group size, as statistical agencies suppress small cells:
 *   - primary suppression: each value of `group` held by fewer than k people (sizes counted over
 *     every person of the graph) becomes {@link OTHER_GROUP};
 *   - complementary suppression: when those groups together are still under k people, the
 *     smallest remaining groups are merged into {@link OTHER_GROUP} too, one at a time, until it
 *     has at least k people. A small group's size, members and ties are then never the difference
 *     between two published figures (total minus the shown groups is a group of at least k);
 *   - when all groups together are under k, no one keeps a group ({@link PrivacyNote.allGroupsWithheld}).
 *   No person loses a group to privacy otherwise, so people without a group are exactly those
 *   without a value in the input. Every group-level figure covers at least k people.
 * - Pseudonyms (`pseudonymKey`): every person id becomes {@link pseudonym}; attribute values that
 *   are person ids (a manager column) are replaced the same way; attributes other than the group
 *   and `keepAttributes` are dropped, since a name, e-mail or employee number may sit in any of them.
 *   People are reordered by pseudonym, so no output keeps the input's row order.
 *
 * Ties, weights, relations, times and external flags are kept as they are. An unknown group
 * attribute throws `E_UNKNOWN_ATTRIBUTE`; k must be a whole number >= 1 (`E_BAD_OPTION`); an empty
 * key is `E_BAD_OPTION`. Two ids with the same pseudonym (probability about n^2 / 2^65) throw
 * `E_DUPLICATE_PERSON` rather than merge two people. Complexity: O(n a + m + n log n) for a attributes.
 *
 * @example
 * const { graph: safe, note } = privateGraph(graph, { group: 'department', minGroupSize: 5, pseudonymKey: key });
 */
export function privateGraph(graph: OrgGraph, options: PrivacyOptions): PrivateGraph {
  const k = options.minGroupSize ?? DEFAULT_PRIVACY_OPTIONS.minGroupSize;
  const key = options.pseudonymKey ?? DEFAULT_PRIVACY_OPTIONS.pseudonymKey;
  const keep = options.keepAttributes ?? DEFAULT_PRIVACY_OPTIONS.keepAttributes;
  const bad = badMinGroupSize(k);
  if (bad !== null) throw new OrgraphError('E_BAD_OPTION', bad, { field: 'minGroupSize' });
  if (key !== null && key.length === 0) throw new OrgraphError('E_BAD_OPTION', 'the pseudonymisation key is empty', { field: 'key' });
  const n = graph.personCount;
  // Step 1: merged group column (primary, then complementary suppression).
  let groupColumn: (string | null)[] | null = null;
  let groupsMerged = 0;
  let groupsMergedToProtect = 0;
  let allGroupsWithheld = false;
  let raw: readonly (string | null)[] = [];
  if (options.group !== null) {
    raw = graph.attribute(options.group);
    // The shared rule (src/core/groups/min-group-size.ts): sizes over every person of the graph;
    // a real group already called OTHER_GROUP simply joins the merged one.
    const index = new Map<string, number>();
    const names: string[] = [];
    const sizes: number[] = [];
    for (const v of raw) {
      if (v === null || v === '') continue;
      let g = index.get(v);
      if (g === undefined) {
        index.set(v, (g = names.length));
        names.push(v);
        sizes.push(0);
      }
      sizes[g]++;
    }
    const forced = index.has(OTHER_GROUP) ? [index.get(OTHER_GROUP)!] : null;
    const rule = smallGroupMerge(sizes, k, {
      forced,
      tieBreak: (a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0),
    });
    groupsMerged = rule.note.groupsMerged;
    groupsMergedToProtect = rule.note.groupsMergedToProtect;
    allGroupsWithheld = rule.note.allGroupsWithheld;
    groupColumn = raw.map((v) => {
      if (v === null || v === '') return null;
      if (rule.merged[index.get(v)!]) return allGroupsWithheld ? null : OTHER_GROUP;
      return v;
    });
  }
  // Nothing to change (no merge, no pseudonyms, every attribute kept): the graph itself, not a copy.
  // A group of k..4 people kept by an explicit lower k needs a marked copy (group-level functions
  // follow the marker, see appliedMinGroupSize); the caller's own graph is never marked.
  if (
    (options.group === null || k >= DEFAULT_MIN_GROUP_SIZE) &&
    key === null &&
    keep === null &&
    groupsMerged === 0 &&
    groupsMergedToProtect === 0 &&
    !allGroupsWithheld &&
    !(groupColumn ?? []).some((v, i) => v !== raw[i])
  ) {
    return {
      graph,
      note: Object.freeze({
        minGroupSize: k,
        groupsMerged: 0,
        groupsMergedToProtect: 0,
        allGroupsWithheld: false,
        pseudonymized: false,
        attributesDropped: Object.freeze([] as string[]),
      }),
    };
  }
  // Step 2: ids and attributes; with pseudonyms, people in pseudonym order.
  const ids = key === null ? graph.personIds : graph.personIds.map((id) => pseudonym(key, id));
  const idMap = key === null ? null : new Map(graph.personIds.map((id, i) => [id, ids[i]]));
  const order = Array.from({ length: n }, (_, i) => i);
  if (key !== null) order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const kept = graph.attributeNames.filter(
    (a) => a === options.group || (key === null ? keep === null || keep.includes(a) : (keep ?? []).includes(a)),
  );
  const dropped = graph.attributeNames.filter((a) => !kept.includes(a));
  const columns = kept.map((a) => (a === options.group ? groupColumn! : graph.attribute(a)));
  const b = new OrgGraphBuilder();
  b.declareAttributes(kept);
  for (const r of graph.relations) b.relation(r.name, r.directed);
  const newIndex = new Int32Array(n);
  for (const i of order) {
    const attrs: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
    for (let c = 0; c < kept.length; c++) {
      let v = columns[c][i];
      if (v !== null && idMap !== null && idMap.has(v)) v = idMap.get(v)!;
      attrs[kept[c]] = v;
    }
    newIndex[i] = b.addPerson(ids[i], attrs, graph.isExternal(i));
  }
  b.addTiesOf(graph, newIndex);
  const built = b.build();
  if (options.group !== null) markMinGroupSize(built, options.group, k);
  return {
    graph: built,
    note: Object.freeze({
      minGroupSize: k,
      groupsMerged,
      groupsMergedToProtect,
      allGroupsWithheld,
      pseudonymized: key !== null,
      attributesDropped: Object.freeze(dropped),
    }),
  };
}

/**
 * Merge the labels of a partition (communities, for example) whose size is under k into one label,
 * with the same complementary suppression as {@link privateGraph}: when the merged label would be
 * under k, the smallest remaining labels join it until it reaches k; when all labels together are
 * under k, every person gets -1 (no label). Labels are per person; -1 stays -1. The merged label is
 * `count` (one past the last input label).
 *
 * Complexity: O(n + count log count).
 * @returns new labels; per label 0..count, its size after merging (0 for merged-away labels); the
 *   number of labels under k (`merged`) and of labels merged to protect them (`mergedToProtect`)
 * @example
 * mergeSmallLabels(Int32Array.from([0, 0, 1]), 2, 2); // labels [2, 2, 2]: label 1 is under 2, so label 0 joins it
 */
export function mergeSmallLabels(
  labels: Int32Array,
  count: number,
  k: number,
): { labels: Int32Array; sizes: Int32Array; merged: number; mergedToProtect: number } {
  const sizes = new Int32Array(count + 1);
  for (const g of labels) if (g >= 0) sizes[g]++;
  const rule = smallGroupMerge(sizes.subarray(0, count), k);
  const into = rule.merged;
  let mergedPeople = 0;
  for (let g = 0; g < count; g++) if (into[g]) mergedPeople += sizes[g];
  const merged = rule.note.groupsMerged;
  const mergedToProtect = rule.note.groupsMergedToProtect;
  const other = mergedPeople >= k ? count : -1;
  const out = new Int32Array(labels.length);
  const after = new Int32Array(count + 1);
  for (let i = 0; i < labels.length; i++) {
    const g = labels[i];
    const h = g < 0 ? -1 : into[g] ? other : g;
    out[i] = h;
    if (h >= 0) after[h]++;
  }
  return { labels: out, sizes: after, merged, mergedToProtect };
}

/**
 * One sentence saying what the minimum group size merged or withheld, for terminal output: how many
 * groups, never how many people; '' when nothing was merged.
 * @example
 * smallGroupsSentence({ minGroupSize: 5, groupsMerged: 1, groupsMergedToProtect: 1, allGroupsWithheld: false });
 * // '1 group under 5 people merged into "Other (small groups)", with 1 more so that it reaches 5 (privacy; --min-group-size 1 shows every group)'
 */
export function smallGroupsSentence(note: SmallGroupNote): string {
  const k = note.minGroupSize;
  if (note.allGroupsWithheld) return `all groups together have fewer than ${k} people: no group is shown (privacy)`;
  if (note.groupsMerged === 0 && note.groupsMergedToProtect === 0) return '';
  let out = `${note.groupsMerged} group${note.groupsMerged === 1 ? '' : 's'} under ${k} people merged into "${OTHER_GROUP}"`;
  if (note.groupsMergedToProtect > 0) out += `, with ${note.groupsMergedToProtect} more so that it reaches ${k}`;
  return out + ' (privacy; --min-group-size 1 shows every group)';
}

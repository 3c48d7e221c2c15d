/**
 * Group labels for the recommend family
 * Turns an attribute of the people in a view (department, location, level...) into dense integer
 * labels, keeping staff and outside stakeholders apart, and builds the simple undirected adjacency
 * that the neighbourhood scores read.
 * Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises.
 */
import { undirectedAdjacency } from '../core/graph/undirected.js';
import type { SortedAdjacency } from '../core/structure/link-scores.js';
import { groupPartition } from '../metrics/silos/groups.js';
import type { SmallGroupNote } from '../core/groups/min-group-size.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';

/**
 * Groups given person by person instead of by an attribute, e.g. communities detected on one
 * period and followed into another ({@link communityGroups}). `name` stands where an attribute
 * name would (in reports and errors); people missing from `groupOf` are in no group.
 */
export interface GroupAssignment {
  /** What the groups are called where an attribute name would stand (reports, errors, `attribute` fields). */
  readonly name: string;
  /** Person id -> group name; ids of people not in the view are ignored, people absent are in no group. */
  readonly groupOf: ReadonlyMap<string, string>;
}

/** Where groups come from: an attribute name, or an assignment of people to groups. */
export type GroupSource = string | GroupAssignment;

/** The name a group source goes by: the attribute, or the assignment's name. */
export function groupSourceName(source: GroupSource): string {
  return typeof source === 'string' ? source : source.name;
}

/** Dense group labels of the people of a view. */
export interface GroupLabels {
  /** The attribute the groups come from (or the name of a {@link GroupAssignment}). */
  readonly attribute: string;
  /** Group names; label g is `names[g]`. Sorted with numeric-aware collation ("2" before "10"). */
  readonly names: readonly string[];
  /** One label per view index; -1 = no value for the attribute (in no group). */
  readonly labels: Int32Array;
  /** 1 for outside stakeholders (customers, partners), 0 for staff, per view index. */
  readonly external: Uint8Array;
  /** Label of a group name, or -1. */
  indexOf(name: string): number;
  /** What the minimum group size merged or withheld (group counts only, never people). */
  readonly privacy: SmallGroupNote;
}

/** Options of {@link groupLabels}. */
export interface GroupLabelsOptions {
  /**
   * Smallest group shown (docs/privacy.md): smaller groups are merged into "Other (small groups)"
   * with complementary suppression; 1 opts out.
   * @defaultValue the size already applied to the graph by the report's `privateGraph`, else 5
   */
  readonly minGroupSize?: number;
}

/**
 * Group labels from an attribute, as the silo measures read them: `groupPartition` of
 * src/metrics/silos/groups.ts (an empty or missing value = no group, label -1, and the person's ties
 * are left out of group totals; names sorted with numeric-aware collation), plus which people are
 * outside stakeholders. Throws `E_UNKNOWN_ATTRIBUTE` when the graph has no such attribute. With a
 * {@link GroupAssignment}, person id -> group name (people absent from the map: no group).
 * Privacy: groups under `minGroupSize` people (default 5, counted over the view, staff and outside
 * stakeholders together) are merged into "Other (small groups)" by the shared rule of
 * docs/privacy.md, so every gap, scorecard, comparison and introduction built on the labels covers
 * groups of at least k people.
 * Complexity: O(n + k log k).
 * @example
 * groupLabels(project(graph), 'department').names; // ['Engineering', 'Sales']
 */
export function groupLabels(view: OrgView, source: GroupSource, options: GroupLabelsOptions = {}): GroupLabels {
  const attribute = groupSourceName(source);
  const values = typeof source === 'string' ? source : view.personIds.map((id) => source.groupOf.get(id) ?? null);
  const partition = groupPartition(view, values, { missing: 'exclude', minGroupSize: options.minGroupSize });
  const n = view.personIds.length;
  const external = new Uint8Array(n);
  for (let i = 0; i < n; i++) external[i] = view.graph.isExternal(view.personIndex[i]) ? 1 : 0;
  const index = new Map(partition.names.map((name, g) => [name, g]));
  return {
    attribute,
    names: partition.names,
    labels: partition.labels,
    external,
    indexOf: (name: string) => index.get(name) ?? -1,
    privacy: partition.privacy!,
  };
}

/** Throw `E_UNKNOWN_GROUP` naming the attribute and the known groups, with an optional location. */
export function unknownGroup(name: string, groups: GroupLabels, location: { file?: string; field?: string } = {}): OrgraphError {
  const known = groups.names.length > 12 ? groups.names.slice(0, 12).join(', ') + ', ...' : groups.names.join(', ');
  return new OrgraphError(
    'E_UNKNOWN_GROUP',
    `no group "${name}" in attribute "${groups.attribute}"; groups: ${known || '(none)'}`,
    location,
  );
}

/**
 * The view as a simple undirected graph with sorted rows: a pair is tied when a tie runs either
 * way; its strength is a_ij + a_ji (on an undirected view, the pair value). With `weighted: false`
 * every tie reads 1. Complexity: O(n + m log d).
 */
export function sortedAdjacency(
  view: OrgView,
  options: { readonly weighted?: boolean } = {},
): SortedAdjacency & {
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  readonly edgeWeights: Float64Array;
} {
  const u = undirectedAdjacency(view.csr);
  const weighted = options.weighted ?? true;
  let weights: Float64Array | null = null;
  if (weighted) {
    weights = new Float64Array(u.targets.length);
    for (let p = 0; p < u.targets.length; p++) weights[p] = u.edgeWeights[u.edgeIds[p]];
  }
  return {
    n: u.n,
    offsets: u.offsets,
    targets: u.targets,
    weights,
    edgeU: u.edgeU,
    edgeV: u.edgeV,
    edgeWeights: u.edgeWeights,
  };
}

/**
 * Community groups
 * Groups for data without a formal attribute: the Louvain communities of one view, as an
 * assignment person id -> community that the scorecard and the comparison of two periods can
 * follow into other views (another period, another relation).
 * Reference: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding
 * of communities in large networks. J. Stat. Mech. P10008 (via src/metrics/silos/communities.ts).
 */
import { louvain, type LouvainOptions } from '../metrics/silos/communities.js';
import { OrgGraph } from '../model/org-graph.js';
import { project, viewTies, type OrgView } from '../model/projection.js';
import type { GroupAssignment } from './groups.js';

export type CommunityGroupsOptions = LouvainOptions;

/** The options used when none are given: Louvain's own defaults (resolution 1, weighted, seed 1, runs 'auto'). */
export const DEFAULT_COMMUNITY_GROUPS_OPTIONS = Object.freeze({} as const satisfies CommunityGroupsOptions);

/** Louvain communities used as groups: person id -> "1".."k", with the partition's modularity and seed. */
export interface CommunityGroups extends GroupAssignment {
  /** Always `'community'`. */
  readonly name: 'community';
  /** Person id -> community name ("1" = the largest community, "2" the next...). */
  readonly groupOf: ReadonlyMap<string, string>;
  /** Communities found on the view (isolates are communities of one). */
  readonly count: number;
  /** Modularity of the communities on the view they were found on (NaN without ties). */
  readonly modularity: number;
  /** Seed the communities were found with (same view and seed, same communities). */
  readonly seed: number;
  /** Modularity resolution gamma used: > 1 gives more, smaller communities. */
  readonly resolution: number;
}

/**
 * The Louvain communities of a view, as groups named "1", "2"... by decreasing size.
 *
 * Communities come from `louvain` (src/metrics/silos/communities.ts): directed views read as
 * undirected (a pair's value a_ij + a_ji), tie strengths used unless `weighted: false`, seeded (same
 * view and seed, same communities). Every person of the view gets a community; an isolate is a
 * community of one. Applied to another view, people of that view absent here are in no group.
 *
 * Complexity: that of `louvain`, about O(m log n) per run.
 * @example
 * const t1 = project(graph, { relations: ['sociational_t1'] });
 * const t2 = project(graph, { relations: ['sociational_t2'] });
 * compare(t1, t2, { groups: communityGroups(unionView(t1, t2), { seed: 1 }) });
 */
export function communityGroups(view: OrgView, options: CommunityGroupsOptions = {}): CommunityGroups {
  const r = louvain(view, options);
  const groupOf = new Map<string, string>();
  view.personIds.forEach((id, i) => groupOf.set(id, r.partition.names[r.partition.labels[i]]));
  return { name: 'community', groupOf, count: r.count, modularity: r.modularity, seed: r.seed, resolution: r.resolution };
}

/**
 * The union of two periods as one undirected view, to fit groups that belong to neither period
 * alone: every person of either view (attributes and stakeholder flag from the first view that has
 * them), and every tied pair of either, its value the sum of the two periods' pair values.
 * Communities fitted on one period and followed into the other make that period look more siloed by
 * construction; fitted on the union they favour neither.
 *
 * Complexity: O(n + m).
 * @example
 * communityGroups(unionView(before, after), { seed: 1 });
 */
export function unionView(a: OrgView, b: OrgView): OrgView {
  const people = new Map<string, { id: string; attributes: Record<string, string>; external: boolean }>();
  for (const view of [a, b]) {
    view.personIds.forEach((id, i) => {
      if (!people.has(id)) {
        const p = view.graph.person(view.personIndex[i]);
        people.set(id, { id, attributes: p.attributes, external: p.external });
      }
    });
  }
  const ties = [...viewTies(a), ...viewTies(b)].map((t) => ({ ...t, relation: 'union' }));
  return project(OrgGraph.from({ people: [...people.values()], ties, relations: [{ name: 'union', directed: false }] }));
}

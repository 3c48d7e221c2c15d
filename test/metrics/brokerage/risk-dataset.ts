/**
 * Test helper for the risk metrics: the undirected view of a repo data set (test/fixtures/datasets,
 * through test/helpers/datasets.ts) and the NetworkX reference JSON written by
 * scripts/reference/risk.py (test/fixtures/reference/risk/<file>.json).
 */
import { OrgGraphBuilder } from '../../../src/model/org-graph.js';
import { project, type OrgView } from '../../../src/model/projection.js';
import { datasetView } from '../../helpers/datasets.js';
import { referenceJson, referenceNames as fixtureNames } from '../../helpers/reference.js';

/** What risk.py records for one data set (or one relation of it). */
export interface RiskReference {
  tool: string;
  dataset: string;
  relations: string[] | null;
  n: number;
  edges: number;
  components: number;
  reachablePairs: number;
  articulationPoints: string[];
  bridges: [string, string][];
  localBridges: [string, string, number | null][];
  biconnectedComponents: string[][];
  /** person id -> [reachable pairs after removing them, components after removing them] */
  removal: Record<string, [number, number]>;
  distanceFragmentation?: { hops: number; inverseWeight: number };
  distanceFragmentationWithout?: { removed: string[]; hops: number; inverseWeight: number };
  kppNeg?: { k: number; objective: number; optimal_sets: number; example: string[] }[];
  kppPos?: { k: number; L: number; reached: number; objective: number; optimal_sets: number; example: string[] }[];
  groupDependency?: {
    attribute: string;
    groups: Record<
      string,
      {
        size: number;
        crossTies: number;
        groupsReached: string[];
        members: { id: string; crossTies: number; groupsReached: string[]; soleLinkTo: string[] }[];
      }
    >;
  };
}

/** Every reference file name (without .json). */
export function referenceNames(): string[] {
  return fixtureNames('risk');
}

export function loadReference(name: string): RiskReference {
  return referenceJson<RiskReference>(`risk/${name}.json`);
}

/** The undirected view the reference was computed on (the data set loaded through the ingest). */
export function referenceView(ref: RiskReference): Promise<OrgView> {
  return datasetView(ref.dataset, { directed: false, relations: ref.relations });
}

/** An unordered pair as a sortable key. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * A small hand-made view: people by id, ties as "a-b" strings (weight 1 unless "a-b:w").
 * `groups` gives each person's `team` attribute.
 */
export function smallView(
  people: readonly string[],
  ties: readonly string[],
  options: { directed?: boolean; groups?: Readonly<Record<string, string>> } = {},
): OrgView {
  const b = new OrgGraphBuilder();
  b.relation('tie', options.directed ?? false);
  for (const id of people) b.addPerson(id, options.groups && id in options.groups ? { team: options.groups[id] } : {});
  b.declareAttributes(['team']);
  for (const t of ties) {
    const [pair, w] = t.split(':');
    const [s, d] = pair.split('-');
    b.addTie(b.indexOf(s), b.indexOf(d), w === undefined ? 1 : Number(w), 'tie');
  }
  return project(b.build(), { directed: options.directed ?? false });
}

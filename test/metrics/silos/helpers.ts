/** Shared test helpers for silo measures: repo data sets, reference fixtures, small graphs. */
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project, type OrgView, type ProjectionOptions } from '../../../src/model/projection.js';
import { datasetView } from '../../helpers/datasets.js';
import { referenceJson } from '../../helpers/reference.js';

export interface NxCase {
  dataset: string;
  attribute: string;
  directed: boolean;
  weighted: boolean;
  people: number;
  ties: number;
  missing: number;
  eiNetwork: number;
  eiNetworkWeighted: number | null;
  density: number | null;
  groups: Record<
    string,
    {
      size: number;
      internal: number;
      external: number;
      ei: number | null;
      internalWeight: number;
      externalWeight: number;
      eiWeighted: number | null;
      conductance: number | null;
      conductanceCount: number | null;
      density: number | null;
    }
  >;
  mixing: { groups: string[]; nxCounts: number[][]; weights: number[][] };
  assortativity: number | null;
  modularity: Record<string, number>;
  yulesQ: { a: number; b: number; c: number; d: number; value: number | null };
}

export interface IgraphFixture {
  tool: string;
  version: string;
  louvain: { dataset: string; weighted: boolean; people: string[]; bestModularity: number; membership: number[]; communities: number }[];
  comparisons: { dataset: string; formal: string; informal: string; nmi: number; ari: number }[];
}

export const NX = referenceJson<{ tool: string; version: string; cases: NxCase[] }>('silos/networkx.json');
export const IGRAPH = referenceJson<IgraphFixture>('silos/igraph.json');

/** A data set from test/fixtures/datasets, loaded through the ingest (see test/helpers/datasets.ts). */
export { loadDataset as dataset } from '../../helpers/datasets.js';

/** The view of a fixture case (all relations; direction and weighting as the case says). */
export async function caseView(c: { dataset: string; directed: boolean; weighted: boolean }): Promise<OrgView> {
  return datasetView(c.dataset, { directed: c.directed, weighted: c.weighted });
}

/** A case label for test names. */
export function label(c: NxCase): string {
  return `${c.dataset}/${c.attribute} ${c.directed ? 'directed' : 'undirected'} ${c.weighted ? 'weighted' : 'unweighted'}`;
}

/** A small graph from people with a `team` attribute (null = missing) and ties. */
export function small(people: Record<string, string | null>, ties: [string, string, number?][], options: ProjectionOptions = {}): OrgView {
  const graph = OrgGraph.from({
    people: Object.entries(people).map(([id, team]) => ({ id, attributes: (team === null ? {} : { team }) as Record<string, string> })),
    ties: ties.map(([source, target, weight]) => ({ source, target, weight: weight ?? 1, relation: 'tie' })),
    relations: [{ name: 'tie', directed: options.directed ?? false }],
  });
  return project(graph, options);
}

/**
 * Two triangles joined by a bridge, plus an isolate: a, b, c, g in team X (g isolated), d, e, f in
 * team Y; edges ab bc ac de ef df and the bridge cd. Undirected, all weights 1 unless given.
 */
export function twoTriangles(weights: Partial<Record<string, number>> = {}): OrgView {
  const e = (s: string, t: string): [string, string, number] => [s, t, weights[s + t] ?? 1];
  return small({ a: 'X', b: 'X', c: 'X', g: 'X', d: 'Y', e: 'Y', f: 'Y' }, [
    e('a', 'b'),
    e('b', 'c'),
    e('a', 'c'),
    e('d', 'e'),
    e('e', 'f'),
    e('d', 'f'),
    e('c', 'd'),
  ]);
}

/** Directed: a, b in X; d, e in Y; arcs a->b, a->d, e->a, d->e, e->d. */
export function smallDirected(): OrgView {
  return small(
    { a: 'X', b: 'X', d: 'Y', e: 'Y' },
    [
      ['a', 'b'],
      ['a', 'd'],
      ['e', 'a'],
      ['d', 'e'],
      ['e', 'd'],
    ],
    { directed: true },
  );
}

/** A view with no people. */
export function emptyView(): OrgView {
  return project(OrgGraph.from({ people: [], ties: [] }));
}

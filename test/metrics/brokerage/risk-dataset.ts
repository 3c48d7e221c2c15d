/**
 * Test helper for the risk metrics: loads a repo data set (test/fixtures/datasets/<name>) into an
 * OrgGraph and its undirected view, and the NetworkX reference JSON written by
 * scripts/reference/risk.py (test/fixtures/reference/risk/<file>.json).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { OrgGraphBuilder, type OrgGraph } from '../../../src/model/org-graph.js';
import { project, type OrgView } from '../../../src/model/projection.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATASETS = join(here, '..', '..', 'fixtures', 'datasets');
const REFERENCE = join(here, '..', '..', 'fixtures', 'reference', 'risk');

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
  return readdirSync(REFERENCE)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadReference(name: string): RiskReference {
  return JSON.parse(readFileSync(join(REFERENCE, `${name}.json`), 'utf8')) as RiskReference;
}

const graphs = new Map<string, OrgGraph>();

/** The data set as an OrgGraph (relations.csv marks the undirected relations). */
export function loadDataset(name: string): OrgGraph {
  const cached = graphs.get(name);
  if (cached) return cached;
  const folder = join(DATASETS, name);
  const read = (file: string) =>
    parse(readFileSync(join(folder, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const b = new OrgGraphBuilder();
  let undirected: Record<string, string>[] = [];
  try {
    undirected = read('relations.csv');
  } catch {
    undirected = [];
  }
  for (const r of undirected) b.relation(r.relation, r.directed === 'true');
  for (const p of read('people.csv')) {
    const { id, ...attributes } = p;
    b.addPerson(id, Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== '')));
  }
  for (const t of read('ties.csv')) b.addTie(b.indexOf(t.source), b.indexOf(t.target), Number(t.weight), t.relation);
  const g = b.build();
  graphs.set(name, g);
  return g;
}

/** The undirected view the reference was computed on. */
export function referenceView(ref: RiskReference): OrgView {
  return project(loadDataset(ref.dataset), { directed: false, relations: ref.relations });
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

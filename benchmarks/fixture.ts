/**
 * Benchmark fixtures
 * The generated org at a size as numbers, as an OrgGraph and as the default projected view,
 * built once per process and shared by the cases that run there.
 */
import type { OrgGraph } from '../src/model/org-graph.js';
import { project, type OrgView } from '../src/model/projection.js';
import { generateOrg, toOrgGraph, type GeneratedOrg } from './generate/org-graph.js';

export interface OrgFixture {
  readonly org: GeneratedOrg;
  readonly graph: OrgGraph;
  /** Undirected, weighted (interaction counts as strengths): the default view. */
  readonly view: OrgView;
}

const cache = new Map<string, OrgFixture>();

/** The org of `size` people (seed, degree) with its graph and default view; cached per process. */
export function orgFixture(size: number, seed: number, degree: number): OrgFixture {
  const key = `${size}/${seed}/${degree}`;
  let f = cache.get(key);
  if (!f) {
    const org = generateOrg({ people: size, seed, averageDegree: degree });
    const graph = toOrgGraph(org);
    f = { org, graph, view: project(graph) };
    cache.set(key, f);
  }
  return f;
}

/** Forget cached fixtures (large sizes hold hundreds of MB). */
export function clearOrgFixtures(): void {
  cache.clear();
}

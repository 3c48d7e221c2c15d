/**
 * Test helpers for the path centralities: small graphs built from plain edge lists, and the
 * NetworkX reference views in test/fixtures/reference/paths (made by scripts/reference/paths.py).
 */
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project, type OrgView } from '../../../src/model/projection.js';
import { referenceJson, referenceNames } from '../../helpers/reference.js';

/** The Krackhardt kite as edges. */
// Krackhardt kite, NetworkX node order: 0 Andre, 1 Beverly, 2 Carol, 3 Diane, 4 Ed, 5 Fernando,
// 6 Garth, 7 Heather, 8 Ike, 9 Jane.
export const KITE: [number, number][] = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 5],
  [1, 3],
  [1, 4],
  [1, 6],
  [2, 3],
  [2, 5],
  [3, 4],
  [3, 5],
  [3, 6],
  [4, 6],
  [5, 6],
  [5, 7],
  [6, 7],
  [7, 8],
  [8, 9],
];

/** A view over people `0..n-1` (ids are the numbers as strings) with the given ties. */
export function viewOf(n: number, ties: readonly (readonly [number, number, number?])[], directed: boolean, weighted = true): OrgView {
  const graph = OrgGraph.from({
    people: Array.from({ length: n }, (_, i) => ({ id: String(i) })),
    ties: ties.map(([s, t, w]) => ({ source: String(s), target: String(t), weight: w ?? 1, relation: 'tie' })),
    relations: [{ name: 'tie', directed }],
  });
  return project(graph, { directed, weighted });
}

export interface ReferenceCase {
  readonly name: string;
  readonly version: string;
  readonly directed: boolean;
  readonly people: string[];
  readonly ties: [string, string, number][];
  readonly results: Record<string, number[]>;
}

export function referenceCases(): ReferenceCase[] {
  return referenceNames('paths').map((name) => ({ ...referenceJson<Omit<ReferenceCase, 'name'>>(`paths/${name}.json`), name }));
}

/** The reference view, rebuilt exactly (every tie one aggregated pair or arc). */
export function referenceView(c: ReferenceCase, weighted = true): OrgView {
  const graph = OrgGraph.from({
    people: c.people.map((id) => ({ id })),
    ties: c.ties.map(([source, target, weight]) => ({ source, target, weight, relation: 'tie' })),
    relations: [{ name: 'tie', directed: c.directed }],
  });
  return project(graph, { directed: c.directed, weighted });
}

/** Largest |a - b| / |b| over aligned arrays (absolute difference where b = 0). */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const d = Math.abs(actual[i] - e) / (e !== 0 ? Math.abs(e) : 1);
    if (!(d <= worst)) worst = d;
  }
  return worst;
}

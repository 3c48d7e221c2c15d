/** Small hand-made views for the centrality tests. */
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project, type OrgView } from '../../../src/model/projection.js';

/** A view over people `ids` and ties "a-b" / "a-b:3" (weight after the colon). */
export function view(
  ids: string,
  ties: string,
  options: { directed?: boolean; weighted?: boolean; undirectedRelation?: boolean } = {},
): OrgView {
  const people = ids
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => ({ id }));
  const list = ties
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const [pair, w] = t.split(':');
      const [source, target] = pair.split('-');
      return { source, target, weight: w === undefined ? 1 : Number(w), relation: 'r' };
    });
  const graph = OrgGraph.from({ people, ties: list, relations: [{ name: 'r', directed: !options.undirectedRelation }] });
  return project(graph, { directed: options.directed ?? false, weighted: options.weighted ?? true });
}

/** Values as a plain id -> value record (NaN kept). */
export function byId(scores: { personIds: readonly string[]; values: Float64Array }): Record<string, number> {
  const out: Record<string, number> = {};
  scores.personIds.forEach((id, i) => (out[id] = scores.values[i]));
  return out;
}

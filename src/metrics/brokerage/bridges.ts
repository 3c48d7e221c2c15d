/**
 * Bridges
 * Ties whose removal disconnects the two people they join: the only route between two parts.
 * Reference: Granovetter, M. S. (1973). The strength of weak ties. Am. J. Sociol. 78(6), 1360-1380;
 * Tarjan, R. E. (1974). A note on finding the bridges of a graph. Inf. Process. Lett. 2(6), 160-161.
 */
import { biconnected } from '../../core/structure/biconnected.js';
import { undirectedAdjacency } from '../../core/graph/undirected.js';
import type { OrgView } from '../../model/projection.js';

/** A tie between two people, read as undirected. `source` comes first in the view's order. */
export interface PersonPair {
  /** Id of the endpoint that comes first in the view's order. */
  readonly source: string;
  /** Id of the other endpoint. */
  readonly target: string;
}

/**
 * Every bridge of the network.
 *
 *   {u, v} is a bridge  iff  u and v are connected in G but not in G - {u, v}
 *
 * Ties are read as undirected (in a directed view a pair is tied when either direction is); several
 * relations between one pair make one tie; weights play no part. Isolates, an empty graph and a
 * graph without bridges give an empty list.
 * Complexity: O(n + m) (one iterative Hopcroft-Tarjan search).
 *
 * @returns bridges in the order of their lower endpoint in the view, then the higher one
 * @example
 * bridges(view); // [{ source: 'a', target: 'b' }, ...]
 */
export function bridges(view: OrgView): PersonPair[] {
  const adj = undirectedAdjacency(view.csr);
  const bc = biconnected(adj);
  const ids = view.personIds;
  const out: PersonPair[] = [];
  // NOTE: edge ids are ordered by (lower endpoint, higher endpoint).
  for (let e = 0; e < adj.edgeCount; e++) {
    if (bc.bridge[e]) out.push({ source: ids[adj.edgeU[e]], target: ids[adj.edgeV[e]] });
  }
  return out;
}

/**
 * Local bridges with span
 * Ties between two people who share no contact, with how far apart they would be without the tie.
 * Reference: Granovetter, M. S. (1973). The strength of weak ties. Am. J. Sociol. 78(6), 1360-1380.
 */
import { biconnected } from '../../core/structure/biconnected.js';
import { localBridgeSpans } from '../../core/structure/local-bridge-spans.js';
import { undirectedAdjacency } from '../../core/graph/undirected.js';
import type { OrgView } from '../../model/projection.js';
import type { PersonPair } from './bridges.js';

/** A local bridge and its span. */
export interface LocalBridge extends PersonPair {
  /**
   * Hops between the two people once this tie is removed (at least 3); Infinity when no other path
   * exists (the tie is then also a bridge). JSON writers print null for Infinity.
   */
  readonly span: number;
  /** Whether the tie is a bridge (span Infinity). */
  readonly bridge: boolean;
}

/**
 * Every local bridge of the network with its span, as NetworkX `local_bridges(G, with_span=True)`.
 *
 *   {u, v} is a local bridge  iff  N(u) and N(v) share nobody (the tie closes no triangle)
 *   span(u, v) = d(u, v) in G - {u, v}, counted in ties (hops); Infinity when unreachable
 *
 * Ties are read as undirected (in a directed view a pair is tied when either direction is); span
 * counts hops, so weights play no part. Isolates, an empty graph and a graph where every tie closes
 * a triangle give an empty list.
 * Complexity: O(sum_v k_v^2) for the triangle test, plus a bidirectional breadth-first search per
 * local bridge that is not a bridge (bridges get Infinity from one O(n + m) search).
 *
 * @returns local bridges ordered by lower endpoint in the view, then the higher one
 * @example
 * localBridges(view); // [{ source: 'a', target: 'b', span: 4, bridge: false }, ...]
 */
export function localBridges(view: OrgView): LocalBridge[] {
  const adj = undirectedAdjacency(view.csr);
  const bc = biconnected(adj);
  const found = localBridgeSpans(adj, bc.bridge);
  const ids = view.personIds;
  const out: LocalBridge[] = [];
  for (let k = 0; k < found.edges.length; k++) {
    const e = found.edges[k];
    out.push({
      source: ids[adj.edgeU[e]],
      target: ids[adj.edgeV[e]],
      span: found.spans[k],
      bridge: bc.bridge[e] === 1,
    });
  }
  return out;
}

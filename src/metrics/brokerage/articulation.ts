/**
 * Articulation points and biconnected blocks
 * The people whose departure splits a connected part of the network, and the blocks (maximal
 * parts with no such person inside) the network is made of.
 * Reference: Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 * manipulation. Commun. ACM 16(6), 372-378.
 */
import { biconnected } from '../../core/structure/biconnected.js';
import { undirectedAdjacency } from '../../core/graph/undirected.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';

/**
 * Articulation points: 1 for a person whose removal increases the number of connected parts of
 * the network, else 0.
 *
 *   a_v = 1  iff  components(G - v) > components(G) - [v is an isolate]
 *
 * Ties are read as undirected (a directed view is read as "tied in either direction"); weights
 * play no part. Isolates and people with a single contact get 0; an empty graph gives no scores.
 * Complexity: O(n + m), iterative (no recursion depth limit).
 *
 * @returns scores aligned with `view.personIds`; diagnostics `count` (articulation points),
 *   `components`, `blocks`
 * @example
 * const view = project(OrgGraph.from({ people: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   ties: [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }] }));
 * articulation(view).get('b'); // 1
 */
export function articulation(view: OrgView): NodeScores {
  const bc = biconnected(undirectedAdjacency(view.csr));
  const values = new Float64Array(view.csr.n);
  let count = 0;
  for (let v = 0; v < values.length; v++) {
    values[v] = bc.articulation[v];
    count += bc.articulation[v];
  }
  return new NodeScores('articulation', view.personIds, values, {
    count,
    components: bc.componentSizes.length,
    blocks: bc.blockCount,
  });
}

/** The biconnected structure of a view, in person ids. */
export interface BiconnectedComponents {
  /** Each block's people (in view order); blocks in order of completion. Isolates are in none. */
  readonly blocks: readonly (readonly string[])[];
  /** Articulation points, in view order. */
  readonly articulationPoints: readonly string[];
  /** Number of connected components, isolates included. */
  readonly componentCount: number;
}

/**
 * The blocks (biconnected components) of the network: maximal sets of people that stay connected
 * whatever single person leaves. A tie that is a bridge forms a block of two; blocks overlap only
 * in articulation points, as in NetworkX `biconnected_components`.
 *
 * Ties are read as undirected; weights play no part. Isolates belong to no block; an empty graph
 * has no blocks. Complexity: O(n + m + sum of block sizes log block size) (blocks are sorted).
 *
 * @example
 * biconnectedComponents(view).blocks; // [['b', 'c'], ['a', 'b']]
 */
export function biconnectedComponents(view: OrgView): BiconnectedComponents {
  const adj = undirectedAdjacency(view.csr);
  const bc = biconnected(adj);
  // Step 1: edges bucketed by block (counting sort), so each block's edges are scanned together.
  const start = new Int32Array(bc.blockCount + 1);
  for (let e = 0; e < adj.edgeCount; e++) start[bc.block[e] + 1]++;
  for (let b = 0; b < bc.blockCount; b++) start[b + 1] += start[b];
  const cursor = start.slice(0, bc.blockCount);
  const byBlock = new Int32Array(adj.edgeCount);
  for (let e = 0; e < adj.edgeCount; e++) byBlock[cursor[bc.block[e]]++] = e;
  // Step 2: the people of each block, each once (stamped with the block id).
  const seen = new Int32Array(adj.n).fill(-1);
  const members: number[][] = [];
  for (let b = 0; b < bc.blockCount; b++) {
    const list: number[] = [];
    for (let k = start[b]; k < start[b + 1]; k++) {
      const e = byBlock[k];
      for (const v of [adj.edgeU[e], adj.edgeV[e]]) {
        if (seen[v] === b) continue;
        seen[v] = b;
        list.push(v);
      }
    }
    members.push(list);
  }
  const ids = view.personIds;
  const articulationPoints: string[] = [];
  for (let v = 0; v < adj.n; v++) if (bc.articulation[v]) articulationPoints.push(ids[v]);
  return {
    blocks: members.map((list) => list.sort((a, b) => a - b).map((v) => ids[v])),
    articulationPoints,
    componentCount: bc.componentSizes.length,
  };
}

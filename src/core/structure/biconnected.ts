/**
 * Biconnected structure
 * Articulation points, bridges, biconnected blocks and, for every node, the reachable pairs left
 * when that node is removed, all from one iterative depth-first search (no recursion).
 * Reference: Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 * manipulation. Commun. ACM 16(6), 372-378.
 */
import type { UndirectedAdjacency } from '../graph/undirected.js';
import { float64Arrays, int32Arrays } from '../util/typed-arrays.js';

/** Everything one depth-first search over a simple undirected graph yields. */
export interface Biconnected {
  /** 1 where removing the node increases the number of components (among remaining nodes). */
  readonly articulation: Uint8Array;
  /** 1 for each edge id whose removal increases the number of components. */
  readonly bridge: Uint8Array;
  /** Block (biconnected component) of each edge id; -1 for edges touching a removed node. */
  readonly block: Int32Array;
  readonly blockCount: number;
  /** Connected component of each node (-1 for removed nodes), in order of discovery. */
  readonly component: Int32Array;
  readonly componentSizes: Int32Array;
  /** sum_c s_c (s_c - 1) over the components of the graph (removed nodes excluded). */
  readonly reachablePairs: number;
  /** Nodes not removed. */
  readonly remaining: number;
  /**
   * For node v: sum_c s_c (s_c - 1) over the components of the graph once v is also removed;
   * NaN for removed nodes. Exact integers while below 2^53.
   */
  readonly pairsWithout: Float64Array;
  /** For node v: number of components once v is also removed; -1 for removed nodes. */
  readonly componentsWithout: Int32Array;
}

/**
 * Hopcroft-Tarjan over the nodes with `removed[v] === 0`.
 *
 *   low(v) = min(disc(v), disc(w) for back edges v-w, low(c) for DFS children c)
 *   u is an articulation point   iff  (u not a root and low(c) >= disc(u) for some child c)
 *                                     or (u a root with >= 2 children)
 *   u-c is a bridge              iff  low(c) > disc(u)
 *
 * Removing u from its component of size S leaves the subtrees of the children c with
 * low(c) >= disc(u) as separate parts (sizes sub(c)) and the rest, S - 1 - sum sub(c), as one part,
 * so the pairs left after removing any single node follow in O(1) per node.
 *
 * NOTE: the graph must be simple (see `undirectedAdjacency`); the tree edge back to the parent is
 * recognised by edge id. Every edge is pushed on the edge stack exactly once (tree edges on
 * discovery, back edges from the descendant), so the stack needs at most m slots.
 *
 * Complexity: O(n + m) time, O(n + m) memory.
 */
export function biconnected(g: UndirectedAdjacency, removed: Uint8Array | null = null): Biconnected {
  const { n, offsets, targets, edgeIds, edgeCount } = g;
  const gone = (v: number) => removed !== null && removed[v] !== 0;
  const disc = new Int32Array(n).fill(-1);
  const [low, parent, parentEdge, next, separatingChildren] = int32Arrays(n, 5);
  const [sub, separatedSize, separatedPairs] = float64Arrays(n, 3);
  const component = new Int32Array(n).fill(-1);
  const articulation = new Uint8Array(n);
  const bridge = new Uint8Array(edgeCount);
  const block = new Int32Array(edgeCount).fill(-1);
  const stack = new Int32Array(n);
  const edgeStack = new Int32Array(edgeCount);
  const order = new Int32Array(n);
  const sizes: number[] = [];
  let orderLength = 0;
  let edgeTop = 0;
  let blockCount = 0;
  let time = 0;
  let reachablePairs = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1 || gone(root)) continue;
    const c = sizes.length;
    const first = orderLength;
    // Step 1: iterative DFS from the root.
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    parent[root] = -1;
    parentEdge[root] = -1;
    next[root] = offsets[root];
    sub[root] = 1;
    component[root] = c;
    order[orderLength++] = root;
    while (top > 0) {
      const v = stack[top - 1];
      if (next[v] < offsets[v + 1]) {
        const p = next[v]++;
        const w = targets[p];
        if (gone(w)) continue;
        const e = edgeIds[p];
        if (disc[w] === -1) {
          parent[w] = v;
          parentEdge[w] = e;
          disc[w] = low[w] = time++;
          next[w] = offsets[w];
          sub[w] = 1;
          component[w] = c;
          order[orderLength++] = w;
          stack[top++] = w;
          edgeStack[edgeTop++] = e;
        } else if (e !== parentEdge[v] && disc[w] < disc[v]) {
          // Back edge to an ancestor (seen from the descendant side only).
          if (disc[w] < low[v]) low[v] = disc[w];
          edgeStack[edgeTop++] = e;
        }
        continue;
      }
      // Step 2: v is finished; report to its parent.
      top--;
      const u = parent[v];
      if (u < 0) continue;
      if (low[v] < low[u]) low[u] = low[v];
      sub[u] += sub[v];
      if (low[v] >= disc[u]) {
        // NOTE: u separates the subtree of v; the edges above it on the stack form one block.
        separatedSize[u] += sub[v];
        separatedPairs[u] += sub[v] * (sub[v] - 1);
        separatingChildren[u]++;
        const stop = parentEdge[v];
        let e: number;
        do {
          e = edgeStack[--edgeTop];
          block[e] = blockCount;
        } while (e !== stop);
        blockCount++;
        if (low[v] > disc[u]) bridge[stop] = 1;
      }
    }
    // Step 3: component size and articulation flags of this tree.
    const size = orderLength - first;
    sizes.push(size);
    reachablePairs += size * (size - 1);
    for (let k = first; k < orderLength; k++) {
      const v = order[k];
      articulation[v] = v === root ? (separatingChildren[v] >= 2 ? 1 : 0) : separatingChildren[v] >= 1 ? 1 : 0;
    }
  }

  // Step 4: pairs and components left after removing each node.
  const pairsWithout = new Float64Array(n).fill(NaN);
  const componentsWithout = new Int32Array(n).fill(-1);
  const count = sizes.length;
  for (let v = 0; v < n; v++) {
    const c = component[v];
    if (c < 0) continue;
    const size = sizes[c];
    const rest = size - 1 - separatedSize[v];
    pairsWithout[v] = reachablePairs - size * (size - 1) + separatedPairs[v] + rest * (rest - 1);
    componentsWithout[v] = count - 1 + separatingChildren[v] + (rest > 0 ? 1 : 0);
  }

  return {
    articulation,
    bridge,
    block,
    blockCount,
    component,
    componentSizes: Int32Array.from(sizes),
    reachablePairs,
    remaining: orderLength,
    pairsWithout,
    componentsWithout,
  };
}

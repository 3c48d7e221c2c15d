/**
 * k shortest loopless paths
 * The shortest path between two nodes on positive arc lengths (Dijkstra), and the next best
 * alternatives that visit no node twice (Yen's algorithm).
 * Reference: Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. Management
 * Science 17(11), 712-716; Dijkstra, E. W. (1959). Numerische Mathematik 1, 269-271.
 */
import { IndexedMinHeap } from './heap.js';

/** Out-arcs of v: `targets[offsets[v] .. offsets[v+1])` with `lengths` at the same positions (> 0). */
export interface LengthGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly lengths: Float64Array;
}

/** A path as its nodes, the arc positions it uses, and its total length. */
export interface NodePath {
  readonly nodes: readonly number[];
  readonly arcs: readonly number[];
  readonly length: number;
}

/**
 * Shortest path from s to t avoiding `bannedNodes` (marked 1) and `bannedArcs` (arc positions), or
 * null when t cannot be reached. Ties between equal lengths go to the path found first (arcs in row
 * order). Complexity: O((n + m) log n).
 */
export function shortestPathBetween(
  g: LengthGraph,
  s: number,
  t: number,
  bannedNodes: Uint8Array | null = null,
  bannedArcs: ReadonlySet<number> | null = null,
): NodePath | null {
  const dist = new Float64Array(g.n).fill(Infinity);
  const viaArc = new Int32Array(g.n).fill(-1);
  const prev = new Int32Array(g.n).fill(-1);
  const done = new Uint8Array(g.n);
  const heap = new IndexedMinHeap(dist);
  dist[s] = 0;
  heap.push(s);
  while (heap.size > 0) {
    const v = heap.pop();
    done[v] = 1;
    if (v === t) break;
    for (let p = g.offsets[v]; p < g.offsets[v + 1]; p++) {
      const w = g.targets[p];
      if (done[w] || (bannedNodes && bannedNodes[w]) || (bannedArcs && bannedArcs.has(p))) continue;
      const d = dist[v] + g.lengths[p];
      if (d < dist[w]) {
        const fresh = dist[w] === Infinity;
        dist[w] = d;
        prev[w] = v;
        viaArc[w] = p;
        if (fresh) heap.push(w);
        else heap.decrease(w);
      }
    }
  }
  if (s !== t && prev[t] < 0) return null;
  const nodes: number[] = [];
  const arcs: number[] = [];
  for (let v = t; v !== s; v = prev[v]) {
    nodes.push(v);
    arcs.push(viaArc[v]);
  }
  nodes.push(s);
  return { nodes: nodes.reverse(), arcs: arcs.reverse(), length: dist[t] };
}

/**
 * Up to k shortest loopless paths from s to t, shortest first (Yen 1971). Paths of equal length
 * keep the order in which they were found.
 *
 * Complexity: O(k n (n + m) log n).
 * @example
 * kShortestPaths(g, 0, 3, 3).map((p) => p.nodes); // [[0, 1, 3], [0, 2, 3]]
 */
export function kShortestPaths(g: LengthGraph, s: number, t: number, k: number): NodePath[] {
  const first = shortestPathBetween(g, s, t);
  if (!first || k < 1) return [];
  const found: NodePath[] = [first];
  const candidates: NodePath[] = [];
  const seen = new Set<string>([first.nodes.join(',')]);
  const bannedNodes = new Uint8Array(g.n);
  while (found.length < k) {
    const last = found[found.length - 1];
    for (let i = 0; i + 1 < last.nodes.length; i++) {
      const spur = last.nodes[i];
      const root = last.nodes.slice(0, i + 1);
      const bannedArcs = new Set<number>();
      for (const p of found) {
        if (p.nodes.length > i + 1 && root.every((x, q) => p.nodes[q] === x)) bannedArcs.add(p.arcs[i]);
      }
      bannedNodes.fill(0);
      for (let q = 0; q < i; q++) bannedNodes[root[q]] = 1;
      const spurPath = shortestPathBetween(g, spur, t, bannedNodes, bannedArcs);
      if (!spurPath) continue;
      let rootLength = 0;
      for (let q = 0; q < i; q++) rootLength += g.lengths[last.arcs[q]];
      const nodes = [...root.slice(0, i), ...spurPath.nodes];
      const key = nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ nodes, arcs: [...last.arcs.slice(0, i), ...spurPath.arcs], length: rootLength + spurPath.length });
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) if (candidates[c].length < candidates[best].length) best = c;
    found.push(candidates.splice(best, 1)[0]);
  }
  return found;
}

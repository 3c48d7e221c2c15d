/**
 * The source chain (src/core/graph/source-chain.ts): a minimum spanning forest by arc length in
 * heavy-last preorder, each source's pivot its parent. A hand-derived example, the forest's total
 * length against Prim's algorithm written here on random graphs, every pivot run before its child,
 * the live-pivot bound, and a forest of several parts.
 */
import { describe, expect, it } from 'vitest';
import { sourceChain } from '../../../src/core/graph/source-chain.js';
import { csrFromEdges } from '../../../src/core/graph/csr.js';
import type { PathGraph } from '../../../src/core/graph/path-graph.js';
import { mulberry32 } from '../../../src/core/util/random.js';

/** A symmetric path graph whose arc lengths are the given edge lengths. */
function graphOf(n: number, edges: readonly (readonly [number, number, number])[]): PathGraph {
  const csr = csrFromEdges(n, { sources: edges.map((e) => e[0]), targets: edges.map((e) => e[1]), weights: edges.map((e) => e[2]) }, false);
  return { n, offsets: csr.offsets, targets: csr.targets, lengths: csr.weights };
}

function randomEdges(n: number, m: number, seed: number): [number, number, number][] {
  const random = mulberry32(seed);
  const edges: [number, number, number][] = [];
  for (let i = 0; i < m; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b) edges.push([a, b, 1 / (1 + Math.floor(random() * 20))]);
  }
  return edges;
}

/** Total length of a minimum spanning forest, by Prim's algorithm from every unreached node (O(n^2)). */
function primLength(g: PathGraph): number {
  const { n, offsets, targets } = g;
  const best = new Float64Array(n).fill(Infinity);
  const inTree = new Uint8Array(n);
  let total = 0;
  for (let added = 0; added < n; added++) {
    let v = -1;
    for (let u = 0; u < n; u++) if (!inTree[u] && (v < 0 || best[u] < best[v])) v = u;
    inTree[v] = 1;
    if (best[v] < Infinity) total += best[v];
    for (let p = offsets[v]; p < offsets[v + 1]; p++) {
      const w = targets[p];
      if (!inTree[w] && g.lengths![p] < best[w]) best[w] = g.lengths![p];
    }
  }
  return total;
}

/** The shortest arc between two nodes. */
function arcLength(g: PathGraph, a: number, b: number): number {
  let l = Infinity;
  for (let p = g.offsets[a]; p < g.offsets[a + 1]; p++) if (g.targets[p] === b) l = Math.min(l, g.lengths![p]);
  return l;
}

describe('sourceChain', () => {
  it('a hand-derived forest: Kruskal keeps 0-3, 1-4, 1-2, 0-1; the light child 3 comes before the heavy child 1', () => {
    // Edges by length: 0-3 (0.2), 1-4 (0.4), 1-2 (0.5), 0-1 (1), 2-3 (5: closes 2-1-0-3), 3-4 (6: closes 4-1-0-3).
    // Rooted at 0: children 3 (subtree of 1) and 1 (subtree {1, 2, 4}); 1's children 2 and 4 (one each, smaller id first).
    const g = graphOf(5, [
      [0, 1, 1],
      [1, 2, 0.5],
      [1, 4, 0.4],
      [0, 3, 0.2],
      [2, 3, 5],
      [3, 4, 6],
    ]);
    const { sources, parents } = sourceChain(g);
    expect(Array.from(sources)).toEqual([0, 3, 1, 2, 4]);
    expect(Array.from(parents)).toEqual([-1, 0, 0, 1, 1]);
  });

  it('on random graphs: a permutation, each pivot run before its child and joined to it by an arc, the forest as short as Prim finds, at most log2(n) + 1 pivots live at once', () => {
    for (const seed of [1, 2, 3]) {
      const n = 300;
      const g = graphOf(n, randomEdges(n, 900, seed));
      const { sources, parents } = sourceChain(g);
      const position = new Int32Array(n).fill(-1);
      sources.forEach((s, k) => (position[s] = k));
      expect(position.every((k) => k >= 0)).toBe(true);
      let total = 0;
      const children = new Int32Array(n);
      for (let k = 0; k < n; k++) {
        const p = parents[k];
        if (p < 0) continue;
        expect(position[p]).toBeLessThan(k);
        total += arcLength(g, sources[k], p);
        children[p]++;
      }
      expect(total).toBeCloseTo(primLength(g), 12);
      // Pivots with children still to come, walking the chain: bounded by the light edges on a path.
      const left = children.slice();
      let live = 0;
      let most = 0;
      for (let k = 0; k < n; k++) {
        const p = parents[k];
        if (p >= 0 && --left[p] === 0) live--;
        if (children[sources[k]] > 0) live++;
        most = Math.max(most, live);
      }
      expect(most).toBeLessThanOrEqual(Math.floor(Math.log2(n)) + 1);
    }
  });

  it('a graph in parts, and isolated people: one root per part (its smallest id), no pivot across parts', () => {
    const g = graphOf(7, [
      [4, 5, 1],
      [5, 6, 2],
      [1, 2, 1],
    ]);
    const { sources, parents } = sourceChain(g);
    expect(Array.from(sources)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(parents)).toEqual([-1, -1, 1, -1, -1, 4, 5]);
  });

  it('refuses a graph without lengths', () => {
    expect(() => sourceChain({ n: 1, offsets: new Int32Array(2), targets: new Int32Array(0), lengths: null })).toThrow(/no arc lengths/);
  });
});

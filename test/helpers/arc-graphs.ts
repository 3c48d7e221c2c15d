/**
 * Small hop-count path graphs for kernel tests: a graph from a list of arcs, and deterministic
 * pseudo-random arcs.
 */
import type { PathGraph } from '../../src/core/graph/path-graph.js';

/** A path graph from arcs as given (order kept per row; self-loops and repeats kept); undirected adds each arc's reverse (a self-loop once). */
export function graphOf(n: number, arcs: readonly (readonly [number, number])[], undirected: boolean): PathGraph {
  const all = undirected
    ? arcs.flatMap(([a, b]): [number, number][] =>
        a === b
          ? [[a, b]]
          : [
              [a, b],
              [b, a],
            ],
      )
    : arcs;
  const offsets = new Int32Array(n + 1);
  for (const [a] of all) offsets[a + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(all.length);
  for (const [a, b] of all) targets[fill[a]++] = b;
  return { n, offsets, targets, lengths: null };
}

/**
 * Deterministic pseudo-random arcs: `k` arcs among nodes [0, span), the rest of the nodes isolated.
 * The high bits of the generator: its low bit alternates, so low bits would tie every arc's parities
 * (on an even span a directed graph of odd -> even arcs only, with no path of two steps).
 */
export function randomArcs(seed: number, span: number, k: number): [number, number][] {
  let x = seed >>> 0;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  const arcs: [number, number][] = [];
  for (let i = 0; i < k; i++) arcs.push([(next() >>> 8) % span, (next() >>> 8) % span]);
  return arcs;
}

/** An undirected side x side grid (node r * side + c) with a path of `tail` more nodes hanging from its last corner: many breadth-first levels. */
export function gridWithTail(side: number, tail: number): PathGraph {
  const arcs: [number, number][] = [];
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const v = r * side + c;
      if (c + 1 < side) arcs.push([v, v + 1]);
      if (r + 1 < side) arcs.push([v, v + side]);
    }
  const n = side * side + tail;
  for (let t = side * side; t < n; t++) arcs.push([t - 1, t]);
  return graphOf(n, arcs, true);
}

/** `layers` layers of k nodes, each tied to every node of the next layer (undirected): a node of layer j is reached from one of layer 0 by k^(j - 1) shortest paths. */
export function layered(k: number, layers: number): PathGraph {
  const arcs: [number, number][] = [];
  for (let l = 0; l + 1 < layers; l++) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) arcs.push([k * l + a, k * (l + 1) + b]);
  return graphOf(k * layers, arcs, true);
}

import { expect } from 'vitest';
import { brandesSource, type PathScratch } from '../../src/core/paths/brandes.js';
import { csrFromEdges, lengthsFromStrengths } from '../../src/core/graph/csr.js';
import { pathGraphOf, type PathGraph } from '../../src/core/graph/path-graph.js';
import { mulberry32 } from '../../src/core/util/random.js';

/** A random graph of `arcs` draws (self-loops skipped), strengths drawn from `strengths`, lengths 1/w. */
export function randomLengthGraph(n: number, arcs: number, directed: boolean, seed: number, strengths: readonly number[]): PathGraph {
  const random = mulberry32(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < arcs; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    sources.push(a);
    targets.push(b);
    weights.push(strengths[Math.floor(random() * strengths.length)]);
  }
  const csr = csrFromEdges(n, { sources, targets, weights }, directed);
  return pathGraphOf(csr, lengthsFromStrengths(csr));
}

/**
 * Layers {0}, L1..L3 of 12 nodes, every node joined to every node of the next layer, all strengths
 * 1: a node of L2 has 12 shortest-path predecessors, so source 0 meets 2 x 12 x 11 = 264 ties, more
 * than a predecessor pool of max(16, n) = 37 entries. Node 0 lies only between two L1 nodes, on 1
 * of their 13 shortest routes (via 0 or any L2 node): its betweenness (ordered pairs) is 132/13.
 */
export function layeredTieGraph(): PathGraph {
  const sources: number[] = [];
  const targets: number[] = [];
  const layer = (k: number) => Array.from({ length: 12 }, (_, i) => 1 + 12 * (k - 1) + i);
  for (const b of layer(1)) {
    sources.push(0);
    targets.push(b);
  }
  for (const k of [1, 2])
    for (const a of layer(k))
      for (const b of layer(k + 1)) {
        sources.push(a);
        targets.push(b);
      }
  const csr = csrFromEdges(37, { sources, targets, weights: sources.map(() => 1) }, false);
  return pathGraphOf(csr, lengthsFromStrengths(csr));
}

/**
 * Every source's dependencies summed with `brandesSource`, run twice with the same scratch: the
 * second pass must give the same sums (the scratch, and any kernel memory, back clean after every source).
 */
export function allSourcesTwice(g: PathGraph, scratch: PathScratch): Float64Array {
  const out = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, out, scratch);
  const again = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, again, scratch);
  expect(Array.from(again)).toEqual(Array.from(out));
  return out;
}

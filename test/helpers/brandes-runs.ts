import { expect } from 'vitest';
import { brandesSource, type PathScratch } from '../../src/core/paths/brandes.js';
import type { PathGraph } from '../../src/core/graph/path-graph.js';

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

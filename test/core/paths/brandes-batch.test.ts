/**
 * Batched (multi-source) Brandes: the same dependency sums as the single-source kernel on hop
 * counts, batch by batch, on random graphs (directed and undirected, several components, isolated
 * nodes, self-loops, parallel arcs, node counts that 32 does not divide), and hand values on small
 * graphs.
 */
import { describe, expect, it } from 'vitest';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import {
  BRANDES_BATCH,
  BrandesBatchScratch,
  brandesBatch,
  brandesBatched,
  brandesBatchWidth,
} from '../../../src/core/paths/brandes-batch.js';
import type { PathGraph } from '../../../src/core/graph/path-graph.js';
import { bindTask, taskItems } from '../../../src/core/parallel/tasks.js';
import { runPathTask } from '../../../src/core/parallel/pool.js';
import { clusteredOrder } from '../../../src/core/graph/reorder.js';
import { graphOf, gridWithTail, layered, randomArcs } from '../../helpers/arc-graphs.js';

function single(g: PathGraph): Float64Array {
  const scratch = new PathScratch(g.n);
  const out = new Float64Array(g.n);
  for (let s = 0; s < g.n; s++) brandesSource(g, s, out, scratch);
  return out;
}

function batched(g: PathGraph, scratch = new BrandesBatchScratch(g.n), width = BRANDES_BATCH): Float64Array {
  const out = new Float64Array(g.n);
  for (let b = 0; b * width < g.n; b++) brandesBatch(g, b, out, scratch, width);
  return out;
}

function worstRelative(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let v = 0; v < a.length; v++) {
    if (a[v] === b[v]) continue;
    worst = Math.max(worst, Math.abs(a[v] - b[v]) / Math.max(Math.abs(a[v]), Math.abs(b[v])));
  }
  return worst;
}

describe('brandesBatch', () => {
  it('path 0-1-2-3-4: hand values (ordered pairs) 0, 6, 8, 6, 0', () => {
    // Node 1 lies on the only path of (0,2), (0,3), (0,4); node 2 on (0,3), (0,4), (1,3), (1,4); both directions count.
    const g = graphOf(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ],
      true,
    );
    expect(Array.from(batched(g))).toEqual([0, 6, 8, 6, 0]);
  });

  it('4-cycle: each node carries half of its opposite pair, both directions: 1 each', () => {
    const g = graphOf(
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ],
      true,
    );
    expect(Array.from(batched(g))).toEqual([1, 1, 1, 1]);
  });

  it('directed path 0 -> 1 -> 2 with 2 -> 0 back: a 3-cycle, each node on one ordered pair', () => {
    // Pairs (0,2) through 1, (1,0) through 2, (2,1) through 0.
    const g = graphOf(
      3,
      [
        [0, 1],
        [1, 2],
        [2, 0],
      ],
      false,
    );
    expect(Array.from(batched(g))).toEqual([1, 1, 1]);
  });

  for (const [name, n, span, k, undirected] of [
    ['undirected, 100 nodes, 30 isolated', 100, 70, 160, true],
    ['directed, 257 nodes (not a multiple of 32), sparse: many components', 257, 257, 300, false],
    ['undirected, 333 nodes, dense', 333, 333, 2500, true],
    ['directed, 97 nodes, dense with self-loops and repeated arcs', 97, 97, 900, false],
    ['undirected, 31 nodes: one partial batch', 31, 31, 60, true],
  ] as const) {
    it(`equals brandesSource summed over all sources: ${name}`, () => {
      const g = graphOf(n, randomArcs(n * 7 + k, span, k), undirected);
      const want = single(g);
      const scratch = new BrandesBatchScratch(n);
      const got = batched(g, scratch);
      expect(want.some((x) => x > 0)).toBe(true);
      expect(worstRelative(want, got)).toBeLessThan(1e-12);
      // Scratch must come back clean: a second pass gives the same bits.
      expect(Array.from(batched(g, scratch))).toEqual(Array.from(got));
      // Batches of 7 sources (divides neither 32 nor n): the same sums.
      expect(worstRelative(want, batched(g, scratch, 7))).toBeLessThan(1e-12);
    });
  }

  it('one batch at a time equals its 32 sources run singly (grid with a long tail: many levels)', () => {
    const g = gridWithTail(12, 40);
    const n = g.n;
    const scratch = new PathScratch(n);
    const bs = new BrandesBatchScratch(n);
    for (let b = 0; b * BRANDES_BATCH < n; b++) {
      const want = new Float64Array(n);
      for (let s = b * BRANDES_BATCH; s < Math.min(n, (b + 1) * BRANDES_BATCH); s++) brandesSource(g, s, want, scratch);
      const got = new Float64Array(n);
      const reached = brandesBatch(g, b, got, bs);
      expect(reached).toBe(Math.min(BRANDES_BATCH, n - b * BRANDES_BATCH) * n);
      expect(worstRelative(want, got)).toBeLessThan(1e-12);
    }
  });

  it('the betweenness task runs batches of up to 32 sources on hop counts and single sources with lengths', () => {
    const g = graphOf(70, randomArcs(5, 70, 200), true);
    const pair = { forward: g, backward: g };
    expect(brandesBatched(g)).toBe(true);
    // 70 nodes: batches of ceil(70 / 64) = 2 sources, 35 items (small graphs still spread over threads).
    expect(brandesBatchWidth(70)).toBe(2);
    expect(brandesBatchWidth(4)).toBe(1);
    expect(brandesBatchWidth(100000)).toBe(32);
    expect(taskItems(pair, { kind: 'betweenness' })).toBe(35);
    const task = bindTask(pair, { kind: 'betweenness' });
    expect(task.items).toBe(35);
    const out = new Float64Array(task.outLength);
    for (let b = 0; b < task.items; b++) task.run(b, out);
    expect(worstRelative(single(g), out)).toBeLessThan(1e-12);
    const weighted = { ...g, lengths: new Float64Array(g.targets.length).fill(1) };
    expect(brandesBatched(weighted)).toBe(false);
    expect(taskItems({ forward: weighted, backward: weighted }, { kind: 'betweenness' })).toBe(70);
  });

  it('through the pool (breadth-first relabelled, 2 worker threads): equals brandesSource in the original labelling', async () => {
    // 2,500 nodes, so the pool relabels; a directed graph with 500 isolated nodes; 79 batches, shared unevenly.
    const arcs = randomArcs(99, 2000, 7000);
    const g = graphOf(2500, arcs, false);
    const pair = {
      forward: g,
      backward: graphOf(
        2500,
        arcs.map(([a, b]): [number, number] => [b, a]),
        false,
      ),
    };
    const want = single(g);
    expect(want.filter((x) => x > 0).length).toBeGreaterThan(1000);
    let last = 0;
    const got = await runPathTask(pair, { kind: 'betweenness' }, { workers: 2, onProgress: (d, t) => (last = d / t) });
    expect(last).toBe(1);
    expect(worstRelative(want, got)).toBeLessThan(1e-12);
  });

  it('path counts past 2^24 (Float32 no longer exact): the batch runs source by source, same sums; at exactly 2^24 it stays batched', () => {
    // Layers of k nodes, each node tied to every node of the next layer: from a node of layer 0, a
    // node of layer j is reached by k^(j-1) shortest paths. k = 8, 10 layers: at most 8^8 = 2^24
    // (still exact in Float32); k = 7, 11 layers: up to 7^9 = 40,353,607 (odd, past 2^24: Float32
    // would round it).
    for (const [k, layers, fallback] of [
      [8, 10, false],
      [7, 11, true],
    ] as const) {
      const g = layered(k, layers);
      const want = single(g);
      const scratch = new BrandesBatchScratch(g.n);
      const got = batched(g, scratch, BRANDES_BATCH);
      expect(worstRelative(want, got), `${k} x ${layers}`).toBeLessThan(1e-12);
      expect(scratch.single !== null, `${k} x ${layers}`).toBe(fallback);
      // The scratch is left clean: running again adds the same sums.
      expect(Array.from(batched(g, scratch, BRANDES_BATCH))).toEqual(Array.from(got));
    }
  });

  it('clusteredOrder: a permutation that keeps each of two interleaved 5-cliques in one run, where breadth-first order splits them', () => {
    // Cliques {0, 2, 4, 6, 8} and {1, 3, 5, 7, 9}, node 10 tied to 8 and 9 (lowest degree, so the root):
    // breadth-first order is 10, 8, 9, 0, 2, 4, 6, 1, 3, 5, 7 (node 9 sits between the evens); label
    // propagation gives the evens (and 10) label 0 and the odds label 1, so each clique takes
    // consecutive places: 10, 8, 0, 2, 4, 6, then 9, 1, 3, 5, 7.
    const arcs: [number, number][] = [
      [10, 8],
      [10, 9],
    ];
    for (const base of [0, 1]) for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) arcs.push([base + 2 * a, base + 2 * b]);
    const g = graphOf(11, arcs, true);
    const order = Array.from(clusteredOrder({ forward: g, backward: g }));
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const run = (parity: number) => {
      const at = order.flatMap((v, k) => (v !== 10 && v % 2 === parity ? [k] : []));
      return at[4] - at[0];
    };
    expect(run(0)).toBe(4);
    expect(run(1)).toBe(4);
  });
});

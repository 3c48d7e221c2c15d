/**
 * withoutNonBackboneArcs / distanceBackbone: drops exactly the arcs beaten by a detour of any
 * number of steps (checked against Floyd-Warshall distances computed here), keeps ties, parallel
 * arcs as the two-step rule does, respects direction, falls back to the two-step rule at the work
 * cap, and leaves closeness, harmonic and betweenness sums unchanged on random weighted graphs.
 */
import { describe, expect, it } from 'vitest';
import { csrFromEdges, lengthsFromStrengths } from '../../../src/core/graph/csr.js';
import { bucketPlan, pathGraphOf, withoutDetouredArcs, type PathGraph } from '../../../src/core/graph/path-graph.js';
import { distanceBackbone, withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';
import { brandesSource, PathScratch } from '../../../src/core/paths/brandes.js';
import { DistanceScratch, distanceSums, unitDistances } from '../../../src/core/paths/closeness.js';

/** "a-b:l" arcs, separated by spaces, as [source, target, length] triples. */
function parse(text: string): [number, number, number][] {
  return text.split(' ').map((a) => {
    const [ends, l] = a.split(':');
    const [s, t] = ends.split('-');
    return [Number(s), Number(t), Number(l)];
  });
}

/** A path graph from [source, target, length] arcs, or "a-b:l" text (rows in the order given). */
function graph(n: number, arcsIn: [number, number, number][] | string): PathGraph {
  const list = typeof arcsIn === 'string' ? parse(arcsIn) : arcsIn;
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const offsets = new Int32Array(n + 1);
  for (const [s] of sorted) offsets[s + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  return {
    n,
    offsets,
    targets: Int32Array.from(sorted.map((a) => a[1])),
    lengths: Float64Array.from(sorted.map((a) => a[2])),
  };
}

/** Both directions of each [a, b, length] edge. */
function undirected(list: [number, number, number][]): [number, number, number][] {
  return list.flatMap(([a, b, l]) => [
    [a, b, l],
    [b, a, l],
  ]);
}

function arcs(g: PathGraph): string[] {
  const list: string[] = [];
  for (let u = 0; u < g.n; u++) for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) list.push(`${u}-${g.targets[p]}:${g.lengths![p]}`);
  return list;
}

describe('withoutNonBackboneArcs', () => {
  it('drops an arc beaten by a three-step detour (which the two-step rule keeps), keeps a tie', () => {
    // Path 0-1-2-3 of unit edges: d(0,3) = 3, so edge 0-3 of length 4 loses to a three-step detour.
    // Node 4 hangs off 3 by an edge of length 1, so d(1,4) = 1 + 1 + 1 = 3 equals the edge 1-4 of
    // length 3: a tie, kept both ways.
    const g = graph(5, undirected(parse('0-1:1 1-2:1 2-3:1 0-3:4 3-4:1 1-4:3')));
    expect(withoutDetouredArcs(g)).toBe(g); // every detour here has at least three steps
    // Everything but 0-3 and 3-0 (the tie 1-4 / 4-1 stays).
    expect(arcs(withoutNonBackboneArcs(g))).toEqual(arcs(g).filter((a) => a !== '0-3:4' && a !== '3-0:4'));
  });

  it('parallel arcs: a longer copy dropped, equal copies both kept; self-loops kept', () => {
    const g = graph(3, '0-1:2 0-1:1 0-0:5 1-2:1 1-2:1 2-0:1');
    const r = withoutNonBackboneArcs(g);
    expect(arcs(r)).toEqual(['0-1:1', '0-0:5', '1-2:1', '1-2:1', '2-0:1']);
  });

  it('directed graphs: an arc goes only when a detour runs its way', () => {
    // 0 -> 1 -> 2 -> 3 of unit arcs beats 0 -> 3 (length 5); 3 -> 0 (length 5) has no detour back.
    const g = graph(4, '0-1:1 1-2:1 2-3:1 0-3:5 3-0:5');
    expect(arcs(withoutNonBackboneArcs(g))).toEqual(['0-1:1', '1-2:1', '2-3:1', '3-0:5']);
  });

  it('below minNodes only the two-step rule runs', () => {
    const g = graph(4, '0-1:1 1-2:1 2-3:1 0-3:5');
    expect(withoutNonBackboneArcs(g, { minNodes: 5 })).toBe(g);
    expect(withoutNonBackboneArcs(g, { minNodes: 4 }).targets.length).toBe(3);
  });

  it('hop counts, no arcs, nothing to drop: the graph itself', () => {
    const hops: PathGraph = { n: 2, offsets: Int32Array.from([0, 1, 1]), targets: Int32Array.from([1]), lengths: null };
    expect(withoutNonBackboneArcs(hops)).toBe(hops);
    const tree = graph(
      3,
      undirected([
        [0, 1, 2],
        [1, 2, 3],
      ]),
    );
    expect(withoutNonBackboneArcs(tree)).toBe(tree);
  });

  it('work cap: a capped node keeps what the two-step rule keeps, no more', () => {
    // Node 1 is a hub with 100 leaves; 0-1-2-3 unit path, 0-3 of length 4 (three-step detour),
    // 0-2 of length 3 (beaten by the two-step 0-1-2). With scanFactor 0, node 0's search may scan
    // its own 2 arcs + 64: it stops at the hub, so 0 -> 3 stays, but 0 -> 2 goes (two-step rule).
    const edges: [number, number, number][] = [
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [0, 3, 4],
      [0, 2, 3],
    ];
    for (let k = 0; k < 100; k++) edges.push([1, 4 + k, 1]);
    const g = graph(104, undirected(edges));
    const capped = distanceBackbone(g, { scanFactor: 0 });
    expect(capped.capped).toBeGreaterThan(0);
    expect(arcs(capped.graph)).toContain('0-3:4');
    expect(arcs(capped.graph)).not.toContain('0-2:3');
    const twoStep = arcs(withoutDetouredArcs(g));
    for (const a of arcs(capped.graph)) expect(twoStep).toContain(a);
    const full = distanceBackbone(g, { scanFactor: Infinity });
    expect(full.capped).toBe(0);
    expect(arcs(full.graph)).not.toContain('0-3:4');
    expect(arcs(full.graph)).not.toContain('3-0:4');
    expect(full.graph.targets.length).toBe(g.targets.length - 4);
  });

  it('uncapped, integer lengths: keeps exactly the arcs as short as the Floyd-Warshall distance', () => {
    for (const directed of [false, true]) {
      const n = 60;
      const list: [number, number, number][] = [];
      for (let i = 0; i < 4 * n; i++) {
        const a = (i * 7919) % n;
        const b = (a + 1 + ((i * 104729) % 17)) % n;
        list.push([a, b, 1 + ((i * 31) % 9)]);
      }
      const g = graph(n, directed ? list : undirected(list));
      const d: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
      for (let u = 0; u < n; u++)
        for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) d[u][g.targets[p]] = Math.min(d[u][g.targets[p]], g.lengths![p]);
      for (let k = 0; k < n; k++)
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
      const expected: string[] = [];
      for (let u = 0; u < n; u++)
        for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) {
          const w = g.targets[p];
          if (w === u || g.lengths![p] <= d[u][w]) expected.push(`${u}-${w}:${g.lengths![p]}`);
        }
      const r = distanceBackbone(g, { scanFactor: Infinity });
      expect(r.capped).toBe(0);
      expect(arcs(r.graph)).toEqual(expected);
      expect(expected.length).toBeLessThan(arcs(withoutDetouredArcs(g)).length);
    }
  });

  it('random weighted graphs: closeness, harmonic and betweenness sums unchanged (1e-12 relative)', () => {
    const brandes = (g: PathGraph): Float64Array => {
      const scratch = new PathScratch(g.n, bucketPlan(g));
      const out = new Float64Array(g.n);
      for (let s = 0; s < g.n; s++) brandesSource(g, s, out, scratch);
      return out;
    };
    const sums = (g: PathGraph): Float64Array => {
      const scratch = new DistanceScratch(g.n, bucketPlan(g));
      const out = new Float64Array(3 * g.n);
      for (let s = 0; s < g.n; s++) distanceSums(g, s, out, scratch, unitDistances(g.n + 1, 1));
      return out;
    };
    const close = (a: Float64Array, b: Float64Array) => {
      for (let v = 0; v < a.length; v++)
        expect(Math.abs(a[v] - b[v])).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a[v]), Math.abs(b[v])));
    };
    for (const [directed, seed] of [
      [false, 1],
      [true, 2],
      [false, 3],
    ] as const) {
      const n = 200;
      const s: number[] = [];
      const t: number[] = [];
      const w: number[] = [];
      let x = seed;
      const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let i = 0; i < 6 * n; i++) {
        const a = Math.floor(next() * n);
        s.push(a);
        t.push((a + 1 + Math.floor(next() * 30)) % n);
        w.push(1 + Math.floor(next() * 20));
      }
      const csr = csrFromEdges(n, { sources: s, targets: t, weights: w }, directed);
      const g = pathGraphOf(csr, lengthsFromStrengths(csr));
      const r = withoutNonBackboneArcs(g);
      expect(r.targets.length).toBeLessThan(withoutDetouredArcs(g).targets.length);
      close(brandes(r), brandes(g));
      const a = sums(r);
      const b = sums(g);
      close(a, b);
      for (let v = 0; v < n; v++) expect(a[3 * v]).toBe(b[3 * v]);
    }
  });
});

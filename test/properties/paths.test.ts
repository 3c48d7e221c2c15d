/**
 * Properties of the path centralities (fast-check): relabelling people changes nothing; all
 * weights 1 equals the unweighted view; equal weights c give the hop results (betweenness) and
 * the hop results scaled by c (closeness, harmonic with d = 1/c).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { betweennessSync } from '../../src/metrics/centrality/betweenness.js';
import { closenessSync } from '../../src/metrics/centrality/closeness.js';
import { harmonicSync } from '../../src/metrics/centrality/harmonic.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project, type OrgView } from '../../src/model/projection.js';

const graphs = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    directed: fc.boolean(),
    edges: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.integer({ min: 1, max: 4 })), { maxLength: 40 }),
  })
  .map(({ n, directed, edges }) => {
    // One tie per pair, so that equal tie weights stay equal after aggregation.
    const seen = new Set<string>();
    const kept = edges.filter(([s, t]) => {
      const key = s < t ? `${s},${t}` : `${t},${s}`;
      if (s >= n || t >= n || s === t || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { n, directed, edges: kept };
  });

function build(
  n: number,
  edges: [number, number, number][],
  directed: boolean,
  ids: (i: number) => string,
  weight?: number,
  weighted = true,
): OrgView {
  const graph = OrgGraph.from({
    people: Array.from({ length: n }, (_, i) => ({ id: ids(i) })),
    ties: edges.map(([s, t, w]) => ({ source: ids(s), target: ids(t), weight: weight ?? w })),
    relations: [{ name: 'tie', directed }],
  });
  return project(graph, { directed, weighted });
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const metrics = [betweennessSync, closenessSync, harmonicSync];

describe('path centralities: properties', () => {
  it("permuting person ids (and input order) changes no one's value", () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 1, max: 1000 }), ({ n, directed, edges }, salt) => {
        const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * salt) % 97) - ((b * salt) % 97) || a - b);
        const plain = build(n, edges, directed, (i) => `p${i}`);
        // Same people under other indices: person i is created at position perm[i].
        const inverse = new Array<number>(n);
        perm.forEach((p, i) => (inverse[p] = i));
        const shuffled = build(
          n,
          edges.map(([s, t, w]) => [inverse[s], inverse[t], w] as [number, number, number]),
          directed,
          (i) => `p${perm[i]}`,
        );
        for (const metric of metrics) {
          const a = metric(plain);
          const b = metric(shuffled);
          for (const id of plain.personIds) if (!close(b.get(id)!, a.get(id)!)) return false;
        }
        return true;
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('all weights 1 equals the unweighted view; equal weights c scale distances by 1/c', () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 2, max: 7 }), ({ n, directed, edges }, c) => {
        const ids = (i: number) => String(i);
        const ones = build(n, edges, directed, ids, 1);
        const hops = build(n, edges, directed, ids, undefined, false);
        const evenC = build(n, edges, directed, ids, c);
        for (let i = 0; i < n; i++) {
          if (!close(betweennessSync(ones).values[i], betweennessSync(hops).values[i])) return false;
          if (!close(closenessSync(ones).values[i], closenessSync(hops).values[i])) return false;
          if (!close(harmonicSync(ones).values[i], harmonicSync(hops).values[i])) return false;
          if (!close(betweennessSync(evenC).values[i], betweennessSync(hops).values[i])) return false;
          if (!close(closenessSync(evenC).values[i], c * closenessSync(hops).values[i])) return false;
          if (!close(harmonicSync(evenC).values[i], c * harmonicSync(hops).values[i])) return false;
        }
        return true;
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});

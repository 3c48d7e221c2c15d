import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { bridging, bridgingCoefficient, bridgingFromBetweenness } from '../../../src/metrics/brokerage/bridging.js';
import { betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import { NodeScores } from '../../../src/metrics/scores.js';
import { at, toy } from './brokerage-helpers.js';

// Two triangles {a, b, c} and {d, e, f} joined through x: c - x - d; plus an isolate z.
// n = 8 people, so NetworkX normalisation is 2 / ((n-1)(n-2)) = 2/42 = 1/21.
const BARBELL = ['a-b', 'b-c', 'a-c', 'd-e', 'e-f', 'd-f', 'c-x', 'x-d'];

describe('bridging coefficient', () => {
  it('empty graph; isolates NaN', () => {
    expect(bridgingCoefficient(project(OrgGraph.from({ people: [], ties: [] }))).size).toBe(0);
    expect(Number.isNaN(at(bridgingCoefficient(project(toy(BARBELL, {}, ['z']))), 'z'))).toBe(true);
  });

  it('hand: (1/k_v) / sum_{u in N(v)} 1/k_u', () => {
    const s = bridgingCoefficient(project(toy(BARBELL)));
    // x: k = 2, contacts c and d with k = 3: (1/2) / (2/3) = 3/4
    expect(at(s, 'x')).toBeCloseTo(3 / 4, 15);
    // c: k = 3, contacts a, b, x with k = 2: (1/3) / (3/2) = 2/9
    expect(at(s, 'c')).toBeCloseTo(2 / 9, 15);
    // a: k = 2, contacts b (2) and c (3): (1/2) / (1/2 + 1/3) = 3/5
    expect(at(s, 'a')).toBeCloseTo(3 / 5, 15);
  });

  it("a leaf takes its contact's degree; a lone pair 1", () => {
    const s = bridgingCoefficient(project(toy(['h-a', 'h-b', 'h-c', 'p-q'])));
    expect(at(s, 'a')).toBe(3);
    expect(at(s, 'h')).toBeCloseTo(1 / 9, 15);
    expect(at(s, 'p')).toBe(1);
  });
});

describe('bridging centrality = betweenness value x bridging coefficient value', () => {
  it('hand on the barbell', () => {
    const view = project(toy(BARBELL, {}, ['z']));
    // x lies on every shortest path between {a, b, c} and {d, e, f}: 9 pairs.
    // c lies on the paths from a and b to x, d, e, f: 8 pairs. a lies on none.
    const raw = bridging(view, { normalized: false });
    expect(at(raw, 'x')).toBeCloseTo(9 * (3 / 4), 12);
    expect(at(raw, 'c')).toBeCloseTo(8 * (2 / 9), 12);
    expect(at(raw, 'a')).toBe(0);
    expect(at(raw, 'z')).toBe(0);
    const normalized = bridging(view);
    expect(at(normalized, 'x')).toBeCloseTo((9 / 21) * (3 / 4), 12);
    expect(normalized.metric).toBe('bridging');
  });

  it('ranks the bridge above the hub that betweenness prefers', () => {
    // hub c is tied to a, b, x and to leaves l1..l3; x links c and d as before.
    const view = project(toy([...BARBELL, 'c-l1', 'c-l2', 'c-l3']));
    const b = betweennessSync(view, { weighted: false });
    expect(at(b, 'c')).toBeGreaterThan(at(b, 'x'));
    const bc = bridging(view, { weighted: false });
    expect(at(bc, 'x')).toBeGreaterThan(at(bc, 'c'));
  });

  it('from precomputed betweenness; rejects misaligned scores', () => {
    const view = project(toy(BARBELL));
    const b = betweennessSync(view);
    expect(Array.from(bridgingFromBetweenness(view, b).values)).toEqual(Array.from(bridging(view).values));
    expect(() => bridgingFromBetweenness(view, new NodeScores('betweenness', ['a'], Float64Array.of(1)))).toThrowError(
      /1 values for 7 people/,
    );
  });
});

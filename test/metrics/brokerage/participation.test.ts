import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { participation } from '../../../src/metrics/brokerage/participation.js';
import { NX, at, datasetView, expectValues, toy } from './brokerage-helpers.js';

const GROUPS = { e: 'A', a1: 'A', a2: 'A', b1: 'B', b2: 'B' };

describe('participation: degenerate inputs', () => {
  it('empty graph; isolates get 0; a single group gives 0 everywhere', () => {
    expect(participation(project(OrgGraph.from({ people: [], ties: [] })), Int32Array.from([])).size).toBe(0);
    const s = participation(project(toy(['a-b', 'b-c'], { a: 'x', b: 'x', c: 'x', z: 'x' })), 'group');
    for (const id of ['a', 'b', 'c', 'z']) expect(at(s, id)).toBe(0);
  });

  it("a group of one: its member's ties all go to other groups", () => {
    // s alone in S, tied to p (P) and q (Q): P_s = 1 - (1/2)^2 - (1/2)^2 = 1/2
    const s = participation(project(toy(['s-p', 's-q'], { s: 'S', p: 'P', q: 'Q' })), 'group');
    expect(at(s, 's')).toBeCloseTo(1 / 2, 15);
  });
});

describe('participation: hand derivations', () => {
  it('all ties inside one group give 0, not 1 (the inverted-P bug)', () => {
    // e (A) tied to a1, a2 (A) and b1, b2 (B): P_e = 1 - (2/4)^2 - (2/4)^2 = 1/2.
    // a1 has its one tie in A (its own group), b1 its one tie in A (another group): both P = 0.
    const s = participation(project(toy(['e-a1', 'e-a2', 'e-b1', 'e-b2'], GROUPS), { weighted: false }), 'group');
    expect(at(s, 'e')).toBeCloseTo(1 / 2, 15);
    expect(at(s, 'a1')).toBe(0);
    expect(at(s, 'b1')).toBe(0);
  });

  it('weighted views sum tie values; unweighted views and weighted: false count contacts', () => {
    // values e-a1 5, e-a2 1, e-b1 2, e-b2 2: k_eA = 6, k_eB = 4, k_e = 10 -> 1 - 0.36 - 0.16 = 0.48
    const g = toy(['e-a1:5', 'e-a2:1', 'e-b1:2', 'e-b2:2'], GROUPS);
    expect(at(participation(project(g), 'group'), 'e')).toBeCloseTo(0.48, 15);
    expect(at(participation(project(g), 'group', { weighted: false }), 'e')).toBeCloseTo(0.5, 15);
    expect(at(participation(project(g, { weighted: false }), 'group'), 'e')).toBeCloseTo(0.5, 15);
  });

  it('directed views count contacts in either direction once', () => {
    // e > a1, a1 > e (one contact in A), b1 > e (one contact in B): P_e = 1/2 on an unweighted view
    const s = participation(project(toy(['e>a1', 'a1>e', 'b1>e'], GROUPS), { directed: true, weighted: false }), 'group');
    expect(at(s, 'e')).toBeCloseTo(1 / 2, 15);
  });

  it('three groups evenly: 1 - 3 (1/3)^2 = 2/3, the maximum for three groups', () => {
    const s = participation(project(toy(['e-a', 'e-b', 'e-c'], { e: 'A', a: 'A', b: 'B', c: 'C' })), 'group');
    expect(at(s, 'e')).toBeCloseTo(2 / 3, 15);
  });

  it('a partition (e.g. communities) gives the same values as the attribute', () => {
    const view = project(toy(['e-a1', 'e-a2', 'e-b1', 'e-b2', 'a1-b1'], GROUPS));
    // view order: a1 a2 b1 b2 e
    const byPartition = participation(view, Int32Array.from([7, 7, 3, 3, 7]));
    expect(Array.from(byPartition.values)).toEqual(Array.from(participation(view, 'group').values));
  });
});

describe(`participation vs the definition evaluated in Python (${NX.script})`, () => {
  for (const [name, ref] of Object.entries(NX.undirected).filter(([, r]) => r.weighted.participation)) {
    it(`${name} by ${ref.weighted.group}: weighted and unweighted`, async () => {
      const group = ref.weighted.group!;
      expectValues(participation(await datasetView(name), group).values, ref.weighted.participation!, `${name} weighted`);
      expectValues(
        participation(await datasetView(name, { weighted: false }), group).values,
        ref.unweighted.participation!,
        `${name} unweighted`,
      );
    });
  }
});

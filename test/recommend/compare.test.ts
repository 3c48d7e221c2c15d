import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { compare } from '../../src/recommend/compare.js';

const people = ['x1', 'x2', 'y1', 'y2'].map((id) => ({ id, attributes: { team: id[0].toUpperCase() } }));
const graph = (ties: [string, string][]) =>
  project(OrgGraph.from({ people, ties: ties.map(([source, target]) => ({ source, target })), relations: [{ name: 'tie', directed: false }] }));

// Before: x1-x2, y1-y2. After: x1-y1, x2-y2, y1-y2.
// Changed dyads (3): x1-x2 lost, x1-y1 gained, x2-y2 gained; y1-y2 is in both periods.
const before = graph([
  ['x1', 'x2'],
  ['y1', 'y2'],
]);
const after = graph([
  ['x1', 'y1'],
  ['x2', 'y2'],
  ['y1', 'y2'],
]);

describe('compare', () => {
  it('names the missing attribute of an empty graph, and gives empty tables for one lone person', () => {
    const empty = project(OrgGraph.from({ people: [], ties: [] }));
    expect(() => compare(empty, empty, { attribute: 'team' })).toThrow(/no attribute "team"/);
    const one = project(OrgGraph.from({ people: [{ id: 'a', attributes: { team: 'X' } }], ties: [] }));
    const r = compare(one, one, { attribute: 'team', permutations: 10 });
    expect(r.people).toEqual([{ id: 'a', degreeBefore: 0, degreeAfter: 0, strengthBefore: 0, strengthAfter: 0 }]);
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.p])).toEqual([['X', NaN, NaN]]);
    expect(r.tieChanges).toEqual([]);
  });

  it('counts deltas and ties gained and lost across groups', () => {
    const r = compare(before, after, { attribute: 'team', permutations: 0 });
    // X: before I = 1, E = 0 -> E-I = -1; after I = 0, E = 2 -> +1. Y: before I 1 E 0 -> -1; after I 1 E 2 -> 1/3.
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.eiAfter, g.eiChange])).toEqual([
      ['X', -1, 1, 2],
      ['Y', -1, 1 / 3, 4 / 3],
    ]);
    expect(r.groups.every((g) => Number.isNaN(g.p))).toBe(true);
    expect(r.tieChanges).toEqual([
      { groupA: 'X', groupB: 'X', gained: 0, lost: 1 },
      { groupA: 'X', groupB: 'Y', gained: 2, lost: 0 },
    ]);
    expect(r.people.find((p) => p.id === 'y1')).toEqual({ id: 'y1', degreeBefore: 1, degreeAfter: 2, strengthBefore: 1, strengthAfter: 2 });
    expect(r.diagnostics.changedDyads).toBe(3);
  });

  it('agrees with the exact permutation distribution (enumeration of the 2^3 swaps)', () => {
    // Each changed dyad goes to either period with probability 1/2 (8 equally likely outcomes).
    // X (observed |change| 2): |change| >= 2 only when x1-x2 is in one period and both cross ties in
    //   the other (E-I -1 vs +1): 2 of 8 outcomes -> exact p = 1/4. (A period where X has no tie gives
    //   NaN, never as extreme.)
    // Y (observed 4/3; I = 1 in both periods always): E_before = cross ties left in before, 0..2 with
    //   probabilities 1/4, 1/2, 1/4; change = EI(2 - E_before) - EI(E_before) with EI(E) = (E - 1)/(E + 1):
    //   E_before 0 -> 4/3, 1 -> 0, 2 -> -4/3: |change| >= 4/3 with probability 1/2 -> exact p = 1/2.
    const r = compare(before, after, { attribute: 'team', permutations: 20000, seed: 3 });
    const p = Object.fromEntries(r.groups.map((g) => [g.group, g.p]));
    // Monte Carlo p = (1 + hits) / (1 + 20000): standard error <= 0.0036; allow 4 standard errors.
    expect(Math.abs(p.X - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(p.Y - 0.5)).toBeLessThan(0.015);
  });

  it('leaves out and counts people present in one period only', () => {
    const later = project(
      OrgGraph.from({
        people: [...people.slice(0, 3), { id: 'z', attributes: { team: 'Y' } }],
        ties: [{ source: 'x1', target: 'z' }],
        relations: [{ name: 'tie', directed: false }],
      }),
    );
    const r = compare(before, later, { attribute: 'team', permutations: 0 });
    expect(r.diagnostics.peopleInOneOnly).toBe(2); // y2 (before only), z (after only)
    expect(r.people.map((x) => x.id)).toEqual(['x1', 'x2', 'y1']);
  });

  it('takes groups from an assignment (e.g. communities of the first period), or none at all', () => {
    // Same periods with groups {x1, y1} and {x2, y2} given person by person.
    // Before: x1-x2 and y1-y2 are both cross -> G: I 0, E 2 -> E-I 1 for both groups.
    // After: x1-y1 inside G1; x2-y2 inside G2; y1-y2 cross -> G1: I 1, E 1 -> 0; G2 the same.
    const groups = { name: 'community', groupOf: new Map([['x1', 'G1'], ['y1', 'G1'], ['x2', 'G2'], ['y2', 'G2']]) };
    const r = compare(before, after, { groups, permutations: 0 });
    expect(r.attribute).toBe('community');
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.eiAfter])).toEqual([
      ['G1', 1, 0],
      ['G2', 1, 0],
    ]);
    expect(r.ties).toEqual({ before: 2, after: 3, gained: 2, lost: 1 });
    const none = compare(before, after, { permutations: 100 });
    expect(none.attribute).toBeNull();
    expect(none.groups).toEqual([]);
    expect(none.tieChanges).toEqual([]);
    expect(none.ties).toEqual({ before: 2, after: 3, gained: 2, lost: 1 });
    expect(none.people.find((p) => p.id === 'x1')).toMatchObject({ degreeBefore: 1, degreeAfter: 1 });
  });
});

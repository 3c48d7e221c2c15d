import { describe, expect, it } from 'vitest';
import { groupDependency } from '../../../src/metrics/brokerage/group-dependency.js';
import { loadReference, referenceNames, referenceView, smallView } from './risk-dataset.js';

const team = { a1: 'A', a2: 'A', a3: 'A', b1: 'B', b2: 'B', c1: 'C', d1: 'D' };
const people = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'd1', 'z'];
const ties = ['a1-b1', 'a1-b2', 'a2-b1', 'a1-c1', 'a3-d1', 'a3-z', 'a1-a2', 'b1-c1'];

describe('group dependency: degenerate inputs', () => {
  it('empty view: no groups', () => {
    expect(groupDependency(smallView([], []), { group: 'team' })).toEqual([]);
  });

  it('everyone in one group: no cross-group ties, nobody listed', () => {
    const view = smallView(['a', 'b', 'c'], ['a-b', 'b-c'], { groups: { a: 'X', b: 'X', c: 'X' } });
    expect(groupDependency(view, { group: 'team' })).toEqual([{ group: 'X', size: 3, crossTies: 0, groupsReached: [], members: [] }]);
  });

  it('isolated members and people without a group', () => {
    // a (X) is isolated; b (Y) is tied only to n, who has no group: no cross-group tie anywhere.
    const view = smallView(['a', 'b', 'n'], ['b-n'], { groups: { a: 'X', b: 'Y' } });
    const deps = groupDependency(view, { group: 'team' });
    expect(deps.map((d) => [d.group, d.size, d.crossTies, d.members.length])).toEqual([
      ['X', 1, 0, 0],
      ['Y', 1, 0, 0],
    ]);
  });

  it('unknown attribute and missing option are errors', () => {
    const view = smallView(['a'], []);
    expect(() => groupDependency(view, { group: 'nope' })).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_ATTRIBUTE' }));
    expect(() => groupDependency(view, { group: '' })).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
  });
});

describe('group dependency: hand-derived', () => {
  // Cross-group ties by group (z has no group, so a3-z does not count; a1-a2 is internal):
  //   A: a1-b1, a1-b2, a2-b1, a1-c1, a3-d1 = 5, reaching B (via a1, a2), C (a1 only), D (a3 only)
  //   B: a1-b1, a1-b2, a2-b1, b1-c1 = 4, reaching A (b1, b2), C (b1 only)
  //   C: a1-c1, b1-c1 = 2, reaching A and B, both only through c1
  //   D: a3-d1 = 1, reaching A only through d1
  const expected = [
    {
      group: 'A',
      size: 3,
      crossTies: 5,
      groupsReached: ['B', 'C', 'D'],
      members: [
        // a1 and a3 are each the sole link to one group; a1 carries more ties, so ranks first.
        { id: 'a1', crossTies: 3, share: 3 / 5, groupsReached: ['B', 'C'], soleLinkTo: ['C'] },
        { id: 'a3', crossTies: 1, share: 1 / 5, groupsReached: ['D'], soleLinkTo: ['D'] },
        { id: 'a2', crossTies: 1, share: 1 / 5, groupsReached: ['B'], soleLinkTo: [] },
      ],
    },
    {
      group: 'B',
      size: 2,
      crossTies: 4,
      groupsReached: ['A', 'C'],
      members: [
        { id: 'b1', crossTies: 3, share: 3 / 4, groupsReached: ['A', 'C'], soleLinkTo: ['C'] },
        { id: 'b2', crossTies: 1, share: 1 / 4, groupsReached: ['A'], soleLinkTo: [] },
      ],
    },
    {
      group: 'C',
      size: 1,
      crossTies: 2,
      groupsReached: ['A', 'B'],
      members: [{ id: 'c1', crossTies: 2, share: 1, groupsReached: ['A', 'B'], soleLinkTo: ['A', 'B'] }],
    },
    {
      group: 'D',
      size: 1,
      crossTies: 1,
      groupsReached: ['A'],
      members: [{ id: 'd1', crossTies: 1, share: 1, groupsReached: ['A'], soleLinkTo: ['A'] }],
    },
  ];

  it('undirected ties', () => {
    expect(groupDependency(smallView(people, ties, { groups: team }), { group: 'team' })).toEqual(expected);
  });

  it('directed ties are read as undirected; a reciprocated pair counts once', () => {
    const directed = [...ties.map((t) => t.split('-').reverse().join('-')), 'a1-b1'];
    expect(groupDependency(smallView(people, directed, { directed: true, groups: team }), { group: 'team' })).toEqual(expected);
  });
});

describe('group dependency agrees with a direct count over the NetworkX graph (risk.py)', () => {
  for (const name of referenceNames()) {
    const ref = loadReference(name);
    const gd = ref.groupDependency;
    if (!gd) continue;
    it(`${name} by ${gd.attribute}`, async () => {
      const deps = groupDependency(await referenceView(ref), { group: gd.attribute });
      expect(deps.map((d) => d.group)).toEqual(Object.keys(gd.groups).sort());
      for (const d of deps) {
        const want = gd.groups[d.group];
        expect([d.size, d.crossTies, d.groupsReached]).toEqual([want.size, want.crossTies, want.groupsReached]);
        const got = d.members
          .map((m) => ({ id: m.id, crossTies: m.crossTies, groupsReached: m.groupsReached, soleLinkTo: m.soleLinkTo }))
          .sort((x, y) => (x.id < y.id ? -1 : 1));
        expect(got).toEqual(want.members);
        // Ranked: sole links descending, then cross ties descending.
        for (let i = 1; i < d.members.length; i++) {
          const [p, q] = [d.members[i - 1], d.members[i]];
          expect(
            p.soleLinkTo.length > q.soleLinkTo.length || (p.soleLinkTo.length === q.soleLinkTo.length && p.crossTies >= q.crossTies),
          ).toBe(true);
        }
      }
    });
  }
});

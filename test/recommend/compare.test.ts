import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/util/random.js';
import { eiIndex } from '../../src/metrics/silos/ei-index.js';
import { groupPartition } from '../../src/metrics/silos/groups.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project, type OrgView } from '../../src/model/projection.js';
import { compare } from '../../src/recommend/compare.js';

const people = ['x1', 'x2', 'y1', 'y2'].map((id) => ({ id, attributes: { team: id[0].toUpperCase() } }));
const graph = (ties: [string, string, number?][], who: { id: string; attributes: Record<string, string> }[] = people) =>
  project(
    OrgGraph.from({
      people: who,
      ties: ties.map(([source, target, weight]) => ({ source, target, weight: weight ?? 1 })),
      relations: [{ name: 'tie', directed: false }],
    }),
  );

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
    expect(() => compare(empty, empty, { attribute: 'team', minGroupSize: 1 })).toThrow(/no attribute "team"/);
    const one = project(OrgGraph.from({ people: [{ id: 'a', attributes: { team: 'X' } }], ties: [] }));
    const r = compare(one, one, { attribute: 'team', permutations: 10, minGroupSize: 1 });
    expect(r.people).toEqual([{ id: 'a', degreeBefore: 0, degreeAfter: 0, strengthBefore: 0, strengthAfter: 0 }]);
    // No tie: E-I undefined in both periods -> p NaN (not counted as "not extreme"), q NaN.
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.pValue, g.qValue, g.draws])).toEqual([['X', NaN, NaN, NaN, 0]]);
    expect(r.tieChanges).toEqual([]);
  });

  it('counts deltas and ties gained and lost across groups', () => {
    const r = compare(before, after, { attribute: 'team', permutations: 0, minGroupSize: 1 });
    // X: before I = 1, E = 0 -> E-I = -1; after I = 0, E = 2 -> +1. Y: before I 1 E 0 -> -1; after I 1 E 2 -> 1/3.
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.eiAfter, g.eiChange])).toEqual([
      ['X', -1, 1, 2],
      ['Y', -1, 1 / 3, 4 / 3],
    ]);
    expect(r.groups.every((g) => Number.isNaN(g.pValue))).toBe(true);
    expect(r.tieChanges).toEqual([
      { groupA: 'X', groupB: 'X', gained: 0, lost: 1, weightBefore: 1, weightAfter: 0 },
      { groupA: 'X', groupB: 'Y', gained: 2, lost: 0, weightBefore: 0, weightAfter: 2 },
    ]);
    expect(r.people.find((p) => p.id === 'y1')).toEqual({ id: 'y1', degreeBefore: 1, degreeAfter: 2, strengthBefore: 1, strengthAfter: 2 });
    expect(r.diagnostics.changedDyads).toBe(3);
    expect(r.ties).toMatchObject({ before: 2, after: 3, gained: 2, lost: 1, strengthened: 0, weakened: 0 });
  });

  it('leaves ties to people without a group out of E and I, as `orgraph groups` (eiIndex) does', () => {
    // z has no team. Before: x1-x2, x1-z, y1-z. After: x1-y1, x2-z.
    // X before: I = 1 (x1-x2), E = 0 (x1-z does not count) -> -1. After: I 0, E 1 -> +1.
    const who = [...people, { id: 'z', attributes: {} }];
    const b = graph(
      [
        ['x1', 'x2'],
        ['x1', 'z'],
        ['y1', 'z'],
      ],
      who,
    );
    const a = graph(
      [
        ['x1', 'y1'],
        ['x2', 'z'],
      ],
      who,
    );
    const r = compare(b, a, { attribute: 'team', permutations: 0, minGroupSize: 1 });
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.eiAfter])).toEqual([
      ['X', -1, 1],
      ['Y', NaN, 1],
    ]);
    for (const [view, key] of [
      [b, 'eiBefore'],
      [a, 'eiAfter'],
    ] as const) {
      const ei = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 });
      expect(r.groups.map((g) => g[key])).toEqual(ei.groups.map((g) => g.value));
    }
  });

  it('reports turnover (joined, left, changed group) and the ties of people in one period only', () => {
    const later = project(
      OrgGraph.from({
        people: [people[0], people[1], { id: 'y1', attributes: { team: 'X' } }, { id: 'z', attributes: { team: 'Y' } }],
        ties: [
          { source: 'x1', target: 'z' },
          { source: 'x1', target: 'x2' },
        ],
        relations: [{ name: 'tie', directed: false }],
      }),
    );
    const r = compare(before, later, { attribute: 'team', permutations: 0, minGroupSize: 1 });
    expect(r.turnover.left).toEqual([{ id: 'y2', degree: 1 }]);
    expect(r.turnover.joined).toEqual([{ id: 'z', degree: 1 }]);
    expect(r.turnover.changedGroup).toEqual([{ id: 'y1', before: 'Y', after: 'X' }]);
    // y1 had a tie before (to y2, who left) and none after: it does not count as quiet among stayers' ties.
    expect(r.turnover.quietAfter).toBe(0);
    expect(r.ties).toMatchObject({ before: 1, after: 1, ofLeavers: 1, ofJoiners: 1 });
    expect(r.people.map((x) => x.id)).toEqual(['x1', 'x2', 'y1']);
  });

  it('counts weight changes: a pair that fell from 50 to 1 is weakened and moves the weighted E-I', () => {
    const b = graph([
      ['x1', 'x2', 50],
      ['x1', 'y1', 1],
    ]);
    const a = graph([
      ['x1', 'x2', 1],
      ['x1', 'y1', 1],
    ]);
    const r = compare(b, a, { attribute: 'team', permutations: 0, minGroupSize: 1 });
    expect(r.ties).toMatchObject({ gained: 0, lost: 0, weakened: 1, strengthened: 0, weightBefore: 51, weightAfter: 2 });
    const x = r.groups.find((g) => g.group === 'X')!;
    expect(x.eiChange).toBe(0); // same pairs
    // Weighted on log(1 + w): before I = ln 51, E = ln 2; after I = E = ln 2 -> 0.
    const before0 = (Math.log(2) - Math.log(51)) / (Math.log(2) + Math.log(51));
    expect(x.eiWeightedBefore).toBeCloseTo(before0, 12);
    expect(x.eiWeightedAfter).toBeCloseTo(0, 12);
    expect(x.eiWeightedChange).toBeCloseTo(-before0, 12);
    expect(r.tieChanges).toContainEqual({ groupA: 'X', groupB: 'X', gained: 0, lost: 0, weightBefore: 50, weightAfter: 1 });
  });

  it('gives no p-value to a group with fewer than 10 ties in a period (the linearised test needs more)', () => {
    // X: 1 tie before, 2 after; Y: 1 and 3. Changes of 2 and 4/3 on a handful of ties: untested, not "significant".
    const r = compare(before, after, { attribute: 'team', permutations: 99, minGroupSize: 1 });
    expect(r.groups.map((g) => [g.pValue, g.qValue, g.pValueWeighted])).toEqual([
      [NaN, NaN, NaN],
      [NaN, NaN, NaN],
    ]);
  });

  it('takes groups from an assignment, or none at all', () => {
    // Same periods with groups {x1, y1} and {x2, y2} given person by person.
    // Before: x1-x2 and y1-y2 are both cross -> G: I 0, E 2 -> E-I 1 for both groups.
    // After: x1-y1 inside G1; x2-y2 inside G2; y1-y2 cross -> G1: I 1, E 1 -> 0; G2 the same.
    const groups = {
      name: 'community',
      groupOf: new Map([
        ['x1', 'G1'],
        ['y1', 'G1'],
        ['x2', 'G2'],
        ['y2', 'G2'],
      ]),
    };
    const r = compare(before, after, { groups, permutations: 0, minGroupSize: 1 });
    expect(r.attribute).toBe('community');
    expect(r.groups.map((g) => [g.group, g.eiBefore, g.eiAfter])).toEqual([
      ['G1', 1, 0],
      ['G2', 1, 0],
    ]);
    const none = compare(before, after, { permutations: 100, minGroupSize: 1 });
    expect(none.attribute).toBeNull();
    expect(none.groups).toEqual([]);
    expect(none.tieChanges).toEqual([]);
    expect(none.ties).toMatchObject({ before: 2, after: 3, gained: 2, lost: 1 });
  });
});

/** A random pair of periods on 40 people in 3 teams (one person leaves, one joins). */
function randomPeriods(seed: number, names = ['A', 'B', 'C']): [OrgView, OrgView] {
  const random = mulberry32(seed);
  const team = Array.from({ length: 40 }, () => names[Math.floor(random() * 3)]);
  const one = (skip: number) => {
    const who = team.flatMap((t, i) => (i === skip ? [] : [{ id: `p${i}`, attributes: { team: t } }]));
    const ties: { source: string; target: string; weight: number }[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = i + 1; j < 40; j++)
        if (i !== skip && j !== skip && random() < 0.12)
          ties.push({ source: `p${i}`, target: `p${j}`, weight: 1 + Math.floor(random() * 9) });
    return project(OrgGraph.from({ people: who, ties, relations: [{ name: 'tie', directed: false }] }));
  };
  return [one(39), one(0)];
}

describe('compare: properties', () => {
  it('swapping before and after negates every change and keeps the p-values', () => {
    for (const seed of [1, 2, 3]) {
      const [b, a] = randomPeriods(seed);
      const f = compare(b, a, { attribute: 'team', permutations: 99, seed: 5, minGroupSize: 1 });
      const r = compare(a, b, { attribute: 'team', permutations: 99, seed: 5, minGroupSize: 1 });
      f.groups.forEach((g, x) => {
        const h = r.groups[x];
        expect(h.group).toBe(g.group);
        expect(h.eiChange).toBeCloseTo(-g.eiChange, 12);
        expect(h.eiWeightedChange).toBeCloseTo(-g.eiWeightedChange, 12);
        expect([h.eiBefore, h.eiAfter]).toEqual([g.eiAfter, g.eiBefore]);
        expect(h.pValue).toBe(g.pValue);
        expect(h.pValueWeighted).toBe(g.pValueWeighted);
      });
      expect(r.ties).toMatchObject({
        gained: f.ties.lost,
        lost: f.ties.gained,
        strengthened: f.ties.weakened,
        weakened: f.ties.strengthened,
      });
      expect(r.tieChanges.map((t) => [t.groupA, t.groupB, t.lost, t.gained])).toEqual(
        f.tieChanges.map((t) => [t.groupA, t.groupB, t.gained, t.lost]),
      );
      expect(r.people.map((p) => p.degreeBefore - p.degreeAfter).sort()).toEqual(
        f.people.map((p) => p.degreeAfter - p.degreeBefore).sort(),
      );
      expect(r.turnover.joined).toEqual(f.turnover.left);
    }
  });

  it('renaming groups changes nothing', () => {
    const [b, a] = randomPeriods(4);
    const [b2, a2] = randomPeriods(4, ['zeta', 'eta', 'theta']);
    const f = compare(b, a, { attribute: 'team', permutations: 99, seed: 2, minGroupSize: 1 });
    const r = compare(b2, a2, { attribute: 'team', permutations: 99, seed: 2, minGroupSize: 1 });
    const rename: Record<string, string> = { A: 'zeta', B: 'eta', C: 'theta' };
    for (const g of f.groups) {
      const h = r.groups.find((x) => x.group === rename[g.group])!;
      expect({ ...h, group: g.group }).toEqual(g);
    }
  });

  it('p and q lie in [1/(N+1), 1] with q >= p', () => {
    for (const seed of [5, 6, 7, 8]) {
      const [b, a] = randomPeriods(seed);
      const N = 49;
      const r = compare(b, a, { attribute: 'team', permutations: N, seed, minGroupSize: 1 });
      for (const g of r.groups) {
        for (const [p, q] of [
          [g.pValue, g.qValue],
          [g.pValueWeighted, g.qValueWeighted],
        ]) {
          expect(p).toBeGreaterThanOrEqual(1 / (N + 1));
          expect(p).toBeLessThanOrEqual(1);
          expect(q).toBeGreaterThanOrEqual(p);
          expect(q).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/util/random.js';
import { OrgraphError } from '../../src/model/errors.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { groupGaps } from '../../src/recommend/group-gaps.js';

const undirected = [{ name: 'tie', directed: false }];

function randomGroupsGraph(seed: number, n: number, pIn: number, pOut: number): OrgGraph {
  const random = mulberry32(seed);
  const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { dept: ['A', 'B', 'C'][i % 3] } }));
  const ties: { source: string; target: string }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (random() < (i % 3 === j % 3 ? pIn : pOut)) ties.push({ source: `p${i}`, target: `p${j}` });
  }
  return OrgGraph.from({ people, ties, relations: undirected });
}

const twoGroups = OrgGraph.from({
  people: ['a1', 'a2', 'b1', 'b2'].map((id) => ({ id, attributes: { dept: id[0].toUpperCase() } })),
  ties: [
    { source: 'a1', target: 'a2' },
    { source: 'b1', target: 'b2' },
    { source: 'a1', target: 'b1', weight: 4 },
  ],
  relations: undirected,
});

describe('groupGaps: degenerate inputs', () => {
  it('gives empty tables for one person and names a missing attribute', () => {
    // A graph with nobody has no attribute either.
    const g = OrgGraph.from({ people: [], ties: [] });
    const builder = OrgGraph.from({ people: [{ id: 'x', attributes: { dept: 'A' } }], ties: [] });
    expect(() => groupGaps(project(g), { attribute: 'dept', minGroupSize: 1 })).toThrow(OrgraphError);
    const one = groupGaps(project(builder), { attribute: 'dept', minGroupSize: 1 });
    expect(one.staff.ties).toBe(0);
    expect(one.staff.gaps).toEqual([]);
    expect(one.staff.pairs).toHaveLength(1);
    expect(one.staff.pairs[0].expectedTies).toBe(0);
    expect(one.staff.pairs[0].ratio).toBeNaN();
    expect(one.staff.pairs[0].z).toBeNaN();
    expect(one.staff.pairs[0].pValue).toBe(1);
    expect(one.staff.statement).toBe('No pair of staff groups to test.');
  });

  it('leaves isolates and people without a group out of the totals', () => {
    const g = OrgGraph.from({
      people: [
        { id: 'a', attributes: { dept: 'A' } },
        { id: 'b', attributes: { dept: 'B' } },
        { id: 'c', attributes: { dept: 'B' } },
        { id: 'nogroup' },
        { id: 'isolate', attributes: { dept: 'A' } },
      ],
      ties: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'nogroup' },
      ],
      relations: undirected,
    });
    const r = groupGaps(project(g), { attribute: 'dept', minGroupSize: 1 });
    expect(r.staff.ties).toBe(2);
    expect(r.diagnostics.untypedTies).toBe(1);
    expect(r.groups).toEqual([
      { name: 'A', size: 2, staff: 2, external: 0 },
      { name: 'B', size: 2, staff: 2, external: 0 },
    ]);
    // Counted ties a-b, b-c share b: no double edge swap keeps the graph simple, so the rewiring
    // null is the observed graph itself: expected(A, B) = 1, sd 0, p = 1.
    const ab = r.staff.pairs.find((p) => p.groupA === 'A' && p.groupB === 'B')!;
    expect(ab.observedTies).toBe(1);
    expect(ab.expectedTies).toBe(1);
    expect(ab.sd).toBe(0);
    expect(ab.pValue).toBe(1);
    // Configuration (analytic): path a-b-c with degrees 1, 2, 1: D_A = 1, D_B = 3, Q = 6, m = 2,
    // c = 2 / (2 - 6/8) = 1.6; expected(A, B) = 1.6 * 1 * 3 / 4 = 1.2.
    const conf = groupGaps(project(g), { attribute: 'dept', nullModel: 'configuration', minGroupSize: 1 });
    expect(conf.staff.pairs.find((p) => p.groupA === 'A' && p.groupB === 'B')!.expectedTies).toBeCloseTo(1.2, 12);
  });
});

describe('groupGaps: configuration model by hand', () => {
  it('gives the stub-matching z of two groups joined by one tie and its normal p-value', () => {
    // a1-a2, b1-b2, a1-b1: D_A = D_B = 3, m = 3, Q = 4+1+4+1 = 10, c = 3 / (3 - 10/12) = 18/13.
    // expected(A, B) = (18/13) * 9 / 6 = 27/13. Stub-matching variance 0.96 (test/core/degree-null.test.ts).
    // z = (1 - 27/13) / sqrt(0.96) = -1.0989; p = Phi(z) = 0.1359 (R: pnorm(-1.0989)).
    const r = groupGaps(project(twoGroups), { attribute: 'dept', nullModel: 'configuration', minGroupSize: 1 });
    expect(r.nullModel).toBe('configuration');
    expect(r.null.draws).toBe(0);
    const ab = r.staff.pairs.find((p) => p.groupA !== p.groupB)!;
    expect(ab.expectedTies).toBeCloseTo(27 / 13, 12);
    expect(ab.z).toBeCloseTo((1 - 27 / 13) / Math.sqrt(0.96), 12);
    expect(ab.pValue).toBeCloseTo(0.1359, 4);
    // One between-group pair: q = p; not significant, so no gap and a plain statement.
    expect(ab.qValue).toBeCloseTo(ab.pValue, 12);
    expect(r.staff.gaps).toEqual([]);
    expect(r.staff.statement).toMatch(/^No significant gap/);
    // Weight: S_A = 1+1+4 = 6, S_B = 6, W = 6 -> expected weight 6*6/12 = 3, observed 4.
    expect(ab.observedWeight).toBe(4);
    expect(ab.expectedWeight).toBeCloseTo(3, 12);
  });
});

describe('groupGaps: rewiring null by enumeration', () => {
  it('averages over the two simple graphs with the observed degrees', () => {
    // Degrees a1 = 2, a2 = 1, b1 = 2, b2 = 1, three ties. Without the tie a1-b1, a1 would need both
    // a2 and b2, leaving b1 nobody: impossible. With it, a1 and b1 each take one of a2, b2:
    //   G1 = {a1-b1, a1-a2, b1-b2} (observed): A-B = 1, inside A = 1, inside B = 1
    //   G2 = {a1-b1, a1-b2, b1-a2}:             A-B = 3, inside A = 0, inside B = 0
    // The swap chain is symmetric, so both are equally likely: E[A-B] = 2, sd = 1, P(A-B <= 1) = 1/2.
    // 4000 draws with a full swap pass between them: Monte Carlo se of the mean <= 1/sqrt(4000) * ~2
    // (autocorrelation) = 0.03; tolerance 0.1.
    const r = groupGaps(project(twoGroups), { attribute: 'dept', draws: 4000, thinning: 1, minGroupSize: 1 });
    expect(r.nullModel).toBe('rewiring');
    const ab = r.staff.pairs.find((p) => p.groupA !== p.groupB)!;
    expect(ab.observedTies).toBe(1);
    expect(Math.abs(ab.expectedTies - 2)).toBeLessThan(0.1);
    expect(Math.abs(ab.sd - 1)).toBeLessThan(0.05);
    expect(Math.abs(ab.pValue - 0.5)).toBeLessThan(0.05);
    const aa = r.staff.pairs.find((p) => p.groupA === 'A' && p.groupB === 'A')!;
    expect(Math.abs(aa.expectedTies - 0.5)).toBeLessThan(0.05);
    expect(r.diagnostics.swapsMade).toBeGreaterThan(1000);
  });

  it('is reproducible for a seed', () => {
    const view = project(randomGroupsGraph(1, 24, 0.3, 0.1));
    const a = groupGaps(view, { attribute: 'dept', draws: 50, seed: 4, minGroupSize: 1 });
    const b = groupGaps(view, { attribute: 'dept', draws: 50, seed: 4, minGroupSize: 1 });
    expect(a).toEqual(b);
  });

  it('rejects bad options with a named field', () => {
    const view = project(twoGroups);
    expect(() => groupGaps(view, { attribute: 'dept', draws: 0, minGroupSize: 1 })).toThrow(/draws must be an integer/);
    expect(() => groupGaps(view, { attribute: 'dept', alpha: 1.5, minGroupSize: 1 })).toThrow(/alpha must be in \(0, 1\)/);
  });
});

describe('groupGaps: quasi-independence null by enumeration', () => {
  it('redraws only which groups the outward ties reach', () => {
    // Groups A = {a1, a2}, B, C, D one person each; ties a1-a2 (inside A), a1-b, c-d. Outward tie
    // ends: one per group. Matchings of 4 ends with no pair inside a group: {AB, CD}, {AC, BD},
    // {AD, BC}, equally likely: E[A-B] = 1/3, P(A-B <= 1) = 1; E[A-C] = 1/3, P(A-C <= 0) = 2/3.
    // Inside A stays 1 (fixed by the null: p NaN). 4000 draws: se of a mean about 0.01; tolerance 0.05.
    const g = OrgGraph.from({
      people: [
        { id: 'a1', attributes: { dept: 'A' } },
        { id: 'a2', attributes: { dept: 'A' } },
        { id: 'b', attributes: { dept: 'B' } },
        { id: 'c', attributes: { dept: 'C' } },
        { id: 'd', attributes: { dept: 'D' } },
      ],
      ties: [
        { source: 'a1', target: 'a2' },
        { source: 'a1', target: 'b' },
        { source: 'c', target: 'd' },
      ],
      relations: undirected,
    });
    const r = groupGaps(project(g), { attribute: 'dept', nullModel: 'quasi-independence', draws: 4000, thinning: 1, minGroupSize: 1 });
    const pair = (a: string, b: string) => r.staff.pairs.find((p) => p.groupA === a && p.groupB === b)!;
    expect(Math.abs(pair('A', 'B').expectedTies - 1 / 3)).toBeLessThan(0.05);
    expect(pair('A', 'B').pValue).toBe(1);
    expect(Math.abs(pair('A', 'C').expectedTies - 1 / 3)).toBeLessThan(0.05);
    expect(Math.abs(pair('A', 'C').pValue - 2 / 3)).toBeLessThan(0.05);
    expect(pair('A', 'A').expectedTies).toBe(1);
    expect(pair('A', 'A').pValue).toBeNaN();
    expect(pair('A', 'A').qValue).toBeNaN();
    expect(r.staff.tested).toBe(6);
  });
});

describe('groupGaps: staff and outside stakeholders apart', () => {
  const g = OrgGraph.from({
    people: [
      { id: 's1', attributes: { dept: 'Sales' } },
      { id: 's2', attributes: { dept: 'Sales' } },
      { id: 'e1', attributes: { dept: 'Eng' } },
      { id: 'e2', attributes: { dept: 'Eng' } },
      { id: 'c1', attributes: { dept: 'Customer' }, external: true },
      { id: 'c2', external: true },
    ],
    ties: [
      { source: 's1', target: 's2' },
      { source: 'e1', target: 'e2' },
      { source: 's1', target: 'e1' },
      { source: 's1', target: 'c1' },
      { source: 's2', target: 'c1' },
      { source: 'e2', target: 'c2' },
      { source: 'c1', target: 'c2' },
    ],
    relations: undirected,
  });
  const r = groupGaps(project(g), { attribute: 'dept', nullModel: 'configuration', minGroupSize: 1 });

  it('counts staff ties without outside people', () => {
    expect(r.staff.ties).toBe(3);
    expect(r.staff.pairs.every((p) => p.groupA !== 'Customer' && p.groupB !== 'Customer')).toBe(true);
  });

  it('reports staff-to-outside ties against the two-sided null model', () => {
    // Staff-outside ties: s1-c1, s2-c1, e2-c2 (M = 3; c1-c2 is outside-outside and not counted).
    // D_Sales = 2, D_Eng = 1; D_Customer = 2, D_(outside) = 1.
    // Sales x Customer: E = 2 * 2 / 3, Var = 2 (2/3)(1/3)(3 - 2)/(3 - 1) = 2/9.
    expect(r.external.ties).toBe(3);
    const sc = r.external.pairs.find((p) => p.groupA === 'Sales' && p.groupB === 'Customer')!;
    expect(sc.observedTies).toBe(2);
    expect(sc.expectedTies).toBeCloseTo(4 / 3, 12);
    expect(sc.z).toBeCloseTo((2 - 4 / 3) / Math.sqrt(2 / 9), 12);
    const eo = r.external.pairs.find((p) => p.groupA === 'Eng' && p.groupB === '(outside)')!;
    expect(eo.observedTies).toBe(1);
    expect(eo.expectedTies).toBeCloseTo(1 / 3, 12);
    expect(r.groups.find((x) => x.name === '(outside)')).toEqual({ name: '(outside)', size: 1, staff: 0, external: 1 });
  });
});

describe('groupGaps: staff-outside ties under the rewiring null, by enumeration', () => {
  it('averages over the three two-sided graphs with the observed degrees', () => {
    // Staff-outside ties s1-c1, s2-c1, e2-c2: staff ends s1, s2, e2 one tie each; outside c1 two, c2
    // one. The outside ends are exchanged, keeping the graph simple: c1 takes two of {s1, s2, e2} and
    // c2 the third, 3 graphs, equally likely. Sales x Customer = 2, 1, 1: E = 4/3, P(X <= 2) = 1;
    // Eng x (outside) = 1 only when c2 keeps e2: E = 1/3. 3000 draws: se of a mean about 0.02.
    const g = OrgGraph.from({
      people: [
        { id: 's1', attributes: { dept: 'Sales' } },
        { id: 's2', attributes: { dept: 'Sales' } },
        { id: 'e2', attributes: { dept: 'Eng' } },
        { id: 'c1', attributes: { dept: 'Customer' }, external: true },
        { id: 'c2', external: true },
      ],
      ties: [
        { source: 's1', target: 'c1' },
        { source: 's2', target: 'c1' },
        { source: 'e2', target: 'c2' },
      ],
      relations: undirected,
    });
    const r = groupGaps(project(g), { attribute: 'dept', draws: 3000, thinning: 1, minGroupSize: 1 });
    const pair = (a: string, b: string) => r.external.pairs.find((p) => p.groupA === a && p.groupB === b)!;
    expect(r.external.ties).toBe(3);
    expect(Math.abs(pair('Sales', 'Customer').expectedTies - 4 / 3)).toBeLessThan(0.08);
    expect(pair('Sales', 'Customer').pValue).toBe(1);
    expect(Math.abs(pair('Eng', '(outside)').expectedTies - 1 / 3)).toBeLessThan(0.08);
    expect(r.external.pairs.reduce((s, p) => s + p.expectedTies, 0)).toBeCloseTo(3, 9);
  });
});

describe('groupGaps: capability focus', () => {
  const view = project(randomGroupsGraph(7, 40, 0.2, 0.06));

  it('reports each declared pair against its target', () => {
    const r = groupGaps(view, {
      attribute: 'dept',
      capability: {
        name: 'launches',
        groups: ['A', 'B', 'C'],
        target: { minTies: 10 },
        pairTargets: [{ groups: ['C', 'A'], minTies: 5, minRatio: 0.9 }],
      },
      minGroupSize: 1,
    });
    const pairs = r.capability!.pairs;
    expect(pairs.map((p) => `${p.groupA}-${p.groupB}`)).toEqual(['A-B', 'A-C', 'B-C']);
    for (const p of pairs) {
      const staff = r.staff.pairs.find((s) => s.groupA === p.groupA && s.groupB === p.groupB)!;
      expect(p.observedTies).toBe(staff.observedTies);
      const minTies = p.groupB === 'C' && p.groupA === 'A' ? 5 : 10;
      expect(p.tiesShort).toBe(Math.max(0, minTies - staff.observedTies));
    }
    // A-C has 11 ties against ~23 expected: ratio < 0.9, missed although minTies 5 is met.
    const ac = pairs[1];
    expect(ac.tiesShort).toBe(0);
    expect(ac.ratio).toBeLessThan(0.9);
    expect(ac.status).toBe('missed');
  });

  it('names an unknown group', () => {
    try {
      groupGaps(view, { attribute: 'dept', capability: { name: 'x', groups: ['A', 'Marketing'] }, minGroupSize: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as OrgraphError).code).toBe('E_UNKNOWN_GROUP');
      expect((e as OrgraphError).message).toContain('Marketing');
      expect((e as OrgraphError).field).toBe('capability.groups');
    }
  });

  it('rejects an unknown attribute', () => {
    expect(() => groupGaps(view, { attribute: 'office', minGroupSize: 1 })).toThrow(/no attribute "office"/);
  });
});

describe('groupGaps: Monte Carlo resolution', () => {
  it('says when too few draws leave no pair able to reach alpha', () => {
    // 3 groups, 3 pairs tested, 19 draws: the smallest q of a pair extreme on its own is 3/20 = 0.15 > 0.05.
    const r = groupGaps(project(randomGroupsGraph(7, 40, 0.2, 0.06)), { attribute: 'dept', draws: 19, minGroupSize: 1 });
    expect(r.staff.gaps).toEqual([]);
    for (const p of r.staff.pairs) if (p.groupA !== p.groupB) expect(p.qValue).toBeGreaterThanOrEqual(0.05);
    expect(r.staff.statement).toContain('With 19 draws a pair extreme on its own reaches q = 3/20 at best');
  });
});

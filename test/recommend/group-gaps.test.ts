import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random.js';
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

describe('groupGaps: degenerate inputs', () => {
  it('gives empty tables for one person and names a missing attribute', () => {
    // A graph with nobody has no attribute either.
    const g = OrgGraph.from({ people: [], ties: [] });
    const builder = OrgGraph.from({ people: [{ id: 'x', attributes: { dept: 'A' } }], ties: [] });
    expect(() => groupGaps(project(g), { attribute: 'dept' })).toThrow(OrgraphError);
    const one = groupGaps(project(builder), { attribute: 'dept' });
    expect(one.staff.ties).toBe(0);
    expect(one.staff.gaps).toEqual([]);
    expect(one.staff.pairs).toHaveLength(1);
    expect(one.staff.pairs[0].expectedTies).toBe(0);
    expect(one.staff.pairs[0].ratio).toBeNaN();
    expect(one.staff.pairs[0].z).toBeNaN();
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
    const r = groupGaps(project(g), { attribute: 'dept' });
    expect(r.staff.ties).toBe(2);
    expect(r.diagnostics.untypedTies).toBe(1);
    expect(r.groups).toEqual([
      { name: 'A', staff: 2, external: 0 },
      { name: 'B', staff: 2, external: 0 },
    ]);
    // Path a-b-c with degrees 1, 2, 1 over counted ties: D_A = 1, D_B = 3, Q = 6, m = 2,
    // c = 2 / (2 - 6/8) = 1.6; expected(A, B) = 1.6 * 1 * 3 / 4 = 1.2; observed 1.
    const ab = r.staff.pairs.find((p) => p.groupA === 'A' && p.groupB === 'B')!;
    expect(ab.observedTies).toBe(1);
    expect(ab.expectedTies).toBeCloseTo(1.2, 12);
    expect(ab.ratio).toBeCloseTo(1 / 1.2, 12);
  });
});

describe('groupGaps: configuration model by hand', () => {
  it('gives the stub-matching z of two groups joined by one tie', () => {
    // a1-a2, b1-b2, a1-b1: D_A = D_B = 3, m = 3, Q = 4+1+4+1 = 10, c = 3 / (3 - 10/12) = 18/13.
    // expected(A, B) = (18/13) * 9 / 6 = 27/13. Stub-matching variance 0.96 (test/core/degree-null.test.ts).
    // z = (1 - 27/13) / sqrt(0.96).
    const g = OrgGraph.from({
      people: ['a1', 'a2', 'b1', 'b2'].map((id) => ({ id, attributes: { dept: id[0].toUpperCase() } })),
      ties: [
        { source: 'a1', target: 'a2' },
        { source: 'b1', target: 'b2' },
        { source: 'a1', target: 'b1', weight: 4 },
      ],
      relations: undirected,
    });
    const r = groupGaps(project(g), { attribute: 'dept' });
    const ab = r.staff.pairs.find((p) => p.groupA !== p.groupB)!;
    expect(ab.expectedTies).toBeCloseTo(27 / 13, 12);
    expect(ab.z).toBeCloseTo((1 - 27 / 13) / Math.sqrt(0.96), 12);
    // Weight: S_A = 1+1+4 = 6, S_B = 6, W = 6 -> expected weight 6*6/12 = 3, observed 4.
    expect(ab.observedWeight).toBe(4);
    expect(ab.expectedWeight).toBeCloseTo(3, 12);
    expect(r.staff.gaps).toEqual([ab]);
  });
});

describe('groupGaps: analytic expectation against degree-preserving rewiring', () => {
  // Three small graphs with three groups; the simulation is a chain of double edge swaps that keep
  // every degree and the graph simple, 3000 samples. Its standard error of the mean is about
  // sd / sqrt(3000 / autocorrelation), about 0.1 ties here: the 3% tolerance is well above it.
  for (const [seed, n, pIn, pOut] of [
    [7, 40, 0.2, 0.06],
    [3, 30, 0.4, 0.15],
    [5, 60, 0.1, 0.03],
  ] as const) {
    it(`agrees on n=${n}, seed ${seed}`, () => {
      const view = project(randomGroupsGraph(seed, n, pIn, pOut));
      const analytic = groupGaps(view, { attribute: 'dept' });
      const simulated = groupGaps(view, { attribute: 'dept', nullModel: 'rewiring', samples: 3000, swapsPerEdge: 2, seed: 11 });
      expect(simulated.diagnostics.swapsMade).toBeGreaterThan(1000);
      for (let q = 0; q < analytic.staff.pairs.length; q++) {
        const a = analytic.staff.pairs[q];
        const s = simulated.staff.pairs[q];
        expect(a.observedTies).toBe(s.observedTies);
        expect(Math.abs(a.expectedTies - s.expectedTies) / s.expectedTies).toBeLessThan(0.03);
        // The stub-matching sd is conservative: never smaller than the rewiring sd by more than 5%,
        // never larger by more than 25%.
        const sdA = (a.observedTies - a.expectedTies) / a.z;
        const sdS = (s.observedTies - s.expectedTies) / s.z;
        expect(sdA / sdS).toBeGreaterThan(0.95);
        expect(sdA / sdS).toBeLessThan(1.25);
      }
    });
  }

  it('is reproducible for a seed', () => {
    const view = project(randomGroupsGraph(1, 24, 0.3, 0.1));
    const a = groupGaps(view, { attribute: 'dept', nullModel: 'rewiring', samples: 50, seed: 4 });
    const b = groupGaps(view, { attribute: 'dept', nullModel: 'rewiring', samples: 50, seed: 4 });
    expect(a).toEqual(b);
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
  const r = groupGaps(project(g), { attribute: 'dept' });

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
    expect(r.groups.find((x) => x.name === '(outside)')).toEqual({ name: '(outside)', staff: 0, external: 1 });
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
      groupGaps(view, { attribute: 'dept', capability: { name: 'x', groups: ['A', 'Marketing'] } });
      expect.unreachable();
    } catch (e) {
      expect((e as OrgraphError).code).toBe('E_UNKNOWN_GROUP');
      expect((e as OrgraphError).message).toContain('Marketing');
      expect((e as OrgraphError).field).toBe('capability.groups');
    }
  });

  it('rejects an unknown attribute', () => {
    expect(() => groupGaps(view, { attribute: 'office' })).toThrow(/no attribute "office"/);
  });
});

/**
 * Properties of the group-gaps statistics on random small graphs: the expected ties of all pairs add
 * up to the ties counted; Monte Carlo p-values and BH q-values lie in [1/(draws+1), 1] with q >= p;
 * renaming the groups (a bijection that also changes their sorted order) changes no figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { groupGaps, type GapNullModel } from '../../src/recommend/group-gaps.js';

const arbGraph = fc.integer({ min: 2, max: 16 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    groups: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    ties: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 40 }),
    seed: fc.integer({ min: 1, max: 1000 }),
  }),
);

function build(n: number, groups: number[], ties: [number, number][], name: (g: number) => string): OrgGraph {
  return OrgGraph.from({
    relations: [{ name: 'tie', directed: false }],
    people: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { g: name(groups[i]) } })),
    ties: ties.filter(([a, b]) => a !== b).map(([a, b]) => ({ source: `p${a}`, target: `p${b}` })),
  });
}

const DRAWS = 99;
const models: GapNullModel[] = ['rewiring', 'quasi-independence', 'configuration'];

describe('group gaps: properties', () => {
  it('expected ties over all pairs sum to the ties counted', () => {
    fc.assert(
      fc.property(arbGraph, fc.constantFrom(...models), ({ n, groups, ties, seed }, nullModel) => {
        const r = groupGaps(project(build(n, groups, ties, (g) => `G${g}`)), {
          attribute: 'g',
          nullModel,
          draws: DRAWS,
          seed,
          minGroupSize: 1,
        });
        const sum = r.staff.pairs.reduce((s, p) => s + p.expectedTies, 0);
        expect(sum).toBeCloseTo(r.staff.ties, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('Monte Carlo p- and q-values lie in [1/(draws+1), 1] and q >= p', () => {
    fc.assert(
      fc.property(arbGraph, fc.constantFrom<GapNullModel>('rewiring', 'quasi-independence'), ({ n, groups, ties, seed }, nullModel) => {
        const r = groupGaps(project(build(n, groups, ties, (g) => `G${g}`)), {
          attribute: 'g',
          nullModel,
          draws: DRAWS,
          seed,
          minGroupSize: 1,
        });
        for (const p of r.staff.pairs) {
          if (p.groupA === p.groupB) continue;
          expect(p.pValue).toBeGreaterThanOrEqual(1 / (DRAWS + 1));
          expect(p.pValue).toBeLessThanOrEqual(1);
          expect(p.qValue).toBeGreaterThanOrEqual(p.pValue);
          expect(p.qValue).toBeLessThanOrEqual(1);
          expect(p.gap).toBe(p.qValue <= 0.05);
        }
        expect(r.staff.gaps.every((p) => p.gap)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('renaming the groups changes nothing', () => {
    fc.assert(
      fc.property(arbGraph, fc.constantFrom(...models), ({ n, groups, ties, seed }, nullModel) => {
        // G0..G3 -> "zeta", "beta", "alpha", "10": a different sorted order, so different labels.
        const rename = ['zeta', 'beta', 'alpha', '10'];
        const a = groupGaps(project(build(n, groups, ties, (g) => `G${g}`)), {
          attribute: 'g',
          nullModel,
          draws: DRAWS,
          seed,
          minGroupSize: 1,
        });
        const b = groupGaps(project(build(n, groups, ties, (g) => rename[g])), {
          attribute: 'g',
          nullModel,
          draws: DRAWS,
          seed,
          minGroupSize: 1,
        });
        const back = (x: string) => `G${rename.indexOf(x)}`;
        const key = (x: string, y: string) => [x, y].sort().join('|');
        const byPair = new Map(a.staff.pairs.map((p) => [key(p.groupA, p.groupB), p]));
        expect(b.staff.pairs).toHaveLength(a.staff.pairs.length);
        for (const p of b.staff.pairs) {
          const q = byPair.get(key(back(p.groupA), back(p.groupB)))!;
          expect(p.observedTies).toBe(q.observedTies);
          expect(p.expectedTies).toBeCloseTo(q.expectedTies, 9);
          expect(p.sd).toBeCloseTo(q.sd, 9);
          expect(Number.isNaN(p.pValue)).toBe(Number.isNaN(q.pValue));
          if (!Number.isNaN(q.pValue)) expect(p.pValue).toBeCloseTo(q.pValue, 12);
          expect(Number.isNaN(p.qValue)).toBe(Number.isNaN(q.qValue));
          if (!Number.isNaN(q.qValue)) expect(p.qValue).toBeCloseTo(q.qValue, 12);
        }
        // The same pairs are declared. Their order is the same up to pairs whose ranking figures tie
        // exactly (q, p, z, ties missing), which fall back to name order: compare as sets, then check
        // both lists are ranked by q.
        const declaredB = b.staff.gaps.map((p) => key(back(p.groupA), back(p.groupB)));
        expect([...declaredB].sort()).toEqual(a.staff.gaps.map((p) => key(p.groupA, p.groupB)).sort());
        for (const list of [a.staff.gaps, b.staff.gaps])
          for (let i = 1; i < list.length; i++) expect(list[i].qValue).toBeGreaterThanOrEqual(list[i - 1].qValue);
      }),
      { numRuns: 60 },
    );
  });
});

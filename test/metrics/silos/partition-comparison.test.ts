import { describe, expect, it } from 'vitest';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { adjustedRandIndex, normalizedMutualInformation, partitionComparison } from '../../../src/metrics/silos/partition-comparison.js';
import { project } from '../../../src/model/projection.js';
import { dataset, IGRAPH, small } from './helpers.js';

const L = (...x: number[]) => Int32Array.from(x);

describe('NMI and ARI: degenerate inputs and conventions', () => {
  it('nobody labelled: NaN; one person: 1', () => {
    expect(normalizedMutualInformation(L(), L())).toBeNaN();
    expect(adjustedRandIndex(L(), L())).toBeNaN();
    expect(normalizedMutualInformation(L(0), L(0))).toBe(1);
    expect(adjustedRandIndex(L(0), L(0))).toBe(1);
  });

  it('both one group: NMI 1 (igraph too); identical all-singletons: ARI 1 (igraph gives NaN)', () => {
    expect(normalizedMutualInformation(L(0, 0, 0), L(0, 0, 0))).toBe(1);
    expect(adjustedRandIndex(L(0, 0, 0), L(0, 0, 0))).toBe(1);
    expect(adjustedRandIndex(L(0, 1, 2), L(0, 1, 2))).toBe(1);
    // One group vs all singletons: no information, chance agreement.
    expect(normalizedMutualInformation(L(0, 0, 0), L(0, 1, 2))).toBe(0);
    expect(adjustedRandIndex(L(0, 0, 0), L(0, 1, 2))).toBe(0);
  });

  it('hand example: [0,0,1,1] vs [0,1,0,1] -> NMI 0, ARI -1/2', () => {
    // Contingency all 1s: I = 0. Pairs: sum C(n_ab,2) = 0, S_a = S_b = 2, C(4,2) = 6:
    // (0 - 4/6) / (2 - 4/6) = -1/2.
    expect(normalizedMutualInformation(L(0, 0, 1, 1), L(0, 1, 0, 1))).toBeCloseTo(0, 15);
    expect(adjustedRandIndex(L(0, 0, 1, 1), L(0, 1, 0, 1))).toBeCloseTo(-0.5, 12);
  });

  it('relabelling does not matter; -1 is left out', () => {
    expect(normalizedMutualInformation(L(0, 0, 1, 1), L(1, 1, 0, 0))).toBe(1);
    expect(adjustedRandIndex(L(0, 0, 1, 1, -1), L(1, 1, 0, 0, 0))).toBe(1);
  });
});

describe('partitionComparison', () => {
  it('contingency and spreads: which units split, which communities span', () => {
    const view = small({ a: 'X', b: 'X', c: 'X', d: 'Y', e: 'Y', m: null }, []);
    const formal = groupPartition(view, 'team', { minGroupSize: 1 });
    const informal = groupPartition(view, ['1', '1', '2', '2', '2', '1'], { minGroupSize: 1 });
    const r = partitionComparison(formal, informal);
    expect(r.people).toBe(5);
    expect(r.contingency).toEqual([
      { formal: 'X', informal: '1', people: 2 },
      { formal: 'X', informal: '2', people: 1 },
      { formal: 'Y', informal: '2', people: 2 },
    ]);
    expect(r.formalSpread).toEqual([
      { group: 'X', people: 3, spans: 2, largest: '1', largestShare: 2 / 3 },
      { group: 'Y', people: 2, spans: 1, largest: '2', largestShare: 1 },
    ]);
    expect(r.informalSpread[1]).toEqual({ group: '2', people: 3, spans: 2, largest: 'Y', largestShare: 2 / 3 });
  });
});

describe(`NMI and ARI against igraph ${IGRAPH.version} compare_communities`, () => {
  for (const ref of IGRAPH.comparisons) {
    it(`${ref.dataset}: ${ref.formal} vs ${ref.informal}`, async () => {
      const graph = await dataset(ref.dataset);
      const view = project(graph);
      const formal = groupPartition(view, ref.formal, { minGroupSize: 1 });
      let informal;
      if (ref.informal === 'louvain-best-weighted') {
        const best = IGRAPH.louvain.find((l) => l.dataset === ref.dataset && l.weighted)!;
        const index = new Map(view.personIds.map((id, i) => [id, i]));
        const values = new Array<string>(view.personIds.length);
        best.people.forEach((id, k) => {
          values[index.get(id)!] = String(best.membership[k]);
        });
        informal = groupPartition(view, values, { minGroupSize: 1 });
      } else {
        informal = groupPartition(view, ref.informal, { minGroupSize: 1 });
      }
      const r = partitionComparison(formal, informal);
      expect(r.nmi).toBeCloseTo(ref.nmi, 12);
      expect(r.ari).toBeCloseTo(ref.ari, 12);
      expect(normalizedMutualInformation(formal.labels, informal.labels)).toBeCloseTo(ref.nmi, 12);
      expect(adjustedRandIndex(informal.labels, formal.labels)).toBeCloseTo(ref.ari, 12);
    });
  }
});

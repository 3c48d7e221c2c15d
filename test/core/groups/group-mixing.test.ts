import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../src/core/graph/csr.js';
import { groupCuts, groupDensities, groupTotals, tieTotals } from '../../../src/core/groups/group-mixing.js';

// Path 0 - 1 - 2 - 3 with strengths 2, 3, 5; groups [0, 0, 1, -1]: node 3 is in no group.
// Group 0: internal tie 0-1 (strength 2), cut tie 1-2 (strength 3); group 1: no internal tie,
// cut tie 1-2; the tie 2-3 is left out (3 has no group).
const csr = csrFromEdges(4, { sources: [0, 1, 2], targets: [1, 2, 3], weights: [2, 3, 5] }, false);
const totals = groupTotals(csr, Int32Array.of(0, 0, 1, -1), 2);

describe('group mixing summaries', () => {
  it('no groups: empty arrays and a zero total', () => {
    const t = groupTotals(csr, Int32Array.of(-1, -1, -1, -1), 0);
    expect(groupCuts(t, true)).toMatchObject({ total: 0 });
    expect(groupDensities(t).internal.length).toBe(0);
  });

  it('tieTotals reads counts or strengths', () => {
    expect(Array.from(tieTotals(totals, false).internal)).toEqual([1, 0]);
    expect(Array.from(tieTotals(totals, true).internal)).toEqual([2, 0]);
    expect(Array.from(tieTotals(totals, true).out)).toEqual([3, 3]);
  });

  it('cuts, volumes and conductance', () => {
    // strengths: cut = [3, 3]; vol = [2*2 + 3, 0 + 3] = [7, 3]; total 10
    // phi_0 = 3 / min(7, 3) = 1; phi_1 = 3 / min(3, 7) = 1
    const w = groupCuts(totals, true);
    expect(Array.from(w.cut)).toEqual([3, 3]);
    expect(Array.from(w.volume)).toEqual([7, 3]);
    expect(w.total).toBe(10);
    expect(Array.from(w.conductance)).toEqual([1, 1]);
    // counts: cut = [1, 1]; vol = [3, 1]; phi = [1 / min(3, 1), 1 / min(1, 3)] = [1, 1]
    expect(Array.from(groupCuts(totals, false).volume)).toEqual([3, 1]);
  });

  it('densities: a group of one has no internal density', () => {
    // N = 3 grouped; group 0 (n = 2): internal 1 / 1 = 1, external 1 / (2 * 1) = 0.5;
    // group 1 (n = 1): internal NaN, external 1 / (1 * 2) = 0.5
    const d = groupDensities(totals);
    expect(Array.from(d.internal)).toEqual([1, NaN]);
    expect(Array.from(d.external)).toEqual([0.5, 0.5]);
  });
});

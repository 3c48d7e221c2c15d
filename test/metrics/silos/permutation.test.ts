import { describe, expect, it } from 'vitest';
import { PermutationTally, permutationResult } from '../../../src/metrics/silos/permutation.js';

describe('permutationResult', () => {
  it('no samples or a NaN observation give NaN p-values', () => {
    expect(permutationResult(0.3, []).pValue).toBeNaN();
    expect(permutationResult(NaN, [0.1]).pValue).toBeNaN();
  });

  it('hand example: observed -0.8 against -0.1, 0.05, -0.2, NaN', () => {
    // N = 3 defined; none <= -0.8: pLower = 1/4; all >= -0.8: pUpper = 4/4; two-sided 2/4.
    const r = permutationResult(-0.8, [-0.1, 0.05, -0.2, NaN]);
    expect(r).toMatchObject({ pLower: 0.25, pUpper: 1, pValue: 0.5, permutations: 3 });
    expect(r.expected).toBeCloseTo(-0.25 / 3, 12);
    // Population sd of (-0.1, 0.05, -0.2): mean -1/12; deviations -1/60, 2/15, -7/60.
    expect(r.sd).toBeCloseTo(Math.sqrt((1 / 3600 + 64 / 3600 + 49 / 3600) / 3), 12);
  });

  it('ties with the observed value count on both sides', () => {
    const r = permutationResult(0.5, [0.5, 0.5, 1]);
    expect(r).toMatchObject({ pLower: 0.75, pUpper: 1, pValue: 1 });
  });

  it('the tally keeps statistics apart', () => {
    const t = new PermutationTally(Float64Array.of(0, 10));
    t.add(0, 1);
    t.add(1, 1);
    expect(t.result(0).pUpper).toBe(1);
    expect(t.result(1).pUpper).toBe(0.5);
  });
});

/** Benjamini–Hochberg q-values, against values worked by hand (R p.adjust(method = "BH") agrees). */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/core/util/multiple-testing.js';

describe('benjaminiHochberg', () => {
  it('matches the step-up rule worked by hand', () => {
    // m = 5, sorted p: 0.01 0.02 0.03 0.04 0.5
    // m p / rank: 0.05 0.05 0.05 0.05 0.5 -> cumulative min from the top: 0.05 0.05 0.05 0.05 0.5
    const q = benjaminiHochberg([0.04, 0.5, 0.01, 0.03, 0.02]);
    expect([...q]).toEqual([0.05, 0.5, 0.05, 0.05, 0.05].map((x) => expect.closeTo(x, 15)));
  });

  it('takes the minimum over larger ranks and caps at 1', () => {
    // sorted p: 0.001 0.2 0.21 0.9 ; m p / rank: 0.004 0.4 0.28 0.9 -> 0.004 0.28 0.28 0.9
    const q = benjaminiHochberg([0.9, 0.21, 0.001, 0.2]);
    expect([...q]).toEqual([0.9, 0.28, 0.004, 0.28].map((x) => expect.closeTo(x, 15)));
    expect([...benjaminiHochberg([0.6, 0.7])]).toEqual([0.7, 0.7]);
  });

  it('leaves NaN p-values out of m and returns q >= p', () => {
    const p = [NaN, 0.02, 0.04, NaN];
    const q = benjaminiHochberg(p);
    expect(Number.isNaN(q[0]) && Number.isNaN(q[3])).toBe(true);
    // m = 2: 0.02 * 2 / 1 = 0.04, 0.04 * 2 / 2 = 0.04
    expect(q[1]).toBeCloseTo(0.04, 15);
    expect(q[2]).toBeCloseTo(0.04, 15);
    expect(benjaminiHochberg([]).length).toBe(0);
  });
});

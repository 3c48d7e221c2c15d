import { describe, expect, it } from 'vitest';
import { auc, precisionAtK } from '../../src/recommend/ranking-quality.js';

describe('auc', () => {
  it('is NaN with an empty side', () => {
    expect(auc(new Float64Array(0), Float64Array.of(1))).toBeNaN();
    expect(auc(Float64Array.of(1), new Float64Array(0))).toBeNaN();
  });
  it('counts wins and half ties (hand count)', () => {
    // Pairs (p, q): (3,2) win, (3,1) win, (1,2) loss, (1,1) tie -> (2 + 0.5) / 4.
    expect(auc(Float64Array.of(3, 1), Float64Array.of(2, 1))).toBe(0.625);
    expect(auc(Float64Array.of(5, 6), Float64Array.of(1, 2, 3))).toBe(1);
    expect(auc(Float64Array.of(1), Float64Array.of(1, 1))).toBe(0.5);
  });
});

describe('precisionAtK', () => {
  it('is NaN for no items or k < 1', () => {
    expect(precisionAtK(5, new Float64Array(0), new Float64Array(0))).toBeNaN();
    expect(precisionAtK(0, Float64Array.of(1), Float64Array.of(0))).toBeNaN();
  });
  it('shares ties at the cut pro rata (hand count)', () => {
    // Scores: 3 (pos), 2 (neg), 1 (pos), 1 (neg). Top 2 = {3, 2}: 1 positive.
    expect(precisionAtK(2, Float64Array.of(3, 1), Float64Array.of(2, 1))).toBe(0.5);
    // Top 3: 3, 2, then one of the two 1s (one positive of two): (1 + 1 * 1/2) / 3.
    expect(precisionAtK(3, Float64Array.of(3, 1), Float64Array.of(2, 1))).toBeCloseTo(0.5, 15);
    // All equal: expected share = 1/4 whatever k.
    expect(precisionAtK(2, Float64Array.of(7), Float64Array.of(7, 7, 7))).toBe(0.25);
    // k beyond the items: all of them.
    expect(precisionAtK(10, Float64Array.of(1), Float64Array.of(0))).toBe(0.5);
  });
});

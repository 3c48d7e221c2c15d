/**
 * KADABRA pieces: the confidence half-widths by hand, top selection with ties, the failure
 * probability budget, and the top-k stopping rule on constructed hit counts.
 */
import { describe, expect, it } from 'vitest';
import { allocateDeltas, lowerError, topByHits, topKStatus, upperError } from '../../../src/core/paths/kadabra.js';

describe('KADABRA confidence half-widths', () => {
  it('f and g by hand: b~ 0.1, tau 1000, omega 2000, ln(1/delta) = 2', () => {
    // f = (2/1000)(-(2 - 1/3) + sqrt((5/3)^2 + 2*0.1*2000/2)) = 0.002 (sqrt(1825)/3 - 5/3) = 0.0251466791...
    expect(lowerError(0.1, 1000, 2000, Math.exp(-2))).toBeCloseTo(0.025146679151058435, 12);
    // g = (2/1000)((2 + 1/3) + sqrt((7/3)^2 + 200)) = 0.002 (7/3 + 43/3) = 1/30
    expect(upperError(0.1, 1000, 2000, Math.exp(-2))).toBeCloseTo(1 / 30, 12);
  });
  it('f never exceeds b~, g never exceeds 1 - b~; no samples gives the trivial bounds', () => {
    expect(lowerError(0.001, 10, 1e6, 0.01)).toBe(0.001);
    expect(upperError(0.999, 10, 1e6, 0.01)).toBeCloseTo(0.001, 15);
    expect(lowerError(0.3, 0, 100, 0.1)).toBe(0.3);
    expect(upperError(0.3, 0, 100, 0.1)).toBe(0.7);
  });
  it('widths shrink as samples grow and as delta grows', () => {
    expect(upperError(0.05, 4000, 8000, 0.01)).toBeLessThan(upperError(0.05, 2000, 8000, 0.01));
    expect(upperError(0.05, 4000, 8000, 0.1)).toBeLessThan(upperError(0.05, 4000, 8000, 0.01));
  });
});

describe('topByHits', () => {
  it('most hits first, ties by lower index, at most n', () => {
    const hits = Float64Array.from([3, 9, 0, 9, 5, 3]);
    expect(Array.from(topByHits(hits, 4))).toEqual([1, 3, 4, 0]);
    expect(Array.from(topByHits(hits, 10))).toEqual([1, 3, 4, 0, 5, 2]);
    expect(topByHits(hits, 0).length).toBe(0);
  });
});

describe('allocateDeltas', () => {
  it('spends at most delta/2 over both bounds of every node, most of it on the ranks that decide', () => {
    const n = 1000;
    const hits = new Float64Array(n);
    for (let v = 0; v < 30; v++) hits[v] = 300 - 10 * v; // a clear ranking at the top, then zeros
    const d = allocateDeltas(hits, 1000, 5, 40, 0.01, 0.1);
    let sum = 0;
    for (let v = 0; v < n; v++) sum += d.lower[v] + d.upper[v];
    expect(sum).toBeLessThanOrEqual(0.05 * (1 + 1e-12));
    expect(sum).toBeGreaterThan(0.04); // the bisection uses (nearly) the whole budget
    // The 5th (needs its upper bound against the 6th) gets more than a node far down the list.
    expect(d.upper[4]).toBeGreaterThan(d.upper[500]);
    expect(d.minUpper).toBeLessThanOrEqual(d.upper[500]);
  });
});

describe('topKStatus', () => {
  it('separated top 2 after many samples: finished; the same shares after few samples: not', () => {
    const n = 50;
    const deltas = { lower: new Float64Array(n).fill(1e-4), upper: new Float64Array(n).fill(1e-4), minLower: 1e-4, minUpper: 1e-4 };
    const share = new Float64Array(n);
    share[7] = 0.5;
    share[3] = 0.3;
    share[9] = 0.05;
    const at = (tau: number) => share.map((b) => b * tau);
    const many = topKStatus(at(1e5), 1e5, 1e5, 2, 5, 0.001, deltas);
    expect(Array.from(many.top.subarray(0, 3))).toEqual([7, 3, 9]);
    expect(many.finished).toBe(true);
    expect(many.lower[0]).toBeLessThan(0.5);
    expect(many.upper[0]).toBeGreaterThan(0.5);
    // 20 samples out of at most 1e5: the bounds are as wide as the estimates themselves.
    expect(topKStatus(at(20), 20, 1e5, 2, 5, 0.001, deltas).finished).toBe(false);
  });
  it('a tie inside the top k is accepted once both are known within epsilon', () => {
    const n = 10;
    const deltas = { lower: new Float64Array(n).fill(0.01), upper: new Float64Array(n).fill(0.01), minLower: 0.01, minUpper: 0.01 };
    const hits = new Float64Array(n);
    hits[0] = hits[1] = 0.4 * 1e6; // b~ 0.4 each: never separated
    expect(topKStatus(hits, 1e6, 1e6, 2, 4, 0.01, deltas).finished).toBe(true);
    expect(topKStatus(hits, 1e6, 1e6, 2, 4, 1e-5, deltas).finished).toBe(false);
  });
});

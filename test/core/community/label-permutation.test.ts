import { describe, expect, it } from 'vitest';
import { permuteLabels, shuffleInPlace } from '../../../src/core/community/label-permutation.js';
import { mulberry32 } from '../../../src/core/util/random.js';

describe('mulberry32 and label permutation', () => {
  it('same seed, same sequence, in [0, 1); different seeds differ', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(c()).not.toBe(xs[0]);
    // Roughly uniform: mean of 1000 draws within 0.05 of 1/2.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });

  it('shuffle keeps the multiset; an empty or single array is untouched', () => {
    const v = Int32Array.of(0, 0, 1, 1, 2, 5, 5, 5);
    shuffleInPlace(v, mulberry32(1));
    expect(Array.from(v).sort()).toEqual([0, 0, 1, 1, 2, 5, 5, 5]);
    const one = Int32Array.of(7);
    shuffleInPlace(one, mulberry32(1));
    expect(Array.from(one)).toEqual([7]);
    shuffleInPlace(new Int32Array(0), mulberry32(1));
  });

  it('every ordering of 3 values appears under 600 shuffles', () => {
    const seen = new Map<string, number>();
    const random = mulberry32(9);
    for (let r = 0; r < 600; r++) {
      const v = Int32Array.of(0, 1, 2);
      shuffleInPlace(v, random);
      seen.set(v.join(''), (seen.get(v.join('')) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const count of seen.values()) expect(count).toBeGreaterThan(60);
  });

  it('permuteLabels moves labels among members only; -1 stays', () => {
    const labels = Int32Array.of(0, -1, 1, 1, -1, 0);
    const members = Int32Array.of(0, 2, 3, 5);
    const out = permuteLabels(labels, members, new Int32Array(4), mulberry32(3), new Int32Array(6).fill(-1));
    expect(out[1]).toBe(-1);
    expect(out[4]).toBe(-1);
    expect([out[0], out[2], out[3], out[5]].sort()).toEqual([0, 0, 1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { float64Arrays, int32Arrays } from '../../../src/core/util/typed-arrays.js';

describe('float64Arrays / int32Arrays', () => {
  it('gives count zero-filled arrays of the length asked for', () => {
    const f = float64Arrays(3, 4);
    expect(f).toHaveLength(4);
    for (const a of f) {
      expect(a).toBeInstanceOf(Float64Array);
      expect(Array.from(a)).toEqual([0, 0, 0]);
    }
    const i = int32Arrays(2, 3);
    expect(i).toHaveLength(3);
    for (const a of i) {
      expect(a).toBeInstanceOf(Int32Array);
      expect(Array.from(a)).toEqual([0, 0]);
    }
  });

  it('gives separate buffers: writing one leaves the others at 0', () => {
    const [a, b] = float64Arrays(2, 2);
    a[0] = 5;
    expect(b[0]).toBe(0);
    expect(a.buffer).not.toBe(b.buffer);
    const [x, y] = int32Arrays(1, 2);
    x[0] = -1;
    expect(y[0]).toBe(0);
  });

  it('handles count 0 and length 0, and rejects a negative length', () => {
    expect(float64Arrays(5, 0)).toEqual([]);
    expect(int32Arrays(0, 2).map((a) => a.length)).toEqual([0, 0]);
    expect(() => float64Arrays(-1, 1)).toThrow(RangeError);
  });
});

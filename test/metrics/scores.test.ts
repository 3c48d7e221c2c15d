import { describe, expect, it } from 'vitest';
import { NodeScores } from '../../src/metrics/scores.js';

const scores = () => new NodeScores('demo', ['a', 'b', 'c', 'd', 'e'], Float64Array.from([3, 5, NaN, 5, 1]), { converged: true });

describe('NodeScores', () => {
  it('looks values up by id, NaN for undefined, undefined for unknown', () => {
    const s = scores();
    expect(s.get('b')).toBe(5);
    expect(s.get('c')).toBeNaN();
    expect(s.get('zz')).toBeUndefined();
    expect(s.diagnostics.converged).toBe(true);
  });

  it('ranks with shared ranks for ties and NaN for undefined', () => {
    // values b=5, d=5, a=3, e=1 -> ranks 1, 1, 3, 4
    expect(Array.from(scores().ranks())).toEqual([3, 1, NaN, 1, 4]);
    expect(Array.from(scores().ranks({ ascending: true }))).toEqual([2, 3, NaN, 3, 1]);
  });

  it('returns the top k, ties broken by input order', () => {
    expect(scores().top(3)).toEqual([
      { id: 'b', value: 5, rank: 1 },
      { id: 'd', value: 5, rank: 1 },
      { id: 'a', value: 3, rank: 3 },
    ]);
    expect(scores().top(1, { ascending: true })).toEqual([{ id: 'e', value: 1, rank: 1 }]);
    expect(scores().top(0)).toEqual([]);
  });

  it('gives percentiles among defined values', () => {
    // defined: 3,5,5,1 -> a (3) is at or above 2 of 4 = 50
    expect(scores().percentile('a')).toBe(50);
    expect(scores().percentile('b')).toBe(100);
    expect(scores().percentile('c')).toBeNaN();
  });

  it('exports null for undefined values', () => {
    expect(scores().toRecord()).toEqual({ a: 3, b: 5, c: null, d: 5, e: 1 });
    expect(scores().toArray()).toEqual([3, 5, null, 5, 1]);
  });

  it('refuses misaligned values', () => {
    expect(() => new NodeScores('x', ['a'], new Float64Array(2))).toThrowError(/2 values for 1 people/);
  });
});

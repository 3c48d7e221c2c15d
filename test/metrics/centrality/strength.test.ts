import { describe, expect, it } from 'vitest';
import { strength } from '../../../src/metrics/centrality/strength.js';
import { byId, view } from './helpers.js';

describe('strength', () => {
  it('empty view, one person, isolates get 0', () => {
    expect(strength(view('', '')).size).toBe(0);
    expect(byId(strength(view('a b', '')))).toEqual({ a: 0, b: 0 });
  });

  it('undirected: the pair value sums both directions', () => {
    // {a,b} = 2 + 3 = 5, {b,c} = 4.
    expect(byId(strength(view('a b c', 'a-b:2 b-a:3 b-c:4')))).toEqual({ a: 5, b: 9, c: 4 });
  });

  it('directed: in, out and total', () => {
    const v = view('a b c', 'a-b:2 b-a:3 b-c:4', { directed: true });
    expect(byId(strength(v, { direction: 'out' }))).toEqual({ a: 2, b: 7, c: 0 });
    expect(byId(strength(v, { direction: 'in' }))).toEqual({ a: 3, b: 2, c: 4 });
    expect(byId(strength(v))).toEqual({ a: 5, b: 9, c: 4 });
    expect(strength(v, { direction: 'in' }).metric).toBe('inStrength');
  });

  it('an unweighted view gives degree', () => {
    expect(byId(strength(view('a b c', 'a-b:2 b-c:4', { weighted: false })))).toEqual({ a: 1, b: 2, c: 1 });
  });
});

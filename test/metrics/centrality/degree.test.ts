import { describe, expect, it } from 'vitest';
import { degree } from '../../../src/metrics/centrality/degree.js';
import { byId, view } from './helpers.js';

describe('degree', () => {
  it('empty view, one person, isolates', () => {
    expect(degree(view('', '')).size).toBe(0);
    expect(byId(degree(view('a', '')))).toEqual({ a: 0 });
    expect(byId(degree(view('a b c', 'a-b')))).toEqual({ a: 1, b: 1, c: 0 });
  });

  it('undirected: a pair tied both ways counts once; values are ignored', () => {
    // a->b and b->a merge into the pair {a, b}; b-c weight 5 still counts 1.
    expect(byId(degree(view('a b c', 'a-b b-a b-c:5')))).toEqual({ a: 1, b: 2, c: 1 });
  });

  it('directed: in, out and total = in + out (a reciprocated pair counts twice, as NetworkX)', () => {
    const v = view('a b c', 'a-b b-a b-c', { directed: true });
    expect(byId(degree(v, { direction: 'in' }))).toEqual({ a: 1, b: 1, c: 1 });
    expect(byId(degree(v, { direction: 'out' }))).toEqual({ a: 1, b: 2, c: 0 });
    expect(byId(degree(v))).toEqual({ a: 2, b: 3, c: 1 });
    expect(degree(v, { direction: 'in' }).metric).toBe('inDegree');
    expect(degree(v, { direction: 'out' }).metric).toBe('outDegree');
  });

  it('in / out on an undirected view equal the total', () => {
    const v = view('a b c', 'a-b b-c');
    expect(byId(degree(v, { direction: 'in' }))).toEqual(byId(degree(v)));
    expect(byId(degree(v, { direction: 'out' }))).toEqual(byId(degree(v)));
  });
});

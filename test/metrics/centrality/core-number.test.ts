import { describe, expect, it } from 'vitest';
import { coreNumber } from '../../../src/metrics/centrality/core-number.js';
import { byId, view } from './helpers.js';

describe('coreNumber', () => {
  it('empty view, isolates', () => {
    expect(coreNumber(view('', '')).size).toBe(0);
    expect(byId(coreNumber(view('a b', '')))).toEqual({ a: 0, b: 0 });
  });

  it('triangle with a tail: 2 in the triangle, 1 on the tail, 0 for an isolate', () => {
    expect(byId(coreNumber(view('a b c d e z', 'a-b b-c c-a c-d d-e')))).toEqual({ a: 2, b: 2, c: 2, d: 1, e: 1, z: 0 });
  });

  it('K4 plus a pendant on each corner: 3 and 1', () => {
    const v = byId(coreNumber(view('a b c d p q r s', 'a-b a-c a-d b-c b-d c-d a-p b-q c-r d-s')));
    expect([v.a, v.b, v.c, v.d]).toEqual([3, 3, 3, 3]);
    expect([v.p, v.q, v.r, v.s]).toEqual([1, 1, 1, 1]);
  });

  it('directed: in + out degree, a reciprocated pair counts twice (as NetworkX on a DiGraph)', () => {
    expect(byId(coreNumber(view('a b', 'a-b b-a', { directed: true })))).toEqual({ a: 2, b: 2 });
    expect(byId(coreNumber(view('a b c', 'a-b b-c c-a', { directed: true })))).toEqual({ a: 2, b: 2, c: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { clustering } from '../../../src/metrics/centrality/clustering.js';
import { byId, view } from './helpers.js';

const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 12);

describe('clustering', () => {
  it('empty view, isolates and single ties get 0 (as NetworkX)', () => {
    expect(clustering(view('', '')).size).toBe(0);
    expect(byId(clustering(view('a b c', 'a-b')))).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('triangle with a pendant: 1/3 at the hub, 1 in the triangle, 0 at the pendant', () => {
    // a has neighbours b, c, d: 3 pairs, one tied (b-c) -> 2*1/(3*2).
    const v = byId(clustering(view('a b c d', 'a-b b-c c-a a-d'), { weighted: false }));
    close(v.a, 1 / 3);
    close(v.b, 1);
    close(v.d, 0);
  });

  it('Onnela weighted: geometric mean of the triangle weights over the max weight', () => {
    // w^ = 1/4, 2/4, 4/4: (1/8)^(1/3) = 1/2; C = 2 * 1/2 / (2 * 1) = 1/2 at each corner.
    const v = byId(clustering(view('a b c', 'a-b:1 b-c:2 c-a:4')));
    close(v.a, 0.5);
    close(v.b, 0.5);
    // The hub's pendant tie sets no triangle but counts in k: C_a = 2 * (1/8)^(1/3) / (3 * 2).
    const p = byId(clustering(view('a b c d', 'a-b:1 b-c:2 c-a:4 a-d:1')));
    close(p.a, 1 / 6);
  });

  it('all weights equal = unweighted', () => {
    const w = clustering(view('a b c d e', 'a-b:3 b-c:3 c-a:3 c-d:3 d-e:3 e-c:3 a-d:3'));
    const u = clustering(view('a b c d e', 'a-b b-c c-a c-d d-e e-c a-d'), { weighted: false });
    for (let i = 0; i < 5; i++) close(w.values[i], u.values[i]);
  });

  it('directed (Fagiolo): a 3-cycle gives 1/2, a fully reciprocated triangle 1', () => {
    // Cycle: (A+A^T)^3_aa = 2, k_tot = 2, k_<-> = 0 -> 2 / (2 * (2*1 - 0)) = 1/2.
    const cyc = byId(clustering(view('a b c', 'a-b b-c c-a', { directed: true })));
    close(cyc.a, 0.5);
    // Reciprocated: (A+A^T) has 2s, cube diagonal 16; k_tot = 4, k_<-> = 2 -> 16 / (2 * (12 - 4)) = 1.
    const full = byId(clustering(view('a b c', 'a-b b-a b-c c-b c-a a-c', { directed: true })));
    close(full.a, 1);
    expect(clustering(view('a b c', 'a-b b-c c-a', { directed: true })).diagnostics.variant).toBe('fagiolo-weighted');
  });

  it('directed weighted: c = cube root of w / max w on each arc', () => {
    // Cycle a->b (8), b->c (1), c->a (1): max 8, c = 1, 1/2, 1/2; t_a = 2 * 1 * 1/2 * 1/2 = 1/2 -> C = 1/8.
    const v = byId(clustering(view('a b c', 'a-b:8 b-c:1 c-a:1', { directed: true })));
    close(v.a, 0.125);
  });
});

import { describe, expect, it } from 'vitest';
import { pagerankSync } from '../../../src/metrics/centrality/pagerank.js';
import { OrgraphError } from '../../../src/model/errors.js';
import { byId, view } from './helpers.js';

const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 9);

describe('pagerank', () => {
  it('empty view: empty scores', () => {
    expect(pagerankSync(view('', '')).size).toBe(0);
  });

  it('isolates only: every person is dangling, so 1/n each', () => {
    const v = byId(pagerankSync(view('a b c', '')));
    for (const k of ['a', 'b', 'c']) close(v[k], 1 / 3);
  });

  it('a -> b with b dangling (hand solved)', () => {
    // x_a = 0.15/2 + 0.85 x_b / 2;  x_b = 0.15/2 + 0.85 x_a + 0.85 x_b / 2;  x_a + x_b = 1
    // => x_a = 0.075 + 0.425 (1 - x_a) => x_a = 0.5 / 1.425.
    const s = pagerankSync(view('a b', 'a-b', { directed: true }));
    const v = byId(s);
    close(v.a, 0.5 / 1.425);
    close(v.b, 1 - 0.5 / 1.425);
    expect(s.diagnostics.converged).toBe(true);
    expect(s.diagnostics.errorBound as number).toBeLessThan(1e-9);
  });

  it('weights split the walk: a -> b (3), a -> c (1), b and c dangling', () => {
    // D = x_b + x_c = 1 - x_a; x_a = 0.05 + 0.85 (1 - x_a)/3  => x_a = (0.05 + 0.85/3) / (1 + 0.85/3)
    // x_b = 0.05 + 0.85 (1 - x_a)/3 + 0.85 * 3/4 x_a;  x_c = 0.05 + 0.85 (1 - x_a)/3 + 0.85 * 1/4 x_a
    const v = byId(pagerankSync(view('a b c', 'a-b:3 a-c:1', { directed: true })));
    const xa = (0.05 + 0.85 / 3) / (1 + 0.85 / 3);
    close(v.a, xa);
    close(v.b, 0.05 + (0.85 * (1 - xa)) / 3 + 0.85 * 0.75 * xa);
    close(v.c, 0.05 + (0.85 * (1 - xa)) / 3 + 0.85 * 0.25 * xa);
  });

  it('undirected regular graph: uniform; all weights 1 equals unweighted', () => {
    const v = byId(pagerankSync(view('a b c d', 'a-b b-c c-d d-a')));
    for (const k of ['a', 'b', 'c', 'd']) close(v[k], 0.25);
    const w = pagerankSync(view('a b c d e', 'a-b b-c c-d d-e e-b'));
    const u = pagerankSync(view('a b c d e', 'a-b:7 b-c:7 c-d:7 d-e:7 e-b:7'), { weighted: false });
    for (let i = 0; i < 5; i++) close(w.values[i], u.values[i]);
  });

  it('sums to 1 and reports a bound when stopped early', () => {
    const s = pagerankSync(view('a b c d', 'a-b b-c c-a c-d', { directed: true }), { maxIterations: 3 });
    expect(s.diagnostics.converged).toBe(false);
    expect(s.values.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(s.diagnostics.errorBound as number).toBeGreaterThan(0);
  });

  it('alpha outside [0, 1) is E_BAD_OPTION', () => {
    expect(() => pagerankSync(view('a b', 'a-b'), { alpha: 1 })).toThrow(OrgraphError);
  });

  it('undirected (conjugate gradients + power check) agrees with the directed view of the same ties (power)', () => {
    const ids = 'a b c d e f g h z';
    const ties = 'a-b:3 b-c:1 c-d:4 d-a:1 a-c:5 d-e:9 e-f:2 f-g:6 g-e:5 g-h:3';
    const u = pagerankSync(view(ids, ties, { undirectedRelation: true }));
    const d = pagerankSync(view(ids, ties, { directed: true, undirectedRelation: true }));
    expect(u.diagnostics.method).toBe('conjugate-gradient+power');
    expect(d.diagnostics.method).toBe('power');
    expect(u.diagnostics.solverIterations as number).toBeGreaterThan(0);
    expect(u.diagnostics.converged).toBe(true);
    expect(u.diagnostics.errorBound as number).toBeLessThan(1e-9);
    for (let i = 0; i < u.size; i++) expect(Math.abs(u.values[i] - d.values[i])).toBeLessThan(1e-10);
    expect(u.values.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });
});

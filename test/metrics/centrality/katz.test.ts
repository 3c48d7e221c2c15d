import { describe, expect, it } from 'vitest';
import { katzSync } from '../../../src/metrics/centrality/katz.js';
import { byId, view } from './helpers.js';

const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 9);

describe('katz', () => {
  it('empty view: empty scores', () => {
    expect(katzSync(view('', '')).size).toBe(0);
  });

  it('isolates: beta each, normalised to 1/sqrt n', () => {
    const v = byId(katzSync(view('a b c d', '')));
    for (const k of ['a', 'b', 'c', 'd']) close(v[k], 0.5);
    expect(katzSync(view('a b', '')).diagnostics.alphaRule).toBe('default');
  });

  it('directed a -> b, alpha 0.1: x_a = 1, x_b = 1.1 before normalising', () => {
    const raw = byId(katzSync(view('a b', 'a-b', { directed: true }), { normalized: false }));
    close(raw.a, 1);
    close(raw.b, 1.1);
    const v = byId(katzSync(view('a b', 'a-b', { directed: true })));
    close(v.b, 1.1 / Math.sqrt(1 + 1.21));
  });

  it('path a-b-c, alpha 0.1 (lambda = sqrt 2): solve (I - 0.1 A) x = 1 by hand', () => {
    // x_a = 1 + 0.1 x_b, x_b = 1 + 0.2 x_a  => x_a = 1.1 / 0.98, x_b = 1 + 0.2 * 1.1 / 0.98.
    const v = byId(katzSync(view('a b c', 'a-b b-c'), { normalized: false }));
    close(v.a, 1.1 / 0.98);
    close(v.b, 1 + (0.2 * 1.1) / 0.98);
  });

  it("'auto' alpha falls back to 0.9 / lambda_max when 0.1 would diverge", () => {
    // Triangle with weights 10: lambda_max = 20 >= 1 / 0.1, so alpha = 0.045 and x = 1 / (1 - 0.9) = 10.
    const s = katzSync(view('a b c', 'a-b:10 b-c:10 c-a:10'), { normalized: false });
    close(s.diagnostics.alpha as number, 0.045);
    expect(s.diagnostics.alphaRule).toBe('fallback');
    close(s.diagnostics.lambdaMax as number, 20);
    for (const x of s.values) close(x, 10);
  });

  it('an explicit divergent alpha is reported, not thrown: NaN and converged false', () => {
    const s = katzSync(view('a b c', 'a-b b-c c-a'), { alpha: 0.6, maxIterations: 500 });
    expect(s.diagnostics.converged).toBe(false);
    expect(s.diagnostics.alphaRule).toBe('given');
    expect(Number.isNaN(s.values[0])).toBe(true);
  });

  it('undirected (conjugate gradients) agrees with the directed view of the same ties (Jacobi)', () => {
    const ids = 'a b c d e f g h z';
    const ties = 'a-b:3 b-c:1 c-d:4 d-a:1 a-c:5 d-e:9 e-f:2 f-g:6 g-e:5 g-h:3';
    const u = katzSync(view(ids, ties, { undirectedRelation: true }));
    const d = katzSync(view(ids, ties, { directed: true, undirectedRelation: true }));
    expect(u.diagnostics.method).toBe('conjugate-gradient');
    expect(d.diagnostics.method).toBe('jacobi');
    expect(u.diagnostics.alphaRule).toBe('fallback');
    close(u.diagnostics.lambdaMax as number, d.diagnostics.lambdaMax as number);
    expect(u.diagnostics.residual as number).toBeLessThanOrEqual(1e-12);
    for (let i = 0; i < u.size; i++) close(u.values[i], d.values[i]);
  });
});

import { describe, expect, it } from 'vitest';
import { eigenvectorSync } from '../../../src/metrics/centrality/eigenvector.js';
import { byId, view } from './helpers.js';

const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 9);

describe('eigenvector', () => {
  it('empty view: empty scores, defined', () => {
    const s = eigenvectorSync(view('', ''));
    expect(s.size).toBe(0);
  });

  it('no ties: undefined (NaN), reason given, never thrown', () => {
    const s = eigenvectorSync(view('a b', ''));
    expect(Number.isNaN(s.values[0]) && Number.isNaN(s.values[1])).toBe(true);
    expect(s.diagnostics.defined).toBe(false);
    expect(s.diagnostics.reason).toBe('no ties');
  });

  it('star K(1,3): lambda = sqrt 3, centre 1/sqrt 2, leaves 1/sqrt 6', () => {
    // A x = lambda x with x_c = sqrt(3) x_l; unit norm: x_c^2 + 3 x_l^2 = 6 x_l^2 = 1.
    const s = eigenvectorSync(view('c x y z', 'c-x c-y c-z'));
    const v = byId(s);
    close(v.c, 1 / Math.SQRT2);
    for (const l of ['x', 'y', 'z']) close(v[l], 1 / Math.sqrt(6));
    close(s.diagnostics.eigenvalue as number, Math.sqrt(3));
    expect(s.diagnostics.converged).toBe(true);
  });

  it('bipartite path a-b-c converges (shifted iteration): 1/2, 1/sqrt 2, 1/2', () => {
    const v = byId(eigenvectorSync(view('a b c', 'a-b b-c')));
    close(v.a, 0.5);
    close(v.b, Math.SQRT1_2);
    close(v.c, 0.5);
  });

  it('an isolate beside a triangle gets 0; the triangle 1/sqrt 3', () => {
    const v = byId(eigenvectorSync(view('a b c d', 'a-b b-c c-a')));
    for (const k of ['a', 'b', 'c']) close(v[k], 1 / Math.sqrt(3));
    expect(v.d).toBe(0);
  });

  it('two separate identical triangles: not unique -> undefined', () => {
    const s = eigenvectorSync(view('a b c d e f', 'a-b b-c c-a d-e e-f f-d'));
    expect(s.diagnostics.defined).toBe(false);
    expect(String(s.diagnostics.reason)).toMatch(/not unique/);
    expect(Number.isNaN(s.values[0])).toBe(true);
  });

  it('a triangle and a separate edge: the triangle dominates (lambda 2 > 1), the edge gets 0', () => {
    const v = byId(eigenvectorSync(view('a b c d e', 'a-b b-c c-a d-e')));
    close(v.a, 1 / Math.sqrt(3));
    expect(v.d).toBeCloseTo(0, 9);
  });

  it('directed: scored by in-ties; a 3-cycle gives 1/sqrt 3 each; a DAG is undefined', () => {
    const cyc = byId(eigenvectorSync(view('a b c', 'a-b b-c c-a', { directed: true })));
    for (const k of ['a', 'b', 'c']) close(cyc[k], 1 / Math.sqrt(3));
    const dag = eigenvectorSync(view('a b c', 'a-b b-c', { directed: true }), { maxIterations: 200 });
    expect(dag.diagnostics.defined).toBe(false);
  });

  it('directed: a person only sending into a cycle gets 0, one only receiving from it > 0', () => {
    // x_i = (1/lambda) sum_j a_ji x_j: s has no in-ties so x_s = 0; t receives from a.
    const v = byId(eigenvectorSync(view('s a b c t', 's-a a-b b-c c-a a-t', { directed: true })));
    expect(v.s).toBe(0);
    expect(v.t).toBeGreaterThan(0);
  });

  it('weights are read as strengths and scale-free; weighted: false reads 1', () => {
    const w = byId(eigenvectorSync(view('a b c', 'a-b:2 b-c:6')));
    const w10 = byId(eigenvectorSync(view('a b c', 'a-b:20 b-c:60')));
    for (const k of ['a', 'b', 'c']) close(w[k], w10[k]);
    // Path with weights 2, 6: lambda^2 = 4 + 36, x_a : x_b : x_c = 2 : sqrt(40) : 6.
    const norm = Math.sqrt(4 + 40 + 36);
    close(w.a, 2 / norm);
    close(w.c, 6 / norm);
    const unweighted = byId(eigenvectorSync(view('a b c', 'a-b:2 b-c:6'), { weighted: false }));
    close(unweighted.a, 0.5);
  });

  it('undirected (LOPCG) agrees with the directed view of the same undirected ties (power iteration)', () => {
    // Both read the same symmetric matrix; two independent solvers must give the same vector.
    const ids = 'a b c d e f g h';
    const ties = 'a-b:3 b-c:1 c-d:4 d-a:1 a-c:5 d-e:9 e-f:2 f-g:6 g-e:5 g-h:3';
    const u = eigenvectorSync(view(ids, ties, { undirectedRelation: true }));
    const d = eigenvectorSync(view(ids, ties, { directed: true, undirectedRelation: true }));
    expect(u.diagnostics.method).toBe('lopcg');
    expect(d.diagnostics.method).toBe('power');
    expect(u.diagnostics.residual as number).toBeLessThanOrEqual(1e-10);
    for (let i = 0; i < u.size; i++) close(u.values[i], d.values[i]);
    close(u.diagnostics.eigenvalue as number, d.diagnostics.eigenvalue as number);
  });

  it('an iteration cap too small is reported as not converged, never thrown', () => {
    const s = eigenvectorSync(view('a b c d e f g h', 'a-b:3 b-c:1 c-d:4 d-a:1 a-c:5 d-e:9 e-f:2 f-g:6 g-e:5 g-h:3'), { maxIterations: 1 });
    expect(s.diagnostics.converged).toBe(false);
    expect(s.diagnostics.defined).toBe(false);
    expect(s.diagnostics.residual as number).toBeGreaterThan(1e-10);
  });
});

/**
 * Katz kernels: the fixed point x = alpha A^T x + beta by Jacobi iteration on any CSR, and
 * conjugate gradients on (I - alpha S A S) y = b for symmetric A (also used by PageRank).
 * Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
 * Psychometrika 18(1), 39-43; Hestenes, M. R. & Stiefel, E. (1952). Methods of conjugate gradients
 * for solving linear systems. J. Res. Natl. Bur. Stand. 49(6), 409-436.
 */
import { sequentialEngine, type SpmvEngine } from '../parallel/spmv.js';

export interface KatzKernelOptions {
  readonly alpha: number;
  readonly beta: number;
  /** Stop when max_i |x_i^(k+1) - x_i^(k)| <= tolerance * max_i |x_i^(k+1)|. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface KatzKernelResult {
  /** Unnormalised solution (the last iterate when not converged). */
  readonly x: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Relative max-norm change of the last iteration. */
  readonly change: number;
}

/**
 * Solve (I - alpha A^T) x = beta 1 by x^(k+1)_i = alpha sum_{j -> i} a_ji x^(k)_j + beta, from
 * x^(0) = beta 1, pulling over in-neighbours. Converges iff alpha * rho(A) < 1, with rate
 * alpha * rho(A); otherwise the iterate grows and `converged` is false.
 * NOTE: two vectors of length n, allocated once.
 * Complexity: O(iterations * (n + m)).
 */
export function katzKernel(
  n: number,
  inOffsets: Int32Array,
  inSources: Int32Array,
  inWeights: Float64Array,
  options: KatzKernelOptions,
): KatzKernelResult {
  const { alpha, beta, tolerance, maxIterations } = options;
  let x = new Float64Array(n).fill(beta);
  let y = new Float64Array(n);
  let iterations = 0;
  let change = n === 0 ? 0 : Infinity;
  let converged = n === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let diff = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let p = inOffsets[i], end = inOffsets[i + 1]; p < end; p++) sum += inWeights[p] * x[inSources[p]];
      const v = alpha * sum + beta;
      y[i] = v;
      const d = Math.abs(v - x[i]);
      if (d > diff) diff = d;
      if (Math.abs(v) > size) size = Math.abs(v);
    }
    const t = x;
    x = y;
    y = t;
    change = size > 0 ? diff / size : diff;
    if (!Number.isFinite(size)) break;
    if (change <= tolerance) converged = true;
  }
  return { x, iterations, converged, change };
}

export interface ResolventOptions {
  /** Stop when ||b - M y||_2 <= tolerance * ||b||_2. */
  readonly tolerance: number;
  /** Most conjugate-gradient iterations (each costs one product with A). */
  readonly maxIterations: number;
  /** Products with A (default: sequential over the CSR arrays given). */
  readonly engine?: SpmvEngine;
}

export interface ResolventResult {
  readonly iterations: number;
  readonly converged: boolean;
  /** ||b - M y||_2 / ||b||_2 for the returned y, recomputed from a fresh product. */
  readonly residual: number;
}

/**
 * Solve M y = b with M = I - alpha S A S by conjugate gradients, in place in `y` (its content is
 * the start). A is symmetric and non-negative (an undirected CSR: `targets` and `weights` hold
 * each edge in both rows; `weights` null reads 1), S = diag(`scale`) (null = identity).
 * M must be positive definite: alpha * rho(S A S) < 1 (Katz below its divergence threshold;
 * PageRank's D^-1/2 A D^-1/2 has spectral radius 1 and alpha < 1). Then the eigenvalues of M lie
 * in [1 - alpha rho, 1 + alpha rho] and the error shrinks at least by
 * (sqrt(kappa) - 1) / (sqrt(kappa) + 1) per iteration, kappa = (1 + alpha rho) / (1 - alpha rho);
 * for PageRank at alpha 0.85 that is 0.56 against 0.85 for power iteration.
 * The final residual is recomputed from M y, not taken from the recurrence.
 * NOTE: four vectors of length n are allocated once; nothing is allocated per iteration.
 * Complexity: O(iterations * (n + m)).
 */
export function solveResolventSymmetric(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  scale: Float64Array | null,
  alpha: number,
  b: Float64Array,
  y: Float64Array,
  options: ResolventOptions,
): ResolventResult {
  const engine = options.engine ?? sequentialEngine(n, { offsets: offsets, targets: targets, weights: weights });
  const r = new Float64Array(n);
  const p = new Float64Array(n);
  const mp = engine.vector();
  const u = engine.vector();
  let bb = 0;
  for (let i = 0; i < n; i++) bb += b[i] * b[i];
  const bnorm = Math.sqrt(bb);
  if (!(bnorm > 0)) {
    y.fill(0);
    return { iterations: 0, converged: true, residual: 0 };
  }
  const goal = options.tolerance * bnorm;
  // Step 1: r = b - M y, p = r.
  applyResolvent(n, engine, scale, alpha, y, mp, u);
  let rr = 0;
  for (let i = 0; i < n; i++) {
    const v = b[i] - mp[i];
    r[i] = v;
    p[i] = v;
    rr += v * v;
  }
  let iterations = 0;
  while (Math.sqrt(rr) > goal && iterations < options.maxIterations) {
    iterations++;
    // Step 2: step length along p, update y and r.
    applyResolvent(n, engine, scale, alpha, p, mp, u);
    let pmp = 0;
    for (let i = 0; i < n; i++) pmp += p[i] * mp[i];
    if (!(pmp > 0)) break; // M not positive definite along p (alpha too large) or p = 0.
    const step = rr / pmp;
    let next = 0;
    for (let i = 0; i < n; i++) {
      y[i] += step * p[i];
      const v = r[i] - step * mp[i];
      r[i] = v;
      next += v * v;
    }
    // Step 3: next direction.
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
  }
  // Step 4: the true residual of the returned y.
  applyResolvent(n, engine, scale, alpha, y, mp, u);
  let tt = 0;
  for (let i = 0; i < n; i++) {
    const v = b[i] - mp[i];
    tt += v * v;
  }
  const residual = Math.sqrt(tt) / bnorm;
  return { iterations, converged: residual <= options.tolerance, residual };
}

/** out = (I - alpha S A S) v, with `u` (an engine vector) as scratch for S v. */
function applyResolvent(
  n: number,
  engine: SpmvEngine,
  scale: Float64Array | null,
  alpha: number,
  v: Float64Array,
  out: Float64Array,
  u: Float64Array,
): void {
  if (scale === null) u.set(v);
  else for (let i = 0; i < n; i++) u[i] = scale[i] * v[i];
  engine.multiply(u, out);
  if (scale === null) for (let i = 0; i < n; i++) out[i] = v[i] - alpha * out[i];
  else for (let i = 0; i < n; i++) out[i] = v[i] - alpha * scale[i] * out[i];
}

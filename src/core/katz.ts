/**
 * Katz kernel: the fixed point x = alpha A^T x + beta by Jacobi iteration on a CSR.
 * Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
 * Psychometrika 18(1), 39-43.
 */

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

/**
 * PageRank kernel: power iteration of the Google matrix on a CSR, pulling over in-neighbours.
 * Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
 * bringing order to the web. Stanford InfoLab; Langville, A. N. & Meyer, C. D. (2006). Google's
 * PageRank and Beyond, ch. 4 (dangling nodes, convergence).
 */

export interface PageRankKernelOptions {
  /** Damping factor, in [0, 1). */
  readonly alpha: number;
  /** Stop when sum_i |x_i^(k+1) - x_i^(k)| < tolerance. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface PageRankKernelResult {
  /** Sums to 1. The last iterate when not converged. */
  readonly rank: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** L1 change of the last iteration. */
  readonly change: number;
  /** Bound on the L1 distance to the exact vector: alpha / (1 - alpha) * change. */
  readonly errorBound: number;
}

/**
 * PageRank with uniform teleport and dangling mass spread uniformly:
 *
 *   x_i <- alpha * sum_{j -> i} (a_ji / s_j^out) x_j + (alpha * D + 1 - alpha) / n,
 *   D = sum of x_j over nodes with s_j^out = 0,   start x_i = 1 / n
 *
 * `outStrength[j]` is s_j^out = sum_k a_jk over the out-row of j (computed by the caller, once).
 * `inWeights` null reads every arc as 1 (then `outStrength` must be the out-degree).
 * NOTE: two scratch vectors of length n are allocated once; nothing is allocated per iteration.
 * Complexity: O(iterations * (n + m)), iterations ~ log(tolerance) / log(alpha).
 */
export function pageRankKernel(
  n: number,
  inOffsets: Int32Array,
  inSources: Int32Array,
  inWeights: Float64Array | null,
  outStrength: Float64Array,
  options: PageRankKernelOptions,
): PageRankKernelResult {
  const { alpha, tolerance, maxIterations } = options;
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  if (n === 0) return { rank: x, iterations: 0, converged: true, change: 0, errorBound: 0 };
  const inverse = new Float64Array(n);
  for (let j = 0; j < n; j++) inverse[j] = outStrength[j] > 0 ? 1 / outStrength[j] : 0;
  x.fill(1 / n);
  let iterations = 0;
  let change = Infinity;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // Step 1: z_j = x_j / s_j^out, and the dangling mass.
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      const inv = inverse[j];
      if (inv === 0) dangling += x[j];
      z[j] = x[j] * inv;
    }
    const base = (alpha * dangling + 1 - alpha) / n;
    // Step 2: pull. NOTE: rows read only z, so x can be overwritten in place.
    change = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const end = inOffsets[i + 1];
      if (inWeights === null) for (let p = inOffsets[i]; p < end; p++) sum += z[inSources[p]];
      else for (let p = inOffsets[i]; p < end; p++) sum += inWeights[p] * z[inSources[p]];
      const v = alpha * sum + base;
      change += Math.abs(v - x[i]);
      x[i] = v;
    }
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { rank: x, iterations, converged, change, errorBound: (alpha / (1 - alpha)) * change };
}

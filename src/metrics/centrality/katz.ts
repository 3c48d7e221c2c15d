/**
 * Katz centrality
 * A person's standing from every walk that reaches them, longer walks counting geometrically less.
 * Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
 * Psychometrika 18(1), 39-43.
 */
import { katzKernel } from '../../core/katz.js';
import { dominantEigenvector } from '../../core/power-iteration.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { meanScaled, resolveOptions, tieValues } from './resolve-options.js';

export interface KatzOptions {
  /**
   * Attenuation per step. 'auto' is 0.1 when 0.1 < 1 / lambda_max, else 0.9 / lambda_max (the
   * series diverges for alpha >= 1 / lambda_max). A number is used as given. @defaultValue 'auto'
   */
  readonly alpha?: number | 'auto';
  /** Score every person starts with. @defaultValue 1 */
  readonly beta?: number;
  /** Scale to unit Euclidean norm (NetworkX `normalized=True`). @defaultValue true */
  readonly normalized?: boolean;
  /** Use tie values; false reads every tie as 1. @defaultValue true */
  readonly weighted?: boolean;
  /** Stop when the max change is at most this times the max value. @defaultValue 1e-12 */
  readonly tolerance?: number;
  /** @defaultValue 10000 */
  readonly maxIterations?: number;
}
export const DEFAULT_KATZ_OPTIONS = Object.freeze({
  alpha: 'auto' as number | 'auto',
  beta: 1,
  normalized: true,
  weighted: true,
  tolerance: 1e-12,
  maxIterations: 10_000,
});

/** The alpha 'auto' uses below the divergence threshold. */
export const KATZ_DEFAULT_ALPHA = 0.1;
/** With 'auto', alpha falls back to this share of 1 / lambda_max when 0.1 would diverge. */
export const KATZ_FALLBACK_SHARE = 0.9;

/**
 * Katz centrality of every person (NetworkX conventions, `nx.katz_centrality_numpy`).
 *
 *   x_i = alpha * sum_j a_ji x_j + beta,   i.e. x = beta (I - alpha A^T)^{-1} 1
 *   normalized: x / (sign(sum x) ||x||_2)
 *
 * Direction: a person is scored by walks arriving over in-ties (a_ji, j -> i), as NetworkX on a
 * DiGraph. Weights: a_ji is the tie value (strength); weighted views have a larger lambda_max, so
 * 'auto' alpha often falls back to 0.9 / lambda_max there. lambda_max (the spectral radius of A)
 * is estimated by power iteration. Isolates get beta before normalising (never 0). An empty view
 * gives empty scores.
 * Diagnostics: alpha (the value used), alphaRule ('default' | 'fallback' | 'given'), lambdaMax,
 * iterations, converged, change. If the iteration does not converge (alpha >= 1 / lambda_max given
 * explicitly) every value is NaN.
 *
 * Complexity: O(iterations * (n + m)) for lambda_max and for the series (rate alpha * lambda_max).
 * Throws `E_BAD_OPTION` for a non-finite or negative alpha.
 * @returns scores aligned with `view.personIds`
 * @example
 * const k = katz(project(graph));
 * k.diagnostics.alpha; // 0.1, or 0.9 / lambda_max when 0.1 would diverge
 */
export function katz(view: OrgView, options: KatzOptions = {}): NodeScores {
  const o = resolveOptions(DEFAULT_KATZ_OPTIONS, options);
  const { csr } = view;
  const n = csr.n;
  const inWeights = tieValues(csr.inWeights, o.weighted);
  // Step 1: lambda_max and alpha.
  const scaled = meanScaled(csr.inWeights, o.weighted);
  const eig = dominantEigenvector(n, csr.inOffsets, csr.inSources, scaled.values, { tolerance: 1e-12, maxIterations: 10_000 });
  const lambdaMax = csr.arcCount === 0 ? 0 : Math.max(0, eig.eigenvalue * scaled.scale);
  let alpha: number;
  let alphaRule: 'default' | 'fallback' | 'given';
  if (o.alpha === 'auto') {
    if (KATZ_DEFAULT_ALPHA * lambdaMax < 1) {
      alpha = KATZ_DEFAULT_ALPHA;
      alphaRule = 'default';
    } else {
      alpha = KATZ_FALLBACK_SHARE / lambdaMax;
      alphaRule = 'fallback';
    }
  } else {
    alpha = o.alpha;
    alphaRule = 'given';
  }
  if (!(alpha >= 0) || !Number.isFinite(alpha)) {
    throw new OrgraphError('E_BAD_OPTION', `Katz alpha must be a finite number >= 0, got ${String(o.alpha)}`, { field: 'alpha' });
  }
  // Step 2: the series.
  const r = katzKernel(n, csr.inOffsets, csr.inSources, inWeights, {
    alpha,
    beta: o.beta,
    tolerance: o.tolerance,
    maxIterations: o.maxIterations,
  });
  let values = r.x;
  if (!r.converged) values = new Float64Array(n).fill(NaN);
  else if (o.normalized && n > 0) {
    let sum = 0;
    let norm2 = 0;
    for (let i = 0; i < n; i++) {
      sum += values[i];
      norm2 += values[i] * values[i];
    }
    const scale = norm2 > 0 ? Math.sign(sum) / Math.sqrt(norm2) : 0;
    for (let i = 0; i < n; i++) values[i] *= scale;
  }
  return new NodeScores('katz', view.personIds, values, {
    alpha,
    alphaRule,
    lambdaMax,
    iterations: r.iterations,
    converged: r.converged,
    change: r.change,
  });
}

/**
 * Katz centrality
 * A person's standing from every walk that reaches them, longer walks counting geometrically less.
 * Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
 * Psychometrika 18(1), 39-43.
 */
import { katzKernel, solveResolventSymmetric } from '../../core/spectral/katz.js';
import type { SpmvEngine } from '../../core/parallel/spmv.js';
import { dominantEigenvector, dominantEigenvectorSymmetric } from '../../core/spectral/power-iteration.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { meanScaled, tieValues, uniformValue } from './resolve-options.js';
import { withDefaults } from '../../core/util/options.js';
import { inCallingThread, syncEngine, withEngine, type RunOptions, type SyncOptions } from './run-options.js';

/** Options of {@link katz}. */
export interface KatzOptions extends RunOptions {
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
  /**
   * Directed views: stop when the max change is at most this times the max value (Jacobi).
   * Undirected views: stop when ||beta 1 - (I - alpha A) x||_2 <= this * ||beta 1||_2 (conjugate
   * gradients). @defaultValue 1e-12
   */
  readonly tolerance?: number;
  /**
   * Most conjugate-gradient steps (undirected) or Jacobi steps (directed) of the linear solve; when
   * reached before `tolerance`, every value is NaN and `diagnostics.converged` is
   * false. (The lambda_max estimate has its own fixed budget.) @defaultValue 10000
   */
  readonly maxIterations?: number;
}
/** Defaults of {@link KatzOptions} (frozen). */
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
 * is computed by LOPCG on undirected views and by power iteration on directed ones. The system is
 * then solved by conjugate gradients when undirected (I - alpha A is symmetric positive definite
 * for alpha < 1 / lambda_max) and by Jacobi iteration of the series when directed. Isolates get
 * beta before normalising (never 0). An empty view gives empty scores.
 * Diagnostics: alpha (the value used), alphaRule ('default' | 'fallback' | 'given'), lambdaMax,
 * method ('conjugate-gradient' | 'jacobi'), iterations, converged, residual (undirected:
 * ||beta 1 - (I - alpha A) x||_2 / ||beta 1||_2 of the returned x, from a fresh product), change
 * (directed: last relative max-norm change). If alpha >= 1 / lambda_max (given explicitly) the
 * series diverges: every value is NaN and converged is false.
 *
 * Complexity: O(iterations * (n + m)) for lambda_max and for the system (Jacobi rate
 * alpha * lambda_max; conjugate gradients about its square root).
 * Throws `E_BAD_OPTION` for a non-finite or negative alpha.
 * Async contract (see {@link RunOptions}): `workers`, `signal`, `onProgress`; {@link katzSync}
 * is the same computation in the calling thread; directed views run in the calling thread.
 * Throws `E_WORKER` when a worker fails, `E_ABORTED` when aborted.
 * @returns scores aligned with `view.personIds`
 * @example
 * const k = await katz(project(graph));
 * k.diagnostics.alpha; // 0.1, or 0.9 / lambda_max when 0.1 would diverge
 */
export async function katz(view: OrgView, options: KatzOptions = {}): Promise<NodeScores> {
  const o = withDefaults(DEFAULT_KATZ_OPTIONS, options);
  const { csr } = view;
  if (csr.directed) return inCallingThread('katz', options, () => compute(view, o, null));
  const weights = o.weighted && uniformValue(csr.weights) > 0 ? null : o.weighted ? csr.weights : null;
  return withEngine('katz', csr.n, { offsets: csr.offsets, targets: csr.targets, weights }, 6, options, (engine) =>
    compute(view, o, engine),
  );
}

/**
 * {@link katz} in the calling thread, synchronously (never starts threads). Same definition and
 * options, minus `workers` and `signal`.
 * @example
 * katzSync(project(graph)).top(5);
 */
export function katzSync(view: OrgView, options: SyncOptions<KatzOptions> = {}): NodeScores {
  const o = withDefaults(DEFAULT_KATZ_OPTIONS, options);
  const { csr } = view;
  if (csr.directed) return compute(view, o, null);
  const weights = o.weighted && uniformValue(csr.weights) > 0 ? null : o.weighted ? csr.weights : null;
  return compute(view, o, syncEngine(csr.n, { offsets: csr.offsets, targets: csr.targets, weights }));
}

type ResolvedKatz = ReturnType<typeof withDefaults<typeof DEFAULT_KATZ_OPTIONS, SyncOptions<KatzOptions>>>;

/** Both steps; `engine` is the symmetric engine on undirected views, null on directed ones. */
function compute(view: OrgView, o: ResolvedKatz, engine: SpmvEngine | null): NodeScores {
  const { csr } = view;
  const n = csr.n;
  const w = o.weighted ? uniformValue(csr.weights) : 1;
  const weights = w > 0 ? null : csr.weights;
  // Step 1: lambda_max and alpha.
  let lambdaMax: number;
  if (engine !== null) {
    const eig = dominantEigenvectorSymmetric(n, csr.offsets, csr.targets, weights, { tolerance: 1e-10, maxIterations: 10_000, engine });
    lambdaMax = csr.arcCount === 0 ? 0 : Math.max(0, eig.eigenvalue * (w > 0 ? w : 1));
  } else {
    const scaled = meanScaled(csr.inWeights, o.weighted);
    const eig = dominantEigenvector(n, csr.inOffsets, csr.inSources, scaled.values, { tolerance: 1e-12, maxIterations: 10_000 });
    lambdaMax = csr.arcCount === 0 ? 0 : Math.max(0, eig.eigenvalue * scaled.scale);
  }
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
  // Step 2: the system.
  const solved =
    engine !== null ? solveUndirected(view, engine, weights, w > 0 ? w : 1, alpha, lambdaMax, o) : solveDirected(view, alpha, o);
  const { x: values, diagnostics } = solved;
  if (!diagnostics.converged) values.fill(NaN);
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
  return new NodeScores('katz', view.personIds, values, { alpha, alphaRule, lambdaMax, ...diagnostics });
}

interface KatzSolution {
  readonly x: Float64Array;
  readonly diagnostics: { readonly converged: boolean } & Record<string, string | number | boolean>;
}

/** Conjugate gradients on (I - alpha A) x = beta 1, A symmetric (tie values / unit). */
function solveUndirected(
  view: OrgView,
  engine: SpmvEngine,
  weights: Float64Array | null,
  unit: number,
  alpha: number,
  lambdaMax: number,
  o: { beta: number; tolerance: number; maxIterations: number },
): KatzSolution {
  const { csr } = view;
  const n = csr.n;
  const threads = engine.threads;
  // NOTE: the series (and the centrality) only exists below the threshold; past it I - alpha A
  // is indefinite and conjugate gradients would not apply.
  if (!(alpha * lambdaMax < 1)) {
    return {
      x: new Float64Array(n),
      diagnostics: { method: 'conjugate-gradient', threads, iterations: 0, converged: false, residual: NaN },
    };
  }
  const b = new Float64Array(n).fill(o.beta);
  const x = Float64Array.from(b);
  // NOTE: `weights` null stands for every value `unit`, folded into alpha.
  const r = solveResolventSymmetric(n, csr.offsets, csr.targets, weights, null, alpha * unit, b, x, {
    tolerance: o.tolerance,
    maxIterations: o.maxIterations,
    engine,
  });
  return {
    x,
    diagnostics: { method: 'conjugate-gradient', threads, iterations: r.iterations, converged: r.converged, residual: r.residual },
  };
}

/** Jacobi iteration of the series on the in-adjacency. */
function solveDirected(
  view: OrgView,
  alpha: number,
  o: { beta: number; tolerance: number; maxIterations: number; weighted: boolean },
): KatzSolution {
  const { csr } = view;
  const inWeights = tieValues(csr.inWeights, o.weighted);
  const r = katzKernel(csr.n, csr.inOffsets, csr.inSources, inWeights, {
    alpha,
    beta: o.beta,
    tolerance: o.tolerance,
    maxIterations: o.maxIterations,
  });
  return { x: r.x, diagnostics: { method: 'jacobi', threads: 1, iterations: r.iterations, converged: r.converged, change: r.change } };
}

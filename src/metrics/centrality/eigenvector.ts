/**
 * Eigenvector centrality
 * A person is central when the people tied to them are central: the dominant eigenvector.
 * Reference: Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique
 * identification. Journal of Mathematical Sociology 2(1), 113-120.
 */
import type { SpmvEngine } from '../../core/parallel/spmv.js';
import { dominantEigenvector, dominantEigenvectorSymmetric, weakComponentLabels } from '../../core/spectral/power-iteration.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { meanScaled, uniformValue } from './resolve-options.js';
import { withDefaults } from '../../core/util/options.js';
import { inCallingThread, syncEngine, withEngine, type RunOptions, type SyncOptions } from './run-options.js';

/** Options of {@link eigenvector}. */
export interface EigenvectorOptions extends RunOptions {
  /** Use tie values; false reads every tie as 1. @defaultValue true */
  readonly weighted?: boolean;
  /**
   * Undirected views: stop when ||A x - lambda x||_2 <= tolerance * lambda (LOPCG). Directed
   * views: stop when no score changes by more than this between iterations (power iteration).
   * @defaultValue 1e-10
   */
  readonly tolerance?: number;
  /**
   * Most LOPCG steps (undirected) or power-iteration steps (directed); when reached
   * before `tolerance`, every value is NaN and `diagnostics.converged` is false. @defaultValue 10000
   */
  readonly maxIterations?: number;
}
/** Defaults of {@link EigenvectorOptions} (frozen). */
export const DEFAULT_EIGENVECTOR_OPTIONS = Object.freeze({ weighted: true, tolerance: 1e-10, maxIterations: 10_000 });

/**
 * Eigenvector centrality of every person (NetworkX convention).
 *
 *   lambda x_i = sum_j a_ji x_j,   lambda the largest eigenvalue of A,   ||x||_2 = 1,   x >= 0
 *
 * Direction: a person is scored by the people with ties *to* them (in-ties; the left eigenvector,
 * as `nx.eigenvector_centrality_numpy` on a DiGraph). Weights: a_ji is the tie value (strength).
 * Undirected views (A symmetric) are solved by LOPCG (locally optimal conjugate gradient on the
 * Rayleigh quotient; iterations grow with 1 / sqrt of the spectral gap, not 1 / gap); directed
 * views by shifted power iteration x <- normalise(x + B^T x), B = A / (mean tie value). Both start
 * from the uniform vector on the people with an (in-)tie.
 *
 * Undefined (every value NaN, never thrown; `diagnostics.defined` is false and `reason` says why):
 * - no ties, or no cycle (lambda = 0, e.g. a directed acyclic view);
 * - the dominant eigenvector is not unique: more than one weakly connected part keeps weight at
 *   convergence (e.g. two identical separate teams);
 * - no convergence within `maxIterations` (a repeated dominant eigenvalue in one part).
 * Isolates and people outside the dominant part get 0. An empty view gives empty scores.
 * Diagnostics: method ('lopcg' | 'power'), iterations, converged, eigenvalue (lambda), residual
 * (||A^T x - lambda x||_2 / lambda of the returned vector, from a fresh product; on undirected
 * views the angle to the exact eigenvector is at most residual * lambda / (lambda - lambda_2)),
 * change (power iteration only: last max-norm change), defined, reason.
 *
 * Complexity: O(iterations * (n + m)); no allocation inside iterations. Products run as for
 * {@link pagerank}: in WebAssembly, in the calling thread or, for views with 2M+ arcs (or an explicit
 * `workers`), on `workers` threads sharing one copy of the matrix (12 bytes per stored arc). Async contract (see {@link RunOptions}): `workers`, `signal`, `onProgress`;
 * {@link eigenvectorSync} is the same computation in the calling thread. Directed views run in
 * the calling thread. Throws `E_WORKER` when a worker fails, `E_ABORTED` when aborted.
 * @returns scores aligned with `view.personIds`
 * @example
 * const ev = await eigenvector(project(graph));
 * if (ev.diagnostics.defined) console.log(ev.top(5));
 */
export async function eigenvector(view: OrgView, options: EigenvectorOptions = {}): Promise<NodeScores> {
  const o = withDefaults(DEFAULT_EIGENVECTOR_OPTIONS, options);
  const { csr } = view;
  if (csr.directed) return inCallingThread('eigenvector', options, () => finish(view, directedEigenvector(view, o)));
  const s = symmetricInput(view, o.weighted);
  return withEngine('eigenvector', csr.n, s.matrix, 4, options, (engine) => finish(view, undirectedEigenvector(view, o, s, engine)));
}

/**
 * {@link eigenvector} in the calling thread, synchronously (never starts threads). Same definition
 * and options, minus `workers` and `signal`.
 * @example
 * eigenvectorSync(project(graph)).top(5);
 */
export function eigenvectorSync(view: OrgView, options: SyncOptions<EigenvectorOptions> = {}): NodeScores {
  const o = withDefaults(DEFAULT_EIGENVECTOR_OPTIONS, options);
  const { csr } = view;
  if (csr.directed) return finish(view, directedEigenvector(view, o));
  const s = symmetricInput(view, o.weighted);
  return finish(view, undirectedEigenvector(view, o, s, syncEngine(csr.n, s.matrix)));
}

/** The symmetric adjacency as the LOPCG engine reads it: equal values folded into `unit`. */
function symmetricInput(view: OrgView, weighted: boolean) {
  const { csr } = view;
  const w = weighted ? uniformValue(csr.weights) : 1;
  const weights = w > 0 ? null : csr.weights;
  return { matrix: { offsets: csr.offsets, targets: csr.targets, weights }, unit: w > 0 ? w : 1 };
}

function finish(view: OrgView, r: EigenRun): NodeScores {
  const { csr } = view;
  const n = csr.n;
  const base = { ...r.diagnostics, iterations: r.iterations, converged: r.converged, eigenvalue: r.eigenvalue, residual: r.residual };
  if (n === 0) return new NodeScores('eigenvector', view.personIds, r.vector, { ...base, defined: true, reason: null });
  let reason: string | null = null;
  if (csr.arcCount === 0) reason = 'no ties';
  else if (!r.converged)
    reason = `${r.diagnostics.method === 'lopcg' ? 'LOPCG' : 'power iteration'} did not converge in ${r.iterations} iterations`;
  else if (!(r.eigenvalue > 1e-9)) reason = 'largest eigenvalue is 0 (no cycle)';
  else if (carryingParts(n, csr.offsets, csr.targets, r.vector) > 1) {
    reason = 'dominant eigenvector not unique: several disconnected parts share the largest eigenvalue';
  }
  const values = reason === null ? r.vector : new Float64Array(n).fill(NaN);
  return new NodeScores('eigenvector', view.personIds, values, { ...base, defined: reason === null, reason });
}

interface EigenRun {
  readonly vector: Float64Array;
  readonly eigenvalue: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly residual: number;
  readonly diagnostics: Record<string, string | number>;
}

/** LOPCG on the symmetric adjacency (raw tie values: no shift, so no rescaling needed). */
function undirectedEigenvector(
  view: OrgView,
  o: { tolerance: number; maxIterations: number },
  s: ReturnType<typeof symmetricInput>,
  engine: SpmvEngine,
): EigenRun {
  const { csr } = view;
  const { offsets, targets, weights } = s.matrix;
  const r = dominantEigenvectorSymmetric(csr.n, offsets, targets, weights, {
    tolerance: o.tolerance,
    maxIterations: o.maxIterations,
    engine,
  });
  // The solver returns a copy of its vector, which lived in the engine's memory.
  return {
    vector: r.vector,
    eigenvalue: r.eigenvalue * s.unit,
    iterations: r.iterations,
    converged: r.converged,
    residual: r.residual,
    diagnostics: { method: 'lopcg', threads: engine.threads },
  };
}

/** Shifted power iteration on the in-adjacency, tie values rescaled to mean 1. */
function directedEigenvector(view: OrgView, o: { weighted: boolean; tolerance: number; maxIterations: number }): EigenRun {
  const { csr } = view;
  // NOTE: values rescaled to mean 1 (all-ones loop when equal); lambda is scaled back below.
  const { values: inWeights, scale } = meanScaled(csr.inWeights, o.weighted);
  const r = dominantEigenvector(csr.n, csr.inOffsets, csr.inSources, inWeights, { tolerance: o.tolerance, maxIterations: o.maxIterations });
  return {
    vector: r.vector,
    eigenvalue: r.eigenvalue * scale,
    iterations: r.iterations,
    converged: r.converged,
    residual: r.residual,
    diagnostics: { method: 'power', threads: 1, change: r.change },
  };
}

/** Number of weakly connected parts holding more than 1e-6 of the squared norm of x. */
function carryingParts(n: number, offsets: Int32Array, targets: Int32Array, x: Float64Array): number {
  const label = weakComponentLabels(n, offsets, targets);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) mass[label[i]] += x[i] * x[i];
  let parts = 0;
  for (let i = 0; i < n; i++) if (mass[i] > 1e-6) parts++;
  return parts;
}

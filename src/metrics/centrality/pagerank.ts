/**
 * PageRank
 * The share of time a random walker following ties (and sometimes jumping anywhere) spends at a person.
 * Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
 * bringing order to the web. Stanford InfoLab Technical Report 1999-66.
 */
import { pageRankKernel, pageRankSymmetric } from '../../core/spectral/pagerank.js';
import type { SpmvEngine } from '../../core/parallel/spmv.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { uniformValue } from './resolve-options.js';
import { withDefaults } from '../../core/util/options.js';
import { syncEngine, withEngine, type RunOptions, type SyncOptions } from './run-options.js';

/** Options of {@link pagerank}. */
export interface PageRankOptions extends RunOptions {
  /** Damping factor: the probability of following a tie rather than jumping. @defaultValue 0.85 */
  readonly alpha?: number;
  /** Use tie values; false reads every tie as 1. @defaultValue true */
  readonly weighted?: boolean;
  /** Stop when the L1 change of the vector is below this. @defaultValue 1e-10 */
  readonly tolerance?: number;
  /** Most products with the adjacency matrix, both phases together. @defaultValue 1000 */
  readonly maxIterations?: number;
}
/** Defaults of {@link PageRankOptions} (frozen). */
export const DEFAULT_PAGERANK_OPTIONS = Object.freeze({ alpha: 0.85, weighted: true, tolerance: 1e-10, maxIterations: 1000 });

/**
 * PageRank of every person (NetworkX convention, `nx.pagerank`).
 *
 *   x_i = alpha * sum_j (a_ji / s_j^out) x_j + alpha * D / n + (1 - alpha) / n,   sum_i x_i = 1
 *   s_j^out = sum_k a_jk,   D = sum of x_j over people with no outgoing tie (dangling)
 *
 * Direction: rank flows along ties, i -> j passes i's rank to j; an undirected view reads each tie
 * both ways. Weights: a walker leaves j along a tie in proportion to its value (strength).
 * Dangling people (no outgoing tie, including isolates) spread their rank uniformly; an isolate
 * gets (alpha * D + 1 - alpha) / n, never 0. An empty view gives empty scores.
 * Method: directed views use power iteration from 1 / n. Undirected views first solve the
 * equivalent symmetric positive definite system (I - alpha D^-1/2 A D^-1/2) y = D^-1/2 1 by
 * conjugate gradients (x = D^1/2 y normalised is PageRank; Del Corso, Gulli & Romani 2005), about
 * half the products of power iteration, then take power steps from it until the L1 change is
 * below `tolerance` (at least one), so the diagnostics certify the returned vector either way.
 * Diagnostics: method ('power' | 'conjugate-gradient+power'), iterations (all products with A),
 * solverIterations (the conjugate-gradient share), converged, change (last L1 power-step change),
 * errorBound (L1 distance to the exact vector is at most alpha / (1 - alpha) * change), threads.
 * When not converged the values are the last iterate (a probability vector within errorBound).
 *
 * Complexity: O(iterations * (n + m)), iterations ~ log(tolerance) / log(alpha) for power
 * iteration; no allocation inside iterations. Products run in WebAssembly (JavaScript where it
 * is missing), the matrix copied once into the module's memory (12 bytes per stored arc): in the
 * calling thread, or on `workers` threads for views with 2M+ arcs (or any view with an explicit
 * `workers`), one shared copy of the matrix for them all; results do not depend on the thread count
 * beyond the order of partial sums.
 * Async contract (see {@link RunOptions}): `workers`, `signal`, `onProgress`; {@link pagerankSync}
 * is the same computation in the calling thread. Throws `E_BAD_OPTION` for alpha outside [0, 1),
 * `E_WORKER` when a worker fails, `E_ABORTED` when aborted.
 * @returns scores aligned with `view.personIds`
 * @example
 * (await pagerank(project(graph, { directed: true }))).top(10);
 */
export async function pagerank(view: OrgView, options: PageRankOptions = {}): Promise<NodeScores> {
  const prepared = prepare(view, options);
  const csr = view.csr;
  const matrix = { offsets: csr.inOffsets, targets: csr.inSources, weights: prepared.inWeights };
  return withEngine('pagerank', csr.n, matrix, 4, options, (engine) => compute(view, prepared, engine));
}

/**
 * {@link pagerank} in the calling thread, synchronously (never starts threads). Same definition
 * and options, minus `workers` and `signal`.
 * @example
 * pagerankSync(project(graph)).top(10);
 */
export function pagerankSync(view: OrgView, options: SyncOptions<PageRankOptions> = {}): NodeScores {
  const prepared = prepare(view, options);
  const csr = view.csr;
  return compute(view, prepared, syncEngine(csr.n, { offsets: csr.inOffsets, targets: csr.inSources, weights: prepared.inWeights }));
}

type Prepared = ReturnType<typeof prepare>;

function prepare(view: OrgView, options: SyncOptions<PageRankOptions>) {
  const o = withDefaults(DEFAULT_PAGERANK_OPTIONS, options);
  if (!(o.alpha >= 0 && o.alpha < 1)) {
    throw new OrgraphError('E_BAD_OPTION', `PageRank alpha must be in [0, 1), got ${o.alpha}`, { field: 'alpha' });
  }
  const { csr } = view;
  const n = csr.n;
  // NOTE: equal tie values cancel in a_ji / s_j^out, so such views take the all-ones loop.
  const uniform = !o.weighted || uniformValue(csr.weights) > 0;
  const weights = uniform ? null : csr.weights;
  const inWeights = uniform ? null : csr.inWeights;
  // s_j^out, once.
  const outStrength = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    if (weights === null) s = csr.offsets[j + 1] - csr.offsets[j];
    else for (let p = csr.offsets[j]; p < csr.offsets[j + 1]; p++) s += weights[p];
    outStrength[j] = s;
  }
  return { o, weights, inWeights, outStrength };
}

function compute(view: OrgView, { o, weights, inWeights, outStrength }: Prepared, engine: SpmvEngine): NodeScores {
  const { csr } = view;
  const n = csr.n;
  const kernelOptions = { alpha: o.alpha, tolerance: o.tolerance, maxIterations: o.maxIterations };
  const r = csr.directed
    ? pageRankKernel(n, csr.inOffsets, csr.inSources, inWeights, outStrength, { ...kernelOptions, engine })
    : pageRankSymmetric(n, csr.offsets, csr.targets, weights, outStrength, { ...kernelOptions, engine });
  return new NodeScores('pagerank', view.personIds, r.rank, {
    alpha: o.alpha,
    method: csr.directed ? 'power' : 'conjugate-gradient+power',
    iterations: r.iterations,
    solverIterations: r.solverIterations,
    converged: r.converged,
    change: r.change,
    errorBound: r.errorBound,
    threads: engine.threads,
  });
}

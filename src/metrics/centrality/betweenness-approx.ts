/**
 * Betweenness centrality, approximate (Riondato–Kornaropoulos sampling)
 * Estimates every person's betweenness from uniformly drawn shortest paths, with an additive error
 * bound that holds with a chosen probability; for orgs too large for the exact O(n m) computation.
 * Reference: Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness
 * centrality through sampling. Data Min. Knowl. Disc. 30(2), 438-475.
 */
import { riondatoSampleSize, vertexDiameterBound } from '../../core/approx-betweenness.js';
import type { LengthTransform } from '../../core/csr.js';
import { runPathTask, runPathTaskSync } from '../../core/parallel/pool.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { betweennessScale } from './betweenness.js';
import { checkSignal, definedOnly, mapAbort, pathInput, type PathInput } from './path-common.js';

export interface BetweennessApproxOptions {
  /** Additive error bound on the normalised scale (NetworkX normalisation). @defaultValue 0.005 */
  readonly epsilon?: number;
  /** The bound fails with probability at most delta. @defaultValue 0.1 */
  readonly delta?: number;
  /** Seed of the sampler: same seed, same view, same result (whatever the worker count). @defaultValue 1 */
  readonly seed?: number;
  /** Draw exactly this many samples instead of the Riondato–Kornaropoulos number (no bound then). */
  readonly samples?: number;
  /** Divide as exact betweenness does (NetworkX normalisation). @defaultValue true */
  readonly normalized?: boolean;
  /** Read tie values as strengths turned into lengths by `length`; false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** How a tie strength becomes a path length. @defaultValue 'inverse' (d = 1 / w) */
  readonly length?: LengthTransform;
  /** Worker threads; more than 1 (or a signal) makes the result a Promise. @defaultValue 1 */
  readonly workers?: number;
  /** Abort the run: the promise rejects with OrgraphError `E_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Called as samples are drawn: (samples done, samples in total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BETWEENNESS_APPROX_OPTIONS = Object.freeze({
  epsilon: 0.005,
  delta: 0.1,
  seed: 1,
  normalized: true,
  weighted: true,
  length: 'inverse' as LengthTransform,
  workers: 1,
});

/**
 * Approximate betweenness of every person.
 *
 *   r     = ceil( (0.5 / eps'^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)) ),  eps' = eps (n-2)/n
 *   b~(v) = (interior hits of v over r sampled shortest paths) / r,  rescaled like exact betweenness
 *
 * Each sample draws an ordered pair s != t uniformly and one shortest s-t path uniformly among all
 * (balanced bidirectional BFS on hops, Dijkstra on lengths). VD is an upper bound on the vertex
 * diameter. With probability >= 1 - delta every normalised value is within eps of the exact one
 * (NetworkX normalisation; unnormalised values scale the bound by (n-1)(n-2), halved undirected).
 * Direction and weights are read as in {@link betweenness}. Isolates get 0; fewer than 3 people
 * give all zeros with no samples.
 *
 * Complexity: O(r m) worst case, usually far less (bidirectional search stops where the two
 * searches meet); O(n + m) to bound VD.
 * @returns scores aligned with `view.personIds`; diagnostics { method, epsilon, delta, samples,
 *   vertexDiameter, seed, weighted, search }. A Promise when `workers` > 1 or a `signal` is given.
 * @example
 * const b = betweennessApprox(project(graph), { epsilon: 0.005, seed: 7 }) as NodeScores;
 * b.top(100);
 */
export function betweennessApprox(view: OrgView, options: BetweennessApproxOptions = {}): NodeScores | Promise<NodeScores> {
  const o = { ...DEFAULT_BETWEENNESS_APPROX_OPTIONS, ...definedOnly(options) };
  if (!(o.epsilon > 0 && o.epsilon < 1)) throw new OrgraphError('E_BAD_OPTION', `epsilon must be in (0, 1), got ${o.epsilon}`, { field: 'epsilon' });
  if (!(o.delta > 0 && o.delta < 1)) throw new OrgraphError('E_BAD_OPTION', `delta must be in (0, 1), got ${o.delta}`, { field: 'delta' });
  if (o.samples !== undefined && !(Number.isInteger(o.samples) && o.samples >= 0)) {
    throw new OrgraphError('E_BAD_OPTION', `samples must be a whole number >= 0, got ${o.samples}`, { field: 'samples' });
  }
  if (!(Number.isFinite(o.workers) && o.workers >= 1)) throw new OrgraphError('E_BAD_OPTION', `workers must be a number >= 1, got ${o.workers}`, { field: 'workers' });
  checkSignal(o.signal, 'betweennessApprox');
  const n = view.csr.n;
  const input = pathInput(view, o.weighted, o.length);
  const vd = n < 3 ? 0 : vertexDiameterBound(input.pair, view.csr.directed);
  const samples = n < 3 ? 0 : (o.samples ?? riondatoSampleSize((o.epsilon * (n - 2)) / n, o.delta, vd));
  const seed = o.seed >>> 0;
  const spec = { kind: 'sample', seed, samples } as const;
  const finish = (hits: Float64Array) => {
    // hits / r estimates sum_{s != t} sigma_st(v)/sigma_st / (n (n-1)); exact raw sums are n (n-1) times that.
    const scale = samples > 0 ? ((n * (n - 1)) / samples) * betweennessScale(n, view.csr.directed, o.normalized) : 0;
    for (let v = 0; v < n; v++) hits[v] *= scale;
    return new NodeScores('betweennessApprox', view.personIds, hits, diagnostics(o, samples, vd, seed, input));
  };
  if (o.workers > 1 || o.signal) {
    return runPathTask(input.pair, spec, { workers: Math.floor(o.workers), signal: o.signal, onProgress: o.onProgress }).then(finish, (e: unknown) =>
      mapAbort(e, 'betweennessApprox'),
    );
  }
  return finish(runPathTaskSync(input.pair, spec, o.onProgress));
}

function diagnostics(o: { epsilon: number; delta: number; weighted: boolean; samples?: number }, samples: number, vd: number, seed: number, input: PathInput) {
  return {
    method: 'riondato-kornaropoulos',
    epsilon: o.samples === undefined ? o.epsilon : null,
    delta: o.samples === undefined ? o.delta : null,
    samples,
    vertexDiameter: vd,
    seed,
    weighted: o.weighted,
    search: input.search,
  };
}

/**
 * Betweenness centrality, approximate (Riondato–Kornaropoulos sampling; KADABRA adaptive top-k)
 * Estimates every person's betweenness from uniformly drawn shortest paths, with an additive error
 * bound that holds with a chosen probability; for orgs too large for the exact O(n m) computation.
 * Reference: Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness
 * centrality through sampling. Data Min. Knowl. Disc. 30(2), 438-475; Borassi, M. & Natale, E.
 * (2019). KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation. ACM JEA 24.
 */
import { riondatoSampleSize, vertexDiameterBound, type PathGraphPair } from '../../core/paths/approx-betweenness.js';
import type { LengthTransform } from '../../core/graph/csr.js';
import { allocateDeltas, topKStatus, type TopKStatus } from '../../core/paths/kadabra.js';
import { openPathSession, runPathTask, runPathTaskSync } from '../../core/parallel/pool.js';
import type { PathTaskSpec } from '../../core/parallel/tasks.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { betweennessScale, type BetweennessOptions } from './betweenness.js';
import { checkSignal, mapAbort, pathInput, resolveWorkers, type PathInput } from './path-common.js';
import type { SyncOptions } from './run-options.js';
import { definedOnly } from '../../core/util/options.js';

/**
 * Options of approximate betweenness: those of exact betweenness (normalisation, weights, length,
 * abort), plus the sampling guarantee. `workers` and `onProgress` read as below.
 */
export interface BetweennessApproxOptions extends Omit<BetweennessOptions, 'onProgress'> {
  /** Additive error bound on the normalised scale (NetworkX normalisation). @defaultValue 0.005 */
  readonly epsilon?: number;
  /** The bound fails with probability at most delta. @defaultValue 0.1 */
  readonly delta?: number;
  /** Seed of the sampler: same seed, same view, same result (whatever the worker count). @defaultValue 1 */
  readonly seed?: number;
  /** Draw exactly this many samples instead of the Riondato–Kornaropoulos number (no bound then). */
  readonly samples?: number;
  /**
   * Adaptive top-k mode (KADABRA): sample until the k highest are ranked (each separated from its
   * neighbours or known within +-epsilon) instead of a fixed count; see {@link betweennessApprox}.
   */
  readonly topK?: number;
  /** Called as samples are drawn: (samples done, samples in total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link BetweennessApproxOptions} (frozen). */
export const DEFAULT_BETWEENNESS_APPROX_OPTIONS = Object.freeze({
  epsilon: 0.005,
  delta: 0.1,
  seed: 1,
  normalized: true,
  weighted: true,
  length: 'inverse' as LengthTransform,
});

/**
 * Approximate betweenness of every person.
 *
 *   r     = ceil( (0.5 / eps'^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)) ),  eps' = eps (n-2)/n
 *   b~(v) = (interior hits of v over r sampled shortest paths) / r,  rescaled like exact betweenness
 *
 * Each sample draws an ordered pair s != t uniformly and one shortest s-t path uniformly among all
 * (balanced bidirectional BFS on hops, bidirectional Dijkstra on lengths, the path drawn by path
 * counts from both ends; see docs/metrics/paths.md). VD is an upper bound on the vertex
 * diameter. With probability >= 1 - delta every normalised value is within eps of the exact one
 * (NetworkX normalisation; unnormalised values scale the bound by (n-1)(n-2), halved undirected).
 * Direction and weights are read as in {@link betweenness}. Isolates get 0; fewer than 3 people
 * give all zeros with no samples.
 *
 * Top-k mode (`topK: k`, KADABRA, Borassi & Natale 2019): the same sampler, with an adaptive stop.
 * A calibration run of ceil(omega / 100) samples (at least 100) fixes per-person failure
 * probabilities delta_L(v), delta_U(v) (summing to delta/2; most of it on the ranks that decide the
 * top k); then samples are drawn in rounds (x1.2) until every one of the top k is separated from its
 * neighbours in the ranking or known within +-eps, and everyone below is under the k-th's lower
 * bound or known within +-eps; or at most omega = RK count for (eps, delta/2) samples. Bounds per
 * person: b~ - f <= b <= b~ + g with KADABRA's f, g (valid at a data-dependent stop). Guarantee:
 * with probability >= 1 - delta all intervals hold, so anyone left out of the top k has betweenness
 * at most 2 eps above anyone in it (and at the omega cap every estimate is within eps).
 *
 * Complexity: O(r m) worst case, usually far less (bidirectional search stops where the two
 * searches meet); O(n + m) to bound VD (O(m log n) with lengths); top-k mode adds
 * O(n log(k + sqrt m)) per round. Edge case: r does not shrink with n, so on small views with
 * lengths exact {@link betweenness} can be the faster call (10k people, eps 0.005: about 206,000
 * samples, 45.8 s on 2 threads, against 6.7 s exact; docs/benchmarks.md).
 * @returns scores aligned with `view.personIds`; diagnostics { method, epsilon, delta, samples,
 *   vertexDiameter, seed, weighted, search }; in top-k mode also { topK, calibrationSamples,
 *   maxSamples, rounds, stop: 'ranked' | 'max-samples', guarantee, bounds } where bounds is the JSON
 *   text of { ids, lower, upper } for the top k, on the scale of the values.
 * Async contract (see `RunOptions`): `workers` (default all cores; small views run in this
 * thread), `signal`, `onProgress`; the result does not depend on the worker count.
 * {@link betweennessApproxSync} is the same computation in the calling thread.
 * @example
 * const b = await betweennessApprox(project(graph), { epsilon: 0.005, seed: 7 });
 * b.top(100);
 * const top = await betweennessApprox(project(graph), { topK: 100, workers: 2 });
 * JSON.parse(String(top.diagnostics.bounds)); // { ids, lower, upper } of the 100 brokers
 */
export async function betweennessApprox(view: OrgView, options: BetweennessApproxOptions = {}): Promise<NodeScores> {
  const workers = resolveWorkers(options.workers, view);
  return approx(view, { ...options, workers }, false);
}

/**
 * {@link betweennessApprox} in the calling thread, synchronously (never starts threads). Same
 * definition and options, minus `workers` and `signal`.
 * @example
 * betweennessApproxSync(project(graph), { epsilon: 0.01 }).top(10);
 */
export function betweennessApproxSync(view: OrgView, options: SyncOptions<BetweennessApproxOptions> = {}): NodeScores {
  return approx(view, { ...options, workers: 1 }, true) as NodeScores;
}

/** Both drivers: `sync` runs in the calling thread and returns the scores directly. */
function approx(view: OrgView, options: BetweennessApproxOptions & { workers: number }, sync: boolean): NodeScores | Promise<NodeScores> {
  const o = { ...DEFAULT_BETWEENNESS_APPROX_OPTIONS, ...definedOnly(options), workers: options.workers };
  if (!(o.epsilon > 0 && o.epsilon < 1))
    throw new OrgraphError('E_BAD_OPTION', `epsilon must be in (0, 1), got ${o.epsilon}`, { field: 'epsilon' });
  if (!(o.delta > 0 && o.delta < 1)) throw new OrgraphError('E_BAD_OPTION', `delta must be in (0, 1), got ${o.delta}`, { field: 'delta' });
  if (o.samples !== undefined && !(Number.isInteger(o.samples) && o.samples >= 0)) {
    throw new OrgraphError('E_BAD_OPTION', `samples must be a whole number >= 0, got ${o.samples}`, { field: 'samples' });
  }
  if (o.topK !== undefined && !(Number.isInteger(o.topK) && o.topK >= 1)) {
    throw new OrgraphError('E_BAD_OPTION', `topK must be a whole number >= 1, got ${o.topK}`, { field: 'topK' });
  }
  if (o.topK !== undefined && o.samples !== undefined) {
    throw new OrgraphError('E_BAD_OPTION', 'topK and samples cannot be combined: top-k mode picks its own sample count', { field: 'topK' });
  }
  checkSignal(o.signal, 'betweennessApprox');
  const n = view.csr.n;
  const input = pathInput(view, o.weighted, o.length);
  if (o.topK !== undefined && n >= 3) return topKApprox(view, input, { ...o, topK: o.topK }, sync);
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
  if (!sync) {
    return runPathTask(input.pair, spec, { workers: Math.floor(o.workers), signal: o.signal, onProgress: o.onProgress }).then(
      finish,
      (e: unknown) => mapAbort(e, 'betweennessApprox'),
    );
  }
  return finish(runPathTaskSync(input.pair, spec, o.onProgress));
}

function diagnostics(
  o: { epsilon: number; delta: number; weighted: boolean; samples?: number },
  samples: number,
  vd: number,
  seed: number,
  input: PathInput,
) {
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

type TopKOptions = {
  epsilon: number;
  delta: number;
  seed: number;
  normalized: boolean;
  weighted: boolean;
  workers: number;
  topK: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
};

/** Growth of the sample count between two checks of the stopping rule. */
const ROUND_GROWTH = 1.2;

/**
 * The KADABRA top-k run as a sequence of sample rounds: yields the task of each round, receives its
 * hit counts, returns the final counts with the run's record. Shared by the sync and async drivers.
 */
function* topKRounds(g: PathGraphPair, n: number, directed: boolean, o: TopKOptions) {
  const k = Math.min(o.topK, n);
  const eps = (o.epsilon * (n - 2)) / n;
  const vd = vertexDiameterBound(g, directed);
  const omega = riondatoSampleSize(eps, o.delta / 2, vd);
  const tau0 = Math.min(omega, Math.max(100, Math.ceil(omega / 100)));
  const tracked = Math.min(n, Math.max(2 * k + 20, Math.ceil(2 * Math.sqrt(g.forward.targets.length))));
  const seed = o.seed >>> 0;
  // Calibration on its own sample stream.
  const calibration: Float64Array = yield {
    kind: 'sample',
    seed: (seed ^ 0x5bd1e995) >>> 0,
    samples: tau0,
    first: 0,
  } satisfies PathTaskSpec;
  const deltas = allocateDeltas(calibration, tau0, k, tracked, eps, o.delta);
  const hits = new Float64Array(n);
  let tau = 0;
  let next = tau0;
  let rounds = 0;
  let status: TopKStatus;
  for (;;) {
    const part: Float64Array = yield { kind: 'sample', seed, samples: next - tau, first: tau } satisfies PathTaskSpec;
    for (let v = 0; v < n; v++) hits[v] += part[v];
    tau = next;
    rounds++;
    status = topKStatus(hits, tau, omega, k, tracked, eps, deltas);
    o.onProgress?.(tau, omega);
    if (status.finished || tau >= omega) break;
    next = Math.min(omega, Math.ceil(tau * ROUND_GROWTH));
  }
  return { hits, tau, k, omega, tau0, vd, rounds, status, seed };
}

type TopKRun = ReturnType<typeof topKRounds> extends Generator<unknown, infer R, unknown> ? R : never;

function topKApprox(view: OrgView, input: PathInput, o: TopKOptions, sync: boolean): NodeScores | Promise<NodeScores> {
  const n = view.csr.n;
  const session = openPathSession(input.pair, { workers: o.workers > 1 ? Math.floor(o.workers) : 1, signal: o.signal });
  const rounds = topKRounds(session.graph, n, view.csr.directed, o);
  const finish = (run: TopKRun) => {
    session.close();
    const scale = ((n * (n - 1)) / run.tau) * betweennessScale(n, view.csr.directed, o.normalized);
    const values = session.restore(run.hits);
    for (let v = 0; v < n; v++) values[v] *= scale;
    // Bounds of the top k, in the caller's labels and the values' scale.
    const lowerAt = new Float64Array(n).fill(NaN);
    const upperAt = new Float64Array(n).fill(NaN);
    const rankAt = new Float64Array(n).fill(NaN);
    const toValue = scale * run.tau; // sample-scale bound -> value scale
    for (let i = 0; i < run.k; i++) {
      const v = run.status.top[i];
      lowerAt[v] = Math.max(0, run.status.lower[i]) * toValue;
      upperAt[v] = run.status.upper[i] * toValue;
      rankAt[v] = i;
    }
    const lower = session.restore(lowerAt);
    const upper = session.restore(upperAt);
    const rank = session.restore(rankAt);
    const ids: string[] = new Array<string>(run.k);
    const lo: number[] = new Array<number>(run.k);
    const hi: number[] = new Array<number>(run.k);
    for (let v = 0; v < n; v++) {
      const r = rank[v];
      if (Number.isNaN(r)) continue;
      ids[r] = view.personIds[v];
      lo[r] = lower[v];
      hi[r] = upper[v];
    }
    return new NodeScores('betweennessApprox', view.personIds, values, {
      method: 'kadabra-top-k',
      epsilon: o.epsilon,
      delta: o.delta,
      samples: run.tau,
      calibrationSamples: run.tau0,
      maxSamples: run.omega,
      rounds: run.rounds,
      stop: run.status.finished ? 'ranked' : 'max-samples',
      guarantee: run.status.finished
        ? `with probability >= ${1 - o.delta}: every bound holds; anyone outside the top ${run.k} is at most ${2 * o.epsilon} above anyone in it`
        : `with probability >= ${1 - o.delta}: every value within ${o.epsilon} of the exact one`,
      topK: run.k,
      bounds: JSON.stringify({ ids, lower: lo, upper: hi }),
      vertexDiameter: run.vd,
      seed: run.seed,
      weighted: o.weighted,
      search: input.search,
    });
  };
  if (sync) {
    try {
      let step = rounds.next();
      while (!step.done) step = rounds.next(session.runSync(step.value));
      return finish(step.value);
    } finally {
      session.close();
    }
  }
  return (async () => {
    try {
      let step = rounds.next();
      while (!step.done) step = rounds.next(await session.run(step.value));
      return finish(step.value);
    } catch (e) {
      session.close();
      return mapAbort(e, 'betweennessApprox');
    }
  })();
}

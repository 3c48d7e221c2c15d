/**
 * KADABRA adaptive stopping for the top-k of betweenness
 * Confidence intervals on sampled betweenness that stay valid at a data-dependent stopping time,
 * per-node failure probabilities allocated from a calibration sample, and the top-k stopping rule.
 * Reference: Borassi, M. & Natale, E. (2019). KADABRA is an ADaptive Algorithm for Betweenness via
 * Random Approximation. ACM J. Exp. Algorithmics 24, 1.2 (Theorem 7, Section 5 "top-k").
 */
import { float64Arrays } from '../util/typed-arrays.js';

/**
 * Half-width below the estimate: with probability >= 1 - deltaL, b >= b~ - f, where b~ is the share
 * of tau samples through the node and omega the largest number of samples the run may take:
 *
 *   f = (ln(1/deltaL) / tau) (-(omega/tau - 1/3) + sqrt((omega/tau - 1/3)^2 + 2 b~ omega / ln(1/deltaL))),  at most b~
 */
export function lowerError(b: number, tau: number, omega: number, deltaL: number): number {
  if (tau <= 0) return b;
  const log = Math.log(1 / deltaL);
  const t = omega / tau - 1 / 3;
  const e = (log / tau) * (-t + Math.sqrt(t * t + (2 * b * omega) / log));
  return Math.min(e, b);
}

/**
 * Half-width above the estimate: with probability >= 1 - deltaU, b <= b~ + g:
 *
 *   g = (ln(1/deltaU) / tau) ((omega/tau + 1/3) + sqrt((omega/tau + 1/3)^2 + 2 b~ omega / ln(1/deltaU))),  at most 1 - b~
 */
export function upperError(b: number, tau: number, omega: number, deltaU: number): number {
  if (tau <= 0) return 1 - b;
  const log = Math.log(1 / deltaU);
  const t = omega / tau + 1 / 3;
  const e = (log / tau) * (t + Math.sqrt(t * t + (2 * b * omega) / log));
  return Math.min(e, 1 - b);
}

/**
 * The `size` nodes with the most hits, most first (ties by lower index).
 * Complexity: O(n log size).
 */
export function topByHits(hits: Float64Array, size: number): Int32Array {
  const n = hits.length;
  const k = Math.min(size, n);
  // Min-heap of the best k so far: worst (fewest hits, then highest index) at the root.
  const heap = new Int32Array(k);
  let len = 0;
  const worse = (a: number, b: number) => hits[a] < hits[b] || (hits[a] === hits[b] && a > b);
  for (let v = 0; v < n; v++) {
    if (len < k) {
      let i = len++;
      heap[i] = v;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        const t = heap[i];
        heap[i] = heap[p];
        heap[p] = t;
        i = p;
      }
    } else if (k > 0 && worse(heap[0], v)) {
      heap[0] = v;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= len) break;
        const r = l + 1;
        const c = r < len && worse(heap[r], heap[l]) ? r : l;
        if (!worse(heap[c], heap[i])) break;
        const t = heap[i];
        heap[i] = heap[c];
        heap[c] = t;
        i = c;
      }
    }
  }
  const out = Array.from(heap.subarray(0, len));
  out.sort((a, b) => hits[b] - hits[a] || a - b);
  return Int32Array.from(out);
}

/** Failure probabilities for the lower and upper bound of every node, fixed before the main run. */
export interface KadabraDeltas {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Smallest entries of `lower` / `upper` (they bound every node outside the tracked ranks). */
  readonly minLower: number;
  readonly minUpper: number;
}

/** Share of delta/2 spread evenly over all nodes, whatever the calibration says (KADABRA's balancing). */
const BALANCING = 0.001;

/**
 * Allocate failure probabilities (summing to at most delta/2 over both bounds of all nodes) from a
 * calibration sample of `tau0` samples with hit counts `hits`: each node gets
 * exp(-c err^2 / b0) + delta * BALANCING / (4n), where err is the half-width it needs (half the gap
 * to its neighbours in the ranking for the top k, the gap to the k-th for the next ones, at least
 * epsilon) and c is the smallest constant meeting the budget (bisection). Nodes ranked below
 * `tracked` share the values of the last tracked one. Any allocation fixed before the main samples
 * keeps the guarantee; this one spends the budget where the ranking is decided.
 * Complexity: O(n log tracked).
 */
export function allocateDeltas(
  hits: Float64Array,
  tau0: number,
  k: number,
  tracked: number,
  epsilon: number,
  delta: number,
): KadabraDeltas {
  const n = hits.length;
  const top = topByHits(hits, tracked);
  const u = top.length;
  const floor = 1 / Math.max(1, tau0);
  const b = new Float64Array(u);
  for (let i = 0; i < u; i++) b[i] = Math.max(hits[top[i]] / Math.max(1, tau0), floor);
  const errL = new Float64Array(u);
  const errU = new Float64Array(u);
  const far = 10; // a bound that is never needed: its share of delta vanishes
  for (let i = 0; i < u; i++) {
    if (i < k) {
      errL[i] = i === 0 ? far : Math.max(epsilon, (b[i - 1] - b[i]) / 2);
      errU[i] = i + 1 < u ? Math.max(epsilon, (b[i] - b[i + 1]) / 2) : epsilon;
    } else {
      errL[i] = far;
      errU[i] = Math.max(epsilon, b[k - 1] + (k < u ? (b[k - 1] - b[k]) / 2 : 0) - b[i]);
    }
  }
  // Near-ties will not be separated: plan for +-epsilon there.
  const close = 2.5 * epsilon;
  for (let i = 0; i + 1 < Math.min(k, u); i++) {
    if (b[i] - b[i + 1] < close) errL[i] = errU[i] = errL[i + 1] = errU[i + 1] = epsilon;
  }
  for (let i = k + 1; i < u; i++) {
    if (b[k] - b[i] < close) errL[k] = errU[k] = errL[i] = errU[i] = epsilon;
  }
  const rest = n - u;
  const last = u - 1;
  const budget = (delta / 2) * (1 - BALANCING);
  const total = (c: number) => {
    let sum = 0;
    for (let i = 0; i < u; i++) sum += Math.exp((-c * errL[i] * errL[i]) / b[i]) + Math.exp((-c * errU[i] * errU[i]) / b[i]);
    if (last >= 0) sum += rest * (Math.exp((-c * errL[last] * errL[last]) / b[last]) + Math.exp((-c * errU[last] * errU[last]) / b[last]));
    return sum;
  };
  let lo = 0;
  let hi = (1 / (epsilon * epsilon)) * Math.log((4 * n) / delta);
  while (total(hi) > budget) hi *= 2;
  for (let it = 0; it < 100 && hi - lo > 1e-9 * hi; it++) {
    const mid = (lo + hi) / 2;
    if (total(mid) > budget) lo = mid;
    else hi = mid;
  }
  const even = (delta * BALANCING) / (4 * n);
  const restL = last >= 0 ? Math.exp((-hi * errL[last] * errL[last]) / b[last]) + even : even;
  const restU = last >= 0 ? Math.exp((-hi * errU[last] * errU[last]) / b[last]) + even : even;
  const lower = new Float64Array(n).fill(restL);
  const upper = new Float64Array(n).fill(restU);
  let minLower = restL;
  let minUpper = restU;
  for (let i = 0; i < u; i++) {
    const v = top[i];
    lower[v] = Math.exp((-hi * errL[i] * errL[i]) / b[i]) + even;
    upper[v] = Math.exp((-hi * errU[i] * errU[i]) / b[i]) + even;
    if (lower[v] < minLower) minLower = lower[v];
    if (upper[v] < minUpper) minUpper = upper[v];
  }
  return { lower, upper, minLower, minUpper };
}

/** Where a top-k run stands after `tau` samples. */
export interface TopKStatus {
  /** True when every tracked rank is settled (see {@link topKStatus}). */
  readonly finished: boolean;
  /** The tracked nodes, most hits first; the first k are the answer. */
  readonly top: Int32Array;
  /** Lower and upper confidence bounds (sample scale) of the tracked nodes, aligned with `top`. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Upper bound on the betweenness of every node ranked below the tracked ones. */
  readonly restUpper: number;
}

/**
 * The top-k stopping rule on the sample scale (b~ = hits / tau): rank the nodes, give each of the
 * `tracked` best the interval [b~ - f, b~ + g] with its own failure probabilities, and bound every
 * node further down by the last tracked one with the smallest probabilities (f and g grow with b~
 * and shrink with delta). Finished when
 * - each of the first k is separated from its neighbours in the ranking (lower bound above the
 *   next one's upper bound, and the previous one's lower bound above its upper bound) or known
 *   within +-epsilon on both sides;
 * - each tracked node after the k-th, and the rest, is below the k-th's lower bound or known within
 *   +-epsilon.
 * Complexity: O(n log tracked).
 */
export function topKStatus(
  hits: Float64Array,
  tau: number,
  omega: number,
  k: number,
  tracked: number,
  epsilon: number,
  deltas: KadabraDeltas,
): TopKStatus {
  const top = topByHits(hits, tracked);
  const u = top.length;
  const [lower, upper, errL, errU, b] = float64Arrays(u, 5);
  for (let i = 0; i < u; i++) {
    const v = top[i];
    b[i] = hits[v] / tau;
    errL[i] = lowerError(b[i], tau, omega, deltas.lower[v]);
    errU[i] = upperError(b[i], tau, omega, deltas.upper[v]);
    lower[i] = b[i] - errL[i];
    upper[i] = b[i] + errU[i];
  }
  const bLast = u > 0 ? b[u - 1] : 0;
  const restErrU = upperError(bLast, tau, omega, deltas.minUpper);
  const restErrL = lowerError(bLast, tau, omega, deltas.minLower);
  const restUpper = bLast + restErrU;
  const kk = Math.min(k, u);
  const tight = (i: number) => errL[i] < epsilon && errU[i] < epsilon;
  let finished = true;
  for (let i = 0; i < kk && finished; i++) {
    const nextUpper = i + 1 < u ? upper[i + 1] : restUpper;
    const separated = (i === 0 || lower[i - 1] > upper[i]) && lower[i] > nextUpper;
    if (!(separated || tight(i))) finished = false;
  }
  const kthLower = kk > 0 ? lower[kk - 1] : Infinity;
  for (let i = kk; i < u && finished; i++) {
    if (!(kthLower > upper[i] || tight(i))) finished = false;
  }
  if (finished && u < hits.length && !(kthLower > restUpper || (restErrL < epsilon && restErrU < epsilon))) finished = false;
  return { finished, top, lower, upper, restUpper };
}

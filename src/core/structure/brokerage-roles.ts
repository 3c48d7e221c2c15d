/**
 * Gould-Fernandez brokerage kernel: counts of the five brokerage roles over open two-paths, and
 * their expected values and variances when ties are drawn independently with the observed density.
 * Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
 * brokerage in transaction networks. Sociological Methodology 19, 89-126.
 */
import type { Csr } from '../graph/csr.js';

/** Role order used by every array here: coordinator, itinerant, representative, gatekeeper, liaison, total. */
export const BROKERAGE_ROLE_COUNT = 6;

/**
 * Role counts for every broker, role-major: `counts[r * n + j]` for role r in
 * (0 coordinator, 1 itinerant, 2 representative, 3 gatekeeper, 4 liaison, 5 total).
 *
 * For each arc path i -> j -> k with i != k and no arc i -> k, broker j scores:
 *   coordinator     g(i) = g(j) = g(k)
 *   itinerant       g(i) = g(k) != g(j)
 *   representative  g(i) = g(j) != g(k)
 *   gatekeeper      g(i) != g(j) = g(k)
 *   liaison         g(i), g(j), g(k) all different
 * Arc values are ignored (presence only). An undirected CSR stores each tie as two arcs, so each
 * open triad counts twice, once per direction. Complexity: O(m + sum_j indeg(j) outdeg(j)).
 *
 * @param groups group code per node (any integers; equal codes = same group)
 * @example
 * const counts = brokerageRolesKernel(csr, Int32Array.from([0, 1, 0]));
 */
export function brokerageRolesKernel(g: Csr, groups: Int32Array): Float64Array {
  const n = g.n;
  const { offsets, targets } = g;
  const counts = new Float64Array(BROKERAGE_ROLE_COUNT * n);
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    // NOTE: mark[k] === i iff k = i or i -> k exists: such k close no open two-path from i.
    mark[i] = i;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) mark[targets[p]] = i;
    const gi = groups[i];
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = targets[p];
      const gj = groups[j];
      for (let r = offsets[j]; r < offsets[j + 1]; r++) {
        const k = targets[r];
        if (mark[k] === i) continue;
        const gk = groups[k];
        let role: number;
        if (gi === gj) role = gj === gk ? 0 : 2;
        else if (gj === gk) role = 3;
        else role = gi === gk ? 1 : 4;
        counts[role * n + j]++;
      }
    }
  }
  for (let j = 0; j < n; j++) {
    counts[5 * n + j] = counts[j] + counts[n + j] + counts[2 * n + j] + counts[3 * n + j] + counts[4 * n + j];
  }
  return counts;
}

/** Expected counts and variances under a Bernoulli graph of density d. */
export interface BrokerageExpectation {
  /** Per group, role-major: `expected[r * groupCount + s]` for a broker in group s. */
  readonly expected: Float64Array;
  readonly variance: Float64Array;
  /** Whole network, one per role (6). */
  readonly networkExpected: Float64Array;
  readonly networkVariance: Float64Array;
}

/**
 * Expected role counts and variances for a broker in each group, and for the whole network, when
 * every ordered pair is tied independently with probability d (Gould & Fernandez 1989, with the
 * formulas as R sna::brokerage 2.7 evaluates them). With n_s the size of group s, N = sum n_s,
 * a = d^2 (1 - d), A = d^3 (1-d)^3, B = d^4 (1-d)^2, C = d^5 (1-d), per broker in group s:
 *
 *   E coordinator    = a (n_s-1)(n_s-2)
 *   E itinerant      = a sum_{t != s} n_t (n_t-1)
 *   E representative = E gatekeeper = a (N-n_s)(n_s-1)
 *   E liaison        = a [ (sum_{t != s} n_t)^2 - sum_{t != s} n_t^2 ]
 *   E total          = a (N-1)(N-2)
 *   Var = E (1 - a) + 2 A * pairs-of-paths term (see the code)
 *
 * The network variance of the liaison role, a triple sum over groups in sna, is evaluated in
 * O(groups) with power sums. Complexity: O(groups).
 *
 * @param sizes group sizes n_s
 * @param density d = arcs / (N (N - 1))
 * @example
 * const { expected, variance } = brokerageExpectation([2, 1], 1 / 3);
 */
export function brokerageExpectation(sizes: ArrayLike<number>, density: number): BrokerageExpectation {
  const G = sizes.length;
  const d = density;
  const a = d * d * (1 - d);
  const A = d ** 3 * (1 - d) ** 3;
  const B = d ** 4 * (1 - d) ** 2;
  const C = d ** 5 * (1 - d);
  let N = 0;
  let S2 = 0; // sum n^2
  let S3 = 0; // sum n^3
  let S4 = 0; // sum n^4
  let pairs = 0; // sum n(n-1)
  let triples = 0; // sum n(n-1)(n-2)
  for (let s = 0; s < G; s++) {
    const x = sizes[s];
    N += x;
    S2 += x * x;
    S3 += x * x * x;
    S4 += x * x * x * x;
    pairs += x * (x - 1);
    triples += x * (x - 1) * (x - 2);
  }
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const expected = new Float64Array(6 * G);
  const variance = new Float64Array(6 * G);
  // Step 1: per group of the broker.
  for (let s = 0; s < G; s++) {
    const x = sizes[s];
    const set = (r: number, e: number, v: number) => {
      expected[r * G + s] = e;
      variance[r * G + s] = v;
    };
    const e0 = a * (x - 1) * (x - 2) + 0; // NOTE: + 0 turns the -0 of a group of one into 0
    set(0, e0, e0 * (1 - a) + 2 * (x - 1) * (x - 2) * (x - 3) * A);
    const otherPairs = pairs - x * (x - 1);
    const otherTriples = triples - x * (x - 1) * (x - 2);
    const e1 = a * otherPairs;
    set(1, e1, e1 * (1 - a) + 2 * otherTriples * A);
    const e2 = a * (N - x) * (x - 1);
    const v2 = e2 * (1 - a) + 2 * ((x - 1) * choose2(N - x) + (N - x) * choose2(x - 1)) * A;
    set(2, e2, v2);
    set(3, e2, v2);
    const rest = N - x;
    const e4 = a * (rest * rest - (S2 - x * x));
    // sum_{t != s} n_t C(y - n_t, 2) with y = N - n_s, by power sums over the other groups.
    const y = rest;
    const liaisonTerm = ((y * y - y) * rest + (1 - 2 * y) * (S2 - x * x) + (S3 - x * x * x)) / 2;
    set(4, e4, e4 * (1 - a) + 4 * liaisonTerm * A);
    const e5 = a * (N - 1) * (N - 2);
    set(5, e5, e5 * (1 - a) + 2 * (N - 1) * (N - 2) * (N - 3) * A);
  }
  // Step 2: whole network.
  const networkExpected = new Float64Array(6);
  const networkVariance = new Float64Array(6);
  let v0 = 0;
  let sumIO = 0; // sum n (N-n)(n-1)
  let v2extra = 0;
  let v1self = 0;
  let v1outerX = 0; // sum_x x(x-1)((2x-6)A + (N-x-1)C)
  for (let s = 0; s < G; s++) {
    const x = sizes[s];
    const t3 = x * (x - 1) * (x - 2);
    v0 += t3 * ((4 * x - 10) * A - 4 * (x - 3) * B + (x - 3) * C);
    sumIO += x * (N - x) * (x - 1);
    v2extra += x * (N - x) * (x - 1) * ((N - 3) * A + (x - 2) * C);
    v1self += x * x * (x - 1) * ((4 * x - 6) * A + (N - x - 1) * C);
    v1outerX += x * (x - 1) * ((2 * x - 6) * A + (N - x - 1) * C);
  }
  networkExpected[0] = a * triples;
  networkVariance[0] = networkExpected[0] * (1 - a) + v0;
  networkExpected[1] = a * sumIO;
  // sum_{x,y} x y (x-1) ((2x + 2y - 6) A + (N-x-1) C) = S1 * v1outerX + 2A * S2 * pairs
  const v1outer = N * v1outerX + 2 * A * S2 * pairs;
  networkVariance[1] = networkExpected[1] * (1 - a) + (v1outer - v1self);
  networkExpected[2] = a * sumIO;
  networkVariance[2] = networkExpected[2] * (1 - a) + v2extra;
  networkExpected[3] = networkExpected[2];
  networkVariance[3] = networkVariance[2];
  // sum_{x,y} x y (N - x - y) - sum x^2 (N - 2x) = N S1^2 - 2 S1 S2 - N S2 + 2 S3
  networkExpected[4] = a * (N * N * N - 2 * N * S2 - N * S2 + 2 * S3);
  // Triple sum over distinct ordered groups (i, j, k) of n_i n_j n_k times a linear form, by power
  // sums: T0 = sum n_i n_j n_k, T1 = sum n_i^2 n_j n_k (distinct i, j, k).
  const T0 = N * N * N - 3 * N * S2 + 2 * S3;
  const T1 = S2 * N * N - 2 * S3 * N - S2 * S2 + 2 * S4;
  const triple = T0 * ((4 * N - 2) * (A - B) + (N - 1) * C) + T1 * (-8 * A + 8 * B - 2 * C);
  networkVariance[4] = networkExpected[4] * (1 - a) + triple;
  networkExpected[5] = a * N * (N - 1) * (N - 2);
  networkVariance[5] = networkExpected[5] * (1 - a) + N * (N - 1) * (N - 2) * ((4 * N - 10) * A - 4 * (N - 3) * B + (N - 3) * C);
  return { expected, variance, networkExpected, networkVariance };
}

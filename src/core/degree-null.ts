/**
 * Degree-preserving null model for group pairs
 * How many edges the configuration model (random stub matching with every node's degree kept) expects
 * between two groups, with the exact mean and variance, and a Maslov-Sneppen double-edge-swap
 * rewiring that keeps degrees and simplicity, to check the analytic values by simulation.
 * Reference: Molloy, M. & Reed, B. (1995). A critical point for random graphs with a given degree
 * sequence. Random Struct. Algorithms 6; Maslov, S. & Sneppen, K. (2002). Specificity and stability
 * in topology of protein networks. Science 296(5569).
 */

/** Observed edges and stub (degree) totals per group, from an edge list. */
export interface GroupEdgeCounts {
  /** Number of groups. */
  readonly k: number;
  /** Edges counted (both ends labelled). */
  readonly m: number;
  /** Sum of edge values counted. */
  readonly w: number;
  /** Row-major k x k, symmetric: edges between g and h; the diagonal holds edges inside g. */
  readonly edges: Float64Array;
  /** Same layout: summed edge values. */
  readonly weight: Float64Array;
  /** D_g: stubs (degree sum) of group g over the counted edges. */
  readonly stubs: Float64Array;
  /** S_g: strength sum of group g over the counted edges. */
  readonly strength: Float64Array;
  /** Q_g: sum of squared degrees of group g's nodes over the counted edges. */
  readonly squares: Float64Array;
  /** Q: sum of squared degrees of every labelled node. */
  readonly squareTotal: number;
}

/**
 * Count edges per pair of groups from an edge list (u[e], v[e], value[e]).
 * Edges with an end labelled -1 are skipped.
 *
 * Complexity: O(m + k^2).
 * @example
 * groupEdgeCounts([0], [1], [2], Int32Array.of(0, 1), 2).edges; // [0, 1, 1, 0]
 */
export function groupEdgeCounts(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  value: ArrayLike<number>,
  labels: Int32Array,
  k: number,
): GroupEdgeCounts {
  const degree = new Float64Array(labels.length);
  const edges = new Float64Array(k * k);
  const weight = new Float64Array(k * k);
  const stubs = new Float64Array(k);
  const strength = new Float64Array(k);
  let m = 0;
  let w = 0;
  for (let e = 0; e < u.length; e++) {
    const g = labels[u[e]];
    const h = labels[v[e]];
    if (g < 0 || h < 0) continue;
    const x = value[e];
    m++;
    w += x;
    degree[u[e]]++;
    degree[v[e]]++;
    stubs[g]++;
    stubs[h]++;
    strength[g] += x;
    strength[h] += x;
    edges[g * k + h]++;
    weight[g * k + h] += x;
    if (g !== h) {
      edges[h * k + g]++;
      weight[h * k + g] += x;
    }
  }
  const squares = new Float64Array(k);
  let squareTotal = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || degree[i] === 0) continue;
    squares[labels[i]] += degree[i] * degree[i];
    squareTotal += degree[i] * degree[i];
  }
  return { k, m, w, edges, weight, stubs, strength, squares, squareTotal };
}

/**
 * Expected edges between two groups in a simple graph with the observed degrees: each pair of
 * distinct nodes i, j is tied with probability c k_i k_j / (2m), the configuration model without
 * its self-loops, and c rescales so the expectations add up to m (a simple graph has no loops):
 *
 *   c = m / (m - Q / (4m)),   Q = sum_i k_i^2
 *   g != h:  E = c D_g D_h / (2m)
 *   g == h:  E = c (D_g^2 - Q_g) / (4m),   Q_g = sum_{i in g} k_i^2
 *
 * On small sparse graphs this agrees with the mean over degree-preserving double-edge-swap
 * rewirings to about 1% (test/recommend/group-gaps.test.ts), where the plain stub-matching mean
 * ({@link configurationMoments}) is off by up to 7% inside groups. m = 0 gives 0.
 *
 * Complexity: O(1).
 * @example
 * // triangle-free path a-b-c (k = 1, 2, 1), groups {a} and {b, c}: Q = 6, c = 2 / (2 - 6/8) = 1.6
 * simpleGraphMean(1, 3, 5, 2, 6, false); // 1.6 * 1 * 3 / 4 = 1.2
 */
export function simpleGraphMean(dg: number, dh: number, qg: number, m: number, q: number, same: boolean): number {
  if (m <= 0) return 0;
  const denominator = m - q / (4 * m);
  const c = denominator > 0 ? m / denominator : 1;
  return same ? (c * (dg * dg - qg)) / (4 * m) : (c * dg * dh) / (2 * m);
}

/** Mean and variance of an edge count under the null model. */
export interface NullMoments {
  readonly mean: number;
  readonly variance: number;
}

/**
 * Exact moments of the number of edges between two groups in the configuration model: the 2m stubs
 * are matched uniformly at random (Molloy-Reed), so every node keeps its degree.
 *
 *   g != h:  E[X] = D_g D_h / (2m - 1)
 *            E[X(X-1)] = D_g (D_g - 1) D_h (D_h - 1) / ((2m - 1)(2m - 3))
 *   g == h:  E[Y] = D_g (D_g - 1) / (2 (2m - 1))
 *            E[Y(Y-1)] = D_g (D_g - 1)(D_g - 2)(D_g - 3) / (4 (2m - 1)(2m - 3))
 *   Var = E[X(X-1)] + E[X] - E[X]^2
 *
 * (One stub of g meets one of h with probability D_h / (2m - 1); two given stubs of g both meet h
 * with probability D_h (D_h - 1) / ((2m - 1)(2m - 3)).) The matching may create self-loops and
 * multi-edges; on sparse graphs it agrees with simple-graph rewiring (see
 * {@link rewireDegreePreserving}). m < 2 gives variance 0.
 *
 * Complexity: O(1).
 * @param dg D_g, stubs of the first group
 * @param dh D_h, stubs of the second group (ignored when `same`)
 * @param m number of edges
 * @param same whether the two groups are one (edges inside the group)
 * @example
 * configurationMoments(3, 3, 3, false).mean; // 9 / 5
 */
export function configurationMoments(dg: number, dh: number, m: number, same: boolean): NullMoments {
  if (m <= 0) return { mean: 0, variance: 0 };
  const a = 2 * m - 1;
  const b = 2 * m - 3;
  let mean: number;
  let factorial2: number;
  if (same) {
    mean = (dg * (dg - 1)) / (2 * a);
    factorial2 = b > 0 ? (dg * (dg - 1) * (dg - 2) * (dg - 3)) / (4 * a * b) : 0;
  } else {
    mean = (dg * dh) / a;
    factorial2 = b > 0 ? (dg * (dg - 1) * dh * (dh - 1)) / (a * b) : 0;
  }
  const variance = Math.max(0, factorial2 + mean - mean * mean);
  return { mean, variance };
}

/**
 * Exact moments of the number of edges between a group g on one side of a two-sided edge set (for
 * example staff -> outside stakeholders) and a group x on the other side, when the M edges are
 * rewired keeping every node's degree: D_g stubs drawn without replacement from the M stubs of the
 * other side, D_x of which belong to x (hypergeometric).
 *
 *   E = D_g D_x / M,   Var = D_g (D_x / M)(1 - D_x / M)(M - D_g) / (M - 1)
 *
 * Complexity: O(1).
 * @example
 * bipartiteMoments(2, 2, 4).mean; // 1
 */
export function bipartiteMoments(dg: number, dx: number, m: number): NullMoments {
  if (m <= 0) return { mean: 0, variance: 0 };
  const p = dx / m;
  const mean = dg * p;
  const variance = m > 1 ? Math.max(0, (dg * p * (1 - p) * (m - dg)) / (m - 1)) : 0;
  return { mean, variance };
}

/**
 * Rewire an undirected simple edge list in place by double edge swaps (Maslov-Sneppen): pick two
 * edges {a, b} and {c, d}, replace them by {a, d} and {c, b} (or {a, c} and {b, d}) unless that
 * makes a self-loop or an edge that already exists. Every node keeps its degree and the graph stays
 * simple. Edge values travel with their edge slot.
 *
 * Complexity: O(swaps) expected, with a hash set of the m edges.
 * @param n number of nodes
 * @param u first endpoints (modified)
 * @param v second endpoints (modified)
 * @param attempts number of swap attempts
 * @param random uniform [0, 1) generator
 * @returns the number of swaps made
 * @example
 * const u = Int32Array.of(0, 2), v = Int32Array.of(1, 3);
 * rewireDegreePreserving(4, u, v, 10, mulberry32(1));
 */
export function rewireDegreePreserving(
  n: number,
  u: Int32Array,
  v: Int32Array,
  attempts: number,
  random: () => number,
): number {
  const m = u.length;
  if (m < 2) return 0;
  const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const present = new Set<number>();
  for (let e = 0; e < m; e++) present.add(key(u[e], v[e]));
  let done = 0;
  for (let t = 0; t < attempts; t++) {
    const e1 = Math.floor(random() * m);
    const e2 = Math.floor(random() * m);
    if (e1 === e2) continue;
    const a = u[e1];
    const b = v[e1];
    let c = u[e2];
    let d = v[e2];
    // NOTE: choose one of the two rewirings at random so that the chain is symmetric.
    if (random() < 0.5) {
      const x = c;
      c = d;
      d = x;
    }
    // {a, b}, {c, d} -> {a, d}, {c, b}
    if (a === d || c === b) continue;
    const k1 = key(a, d);
    const k2 = key(c, b);
    if (k1 === k2 || present.has(k1) || present.has(k2)) continue;
    present.delete(key(a, b));
    present.delete(key(c, d));
    present.add(k1);
    present.add(k2);
    v[e1] = d;
    u[e2] = c;
    v[e2] = b;
    done++;
  }
  return done;
}

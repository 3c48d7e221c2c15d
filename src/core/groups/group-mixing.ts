/**
 * Group mixing kernels
 * Tie counts and strengths inside and between groups of nodes, per group, per node and per pair of
 * groups, in O(n + m) passes over a CSR: the raw material of E-I, density, conductance, modularity,
 * assortativity and Yule's Q.
 * Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises.
 * Social Psychology Quarterly 51(2), 123-140.
 */
import type { Csr } from '../graph/csr.js';

/**
 * Per-group totals. Group labels are integers in [0, k); label -1 marks a node that belongs to no
 * group: its ties are left out of every total.
 *
 * Undirected: `internal*` counts each edge with both ends in g once; `out*` counts edges from g to
 * another group, and `in*` are the very same arrays. Directed: `internal*` counts arcs inside g,
 * `out*` arcs g -> other group, `in*` arcs other group -> g.
 */
export interface GroupTotals {
  readonly k: number;
  readonly directed: boolean;
  /** Nodes per group. */
  readonly size: Float64Array;
  readonly internalTies: Float64Array;
  readonly internalWeight: Float64Array;
  readonly outTies: Float64Array;
  readonly outWeight: Float64Array;
  readonly inTies: Float64Array;
  readonly inWeight: Float64Array;
}

/** Allocate zeroed {@link GroupTotals} for k groups (reusable scratch for {@link groupTotals}). */
export function emptyGroupTotals(k: number, directed: boolean): GroupTotals {
  const outTies = new Float64Array(k);
  const outWeight = new Float64Array(k);
  return {
    k,
    directed,
    size: new Float64Array(k),
    internalTies: new Float64Array(k),
    internalWeight: new Float64Array(k),
    outTies,
    outWeight,
    inTies: directed ? new Float64Array(k) : outTies,
    inWeight: directed ? new Float64Array(k) : outWeight,
  };
}

/** One reading of {@link GroupTotals}: tie counts, or strengths. */
export interface TieTotals {
  readonly internal: Float64Array;
  readonly out: Float64Array;
  readonly in: Float64Array;
}

/**
 * The totals as strengths (`weighted`) or as tie counts. Complexity: O(1).
 * @example
 * const { internal, out } = tieTotals(groupTotals(csr, labels, k), false);
 */
export function tieTotals(t: GroupTotals, weighted: boolean): TieTotals {
  return weighted
    ? { internal: t.internalWeight, out: t.outWeight, in: t.inWeight }
    : { internal: t.internalTies, out: t.outTies, in: t.inTies };
}

/**
 * Each group's cut, volume and conductance against the other grouped nodes.
 *
 *   cut_g    = out_g + in_g (directed: arcs read as undirected ties) or out_g (undirected)
 *   vol_g    = 2 internal_g + cut_g,   total = sum_g vol_g
 *   phi_g    = cut_g / min(vol_g, total - vol_g);   NaN when that minimum is 0
 *
 * Counts ties, or strengths with `weighted`. Complexity: O(k).
 * @example
 * groupCuts(groupTotals(csr, labels, k), true).conductance[0];
 */
export function groupCuts(
  t: GroupTotals,
  weighted: boolean,
): { cut: Float64Array; volume: Float64Array; total: number; conductance: Float64Array } {
  const { internal, out, in: inn } = tieTotals(t, weighted);
  const k = t.k;
  const cut = new Float64Array(k);
  const volume = new Float64Array(k);
  let total = 0;
  for (let g = 0; g < k; g++) {
    cut[g] = t.directed ? out[g] + inn[g] : out[g];
    volume[g] = 2 * internal[g] + cut[g];
    total += volume[g];
  }
  const conductance = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    const denominator = Math.min(volume[g], total - volume[g]);
    conductance[g] = denominator > 0 ? cut[g] / denominator : NaN;
  }
  return { cut, volume, total, conductance };
}

/**
 * Internal and external tie density of each group, counting ties (weights are not read).
 *
 *   internal_g = I_g / (n_g (n_g - 1) / 2)          undirected;  I_g / (n_g (n_g - 1))       directed
 *   external_g = cut_g / (n_g (N - n_g))            undirected;  cut_g / (2 n_g (N - n_g))  directed
 *
 * N = nodes in some group; cut_g as in {@link groupCuts}. NaN where there is no possible tie (a
 * group of one inside, a single group outside). Complexity: O(k).
 * @example
 * groupDensities(groupTotals(csr, labels, k)).internal[0];
 */
export function groupDensities(t: GroupTotals): { internal: Float64Array; external: Float64Array } {
  const k = t.k;
  let grouped = 0;
  for (let g = 0; g < k; g++) grouped += t.size[g];
  const internal = new Float64Array(k);
  const external = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    const n = t.size[g];
    const possibleIn = t.directed ? n * (n - 1) : (n * (n - 1)) / 2;
    const possibleEx = (t.directed ? 2 : 1) * n * (grouped - n);
    internal[g] = possibleIn > 0 ? t.internalTies[g] / possibleIn : NaN;
    external[g] = possibleEx > 0 ? (t.directed ? t.outTies[g] + t.inTies[g] : t.outTies[g]) / possibleEx : NaN;
  }
  return { internal, external };
}

/**
 * Tie counts and strengths inside each group and across its boundary.
 *
 * Undirected edges are read once each (from the endpoint with the lower index).
 * Complexity: O(n + m + k). Pass `into` to reuse buffers (it is zeroed first).
 *
 * @param labels group of each node, -1 = none
 * @example
 * // path 0 - 1 - 2 with groups [0, 0, 1]: group 0 has 1 internal tie and 1 external tie
 * const t = groupTotals(csr, Int32Array.of(0, 0, 1), 2);
 */
export function groupTotals(g: Csr, labels: Int32Array, k: number, into?: GroupTotals): GroupTotals {
  const t = into ?? emptyGroupTotals(k, g.directed);
  t.size.fill(0);
  t.internalTies.fill(0);
  t.internalWeight.fill(0);
  t.outTies.fill(0);
  t.outWeight.fill(0);
  if (g.directed) {
    t.inTies.fill(0);
    t.inWeight.fill(0);
  }
  const { offsets, targets, weights, directed } = g;
  const { size, internalTies, internalWeight, outTies, outWeight, inTies, inWeight } = t;
  for (let i = 0; i < g.n; i++) {
    const a = labels[i];
    if (a < 0) continue;
    size[a]++;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = targets[p];
      const b = labels[j];
      if (b < 0) continue;
      const w = weights[p];
      if (directed) {
        if (a === b) {
          internalTies[a]++;
          internalWeight[a] += w;
        } else {
          outTies[a]++;
          outWeight[a] += w;
          inTies[b]++;
          inWeight[b] += w;
        }
      } else if (a === b) {
        // NOTE: each undirected edge is stored twice; count it from its lower endpoint only.
        if (j > i) {
          internalTies[a]++;
          internalWeight[a] += w;
        }
      } else {
        // Seen once from each side: each side credits its own group.
        outTies[a]++;
        outWeight[a] += w;
      }
    }
  }
  return t;
}

/**
 * Per-node ties (counts, or strengths when `weighted`) to the node's own group and to other groups,
 * split by direction. Nodes labelled -1, and ties to them, count nothing.
 * Undirected: `inInternal` / `inExternal` are the same arrays as the out ones.
 * Complexity: O(n + m).
 */
export function personMixing(
  g: Csr,
  labels: Int32Array,
  weighted: boolean,
): { outInternal: Float64Array; outExternal: Float64Array; inInternal: Float64Array; inExternal: Float64Array } {
  const count = (offsets: Int32Array, targets: Int32Array, weights: Float64Array) => {
    const internal = new Float64Array(g.n);
    const external = new Float64Array(g.n);
    for (let i = 0; i < g.n; i++) {
      const a = labels[i];
      if (a < 0) continue;
      let sIn = 0;
      let sEx = 0;
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        const b = labels[targets[p]];
        if (b < 0) continue;
        const w = weighted ? weights[p] : 1;
        if (a === b) sIn += w;
        else sEx += w;
      }
      internal[i] = sIn;
      external[i] = sEx;
    }
    return { internal, external };
  };
  const out = count(g.offsets, g.targets, g.weights);
  const inn = g.directed ? count(g.inOffsets, g.inSources, g.inWeights) : out;
  return { outInternal: out.internal, outExternal: out.external, inInternal: inn.internal, inExternal: inn.external };
}

/**
 * The k x k group mixing matrix (row-major), in tie counts and strengths.
 * Directed: cell (g, h) holds the arcs from g to h. Undirected: the matrix is symmetric, cell (g, h)
 * with g != h holds the edges between g and h, and the diagonal cell (g, g) the edges inside g, each
 * edge once. Nodes labelled -1 and their ties are left out.
 * Complexity: O(n + m + k^2) time, O(k^2) memory.
 */
export function groupMixingMatrix(g: Csr, labels: Int32Array, k: number): { ties: Float64Array; weight: Float64Array } {
  const ties = new Float64Array(k * k);
  const weight = new Float64Array(k * k);
  const { offsets, targets, weights } = g;
  for (let i = 0; i < g.n; i++) {
    const a = labels[i];
    if (a < 0) continue;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = targets[p];
      const b = labels[j];
      if (b < 0) continue;
      // NOTE: undirected edges appear in both rows; the a != b cells are filled from each side.
      if (!g.directed && a === b && j < i) continue;
      const cell = a * k + b;
      ties[cell]++;
      weight[cell] += weights[p];
    }
  }
  return { ties, weight };
}

/**
 * Tied unordered pairs of labelled nodes, split into pairs inside one group and pairs across groups.
 * On a directed graph a pair is tied when an arc runs either way (reciprocal arcs count once).
 * Complexity: O(n + m).
 */
export function tiedDyads(g: Csr, labels: Int32Array): { within: number; between: number } {
  let within = 0;
  let between = 0;
  if (!g.directed) {
    for (let i = 0; i < g.n; i++) {
      const a = labels[i];
      if (a < 0) continue;
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
        const j = g.targets[p];
        if (j <= i || labels[j] < 0) continue;
        if (labels[j] === a) within++;
        else between++;
      }
    }
    return { within, between };
  }
  // Directed: visit the union of out- and in-neighbours j > i of each i once, with a marker.
  const mark = new Int32Array(g.n).fill(-1);
  for (let i = 0; i < g.n; i++) {
    const a = labels[i];
    if (a < 0) continue;
    for (let side = 0; side < 2; side++) {
      const offsets = side === 0 ? g.offsets : g.inOffsets;
      const targets = side === 0 ? g.targets : g.inSources;
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        const j = targets[p];
        if (j <= i || labels[j] < 0 || mark[j] === i) continue;
        mark[j] = i;
        if (labels[j] === a) within++;
        else between++;
      }
    }
  }
  return { within, between };
}

/**
 * Compressed sparse row (CSR) adjacency on typed arrays.
 * The one graph representation every kernel in `core` reads: numbers in, numbers out.
 * Reference: Saad, Y. (2003). Iterative Methods for Sparse Linear Systems, 2nd ed., SIAM, §3.4.
 */

/**
 * A graph of `n` nodes stored as CSR.
 *
 * Out-neighbours of node `i` are `targets[offsets[i] .. offsets[i+1])` with tie values in `weights`
 * at the same positions. In-neighbours (for directed graphs) are `inSources[inOffsets[i] ..
 * inOffsets[i+1])`. For an undirected graph every edge is stored in both rows and the `in*` arrays
 * are the very same arrays as the out arrays.
 *
 * NOTE: `weights` are *strengths* (more = closer). Kernels that need path lengths take a separate
 * `lengths` array (see {@link lengthsFromStrengths}); they never read `weights` as a distance.
 */
export interface Csr {
  /** Number of nodes. */
  readonly n: number;
  /** Number of stored arcs (`targets.length`): 2x the edge count when undirected. */
  readonly arcCount: number;
  /** True when arcs are one-way; false when every tie is stored in both directions. */
  readonly directed: boolean;
  /** Row starts, length n + 1. */
  readonly offsets: Int32Array;
  /** Column (neighbour) indices, length arcCount. */
  readonly targets: Int32Array;
  /** Tie strengths aligned with `targets`. */
  readonly weights: Float64Array;
  /** Row starts of the transpose, length n + 1 (same array as `offsets` when undirected). */
  readonly inOffsets: Int32Array;
  /** In-neighbour indices (same array as `targets` when undirected). */
  readonly inSources: Int32Array;
  /** Strengths aligned with `inSources` (same array as `weights` when undirected). */
  readonly inWeights: Float64Array;
}

/** Edge list in parallel typed arrays (or plain arrays), as accepted by {@link csrFromEdges}. */
export interface EdgeArrays {
  readonly sources: ArrayLike<number>;
  readonly targets: ArrayLike<number>;
  readonly weights: ArrayLike<number>;
}

/**
 * Arrays of large graphs are allocated in SharedArrayBuffers, so that worker threads (parallel
 * betweenness, threaded sparse products) read them without a copy. Small ones stay ordinary.
 */
const SHARED_FROM_ELEMENTS = 1 << 20;

function int32(length: number): Int32Array {
  return length >= SHARED_FROM_ELEMENTS ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
}

function float64(length: number): Float64Array {
  return length >= SHARED_FROM_ELEMENTS ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

/** The first `length` elements of `a` in an array of exactly that length (shared when large). */
function trimmed<T extends Int32Array | Float64Array>(a: T, length: number): T {
  if (a.length === length) return a;
  const out = (a instanceof Int32Array ? int32(length) : float64(length)) as T;
  out.set(a.subarray(0, length));
  return out;
}

/**
 * Row-bucket arcs by source with a counting sort, then merge duplicate (source, target) arcs
 * within each row by summing their values. Arc e is from[e] -> to[e] with value val[e]; with
 * `reverse`, every arc to[e] -> from[e] follows (the second half of an undirected edge list).
 * Order inside a row follows first appearance (all forward arcs, then the reversed ones).
 * Complexity: O(n + m).
 */
function bucket(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  val: ArrayLike<number>,
  reverse: boolean,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const m = from.length;
  const arcs = reverse ? 2 * m : m;
  const counts = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) counts[from[e] + 1]++;
  if (reverse) for (let e = 0; e < m; e++) counts[to[e] + 1]++;
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const cursor = counts.slice(0, n);
  const rawTargets = int32(arcs);
  const rawWeights = float64(arcs);
  for (let e = 0; e < m; e++) {
    const p = cursor[from[e]]++;
    rawTargets[p] = to[e];
    rawWeights[p] = val[e];
  }
  if (reverse) {
    for (let e = 0; e < m; e++) {
      const p = cursor[to[e]]++;
      rawTargets[p] = from[e];
      rawWeights[p] = val[e];
    }
  }
  // Merge duplicates per row: `slot[j]` remembers where j was written in the current row.
  const slot = new Int32Array(n).fill(-1);
  const offsets = int32(n + 1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const start = write;
    const end = counts[i + 1];
    for (let p = counts[i]; p < end; p++) {
      const j = rawTargets[p];
      const at = slot[j];
      if (at >= start) {
        rawWeights[at] += rawWeights[p];
      } else {
        slot[j] = write;
        rawTargets[write] = j;
        rawWeights[write] = rawWeights[p];
        write++;
      }
    }
    offsets[i + 1] = write;
  }
  return { offsets, targets: trimmed(rawTargets, write), weights: trimmed(rawWeights, write) };
}

type Rows = { offsets: Int32Array; targets: Int32Array; weights: Float64Array };

/** A Csr from its out-rows and (directed) in-rows; undirected graphs pass the same rows twice. */
function assemble(n: number, directed: boolean, out: Rows, inn: Rows): Csr {
  return {
    n,
    arcCount: out.targets.length,
    directed,
    offsets: out.offsets,
    targets: out.targets,
    weights: out.weights,
    inOffsets: inn.offsets,
    inSources: inn.targets,
    inWeights: inn.weights,
  };
}

/**
 * Build a CSR from an edge list in O(n + m).
 *
 * Directed: each edge (s, t, w) is the arc s -> t; parallel arcs are summed.
 * Undirected: each edge adds w to both a_st and a_ts, so the pair's value is the sum of every edge
 * between them in either direction (a_ij + a_ji of the directed reading). Self-loops must be
 * removed beforehand (ingest does so and reports them).
 *
 * @param n number of nodes; every endpoint must be in [0, n)
 */
export function csrFromEdges(n: number, edges: EdgeArrays, directed: boolean): Csr {
  const s = edges.sources;
  const t = edges.targets;
  const w = edges.weights;
  if (directed) return assemble(n, true, bucket(n, s, t, w, false), bucket(n, t, s, w, false));
  const both = bucket(n, s, t, w, true);
  return assemble(n, false, both, both);
}

/** Number of edges: arcs when directed, arcs / 2 when undirected. */
export function edgeCount(g: Csr): number {
  return g.directed ? g.arcCount : g.arcCount / 2;
}

/**
 * Keep only arcs whose value passes `keep`, and optionally replace every kept value by `unit`.
 * Used for minimum-weight filters and unweighted views. Complexity: O(n + m).
 */
export function csrFilter(g: Csr, keep: (w: number) => boolean, unit?: number): Csr {
  const filterRows = (offsets: Int32Array, targets: Int32Array, weights: Float64Array): Rows => {
    const no = int32(g.n + 1);
    let count = 0;
    for (let p = 0; p < targets.length; p++) if (keep(weights[p])) count++;
    const nt = int32(count);
    const nw = float64(count);
    let write = 0;
    for (let i = 0; i < g.n; i++) {
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        if (!keep(weights[p])) continue;
        nt[write] = targets[p];
        nw[write] = unit === undefined ? weights[p] : unit;
        write++;
      }
      no[i + 1] = write;
    }
    return { offsets: no, targets: nt, weights: nw };
  };
  const out = filterRows(g.offsets, g.targets, g.weights);
  const inn = g.directed ? filterRows(g.inOffsets, g.inSources, g.inWeights) : out;
  return assemble(g.n, g.directed, out, inn);
}

/** The transpose (every arc reversed). Undirected graphs are their own transpose. */
export function csrTranspose(g: Csr): Csr {
  if (!g.directed) return g;
  return {
    n: g.n,
    arcCount: g.arcCount,
    directed: true,
    offsets: g.inOffsets,
    targets: g.inSources,
    weights: g.inWeights,
    inOffsets: g.offsets,
    inSources: g.targets,
    inWeights: g.weights,
  };
}

/** How a tie strength becomes a path length. */
export type LengthTransform = 'inverse' | 'identity' | ((strength: number) => number);

/**
 * Path lengths aligned with `targets` (and, for directed graphs, with `inSources` as `inLengths`).
 * 'inverse' (the default everywhere): d = 1 / w, so stronger ties are shorter.
 * 'identity': the value is already a length. A function gives any other mapping; it must return
 * a positive finite number.
 */
export function lengthsFromStrengths(g: Csr, transform: LengthTransform = 'inverse'): { lengths: Float64Array; inLengths: Float64Array } {
  const map = (ws: Float64Array): Float64Array => {
    const out = new Float64Array(ws.length);
    if (transform === 'inverse') for (let p = 0; p < ws.length; p++) out[p] = 1 / ws[p];
    else if (transform === 'identity') out.set(ws);
    else for (let p = 0; p < ws.length; p++) out[p] = transform(ws[p]);
    return out;
  };
  const lengths = map(g.weights);
  return { lengths, inLengths: g.directed ? map(g.inWeights) : lengths };
}

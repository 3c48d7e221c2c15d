/**
 * Path graph: the arrays every shortest-path kernel reads
 * A CSR row structure plus arc lengths (or none, for hop counts), independent of how it was built.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2).
 */
import type { Csr } from './csr.js';

/**
 * Out-arcs of node `v` are `targets[offsets[v] .. offsets[v+1])` with lengths at the same positions.
 * `lengths === null` means every arc has length 1 and kernels use breadth-first search.
 *
 * NOTE: lengths must be positive and finite; kernels do not check.
 */
export interface PathGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly lengths: Float64Array | null;
}

/**
 * The path graph of a CSR, following arcs forwards (out-arcs) or backwards (in-arcs).
 * `lengths` / `inLengths` come from `lengthsFromStrengths`; pass null for hop counts.
 * Complexity: O(1), arrays are shared, not copied.
 */
export function pathGraphOf(g: Csr, lengths: { lengths: Float64Array; inLengths: Float64Array } | null, backwards = false): PathGraph {
  if (backwards && g.directed) {
    return { n: g.n, offsets: g.inOffsets, targets: g.inSources, lengths: lengths ? lengths.inLengths : null };
  }
  return { n: g.n, offsets: g.offsets, targets: g.targets, lengths: lengths ? lengths.lengths : null };
}

/**
 * The common length when every arc has the same length, else NaN (also NaN for no arcs).
 * Used to switch to breadth-first search when weights cannot change which paths are shortest.
 */
export function uniformLength(lengths: Float64Array): number {
  if (lengths.length === 0) return NaN;
  const first = lengths[0];
  for (let p = 1; p < lengths.length; p++) if (lengths[p] !== first) return NaN;
  return first;
}

/**
 * How a bucket queue (Dial's algorithm with bucket width at most the shortest arc) can replace the
 * heap of Dijkstra's algorithm: `width` (slightly below the shortest arc length), `slots` (size of
 * the circular bucket array, a power of two, so that bucket b sits in slot `b & mask`: every
 * tentative distance lies within the longest arc of the one being settled) and `capacity` (most
 * queue entries one run can make: one per first reach plus one per improvement, at most n + m).
 */
export interface BucketPlan {
  readonly width: number;
  readonly inverse: number;
  readonly slots: number;
  readonly mask: number;
  readonly capacity: number;
}

/** Most buckets a run may step through: bucket indices stay Int32 (`(d * inverse) | 0`). */
const MAX_BUCKETS = 2 ** 30;

/** Longest ratio of longest to shortest arc for which buckets are used. */
const MAX_BUCKET_RATIO = 4096;

/**
 * The bucket plan of a graph with lengths, or null when the heap is the better queue: no lengths,
 * no arcs, longest/shortest arc over {@link MAX_BUCKET_RATIO}, or more buckets to scan per run
 * than n + m or 2^30 (estimated as twice the largest hop eccentricity found from a lowest-index
 * node of each component, times the length ratio: a distance is at most the hop eccentricity
 * times the longest arc).
 *
 * NOTE: the width is the shortest length times (1 - 1e-6), so that d + l, rounded, falls in a
 * later bucket than d unless d spans more than ~1e9 buckets; kernels still clamp to the next
 * bucket as a safeguard, which keeps them exact whatever the rounding. The estimate only picks
 * the faster queue; results do not depend on it.
 * Complexity: O(n + m).
 */
export function bucketPlan(g: PathGraph): BucketPlan | null {
  const { n, offsets, targets, lengths } = g;
  if (lengths === null || lengths.length === 0) return null;
  let min = Infinity;
  let max = 0;
  for (let p = 0; p < lengths.length; p++) {
    const l = lengths[p];
    if (l < min) min = l;
    if (l > max) max = l;
  }
  if (!(min > 0) || !Number.isFinite(max)) return null;
  const width = min * (1 - 1e-6);
  const ratio = max / width;
  if (ratio > MAX_BUCKET_RATIO) return null;
  // Hop eccentricity bound (arcs followed forwards; undirected graphs give the usual 2 ecc bound).
  const hop = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let worst = 0;
  for (let root = 0; root < n; root++) {
    if (hop[root] >= 0) continue;
    hop[root] = 0;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    let ecc = 0;
    while (head < tail) {
      const v = queue[head++];
      const next = hop[v] + 1;
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const w = targets[p];
        if (hop[w] < 0) {
          hop[w] = next;
          if (next > ecc) ecc = next;
          queue[tail++] = w;
        }
      }
    }
    const span = Math.min(tail, 2 * ecc + 1);
    if (span > worst) worst = span;
  }
  if (worst * ratio > n + lengths.length || worst * ratio > MAX_BUCKETS) return null;
  let slots = 4;
  while (slots < Math.ceil(ratio) + 2) slots *= 2;
  return { width, inverse: 1 / width, slots, mask: slots - 1, capacity: n + lengths.length + 1 };
}

/**
 * The graph without the arcs that lie on no shortest path: an arc u -> w of length c is dropped
 * when some u -> v -> w is shorter by more than a rounding margin (a + b + margin < c), and a
 * parallel arc when it is longer than the shortest u -> w arc by more than the margin. Such an arc
 * can never give w its distance nor tie with it (any path through it is beaten by the detour), so
 * every distance, every shortest-path count and every dependency is the same on the result; the
 * kept arcs stay in their row order. Pays on weighted social graphs, where a strong detour through
 * a common colleague often beats a weak direct tie (on the generated org about a third of the arcs).
 *
 * The margin, 2^-50 * n * (longest arc), bounds the rounding of the float sums that Dijkstra
 * compares (each at most (n - 1) * longest arc, with two or three roundings of 2^-53 relative
 * each), so a dropped arc loses in floating point too, not only in exact arithmetic.
 * Returns `g` itself when it has no lengths or nothing is dropped.
 * Reference: the arcs that are shortest paths between their ends form the distance (metric)
 * backbone of Simas, T., Correia, R. B. & Rocha, L. M. (2021). The distance backbone of complex
 * networks. J. Complex Networks 9(6); this keeps a superset of it, tested on two-step detours only.
 * Complexity: O(sum over arcs u -> v of outdeg(v)) time, O(n + m) memory.
 */
export function withoutDetouredArcs(g: PathGraph): PathGraph {
  const { n, offsets, targets, lengths } = g;
  if (lengths === null || lengths.length === 0) return g;
  const margin = detourMargin(n, lengths);
  const shortestTo = new Float64Array(n).fill(Infinity);
  const beaten = new Uint8Array(n);
  const keep = new Uint8Array(lengths.length);
  let kept = 0;
  for (let u = 0; u < n; u++) {
    const start = offsets[u];
    const end = offsets[u + 1];
    let rowLongest = 0;
    for (let p = start; p < end; p++) {
      const w = targets[p];
      const l = lengths[p];
      if (w !== u && l < shortestTo[w]) shortestTo[w] = l;
      if (l > rowLongest) rowLongest = l;
    }
    // Detours u -> v -> w; a first step as long as u's longest arc cannot beat any arc of u.
    for (let p = start; p < end; p++) {
      const v = targets[p];
      const a = lengths[p];
      if (v === u || a + margin >= rowLongest) continue;
      for (let q = offsets[v]; q < offsets[v + 1]; q++) {
        const w = targets[q];
        if (w === u || w === v) continue;
        const c = shortestTo[w];
        if (c !== Infinity && a + lengths[q] + margin < c) beaten[w] = 1;
      }
    }
    for (let p = start; p < end; p++) {
      const w = targets[p];
      const off = w !== u && (beaten[w] === 1 || lengths[p] > shortestTo[w] + margin);
      if (!off) {
        keep[p] = 1;
        kept++;
      }
    }
    for (let p = start; p < end; p++) {
      shortestTo[targets[p]] = Infinity;
      beaten[targets[p]] = 0;
    }
  }
  return withKeptArcs(g, keep, kept);
}

/** The rounding margin of the detour rules, 2^-50 * n * (longest arc): see {@link withoutDetouredArcs}. */
export function detourMargin(n: number, lengths: Float64Array): number {
  let longest = 0;
  for (let p = 0; p < lengths.length; p++) if (lengths[p] > longest) longest = lengths[p];
  return 2 ** -50 * Math.max(1, n) * longest;
}

/**
 * `g` with only the arcs p where `keep[p] === 1` (`kept` of them), in their row order; `g` itself
 * when every arc is kept. Complexity: O(n + m).
 */
export function withKeptArcs(g: PathGraph, keep: Uint8Array, kept: number): PathGraph {
  const { n, offsets, targets } = g;
  const lengths = g.lengths!;
  if (kept === lengths.length) return g;
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(kept);
  const newLengths = new Float64Array(kept);
  let k = 0;
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u]; p < offsets[u + 1]; p++) {
      if (keep[p] === 1) {
        newTargets[k] = targets[p];
        newLengths[k] = lengths[p];
        k++;
      }
    }
    newOffsets[u + 1] = k;
  }
  return { n, offsets: newOffsets, targets: newTargets, lengths: newLengths };
}

/**
 * A graph's arcs packed one 32-bit word each: target in the low `shift` bits, the index of the
 * arc's length in `table` above them (w = x & mask, length = table[x >>> shift]). Shortest-path
 * kernels then read 4 bytes per arc instead of 12 (an Int32 target and a Float64 length), which
 * pays when rows are read at random, as Dijkstra does (see docs/benchmarks.md, issue 10). The
 * lengths are the graph's own doubles, looked up, never rounded: every sum is the same.
 */
export interface PackedArcs {
  readonly arcs: Int32Array;
  readonly table: Float64Array;
  readonly shift: number;
  readonly mask: number;
}

/**
 * {@link PackedArcs} of a graph with lengths, or null when they do not fit in 32 bits: targets
 * need ceil(log2 n) bits (at least 1), leaving 32 - that for the length codes, so at most
 * 2^(32 - bits) distinct lengths (32,768 at 100,000 nodes, 4,096 at 1,000,000). Graphs of
 * interaction counts have few distinct lengths (the generated org: 90); graphs with real-valued
 * weights may not fit, and kernels then use their unpacked form.
 * Codes are given in order of first appearance, so the result depends on the graph only.
 * `shift` (tests): bits kept for targets, from ceil(log2 n) to 31; null outside that range.
 * Complexity: O(m) time (one Map lookup per arc), 4 bytes per arc.
 */
export function packArcs(g: PathGraph, shift = targetBits(g.n)): PackedArcs | null {
  const { targets, lengths } = g;
  if (lengths === null || shift < targetBits(g.n) || shift > 31) return null;
  const codes = 2 ** (32 - shift);
  const codeOf = new Map<number, number>();
  const table: number[] = [];
  const arcs = new Int32Array(lengths.length);
  for (let p = 0; p < lengths.length; p++) {
    const l = lengths[p];
    let code = codeOf.get(l);
    if (code === undefined) {
      if (table.length === codes) return null;
      codeOf.set(l, (code = table.length));
      table.push(l);
    }
    arcs[p] = targets[p] | (code << shift);
  }
  return { arcs, table: Float64Array.from(table), shift, mask: 2 ** shift - 1 };
}

/** Bits a node index needs in {@link PackedArcs}: ceil(log2 n), at least 1, at most 31. */
export function targetBits(n: number): number {
  let bits = 1;
  while (bits < 31 && 2 ** bits < n) bits++;
  return bits;
}

/** Packed arcs by graph (see {@link packedArcsOf}). */
const packs = new WeakMap<PathGraph, PackedArcs | null>();

/**
 * {@link packArcs} of `g`, computed once per graph object in this thread (each worker packs its
 * own copy of a shared graph, 4 bytes per arc).
 * Complexity: O(m) the first time, O(1) after.
 */
export function packedArcsOf(g: PathGraph): PackedArcs | null {
  let packed = packs.get(g);
  if (packed === undefined) packs.set(g, (packed = packArcs(g)));
  return packed;
}

/** Bucket plans by graph (see {@link plannedBuckets}). */
const plans = new WeakMap<PathGraph, BucketPlan | null>();
let plansBuilt = 0;

/**
 * {@link bucketPlan} of `g`, computed once per graph object: every task bound to the same graph
 * (closeness and harmonic on one view, each time slice of a run) reads the same plan.
 * Complexity: O(n + m) the first time, O(1) after.
 */
export function plannedBuckets(g: PathGraph): BucketPlan | null {
  let plan = plans.get(g);
  if (plan === undefined) {
    plans.set(g, (plan = bucketPlan(g)));
    plansBuilt++;
  }
  return plan;
}

/** Test hook: bucket plans {@link plannedBuckets} has computed in this thread. */
export function bucketPlansBuilt(): number {
  return plansBuilt;
}

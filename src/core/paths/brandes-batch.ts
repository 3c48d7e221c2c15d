/**
 * Batched (multi-source) Brandes on hop counts
 * Brandes' betweenness accumulation for 32 sources at once: one level-synchronous breadth-first
 * sweep in which a node's 32-bit mask says which sources reach it at the current level, then one
 * backward sweep level by level. Adjacency is read once per (level, node) for the whole batch
 * instead of once per source; only the shortest-path arcs of each source touch its path counts.
 * Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol.
 * 25(2), 163-177; Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A.,
 * Neumann, T. & Vo, H. T. (2014). The more the merrier: efficient multi-source graph traversal.
 * PVLDB 8(4), 449-460.
 */
import type { PathGraph } from '../graph/path-graph.js';
import { brandesSource, PathScratch } from './brandes.js';
import { wasmBrandesBatchOf, type WasmBrandesBatch } from './wasm-brandes-batch.js';

/** Sources per batch (bits in an Int32 mask). */
export const BRANDES_BATCH = 32;

/** Largest node count the batched kernel is used for: its per-(node, source) tables take 384 bytes a node (192 MB at this size). */
export const BRANDES_BATCH_MAX_NODES = 1 << 19;

/** Fewest batches a graph is cut into (while batches have at least one source), so that small graphs still spread over worker threads. */
const MIN_BATCHES = 64;

/**
 * Sources per batch for a graph of `n` nodes: 32, or fewer on graphs under 2,048 nodes so that
 * there are about 64 batches to share out (small graphs cost little either way).
 */
export function brandesBatchWidth(n: number): number {
  return Math.min(BRANDES_BATCH, Math.max(1, Math.ceil(n / MIN_BATCHES)));
}

/** Whether exact betweenness on `g` runs batched: hop counts (no lengths) and at most {@link BRANDES_BATCH_MAX_NODES} nodes. */
export function brandesBatched(g: PathGraph): boolean {
  return g.lengths === null && g.n <= BRANDES_BATCH_MAX_NODES;
}

/**
 * Scratch for {@link brandesBatch}, allocated once per thread and reused for every batch.
 * Per node: `seen` (sources that reached it at an earlier level or this one), `next` (sources
 * reaching it at the level being built), `mark` (sources for which it lies one level below the
 * one being accumulated). Per (node, source), node-major (row v, column i at v * 32 + i): the path
 * count in `counts` (Float32: 128 bytes a node, half the cache lines and pages of a Float64 row,
 * which is what the forward sweep's random row touches cost; exact integers up to 2^24, a batch
 * with a larger count is run source by source instead), and the pull coefficient
 * c = 1 / sigma + (sum of the successors' c) in `coef` (Float64), written in the backward sweep.
 * The levels are kept as a list of (node, mask) entries with `levelStart` bounds.
 */
export class BrandesBatchScratch {
  readonly seen: Int32Array;
  readonly next: Int32Array;
  readonly mark: Int32Array;
  readonly upcoming: Int32Array;
  readonly counts: Float32Array;
  readonly coef: Float64Array;
  readonly levelStart: Int32Array;
  readonly acc = new Float64Array(BRANDES_BATCH);
  /** Entries (node, sources at this level): grown on demand (at most 32 n). */
  entryNode: Int32Array;
  entryMask: Int32Array;
  /** Scratch of the single-source kernel, for batches whose path counts pass 2^24 (made on first use). */
  single: PathScratch | null = null;

  constructor(readonly n: number) {
    this.seen = new Int32Array(n);
    this.next = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.upcoming = new Int32Array(n);
    this.counts = new Float32Array(n * BRANDES_BATCH);
    this.coef = new Float64Array(n * BRANDES_BATCH);
    this.levelStart = new Int32Array(n + 2);
    this.entryNode = new Int32Array(Math.max(64, 4 * n));
    this.entryMask = new Int32Array(Math.max(64, 4 * n));
  }

  /** Make room for `extra` more entries after the first `used`. */
  reserve(used: number, extra: number): void {
    if (used + extra <= this.entryNode.length) return;
    const size = Math.max(used + extra, 2 * this.entryNode.length);
    const node = new Int32Array(size);
    const mask = new Int32Array(size);
    node.set(this.entryNode.subarray(0, used));
    mask.set(this.entryMask.subarray(0, used));
    this.entryNode = node;
    this.entryMask = mask;
  }
}

/**
 * Add the dependencies delta_s(v) of the sources s = batch * width .. batch * width + width - 1
 * (those below n; width at most 32, see {@link brandesBatchWidth}) to `out[v]` (v != s), on hop counts: the same sums as running `brandesSource` for each of
 * them, with path counts (integers) identical and dependencies equal up to the order of
 * floating-point additions.
 *
 *   sigma_s(w) = sum over arcs v -> w with d_s(w) = d_s(v) + 1 of sigma_s(v)
 *   c_s(v) = 1 / sigma_s(v) + sum over such arcs v -> w of c_s(w),  delta_s(v) = sigma_s(v) (c_s(v) - 1 / sigma_s(v))
 *
 * Forward: for each level d and each entry (v, F) of sources at level d at v, each arc v -> w gives
 * R = F & ~seen(w), the sources for which v -> w is a shortest-path arc (w at level d + 1); only
 * those bits touch the path counts. Backward, levels descending: with mark(w) = sources at level
 * d + 1 at w, an entry (v, F) at level d pulls c(w) over the bits of F & mark(w) ("pull" form:
 * each (node, source) written once, no predecessor lists), then sets c(v) and adds
 * sigma * (sum) to out; the deepest level has no successors, so its arcs are not scanned.
 * Path counts are kept in Float32 (see {@link BrandesBatchScratch}); when one passes 2^24 (no
 * longer sure to be exact) the forward sweep stops and the batch runs source by source in
 * `brandesSource` (Float64 counts) instead, with the same sums.
 *
 * Complexity: O(m * L + P) time per batch, where L is the number of distinct levels a node has
 * among the 32 sources (small when the sources lie close together, as after breadth-first
 * relabelling) and P the number of (shortest-path arc, source) pairs; 384 bytes a node of tables.
 * Edge cases: isolated sources, sources in other components, self-loops (never a shortest-path
 * arc) and parallel arcs (counted once each, as in `brandesSource`) all follow from the masks.
 * @returns the number of (node, source) pairs reached (sources included)
 */
export function brandesBatch(
  g: PathGraph,
  batch: number,
  out: Float64Array,
  scratch: BrandesBatchScratch,
  width: number = BRANDES_BATCH,
): number {
  const reached = sweeps(g, batch, out, scratch, width);
  if (reached >= 0) return reached;
  // A path count passed 2^24: this batch's sources one by one, on Float64 counts.
  const single = (scratch.single ??= new PathScratch(g.n));
  const first = batch * width;
  const last = Math.min(first + Math.min(width, BRANDES_BATCH), g.n);
  let total = 0;
  for (let s = first; s < last; s++) total += brandesSource(g, s, out, single);
  return total;
}

/**
 * The batches of one graph in this thread, on the fastest kernel that applies: the WebAssembly
 * engine (brandes-batch.wat via wasm-brandes-batch.ts: the same steps as {@link brandesBatch}, so
 * the same sums to the bit, x1.6-1.7 per source at 10k and 100k people, docs/benchmarks.md) when
 * `out` is its sums array (see {@link BrandesBatchRunner.sums}), else the JavaScript kernel (no
 * WebAssembly, another array, a batch whose level entries outgrow the engine's room, or path counts
 * past 2^24, which run source by source as in {@link brandesBatch}). The JavaScript scratch (384
 * bytes a node) is made only if a batch needs it.
 */
export class BrandesBatchRunner {
  private readonly engine: WasmBrandesBatch | null;
  private scratch: BrandesBatchScratch | null = null;

  constructor(
    private readonly g: PathGraph,
    private readonly width: number = BRANDES_BATCH,
  ) {
    this.engine = wasmBrandesBatchOf(g);
  }

  /** A zeroed array of n sums to hand to {@link BrandesBatchRunner.run}: the engine's own when there is one (copy it out before the next task reuses it). */
  sums(): Float64Array {
    return this.engine === null ? new Float64Array(this.g.n) : this.engine.sums();
  }

  /** Adds the dependencies of batch `batch` to `out`, as {@link brandesBatch}. @returns the (node, source) pairs reached */
  run(batch: number, out: Float64Array): number {
    const first = batch * this.width;
    const count = Math.min(this.width, BRANDES_BATCH, this.g.n - first);
    if (count <= 0) return 0;
    if (this.engine !== null && out === this.engine.out) {
      const reached = this.engine.sweeps(first, count);
      if (reached >= 0) return reached;
    }
    return brandesBatch(this.g, batch, out, (this.scratch ??= new BrandesBatchScratch(this.g.n)), this.width);
  }
}

/** Largest path count kept in Float32 (every integer up to it is exact there). */
const FLOAT32_EXACT = 2 ** 24;

/**
 * The two sweeps of {@link brandesBatch}; -1 (nothing added to `out`) when a path count passed {@link FLOAT32_EXACT}.
 * NOTE: keep in step with `sweeps` in brandes-batch.wat (the same steps in the same order, so the same bits).
 */
function sweeps(g: PathGraph, batch: number, out: Float64Array, scratch: BrandesBatchScratch, width: number): number {
  const { offsets, targets, n } = g;
  const { seen, next, mark, upcoming, counts, coef, levelStart, acc } = scratch;
  const B = BRANDES_BATCH;
  const first = batch * width;
  const count = Math.min(width, B, n - first);
  if (count <= 0) return 0;
  scratch.reserve(0, count);
  let entryNode = scratch.entryNode;
  let entryMask = scratch.entryMask;
  for (let i = 0; i < count; i++) {
    const s = first + i;
    seen[s] = 1 << i;
    entryNode[i] = s;
    entryMask[i] = 1 << i;
    counts[s * B + i] = 1;
  }
  let reached = count;
  let big = false;
  levelStart[0] = 0;
  levelStart[1] = count;
  let levels = 1;
  // Forward: level-synchronous multi-source BFS with path counts.
  for (;;) {
    const from = levelStart[levels - 1];
    const to = levelStart[levels];
    let nextSize = 0;
    for (let q = from; q < to; q++) {
      const v = entryNode[q];
      const bits = entryMask[q];
      const vb = v * B;
      const end = offsets[v + 1];
      // NOTE: the backward sweep below walks a level's entries the same way; keep the two walks in sync (kept apart: innermost loops).
      for (let p = offsets[v]; p < end; p++) {
        const w = targets[p];
        const reach = bits & ~seen[w];
        if (reach === 0) continue;
        const before = next[w];
        if (before === 0) upcoming[nextSize++] = w;
        next[w] = before | reach;
        const wb = w * B;
        // First arrival of a source's paths sets the count, later ones add to it (one walk over the bits).
        let r = reach;
        while (r !== 0) {
          const low = r & -r;
          const i = 31 - Math.clz32(low);
          if ((before & low) === 0) {
            counts[wb + i] = counts[vb + i];
          } else {
            const sum = counts[wb + i] + counts[vb + i];
            counts[wb + i] = sum;
            if (sum > FLOAT32_EXACT) big = true;
          }
          r ^= low;
        }
      }
    }
    if (big) {
      // Undo this batch's marks; the caller runs it source by source.
      for (let q = 0; q < nextSize; q++) next[upcoming[q]] = 0;
      for (let q = 0; q < to; q++) seen[entryNode[q]] = 0;
      return -1;
    }
    if (nextSize === 0) break;
    scratch.reserve(to, nextSize);
    entryNode = scratch.entryNode;
    entryMask = scratch.entryMask;
    if (nextSize * SORT_RATIO > n) {
      // A dense level: list it in node order (one pass over the masks), so rows are read in memory order.
      let k = 0;
      for (let w = 0; w < n; w++) if (next[w] !== 0) upcoming[k++] = w;
    }
    for (let q = 0; q < nextSize; q++) {
      const w = upcoming[q];
      const bits = next[w];
      next[w] = 0;
      seen[w] |= bits;
      entryNode[to + q] = w;
      entryMask[to + q] = bits;
      reached += popcount(bits);
    }
    levels++;
    levelStart[levels] = to + nextSize;
  }
  // Backward: levels descending, pull form; level 0 (the sources themselves) gets no credit.
  for (let d = levels - 1; d >= 1; d--) {
    const upFrom = levelStart[d + 1];
    const upTo = levelStart[d + 2 <= levels ? d + 2 : levels];
    if (d + 1 < levels) for (let q = upFrom; q < upTo; q++) mark[entryNode[q]] = entryMask[q];
    const to = levelStart[d + 1];
    for (let q = levelStart[d]; q < to; q++) {
      const v = entryNode[q];
      const bits = entryMask[q];
      const vb = v * B;
      // The deepest level has no successors: no arc to scan.
      const end = d + 1 < levels ? offsets[v + 1] : offsets[v];
      // NOTE: the forward sweep above walks a level's entries the same way; keep the two walks in sync (kept apart: innermost loops).
      for (let p = offsets[v]; p < end; p++) {
        const w = targets[p];
        let on = bits & mark[w];
        if (on === 0) continue;
        const wb = w * B;
        while (on !== 0) {
          const i = 31 - Math.clz32(on & -on);
          acc[i] += coef[wb + i];
          on &= on - 1;
        }
      }
      let rest = bits;
      let credit = 0;
      while (rest !== 0) {
        const i = 31 - Math.clz32(rest & -rest);
        const sv = counts[vb + i];
        const a = acc[i];
        acc[i] = 0;
        coef[vb + i] = 1 / sv + a;
        credit += sv * a;
        rest &= rest - 1;
      }
      out[v] += credit;
    }
    if (d + 1 < levels) for (let q = upFrom; q < upTo; q++) mark[entryNode[q]] = 0;
  }
  // Reset: every node reached has its seen mask cleared (counts and coef are written before they are read).
  const total = levelStart[levels];
  for (let q = 0; q < total; q++) seen[entryNode[q]] = 0;
  return reached;
}

/** A level with more than n / SORT_RATIO nodes is listed in node order. */
const SORT_RATIO = 16;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

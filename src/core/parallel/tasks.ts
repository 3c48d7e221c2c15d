/**
 * Path tasks: the per-source (or per-sample) work that threads share out
 * One definition used both in the calling thread and inside worker threads, so every setting runs
 * the very same kernel code.
 * Reference: Brandes, U. (2001). J. Math. Sociol. 25(2); Riondato & Kornaropoulos (2016).
 */
import { samplePath, SampleScratch, type PathGraphPair } from '../paths/approx-betweenness.js';
import { brandesSource, brandesSums, PathScratch } from '../paths/brandes.js';
import { BrandesBatchRunner, brandesBatched, brandesBatchWidth } from '../paths/brandes-batch.js';
import { BATCH, BatchScratch, DistanceScratch, distanceSums, distanceSumsBatch, unitDistances } from '../paths/closeness.js';
import { plannedBuckets, type PathGraph } from '../graph/path-graph.js';
import type { SourceChain } from '../graph/source-chain.js';
import { ChainRunner } from '../paths/brandes-chain.js';
import { wasmSampleBfsOf } from '../paths/wasm-sample-bfs.js';
import { wasmDistanceBatchOf } from '../paths/wasm-distance-batch.js';
import { BackboneSearch } from '../graph/backbone.js';

/** Which task, and its parameters (plain data: it crosses thread boundaries). */
export type PathTaskSpec =
  /** Sum of Brandes dependencies over sources: out[v], length n. Items = sources, or batches of
   *  up to 32 sources on hop counts (see brandesBatched, brandesBatchWidth). With `chain` (weighted,
   *  symmetric graphs; the path pool sets it), item k is source `chain.sources[k]`, its search
   *  pruned by its pivot's distances (see ChainRunner in ../paths/brandes-chain.ts). */
  | { readonly kind: 'betweenness'; readonly chain?: SourceChain }
  /** Distance summaries of each source over `backward` arcs (incoming distances): out[3s..3s+2].
   *  Items = sources, or batches of 32 sources on hop counts. With `chain` (as for betweenness),
   *  item k is source `chain.sources[k]`, pruned by its pivot's distances. */
  | { readonly kind: 'distances'; readonly unit: number; readonly chain?: SourceChain }
  /** Uniform shortest-path samples (Riondato–Kornaropoulos, KADABRA): out[v] counts interior hits.
   *  Items = samples `first .. first + samples - 1` of the stream `seed` (first defaults to 0). */
  | { readonly kind: 'sample'; readonly seed: number; readonly samples: number; readonly first?: number }
  /** The distance backbone's local searches (BackboneSearch in ../graph/backbone.ts) over `forward`,
   *  the graph the two-step rule left, with the detour margin of the graph before it: item u sets
   *  the keep flags of u's arcs in `keep` (shared memory; each item writes its own row only), and
   *  out[0] counts the arcs kept. Items = nodes. */
  | { readonly kind: 'backbone'; readonly keep: Uint8Array; readonly margin: number; readonly scanFactor: number };

/** A task bound to a graph: how many items, how long the result is, and how to run one item. */
export interface BoundTask {
  readonly items: number;
  readonly outLength: number;
  run(item: number, out: Float64Array): void;
  /** A zeroed array of `outLength` for `run` to add into, where the kernel has one of its own (see {@link taskSums}). */
  sums?(): Float64Array;
}

/**
 * The array a run of `task` adds into: the kernel's own when it has one (betweenness in
 * WebAssembly adds there without a pass in JavaScript, see brandesSums and BrandesBatchRunner), else
 * a new zeroed one.
 * Hand the result on through {@link ownedSums}.
 */
export function taskSums(task: BoundTask): Float64Array {
  return task.sums?.() ?? new Float64Array(task.outLength);
}

/**
 * `out` as the caller may keep it: a copy when it lies in a WebAssembly memory (a kernel's array,
 * reused by its next run; also not transferable), else `out` itself. Complexity: O(length) or O(1).
 */
export function ownedSums(out: Float64Array): Float64Array {
  return out.buffer instanceof ArrayBuffer ? out : out.slice();
}

/**
 * The arcs a task's WebAssembly kernel searches: `backward` for the distance sums (incoming
 * distances), `forward` for every other task. The path pool lays this graph out once for its
 * workers (wasmGraphForWorkers), and each worker attaches its region to it.
 */
export function kernelGraph(g: PathGraphPair, spec: PathTaskSpec): PathGraph {
  return spec.kind === 'distances' ? g.backward : g.forward;
}

/** How many items a task has on a graph (sources, 32-source batches, or samples); always equal to bindTask's `items`. */
export function taskItems(g: PathGraphPair, spec: PathTaskSpec): number {
  const n = g.forward.n;
  if (spec.kind === 'sample') return spec.samples;
  if (spec.kind === 'betweenness' && brandesBatched(g.forward)) return Math.ceil(n / brandesBatchWidth(n));
  if (spec.kind === 'distances' && g.backward.lengths === null) return Math.ceil(n / BATCH);
  return n;
}

const sampleScratches = new WeakMap<PathGraphPair, SampleScratch>();

/**
 * A task whose items run on a WebAssembly `engine` when they add into its own sums array
 * (`inEngine`, handed out as the task's `sums`), and on the JavaScript kernel otherwise (`inJs`:
 * no engine, or another array). Both give the same values.
 */
function engineTask<E extends { readonly out: Float64Array; sums(): Float64Array }>(
  engine: E | null,
  items: number,
  outLength: number,
  inEngine: (engine: E, item: number) => void,
  inJs: (item: number, out: Float64Array) => void,
): BoundTask {
  if (engine === null) return { items, outLength, run: inJs };
  return {
    items,
    outLength,
    run: (item, out) => (out === engine.out ? inEngine(engine, item) : inJs(item, out)),
    sums: () => engine.sums(),
  };
}

/** Bind a task to a graph, allocating this thread's scratch buffers once. */
export function bindTask(g: PathGraphPair, spec: PathTaskSpec): BoundTask {
  const n = g.forward.n;
  switch (spec.kind) {
    case 'betweenness': {
      if (brandesBatched(g.forward)) {
        // Hop counts: multi-source Brandes, up to 32 sources per item.
        const width = brandesBatchWidth(n);
        const runner = new BrandesBatchRunner(g.forward, width);
        return { items: Math.ceil(n / width), outLength: n, run: (b, out) => void runner.run(b, out), sums: () => runner.sums() };
      }
      // Lengths: a bucket queue instead of the heap when arc lengths allow it (see bucketPlan).
      const scratch = new PathScratch(n, plannedBuckets(g.forward));
      if (spec.chain && g.forward.lengths !== null) {
        // Made before `sums`, so that the engine it asks for (with pivot slots) is the one summed into.
        const runner = new ChainRunner(g.forward, spec.chain, scratch);
        return { items: n, outLength: n, run: (k, out) => runner.run(k, out), sums: () => brandesSums(g.forward, scratch) };
      }
      return {
        items: n,
        outLength: n,
        run: (s, out) => void brandesSource(g.forward, s, out, scratch),
        sums: () => brandesSums(g.forward, scratch),
      };
    }
    case 'distances': {
      const table = unitDistances(n + 1, spec.unit);
      if (g.backward.lengths === null) {
        // Hop counts: bit-parallel BFS, 32 sources per item; in WebAssembly when the batches write into the engine's sums.
        const engine = wasmDistanceBatchOf(g.backward);
        engine?.distances(table);
        let batch: BatchScratch | null = null;
        return engineTask(
          engine,
          Math.ceil(n / BATCH),
          3 * n,
          (e, b) => e.batch(b * BATCH, Math.min(BATCH, n - b * BATCH)),
          (b, out) => distanceSumsBatch(g.backward, b, out, (batch ??= new BatchScratch(n)), table),
        );
      }
      if (spec.chain) {
        // Lengths on a chain: the pruned WebAssembly search, as for betweenness (distances only).
        const runner = new ChainRunner(g.backward, spec.chain, new PathScratch(n, plannedBuckets(g.backward)), 'distances');
        if (runner.pruning) return { items: n, outLength: 3 * n, run: (k, out) => runner.run(k, out) };
      }
      // Lengths: the bucket queue when arc lengths allow it, as for betweenness.
      const scratch = new DistanceScratch(n, plannedBuckets(g.backward));
      return { items: n, outLength: 3 * n, run: (s, out) => distanceSums(g.backward, s, out, scratch, table) };
    }
    case 'sample': {
      const first = spec.first ?? 0;
      // Hop counts in WebAssembly when the samples add into the engine's sums (the same counts as samplePath).
      const engine = wasmSampleBfsOf(g);
      // Scratch cached per graph (adaptive runs bind one task per round of samples), made when a sample runs in JavaScript.
      const scratch = (): SampleScratch => {
        let sc = sampleScratches.get(g);
        if (!sc) sampleScratches.set(g, (sc = new SampleScratch(n)));
        return sc;
      };
      return engineTask(
        engine,
        spec.samples,
        n,
        (e, k) => void e.sample(spec.seed, first + k),
        (k, out) => void samplePath(g, spec.seed, first + k, out, scratch()),
      );
    }
    case 'backbone': {
      const search = new BackboneSearch(g.forward, spec.margin, spec.scanFactor);
      const keep = spec.keep;
      return {
        items: n,
        outLength: 1,
        run: (u, out) => void (out[0] += search.row(u, keep)),
      };
    }
    default:
      // A spec that did not come from this module (e.g. across a version mismatch): say so.
      throw new Error(`unknown path task kind ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
  }
}

/**
 * Runs items [from, to) of `task` (clamped to its items) into `out`.
 * @returns the number of items run
 */
export function runItems(task: BoundTask, from: number, to: number, out: Float64Array): number {
  const end = Math.min(to, task.items);
  for (let item = from; item < end; item++) task.run(item, out);
  return Math.max(0, end - from);
}

/**
 * Blocks a task's items are cut into when several threads run it: each thread claims the next block
 * (an atomic counter), sums it into an array of its own and posts it; the caller adds the blocks in
 * block order. So the sums do not depend on which thread ran what, nor on how many threads there
 * were (two or more), and a thread slowed down (a busy core, a slower core) holds up at most one
 * block at the end instead of half the run. 128: at 100k people a weighted block is about 10 s of
 * one core; the last blocks are smaller (see blockRange), so the other core idles about an eighth
 * of that at the end.
 */
export const TASK_BLOCKS = 128;

/**
 * Blocks of a sampling task: a sample costs far less than a source's full search, while a block
 * costs an array of n sums to zero, post and add (adaptive sampling runs many short rounds).
 */
export const SAMPLE_BLOCKS = 4;

/** How many blocks a task of `items` items is cut into (at least 1): {@link TASK_BLOCKS}, or {@link SAMPLE_BLOCKS} for samples. */
export function taskBlocks(spec: PathTaskSpec, items: number): number {
  return Math.max(1, Math.min(items, spec.kind === 'sample' ? SAMPLE_BLOCKS : TASK_BLOCKS));
}

/**
 * The last blocks of a task cut into at least {@link TAPER_MIN_BLOCKS}, and at least 8 items a
 * block: 4 of half the size of the others, 4 of a quarter and 4 of an eighth, so that the thread
 * that finishes first waits about an eighth of a block at the end instead of about half a block
 * (at 100k people: under a second instead of about 5 s of one core).
 */
const TAPER = [4, 4, 4, 4, 2, 2, 2, 2, 1, 1, 1, 1];
const TAPER_WEIGHT = TAPER.reduce((a, w) => a + w, 0);
const TAPER_MIN_BLOCKS = 32;

/**
 * Items [from, to) of block `b` of `blocks`: consecutive ranges, of near-equal size except the
 * tapered last ones (see TAPER above) when there are at least 32 blocks of 8 items or more.
 * Complexity: O(1).
 */
export function blockRange(items: number, blocks: number, b: number): readonly [number, number] {
  if (blocks < TAPER_MIN_BLOCKS || items < 8 * blocks) return [Math.floor((b * items) / blocks), Math.floor(((b + 1) * items) / blocks)];
  // Weights in eighths: 8 for a full block, then the taper; a block's start is its share of the items.
  const full = blocks - TAPER.length;
  const total = 8 * full + TAPER_WEIGHT;
  const before = (k: number): number => {
    if (k <= full) return 8 * k;
    let w = 8 * full;
    for (let j = 0; j < k - full; j++) w += TAPER[j];
    return w;
  };
  return [Math.floor((before(b) * items) / total), Math.floor((before(b + 1) * items) / total)];
}

/**
 * Exact weighted Brandes with pivot pruning: each source searches only the arcs a near pivot allows
 * On a symmetric graph, the distances d_p of a source p run earlier bound those of a source s:
 * d_s(x) >= d_p(x) - d(p, s) and d_s(y) <= d_p(y) + d(p, s), so an arc x -> y whose slack under p,
 * d_p(x) + l(x, y) - d_p(y), exceeds 2 d(p, s) offers y more than d_s(y): it lies on no shortest path
 * from s and can only ever make a tentative offer that a shorter one beats. Sources run in the order
 * of a {@link SourceChain} (a preorder of a minimum spanning forest), each pruned by its parent in
 * the forest, usually its strongest tie (d(p, s) about 0.06 on the generated 100k org, where about
 * 35% of the arcs are kept). Each run costs one pass over the arcs in memory order (the pruning,
 * in WebAssembly: brandes.wat `prune`) and then Dijkstra on the kept arcs (wasm-dijkstra.ts).
 *
 * The same chain serves the weighted distance sums of closeness and harmonic (mode `distances`):
 * the same pruning, then a search without path counts or predecessors (brandes.wat `distances`),
 * each source's reached count, distance sum and reciprocal sum written as distanceSums does.
 *
 * Exactness: distances are the same doubles as the plain kernel's (every offer within rounding of
 * the shortest is kept, see {@link pruneMargin}), path counts are the same integers, and the
 * dependencies the same up to the order of floating-point additions (the kept arcs settle the nodes
 * of a bucket in another order). A source's result depends only on its pivot's distances and the
 * graph, never on which thread or block ran it, so any number of threads gives the same sums.
 *
 * Pivot distances are kept as Float32 in the engine's slots (4 n bytes each) while the pivot still
 * has children to run in the current stretch of consecutive sources; a pivot not at hand (the
 * first sources of a block) is recomputed by one extra forward pass. Heavy-last preorder bounds the
 * slots needed to log2(n) + 1.
 * Reference: Brandes, U. (2001). J. Math. Sociol. 25(2); pruning by the triangle inequality as in
 * Goldberg, A. V. & Harrelson, C. (2005). Computing the shortest path: A* search meets graph theory.
 * SODA 2005 (landmark bounds).
 */
import type { SourceChain } from '../graph/source-chain.js';
import { packedArcsOf, type PathGraph } from '../graph/path-graph.js';
import { brandesSource, resetDistances, type PathScratch } from './brandes.js';
import { wasmDijkstraOf, type WasmDijkstra } from './wasm-dijkstra.js';

/** What a {@link ChainRunner} adds up per source: Brandes dependencies, or distance summaries. */
export type ChainMode = 'dependencies' | 'distances';

/** Pivot slots a thread keeps for a chain of n sources: log2(n) + 1 live pivots, one spare. */
export function pivotSlotsFor(n: number): number {
  return Math.ceil(Math.log2(n + 1)) + 2;
}

/**
 * The rounding allowance added to 2 d(p, s) when pruning: Float32 pivot distances (relative error
 * 2^-24 each, four values in the test) and the doubles of both searches (each distance a sum of at
 * most n lengths, error below n 2^-53 (D + L)), with room to spare: (2^-22 + 2^-48 (n + 2)) (D + L),
 * where D is the pivot's largest finite distance and L the longest arc.
 */
export function pruneMargin(n: number, farthest: number, longest: number): number {
  return (2 ** -22 + 2 ** -48 * (n + 2)) * (farthest + longest);
}

/**
 * Runs a chain's sources one by one (item k = `chain.sources[k]`), each pruned by its pivot, adding
 * the dependencies into the sums as {@link brandesSource} does. Falls back to brandesSource, unpruned,
 * where there is no WebAssembly engine with pivot slots for the graph, and for a source whose
 * predecessor pool overflows. One per thread and graph.
 */
export class ChainRunner {
  private readonly engine: WasmDijkstra | null;
  /** Children of each node in the chain, and each item's rank among its pivot's children. */
  private readonly kids: Int32Array;
  private readonly rank: Int32Array;
  /** The node whose distances each slot holds (-1: free). */
  private readonly slotNode: Int32Array;
  /** Children still to run from each slot's pivot in this stretch, and the pivot's largest distance. */
  private readonly slotLeft: Int32Array;
  private readonly slotFarthest: Float64Array;
  private readonly longest: number;
  private readonly pivots: Float32Array[];
  private last = -2;
  /** Extra forward passes for pivots not at hand, and sources run pruned (for benchmarks and tests). */
  extraPasses = 0;
  prunedRuns = 0;
  keptArcs = 0;

  /**
   * `mode`: `dependencies` adds each source's Brandes dependencies into `out` (length n);
   * `distances` writes its distance summary at out[3s..3s+2] as {@link distanceSums} does (reached,
   * total, harmonic; the sums in settling order), and needs no path counts from the search.
   */
  constructor(
    private readonly g: PathGraph,
    private readonly chain: SourceChain,
    private readonly scratch: PathScratch,
    private readonly mode: ChainMode = 'dependencies',
  ) {
    const n = g.n;
    const q = scratch.buckets;
    const packed = q === null || g.lengths === null ? null : packedArcsOf(g);
    const slots = pivotSlotsFor(n);
    this.engine = packed === null || q === null ? null : wasmDijkstraOf(g, packed, q, slots);
    if (this.engine !== null && this.engine.pivotSlots === 0) this.engine = null;
    this.kids = new Int32Array(n);
    this.rank = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const p = chain.parents[k];
      if (p >= 0) this.rank[k] = this.kids[p]++;
    }
    const count = this.engine?.pivotSlots ?? 0;
    this.slotNode = new Int32Array(count).fill(-1);
    this.slotLeft = new Int32Array(count);
    this.slotFarthest = new Float64Array(count);
    this.pivots = Array.from({ length: count }, (_, k) => this.engine!.pivot(k));
    let longest = 0;
    if (packed !== null) for (const l of packed.table) longest = Math.max(longest, l);
    this.longest = longest;
  }

  /**
   * Whether the sources run pruned on the WebAssembly engine. Without it, `dependencies` runs fall
   * back to brandesSource, unpruned, and `distances` runs are refused (use distanceSums instead).
   */
  get pruning(): boolean {
    return this.engine !== null;
  }

  /** Source `chain.sources[item]`'s dependencies added into `out`, or its distance summary written there. */
  run(item: number, out: Float64Array): void {
    const engine = this.engine;
    const s = this.chain.sources[item];
    if (engine === null) {
      if (this.mode === 'distances') throw new Error('ChainRunner: distance summaries need the WebAssembly engine (see pruning)');
      brandesSource(this.g, s, out, this.scratch);
      return;
    }
    if (item !== this.last + 1) this.release();
    this.last = item;
    const p = this.chain.parents[item];
    const lean = this.mode === 'distances';
    let slot = p < 0 ? -1 : this.slotNode.indexOf(p);
    // A pivot not at hand: its distances again (no path counts needed), kept, and its nodes reset.
    if (p >= 0 && slot < 0) slot = this.keep(engine, p, engine.distances(p, false), this.kids[p] - this.rank[item], true);
    let count: number;
    if (slot >= 0) {
      const delta = this.pivots[slot][s];
      const margin = pruneMargin(this.g.n, this.slotFarthest[slot], this.longest);
      // The run starts from d_p(v) + d(p, s) + margin >= d_s(v): offers above never queue.
      this.keptArcs += engine.prune(slot, 2 * delta + margin, delta + margin);
      this.prunedRuns++;
      count = lean ? engine.distances(s, true) : engine.forwardPruned(s);
      if (--this.slotLeft[slot] <= 0) this.free(slot);
    } else {
      count = lean ? engine.distances(s, false) : engine.forward(s);
    }
    if (lean) {
      // Distances only (no path counts): summed, and the nodes back to unreached, in WebAssembly.
      if (this.kids[s] > 0) this.keep(engine, s, count, this.kids[s], false);
      engine.sumDistances(s, count, out);
      return;
    }
    if (engine.ties() > engine.poolCapacity) {
      // The predecessor pool overflowed: reset, and run s in the plain kernel (its pool grows).
      resetDistances(count, engine.state);
      brandesSource(this.g, s, out, this.scratch);
      return;
    }
    if (this.kids[s] > 0) this.keep(engine, s, count, this.kids[s], false);
    engine.accumulate(count, out);
  }

  /**
   * Keeps node v's distances (the engine's last run, `count` settled) in a free slot for `left`
   * children; with `reset`, puts the run's nodes back to unreached (an extra pass whose sums are not
   * wanted). Returns the slot, or -1 when none is free (the children then recompute v).
   */
  private keep(engine: WasmDijkstra, v: number, count: number, left: number, reset: boolean): number {
    const slot = this.slotNode.indexOf(-1);
    if (slot >= 0) {
      const { dist, order } = engine.state;
      engine.keepDistances(slot);
      this.slotNode[slot] = v;
      this.slotLeft[slot] = left;
      this.slotFarthest[slot] = dist[order[count - 1]];
    }
    if (reset) {
      this.extraPasses++;
      resetDistances(count, engine.state);
    }
    return slot;
  }

  private free(slot: number): void {
    this.slotNode[slot] = -1;
  }

  /** A new stretch of items (another block): no pivot kept from before is trusted to be wanted. */
  private release(): void {
    this.slotNode.fill(-1);
  }
}

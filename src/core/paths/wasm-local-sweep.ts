/**
 * The local-path sweep with a group filter, and the score fit's per-source pass, in WebAssembly
 * The sweep the introductions' score fit runs from each sampled source (`groupSweep` in
 * src/recommend/introduction-adjacency.ts, whole rows) and what the fit does with it (its rows,
 * the held-out partners not reached, the sample of other pairs by geometric skips of mulberry32
 * draws): the same common neighbours, resource allocation (plain, tie-strength-aware, three-step)
 * added in the same order, so the same bits, the same first-reach order, the same draws. The fit
 * runs once per report, cold: in JavaScript these loops cost about as much in the optimising
 * compiler as in running (docs/benchmarks.md), while WebAssembly starts on compiled code. Written in
 * local-sweep.wat, compiled into local-sweep-wasm.ts by scripts/wasm/build.ts.
 *
 * The graph rows, a hidden flag per arc (a hidden arc is skipped as if absent: the fit's held-out
 * ties), each row's count of arcs not hidden, strengths, labels and scratch arrays are views of one
 * memory made at the size the graph needs (never grown: growing detaches its buffer); the caller
 * writes them and reads the scores from {@link WasmLocalSweep.scratch} as from `localPathScratch`.
 * Reference: Lu, L., Jin, C.-H. & Zhou, T. (2009). Phys. Rev. E 80, 046122.
 */
import { LOCAL_SWEEP_WASM } from './local-sweep-wasm.js';
import type { LocalPathScratch } from './local-paths.js';
import { byteLayout, wasmEngine, type WasmExports, type WasmGlobal, type WasmMemory } from '../util/wasm.js';

type Kernel = (...args: number[]) => number;

let enabled = true;

/** Test hook: make {@link WasmLocalSweep.create} return null (false) or build engines (true, the default). Returns the previous setting. */
export function useWasmLocalSweep(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Largest memory asked for (a 32-bit module; stay well below 4 GiB). */
const MAX_BYTES = 2 ** 31;
/** Entries of the skip tables: steps (up to 65,536 and the end mark) and 4,096 blocks. */
const MAX_STEPS = 65_538;
const BLOCKS = 4096;

/** Byte addresses of the arrays for `n` nodes and `arcs` arcs, and the bytes they need. */
function layoutOf(n: number, arcs: number) {
  return byteLayout({
    wt: 8 * arcs,
    str: 8 * n,
    common: 8 * n,
    ra: 8 * n,
    raw: 8 * n,
    ra3: 8 * n,
    three: 8 * n,
    // Rows: four f64 blocks of n (cn, ra, raw, ra3), then n partner flags (the pass's layout).
    rows: 33 * n,
    steps: 8 * MAX_STEPS,
    offs: 4 * (n + 1),
    tg: 4 * arcs,
    deg: 4 * n,
    label: 4 * n,
    touched: 4 * n,
    stamp: 4 * n,
    seen: 4 * n,
    partner: 4 * n,
    mine: 4 * n,
    blocks: 4 * BLOCKS,
    list: 4 * arcs,
    hid: arcs,
  });
}

/** What one {@link WasmLocalSweep.foldSource} pass wrote: rows, three-step-only values, pairs counted unreached. */
export interface FoldSourceCounts {
  readonly rows: number;
  readonly three: number;
  readonly zero: number;
}

/** One graph's sweep engine: a module instance and the views of its memory. */
export class WasmLocalSweep {
  /** Row starts (n + 1 entries): written by the caller. */
  readonly offsets: Int32Array;
  /** Arc targets (room for `arcs`): written by the caller. */
  readonly targets: Int32Array;
  /** Arc weights (room for `arcs`; 1 on an unweighted graph): written by the caller. */
  readonly weights: Float64Array;
  /** 1 for an arc to skip as if absent (zero after create). */
  readonly hidden: Uint8Array;
  /** Each row's count of arcs not hidden: written by the caller. */
  readonly degree: Int32Array;
  /** Node strengths (sum of the weights of the row's arcs not hidden): written by the caller. */
  readonly strength: Float64Array;
  /** Group label per node (negative: never a candidate): written by the caller. */
  readonly label: Int32Array;
  /** The scores of the last sweep, as `localPathScratch` gives them (Adamic-Adar stays 0). */
  readonly scratch: LocalPathScratch;
  /** The per-source pass's stamps: `seen[b] === stamp` once b is counted; `partner[b] === stamp` for a held-out partner. */
  readonly seen: Int32Array;
  readonly partner: Int32Array;
  /** The current source's held-out partners, for {@link WasmLocalSweep.foldSource}. */
  readonly mine: Int32Array;
  /** Rows written by a pass (n entries each): cn, ra, raw, ra3 and the partner flag. */
  readonly rows: {
    readonly cn: Float64Array;
    readonly ra: Float64Array;
    readonly raw: Float64Array;
    readonly ra3: Float64Array;
    readonly positive: Uint8Array;
  };
  /** RA3 values of the pass's three-step-only pairs. */
  readonly three: Float64Array;
  /** The geometric skip table (GeometricSkips: steps, then the 4,096 block starts). */
  readonly steps: Float64Array;
  readonly blocks: Int32Array;
  private readonly exports: Record<'sweep' | 'clear' | 'foldSource' | 'flagArcs' | 'rowCounts' | 'shuffle', Kernel>;
  /** A list of arcs or nodes handed to {@link WasmLocalSweep.hide} (room for `arcs`). */
  private readonly list: Int32Array;
  private readonly listAt: number;
  private readonly rng: WasmGlobal;
  private readonly counts: Record<'nRows' | 'nThree' | 'nZero', WasmGlobal>;
  private readonly n: number;

  private constructor(exports: WasmExports, memory: WasmMemory, n: number, arcs: number) {
    this.n = n;
    this.exports = {
      sweep: exports.sweep as Kernel,
      clear: exports.clear as Kernel,
      foldSource: exports.foldSource as Kernel,
      flagArcs: exports.flagArcs as Kernel,
      rowCounts: exports.rowCounts as Kernel,
      shuffle: exports.shuffle as Kernel,
    };
    this.rng = exports.rng as WasmGlobal;
    this.counts = {
      nRows: exports.nRows as WasmGlobal,
      nThree: exports.nThree as WasmGlobal,
      nZero: exports.nZero as WasmGlobal,
    };
    const at = layoutOf(n, arcs);
    const b = memory.buffer;
    this.offsets = new Int32Array(b, at.offs, n + 1);
    this.targets = new Int32Array(b, at.tg, arcs);
    this.weights = new Float64Array(b, at.wt, arcs);
    this.hidden = new Uint8Array(b, at.hid, arcs);
    this.degree = new Int32Array(b, at.deg, n);
    this.strength = new Float64Array(b, at.str, n);
    this.label = new Int32Array(b, at.label, n);
    this.scratch = {
      common: new Float64Array(b, at.common, n),
      adamicAdar: new Float64Array(n),
      resourceAllocation: new Float64Array(b, at.ra, n),
      resourceAllocationWeighted: new Float64Array(b, at.raw, n),
      resourceAllocation3: new Float64Array(b, at.ra3, n),
      touched: new Int32Array(b, at.touched, n),
      reached: 0,
      stamp: new Int32Array(b, at.stamp, n),
      sweep: 0,
    };
    this.seen = new Int32Array(b, at.seen, n);
    this.partner = new Int32Array(b, at.partner, n);
    this.mine = new Int32Array(b, at.mine, n);
    // The pass writes rows as four f64 blocks of n and n flag bytes right after them.
    this.rows = {
      cn: new Float64Array(b, at.rows, n),
      ra: new Float64Array(b, at.rows + 8 * n, n),
      raw: new Float64Array(b, at.rows + 16 * n, n),
      ra3: new Float64Array(b, at.rows + 24 * n, n),
      positive: new Uint8Array(b, at.rows + 32 * n, n),
    };
    this.three = new Float64Array(b, at.three, n);
    this.steps = new Float64Array(b, at.steps, MAX_STEPS);
    this.blocks = new Int32Array(b, at.blocks, BLOCKS);
    this.list = new Int32Array(b, at.list, arcs);
    this.listAt = at.list;
    (exports.layout as Kernel)(
      at.offs,
      at.tg,
      at.wt,
      at.hid,
      at.deg,
      at.str,
      at.label,
      at.common,
      at.ra,
      at.raw,
      at.ra3,
      at.touched,
      at.stamp,
      at.seen,
      at.partner,
      at.mine,
      at.rows,
      at.three,
      at.steps,
      at.blocks,
    );
  }

  /** Bytes of memory for `n` nodes and `arcs` arcs: about 113 a node and 13 an arc, and 0.5 MB of tables. */
  static bytes(n: number, arcs: number): number {
    return layoutOf(n, arcs).bytes;
  }

  /**
   * An engine for graphs of `n` nodes and up to `arcs` arcs, or null where WebAssembly is missing
   * or the memory would pass `maxBytes` (default and at most 2 GiB). Complexity: O(n + arcs) to
   * allocate (zeroed; pages are touched only when written).
   */
  static create(n: number, arcs: number, maxBytes = MAX_BYTES): WasmLocalSweep | null {
    if (!enabled) return null;
    const bytes = WasmLocalSweep.bytes(n, arcs);
    const made = wasmEngine(LOCAL_SWEEP_WASM, bytes, false, Math.min(maxBytes, MAX_BYTES));
    return made === null ? null : new WasmLocalSweep(made.exports, made.memory, n, arcs);
  }

  /**
   * One sweep from `source` over the rows written, keeping pairs whose other end j satisfies
   * j >= from, label[j] >= 0 and (label[j] === group) === same; three steps when `threeSteps`.
   * The scores must be clear ({@link WasmLocalSweep.clear} after the previous sweep). Returns the
   * number of nodes reached (also stored in `scratch.reached`).
   * Complexity: O(sum over two-step paths of the middle node's degree).
   */
  sweep(source: number, group: number, same: boolean, from: number, threeSteps: boolean): number {
    const s = this.scratch;
    const reached = this.exports.sweep(source, ++s.sweep, group, same ? 1 : 0, from, threeSteps ? 1 : 0);
    s.reached = reached;
    return reached;
  }

  /**
   * Hides the arcs at the positions `arcs` (`hidden` true) or shows them again, then sets `degree`
   * and `strength` of the nodes `ends` from the arcs left (the weights summed in row order when
   * `weighted`, else the count). Complexity: O(arcs + the ends' degrees).
   */
  hide(arcs: Int32Array, ends: Int32Array, hidden: boolean, weighted: boolean): void {
    this.list.set(arcs);
    this.exports.flagArcs(this.listAt, arcs.length, hidden ? 1 : 0);
    this.list.set(ends);
    this.exports.rowCounts(this.listAt, ends.length, weighted ? 1 : 0);
  }

  /**
   * The values shuffled as score-fit.ts shuffles (Fisher-Yates from the last, each swapped with the
   * one at floor(u (t + 1))), drawing from mulberry32 at `rngState`: returns them in a new array, and
   * the generator's state after. At most `arcs` values (the engine's list). O(values).
   */
  shuffle(values: readonly number[], rngState: number): { readonly values: number[]; readonly rngState: number } {
    const n = values.length;
    this.list.set(values);
    this.rng.value = rngState | 0;
    this.exports.shuffle(this.listAt, n);
    return { values: Array.from(this.list.subarray(0, n)), rngState: (this.rng.value as number) >>> 0 };
  }

  /** Zeroes the last sweep's scores (as clearLocalPaths does). O(nodes reached). */
  clear(): void {
    this.exports.clear(this.scratch.reached);
    this.scratch.reached = 0;
  }

  /**
   * The score fit's pass for source `a` of group `ga` (foldCandidates' loop body): a three-step
   * sweep keeping pairs of other groups from `from` on; its reached pairs as rows in
   * {@link WasmLocalSweep.rows} (a held-out partner, or CN, RA or RAw above 0) or, three steps
   * only, as RA3 values in {@link WasmLocalSweep.three}; the first `partners` entries of `mine`
   * (flagged in `partner` with `stamp` by the caller) not reached, as rows of zeros; then every other
   * pair of another group (`dense`), or a sample: skips of mulberry32 draws from `rngState`, read off
   * the table in `steps` and `blocks`. `stamp` must be new for `seen` and `partner` (above every one
   * used before on this engine).
   * Returns the counts and the generator's state after the draws. O(sweep + n or the draws).
   */
  foldSource(
    a: number,
    ga: number,
    from: number,
    stamp: number,
    partners: number,
    dense: boolean,
    rngState: number,
  ): FoldSourceCounts & { readonly rngState: number } {
    this.rng.value = rngState | 0;
    this.exports.foldSource(a, ga, from, stamp, ++this.scratch.sweep, partners, dense ? 1 : 0, this.n, this.n);
    return {
      rows: this.counts.nRows.value as number,
      three: this.counts.nThree.value as number,
      zero: this.counts.nZero.value as number,
      rngState: (this.rng.value as number) >>> 0,
    };
  }
}

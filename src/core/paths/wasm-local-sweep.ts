/**
 * The local-path sweep with a group filter, in WebAssembly
 * The sweep the introductions' score fit runs from each sampled source (`groupSweep` in
 * src/recommend/introduction-adjacency.ts, whole rows): the same common neighbours, resource
 * allocation (plain, tie-strength-aware, three-step) added in the same order, so the same bits, and
 * the same first-reach order. The fit runs once per report, cold: in JavaScript its sweeps cost
 * about as much in the optimising compiler as in running (docs/benchmarks.md), while WebAssembly
 * starts on compiled code. Written in local-sweep.wat, compiled into local-sweep-wasm.ts by
 * scripts/wasm/build.ts.
 *
 * The graph rows, strengths, labels and scratch arrays are views of one memory made at the size
 * the graph needs (never grown): the caller writes the rows into {@link WasmLocalSweep.offsets}
 * and the other views, and reads the scores from {@link WasmLocalSweep.scratch} as from
 * `localPathScratch`.
 * Reference: Lu, L., Jin, C.-H. & Zhou, T. (2009). Phys. Rev. E 80, 046122.
 */
import { LOCAL_SWEEP_WASM } from './local-sweep-wasm.js';
import type { LocalPathScratch } from './local-paths.js';

type Kernel = (...args: number[]) => number;

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

function moduleOf(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.from(atob(LOCAL_SWEEP_WASM), (c) => c.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Test hook: make {@link WasmLocalSweep.create} return null (false) or build engines (true, the default). Returns the previous setting. */
export function useWasmLocalSweep(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Largest memory asked for (a 32-bit module; stay well below 4 GiB). */
const MAX_BYTES = 2 ** 31;

/** One graph's sweep engine: a module instance and the views of its memory. */
export class WasmLocalSweep {
  /** Row starts of the graph swept (n + 1 entries): written by the caller. */
  readonly offsets: Int32Array;
  /** Arc targets (room for `arcs`), rows sorted or not: written by the caller. */
  readonly targets: Int32Array;
  /** Arc weights (room for `arcs`; 1 on an unweighted graph): written by the caller. */
  readonly weights: Float64Array;
  /** Node strengths (sum of the row's weights): written by the caller. */
  readonly strength: Float64Array;
  /** Group label per node (negative: never a candidate): written by the caller. */
  readonly label: Int32Array;
  /** The scores of the last sweep, as `localPathScratch` gives them (Adamic-Adar stays 0). */
  readonly scratch: LocalPathScratch;
  private readonly sweepFn: Kernel;
  private readonly clearFn: Kernel;
  private readonly at: Readonly<
    Record<'offs' | 'tg' | 'wt' | 'str' | 'label' | 'common' | 'ra' | 'raw' | 'ra3' | 'touched' | 'stamp', number>
  >;

  private constructor(exports: WebAssembly.Exports, memory: WebAssembly.Memory, n: number, arcs: number) {
    this.sweepFn = exports.sweep as Kernel;
    this.clearFn = exports.clear as Kernel;
    // f64 arrays first (8-byte aligned), then the i32 arrays.
    let next = 0;
    const take = (bytes: number) => {
      const start = next;
      next += bytes;
      return start;
    };
    const at = {
      wt: take(8 * arcs),
      str: take(8 * n),
      common: take(8 * n),
      ra: take(8 * n),
      raw: take(8 * n),
      ra3: take(8 * n),
      offs: take(4 * (n + 1)),
      tg: take(4 * arcs),
      label: take(4 * n),
      touched: take(4 * n),
      stamp: take(4 * n),
    };
    this.at = at;
    const b = memory.buffer;
    this.offsets = new Int32Array(b, at.offs, n + 1);
    this.targets = new Int32Array(b, at.tg, arcs);
    this.weights = new Float64Array(b, at.wt, arcs);
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
  }

  /** Bytes of memory for `n` nodes and `arcs` arcs. */
  static bytes(n: number, arcs: number): number {
    return 48 * n + 4 * (n + 1) + 12 * arcs;
  }

  /**
   * An engine for graphs of `n` nodes and up to `arcs` arcs, or null where WebAssembly is missing
   * or the memory would pass 2 GiB. Complexity: O(n + arcs) to allocate (zeroed).
   */
  static create(n: number, arcs: number): WasmLocalSweep | null {
    if (!enabled) return null;
    const bytes = WasmLocalSweep.bytes(n, arcs);
    if (bytes > MAX_BYTES) return null;
    const mod = moduleOf();
    if (mod === null) return null;
    try {
      const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
      return new WasmLocalSweep(new WebAssembly.Instance(mod, { env: { memory } }).exports, memory, n, arcs);
    } catch {
      return null;
    }
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
    const at = this.at;
    const mark = ++s.sweep;
    const reached = this.sweepFn(
      source,
      mark,
      group,
      same ? 1 : 0,
      from,
      threeSteps ? 1 : 0,
      at.offs,
      at.tg,
      at.wt,
      at.str,
      at.label,
      at.common,
      at.ra,
      at.raw,
      at.ra3,
      at.touched,
      at.stamp,
    );
    s.reached = reached;
    return reached;
  }

  /** Zeroes the last sweep's scores (as clearLocalPaths does). O(nodes reached). */
  clear(): void {
    const s = this.scratch;
    const at = this.at;
    this.clearFn(s.reached, at.touched, at.common, at.ra, at.raw, at.ra3);
    s.reached = 0;
  }
}

/**
 * Sorting float64 values fast on the first call
 * `Float64Array.prototype.sort` costs about 14 ms for 140,000 values here (n log n comparisons in
 * the engine's generic sort), and a radix sort written in JavaScript pays 30-50 ms of interpreted
 * and compiling time on its first call: the score fit sorts one such array per fold, once per report
 * (docs/benchmarks.md). This one runs a least-significant-digit radix sort compiled from
 * float-sort.wat (six passes of 11-bit digits over the values' bits turned into ordered unsigned
 * keys; a digit every key shares is skipped), so it is fast from the first call.
 *
 * The order is the one `Float64Array.prototype.sort` gives (ascending; -0 before +0; NaN, as the
 * engines make it, last), so the result is the same array of bits.
 * Reference: Knuth, D. E. (1998). The Art of Computer Programming, vol. 3, 5.2.5 (radix sorting).
 */
import { FLOAT_SORT_WASM } from './float-sort-wasm.js';

/** Below this many values the built-in sort is as quick and copies nothing. */
const MIN_WASM = 4096;
/** Above this many values the built-in sort runs (the module's memory would hold 16 bytes a value for good). */
const MAX_WASM = 1 << 22;
const HISTOGRAMS = 6 * 2048 * 4;
const PAGE = 65536;

interface Sorter {
  readonly memory: WebAssembly.Memory;
  readonly sort: (a: number, b: number, h: number, n: number) => void;
}

let sorter: Sorter | null | undefined;

function sorterOf(): Sorter | null {
  if (sorter === undefined) {
    try {
      const bytes = Uint8Array.from(atob(FLOAT_SORT_WASM), (c) => c.charCodeAt(0));
      const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
      sorter = { memory: exports.memory as WebAssembly.Memory, sort: exports.sort as Sorter['sort'] };
    } catch {
      sorter = null;
    }
  }
  return sorter;
}

/** Whether an array of `n` values is sorted by the WebAssembly module here (else by the built-in sort). */
export function floatSortRunsWasm(n: number): boolean {
  return n >= MIN_WASM && n <= MAX_WASM && sorterOf() !== null;
}

/**
 * Sorts `values` in place, ascending, and returns it: the same bits as `values.sort()`.
 * Complexity: O(n) (six passes) from 4,096 values where WebAssembly runs, O(n log n) otherwise;
 * memory: the module keeps 16 bytes a value of the largest array sorted, up to 2^22 values.
 * @example
 * sortFloat64(Float64Array.of(3, -1, 2)); // Float64Array [-1, 2, 3]
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (!floatSortRunsWasm(n)) return values.sort();
  const s = sorterOf()!;
  const need = HISTOGRAMS + 16 * n;
  const have = s.memory.buffer.byteLength;
  if (need > have) s.memory.grow(Math.ceil((need - have) / PAGE));
  const a = HISTOGRAMS;
  new Float64Array(s.memory.buffer, a, n).set(values);
  s.sort(a, a + 8 * n, 0, n);
  values.set(new Float64Array(s.memory.buffer, a, n));
  return values;
}

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
import { wasmEngine, wasmModule, type WasmMemory } from './wasm.js';

/** Below this many values the built-in sort is as quick and copies nothing. */
const MIN_WASM = 4096;
/** Above this many values the built-in sort runs (the module's memory would hold 16 bytes a value for good). */
const MAX_WASM = 1 << 22;
const HISTOGRAMS = 6 * 2048 * 4;

interface Sorter {
  readonly memory: WasmMemory;
  readonly sort: (a: number, b: number, h: number, n: number) => void;
}

let sorter: Sorter | null = null;

/** An instance whose memory holds `bytes`: the last one when large enough, else a new memory and instance. */
function sorterFor(bytes: number): Sorter | null {
  if (sorter !== null && sorter.memory.buffer.byteLength >= bytes) return sorter;
  // Room for twice the last array at least, so that slowly growing arrays do not make one each time.
  const room = Math.max(bytes, Math.min(2 * (sorter?.memory.buffer.byteLength ?? 0), HISTOGRAMS + 16 * MAX_WASM));
  const made = wasmEngine(FLOAT_SORT_WASM, room, false);
  if (made === null) return null;
  sorter = { memory: made.memory, sort: made.exports.sort as Sorter['sort'] };
  return sorter;
}

/** Whether an array of `n` values is sorted by the WebAssembly module here (else by the built-in sort). */
export function floatSortRunsWasm(n: number): boolean {
  return n >= MIN_WASM && n <= MAX_WASM && wasmModule(FLOAT_SORT_WASM) !== null;
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
  const s = floatSortRunsWasm(n) ? sorterFor(HISTOGRAMS + 16 * n) : null;
  if (s === null) return values.sort();
  const a = HISTOGRAMS;
  new Float64Array(s.memory.buffer, a, n).set(values);
  s.sort(a, a + 8 * n, 0, n);
  values.set(new Float64Array(s.memory.buffer, a, n));
  return values;
}

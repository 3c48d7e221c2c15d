/**
 * Several zero-filled typed arrays of one length in one call: the per-item columns a kernel fills
 * side by side (scores per pair, bounds per node...), declared by destructuring instead of one
 * `new Float64Array(n)` line each.
 * Reference: none (allocation helper).
 */

/**
 * `count` separate zero-filled Float64Arrays of `length` elements each (not views of one buffer).
 *
 * Complexity: O(count x length) time and memory. `count` 0 gives an empty list; `length` 0 gives
 * empty arrays; a negative or fractional length throws the RangeError of `new Float64Array`.
 * @example
 * const [lower, upper] = float64Arrays(n, 2);
 */
export function float64Arrays(length: number, count: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < count; k++) out.push(new Float64Array(length));
  return out;
}

/**
 * `count` separate zero-filled Int32Arrays of `length` elements each; see {@link float64Arrays}.
 * @example
 * const [low, parent] = int32Arrays(n, 2);
 */
export function int32Arrays(length: number, count: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let k = 0; k < count; k++) out.push(new Int32Array(length));
  return out;
}

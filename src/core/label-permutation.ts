/**
 * Seeded label permutation
 * A small seeded PRNG (mulberry32) and a Fisher-Yates shuffle of group labels that keeps group sizes,
 * as used by permutation tests of group statistics and seeded community detection.
 * Reference: Knuth, D. E. (1997). The Art of Computer Programming, vol. 2, 3rd ed., §3.4.2 (Algorithm P).
 */

/**
 * A deterministic generator of floats in [0, 1) from a 32-bit seed (mulberry32, T. Ettinger 2017).
 * The same seed always yields the same sequence on every platform.
 * Complexity: O(1) per draw.
 * @example
 * const next = mulberry32(42);
 * const u = next(); // 0 <= u < 1
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffle `values` in place (Fisher-Yates): every permutation is equally likely given a uniform `random`.
 * Complexity: O(values.length).
 * @example
 * const a = Int32Array.of(0, 0, 1, 1);
 * shuffleInPlace(a, mulberry32(1)); // still two 0s and two 1s
 */
export function shuffleInPlace(values: Int32Array, random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}

/**
 * Permute the labels of labelled nodes (label >= 0) among themselves; nodes labelled -1 keep -1.
 * Group sizes are kept. Writes into `out` (may be `labels` itself) and returns it.
 *
 * @param members indices of the labelled nodes, in any fixed order
 * @param pool scratch of length `members.length`
 * Complexity: O(members.length).
 */
export function permuteLabels(
  labels: Int32Array,
  members: Int32Array,
  pool: Int32Array,
  random: () => number,
  out: Int32Array,
): Int32Array {
  for (let t = 0; t < members.length; t++) pool[t] = labels[members[t]];
  shuffleInPlace(pool, random);
  for (let t = 0; t < members.length; t++) out[members[t]] = pool[t];
  return out;
}

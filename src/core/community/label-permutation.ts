/**
 * Seeded label permutation
 * A Fisher-Yates shuffle of group labels that keeps group sizes, drawing from a seeded generator
 * (mulberry32, ./random.ts), as used by permutation tests of group statistics.
 * Reference: Knuth, D. E. (1997). The Art of Computer Programming, vol. 2, 3rd ed., §3.4.2 (Algorithm P).
 */

/** The seeded generator lives in ./random.ts; re-exported here for existing callers. */

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

/**
 * Ranking quality
 * How well a score ranks known positives (hidden ties) above negatives: AUC and precision at k,
 * with equal scores handled exactly (half credit for AUC, shared pro rata at the precision cut).
 * Reference: Lu, L. & Zhou, T. (2011). Link prediction in complex networks: a survey. Physica A 390.
 */

function sortedCopy(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}

/** Number of entries of an ascending array below v, and at most v. Complexity: O(log n). */
export function bounds(sorted: Float64Array, v: number): [number, number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  let lo2 = lo;
  let hi2 = sorted.length;
  while (lo2 < hi2) {
    const mid = (lo2 + hi2) >>> 1;
    if (sorted[mid] <= v) lo2 = mid + 1;
    else hi2 = mid;
  }
  return [lo, lo2];
}

/**
 * AUC of scores of positives against negatives:
 *
 *   AUC = (#{(p, q) : s_p > s_q} + 0.5 #{(p, q) : s_p = s_q}) / (|P| |N|)
 *
 * (the Mann-Whitney statistic). NaN when either side is empty.
 *
 * Complexity: O((|P| + |N|) log |N|).
 * @example
 * auc(Float64Array.of(3, 1), Float64Array.of(2, 1)); // (1 + 0.5 + 1 + 0) / 4 = 0.625
 */
export function auc(positives: Float64Array, negatives: Float64Array): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const neg = sortedCopy(negatives);
  let total = 0;
  for (let t = 0; t < positives.length; t++) {
    const [below, atOrBelow] = bounds(neg, positives[t]);
    total += below + 0.5 * (atOrBelow - below);
  }
  return total / (positives.length * negatives.length);
}

/**
 * Precision at k: the expected share of positives among the k best-scored items when equal scores
 * are ordered at random,
 *
 *   P@k = (#{positives above the cut} + (k - #{above the cut}) * #{positives at the cut} / #{at the cut}) / k
 *
 * where the cut is the k-th largest score. k larger than the number of items is read as all of them;
 * NaN for no items or k < 1.
 *
 * Complexity: O(N log N).
 * @example
 * precisionAtK(2, Float64Array.of(3, 1), Float64Array.of(2, 1)); // 0.5
 */
export function precisionAtK(k: number, positives: Float64Array, negatives: Float64Array): number {
  const total = positives.length + negatives.length;
  if (total === 0 || !(k >= 1)) return NaN;
  const kk = Math.min(Math.floor(k), total);
  const all = new Float64Array(total);
  all.set(positives);
  all.set(negatives, positives.length);
  all.sort();
  const cut = all[total - kk];
  const pos = sortedCopy(positives);
  const neg = sortedCopy(negatives);
  const [pBelow, pAtOrBelow] = bounds(pos, cut);
  const [nBelow, nAtOrBelow] = bounds(neg, cut);
  const posAbove = pos.length - pAtOrBelow;
  const above = posAbove + (neg.length - nAtOrBelow);
  const posAt = pAtOrBelow - pBelow;
  const at = posAt + (nAtOrBelow - nBelow);
  return (posAbove + (at > 0 ? ((kk - above) * posAt) / at : 0)) / kk;
}

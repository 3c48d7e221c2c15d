/**
 * Multiple-testing control shared by every family of tests orgraph reports (group gaps, per-group
 * E-I, period comparisons).
 *
 * Benjamini–Hochberg step-up q-values (false discovery rate):
 *
 *   q_(i) = min_{j >= i} min(1, m p_(j) / j)
 *
 * for p-values sorted ascending p_(1) <= ... <= p_(m), m = number of defined (non-NaN) p-values.
 * A hypothesis is declared at FDR level alpha when q <= alpha. Equal to R's
 * `p.adjust(p, method = "BH")`.
 *
 * Reference: Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical
 * and powerful approach to multiple testing. JRSS B 57(1), 289–300.
 *
 * Complexity: O(m log m). Edge cases: NaN p-values stay NaN and do not count in m; an empty input
 * gives an empty output; q >= p always.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const n = pValues.length;
  const q = new Float64Array(n).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(pValues[i])) order.push(i);
  const m = order.length;
  if (m === 0) return q;
  order.sort((a, b) => pValues[a] - pValues[b] || a - b);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r];
    const adjusted = Math.min(1, (m * pValues[i]) / (r + 1));
    if (adjusted < running) running = adjusted;
    q[i] = running;
  }
  return q;
}

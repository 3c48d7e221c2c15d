/**
 * Permutation test summary
 * Where an observed group statistic falls among the values it takes when group labels are shuffled
 * (sizes kept): the null mean and spread, one- and two-sided p-values.
 * Reference: Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero.
 * Statistical Applications in Genetics and Molecular Biology 9(1), art. 39.
 */

/** The outcome of a permutation test of one statistic. All fields NaN when the observed value is. */
export interface PermutationResult {
  /** The statistic on the real labels (NaN when undefined there). */
  readonly observed: number;
  /** Mean of the statistic over the permutations (its expected value under random labels). */
  readonly expected: number;
  /** Standard deviation over the permutations. */
  readonly sd: number;
  /** (1 + #{permuted <= observed}) / (1 + N): small = lower than chance. */
  readonly pLower: number;
  /** (1 + #{permuted >= observed}) / (1 + N): small = higher than chance. */
  readonly pUpper: number;
  /** Two-sided: min(1, 2 min(pLower, pUpper)). */
  readonly pValue: number;
  /** N: permutations in which the statistic was defined. */
  readonly permutations: number;
}

/** Relative tolerance under which a permuted value counts as equal to the observed one. */
const TIE_TOLERANCE = 1e-12;

/**
 * Running tallies of permuted values for several statistics at once (one per group, say), so that
 * a test over many groups and permutations needs O(k) memory, not O(k x permutations).
 * @example
 * const tally = new PermutationTally(Float64Array.of(-0.8));
 * tally.add(0, -0.1); tally.add(0, 0.05);
 * tally.result(0).pLower; // 1/3
 */
export class PermutationTally {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly atMost: Float64Array;
  private readonly atLeast: Float64Array;

  /** @param observed the observed value of each statistic */
  constructor(readonly observed: Float64Array) {
    const k = observed.length;
    this.count = new Float64Array(k);
    this.sum = new Float64Array(k);
    this.sumSq = new Float64Array(k);
    this.atMost = new Float64Array(k);
    this.atLeast = new Float64Array(k);
  }

  /** Record one permuted value of statistic `s` (NaN values are skipped). */
  add(s: number, x: number): void {
    if (Number.isNaN(x)) return;
    const obs = this.observed[s];
    const tol = TIE_TOLERANCE * Math.max(1, Math.abs(obs));
    this.count[s]++;
    this.sum[s] += x;
    this.sumSq[s] += x * x;
    if (x <= obs + tol) this.atMost[s]++;
    if (x >= obs - tol) this.atLeast[s]++;
  }

  /**
   * The test of statistic `s`:
   *
   *   pLower = (1 + #{x_r <= obs}) / (1 + N),  pUpper = (1 + #{x_r >= obs}) / (1 + N)
   *   pValue = min(1, 2 min(pLower, pUpper))
   *
   * with equality up to 1e-12 (relative); N counts the permutations where the statistic was
   * defined. NaN p-values when the observed value is NaN or N = 0.
   */
  result(s: number): PermutationResult {
    const observed = this.observed[s];
    const count = this.count[s];
    const mean = count > 0 ? this.sum[s] / count : NaN;
    if (Number.isNaN(observed) || count === 0) {
      return { observed, expected: mean, sd: NaN, pLower: NaN, pUpper: NaN, pValue: NaN, permutations: count };
    }
    const variance = Math.max(0, this.sumSq[s] / count - mean * mean);
    const pLower = (1 + this.atMost[s]) / (1 + count);
    const pUpper = (1 + this.atLeast[s]) / (1 + count);
    return {
      observed,
      expected: mean,
      sd: Math.sqrt(variance),
      pLower,
      pUpper,
      pValue: Math.min(1, 2 * Math.min(pLower, pUpper)),
      permutations: count,
    };
  }
}

/**
 * Summarise the permuted values of one statistic against its observed value (see
 * {@link PermutationTally.result} for the p-values). Complexity: O(N).
 * @example
 * permutationResult(-0.8, Float64Array.of(-0.1, 0.05, -0.2)).pLower; // 0.25
 */
export function permutationResult(observed: number, samples: ArrayLike<number>): PermutationResult {
  const tally = new PermutationTally(Float64Array.of(observed));
  for (let r = 0; r < samples.length; r++) tally.add(0, samples[r]);
  return tally.result(0);
}

/**
 * Introduction score
 * orgraph's documented score of a candidate introduction: structural proximity (resource allocation
 * over two- and three-step paths, optionally tie-strength aware), the pair's affinity for each other's
 * group, and the steps the new tie saves.
 * Reference: Zhou, T., Lu, L. & Zhang, Y.-C. (2009). Predicting missing links via local information.
 * Eur. Phys. J. B 71; Lu, L., Jin, C.-H. & Zhou, T. (2009). Phys. Rev. E 80, 046122.
 */

/** Weights of orgraph's introduction score (see {@link introductionScore}). */
export interface IntroductionScoreWeights {
  /** lambda: weight of the count of mutual contacts. @defaultValue 0 */
  readonly commonNeighbours: number;
  /** alpha: weight of resource allocation (mutual contacts, each worth 1 / its number of contacts). @defaultValue 1 */
  readonly resourceAllocation: number;
  /** omega: weight of the tie-strength-aware resource allocation. @defaultValue 0 */
  readonly weightedResourceAllocation: number;
  /** epsilon: weight of resource allocation over three-step paths. @defaultValue 0.1 */
  readonly threeStep: number;
  /** delta: proximity every pair gets, so that pairs with no short chain still rank by affinity. @defaultValue 0.0001 */
  readonly baseline: number;
  /** gamma: exponent of the group affinity. @defaultValue 0.25 */
  readonly groupAffinity: number;
  /** beta: extra weight per step the tie saves beyond one. @defaultValue 0.5 */
  readonly bridging: number;
}

/** The fixed weights, used when the weights cannot be fitted on the graph (see `fitIntroductionScore`). */
export const DEFAULT_INTRODUCTION_SCORE: IntroductionScoreWeights = Object.freeze({
  commonNeighbours: 0,
  resourceAllocation: 1,
  weightedResourceAllocation: 0,
  threeStep: 0.1,
  baseline: 1e-4,
  groupAffinity: 0.25,
  bridging: 0.5,
});

/** The parts of a candidate pair that its score combines. */
export interface IntroductionComponents {
  /** CN: mutual contacts. */
  readonly commonNeighbours: number;
  /** RA: sum over mutual contacts w of 1 / k_w. */
  readonly resourceAllocation: number;
  /** RAw: sum over mutual contacts w of (a_aw + a_wb) / (2 s_w), s_w = w's total tie strength. */
  readonly weightedResourceAllocation: number;
  /** RA3: sum over paths a - x - y - b of 1 / (k_x k_y). */
  readonly resourceAllocation3: number;
  /** Contacts of a (k_a) and of b (k_b) on the undirected view. */
  readonly degreeA: number;
  readonly degreeB: number;
  /** a's contacts in b's group, and b's contacts in a's group. */
  readonly contactsInGroupB: number;
  readonly contactsInGroupA: number;
  /** Current distance in steps: 2 with a mutual contact, 3 with a three-step chain, 4 for farther. */
  readonly hops: number;
}

/**
 * orgraph's introduction score of a candidate pair (a in group A, b in group B):
 *
 *   proximity = lambda CN + alpha RA + omega RAw + epsilon RA3 + delta
 *   affinity  = ((t_aB + 1) / (k_a + 1)) * ((t_bA + 1) / (k_b + 1))
 *   score     = proximity * affinity^gamma * (1 + beta * (hops - 2))
 *
 * CN counts mutual contacts; RA = sum 1/k_w weighs each mutual contact by how few other contacts it
 * has (Zhou et al.); RAw does the same with tie strengths; RA3 ranks pairs with no mutual contact by
 * the short chains that join them (Lu et al.'s local-path idea with resource allocation). The affinity
 * is the share of a's contacts already in b's group (t_aB of k_a) times the share of b's contacts in
 * a's group, smoothed by one: people who already work across the pair of groups are the likeliest to
 * take an introduction. It is degree-normalised, so it does not favour the best-connected people. The
 * bridging factor rewards a tie that saves two steps (hops 3) over one that saves one. Undirected view;
 * ties read as present or absent except in RAw. Load is not part of the score: it is a cap applied
 * when the list is drawn up.
 *
 * Which weights work best depends on the network (tie strengths help on survey data and hurt on
 * e-mail counts; the affinity helps when groups have their own contact habits), so `introductions`
 * fits them on the observed graph by default (`fitIntroductionScore` in score-fit.ts, held-out ties of the graph
 * itself); {@link DEFAULT_INTRODUCTION_SCORE} is the fallback. See docs/recommendation-quality.md.
 *
 * Complexity: O(1).
 * @example
 * introductionScore({ commonNeighbours: 2, resourceAllocation: 0.5, weightedResourceAllocation: 0.5, resourceAllocation3: 2,
 *   degreeA: 3, degreeB: 3, contactsInGroupB: 1, contactsInGroupA: 3, hops: 2 });
 * // (0.5 + 0.2 + 0.0001) * ((2/4) * (4/4)) ** 0.25 = 0.5887...
 */
export function introductionScore(c: IntroductionComponents, weights: IntroductionScoreWeights = DEFAULT_INTRODUCTION_SCORE): number {
  const proximity =
    weights.commonNeighbours * c.commonNeighbours +
    weights.resourceAllocation * c.resourceAllocation +
    weights.weightedResourceAllocation * c.weightedResourceAllocation +
    weights.threeStep * c.resourceAllocation3 +
    weights.baseline;
  const affinity = ((c.contactsInGroupB + 1) / (c.degreeA + 1)) * ((c.contactsInGroupA + 1) / (c.degreeB + 1));
  return proximity * (weights.groupAffinity === 0 ? 1 : affinity ** weights.groupAffinity) * (1 + weights.bridging * Math.max(0, c.hops - 2));
}

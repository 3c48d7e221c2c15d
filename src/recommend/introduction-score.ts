/**
 * Introduction score
 * orgraph's documented score of a candidate introduction, in two parts shown apart: its value (how
 * much the new tie would close the gap between the two groups: steps saved, and whether it opens a
 * new bridge or duplicates one) and its plausibility (how likely the tie is to take, by link
 * prediction: resource allocation over two- and three-step paths, optionally tie-strength aware).
 * Reference: Zhou, T., Lu, L. & Zhang, Y.-C. (2009). Predicting missing links via local information.
 * Eur. Phys. J. B 71; Lu, L., Jin, C.-H. & Zhou, T. (2009). Phys. Rev. E 80, 046122; Burt, R. S.
 * (1992). Structural Holes (redundant contacts).
 */

/** Weights of the plausibility part of the introduction score (see {@link introductionPlausibility}). */
export interface IntroductionScoreWeights {
  /** lambda: weight of the count of mutual contacts. @defaultValue 1 */
  readonly commonNeighbours: number;
  /** alpha: weight of resource allocation (mutual contacts, each worth 1 / its number of contacts). @defaultValue 0 */
  readonly resourceAllocation: number;
  /** omega: weight of the tie-strength-aware resource allocation. @defaultValue 1 */
  readonly weightedResourceAllocation: number;
  /** epsilon: weight of resource allocation over three-step paths. @defaultValue 0 */
  readonly threeStep: number;
  /** delta: plausibility every pair gets, so that no candidate scores exactly 0. @defaultValue 0.0001 */
  readonly baseline: number;
}

/**
 * The fixed plausibility weights, used when they cannot be fitted on the graph (see
 * `fitIntroductionScore`). Reproduced by `npx tsx scripts/eval/tune.ts` (grid search on the tuning
 * hidings only; docs/recommendation-quality.md).
 */
export const DEFAULT_INTRODUCTION_SCORE: IntroductionScoreWeights = Object.freeze({
  commonNeighbours: 1,
  resourceAllocation: 0,
  weightedResourceAllocation: 1,
  threeStep: 0,
  baseline: 1e-4,
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
  /** Contacts of a (k_a) on the undirected view. */
  readonly degreeA: number;
  /** Contacts of b (k_b) on the undirected view. */
  readonly degreeB: number;
  /** a's contacts in b's group (existing bridges the pair already has). */
  readonly contactsInGroupB: number;
  /** b's contacts in a's group. */
  readonly contactsInGroupA: number;
  /** Current distance in steps: 2 with a mutual contact, 3 with a three-step chain, 4 for farther. */
  readonly hops: number;
}

/** The value part, with its factors. */
export interface IntroductionValue {
  /** Steps the new tie saves between a and b: hops - 1. */
  readonly stepsSaved: number;
  /** 1 / sqrt((1 + t_aB)(1 + t_bA)): 1 when neither already has a contact in the other's group. */
  readonly novelty: number;
  /** stepsSaved x novelty. */
  readonly value: number;
}

/**
 * Value of an introduction for closing the gap between the two groups:
 *
 *   stepsSaved = hops - 1                       (2 -> 1 saves one step, 3 -> 1 saves two)
 *   novelty    = 1 / sqrt((1 + t_aB) (1 + t_bA))
 *   value      = stepsSaved x novelty
 *
 * t_aB = a's contacts already in b's group. A tie between two people who have no contact in each
 * other's group opens a new bridge (novelty 1); a tie from someone who already has three contacts
 * there duplicates bridges that exist (novelty 1/2 at most). This replaces the old "group affinity"
 * factor, which multiplied the score by the same shares and so favoured people (and group pairs)
 * that already talk: the opposite of what an introduction across a gap is for. Load on people
 * already bridging is not scored but capped when the list is drawn up (`maxPerPerson`,
 * `maxPerIntroducer` in `introductions`).
 *
 * Complexity: O(1).
 * @example
 * introductionValue({ ...c, hops: 3, contactsInGroupB: 0, contactsInGroupA: 3 }); // { stepsSaved: 2, novelty: 0.5, value: 1 }
 */
export function introductionValue(c: IntroductionComponents): IntroductionValue {
  const stepsSaved = Math.max(0, c.hops - 1);
  const novelty = 1 / Math.sqrt((1 + c.contactsInGroupB) * (1 + c.contactsInGroupA));
  return { stepsSaved, novelty, value: stepsSaved * novelty };
}

/**
 * Plausibility of an introduction (how likely the tie is to take), a local link-prediction score:
 *
 *   plausibility = lambda CN + alpha RA + omega RAw + epsilon RA3 + delta
 *
 * CN counts mutual contacts; RA = sum 1/k_w weighs each mutual contact by how few other contacts it
 * has (Zhou et al.); RAw does the same with tie strengths; RA3 ranks pairs with no mutual contact by
 * the short chains that join them (Lu et al.'s local-path idea with resource allocation). Undirected
 * view; ties read as present or absent except in RAw. This is the part that hidden-tie recovery can
 * evaluate (docs/recommendation-quality.md); the value part cannot be checked that way.
 *
 * Complexity: O(1).
 * @example
 * introductionPlausibility({ ...c, commonNeighbours: 2, weightedResourceAllocation: 0.25 }); // 2 + 0.25 + 0.0001
 */
export function introductionPlausibility(
  c: IntroductionComponents,
  weights: IntroductionScoreWeights = DEFAULT_INTRODUCTION_SCORE,
): number {
  return (
    weights.commonNeighbours * c.commonNeighbours +
    weights.resourceAllocation * c.resourceAllocation +
    weights.weightedResourceAllocation * c.weightedResourceAllocation +
    weights.threeStep * c.resourceAllocation3 +
    weights.baseline
  );
}

/**
 * orgraph's introduction score: value x plausibility (see {@link introductionValue} and
 * {@link introductionPlausibility}), the worth of the tie for the gap weighted by how likely it is
 * to take. Both parts are reported on each introduction.
 *
 * Complexity: O(1).
 * @example
 * introductionScore({ commonNeighbours: 2, resourceAllocation: 0.5, weightedResourceAllocation: 0.5, resourceAllocation3: 2,
 *   degreeA: 3, degreeB: 3, contactsInGroupB: 0, contactsInGroupA: 3, hops: 2 });
 * // value 1 x 1/2 = 0.5; plausibility (default weights) 2 + 0.5 + 0.0001 = 2.5001; score 1.25005
 */
export function introductionScore(c: IntroductionComponents, weights: IntroductionScoreWeights = DEFAULT_INTRODUCTION_SCORE): number {
  return introductionValue(c).value * introductionPlausibility(c, weights);
}

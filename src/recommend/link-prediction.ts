/**
 * Link-prediction scores
 * How likely two people are to be (or become) tied, from their neighbourhoods on the undirected,
 * unweighted view: common neighbours, Jaccard, Adamic-Adar, resource allocation and preferential
 * attachment, with NetworkX's conventions.
 * Reference: Liben-Nowell, D. & Kleinberg, J. (2007). The link-prediction problem for social networks.
 * JASIST 58(7), 1019-1031; Zhou, T., Lu, L. & Zhang, Y.-C. (2009). Eur. Phys. J. B 71, 623-630.
 */
import { linkScoresOfPairs, type LinkScoreArrays } from '../core/structure/link-scores.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { sortedAdjacency } from './groups.js';

/** The five classic scores, by output key. */
export const LINK_PREDICTION_METHODS = Object.freeze([
  'commonNeighbours',
  'jaccard',
  'adamicAdar',
  'resourceAllocation',
  'preferentialAttachment',
] as const);

/** A link-prediction score (one of `LINK_PREDICTION_METHODS`). */
export type LinkPredictionMethod = (typeof LINK_PREDICTION_METHODS)[number];

/** A pair of person ids. */
export type IdPair = readonly [string, string];

/** What {@link linkPrediction} returns. */
export interface LinkPredictionResult {
  /** The pairs scored, in the order given (ids as in the graph). */
  readonly pairs: readonly IdPair[];
  /** One array per method, aligned with `pairs`. */
  readonly scores: Readonly<Record<LinkPredictionMethod, Float64Array>>;
}

/**
 * Every classic link-prediction score for the given pairs of people.
 *
 *   CN(a, b) = |N(a) ∩ N(b)|
 *   Jaccard  = CN / |N(a) ∪ N(b)|     (0 when both have no contacts)
 *   AA       = sum_{w in N(a) ∩ N(b)} 1 / ln k_w
 *   RA       = sum_{w in N(a) ∩ N(b)} 1 / k_w
 *   PA       = k_a k_b
 *
 * N(x) = people tied to x in either direction in the view; weights are ignored (as NetworkX does).
 * Isolates score 0. A person outside the view, or unknown, throws `E_UNKNOWN_PERSON`.
 *
 * Complexity: O(n + m) to build the adjacency, then O(k_a + k_b) per pair.
 * @returns scores aligned with `pairs`
 * @example
 * const r = linkPrediction(project(graph), [['ana', 'bo']]);
 * r.scores.adamicAdar[0]; // 1.4426950408889634 (one common contact with two ties)
 */
export function linkPrediction(view: OrgView, pairs: readonly IdPair[]): LinkPredictionResult {
  const adj = sortedAdjacency(view, { weighted: false });
  const { i, j } = pairIndices(view, pairs);
  const s: LinkScoreArrays = linkScoresOfPairs(adj, i, j);
  return {
    pairs,
    scores: {
      commonNeighbours: s.commonNeighbours,
      jaccard: s.jaccard,
      adamicAdar: s.adamicAdar,
      resourceAllocation: s.resourceAllocation,
      preferentialAttachment: s.preferentialAttachment,
    },
  };
}

/** Common neighbours |N(a) ∩ N(b)| for each pair; see {@link linkPrediction}. */
export function commonNeighbours(view: OrgView, pairs: readonly IdPair[]): Float64Array {
  return linkPrediction(view, pairs).scores.commonNeighbours;
}

/** Jaccard coefficient for each pair; see {@link linkPrediction}. */
export function jaccard(view: OrgView, pairs: readonly IdPair[]): Float64Array {
  return linkPrediction(view, pairs).scores.jaccard;
}

/** Adamic-Adar index for each pair; see {@link linkPrediction}. */
export function adamicAdar(view: OrgView, pairs: readonly IdPair[]): Float64Array {
  return linkPrediction(view, pairs).scores.adamicAdar;
}

/** Resource allocation index for each pair; see {@link linkPrediction}. */
export function resourceAllocation(view: OrgView, pairs: readonly IdPair[]): Float64Array {
  return linkPrediction(view, pairs).scores.resourceAllocation;
}

/** Preferential attachment k_a k_b for each pair; see {@link linkPrediction}. */
export function preferentialAttachment(view: OrgView, pairs: readonly IdPair[]): Float64Array {
  return linkPrediction(view, pairs).scores.preferentialAttachment;
}

/** View indices of each pair's people; throws `E_UNKNOWN_PERSON` naming the first id not in the view. */
export function pairIndices(view: OrgView, pairs: readonly IdPair[]): { i: Int32Array; j: Int32Array } {
  const i = new Int32Array(pairs.length);
  const j = new Int32Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    i[p] = personIndex(view, pairs[p][0]);
    j[p] = personIndex(view, pairs[p][1]);
  }
  return { i, j };
}

/** View index of a person id; throws `E_UNKNOWN_PERSON` when the person is not in the view. */
export function personIndex(view: OrgView, id: string): number {
  const x = view.indexOf(id);
  if (x < 0) throw new OrgraphError('E_UNKNOWN_PERSON', `no person "${id}" in the view`, { field: 'person' });
  return x;
}

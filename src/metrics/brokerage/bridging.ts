/**
 * Bridging centrality
 * Betweenness weighted by how much a person sits between better-connected contacts: high for
 * people who link dense clusters, low for the hubs inside them.
 * Reference: Hwang, W., Cho, Y.-R., Zhang, A. & Ramanathan, M. (2006). Bridging centrality:
 * identifying bridging nodes in scale-free networks. KDD 2006 workshop; tech. report 2006-05,
 * SUNY Buffalo.
 */
import { bridgingCoefficientKernel } from '../../core/structure/bridging.js';
import type { LengthTransform } from '../../core/graph/csr.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { betweennessSync } from '../centrality/betweenness.js';
import { NodeScores } from '../scores.js';
import { viewEgoTies } from './groups.js';

/** Options of {@link bridging}. */
export interface BridgingOptions {
  /** Betweenness normalised as NetworkX does (x 2/((n-1)(n-2)) undirected). @defaultValue true */
  readonly normalized?: boolean;
  /** Betweenness over lengths from tie strengths (`length`); false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** How a tie strength becomes a path length for betweenness. @defaultValue 'inverse' (d = 1 / w) */
  readonly length?: LengthTransform;
}

/** Defaults of {@link BridgingOptions}. */
export const DEFAULT_BRIDGING_OPTIONS = Object.freeze({
  normalized: true,
  weighted: true,
  length: 'inverse' as LengthTransform,
});

/**
 * Bridging coefficient of every person.
 *
 *   BrC_i = (1 / k_i) / sum_{u in N(i)} (1 / k_u),   k = number of distinct contacts
 *
 * Ties are read as undirected and unweighted (contacts in either direction). People without ties
 * get NaN. Complexity: O(n + m).
 * @returns scores aligned with `view.personIds`, metric key `bridgingCoefficient`
 * @example
 * bridgingCoefficient(project(graph)).top(5);
 */
export function bridgingCoefficient(view: OrgView): NodeScores {
  return new NodeScores('bridgingCoefficient', view.personIds, bridgingCoefficientKernel(viewEgoTies(view, false)));
}

/**
 * Bridging centrality of every person: the product of the two *values* (not of their ranks).
 *
 *   BC_i = C_B(i) x BrC_i
 *
 * C_B is betweenness as `betweennessSync` computes it with these options (NetworkX-normalised by
 * default; paths follow arcs on directed views; lengths d = 1/w when weighted) and BrC the
 * bridging coefficient ({@link bridgingCoefficient}). People without ties get 0 (they lie on no
 * path; their coefficient alone is undefined). Complexity: that of betweenness, O(n m) unweighted
 * or O(n m log n) weighted.
 *
 * @returns scores aligned with `view.personIds`, metric key `bridging`
 * @example
 * bridging(project(graph), { weighted: false }).top(5);
 */
export function bridging(view: OrgView, options: BridgingOptions = {}): NodeScores {
  const b = betweennessSync(view, {
    normalized: options.normalized ?? DEFAULT_BRIDGING_OPTIONS.normalized,
    weighted: options.weighted ?? DEFAULT_BRIDGING_OPTIONS.weighted,
    length: options.length ?? DEFAULT_BRIDGING_OPTIONS.length,
  });
  return bridgingFromBetweenness(view, b);
}

/**
 * Bridging centrality from betweenness scores already computed for the same view (for example by
 * the parallel `betweenness`): BC_i = betweenness_i x BrC_i, 0 for people without ties.
 * Complexity: O(n + m).
 * @example
 * bridgingFromBetweenness(view, await betweenness(view, { workers: 4 }));
 */
export function bridgingFromBetweenness(view: OrgView, betweennessScores: NodeScores): NodeScores {
  if (betweennessScores.size !== view.personIds.length) {
    throw new OrgraphError('E_BAD_OPTION', `betweenness has ${betweennessScores.size} values for ${view.personIds.length} people`);
  }
  const coefficient = bridgingCoefficientKernel(viewEgoTies(view, false));
  const values = new Float64Array(coefficient.length);
  const b = betweennessScores.values;
  for (let i = 0; i < values.length; i++) values[i] = Number.isNaN(coefficient[i]) ? 0 : b[i] * coefficient[i];
  return new NodeScores('bridging', view.personIds, values, betweennessScores.diagnostics);
}

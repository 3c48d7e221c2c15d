/**
 * Core number (k-core)
 * The deepest k-core a person belongs to: how embedded they are in a densely tied centre.
 * Reference: Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5(3),
 * 269-287; Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
 * networks. arXiv:cs/0310049.
 */
import { coreNumbers } from '../../core/structure/k-core.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';

/** Core number takes no options today; the type is kept for a uniform API. */
export type CoreNumberOptions = Record<string, never>;
/** Defaults of {@link CoreNumberOptions} (frozen). */
export const DEFAULT_CORE_NUMBER_OPTIONS: Readonly<CoreNumberOptions> = Object.freeze({});

/**
 * Core number of every person (`nx.core_number`).
 *
 *   core(i) = max { k : i is in the k-core },  the k-core being the largest subgraph in which
 *             every person has degree >= k
 *
 * Undirected views use k_i; directed views use in-degree + out-degree (a reciprocated pair counts
 * twice, as NetworkX on a DiGraph). Tie values are ignored. Isolates get 0; an empty view gives
 * empty scores.
 * Complexity: O(n + m).
 * @returns scores aligned with `view.personIds`
 * @example
 * coreNumber(project(graph)).top(10); // the people in the innermost core
 */
export function coreNumber(view: OrgView, _options: CoreNumberOptions = {}): NodeScores {
  const { csr } = view;
  const out = { offsets: csr.offsets, targets: csr.targets };
  const lists = csr.directed ? [out, { offsets: csr.inOffsets, targets: csr.inSources }] : [out];
  const core = coreNumbers(csr.n, lists);
  return new NodeScores('coreNumber', view.personIds, Float64Array.from(core));
}

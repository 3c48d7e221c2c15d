/**
 * Introduction path
 * The strongest chain of contacts from one person to another: the shortest path when a tie's
 * length is 1 / strength, with the next best loopless alternatives.
 * Reference: Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. Management
 * Science 17(11); Granovetter, M. (1973). The strength of weak ties. Am. J. Sociol. 78(6).
 */
import { kShortestPaths } from '../core/paths/k-shortest-paths.js';
import { lengthsFromStrengths, type LengthTransform } from '../core/graph/csr.js';
import type { OrgView } from '../model/projection.js';
import { personIndex } from './link-prediction.js';
import { definedOnly } from '../core/util/options.js';

/** Options of {@link introductionPath}. */
export interface IntroductionPathOptions {
  /** Paths to return: the strongest and up to `alternatives - 1` more. @defaultValue 3 */
  readonly alternatives?: number;
  /** How a tie strength becomes a length. @defaultValue 'inverse' (d = 1 / w) */
  readonly length?: LengthTransform;
}

/** Defaults of {@link IntroductionPathOptions}. */
export const DEFAULT_INTRODUCTION_PATH_OPTIONS = Object.freeze({ alternatives: 3, length: 'inverse' as LengthTransform });

/** One chain of contacts from the first person to the last, with its length and weakest tie. */
export interface ContactChain {
  /** People from the first to the last. */
  readonly people: readonly string[];
  /** Strength of each tie on the chain, in order. */
  readonly strengths: readonly number[];
  /** Sum of tie lengths (1 / w by default): smaller = stronger chain. */
  readonly length: number;
  /** Ties on the chain (people - 1); 1 means the two already know each other. */
  readonly hops: number;
  /** The weakest tie on the chain. */
  readonly weakestTie: number;
}

/** What {@link introductionPath} returns. */
export interface IntroductionPathResult {
  /** The person the chains start from (as asked). */
  readonly from: string;
  /** The person the chains end at (as asked). */
  readonly to: string;
  /** Strongest first; empty when `to` cannot be reached. */
  readonly paths: readonly ContactChain[];
}

/**
 * The strongest chains of contacts from `from` to `to`.
 *
 *   length(path) = sum over its ties of d(w),  d(w) = 1 / w by default
 *
 * Directed views follow ties in their direction; undirected views either way (a pair's strength is
 * a_ij + a_ji). Alternatives are loopless and distinct (Yen), ordered by length. A person with no
 * path gets an empty list; from === to gives one path of one person. Unknown people throw
 * `E_UNKNOWN_PERSON`.
 *
 * Complexity: O(k n (n + m) log n) for k paths.
 * @example
 * introductionPath(project(graph), 'ana', 'dee').paths[0].people; // ['ana', 'bo', 'dee']
 */
export function introductionPath(view: OrgView, from: string, to: string, options: IntroductionPathOptions = {}): IntroductionPathResult {
  const o = { ...DEFAULT_INTRODUCTION_PATH_OPTIONS, ...definedOnly(options) };
  const s = personIndex(view, from);
  const t = personIndex(view, to);
  const csr = view.csr;
  const { lengths } = lengthsFromStrengths(csr, o.length);
  const found = kShortestPaths({ n: csr.n, offsets: csr.offsets, targets: csr.targets, lengths }, s, t, Math.max(1, o.alternatives));
  return {
    from,
    to,
    paths: found.map((p) => {
      const strengths = p.arcs.map((a) => csr.weights[a]);
      return {
        people: p.nodes.map((x) => view.personIds[x]),
        strengths,
        length: p.length,
        hops: p.arcs.length,
        weakestTie: strengths.length ? Math.min(...strengths) : NaN,
      };
    }),
  };
}

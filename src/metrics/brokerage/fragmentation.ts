/**
 * Fragmentation (key-person risk)
 * How much of the network falls apart when a person, or a set of people, leaves: the share of
 * pairs of remaining people who can no longer reach each other (or, distance-weighted, how much
 * farther apart they are).
 * Reference: Borgatti, S. P. (2006). Identifying sets of key players in a social network.
 * Comput. Math. Organ. Theory 12, 21-34.
 */
import { biconnected } from '../../core/structure/biconnected.js';
import { connectedComponents } from '../../core/graph/components.js';
import type { LengthTransform } from '../../core/graph/csr.js';
import { harmonicPairSum } from '../../core/paths/harmonic-pairs.js';
import { undirectedAdjacency, type UndirectedAdjacency } from '../../core/graph/undirected.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { definedOnly } from '../../core/util/options.js';

/**
 * Component fragmentation of r remaining people whose components have sizes s_c:
 * F = 1 - sum_c s_c (s_c - 1) / (r (r - 1)); NaN when r < 2.
 */
export function fragmentationFromPairs(reachablePairs: number, remaining: number): number {
  if (remaining < 2) return NaN;
  return 1 - reachablePairs / (remaining * (remaining - 1));
}

/** Per-person fragmentation and its change from the intact network. */
export interface FragmentationResult {
  /** F of the network once each person is removed (the n - 1 others are counted). */
  readonly scores: NodeScores;
  /** scores - intact: how much more fragmented the network is without each person. */
  readonly change: NodeScores;
  /** Connected components once each person is removed, aligned with `view.personIds`. */
  readonly componentsAfter: Int32Array;
  /** F of the intact network (n people); NaN when n < 2. */
  readonly intact: number;
  /** Connected components of the intact network (isolates count as components). */
  readonly components: number;
}

/**
 * Fragmentation after removing each person, for every person at once (Borgatti 2006).
 *
 *   F(G)     = 1 - sum_c s_c (s_c - 1) / (n (n - 1))          s_c = size of component c
 *   F_v      = F(G - v), computed over the n - 1 remaining people
 *   change_v = F_v - F(G)
 *
 * Convention: removing a person shrinks the population, so F_v divides by (n - 1)(n - 2), not
 * n (n - 1); removing someone who is not an articulation point from a connected network leaves
 * F_v = F(G) = 0. Removing an isolate from a disconnected network lowers F (fewer unreachable
 * pairs), so `change` can be negative.
 *
 * Ties are read as undirected (a directed view: tied in either direction); weights play no part.
 * An isolate's F_v is the F of everyone else. With n <= 2 every value is NaN (fewer than two people
 * remain); an empty graph gives no scores and `intact` NaN.
 *
 * Complexity: O(n + m) for all people together: one iterative Hopcroft-Tarjan search gives, for each
 * articulation point, the sizes of the parts it separates (the block-cut tree), and every other
 * person's removal only shrinks their own component by one.
 *
 * @returns scores and change aligned with `view.personIds`
 * @example
 * const { scores, intact } = fragmentation(view);
 * scores.top(3); // the three people whose departure fragments the network most
 */
export function fragmentation(view: OrgView): FragmentationResult {
  const adj = undirectedAdjacency(view.csr);
  const bc = biconnected(adj);
  const n = adj.n;
  const intact = fragmentationFromPairs(bc.reachablePairs, n);
  const after = new Float64Array(n);
  const change = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    after[v] = fragmentationFromPairs(bc.pairsWithout[v], n - 1);
    change[v] = after[v] - intact;
  }
  const diagnostics = { intact: Number.isNaN(intact) ? null : intact, components: bc.componentSizes.length };
  return {
    scores: new NodeScores('fragmentation', view.personIds, after, diagnostics),
    change: new NodeScores('fragmentationChange', view.personIds, change, diagnostics),
    componentsAfter: bc.componentsWithout,
    intact,
    components: bc.componentSizes.length,
  };
}

/** Fragmentation of the network once a set of people is removed. */
export interface FragmentationSetResult {
  /** F over the remaining people; NaN when fewer than two remain. */
  readonly fragmentation: number;
  /** r: people left after the removal (n minus the distinct people removed). */
  readonly remaining: number;
  /** Connected components among the remaining people. */
  readonly components: number;
  /** sum_c s_c (s_c - 1) over those components: ordered pairs still connected. */
  readonly reachablePairs: number;
}

/**
 * Component fragmentation after removing a set of people (Borgatti 2006, KPP-Neg measure F).
 *
 *   F(G - S) = 1 - sum_c s_c (s_c - 1) / (r (r - 1)),   r = n - |S|
 *
 * Ties are read as undirected; weights play no part. An empty set gives the intact network's F.
 * Unknown ids throw `E_UNKNOWN_PERSON`; repeated ids count once. Complexity: O(n + m).
 *
 * @example
 * fragmentationSet(view, ['ana', 'bo']).fragmentation; // 0.42
 */
export function fragmentationSet(view: OrgView, removed: readonly string[]): FragmentationSetResult {
  const adj = undirectedAdjacency(view.csr);
  const cc = connectedComponents(adj, removalMask(view, removed));
  return {
    fragmentation: fragmentationFromPairs(cc.reachablePairs, cc.remaining),
    remaining: cc.remaining,
    components: cc.count,
    reachablePairs: cc.reachablePairs,
  };
}

/** Options of {@link fragmentationDistance}. */
export interface FragmentationDistanceOptions {
  /** People removed before measuring. @defaultValue [] */
  readonly removed?: readonly string[];
  /** Path lengths from tie strengths (d = 1/w by default); false counts hops. @defaultValue true */
  readonly weighted?: boolean;
  /** How a strength becomes a length when `weighted`. @defaultValue 'inverse' */
  readonly length?: LengthTransform;
  /** Aborts the computation between sources with `E_ABORTED`. */
  readonly signal?: AbortSignal;
}

/** Defaults of {@link FragmentationDistanceOptions}. */
export const DEFAULT_FRAGMENTATION_DISTANCE_OPTIONS = Object.freeze({
  removed: [] as readonly string[],
  weighted: true,
  length: 'inverse' as LengthTransform,
});

/** Distance-weighted fragmentation of a network, optionally after removing people. */
export interface FragmentationDistanceResult {
  /** DF over the remaining people; NaN when fewer than two remain. */
  readonly fragmentation: number;
  /** sum over ordered pairs of remaining people of 1 / d(i, j). */
  readonly harmonicSum: number;
  /** r: people left after the removal (the view's people minus the distinct removed ids). */
  readonly remaining: number;
}

/**
 * Distance-weighted fragmentation (Borgatti 2006, KPP-Neg measure DF).
 *
 *   DF = 1 - sum_{i != j} (1 / d_ij) / (r (r - 1))     over the r remaining people, 1/inf = 0
 *
 * DF = 0 when everyone is tied to everyone (all d = 1, unweighted) and 1 when nobody can reach
 * anybody. Ties are read as undirected; a pair's strength is the sum over directions (a_ij + a_ji)
 * and its length is 1 / strength by default (`weighted: false` counts hops). With weights, DF can
 * be below 0 when strong ties make distances shorter than 1.
 * Fewer than two remaining people give NaN. Unknown removed ids throw `E_UNKNOWN_PERSON`; an aborted
 * signal throws `E_ABORTED`.
 *
 * Complexity: O(r m) hops, O(r m log r) weighted (all-pairs shortest paths).
 *
 * @example
 * fragmentationDistance(view, { removed: ['ana'], weighted: false }).fragmentation;
 */
export function fragmentationDistance(view: OrgView, options: FragmentationDistanceOptions = {}): FragmentationDistanceResult {
  const o = { ...DEFAULT_FRAGMENTATION_DISTANCE_OPTIONS, ...definedOnly(options) };
  const adj = undirectedAdjacency(view.csr);
  const mask = removalMask(view, o.removed);
  let remaining = 0;
  for (let v = 0; v < adj.n; v++) if (!mask[v]) remaining++;
  const signal = options.signal;
  const h = harmonicPairSum(adj, o.weighted ? edgeLengths(adj, o.length) : null, mask, signal ? () => signal.aborted : null);
  if (!h.complete) throw new OrgraphError('E_ABORTED', 'distance fragmentation was aborted');
  return {
    fragmentation: fragmentationFromHarmonic(h.sum, remaining),
    harmonicSum: h.sum,
    remaining,
  };
}

/** DF from the harmonic pair sum of r remaining people; NaN when r < 2. */
export function fragmentationFromHarmonic(harmonicSum: number, remaining: number): number {
  if (remaining < 2) return NaN;
  return 1 - harmonicSum / (remaining * (remaining - 1));
}

/** Edge lengths from the edge strengths of an undirected adjacency. */
export function edgeLengths(adj: UndirectedAdjacency, transform: LengthTransform): Float64Array {
  const w = adj.edgeWeights;
  const out = new Float64Array(w.length);
  for (let e = 0; e < w.length; e++) {
    const d = transform === 'inverse' ? 1 / w[e] : transform === 'identity' ? w[e] : transform(w[e]);
    if (!(d > 0) || !Number.isFinite(d)) {
      throw new OrgraphError('E_BAD_OPTION', `a tie strength ${w[e]} gives the path length ${d}; lengths must be positive and finite`, {
        field: 'length',
      });
    }
    out[e] = d;
  }
  return out;
}

/** 1 for every view index named in `ids`; unknown ids throw `E_UNKNOWN_PERSON`. */
export function removalMask(view: OrgView, ids: readonly string[]): Uint8Array {
  const mask = new Uint8Array(view.csr.n);
  for (const id of ids) {
    const v = view.indexOf(id);
    if (v < 0) throw new OrgraphError('E_UNKNOWN_PERSON', `no person "${id}" in this view`, { field: 'removed' });
    mask[v] = 1;
  }
  return mask;
}

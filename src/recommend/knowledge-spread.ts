/**
 * Knowledge spread
 * How far and how fast information that starts in one group reaches every other group: the share
 * of each group reached within k steps, the step at which a group's members first hear (on
 * average), and the mean distance between the groups' members, so a user sees which groups hear last.
 * Reference: Rogers, E. M. (2003). Diffusion of Innovations, 5th ed.; Allen, T. J. (1977). Managing
 * the Flow of Technology. MIT Press.
 */
import { mulberry32 } from '../core/util/random.js';
import { multiSourceHops } from '../core/paths/multi-source-hops.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, unknownGroup } from './groups.js';
import { definedOnly } from '../core/util/options.js';

/** Options of {@link knowledgeSpread}. */
export interface KnowledgeSpreadOptions {
  /** Attribute that defines the groups (department, location...). Required. */
  readonly attribute: string;
  /** Smallest group shown (docs/privacy.md; see `groupLabels`); 1 opts out. @defaultValue as `groupLabels` (5) */
  readonly minGroupSize?: number;
  /** Largest step count reported in `reachWithin` (1..steps). @defaultValue 3 */
  readonly steps?: number;
  /** Source groups to start from; null = every group. @defaultValue null */
  readonly from?: readonly string[] | null;
  /** Members of a source group used for the mean pairwise distance (sampled when larger). @defaultValue 100 */
  readonly maxSources?: number;
  /** Seed of that sample. @defaultValue 1 */
  readonly seed?: number;
}

/** Defaults of {@link KnowledgeSpreadOptions}. */
export const DEFAULT_KNOWLEDGE_SPREAD_OPTIONS = Object.freeze({ steps: 3, from: null, maxSources: 100, seed: 1 });

/** Spread from one group to another. */
export interface SpreadRow {
  /** Group the knowledge starts in. */
  readonly from: string;
  /** Group it should reach. */
  readonly to: string;
  /** Members of `to`. */
  readonly size: number;
  /** reachWithin[k-1] = share of `to`'s members at most k steps from the nearest member of `from`. */
  readonly reachWithin: readonly number[];
  /** Share of `to` reachable at all. */
  readonly reached: number;
  /** Mean over reachable members of `to` of the steps from the nearest member of `from` (NaN if none). */
  readonly meanArrival: number;
  /** Mean steps over reachable (member of from, member of to) pairs, from sampled sources (NaN if none). */
  readonly meanDistance: number;
}

/** What {@link knowledgeSpread} returns. */
export interface KnowledgeSpreadResult {
  /** The group attribute (the `attribute` option). */
  readonly attribute: string;
  /** Longest number of steps followed (the length of each `reachWithin`). */
  readonly steps: number;
  /** Every (from, to) pair of distinct groups, from groups in label order. */
  readonly rows: readonly SpreadRow[];
  /** Per source group, the other groups from last to hear (lowest reach, then latest arrival) to first. */
  readonly hearsLast: readonly { readonly from: string; readonly order: readonly string[] }[];
}

/**
 * Knowledge spread between groups by hop distance.
 *
 *   arrival(y) = min over x in A of d(x, y)         (information starts in all of group A at once)
 *   reachWithin_k(A -> B) = |{y in B : arrival(y) <= k}| / |B|
 *   meanArrival(A -> B)   = mean over reachable y in B of arrival(y)
 *   meanDistance(A -> B)  = mean over x in S, y in B, d(x, y) finite, of d(x, y),  S = A or a seeded sample of maxSources
 *
 * Ties are followed in their direction on a directed view; to follow influence rather than the arc
 * (an advice tie i -> j carries the question to j and the advice back to i), project with
 * `{ directed: true, influence: true }` and declare the relation's `influence` (relations.csv
 * column, e.g. `advice,true,target->source`). Project undirected to read ties both ways. Weights are
 * ignored (a step is a step).
 * People with no value for the attribute carry information but belong to no group. Empty groups get NaN.
 *
 * Complexity: O(k (n + m)) for the arrivals of k groups, plus O(min(|A|, maxSources) (n + m)) per
 * source group for the mean distances.
 * @example
 * knowledgeSpread(project(graph), { attribute: 'department' }).hearsLast[0];
 * // { from: 'Sales', order: ['Legal', 'Finance', 'Support'] }
 */
export function knowledgeSpread(view: OrgView, options: KnowledgeSpreadOptions): KnowledgeSpreadResult {
  const o = { ...DEFAULT_KNOWLEDGE_SPREAD_OPTIONS, ...definedOnly(options), attribute: options.attribute };
  if (!(Number.isInteger(o.steps) && o.steps >= 1))
    throw new OrgraphError('E_BAD_OPTION', `steps must be a whole number >= 1, got ${o.steps}`, { field: 'steps' });
  const groups = groupLabels(view, o.attribute, { minGroupSize: options.minGroupSize });
  const k = groups.names.length;
  const csr = view.csr;
  const n = csr.n;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) if (groups.labels[i] >= 0) members[groups.labels[i]].push(i);
  const sourcesWanted = o.from
    ? o.from.map((name) => {
        const g = groups.indexOf(name);
        if (g < 0) throw unknownGroup(name, groups, { field: 'from' });
        return g;
      })
    : groups.names.map((_, g) => g);
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const rows: SpreadRow[] = [];
  const hearsLast: { from: string; order: string[] }[] = [];
  for (const a of sourcesWanted) {
    // Step 1: arrival steps from the whole group.
    multiSourceHops(csr, members[a], dist, queue);
    const arrival = Int32Array.from(dist);
    // Step 2: pairwise distances from (a sample of) the group's members.
    const sample = sampleOf(members[a], o.maxSources, o.seed + a);
    const pairSum = new Float64Array(k);
    const pairCount = new Float64Array(k);
    for (const x of sample) {
      multiSourceHops(csr, [x], dist, queue);
      for (let y = 0; y < n; y++) {
        const h = groups.labels[y];
        if (h < 0 || h === a || dist[y] < 0) continue;
        pairSum[h] += dist[y];
        pairCount[h]++;
      }
    }
    const mine: SpreadRow[] = [];
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const size = members[b].length;
      const within = new Array<number>(o.steps).fill(0);
      let reached = 0;
      let arrivalSum = 0;
      for (const y of members[b]) {
        const d = arrival[y];
        if (d < 0) continue;
        reached++;
        arrivalSum += d;
        for (let s = Math.max(1, d); s <= o.steps; s++) within[s - 1]++;
      }
      mine.push({
        from: groups.names[a],
        to: groups.names[b],
        size,
        reachWithin: within.map((c) => (size > 0 ? c / size : NaN)),
        reached: size > 0 ? reached / size : NaN,
        meanArrival: reached > 0 ? arrivalSum / reached : NaN,
        meanDistance: pairCount[b] > 0 ? pairSum[b] / pairCount[b] : NaN,
      });
    }
    rows.push(...mine);
    const order = mine
      .slice()
      .sort(
        (x, y) =>
          nanLow(x.reached) - nanLow(y.reached) ||
          nanHigh(y.meanArrival) - nanHigh(x.meanArrival) ||
          nanHigh(y.meanDistance) - nanHigh(x.meanDistance),
      )
      .map((r) => r.to);
    hearsLast.push({ from: groups.names[a], order });
  }
  return { attribute: o.attribute, steps: o.steps, rows, hearsLast };
}

const nanLow = (x: number) => (Number.isNaN(x) ? -1 : x);
const nanHigh = (x: number) => (Number.isNaN(x) ? Number.MAX_VALUE : x);

/** A seeded sample of at most `max` items (all of them when there are fewer), in input order. */
function sampleOf(items: readonly number[], max: number, seed: number): number[] {
  if (items.length <= max) return items.slice();
  const random = mulberry32(seed);
  const pool = items.slice();
  for (let t = 0; t < max; t++) {
    const u = t + Math.floor(random() * (pool.length - t));
    [pool[t], pool[u]] = [pool[u], pool[t]];
  }
  return pool.slice(0, max).sort((x, y) => x - y);
}

/**
 * Introductions
 * For each gap between two groups, ranked pairs of people (one in each group, not yet tied) who
 * should be introduced, with a documented score and the reasons: mutual contacts, the introducer,
 * the path the new tie shortens, and a load cap so that no one carries every introduction.
 * Reference: Zhou, T., Lu, L. & Zhang, Y.-C. (2009). Predicting missing links via local information.
 * Eur. Phys. J. B 71 (resource allocation); Lu, L., Jin, C.-H. & Zhou, T. (2009). Phys. Rev. E 80
 * (local paths); Cross, R. & Parker, A. (2004). The Hidden Power of Social Networks.
 */
import { strengths } from '../core/link-scores.js';
import { clearLocalPaths, localPathScratch, localPathSweep } from '../core/local-paths.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupGaps } from './group-gaps.js';
import { groupLabels, sortedAdjacency, unknownGroup } from './groups.js';
import { fitIntroductionScore } from './score-fit.js';
import { introductionScore, type IntroductionComponents, type IntroductionScoreWeights } from './introduction-score.js';
import { definedOnly } from '../core/options.js';

export { DEFAULT_INTRODUCTION_SCORE, introductionScore } from './introduction-score.js';
export type { IntroductionComponents, IntroductionScoreWeights } from './introduction-score.js';

/** Options of {@link introductions}. */
export interface IntroductionsOptions {
  /** Attribute that defines the groups. Required. */
  readonly attribute: string;
  /** Group pairs to bridge; null = the `gaps` largest staff gaps of {@link groupGaps}. @defaultValue null */
  readonly groupPairs?: readonly (readonly [string, string])[] | null;
  /** How many of the largest gaps to bridge when `groupPairs` is null. @defaultValue 5 */
  readonly gaps?: number;
  /** Introductions per group pair. @defaultValue 5 */
  readonly perGap?: number;
  /** Load cap: most introductions any one person is asked to make a new tie in. @defaultValue 2 */
  readonly maxPerPerson?: number;
  /** Load cap: most introductions any one person is asked to broker. @defaultValue 3 */
  readonly maxPerIntroducer?: number;
  /** Consider pairs three steps apart (no mutual contact) as well as two. @defaultValue true */
  readonly threeSteps?: boolean;
  /**
   * Score weights, or `'fit'` to choose them on the graph itself with `fitIntroductionScore` (held-out
   * ties of this graph; falls back to DEFAULT_INTRODUCTION_SCORE when there are too few). @defaultValue 'fit'
   */
  readonly score?: IntroductionScoreWeights | 'fit';
  /** Seed of the held-out draw when `score` is `'fit'`. @defaultValue 1 */
  readonly seed?: number;
}

/** Defaults of {@link IntroductionsOptions}. */
export const DEFAULT_INTRODUCTIONS_OPTIONS = Object.freeze({
  groupPairs: null,
  gaps: 5,
  perGap: 5,
  maxPerPerson: 2,
  maxPerIntroducer: 3,
  threeSteps: true,
  score: 'fit',
  seed: 1,
} as const);

/** Why a pair is recommended. */
export interface IntroductionReasons {
  /** Mutual contacts, strongest first (at most 5), and how many there are. */
  readonly mutualContacts: readonly string[];
  readonly mutualContactCount: number;
  /** Who should make the introduction (a mutual contact, or a's contact on a three-step chain). */
  readonly introducer: string | null;
  /** The current shortest chain a ... b the new tie replaces (hop count = length - 1). */
  readonly pathBefore: readonly string[];
  readonly hopsBefore: number;
  readonly hopsAfter: 1;
  /** Introductions this list gives each of the three people (after this one). */
  readonly load: { readonly personA: number; readonly personB: number; readonly introducer: number };
  /** One readable sentence. */
  readonly text: string;
}

/** One suggested introduction across a group gap, with its score and reasons. */
export interface Introduction {
  readonly groupA: string;
  readonly groupB: string;
  readonly personA: string;
  readonly personB: string;
  readonly score: number;
  readonly components: IntroductionComponents;
  readonly reasons: IntroductionReasons;
}

/** What {@link introductions} returns. */
export interface IntroductionsResult {
  readonly attribute: string;
  /** The score weights used, and whether they were fitted on this graph. */
  readonly weights: IntroductionScoreWeights;
  readonly fitted: boolean;
  readonly introductions: readonly Introduction[];
  /** Per group pair: candidates scored, introductions made, candidates skipped by the load caps. */
  readonly perPair: readonly {
    readonly groupA: string;
    readonly groupB: string;
    readonly candidates: number;
    readonly made: number;
    readonly skippedForLoad: number;
  }[];
}

/**
 * Recommended introductions across group gaps.
 *
 * For each group pair (A, B): every staff member a of A and b of B, not tied, within two steps (or
 * three, with `threeSteps`) on the undirected weighted view, is scored with {@link introductionScore}.
 * The list is drawn greedily in score order (ties: input order of a, then b), skipping a pair when a
 * or b already has `maxPerPerson` introductions, or when no possible introducer has fewer than
 * `maxPerIntroducer`. The introducer of a two-step pair is the mutual contact with the strongest
 * weaker tie (min(a_aw, a_wb); ties: fewest contacts, then input order); of a three-step pair, a's
 * contact on the strongest chain. Outside stakeholders are never candidates or introducers.
 * Groups with no candidate pair give no introductions. Unknown groups throw `E_UNKNOWN_GROUP`.
 *
 * Complexity: O(sum over a in A of sum_{x in N(a)} sum_{y in N(x)} d_y) per group pair with three
 * steps (O(sum_{x in N(a)} d_x) with two), plus O(c log c) to sort the c candidates.
 * @example
 * const r = introductions(project(graph), { attribute: 'department', gaps: 3, perGap: 5 });
 * r.introductions[0].reasons.text;
 * // 'ana (Sales) and bo (Support): 2 mutual contacts; cy can introduce them; path ana > cy > bo (2 steps) becomes 1'
 */
export function introductions(view: OrgView, options: IntroductionsOptions): IntroductionsResult {
  const o = { ...DEFAULT_INTRODUCTIONS_OPTIONS, ...definedOnly(options), attribute: options.attribute };
  for (const key of ['gaps', 'perGap', 'maxPerPerson', 'maxPerIntroducer'] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 0)) {
      throw new OrgraphError('E_BAD_OPTION', `${key} must be a whole number >= 0, got ${o[key]}`, { field: key });
    }
  }
  const groups = groupLabels(view, o.attribute);
  const adj = sortedAdjacency(view, { weighted: true });
  const str = strengths(adj);
  const n = adj.n;
  let weights: IntroductionScoreWeights;
  let fitted = false;
  if (o.score === 'fit') {
    const fit = fitIntroductionScore(view, { attribute: o.attribute, seed: o.seed });
    weights = fit.weights;
    fitted = fit.fitted;
  } else weights = o.score;
  const ids = view.personIds;
  // Step 1: the group pairs.
  let pairs: [number, number][];
  if (o.groupPairs) {
    pairs = o.groupPairs.map(([a, b]) => {
      const ga = groups.indexOf(a);
      const gb = groups.indexOf(b);
      if (ga < 0) throw unknownGroup(a, groups, { field: 'groupPairs' });
      if (gb < 0) throw unknownGroup(b, groups, { field: 'groupPairs' });
      return [ga, gb];
    });
  } else {
    const gaps = groupGaps(view, { attribute: o.attribute }).staff.gaps.slice(0, o.gaps);
    pairs = gaps.map((g) => [groups.indexOf(g.groupA), groups.indexOf(g.groupB)]);
  }
  const staffLabel = new Int32Array(n);
  for (let i = 0; i < n; i++) staffLabel[i] = groups.external[i] ? -1 : groups.labels[i];
  const personLoad = new Int32Array(n);
  const introducerLoad = new Int32Array(n);
  const scratch = localPathScratch(n);
  const out: Introduction[] = [];
  const perPair: { groupA: string; groupB: string; candidates: number; made: number; skippedForLoad: number }[] = [];
  for (const [ga, gb] of pairs) {
    // Step 2: candidates by local-path sweeps from every member of A.
    const ca: number[] = [];
    const cb: number[] = [];
    const comps: IntroductionComponents[] = [];
    const chops: number[] = [];
    const cscore: number[] = [];
    const accept = (j: number) => staffLabel[j] === gb;
    // Contacts of each member of A in B and of each member of B in A.
    const across = new Int32Array(n);
    for (let x = 0; x < n; x++) {
      const other = staffLabel[x] === ga ? gb : staffLabel[x] === gb ? ga : -1;
      if (other < 0) continue;
      for (let p = adj.offsets[x]; p < adj.offsets[x + 1]; p++) if (staffLabel[adj.targets[p]] === other) across[x]++;
    }
    for (let a = 0; a < n; a++) {
      if (staffLabel[a] !== ga || ga === gb) continue;
      localPathSweep(adj, str, a, accept, scratch, o.threeSteps);
      for (let t = 0; t < scratch.reached; t++) {
        const b = scratch.touched[t];
        const hops = scratch.common[b] > 0 ? 2 : 3;
        const c: IntroductionComponents = {
          commonNeighbours: scratch.common[b],
          resourceAllocation: scratch.resourceAllocation[b],
          weightedResourceAllocation: scratch.resourceAllocationWeighted[b],
          resourceAllocation3: scratch.resourceAllocation3[b],
          degreeA: degree(adj, a),
          degreeB: degree(adj, b),
          contactsInGroupB: across[a],
          contactsInGroupA: across[b],
          hops,
        };
        ca.push(a);
        cb.push(b);
        comps.push(c);
        chops.push(hops);
        cscore.push(introductionScore(c, weights));
      }
      clearLocalPaths(scratch);
    }
    const order = Array.from(cscore.keys()).sort((x, y) => cscore[y] - cscore[x] || ca[x] - ca[y] || cb[x] - cb[y]);
    // Step 3: greedy selection under the load caps.
    let made = 0;
    let skipped = 0;
    for (const c of order) {
      if (made >= o.perGap) break;
      const a = ca[c];
      const b = cb[c];
      if (personLoad[a] >= o.maxPerPerson || personLoad[b] >= o.maxPerPerson) {
        skipped++;
        continue;
      }
      const chain = bestChain(adj, a, b, chops[c], groups.external, introducerLoad, o.maxPerIntroducer);
      if (!chain) {
        skipped++;
        continue;
      }
      personLoad[a]++;
      personLoad[b]++;
      introducerLoad[chain.introducer]++;
      const mutual = chain.mutual.map((x) => ids[x]);
      const pathBefore = chain.path.map((x) => ids[x]);
      const reasons: IntroductionReasons = {
        mutualContacts: mutual.slice(0, 5),
        mutualContactCount: mutual.length,
        introducer: ids[chain.introducer],
        pathBefore,
        hopsBefore: chops[c],
        hopsAfter: 1,
        load: { personA: personLoad[a], personB: personLoad[b], introducer: introducerLoad[chain.introducer] },
        text:
          `${ids[a]} (${groups.names[ga]}) and ${ids[b]} (${groups.names[gb]}): ` +
          (mutual.length > 0 ? `${mutual.length} mutual contact${mutual.length === 1 ? '' : 's'}` : 'no mutual contact') +
          `; ${ids[chain.introducer]} can introduce them; path ${pathBefore.join(' > ')} (${chops[c]} steps) becomes 1`,
      };
      out.push({
        groupA: groups.names[ga],
        groupB: groups.names[gb],
        personA: ids[a],
        personB: ids[b],
        score: cscore[c],
        components: comps[c],
        reasons,
      });
      made++;
    }
    perPair.push({ groupA: groups.names[ga], groupB: groups.names[gb], candidates: order.length, made, skippedForLoad: skipped });
  }
  return { attribute: o.attribute, weights, fitted, introductions: out, perPair };
}

/**
 * The introducer and the path of a candidate pair: for two steps, the mutual contacts (strongest
 * weaker tie first) and the first with spare capacity; for three, the chain a - x - y - b with the
 * strongest weakest tie whose x has spare capacity. null when every possible introducer is at its cap.
 */
function bestChain(
  adj: ReturnType<typeof sortedAdjacency>,
  a: number,
  b: number,
  hops: number,
  external: Uint8Array,
  introducerLoad: Int32Array,
  cap: number,
): { introducer: number; mutual: number[]; path: number[] } | null {
  const { offsets, targets } = adj;
  const w = adj.weights!;
  const isStaff = (x: number) => external[x] === 0;
  if (hops === 2) {
    const mutual: { x: number; s: number }[] = [];
    let p = offsets[a];
    let q = offsets[b];
    while (p < offsets[a + 1] && q < offsets[b + 1]) {
      if (targets[p] < targets[q]) p++;
      else if (targets[p] > targets[q]) q++;
      else {
        mutual.push({ x: targets[p], s: Math.min(w[p], w[q]) });
        p++;
        q++;
      }
    }
    mutual.sort((u, v) => v.s - u.s || degree(adj, u.x) - degree(adj, v.x) || u.x - v.x);
    const pick = mutual.find((m) => introducerLoad[m.x] < cap && isStaff(m.x));
    if (!pick) return null;
    return { introducer: pick.x, mutual: mutual.map((m) => m.x), path: [a, pick.x, b] };
  }
  // Three steps: a - x - y - b.
  let best: { x: number; y: number; s: number } | null = null;
  const bRow = new Map<number, number>();
  for (let r = offsets[b]; r < offsets[b + 1]; r++) bRow.set(targets[r], w[r]);
  for (let p = offsets[a]; p < offsets[a + 1]; p++) {
    const x = targets[p];
    if (introducerLoad[x] >= cap || !isStaff(x)) continue;
    for (let q = offsets[x]; q < offsets[x + 1]; q++) {
      const y = targets[q];
      const wy = bRow.get(y);
      if (wy === undefined || y === a) continue;
      const s = Math.min(w[p], w[q], wy);
      if (!best || s > best.s) best = { x, y, s };
    }
  }
  if (!best) return null;
  return { introducer: best.x, mutual: [], path: [a, best.x, best.y, b] };
}

function degree(adj: { offsets: Int32Array }, x: number): number {
  return adj.offsets[x + 1] - adj.offsets[x];
}

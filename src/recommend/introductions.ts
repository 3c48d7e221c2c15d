/**
 * Introductions
 * For each declared gap between two groups (fewer ties than chance, significant after
 * Benjamini-Hochberg in `groupGaps`), or each pair the user names, ranked pairs of people (one in
 * each group, not yet tied) who should be introduced, with a score in two parts shown apart (value
 * for the gap, plausibility) and the reasons: mutual contacts, the introducer, the path the new tie
 * shortens, and load caps so that no one carries every introduction.
 * Reference: Zhou, T., Lu, L. & Zhang, Y.-C. (2009). Predicting missing links via local information.
 * Eur. Phys. J. B 71 (resource allocation); Lu, L., Jin, C.-H. & Zhou, T. (2009). Phys. Rev. E 80
 * (local paths); Cross, R. & Parker, A. (2004). The Hidden Power of Social Networks.
 */
import { arcIndex, strengths, type SortedAdjacency } from '../core/structure/link-scores.js';
import { clearLocalPaths, localPathScratch, type LocalPathScratch } from '../core/paths/local-paths.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupGaps, type GroupGapsResult, type GroupPairGap } from './group-gaps.js';
import { groupLabels, unknownGroup } from './groups.js';
import { GroupRows, groupSweep, introductionAdjacency } from './introduction-adjacency.js';
import { fitIntroductionScoreOnAdjacency, type FitIntroductionScoreResult } from './score-fit.js';
import {
  introductionPlausibility,
  introductionValue,
  type IntroductionComponents,
  type IntroductionScoreWeights,
  type IntroductionValue,
} from './introduction-score.js';
import { definedOnly } from '../core/util/options.js';
import { DEFAULT_INTRODUCTION_SCORE } from './introduction-score.js';

export { DEFAULT_INTRODUCTION_SCORE, introductionPlausibility, introductionScore, introductionValue } from './introduction-score.js';
export type { IntroductionComponents, IntroductionScoreWeights, IntroductionValue } from './introduction-score.js';

/** Options of {@link introductions}. */
export interface IntroductionsOptions {
  /** Attribute that defines the groups. Required. */
  readonly attribute: string;
  /** Smallest group shown (docs/privacy.md; see `groupLabels`); 1 opts out. @defaultValue as `groupLabels` (5) */
  readonly minGroupSize?: number;
  /**
   * Group pairs to bridge, named by the user; null = the declared staff gaps of {@link groupGaps}
   * (`staff.gaps`: pairs significantly thinner than chance), most significant first. @defaultValue null
   */
  readonly groupPairs?: readonly (readonly [string, string])[] | null;
  /** How many of the declared gaps to bridge when `groupPairs` is null. @defaultValue 5 */
  readonly gaps?: number;
  /**
   * A gap analysis already made on this view with this attribute (the report passes its own, so gaps
   * are computed once); null = run `groupGaps` with its defaults. @defaultValue null
   */
  readonly gapResult?: GroupGapsResult | null;
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
  /** Progress: called with (done, total) units of work (fit folds, then sources swept). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link IntroductionsOptions}. */
export const DEFAULT_INTRODUCTIONS_OPTIONS = Object.freeze({
  groupPairs: null,
  gaps: 5,
  gapResult: null,
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
  /** How many mutual contacts they have (all, not only the five listed). */
  readonly mutualContactCount: number;
  /** Who should make the introduction (a mutual contact, or a's contact on a three-step chain). */
  readonly introducer: string | null;
  /** The current shortest chain a ... b the new tie replaces (hop count = length - 1). */
  readonly pathBefore: readonly string[];
  /** Steps on the shortest chain today. */
  readonly hopsBefore: number;
  /** Steps once they are introduced: always 1. */
  readonly hopsAfter: 1;
  /** Introductions this list gives each of the three people (after this one). */
  readonly load: { readonly personA: number; readonly personB: number; readonly introducer: number };
  /** One readable sentence. */
  readonly text: string;
}

/** The gap an introduction is meant to close (null for a pair the user named that is not a declared gap). */
export interface IntroductionGap {
  readonly observedTies: number;
  readonly expectedTies: number;
  readonly z: number;
  /** Benjamini-Hochberg q-value of the gap when the gap analysis gives one, else null. */
  readonly qValue: number | null;
}

/** One suggested introduction across a group gap, with its score and reasons. */
export interface Introduction {
  /** The gap's first group (personA's). */
  readonly groupA: string;
  /** The gap's second group (personB's). */
  readonly groupB: string;
  /** Id of the person in groupA. */
  readonly personA: string;
  /** Id of the person in groupB. */
  readonly personB: string;
  /** value x plausibility: the ranking key within a group pair. */
  readonly score: number;
  /** What the tie is worth for the gap (steps saved x novelty), with its factors. */
  readonly value: IntroductionValue;
  /** How likely the tie is to take (link prediction, fitted weights). */
  readonly plausibility: number;
  /** The link-prediction scores plausibility is made of. */
  readonly components: IntroductionComponents;
  /** The gap it is meant to close. */
  readonly gap: IntroductionGap | null;
  /** Why this pair: mutual contacts, introducer, the chain it shortens. */
  readonly reasons: IntroductionReasons;
}

/** What {@link introductions} returns. */
export interface IntroductionsResult {
  /** The group attribute. */
  readonly attribute: string;
  /** Where the group pairs came from: the declared gaps of `groupGaps`, or the user's `groupPairs`. */
  readonly pairsFrom: 'declared-gaps' | 'named';
  /** Declared staff gaps available (null when the user named the pairs). */
  readonly declaredGaps: number | null;
  /** One plain sentence when no introduction is proposed (why), else null. */
  readonly note: string | null;
  /** The plausibility weights used, and whether they were fitted on this graph (no fit when there is nothing to score). */
  readonly weights: IntroductionScoreWeights;
  /** True when the weights were fitted on this graph's held-out ties. */
  readonly fitted: boolean;
  /** The fit's diagnostics (null when the weights were given or nothing was scored). */
  readonly fit: { readonly folds: number; readonly heldOut: number; readonly candidates: number } | null;
  /** The suggestions, best first within each group pair, pairs in gap order. */
  readonly introductions: readonly Introduction[];
  /**
   * Most introductions any one person is in as a or b (`person`, at most `maxPerPerson`), most any one
   * person brokers (`introducer`), and most any one person appears in in either role (`any`: what a
   * sentence like "no one is in more than two introductions" must be checked against).
   */
  readonly maxLoad: { readonly person: number; readonly introducer: number; readonly any: number };
  /** Per group pair: candidates scored, introductions made, candidates skipped by the load caps. */
  readonly perPair: readonly {
    readonly groupA: string;
    readonly groupB: string;
    /** Candidate pairs scored (within two steps, or three with `threeSteps`, less those below when `threeStepOutranked`). */
    readonly candidates: number;
    /**
     * True when the pairs reached by three steps only were not swept: under the weights used
     * (threeStep 0) each of them scores at most 2 x baseline, and the list was full before any
     * candidate at or below that (see `introductions`); the list is the one scoring them gives.
     */
    readonly threeStepOutranked: boolean;
    readonly made: number;
    readonly skippedForLoad: number;
  }[];
}

/**
 * Recommended introductions across the declared group gaps.
 *
 * Group pairs: those the user names (`groupPairs`), or else the first `gaps` of `staff.gaps` of
 * {@link groupGaps} (only pairs declared significantly thinner than chance). When no gap is declared,
 * no introduction is proposed, no score is fitted and `note` says why: introductions are not invented
 * for gaps that are not there.
 *
 * For each group pair (A, B): every staff member a of A and b of B, not tied, within two steps (or
 * three, with `threeSteps`) on the undirected weighted view, is scored
 *
 *   score = value x plausibility     (introductionValue, introductionPlausibility)
 *   value = (hops - 1) / sqrt((1 + t_aB)(1 + t_bA))
 *   plausibility = lambda CN + alpha RA + omega RAw + epsilon RA3 + delta
 *
 * The plausibility weights are fitted once per call on the graph's own held-out cross-group ties
 * (`fitIntroductionScoreOnAdjacency`, reusing this call's adjacency) unless `score` gives them. The list is
 * drawn greedily in score order (ties: input order of a, then b), skipping a pair when a or b already
 * has `maxPerPerson` introductions, or when no possible introducer has fewer than `maxPerIntroducer`.
 * The introducer of a two-step pair is the mutual contact with the strongest weaker tie
 * (min(a_aw, a_wb); ties: fewest contacts, then input order); of a three-step pair, a's contact on the
 * strongest chain. Outside stakeholders are never candidates or introducers. Unknown groups throw
 * `E_UNKNOWN_GROUP`.
 *
 * Pairs three steps apart are swept only when they could make the list: a pair with no mutual
 * contact scores value x (epsilon RA3 + delta) with value at most 2, so under weights with
 * epsilon = 0 (as the fit often chooses) it scores at most 2 delta whatever its RA3. Each group pair
 * is then drawn first from its two-step candidates alone; if the list fills before reading a
 * candidate at or below 2 delta, no three-step pair could have entered it and the list is exactly
 * the one the full sweep gives (`perPair[].threeStepOutranked` is true and `candidates` counts the
 * two-step pairs); otherwise that pair's list is undone and drawn again with three steps. The RA3
 * reported for a two-step introduction is then summed for that pair alone, as the sweep sums it.
 *
 * Complexity: O(n + m) for the adjacency (shared with the gap analysis when kept, see
 * keepIntroductionAdjacency), plus the fit (bounded: see fitIntroductionScore), plus per group pair
 * (A, B): O(sum of d_b over b in B) for the arcs into B, then from each a in A
 * O(sum_{x in N(a)} d_x + sum_{x in N(a)} sum_{y in N(x)} |N(y) ∩ B|) with three steps and
 * O(d_a + sum_{x in N(a)} |N(x) ∩ B|) with two (groupSweep: only paths that end in B are walked; also
 * the first pass with three steps when epsilon = 0, see above), and
 * O(c) to find the best of its c candidates (O(c log c) only if the load caps skip past the best
 * max(64, 16 perGap)). Only members of the declared pairs are swept.
 * @example
 * const r = introductions(project(graph), { attribute: 'department', gaps: 3, perGap: 5 });
 * r.note; // null, or 'No group pair has significantly fewer ties than expected ...'
 * r.introductions[0].reasons.text;
 * // 'ana (Sales) and bo (Support): 2 mutual contacts; cy can introduce them; path ana > cy > bo (2 steps) becomes 1'
 */
export function introductions(view: OrgView, options: IntroductionsOptions): IntroductionsResult {
  return introductionsMarked(view, options, () => {});
}

/** The parts of an {@link introductions} call, in the order they run (per group pair: candidates, scoring, selection). */
export const INTRODUCTION_PHASES = Object.freeze(['setup', 'adjacency', 'fit', 'candidates', 'scoring', 'selection'] as const);
export type IntroductionPhase = (typeof INTRODUCTION_PHASES)[number];

/**
 * {@link introductions}, calling `mark(phase)` as each part begins (setup first, unmarked; then
 * adjacency, fit, and per group pair candidates, scoring, selection), so that a profile
 * (benchmarks/recommend/introductions-stage.ts) can time the parts of the very call the report
 * stage makes. Not part of the public API. Complexity: as `introductions`.
 * @example
 * const r = introductionsMarked(view, { attribute: 'department' }, (phase) => console.log(phase));
 */
export function introductionsMarked(
  view: OrgView,
  options: IntroductionsOptions,
  mark: (phase: IntroductionPhase) => void,
): IntroductionsResult {
  const o = { ...DEFAULT_INTRODUCTIONS_OPTIONS, ...definedOnly(options), attribute: options.attribute };
  for (const key of ['gaps', 'perGap', 'maxPerPerson', 'maxPerIntroducer'] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 0)) {
      throw new OrgraphError('E_BAD_OPTION', `${key} must be a whole number >= 0, got ${o[key]}`, { field: key });
    }
  }
  const groups = groupLabels(view, o.attribute, { minGroupSize: options.minGroupSize });
  const ids = view.personIds;
  // Step 1: the group pairs (declared gaps, or the user's).
  let pairs: [number, number, GroupPairGap | null][];
  let declaredGaps: number | null = null;
  const gapOf = (table: readonly GroupPairGap[], ga: number, gb: number) =>
    table.find(
      (g) =>
        (g.groupA === groups.names[ga] && g.groupB === groups.names[gb]) ||
        (g.groupA === groups.names[gb] && g.groupB === groups.names[ga]),
    ) ?? null;
  let gapTable: readonly GroupPairGap[] = [];
  if (o.groupPairs) {
    pairs = o.groupPairs.map(([a, b]) => {
      const ga = groups.indexOf(a);
      const gb = groups.indexOf(b);
      if (ga < 0) throw unknownGroup(a, groups, { field: 'groupPairs' });
      if (gb < 0) throw unknownGroup(b, groups, { field: 'groupPairs' });
      return [ga, gb, null];
    });
    const gr = o.gapResult;
    if (gr) gapTable = gr.staff.gaps;
    pairs = pairs.map(([ga, gb]) => [ga, gb, gapOf(gapTable, ga, gb)]);
  } else {
    const gr = o.gapResult ?? groupGaps(view, { attribute: o.attribute, minGroupSize: options.minGroupSize });
    gapTable = gr.staff.gaps;
    declaredGaps = gapTable.length;
    pairs = gapTable
      .slice(0, o.gaps)
      .map((g) => [groups.indexOf(g.groupA), groups.indexOf(g.groupB), g] as [number, number, GroupPairGap])
      .filter(([ga, gb]) => ga >= 0 && gb >= 0);
  }
  pairs = pairs.filter(([ga, gb]) => ga !== gb);
  const empty = (note: string): IntroductionsResult => ({
    attribute: o.attribute,
    pairsFrom: o.groupPairs ? 'named' : 'declared-gaps',
    declaredGaps,
    note,
    weights: o.score === 'fit' ? DEFAULT_INTRODUCTION_SCORE : o.score,
    fitted: false,
    fit: null,
    introductions: [],
    maxLoad: { person: 0, introducer: 0, any: 0 },
    perPair: [],
  });
  if (pairs.length === 0) {
    if (o.groupPairs) return empty('No pair of two different groups was named; no introductions proposed.');
    if (declaredGaps === 0) {
      return empty(
        `No pair of "${o.attribute}" groups has significantly fewer ties than expected by chance, so no introductions are proposed. ` +
          'To look for introductions between groups anyway, name the pairs (--pairs A:B).',
      );
    }
    return empty('No declared gap to bridge (gaps = 0); no introductions proposed.');
  }
  mark('adjacency');
  const adj = introductionAdjacency(view);
  const str = strengths(adj);
  const n = adj.n;
  const staffLabel = new Int32Array(n);
  for (let i = 0; i < n; i++) staffLabel[i] = groups.external[i] ? -1 : groups.labels[i];
  // Members of each group, once (reused by every pair).
  const members: number[][] = groups.names.map(() => []);
  for (let i = 0; i < n; i++) if (staffLabel[i] >= 0) members[staffLabel[i]].push(i);
  let work = 0;
  const sweepTotal = pairs.reduce((s, [ga]) => s + members[ga].length, 0);
  let weights: IntroductionScoreWeights;
  let fit: FitIntroductionScoreResult | null = null;
  const FIT_UNITS = 10;
  const total = sweepTotal + (o.score === 'fit' ? FIT_UNITS : 0);
  if (o.score === 'fit') {
    mark('fit');
    fit = fitIntroductionScoreOnAdjacency(adj, staffLabel, {
      attribute: o.attribute,
      seed: o.seed,
      onProgress: o.onProgress ? (d, t) => o.onProgress!(Math.round((FIT_UNITS * d) / t), total) : undefined,
    });
    weights = fit.weights;
    work = FIT_UNITS;
    o.onProgress?.(work, total);
  } else weights = o.score;
  const personLoad = new Int32Array(n);
  const introducerLoad = new Int32Array(n);
  const scratch = localPathScratch(n);
  const intoGroup = new GroupRows(n);
  const across = new Int32Array(n);
  const out: Introduction[] = [];
  const perPair: {
    groupA: string;
    groupB: string;
    candidates: number;
    threeStepOutranked: boolean;
    made: number;
    skippedForLoad: number;
  }[] = [];
  // Candidate columns, reused by every pair (typed, grown by doubling before a source's nodes are
  // written): a pair's components are rebuilt only when it is drawn.
  const cols = new CandidateColumns();
  // One group pair's list, drawn from the candidates within two steps or three (`withThree`). With a
  // `floor` (see threeStepFloor), the list is drawn from the two-step candidates alone and gives up,
  // undoing what it added, as soon as it would read a candidate scoring at or below the floor, or runs
  // out, before it holds perGap: then the caller draws it again with three steps. Returns false when it gave up.
  const drawPair = (ga: number, gb: number, gap: GroupPairGap | null, withThree: boolean, floor: number, countWork: boolean): boolean => {
    // Step 2: candidates by local-path sweeps from every member of A.
    // The passes over many candidates are module functions of one loop each, not loops of this
    // closure: a cold report compiles them small (this closure, compiled whole, cost 60-80 ms of CPU).
    mark('candidates');
    cols.size = 0;
    // Contacts of each member of A in B and of each member of B in A.
    contactsIn(adj, staffLabel, members[ga], gb, across);
    contactsIn(adj, staffLabel, members[gb], ga, across);
    intoGroup.build(adj, staffLabel, gb, members[gb]);
    for (const a of members[ga]) {
      scratch.reached = groupSweep(adj, str, a, { label: staffLabel, group: gb, same: true, from: 0 }, withThree, intoGroup, scratch);
      cols.reserve(scratch.reached);
      appendCandidates(cols, a, scratch);
      clearLocalPaths(scratch);
      if (countWork && o.onProgress && (++work & 255) === 0) o.onProgress(work, total);
    }
    // Step 3: value x plausibility of every candidate.
    mark('scoring');
    const count = cols.size;
    const A = cols.a.subarray(0, count);
    const B = cols.b.subarray(0, count);
    const CN = cols.cn.subarray(0, count);
    const RA = cols.ra.subarray(0, count);
    const RAW = cols.raw.subarray(0, count);
    const RA3 = cols.ra3.subarray(0, count);
    const cscore = candidateScores(cols, count, across, weights);
    mark('selection');
    const components = (c: number): IntroductionComponents => ({
      commonNeighbours: CN[c],
      resourceAllocation: RA[c],
      weightedResourceAllocation: RAW[c],
      // A two-step sweep does not sum RA3: the three-step sweep's sum, for this pair alone.
      resourceAllocation3: withThree ? RA3[c] : resourceAllocation3Of(adj, A[c], B[c]),
      degreeA: degree(adj, A[c]),
      degreeB: degree(adj, B[c]),
      contactsInGroupB: across[A[c]],
      contactsInGroupA: across[B[c]],
      hops: CN[c] > 0 ? 2 : 3,
    });
    // Candidates best first (score, then a, then b: a total order, each pair is swept once), drawn
    // lazily: the greedy list stops after perGap, long before the end of a large list, so the best
    // few are found in one pass and the full heap is built only if the list reads past them.
    const order = new CandidateOrder(cscore, A, B, Math.max(64, 16 * o.perGap));
    // Step 4: greedy selection under the load caps.
    let made = 0;
    let skipped = 0;
    const outStart = out.length;
    // The people of each introduction made here (a, b, introducer), to undo it on giving up.
    const loaded: number[] = [];
    for (let c = order.pop(); ; c = order.pop()) {
      if (made >= o.perGap) break;
      if (c < 0 ? floor > -Infinity : cscore[c] <= floor) {
        // A three-step pair might come next: undo this pair's introductions and give up.
        out.length = outStart;
        for (let t = 0; t < loaded.length; t += 3) {
          personLoad[loaded[t]]--;
          personLoad[loaded[t + 1]]--;
          introducerLoad[loaded[t + 2]]--;
        }
        return false;
      }
      if (c < 0) break;
      const a = A[c];
      const b = B[c];
      const comp = components(c);
      const hops = comp.hops;
      if (personLoad[a] >= o.maxPerPerson || personLoad[b] >= o.maxPerPerson) {
        skipped++;
        continue;
      }
      const chain = bestChain(adj, a, b, hops, groups.external, introducerLoad, o.maxPerIntroducer);
      if (!chain) {
        skipped++;
        continue;
      }
      personLoad[a]++;
      personLoad[b]++;
      introducerLoad[chain.introducer]++;
      loaded.push(a, b, chain.introducer);
      const mutual = chain.mutual.map((x) => ids[x]);
      const pathBefore = chain.path.map((x) => ids[x]);
      const reasons: IntroductionReasons = {
        mutualContacts: mutual.slice(0, 5),
        mutualContactCount: mutual.length,
        introducer: ids[chain.introducer],
        pathBefore,
        hopsBefore: hops,
        hopsAfter: 1,
        load: { personA: personLoad[a], personB: personLoad[b], introducer: introducerLoad[chain.introducer] },
        text:
          `${ids[a]} (${groups.names[ga]}) and ${ids[b]} (${groups.names[gb]}): ` +
          (mutual.length > 0 ? `${mutual.length} mutual contact${mutual.length === 1 ? '' : 's'}` : 'no mutual contact') +
          `; ${ids[chain.introducer]} can introduce them; path ${pathBefore.join(' > ')} (${hops} steps) becomes 1`,
      };
      out.push({
        groupA: groups.names[ga],
        groupB: groups.names[gb],
        personA: ids[a],
        personB: ids[b],
        score: cscore[c],
        value: introductionValue(comp),
        plausibility: introductionPlausibility(comp, weights),
        components: comp,
        gap: gap ? { observedTies: gap.observedTies, expectedTies: gap.expectedTies, z: gap.z, qValue: qValueOf(gap) } : null,
        reasons,
      });
      made++;
    }
    perPair.push({
      groupA: groups.names[ga],
      groupB: groups.names[gb],
      candidates: cscore.length,
      threeStepOutranked: o.threeSteps && !withThree,
      made,
      skippedForLoad: skipped,
    });
    return true;
  };
  const floor = o.threeSteps ? threeStepFloor(weights) : -Infinity;
  for (const [ga, gb, gap] of pairs) {
    if (floor > -Infinity && drawPair(ga, gb, gap, false, floor, true)) continue;
    drawPair(ga, gb, gap, o.threeSteps, -Infinity, floor === -Infinity);
  }
  o.onProgress?.(total, total);
  let maxPerson = 0;
  let maxIntroducer = 0;
  let maxAny = 0;
  for (let i = 0; i < n; i++) {
    if (personLoad[i] > maxPerson) maxPerson = personLoad[i];
    if (introducerLoad[i] > maxIntroducer) maxIntroducer = introducerLoad[i];
    if (personLoad[i] + introducerLoad[i] > maxAny) maxAny = personLoad[i] + introducerLoad[i];
  }
  return {
    attribute: o.attribute,
    pairsFrom: o.groupPairs ? 'named' : 'declared-gaps',
    declaredGaps,
    note:
      out.length === 0
        ? 'The group pairs have no candidate pair of people within reach (or every candidate is at a load cap); no introductions proposed.'
        : null,
    weights,
    fitted: fit?.fitted ?? false,
    fit: fit ? { folds: fit.folds, heldOut: fit.heldOut, candidates: fit.candidates } : null,
    introductions: out,
    maxLoad: { person: maxPerson, introducer: maxIntroducer, any: maxAny },
    perPair,
  };
}

/** The gap's BH q-value when the gap analysis reports one (newer `groupGaps`), else null. */
function qValueOf(gap: GroupPairGap): number | null {
  const q = (gap as { readonly qValue?: unknown }).qValue;
  return typeof q === 'number' ? q : null;
}

/**
 * The introducer and the path of a candidate pair: for two steps, the mutual contacts (strongest
 * weaker tie first) and the first with spare capacity; for three, the chain a - x - y - b with the
 * strongest weakest tie whose x has spare capacity. null when every possible introducer is at its cap.
 */
function bestChain(
  adj: ReturnType<typeof introductionAdjacency>,
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

/**
 * The most a pair reached by three steps only (no mutual contact) can score under `w`, or -Infinity
 * when there is no such bound: with threeStep 0 (and finite weights and baseline delta >= 0) its
 * plausibility is l 0 + a 0 + o 0 + 0 RA3 + delta = delta whatever its RA3, and its value
 * 2 / sqrt((1 + t_aB)(1 + t_bA)) is at most 2, so it scores at most 2 delta (rounding is monotone).
 * Any candidate scoring above that ranks before every such pair.
 * @example
 * threeStepFloor(DEFAULT_INTRODUCTION_SCORE); // 0.0002
 */
export function threeStepFloor(w: IntroductionScoreWeights): number {
  const finite = [w.commonNeighbours, w.resourceAllocation, w.weightedResourceAllocation, w.baseline].every(Number.isFinite);
  return w.threeStep === 0 && finite && w.baseline >= 0 ? 2 * w.baseline : -Infinity;
}

/**
 * RA3 of the pair (a, b) summed as the three-step sweep (groupSweep) sums it: over a - x - y - b with
 * y != a, in row order of x then y, 1 / (k_x k_y) per arc y -> b; the same float sum bit for bit.
 * For a pair not tied and b not a's contact. Complexity: O(sum over x in N(a) of d_x log d_y).
 */
function resourceAllocation3Of(adj: SortedAdjacency, a: number, b: number): number {
  const { offsets, targets } = adj;
  let sum = 0;
  for (let p = offsets[a]; p < offsets[a + 1]; p++) {
    const x = targets[p];
    const kx = offsets[x + 1] - offsets[x];
    for (let q = offsets[x]; q < offsets[x + 1]; q++) {
      const y = targets[q];
      if (y === a) continue;
      const first = arcIndex(adj, y, b);
      if (first < 0) continue;
      const step = 1 / (kx * (offsets[y + 1] - offsets[y]));
      for (let r = first; r < offsets[y + 1] && targets[r] === b; r++) sum += step;
    }
  }
  return sum;
}

function degree(adj: { offsets: Int32Array }, x: number): number {
  return adj.offsets[x + 1] - adj.offsets[x];
}

/** The candidates of one group pair: people a and b and the four link scores, as typed columns. */
class CandidateColumns {
  size = 0;
  a = new Int32Array(4096);
  b = new Int32Array(4096);
  cn = new Float64Array(4096);
  ra = new Float64Array(4096);
  raw = new Float64Array(4096);
  ra3 = new Float64Array(4096);
  /** Room for `more` candidates after the first `size` (capacity doubles, contents kept). */
  reserve(more: number): void {
    const need = this.size + more;
    if (need <= this.a.length) return;
    const cap = Math.max(need, 2 * this.a.length);
    const keep = <T extends Int32Array | Float64Array>(x: T, y: T): T => (y.set(x.subarray(0, this.size)), y);
    this.a = keep(this.a, new Int32Array(cap));
    this.b = keep(this.b, new Int32Array(cap));
    this.cn = keep(this.cn, new Float64Array(cap));
    this.ra = keep(this.ra, new Float64Array(cap));
    this.raw = keep(this.raw, new Float64Array(cap));
    this.ra3 = keep(this.ra3, new Float64Array(cap));
  }
}

/** Candidate x ranks before y: higher score, then smaller a, then smaller b (a total order on distinct pairs). */
function ranksBefore(score: Float64Array, a: Int32Array, b: Int32Array, x: number, y: number): boolean {
  const d = score[x] - score[y];
  if (d !== 0) return d > 0;
  return a[x] !== a[y] ? a[x] < a[y] : b[x] < b[y];
}

/**
 * Candidates best first in the order of {@link ranksBefore}: the `k` best are found in one
 * sequential pass (a small heap of the best so far, whose worst is replaced when a better one
 * comes), then sorted; only a selection that reads past them builds the heap of every candidate
 * (its first k pops are those same k, skipped). The sequence is the one a full sort gives.
 * Complexity: O(c + k log k log c) for the k best (c candidates in random order), plus O(c + j log c)
 * when j > k are drawn. Exported for its test only (not part of the public API).
 * @example
 * const order = new CandidateOrder(score, a, b, 80);
 * for (let c = order.pop(); c >= 0; c = order.pop()) console.log(a[c], b[c]);
 */
export class CandidateOrder {
  private readonly best: Int32Array;
  private at = 0;
  private rest: CandidateHeap | null = null;
  constructor(
    private readonly score: Float64Array,
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    k: number,
  ) {
    this.best = bestOf(score, a, b, Math.min(k, score.length)).sort((x, y) => (ranksBefore(score, a, b, x, y) ? -1 : 1));
  }
  /** The best candidate not yet drawn, or -1 when none is left. */
  pop(): number {
    if (this.at < this.best.length) return this.best[this.at++];
    if (this.best.length === this.score.length) return -1;
    if (!this.rest) {
      this.rest = new CandidateHeap(this.score, this.a, this.b);
      for (let t = 0; t < this.best.length; t++) this.rest.pop();
    }
    return this.rest.pop();
  }
}

/** For each x of `nodes`: how many of its neighbours have label `other`, into `across[x]`. O(sum of their degrees). */
function contactsIn(adj: SortedAdjacency, label: Int32Array, nodes: readonly number[], other: number, across: Int32Array): void {
  for (const x of nodes) {
    let c = 0;
    for (let p = adj.offsets[x]; p < adj.offsets[x + 1]; p++) if (label[adj.targets[p]] === other) c++;
    across[x] = c;
  }
}

/** The pairs (a, b) a sweep from `a` reached, appended to the columns (room reserved) with their CN, RA, RAw, RA3. O(reached). */
function appendCandidates(cols: CandidateColumns, a: number, scratch: LocalPathScratch): void {
  const { common, resourceAllocation, resourceAllocationWeighted, resourceAllocation3, touched } = scratch;
  const { a: ca, b: cb, cn, ra, raw, ra3 } = cols;
  let size = cols.size;
  for (let t = 0; t < scratch.reached; t++) {
    const b = touched[t];
    ca[size] = a;
    cb[size] = b;
    cn[size] = common[b];
    ra[size] = resourceAllocation[b];
    raw[size] = resourceAllocationWeighted[b];
    ra3[size++] = resourceAllocation3[b];
  }
  cols.size = size;
}

/**
 * value x plausibility of the first `count` candidates: introductionValue and
 * introductionPlausibility inlined (the same formulas, in the same order; checked in the tests). O(count).
 */
function candidateScores(cols: CandidateColumns, count: number, across: Int32Array, w: IntroductionScoreWeights): Float64Array {
  const { a: A, b: B, cn: CN, ra: RA, raw: RAW, ra3: RA3 } = cols;
  const cscore = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const cn = CN[c];
    const value = (cn > 0 ? 1 : 2) / Math.sqrt((1 + across[A[c]]) * (1 + across[B[c]]));
    const plausibility =
      w.commonNeighbours * cn + w.resourceAllocation * RA[c] + w.weightedResourceAllocation * RAW[c] + w.threeStep * RA3[c] + w.baseline;
    cscore[c] = value * plausibility;
  }
  return cscore;
}

/**
 * The `kk` candidates ranking first (score desc, a asc, b asc), in heap order: one pass keeping a
 * heap whose root h[0] ranks last among those kept (x after y is ranksBefore(.., y, x)). A module
 * function, not a loop of the constructor: compiled small, and no closure per list (a new one made
 * the compiled loop deoptimise on the next list). O(c log kk).
 */
function bestOf(score: Float64Array, a: Int32Array, b: Int32Array, kk: number): Int32Array {
  const c = score.length;
  const h = new Int32Array(kk);
  for (let t = 0, size = 0; t < c; t++) {
    if (size < kk) {
      let q = size++;
      while (q > 0 && ranksBefore(score, a, b, h[(q - 1) >> 1], t)) {
        h[q] = h[(q - 1) >> 1];
        q = (q - 1) >> 1;
      }
      h[q] = t;
    } else if (kk > 0 && ranksBefore(score, a, b, t, h[0])) {
      let q = 0;
      for (;;) {
        let m = 2 * q + 1;
        if (m >= kk) break;
        if (m + 1 < kk && ranksBefore(score, a, b, h[m], h[m + 1])) m++;
        if (!ranksBefore(score, a, b, t, h[m])) break;
        h[q] = h[m];
        q = m;
      }
      h[q] = t;
    }
  }
  return h;
}

/**
 * A binary max-heap of candidate indices, best first by score, then smaller a, then smaller b (the
 * order a full sort by (score desc, a asc, b asc) gives). Complexity: O(c) to build, O(log c) per pop.
 */
class CandidateHeap {
  private readonly heap: Int32Array;
  private size: number;
  constructor(
    private readonly score: Float64Array,
    private readonly a: Int32Array,
    private readonly b: Int32Array,
  ) {
    this.size = score.length;
    this.heap = new Int32Array(this.size);
    for (let t = 0; t < this.size; t++) this.heap[t] = t;
    for (let t = (this.size >> 1) - 1; t >= 0; t--) this.down(t);
  }
  private before(x: number, y: number): boolean {
    return ranksBefore(this.score, this.a, this.b, x, y);
  }
  private down(t: number): void {
    const h = this.heap;
    const x = h[t];
    for (;;) {
      let c = 2 * t + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.before(h[c + 1], h[c])) c++;
      if (!this.before(h[c], x)) break;
      h[t] = h[c];
      t = c;
    }
    h[t] = x;
  }
  /** The best remaining candidate, or -1 when none is left. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0];
    this.heap[0] = this.heap[--this.size];
    if (this.size > 0) this.down(0);
    return top;
  }
}

/**
 * Two periods compared
 * What changed between two networks of the same people (two tie files, or two time windows):
 * per-person degree and strength deltas, per-group E-I and tie deltas with a paired permutation
 * test over the dyads that changed, ties gained and lost between groups, and the scorecard of both
 * periods side by side.
 * Reference: Good, P. (2005). Permutation, Parametric and Bootstrap Tests of Hypotheses, 3rd ed.
 * (paired permutation); Krackhardt, D. & Stern, R. N. (1988) (E-I index).
 */
import { mulberry32 } from '../core/random.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, sortedAdjacency, type GroupAssignment, type GroupLabels } from './groups.js';
import type { Objectives } from './objectives.js';
import { scorecard, type ScorecardResult } from './scorecard.js';
import { definedOnly } from '../core/options.js';

/** Options of {@link compare}. */
export interface CompareOptions {
  /**
   * Attribute of the groups, read on the `before` graph. Without `attribute` and `groups` the
   * comparison is per person only (no group tables).
   */
  readonly attribute?: string | null;
  /**
   * Groups given person by person, e.g. the communities of the first period
   * (`communityGroups(before)`), followed into the second; takes precedence over `attribute`.
   */
  readonly groups?: GroupAssignment | null;
  /** Dyad-swap permutations for the group test. @defaultValue 1000 */
  readonly permutations?: number;
  readonly seed?: number;
  /** Objectives: the scorecard of both periods is added when given. */
  readonly objectives?: Objectives | null;
}

/** Defaults of {@link CompareOptions}. */
export const DEFAULT_COMPARE_OPTIONS = Object.freeze({ attribute: null, groups: null, permutations: 1000, seed: 1, objectives: null });

/** One person's change between two periods: degree, strength and tied pairs. */
export interface PersonDelta {
  readonly id: string;
  readonly degreeBefore: number;
  readonly degreeAfter: number;
  readonly strengthBefore: number;
  readonly strengthAfter: number;
}

/** One group's change between two periods: E-I before and after, with its permutation test. */
export interface GroupDelta {
  readonly group: string;
  readonly eiBefore: number;
  readonly eiAfter: number;
  readonly eiChange: number;
  readonly internalBefore: number;
  readonly internalAfter: number;
  readonly externalBefore: number;
  readonly externalAfter: number;
  /** Two-sided permutation p-value of eiChange: (1 + #{|perm| >= |observed|}) / (1 + permutations). */
  readonly p: number;
}

/** What {@link compare} returns. */
export interface CompareResult {
  /** The attribute, or the name of the group assignment (`'community'`); null when per person only. */
  readonly attribute: string | null;
  readonly people: readonly PersonDelta[];
  readonly groups: readonly GroupDelta[];
  /** Ties (undirected pairs) gained and lost between each pair of groups (a <= b), inside groups too. */
  readonly tieChanges: readonly { readonly groupA: string; readonly groupB: string; readonly gained: number; readonly lost: number }[];
  /** Tied pairs (undirected, among the people in both periods) before and after, gained and lost. */
  readonly ties: { readonly before: number; readonly after: number; readonly gained: number; readonly lost: number };
  readonly scorecards: { readonly before: ScorecardResult; readonly after: ScorecardResult } | null;
  readonly diagnostics: { readonly permutations: number; readonly seed: number; readonly changedDyads: number; readonly peopleInOneOnly: number };
}

/**
 * Compare two periods.
 *
 * Both views are read as undirected, unweighted pairs for the group figures (a pair is tied when a
 * tie runs either way); degree and strength are per person on that reading (strength = sum of pair
 * values). People are matched by id; people in only one period are left out and counted.
 * Group g: I = tied pairs inside g, E = tied pairs with one end in g, E-I = (E - I) / (E + I) (NaN
 * when 0). Test: under "the periods are exchangeable", every dyad tied in exactly one period is
 * given to either period with probability 1/2 (a paired permutation); the p-value compares
 * |E-I change| with `permutations` such swaps. Groups come from `groups` (an assignment person id ->
 * group, the same in both periods; e.g. the Louvain communities of the first period) or else from
 * the `before` graph's attribute; with neither, `groups` and `tieChanges` are empty and the result is
 * per person plus the overall ties gained and lost.
 *
 * Complexity: O(n + m) for the deltas, O(permutations x changed dyads) for the test.
 * @example
 * const r = compare(project(before), project(after), { attribute: 'department' });
 * r.groups[0]; // { group: 'Sales', eiBefore: -0.4, eiAfter: -0.1, eiChange: 0.3, p: 0.02, ... }
 */
export function compare(before: OrgView, after: OrgView, options: CompareOptions): CompareResult {
  const o = { ...DEFAULT_COMPARE_OPTIONS, ...definedOnly(options) };
  const source = o.groups ?? o.attribute ?? null;
  const groups: GroupLabels | null = source === null ? null : groupLabels(before, source);
  const k = groups ? groups.names.length : 0;
  // Step 1: match people by id (before's indices).
  const toBefore = new Int32Array(after.personIds.length).fill(-1);
  let inOne = 0;
  after.personIds.forEach((id, x) => {
    const i = before.indexOf(id);
    toBefore[x] = i;
    if (i < 0) inOne++;
  });
  const inAfter = new Uint8Array(before.personIds.length);
  for (const i of toBefore) if (i >= 0) inAfter[i] = 1;
  for (let i = 0; i < inAfter.length; i++) if (!inAfter[i]) inOne++;
  const n = before.personIds.length;
  const pairs = (view: OrgView, map: Int32Array | null) => {
    const adj = sortedAdjacency(view, { weighted: true });
    const m = new Map<number, number>();
    for (let e = 0; e < adj.edgeU.length; e++) {
      const a = map ? map[adj.edgeU[e]] : adj.edgeU[e];
      const b = map ? map[adj.edgeV[e]] : adj.edgeV[e];
      if (a < 0 || b < 0 || !inAfter[a] || !inAfter[b]) continue;
      m.set(a < b ? a * n + b : b * n + a, adj.edgeWeights[e]);
    }
    return m;
  };
  const A = pairs(before, null);
  const B = pairs(after, toBefore);
  // Step 2: per person.
  const deg = [new Float64Array(n), new Float64Array(n)];
  const str = [new Float64Array(n), new Float64Array(n)];
  [A, B].forEach((m, t) => {
    for (const [key, w] of m) {
      const a = Math.floor(key / n);
      const b = key % n;
      deg[t][a]++;
      deg[t][b]++;
      str[t][a] += w;
      str[t][b] += w;
    }
  });
  const people: PersonDelta[] = [];
  for (let i = 0; i < n; i++) {
    if (!inAfter[i]) continue;
    people.push({ id: before.personIds[i], degreeBefore: deg[0][i], degreeAfter: deg[1][i], strengthBefore: str[0][i], strengthAfter: str[1][i] });
  }
  // Step 3: group counts and the changed dyads.
  const L = groups ? groups.labels : new Int32Array(n).fill(-1);
  const count = (m: Map<number, number>) => {
    const internal = new Float64Array(k);
    const external = new Float64Array(k);
    for (const key of m.keys()) addPair(internal, external, L[Math.floor(key / n)], L[key % n], 1);
    return { internal, external };
  };
  const cA = count(A);
  const cB = count(B);
  const ei = (c: { internal: Float64Array; external: Float64Array }, g: number) =>
    c.internal[g] + c.external[g] > 0 ? (c.external[g] - c.internal[g]) / (c.external[g] + c.internal[g]) : NaN;
  const changed: { ga: number; gb: number; toAfter: number }[] = []; // toAfter 1: gained (only in after), -1: lost
  const matrixGained = new Float64Array(k * k);
  const matrixLost = new Float64Array(k * k);
  for (const key of A.keys()) if (!B.has(key)) changed.push({ ga: L[Math.floor(key / n)], gb: L[key % n], toAfter: -1 });
  for (const key of B.keys()) if (!A.has(key)) changed.push({ ga: L[Math.floor(key / n)], gb: L[key % n], toAfter: 1 });
  for (const c of changed) {
    if (c.ga < 0 || c.gb < 0) continue;
    const [x, y] = c.ga <= c.gb ? [c.ga, c.gb] : [c.gb, c.ga];
    (c.toAfter > 0 ? matrixGained : matrixLost)[x * k + y]++;
  }
  // Step 4: paired permutation test of each group's E-I change.
  const observed = new Float64Array(k);
  for (let g = 0; g < k; g++) observed[g] = ei(cB, g) - ei(cA, g);
  const extreme = new Float64Array(k);
  const random = mulberry32(o.seed);
  const pi = new Float64Array(k);
  const pe = new Float64Array(k);
  const qi = new Float64Array(k);
  const qe = new Float64Array(k);
  for (let r = 0; k > 0 && r < o.permutations; r++) {
    pi.set(cA.internal);
    pe.set(cA.external);
    qi.set(cB.internal);
    qe.set(cB.external);
    for (const c of changed) {
      if (random() >= 0.5) continue;
      // Swap: the dyad moves to the other period.
      const [fromI, fromE, toI, toE] = c.toAfter > 0 ? [qi, qe, pi, pe] : [pi, pe, qi, qe];
      addPair(fromI, fromE, c.ga, c.gb, -1);
      addPair(toI, toE, c.ga, c.gb, 1);
    }
    for (let g = 0; g < k; g++) {
      const before0 = pi[g] + pe[g] > 0 ? (pe[g] - pi[g]) / (pe[g] + pi[g]) : NaN;
      const after0 = qi[g] + qe[g] > 0 ? (qe[g] - qi[g]) / (qe[g] + qi[g]) : NaN;
      if (Math.abs(after0 - before0) >= Math.abs(observed[g]) - 1e-12) extreme[g]++;
    }
  }
  const groupRows: GroupDelta[] = (groups?.names ?? []).map((name, g) => ({
    group: name,
    eiBefore: ei(cA, g),
    eiAfter: ei(cB, g),
    eiChange: observed[g],
    internalBefore: cA.internal[g],
    internalAfter: cB.internal[g],
    externalBefore: cA.external[g],
    externalAfter: cB.external[g],
    p: Number.isNaN(observed[g]) || o.permutations === 0 ? NaN : (1 + extreme[g]) / (1 + o.permutations),
  }));
  const tieChanges: CompareResult['tieChanges'][number][] = [];
  for (let x = 0; x < k; x++) {
    for (let y = x; y < k; y++) {
      const gained = matrixGained[x * k + y];
      const lost = matrixLost[x * k + y];
      if (gained > 0 || lost > 0) tieChanges.push({ groupA: groups!.names[x], groupB: groups!.names[y], gained, lost });
    }
  }
  const card = { attribute: o.attribute ?? undefined, groups: o.groups };
  const scorecards = o.objectives ? { before: scorecard(before, o.objectives, card), after: scorecard(after, o.objectives, card) } : null;
  let lost = 0;
  for (const c of changed) if (c.toAfter < 0) lost++;
  return {
    attribute: groups ? groups.attribute : null,
    people,
    groups: groupRows,
    tieChanges,
    ties: { before: A.size, after: B.size, gained: changed.length - lost, lost },
    scorecards,
    diagnostics: { permutations: o.permutations, seed: o.seed, changedDyads: changed.length, peopleInOneOnly: inOne },
  };
}

/** Add `delta` tied pairs between groups g and h to the per-group internal / external counts. */
function addPair(internal: Float64Array, external: Float64Array, g: number, h: number, delta: number): void {
  if (g < 0 && h < 0) return;
  if (g === h) internal[g] += delta;
  else {
    if (g >= 0) external[g] += delta;
    if (h >= 0) external[h] += delta;
  }
}

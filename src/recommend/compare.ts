/**
 * Two periods compared
 * What changed between two networks of the same organisation (two tie files, or two time windows):
 * per-person degree and strength deltas, turnover (who joined, left or changed group), ties gained,
 * lost, strengthened and weakened, per-group E-I change (tie counts and tie strengths) with a
 * node-level test that keeps each person's ties together, Benjamini–Hochberg q-values, and the
 * scorecard of both periods side by side.
 * Reference: Aronow, P. M., Samii, C. & Assenova, V. A. (2015). Cluster-robust variance estimation
 * for dyadic data. Political Analysis 23(4), 564–577 (ties that share a person are dependent);
 * Wu, C. F. J. (1986). Jackknife, bootstrap and other resampling methods in regression analysis.
 * Ann. Statist. 14(4) (multiplier / wild bootstrap); Krackhardt, D. & Stern, R. N. (1988) (E-I
 * index); Benjamini, Y. & Hochberg, Y. (1995) (q-values).
 */
import { benjaminiHochberg } from '../core/util/multiple-testing.js';
import { mulberry32 } from '../core/util/random.js';
import {
  appliedMinGroupSize,
  badMinGroupSize,
  DEFAULT_MIN_GROUP_SIZE,
  OTHER_GROUP,
  type SmallGroupNote,
} from '../core/groups/min-group-size.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, sortedAdjacency, type GroupAssignment } from './groups.js';
import type { Objectives } from './objectives.js';
import { scorecard, type ScorecardResult } from './scorecard.js';
import { definedOnly } from '../core/util/options.js';

/** Options of {@link compare}. */
export interface CompareOptions {
  /**
   * Attribute of the groups, read in each period on that period's people (a person who moved
   * department is in the old one before and the new one after). Without `attribute` and `groups`
   * the comparison is per person only (no group tables).
   */
  readonly attribute?: string | null;
  /**
   * Groups given person by person, the same in both periods; takes precedence over `attribute`.
   * Groups found on the compared ties (communities of one period, or even of the union) are not a
   * valid basis for the test (see {@link compare}); the CLI refuses them.
   */
  readonly groups?: GroupAssignment | null;
  /** Draws of the group test (0 skips it). @defaultValue 999 */
  readonly permutations?: number;
  /** Seed of the test's random draws (same seed, same p-values). @defaultValue 1 */
  readonly seed?: number;
  /** Objectives: the scorecard of both periods is added when given. */
  readonly objectives?: Objectives | null;
  /**
   * Smallest group shown (docs/privacy.md): a group with fewer than k of the people of both
   * periods in either period is merged into "Other (small groups)", with complementary suppression
   * in each period (see {@link compare}); 1 opts out. Also passed to the scorecards.
   * @defaultValue the size already applied to the graph by the report's `privateGraph`, else 5
   */
  readonly minGroupSize?: number;
}

/** A group is tested only with at least this many ties (inside plus to other groups) in each period. */
export const MIN_TIES_TO_TEST = 10;

/** Defaults of {@link CompareOptions}. */
export const DEFAULT_COMPARE_OPTIONS = Object.freeze({ attribute: null, groups: null, permutations: 999, seed: 1, objectives: null });

/** One person's change between two periods: degree and strength. */
export interface PersonDelta {
  /** The person's id (present in both periods). */
  readonly id: string;
  /** Distinct people tied to them in the before period. */
  readonly degreeBefore: number;
  /** Distinct people tied to them in the after period. */
  readonly degreeAfter: number;
  /** Sum of their tie values in the before period. */
  readonly strengthBefore: number;
  /** Sum of their tie values in the after period. */
  readonly strengthAfter: number;
}

/** One group's change between two periods: E-I before and after (counts and strengths), with its test. */
export interface GroupDelta {
  /** The group's name. */
  readonly group: string;
  /** Members among the people of both periods, before and after. */
  readonly sizeBefore: number;
  /** Members after (sizeBefore: before). */
  readonly sizeAfter: number;
  /** E-I index (E − I) / (E + I) over tie counts in the before period; NaN when the group has no tie. */
  readonly eiBefore: number;
  /** The same in the after period. */
  readonly eiAfter: number;
  /** eiAfter − eiBefore (positive = more outward-looking). */
  readonly eiChange: number;
  /** Ties inside the group, before (I). */
  readonly internalBefore: number;
  /** Ties inside the group, after. */
  readonly internalAfter: number;
  /** Ties from the group to other groups, before (E). */
  readonly externalBefore: number;
  /** Ties from the group to other groups, after. */
  readonly externalAfter: number;
  /** Two-sided p-value of eiChange: (1 + #{|draw| >= |observed|}) / (1 + defined draws); NaN when E-I is undefined in a period or the group has fewer than MIN_TIES_TO_TEST ties in one. */
  readonly pValue: number;
  /** Benjamini–Hochberg q-value of pValue across the groups. */
  readonly qValue: number;
  /** Draws where the change was defined (draws with an undefined E-I are left out of the count). */
  readonly draws: number;
  /** The same on tie strengths: E and I are sums of log(1 + pair value) (see {@link compare}). */
  readonly eiWeightedBefore: number;
  /** Weighted E-I in the after period. */
  readonly eiWeightedAfter: number;
  /** eiWeightedAfter − eiWeightedBefore. */
  readonly eiWeightedChange: number;
  /** Two-sided p-value of eiWeightedChange, computed like pValue. */
  readonly pValueWeighted: number;
  /** Benjamini–Hochberg q-value of pValueWeighted across the groups. */
  readonly qValueWeighted: number;
  /** Draws where the weighted change was defined. */
  readonly drawsWeighted: number;
}

/** Who joined, left or changed group between two periods. */
export interface Turnover {
  /** People of the after period only, with their tie count there. */
  readonly joined: readonly { readonly id: string; readonly degree: number }[];
  /** People of the before period only, with their tie count there. */
  readonly left: readonly { readonly id: string; readonly degree: number }[];
  /** People of both periods whose group differs (null = no group). */
  readonly changedGroup: readonly { readonly id: string; readonly before: string | null; readonly after: string | null }[];
  /** People of both periods with no tie in one of them (went quiet / became active). */
  readonly quietBefore: number;
  readonly quietAfter: number;
}

/** What {@link compare} returns. */
export interface CompareResult {
  /** The attribute, or the name of the group assignment (`'community'`); null when per person only. */
  readonly attribute: string | null;
  /** People of both periods. */
  readonly people: readonly PersonDelta[];
  /** Who joined, left or changed group. */
  readonly turnover: Turnover;
  /** Each group's E-I change with its test, in group order. */
  readonly groups: readonly GroupDelta[];
  /** Pairs between each pair of groups (a <= b, inside groups too), among people of both periods. */
  readonly tieChanges: readonly {
    readonly groupA: string;
    readonly groupB: string;
    readonly gained: number;
    readonly lost: number;
    readonly weightBefore: number;
    readonly weightAfter: number;
  }[];
  /**
   * Tied pairs among the people of both periods, and the ties of people in one period only.
   * `strengthened` / `weakened`: pairs tied in both periods whose value rose / fell.
   */
  readonly ties: {
    readonly before: number;
    readonly after: number;
    readonly gained: number;
    readonly lost: number;
    readonly strengthened: number;
    readonly weakened: number;
    readonly weightBefore: number;
    readonly weightAfter: number;
    readonly ofLeavers: number;
    readonly ofJoiners: number;
  };
  /** The scorecard of each period, when objectives were given; else null. */
  readonly scorecards: { readonly before: ScorecardResult; readonly after: ScorecardResult } | null;
  /** What the minimum group size merged or withheld (group counts only, never people); null when per person only. */
  readonly privacy: SmallGroupNote | null;
  /** How the test was run: the statistic, draws, seed and the counts it rests on. */
  readonly diagnostics: {
    readonly test: 'node multiplier';
    readonly permutations: number;
    readonly seed: number;
    /** People of both periods in a group in at least one of them (their multipliers move the group statistics). */
    readonly grouped: number;
    readonly changedDyads: number;
  };
}

/**
 * Compare two periods.
 *
 * Both views are read as undirected pairs (a pair is tied when a tie runs either way; its value is
 * a_ij + a_ji), as `orgraph groups` reads them. People are matched by id. The figures per person,
 * per group and per group pair are computed on the people of both periods; people of one period only
 * are reported in `turnover` (with their tie counts) and their ties in `ties.ofLeavers` /
 * `ties.ofJoiners`, never dropped silently.
 *
 * Group g in a period: I = tied pairs inside g, E = tied pairs between g and another group; ties to
 * people without a group are left out (as src/metrics/silos/ei-index.ts and `orgraph groups`);
 * E-I = (E - I) / (E + I), NaN when 0. A person's group is read in each period (moving department
 * is a change of group, listed in `turnover.changedGroup`). Weighted variant: E and I are sums of
 * log(1 + w) over the pairs, w the pair value, so a pair that fell from 50 to 1 counts as a change
 * (log 51 -> log 2) but one very heavy pair cannot swamp the rest (on raw values a few heavy
 * pairs dominate the linearised change and the test is anti-conservative).
 *
 * Test (null: the two periods are exchangeable; H0 E[change] = 0). The change is linearised,
 * d EI / d E = 2I / T^2, d EI / d I = -2E / T^2 (T = E + I, per period), into one influence value
 * per tie, summed per person over both ends of their ties: psi_i = sum over i's ties (after minus
 * before) of the tie's influence. A draw multiplies each person's psi_i by one random sign u_i
 * (Rademacher) and sums: change* = sum_i u_i psi_i, whose variance, sum_i psi_i^2, is the
 * dyadic-robust variance of the change (ties that share a person are dependent; Aronow et al. 2015),
 * so changes that cluster on people (someone goes quiet, a newcomer ramps up) widen the null as they
 * should. Two-sided p = (1 + #{|change*| >= |change|}) / (1 + D), D = draws where the change is
 * defined (a group whose E-I is undefined in a period gets NaN, never "not extreme"); a group with
 * fewer than {@link MIN_TIES_TO_TEST} ties in a period is not tested (NaN: the linearisation does
 * not hold for a handful of ties, and E-I = +-1 would otherwise show no variance); p lies in
 * [1 / (D + 1), 1]. q = Benjamini–Hochberg across the groups (one family per variant).
 * Calibration (test/recommend/compare-calibration.test.ts, i.i.d. periods with person-clustered
 * changes, 60 people, 4 groups): p <= 0.05 for 3.3% (random groups) and 4.3% (homophilous groups)
 * of groups on counts, 3.8% and 6.2% on strengths. Groups fitted on the compared ties (communities,
 * even of the union of both periods) are not calibrated (9.7%): pass such groups only knowingly.
 *
 * Privacy (docs/privacy.md, generalised to two periods): with c_A(g), c_B(g) the members of g among
 * the people of both periods, every group with 0 < c_A(g) < k or 0 < c_B(g) < k is merged into
 * "Other (small groups)" in both periods (primary); while the merged bucket holds 1..k-1 such
 * people in either period, the group with the smallest positive min(c_A, c_B) there joins it
 * (complementary); if that never reaches k, no one has a group. So every size, E-I and tie count of
 * a group row covers at least k people in each period where it has any.
 *
 * Complexity: O(n + m) for the deltas, O(permutations x k x n) for the test (k groups).
 * @example
 * const r = compare(project(before), project(after), { attribute: 'department' });
 * r.groups[0]; // { group: 'Sales', eiBefore: -0.4, eiAfter: -0.1, eiChange: 0.3, pValue: 0.02, qValue: 0.06, ... }
 */
export function compare(before: OrgView, after: OrgView, options: CompareOptions): CompareResult {
  const o = { ...DEFAULT_COMPARE_OPTIONS, ...definedOnly(options) };
  if (!Number.isInteger(o.permutations) || o.permutations < 0) {
    throw new OrgraphError('E_BAD_OPTION', `permutations must be a whole number >= 0, got ${o.permutations}`, { field: 'permutations' });
  }
  const source = o.groups ?? o.attribute ?? null;
  // Step 1: people of both periods (s of them, indexed 0..s-1 in before's order).
  const stayers: string[] = [];
  const sIndexOfBefore = new Int32Array(before.personIds.length).fill(-1);
  const sIndexOfAfter = new Int32Array(after.personIds.length).fill(-1);
  before.personIds.forEach((id, i) => {
    const x = after.indexOf(id);
    if (x < 0) return;
    sIndexOfBefore[i] = stayers.length;
    sIndexOfAfter[x] = stayers.length;
    stayers.push(id);
  });
  const s = stayers.length;
  // Step 2: group labels per period, on one list of names.
  const labA = new Int32Array(s).fill(-1);
  const labB = new Int32Array(s).fill(-1);
  let names: string[] = [];
  let groupsOfA: ReturnType<typeof groupLabels> | null = null;
  let privacy: SmallGroupNote | null = null;
  if (source !== null) {
    groupsOfA = groupLabels(before, source, { minGroupSize: 1 });
    const groupsOfB = groupLabels(after, source, { minGroupSize: 1 });
    names = [...new Set([...groupsOfA.names, ...groupsOfB.names])].sort(new Intl.Collator(undefined, { numeric: true }).compare);
    const at = new Map(names.map((name, g) => [name, g]));
    for (let i = 0; i < before.personIds.length; i++) {
      const l = groupsOfA.labels[i];
      if (sIndexOfBefore[i] >= 0 && l >= 0) labA[sIndexOfBefore[i]] = at.get(groupsOfA.names[l])!;
    }
    for (let x = 0; x < after.personIds.length; x++) {
      const l = groupsOfB.labels[x];
      if (sIndexOfAfter[x] >= 0 && l >= 0) labB[sIndexOfAfter[x]] = at.get(groupsOfB.names[l])!;
    }
    const minGroupSize =
      o.minGroupSize ?? (typeof source === 'string' ? appliedMinGroupSize(before.graph, source) : DEFAULT_MIN_GROUP_SIZE);
    const bad = badMinGroupSize(minGroupSize);
    if (bad !== null) throw new OrgraphError('E_BAD_OPTION', bad, { field: 'minGroupSize' });
    const merged = twoPeriodMerge(labA, labB, names, minGroupSize);
    privacy = merged.note;
    names = merged.names;
  }
  const k = names.length;
  // Step 3: pairs of each period among the people of both; ties of people in one period only.
  const pairs = (view: OrgView, map: Int32Array) => {
    const adj = sortedAdjacency(view, { weighted: true });
    const m = new Map<number, number>();
    const degreeAll = new Float64Array(view.personIds.length);
    let outside = 0;
    for (let e = 0; e < adj.edgeU.length; e++) {
      degreeAll[adj.edgeU[e]]++;
      degreeAll[adj.edgeV[e]]++;
      const a = map[adj.edgeU[e]];
      const b = map[adj.edgeV[e]];
      if (a < 0 || b < 0) {
        outside++;
        continue;
      }
      m.set(a < b ? a * s + b : b * s + a, adj.edgeWeights[e]);
    }
    return { m, degreeAll, outside };
  };
  const PA = pairs(before, sIndexOfBefore);
  const PB = pairs(after, sIndexOfAfter);
  const A = PA.m;
  const B = PB.m;
  // Step 4: per person and turnover.
  const deg = [new Float64Array(s), new Float64Array(s)];
  const str = [new Float64Array(s), new Float64Array(s)];
  [A, B].forEach((m, t) => {
    for (const [key, w] of m) {
      const a = Math.floor(key / s);
      const b = key % s;
      deg[t][a]++;
      deg[t][b]++;
      str[t][a] += w;
      str[t][b] += w;
    }
  });
  const people: PersonDelta[] = stayers.map((id, i) => ({
    id,
    degreeBefore: deg[0][i],
    degreeAfter: deg[1][i],
    strengthBefore: str[0][i],
    strengthAfter: str[1][i],
  }));
  const left = before.personIds.flatMap((id, i) => (sIndexOfBefore[i] < 0 ? [{ id, degree: PA.degreeAll[i] }] : []));
  const joined = after.personIds.flatMap((id, x) => (sIndexOfAfter[x] < 0 ? [{ id, degree: PB.degreeAll[x] }] : []));
  const changedGroup: Turnover['changedGroup'][number][] = [];
  if (source !== null) {
    for (let i = 0; i < s; i++) {
      if (labA[i] !== labB[i])
        changedGroup.push({ id: stayers[i], before: labA[i] >= 0 ? names[labA[i]] : null, after: labB[i] >= 0 ? names[labB[i]] : null });
    }
  }
  let quietBefore = 0;
  let quietAfter = 0;
  for (let i = 0; i < s; i++) {
    if (deg[0][i] === 0 && deg[1][i] > 0) quietBefore++;
    if (deg[1][i] === 0 && deg[0][i] > 0) quietAfter++;
  }
  // Step 5: edge lists of both periods (stayer indices) and the pair changes.
  const edges = (m: Map<number, number>) => {
    const u = new Int32Array(m.size);
    const v = new Int32Array(m.size);
    const w = new Float64Array(m.size);
    let e = 0;
    for (const [key, value] of m) {
      u[e] = Math.floor(key / s);
      v[e] = key % s;
      w[e++] = Math.log1p(value);
    }
    return { u, v, w };
  };
  const EA = edges(A);
  const EB = edges(B);
  const changes = pairChanges(A, B);
  const cells = new Float64Array(k * k * 4); // gained, lost, weightBefore, weightAfter per (x <= y)
  const cell = (g: number, h: number) => (g <= h ? g * k + h : h * k + g) * 4;
  if (k > 0) {
    for (const [key, w] of A) {
      const g = labA[Math.floor(key / s)];
      const h = labA[key % s];
      if (g < 0 || h < 0) continue;
      cells[cell(g, h) + 2] += w;
      if (!B.has(key)) cells[cell(g, h) + 1]++;
    }
    for (const [key, w] of B) {
      const g = labB[Math.floor(key / s)];
      const h = labB[key % s];
      if (g < 0 || h < 0) continue;
      cells[cell(g, h) + 3] += w;
      if (!A.has(key)) cells[cell(g, h)]++;
    }
  }
  // Step 6: observed E-I per group.
  const tally = (E: { u: Int32Array; v: Int32Array; w: Float64Array }, lab: Int32Array, out: Float64Array) => {
    // out: [internal, external, internalW, externalW] x k
    out.fill(0);
    for (let e = 0; e < E.u.length; e++) {
      const g = lab[E.u[e]];
      const h = lab[E.v[e]];
      if (g < 0 || h < 0) continue;
      if (g === h) {
        out[g * 4]++;
        out[g * 4 + 2] += E.w[e];
      } else {
        out[g * 4 + 1]++;
        out[h * 4 + 1]++;
        out[g * 4 + 3] += E.w[e];
        out[h * 4 + 3] += E.w[e];
      }
    }
  };
  const ratio = (ext: number, int: number) => (ext + int > 0 ? (ext - int) / (ext + int) : NaN);
  const tA = new Float64Array(4 * k);
  const tB = new Float64Array(4 * k);
  tally(EA, labA, tA);
  tally(EB, labB, tB);
  const obs = new Float64Array(k);
  const obsW = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    obs[g] = ratio(tB[g * 4 + 1], tB[g * 4]) - ratio(tA[g * 4 + 1], tA[g * 4]);
    obsW[g] = ratio(tB[g * 4 + 3], tB[g * 4 + 2]) - ratio(tA[g * 4 + 3], tA[g * 4 + 2]);
  }
  // Step 7: influence of each person on each group's change (linearised E-I, summed over their ties).
  // d EI / d E = 2I / T^2 and d EI / d I = -2E / T^2 (T = E + I), per period; after counts +, before -.
  const psi = new Float64Array(k * s);
  const psiW = new Float64Array(k * s);
  const influence = (E: { u: Int32Array; v: Int32Array; w: Float64Array }, lab: Int32Array, t: Float64Array, sign: number) => {
    for (let e = 0; e < E.u.length; e++) {
      const g = lab[E.u[e]];
      const h = lab[E.v[e]];
      if (g < 0 || h < 0) continue;
      for (const x of g === h ? [g] : [g, h]) {
        const I = t[x * 4];
        const Ex = t[x * 4 + 1];
        const IW = t[x * 4 + 2];
        const EW = t[x * 4 + 3];
        // Derivatives with half a tie added to I and E (half a mean tie for strengths), so a period
        // where E or I is 0 (E-I = +-1) still carries its sampling variance.
        const T = I + Ex + 1;
        const half = I + Ex > 0 ? (IW + EW) / (2 * (I + Ex)) : 0;
        const TW = IW + EW + 2 * half;
        const c = (sign * (g === h ? -2 * (Ex + 0.5) : 2 * (I + 0.5))) / (T * T);
        const cw = TW > 0 ? (sign * E.w[e] * (g === h ? -2 * (EW + half) : 2 * (IW + half))) / (TW * TW) : 0;
        psi[x * s + E.u[e]] += c;
        psi[x * s + E.v[e]] += c;
        psiW[x * s + E.u[e]] += cw;
        psiW[x * s + E.v[e]] += cw;
      }
    }
  };
  influence(EA, labA, tA, -1);
  influence(EB, labB, tB, 1);
  let movable = 0;
  for (let i = 0; i < s; i++) if (labA[i] >= 0 || labB[i] >= 0) movable++;
  const extreme = new Float64Array(k);
  const extremeW = new Float64Array(k);
  const draws = new Float64Array(k);
  const drawsW = new Float64Array(k);
  if (k > 0 && o.permutations > 0) {
    // Node multiplier draws: one random sign per person (Rademacher), applied to all of that
    // person's ties in both periods, so ties that share a person move together. Only people with a
    // non-zero influence on a group enter its sum.
    const nz: { who: Int32Array; v: Float64Array; vw: Float64Array }[] = [];
    for (let g = 0; g < k; g++) {
      const who: number[] = [];
      for (let i = 0; i < s; i++) if (psi[g * s + i] !== 0 || psiW[g * s + i] !== 0) who.push(i);
      nz.push({
        who: Int32Array.from(who),
        v: Float64Array.from(who, (i) => psi[g * s + i]),
        vw: Float64Array.from(who, (i) => psiW[g * s + i]),
      });
    }
    const random = mulberry32(o.seed);
    const u = new Float64Array(s);
    for (let r = 0; r < o.permutations; r++) {
      for (let i = 0; i < s; i++) u[i] = random() < 0.5 ? -1 : 1;
      for (let g = 0; g < k; g++) {
        const { who, v, vw } = nz[g];
        let d = 0;
        let dw = 0;
        for (let x = 0; x < who.length; x++) {
          d += u[who[x]] * v[x];
          dw += u[who[x]] * vw[x];
        }
        if (!Number.isNaN(obs[g])) {
          draws[g]++;
          if (Math.abs(d) >= Math.abs(obs[g]) - 1e-12) extreme[g]++;
        }
        if (!Number.isNaN(obsW[g])) {
          drawsW[g]++;
          if (Math.abs(dw) >= Math.abs(obsW[g]) - 1e-12) extremeW[g]++;
        }
      }
    }
  }
  const pOf = (observed: number, hits: number, defined: number) =>
    Number.isNaN(observed) || defined === 0 ? NaN : (1 + hits) / (1 + defined);
  // Too few ties for the linearised test: no p-value (listed as untested), never a small one.
  const testable = (g: number) => tA[g * 4] + tA[g * 4 + 1] >= MIN_TIES_TO_TEST && tB[g * 4] + tB[g * 4 + 1] >= MIN_TIES_TO_TEST;
  const p = Float64Array.from(names, (_, g) => (testable(g) ? pOf(obs[g], extreme[g], draws[g]) : NaN));
  const pW = Float64Array.from(names, (_, g) => (testable(g) ? pOf(obsW[g], extremeW[g], drawsW[g]) : NaN));
  const q = benjaminiHochberg(p);
  const qW = benjaminiHochberg(pW);
  const size = (lab: Int32Array, g: number) => lab.reduce((c, l) => c + (l === g ? 1 : 0), 0);
  const groupRows: GroupDelta[] = names.map((name, g) => ({
    group: name,
    sizeBefore: size(labA, g),
    sizeAfter: size(labB, g),
    eiBefore: ratio(tA[g * 4 + 1], tA[g * 4]),
    eiAfter: ratio(tB[g * 4 + 1], tB[g * 4]),
    eiChange: obs[g],
    internalBefore: tA[g * 4],
    internalAfter: tB[g * 4],
    externalBefore: tA[g * 4 + 1],
    externalAfter: tB[g * 4 + 1],
    pValue: p[g],
    qValue: q[g],
    draws: draws[g],
    eiWeightedBefore: ratio(tA[g * 4 + 3], tA[g * 4 + 2]),
    eiWeightedAfter: ratio(tB[g * 4 + 3], tB[g * 4 + 2]),
    eiWeightedChange: obsW[g],
    pValueWeighted: pW[g],
    qValueWeighted: qW[g],
    drawsWeighted: drawsW[g],
  }));
  const tieChanges: CompareResult['tieChanges'][number][] = [];
  for (let x = 0; x < k; x++) {
    for (let y = x; y < k; y++) {
      const c = (x * k + y) * 4;
      if (cells[c] > 0 || cells[c + 1] > 0 || cells[c + 2] !== cells[c + 3]) {
        tieChanges.push({
          groupA: names[x],
          groupB: names[y],
          gained: cells[c],
          lost: cells[c + 1],
          weightBefore: cells[c + 2],
          weightAfter: cells[c + 3],
        });
      }
    }
  }
  const card = { attribute: o.attribute ?? undefined, groups: o.groups, minGroupSize: o.minGroupSize };
  const scorecards = o.objectives ? { before: scorecard(before, o.objectives, card), after: scorecard(after, o.objectives, card) } : null;
  return {
    attribute: source === null ? null : groupsOfA!.attribute,
    people,
    turnover: { joined, left, changedGroup, quietBefore, quietAfter },
    groups: groupRows,
    tieChanges,
    ties: {
      before: A.size,
      after: B.size,
      ...changes,
      ofLeavers: PA.outside,
      ofJoiners: PB.outside,
    },
    scorecards,
    privacy,
    diagnostics: {
      test: 'node multiplier',
      permutations: o.permutations,
      seed: o.seed,
      grouped: k > 0 ? movable : 0,
      changedDyads: changes.gained + changes.lost,
    },
  };
}

/**
 * The pair changes between two periods' tie maps (pair key -> value, among the people of both):
 * `gained` = pairs tied after only, `lost` = before only, `strengthened` / `weakened` = tied in both
 * with a higher / lower value after, and each period's total tie value. Complexity: O(|A| + |B|).
 */
function pairChanges(
  A: ReadonlyMap<number, number>,
  B: ReadonlyMap<number, number>,
): { gained: number; lost: number; strengthened: number; weakened: number; weightBefore: number; weightAfter: number } {
  const c = { gained: 0, lost: 0, strengthened: 0, weakened: 0, weightBefore: 0, weightAfter: 0 };
  for (const [key, w] of A) {
    c.weightBefore += w;
    const w2 = B.get(key);
    if (w2 === undefined) c.lost++;
    else if (w2 > w) c.strengthened++;
    else if (w2 < w) c.weakened++;
  }
  for (const [key, w] of B) {
    c.weightAfter += w;
    if (!A.has(key)) c.gained++;
  }
  return c;
}

/**
 * The minimum group size over two periods (see {@link compare}): relabels `labA` / `labB` in place
 * (merged groups -> the merged bucket, or -1 when every group is withheld) and returns the new names.
 * Complexity: O(s + g^2) for g groups.
 */
function twoPeriodMerge(
  labA: Int32Array,
  labB: Int32Array,
  names: readonly string[],
  k: number,
): { names: string[]; note: SmallGroupNote } {
  const g = names.length;
  const cA = new Float64Array(g);
  const cB = new Float64Array(g);
  for (const l of labA) if (l >= 0) cA[l]++;
  for (const l of labB) if (l >= 0) cB[l]++;
  const small = (c: number) => c > 0 && c < k;
  const into = new Uint8Array(g);
  let groupsMerged = 0;
  let groupsMergedToProtect = 0;
  for (let x = 0; x < g; x++) {
    if (small(cA[x]) || small(cB[x]) || names[x] === OTHER_GROUP) {
      into[x] = 1;
      if (small(cA[x]) || small(cB[x])) groupsMerged++;
    }
  }
  const bucket = (c: Float64Array) => {
    let t = 0;
    for (let x = 0; x < g; x++) if (into[x]) t += c[x];
    return t;
  };
  const weight = (x: number) => Math.min(cA[x] > 0 ? cA[x] : Infinity, cB[x] > 0 ? cB[x] : Infinity);
  let withheld = false;
  for (;;) {
    const short = [cA, cB].find((c) => small(bucket(c)));
    if (short === undefined) break;
    let best = -1;
    for (let x = 0; x < g; x++) {
      if (into[x] || short[x] === 0) continue;
      if (best < 0 || weight(x) < weight(best) || (weight(x) === weight(best) && names[x] < names[best])) best = x;
    }
    if (best < 0) {
      withheld = true;
      break;
    }
    into[best] = 1;
    groupsMergedToProtect++;
  }
  if (withheld) for (let x = 0; x < g; x++) into[x] = 1;
  const kept = names.filter((_, x) => !into[x]);
  const out = withheld || !into.includes(1) ? kept : [...kept, OTHER_GROUP].sort(collator.compare);
  const at = new Map(out.map((name, x) => [name, x]));
  const map = names.map((name, x) => (into[x] ? (withheld ? -1 : at.get(OTHER_GROUP)!) : at.get(name)!));
  for (const lab of [labA, labB]) for (let i = 0; i < lab.length; i++) if (lab[i] >= 0) lab[i] = map[lab[i]];
  return {
    names: out,
    note: Object.freeze({ minGroupSize: k, groupsMerged, groupsMergedToProtect, allGroupsWithheld: withheld }),
  };
}

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * Missing cross-functional links (group gaps)
 * For every pair of groups on an attribute, the ties observed between them against what a null
 * model expects, as a ratio, a z-score, a one-sided Monte Carlo p-value for "fewer ties than
 * expected" and a Benjamini-Hochberg q-value across the pairs of the table; only pairs at or below
 * the FDR level `alpha` are declared gaps. Ties to outside stakeholders (relationship capital) are
 * reported apart from ties between staff (social capital), with a capability focus that checks
 * declared group pairs against targets.
 * Reference: Maslov, S. & Sneppen, K. (2002), degree-preserving rewiring; Goodman, L. A. (1968),
 * quasi-independence in incomplete tables (JASA 63); Benjamini, Y. & Hochberg, Y. (1995);
 * Molloy, M. & Reed, B. (1995), configuration model; Cross, R. & Parker, A. (2004).
 */
import {
  bipartiteMoments,
  configurationMoments,
  groupEdgeCounts,
  groupPairDraws,
  normalLowerTail,
  simpleGraphMean,
  type PairDraws,
} from '../core/groups/degree-null.js';
import { benjaminiHochberg } from '../core/util/multiple-testing.js';
import type { SmallGroupNote } from '../core/groups/min-group-size.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, unknownGroup, type GroupLabels } from './groups.js';
import { introductionAdjacency } from './introduction-adjacency.js';
import { definedOnly } from '../core/util/options.js';
import { float64Arrays } from '../core/util/typed-arrays.js';

/** A capability the organisation depends on: the groups that must work together and their targets. */
export interface CapabilityFocus {
  /** e.g. "product launches". */
  readonly name: string;
  /** Groups (values of the attribute) that must be linked, two or more. */
  readonly groups: readonly string[];
  /** Target for every pair of the groups: at least `minTies` ties and/or a ratio to expected of at least `minRatio`. */
  readonly target?: CapabilityTarget;
  /** Targets for particular pairs (either order), overriding `target`. */
  readonly pairTargets?: readonly (CapabilityTarget & { readonly groups: readonly [string, string] })[];
}

/** What each pair of a capability focus should reach: ties, observed / expected, or both. */
export interface CapabilityTarget {
  /** Ties the pair should have at least. */
  readonly minTies?: number;
  /** Observed / expected ties the pair should reach at least. */
  readonly minRatio?: number;
}

/** The null models of {@link groupGaps}. */
export type GapNullModel = 'rewiring' | 'quasi-independence' | 'configuration';

/** Options of {@link groupGaps}. */
export interface GroupGapsOptions {
  /** Attribute that defines the groups (department, location, level...). Required. */
  readonly attribute: string;
  /**
   * 'rewiring': every person keeps their number of ties; draws from a chain of degree-preserving
   * double edge swaps that keeps the graph simple ("is this pair thinner than chance given who is
   * well connected?").
   * 'quasi-independence': every group keeps its number of ties inside and its number of ties to
   * other groups; only which other group they reach is drawn ("is this pair thin given how
   * outward-looking each group is?").
   * 'configuration': analytic stub-matching moments with a normal p-value; conservative (its sd is
   * larger than the rewiring sd on real data); fast at any size.
   * 'auto': 'rewiring' up to `maxRewiringTies` counted ties, 'configuration' above.
   * @defaultValue 'auto'
   */
  readonly nullModel?: GapNullModel | 'auto';
  /** FDR level: a between-group pair is a gap when its BH q-value is at or below it. @defaultValue 0.05 */
  readonly alpha?: number;
  /** Monte Carlo draws (rewiring and quasi-independence); p-values are multiples of 1 / (draws + 1). @defaultValue 999 */
  readonly draws?: number;
  /** Swap attempts per edge before the first draw (burn-in). @defaultValue 5 */
  readonly swapsPerEdge?: number;
  /** Swap attempts per edge between two draws (thinning). @defaultValue 0.2 */
  readonly thinning?: number;
  /** Largest number of counted ties (staff-staff plus staff-outside) for which 'auto' uses rewiring. @defaultValue 50000 */
  readonly maxRewiringTies?: number;
  /** Seed of the chains. @defaultValue 1 */
  readonly seed?: number;
  /** Capability focus to check; null for none. @defaultValue null */
  readonly capability?: CapabilityFocus | null;
  /** Name of the group of outside stakeholders without a value for the attribute. @defaultValue '(outside)' */
  readonly outsideGroupName?: string;
  /**
   * Smallest group shown (docs/privacy.md): groups under k people are merged into "Other (small
   * groups)" before anything is counted, with complementary suppression; 1 opts out.
   * @defaultValue the size already applied to the graph by the report's `privateGraph`, else 5
   */
  readonly minGroupSize?: number;
  /** Progress: (done, total) over the rewiring draws of both tables (2 x draws), plus 3 steps. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link GroupGapsOptions}. */
export const DEFAULT_GROUP_GAPS_OPTIONS = Object.freeze({
  nullModel: 'auto' as const,
  alpha: 0.05,
  draws: 999,
  swapsPerEdge: 5,
  thinning: 0.2,
  maxRewiringTies: 50_000,
  seed: 1,
  capability: null,
  outsideGroupName: '(outside)',
});

/** Observed against expected ties between two groups (or inside one when a === b). */
export interface GroupPairGap {
  /** One group (the staff group in the external table). */
  readonly groupA: string;
  /** The other group (the same as groupA for ties inside a group). */
  readonly groupB: string;
  /**
   * Members of groupA in the population counted (its staff; the outside stakeholders for the
   * outside group of the external table); null when withheld for privacy (see
   * {@link GapsPrivacyNote.countsWithheld}).
   */
  readonly sizeA: number | null;
  /** Members of groupB in the population counted; null when withheld for privacy. */
  readonly sizeB: number | null;
  /** Tied pairs between the groups (unordered pairs; inside a group when a === b). */
  readonly observedTies: number;
  /** Summed pair strengths between the groups. */
  readonly observedWeight: number;
  /** Null-model mean of `observedTies`. */
  readonly expectedTies: number;
  /** Null-model sd of `observedTies`. */
  readonly sd: number;
  /** Null-model mean of `observedWeight` (tie values travel with their ties). */
  readonly expectedWeight: number;
  /** observedTies / expectedTies (NaN when nothing is expected). */
  readonly ratio: number;
  /** observedWeight / expectedWeight (NaN when nothing is expected). */
  readonly weightRatio: number;
  /** (observedTies - expectedTies) / sd (NaN when sd = 0): negative = fewer ties than chance. */
  readonly z: number;
  /**
   * One-sided p-value for "fewer ties than the null": Monte Carlo (1 + #{draws <= observed}) /
   * (draws + 1), or the normal lower tail of z for 'configuration' (1 when sd = 0). NaN for pairs
   * inside a group under 'quasi-independence' (their counts are fixed by the null).
   */
  readonly pValue: number;
  /** Benjamini-Hochberg q-value across the between-group pairs of the table; NaN inside a group. */
  readonly qValue: number;
  /** Whether the pair is a declared gap (between groups, qValue <= alpha). */
  readonly gap: boolean;
}

/** The gap analysis of one population (staff with staff, or staff with outside stakeholders). */
export interface GapTable {
  /** Ties counted (both ends in a group). */
  readonly ties: number;
  /** Every pair of groups, inside-group pairs included, in label order. */
  readonly pairs: readonly GroupPairGap[];
  /**
   * Declared gaps only: between-group pairs with qValue <= alpha, lowest q first, then lowest p,
   * then lowest z, then the most ties missing. Empty when nothing is significant.
   */
  readonly gaps: readonly GroupPairGap[];
  /** Between-group pairs tested (the BH family). */
  readonly tested: number;
  /** One plain sentence: how many gaps were declared, or that none was. */
  readonly statement: string;
}

/** A pair of capability groups against its target: ties short and met / not met. */
export interface CapabilityPairStatus extends GroupPairGap {
  /** The target this pair is held to. */
  readonly target: CapabilityTarget;
  /** Ties still needed to reach `minTies` (0 when met or no such target). */
  readonly tiesShort: number;
  /** `met` when every target of the pair is reached. */
  readonly status: 'met' | 'missed';
}

/** Which null produced the expectations and how. */
export interface GapNullInfo {
  /** The null model used. */
  readonly model: GapNullModel;
  /** Why this model: asked for, or chosen by 'auto' for the size. */
  readonly reason: string;
  /** Monte Carlo draws (0 for 'configuration'). */
  readonly draws: number;
  /** Swap attempts before the first draw and between draws, per edge. */
  readonly swapsPerEdge: number;
  /** Swap attempts per edge between two draws. */
  readonly thinning: number;
  /** Seed of the draws (same seed, same expectations and p-values). */
  readonly seed: number;
  /** False discovery rate at which gaps are declared (BH q <= alpha). */
  readonly alpha: number;
}

/** What {@link groupGaps} returns. */
export interface GroupGapsResult {
  /** The group attribute. */
  readonly attribute: string;
  /** The null model used (see `null` for how). */
  readonly nullModel: GapNullModel;
  /** How the null was run: model, why, draws, swaps, seed, alpha. */
  readonly null: GapNullInfo;
  /**
   * Each group after privacy merging: its people (`size`, staff plus outside stakeholders, at least
   * k), and its staff and outside-stakeholder counts. A group's two counts are both null when either
   * is between 1 and k - 1 (the other would give it away, `size` being public); the outside group
   * (`outsideGroupName`: outside people without a value) has staff 0, and its size and count are
   * null when under k.
   */
  readonly groups: readonly {
    readonly name: string;
    readonly size: number | null;
    readonly staff: number | null;
    readonly external: number | null;
  }[];
  /** Social capital: ties between staff, groups against groups. */
  readonly staff: GapTable;
  /** Relationship capital: ties between a staff group (groupA) and a group of outside stakeholders (groupB). */
  readonly external: GapTable;
  /** The capability focus's pairs against their targets, when one was given; else null. */
  readonly capability: { readonly name: string; readonly pairs: readonly CapabilityPairStatus[] } | null;
  /** Draws, swaps made, seed, and ties left out because an end has no group. */
  readonly diagnostics: { readonly draws: number; readonly swapsMade: number; readonly seed: number; readonly untypedTies: number };
  /** What the minimum group size merged or withheld (counts of groups and of withheld figures, never of people). */
  readonly privacy: GapsPrivacyNote;
}

/** The privacy note of {@link groupGaps}: the groups merged, and the sub-group counts withheld. */
export interface GapsPrivacyNote extends SmallGroupNote {
  /**
   * Staff and outside-stakeholder counts withheld (published as null) because a kept group's staff
   * or outside part has fewer than k people (and its complement in the group then too): each
   * withheld figure of `groups` counts once, however many pairs repeat it.
   */
  readonly countsWithheld: number;
}

/** Per-pair null summary, parallel to a list of cells. */
interface CellNull {
  readonly observed: ArrayLike<number>;
  readonly observedWeight: ArrayLike<number>;
  readonly mean: ArrayLike<number>;
  readonly sd: ArrayLike<number>;
  readonly meanWeight: ArrayLike<number>;
  readonly pValue: ArrayLike<number>;
  readonly swapsMade: number;
}

/**
 * Group gaps on an attribute: which pairs of groups have significantly fewer ties than a null
 * model expects.
 *
 * Ties are read as undirected pairs (tied when a tie runs either way; strength a_ij + a_ji); only
 * ties with both ends in a group are counted and rewired. For each pair of groups g <= h with
 * X_gh observed ties:
 *
 *   expected = mean of X_gh over the null,  z = (X_gh - expected) / sd,  ratio = X_gh / expected
 *   p (Monte Carlo) = (1 + #{draws with X_gh <= observed}) / (draws + 1),  in [1/(draws+1), 1]
 *   q = Benjamini-Hochberg over the between-group pairs of the table;  gap when q <= alpha
 *
 * Nulls: 'rewiring' keeps every person's degree and the graph simple (one chain of double edge
 * swaps, burn-in swapsPerEdge * m attempts, thinning * m between draws; draws of one chain are
 * correlated, which widens the Monte Carlo error of p but does not bias it). 'quasi-independence'
 * keeps each group's inside ties and its total ties to other groups and redraws only which groups
 * its outward ties reach (swaps of group-level ends that never put a tie inside a group), the
 * quasi-independence model of the off-diagonal mixing matrix. 'configuration' is analytic
 * (loop-free stub-matching mean, stub-matching sd, normal p), used by 'auto' above
 * `maxRewiringTies` ties; its sd is larger than the rewiring sd on real data, so it errs towards
 * declaring fewer gaps. Staff-to-outside ties are a two-sided set (staff end, outside end): the
 * chain exchanges outside ends; 'configuration' uses hypergeometric moments. Outside-to-outside ties
 * are not counted. People with no value for the attribute are in no group (staff) or in
 * `outsideGroupName` (outside).
 *
 * Privacy: groups under `minGroupSize` people (default 5) are merged into "Other (small groups)"
 * before anything is counted ({@link groupLabels}; docs/privacy.md), so no pair, size or tie total
 * describes, or differs from another figure by, a group of fewer than k people. Inside a kept
 * group, a staff or outside part of 1 to k - 1 people has its count withheld (null), and so has the
 * other part (the group's size is public); the outside group without a value under k too
 * (`privacy.countsWithheld`).
 *
 * Smallest q a pair can reach with Monte Carlo p: K / (draws + 1) when it alone is extreme, K = pairs
 * tested; with many groups, raise `draws` or expect nothing to be declared.
 *
 * Complexity: O(n + m + k^2) for 'configuration'; O(m (swapsPerEdge + draws * thinning) + draws * k^2)
 * for the Monte Carlo nulls.
 * @example
 * const result = groupGaps(project(graph), { attribute: 'department' });
 * result.staff.gaps[0]; // { groupA: 'Sales', groupB: 'Support', observedTies: 2, expectedTies: 9.1, pValue: 0.001, qValue: 0.01, ... }
 */
export function groupGaps(view: OrgView, options: GroupGapsOptions): GroupGapsResult {
  const o = { ...DEFAULT_GROUP_GAPS_OPTIONS, ...definedOnly(options) };
  if (!o.attribute) throw new OrgraphError('E_BAD_OPTION', 'groupGaps needs an attribute', { field: 'attribute' });
  if (!(Number.isInteger(o.draws) && o.draws >= 1))
    throw new OrgraphError('E_BAD_OPTION', `draws must be an integer >= 1, got ${o.draws}`, { field: 'draws' });
  if (!(o.swapsPerEdge >= 0) || !(o.thinning >= 0)) {
    throw new OrgraphError('E_BAD_OPTION', 'swapsPerEdge and thinning must be >= 0', { field: 'swapsPerEdge' });
  }
  if (!(o.alpha > 0 && o.alpha < 1)) throw new OrgraphError('E_BAD_OPTION', `alpha must be in (0, 1), got ${o.alpha}`, { field: 'alpha' });
  if (!['auto', 'rewiring', 'quasi-independence', 'configuration'].includes(o.nullModel)) {
    throw new OrgraphError('E_BAD_OPTION', `nullModel must be auto, rewiring, quasi-independence or configuration, got "${o.nullModel}"`, {
      field: 'nullModel',
    });
  }
  const groups = groupLabels(view, o.attribute, { minGroupSize: options.minGroupSize });
  const adj = introductionAdjacency(view);
  const k = groups.names.length;
  const n = adj.n;
  // Step 1: labels for the two populations. Staff: attribute groups; outside: attribute groups plus one
  // extra label (k) for outside people with no value.
  const staffLabels = new Int32Array(n);
  const outsideLabels = new Int32Array(n);
  const staffSize = new Float64Array(k);
  const outsideSize = new Float64Array(k + 1);
  for (let i = 0; i < n; i++) {
    const g = groups.labels[i];
    if (groups.external[i]) {
      staffLabels[i] = -1;
      outsideLabels[i] = g < 0 ? k : g;
      outsideSize[outsideLabels[i]]++;
    } else {
      staffLabels[i] = g;
      outsideLabels[i] = -1;
      if (g >= 0) staffSize[g]++;
    }
  }
  // Step 2: split the counted edges: staff-staff, staff-outside (staff end first).
  const staffEdges: EdgeColumns = { u: [], v: [], w: [] };
  const xEdges: EdgeColumns = { u: [], v: [], w: [] };
  let untyped = 0;
  for (let e = 0; e < adj.edgeU.length; e++) {
    const a = adj.edgeU[e];
    const b = adj.edgeV[e];
    const w = adj.edgeWeights[e];
    const ea = groups.external[a];
    const eb = groups.external[b];
    if (!ea && !eb) {
      if (staffLabels[a] < 0 || staffLabels[b] < 0) {
        untyped++;
        continue;
      }
      staffEdges.u.push(a);
      staffEdges.v.push(b);
      staffEdges.w.push(w);
    } else if (ea !== eb) {
      const s = ea ? b : a;
      if (staffLabels[s] < 0) {
        untyped++;
        continue;
      }
      xEdges.u.push(s);
      xEdges.v.push(ea ? a : b);
      xEdges.w.push(w);
    }
  }
  // Privacy of the sub-cells: a kept group (>= k people) can still split into a staff part or an
  // outside part under k; both parts are then withheld (the group's size is public elsewhere, so
  // one part gives away the other), and the outside group (no value) under k is withheld.
  const { staffShown, outsideShown, countsWithheld } = subCellCounts(staffSize, outsideSize, groups.privacy.minGroupSize);
  const counted = staffEdges.u.length + xEdges.u.length;
  const model: GapNullModel = o.nullModel === 'auto' ? (counted <= o.maxRewiringTies ? 'rewiring' : 'configuration') : o.nullModel;
  const reason =
    o.nullModel !== 'auto'
      ? `${model} as asked`
      : model === 'rewiring'
        ? `rewiring: ${counted} counted ties <= ${o.maxRewiringTies}`
        : `configuration (analytic): ${counted} counted ties > ${o.maxRewiringTies}, too many for rewiring in reasonable time`;
  const mc = model !== 'configuration';
  const units = 3 + (mc ? 2 * o.draws : 0);
  const progress = (done: number) => options.onProgress?.(done, units);
  progress(1);
  // Step 3: staff table. Cells g <= h over groups with staff.
  const staffCells: number[] = [];
  for (let g = 0; g < k; g++) {
    if (staffSize[g] === 0) continue;
    for (let h = g; h < k; h++) if (staffSize[h] > 0) staffCells.push(g * k + h);
  }
  const staffCellArr = Int32Array.from(staffCells);
  const staffNull = tableNull(
    model,
    staffEdges,
    { n, labels: staffLabels, k, cells: staffCellArr, bipartite: false },
    o,
    (d) => progress(1 + d),
    (c) => configurationNull(c, staffCellArr),
  );
  const staffPairs = staffCells.map((cell, i) => {
    const g = Math.floor(cell / k);
    const h = cell % k;
    return makeGap(groups.names[g], groups.names[h], staffShown[g], staffShown[h], staffNull, i);
  });
  // Step 4: staff -> outside table (groupA staff, groupB outside). Combined labels: staff groups
  // 0..k-1, outside groups k+1 .. 2k+1 (label k unused), so a staff-outside cell is g * kk + (k + 1 + x).
  const kx = k + 1;
  const kk = 2 * kx;
  const xLabels = new Int32Array(n);
  for (let i = 0; i < n; i++) xLabels[i] = staffLabels[i] >= 0 ? staffLabels[i] : outsideLabels[i] >= 0 ? k + 1 + outsideLabels[i] : -1;
  const outsideNames = [...groups.names, o.outsideGroupName];
  const xCells: number[] = [];
  const xGroups: [number, number][] = [];
  for (let g = 0; g < k; g++) {
    if (staffSize[g] === 0) continue;
    for (let x = 0; x < kx; x++) {
      if (outsideSize[x] === 0) continue;
      xCells.push(g * kk + (k + 1 + x));
      xGroups.push([g, x]);
    }
  }
  const xCellArr = Int32Array.from(xCells);
  const xNull = tableNull(
    model,
    xEdges,
    { n, labels: xLabels, k: kk, cells: xCellArr, bipartite: true },
    o,
    (d) => progress(1 + o.draws + d),
    (c) =>
      bipartiteNull(
        c,
        xCellArr,
        xGroups.map(([g, x]) => [g, k + 1 + x]),
      ),
  );
  const outsidePairs = xGroups.map(([g, x], i) => makeGap(outsideNames[g], outsideNames[x], staffShown[g], outsideShown[x], xNull, i));
  progress(units - 1);
  // Step 5: q-values and declared gaps.
  const staffTable = table(staffEdges.u.length, staffPairs, o.alpha, 'staff groups', mc ? o.draws : 0);
  const externalTable = table(xEdges.u.length, outsidePairs, o.alpha, 'staff and outside groups', mc ? o.draws : 0);
  // Step 6: capability focus.
  const capability = o.capability ? capabilityStatus(o.capability, groups, staffTable.pairs) : null;
  progress(units);
  const groupRows: GroupGapsResult['groups'][number][] = groups.names.map((name, g) => ({
    name,
    size: staffSize[g] + outsideSize[g],
    staff: staffShown[g],
    external: outsideShown[g],
  }));
  if (outsideSize[k] > 0) groupRows.push({ name: o.outsideGroupName, size: outsideShown[k], staff: 0, external: outsideShown[k] });
  return {
    attribute: o.attribute,
    nullModel: model,
    null: {
      model,
      reason,
      draws: mc ? o.draws : 0,
      swapsPerEdge: mc ? o.swapsPerEdge : 0,
      thinning: mc ? o.thinning : 0,
      seed: o.seed,
      alpha: o.alpha,
    },
    groups: groupRows,
    staff: staffTable,
    external: externalTable,
    capability,
    diagnostics: { draws: mc ? o.draws : 0, swapsMade: staffNull.swapsMade + xNull.swapsMade, seed: o.seed, untypedTies: untyped },
    privacy: { ...groups.privacy, countsWithheld },
  };
}

/**
 * The staff and outside counts that may be published under minimum group size k: for each group g,
 * both null when 0 < staff_g < k or 0 < outside_g < k; the outside group (index k of `outside`,
 * people without a value) null when 0 < outside < k. `countsWithheld` counts the nulls among
 * positive counts (a group's 0 is shown: it describes nobody).
 */
function subCellCounts(
  staff: Float64Array,
  outside: Float64Array,
  k: number,
): { staffShown: (number | null)[]; outsideShown: (number | null)[]; countsWithheld: number } {
  const small = (x: number) => x > 0 && x < k;
  const staffShown: (number | null)[] = Array.from(staff);
  const outsideShown: (number | null)[] = Array.from(outside);
  let countsWithheld = 0;
  for (let g = 0; g < staff.length; g++) {
    if (!small(staff[g]) && !small(outside[g])) continue;
    staffShown[g] = null;
    outsideShown[g] = null;
    countsWithheld += (staff[g] > 0 ? 1 : 0) + (outside[g] > 0 ? 1 : 0);
  }
  for (let x = staff.length; x < outside.length; x++) {
    if (!small(outside[x])) continue;
    outsideShown[x] = null;
    countsWithheld++;
  }
  return { staffShown, outsideShown, countsWithheld };
}

/** The counted ties of one table as columns: ends `u` and `v` (the staff end first in the staff-outside table), values `w`. */
interface EdgeColumns {
  readonly u: number[];
  readonly v: number[];
  readonly w: number[];
}

/**
 * The null of one table's cells (`t.cells` over labels `t.labels`, `t.k` of them; `t.bipartite`
 * for the staff-outside table, whose chains exchange outside ends only) under `model`: the
 * degree-preserving rewiring chain over the people's ties, the quasi-independence chain over their
 * group-level ends, or else `analytic` of the group edge counts. Each chain of the staff-outside
 * table is seeded `o.seed + 1`, of the staff table `o.seed`; `onDraw` reports each draw.
 * Complexity: see {@link groupGaps}.
 */
function tableNull(
  model: GapNullModel,
  e: EdgeColumns,
  t: { readonly n: number; readonly labels: Int32Array; readonly k: number; readonly cells: Int32Array; readonly bipartite: boolean },
  o: { readonly draws: number; readonly swapsPerEdge: number; readonly thinning: number; readonly seed: number },
  onDraw: (draws: number) => void,
  analytic: (c: ReturnType<typeof groupEdgeCounts>) => CellNull,
): CellNull {
  if (model === 'quasi-independence') return quasiIndependence(e.u, e.v, e.w, t.labels, t.k, t.cells, t.bipartite, { ...o, onDraw });
  if (model !== 'rewiring') return analytic(groupEdgeCounts(e.u, e.v, e.w, t.labels, t.k));
  const m = e.u.length;
  return mcNull(
    groupPairDraws(
      { n: t.n, u: e.u, v: e.v, weight: e.w, labels: t.labels, k: t.k, cells: t.cells, simple: true, bipartite: t.bipartite },
      {
        draws: o.draws,
        burnIn: Math.round(o.swapsPerEdge * m),
        thinning: Math.round(o.thinning * m),
        seed: o.seed + (t.bipartite ? 1 : 0),
        onDraw,
      },
    ),
  );
}

function mcNull(d: PairDraws): CellNull {
  const pValue = new Float64Array(d.observed.length);
  for (let i = 0; i < pValue.length; i++) pValue[i] = (1 + d.atOrBelow[i]) / (d.draws + 1);
  return {
    observed: d.observed,
    observedWeight: d.observedWeight,
    mean: d.mean,
    sd: d.sd,
    meanWeight: d.meanWeight,
    pValue,
    swapsMade: d.swapsMade,
  };
}

/**
 * Quasi-independence null: the between-group ties keep their group-level ends' totals (each group's
 * number of outward tie ends) and are redrawn by swaps that never put a tie inside a group; inside
 * cells are fixed (p NaN). Ends are group labels, so the chain never touches people.
 */
function quasiIndependence(
  u: number[],
  v: number[],
  w: number[],
  labels: Int32Array,
  k: number,
  cells: Int32Array,
  bipartite: boolean,
  o: { draws: number; swapsPerEdge: number; thinning: number; seed: number; onDraw?: (draws: number) => void },
): CellNull {
  const gu: number[] = [];
  const gv: number[] = [];
  const gw: number[] = [];
  const inside = new Float64Array(k * k);
  const insideWeight = new Float64Array(k * k);
  for (let e = 0; e < u.length; e++) {
    const g = labels[u[e]];
    const h = labels[v[e]];
    if (g === h) {
      inside[g * k + g]++;
      insideWeight[g * k + g] += w[e];
      continue;
    }
    gu.push(g);
    gv.push(h);
    gw.push(w[e]);
  }
  const identity = new Int32Array(k);
  for (let g = 0; g < k; g++) identity[g] = g;
  const m = gu.length;
  const d = groupPairDraws(
    { n: k, u: gu, v: gv, weight: gw, labels: identity, k, cells, simple: false, bipartite },
    {
      draws: o.draws,
      burnIn: Math.round(o.swapsPerEdge * m),
      thinning: Math.round(o.thinning * m),
      seed: o.seed + (bipartite ? 1 : 0),
      onDraw: o.onDraw,
    },
  );
  const base = mcNull(d);
  const observed = Float64Array.from(d.observed);
  const observedWeight = Float64Array.from(d.observedWeight);
  const mean = Float64Array.from(d.mean);
  const meanWeight = Float64Array.from(d.meanWeight);
  const pValue = Float64Array.from(base.pValue);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (Math.floor(c / k) !== c % k) continue;
    observed[i] = inside[c];
    observedWeight[i] = insideWeight[c];
    mean[i] = inside[c];
    meanWeight[i] = insideWeight[c];
    pValue[i] = NaN;
  }
  return { observed, observedWeight, mean, sd: d.sd, meanWeight, pValue, swapsMade: d.swapsMade };
}

/**
 * An analytic null over the cells of a table: observed ties and strength from the counts, the
 * moments of cell i from `moments(i)`, and the normal lower-tail p-value.
 */
function analyticNull(
  c: ReturnType<typeof groupEdgeCounts>,
  cells: Int32Array,
  moments: (i: number) => { mean: number; sd: number; meanWeight: number },
): CellNull {
  const t = cells.length;
  const [observed, observedWeight, mean, sd, meanWeight, pValue] = float64Arrays(t, 6);
  for (let i = 0; i < t; i++) {
    const m = moments(i);
    observed[i] = c.edges[cells[i]];
    observedWeight[i] = c.weight[cells[i]];
    mean[i] = m.mean;
    sd[i] = m.sd;
    meanWeight[i] = m.meanWeight;
    pValue[i] = normalP(observed[i], mean[i], sd[i]);
  }
  return { observed, observedWeight, mean, sd, meanWeight, pValue, swapsMade: 0 };
}

/** Analytic staff null: loop-free configuration mean, stub-matching sd, normal p-value. */
function configurationNull(c: ReturnType<typeof groupEdgeCounts>, cells: Int32Array): CellNull {
  const { k } = c;
  return analyticNull(c, cells, (i) => {
    const g = Math.floor(cells[i] / k);
    const h = cells[i] % k;
    return {
      mean: simpleGraphMean(c.stubs[g], c.stubs[h], c.squares[g], c.m, c.squareTotal, g === h),
      sd: Math.sqrt(configurationMoments(c.stubs[g], c.stubs[h], c.m, g === h).variance),
      meanWeight: c.w > 0 ? (g === h ? (c.strength[g] * c.strength[g]) / (4 * c.w) : (c.strength[g] * c.strength[h]) / (2 * c.w)) : 0,
    };
  });
}

/** Analytic staff-outside null: hypergeometric moments, normal p-value. */
function bipartiteNull(c: ReturnType<typeof groupEdgeCounts>, cells: Int32Array, ends: [number, number][]): CellNull {
  return analyticNull(c, cells, (i) => {
    const [g, x] = ends[i];
    const mom = bipartiteMoments(c.stubs[g], c.stubs[x], c.m);
    return { mean: mom.mean, sd: Math.sqrt(mom.variance), meanWeight: c.w > 0 ? (c.strength[g] * c.strength[x]) / c.w : 0 };
  });
}

function normalP(observed: number, mean: number, sd: number): number {
  return sd > 0 ? normalLowerTail((observed - mean) / sd) : 1;
}

function makeGap(groupA: string, groupB: string, sizeA: number | null, sizeB: number | null, c: CellNull, i: number): GroupPairGap {
  const observedTies = c.observed[i];
  const expectedTies = c.mean[i];
  const expectedWeight = c.meanWeight[i];
  const sd = c.sd[i];
  return {
    groupA,
    groupB,
    sizeA,
    sizeB,
    observedTies,
    observedWeight: c.observedWeight[i],
    expectedTies,
    sd,
    expectedWeight,
    ratio: expectedTies > 0 ? observedTies / expectedTies : NaN,
    weightRatio: expectedWeight > 0 ? c.observedWeight[i] / expectedWeight : NaN,
    z: sd > 0 ? (observedTies - expectedTies) / sd : NaN,
    pValue: c.pValue[i],
    qValue: NaN,
    gap: false,
  };
}

function table(ties: number, raw: GroupPairGap[], alpha: number, what: string, draws: number): GapTable {
  const between = raw.map((p, i) => (p.groupA !== p.groupB ? i : -1)).filter((i) => i >= 0);
  const q = benjaminiHochberg(between.map((i) => raw[i].pValue));
  const pairs = raw.slice();
  between.forEach((i, r) => {
    // q >= p in exact arithmetic; m p / m can round just below p.
    const qValue = Number.isNaN(q[r]) ? NaN : Math.max(q[r], raw[i].pValue);
    pairs[i] = { ...raw[i], qValue, gap: qValue <= alpha };
  });
  const gaps = pairs
    .filter((p) => p.gap)
    .sort(
      (a, b) =>
        a.qValue - b.qValue ||
        a.pValue - b.pValue ||
        zOrder(a) - zOrder(b) ||
        b.expectedTies - b.observedTies - (a.expectedTies - a.observedTies),
    );
  const tested = between.filter((i) => !Number.isNaN(raw[i].pValue)).length;
  const pairsOf = `${tested} pair${tested === 1 ? '' : 's'} of ${what}`;
  const statement =
    tested === 0
      ? `No pair of ${what} to test.`
      : gaps.length === 0
        ? `No significant gap: none of the ${pairsOf} has fewer ties than the null model at FDR ${alpha} (Benjamini-Hochberg).` +
          (draws > 0 && tested / (draws + 1) > alpha
            ? ` With ${draws} draws a pair extreme on its own reaches q = ${tested}/${draws + 1} at best; more draws could detect it.`
            : '')
        : `${gaps.length} significant gap${gaps.length === 1 ? '' : 's'} among ${pairsOf} (Benjamini-Hochberg q <= ${alpha}).`;
  return { ties, pairs, gaps, tested, statement };
}

/** Lowest z first; pairs whose sd is 0 sort after the ones with a z. */
function zOrder(p: GroupPairGap): number {
  return Number.isNaN(p.z) ? Number.MAX_VALUE : p.z;
}

function capabilityStatus(
  cap: CapabilityFocus,
  groups: GroupLabels,
  pairs: readonly GroupPairGap[],
): { name: string; pairs: CapabilityPairStatus[] } {
  for (const name of cap.groups) if (groups.indexOf(name) < 0) throw unknownGroup(name, groups, { field: 'capability.groups' });
  for (const t of cap.pairTargets ?? []) {
    for (const name of t.groups) if (groups.indexOf(name) < 0) throw unknownGroup(name, groups, { field: 'capability.pairTargets' });
  }
  const find = (a: string, b: string) => {
    const gap = pairs.find((p) => (p.groupA === a && p.groupB === b) || (p.groupA === b && p.groupB === a));
    if (!gap) throw new OrgraphError('E_UNKNOWN_GROUP', `group "${a}" or "${b}" has no staff in the view`, { field: 'capability.groups' });
    return gap;
  };
  const out: CapabilityPairStatus[] = [];
  const names = [...new Set(cap.groups)];
  for (let x = 0; x < names.length; x++) {
    for (let y = x + 1; y < names.length; y++) {
      const gap = find(names[x], names[y]);
      const specific = (cap.pairTargets ?? []).find(
        (t) => (t.groups[0] === names[x] && t.groups[1] === names[y]) || (t.groups[0] === names[y] && t.groups[1] === names[x]),
      );
      const target: CapabilityTarget = specific ? { minTies: specific.minTies, minRatio: specific.minRatio } : (cap.target ?? {});
      const tiesShort = target.minTies !== undefined ? Math.max(0, target.minTies - gap.observedTies) : 0;
      const ratioOk = target.minRatio === undefined || (!Number.isNaN(gap.ratio) && gap.ratio >= target.minRatio);
      out.push({ ...gap, target, tiesShort, status: tiesShort === 0 && ratioOk ? 'met' : 'missed' });
    }
  }
  return { name: cap.name, pairs: out };
}

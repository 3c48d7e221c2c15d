/**
 * Missing cross-functional links (group gaps)
 * For every pair of groups on an attribute, the ties observed between them against what a
 * degree-preserving null model expects, as a ratio and a z-score, with ties to outside stakeholders
 * (relationship capital) reported apart from ties between staff (social capital), and a capability
 * focus that checks declared group pairs against targets.
 * Reference: Molloy, M. & Reed, B. (1995), configuration model; Maslov, S. & Sneppen, K. (2002),
 * degree-preserving rewiring; Cross, R. & Parker, A. (2004). The Hidden Power of Social Networks.
 */
import {
  bipartiteMoments,
  configurationMoments,
  groupEdgeCounts,
  rewireDegreePreserving,
  simpleGraphMean,
  type GroupEdgeCounts,
} from '../core/degree-null.js';
import { mulberry32 } from '../core/random.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, sortedAdjacency, unknownGroup, type GroupLabels } from './groups.js';
import { definedOnly } from '../core/options.js';

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

export interface CapabilityTarget {
  readonly minTies?: number;
  readonly minRatio?: number;
}

export interface GroupGapsOptions {
  /** Attribute that defines the groups (department, location, level...). Required. */
  readonly attribute: string;
  /**
   * 'configuration': exact mean and variance of the stub-matching model (fast, O(m + k^2)).
   * 'rewiring': mean and sd over `samples` graphs from a chain of degree-preserving double edge
   * swaps that keeps the graph simple (slower; better on small dense graphs). @defaultValue 'configuration'
   */
  readonly nullModel?: 'configuration' | 'rewiring';
  /** Rewired graphs sampled ('rewiring' only). @defaultValue 200 */
  readonly samples?: number;
  /** Swap attempts per edge before the first sample and between samples. @defaultValue 10 */
  readonly swapsPerEdge?: number;
  /** Seed of the rewiring chain. @defaultValue 1 */
  readonly seed?: number;
  /** Capability focus to check; null for none. @defaultValue null */
  readonly capability?: CapabilityFocus | null;
  /** Name of the group of outside stakeholders without a value for the attribute. @defaultValue '(outside)' */
  readonly outsideGroupName?: string;
}

export const DEFAULT_GROUP_GAPS_OPTIONS = Object.freeze({
  nullModel: 'configuration' as const,
  samples: 200,
  swapsPerEdge: 10,
  seed: 1,
  capability: null,
  outsideGroupName: '(outside)',
});

/** Observed against expected ties between two groups (or inside one when a === b). */
export interface GroupPairGap {
  readonly groupA: string;
  readonly groupB: string;
  readonly sizeA: number;
  readonly sizeB: number;
  /** Tied pairs between the groups (unordered pairs; inside a group when a === b). */
  readonly observedTies: number;
  /** Summed pair strengths between the groups. */
  readonly observedWeight: number;
  /** Null-model mean of `observedTies`. */
  readonly expectedTies: number;
  /** Null-model mean of `observedWeight`. */
  readonly expectedWeight: number;
  /** observedTies / expectedTies (NaN when nothing is expected). */
  readonly ratio: number;
  /** observedWeight / expectedWeight (NaN when nothing is expected). */
  readonly weightRatio: number;
  /** (observedTies - expectedTies) / sd (NaN when sd = 0): negative = fewer ties than chance. */
  readonly z: number;
}

/** The gap analysis of one population (staff with staff, or staff with outside stakeholders). */
export interface GapTable {
  /** Ties counted (both ends in a group). */
  readonly ties: number;
  /** Every pair of groups, inside-group pairs included, in label order. */
  readonly pairs: readonly GroupPairGap[];
  /** Between-group pairs with fewer ties than expected, largest gap (lowest z) first. */
  readonly gaps: readonly GroupPairGap[];
}

export interface CapabilityPairStatus extends GroupPairGap {
  readonly target: CapabilityTarget;
  /** Ties still needed to reach `minTies` (0 when met or no such target). */
  readonly tiesShort: number;
  readonly status: 'met' | 'missed';
}

export interface GroupGapsResult {
  readonly attribute: string;
  readonly nullModel: 'configuration' | 'rewiring';
  readonly groups: readonly { readonly name: string; readonly staff: number; readonly external: number }[];
  /** Social capital: ties between staff, groups against groups. */
  readonly staff: GapTable;
  /** Relationship capital: ties between a staff group (groupA) and a group of outside stakeholders (groupB). */
  readonly external: GapTable;
  readonly capability: { readonly name: string; readonly pairs: readonly CapabilityPairStatus[] } | null;
  readonly diagnostics: { readonly samples: number; readonly swapsMade: number; readonly seed: number; readonly untypedTies: number };
}

/**
 * Group gaps on an attribute.
 *
 * Ties are read as undirected pairs (tied when a tie runs either way; strength a_ij + a_ji). The mean
 * is the loop-free configuration model (see simpleGraphMean: within about 1% of the mean over
 * degree-preserving rewirings on small graphs); the sd is the stub-matching one, which is 5-15%
 * larger than the rewiring sd on small dense graphs, so |z| errs on the small side. For
 * staff groups g, h with D_g = sum of the degrees of g's staff over staff-staff ties, m staff-staff ties:
 *
 *   expected(g, h) = c D_g D_h / (2m)                g != h
 *   expected(g, g) = c (D_g^2 - Q_g) / (4m),   c = m / (m - Q / (4m)),  Q_g = sum_{i in g} k_i^2
 *   sd(g, h)       = sqrt of the stub-matching (configuration model) variance, see configurationMoments
 *   expectedWeight(g, h) = S_g S_h / (2W),  expectedWeight(g, g) = S_g^2 / (4W)  (S = strength sums)
 *   ratio = observed / expected,  z = (observed - expected) / sd
 *
 * Staff-to-outside ties are a two-sided set: staff group g against outside group x, with M such ties,
 * expected = D_g D_x / M, hypergeometric variance. Outside-to-outside ties are not counted. With
 * nullModel 'rewiring' the mean and sd come from rewired graphs instead (weights travel with ties).
 * People with no value for the attribute are in no group (staff) or in `outsideGroupName` (outside).
 * Groups with no staff have no staff pairs. Single groups give empty gap lists.
 *
 * Complexity: O(n + m + k^2) for 'configuration'; O(samples * (swapsPerEdge * m + k^2)) for 'rewiring'.
 * @example
 * const result = groupGaps(project(graph), { attribute: 'department' });
 * result.staff.gaps[0]; // { groupA: 'Sales', groupB: 'Support', observedTies: 2, expectedTies: 9.1, z: -2.6, ... }
 */
export function groupGaps(view: OrgView, options: GroupGapsOptions): GroupGapsResult {
  const o = { ...DEFAULT_GROUP_GAPS_OPTIONS, ...definedOnly(options) };
  if (!o.attribute) throw new OrgraphError('E_BAD_OPTION', 'groupGaps needs an attribute', { field: 'attribute' });
  if (!(o.samples >= 1) || !(o.swapsPerEdge >= 0)) {
    throw new OrgraphError('E_BAD_OPTION', 'samples must be >= 1 and swapsPerEdge >= 0', { field: 'samples' });
  }
  const groups = groupLabels(view, o.attribute);
  const adj = sortedAdjacency(view, { weighted: true });
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
  // Step 2: split the edges: staff-staff, staff-outside (staff end first), the rest.
  const su: number[] = [];
  const sv: number[] = [];
  const sw: number[] = [];
  const xu: number[] = [];
  const xv: number[] = [];
  const xw: number[] = [];
  let untyped = 0;
  for (let e = 0; e < adj.edgeU.length; e++) {
    const a = adj.edgeU[e];
    const b = adj.edgeV[e];
    const w = adj.edgeWeights[e];
    const ea = groups.external[a];
    const eb = groups.external[b];
    if (!ea && !eb) {
      if (staffLabels[a] < 0 || staffLabels[b] < 0) untyped++;
      su.push(a);
      sv.push(b);
      sw.push(w);
    } else if (ea !== eb) {
      xu.push(ea ? b : a);
      xv.push(ea ? a : b);
      xw.push(w);
      if (staffLabels[ea ? b : a] < 0) untyped++;
    }
  }
  const outsideNames = [...groups.names, o.outsideGroupName];
  // Step 3: staff table.
  const staffCounts = groupEdgeCounts(su, sv, sw, staffLabels, k);
  let staffMoments: { mean: Float64Array; sd: Float64Array; meanWeight: Float64Array };
  let samples = 0;
  let swapsMade = 0;
  if (o.nullModel === 'rewiring') {
    const sim = simulate(n, su, sv, sw, staffLabels, k, o.samples, o.swapsPerEdge, o.seed);
    staffMoments = sim;
    samples = o.samples;
    swapsMade = sim.swapsMade;
  } else {
    staffMoments = analyticMoments(staffCounts);
  }
  const staffPairs: GroupPairGap[] = [];
  for (let g = 0; g < k; g++) {
    if (staffSize[g] === 0) continue;
    for (let h = g; h < k; h++) {
      if (staffSize[h] === 0) continue;
      staffPairs.push(
        pairGap(groups.names[g], groups.names[h], staffSize[g], staffSize[h], staffCounts, g * k + h, staffMoments),
      );
    }
  }
  // Step 4: staff -> outside table (groupA staff, groupB outside).
  const kx = k + 1;
  const xStaff = new Int32Array(n);
  for (let i = 0; i < n; i++) xStaff[i] = staffLabels[i] >= 0 ? staffLabels[i] : outsideLabels[i] >= 0 ? k + 1 + outsideLabels[i] : -1;
  // Combined labels: staff groups 0..k-1, outside groups k+1 .. 2k+1 (label k unused).
  const both = groupEdgeCounts(xu, xv, xw, xStaff, 2 * kx);
  const kk = 2 * kx;
  const outsidePairs: GroupPairGap[] = [];
  for (let g = 0; g < k; g++) {
    if (staffSize[g] === 0) continue;
    for (let x = 0; x < kx; x++) {
      if (outsideSize[x] === 0) continue;
      const cell = g * kk + (k + 1 + x);
      const dg = both.stubs[g];
      const dx = both.stubs[k + 1 + x];
      const mom = bipartiteMoments(dg, dx, both.m);
      const expectedWeight = both.w > 0 ? (both.strength[g] * both.strength[k + 1 + x]) / both.w : 0;
      outsidePairs.push(
        makeGap(outsideNames[g], outsideNames[x], staffSize[g], outsideSize[x], both.edges[cell], both.weight[cell], mom.mean, Math.sqrt(mom.variance), expectedWeight),
      );
    }
  }
  // Step 5: capability focus.
  const capability = o.capability ? capabilityStatus(o.capability, groups, staffPairs) : null;
  const groupRows = groups.names.map((name, g) => ({ name, staff: staffSize[g], external: outsideSize[g] }));
  if (outsideSize[k] > 0) groupRows.push({ name: o.outsideGroupName, staff: 0, external: outsideSize[k] });
  return {
    attribute: o.attribute,
    nullModel: o.nullModel,
    groups: groupRows,
    staff: table(staffCounts.m, staffPairs),
    external: table(both.m, outsidePairs),
    capability,
    diagnostics: { samples, swapsMade, seed: o.seed, untypedTies: untyped },
  };
}

function table(ties: number, pairs: GroupPairGap[]): GapTable {
  const gaps = pairs
    .filter((p) => p.groupA !== p.groupB && p.observedTies < p.expectedTies)
    .sort((a, b) => gapOrder(a) - gapOrder(b) || a.ratio - b.ratio);
  return { ties, pairs, gaps };
}

/** Lowest z first; pairs whose sd is 0 sort by ratio after the ones with a z. */
function gapOrder(p: GroupPairGap): number {
  return Number.isNaN(p.z) ? Number.MAX_VALUE : p.z;
}

function analyticMoments(c: GroupEdgeCounts): { mean: Float64Array; sd: Float64Array; meanWeight: Float64Array } {
  const { k } = c;
  const mean = new Float64Array(k * k);
  const sd = new Float64Array(k * k);
  const meanWeight = new Float64Array(k * k);
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) {
      const mom = configurationMoments(c.stubs[g], c.stubs[h], c.m, g === h);
      mean[g * k + h] = simpleGraphMean(c.stubs[g], c.stubs[h], c.squares[g], c.m, c.squareTotal, g === h);
      sd[g * k + h] = Math.sqrt(mom.variance);
      meanWeight[g * k + h] =
        c.w > 0 ? (g === h ? (c.strength[g] * c.strength[g]) / (4 * c.w) : (c.strength[g] * c.strength[h]) / (2 * c.w)) : 0;
    }
  }
  return { mean, sd, meanWeight };
}

function simulate(
  n: number,
  su: number[],
  sv: number[],
  sw: number[],
  labels: Int32Array,
  k: number,
  samples: number,
  swapsPerEdge: number,
  seed: number,
): { mean: Float64Array; sd: Float64Array; meanWeight: Float64Array; swapsMade: number } {
  const u = Int32Array.from(su);
  const v = Int32Array.from(sv);
  const w = Float64Array.from(sw);
  const random = mulberry32(seed);
  const sum = new Float64Array(k * k);
  const sumSq = new Float64Array(k * k);
  const sumW = new Float64Array(k * k);
  let swapsMade = 0;
  const attempts = Math.round(swapsPerEdge * u.length);
  for (let s = 0; s < samples; s++) {
    swapsMade += rewireDegreePreserving(n, u, v, attempts, random);
    const c = groupEdgeCounts(u, v, w, labels, k);
    for (let q = 0; q < k * k; q++) {
      sum[q] += c.edges[q];
      sumSq[q] += c.edges[q] * c.edges[q];
      sumW[q] += c.weight[q];
    }
  }
  const mean = new Float64Array(k * k);
  const sd = new Float64Array(k * k);
  const meanWeight = new Float64Array(k * k);
  for (let q = 0; q < k * k; q++) {
    mean[q] = sum[q] / samples;
    meanWeight[q] = sumW[q] / samples;
    sd[q] = samples > 1 ? Math.sqrt(Math.max(0, (sumSq[q] - samples * mean[q] * mean[q]) / (samples - 1))) : 0;
  }
  return { mean, sd, meanWeight, swapsMade };
}

function pairGap(
  a: string,
  b: string,
  sizeA: number,
  sizeB: number,
  c: GroupEdgeCounts,
  cell: number,
  moments: { mean: Float64Array; sd: Float64Array; meanWeight: Float64Array },
): GroupPairGap {
  return makeGap(a, b, sizeA, sizeB, c.edges[cell], c.weight[cell], moments.mean[cell], moments.sd[cell], moments.meanWeight[cell]);
}

function makeGap(
  groupA: string,
  groupB: string,
  sizeA: number,
  sizeB: number,
  observedTies: number,
  observedWeight: number,
  expectedTies: number,
  sd: number,
  expectedWeight: number,
): GroupPairGap {
  return {
    groupA,
    groupB,
    sizeA,
    sizeB,
    observedTies,
    observedWeight,
    expectedTies,
    expectedWeight,
    ratio: expectedTies > 0 ? observedTies / expectedTies : NaN,
    weightRatio: expectedWeight > 0 ? observedWeight / expectedWeight : NaN,
    z: sd > 0 ? (observedTies - expectedTies) / sd : NaN,
  };
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

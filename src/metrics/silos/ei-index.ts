/**
 * E-I index
 * The balance of ties that cross group boundaries against ties that stay inside: -1 = every tie
 * internal (a silo), +1 = every tie external; at network, group and person level, with a
 * permutation test against randomly relabelled groups.
 * Reference: Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises:
 * an experimental simulation. Social Psychology Quarterly 51(2), 123-140.
 */
import { emptyGroupTotals, groupTotals, personMixing, type GroupTotals } from '../../core/groups/group-mixing.js';
import { permuteLabels } from '../../core/community/label-permutation.js';
import { benjaminiHochberg } from '../../core/util/multiple-testing.js';
import { mulberry32 } from '../../core/util/random.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { checkLabels, type GroupPartition, type GroupSize } from './groups.js';
import { PermutationTally, type PermutationResult } from './permutation.js';

/** Options of {@link eiIndex}. */
export interface EiIndexOptions {
  /**
   * Directed views: which of a person's (and a group's) ties count at person and group level:
   * arcs sent (`'out'`), received (`'in'`) or both. Ignored on undirected views; the network value
   * always counts every arc once. @defaultValue 'both'
   */
  readonly direction?: 'out' | 'in' | 'both';
  /** Label permutations for the test; 0 skips the test. @defaultValue 1000 */
  readonly permutations?: number;
  /** Seed of the permutation test (same seed, same p-values). @defaultValue 1 */
  readonly seed?: number;
}

/** Defaults of {@link EiIndexOptions}. */
export const DEFAULT_EI_INDEX_OPTIONS = Object.freeze({
  direction: 'both',
  permutations: 1000,
  seed: 1,
} as const satisfies EiIndexOptions);

/** E and I of one unit and its E-I value. */
export interface EiValue {
  /** Internal ties (count, or strength for the weighted variant). */
  readonly internal: number;
  /** External ties (count, or strength for the weighted variant). */
  readonly external: number;
  /** (E - I) / (E + I); NaN when E + I = 0. */
  readonly value: number;
  /** Permutation test of `value`; null when `permutations` is 0. */
  readonly test: PermutationResult | null;
}

/** E-I index of one group, with its size. */
export interface GroupEiValue extends EiValue, GroupSize {
  /**
   * Benjamini-Hochberg q-value of the two-sided permutation p-value (`test.pValue`) across the
   * groups with a defined p-value; NaN when the test was skipped or the group's E-I is undefined.
   * A group is significantly open or closed at FDR alpha when qValue <= alpha.
   */
  readonly qValue: number;
}

/** What {@link eiIndex} returns. */
export interface EiIndexResult {
  /** `eiIndex` (tie counts) or `eiIndexWeighted` (tie strengths). */
  readonly measure: 'eiIndex' | 'eiIndexWeighted';
  /** Whole network: E = ties between groups, I = ties inside groups, each tie once. */
  readonly network: EiValue;
  /** One entry per group, in `groups.names` order. */
  readonly groups: readonly GroupEiValue[];
  /** Person level, aligned with `view.personIds`; NaN for people without a group or without ties to grouped people. */
  readonly people: NodeScores;
  /** Label permutations the test ran (the `permutations` option; 0 = no test, every `test` null). */
  readonly permutations: number;
  /** Seed of the permutation test (the `seed` option). */
  readonly seed: number;
}

/**
 * Krackhardt and Stern's E-I index, counting ties (as UCINET does).
 *
 *   E-I = (E - I) / (E + I)
 *
 * Network: E = ties between people of different groups, I = ties inside groups, each tie (undirected
 * edge or directed arc) once; equal to 1 - 2 x coverage of the partition. Group g: I_g = ties with
 * both ends in g (each once), E_g = ties with one end in g (on directed views: sent, received or
 * both, by `direction`). Person i: I_i = i's ties to its own group, E_i = to other groups.
 * People without a group are left out with their ties. Undefined values (no ties: isolates, a group
 * without ties, an empty graph) are NaN.
 *
 * Permutation test: group labels are shuffled among grouped people (group sizes kept) `permutations`
 * times with a seeded generator; each network and group value gets its null mean, sd and p-values,
 * and each group a Benjamini-Hochberg q-value of its two-sided p-value across the groups (many
 * groups are many tests: read qValue, not pValue, to call a group a silo).
 *
 * Complexity: O(n + m) for the values, O(permutations x (n + m)) for the test.
 * @example
 * const groups = groupPartition(view, 'department');
 * const ei = eiIndex(view, groups, { permutations: 999, seed: 7 });
 * ei.network.value; ei.network.test?.pLower; ei.people.get('ana');
 */
export function eiIndex(view: OrgView, groups: GroupPartition, options: EiIndexOptions = {}): EiIndexResult {
  return eiIndexWith(view, groups, options, false);
}

/**
 * The E-I index on tie strengths: E and I are sums of tie values instead of counts, at every level
 * and in the permutation test. Everything else as {@link eiIndex}.
 *
 *   E-I_w = (sum of external tie values - sum of internal tie values) / (sum of both)
 *
 * Complexity: as {@link eiIndex}.
 * @example
 * eiIndexWeighted(view, groupPartition(view, 'department')).network.value;
 */
export function eiIndexWeighted(view: OrgView, groups: GroupPartition, options: EiIndexOptions = {}): EiIndexResult {
  return eiIndexWith(view, groups, options, true);
}

function eiIndexWith(view: OrgView, groups: GroupPartition, options: EiIndexOptions, weighted: boolean): EiIndexResult {
  const direction = options.direction ?? DEFAULT_EI_INDEX_OPTIONS.direction;
  const permutations = options.permutations ?? DEFAULT_EI_INDEX_OPTIONS.permutations;
  const seed = options.seed ?? DEFAULT_EI_INDEX_OPTIONS.seed;
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw new OrgraphError('E_BAD_OPTION', `permutations must be an integer >= 0, got ${permutations}`, { field: 'permutations' });
  }
  if (direction !== 'out' && direction !== 'in' && direction !== 'both') {
    throw new OrgraphError('E_BAD_OPTION', `direction must be out, in or both, got ${String(direction)}`, { field: 'direction' });
  }
  const { csr } = view;
  const k = groups.names.length;
  const labels = groups.labels;
  checkLabels(labels, csr.n, k);

  // Step 1: observed values.
  const totals = groupTotals(csr, labels, k);
  const obsNetwork = networkEi(totals, weighted);
  const obsGroups = new Float64Array(k);
  for (let g = 0; g < k; g++) obsGroups[g] = groupEi(totals, g, weighted, direction);

  // Step 2: permutation test (labels shuffled among grouped people, sizes kept).
  let netTest: PermutationResult | null = null;
  const groupTests: (PermutationResult | null)[] = new Array(k).fill(null);
  if (permutations > 0) {
    let memberCount = 0;
    for (let i = 0; i < csr.n; i++) if (labels[i] >= 0) memberCount++;
    const members = new Int32Array(memberCount);
    for (let i = 0, t = 0; i < csr.n; i++) if (labels[i] >= 0) members[t++] = i;
    const pool = new Int32Array(memberCount);
    const shuffled = Int32Array.from(labels);
    const random = mulberry32(seed);
    const scratch = emptyGroupTotals(k, csr.directed);
    const netTally = new PermutationTally(Float64Array.of(obsNetwork.value));
    const groupTally = new PermutationTally(obsGroups);
    for (let r = 0; r < permutations; r++) {
      permuteLabels(shuffled, members, pool, random, shuffled);
      groupTotals(csr, shuffled, k, scratch);
      netTally.add(0, networkEi(scratch, weighted).value);
      for (let g = 0; g < k; g++) groupTally.add(g, groupEi(scratch, g, weighted, direction));
    }
    netTest = netTally.result(0);
    for (let g = 0; g < k; g++) groupTests[g] = groupTally.result(g);
  }

  // Step 3: person level.
  const mix = personMixing(csr, labels, weighted);
  const values = new Float64Array(csr.n);
  const useOut = !csr.directed || direction !== 'in';
  const useIn = csr.directed && direction !== 'out';
  for (let i = 0; i < csr.n; i++) {
    if (labels[i] < 0) {
      values[i] = NaN;
      continue;
    }
    const internal = (useOut ? mix.outInternal[i] : 0) + (useIn ? mix.inInternal[i] : 0);
    const external = (useOut ? mix.outExternal[i] : 0) + (useIn ? mix.inExternal[i] : 0);
    values[i] = ratio(external, internal);
  }
  const measure = weighted ? 'eiIndexWeighted' : 'eiIndex';
  const people = new NodeScores(measure, view.personIds, values, {
    direction: csr.directed ? direction : 'undirected',
    weighted,
  });

  // Multiplicity: one two-sided test per group; BH across the defined ones (q >= p clamps rounding).
  const q = benjaminiHochberg(groupTests.map((t) => (t ? t.pValue : NaN)));
  const groupValues: GroupEiValue[] = [];
  for (let g = 0; g < k; g++) {
    const test = groupTests[g];
    const qValue = test && !Number.isNaN(q[g]) ? Math.max(q[g], test.pValue) : NaN;
    const internal = weighted ? totals.internalWeight[g] : totals.internalTies[g];
    const external = groupExternal(totals, g, weighted, direction);
    groupValues.push({ group: groups.names[g], size: groups.sizes[g], internal, external, value: obsGroups[g], test, qValue });
  }
  return {
    measure,
    network: { ...obsNetwork, test: netTest },
    groups: groupValues,
    people,
    permutations,
    seed,
  };
}

function ratio(external: number, internal: number): number {
  const total = external + internal;
  return total > 0 ? (external - internal) / total : NaN;
}

function networkEi(t: GroupTotals, weighted: boolean): { internal: number; external: number; value: number } {
  let internal = 0;
  let external = 0;
  const inside = weighted ? t.internalWeight : t.internalTies;
  const out = weighted ? t.outWeight : t.outTies;
  for (let g = 0; g < t.k; g++) {
    internal += inside[g];
    external += out[g];
  }
  // NOTE: undirected external edges are credited to both of their groups; directed arcs once (out).
  if (!t.directed) external /= 2;
  return { internal, external, value: ratio(external, internal) };
}

function groupExternal(t: GroupTotals, g: number, weighted: boolean, direction: 'out' | 'in' | 'both'): number {
  const out = weighted ? t.outWeight[g] : t.outTies[g];
  if (!t.directed) return out;
  const inn = weighted ? t.inWeight[g] : t.inTies[g];
  return direction === 'out' ? out : direction === 'in' ? inn : out + inn;
}

function groupEi(t: GroupTotals, g: number, weighted: boolean, direction: 'out' | 'in' | 'both'): number {
  return ratio(groupExternal(t, g, weighted, direction), weighted ? t.internalWeight[g] : t.internalTies[g]);
}

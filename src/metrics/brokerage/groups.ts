/**
 * Group membership for the brokerage family: resolves an attribute name or a partition into dense
 * group codes aligned with a view, and the ego ties those measures share.
 * Reference: none (shared plumbing for brokerage-roles, participation, within-module-z,
 * module-roles and boundary-spanners; group codes come from the shared `groupMembership`).
 */
import { egoTies, egoTiesInLocalityOrder, restoreOrder, type EgoTies } from '../../core/structure/ego-ties.js';
import { participationKernel, type ParticipationKernelResult } from '../../core/structure/participation.js';
import { OrgraphError } from '../../model/errors.js';
import { groupMembership } from '../groups.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';

/**
 * Who belongs to which group: the name of a person attribute (department, office...) or a
 * partition aligned with the view's people (for example community ids), one integer per person.
 */
export type GroupInput = string | Int32Array | readonly number[];

/** Dense group codes for a view. */
export interface GroupCodes {
  /** Group code per person of the view, in [0, count). */
  readonly codes: Int32Array;
  /** Number of distinct groups among the view's people. */
  readonly count: number;
  /** Label of each code: the attribute value, the partition id as a string, or null for "no value". */
  readonly labels: readonly (string | null)[];
  /** Members per code. */
  readonly sizes: Float64Array;
}

/** sna's convention: no value is a group of its own (label null); codes in first-seen order. */
const BROKERAGE_GROUPS = Object.freeze({ missing: 'group', missingName: null, order: 'first-seen', emptyIsMissing: false } as const);

/**
 * Group codes of a view's people.
 *
 * An attribute is read from `view.graph` through `view.personIndex`; people without a value form
 * one group of their own (label null), as R's sna treats NA. A partition must have one integer per
 * person of the view; negative ids are "no group" and likewise form one group. Codes follow first
 * appearance in view order.
 *
 * Throws `E_UNKNOWN_ATTRIBUTE` for an attribute the graph does not have and `E_BAD_OPTION` for a
 * partition of the wrong length or with non-integer ids. Complexity: O(n).
 * @example
 * const { codes, labels } = groupCodes(view, 'department');
 */
export function groupCodes(view: OrgView, group: GroupInput): GroupCodes {
  let source: string | (string | null)[];
  if (typeof group === 'string') {
    source = group;
  } else {
    const n = view.personIds.length;
    if (group.length !== n) {
      throw new OrgraphError('E_BAD_OPTION', `partition has ${group.length} entries for ${n} people`, { field: 'group' });
    }
    source = new Array<string | null>(n);
    for (let v = 0; v < n; v++) {
      const id = group[v];
      if (!Number.isInteger(id)) {
        throw new OrgraphError('E_BAD_OPTION', `partition entry ${v} is not an integer: ${id}`, { field: 'group' });
      }
      source[v] = id < 0 ? null : String(id);
    }
  }
  const { codes, names, sizes } = groupMembership(view, source, BROKERAGE_GROUPS, 'group');
  return { codes, count: names.length, labels: names, sizes: Float64Array.from(sizes) };
}

/**
 * The view's ties read as undirected, pair value a_ij + a_ji (see core `egoTies`); `weighted`
 * false reads each arc as 1. Complexity: O(n + m).
 * @example
 * const ties = viewEgoTies(project(graph, { directed: true }), true);
 */
export function viewEgoTies(view: OrgView, weighted: boolean): EgoTies {
  return egoTies(view.csr, !weighted);
}

/** Ego-tie tables of a view (relabelled on large views) and the map of results back to view order. */
export type StructuralHoleTies = { readonly ties: EgoTies; readonly restore: (values: Float64Array) => Float64Array };

/** Views at least this large are relabelled in breadth-first order before the two-hop kernels. */
export const LOCALITY_ORDER_MIN_PEOPLE = 20_000;

/** A view's ties spread over its groups: the group codes and the participation kernel's per-person figures. */
export interface GroupTieSpread extends Pick<GroupCodes, 'codes' | 'count'> {
  /** participation, degree k_i and within-group degree k_{i,g(i)} per person, in view order. */
  readonly spread: ParticipationKernelResult;
}

/**
 * The group codes of `group` and the participation kernel over the view's ego ties, the common
 * first step of participation, within-module z and module roles. `weighted` (sum tie values, or
 * count contacts when false) defaults to the view's own weighting. Complexity: O(n + m).
 * @example
 * const { spread } = groupTieSpread(view, 'department', undefined);
 * spread.participation;
 */
export function groupTieSpread(view: OrgView, group: GroupInput, weighted: boolean | undefined): GroupTieSpread {
  const w = weighted ?? view.options.weighted;
  const { codes, count } = groupCodes(view, group);
  return { codes, count, spread: participationKernel(viewEgoTies(view, w), codes, count, w) };
}

/**
 * Ego ties for the two-hop structural-hole kernels, relabelled in breadth-first order on large
 * views (see core `egoTiesInLocalityOrder`; results are bit-identical), with the function that
 * maps a kernel's per-node values back to view order. Complexity: O(n + m).
 * @example
 * const { ties, restore } = structuralHoleTies(view, true);
 * const c = restore(constraintKernel(ties, false).constraint);
 */
export function structuralHoleTies(view: OrgView, weighted: boolean): StructuralHoleTies {
  const ties = viewEgoTies(view, weighted);
  if (ties.n < LOCALITY_ORDER_MIN_PEOPLE) return { ties, restore: (values) => values };
  const relabelled = egoTiesInLocalityOrder(ties);
  return { ties: relabelled.ties, restore: (values) => restoreOrder(values, relabelled.order) };
}

/** The weighting option every structural-hole entry (constraint, hierarchy, effective size, efficiency) takes. */
type StructuralHoleOptions = { readonly weighted?: boolean };

/**
 * Per-person scores of the structural-hole kernels over a view's ego ties: `compute` runs once on
 * the ego-tie tables (`shared` when given, else built by {@link structuralHoleTies} with
 * `options.weighted`, falling back to `defaults.weighted`), and each array it returns, in kernel
 * order, becomes the `NodeScores` of its key in view order. Element-wise arithmetic done in kernel
 * order gives the same numbers after the restore. Complexity: O(n + m) plus the kernel's.
 * @example
 * const { constraint } = structuralHoleScores(view, {}, { weighted: true }, undefined, (t) => ({
 *   constraint: constraintKernel(t, false).constraint,
 * }));
 */
export function structuralHoleScores<K extends string>(
  view: OrgView,
  options: StructuralHoleOptions,
  defaults: Required<StructuralHoleOptions>,
  shared: StructuralHoleTies | undefined,
  compute: (ties: EgoTies) => Record<K, Float64Array>,
): Record<K, NodeScores> {
  const { ties, restore } = shared ?? structuralHoleTies(view, options.weighted ?? defaults.weighted);
  const raw = compute(ties);
  const out = {} as Record<K, NodeScores>;
  for (const key of Object.keys(raw) as K[]) out[key] = new NodeScores(key, view.personIds, restore(raw[key]));
  return out;
}

/**
 * One structural-hole score per person, metric key `key`: {@link structuralHoleScores} with a
 * single kernel output and the tables built for the view. Complexity: O(n + m) plus the kernel's.
 * @example
 * const es = structuralHoleScore(view, 'effectiveSize', {}, { weighted: true }, effectiveSizeKernel);
 */
export function structuralHoleScore(
  view: OrgView,
  key: string,
  options: StructuralHoleOptions,
  defaults: Required<StructuralHoleOptions>,
  kernel: (ties: EgoTies) => Float64Array,
): NodeScores {
  return structuralHoleScores(view, options, defaults, undefined, (ties) => ({ [key]: kernel(ties) }))[key];
}

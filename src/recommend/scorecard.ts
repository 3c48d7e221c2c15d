/**
 * Influence scorecard
 * Group-to-group flows (volume, reciprocity, reach) and the organisation's objectives per flow and
 * per group (staff and outside stakeholders apart when asked), each with its actual value, target,
 * status (met / at risk / missed) and, as a balanced-scorecard objective, its owner and initiative.
 * Reference: Krackhardt, D. & Stern, R. N. (1988) (E-I index); Gould, R. V. & Fernandez, R. M. (1989).
 * Structures of mediation. Sociological Methodology 19 (gatekeepers); Cross, R. & Parker, A. (2004);
 * Kaplan, R. S. & Norton, D. P. (1996). The Balanced Scorecard. Harvard Business School Press
 * (objective, measure, target, initiative).
 */
import { brokerageRoles } from '../metrics/brokerage/brokerage-roles.js';
import type { SmallGroupNote } from '../core/groups/min-group-size.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, type GroupAssignment, type GroupLabels } from './groups.js';
import { checkObjectiveGroups, type Members, type Objective, type Objectives } from './objectives.js';

/** Options of {@link scorecard}. */
export interface ScorecardOptions {
  /** Attribute of the groups; defaults to the objectives file's `attribute`. */
  readonly attribute?: string;
  /**
   * Groups given person by person (e.g. `communityGroups` of this or another view) instead of an
   * attribute; takes precedence over `attribute`. The result's `attribute` is the assignment's name.
   */
  readonly groups?: GroupAssignment | null;
  /**
   * Smallest group shown (docs/privacy.md): smaller groups are merged into "Other (small groups)"
   * with complementary suppression before any flow or objective is measured (an objective naming a
   * merged group is `E_UNKNOWN_GROUP`); 1 opts out.
   * @defaultValue the size already applied to the graph by the report's `privateGraph`, else 5
   */
  readonly minGroupSize?: number;
}

/** One directed flow from group `from` to group `to`. */
export interface FlowRow {
  /** Source group. */
  readonly from: string;
  /** Target group. */
  readonly to: string;
  /** Ties from a member of `from` to a member of `to` (arcs on a directed view, pairs on an undirected one). */
  readonly ties: number;
  /** Sum of the values of those ties. */
  readonly weight: number;
  /** Share of those ties returned (j -> i present); 1 on undirected views; NaN with no ties. */
  readonly reciprocity: number;
  /** Share of `to`'s members who receive at least one tie from `from`. */
  readonly reach: number;
}

/** One objective's actual value, target and status (met / at risk / missed). */
export interface ObjectiveStatus {
  /** The objective's label from the objectives file. */
  readonly label: string;
  /** `flow` for an objective between two groups, `group` for one about a single group. */
  readonly kind: 'flow' | 'group';
  /** `A -> B` for a flow, the group for a group objective; "(staff)" / "(stakeholders)" when restricted. */
  readonly subject: string;
  /** The measured quantity, one of `FLOW_METRICS` or `GROUP_METRICS`, as named in the objectives file. */
  readonly metric: string;
  /** The measured value; NaN when undefined (no ties, empty group) or withheld for privacy (status `withheld`). */
  readonly actual: number;
  /** Lower target (null = none). */
  readonly min: number | null;
  /** Upper target (null = none). */
  readonly max: number | null;
  /**
   * `missed` outside the targets (or undefined), `at risk` inside but within the objective's
   * `atRisk` margin of a target, else `met`; `withheld` when an end restricted to staff or to
   * stakeholders has fewer than k people, or leaves fewer than k in its group (docs/privacy.md).
   */
  readonly status: 'met' | 'at risk' | 'missed' | 'withheld';
  /** Balanced-scorecard bookkeeping from the objectives file (null when not given). */
  readonly owner: string | null;
  /** The initiative meant to move this objective (null when not given). */
  readonly initiative: string | null;
}

/** What {@link scorecard} returns. */
export interface ScorecardResult {
  /** The group attribute the flows are between. */
  readonly attribute: string;
  /** True when ties were read as directed (influence follows the arc). */
  readonly directed: boolean;
  /** Every ordered pair of distinct groups with at least one tie. */
  readonly flows: readonly FlowRow[];
  /** Each objective's status, in file order. */
  readonly objectives: readonly ObjectiveStatus[];
  /** Objectives by status. */
  readonly summary: { readonly met: number; readonly atRisk: number; readonly missed: number; readonly withheld: number };
  /** What the minimum group size merged or withheld (counts of groups and objectives, never of people). */
  readonly privacy: ScorecardPrivacyNote;
}

/** The privacy note of {@link scorecard}: the groups merged and the objectives withheld. */
export interface ScorecardPrivacyNote extends SmallGroupNote {
  /**
   * Objectives whose value is withheld (NaN, status `withheld`) because an end restricted to staff or
   * to stakeholders holds between 1 and k - 1 people, or leaves between 1 and k - 1 in its group
   * (the group's size being public, the rest would give the part away).
   */
  readonly objectivesWithheld: number;
}

/**
 * The influence scorecard of a view against objectives.
 *
 * The view decides how ties are read: undirected (as every other command, the default of the CLI),
 * directed as written, or directed the way influence flows (`project(graph, { directed: true,
 * influence: true })`, from each relation's declared `influence`). On an undirected view a "flow"
 * from g to h is the set of g-h pairs, the same both ways.
 *
 * An objective's ends are member sets: all people of a group, or only its staff or only its
 * outside stakeholders (`members` in the objectives file; people flagged `external`). With S the
 * `from` set, T the `to` set (a group objective: G), and "grouped" = people with a group:
 *
 * Flow metrics (S -> T): ties = arcs i -> j (i in S, j in T, i != j) on a directed view, pairs {i, j}
 * on an undirected one (each once); weight = the sum of their values; reciprocity = share of those
 * arcs whose reverse j -> i exists (1 on undirected views; NaN with no ties); reach = |{j in T : some
 * i in S has i -> j}| / |T|; eiIndex = (E - I) / (E + I) with E = ties between S and T either way and
 * I = ties inside S plus ties inside T (on S = T: E = 0, I = ties inside S); gatekeepers = people j in
 * T with an open two-path i -> j -> k, i in S \ {j}, k in T, k != i, k != j and no tie i -> k
 * (Gould-Fernandez gatekeeper of that flow: without the last rule a closed triad would count).
 * Group metrics (G): size; internalTies = ties with both ends in G; externalTies = ties between G and
 * grouped people outside G, sent and received on directed views; ties = both; density =
 * internal / (|G|(|G| - 1)) directed, / (|G|(|G| - 1)/2) undirected; eiIndex = (E - I) / (E + I) of
 * those (as src/metrics/silos/ei-index.ts with direction 'both'); gatekeepers = people of G with a
 * Gould-Fernandez gatekeeper count > 0 (src/metrics/brokerage/brokerage-roles.ts, groups = the
 * attribute).
 * Groups: `options.groups` (an assignment person id -> group) when given, else the attribute
 * (option, then the objectives file's `attribute`).
 * Status ({@link status}): one relative at-risk margin for every metric.
 * Privacy (docs/privacy.md): groups under `minGroupSize` (k) are merged first; then an objective
 * with an end restricted to staff or stakeholders is withheld (actual NaN, status `withheld`,
 * counted in `privacy.objectivesWithheld`) when that part of its group, or the rest of the group,
 * holds between 1 and k - 1 people: a kept group of 6 with 1 stakeholder shows neither its
 * stakeholder end nor its staff end.
 *
 * Complexity: O(n + m + k^2) for the flows, O(n + m) per objective, plus O(sum_j d_j^2) for
 * gatekeeper objectives.
 * @example
 * scorecard(project(graph), await loadObjectives('objectives.yaml')).objectives[0];
 * // { label: 'Sales -> Product: ties >= 40', actual: 37, status: 'missed', ... }
 */
export function scorecard(view: OrgView, objectives: Objectives, options: ScorecardOptions = {}): ScorecardResult {
  const assignment = options.groups ?? null;
  const attribute = assignment ? assignment.name : (options.attribute ?? objectives.attribute);
  if (!attribute)
    throw new OrgraphError('E_BAD_OPTION', 'the scorecard needs a group attribute (option or "attribute" in the objectives file)', {
      file: objectives.file,
      field: 'attribute',
    });
  const groups = groupLabels(view, assignment ?? attribute, { minGroupSize: options.minGroupSize });
  const merged = groups.privacy.groupsMerged + groups.privacy.groupsMergedToProtect > 0 || groups.privacy.allGroupsWithheld;
  checkObjectiveGroups(objectives, groups);
  const flows = flowTable(view, groups);
  let gatekeeperCounts: Float64Array | null = null;
  const roles = () => {
    // NOTE: with an assignment, people in no group (-1) form one group of their own for the roles, as a missing attribute value does.
    gatekeeperCounts ??= Float64Array.from(brokerageRoles(view, assignment || merged ? groups.labels : attribute).counts.gatekeeper.values);
    return gatekeeperCounts;
  };
  const k = groups.privacy.minGroupSize;
  const tooSmall = (group: string, members: Members) => subCellUnderK(groups, groups.indexOf(group), members, k);
  const statuses = objectives.objectives.map((o): ObjectiveStatus => {
    const withheld = o.kind === 'flow' ? tooSmall(o.from, o.fromMembers) || tooSmall(o.to, o.toMembers) : tooSmall(o.group, o.members);
    const actual = withheld ? NaN : o.kind === 'flow' ? flowMetric(view, groups, o) : groupMetric(view, groups, o, roles);
    return {
      label: o.label,
      kind: o.kind,
      subject: o.kind === 'flow' ? `${end(o.from, o.fromMembers)} -> ${end(o.to, o.toMembers)}` : end(o.group, o.members),
      metric: o.metric,
      actual,
      min: o.min ?? null,
      max: o.max ?? null,
      status: withheld ? 'withheld' : status(actual, o),
      owner: o.owner ?? null,
      initiative: o.initiative ?? null,
    };
  });
  return {
    attribute,
    directed: view.csr.directed,
    flows: flows.filter((f) => f.from !== f.to),
    objectives: statuses,
    summary: {
      met: statuses.filter((s) => s.status === 'met').length,
      atRisk: statuses.filter((s) => s.status === 'at risk').length,
      missed: statuses.filter((s) => s.status === 'missed').length,
      withheld: statuses.filter((s) => s.status === 'withheld').length,
    },
    privacy: { ...groups.privacy, objectivesWithheld: statuses.filter((s) => s.status === 'withheld').length },
  };
}

function end(group: string, members: Members): string {
  return members === 'all' ? group : `${group} (${members})`;
}

/**
 * met / at risk / missed for a value against an objective's min and max.
 *
 * One rule for every metric (counts, shares, E-I): missed outside the target; at risk inside it but
 * within `atRisk` x |target| of it (relative margin, default 0.1 = 10%); met otherwise. A target of
 * 0 has no margin: `max: 0` is met by 0 and missed by anything above. NaN (undefined metric) is missed.
 * @example status(38, { min: 40, atRisk: 0.1 }) // 'missed'; status(42, ...) 'at risk' (40 <= 42 < 44); status(0, { max: 0, atRisk: 0.1 }) // 'met'
 */
export function status(
  actual: number,
  o: { readonly min?: number; readonly max?: number; readonly atRisk: number },
): 'met' | 'at risk' | 'missed' {
  if (Number.isNaN(actual)) return 'missed';
  if (o.min !== undefined && actual < o.min) return 'missed';
  if (o.max !== undefined && actual > o.max) return 'missed';
  if (o.min !== undefined && actual < o.min + o.atRisk * Math.abs(o.min)) return 'at risk';
  if (o.max !== undefined && actual > o.max - o.atRisk * Math.abs(o.max)) return 'at risk';
  return 'met';
}

/**
 * Whether an end restricted to staff or stakeholders of group g is a sub-cell under k: the part, or
 * the rest of the group, holds between 1 and k - 1 people. An end of all members never is (kept
 * groups have at least k people).
 */
function subCellUnderK(groups: GroupLabels, g: number, members: Members, k: number): boolean {
  if (members === 'all') return false;
  let part = 0;
  let rest = 0;
  for (let i = 0; i < groups.labels.length; i++) {
    if (groups.labels[i] !== g) continue;
    if ((members === 'stakeholders') === (groups.external[i] === 1)) part++;
    else rest++;
  }
  return (part > 0 && part < k) || (rest > 0 && rest < k);
}

/** Every ordered pair of groups (diagonal included), row-major. */
function flowTable(view: OrgView, groups: GroupLabels): FlowRow[] {
  const k = groups.names.length;
  const rows: FlowRow[] = [];
  const masks = groups.names.map((_, g) => memberMask(groups, g, 'all'));
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) {
      const c = flowCounts(view, masks[g], masks[h]);
      rows.push({ from: groups.names[g], to: groups.names[h], ties: c.ties, weight: c.weight, reciprocity: c.reciprocity, reach: c.reach });
    }
  }
  return rows;
}

/** 1 for the people of group g (all, staff only or stakeholders only). */
function memberMask(groups: GroupLabels, g: number, members: Members): Uint8Array {
  const mask = new Uint8Array(groups.labels.length);
  for (let i = 0; i < mask.length; i++) {
    if (groups.labels[i] !== g) continue;
    if (members === 'staff' && groups.external[i]) continue;
    if (members === 'stakeholders' && !groups.external[i]) continue;
    mask[i] = 1;
  }
  return mask;
}

function hasArc(offsets: Int32Array, targets: Int32Array, i: number, j: number): boolean {
  for (let p = offsets[i]; p < offsets[i + 1]; p++) if (targets[p] === j) return true;
  return false;
}

/** Ties, weight, reciprocity and reach from set S to set T (see {@link scorecard}). */
function flowCounts(view: OrgView, S: Uint8Array, T: Uint8Array): { ties: number; weight: number; reciprocity: number; reach: number } {
  const { csr } = view;
  let ties = 0;
  let weight = 0;
  let returned = 0;
  const reached = new Uint8Array(csr.n);
  for (let i = 0; i < csr.n; i++) {
    if (!S[i]) continue;
    for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) {
      const j = csr.targets[p];
      if (!T[j] || j === i) continue;
      reached[j] = 1;
      // An undirected pair with both ends in S and in T is met from both ends: count it once.
      if (!csr.directed && S[j] && T[i] && j < i) continue;
      ties++;
      weight += csr.weights[p];
      if (!csr.directed || hasArc(csr.offsets, csr.targets, j, i)) returned++;
    }
  }
  let size = 0;
  let reach = 0;
  for (let j = 0; j < csr.n; j++) {
    if (!T[j]) continue;
    size++;
    reach += reached[j];
  }
  return { ties, weight, reciprocity: ties > 0 ? returned / ties : NaN, reach: size > 0 ? reach / size : NaN };
}

function flowMetric(view: OrgView, groups: GroupLabels, o: Extract<Objective, { kind: 'flow' }>): number {
  const S = memberMask(groups, groups.indexOf(o.from), o.fromMembers);
  const T = memberMask(groups, groups.indexOf(o.to), o.toMembers);
  switch (o.metric) {
    case 'ties':
      return flowCounts(view, S, T).ties;
    case 'weight':
      return flowCounts(view, S, T).weight;
    case 'reciprocity':
      return flowCounts(view, S, T).reciprocity;
    case 'reach':
      return flowCounts(view, S, T).reach;
    case 'eiIndex': {
      const same = S.every((x, i) => x === T[i]);
      const internal = flowCounts(view, S, S).ties + (same ? 0 : flowCounts(view, T, T).ties);
      const external = same ? 0 : flowCounts(view, S, T).ties + (view.csr.directed ? flowCounts(view, T, S).ties : 0);
      return external + internal > 0 ? (external - internal) / (external + internal) : NaN;
    }
    case 'gatekeepers':
      return flowGatekeepers(view, S, T);
  }
}

/** People j in T with i -> j -> k, i in S, k in T, i, j, k distinct, and no i -> k. */
function flowGatekeepers(view: OrgView, S: Uint8Array, T: Uint8Array): number {
  const { csr } = view;
  let count = 0;
  for (let j = 0; j < csr.n; j++) {
    if (!T[j]) continue;
    let found = false;
    for (let p = csr.inOffsets[j]; p < csr.inOffsets[j + 1] && !found; p++) {
      const i = csr.inSources[p];
      if (!S[i] || i === j) continue;
      for (let q = csr.offsets[j]; q < csr.offsets[j + 1]; q++) {
        const kk = csr.targets[q];
        if (kk === i || kk === j || !T[kk] || hasArc(csr.offsets, csr.targets, i, kk)) continue;
        found = true;
        break;
      }
    }
    if (found) count++;
  }
  return count;
}

function groupMetric(view: OrgView, groups: GroupLabels, o: Extract<Objective, { kind: 'group' }>, roles: () => Float64Array): number {
  const G = memberMask(groups, groups.indexOf(o.group), o.members);
  const { csr } = view;
  let size = 0;
  for (let i = 0; i < G.length; i++) size += G[i];
  // Ties inside G (each once) and between G and grouped people outside G (sent and received).
  let internal = 0;
  let external = 0;
  for (let i = 0; i < csr.n; i++) {
    for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) {
      const j = csr.targets[p];
      if (j === i) continue;
      if (G[i] && G[j]) internal++;
      else if ((G[i] && groups.labels[j] >= 0) || (G[j] && groups.labels[i] >= 0)) external++;
    }
  }
  if (!csr.directed) {
    internal /= 2;
    external /= 2;
  }
  switch (o.metric) {
    case 'size':
      return size;
    case 'ties':
      return internal + external;
    case 'internalTies':
      return internal;
    case 'externalTies':
      return external;
    case 'density': {
      const possible = csr.directed ? size * (size - 1) : (size * (size - 1)) / 2;
      return possible > 0 ? internal / possible : NaN;
    }
    case 'eiIndex':
      return external + internal > 0 ? (external - internal) / (external + internal) : NaN;
    case 'gatekeepers': {
      const gk = roles();
      let c = 0;
      for (let i = 0; i < G.length; i++) if (G[i] && gk[i] > 0) c++;
      return c;
    }
  }
}

/**
 * Influence scorecard
 * Directed group-to-group flows (volume, reciprocity, reach) and the organisation's objectives per
 * flow and per stakeholder group, each with its actual value, target and status (met / at risk /
 * missed).
 * Reference: Krackhardt, D. & Stern, R. N. (1988) (E-I index); Gould, R. V. & Fernandez, R. M. (1989).
 * Structures of mediation. Sociological Methodology 19 (gatekeepers); Cross, R. & Parker, A. (2004).
 */
import { brokerageRoles } from '../metrics/brokerage/brokerage-roles.js';
import { eiIndex } from '../metrics/silos/ei-index.js';
import { groupPartition } from '../metrics/silos/groups.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels, type GroupAssignment, type GroupLabels } from './groups.js';
import { checkObjectiveGroups, type Objective, type Objectives } from './objectives.js';

/** Options of {@link scorecard}. */
export interface ScorecardOptions {
  /** Attribute of the groups; defaults to the objectives file's `attribute`. */
  readonly attribute?: string;
  /**
   * Groups given person by person (e.g. `communityGroups` of this or another view) instead of an
   * attribute; takes precedence over `attribute`. The result's `attribute` is the assignment's name.
   */
  readonly groups?: GroupAssignment | null;
}

/** One directed flow from group `from` to group `to`. */
export interface FlowRow {
  readonly from: string;
  readonly to: string;
  /** Ties from a member of `from` to a member of `to` (arcs on a directed view, pairs on an undirected one). */
  readonly ties: number;
  readonly weight: number;
  /** Share of those ties returned (j -> i present); 1 on undirected views; NaN with no ties. */
  readonly reciprocity: number;
  /** Share of `to`'s members who receive at least one tie from `from`. */
  readonly reach: number;
}

/** One objective's actual value, target and status (met / at risk / missed). */
export interface ObjectiveStatus {
  readonly label: string;
  readonly kind: 'flow' | 'group';
  readonly subject: string;
  readonly metric: string;
  readonly actual: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly status: 'met' | 'at risk' | 'missed';
}

/** What {@link scorecard} returns. */
export interface ScorecardResult {
  readonly attribute: string;
  readonly directed: boolean;
  readonly flows: readonly FlowRow[];
  readonly objectives: readonly ObjectiveStatus[];
  readonly summary: { readonly met: number; readonly atRisk: number; readonly missed: number };
}

/**
 * The influence scorecard of a view against objectives.
 *
 * Flow metrics (from g to h): ties, weight, reciprocity = share of g -> h arcs whose reverse exists,
 * reach = |{j in h : some i in g has i -> j}| / |h|, eiIndex = (E - I) / (E + I) with E = ties
 * between g and h (either way) and I = ties inside g or inside h (on a within-group flow g -> g, E = 0
 * and I = ties inside g, so the E-I index is -1 whenever g has an internal tie and NaN when it has none;
 * use the group metric eiIndex for a group's openness), gatekeepers = people j in h with
 * i -> j -> k, i in g, k in h, no i -> k (Gould-Fernandez gatekeepers of that flow).
 * Group metrics: size, ties (touching the group), internalTies, externalTies, density (internal ties
 * over possible: n(n-1) directed, n(n-1)/2 undirected), eiIndex (src/metrics/silos/ei-index.ts,
 * counts), gatekeepers (people of the group with a Gould-Fernandez gatekeeper count > 0,
 * src/metrics/brokerage/brokerage-roles.ts).
 * Groups: `options.groups` (an assignment person id -> group, e.g. Louvain communities) when given,
 * else the attribute (option, then the objectives file's `attribute`).
 * Status: a min target is met when actual >= min and at risk when actual < min + atRisk * max(|min|, 1);
 * a max target symmetrically; NaN is missed. Unknown groups throw `E_UNKNOWN_GROUP` naming the file and field.
 *
 * Complexity: O(n + m + k^2) for the flows, plus O(sum_j d_j^2) for gatekeeper objectives.
 * @example
 * scorecard(project(graph, { directed: true }), await loadObjectives('objectives.yaml')).objectives[0];
 * // { label: 'Sales -> Product: ties >= 40', actual: 37, status: 'missed', ... }
 */
export function scorecard(view: OrgView, objectives: Objectives, options: ScorecardOptions = {}): ScorecardResult {
  const assignment = options.groups ?? null;
  const attribute = assignment ? assignment.name : (options.attribute ?? objectives.attribute);
  if (!attribute) throw new OrgraphError('E_BAD_OPTION', 'the scorecard needs a group attribute (option or "attribute" in the objectives file)', { file: objectives.file, field: 'attribute' });
  const groups = groupLabels(view, assignment ?? attribute);
  checkObjectiveGroups(objectives, groups);
  const flows = flowTable(view, groups);
  const flowAt = (g: number, h: number) => flows[g * groups.names.length + h];
  let groupCache: { ei: Map<string, number>; gatekeepers: Map<string, number> } | null = null;
  const groupLevel = () => {
    if (!groupCache) {
      const ei = eiIndex(view, assignment ? groupPartition(view, view.personIds.map((id) => assignment.groupOf.get(id) ?? null)) : groupPartition(view, attribute), { permutations: 0 });
      // NOTE: with an assignment, people in no group (-1) form one group of their own for the roles, as a missing attribute value does.
      const roles = brokerageRoles(view, assignment ? groups.labels : attribute);
      const gatekeepers = new Map<string, number>();
      const gk = roles.counts.gatekeeper.values;
      for (let i = 0; i < gk.length; i++) {
        const g = groups.labels[i];
        if (g >= 0 && gk[i] > 0) gatekeepers.set(groups.names[g], (gatekeepers.get(groups.names[g]) ?? 0) + 1);
      }
      groupCache = { ei: new Map(ei.groups.map((x) => [x.group, x.value])), gatekeepers };
    }
    return groupCache;
  };
  const statuses = objectives.objectives.map((o): ObjectiveStatus => {
    const actual = o.kind === 'flow' ? flowMetric(view, groups, o, flowAt) : groupMetric(view, groups, o, flowAt, groupLevel);
    return {
      label: o.label,
      kind: o.kind,
      subject: o.kind === 'flow' ? `${o.from} -> ${o.to}` : o.group,
      metric: o.metric,
      actual,
      min: o.min ?? null,
      max: o.max ?? null,
      status: status(actual, o),
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
    },
  };
}

/** met / at risk / missed for a value against an objective's min and max. */
export function status(actual: number, o: { readonly min?: number; readonly max?: number; readonly atRisk: number }): 'met' | 'at risk' | 'missed' {
  if (Number.isNaN(actual)) return 'missed';
  if (o.min !== undefined && actual < o.min) return 'missed';
  if (o.max !== undefined && actual > o.max) return 'missed';
  if (o.min !== undefined && actual < o.min + o.atRisk * Math.max(Math.abs(o.min), 1)) return 'at risk';
  if (o.max !== undefined && actual > o.max - o.atRisk * Math.max(Math.abs(o.max), 1)) return 'at risk';
  return 'met';
}

/** Every ordered pair of groups (diagonal included), row-major. */
function flowTable(view: OrgView, groups: GroupLabels): FlowRow[] {
  const { csr } = view;
  const k = groups.names.length;
  const L = groups.labels;
  const ties = new Float64Array(k * k);
  const weight = new Float64Array(k * k);
  const returned = new Float64Array(k * k);
  const size = new Float64Array(k);
  for (let i = 0; i < csr.n; i++) if (L[i] >= 0) size[L[i]]++;
  // reach: last source group that reached j, per (j, g) via a stamp per group.
  const reached = new Float64Array(k * k);
  const stamp = new Int32Array(k).fill(-1);
  for (let j = 0; j < csr.n; j++) {
    const h = L[j];
    if (h < 0) continue;
    for (let p = csr.inOffsets[j]; p < csr.inOffsets[j + 1]; p++) {
      const g = L[csr.inSources[p]];
      if (g < 0 || stamp[g] === j) continue;
      stamp[g] = j;
      reached[g * k + h]++;
    }
  }
  for (let i = 0; i < csr.n; i++) {
    const g = L[i];
    if (g < 0) continue;
    for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) {
      const j = csr.targets[p];
      const h = L[j];
      if (h < 0) continue;
      ties[g * k + h]++;
      weight[g * k + h] += csr.weights[p];
      if (!csr.directed || hasArc(csr.offsets, csr.targets, j, i)) returned[g * k + h]++;
    }
  }
  const rows: FlowRow[] = [];
  for (let g = 0; g < k; g++) {
    for (let h = 0; h < k; h++) {
      const q = g * k + h;
      // NOTE: an undirected tie inside a group sits in both rows of the CSR: halve the diagonal.
      const half = !csr.directed && g === h ? 0.5 : 1;
      rows.push({
        from: groups.names[g],
        to: groups.names[h],
        ties: ties[q] * half,
        weight: weight[q] * half,
        reciprocity: ties[q] > 0 ? returned[q] / ties[q] : NaN,
        reach: size[h] > 0 ? reached[q] / size[h] : NaN,
      });
    }
  }
  return rows;
}

function hasArc(offsets: Int32Array, targets: Int32Array, i: number, j: number): boolean {
  for (let p = offsets[i]; p < offsets[i + 1]; p++) if (targets[p] === j) return true;
  return false;
}

function flowMetric(view: OrgView, groups: GroupLabels, o: Extract<Objective, { kind: 'flow' }>, flowAt: (g: number, h: number) => FlowRow): number {
  const g = groups.indexOf(o.from);
  const h = groups.indexOf(o.to);
  const f = flowAt(g, h);
  switch (o.metric) {
    case 'ties':
      return f.ties;
    case 'weight':
      return f.weight;
    case 'reciprocity':
      return f.reciprocity;
    case 'reach':
      return f.reach;
    case 'eiIndex': {
      const external = g === h ? 0 : view.csr.directed ? f.ties + flowAt(h, g).ties : f.ties;
      const internal = flowAt(g, g).ties + (g === h ? 0 : flowAt(h, h).ties);
      return external + internal > 0 ? (external - internal) / (external + internal) : NaN;
    }
    case 'gatekeepers':
      return flowGatekeepers(view, groups.labels, g, h);
  }
}

/** People j in h with i -> j -> k, i in g, k in h, k != i, and no i -> k. */
function flowGatekeepers(view: OrgView, L: Int32Array, g: number, h: number): number {
  const { csr } = view;
  let count = 0;
  for (let j = 0; j < csr.n; j++) {
    if (L[j] !== h) continue;
    let found = false;
    for (let p = csr.inOffsets[j]; p < csr.inOffsets[j + 1] && !found; p++) {
      const i = csr.inSources[p];
      if (L[i] !== g || i === j) continue;
      for (let q = csr.offsets[j]; q < csr.offsets[j + 1]; q++) {
        const kk = csr.targets[q];
        if (kk === i || L[kk] !== h || hasArc(csr.offsets, csr.targets, i, kk)) continue;
        found = true;
        break;
      }
    }
    if (found) count++;
  }
  return count;
}

function groupMetric(
  view: OrgView,
  groups: GroupLabels,
  o: Extract<Objective, { kind: 'group' }>,
  flowAt: (g: number, h: number) => FlowRow,
  groupLevel: () => { ei: Map<string, number>; gatekeepers: Map<string, number> },
): number {
  const g = groups.indexOf(o.group);
  const k = groups.names.length;
  let size = 0;
  for (let i = 0; i < groups.labels.length; i++) if (groups.labels[i] === g) size++;
  const internal = flowAt(g, g).ties;
  let external = 0;
  for (let h = 0; h < k; h++) {
    if (h === g) continue;
    external += flowAt(g, h).ties + (view.csr.directed ? flowAt(h, g).ties : 0);
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
      const possible = view.csr.directed ? size * (size - 1) : (size * (size - 1)) / 2;
      return possible > 0 ? internal / possible : NaN;
    }
    case 'eiIndex':
      return groupLevel().ei.get(o.group) ?? NaN;
    case 'gatekeepers':
      return groupLevel().gatekeepers.get(o.group) ?? 0;
  }
}

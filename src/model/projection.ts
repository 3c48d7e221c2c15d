/**
 * Projection: an OrgGraph seen through chosen relations, direction, weighting and population,
 * as a compact CSR view. The person-id <-> dense-index mapping happens here, once; algorithms
 * only ever see indices.
 */
import { csrFilter, csrFromEdges, type Csr, type LengthTransform, lengthsFromStrengths } from '../core/graph/csr.js';
import { GrowableInt32 } from '../core/graph/growable.js';
import { OrgraphError } from './errors.js';
import type { OrgGraph } from './org-graph.js';
import { definedOnly } from '../core/util/options.js';

/** Options of {@link project}: which ties make the view and how they are read. */
export interface ProjectionOptions {
  /** Relations to include; null or empty = all. @defaultValue null */
  readonly relations?: readonly string[] | null;
  /** Directed view (a_ij and a_ji kept apart) or undirected (a pair's value is a_ij + a_ji). @defaultValue false */
  readonly directed?: boolean;
  /** Keep tie values as strengths, or read every tie present as 1. @defaultValue true */
  readonly weighted?: boolean;
  /** Drop pairs whose aggregated value is below this (applied before `weighted: false`). @defaultValue 0 */
  readonly minWeight?: number;
  /** Include outside stakeholders (customers, partners) or staff only. @defaultValue true */
  readonly includeExternal?: boolean;
  /** Keep only ties whose time lies in [from, to) (ms since epoch); ties without a time are kept. */
  readonly timeWindow?: { readonly from?: number; readonly to?: number } | null;
  /**
   * Directed views: orient each tie the way influence flows, as its relation declares
   * (`RelationInfo.influence`): `target->source` ties are reversed, `both` ties run both ways, others
   * stay as written. No effect on undirected views. @defaultValue false
   */
  readonly influence?: boolean;
}

/** Defaults of {@link ProjectionOptions}. */
export const DEFAULT_PROJECTION_OPTIONS = Object.freeze({
  relations: null,
  directed: false,
  weighted: true,
  minWeight: 0,
  includeExternal: true,
  timeWindow: null,
  influence: false,
} as const satisfies ProjectionOptions);

/** {@link ProjectionOptions} with every default filled in. */
export type ResolvedProjectionOptions = {
  /** Relations included; null = all. */
  readonly relations: readonly string[] | null;
  /** Directed view, or undirected with a pair's value the sum both ways. */
  readonly directed: boolean;
  /** Tie values kept as strengths (false: every tie present is 1). */
  readonly weighted: boolean;
  /** Pairs whose aggregated value is below this are dropped. */
  readonly minWeight: number;
  /** Whether outside stakeholders are in the view. */
  readonly includeExternal: boolean;
  /** Ties kept by time, [from, to) in ms since epoch; null = all. */
  readonly timeWindow: { readonly from?: number; readonly to?: number } | null;
  /** Directed views: ties oriented the way influence flows. */
  readonly influence: boolean;
};

/**
 * A projected view. `csr.weights` are strengths (more = closer); call {@link viewLengths} for the
 * lengths that path metrics use.
 */
export interface OrgView {
  /** The graph the view was projected from. */
  readonly graph: OrgGraph;
  /** The adjacency over view indices: strengths as weights, built once per projection. */
  readonly csr: Csr;
  /** Ids of the people in the view, in view-index order. */
  readonly personIds: readonly string[];
  /** View index -> index in `graph.personIds`. */
  readonly personIndex: Int32Array;
  /** The options the view was projected with, defaults filled in. */
  readonly options: ResolvedProjectionOptions;
  /** Tie values in this view are strengths, never lengths. */
  readonly weightKind: 'strength';
  /** View index of a person id, or -1 when the person is not in the view. */
  indexOf(id: string): number;
}

/**
 * Project an OrgGraph to a CSR view.
 *
 * Aggregation: the value of a pair is the sum of the weights of every selected tie between them.
 * In a directed view a tie of an undirected relation counts in both directions; in an undirected
 * view a directed tie i -> j and a tie j -> i both add to the pair {i, j}, and a tie of an undirected
 * relation adds once. Unweighted views then set every remaining pair to 1.
 *
 * Complexity: O(n + m). Throws `E_UNKNOWN_RELATION` for a relation the graph does not have.
 */
export function project(graph: OrgGraph, options: ProjectionOptions = {}): OrgView {
  const o: ResolvedProjectionOptions = { ...DEFAULT_PROJECTION_OPTIONS, ...definedOnly(options) };
  if (!(o.minWeight >= 0) || !Number.isFinite(o.minWeight)) {
    throw new OrgraphError('E_BAD_OPTION', `minWeight must be a finite number >= 0, got ${o.minWeight}`, { field: 'minWeight' });
  }
  // Step 1: which relations.
  const useRelation = new Uint8Array(graph.relations.length);
  if (o.relations && o.relations.length > 0) {
    for (const name of o.relations) {
      const k = graph.relations.findIndex((r) => r.name === name);
      if (k < 0) {
        const known = graph.relations.map((r) => r.name).join(', ') || '(none)';
        throw new OrgraphError('E_UNKNOWN_RELATION', `no relation "${name}"; relations: ${known}`, { field: 'relation' });
      }
      useRelation[k] = 1;
    }
  } else {
    useRelation.fill(1);
  }
  // Step 2: which people, and their dense view indices.
  const n0 = graph.personCount;
  const toView = new Int32Array(n0).fill(-1);
  const personIndex = new GrowableInt32(n0);
  for (let i = 0; i < n0; i++) {
    if (!o.includeExternal && graph.isExternal(i)) continue;
    toView[i] = personIndex.length;
    personIndex.push(i);
  }
  const n = personIndex.length;
  // Step 3: the edge list of the view.
  const from = o.timeWindow?.from ?? -Infinity;
  const to = o.timeWindow?.to ?? Infinity;
  const times = graph.tieTimes;
  const m0 = graph.tieCount;
  const ts = graph.tieSources;
  const tt = graph.tieTargets;
  const tw = graph.tieWeights;
  const tr = graph.tieRelations;
  // Per relation: 0 = left out, 1 = as written, 2 = reversed (influence target->source), 3 = both
  // ways (as written first), 4 = both ways (reversed first).
  const mode = new Uint8Array(graph.relations.length);
  let doubles = false;
  for (let k = 0; k < mode.length; k++) {
    if (!useRelation[k]) continue;
    const r = graph.relations[k];
    const flow = o.influence && o.directed ? r.influence : undefined;
    const reversed = flow === 'target->source';
    if (o.directed && (!r.directed || flow === 'both')) {
      mode[k] = reversed ? 4 : 3;
      doubles = true;
    } else mode[k] = reversed ? 2 : 1;
  }
  // NOTE: sized for the worst case (every tie kept, twice when a relation runs both ways), then trimmed.
  const cap = doubles ? 2 * m0 : m0;
  let src = new Int32Array(cap);
  let dst = new Int32Array(cap);
  let wgt = new Float64Array(cap);
  let m = 0;
  for (let e = 0; e < m0; e++) {
    const how = mode[tr[e]];
    if (how === 0) continue;
    if (times && !Number.isNaN(times[e]) && (times[e] < from || times[e] >= to)) continue;
    const s = toView[ts[e]];
    const t = toView[tt[e]];
    if (s < 0 || t < 0 || s === t) continue;
    const w = tw[e];
    const a = how === 2 || how === 4 ? t : s;
    const b = a === s ? t : s;
    src[m] = a;
    dst[m] = b;
    wgt[m++] = w;
    if (how >= 3) {
      src[m] = b;
      dst[m] = a;
      wgt[m++] = w;
    }
  }
  if (m < cap) {
    src = src.slice(0, m);
    dst = dst.slice(0, m);
    wgt = wgt.slice(0, m);
  }
  let csr = csrFromEdges(n, { sources: src, targets: dst, weights: wgt }, o.directed);
  // Step 4: thresholds and weighting.
  if (o.minWeight > 0 || !o.weighted) {
    const min = o.minWeight;
    csr = csrFilter(csr, (w) => w >= min, o.weighted ? undefined : 1);
  }
  const ids = new Array<string>(n);
  const personIdx = personIndex.toArray();
  for (let v = 0; v < n; v++) ids[v] = graph.personIds[personIdx[v]];
  const all = n === n0;
  return {
    graph,
    csr,
    personIds: Object.freeze(ids),
    personIndex: personIdx,
    options: Object.freeze(o),
    weightKind: 'strength',
    indexOf: (id: string) => {
      const i = graph.indexOf(id);
      return i < 0 ? -1 : all ? i : toView[i];
    },
  };
}

/** A view's ties mapped back to person ids: each pair once when undirected, each arc when directed. */
export function viewTies(view: OrgView): { source: string; target: string; weight: number }[] {
  const { csr, personIds } = view;
  const out: { source: string; target: string; weight: number }[] = [];
  for (let i = 0; i < csr.n; i++) {
    for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) {
      const j = csr.targets[p];
      if (!csr.directed && j < i) continue;
      out.push({ source: personIds[i], target: personIds[j], weight: csr.weights[p] });
    }
  }
  return out;
}

/** Path lengths of a view (d = 1/w by default). See {@link lengthsFromStrengths}. */
export function viewLengths(view: OrgView, transform: LengthTransform = 'inverse') {
  return lengthsFromStrengths(view.csr, transform);
}

/**
 * Conversion between OrgGraph / OrgView and graphology, both ways, so that orgraph works with the
 * graphology ecosystem (sigma.js, layouts, GEXF / GraphML serialisers, graphology-metrics).
 * Reference: graphology specification, https://graphology.github.io/
 */
import GraphologyModule from 'graphology';
import type { AbstractGraph, Attributes, GraphOptions } from 'graphology-types';
import { OrgraphError } from './errors.js';
import { OrgGraph, OrgGraphBuilder } from './org-graph.js';
import type { OrgView } from './projection.js';
import { definedOnly } from '../core/util/options.js';

// NOTE: graphology ships CommonJS with ESM-style typings; depending on the loader the default import
// is the constructor itself or a namespace holding it under `default`.
type GraphCtor = new (options?: GraphOptions) => AbstractGraph;
const Graph: GraphCtor = (GraphologyModule as unknown as { default?: GraphCtor }).default ?? (GraphologyModule as unknown as GraphCtor);

/**
 * The OrgGraph as a mixed multigraph: one node per person (attributes as node attributes, plus
 * `external`), one edge per tie with `weight` (a strength), `relation` and, when known, `time`.
 * Ties of undirected relations become undirected edges. Complexity: O(n + m).
 * @example
 * const g = toGraphology(orgGraph); g.order === orgGraph.personCount;
 */
export function toGraphology(graph: OrgGraph): AbstractGraph {
  const g = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (let i = 0; i < graph.personCount; i++) {
    const p = graph.person(i);
    g.addNode(p.id, { ...p.attributes, external: p.external });
  }
  let e = 0;
  for (const tie of graph.ties()) {
    const attrs: Attributes = { weight: tie.weight, relation: tie.relation };
    if (tie.time !== undefined) attrs.time = tie.time;
    const directed = graph.relation(tie.relation)?.directed ?? true;
    if (directed) g.addDirectedEdgeWithKey(`e${e}`, tie.source, tie.target, attrs);
    else g.addUndirectedEdgeWithKey(`e${e}`, tie.source, tie.target, attrs);
    e++;
  }
  return g;
}

/** Options of {@link fromGraphology}. */
export interface FromGraphologyOptions {
  /** Edge attribute holding the tie strength; missing = 1. @defaultValue 'weight' */
  readonly weightAttribute?: string;
  /** Edge attribute holding the relation name. @defaultValue 'relation' */
  readonly relationAttribute?: string;
  /** Relation for edges without one. @defaultValue 'tie' */
  readonly defaultRelation?: string;
  /** Edge attribute holding a time (ms since epoch). @defaultValue 'time' */
  readonly timeAttribute?: string;
  /** Node attribute marking outside stakeholders. @defaultValue 'external' */
  readonly externalAttribute?: string;
}

/** Defaults of {@link FromGraphologyOptions}. */
export const DEFAULT_FROM_GRAPHOLOGY_OPTIONS = Object.freeze({
  weightAttribute: 'weight',
  relationAttribute: 'relation',
  defaultRelation: 'tie',
  timeAttribute: 'time',
  externalAttribute: 'external',
});

/**
 * Build an OrgGraph from any graphology graph. Node attributes become person attributes (as
 * strings; objects and arrays are skipped); undirected edges mark their relation undirected.
 * A relation used by both directed and undirected edges throws `E_BAD_VALUE`, as do weights that
 * are not positive finite numbers, and self-loops (`E_SELF_LOOP`). Complexity: O(n + m).
 */
export function fromGraphology(g: AbstractGraph, options: FromGraphologyOptions = {}): OrgGraph {
  const o = { ...DEFAULT_FROM_GRAPHOLOGY_OPTIONS, ...definedOnly(options) };
  const b = new OrgGraphBuilder();
  g.forEachNode((node, attrs) => {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) {
      if (k === o.externalAttribute) continue;
      if (v === null || v === undefined || typeof v === 'object' || typeof v === 'function') continue;
      attributes[k] = String(v);
    }
    const ext = attrs[o.externalAttribute];
    b.addPerson(node, attributes, ext === true || ext === 'true' || ext === 1 || ext === '1');
  });
  const kind = new Map<string, boolean>();
  g.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
    const relation = attrs[o.relationAttribute] === undefined ? o.defaultRelation : String(attrs[o.relationAttribute]);
    const raw = attrs[o.weightAttribute];
    const weight = raw === undefined ? 1 : Number(raw);
    if (!(weight > 0) || !Number.isFinite(weight)) {
      throw new OrgraphError('E_BAD_WEIGHT', `edge "${edge}": weight must be a positive finite number, got ${String(raw)}`, {
        field: o.weightAttribute,
      });
    }
    if (source === target) throw new OrgraphError('E_SELF_LOOP', `edge "${edge}" is a self-loop on "${source}"`);
    const directed = !undirected;
    const seen = kind.get(relation);
    if (seen === undefined) {
      kind.set(relation, directed);
      b.relation(relation, directed);
    } else if (seen !== directed) {
      throw new OrgraphError('E_BAD_VALUE', `relation "${relation}" has both directed and undirected edges`, {
        field: o.relationAttribute,
      });
    }
    const t = attrs[o.timeAttribute];
    b.addTie(b.indexOf(source), b.indexOf(target), weight, relation, t === undefined ? undefined : Number(t));
  });
  return b.build();
}

/** Options of {@link viewToGraphology}. */
export interface ViewToGraphologyOptions {
  /**
   * What the `weight` edge attribute holds: the strength, or the length d = 1/w that graphology's
   * path metrics expect (they read weights as distances). @defaultValue 'strength'
   */
  readonly weightAs?: 'strength' | 'length';
}

/**
 * A projected view as a simple graphology graph (directed or undirected as the view), one edge per
 * pair with its aggregated value. Use `weightAs: 'length'` before handing it to a library that reads
 * weights as distances. Complexity: O(n + m).
 */
export function viewToGraphology(view: OrgView, options: ViewToGraphologyOptions = {}): AbstractGraph {
  const asLength = (options.weightAs ?? 'strength') === 'length';
  const { csr, personIds } = view;
  const g = new Graph({ type: csr.directed ? 'directed' : 'undirected', multi: false });
  for (const id of personIds) g.addNode(id);
  for (let i = 0; i < csr.n; i++) {
    for (let p = csr.offsets[i]; p < csr.offsets[i + 1]; p++) {
      const j = csr.targets[p];
      if (!csr.directed && j < i) continue;
      const w = csr.weights[p];
      g.addEdge(personIds[i], personIds[j], { weight: asLength ? 1 / w : w });
    }
  }
  return g;
}

/**
 * OrgGraph: people, their attributes, and the ties between them, relation by relation.
 * The model every ingest path produces and every projection reads. Ties are stored column-wise
 * (typed arrays of person indices, weights, relation indices and times) so that a graph of
 * millions of ties holds no per-tie objects or strings.
 */
import { GrowableFloat64, GrowableInt32 } from '../core/growable.js';
import { OrgraphError } from './errors.js';

/** A relation (advice, friendship, email, reports_to...) and whether its ties have a direction. */
export interface RelationInfo {
  readonly name: string;
  /** false: each tie is one undirected pair (written once); true: source -> target. */
  readonly directed: boolean;
  /**
   * Which way influence (information, advice given) flows along a tie, when declared: as written
   * (`source->target`), against it (`target->source`: an advice tie points from the seeker to the
   * adviser, and the advice flows back), or `both`. Read by views projected with `influence: true`.
   */
  readonly influence?: Influence;
}

/** Declared direction of influence along a relation's ties. */
export type Influence = 'source->target' | 'target->source' | 'both';
/** The accepted values of a relation's `influence`. */
export const INFLUENCE_VALUES: readonly Influence[] = Object.freeze(['source->target', 'target->source', 'both']);

/** A person as the public API shows one. */
export interface Person {
  readonly id: string;
  /** Attribute values by column name (department, team, level, location, manager...); absent = missing. */
  readonly attributes: Readonly<Record<string, string>>;
  /** An outside stakeholder (customer, partner) rather than staff. */
  readonly external: boolean;
}

/** A tie as the public API shows one. Weight is a strength: more means closer. */
export interface Tie {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly relation: string;
  /** Milliseconds since the Unix epoch, when the input had a time. */
  readonly time?: number;
}

/** The relation name used for reporting lines built from a manager column. */
export const REPORTS_TO = 'reports_to';

/**
 * An immutable organisational graph. Build one with {@link OrgGraphBuilder}, {@link OrgGraph.from}
 * or an ingest function.
 */
export class OrgGraph {
  /** Person ids in input order; index i of every per-person array refers to `personIds[i]`. */
  readonly personIds: readonly string[];
  /** Attribute column names in input order. */
  readonly attributeNames: readonly string[];
  readonly relations: readonly RelationInfo[];
  /** Tie endpoints as person indices, weights, relation indices and times (NaN = none). */
  readonly tieSources: Int32Array;
  readonly tieTargets: Int32Array;
  readonly tieWeights: Float64Array;
  readonly tieRelations: Int32Array;
  readonly tieTimes: Float64Array | null;

  private readonly index: ReadonlyMap<string, number>;
  private readonly columns: ReadonlyMap<string, readonly (string | null)[]>;
  private readonly externalFlags: Uint8Array;

  /** @internal use {@link OrgGraphBuilder}. */
  constructor(parts: {
    personIds: string[];
    index: Map<string, number>;
    attributeNames: string[];
    columns: Map<string, (string | null)[]>;
    external: Uint8Array;
    relations: RelationInfo[];
    tieSources: Int32Array;
    tieTargets: Int32Array;
    tieWeights: Float64Array;
    tieRelations: Int32Array;
    tieTimes: Float64Array | null;
  }) {
    this.personIds = Object.freeze(parts.personIds);
    this.index = parts.index;
    this.attributeNames = Object.freeze(parts.attributeNames);
    this.columns = parts.columns;
    this.externalFlags = parts.external;
    this.relations = Object.freeze(parts.relations.map((r) => Object.freeze({ ...r })));
    this.tieSources = parts.tieSources;
    this.tieTargets = parts.tieTargets;
    this.tieWeights = parts.tieWeights;
    this.tieRelations = parts.tieRelations;
    this.tieTimes = parts.tieTimes;
  }

  /**
   * Build a graph from plain records: the quickest way in from application code.
   * Ties naming unknown people throw `E_UNKNOWN_PERSON`; duplicate person ids `E_DUPLICATE_PERSON`.
   * @example
   * const g = OrgGraph.from({
   *   people: [{ id: 'ana', attributes: { department: 'Sales' } }, { id: 'bo' }],
   *   ties: [{ source: 'ana', target: 'bo', weight: 3, relation: 'advice' }],
   * });
   */
  static from(input: {
    people: readonly { id: string; attributes?: Readonly<Record<string, string>>; external?: boolean }[];
    ties: readonly { source: string; target: string; weight?: number; relation?: string; time?: number }[];
    relations?: readonly RelationInfo[];
  }): OrgGraph {
    const b = new OrgGraphBuilder();
    for (const r of input.relations ?? []) {
      b.relation(r.name, r.directed);
      if (r.influence) b.setInfluence(r.name, r.influence);
    }
    for (const p of input.people) b.addPerson(p.id, p.attributes ?? {}, p.external ?? false);
    for (const t of input.ties) {
      const s = b.indexOf(t.source);
      const d = b.indexOf(t.target);
      if (s < 0) throw new OrgraphError('E_UNKNOWN_PERSON', `tie source "${t.source}" is not a known person`, { field: 'source' });
      if (d < 0) throw new OrgraphError('E_UNKNOWN_PERSON', `tie target "${t.target}" is not a known person`, { field: 'target' });
      b.addTie(s, d, t.weight ?? 1, t.relation ?? 'tie', t.time);
    }
    return b.build();
  }

  get personCount(): number {
    return this.personIds.length;
  }

  get tieCount(): number {
    return this.tieSources.length;
  }

  /** Dense index of a person id, or -1. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The person at an index or with an id. Throws `E_UNKNOWN_PERSON` for an unknown id. */
  person(idOrIndex: string | number): Person {
    const i = typeof idOrIndex === 'number' ? idOrIndex : this.indexOf(idOrIndex);
    if (i < 0 || i >= this.personCount) {
      throw new OrgraphError('E_UNKNOWN_PERSON', `no person "${String(idOrIndex)}"`);
    }
    const attributes: Record<string, string> = {};
    for (const name of this.attributeNames) {
      const v = this.columns.get(name)![i];
      if (v !== null) attributes[name] = v;
    }
    return { id: this.personIds[i], attributes, external: this.externalFlags[i] === 1 };
  }

  /** All people, in input order. */
  people(): Person[] {
    return this.personIds.map((_, i) => this.person(i));
  }

  hasAttribute(name: string): boolean {
    return this.columns.has(name);
  }

  /** One attribute for every person, aligned with `personIds` (null = missing). */
  attribute(name: string): readonly (string | null)[] {
    const col = this.columns.get(name);
    if (!col) {
      const known = this.attributeNames.length ? this.attributeNames.join(', ') : '(none)';
      throw new OrgraphError('E_UNKNOWN_ATTRIBUTE', `no attribute "${name}"; attributes: ${known}`, { field: name });
    }
    return col;
  }

  /** Whether the person at index i is an outside stakeholder. */
  isExternal(i: number): boolean {
    return this.externalFlags[i] === 1;
  }

  relation(name: string): RelationInfo | undefined {
    return this.relations.find((r) => r.name === name);
  }

  /** Number of ties of each relation, in relation order. */
  tiesPerRelation(): Map<string, number> {
    const counts = new Array<number>(this.relations.length).fill(0);
    for (let e = 0; e < this.tieCount; e++) counts[this.tieRelations[e]]++;
    return new Map(this.relations.map((r, k) => [r.name, counts[k]]));
  }

  /** Every tie as an object (allocates: for inspection and export, not for hot paths). */
  *ties(): IterableIterator<Tie> {
    for (let e = 0; e < this.tieCount; e++) {
      const time = this.tieTimes ? this.tieTimes[e] : NaN;
      const tie: Tie = {
        source: this.personIds[this.tieSources[e]],
        target: this.personIds[this.tieTargets[e]],
        weight: this.tieWeights[e],
        relation: this.relations[this.tieRelations[e]].name,
        ...(Number.isNaN(time) ? {} : { time }),
      };
      yield tie;
    }
  }
}

/**
 * Incremental builder used by every ingest path. Person ids are interned once; ties are appended
 * to typed-array columns.
 */
export class OrgGraphBuilder {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly attributeNames: string[] = [];
  private readonly columns = new Map<string, (string | null)[]>();
  private readonly external: number[] = [];
  private readonly relations: RelationInfo[] = [];
  private readonly relationIndex = new Map<string, number>();
  private readonly src = new GrowableInt32();
  private readonly dst = new GrowableInt32();
  private readonly wgt = new GrowableFloat64();
  private readonly rel = new GrowableInt32();
  /** Created at the first tie that has a time (earlier ties are backfilled with NaN). */
  private time: GrowableFloat64 | null = null;

  /** Declare attribute columns up front (keeps input column order). */
  declareAttributes(names: readonly string[]): void {
    for (const name of names) this.column(name);
  }

  private column(name: string): (string | null)[] {
    let col = this.columns.get(name);
    if (!col) {
      col = new Array<string | null>(this.ids.length).fill(null);
      this.columns.set(name, col);
      this.attributeNames.push(name);
    }
    return col;
  }

  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  get personCount(): number {
    return this.ids.length;
  }

  get tieCount(): number {
    return this.src.length;
  }

  /** Add a person; throws `E_DUPLICATE_PERSON` if the id exists. Returns its index. */
  addPerson(id: string, attributes: Readonly<Record<string, string | null | undefined>> = {}, external = false): number {
    if (this.index.has(id)) throw new OrgraphError('E_DUPLICATE_PERSON', `person id "${id}" appears more than once`, { field: 'id' });
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.external.push(external ? 1 : 0);
    for (const col of this.columns.values()) col.push(null);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null) continue;
      this.column(name)[i] = value;
    }
    return i;
  }

  /** Index of a relation, declaring it (directed unless said otherwise) on first use. */
  relation(name: string, directed = true): number {
    let k = this.relationIndex.get(name);
    if (k === undefined) {
      k = this.relations.length;
      this.relations.push({ name, directed });
      this.relationIndex.set(name, k);
    }
    return k;
  }

  /** Set whether an already-declared relation is directed. */
  setDirected(name: string, directed: boolean): void {
    const k = this.relation(name, directed);
    this.relations[k] = { ...this.relations[k], name, directed };
  }

  /** Declare which way influence flows along a relation's ties (creates the relation if new). */
  setInfluence(name: string, influence: Influence): void {
    const k = this.relation(name);
    this.relations[k] = { ...this.relations[k], influence };
  }

  /** Append a tie between two person indices. Weight must be positive and finite (ingest checks). */
  addTie(source: number, target: number, weight: number, relation: string | number, time?: number): void {
    const k = typeof relation === 'number' ? relation : this.relation(relation);
    this.src.push(source);
    this.dst.push(target);
    this.wgt.push(weight);
    this.rel.push(k);
    if (time !== undefined && !Number.isNaN(time) && this.time === null) {
      this.time = new GrowableFloat64(this.src.length);
      for (let e = 0; e < this.src.length - 1; e++) this.time.push(NaN);
    }
    this.time?.push(time ?? NaN);
  }

  build(): OrgGraph {
    return new OrgGraph({
      personIds: this.ids.slice(),
      index: new Map(this.index),
      attributeNames: this.attributeNames.slice(),
      columns: new Map([...this.columns].map(([k, v]) => [k, v.slice()])),
      external: Uint8Array.from(this.external),
      relations: this.relations.slice(),
      tieSources: this.src.toArray(),
      tieTargets: this.dst.toArray(),
      tieWeights: this.wgt.toArray(),
      tieRelations: this.rel.toArray(),
      tieTimes: this.time ? this.time.toArray() : null,
    });
  }
}

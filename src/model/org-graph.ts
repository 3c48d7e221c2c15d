/**
 * OrgGraph: people, their attributes, and the ties between them, relation by relation.
 * The model every ingest path produces and every projection reads. Ties are stored column-wise
 * (typed arrays of person indices, weights, relation indices and times) so that a graph of
 * millions of ties holds no per-tie objects or strings.
 */
import { OrgraphError, type OrgraphErrorCode } from './errors.js';
import { IdIndex } from './id-index.js';

/** A relation (advice, friendship, email, reports_to...) and whether its ties have a direction. */
export interface RelationInfo {
  /** The relation's name as the input spells it. */
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
  /** The person's id (unique). */
  readonly id: string;
  /** Attribute values by column name (department, team, level, location, manager...); absent = missing. */
  readonly attributes: Readonly<Record<string, string>>;
  /** An outside stakeholder (customer, partner) rather than staff. */
  readonly external: boolean;
}

/** A tie as the public API shows one. Weight is a strength: more means closer. */
export interface Tie {
  /** Id of one end (the tie's origin when the relation is directed). */
  readonly source: string;
  /** Id of the other end. */
  readonly target: string;
  /** Strength of the tie, in [MIN_WEIGHT, MAX_WEIGHT]. */
  readonly weight: number;
  /** Name of its relation. */
  readonly relation: string;
  /** Milliseconds since the Unix epoch, when the input had a time. */
  readonly time?: number;
}

/** The relation name used for reporting lines built from a manager column. */
export const REPORTS_TO = 'reports_to';

/**
 * Smallest and largest tie weight orgraph accepts (in files and in {@link OrgGraph.from}).
 * Within [1e-12, 1e12], a distance 1/w stays <= 1e12, and sums of up to 2^53 weights stay finite
 * (< 1e28), so no metric meets an infinite or subnormal value. Rescale data outside this range.
 */
export const MIN_WEIGHT = 1e-12;
/** Largest tie weight orgraph accepts (see MIN_WEIGHT). */
export const MAX_WEIGHT = 1e12;
/** The accepted weight range as messages print it. */
export const WEIGHT_RANGE = '[1e-12, 1e12]';

/** What {@link OrgGraph.from} reads: plain records, as application code holds them. */
export interface OrgGraphInput {
  /** The people: a unique id each, optional attributes (null or absent = missing) and the external flag. */
  readonly people: readonly {
    readonly id: string;
    readonly attributes?: Readonly<Record<string, string | null | undefined>>;
    readonly external?: boolean;
  }[];
  /** The ties, by person id; both ends must be listed in `people`. */
  readonly ties: readonly {
    readonly source: string;
    readonly target: string;
    /** A finite number in [{@link MIN_WEIGHT}, {@link MAX_WEIGHT}]. @defaultValue 1 */
    readonly weight?: number;
    /** @defaultValue 'tie' */
    readonly relation?: string;
    /** Epoch milliseconds. */
    readonly time?: number;
  }[];
  /** Relations with their direction and influence; a relation only named by ties is read as directed (source -> target). */
  readonly relations?: readonly RelationInfo[];
}

/** Set `obj[key] = value` as an own property, even for the key "__proto__". */
function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * An immutable organisational graph. Build one with {@link OrgGraphBuilder}, {@link OrgGraph.from}
 * or an ingest function.
 */
export class OrgGraph {
  /** Person ids in input order; index i of every per-person array refers to `personIds[i]`. */
  readonly personIds: readonly string[];
  /** Attribute column names in input order. */
  readonly attributeNames: readonly string[];
  /** Every relation, in first-seen order (a tie's relation index points here). */
  readonly relations: readonly RelationInfo[];
  /**
   * The ties as parallel arrays, one entry per tie in input order (an undirected tie is stored
   * once). `tieSources[e]`: person index of tie e's origin (one end when its relation is undirected).
   */
  readonly tieSources: Int32Array;
  /** Person index of tie e's other end (its destination when the relation is directed). */
  readonly tieTargets: Int32Array;
  /** Weight of tie e, a finite number in [MIN_WEIGHT, MAX_WEIGHT] (1 when the input gave none). */
  readonly tieWeights: Float64Array;
  /** Index into `relations` of tie e's relation. */
  readonly tieRelations: Int32Array;
  /**
   * Time of tie e in milliseconds since the Unix epoch, NaN for a tie without one; null when no tie
   * of the input had a time.
   */
  readonly tieTimes: Float64Array | null;

  private readonly index: IdIndex;
  private readonly columns: ReadonlyMap<string, readonly (string | null)[]>;
  private readonly externalFlags: Uint8Array;

  /** @internal use {@link OrgGraphBuilder}. */
  constructor(parts: {
    personIds: string[];
    index: IdIndex;
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
   * Every value is checked once, here, so no metric meets a value it cannot use; the first bad
   * value throws OrgraphError naming its field path (`ties[3].weight`): `E_BAD_INPUT` (not an
   * array / object), `E_EMPTY_ID`, `E_DUPLICATE_PERSON`, `E_UNKNOWN_PERSON`, `E_SELF_LOOP` (a tie
   * from a person to themself is refused, not dropped), `E_BAD_WEIGHT` (not a finite number in
   * [MIN_WEIGHT, MAX_WEIGHT]: NaN, infinite, zero, negative or extreme), `E_BAD_TIMESTAMP`,
   * `E_BAD_VALUE` (an attribute that is not a string, a relation that is not a non-empty string).
   * @example
   * const g = OrgGraph.from({
   *   people: [{ id: 'ana', attributes: { department: 'Sales' } }, { id: 'bo' }],
   *   ties: [{ source: 'ana', target: 'bo', weight: 3, relation: 'advice' }],
   * });
   */
  static from(input: OrgGraphInput): OrgGraph {
    const bad = (code: OrgraphErrorCode, reason: string, field: string): never => {
      throw new OrgraphError(code, reason, { field });
    };
    if (!isObject(input)) bad('E_BAD_INPUT', 'the input must be an object { people, ties }', 'input');
    if (!Array.isArray(input.people)) bad('E_BAD_INPUT', 'must be an array', 'people');
    if (!Array.isArray(input.ties)) bad('E_BAD_INPUT', 'must be an array', 'ties');
    if (input.relations !== undefined && !Array.isArray(input.relations)) bad('E_BAD_INPUT', 'must be an array', 'relations');
    const b = new OrgGraphBuilder();
    (input.relations ?? []).forEach((r, i) => {
      if (!isObject(r) || typeof r.name !== 'string' || r.name.trim() === '')
        bad('E_BAD_VALUE', 'a relation needs a non-empty string name', `relations[${i}].name`);
      if (typeof r.directed !== 'boolean') bad('E_BAD_VALUE', 'must be true or false', `relations[${i}].directed`);
      b.setDirected(r.name, r.directed);
      if (r.influence !== undefined && r.influence !== null) {
        if (!(INFLUENCE_VALUES as readonly unknown[]).includes(r.influence))
          bad('E_BAD_VALUE', `must be one of ${INFLUENCE_VALUES.join(', ')}`, `relations[${i}].influence`);
        b.setInfluence(r.name, r.influence);
      }
    });
    input.people.forEach((p, i) => {
      const at = `people[${i}]`;
      if (!isObject(p)) bad('E_BAD_INPUT', 'not an object', at);
      if (typeof p.id !== 'string') bad('E_BAD_VALUE', 'the id must be a string', `${at}.id`);
      if (p.id.trim() === '') bad('E_EMPTY_ID', 'empty person id', `${at}.id`);
      if (b.indexOf(p.id) >= 0) bad('E_DUPLICATE_PERSON', `person id "${p.id}" appears more than once`, `${at}.id`);
      if (p.attributes !== undefined && !isObject(p.attributes)) bad('E_BAD_VALUE', 'attributes must be an object', `${at}.attributes`);
      for (const [k, v] of Object.entries(p.attributes ?? {})) {
        if (v !== null && v !== undefined && typeof v !== 'string')
          bad('E_BAD_VALUE', 'an attribute value must be a string or null', `${at}.attributes.${k}`);
      }
      if (p.external !== undefined && typeof p.external !== 'boolean') bad('E_BAD_VALUE', 'must be true or false', `${at}.external`);
      b.addPerson(p.id, p.attributes ?? {}, p.external ?? false);
    });
    input.ties.forEach((t, i) => {
      const at = `ties[${i}]`;
      if (!isObject(t)) bad('E_BAD_INPUT', 'not an object', at);
      const s = typeof t.source === 'string' ? b.indexOf(t.source) : -1;
      const d = typeof t.target === 'string' ? b.indexOf(t.target) : -1;
      if (s < 0) bad('E_UNKNOWN_PERSON', `tie source ${JSON.stringify(t.source)} is not a known person`, `${at}.source`);
      if (d < 0) bad('E_UNKNOWN_PERSON', `tie target ${JSON.stringify(t.target)} is not a known person`, `${at}.target`);
      if (s === d) bad('E_SELF_LOOP', `self-loop: "${t.source}" tied to themself`, `${at}.target`);
      const w = t.weight ?? 1;
      if (typeof w !== 'number' || !(w >= MIN_WEIGHT && w <= MAX_WEIGHT)) {
        bad('E_BAD_WEIGHT', `weight ${String(w)} is not a finite number in ${WEIGHT_RANGE}`, `${at}.weight`);
      }
      if (t.relation !== undefined && (typeof t.relation !== 'string' || t.relation.trim() === ''))
        bad('E_BAD_VALUE', 'the relation must be a non-empty string', `${at}.relation`);
      if (t.time !== undefined && (typeof t.time !== 'number' || !Number.isFinite(t.time)))
        bad('E_BAD_TIMESTAMP', 'the time must be a finite number (epoch milliseconds)', `${at}.time`);
      b.addTie(s, d, w, t.relation ?? 'tie', t.time);
    });
    return b.build();
  }

  /** Number of people. */
  get personCount(): number {
    return this.personIds.length;
  }

  /** Number of ties (as given: a pair tied twice counts twice). */
  get tieCount(): number {
    return this.tieSources.length;
  }

  /** Dense index of a person id, or -1. */
  indexOf(id: string): number {
    return this.index.get(id);
  }

  /** Whether a person has this id. */
  has(id: string): boolean {
    return this.index.get(id) >= 0;
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
      if (v !== null) setOwn(attributes, name, v);
    }
    return { id: this.personIds[i], attributes, external: this.externalFlags[i] === 1 };
  }

  /** All people, in input order. */
  people(): Person[] {
    return this.personIds.map((_, i) => this.person(i));
  }

  /**
   * The same graph with one attribute column replaced: people, ids, ties and the other columns
   * are shared, not copied. `values` is aligned with `personIds` (null = missing). Throws
   * `E_UNKNOWN_ATTRIBUTE` for a column the graph does not have.
   * Complexity: O(1) besides the caller's column.
   */
  withAttribute(name: string, values: readonly (string | null)[]): OrgGraph {
    this.attribute(name); // E_UNKNOWN_ATTRIBUTE when absent
    if (values.length !== this.personIds.length)
      throw new RangeError(`withAttribute: ${values.length} values for ${this.personIds.length} people`);
    const columns = new Map(this.columns as Map<string, (string | null)[]>);
    columns.set(name, values as (string | null)[]);
    return new OrgGraph({
      personIds: this.personIds as string[],
      index: this.index,
      attributeNames: this.attributeNames as string[],
      columns,
      external: this.externalFlags,
      relations: this.relations as RelationInfo[],
      tieSources: this.tieSources,
      tieTargets: this.tieTargets,
      tieWeights: this.tieWeights,
      tieRelations: this.tieRelations,
      tieTimes: this.tieTimes,
    });
  }

  /** Whether the people have this attribute column. */
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

  /** The relation with this name, or undefined. */
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
  private ids: string[] = [];
  private index = new IdIndex();
  private attributeNames: string[] = [];
  private columns = new Map<string, (string | null)[]>();
  private external: number[] = [];
  /** build() handed the person tables to a graph: they are copied before the next change. */
  private shared = false;
  private readonly relations: RelationInfo[] = [];
  private readonly relationIndex = new Map<string, number>();
  // Tie columns: typed arrays grown by doubling (written inline by addTie, the ingest hot path).
  private ties = 0;
  private src: Int32Array = new Int32Array(1024);
  private dst: Int32Array = new Int32Array(1024);
  private wgt: Float64Array = new Float64Array(1024);
  private rel: Int32Array = new Int32Array(1024);
  /** Created at the first tie that has a time (earlier ties are backfilled with NaN). */
  private time: Float64Array | null = null;

  /** Declare attribute columns up front (keeps input column order). */
  declareAttributes(names: readonly string[]): void {
    for (const name of names) this.column(name);
  }

  /** Copy the person tables a built graph holds before changing them (copy on write). */
  private own(): void {
    if (!this.shared) return;
    this.shared = false;
    this.ids = this.ids.slice();
    this.index = this.index.clone();
    this.attributeNames = this.attributeNames.slice();
    this.columns = new Map([...this.columns].map(([k, v]) => [k, v.slice()]));
  }

  private column(name: string): (string | null)[] {
    let col = this.columns.get(name);
    if (!col) {
      this.own();
      col = new Array<string | null>(this.ids.length).fill(null);
      this.columns.set(name, col);
      this.attributeNames.push(name);
    }
    return col;
  }

  /** Index of a person id added so far, or -1. */
  indexOf(id: string): number {
    return this.index.get(id);
  }

  /** @internal The id index itself (readers look ids up in it, on strings or on bytes; never change it). */
  get idIndex(): IdIndex {
    return this.index;
  }

  /** People added so far. */
  get personCount(): number {
    return this.ids.length;
  }

  /** @internal Number of attribute columns declared so far. */
  get attributeCount(): number {
    return this.attributeNames.length;
  }

  /** Ties added so far. */
  get tieCount(): number {
    return this.ties;
  }

  /** Add a person; throws `E_DUPLICATE_PERSON` if the id exists. Returns its index. */
  addPerson(id: string, attributes: Readonly<Record<string, string | null | undefined>> = {}, external = false): number {
    if (this.index.get(id) >= 0) throw new OrgraphError('E_DUPLICATE_PERSON', `person id "${id}" appears more than once`, { field: 'id' });
    this.own();
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

  /**
   * @internal Add a person (the id not yet present: callers check) with one value per attribute,
   * in the order of {@link OrgGraphBuilder.declareAttributes} (every attribute declared, none added
   * since). The ingest path: no attribute object per person. Returns its index.
   */
  addPersonValues(id: string, values: readonly (string | null)[], external: boolean): number {
    this.own();
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.external.push(external ? 1 : 0);
    const names = this.attributeNames;
    for (let k = 0; k < names.length; k++) this.columns.get(names[k])!.push(values[k]);
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
    const e = this.ties;
    if (e === this.src.length) this.growTies();
    this.src[e] = source;
    this.dst[e] = target;
    this.wgt[e] = weight;
    this.rel[e] = k;
    if (time !== undefined && !Number.isNaN(time) && this.time === null) {
      this.time = new Float64Array(this.src.length).fill(NaN);
    }
    if (this.time !== null) this.time[e] = time ?? NaN;
    this.ties = e + 1;
  }

  /**
   * Append every tie of `graph`, its people renumbered through `index` (person i of `graph` is
   * person index[i] here), with the same weights, relations and times. Relations are passed by
   * number: declare the graph's relations on this builder first, in the same order.
   * Complexity: O(ties).
   */
  addTiesOf(graph: OrgGraph, index: ArrayLike<number>): void {
    const times = graph.tieTimes;
    const { tieSources, tieTargets, tieWeights, tieRelations } = graph;
    for (let e = 0; e < graph.tieCount; e++) {
      const t = times ? times[e] : NaN;
      this.addTie(index[tieSources[e]], index[tieTargets[e]], tieWeights[e], tieRelations[e], Number.isNaN(t) ? undefined : t);
    }
  }

  /** Double the capacity of every tie column. */
  private growTies(): void {
    const cap = this.src.length * 2;
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.src = i32(this.src);
    this.dst = i32(this.dst);
    this.rel = i32(this.rel);
    const w = new Float64Array(cap);
    w.set(this.wgt);
    this.wgt = w;
    if (this.time !== null) {
      const t = new Float64Array(cap).fill(NaN);
      t.set(this.time);
      this.time = t;
    }
  }

  /** The graph of everything added. The builder may go on being used; the graph is not changed by it. */
  build(): OrgGraph {
    this.shared = true;
    return new OrgGraph({
      // NOTE: the person tables are shared with the graph until the builder changes them (see own()).
      personIds: this.ids,
      index: this.index,
      attributeNames: this.attributeNames,
      columns: new Map(this.columns),
      external: Uint8Array.from(this.external),
      relations: this.relations.slice(),
      tieSources: this.src.slice(0, this.ties),
      tieTargets: this.dst.slice(0, this.ties),
      tieWeights: this.wgt.slice(0, this.ties),
      tieRelations: this.rel.slice(0, this.ties),
      tieTimes: this.time ? this.time.slice(0, this.ties) : null,
    });
  }
}

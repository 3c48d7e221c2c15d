/**
 * People / ties / relations CSV files -> a validated OrgGraph and an ingest report.
 * The format of test/fixtures/datasets: people.csv `id,<attributes>`, ties.csv
 * `source,target[,weight][,relation][,time]`, relations.csv `relation,directed[,influence]`.
 * Reference: docs/ingest.md.
 */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { optionalInputFile } from './files.js';
import {
  INFLUENCE_VALUES,
  MAX_WEIGHT,
  MIN_WEIGHT,
  REPORTS_TO,
  OrgGraphBuilder,
  type Influence,
  type OrgGraph,
} from '../model/org-graph.js';
import { GrowableInt32 } from '../core/graph/growable.js';
import { checkHeader, columnIndex, readCsv, type CsvInput } from './csv-source.js';
import { ownString } from './csv-tokenizer.js';
import { resolveIngestOptions, type IngestOptions } from './options.js';
import { IngestContext, type FileReport, type IngestReport } from './report.js';
import { parseFlag, parseTime, parseWeight } from './values.js';

/** What every loader returns: the graph and the account of how it was read. */
export interface IngestResult {
  /** The validated graph: every kept person and tie. */
  readonly graph: OrgGraph;
  /** How the input was read: rows read, kept and dropped per file, with each issue's code and line. */
  readonly report: IngestReport;
}

/** Paths of CSV files. Without `people`, people are taken from the ties in order of first appearance. */
export interface CsvFiles {
  /** Path of people.csv (`id,<attributes>`); optional. */
  readonly people?: string;
  /** Path of ties.csv (`source,target[,weight][,relation][,time]`); required. */
  readonly ties: string;
  /** Path of relations.csv (`relation,directed[,influence]`); without it every relation is directed. */
  readonly relations?: string;
}

/** CSV text already in memory, with optional names used in messages. */
export interface CsvTexts {
  /** Text of a people file (`id,<attributes>`); without it, people come from the ties. */
  readonly people?: string;
  /** Text of a ties file (`source,target[,weight][,relation][,time]`); required. */
  readonly ties: string;
  /** Text of a relations file (`relation,directed[,influence]`); without it every relation is directed. */
  readonly relations?: string;
  /** Names used as `file` in messages. @defaultValue people.csv, ties.csv, relations.csv */
  readonly names?: { readonly people?: string; readonly ties?: string; readonly relations?: string };
}

/** The relation name given to ties without a relation column. */
export const DEFAULT_RELATION = 'tie';

/**
 * Load a folder holding `ties.csv`, and optionally `people.csv` and `relations.csv`.
 * Strict mode throws OrgraphError at the first problem; lenient mode drops or repairs bad rows
 * and accounts for each in `report`. Files are streamed.
 * @example
 * const { graph, report } = await loadFolder('data/acme', { mode: 'lenient' });
 */
export async function loadFolder(dir: string, options: IngestOptions = {}): Promise<IngestResult> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      ctx.fatal('E_UNREADABLE', code === 'ELOOP' ? 'a loop of symbolic links' : `cannot be read (${code ?? String(e)})`, { file: dir });
  }
  if (!isDir) ctx.fatal('E_FILE_NOT_FOUND', 'no such folder', { file: dir });
  const people = join(dir, 'people.csv');
  const relations = join(dir, 'relations.csv');
  return ingestCsv(ctx, {
    people: (await optionalInputFile(ctx, people)) ? { path: people, name: people } : undefined,
    ties: { path: join(dir, 'ties.csv'), name: join(dir, 'ties.csv') },
    relations: (await optionalInputFile(ctx, relations)) ? { path: relations, name: relations } : undefined,
  });
}

/**
 * Load CSV files given one by one (people and relations optional).
 * @example
 * const { graph } = await loadFiles({ people: 'people.csv', ties: 'ties.csv' }, { delimiter: ';' });
 */
export async function loadFiles(files: CsvFiles, options: IngestOptions = {}): Promise<IngestResult> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  return ingestCsv(ctx, {
    people: files.people !== undefined ? { path: files.people, name: files.people } : undefined,
    ties: { path: files.ties, name: files.ties },
    relations: files.relations !== undefined ? { path: files.relations, name: files.relations } : undefined,
  });
}

/**
 * The same as {@link loadFiles} for CSV text in memory (tests, apps that already hold the text).
 * @example
 * const { graph } = await parseCsv({ people: 'id,team\na,x\nb,y\n', ties: 'source,target\na,b\n' });
 */
export async function parseCsv(texts: CsvTexts, options: IngestOptions = {}): Promise<IngestResult> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  const n = texts.names ?? {};
  return ingestCsv(ctx, {
    people: texts.people !== undefined ? { text: texts.people, name: n.people ?? 'people.csv' } : undefined,
    ties: { text: texts.ties, name: n.ties ?? 'ties.csv' },
    relations: texts.relations !== undefined ? { text: texts.relations, name: n.relations ?? 'relations.csv' } : undefined,
  });
}

export type Named = CsvInput & { readonly name: string };

/**
 * @internal {@link parseCsv} over any inputs (files, text, or text / byte chunks): lets tests
 * compare the byte path (files, byte chunks) with the text path on the same bytes.
 */
export async function ingestCsvInputs(
  inputs: { people?: Named; ties: Named; relations?: Named },
  options: IngestOptions = {},
): Promise<IngestResult> {
  return ingestCsv(new IngestContext(resolveIngestOptions(options)), inputs);
}

async function ingestCsv(ctx: IngestContext, inputs: { people?: Named; ties: Named; relations?: Named }): Promise<IngestResult> {
  const b = new OrgGraphBuilder();
  const o = ctx.options;
  if (o.managerColumn !== null && !inputs.people) {
    ctx.fatal('E_BAD_OPTION', `managerColumn "${o.managerColumn}" needs a people file`, { field: 'managerColumn' });
  }
  // Step 1: relations declared in relations.csv (applied after the ties, so relation order follows the ties).
  const influence = new Map<string, Influence>();
  const declared = inputs.relations ? await readRelations(ctx, inputs.relations, influence) : new Map<string, boolean>();
  // Step 2: people, then their managers.
  const managers = inputs.people ? await readPeople(ctx, b, inputs.people) : null;
  // Step 3: ties.
  await readTies(ctx, b, inputs.ties, inputs.people !== undefined);
  if (managers) {
    for (let k = 0; k < managers.length; k += 2) b.addTie(managers.get(k), managers.get(k + 1), 1, REPORTS_TO);
  }
  finishRelations(b, declared, o.undirectedRelations);
  for (const [name, flow] of influence) b.setInfluence(name, flow);
  return finish(ctx, b);
}

/** @internal Apply declared directedness, then the undirectedRelations option. */
export function finishRelations(b: OrgGraphBuilder, declared: ReadonlyMap<string, boolean>, undirected: readonly string[]): void {
  for (const [name, directed] of declared) b.setDirected(name, directed);
  for (const name of undirected) b.setDirected(name, false);
}

/** @internal Build the graph and fill the report's totals. */
export function finish(ctx: IngestContext, b: OrgGraphBuilder): IngestResult {
  const graph = b.build();
  ctx.report.people = graph.personCount;
  ctx.report.ties = graph.tieCount;
  return { graph, report: ctx.report };
}

/**
 * Check a header for its `required` columns (fatal when one is missing, see `checkHeader`) and
 * return the index of every required and optional column (case-insensitive; -1 = absent); the
 * other columns are recorded in the file report as ignored.
 */
function headerColumns<const R extends string, const O extends string>(
  ctx: IngestContext,
  f: FileReport,
  columns: readonly string[],
  required: readonly R[],
  optional: readonly O[],
): Record<R | O, number> {
  checkHeader(ctx, f, columns, required, ctx.options.delimiter);
  const idx = columnIndex(columns);
  const at = {} as Record<R | O, number>;
  for (const name of [...required, ...optional]) at[name] = idx.get(name) ?? -1;
  const used = new Set<number>(Object.values(at));
  f.ignoredColumns.push(...columns.filter((_, i) => !used.has(i)));
  return at;
}

/** relations.csv: `relation,directed[,influence]`; influence (optional) is source->target, target->source or both. */
async function readRelations(ctx: IngestContext, input: Named, influence: Map<string, Influence>): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  let nameCol = 0;
  let dirCol = 1;
  let flowCol = -1;
  let f: FileReport | null = null;
  await readCsv(ctx, input, input.name, 'relations', {
    header(columns, file) {
      f = file;
      const at = headerColumns(ctx, f, columns, ['relation', 'directed'], ['influence']);
      [nameCol, dirCol, flowCol] = [at.relation, at.directed, at.influence];
    },
    row(fields, line) {
      const file = f!;
      const name = fields[nameCol].trim();
      if (name === '') return ctx.drop(file, 'E_BAD_VALUE', 'empty relation name', line, 'relation');
      const d = parseFlag(fields[dirCol]);
      if (!d.ok || fields[dirCol].trim() === '') {
        return ctx.drop(file, 'E_BAD_VALUE', d.ok ? 'empty "directed" value (write true or false)' : d.reason, line, 'directed');
      }
      if (out.has(name)) return ctx.drop(file, 'E_BAD_VALUE', `relation "${name}" is declared twice`, line, 'relation');
      const flow = flowCol >= 0 ? (fields[flowCol] ?? '').trim().toLowerCase().replace(/\s+/g, '') : '';
      if (flow !== '') {
        if (!(INFLUENCE_VALUES as readonly string[]).includes(flow)) {
          return ctx.drop(
            file,
            'E_BAD_VALUE',
            `influence must be source->target, target->source or both (or empty), got "${fields[flowCol].trim()}"`,
            line,
            'influence',
          );
        }
        influence.set(ownString(name), flow as Influence);
      }
      out.set(ownString(name), d.value);
      file.rowsKept++;
    },
  });
  return out;
}

/**
 * @internal Reads people rows into an empty builder; returns (person, manager) index pairs when a
 * manager column is set.
 */
export async function readPeople(ctx: IngestContext, b: OrgGraphBuilder, input: Named): Promise<GrowableInt32 | null> {
  const o = ctx.options;
  const ids = b.idIndex;
  let f!: FileReport;
  let idCol = 0;
  let extCol = -1;
  let mgrCol = -1;
  let attrCols: number[] = [];
  let attrNames: string[] = [];
  let protoAttr = -1;
  const lines = new GrowableInt32();
  const managerIds: (string | null)[] = [];
  let byValues = false;
  const values: (string | null)[] = [];
  await readCsv(ctx, input, input.name, 'people', {
    header(columns, file) {
      f = file;
      checkHeader(ctx, f, columns, ['id'], o.delimiter);
      const idx = columnIndex(columns);
      idCol = idx.get('id')!;
      extCol = o.externalColumn !== null ? (idx.get(o.externalColumn.toLowerCase()) ?? -1) : -1;
      if (o.managerColumn !== null) {
        mgrCol = idx.get(o.managerColumn.toLowerCase()) ?? -1;
        if (mgrCol < 0) {
          ctx.fatal(
            'E_MISSING_COLUMN',
            `missing manager column "${o.managerColumn}" (header has ${columns.map((c) => JSON.stringify(c)).join(', ')})`,
            {
              file: f.file,
              line: 1,
              field: o.managerColumn,
            },
          );
        }
      }
      attrCols = columns.map((_, i) => i).filter((i) => i !== idCol && i !== extCol);
      attrNames = attrCols.map((i) => columns[i]);
      protoAttr = attrNames.indexOf('__proto__');
      // An empty builder then holds exactly these columns, in this order: rows pass values, not objects.
      byValues = b.attributeCount === 0 && b.personCount === 0;
      b.declareAttributes(attrNames);
    },
    row(fields, line) {
      const id = fields[idCol].trim();
      if (id === '') return ctx.drop(f, 'E_EMPTY_ID', 'empty person id', line, 'id');
      const first = ids.get(id);
      if (first >= 0) {
        return ctx.drop(f, 'E_DUPLICATE_PERSON', `person id "${id}" already appeared on line ${lines.get(first)}`, line, 'id');
      }
      let external = false;
      if (extCol >= 0) {
        const x = parseFlag(fields[extCol]);
        if (x.ok) external = x.value;
        else ctx.alter(f, 'E_BAD_VALUE', x.reason, 'read as staff', line, o.externalColumn ?? undefined);
      }
      // NOTE: kept strings are copied off the input chunk (see ownString).
      for (let k = 0; k < attrCols.length; k++) {
        const raw = fields[attrCols[k]].trim();
        values[k] = raw === '' ? null : ownString(raw);
      }
      const own = ownString(id);
      if (byValues) b.addPersonValues(own, values, external);
      else b.addPerson(own, attributeObject(attrNames, values, protoAttr), external);
      lines.push(line);
      if (mgrCol >= 0) {
        const m = fields[mgrCol].trim();
        managerIds.push(m === '' ? null : ownString(m));
      }
      f.rowsKept++;
    },
  });
  if (mgrCol < 0) return null;
  // Managers may appear after their reports: resolve once every person is known.
  const pairs = new GrowableInt32();
  for (let p = 0; p < managerIds.length; p++) {
    const m = managerIds[p];
    if (m === null) continue;
    const q = b.indexOf(m);
    const field = o.managerColumn!;
    if (q < 0) {
      ctx.alter(f, 'E_UNKNOWN_PERSON', `manager "${m}" is not a known person`, 'no reports_to tie made', lines.get(p), field);
    } else if (q === p) {
      ctx.alter(f, 'E_SELF_LOOP', 'person is their own manager', 'no reports_to tie made', lines.get(p), field);
    } else {
      pairs.push(p);
      pairs.push(q);
    }
  }
  return pairs;
}

/** Attribute values as an object; an attribute named "__proto__" is set as an own property (a plain assignment would set the prototype). */
function attributeObject(names: readonly string[], values: readonly (string | null)[], protoAttr: number): Record<string, string | null> {
  const attributes: Record<string, string | null> = {};
  for (let k = 0; k < names.length; k++) {
    if (k === protoAttr)
      Object.defineProperty(attributes, '__proto__', { value: values[k], enumerable: true, writable: true, configurable: true });
    else attributes[names[k]] = values[k];
  }
  return attributes;
}

async function readTies(ctx: IngestContext, b: OrgGraphBuilder, input: Named, knownPeople: boolean): Promise<void> {
  // The builder's own id index: looked up here, filled by addPerson.
  const ids = b.idIndex;
  let f!: FileReport;
  let srcCol = 0;
  let dstCol = 1;
  let wCol = -1;
  let relCol = -1;
  let timeCol = -1;
  // Relation name -> index, so that a row costs one lookup in a small map.
  const relations = new Map<string, number>();
  // The previous row's source: files grouped by source skip most id lookups.
  let lastSource = '';
  let lastSourceIndex = -1;
  // Relation names as bytes, for rows read from bytes (see plainRow); aligned with relationCodes.
  const relationBytes: Buffer[] = [];
  const relationCodes: number[] = [];
  // A copy of the previous plain row's source id bytes (lastLength of them; -1 = none) and its index.
  const lastBytes = new Uint8Array(64);
  let lastLength = -1;
  let lastIndex = -1;
  await readCsv(ctx, input, input.name, 'ties', {
    header(columns, file) {
      f = file;
      const at = headerColumns(ctx, f, columns, ['source', 'target'], ['weight', 'relation', 'time']);
      [srcCol, dstCol, wCol, relCol, timeCol] = [at.source, at.target, at.weight, at.relation, at.time];
    },
    row(fields, line) {
      // Checks that drop the row come first; repairs after.
      const s = fields[srcCol].trim();
      const t = fields[dstCol].trim();
      if (s === '') return ctx.drop(f, 'E_EMPTY_ID', 'empty source id', line, 'source');
      if (t === '') return ctx.drop(f, 'E_EMPTY_ID', 'empty target id', line, 'target');
      let si = lastSourceIndex >= 0 && s === lastSource ? lastSourceIndex : ids.get(s);
      let ti = ids.get(t);
      if (knownPeople && si < 0) return ctx.drop(f, 'E_UNKNOWN_PERSON', `source "${s}" is not in the people file`, line, 'source');
      if (knownPeople && ti < 0) return ctx.drop(f, 'E_UNKNOWN_PERSON', `target "${t}" is not in the people file`, line, 'target');
      if (s === t) return ctx.drop(f, 'E_SELF_LOOP', `self-loop: "${s}" tied to themself`, line, 'target');
      let weight = 1;
      let emptyWeight = false;
      if (wCol >= 0) {
        const text = fields[wCol];
        weight = plainWeight(text);
        if (!(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
          const w = parseWeight(text);
          if (w.ok) weight = w.value;
          else if (text.trim() === '') {
            weight = 1;
            emptyWeight = true;
          } else return ctx.drop(f, 'E_BAD_WEIGHT', w.reason, line, 'weight');
        }
      }
      let relation = DEFAULT_RELATION;
      let emptyRelation = false;
      if (relCol >= 0) {
        const r = fields[relCol].trim();
        if (r === '') emptyRelation = true;
        else relation = r;
      }
      let time: number | undefined;
      let badTime: string | null = null;
      if (timeCol >= 0 && fields[timeCol].trim() !== '') {
        const tm = parseTime(fields[timeCol]);
        if (tm.ok) time = tm.value;
        else badTime = tm.reason;
      }
      if (emptyWeight) ctx.alter(f, 'E_BAD_WEIGHT', 'empty weight', 'read as 1', line, 'weight');
      if (emptyRelation) ctx.alter(f, 'E_BAD_VALUE', 'empty relation', `read as "${DEFAULT_RELATION}"`, line, 'relation');
      if (badTime !== null) ctx.alter(f, 'E_BAD_TIMESTAMP', badTime, 'tie kept without a time', line, 'time');
      if (si < 0) {
        const own = ownString(s);
        si = b.addPerson(own);
      }
      if (ti < 0) {
        const own = ownString(t);
        ti = b.addPerson(own);
      }
      let k = relations.get(relation);
      if (k === undefined) {
        const name = ownString(relation);
        k = b.relation(name);
        relations.set(name, k);
        relationBytes.push(Buffer.from(name, 'utf8'));
        relationCodes.push(k);
      }
      b.addTie(si, ti, weight, k, time);
      lastSource = s;
      lastSourceIndex = si;
      f.rowsKept++;
    },
    plainRow(bytes, starts) {
      // The common row only (known ids, not a self-loop, a plain weight in range, a relation
      // already seen, no time): anything else returns false and goes through row() above.
      const s0 = starts[srcCol];
      const s1 = starts[srcCol + 1] - 1;
      const t0 = starts[dstCol];
      const t1 = starts[dstCol + 1] - 1;
      if (s1 <= s0 || t1 <= t0 || isSpace(bytes[s0]) || isSpace(bytes[s1 - 1]) || isSpace(bytes[t0]) || isSpace(bytes[t1 - 1])) {
        return false;
      }
      let si: number;
      if (lastLength === s1 - s0 && sameBytes(lastBytes, 0, bytes, s0, s1)) si = lastIndex;
      else {
        si = ids.getAscii(bytes, s0, s1);
        if (si < 0) return false;
        if (s1 - s0 <= lastBytes.length) {
          lastBytes.set(bytes.subarray(s0, s1));
          lastLength = s1 - s0;
          lastIndex = si;
        } else lastLength = -1;
      }
      const ti = ids.getAscii(bytes, t0, t1);
      if (ti < 0 || ti === si) return false;
      let weight = 1;
      if (wCol >= 0) {
        weight = plainWeightBytes(bytes, starts[wCol], starts[wCol + 1] - 1);
        if (!(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) return false;
      }
      let k: number | undefined;
      if (relCol >= 0) {
        const r0 = starts[relCol];
        const r1 = starts[relCol + 1] - 1;
        for (let q = 0; q < relationBytes.length && q < 16; q++) {
          const name = relationBytes[q];
          if (name.length === r1 - r0 && sameBytes(name, 0, bytes, r0, r1)) {
            k = relationCodes[q];
            break;
          }
        }
      } else k = relations.get(DEFAULT_RELATION);
      if (k === undefined) return false;
      if (timeCol >= 0 && starts[timeCol + 1] - 1 > starts[timeCol]) return false;
      b.addTie(si, ti, weight, k);
      f.rowsKept++;
      return true;
    },
  });
}

/** Whether an ASCII byte is white space that String.prototype.trim removes (tab, LF, VT, FF, CR, space). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether `a[from ..]` holds the bytes `b[start .. end)`. */
function sameBytes(a: Uint8Array, from: number, b: Uint8Array, start: number, end: number): boolean {
  const d = from - start;
  for (let i = start; i < end; i++) if (a[i + d] !== b[i]) return false;
  return true;
}

/** Powers of ten that are exact doubles. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * @internal The common weight spelling, digits with at most one '.', read without a regular
 * expression; NaN for anything else (the caller then uses {@link parseWeight}). Equal to
 * Number(text): with at most 15 digits, m and 10^f are exact doubles and m / 10^f is the correctly
 * rounded value of the decimal, as Number() gives.
 * NOTE: keep in sync with ingest/csv.ts:plainWeightBytes (the same parser on bytes).
 */
export function plainWeight(text: string): number {
  const n = text.length;
  if (n === 0 || n > 16) return NaN;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot < 0) dot = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return dot < 0 ? m : m / POW10[n - 1 - dot];
}

/**
 * {@link plainWeight} of the ASCII bytes `b[start .. end)`, read in place.
 * NOTE: keep in sync with ingest/csv.ts:plainWeight (the same parser on a string); kept apart because it runs once per tie.
 */
export function plainWeightBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n <= 0 || n > 16) return NaN;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot < 0) dot = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return dot < 0 ? m : m / POW10[end - 1 - dot];
}

/**
 * JSON input: `{ "people": [...], "ties": [...], "relations": [...] }` -> a validated OrgGraph.
 * The same checks and strict/lenient rules as CSV; locations name the array element
 * (`ties[3].weight`) instead of a line. JSON is read whole: use CSV for very large inputs.
 * Reference: docs/ingest.md ("JSON").
 */
import { readFile } from 'node:fs/promises';
import { checkInputFile } from './files.js';
import { Utf8Decoder } from './utf8.js';
import { INFLUENCE_VALUES, REPORTS_TO, OrgGraphBuilder, type Influence } from '../model/org-graph.js';
import { finish, finishRelations, DEFAULT_RELATION, type IngestResult } from './csv.js';
import { resolveIngestOptions, type IngestOptions } from './options.js';
import { IngestContext, type FileReport } from './report.js';
import { parseFlag, parseTime, parseWeight } from './values.js';

/** The JSON document orgraph reads. Extra person keys are attributes. */
export interface OrgJson {
  /**
   * Person objects: `id` (string or number) and attribute keys (string, number or boolean values;
   * null = missing). Absent: people are taken from the ties in order of first appearance.
   */
  readonly people?: readonly Readonly<Record<string, unknown>>[];
  /** Tie objects: `source`, `target`, optional `weight` (number > 0, default 1), `relation` (default "tie"), `time`. Required. */
  readonly ties: readonly Readonly<Record<string, unknown>>[];
  /** Relation declarations; a relation not declared here is directed. */
  readonly relations?: readonly {
    /** The relation's name, as ties give it in `relation`. */
    readonly name: string;
    /** true: each tie is source -> target; false: an undirected pair. */
    readonly directed: boolean;
    /**
     * Which way influence flows along the relation's ties, as in relations.csv: source->target,
     * target->source or both (case and spaces ignored); null or '' = not declared.
     */
    readonly influence?: string | null;
  }[];
}

/**
 * Load JSON from a file path or an already-parsed object.
 *
 * people: objects with `id` (string or number) and any attribute keys (string, number or boolean
 * values; null = missing); the external column (default `external`) may be a boolean or a yes/no
 * string. ties: `source`, `target`, optional `weight` (number > 0, default 1), `relation`
 * (default "tie"), `time` (epoch ms or ISO 8601 string). relations: `name`, `directed`, optional
 * `influence` (source->target, target->source or both; null or "" = not declared), read as the
 * `influence` column of relations.csv is.
 * Without `people`, people are taken from the ties in order of first appearance.
 * @example
 * const { graph } = await loadJson({ people: [{ id: 'a' }, { id: 'b' }], ties: [{ source: 'a', target: 'b' }] });
 */
export async function loadJson(pathOrObject: string | OrgJson, options: IngestOptions = {}): Promise<IngestResult> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  let doc: unknown = pathOrObject;
  let file = '(json)';
  if (typeof pathOrObject === 'string') {
    file = pathOrObject;
    await checkInputFile(ctx, file, file);
    let bytes: Buffer = Buffer.alloc(0);
    try {
      bytes = await readFile(file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      ctx.fatal(code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_UNREADABLE', `cannot be read (${code ?? String(e)})`, { file });
    }
    // Strict UTF-8: invalid bytes are an error with their line, never replaced silently.
    const decoder = new Utf8Decoder();
    let text = decoder.push(bytes) + decoder.end();
    if (decoder.invalid) {
      const at = text.search(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      ctx.fatal('E_ENCODING', 'invalid UTF-8 bytes (save the file as UTF-8)', {
        file,
        line: text.slice(0, Math.max(0, at)).split('\n').length,
      });
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') ctx.fatal('E_EMPTY_FILE', 'the file is empty', { file });
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const pos = /position (\d+)/.exec(msg);
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
      ctx.fatal('E_JSON_SYNTAX', `not valid JSON: ${msg}`, { file, line });
    }
  }
  return ingestJson(ctx, doc, file);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function ingestJson(ctx: IngestContext, doc: unknown, file: string): IngestResult {
  const o = ctx.options;
  if (!isRecord(doc)) ctx.fatal('E_JSON_SYNTAX', 'expected an object with "people", "ties" and "relations" arrays', { file });
  for (const key of ['people', 'ties', 'relations'] as const) {
    if (doc[key] !== undefined && !Array.isArray(doc[key])) ctx.fatal('E_JSON_SYNTAX', `"${key}" must be an array`, { file, field: key });
  }
  if (!Array.isArray(doc.ties)) ctx.fatal('E_MISSING_COLUMN', 'missing "ties" array', { file, field: 'ties' });
  const people = doc.people as unknown[] | undefined;
  const ties = doc.ties as unknown[];
  const relations = (doc.relations as unknown[] | undefined) ?? [];
  if (o.managerColumn !== null && !people)
    ctx.fatal('E_BAD_OPTION', `managerColumn "${o.managerColumn}" needs people`, { field: 'managerColumn' });
  const b = new OrgGraphBuilder();

  // Step 1: relations.
  const declared = new Map<string, boolean>();
  const influence = new Map<string, Influence>();
  if (doc.relations !== undefined) {
    const f = ctx.file(file, 'relations');
    relations.forEach((r, i) => {
      f.rowsRead++;
      const at = `relations[${i}]`;
      if (!isRecord(r)) return ctx.drop(f, 'E_BAD_VALUE', 'not an object', undefined, at);
      const name = typeof r.name === 'string' ? r.name.trim() : '';
      if (name === '') return ctx.drop(f, 'E_BAD_VALUE', 'missing or empty "name"', undefined, `${at}.name`);
      const d = typeof r.directed === 'boolean' ? { ok: true as const, value: r.directed } : parseFlag(String(r.directed ?? ''));
      if (!d.ok || r.directed === undefined || r.directed === '') {
        return ctx.drop(f, 'E_BAD_VALUE', '"directed" must be true or false', undefined, `${at}.directed`);
      }
      if (declared.has(name)) return ctx.drop(f, 'E_BAD_VALUE', `relation "${name}" is declared twice`, undefined, `${at}.name`);
      if (r.influence !== undefined && r.influence !== null) {
        const flow = typeof r.influence === 'string' ? r.influence.trim().toLowerCase().replace(/\s+/g, '') : null;
        if (flow === null || (flow !== '' && !(INFLUENCE_VALUES as readonly string[]).includes(flow)))
          return ctx.drop(
            f,
            'E_BAD_VALUE',
            `influence must be source->target, target->source or both (or empty), got ${JSON.stringify(r.influence)}`,
            undefined,
            `${at}.influence`,
          );
        if (flow !== '') influence.set(name, flow as Influence);
      }
      declared.set(name, d.value);
      f.rowsKept++;
    });
  }

  // Step 2: people.
  const managers: [number, number][] = [];
  if (people) {
    const f = ctx.file(file, 'people');
    const extKey = o.externalColumn;
    const mgrKey = o.managerColumn;
    const managerOf: (string | null)[] = [];
    const where: string[] = [];
    people.forEach((p, i) => {
      f.rowsRead++;
      const at = `people[${i}]`;
      if (!isRecord(p)) return ctx.drop(f, 'E_BAD_VALUE', 'not an object', undefined, at);
      const id = idOf(p.id);
      if (id === null && p.id !== undefined && p.id !== null && p.id !== '') {
        return ctx.drop(f, 'E_BAD_VALUE', '"id" must be a string or a number', undefined, `${at}.id`);
      }
      if (id === null || id === '') return ctx.drop(f, 'E_EMPTY_ID', 'missing or empty person id', undefined, `${at}.id`);
      const first = b.indexOf(id);
      if (first >= 0)
        return ctx.drop(f, 'E_DUPLICATE_PERSON', `person id "${id}" already appeared at ${where[first]}`, undefined, `${at}.id`);
      let external = false;
      // NOTE: null prototype: an attribute named "__proto__" is an ordinary name.
      const attributes: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
      for (const [k, v] of Object.entries(p)) {
        if (k === 'id') continue;
        if (extKey !== null && k === extKey) {
          const x = typeof v === 'boolean' ? { ok: true as const, value: v } : parseFlag(v === null || v === undefined ? '' : String(v));
          if (x.ok) external = x.value;
          else ctx.alter(f, 'E_BAD_VALUE', x.reason, 'read as staff', undefined, `${at}.${k}`);
          continue;
        }
        if (v === null || v === undefined) attributes[k] = null;
        else if (typeof v === 'string') attributes[k] = v.trim() === '' ? null : v.trim();
        else if (typeof v === 'number' || typeof v === 'boolean') attributes[k] = String(v);
        else ctx.alter(f, 'E_BAD_VALUE', `attribute "${k}" is not a string, number or boolean`, 'left out', undefined, `${at}.${k}`);
      }
      b.addPerson(id, attributes, external);
      where.push(at);
      if (mgrKey !== null) managerOf.push(idOf(p[mgrKey]) || null);
      f.rowsKept++;
    });
    if (mgrKey !== null) {
      managerOf.forEach((m, p) => {
        if (m === null) return;
        const q = b.indexOf(m);
        const at = `${where[p]}.${mgrKey}`;
        if (q < 0) ctx.alter(f, 'E_UNKNOWN_PERSON', `manager "${m}" is not a known person`, 'no reports_to tie made', undefined, at);
        else if (q === p) ctx.alter(f, 'E_SELF_LOOP', 'person is their own manager', 'no reports_to tie made', undefined, at);
        else managers.push([p, q]);
      });
    }
  }

  // Step 3: ties.
  const f: FileReport = ctx.file(file, 'ties');
  ties.forEach((t, i) => {
    f.rowsRead++;
    const at = `ties[${i}]`;
    if (!isRecord(t)) return ctx.drop(f, 'E_BAD_VALUE', 'not an object', undefined, at);
    const s = idOf(t.source);
    const d = idOf(t.target);
    if (!s) return ctx.drop(f, 'E_EMPTY_ID', 'missing or empty source id', undefined, `${at}.source`);
    if (!d) return ctx.drop(f, 'E_EMPTY_ID', 'missing or empty target id', undefined, `${at}.target`);
    let si = b.indexOf(s);
    let di = b.indexOf(d);
    if (people && si < 0) return ctx.drop(f, 'E_UNKNOWN_PERSON', `source "${s}" is not in people`, undefined, `${at}.source`);
    if (people && di < 0) return ctx.drop(f, 'E_UNKNOWN_PERSON', `target "${d}" is not in people`, undefined, `${at}.target`);
    if (s === d) return ctx.drop(f, 'E_SELF_LOOP', `self-loop: "${s}" tied to themself`, undefined, `${at}.target`);
    let weight = 1;
    if (t.weight !== undefined && t.weight !== null) {
      const w =
        typeof t.weight === 'number'
          ? parseWeight(String(t.weight))
          : typeof t.weight === 'string'
            ? parseWeight(t.weight)
            : { ok: false as const, reason: 'weight is not a number' };
      if (!w.ok) return ctx.drop(f, 'E_BAD_WEIGHT', w.reason, undefined, `${at}.weight`);
      weight = w.value;
    }
    let relation = DEFAULT_RELATION;
    if (t.relation !== undefined && t.relation !== null) {
      if (typeof t.relation !== 'string' || t.relation.trim() === '') {
        ctx.alter(f, 'E_BAD_VALUE', 'relation is not a non-empty string', `read as "${DEFAULT_RELATION}"`, undefined, `${at}.relation`);
      } else relation = t.relation.trim();
    }
    let time: number | undefined;
    if (t.time !== undefined && t.time !== null && t.time !== '') {
      const tm =
        typeof t.time === 'number' || typeof t.time === 'string'
          ? parseTime(String(t.time))
          : { ok: false as const, reason: 'time is not a number or string' };
      if (tm.ok) time = tm.value;
      else ctx.alter(f, 'E_BAD_TIMESTAMP', tm.reason, 'tie kept without a time', undefined, `${at}.time`);
    }
    if (si < 0) si = b.addPerson(s);
    if (di < 0) di = b.addPerson(d);
    b.addTie(si, di, weight, relation, time);
    f.rowsKept++;
  });
  for (const [p, q] of managers) b.addTie(p, q, 1, REPORTS_TO);
  finishRelations(b, declared, o.undirectedRelations);
  for (const [name, flow] of influence) b.setInfluence(name, flow);
  return finish(ctx, b);
}

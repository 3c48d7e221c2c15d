/**
 * Identity resolution: one person appears as an e-mail, a Slack id and an HR id. An identities CSV
 * `person_id,alias[,source]` maps every alias to the person; {@link resolveIdentities} renames the
 * people of a graph to their person_id, merging the aliases of one person.
 *
 *   alias matching: exact, then case-insensitive (e-mail addresses); `source`, when given, only
 *   documents where the alias comes from (slack, m365, hr...) and is kept in the report.
 *   merged people: attributes = the first non-empty value in graph order; ties re-pointed; a tie
 *   between two aliases of one person becomes a self-tie and is left out (counted).
 *   unmatched ids: kept as they are (never dropped, never merged), counted with examples.
 * Edge cases: an alias mapped to two different people is E_BAD_VALUE (the identities file is
 * wrong); empty cells are E_EMPTY_ID (lenient: row dropped). Complexity: O(people + ties).
 * Reference: docs/ingest.md ("Identities").
 */
import { OrgGraphBuilder, type OrgGraph } from '../../model/org-graph.js';
import { checkHeader, columnIndex, readCsv, readCsvEntry, type CsvInput } from '../csv-source.js';
import type { IngestOptions } from '../options.js';
import type { FileReport, IngestContext, IngestReport } from '../report.js';

export interface Identities {
  /** alias -> person_id (exact spelling). */
  readonly exact: ReadonlyMap<string, string>;
  /** lower-cased alias -> person_id. */
  readonly folded: ReadonlyMap<string, string>;
  readonly report: IngestReport;
}

/**
 * Read an identities CSV (`person_id,alias[,source]`).
 * @example
 * const ids = await loadIdentities('identities.csv');
 */
export async function loadIdentities(path: string, options: IngestOptions = {}): Promise<Identities> {
  return readCsvEntry({ path }, options, readIdentities);
}

/** {@link loadIdentities} for CSV text. */
export async function parseIdentities(text: string, options: IngestOptions & { file?: string } = {}): Promise<Identities> {
  return readCsvEntry({ text, name: options.file ?? 'identities.csv' }, options, readIdentities);
}

async function readIdentities(ctx: IngestContext, input: CsvInput, file: string): Promise<Identities> {
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  let f!: FileReport;
  let pc = 0;
  let ac = 1;
  await readCsv(ctx, input, file, 'people', {
    header(columns, report) {
      f = report;
      checkHeader(ctx, f, columns, ['person_id', 'alias'], ctx.options.delimiter);
      const idx = columnIndex(columns);
      pc = idx.get('person_id')!;
      ac = idx.get('alias')!;
    },
    row(fields, line) {
      const person = fields[pc].trim();
      const alias = fields[ac].trim();
      if (person === '') return ctx.drop(f, 'E_EMPTY_ID', 'empty person_id', line, 'person_id');
      if (alias === '') return ctx.drop(f, 'E_EMPTY_ID', 'empty alias', line, 'alias');
      const before = exact.get(alias) ?? folded.get(alias.toLowerCase());
      if (before !== undefined && before !== person)
        return ctx.drop(f, 'E_BAD_VALUE', `alias "${alias}" is mapped to both "${before}" and "${person}"`, line, 'alias');
      exact.set(alias, person);
      folded.set(alias.toLowerCase(), person);
      f.rowsKept++;
    },
  });
  return { exact, folded, report: ctx.report };
}

export interface ResolvedIdentities {
  readonly graph: OrgGraph;
  /** Graph people matched to a person_id. */
  readonly matched: number;
  /** Graph people with no alias: kept under their own id. */
  readonly unmatched: number;
  /** Up to `examples` unmatched ids. */
  readonly unmatchedExamples: readonly string[];
  /** Graph people merged into another (several aliases of one person): matched - distinct persons. */
  readonly merged: number;
  /** Ties left out because both ends became the same person. */
  readonly selfTies: number;
}

/**
 * Rename the people of `graph` to their person_id (see the module comment for the rules).
 * @example
 * const { graph, unmatched, unmatchedExamples } = resolveIdentities(slack.graph, await loadIdentities('ids.csv'));
 */
export function resolveIdentities(graph: OrgGraph, identities: Identities, options: { examples?: number } = {}): ResolvedIdentities {
  const target = graph.personIds.map((id) => identities.exact.get(id) ?? identities.folded.get(id.toLowerCase()) ?? null);
  const b = new OrgGraphBuilder();
  b.declareAttributes(graph.attributeNames);
  const cols = graph.attributeNames.map((n) => [n, graph.attribute(n)] as const);
  const unmatched: string[] = [];
  let matched = 0;
  // Attributes of a merged person: first non-empty value in graph order.
  const attrs = new Map<string, Record<string, string | null>>();
  const order: string[] = [];
  const external = new Map<string, boolean>();
  graph.personIds.forEach((id, i) => {
    const to = target[i] ?? id;
    if (target[i] === null) unmatched.push(id);
    else matched++;
    let a = attrs.get(to);
    if (!a) {
      attrs.set(to, (a = {}));
      order.push(to);
      external.set(to, graph.isExternal(i));
    }
    for (const [n, c] of cols) if ((a[n] ?? null) === null && c[i] !== null && c[i] !== '') a[n] = c[i];
  });
  for (const id of order) b.addPerson(id, attrs.get(id)!, external.get(id));
  for (const r of graph.relations) b.relation(r.name, r.directed);
  let selfTies = 0;
  for (const t of graph.ties()) {
    const s = b.indexOf(target[graph.indexOf(t.source)] ?? t.source);
    const d = b.indexOf(target[graph.indexOf(t.target)] ?? t.target);
    if (s === d) {
      selfTies++;
      continue;
    }
    b.addTie(s, d, t.weight, t.relation, t.time);
  }
  const distinctMatched = new Set(target.filter((x): x is string => x !== null)).size;
  return {
    graph: b.build(),
    matched,
    unmatched: unmatched.length,
    unmatchedExamples: unmatched.slice(0, options.examples ?? 5),
    merged: matched - distinctMatched,
    selfTies,
  };
}

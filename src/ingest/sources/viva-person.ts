/**
 * Viva Insights person query -> people with attributes: one row per PersonId and MetricDate,
 * collaboration metrics (`Internal_network_size`, `Collaboration_hours`, ...) and HR attributes.
 *
 *   attribute a of person p = the value in p's row of the latest MetricDate (a metric is kept as
 *   its text, e.g. "12.5"); the rows of earlier dates are kept in `history` (one record per row).
 *
 * The result is a graph with people and no ties, for `--people`-style joins onto a P2P or event
 * graph ({@link withPersonAttributes}). Edge cases: empty PersonId = E_EMPTY_ID; bad MetricDate =
 * E_BAD_TIMESTAMP; a (PersonId, MetricDate) row twice = E_DUPLICATE_PERSON (dropped in lenient
 * mode). Complexity: O(rows). Reference: Microsoft Viva Insights, "Person query"; docs/ingest.md.
 */
import { OrgGraphBuilder, type OrgGraph } from '../../model/org-graph.js';
import { readCsv, readCsvEntry, type CsvInput } from '../csv-source.js';
import { finish, type IngestResult } from '../csv.js';
import type { IngestOptions } from '../options.js';
import type { IngestContext } from '../report.js';
import { findColumn, isoDay, VivaSheet } from './viva-common.js';

export interface VivaPersonResult extends IngestResult {
  /** Every kept row: person, ISO day (null without MetricDate), values by column. */
  readonly history: readonly { readonly id: string; readonly date: string | null; readonly values: Readonly<Record<string, string>> }[];
  readonly dates: readonly string[];
}

/**
 * Read a Viva person query export (CSV).
 * @example
 * const { graph } = await loadVivaPerson('person.csv');
 */
export async function loadVivaPerson(path: string, options: IngestOptions = {}): Promise<VivaPersonResult> {
  return readCsvEntry({ path }, options, readPerson);
}

/** {@link loadVivaPerson} for text in memory. */
export async function parseVivaPerson(text: string, options: IngestOptions & { file?: string } = {}): Promise<VivaPersonResult> {
  return readCsvEntry({ text, name: options.file ?? 'person.csv' }, options, readPerson);
}

/** True when a header row looks like a person query (PersonId and MetricDate, no collaborator columns). */
export function looksLikeVivaPerson(columns: readonly string[]): boolean {
  return findColumn(columns, ['personid']) >= 0 && findColumn(columns, ['metricdate']) >= 0;
}

async function readPerson(ctx: IngestContext, input: CsvInput, file: string): Promise<VivaPersonResult> {
  const sheet = new VivaSheet(ctx);
  let idCol = -1;
  let dateCol = -1;
  let valueCols: number[] = [];
  const latest = new Map<string, { date: number; values: Record<string, string> }>();
  const history: { id: string; date: string | null; values: Record<string, string> }[] = [];
  const seen = new Set<string>();
  const dates = new Set<number>();
  await readCsv(ctx, input, file, 'people', {
    header(columns, report) {
      sheet.start(columns, report);
      idCol = findColumn(columns, ['personid']);
      dateCol = findColumn(columns, ['metricdate']);
      if (idCol < 0)
        ctx.fatal('E_MISSING_COLUMN', `missing column "PersonId" (header has ${columns.map((c) => JSON.stringify(c)).join(', ')})`, {
          file,
          line: 1,
          field: 'PersonId',
        });
      valueCols = columns.map((_, i) => i).filter((i) => i !== idCol && i !== dateCol);
    },
    row(fields, line) {
      const id = fields[idCol].trim();
      if (id === '') return sheet.drop('E_EMPTY_ID', 'empty PersonId', line, idCol);
      const date = sheet.date(fields, line, dateCol);
      if (date === null) return;
      const key = `${id}\u0000${date}`;
      if (seen.has(key))
        return sheet.drop(
          'E_DUPLICATE_PERSON',
          `person "${id}" has two rows${Number.isNaN(date) ? '' : ` for ${isoDay(date)}`}`,
          line,
          idCol,
        );
      seen.add(key);
      const values: Record<string, string> = {};
      for (const i of valueCols) {
        const v = fields[i].trim();
        if (v !== '') values[sheet.header[i]] = v;
      }
      history.push({ id, date: Number.isNaN(date) ? null : isoDay(date), values });
      if (!Number.isNaN(date)) dates.add(date);
      const order = Number.isNaN(date) ? 0 : date;
      const prev = latest.get(id);
      if (!prev || order >= prev.date) latest.set(id, { date: order, values });
      sheet.f.rowsKept++;
    },
  });
  const b = new OrgGraphBuilder();
  b.declareAttributes(valueCols.map((i) => sheet.header[i]));
  for (const [id, p] of latest) b.addPerson(id, p.values);
  return { ...finish(ctx, b), history, dates: [...dates].sort((a, c) => a - c).map(isoDay) };
}

/**
 * A copy of `graph` whose people carry the attributes of `people` (a person query result) too;
 * a name already on the graph keeps the graph's value. People of `people` absent from `graph` are
 * not added; their count is returned as `unmatched` with up to 5 examples.
 */
export function withPersonAttributes(graph: OrgGraph, people: OrgGraph): { graph: OrgGraph; unmatched: number; examples: string[] } {
  const b = new OrgGraphBuilder();
  const names = [...graph.attributeNames, ...people.attributeNames.filter((n) => !graph.attributeNames.includes(n))];
  b.declareAttributes(names);
  const cols = new Map(names.map((n) => [n, graph.attributeNames.includes(n) ? graph.attribute(n) : null] as const));
  const other = new Map(people.attributeNames.map((n) => [n, people.attribute(n)] as const));
  graph.personIds.forEach((id, i) => {
    const j = people.indexOf(id);
    const attrs: Record<string, string | null> = {};
    for (const n of names) {
      const own = cols.get(n)?.[i] ?? null;
      attrs[n] = own ?? (j >= 0 ? (other.get(n)?.[j] ?? null) : null);
    }
    b.addPerson(id, attrs, graph.isExternal(i));
  });
  for (const r of graph.relations) b.relation(r.name, r.directed);
  for (const t of graph.ties()) b.addTie(b.indexOf(t.source), b.indexOf(t.target), t.weight, t.relation, t.time);
  const missing = people.personIds.filter((id) => graph.indexOf(id) < 0);
  return { graph: b.build(), unmatched: missing.length, examples: missing.slice(0, 5) };
}

/**
 * Viva Insights person-to-person (P2P) query -> a graph of `strong` and `diverse` ties, one
 * snapshot per MetricDate (the tie's time), people with the HR attributes of the export.
 *
 *   row (p, s, d, strong score x, diverse score y):
 *     x > 0  ->  tie p -> s, relation 'strong',  weight x, time d
 *     y > 0  ->  tie p -> s, relation 'diverse', weight y, time d
 *     x and y absent or 0 -> no tie (the row is kept and counted in `stats.rowsWithoutTie`)
 *   attribute a of person p = the value of PrimaryCollaborator_a (or SecondaryCollaborator_a) on
 *   p's latest MetricDate; earlier values that differ are counted in `stats.attributeChanges`.
 *
 * Headers: current (`PrimaryCollaborator_PersonId`, `Strong_tie_score`), spaced raw exports
 * (`Strong tie score`) and legacy Workplace Analytics (`TieOrigin_PersonId`, `StrongTieScore`).
 * Type columns (`Strong_tie_type`) are read as documentation only: a positive score is the tie.
 * Edge cases: same person on both sides = E_SELF_LOOP; a (p, s, MetricDate) row twice =
 * E_BAD_VALUE; a bad score = E_BAD_WEIGHT; a bad MetricDate = E_BAD_TIMESTAMP (all dropped in
 * lenient mode). Without a MetricDate column ties have no time (one snapshot).
 * Complexity: O(rows) time and memory (the export is at most a few million rows).
 * Reference: Microsoft Viva Insights, "Person-to-person network query" (docs/ingest.md).
 */
import { OrgGraphBuilder } from '../../model/org-graph.js';
import { readCsv, readCsvEntry, type CsvInput } from '../csv-source.js';
import { finish, finishRelations, type IngestResult } from '../csv.js';
import type { IngestOptions } from '../options.js';
import type { IngestContext } from '../report.js';
import { findColumn, headerKey, isoDay, parseScore, sideOf, VivaSheet } from './viva-common.js';

export interface VivaP2POptions extends IngestOptions {
  /** Relation name of strong ties. @defaultValue 'strong' */
  readonly strongRelation?: string;
  /** Relation name of diverse ties. @defaultValue 'diverse' */
  readonly diverseRelation?: string;
}

export const DEFAULT_VIVA_P2P_OPTIONS = Object.freeze({ strongRelation: 'strong', diverseRelation: 'diverse' });

/** What a P2P export held beyond the graph. */
export interface VivaP2PStats {
  /** Distinct MetricDates, ascending (ISO days); empty without a MetricDate column. */
  readonly dates: string[];
  /** Kept rows with neither a strong nor a diverse score above 0. */
  rowsWithoutTie: number;
  /** Attribute values that changed between a person's MetricDates (the latest is kept). */
  attributeChanges: number;
}

export interface VivaP2PResult extends IngestResult {
  readonly stats: VivaP2PStats;
}

const ID_KEYS = {
  primary: ['primarycollaboratorpersonid', 'tieoriginpersonid'],
  secondary: ['secondarycollaboratorpersonid', 'tiedestinationpersonid'],
};

/**
 * Read a Viva P2P export (CSV file).
 * @example
 * const { graph, stats } = await loadVivaP2P('p2p.csv');
 * stats.dates // ['2026-01-31', '2026-02-28']
 */
export async function loadVivaP2P(path: string, options: VivaP2POptions = {}): Promise<VivaP2PResult> {
  return readCsvEntry({ path }, options, readP2P);
}

/** {@link loadVivaP2P} for text in memory. */
export async function parseVivaP2P(text: string, options: VivaP2POptions & { file?: string } = {}): Promise<VivaP2PResult> {
  return readCsvEntry({ text, name: options.file ?? 'p2p.csv' }, options, readP2P);
}

/** True when a header row looks like a P2P export (for format detection). */
export function looksLikeVivaP2P(columns: readonly string[]): boolean {
  return findColumn(columns, ID_KEYS.primary) >= 0 && findColumn(columns, ID_KEYS.secondary) >= 0;
}

interface PersonState {
  date: number;
  attrs: Map<string, string>;
}

async function readP2P(ctx: IngestContext, input: CsvInput, file: string, options: VivaP2POptions): Promise<VivaP2PResult> {
  const strongRel = options.strongRelation ?? DEFAULT_VIVA_P2P_OPTIONS.strongRelation;
  const diverseRel = options.diverseRelation ?? DEFAULT_VIVA_P2P_OPTIONS.diverseRelation;
  const stats: VivaP2PStats = { dates: [], rowsWithoutTie: 0, attributeChanges: 0 };
  const col = { primary: -1, secondary: -1, date: -1, strong: -1, diverse: -1 };
  const sheet = new VivaSheet(ctx);
  const attrCols: { side: 'primary' | 'secondary'; name: string; index: number }[] = [];
  const attributeNames: string[] = [];
  const people = new Map<string, PersonState>();
  const ties: { s: string; t: string; w: number; rel: string; time: number }[] = [];
  const seen = new Set<string>();
  const dates = new Set<number>();

  const person = (id: string, date: number, values: [string, string][]): void => {
    let p = people.get(id);
    if (!p) {
      p = { date, attrs: new Map() };
      people.set(id, p);
    }
    const later = date >= p.date;
    for (const [name, value] of values) {
      if (value === '') continue;
      const old = p.attrs.get(name);
      if (old === undefined) p.attrs.set(name, value);
      else if (old !== value) {
        stats.attributeChanges++;
        if (later) p.attrs.set(name, value);
      }
    }
    if (later) p.date = date;
  };

  await readCsv(ctx, input, file, 'ties', {
    header(columns, report) {
      const f = sheet.start(columns, report);
      col.primary = findColumn(columns, ID_KEYS.primary);
      col.secondary = findColumn(columns, ID_KEYS.secondary);
      col.date = findColumn(columns, ['metricdate']);
      col.strong = findColumn(columns, ['strongtiescore']);
      col.diverse = findColumn(columns, ['diversetiescore']);
      const shown = columns.map((c) => JSON.stringify(c)).join(', ');
      if (col.primary < 0)
        ctx.fatal(
          'E_MISSING_COLUMN',
          `missing column "PrimaryCollaborator_PersonId" (or legacy "TieOrigin_PersonId"); header has ${shown}`,
          { file, line: 1, field: 'PrimaryCollaborator_PersonId' },
        );
      if (col.secondary < 0)
        ctx.fatal(
          'E_MISSING_COLUMN',
          `missing column "SecondaryCollaborator_PersonId" (or legacy "TieDestination_PersonId"); header has ${shown}`,
          { file, line: 1, field: 'SecondaryCollaborator_PersonId' },
        );
      if (col.strong < 0 && col.diverse < 0)
        ctx.fatal('E_MISSING_COLUMN', `missing column "Strong_tie_score" or "Diverse_tie_score"; header has ${shown}`, {
          file,
          line: 1,
          field: 'Strong_tie_score',
        });
      const used = new Set(Object.values(col));
      columns.forEach((c, i) => {
        if (used.has(i)) return;
        const side = sideOf(c);
        if (side && !['personid', 'groupsize'].includes(headerKey(side.rest))) {
          // Both sides name the same attribute; the primary spelling names it.
          const existing = attributeNames.find((n) => headerKey(n) === headerKey(side.rest));
          const name = existing ?? side.rest;
          if (!existing) attributeNames.push(name);
          attrCols.push({ side: side.side, name, index: i });
          used.add(i);
        }
      });
      f.ignoredColumns.push(...columns.filter((_, i) => !used.has(i)));
    },
    row(fields, line) {
      const ends = sheet.pair(fields, line, col.primary, col.secondary, 'person id');
      if (!ends) return;
      const [p, s] = ends;
      if (p === s) return sheet.drop('E_SELF_LOOP', `person "${p}" is on both sides of the row`, line, col.secondary);
      const date = sheet.date(fields, line, col.date);
      if (date === null) return;
      const score = (c: number): number | null | string => {
        if (c < 0) return null;
        const v = parseScore(fields[c]);
        return v.ok ? v.value : v.reason;
      };
      const x = score(col.strong);
      if (typeof x === 'string') return sheet.drop('E_BAD_WEIGHT', `tie score ${x}`, line, col.strong);
      const y = score(col.diverse);
      if (typeof y === 'string') return sheet.drop('E_BAD_WEIGHT', `tie score ${y}`, line, col.diverse);
      const key = `${p}\u0000${s}\u0000${date}`;
      if (seen.has(key)) {
        const when = Number.isNaN(date) ? '' : ` on ${isoDay(date)}`;
        return sheet.drop('E_BAD_VALUE', `the pair "${p}" -> "${s}"${when} appears twice`, line, col.secondary);
      }
      seen.add(key);
      if (!Number.isNaN(date)) dates.add(date);
      const order = Number.isNaN(date) ? 0 : date;
      person(
        p,
        order,
        attrCols.filter((a) => a.side === 'primary').map((a) => [a.name, fields[a.index].trim()]),
      );
      person(
        s,
        order,
        attrCols.filter((a) => a.side === 'secondary').map((a) => [a.name, fields[a.index].trim()]),
      );
      if (x !== null && x > 0) ties.push({ s: p, t: s, w: x, rel: strongRel, time: date });
      if (y !== null && y > 0) ties.push({ s: p, t: s, w: y, rel: diverseRel, time: date });
      if (!(x !== null && x > 0) && !(y !== null && y > 0)) stats.rowsWithoutTie++;
      sheet.f.rowsKept++;
    },
  });
  const b = new OrgGraphBuilder();
  b.declareAttributes(attributeNames);
  for (const [id, p] of people) b.addPerson(id, Object.fromEntries(p.attrs));
  if (col.strong >= 0) b.relation(strongRel);
  if (col.diverse >= 0) b.relation(diverseRel);
  for (const t of ties) b.addTie(b.indexOf(t.s), b.indexOf(t.t), t.w, t.rel, Number.isNaN(t.time) ? undefined : t.time);
  finishRelations(b, new Map(), ctx.options.undirectedRelations);
  stats.dates.push(...[...dates].sort((a, c) => a - c).map(isoDay));
  return { ...finish(ctx, b), stats };
}

/**
 * Viva Insights P2P reader on files written for the tests (test/fixtures/sources/viva-p2p-*.csv):
 * current underscored headers with two MetricDates, spaced raw-export headers with CRLF, legacy
 * Workplace Analytics headers without MetricDate, and a file of bad rows. Expected ties derived
 * by hand from the rows, in the comments.
 */
import { describe, expect, it } from 'vitest';
import { loadVivaP2P, parseVivaP2P } from '../../../src/ingest/sources/viva-p2p.js';
import { parseMetricDate, headerKey } from '../../../src/ingest/sources/viva-common.js';
import type { OrgGraph } from '../../../src/model/org-graph.js';
import { OrgraphError } from '../../../src/model/errors.js';

const DIR = 'test/fixtures/sources';
const attr = (g: OrgGraph, id: string, name: string): string | null => g.attribute(name)[g.indexOf(id)];
const JAN = Date.UTC(2026, 0, 31);
const FEB = Date.UTC(2026, 1, 28);

/** "relation:source>target@day" -> weight */
function ties(g: OrgGraph): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of g.ties())
    m.set(
      `${t.relation}:${t.source}>${t.target}${t.time !== undefined ? `@${new Date(t.time).toISOString().slice(0, 10)}` : ''}`,
      t.weight,
    );
  return m;
}

describe('Viva P2P reader', () => {
  it('current headers, two MetricDates: strong/diverse ties with scores as weights, one snapshot per date', async () => {
    const { graph, report, stats } = await loadVivaP2P(`${DIR}/viva-p2p-current.csv`);
    // Rows (line: primary > secondary, date, diverse, strong):
    //  2 P001>P002 Jan  0    .82 -> strong .82
    //  3 P001>P003 Jan  .41  0   -> diverse .41
    //  4 P002>P003 Jan  0    0   -> no tie (rowsWithoutTie 1)
    //  5 P003>P004 Jan  .35  .6  -> diverse .35 and strong .6
    //  6 P001>P002 Feb  0    .75 -> strong .75
    //  7 P004>P001 Feb  .5   ''  -> diverse .5
    //  8 P003>P004 2/28 0    .55 -> strong .55 (M/D/YYYY accepted)
    expect(ties(graph)).toEqual(
      new Map([
        ['strong:P001>P002@2026-01-31', 0.82],
        ['diverse:P001>P003@2026-01-31', 0.41],
        ['diverse:P003>P004@2026-01-31', 0.35],
        ['strong:P003>P004@2026-01-31', 0.6],
        ['strong:P001>P002@2026-02-28', 0.75],
        ['diverse:P004>P001@2026-02-28', 0.5],
        ['strong:P003>P004@2026-02-28', 0.55],
      ]),
    );
    expect(graph.personIds).toEqual(['P001', 'P002', 'P003', 'P004']);
    expect(graph.attributeNames).toEqual(['Organization', 'LevelDesignation']);
    // P003 is Sales in January and Marketing in February: the latest value is kept, one change counted.
    expect(attr(graph, 'P003', 'Organization')).toBe('Marketing');
    expect(attr(graph, 'P004', 'LevelDesignation')).toBe('Lead');
    expect(stats).toEqual({ dates: ['2026-01-31', '2026-02-28'], rowsWithoutTie: 1, attributeChanges: 1 });
    expect(report.files[0]).toMatchObject({
      rowsRead: 7,
      rowsKept: 7,
      rowsDropped: 0,
      ignoredColumns: ['Diverse_tie_type', 'Strong_tie_type'],
    });
  });

  it('spaced raw-export headers (and CRLF) read the same as underscored ones', async () => {
    const { graph, stats } = await loadVivaP2P(`${DIR}/viva-p2p-spaced.csv`);
    // 2 P001>P002 Jan strong .82; 3 P001>P003 Jan diverse .41; 4 P003>P004 Feb diverse .35, strong .6
    expect(ties(graph)).toEqual(
      new Map([
        ['strong:P001>P002@2026-01-31', 0.82],
        ['diverse:P001>P003@2026-01-31', 0.41],
        ['diverse:P003>P004@2026-02-28', 0.35],
        ['strong:P003>P004@2026-02-28', 0.6],
      ]),
    );
    expect(stats.dates).toEqual(['2026-01-31', '2026-02-28']);
    expect(attr(graph, 'P004', 'Organization')).toBe('Engineering');
  });

  it('legacy Workplace Analytics headers (TieOrigin/TieDestination, StrongTieScore), no MetricDate', async () => {
    const { graph, stats, report } = await loadVivaP2P(`${DIR}/viva-p2p-legacy.csv`);
    // e1>e2 strong 1.2; e2>e3 diverse .3; e3>e1 strong .4 and diverse .9; no times.
    expect(ties(graph)).toEqual(
      new Map([
        ['strong:e1@contoso.com>e2@contoso.com', 1.2],
        ['diverse:e2@contoso.com>e3@contoso.com', 0.3],
        ['strong:e3@contoso.com>e1@contoso.com', 0.4],
        ['diverse:e3@contoso.com>e1@contoso.com', 0.9],
      ]),
    );
    expect(attr(graph, 'e3@contoso.com', 'Organization')).toBe('Sales');
    expect(stats.dates).toEqual([]);
    expect(report.files[0]).toMatchObject({ rowsRead: 3, rowsKept: 3 });
  });

  it('strict mode: one clear error naming file, line and field', async () => {
    const err = await loadVivaP2P(`${DIR}/viva-p2p-bad.csv`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrgraphError);
    expect((err as OrgraphError).code).toBe('E_BAD_TIMESTAMP');
    expect((err as OrgraphError).message).toBe(
      `${DIR}/viva-p2p-bad.csv:3: field "MetricDate": MetricDate "13/01/2026" is not a real date (MM/DD/YYYY)`,
    );
  });

  it('lenient mode accounts for every row', async () => {
    const { graph, report } = await loadVivaP2P(`${DIR}/viva-p2p-bad.csv`, { mode: 'lenient' });
    // 2 kept (strong .8); 3 bad date; 4 self loop; 5 score "abc"; 6 duplicate of line 2; 7 empty id;
    // 8 diverse -1; 9 kept (diverse .25).
    expect(report.files[0]).toMatchObject({
      rowsRead: 8,
      rowsKept: 2,
      rowsDropped: 6,
      dropped: { E_BAD_TIMESTAMP: 1, E_SELF_LOOP: 1, E_BAD_WEIGHT: 2, E_BAD_VALUE: 1, E_EMPTY_ID: 1 },
    });
    expect(report.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [3, 'MetricDate', 'E_BAD_TIMESTAMP'],
      [4, 'SecondaryCollaborator_PersonId', 'E_SELF_LOOP'],
      [5, 'Strong_tie_score', 'E_BAD_WEIGHT'],
      [6, 'SecondaryCollaborator_PersonId', 'E_BAD_VALUE'],
      [7, 'PrimaryCollaborator_PersonId', 'E_EMPTY_ID'],
      [8, 'Diverse_tie_score', 'E_BAD_WEIGHT'],
    ]);
    expect(ties(graph)).toEqual(
      new Map([
        ['strong:P001>P002@2026-01-31', 0.8],
        ['diverse:P004>P003@2026-01-31', 0.25],
      ]),
    );
  });

  it('a file without the id columns is refused at the header', async () => {
    await expect(parseVivaP2P('PersonId,MetricDate\nP1,01/31/2026\n')).rejects.toThrow(
      /p2p.csv:1: field "PrimaryCollaborator_PersonId": missing column/,
    );
  });

  it('MetricDate and header spellings', () => {
    expect(parseMetricDate('01/31/2026')).toEqual({ ok: true, value: JAN });
    expect(parseMetricDate('2/28/2026')).toEqual({ ok: true, value: FEB });
    expect(parseMetricDate('2026-02-28')).toEqual({ ok: true, value: FEB });
    expect(parseMetricDate('02/30/2026').ok).toBe(false);
    expect(['Strong_tie_score', 'Strong tie score', 'StrongTieScore'].map(headerKey)).toEqual([
      'strongtiescore',
      'strongtiescore',
      'strongtiescore',
    ]);
    expect(headerKey('% Group collaboration time invested')).toBe(headerKey('Percent_Group_collaboration_time_invested'));
  });
});

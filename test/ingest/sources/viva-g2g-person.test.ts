/**
 * Viva Insights group-to-group and person query readers on files written for the tests
 * (test/fixtures/sources/viva-g2g*.csv, viva-person.csv); expected figures derived by hand below.
 */
import { describe, expect, it } from 'vitest';
import { g2gGroupFigures, loadVivaG2G } from '../../../src/ingest/sources/viva-g2g.js';
import { loadVivaPerson, withPersonAttributes } from '../../../src/ingest/sources/viva-person.js';
import { loadVivaP2P } from '../../../src/ingest/sources/viva-p2p.js';

const DIR = 'test/fixtures/sources';

describe('Viva G2G reader', () => {
  it('reads the group table with the within-group and unclassified rows', async () => {
    const t = await loadVivaG2G(`${DIR}/viva-g2g.csv`);
    expect(t.attribute).toBe('Organization');
    expect(t.dates).toEqual(['2026-01-31', '2026-02-28']);
    expect(t.rows).toHaveLength(10);
    // Line 2 "Collaborators Within Group" -> Finance; line 4 "Unclassified Collaborators" -> null;
    // line 5 "Within Group" -> Sales; line 9 "Other collaborators" -> null.
    expect(t.rows.map((r) => r.secondary)).toEqual([
      'Finance',
      'Sales',
      null,
      'Sales',
      'Finance',
      'Engineering',
      'Engineering',
      null,
      'Finance',
      'Sales',
    ]);
    expect(t.rows[1]).toMatchObject({
      primary: 'Finance',
      primarySize: 12,
      secondarySize: 30,
      timeInvested: 150,
      percentTimeInvested: 30,
      emailCount: 200,
      emailHours: 50,
      meetingCount: 25,
      meetingHours: 100,
      line: 3,
    });
    expect(t.report.files[0]).toMatchObject({ rowsRead: 10, rowsKept: 10, ignoredColumns: [] });
  });

  it('group figures: E-I on hours and time between pairs, per MetricDate', async () => {
    const t = await loadVivaG2G(`${DIR}/viva-g2g.csv`);
    const jan = g2gGroupFigures(t, '2026-01-31');
    // Finance: I = 300; E = 150 (Sales) + 50 (unclassified) = 200; E-I = (200-300)/500 = -0.2.
    // Sales: I = 900; E = 100 + 200 = 300; E-I = -600/1200 = -0.5.
    // Engineering: I = 1500; E = 96; E-I = -1404/1596.
    expect(jan.groups).toEqual([
      { group: 'Engineering', size: 45, internal: 1500, external: 96, ei: -1404 / 1596 },
      { group: 'Finance', size: 12, internal: 300, external: 200, ei: -0.2 },
      { group: 'Sales', size: 30, internal: 900, external: 300, ei: -0.5 },
    ]);
    // Pairs, both directions summed: Engineering-Finance 0 (never listed); Finance-Sales 150 + 100 = 250;
    // Engineering-Sales 200 (Sales -> Engineering only).
    expect(jan.pairs).toEqual([
      { a: 'Engineering', b: 'Finance', hours: 0 },
      { a: 'Engineering', b: 'Sales', hours: 200 },
      { a: 'Finance', b: 'Sales', hours: 250 },
    ]);
    // Default: the latest MetricDate. February: Finance I = 280, E = 120 -> E-I = -160/400 = -0.4.
    const feb = g2gGroupFigures(t);
    expect(feb.date).toBe('2026-02-28');
    expect(feb.groups).toEqual([{ group: 'Finance', size: 12, internal: 280, external: 120, ei: -0.4 }]);
  });

  it('bad rows: strict names file, line and field; lenient accounts for every row', async () => {
    await expect(loadVivaG2G(`${DIR}/viva-g2g-bad.csv`)).rejects.toThrow(
      `${DIR}/viva-g2g-bad.csv:3: field "SecondaryCollaborator_Organization": the groups "Finance" -> "Sales" on 2026-01-31 appear twice`,
    );
    const t = await loadVivaG2G(`${DIR}/viva-g2g-bad.csv`, { mode: 'lenient' });
    // 2 kept; 3 duplicate; 4 empty group; 5 date 31/01; 6 size "twelve"; 7 kept.
    expect(t.report.files[0]).toMatchObject({
      rowsRead: 6,
      rowsKept: 2,
      rowsDropped: 4,
      dropped: { E_BAD_VALUE: 2, E_EMPTY_ID: 1, E_BAD_TIMESTAMP: 1 },
    });
    expect(t.report.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'SecondaryCollaborator_Organization'],
      [4, 'PrimaryCollaborator_Organization'],
      [5, 'MetricDate'],
      [6, 'SecondaryCollaborator_GroupSize'],
    ]);
  });
});

describe('Viva person query reader', () => {
  it('people with the attributes of their latest MetricDate, every row in history', async () => {
    const { graph, report, history, dates } = await loadVivaPerson(`${DIR}/viva-person.csv`);
    expect(graph.personIds).toEqual(['P001', 'P002', 'P003']);
    expect(graph.tieCount).toBe(0);
    const at = (id: string, name: string): string | null => graph.attribute(name)[graph.indexOf(id)];
    // P001: February row (line 4) wins over January (line 2).
    expect(at('P001', 'Collaboration_hours')).toBe('22');
    expect(at('P001', 'Internal_network_size')).toBe('27');
    // P002: February row has an empty Internal_network_size -> no value (not January's 18).
    expect(at('P002', 'Internal_network_size')).toBeNull();
    expect(at('P003', 'Organization')).toBe('Marketing');
    expect(history).toHaveLength(5);
    expect(dates).toEqual(['2026-01-31', '2026-02-28']);
    expect(report.files[0]).toMatchObject({ rowsRead: 5, rowsKept: 5 });
  });

  it('joins onto a P2P graph; people the P2P export lacks are counted, not added', async () => {
    const p2p = await loadVivaP2P(`${DIR}/viva-p2p-current.csv`);
    const person = await loadVivaPerson(`${DIR}/viva-person.csv`);
    const joined = withPersonAttributes(p2p.graph, person.graph);
    // P2P people P001..P004; person query P001..P003: all matched, P004 gets no hours.
    expect(joined.unmatched).toBe(0);
    const hours = joined.graph.attribute('Collaboration_hours');
    expect(joined.graph.personIds.map((id, i) => [id, hours[i]])).toEqual([
      ['P001', '22'],
      ['P002', '16'],
      ['P003', '30'],
      ['P004', null],
    ]);
    // Organization exists on both: the P2P value stays (P003 Marketing in both here).
    expect(joined.graph.tieCount).toBe(p2p.graph.tieCount);
  });
});

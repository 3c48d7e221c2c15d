/** The public table writers (src/model/tables.ts) on analysis() results, as an app would use them. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis } from '../../src/report/analysis.js';
import { recordsToCsv, toJson } from '../../src/model/tables.js';

describe('recordsToCsv and toJson on a result', () => {
  it('write result.people with one row per person, formulas neutralised, nulls as empty cells', async () => {
    // Five people in one group: ids chosen so one starts like a formula.
    const ids = ['=cmd', 'ana', 'bo', 'cy', 'di'];
    const g = OrgGraph.from({ people: ids.map((id) => ({ id, attributes: { dept: 'A' } })), ties: [{ source: 'ana', target: 'bo' }] });
    const r = await analysis(g, { thread: 'caller', group: 'dept', workers: 1 });
    const text = recordsToCsv(r.people, ['id', 'group', 'degree', 'closeness']);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    // Rows in id order (code units: '=' < 'a').
    expect(rows.map((x) => x.id)).toEqual(["'=cmd", 'ana', 'bo', 'cy', 'di']);
    expect(rows.map((x) => x.degree)).toEqual(['0', '1', '1', '0', '0']);
    expect(rows[0].closeness).toBe('');
    expect(JSON.parse(toJson(r.privacy)).suppressed).toEqual([]);
  });
});

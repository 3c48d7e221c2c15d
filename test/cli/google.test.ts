/**
 * `orgraph validate` and `orgraph timeline` on Google Workspace files in-process: detection from
 * the JSON shape (JSON and JSON lines), `--from google`, the one-line strict error with file, JSON
 * path and field, the lenient report accounting for every item, e-mail addresses mapped to HR ids
 * through an identities file, meetings split by month. Counts derived by hand from
 * test/fixtures/sources/google-*.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const GMAIL = 'test/fixtures/sources/google-gmail.json';
const CALENDAR = 'test/fixtures/sources/google-calendar.json';
const LINES = 'test/fixtures/sources/google-events.jsonl';

interface Summary {
  people: number;
  ties: number;
  relations: { name: string; directed: boolean; ties: number }[];
  report: { files: { file: string; rowsRead: number; rowsKept: number; rowsDropped: number }[]; issueCount: number };
}

describe('orgraph validate on Google Workspace files', () => {
  it('strict: the malformed calendar event is one line with file, JSON path and field, exit 1', async () => {
    const r = await cli(['validate', CALENDAR]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `orgraph: error E_BAD_TIMESTAMP: ${CALENDAR}#calendar: field "[0].items[5].start.dateTime": start: dateTime "2026-01-08 lunch" is not an RFC 3339 date-time\n`,
    );
  });

  it('lenient, detected: 20 meeting ties among 5 people, every item accounted for', async () => {
    const r = await cli(['validate', CALENDAR, '--lenient', '--format', 'json']);
    expect(r.code).toBe(1); // an item was dropped
    const s = JSON.parse(r.out) as Summary;
    // ana, ben, cleo, dan, eve (the room is not a person); ties as in test/ingest/sources/google.test.ts:
    // 3 single meetings + 6 design-sync pairs + 6 pairs of the moved instance + 5 stand-ups.
    expect([s.people, s.ties]).toEqual([5, 20]);
    expect(s.relations).toEqual([{ name: 'meeting', directed: false, ties: 20 }]);
    expect(s.report.files.map((f) => [f.rowsRead, f.rowsKept, f.rowsDropped])).toEqual([[12, 11, 1]]);
    expect(s.report.issueCount).toBe(2);
  });

  it('--from google on JSON lines; a file of another vendor is refused in one line', async () => {
    const r = await cli(['validate', LINES, '--from', 'google', '--lenient', '--format', 'json']);
    const s = JSON.parse(r.out) as Summary;
    // ana-eve on 01-19 and 01-26 (meeting), dan -> eve (email); dan is a person through his e-mail.
    expect([s.people, s.ties]).toEqual([3, 3]);
    expect(s.report.files.map((f) => [f.file.split('#')[1], f.rowsRead, f.rowsKept])).toEqual([
      ['other', 2, 0],
      ['calendar', 2, 2],
      ['gmail', 1, 1],
    ]);
    const m365 = await cli(['validate', 'test/fixtures/sources/m365.json', '--from', 'google']);
    expect(m365.code).toBe(1);
    expect(m365.err).toMatch(
      /^orgraph: error E_JSON_SYNTAX: test\/fixtures\/sources\/m365\.json: expected a Calendar events list[^\n]*\n$/,
    );
  });

  it('Gmail addresses map to HR ids through the identities file; the others are reported', async () => {
    const r = await cli(['validate', GMAIL, '--lenient', '--identities', 'test/fixtures/sources/identities.csv', '--format', 'json']);
    const s = JSON.parse(r.out) as Summary & { report: { issues: { message: string }[] } };
    // Default broadcast cutoff 25: ana -> ben, cleo, dan; ben -> ana; ceo -> ana, ben, cleo, dan; eve -> ana = 9.
    // ana, ben, cleo become E100, E200, E300; dan, ceo, eve keep their address: 6 people.
    expect([s.people, s.ties]).toEqual([6, 9]);
    expect(s.report.issues.map((i) => i.message)).toContain(
      '3 of 6 people have no alias in the identities file and keep their own id (e.g. "dan@acme.example", "ceo@acme.example", "eve@acme.example")',
    );
  });

  it('orgraph timeline splits the meetings by month (tie times are UTC days)', async () => {
    const r = await cli(['timeline', CALENDAR, '--lenient', '--period', 'month', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as { periods: { label: string; people: number; ties: number }[] };
    // January: ana-ben, ana-eve, ben-cleo, ben-dan, cleo-dan (design sync 01-06), ben-eve, cleo-eve,
    // dan-eve (moved instance 01-14): 8 pairs among 5 people. February: the design sync of 02-03,
    // ben-cleo, ben-dan, cleo-dan: 3 pairs among 3 people.
    expect(t.periods.map((p) => [p.label, p.people, p.ties])).toEqual([
      ['2026-01', 5, 8],
      ['2026-02', 3, 3],
    ]);
  });

  it('the --from list in the help names google', async () => {
    const r = await cli(['validate', '--help']);
    expect(r.out).toMatch(/--from <format>[\s\S]*m365, google/);
  });
});

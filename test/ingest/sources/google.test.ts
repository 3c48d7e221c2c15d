/**
 * Google Workspace reader on files written for the tests (test/fixtures/sources/google-*):
 * Gmail messages (format=metadata) with To + Cc + Bcc, a mailbox copy of the same message, a
 * Date-header fallback, a broadcast, a draft and two malformed messages; two Calendar API
 * `Events: list` pages (ana's and ben's calendars) with declined / tentative / needsAction
 * attendees, a room, an all-day event, an out-of-office block, cancelled events, a weekly series
 * with an EXDATE, a moved and a cancelled instance, an "every weekday" series, a monthly series, a
 * bad start and an attendee without an email; and a JSON-lines file. Expected ties derived by hand.
 */
import { describe, expect, it } from 'vitest';
import { addressList, loadGoogleWorkspace, parseGoogleWorkspace } from '../../../src/ingest/sources/google.js';
import { detectSource, loadSource } from '../../../src/ingest/sources/detect.js';
import { parseM365 } from '../../../src/ingest/sources/m365.js';
import type { OrgGraph } from '../../../src/model/org-graph.js';

const GMAIL = 'test/fixtures/sources/google-gmail.json';
const CALENDAR = 'test/fixtures/sources/google-calendar.json';
const LINES = 'test/fixtures/sources/google-events.jsonl';

/** Ties as `relation:source>target@MM-DD` -> weight (user part of the addresses). */
function ties(g: OrgGraph): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of g.ties())
    m.set(`${t.relation}:${t.source.split('@')[0]}>${t.target.split('@')[0]}@${new Date(t.time!).toISOString().slice(5, 10)}`, t.weight);
  return m;
}

function expectTies(g: OrgGraph, expected: Map<string, number>): void {
  const got = ties(g);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [k, v] of expected) expect(got.get(k)).toBeCloseTo(v, 12);
}

describe('Google Workspace reader: Gmail', () => {
  it('sender -> each distinct To / Cc recipient, Bcc never read, one copy per Message-ID', async () => {
    expect(await detectSource(GMAIL)).toBe('google');
    const { graph, stats, report } = await loadGoogleWorkspace(GMAIL, { broadcastCutoff: 3, mode: 'lenient' });
    // [0] ana -> ben, cleo ("Cleo, Design" quoted: one address), Cc dan; Bcc eve never read; 09:00Z 01-05.
    // [1] ben's inbox copy of [0] (same Message-Id, other case of the header name): no tie.
    // [2] no internalDate: Date "Mon, 5 Jan 2026 13:30:00 +0100" = 12:30Z 01-05; Ben@Acme lower-cased
    //     -> ana; ben in his own To is left out.
    //     ([0] has 3 recipients: not above the cutoff 3.)
    // [3] ceo -> group "leads: ana, ben, cleo, dan;" = 4 recipients > cutoff 3: broadcast, no tie.
    // [4] DRAFT: no tie. [5] no From: dropped. [6] internalDate "yesterday", no Date: dropped.
    // [7] eve -> ana on 01-07 07:30Z; eve's own Cc left out.
    expectTies(
      graph,
      new Map([
        ['email:ana>ben@01-05', 1],
        ['email:ana>cleo@01-05', 1],
        ['email:ana>dan@01-05', 1],
        ['email:ben>ana@01-05', 1],
        ['email:eve>ana@01-07', 1],
      ]),
    );
    expect(graph.personIds).toContain('ceo@acme.example');
    expect(graph.relations.map((r) => [r.name, r.directed])).toEqual([['email', true]]);
    expect(stats).toMatchObject({ messages: 4, duplicateMessages: 1, drafts: 1, broadcasts: 1 });
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsDropped])).toEqual([[`${GMAIL}#gmail`, 8, 6, 2]]);
    expect(report.issues.map((i) => [i.field, i.code])).toEqual([
      ['[5].payload.headers', 'E_EMPTY_ID'],
      ['[6].internalDate', 'E_BAD_TIMESTAMP'],
    ]);
  });

  it('strict: the first bad message is one error naming the file, JSON path and field', async () => {
    await expect(loadGoogleWorkspace(GMAIL)).rejects.toThrow(`${GMAIL}#gmail: field "[5].payload.headers": no From header`);
  });

  it('reads RFC 5322 address lists', () => {
    expect(addressList('"Doe, Jane" <Jane@X.org>, bob@x.org (Bob), team: c@x.org, d@x.org;, undisclosed-recipients:;')).toEqual([
      'jane@x.org',
      'bob@x.org',
      'c@x.org',
      'd@x.org',
    ]);
  });

  it('gives the ties the m365 reader gives for the same messages', async () => {
    const m365 = await parseM365({
      messages: [
        {
          from: { emailAddress: { address: 'ana@acme.example' } },
          toRecipients: [{ emailAddress: { address: 'ben@acme.example' } }, { emailAddress: { address: 'cleo@acme.example' } }],
          ccRecipients: [{ emailAddress: { address: 'dan@acme.example' } }],
          bccRecipients: [{ emailAddress: { address: 'eve@acme.example' } }],
          sentDateTime: '2026-01-05T09:00:00Z',
        },
      ],
    });
    const google = await parseGoogleWorkspace([
      {
        id: '1',
        threadId: '1',
        internalDate: String(Date.parse('2026-01-05T09:00:00Z')),
        payload: {
          headers: [
            { name: 'From', value: 'ana@acme.example' },
            { name: 'To', value: 'ben@acme.example, cleo@acme.example' },
            { name: 'Cc', value: 'dan@acme.example' },
            { name: 'Bcc', value: 'eve@acme.example' },
          ],
        },
      },
    ]);
    expect(ties(google.graph)).toEqual(ties(m365.graph));
  });
});

describe('Google Workspace reader: Calendar', () => {
  it('applies the meeting model: accepted attendees, rooms, all-day, cancelled, series and exceptions', async () => {
    expect(await detectSource(CALENDAR)).toBe('google');
    const { graph, stats, report } = await loadGoogleWorkspace(CALENDAR, { mode: 'lenient' });
    // ana's calendar:
    // items[0] Budget review 09:00-10:00Z 01-06: organizer ana + ben (accepted); cleo declined, dan
    //   tentative, eve needsAction left out (3); the room is not a person. n = 2: ana-ben 1 h / 1 = 1.
    // items[1] Design sync, 30 min, Tuesdays 14:00Z (15:00 Paris) until 02-03: 01-06, 01-13, 01-20,
    //   01-27, 02-03; EXDATE 01-20; 01-13 moved (ben's items[1]) and 01-27 cancelled (ben's items[2]):
    //   01-06 and 02-03 remain. cleo + ben + dan: n = 3, each pair 0.5 h / 2 = 0.25.
    // items[2] all-day offsite, items[3] cancelled, items[4] out of office: no tie.
    // items[5] start "2026-01-08 lunch": dropped. items[6] 1:1 12:00-12:30Z 01-08, an attendee without
    //   email left out (altered); Eve@Acme lower-cased: ana-eve 0.5 h / 1 = 0.5.
    // ben's calendar:
    // items[0] Budget review again (same iCalUID): counted once.
    // items[1] Design sync moved to 01-14 15:00-16:00Z with eve: n = 4, each of 6 pairs 1 h / 3.
    // items[3] Stand-up 09:00-09:15Z, MO-FR, COUNT=5 from Thu 01-15: 01-15, 01-16, 01-19, 01-20, 01-21;
    //   ben-ana 0.25 h / 1 = 0.25 each.
    // items[4] Monthly review (FREQ=MONTHLY: counted once) 2 h 01-16: ben-dan 2 / 1 = 2.
    const expected = new Map<string, number>([
      ['meeting:ana>ben@01-06', 1],
      ['meeting:ana>eve@01-08', 0.5],
      ['meeting:ben>dan@01-16', 2],
    ]);
    for (const d of ['01-06', '02-03']) for (const p of ['ben>cleo', 'ben>dan', 'cleo>dan']) expected.set(`meeting:${p}@${d}`, 0.25);
    for (const p of ['ben>cleo', 'ben>dan', 'ben>eve', 'cleo>dan', 'cleo>eve', 'dan>eve']) expected.set(`meeting:${p}@01-14`, 1 / 3);
    for (const d of ['01-15', '01-16', '01-19', '01-20', '01-21']) expected.set(`meeting:ana>ben@${d}`, 0.25);
    expectTies(graph, expected);
    expect(graph.relations.map((r) => [r.name, r.directed])).toEqual([['meeting', false]]);
    expect(graph.personIds.some((p) => p.includes('resource.calendar'))).toBe(false);
    expect(stats).toEqual({
      messages: 0,
      duplicateMessages: 0,
      drafts: 0,
      broadcasts: 0,
      meetings: 6, // budget, design series, 1:1, moved instance, stand-up, monthly
      occurrences: 11, // 1 + 2 + 1 + 1 + 5 + 1
      duplicateEvents: 1,
      cancelled: 2,
      allDay: 1,
      notMeetings: 1,
      seriesCountedOnce: 1,
      seriesWithoutTimeZone: 0, // the expanded series name their timeZone
      largeMeetings: 0,
      attendeesLeftOut: 3,
      resources: 1,
    });
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsDropped, f.altered])).toEqual([
      [`${CALENDAR}#calendar`, 12, 11, 1, { E_EMPTY_ID: 1 }],
    ]);
    expect(report.issues.map((i) => [i.field, i.code, i.action])).toEqual([
      ['[0].items[5].start.dateTime', 'E_BAD_TIMESTAMP', 'dropped'],
      ['[0].items[6].attendees[1].email', 'E_EMPTY_ID', 'altered'],
    ]);
  });

  it('strict: the malformed event is one error with file, JSON path and field', async () => {
    await expect(loadGoogleWorkspace(CALENDAR)).rejects.toThrow(
      `${CALENDAR}#calendar: field "[0].items[5].start.dateTime": start: dateTime "2026-01-08 lunch" is not an RFC 3339 date-time`,
    );
    const doc = { kind: 'calendar#events', items: [{ ...goodEvent(), attendees: [{ responseStatus: 'accepted' }] }] };
    await expect(parseGoogleWorkspace(doc, { file: 'cal.json' })).rejects.toThrow(
      'cal.json#calendar: field "items[0].attendees[0].email": an attendee without an email',
    );
  });

  it('tentative attendees with includeTentative; the large-meeting cutoff', async () => {
    const doc = {
      kind: 'calendar#events',
      items: [
        {
          ...goodEvent(),
          attendees: [
            { email: 'b@x', responseStatus: 'accepted' },
            { email: 'c@x', responseStatus: 'tentative' },
          ],
        },
      ],
    };
    // 1 h; without tentative: a, b: 1 h / 1 = 1; with: a, b, c: 1 h / 2 = 0.5 per pair.
    expectTies((await parseGoogleWorkspace(doc)).graph, new Map([['meeting:a>b@03-02', 1]]));
    expectTies(
      (await parseGoogleWorkspace(doc, { includeTentative: true })).graph,
      new Map([
        ['meeting:a>b@03-02', 0.5],
        ['meeting:a>c@03-02', 0.5],
        ['meeting:b>c@03-02', 0.5],
      ]),
    );
    const large = await parseGoogleWorkspace(doc, { includeTentative: true, largeMeeting: 2 });
    expect(large.graph.tieCount).toBe(0);
    expect(large.stats.largeMeetings).toBe(1);
  });

  it('a series with a COUNT, a date-only UNTIL and a date-only EXDATE, in a zone east of UTC', async () => {
    // 08:30 in Paris (+01:00) = 07:30Z, 30 min, daily every 2 days until 01-09 (local, whole day):
    // 01-05, 01-07, 01-09; EXDATE;VALUE=DATE 01-07 leaves 01-05 and 01-09; a-b 0.5 h each.
    const ev = {
      ...goodEvent(),
      start: { dateTime: '2026-01-05T08:30:00+01:00' },
      end: { dateTime: '2026-01-05T09:00:00+01:00' },
      recurrence: ['RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20260109', 'EXDATE;VALUE=DATE:20260107'],
      attendees: [{ email: 'b@x', responseStatus: 'accepted' }],
    };
    const r = await parseGoogleWorkspace([ev]);
    expectTies(
      r.graph,
      new Map([
        ['meeting:a>b@01-05', 0.5],
        ['meeting:a>b@01-09', 0.5],
      ]),
    );
    expect(r.stats.occurrences).toBe(2);
  });

  it('a series without end counts once, as in the m365 reader', async () => {
    const r = await parseGoogleWorkspace([
      { ...goodEvent(), recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO'], attendees: [{ email: 'b@x', responseStatus: 'accepted' }] },
    ]);
    expect(r.stats).toMatchObject({ occurrences: 1, seriesCountedOnce: 1 });
    expectTies(r.graph, new Map([['meeting:a>b@03-02', 1]]));
  });
});

describe('Google Workspace reader: JSON lines and detection', () => {
  it('reads one item per line; a line that is not JSON or not a Google item is dropped with its line', async () => {
    expect(await detectSource(LINES)).toBe('google');
    const { graph, report, stats } = await loadGoogleWorkspace(LINES, { mode: 'lenient' });
    // lines 1, 2: two instances of a weekly 1:1 (singleEvents=true: no master), 45 min, eve + ana
    //   (dan declined): 0.75 h / 1 = 0.75 each. line 3: cut JSON; line 4: dan -> eve 01-20 08:15Z;
    //   line 5 blank; line 6: a Drive file.
    expectTies(
      graph,
      new Map([
        ['email:dan>eve@01-20', 1],
        ['meeting:ana>eve@01-19', 0.75],
        ['meeting:ana>eve@01-26', 0.75],
      ]),
    );
    expect(stats).toMatchObject({ messages: 1, meetings: 2, occurrences: 2, attendeesLeftOut: 2 });
    expect(report.files.map((f) => [f.file.split('#')[1], f.rowsRead, f.rowsKept, f.rowsDropped])).toEqual([
      ['other', 2, 0, 2], // reports in order of first use: the cut line is found while splitting lines
      ['calendar', 2, 2, 0],
      ['gmail', 1, 1, 0],
    ]);
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'E_JSON_SYNTAX'],
      [6, 'E_BAD_VALUE'],
    ]);
    await expect(loadGoogleWorkspace(LINES)).rejects.toThrow(`${LINES}#other:3: not valid JSON`);
  });

  it('loadSource reads --from google; m365 and orgraph JSON are still told apart', async () => {
    const r = await loadSource(CALENDAR, 'google', { mode: 'lenient' });
    expect(r.format).toBe('google');
    // 3 single ties (ana-ben, ana-eve, ben-dan) + 6 design sync + 6 moved instance + 5 stand-up.
    expect(r.graph.tieCount).toBe(20);
    expect(await detectSource('test/fixtures/sources/m365.json')).toBe('m365');
    expect(await detectSource('test/fixtures/sources/teams-chat.json')).toBe('m365');
  });

  it('a document of another shape is refused as a whole', async () => {
    await expect(parseGoogleWorkspace({ people: [] }, { file: 'x.json' })).rejects.toThrow('expected a Calendar events list');
    await expect(parseGoogleWorkspace(42, { file: 'x.json' })).rejects.toThrow('expected a Calendar events list');
  });
});

function goodEvent(): Record<string, unknown> {
  return {
    kind: 'calendar#event',
    id: 'e1',
    status: 'confirmed',
    organizer: { email: 'a@x' },
    start: { dateTime: '2026-03-02T10:00:00Z' },
    end: { dateTime: '2026-03-02T11:00:00Z' },
  };
}

/**
 * Microsoft 365 reader on a file written for the tests (test/fixtures/sources/m365.json): e-mail
 * with Cc and Bcc, a self-addressed copy and a broadcast; a meeting with declined, tentative and
 * unanswered attendees; a weekly recurring series given as its master only; a daily series given
 * with its occurrences; a Teams call record (participants_v2). Expected ties derived by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadM365, parseM365 } from '../../../src/ingest/sources/m365.js';
import { detectSource } from '../../../src/ingest/sources/detect.js';
import type { OrgGraph } from '../../../src/model/org-graph.js';

const FILE = 'test/fixtures/sources/m365.json';

function ties(g: OrgGraph): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of g.ties())
    m.set(`${t.relation}:${t.source.split('@')[0]}>${t.target.split('@')[0]}@${new Date(t.time!).toISOString().slice(5, 10)}`, t.weight);
  return m;
}

describe('Microsoft 365 reader', () => {
  it('applies the interaction model to e-mail, meetings and calls', async () => {
    expect(await detectSource(FILE)).toBe('m365');
    const { graph, stats, report } = await loadM365(FILE, { broadcastCutoff: 2 });
    // messages[0] ana -> ben (To), cleo (Cc); Bcc dan never read.
    // messages[1] Ben@Acme (lower-cased) -> ana; ben in his own To is skipped.
    // messages[2] ceo -> 3 recipients > cutoff 2: broadcast, no tie (ceo is still a person).
    // events[0] 1 h: organizer ana + ben (accepted); cleo declined, dan tentative, eve no answer:
    //   n = 2, pair ana-ben 1 h / (2 - 1) = 1.
    // events[1] weekly master, Tuesdays Jan 6 to Jan 20 = 3 occurrences, 30 min, cleo + ben + dan:
    //   n = 3, each pair 0.5 h / 2 = 0.25 per occurrence.
    // events[2] daily master with no end, but its occurrences [3], [4] are in the file: the master
    //   adds nothing; each occurrence eve + ana 0.5 h / 1 = 0.5.
    // callRecords[0] 20 min, aad-ana + aad-ben: 1/3 h.
    const expected = new Map<string, number>([
      ['email:ana>ben@01-05', 1],
      ['email:ana>cleo@01-05', 1],
      ['email:ben>ana@01-05', 1],
      ['meeting:ana>ben@01-06', 1],
    ]);
    for (const d of ['01-06', '01-13', '01-20'])
      for (const p of ['ben>cleo', 'ben>dan', 'cleo>dan']) expected.set(`meeting:${p}@${d}`, 0.25);
    expected.set('meeting:ana>eve@01-07', 0.5);
    expected.set('meeting:ana>eve@01-08', 0.5);
    expected.set('call:aad-ana>aad-ben@01-09', 1 / 3);
    const got = ties(graph);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, v] of expected) expect(got.get(k)).toBeCloseTo(v, 12);
    expect(graph.relations.map((r) => [r.name, r.directed])).toEqual([
      ['email', true],
      ['meeting', false],
      ['call', false],
    ]);
    expect(graph.personIds).toContain('ceo@acme.example');
    expect(stats).toEqual({
      messages: 3,
      broadcasts: 1,
      meetings: 5,
      occurrences: 6,
      largeMeetings: 0,
      attendeesLeftOut: 3,
      seriesCountedOnce: 0, // S2 has no end, but its occurrences are in the file
      seriesWithoutTimeZone: 1, // events[1] names no recurrenceTimeZone or originalStartTimeZone: expanded in UTC
      calls: 1,
      legacyCallFields: 0,
      chatMessages: 0,
      channelPosts: 0,
      chatMessagesWithoutTie: 0,
    });
    expect(report.files.map((f) => [f.file.split('#')[1], f.rowsRead, f.rowsKept])).toEqual([
      ['messages', 3, 3],
      ['events', 5, 5],
      ['callRecords', 1, 1],
    ]);
  });

  it('a meeting above the large-meeting cutoff makes no tie', async () => {
    const { graph, stats } = await loadM365(FILE, { broadcastCutoff: 2, largeMeeting: 2 });
    expect([...graph.ties()].filter((t) => t.relation === 'meeting' && t.source.startsWith('ben'))).toHaveLength(0);
    expect(stats.largeMeetings).toBe(3);
  });

  it('bad items: strict names the JSON path; lenient accounts for every item', async () => {
    const doc = {
      messages: [
        { sentDateTime: '2026-01-05T09:00:00Z', toRecipients: [] },
        { from: { emailAddress: { address: 'a@x' } }, sentDateTime: 'monday', toRecipients: [] },
      ],
      callRecords: [
        {
          startDateTime: '2026-01-09T16:00:00Z',
          endDateTime: '2026-01-09T17:00:00Z',
          organizer: { user: { id: 'u1' } },
          participants: [{ user: { id: 'u1' } }, { user: { id: 'u2' } }],
        },
      ],
    };
    await expect(parseM365(doc)).rejects.toThrow('m365.json#messages: field "messages[0].from": no sender address');
    const { report, graph, stats } = await parseM365(doc, { mode: 'lenient' });
    expect(report.files.map((f) => [f.rowsRead, f.rowsKept, f.rowsDropped])).toEqual([
      [2, 0, 2],
      [1, 1, 0],
    ]);
    expect(report.issues.map((i) => [i.field, i.code])).toEqual([
      ['messages[0].from', 'E_EMPTY_ID'],
      ['messages[1].sentDateTime', 'E_BAD_TIMESTAMP'],
      ['callRecords[0].participants_v2', 'E_BAD_VALUE'],
    ]);
    // The legacy call is still read (with the warning): u1 - u2, 1 h.
    expect(stats.legacyCallFields).toBe(1);
    expect([...graph.ties()].map((t) => [t.source, t.target, t.weight])).toEqual([['u1', 'u2', 1]]);
  });
});

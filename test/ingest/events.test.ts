/**
 * Event-log aggregation. A hand-made log (fixtures/events-small.csv) with weights derived by hand
 * in the comments, and a 2,000-row slice of a real e-mail log checked against a count made here by
 * a different method (string splitting into a string-keyed object).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateEvents, loadEvents, parseEventsCsv } from '../../src/ingest/index.js';
import type { OrgGraph } from '../../src/model/org-graph.js';
import { OrgraphError } from '../../src/model/errors.js';

const SMALL = 'test/ingest/fixtures/events-small.csv';
const MANUFACTURING = 'test/fixtures/events/manufacturing-email-head.csv';

/** "relation:source>target" -> weight */
function tieMap(g: OrgGraph): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of g.ties()) m.set(`${t.relation}:${t.source}>${t.target}`, t.weight);
  return m;
}

// events-small.csv (line: sender -> recipients, time, channel, duration):
//  2 E1 a -> b               Jan 1 09:00  email
//  3 E2 a -> b;c;d           Jan 1 10:00  meeting  60
//  4 E3 b -> a               Jan 2 09:00  email
//  5 E4 a -> b|c             Jan 3 09:00  meeting  30
//  6 E5 a -> b;a;b           Jan 4 09:00  email          (a is the sender: skipped; b repeated: once) -> k = 1
//  7 E6 c -> d               Feb 1 09:00  chat
//  8 E7 a -> b;c;d;e         Jan 5 09:00  meeting  90
describe('aggregation rules on a hand-made log', () => {
  it("'full': 1 per event per pair; relation = channel", async () => {
    const { graph, report } = await loadEvents(SMALL);
    // email a>b: E1 + E5 = 2; email b>a: E3 = 1; meeting a>b: E2 E4 E7 = 3; a>c: 3; a>d: E2 E7 = 2;
    // a>e: E7 = 1; chat c>d: 1.
    expect(tieMap(graph)).toEqual(
      new Map([
        ['email:a>b', 2],
        ['meeting:a>b', 3],
        ['meeting:a>c', 3],
        ['meeting:a>d', 2],
        ['email:b>a', 1],
        ['chat:c>d', 1],
        ['meeting:a>e', 1],
      ]),
    );
    expect(graph.relations.map((r) => [r.name, r.directed])).toEqual([
      ['email', true],
      ['meeting', true],
      ['chat', true],
    ]);
    expect(graph.personIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(report.events).toMatchObject({ events: 7, eventsUsed: 7, selfRecipients: 1, repeatedRecipients: 1, pairs: 7, ties: 7 });
    expect(report.files[0]).toMatchObject({ rowsRead: 7, rowsKept: 7, rowsDropped: 0 });
  });

  it("'split': 1/k per pair, so a 4-person meeting counts 1/4 of a 1:1", async () => {
    const { graph } = await loadEvents(SMALL, { groupWeighting: 'split' });
    const m = tieMap(graph);
    // meeting a>b = 1/3 (E2) + 1/2 (E4) + 1/4 (E7) = 13/12; a>c the same; a>d = 1/3 + 1/4 = 7/12; a>e = 1/4.
    expect(m.get('meeting:a>b')).toBeCloseTo(13 / 12, 12);
    expect(m.get('meeting:a>c')).toBeCloseTo(13 / 12, 12);
    expect(m.get('meeting:a>d')).toBeCloseTo(7 / 12, 12);
    expect(m.get('meeting:a>e')).toBeCloseTo(1 / 4, 12);
    // E5 has k = 1 once the sender and the repeat are removed.
    expect(m.get('email:a>b')).toBe(2);
  });

  it("'duration': the event's duration per pair; rows without one are errors", async () => {
    await expect(loadEvents(SMALL, { groupWeighting: 'duration' })).rejects.toMatchObject({
      code: 'E_BAD_VALUE',
      line: 2,
      field: 'duration',
    });
    const { graph, report } = await loadEvents(SMALL, { groupWeighting: 'duration', mode: 'lenient' });
    // Kept: E2 (60), E4 (30), E7 (90). a>b = a>c = 180, a>d = 150, a>e = 90.
    expect(tieMap(graph)).toEqual(
      new Map([
        ['meeting:a>b', 180],
        ['meeting:a>c', 180],
        ['meeting:a>d', 150],
        ['meeting:a>e', 90],
      ]),
    );
    expect(report.files[0]).toMatchObject({ rowsRead: 7, rowsKept: 3, rowsDropped: 4, dropped: { E_BAD_VALUE: 4 } });
  });

  it('maxRecipients leaves out larger events and counts them', async () => {
    const { graph, report } = await loadEvents(SMALL, { maxRecipients: 3 });
    // E7 (4 recipients) out: meeting a>b = 2, a>c = 2, a>d = 1; e never appears.
    const m = tieMap(graph);
    expect([m.get('meeting:a>b'), m.get('meeting:a>c'), m.get('meeting:a>d'), m.has('meeting:a>e')]).toEqual([2, 2, 1, false]);
    expect(graph.has('e')).toBe(false);
    expect(report.events).toMatchObject({ eventsTooManyRecipients: 1, eventsUsed: 6 });
  });

  it('minInteractions keeps pairs with enough events and counts the rest', async () => {
    const { graph, report } = await loadEvents(SMALL, { minInteractions: 2, relation: 'all' });
    // One relation. Events per pair: a>b E1 E2 E4 E5 E7 = 5; a>c E2 E4 E7 = 3; a>d E2 E7 = 2;
    // a>e 1, b>a 1, c>d 1 (below 2).
    expect(tieMap(graph)).toEqual(
      new Map([
        ['all:a>b', 5],
        ['all:a>c', 3],
        ['all:a>d', 2],
      ]),
    );
    expect(report.events).toMatchObject({ pairs: 6, pairsBelowMinimum: 3, interactionsBelowMinimum: 3, ties: 3 });
  });

  it('window [from, to): from inclusive, to exclusive', async () => {
    const { graph, report } = await loadEvents(SMALL, { from: '2024-01-02', to: '2024-01-05T09:00:00Z' });
    // In: E3 (Jan 2), E4 (Jan 3), E5 (Jan 4). E7 is exactly at `to`: out.
    expect(tieMap(graph)).toEqual(
      new Map([
        ['email:b>a', 1],
        ['meeting:a>b', 1],
        ['meeting:a>c', 1],
        ['email:a>b', 1],
      ]),
    );
    expect(report.events).toMatchObject({ eventsOutsideWindow: 4, eventsUsed: 3 });
    // Epoch bounds work the same: 2024-01-02T00:00Z = 1704153600000 (Python datetime).
    const epoch = await loadEvents(SMALL, { from: 1704153600000, to: Date.UTC(2024, 0, 5, 9) });
    expect(tieMap(epoch.graph)).toEqual(tieMap(graph));
  });

  it('channelRelations maps channels; unmapped channels keep their name', async () => {
    const { graph } = await loadEvents(SMALL, { channelRelations: { meeting: 'meetings', chat: 'email' } });
    expect(graph.relations.map((r) => r.name)).toEqual(['email', 'meetings']);
    expect(tieMap(graph).get('email:c>d')).toBe(1);
  });

  it('mergeRows joins consecutive rows of one sender and time into one event', async () => {
    const text = 'from,to,timestamp\na,b,1000\na,c,1000\na,d,1000\nb,a,2000\na,b,3000\n';
    const { graph, report } = await parseEventsCsv(text, { mergeRows: true, groupWeighting: 'split' });
    // Event 1: a -> b,c,d (1/3 each); event 2: b -> a (1); event 3: a -> b (1). a>b = 4/3.
    const m = tieMap(graph);
    expect(m.get('interaction:a>b')).toBeCloseTo(4 / 3, 12);
    expect(m.get('interaction:a>c')).toBeCloseTo(1 / 3, 12);
    expect(m.get('interaction:b>a')).toBe(1);
    expect(report.events!.events).toBe(3);
    expect(report.files[0].rowsRead).toBe(5);
  });

  it('bad rows: strict stops at the first; lenient drops and counts', async () => {
    const text = 'sender,recipients,time\na,b,2024-01-01\n,b,2024-01-01\na,,2024-01-01\na,b,someday\na,c,2024-01-02\n';
    await expect(parseEventsCsv(text)).rejects.toMatchObject({ code: 'E_EMPTY_ID', file: 'events.csv', line: 3, field: 'sender' });
    const { graph, report } = await parseEventsCsv(text, { mode: 'lenient' });
    expect(report.files[0]).toMatchObject({ rowsRead: 5, rowsKept: 2, rowsDropped: 3, dropped: { E_EMPTY_ID: 2, E_BAD_TIMESTAMP: 1 } });
    expect(graph.tieCount).toBe(2);
  });

  it('structural problems: missing column, wrong delimiter, window without a time column', async () => {
    await expect(parseEventsCsv('sender,when\na,1\n')).rejects.toMatchObject({ code: 'E_MISSING_COLUMN', field: 'recipients' });
    await expect(parseEventsCsv('Sender;Recipient;EventDate\n1;2;2010-01-01\n')).rejects.toThrow(/use --delimiter ';'/);
    await expect(parseEventsCsv('sender,recipients\na,b\n', { from: 0 })).rejects.toMatchObject({
      code: 'E_MISSING_COLUMN',
      field: 'time',
    });
    await expect(parseEventsCsv('sender,recipients\na,b\n', { minInteractions: 0 })).rejects.toMatchObject({ code: 'E_BAD_OPTION' });
    await expect(parseEventsCsv('sender,recipients\na,b\n', { from: 5, to: 5 })).rejects.toBeInstanceOf(OrgraphError);
  });

  it('aggregateEvents on in-memory events follows the same rules', () => {
    const { graph, report } = aggregateEvents(
      [
        { sender: 'a', recipients: ['b', 'c'] },
        { sender: 'a', recipients: ['b'] },
        { sender: 'b', recipients: ['a', 'c', 'd', 'e'] },
      ],
      { groupWeighting: 'split', maxRecipients: 3 },
    );
    // a>b = 1/2 + 1 = 3/2, a>c = 1/2; b's event has 4 recipients > 3: out.
    expect(tieMap(graph)).toEqual(
      new Map([
        ['interaction:a>b', 1.5],
        ['interaction:a>c', 0.5],
      ]),
    );
    expect(report.events).toMatchObject({ eventsTooManyRecipients: 1 });
  });
});

describe('a real e-mail log slice (manufacturing company, first 2,000 rows)', () => {
  // Independent count: split the text by hand, count rows per "sender>recipient" in a plain object.
  const rows = readFileSync(MANUFACTURING, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(';'));
  const counts: Record<string, number> = {};
  let selfRows = 0;
  for (const [s, r] of rows) {
    if (s === r) {
      selfRows++;
      continue;
    }
    counts[`${s}>${r}`] = (counts[`${s}>${r}`] ?? 0) + 1;
  }

  it('has 2,000 rows', () => {
    expect(rows).toHaveLength(2000);
  });

  it("'full' weights equal the number of e-mails per ordered pair", async () => {
    const { graph, report } = await loadEvents(MANUFACTURING, { delimiter: ';', relation: 'email' });
    const got: Record<string, number> = {};
    for (const t of graph.ties()) got[`${t.source}>${t.target}`] = t.weight;
    expect(got).toEqual(counts);
    expect(report.events!.selfRecipients).toBe(selfRows);
    expect(report.files[0]).toMatchObject({ rowsRead: 2000, rowsKept: 2000, ignoredColumns: [] });
  });

  it("mergeRows + 'split': an e-mail to k people gives each 1/k", async () => {
    // Independent: walk the rows, grouping consecutive rows with equal sender and timestamp text.
    const expected: Record<string, number> = {};
    let i = 0;
    while (i < rows.length) {
      let j = i;
      while (j < rows.length && rows[j][0] === rows[i][0] && rows[j][2] === rows[i][2]) j++;
      const recipients = [...new Set(rows.slice(i, j).map((x) => x[1]))].filter((x) => x !== rows[i][0]);
      for (const r of recipients) expected[`${rows[i][0]}>${r}`] = (expected[`${rows[i][0]}>${r}`] ?? 0) + 1 / recipients.length;
      i = j;
    }
    const { graph } = await loadEvents(MANUFACTURING, { delimiter: ';', relation: 'email', mergeRows: true, groupWeighting: 'split' });
    const got: Record<string, number> = {};
    for (const t of graph.ties()) got[`${t.source}>${t.target}`] = t.weight;
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const k of Object.keys(expected)) expect(got[k]).toBeCloseTo(expected[k], 12);
  });

  it('with the people file, every sender and recipient is a known person', async () => {
    const { graph, report } = await loadEvents(MANUFACTURING, {
      delimiter: ';',
      relation: 'email',
      people: 'test/fixtures/datasets/manufacturing-email/people.csv',
    });
    expect(graph.personCount).toBe(167);
    expect(report.issueCount).toBe(0);
    expect(graph.tieCount).toBe(Object.keys(counts).length);
  });
});

describe('event logs: every row accounted for, prototype-safe names, typed input', () => {
  it('a bad quote in an event log drops that line only; the events after it are counted', async () => {
    // Line 2 a->b; line 3 has text after a closing quote; lines 4-5 b->a, a->c.
    const text = 'sender,recipients\na,b\n"b"x,a\nb,a\na,c\n';
    const { graph, report } = await parseEventsCsv(text, { mode: 'lenient' });
    expect(report.files[0]).toMatchObject({ rowsRead: 4, rowsKept: 3, rowsDropped: 1, dropped: { E_CSV_SYNTAX: 1 } });
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([[3, 'E_CSV_SYNTAX']]);
    expect(tieMap(graph)).toEqual(
      new Map([
        ['interaction:a>b', 1],
        ['interaction:b>a', 1],
        ['interaction:a>c', 1],
      ]),
    );
  });

  it('channels named constructor, toString and __proto__ are ordinary relation names', async () => {
    const text = 'sender,recipients,channel\na,b,constructor\na,b,toString\nb,a,__proto__\n';
    const { graph } = await parseEventsCsv(text, { channelRelations: { email: 'mail' } });
    expect(graph.relations.map((r) => r.name)).toEqual(['constructor', 'toString', '__proto__']);
    expect(tieMap(graph)).toEqual(
      new Map([
        ['constructor:a>b', 1],
        ['toString:a>b', 1],
        ['__proto__:b>a', 1],
      ]),
    );
  });

  it('aggregateEvents: a string recipients field is a clear E_BAD_VALUE naming the field, not a TypeError', () => {
    const events = [{ sender: 'a', recipients: 'b' as unknown as string[] }];
    let caught: unknown = null;
    try {
      aggregateEvents(events);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OrgraphError);
    expect(caught).toMatchObject({ code: 'E_BAD_VALUE', field: 'events[0].recipients' });
    // Lenient: that event is dropped and counted; the next one is used.
    const { report, graph } = aggregateEvents([...events, { sender: 'a', recipients: ['c'] }], { mode: 'lenient' });
    expect(report.files[0]).toMatchObject({ rowsRead: 2, rowsKept: 1, rowsDropped: 1, dropped: { E_BAD_VALUE: 1 } });
    expect(graph.tieCount).toBe(1);
  });
});

/**
 * What a source's interaction model left out, as the CLI says it: `orgraph validate` lists every
 * count of the reader's stats (text and JSON), and the other commands print one note on stderr
 * when something read made no tie. Counts derived by hand from test/fixtures/sources (see the
 * readers' own tests for the derivations) and from a four-line event log written here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceAccount, sourceNote } from '../../src/cli/source-stats.js';
import { cli } from '../helpers/cli.js';

const M365 = 'test/fixtures/sources/m365.json';
const SLACK = 'test/fixtures/sources/slack-export';

const dir = mkdtempSync(join(tmpdir(), 'orgraph-source-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orgraph validate: what the model read and left out', () => {
  it('m365: every count of the reader, those that made no tie marked', async () => {
    const r = await cli(['validate', M365]);
    expect(r.code).toBe(0);
    const block = r.out.slice(r.out.indexOf('read as m365:'), r.out.indexOf('issues:'));
    // 3 messages, none to more than 25 recipients (the ceo's has 3); events[0] once, events[1] three
    // Tuesdays, events[2]'s two occurrences: 5 meetings, 6 occurrences; cleo declined, dan tentative,
    // eve did not answer (3 left out); events[1] names no time zone; one call record.
    expect(block.trimEnd().split('\n')).toEqual([
      'read as m365:',
      '  3  e-mail messages read',
      '  0  messages to more than 25 recipients: no tie',
      '  5  meetings read',
      '  6  meeting occurrences counted',
      '  0  meetings or calls with more than 10 participants: no tie',
      '  3  attendees who declined, were tentative or did not answer: no tie',
      '  0  recurring series without an end or with a rule not expanded, counted once',
      '  1  recurring series without a known time zone (occurrences after a summer-time change may be an hour off)',
      '  1  Teams call records read',
      '  0  call records read from the retired organizer / participants fields',
      '  0  Teams chat messages read',
      '  0  top-level channel posts (broadcasts): no tie',
      '  0  system, bot and deleted chat messages: no tie',
    ]);
  });

  it('--format json carries the counts with their kind; a CSV folder has none', async () => {
    const s = JSON.parse((await cli(['validate', M365, '--format', 'json'])).out) as {
      source: { format: string; counts: { key: string; count: number; kind: string }[] };
    };
    expect(s.source.format).toBe('m365');
    const byKey = new Map(s.source.counts.map((c) => [c.key, [c.count, c.kind]]));
    expect(byKey.get('attendeesLeftOut')).toEqual([3, 'left-out']);
    expect(byKey.get('seriesWithoutTimeZone')).toEqual([1, 'caveat']);
    expect(byKey.get('occurrences')).toEqual([6, 'read']);
    expect(s.source.counts).toHaveLength(13);
    const csv = JSON.parse((await cli(['validate', 'test/fixtures/datasets/freeman-eies', '--format', 'json'])).out) as { source: unknown };
    expect(csv.source).toBeNull();
  });

  it('an event log: self-addressed events are counted, not dropped silently', async () => {
    const file = join(dir, 'log.csv');
    // a -> b twice, b -> a once: 2 directed pairs, 2 ties; c -> c has no recipient once the sender is removed.
    writeFileSync(
      file,
      'sender,recipient,time\na,b,2026-01-05T09:00:00Z\na,b,2026-01-06T09:00:00Z\nb,a,2026-01-06T10:00:00Z\nc,c,2026-01-07T10:00:00Z\n',
    );
    const s = JSON.parse((await cli(['validate', file, '--from', 'events', '--format', 'json'])).out) as {
      ties: number;
      source: { counts: { key: string; count: number }[] };
    };
    const c = Object.fromEntries(s.source.counts.map((x) => [x.key, x.count]));
    expect(c).toMatchObject({ events: 4, eventsUsed: 3, eventsWithoutRecipients: 1, selfRecipients: 1, pairs: 2, ties: 2 });
    expect(s.ties).toBe(2);
  });
});

describe('the other commands: one note on stderr', () => {
  it('metrics on m365 names what made no tie and the caveat, once', async () => {
    const r = await cli(['metrics', M365, '--metrics', 'degree', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'orgraph: note: read as m365: no tie from 3 attendees who declined, were tentative or did not answer; ' +
        '1 recurring series without a known time zone (occurrences after a summer-time change may be an hour off); ' +
        '`orgraph validate` lists every count\n',
    );
  });

  it('slack: the bot and the system message; a CSV folder prints nothing', async () => {
    const r = await cli(['metrics', SLACK, '--from', 'slack', '--metrics', 'degree', '--format', 'csv']);
    expect(r.err).toBe(
      'orgraph: note: read as slack: no tie from 1 bot messages, 1 system messages (joins, topic changes, ...); `orgraph validate` lists every count\n',
    );
    const csv = await cli(['metrics', 'test/fixtures/datasets/freeman-eies', '--metrics', 'degree', '--format', 'csv']);
    expect(csv.err).toBe('');
  });
});

describe('orgraph analyze: the same counts in the report', () => {
  it('the method section and summary.json say what the model left out and what ingest dropped, in counts only', async () => {
    const out = join(dir, 'report');
    const r = await cli(['analyze', 'test/fixtures/sources/google-calendar.json', '--lenient', '--out', out]);
    expect(r.code).toBe(0);
    // Derivations in test/ingest/sources/google.test.ts: items[5] dropped (bad start), an attendee
    // without an e-mail repaired; 3 attendees left out, 1 duplicate, 2 cancelled, 1 all-day, 1 out
    // of office, 1 room; the monthly series counted once.
    const dropped = 'Reading the input dropped 1 row(s), repaired 1 and raised 2 issue(s) in all; "orgraph validate --lenient" lists them.';
    const model =
      'Input read as google: no tie from 3 attendees who declined, were tentative or did not answer, ' +
      '1 copies of an event already read from another calendar, 2 cancelled events and instances, 1 all-day events, ' +
      '1 out-of-office, focus-time and working-location entries, 1 rooms and resource calendars (never people); ' +
      '1 recurring series without an end or with a rule not expanded, counted once.';
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const method = html.slice(html.indexOf('<section id="method">'));
    expect(method).toContain(`<li>${dropped.replaceAll('"', '&quot;')}</li>`);
    expect(method).toContain(`<li>${model}</li>`);
    // The issue's own text (it may quote an id) stays on stderr.
    expect(html).not.toContain('lunch');
    expect(r.err).toContain('2026-01-08 lunch');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      input: { notes: string[]; model: { format: string; counts: { key: string; count: number }[] } };
    };
    expect(summary.input.notes).toEqual([dropped, model]);
    expect(summary.input.model.format).toBe('google');
    expect(summary.input.model.counts.find((c) => c.key === 'cancelled')?.count).toBe(2);
  });
});

describe('Viva P2P: the MetricDates an analysis sums over', () => {
  const P2P = 'test/fixtures/sources/viva-p2p-current.csv';
  const DATES =
    "MetricDates (2026-01-31 to 2026-02-28): an analysis of the whole export sums each pair's scores over them; `orgraph timeline --period date` keeps them apart";

  it('validate lists the dates; metrics says it once, and the graph does sum them', async () => {
    const r = await cli(['validate', P2P]);
    expect(r.code).toBe(0);
    const block = r.out.slice(r.out.indexOf('read as viva-p2p:'), r.out.indexOf('issues:'));
    // Row 3 (P002 -> P003, both scores 0) makes no tie; P003's Organization is Sales on 01/31 and
    // Marketing on 2/28 (the latest kept).
    expect(block.trimEnd().split('\n')).toEqual([
      'read as viva-p2p:',
      '  1  rows with neither a strong nor a diverse tie score above 0: no tie',
      "  1  attribute values that changed between a person's dates (the latest kept)",
      `  2  ${DATES}`,
    ]);
    const m = await cli(['metrics', P2P, '--metrics', 'strength', '--format', 'csv']);
    expect(m.err).toBe(
      `orgraph: note: read as viva-p2p: no tie from 1 rows with neither a strong nor a diverse tie score above 0; 2 ${DATES}; \`orgraph validate\` lists every count\n`,
    );
    // P001's strength: strong 0.82 (January) + 0.75 (February) to P002, diverse 0.41 to P003 and
    // 0.5 from P004: 2.48, both dates summed, as the note says.
    const p001 = m.out.split('\n').find((l) => l.startsWith('P001,'))!;
    expect(Number(p001.split(',')[1])).toBeCloseTo(2.48, 12);
  });

  it('one MetricDate is read, not a caveat', () => {
    const a = sourceAccount('viva-p2p', { dates: ['2026-01-31'], rowsWithoutTie: 0, attributeChanges: 0 });
    expect(a?.counts.at(-1)).toEqual({ key: 'dates', count: 1, label: 'MetricDate (2026-01-31)', kind: 'read' });
    expect(sourceNote(a)).toBeNull();
    expect(sourceAccount('viva-p2p', { dates: [], rowsWithoutTie: 0, attributeChanges: 0 })?.counts.map((c) => c.key)).toEqual([
      'rowsWithoutTie',
      'attributeChanges',
    ]);
  });
});

describe('sourceAccount', () => {
  it("keeps a reader's field the table does not know, under its own name; no note without a model", () => {
    const a = sourceAccount('m365', { messages: 2, someNewCount: 7 });
    expect(a?.counts).toEqual([
      { key: 'messages', count: 2, label: 'e-mail messages read', kind: 'read' },
      { key: 'someNewCount', count: 7, label: 'someNewCount', kind: 'read' },
    ]);
    expect(sourceNote(a)).toBeNull();
    expect(sourceAccount(undefined, undefined)).toBeNull();
    expect(sourceAccount('csv', { rows: 1 })).toBeNull();
  });
});

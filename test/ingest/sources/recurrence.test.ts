/**
 * Monthly and yearly recurring meetings, expanded by both meeting readers against python-dateutil's
 * rrule (test/fixtures/reference/recurrence/dateutil.json, made by scripts/reference/recurrence.py):
 * Google Calendar RRULEs read as they are, Microsoft Graph patterns through the RRULE that says the
 * same series in RFC 5545 terms. Each occurrence is one meeting tie on its UTC day; the counts of
 * occurrences and of series counted once are checked too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGoogleWorkspace } from '../../../src/ingest/sources/google.js';
import { parseM365 } from '../../../src/ingest/sources/m365.js';
import { expandRecurrence, type RecurrenceRule } from '../../../src/ingest/sources/meetings.js';
import type { OrgGraph } from '../../../src/model/org-graph.js';

interface Reference {
  tool: string;
  version: string;
  rrule: { name: string; rrule: string; dtstart: string; occurrences: string[] }[];
  graph: { name: string; pattern: Record<string, unknown>; range: Record<string, unknown>; start: string; occurrences: string[] }[];
}

const REF = JSON.parse(readFileSync('test/fixtures/reference/recurrence/dateutil.json', 'utf8')) as Reference;
const HALF_HOUR = 30 * 60 * 1000;

/** The tie days (UTC, YYYY-MM-DD) of a graph, each with its weight. */
function tieDays(g: OrgGraph): Map<string, number> {
  const days = new Map<string, number>();
  for (const t of g.ties()) {
    const day = new Date(t.time!).toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + t.weight);
  }
  return days;
}

/** What the reference says: a 30-minute meeting of two people on each occurrence's UTC day. */
function expectedDays(occurrences: readonly string[]): Map<string, number> {
  return new Map(occurrences.map((o) => [o.slice(0, 10), 0.5]));
}

/** A Graph series master of a and b, half an hour from `start` (epoch ms, UTC), read by the m365 reader. */
function m365Series(start: number, pattern: unknown, range: unknown) {
  const at = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
  return parseM365({
    events: [
      {
        id: 'S',
        type: 'seriesMaster',
        start: at(start),
        end: at(start + HALF_HOUR),
        organizer: { emailAddress: { address: 'a@x' } },
        attendees: [{ status: { response: 'accepted' }, emailAddress: { address: 'b@x' } }],
        recurrence: { pattern, range },
      },
    ],
  });
}

describe('monthly and yearly series against python-dateutil', () => {
  it('names its tool and has cases of both kinds', () => {
    expect(REF.tool).toBe('python-dateutil');
    expect(REF.version).toMatch(/^\d+\.\d+/);
    expect(REF.rrule.length).toBeGreaterThanOrEqual(15);
    expect(REF.graph.length).toBeGreaterThanOrEqual(7);
  });

  for (const c of REF.rrule)
    it(`Google Calendar RRULE: ${c.name} (${c.rrule})`, async () => {
      // The end half an hour later on the start's own wall clock and offset, as the Calendar API writes it.
      const wall = Date.parse(`${c.dtstart.slice(0, 19)}Z`) + HALF_HOUR;
      const end = `${new Date(wall).toISOString().slice(0, 19)}${c.dtstart.slice(19)}`;
      const r = await parseGoogleWorkspace([
        {
          kind: 'calendar#event',
          id: 'series',
          status: 'confirmed',
          organizer: { email: 'a@x' },
          attendees: [{ email: 'b@x', responseStatus: 'accepted' }],
          start: { dateTime: c.dtstart },
          end: { dateTime: end },
          recurrence: [`RRULE:${c.rrule}`],
        },
      ]);
      expect(r.stats.seriesCountedOnce).toBe(0);
      expect(r.stats.occurrences).toBe(c.occurrences.length);
      expect(tieDays(r.graph)).toEqual(expectedDays(c.occurrences));
    });

  for (const c of REF.graph)
    it(`Microsoft Graph pattern: ${c.name}`, async () => {
      const r = await m365Series(Date.parse(c.start), c.pattern, c.range);
      expect(r.stats.seriesCountedOnce).toBe(0);
      expect(r.stats.occurrences).toBe(c.occurrences.length);
      expect(tieDays(r.graph)).toEqual(expectedDays(c.occurrences));
    });
});

describe('series that count once, and the expansion itself', () => {
  it('RRULE parts the expansion does not cover, and monthly / yearly series without end, count once', async () => {
    const event = (rule: string) => ({
      kind: 'calendar#event',
      id: rule,
      status: 'confirmed',
      organizer: { email: 'a@x' },
      attendees: [{ email: 'b@x', responseStatus: 'accepted' }],
      start: { dateTime: '2026-01-05T10:00:00Z' },
      end: { dateTime: '2026-01-05T11:00:00Z' },
      recurrence: [`RRULE:${rule}`],
    });
    const rules = [
      'FREQ=MONTHLY;BYDAY=1MO', // no end
      'FREQ=YEARLY;BYYEARDAY=100;COUNT=3', // a part not covered
      'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3',
      'FREQ=YEARLY;BYDAY=20MO;COUNT=3', // a rank over the whole year
      'FREQ=MONTHLY;BYHOUR=9,15;COUNT=3', // several times a day
      'FREQ=MONTHLY;BYMONTHDAY=32;COUNT=3', // out of range
      'FREQ=HOURLY;COUNT=3',
      'FREQ=WEEKLY;BYDAY=XX;COUNT=3', // no such day
    ];
    const r = await parseGoogleWorkspace(rules.map(event));
    expect(r.stats.seriesCountedOnce).toBe(rules.length);
    expect(r.stats.occurrences).toBe(rules.length);
    const jan5 = Date.UTC(2026, 0, 5, 10);
    const m = await m365Series(jan5, { type: 'absoluteMonthly', interval: 1, dayOfMonth: 5 }, { type: 'noEnd', startDate: '2026-01-05' });
    expect(m.stats).toMatchObject({ seriesCountedOnce: 1, occurrences: 1 });
    // A day name Graph does not have: counted once, not an endless search for it.
    const bad = await m365Series(
      jan5,
      { type: 'weekly', interval: 1, daysOfWeek: ['mondayy'] },
      { type: 'numbered', numberOfOccurrences: 3 },
    );
    expect(bad.stats).toMatchObject({ seriesCountedOnce: 1, occurrences: 1 });
  });

  it('by hand: the 31st with both conventions, a rule that never matches stops, and the cap of 1,000', () => {
    const base: RecurrenceRule = {
      freq: 'monthly',
      interval: 1,
      weekdays: new Set(),
      weekStartsOn: 1,
      until: NaN,
      count: 4,
      monthDays: [31],
    };
    const start = Date.UTC(2026, 0, 31, 10);
    const days = (ts: number[]) => ts.map((t) => new Date(t).toISOString().slice(0, 10));
    // iCalendar: months without a 31st are skipped; Exchange: the last day of the month.
    expect(days(expandRecurrence(base, start))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
    expect(days(expandRecurrence({ ...base, pastMonthEnd: 'last' }, start))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    // 30 February never comes: the scan stops (4,000 years at most) with nothing.
    expect(expandRecurrence({ ...base, freq: 'yearly', months: [2], monthDays: [30] }, start)).toEqual([]);
    // Every day of every month for ever, counted: capped at MAX_OCCURRENCES.
    const every = expandRecurrence({ ...base, count: 5000, monthDays: Array.from({ length: 31 }, (_, i) => i + 1) }, start);
    expect(every.length).toBe(1000);
    expect(every[1] - every[0]).toBe(86400000);
    // A weekly rule whose days are not days of the week runs on the start's day (and ends).
    expect(days(expandRecurrence({ ...base, freq: 'weekly', weekdays: new Set([-1, 9]), count: 2 }, start))).toEqual([
      '2026-01-31',
      '2026-02-07',
    ]);
    // The start's time of day is kept, in the series' offset (UTC+5:30: 10:00 local is 04:30Z).
    const ist = 5.5 * 3600000;
    const t = expandRecurrence({ ...base, count: 2, monthDays: [15] }, Date.UTC(2026, 0, 15, 4, 30), ist);
    expect(t.map((x) => new Date(x).toISOString())).toEqual(['2026-01-15T04:30:00.000Z', '2026-02-15T04:30:00.000Z']);
  });
});

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
import { zoneClock } from '../../../src/ingest/sources/zones.js';
import type { OrgGraph } from '../../../src/model/org-graph.js';

interface Reference {
  tool: string;
  version: string;
  zoneinfo: string;
  rrule: { name: string; rrule: string; dtstart: string; occurrences: string[] }[];
  graph: { name: string; pattern: Record<string, unknown>; range: Record<string, unknown>; start: string; occurrences: string[] }[];
  zoned: { name: string; rrule: string; local: string; zone: string; exdates: string[]; occurrences: string[] }[];
  zonedGraph: {
    name: string;
    pattern: Record<string, unknown>;
    range: Record<string, unknown>;
    local: string;
    zone: string;
    start: string;
    occurrences: string[];
  }[];
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
function m365Series(start: number, pattern: unknown, range: unknown, extra: Record<string, unknown> = {}) {
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
        ...extra,
      },
    ],
  });
}

/** A confirmed Calendar event of a (organizer) and b (accepted), with the given id, start, end and other fields. */
function calendarEvent(id: string, start: unknown, end: unknown, fields: Record<string, unknown> = {}) {
  return {
    kind: 'calendar#event',
    id,
    status: 'confirmed',
    organizer: { email: 'a@x' },
    attendees: [{ email: 'b@x', responseStatus: 'accepted' }],
    start,
    end,
    ...fields,
  };
}

/** A local wall time ('2026-03-10T01:30:00') as the Calendar API writes it at instant `at`: with its UTC offset. */
function withOffset(local: string, at: string): string {
  const minutes = (Date.parse(`${local}Z`) - Date.parse(at)) / 60000;
  const hhmm = `${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  return `${local}${minutes < 0 ? '-' : '+'}${hhmm}`;
}

/** A Google Calendar series of a and b, half an hour from `local` on `zone`'s clock (the first occurrence `at`). */
function googleSeries(local: string, at: string, zone: string | undefined, recurrence: string[], extra: unknown[] = []) {
  const end = new Date(Date.parse(`${local}Z`) + HALF_HOUR).toISOString().slice(0, 19);
  const endAt = new Date(Date.parse(at) + HALF_HOUR).toISOString();
  const time = (l: string, t: string) =>
    zone === undefined ? { dateTime: withOffset(l, t) } : { dateTime: withOffset(l, t), timeZone: zone };
  return parseGoogleWorkspace([calendarEvent('series', time(local, at), time(end, endAt), { recurrence }), ...extra]);
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
        calendarEvent('series', { dateTime: c.dtstart }, { dateTime: end }, { recurrence: [`RRULE:${c.rrule}`] }),
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

describe("series on a time zone's wall clock, across summer time, against python-dateutil", () => {
  it('names the time-zone data and has cases of both kinds', () => {
    expect(REF.zoneinfo).toMatch(/^(tzdata|system) /);
    expect(REF.zoned.length).toBeGreaterThanOrEqual(9);
    expect(REF.zonedGraph.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of REF.zoned)
    it(`Google Calendar RRULE on ${c.zone}: ${c.name}`, async () => {
      const exdates = c.exdates.map((x) => `EXDATE;TZID=${c.zone}:${x.replace(/[-:]/g, '')}`);
      const r = await googleSeries(c.local, c.occurrences[0], c.zone, [`RRULE:${c.rrule}`, ...exdates]);
      expect(r.stats).toMatchObject({ seriesCountedOnce: 0, seriesWithoutTimeZone: 0, occurrences: c.occurrences.length });
      expect(tieDays(r.graph)).toEqual(expectedDays(c.occurrences));
    });

  for (const c of REF.zonedGraph)
    it(`Microsoft Graph pattern: ${c.name}`, async () => {
      const r = await m365Series(Date.parse(c.start), c.pattern, c.range);
      expect(r.stats).toMatchObject({ seriesCountedOnce: 0, seriesWithoutTimeZone: 0, occurrences: c.occurrences.length });
      expect(tieDays(r.graph)).toEqual(expectedDays(c.occurrences));
      // The event's originalStartTimeZone says the same when the range names no zone.
      const { recurrenceTimeZone, ...range } = c.range;
      const o = await m365Series(Date.parse(c.start), c.pattern, range, { originalStartTimeZone: recurrenceTimeZone });
      expect(tieDays(o.graph)).toEqual(expectedDays(c.occurrences));
    });

  it('gives the exact instants for rules built by hand (gap, fold, weekdays, month days)', () => {
    const byName = new Map([...REF.zoned, ...REF.zonedGraph].map((c) => [c.name, c]));
    const rule = (r: Partial<RecurrenceRule>): RecurrenceRule => ({
      freq: 'weekly',
      interval: 1,
      weekdays: new Set(),
      weekStartsOn: 1,
      until: NaN,
      count: NaN,
      ...r,
    });
    const cases: [string, RecurrenceRule][] = [
      ['weekly Tuesday 01:30 Berlin across the spring change', rule({ count: 6 })],
      ['daily 02:30 Berlin through the skipped hour (read with the winter offset)', rule({ freq: 'daily', count: 5 })],
      ['daily 02:30 Berlin through the repeated hour (its first occurrence)', rule({ freq: 'daily', count: 5 })],
      ['monthly on the 15th at 16:30 Los Angeles for a year', rule({ freq: 'monthly', count: 12 })],
      ['monthly second Tuesday 01:30 Paris for a year', rule({ freq: 'monthly', count: 12, monthWeekdays: [{ day: 2, nth: 2 }] })],
      ['yearly 31 March 00:30 London (a Sunday in 2030, before the change)', rule({ freq: 'yearly', count: 6 })],
      ['weekdays 00:30 New York across the November change', rule({ count: 8, weekdays: new Set([1, 2, 3, 4, 5]) })],
      ['weekly on Monday, AUS Eastern Standard Time (a Windows name)', rule({ count: 6, weekdays: new Set([1]) })],
    ];
    for (const [name, r] of cases) {
      const c = byName.get(name)!;
      const got = expandRecurrence(r, Date.parse(c.occurrences[0]), zoneClock(c.zone)!);
      expect(
        got.map((t) => new Date(t).toISOString().replace('.000', '')),
        name,
      ).toEqual(c.occurrences);
    }
  });

  it('matches moved and cancelled instances after the change, which a fixed offset misses', async () => {
    const c = REF.zoned.find((x) => x.name === 'weekly Tuesday 01:30 Berlin across the spring change')!;
    const berlin = (dateTime: string) => ({ dateTime, timeZone: 'Europe/Berlin' });
    const instance = (original: string, status: string, start = original) =>
      calendarEvent(`series_${original}`, berlin(start), berlin(start.replace('01:30', '02:00').replace('10:00', '10:30')), {
        recurringEventId: 'series',
        status,
        originalStartTime: berlin(original),
      });
    // 7 April (summer time) cancelled; 14 April moved to 10:00 on 15 April.
    const extra = [
      instance('2026-04-07T01:30:00+02:00', 'cancelled'),
      instance('2026-04-14T01:30:00+02:00', 'confirmed', '2026-04-15T10:00:00+02:00'),
    ];
    const r = await googleSeries(c.local, c.occurrences[0], c.zone, [`RRULE:${c.rrule}`], extra);
    const expected = expectedDays(c.occurrences.filter((o) => o !== '2026-04-06T23:30:00Z' && o !== '2026-04-13T23:30:00Z'));
    expected.set('2026-04-15', 0.5);
    expect(r.stats).toMatchObject({ cancelled: 1, occurrences: 5, seriesWithoutTimeZone: 0 });
    expect(tieDays(r.graph)).toEqual(expected);
    // Without its timeZone the series keeps its first offset (+01:00): counted, and the summer
    // instances no longer line up with the moved and cancelled ones.
    const fixed = await googleSeries(c.local, c.occurrences[0], undefined, [`RRULE:${c.rrule}`], extra);
    expect(fixed.stats).toMatchObject({ seriesWithoutTimeZone: 1, occurrences: 7 });
  });

  it('reads a local dateTime on its timeZone, counts series without a known zone, and expands them at one offset', async () => {
    const at = (dateTime: string, timeZone: string) => ({ dateTime, timeZone });
    const local = await parseGoogleWorkspace([
      calendarEvent('one', at('2026-07-01T01:30:00', 'Europe/Berlin'), at('2026-07-01T02:30:00', 'Europe/Berlin')),
    ]);
    // 01:30 summer time is 23:30 UTC the day before.
    expect(tieDays(local.graph)).toEqual(new Map([['2026-06-30', 1]]));
    // A local dateTime on a zone nobody knows cannot be placed in time: an error naming the field.
    const unknown = parseGoogleWorkspace([
      calendarEvent('bad', at('2026-07-01T01:30:00', 'Mars/Olympus'), at('2026-07-01T02:30:00', 'Mars/Olympus')),
    ]);
    await expect(unknown).rejects.toThrow(
      'field "[0].start.dateTime": start: dateTime "2026-07-01T01:30:00" has no UTC offset and its timeZone "Mars/Olympus" is not a known time zone',
    );
    // Graph: a custom zone Graph cannot name, and no zone at all: expanded in UTC, and counted.
    const weekly = { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday' };
    const range = { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 3 };
    const start = Date.UTC(2026, 2, 10, 0, 30);
    for (const extra of [{ originalStartTimeZone: 'tzone://Microsoft/Custom' }, {}]) {
      const m = await m365Series(start, weekly, range, extra);
      expect(m.stats).toMatchObject({ seriesWithoutTimeZone: 1, occurrences: 3 });
      expect([...tieDays(m.graph).keys()]).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    }
  });
});

describe('Graph date-times on their own time zone', () => {
  it('reads a dateTime written on a Windows or IANA zone, expands a series on it, and drops an unknown zone', async () => {
    const c = REF.zonedGraph.find((x) => x.zone === 'America/Los_Angeles')!;
    const local = (l: string, zone: string) => ({ dateTime: `${l}.0000000`, timeZone: zone });
    const event = (start: unknown, end: unknown, recurrence?: unknown) => ({
      id: 'E',
      type: recurrence === undefined ? 'singleInstance' : 'seriesMaster',
      start,
      end,
      organizer: { emailAddress: { address: 'a@x' } },
      attendees: [{ status: { response: 'accepted' }, emailAddress: { address: 'b@x' } }],
      ...(recurrence === undefined ? {} : { recurrence }),
    });
    // 01:30 summer time in Berlin is 23:30 UTC the day before; 16:30 in Los Angeles in January is 00:30 UTC the next day.
    const one = await parseM365({
      events: [event(local('2026-07-01T01:30:00', 'W. Europe Standard Time'), local('2026-07-01T02:30:00', 'Europe/Berlin'))],
    });
    expect(tieDays(one.graph)).toEqual(new Map([['2026-06-30', 1]]));
    // A series whose start is written on its zone needs no recurrenceTimeZone.
    const { recurrenceTimeZone, ...range } = c.range;
    const series = await parseM365({
      events: [
        event(local(c.local, String(recurrenceTimeZone)), local(c.local.replace('16:30', '17:00'), String(recurrenceTimeZone)), {
          pattern: c.pattern,
          range,
        }),
      ],
    });
    expect(series.stats).toMatchObject({ seriesWithoutTimeZone: 0, occurrences: c.occurrences.length });
    expect(tieDays(series.graph)).toEqual(expectedDays(c.occurrences));
    await expect(
      parseM365({ events: [event(local('2026-07-01T01:30:00', 'Mars Standard Time'), local('2026-07-01T02:30:00', 'UTC'))] }),
    ).rejects.toThrow('start is not a dateTime on a known time zone');
  });
});

describe('series that count once, and the expansion itself', () => {
  it('RRULE parts the expansion does not cover, and monthly / yearly series without end, count once', async () => {
    const event = (rule: string) =>
      calendarEvent(rule, { dateTime: '2026-01-05T10:00:00Z' }, { dateTime: '2026-01-05T11:00:00Z' }, { recurrence: [`RRULE:${rule}`] });
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
    // An end date that is not a date: no end, counted once (on a named zone too, where it is read on its clock).
    for (const zone of [{}, { originalStartTimeZone: 'W. Europe Standard Time' }]) {
      const noDate = await m365Series(jan5, { type: 'daily', interval: 1 }, { type: 'endDate', endDate: 'soon' }, zone);
      expect(noDate.stats).toMatchObject({ seriesCountedOnce: 1, occurrences: 1 });
    }
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

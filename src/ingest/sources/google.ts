/**
 * Google Workspace metadata (Gmail and Google Calendar, as the Google APIs return them) -> a graph
 * of e-mail and meeting ties, by the same interaction model as the Microsoft 365 reader, with the
 * same relations (`email`, `meeting`), options and defaults, so that one organisation's data from
 * either vendor gives comparable ties. The file holds any mix of:
 *   calendar   Google Calendar API v3 `Events: list` responses ({ kind: 'calendar#events', items:
 *              [calendar#event] }, one per calendar or page), or bare `calendar#event` resources:
 *              { id, iCalUID, status, eventType, organizer: {email}, attendees: [{ email,
 *              responseStatus, organizer, resource, optional }], start / end: { dateTime | date,
 *              timeZone }, recurrence: ['RRULE:...', 'EXDATE...'], recurringEventId, originalStartTime }
 *   gmail      Gmail API `users.messages.get` resources fetched with format=metadata:
 *              { id, threadId, labelIds, internalDate, payload: { headers: [{ name, value }] } }
 * as one JSON document (an object, or an array of items) or JSON lines (.jsonl / .ndjson, one
 * item per line).
 *
 * The interaction model (docs/ingest.md, "Interaction model"):
 *   e-mail   sender (From) -> each distinct To and Cc address (Bcc never read), weight 1, relation
 *            'email'; more than `broadcastCutoff` recipients: no tie (counted). Drafts make no tie;
 *            a message whose Message-ID was seen before (another mailbox's copy) is counted once.
 *   meeting  the organizer and the attendees who accepted (tentative with `includeTentative`;
 *            declined, tentative and needsAction left out and counted) are its n participants;
 *            rooms and calendars (`resource: true`, addresses under calendar.google.com) are never
 *            people; each pair gets hours / (n - 1); undirected relation 'meeting'; more than
 *            `largeMeeting` participants: no tie. Cancelled events, all-day events and events that
 *            are not meetings (eventType outOfOffice, focusTime, workingLocation, ...) make no tie
 *            (counted). The same event from several calendars (same iCalUID and originalStartTime)
 *            is counted once.
 *            A recurring series (RRULE: daily, weekly, monthly or yearly with UNTIL or COUNT) is
 *            expanded by the m365 rule (sources/meetings.ts) on the wall clock of its timeZone
 *            (sources/zones.ts; its start's written offset when it names no known zone, counted),
 *            less its EXDATEs and the instances the file holds as exceptions (recurringEventId +
 *            originalStartTime: cancelled, or moved and read as a meeting of their own). Other
 *            rules and series without end count once.
 * Ties are summed per (source, target, relation, UTC day). Addresses are lower-cased; map them to
 * HR ids with an identities file. Bad items are dropped at their JSON path (strict: error).
 * Complexity: O(items x participants^2 x occurrences). References: Google Calendar API v3 Events
 * resource; Gmail API users.messages (format=metadata); RFC 5545 section 3.3.10 (RRULE); RFC 5322
 * section 3.4 (address lists).
 */
import { readFile } from 'node:fs/promises';
import { withDefaults } from '../../core/util/options.js';
import { OrgGraphBuilder } from '../../model/org-graph.js';
import { finish, finishRelations, type IngestResult } from '../csv.js';
import { resolveIngestOptions, type IngestOptions } from '../options.js';
import { IngestContext, type FileReport } from '../report.js';
import { parseTimeWithOffset } from '../values.js';
import {
  DailyTies,
  DEFAULT_MEETING_MODEL_OPTIONS,
  expandRecurrence,
  type MeetingModelOptions,
  type MeetingModelStats,
  type RecurrenceRule,
} from './meetings.js';
import { DAY, fixedClock, isUtcName, UTC_CLOCK, utcToWall, wallToUtc, zoneClock, type WallClock } from './zones.js';

/** Options of {@link loadGoogleWorkspace}: ingest options and the interaction-model options shared with the m365 reader. */
export interface GoogleWorkspaceOptions extends IngestOptions, MeetingModelOptions {}

/** The m365 defaults (broadcast cutoff 25, large meeting 10, tentative left out): one model for both vendors. */
export const DEFAULT_GOOGLE_WORKSPACE_OPTIONS = DEFAULT_MEETING_MODEL_OPTIONS;

/** What the Google Workspace reader made of the file, beyond the ingest report. */
export interface GoogleWorkspaceStats extends MeetingModelStats {
  /** Messages whose Message-ID header was seen before (the same message in another mailbox): no tie. */
  duplicateMessages: number;
  /** Messages labelled DRAFT (never sent): no tie. */
  drafts: number;
  /** The same event read before from another calendar: no tie. */
  duplicateEvents: number;
  /** Cancelled events and cancelled instances of a series: no tie. */
  cancelled: number;
  /** All-day events (start.date): no tie. */
  allDay: number;
  /** Events whose eventType is not 'default' (outOfOffice, focusTime, workingLocation, ...): no tie. */
  notMeetings: number;
  /** Rooms and calendars among organizers and attendees: never people. */
  resources: number;
}

/** {@link loadGoogleWorkspace}'s result: the graph, the ingest report and {@link GoogleWorkspaceStats}. */
export interface GoogleWorkspaceResult extends IngestResult {
  /** Counts of what made no tie, by reason, and of what was read. */
  readonly stats: GoogleWorkspaceStats;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');
const join = (at: string, key: string): string => (at === '' ? key : key.startsWith('[') ? `${at}${key}` : `${at}.${key}`);

/** Rooms, group and imported calendars have addresses under calendar.google.com: never people. */
const isCalendar = (email: string): boolean => /\.calendar\.google\.com$/.test(email);

/**
 * Addresses of an RFC 5322 address-list header ("Ana <ana@x>, \"Ben, B\" <ben@x>, cleo@x"):
 * quoted display names and comments removed, group names ("team: a@x, b@x;") opened; lower-cased.
 */
export function addressList(value: string): string[] {
  const plain = value
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/(^|,)\s*[^,:<>@]*:/g, '$1')
    .replace(/;/g, ',');
  const out: string[] = [];
  for (const part of plain.split(',')) {
    const angle = /<([^>]*)>/.exec(part);
    const a = (angle ? angle[1] : part).trim().toLowerCase();
    if (a.includes('@')) out.push(a);
  }
  return out;
}

/**
 * A Calendar dateTime ({dateTime, timeZone}) -> epoch ms and the wall clock of the event: its
 * timeZone when that names a zone (IANA, as Google writes it), else the UTC offset written in the
 * dateTime (`zoned` false). A dateTime without an offset is read on its timeZone's clock; a string
 * says why a value cannot be read.
 */
function dateTimeOf(x: unknown): { ms: number; clock: WallClock; zoned: boolean } | string {
  const s = isObject(x) ? str(x.dateTime) : '';
  if (s === '') return 'no dateTime';
  const m = /T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  const zone = isObject(x) ? str(x.timeZone) : '';
  const clock = zone === '' ? null : isUtcName(zone) ? UTC_CLOCK : zoneClock(zone);
  if (m && m[1] === undefined && zone !== '' && clock === null)
    return `dateTime ${JSON.stringify(s)} has no UTC offset and its timeZone ${JSON.stringify(zone)} is not a known time zone`;
  const t = parseTimeWithOffset(s);
  if (!m || !t.ok) return `dateTime ${JSON.stringify(s)} is not an RFC 3339 date-time`;
  const { value, offset } = t.value;
  if (offset === null)
    return clock === null ? { ms: value, clock: UTC_CLOCK, zoned: false } : { ms: wallToUtc(clock, value), clock, zoned: true };
  return clock === null ? { ms: value, clock: fixedClock(offset), zoned: false } : { ms: value, clock, zoned: true };
}

/**
 * An iCalendar DATE or DATE-TIME value -> its local wall time (ms, as if UTC) on `clock`, the instant
 * it stands for (a UTC value, ending in Z, is that instant), and whether it was a date alone.
 */
function icalTime(v: string, clock: WallClock): { wall: number; ms: number; date: boolean } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i.exec(v.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (m[4] === undefined) return { wall: Date.UTC(y, mo, d), ms: wallToUtc(clock, Date.UTC(y, mo, d)), date: true };
  const t = Date.UTC(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6]));
  return m[7] ? { wall: utcToWall(clock, t), ms: t, date: false } : { wall: t, ms: wallToUtc(clock, t), date: false };
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** RRULE parts a monthly or yearly rule may have here; with any other (BYYEARDAY, BYWEEKNO, BYHOUR, ...) the series counts once. */
const BY_MONTHS_PARTS = new Set(['FREQ', 'INTERVAL', 'UNTIL', 'COUNT', 'WKST', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS']);

/**
 * A FREQ=MONTHLY or YEARLY RRULE as a {@link RecurrenceRule}, or null when it says what the
 * expansion does not (see BY_MONTHS_PARTS; a BYDAY rank or a BYSETPOS counted over a whole year,
 * that is a yearly rule without exactly one BYMONTH; values out of range).
 */
function byMonthsRule(
  freq: 'MONTHLY' | 'YEARLY',
  common: Pick<RecurrenceRule, 'interval' | 'until' | 'count' | 'weekStartsOn' | 'weekdays'>,
  days: readonly ({ day: number; nth: number } | null)[],
  monthDays: readonly number[],
  months: readonly number[],
  setPositions: readonly number[],
  parts: readonly string[],
): RecurrenceRule | null {
  if (parts.some((k) => !BY_MONTHS_PARTS.has(k)) || days.some((d) => d === null)) return null;
  const whole = (xs: readonly number[], lo: number, hi: number) =>
    xs.every((x) => Number.isInteger(x) && x !== 0 && Math.abs(x) >= lo && Math.abs(x) <= hi);
  if (!whole(monthDays, 1, 31) || !whole(months, 1, 12) || months.some((x) => x < 0) || !whole(setPositions, 1, 366)) return null;
  const weekdays = days as readonly { day: number; nth: number }[];
  if (!weekdays.every((d) => Number.isInteger(d.nth) && Math.abs(d.nth) <= 5)) return null;
  const ranked = weekdays.some((d) => d.nth !== 0) || setPositions.length > 0;
  if (freq === 'YEARLY' && ranked && months.length !== 1) return null;
  // A yearly rule naming days but no month runs in every month (RFC 5545: those days of the whole year).
  const everyMonth = freq === 'YEARLY' && months.length === 0 && (weekdays.length > 0 || monthDays.length > 0);
  const yearMonths = everyMonth ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : months;
  return {
    ...common,
    freq: freq === 'MONTHLY' ? 'monthly' : 'yearly',
    months: yearMonths,
    monthDays,
    monthWeekdays: weekdays,
    setPositions,
    pastMonthEnd: 'skip',
  };
}

/**
 * The RRULE of a recurrence array as a {@link RecurrenceRule} (null: no RRULE, a frequency other
 * than DAILY, WEEKLY, MONTHLY or YEARLY, or a monthly or yearly rule the expansion does not cover:
 * see byMonthsRule), and the EXDATE instants and local days (on the series' clock) to leave out.
 * Local values are read on the series' clock, or on the zone an EXDATE names (TZID=...), and a
 * date-only UNTIL includes that whole local day.
 */
function recurrenceOf(
  lines: readonly unknown[],
  clock: WallClock,
): { rule: RecurrenceRule | null; exdates: Set<number>; exdays: Set<number> } {
  let rule: RecurrenceRule | null = null;
  const exdates = new Set<number>();
  const exdays = new Set<number>();
  for (const line of lines) {
    const s = str(line);
    const colon = s.indexOf(':');
    const [name, ...params] = s.slice(0, colon).split(';');
    if (name.toUpperCase() === 'EXDATE') {
      const tzid = params.find((x) => /^TZID=/i.test(x));
      const zone = (tzid === undefined ? null : zoneClock(tzid.slice(5).replace(/^"|"$/g, ''))) ?? clock;
      for (const v of s.slice(colon + 1).split(',')) {
        const t = icalTime(v, zone);
        if (t?.date) exdays.add(t.wall);
        else if (t) exdates.add(t.ms);
      }
    }
    if (name.toUpperCase() !== 'RRULE') continue;
    const p = new Map(
      s
        .slice(colon + 1)
        .split(';')
        .map((kv) => [kv.split('=')[0].toUpperCase(), kv.split('=')[1] ?? ''] as const),
    );
    const freq = (p.get('FREQ') ?? '').toUpperCase();
    const list = (key: string): string[] => (p.get(key) ?? '').split(',').filter((x) => x !== '');
    const numbers = (key: string): number[] => list(key).map(Number);
    const days = list('BYDAY').map((d) => {
      const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/i.exec(d);
      return m === null ? null : { day: WEEKDAYS.indexOf(m[2].toUpperCase()), nth: Number(m[1] ?? 0) };
    });
    const byday = days.map((d) => d?.day ?? -1);
    const interval = Number(p.get('INTERVAL') ?? 1);
    const until = p.has('UNTIL') ? icalTime(p.get('UNTIL')!, clock) : null;
    // A date-only UNTIL includes that whole local day.
    const last = until === null ? NaN : until.date ? wallToUtc(clock, until.wall + DAY) - 1000 : until.ms;
    const count = p.has('COUNT') ? Number(p.get('COUNT')) : NaN;
    const wkst = WEEKDAYS.indexOf((p.get('WKST') ?? 'MO').toUpperCase());
    const common = { interval, until: last, count, weekStartsOn: wkst < 0 ? 1 : wkst, weekdays: new Set<number>() };
    if (freq === 'MONTHLY' || freq === 'YEARLY') {
      rule = byMonthsRule(freq, common, days, numbers('BYMONTHDAY'), numbers('BYMONTH'), numbers('BYSETPOS'), [...p.keys()]);
      continue;
    }
    // FREQ=DAILY;BYDAY=MO,...,FR (every weekday) is the weekly rule on those days.
    const weekly = freq === 'WEEKLY' || (freq === 'DAILY' && byday.length > 0 && interval === 1);
    // An unknown frequency, or a day that is not one (BYDAY=XX): not expanded (counted once).
    if ((freq !== 'WEEKLY' && freq !== 'DAILY') || byday.includes(-1)) continue;
    rule = { ...common, freq: weekly ? 'weekly' : 'daily', weekdays: new Set(weekly ? byday : []) };
  }
  return { rule, exdates, exdays };
}

/**
 * Read a Google Workspace metadata file: Google Calendar events and / or Gmail messages (format
 * metadata), as JSON or JSON lines. Formula: per message, sender -> each distinct To / Cc
 * recipient, 1; per meeting occurrence with n participants, each pair hours / (n - 1).
 * Edge cases: see the module comment (drafts, copies, rooms, all-day, cancelled, exceptions).
 * Complexity: O(items x participants^2 x occurrences).
 * @example
 * const { graph, stats } = await loadGoogleWorkspace('calendar-2026-q1.json', { largeMeeting: 8 });
 */
export async function loadGoogleWorkspace(path: string, options: GoogleWorkspaceOptions = {}): Promise<GoogleWorkspaceResult> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return readGoogle(text, /\.(jsonl|ndjson)$/i.test(path), path, options);
}

/** {@link loadGoogleWorkspace} for a document in memory (an object or array), or JSON-lines text. */
export async function parseGoogleWorkspace(
  doc: unknown,
  options: GoogleWorkspaceOptions & { file?: string } = {},
): Promise<GoogleWorkspaceResult> {
  const file = options.file ?? 'google.json';
  return typeof doc === 'string' ? readGoogle(doc, true, file, options) : readGoogle(doc, false, file, options);
}

interface Item {
  readonly value: unknown;
  readonly at: string;
  readonly line?: number;
}

interface Master {
  readonly id: string;
  readonly people: string[];
  readonly start: number;
  readonly length: number;
  readonly clock: WallClock;
  readonly zoned: boolean;
  readonly recurrence: readonly unknown[];
}

function readGoogle(input: unknown, lines: boolean, file: string, options: GoogleWorkspaceOptions): GoogleWorkspaceResult {
  const ctx = new IngestContext(resolveIngestOptions(options));
  const o = withDefaults(DEFAULT_GOOGLE_WORKSPACE_OPTIONS, options);
  const stats: GoogleWorkspaceStats = {
    messages: 0,
    duplicateMessages: 0,
    drafts: 0,
    broadcasts: 0,
    meetings: 0,
    occurrences: 0,
    duplicateEvents: 0,
    cancelled: 0,
    allDay: 0,
    notMeetings: 0,
    seriesCountedOnce: 0,
    seriesWithoutTimeZone: 0,
    largeMeetings: 0,
    attendeesLeftOut: 0,
    resources: 0,
  };
  const reports = new Map<string, FileReport>();
  const report = (part: 'gmail' | 'calendar' | 'other'): FileReport => {
    let f = reports.get(part);
    if (f === undefined) reports.set(part, (f = ctx.file(`${file}#${part}`, 'json')));
    return f;
  };

  // Step 0: the items of the file (a JSON document, or one item per line).
  const items: Item[] = [];
  if (lines) {
    String(input)
      .split(/\r?\n/)
      .forEach((text, i) => {
        if (text.trim() === '') return;
        try {
          items.push({ value: JSON.parse(text) as unknown, at: '', line: i + 1 });
        } catch (e) {
          const f = report('other');
          f.rowsRead++;
          ctx.drop(f, 'E_JSON_SYNTAX', `not valid JSON: ${(e as Error).message}`, i + 1);
        }
      });
  } else {
    let doc: unknown;
    try {
      doc = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
    } catch (e) {
      ctx.fatal('E_JSON_SYNTAX', `not valid JSON: ${(e as Error).message}`, { file });
    }
    if (Array.isArray(doc)) doc.forEach((value, i) => items.push({ value, at: `[${i}]` }));
    else if (isObject(doc)) items.push({ value: doc, at: '' });
    else ctx.fatal('E_JSON_SYNTAX', 'expected a Calendar events list, a Gmail message, or an array of them', { file });
  }

  const b = new OrgGraphBuilder();
  const sums = new DailyTies(b, new Set(['email']));

  // Step 1: Gmail messages.
  const messageIds = new Set<string>();
  const message = (m: Json, at: string, line: number | undefined): void => {
    const f = report('gmail');
    f.rowsRead++;
    const headers = isObject(m.payload) ? m.payload.headers : undefined;
    if (!Array.isArray(headers))
      return ctx.drop(f, 'E_BAD_VALUE', 'no payload.headers (fetch messages with format=metadata)', line, join(at, 'payload.headers'));
    const named = (name: string): { value: string; k: number }[] =>
      headers.flatMap((h: unknown, k) =>
        isObject(h) && str(h.name).toLowerCase() === name && typeof h.value === 'string' ? [{ value: h.value, k }] : [],
      );
    const from = named('from');
    const sender = from.length > 0 ? (addressList(from[0].value)[0] ?? '') : '';
    if (sender === '')
      return ctx.drop(
        f,
        'E_EMPTY_ID',
        from.length > 0 ? `no address in the From header ${JSON.stringify(from[0].value)}` : 'no From header',
        line,
        join(at, from.length > 0 ? `payload.headers[${from[0].k}].value` : 'payload.headers'),
      );
    let time = typeof m.internalDate === 'string' || typeof m.internalDate === 'number' ? Number(m.internalDate) : NaN;
    if (!Number.isFinite(time) || String(m.internalDate).trim() === '') time = Date.parse(named('date')[0]?.value ?? '');
    if (Number.isNaN(time))
      return ctx.drop(
        f,
        'E_BAD_TIMESTAMP',
        `internalDate ${JSON.stringify(m.internalDate)} is not epoch milliseconds and no Date header can be read`,
        line,
        join(at, 'internalDate'),
      );
    f.rowsKept++;
    if (Array.isArray(m.labelIds) && m.labelIds.includes('DRAFT')) {
      stats.drafts++;
      return;
    }
    const id = str(named('message-id')[0]?.value).toLowerCase();
    if (id !== '' && messageIds.has(id)) {
      stats.duplicateMessages++;
      return;
    }
    if (id !== '') messageIds.add(id);
    stats.messages++;
    sums.person(sender);
    const to = new Set([...named('to'), ...named('cc')].flatMap((h) => addressList(h.value)).filter((a) => a !== sender));
    if (to.size > o.broadcastCutoff) {
      stats.broadcasts++;
      return;
    }
    for (const r of to) {
      sums.person(r);
      sums.add(sender, r, 'email', time, 1);
    }
  };

  // Step 2: calendar events. Series masters wait until every exception of the file is known.
  const seenEvents = new Set<string>();
  const exceptions = new Map<string, Set<number>>();
  const masters: Master[] = [];
  const meeting = (people: readonly string[], start: number, length: number): void => {
    stats.occurrences++;
    if (!sums.meeting(people, start, start + length, 'meeting', o.largeMeeting)) stats.largeMeetings++;
  };
  const event = (ev: unknown, at: string, line: number | undefined): void => {
    const f = report('calendar');
    f.rowsRead++;
    if (!isObject(ev)) return ctx.drop(f, 'E_BAD_VALUE', 'an event must be an object', line, at);
    const seriesId = str(ev.recurringEventId);
    let original = '';
    if (seriesId !== '' || ev.originalStartTime !== undefined) {
      const os = ev.originalStartTime;
      const t = dateTimeOf(os);
      original = typeof t === 'string' ? (isObject(os) ? str(os.date) : '') : String(t.ms);
      if (original === '')
        return ctx.drop(
          f,
          'E_BAD_TIMESTAMP',
          `an instance of series ${JSON.stringify(seriesId)} without a readable originalStartTime`,
          line,
          join(at, 'originalStartTime'),
        );
      if (typeof t !== 'string' && seriesId !== '') exceptions.set(seriesId, (exceptions.get(seriesId) ?? new Set()).add(t.ms));
    }
    const uid = str(ev.iCalUID) || str(ev.id);
    const key = uid === '' ? '' : `${uid}\u0000${original}`;
    if (key !== '' && seenEvents.has(key)) {
      f.rowsKept++;
      stats.duplicateEvents++;
      return;
    }
    if (ev.status === 'cancelled') {
      f.rowsKept++;
      stats.cancelled++;
      if (key !== '') seenEvents.add(key);
      return;
    }
    if (typeof ev.eventType === 'string' && ev.eventType !== 'default') {
      f.rowsKept++;
      stats.notMeetings++;
      if (key !== '') seenEvents.add(key);
      return;
    }
    if (isObject(ev.start) && typeof ev.start.date === 'string' && ev.start.dateTime === undefined) {
      f.rowsKept++;
      stats.allDay++;
      if (key !== '') seenEvents.add(key);
      return;
    }
    const start = dateTimeOf(ev.start);
    if (typeof start === 'string') return ctx.drop(f, 'E_BAD_TIMESTAMP', `start: ${start}`, line, join(at, 'start.dateTime'));
    const end = dateTimeOf(ev.end);
    if (typeof end === 'string' || end.ms < start.ms)
      return ctx.drop(
        f,
        'E_BAD_TIMESTAMP',
        `end: ${typeof end === 'string' ? end : 'before start'}`,
        line,
        join(at, typeof end === 'string' ? 'end.dateTime' : 'end'),
      );
    let organizer = str(isObject(ev.organizer) ? ev.organizer.email : '').toLowerCase();
    if (isCalendar(organizer)) {
      stats.resources++;
      organizer = '';
    }
    const people = new Set<string>(organizer ? [organizer] : []);
    const attendees: unknown[] = Array.isArray(ev.attendees) ? ev.attendees : [];
    for (let j = 0; j < attendees.length; j++) {
      const a = attendees[j];
      const email = isObject(a) ? str(a.email).toLowerCase() : '';
      if (email === '') {
        ctx.alter(f, 'E_EMPTY_ID', 'an attendee without an email', 'attendee left out', line, join(at, `attendees[${j}].email`));
        continue;
      }
      if ((isObject(a) && a.resource === true) || isCalendar(email)) {
        stats.resources++;
        continue;
      }
      const response = isObject(a) ? a.responseStatus : undefined;
      if (response === 'accepted' || (isObject(a) && a.organizer === true) || (o.includeTentative && response === 'tentative'))
        people.add(email);
      else if (email !== organizer) stats.attendeesLeftOut++;
    }
    f.rowsKept++;
    stats.meetings++;
    if (key !== '') seenEvents.add(key);
    const recurrence = Array.isArray(ev.recurrence) ? (ev.recurrence as unknown[]) : [];
    if (recurrence.length > 0 && seriesId === '')
      masters.push({
        id: str(ev.id),
        people: [...people],
        start: start.ms,
        length: end.ms - start.ms,
        clock: start.clock,
        zoned: start.zoned,
        recurrence,
      });
    else meeting([...people], start.ms, end.ms - start.ms);
  };

  for (const { value, at, line } of items) {
    if (isObject(value) && Array.isArray(value.items)) value.items.forEach((ev, i) => event(ev, join(at, `items[${i}]`), line));
    else if (isObject(value) && (value.kind === 'calendar#event' || value.start !== undefined || value.recurringEventId !== undefined))
      event(value, at, line);
    else if (isObject(value) && (value.payload !== undefined || value.internalDate !== undefined || value.threadId !== undefined))
      message(value, at, line);
    else if (!(isObject(value) && value.kind === 'calendar#events' && value.items === undefined)) {
      if (!lines && at === '')
        ctx.fatal('E_JSON_SYNTAX', 'expected a Calendar events list, a Calendar event, a Gmail message, or an array of them', { file });
      const f = report('other');
      f.rowsRead++;
      ctx.drop(f, 'E_BAD_VALUE', 'neither a Calendar events list, a Calendar event nor a Gmail message', line, at || undefined);
    }
  }

  // Step 3: each series expanded, less its EXDATEs and the instances held as exceptions.
  for (const s of masters) {
    const { rule, exdates, exdays } = recurrenceOf(s.recurrence, s.clock);
    const starts = rule === null ? [s.start] : expandRecurrence(rule, s.start, s.clock);
    if (rule === null || (Number.isNaN(rule.until) && Number.isNaN(rule.count))) stats.seriesCountedOnce++;
    else if (!s.zoned) stats.seriesWithoutTimeZone++;
    const skip = exceptions.get(s.id);
    for (const t of starts)
      if (!skip?.has(t) && !exdates.has(t) && !exdays.has(Math.floor(utcToWall(s.clock, t) / DAY) * DAY)) meeting(s.people, t, s.length);
  }

  sums.emit(['email', 'meeting']);
  finishRelations(b, new Map(), ctx.options.undirectedRelations);
  return { ...finish(ctx, b), stats };
}

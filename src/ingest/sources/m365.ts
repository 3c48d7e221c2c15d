/**
 * Microsoft 365 metadata (Microsoft Graph resources, as exported to one JSON file) -> a graph of
 * e-mail, meeting and call ties. The file is an object with any of:
 *   messages:    [{ from: {emailAddress: {address}}, toRecipients: [...], ccRecipients: [...], sentDateTime }]
 *   events:      [{ id, organizer, attendees: [{ emailAddress, status: {response} }], start: {dateTime},
 *                   end: {dateTime}, type, seriesMasterId, recurrence }]
 *   callRecords: [{ startDateTime, endDateTime, organizer_v2, participants_v2: [{ identity: {user: {id}} }] }]
 *   chats:        [{ id, chatType, members: [{ userId }] }]                     (Teams chat + conversationMember)
 *   chatMessages: [{ id, chatId | channelIdentity: {teamId, channelId}, replyToId, messageType, createdDateTime,
 *                    deletedDateTime, from: {user: {id}}, mentions: [{ mentioned: {user: {id}} }],
 *                    reactions: [{ reactionType, user: {user: {id}} }] }]        (Teams chatMessage)
 *
 * The interaction model (docs/ingest.md, "Interaction model"):
 *   e-mail   sender -> each distinct To and Cc recipient (Bcc never read), weight 1, relation 'email';
 *            a message to more than `broadcastCutoff` recipients makes no tie (counted).
 *   meeting  the organizer and the attendees who accepted (response accepted / organizer; declined,
 *            tentative and no answer left out and counted) are its n participants; each pair gets
 *            hours / (n - 1), so each participant's ties from a meeting sum to its length; undirected
 *            relation 'meeting'; a meeting of more than `largeMeeting` participants makes no tie.
 *            A recurring series: its occurrences when the file has them (type 'occurrence' with
 *            seriesMasterId), else the master expanded (daily, weekly, absolute and relative
 *            monthly and yearly patterns; a series without end, or of another pattern, counted once)
 *            on its wall clock: recurrence.range.recurrenceTimeZone, originalStartTimeZone or a
 *            start.timeZone other than UTC (Windows or IANA names), else UTC (counted in
 *            stats.seriesWithoutTimeZone). Date-times are read on their own timeZone.
 *   call     every participant of `participants_v2` (and `organizer_v2`) as a meeting, relation 'call'.
 *            Records with only the retired `organizer` / `participants` fields are read from them
 *            with a warning (those fields stop returning data in 2026).
 *   Teams    as Slack: a message in a 1:1 or group chat links its sender to every other member of
 *            the chat ('teams_chat'); a reply (replyToId) links the replier to the thread's author
 *            and every earlier replier ('teams_reply'); a reaction links the reactor to the message's
 *            author ('teams_reaction'); a mention links the sender to the mentioned user
 *            ('teams_mention'); all directed, 1 each. A top-level channel post links nobody (a
 *            broadcast; channel membership is not in the export). System messages, messages without
 *            a user sender (bots, applications) and deleted messages make no tie and are counted.
 * Ties are summed per (source, target, relation, UTC day), the day being the tie's time. Addresses
 * are lower-cased. Bad items (no sender, no time) are dropped at their JSON path (strict: error).
 * Complexity: O(items x participants^2) for meetings. Reference: Microsoft Graph v1.0 message,
 * event, callRecord, chat, conversationMember and chatMessage resources.
 */
import { readFile } from 'node:fs/promises';
import { OrgGraphBuilder } from '../../model/org-graph.js';
import { finish, finishRelations, type IngestResult } from '../csv.js';
import { resolveIngestOptions, type IngestOptions } from '../options.js';
import { IngestContext, type FileReport } from '../report.js';
import { parseTime, parseTimeWithOffset } from '../values.js';
import { DailyTies, DEFAULT_MEETING_MODEL_OPTIONS, expandRecurrence, type RecurrenceRule } from './meetings.js';
import type { MeetingModelOptions, MeetingModelStats } from './meetings.js';
import { isUtcName, UTC_CLOCK, wallToUtc, zoneClock, type WallClock } from './zones.js';

/** Options of {@link loadM365}: ingest options and the shared interaction-model options, nothing else. */
export type M365Options = IngestOptions & MeetingModelOptions;

export const DEFAULT_M365_OPTIONS = DEFAULT_MEETING_MODEL_OPTIONS;

/** What the m365 reader made of the file, beyond the ingest report. */
export interface M365Stats extends MeetingModelStats {
  /** Teams call records read. */
  calls: number;
  /** Call records read from the retired organizer / participants fields. */
  legacyCallFields: number;
  /** Teams chat messages read (system, bot and deleted ones included). */
  chatMessages: number;
  /** Top-level channel posts: no tie (broadcast). */
  channelPosts: number;
  /** System event messages, messages without a user sender (bots, apps) and deleted messages: no tie. */
  chatMessagesWithoutTie: number;
}

export interface M365Result extends IngestResult {
  readonly stats: M365Stats;
}

type Json = Record<string, unknown>;

const address = (x: unknown): string => {
  const a = (x as Json | undefined)?.emailAddress as Json | undefined;
  return typeof a?.address === 'string' ? a.address.trim().toLowerCase() : '';
};

/**
 * Graph dateTimeTimeZone ({dateTime, timeZone}) or an ISO string -> epoch ms; NaN if unreadable.
 * A dateTime is read on its timeZone's clock (UTC when none; Windows or IANA names, as Graph writes
 * them under a `Prefer: outlook.timezone` header); NaN for a zone neither names.
 */
function when(x: unknown): number {
  if (typeof x === 'string') {
    const t = parseTime(x);
    return t.ok ? t.value : NaN;
  }
  const o = x as Json | undefined;
  if (typeof o?.dateTime !== 'string') return NaN;
  const zone = typeof o.timeZone === 'string' ? o.timeZone : 'UTC';
  const clock = isUtcName(zone) ? UTC_CLOCK : zoneClock(zone);
  const t = parseTimeWithOffset(o.dateTime.replace(/(\.\d{3})\d+$/, '$1'));
  if (clock === null || !t.ok) return NaN;
  return t.value.offset === null ? wallToUtc(clock, t.value.value) : t.value.value;
}

/**
 * Read a Microsoft 365 metadata file (JSON).
 * @example
 * const { graph, stats } = await loadM365('m365-2026-q1.json', { largeMeeting: 8 });
 */
export async function loadM365(path: string, options: M365Options = {}): Promise<M365Result> {
  return readM365(JSON.parse.bind(null, (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')) as () => unknown, path, options);
}

/** {@link loadM365} for an object in memory. */
export async function parseM365(doc: unknown, options: M365Options & { file?: string } = {}): Promise<M365Result> {
  return readM365(() => doc, options.file ?? 'm365.json', options);
}

async function readM365(parse: () => unknown, file: string, options: M365Options): Promise<M365Result> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  const o = {
    ...DEFAULT_M365_OPTIONS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as typeof DEFAULT_M365_OPTIONS;
  const stats: M365Stats = {
    messages: 0,
    broadcasts: 0,
    meetings: 0,
    occurrences: 0,
    largeMeetings: 0,
    attendeesLeftOut: 0,
    seriesCountedOnce: 0,
    seriesWithoutTimeZone: 0,
    calls: 0,
    legacyCallFields: 0,
    chatMessages: 0,
    channelPosts: 0,
    chatMessagesWithoutTie: 0,
  };
  let doc: unknown;
  try {
    doc = parse();
  } catch (e) {
    ctx.fatal('E_JSON_SYNTAX', `not valid JSON: ${(e as Error).message}`, { file });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    ctx.fatal('E_BAD_VALUE', 'expected an object with messages, events, callRecords, chats and/or chatMessages arrays', { file });
  const root = doc as Json;
  const b = new OrgGraphBuilder();
  const sums = new DailyTies(b, new Set(['email', 'teams_chat', 'teams_reply', 'teams_reaction', 'teams_mention']));
  const person = (id: string): number => sums.person(id);
  const add = sums.add.bind(sums);
  const list = (name: string): { name: string; f: FileReport; items: unknown[] } | null => {
    const v = root[name];
    if (v === undefined) return null;
    const f = ctx.file(`${file}#${name}`, 'json');
    if (!Array.isArray(v)) ctx.fatal('E_BAD_VALUE', `"${name}" must be an array`, { file, field: name });
    return { name, f, items: v as unknown[] };
  };
  /** Visit each item of a list (counted as read) with its path `name[i]`, for issues, and the list's file report. */
  const eachItem = (l: ReturnType<typeof list>, visit: (item: Json, at: string, f: FileReport) => void): void =>
    l?.items.forEach((x, i) => {
      l.f.rowsRead++;
      visit(x as Json, `${l.name}[${i}]`, l.f);
    });
  /** Drop item `at` of `f`, whose time field `name` is not an ISO 8601 time (E_BAD_TIMESTAMP). */
  const badTime = (f: FileReport, at: string, item: Json, name: string): void =>
    ctx.drop(f, 'E_BAD_TIMESTAMP', `${name} ${JSON.stringify(item[name])} is not an ISO 8601 time`, undefined, `${at}.${name}`);

  // Step 1: e-mail.
  eachItem(list('messages'), (msg, at, f) => {
    const s = address(msg?.from ?? msg?.sender);
    if (s === '') return ctx.drop(f, 'E_EMPTY_ID', 'no sender address', undefined, `${at}.from`);
    const t = when(msg.sentDateTime ?? msg.receivedDateTime);
    if (Number.isNaN(t)) return badTime(f, at, msg, 'sentDateTime');
    const rs = new Set<string>();
    for (const k of ['toRecipients', 'ccRecipients'])
      for (const r of (Array.isArray(msg[k]) ? msg[k] : []) as unknown[]) if (address(r) && address(r) !== s) rs.add(address(r));
    f.rowsKept++;
    stats.messages++;
    person(s);
    if (rs.size > o.broadcastCutoff) {
      stats.broadcasts++;
      return;
    }
    for (const r of rs) {
      person(r);
      add(s, r, 'email', t, 1);
    }
  });

  // Step 2: meetings (occurrences present in the file replace their master's expansion).
  const cal = list('events');
  const expanded = new Set<string>();
  for (const e of cal?.items ?? []) if (typeof (e as Json)?.seriesMasterId === 'string') expanded.add((e as Json).seriesMasterId as string);
  const meeting = (people: readonly string[], start: number, end: number, relation: string): void => {
    if (!sums.meeting(people, start, end, relation, o.largeMeeting)) stats.largeMeetings++;
  };
  eachItem(cal, (ev, at, f) => {
    if (!ev || typeof ev !== 'object') return ctx.drop(f, 'E_BAD_VALUE', 'an event must be an object', undefined, at);
    const start = when(ev.start);
    const end = when(ev.end);
    if (Number.isNaN(start))
      return ctx.drop(f, 'E_BAD_TIMESTAMP', 'start is not a dateTime on a known time zone', undefined, `${at}.start`);
    if (Number.isNaN(end) || end < start)
      return ctx.drop(f, 'E_BAD_TIMESTAMP', 'end is not a dateTime on a known time zone at or after start', undefined, `${at}.end`);
    if (ev.isCancelled === true) {
      f.rowsKept++;
      return;
    }
    const organizer = address(ev.organizer);
    const people = new Set<string>(organizer ? [organizer] : []);
    for (const a of (Array.isArray(ev.attendees) ? ev.attendees : []) as Json[]) {
      const id = address(a);
      if (!id) continue;
      const response = String(((a.status as Json | undefined)?.response as string | undefined) ?? 'none');
      if (response === 'accepted' || response === 'organizer' || (o.includeTentative && response === 'tentativelyAccepted')) people.add(id);
      else if (id !== organizer) stats.attendeesLeftOut++;
    }
    f.rowsKept++;
    stats.meetings++;
    if (ev.type === 'seriesMaster' && typeof ev.id === 'string' && expanded.has(ev.id)) return;
    const ids = [...people];
    const { starts, once, zoned } = occurrences(ev, start);
    if (once) stats.seriesCountedOnce++;
    if (!zoned) stats.seriesWithoutTimeZone++;
    for (const t of starts) {
      stats.occurrences++;
      meeting(ids, t, t + (end - start), 'meeting');
    }
  });

  // Step 3: Teams call records.
  eachItem(list('callRecords'), (rec, at, f) => {
    const start = when(rec?.startDateTime);
    const end = when(rec?.endDateTime);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start)
      return ctx.drop(
        f,
        'E_BAD_TIMESTAMP',
        'startDateTime / endDateTime are not ISO 8601 times in order',
        undefined,
        `${at}.startDateTime`,
      );
    const v2 = Array.isArray(rec.participants_v2);
    if (!v2) {
      stats.legacyCallFields++;
      ctx.problem(
        f,
        'warning',
        'E_BAD_VALUE',
        'no participants_v2: read from the retired "participants" field',
        undefined,
        `${at}.participants_v2`,
      );
    }
    const userOf = (x: unknown): string => {
      const u =
        (((x as Json | undefined)?.identity as Json | undefined)?.user as Json | undefined) ??
        ((x as Json | undefined)?.user as Json | undefined);
      return typeof u?.id === 'string' ? u.id.toLowerCase() : '';
    };
    const people = new Set<string>();
    const org = userOf(v2 ? rec.organizer_v2 : rec.organizer);
    if (org) people.add(org);
    for (const p of ((v2 ? rec.participants_v2 : rec.participants) ?? []) as unknown[]) if (userOf(p)) people.add(userOf(p));
    f.rowsKept++;
    stats.calls++;
    meeting([...people], start, end, 'call');
  });

  // Step 4: Teams chats and chat messages.
  const userId = (x: unknown): string => {
    const u = (x as Json | undefined)?.user as Json | undefined;
    return typeof u?.id === 'string' ? u.id.trim().toLowerCase() : '';
  };
  const members = new Map<string, string[]>();
  eachItem(list('chats'), (chat, at, f) => {
    if (!chat || typeof chat !== 'object' || typeof chat.id !== 'string' || chat.id === '')
      return ctx.drop(f, 'E_EMPTY_ID', 'a chat without an id', undefined, `${at}.id`);
    if (!Array.isArray(chat.members)) return ctx.drop(f, 'E_BAD_VALUE', 'members must be an array', undefined, `${at}.members`);
    const ids = (chat.members as Json[]).map((m) => (typeof m?.userId === 'string' ? m.userId.trim().toLowerCase() : '')).filter((x) => x);
    members.set(chat.id, [...new Set(ids)]);
    f.rowsKept++;
  });
  const posts = list('chatMessages');
  if (posts) {
    const f = posts.f;
    interface Post {
      readonly at: string;
      readonly id: string;
      readonly sender: string;
      readonly time: number;
      readonly raw: Json;
    }
    const valid: Post[] = [];
    const authorOf = new Map<string, string>();
    eachItem(posts, (msg, at) => {
      stats.chatMessages++;
      if (!msg || typeof msg !== 'object') return ctx.drop(f, 'E_BAD_VALUE', 'a chat message must be an object', undefined, at);
      const time = when(msg.createdDateTime);
      if (Number.isNaN(time)) return badTime(f, at, msg, 'createdDateTime');
      const sender = userId(msg.from);
      const system = msg.messageType !== undefined && msg.messageType !== 'message';
      const deleted = typeof msg.deletedDateTime === 'string' && msg.deletedDateTime !== '';
      f.rowsKept++;
      const id = typeof msg.id === 'string' ? msg.id : '';
      if (id && sender) authorOf.set(id, sender);
      if (system || deleted || sender === '') {
        stats.chatMessagesWithoutTie++;
        return;
      }
      valid.push({ at, id, sender, time, raw: msg });
    });
    // Replies in time order, so that "earlier repliers" are those written before.
    const repliers = new Map<string, string[]>();
    const ordered = [...valid].sort((a, b) => a.time - b.time);
    for (const p of ordered) {
      const m = p.raw;
      const link = (t: string, relation: string): void => {
        if (t === '' || t === p.sender) return;
        person(p.sender);
        person(t);
        add(p.sender, t, relation, p.time, 1);
      };
      const replyTo = typeof m.replyToId === 'string' && m.replyToId !== '' ? m.replyToId : null;
      if (replyTo !== null) {
        const before = repliers.get(replyTo) ?? [];
        const root = authorOf.get(replyTo);
        if (root === undefined)
          ctx.problem(
            f,
            'warning',
            'E_UNKNOWN_PERSON',
            `thread ${JSON.stringify(replyTo)} is not in the file: linked to earlier repliers only`,
            undefined,
            `${p.at}.replyToId`,
          );
        for (const t of new Set([root ?? '', ...before])) link(t, 'teams_reply');
        if (!before.includes(p.sender)) before.push(p.sender);
        repliers.set(replyTo, before);
      } else if (typeof m.chatId === 'string' && m.chatId !== '') {
        const who = members.get(m.chatId);
        if (who === undefined)
          ctx.problem(
            f,
            'warning',
            'E_UNKNOWN_PERSON',
            `chat ${JSON.stringify(m.chatId)} has no members in "chats": no chat tie`,
            undefined,
            `${p.at}.chatId`,
          );
        else for (const t of who) link(t, 'teams_chat');
      } else stats.channelPosts++;
      const author = p.sender;
      ((Array.isArray(m.reactions) ? m.reactions : []) as Json[]).forEach((r) => {
        const v = userId(r?.user);
        if (v && v !== author) {
          person(v);
          person(author);
          add(v, author, 'teams_reaction', p.time, 1);
        }
      });
      ((Array.isArray(m.mentions) ? m.mentions : []) as Json[]).forEach((x) => link(userId(x?.mentioned), 'teams_mention'));
    }
  }

  sums.emit(['email', 'meeting', 'call', 'teams_chat', 'teams_reply', 'teams_reaction', 'teams_mention']);
  finishRelations(b, new Map(), ctx.options.undirectedRelations);
  return { ...finish(ctx, b), stats };
}

const GRAPH_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const GRAPH_INDEX: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/**
 * A Graph recurrencePattern (daily, weekly, absoluteMonthly, relativeMonthly, absoluteYearly,
 * relativeYearly) and recurrenceRange as a {@link RecurrenceRule}, or null for a pattern type it
 * does not know. Exchange's conventions: a dayOfMonth past a month's end falls on its last day;
 * relative patterns pick the index-th (or last) day of the month among daysOfWeek.
 * Reference: Microsoft Graph v1.0 recurrencePattern, recurrenceRange; EWS AbsoluteMonthlyRecurrence.
 */
function graphRule(pattern: Json | undefined, range: Json | undefined, clock: WallClock): RecurrenceRule | null {
  const type = pattern?.type;
  const days = ((Array.isArray(pattern?.daysOfWeek) ? pattern.daysOfWeek : []) as unknown[]).map((d) =>
    GRAPH_DAYS.indexOf(String(d).toLowerCase()),
  );
  const firstDay = GRAPH_DAYS.indexOf(String(pattern?.firstDayOfWeek ?? 'sunday').toLowerCase());
  const common = {
    interval: Number(pattern?.interval ?? 1),
    weekdays: new Set(type === 'weekly' ? days : []),
    weekStartsOn: firstDay < 0 ? 0 : firstDay,
    // The end date's whole day on the series' clock.
    until:
      typeof range?.endDate === 'string' && range.type === 'endDate' ? wallToUtc(clock, Date.parse(`${range.endDate}T23:59:59Z`)) : NaN,
    count: range?.type === 'numbered' ? Number(range.numberOfOccurrences) : NaN,
  };
  // A day name Graph does not have: not expanded (counted once).
  if (days.some((d) => d < 0)) return null;
  if (type === 'daily' || type === 'weekly') return { ...common, freq: type };
  const month = Number(pattern?.month);
  const months = type === 'absoluteYearly' || type === 'relativeYearly' ? [month] : [];
  if (months.some((m) => !(Number.isInteger(m) && m >= 1 && m <= 12))) return null;
  const freq = type === 'absoluteMonthly' || type === 'relativeMonthly' ? 'monthly' : 'yearly';
  if (type === 'absoluteMonthly' || type === 'absoluteYearly') {
    const day = Number(pattern?.dayOfMonth);
    if (!(Number.isInteger(day) && day >= 1 && day <= 31)) return null;
    return { ...common, freq, months, monthDays: [day], pastMonthEnd: 'last' };
  }
  if (type === 'relativeMonthly' || type === 'relativeYearly') {
    const index = GRAPH_INDEX[String(pattern?.index ?? 'first').toLowerCase()];
    if (index === undefined || days.length === 0) return null;
    return { ...common, freq, months, monthWeekdays: days.map((day) => ({ day, nth: 0 })), setPositions: [index] };
  }
  return null;
}

/**
 * Start times of a meeting: itself, or a recurring master (Graph patternedRecurrence) expanded over
 * its range on the series' wall clock: the range's recurrenceTimeZone, else the event's
 * originalStartTimeZone, else its start's timeZone unless that is UTC (Windows or IANA names), else
 * UTC (`zoned` false). `once` is true when a master is counted once (a pattern not known, or no end).
 */
function occurrences(ev: Json, start: number): { starts: number[]; once: boolean; zoned: boolean } {
  const rec = ev.recurrence as Json | undefined;
  if (ev.type !== 'seriesMaster' || !rec) return { starts: [start], once: false, zoned: true };
  const range = rec.range as Json | undefined;
  const own = (ev.start as Json | undefined)?.timeZone;
  const named = [range?.recurrenceTimeZone, ev.originalStartTimeZone, typeof own === 'string' && isUtcName(own) ? undefined : own].find(
    (z): z is string => typeof z === 'string' && z.trim() !== '',
  );
  const zone = named === undefined ? null : zoneClock(named);
  const rule = graphRule(rec.pattern as Json | undefined, range, zone ?? UTC_CLOCK);
  if (rule === null) return { starts: [start], once: true, zoned: true };
  const once = Number.isNaN(rule.until) && Number.isNaN(rule.count);
  return { starts: expandRecurrence(rule, start, zone ?? UTC_CLOCK), once, zoned: once || zone !== null };
}

/**
 * The part of the interaction model shared by the Microsoft 365 and Google Workspace readers
 * (docs/ingest.md, "Interaction model"): ties summed per (relation, source, target, UTC day), a
 * meeting split into every pair of its participants, and a recurring series (daily, weekly,
 * monthly, yearly) expanded into its occurrences. One implementation, so that one organisation's
 * data from either vendor gives comparable ties.
 */
import type { OrgGraphBuilder } from '../../model/org-graph.js';
import { DAY, fixedClock, utcToWall, wallToUtc, type WallClock } from './zones.js';

/** The interaction-model options shared by the m365 and Google Workspace readers. */
export interface MeetingModelOptions {
  /** A message to more recipients than this makes no tie. @defaultValue 25 */
  readonly broadcastCutoff?: number;
  /** A meeting or call with more participants than this makes no tie. @defaultValue 10 */
  readonly largeMeeting?: number;
  /** Count tentatively accepted attendees as participants. @defaultValue false */
  readonly includeTentative?: boolean;
}

/** Defaults of {@link MeetingModelOptions}, the same for every vendor. */
export const DEFAULT_MEETING_MODEL_OPTIONS = Object.freeze({ broadcastCutoff: 25, largeMeeting: 10, includeTentative: false });

/**
 * What the m365 and Google Workspace readers both count, by the one interaction model (each
 * reader's own stats add its vendor's counts).
 */
export interface MeetingModelStats {
  /** E-mail messages read into ties (Gmail: drafts and repeated copies not included). */
  messages: number;
  /** Messages to more than `broadcastCutoff` recipients: no tie. */
  broadcasts: number;
  /** Meetings read (Google: timed ones; a recurring series and each exception count one). */
  meetings: number;
  /** Meeting occurrences counted (a recurring series expands into several). */
  occurrences: number;
  /** Occurrences (m365: and calls) above `largeMeeting` participants: no tie. */
  largeMeetings: number;
  /** Attendees left out: declined, tentative (unless included), not answered (needsAction). */
  attendeesLeftOut: number;
  /** Recurring series counted once: no end (no UNTIL / COUNT, Graph range noEnd), or a rule not expanded. */
  seriesCountedOnce: number;
  /**
   * Recurring series expanded without a known time zone: at the start's written UTC offset (google:
   * no timeZone, or one not known) or in UTC (m365: no recurrenceTimeZone, originalStartTimeZone or
   * start.timeZone other than UTC, or one not known). Their occurrences keep one offset, so those past a change to or from summer
   * time may be an hour off their wall-clock time (and a moved or cancelled instance then not matched).
   */
  seriesWithoutTimeZone: number;
}

/** A recurring series expanded gives at most this many occurrences. */
export const MAX_OCCURRENCES = 1000;

/**
 * Interaction ties summed per (relation, source, target, UTC day) before they enter the graph.
 * Undirected relations store each pair once (smaller id first).
 * Complexity: O(1) per {@link DailyTies.add}; {@link DailyTies.meeting} O(n^2) for n participants.
 */
export class DailyTies {
  private readonly sums = new Map<string, number>();

  constructor(
    private readonly b: OrgGraphBuilder,
    private readonly directed: ReadonlySet<string>,
  ) {}

  /** The person's index, added on first sight. */
  person(id: string): number {
    const i = this.b.indexOf(id);
    return i >= 0 ? i : this.b.addPerson(id);
  }

  /** Adds `w` to the tie s -> t (or s - t) of `relation` on the UTC day of `time`. */
  add(s: string, t: string, relation: string, time: number, w: number): void {
    const [x, y] = this.directed.has(relation) || s < t ? [s, t] : [t, s];
    const key = `${relation}\u0000${x}\u0000${y}\u0000${Math.floor(time / DAY) * DAY}`;
    this.sums.set(key, (this.sums.get(key) ?? 0) + w);
  }

  /**
   * A meeting of n distinct `people` from `start` to `end` (epoch ms): every pair gets
   * hours / (n - 1), so each participant's ties from it sum to its length. Fewer than 2 people: no
   * tie. More than `largeMeeting`: no tie, and `false` is returned so that the caller counts it.
   */
  meeting(people: readonly string[], start: number, end: number, relation: string, largeMeeting: number): boolean {
    const n = people.length;
    if (n < 2) return true;
    if (n > largeMeeting) return false;
    const hours = (end - start) / 3600000;
    for (const p of people) this.person(p);
    for (let a = 0; a < n; a++) for (let c = a + 1; c < n; c++) this.add(people[a], people[c], relation, start, hours / (n - 1));
    return true;
  }

  /** Declares the relations of `order` that have ties (directed as given to the constructor), then adds the ties. */
  emit(order: readonly string[]): void {
    const used = new Set([...this.sums.keys()].map((k) => k.slice(0, k.indexOf('\u0000'))));
    for (const rel of order) if (used.has(rel)) this.b.relation(rel, this.directed.has(rel));
    for (const [key, w] of this.sums) {
      const [rel, s, t, day] = key.split('\u0000');
      this.b.addTie(this.b.indexOf(s), this.b.indexOf(t), w, rel, Number(day));
    }
  }
}

/**
 * A recurrence rule, whatever the vendor's spelling (Graph patternedRecurrence, iCalendar RRULE):
 * daily, weekly, monthly or yearly. The monthly and yearly fields hold what both vendors can say:
 * days of the month (Graph absoluteMonthly / absoluteYearly, RRULE BYMONTHDAY), days of the week
 * with their rank in the month (Graph relativeMonthly / relativeYearly with index, RRULE BYDAY=2TU
 * or BYDAY=MO;BYSETPOS=1), and months (Graph month, RRULE BYMONTH).
 */
export interface RecurrenceRule {
  readonly freq: 'daily' | 'weekly' | 'monthly' | 'yearly';
  /** Every `interval` days, weeks, months or years (at least 1). */
  readonly interval: number;
  /** Weekly: days of the week, 0 = Sunday; empty = the start's day. */
  readonly weekdays: ReadonlySet<number>;
  /** Weekly: the day a week starts on (0 = Sunday), for intervals above 1. */
  readonly weekStartsOn: number;
  /** Last allowed start (epoch ms, inclusive), or NaN. */
  readonly until: number;
  /** Number of occurrences, or NaN. */
  readonly count: number;
  /** Yearly: its months (1 = January; empty: the start's). Monthly: the only months it runs in (empty: all). */
  readonly months?: readonly number[];
  /** Monthly / yearly: days of the month, 1 to 31, or -1 (the last) to -31 counted from the month's end. */
  readonly monthDays?: readonly number[];
  /**
   * Monthly / yearly: days of the week (0 = Sunday) with their rank in the month: nth 1 is the
   * first such day, 2 the second, -1 the last; 0 every one. With `monthDays` too, a day must match
   * both; with neither, the start's day of the month.
   */
  readonly monthWeekdays?: readonly { readonly day: number; readonly nth: number }[];
  /** Monthly / yearly: which of a month's matching days to keep, 1-based, negative from the end (empty: all). */
  readonly setPositions?: readonly number[];
  /**
   * A day of the month past the month's end (the 31st in April, 29 February in 2027): 'skip' that
   * month (iCalendar, RFC 5545: the default), or 'last', its last day (Exchange / Microsoft 365).
   */
  readonly pastMonthEnd?: 'skip' | 'last';
}

/**
 * The days (1-based, ascending) of month `m` (0-based) of year `y` that a monthly or yearly rule
 * picks; `startDay` is the series start's day of the month. Complexity: O(31).
 */
function daysPicked(rule: RecurrenceRule, y: number, m: number, startDay: number): number[] {
  const length = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const weekdays = rule.monthWeekdays ?? [];
  const monthDays = (rule.monthDays ?? []).length === 0 && weekdays.length === 0 ? [startDay] : (rule.monthDays ?? []);
  let picked: Set<number> | null = null;
  if (monthDays.length > 0) {
    picked = new Set();
    for (const x of monthDays) {
      let d = x > 0 ? x : length + 1 + x;
      if (d > length && rule.pastMonthEnd === 'last') d = length;
      if (d >= 1 && d <= length) picked.add(d);
    }
  }
  if (weekdays.length > 0) {
    const first = new Date(Date.UTC(y, m, 1)).getUTCDay();
    const matching = new Set<number>();
    for (const { day, nth } of weekdays) {
      const all: number[] = [];
      for (let d = 1 + ((day - first + 7) % 7); d <= length; d += 7) all.push(d);
      if (nth === 0) all.forEach((d) => matching.add(d));
      else {
        const d = all[nth > 0 ? nth - 1 : all.length + nth];
        if (d !== undefined) matching.add(d);
      }
    }
    picked = picked === null ? matching : new Set([...picked].filter((d) => matching.has(d)));
  }
  const days = [...(picked ?? [])].sort((a, b) => a - b);
  const positions = rule.setPositions ?? [];
  if (positions.length === 0) return days;
  const kept = new Set<number>();
  for (const p of positions) {
    const d = days[p > 0 ? p - 1 : days.length + p];
    if (d !== undefined) kept.add(d);
  }
  return [...kept].sort((a, b) => a - b);
}

/**
 * A monthly or yearly rule's starts (see {@link expandRecurrence}) from the series' local start
 * `wallStart`; `instant(wall)` places a local time on the series' clock, and `limit(t, out)` says
 * whether t may still be added to out.
 */
function expandByMonths(
  rule: RecurrenceRule,
  wallStart: number,
  instant: (wall: number) => number,
  interval: number,
  limit: (t: number, out: number[]) => boolean,
): number[] {
  const local = new Date(wallStart);
  const y0 = local.getUTCFullYear();
  const m0 = local.getUTCMonth();
  const d0 = local.getUTCDate();
  const timeOfDay = wallStart - Date.UTC(y0, m0, d0);
  const months = [...new Set(rule.months ?? [])].filter((x) => x >= 1 && x <= 12).sort((a, b) => a - b);
  const out: number[] = [];
  // A rule that never matches (30 February) must still stop: at most this many periods are scanned.
  const periods = rule.freq === 'yearly' ? 4 * MAX_OCCURRENCES : 12 * MAX_OCCURRENCES;
  for (let k = 0; k < periods; k++) {
    const firstMonth = rule.freq === 'yearly' ? 12 * (y0 + k * interval) : 12 * y0 + m0 + k * interval;
    if (instant(Date.UTC(Math.floor(firstMonth / 12), firstMonth % 12, 1)) - DAY > rule.until) return out;
    const inPeriod =
      rule.freq === 'yearly'
        ? (months.length > 0 ? months : [m0 + 1]).map((x) => firstMonth + x - 1)
        : months.length === 0 || months.includes((firstMonth % 12) + 1)
          ? [firstMonth]
          : [];
    for (const ym of inPeriod) {
      const y = Math.floor(ym / 12);
      const m = ym % 12;
      for (const d of daysPicked(rule, y, m, d0)) {
        const wall = Date.UTC(y, m, d) + timeOfDay;
        if (wall < wallStart) continue;
        const t = instant(wall);
        if (!limit(t, out)) return out;
        out.push(t);
      }
    }
  }
  return out;
}

/**
 * Start times (epoch ms) of a recurring series that starts at `start`: every `interval` days; on
 * the given weekdays every `interval` weeks; or on the rule's days of every `interval` months or
 * years (see {@link RecurrenceRule}; the start's day of the month, or of the year, when it names
 * none), until `until` or `count` occurrences, at most {@link MAX_OCCURRENCES}. As in RFC 5545
 * (and python-dateutil's rrule), the start itself counts only when the rule picks it. Days and times
 * are those of the series' wall clock (`clock`: its time zone, or a fixed offset in ms east of UTC):
 * each occurrence keeps the start's local time of day across changes to and from summer time, a
 * local time the change skips is read with the offset before it, and one it repeats is its first
 * (see {@link wallToUtc}; the start itself is always its own instant). A rule with neither `until`
 * nor `count` gives the start alone (a series without end is counted once).
 * Complexity: O(occurrences + periods scanned).
 */
export function expandRecurrence(rule: RecurrenceRule, start: number, clock: WallClock | number = 0): number[] {
  if (Number.isNaN(rule.until) && Number.isNaN(rule.count)) return [start];
  const zone = typeof clock === 'number' ? fixedClock(clock) : clock;
  const interval = Math.max(1, Math.floor(rule.interval) || 1);
  const limitOf = (t: number, out: readonly number[]): boolean =>
    (Number.isNaN(rule.count) ? t <= rule.until : out.length < rule.count) && out.length < MAX_OCCURRENCES;
  const wallStart = utcToWall(zone, start);
  // The instant of a local time on the series' clock; the start is always its own instant.
  const instant = (wall: number): number => (wall === wallStart ? start : wallToUtc(zone, wall));
  if (rule.freq === 'monthly' || rule.freq === 'yearly') return expandByMonths(rule, wallStart, instant, interval, limitOf);
  const out: number[] = [];
  const limit = (t: number): boolean => limitOf(t, out);
  if (rule.freq === 'daily') {
    for (let wall = wallStart; ; wall += interval * DAY) {
      const t = instant(wall);
      if (!limit(t)) return out;
      out.push(t);
    }
  }
  const weekday = (wall: number): number => new Date(wall).getUTCDay();
  // Only real days of the week: a rule naming none (or none that exists) runs on the start's day.
  const days = new Set([...rule.weekdays].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  if (days.size === 0) days.add(weekday(wallStart));
  const weekStart = wallStart - ((weekday(wallStart) - rule.weekStartsOn + 7) % 7) * DAY;
  for (let w = 0; out.length < MAX_OCCURRENCES; w += interval) {
    for (let d = 0; d < 7; d++) {
      const wall = weekStart + (w * 7 + d) * DAY;
      if (wall < wallStart || !days.has(weekday(wall))) continue;
      const t = instant(wall);
      if (!limit(t)) return out;
      out.push(t);
    }
  }
  return out;
}

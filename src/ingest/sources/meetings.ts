/**
 * The part of the interaction model shared by the Microsoft 365 and Google Workspace readers
 * (docs/ingest.md, "Interaction model"): ties summed per (relation, source, target, UTC day), a
 * meeting split into every pair of its participants, and a daily / weekly recurring series
 * expanded into its occurrences. One implementation, so that one organisation's data from either
 * vendor gives comparable ties.
 */
import type { OrgGraphBuilder } from '../../model/org-graph.js';

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
}

/** One day in milliseconds. */
export const DAY = 86400000;

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

/** A daily or weekly recurrence rule, whatever the vendor's spelling (Graph pattern, iCalendar RRULE). */
export interface RecurrenceRule {
  readonly freq: 'daily' | 'weekly';
  /** Every `interval` days or weeks (at least 1). */
  readonly interval: number;
  /** Weekly: days of the week, 0 = Sunday; empty = the start's day. */
  readonly weekdays: ReadonlySet<number>;
  /** Weekly: the day a week starts on (0 = Sunday), for intervals above 1. */
  readonly weekStartsOn: number;
  /** Last allowed start (epoch ms, inclusive), or NaN. */
  readonly until: number;
  /** Number of occurrences, or NaN. */
  readonly count: number;
}

/**
 * Start times (epoch ms) of a recurring series that starts at `start`: every `interval` days, or
 * on the given weekdays every `interval` weeks, until `until` or `count` occurrences, at most
 * {@link MAX_OCCURRENCES}. Days of the week are those of the wall clock `offset` ms east of UTC
 * (the series' fixed offset; a daylight-saving change is not applied). A rule with neither `until`
 * nor `count` gives the start alone (a series without end is counted once).
 * Complexity: O(occurrences + weeks scanned).
 */
export function expandRecurrence(rule: RecurrenceRule, start: number, offset = 0): number[] {
  if (Number.isNaN(rule.until) && Number.isNaN(rule.count)) return [start];
  const interval = Math.max(1, Math.floor(rule.interval) || 1);
  const out: number[] = [];
  const limit = (t: number): boolean =>
    (Number.isNaN(rule.count) ? t <= rule.until : out.length < rule.count) && out.length < MAX_OCCURRENCES;
  if (rule.freq === 'daily') {
    for (let t = start; limit(t); t += interval * DAY) out.push(t);
    return out;
  }
  const weekday = (t: number): number => new Date(t + offset).getUTCDay();
  const days = new Set(rule.weekdays);
  if (days.size === 0) days.add(weekday(start));
  const weekStart = start - ((weekday(start) - rule.weekStartsOn + 7) % 7) * DAY;
  for (let w = 0; out.length < MAX_OCCURRENCES; w += interval) {
    for (let d = 0; d < 7; d++) {
      const t = weekStart + (w * 7 + d) * DAY;
      if (t < start || !days.has(weekday(t))) continue;
      if (!limit(t)) return out;
      out.push(t);
    }
  }
  return out;
}

/**
 * Wall clocks for expanding recurring meetings: a time zone's UTC offset at any instant, and a local
 * date-time back to its instant, by the rules of RFC 5545 (section 3.3.5) and Python's PEP 495.
 * A series repeats on its own wall clock: a weekly 09:00 meeting in Berlin is at 08:00 UTC in winter
 * and 07:00 UTC in summer. Zones are read by IANA name through JavaScript's Intl (the time-zone data
 * of Node's ICU), or by Windows name through CLDR's table ({@link WINDOWS_ZONES}), as Microsoft Graph
 * writes them.
 */
import { WINDOWS_ZONES } from './windows-zones.js';

/** One day in milliseconds (meetings.ts, slack.ts and the readers take it from here). */
export const DAY = 86400000;
const MINUTE = 60000;
const HOUR = 3600000;
/** The largest epoch ms a Date holds. */
const MAX_DATE = 8.64e15;

/** A time zone: its offset east of UTC (ms) at an instant (epoch ms). */
export interface WallClock {
  /** The zone's IANA name, or `UTC+hh:mm` for a fixed offset. */
  readonly name: string;
  /** Milliseconds east of UTC at instant `t`: local wall-clock time = t + offsetAt(t). */
  offsetAt(t: number): number;
}

/** A clock that never changes its offset (a date-time's written offset, when no zone is known). */
export function fixedClock(offset: number): WallClock {
  const m = Math.abs(offset) / MINUTE;
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return Object.freeze({ name: `UTC${offset < 0 ? '-' : '+'}${hhmm}`, offsetAt: () => offset });
}

/** UTC itself. */
export const UTC_CLOCK: WallClock = fixedClock(0);

/** Whether a time-zone name means UTC itself ("UTC", "Etc/UTC", "GMT", "Z", any case): read as {@link UTC_CLOCK}. */
export function isUtcName(name: string): boolean {
  return /^(utc|etc\/utc|gmt|z)$/i.test(name.trim());
}

const clocks = new Map<string, WallClock | null>();

/**
 * The clock of a zone named as IANA ("Europe/Berlin", any case) or Windows ("W. Europe Standard
 * Time") does it; null for a name neither knows (Graph's "tzone://Microsoft/Custom", a typo, "").
 * Offsets come from Intl.DateTimeFormat (every offset change in the time-zone data falls on a whole
 * minute), cached per hour of UTC. Complexity: O(1) per cached hour; memory 1 entry per hour asked.
 */
export function zoneClock(name: string): WallClock | null {
  const key = name.trim();
  if (key === '') return null;
  const cached = clocks.get(key);
  if (cached !== undefined) return cached;
  const iana = WINDOWS_ZONES[key] ?? key;
  let clock: WallClock | null;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    // The offset at the start of a minute, from Intl.
    const atMinute = (minute: number): number => {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(minute * MINUTE)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - minute * MINUTE;
    };
    // Offsets at whole hours, cached: an hour with the same offset at both ends has it throughout
    // (no zone changes twice within an hour); only the rare hour of a change is read to the minute.
    const hours = new Map<number, number>();
    const atHour = (hour: number): number => {
      let offset = hours.get(hour);
      if (offset === undefined) hours.set(hour, (offset = atMinute(hour * 60)));
      return offset;
    };
    const offsetAt = (t: number): number => {
      // Outside the dates Intl can format (NaN, or past year 275760): no offset, never a throw.
      if (!(Math.abs(t) <= MAX_DATE - DAY)) return 0;
      const hour = Math.floor(t / HOUR);
      const start = atHour(hour);
      return start === atHour(hour + 1) ? start : atMinute(Math.floor(t / MINUTE));
    };
    clock = Object.freeze({ name: format.resolvedOptions().timeZone, offsetAt });
  } catch {
    clock = null;
  }
  clocks.set(key, clock);
  return clock;
}

/**
 * The instant (epoch ms) at which `clock` shows the local date-time `wall` (ms since 1970-01-01 on
 * the wall clock, as if it were UTC). A time skipped by a change to summer time is read with the
 * offset before the change (02:30 on a spring-forward night in Berlin is 01:30 UTC, as 03:30 summer
 * time); a time that occurs twice when the clocks go back is its first occurrence (RFC 5545 3.3.5;
 * PEP 495 fold = 0, as python-dateutil with zoneinfo reads it).
 * Edge cases: assumes at most one offset change within a day either side of `wall`, true of every
 * zone in the time-zone data. Complexity: O(1) offset lookups.
 */
export function wallToUtc(clock: WallClock, wall: number): number {
  const before = clock.offsetAt(wall - DAY);
  const after = clock.offsetAt(wall + DAY);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyHolds = clock.offsetAt(early) === before;
  const lateHolds = clock.offsetAt(late) === after;
  if (earlyHolds && lateHolds) return Math.min(early, late);
  if (lateHolds) return late;
  // earlyHolds alone, or neither (a skipped time): the offset before the change.
  return early;
}

/** The local wall-clock time (ms, as if UTC) that `clock` shows at instant `t`. */
export function utcToWall(clock: WallClock, t: number): number {
  return t + clock.offsetAt(t);
}

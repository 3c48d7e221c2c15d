/**
 * Cell values: weights, timestamps and yes/no flags as orgraph reads them from text.
 * Each parser returns a value or a reason, never throws, so strict and lenient modes share them.
 * Reference: ISO 8601-1:2019 (calendar dates and times of day, UTC offsets).
 */

import { MAX_WEIGHT, MIN_WEIGHT, WEIGHT_RANGE } from '../model/org-graph.js';

/** A parsed value or the reason it could not be read. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A tie weight: a decimal number in [MIN_WEIGHT, MAX_WEIGHT] = [1e-12, 1e12] (a strength: more =
 * closer). Empty, non-numeric, NaN, infinite, zero, negative and extreme values (1e308, whose sum
 * over two ties overflows; 5e-324, whose distance 1/w is infinite) are refused with a reason.
 * @example parseWeight('2.5') // { ok: true, value: 2.5 }
 */
export function parseWeight(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty weight' };
  if (!DECIMAL.test(s)) {
    if (/^[+-]?(nan|inf|infinity)$/i.test(s)) return { ok: false, reason: `weight "${s}" is not a finite number` };
    if (/^[+-]?\d+,\d+$/.test(s))
      return { ok: false, reason: `weight "${s}" is not a number (decimal comma? write "${s.replace(',', '.')}")` };
    return { ok: false, reason: `weight "${s}" is not a number` };
  }
  const w = Number(s);
  if (!Number.isFinite(w)) return { ok: false, reason: `weight "${s}" is not a finite number` };
  if (w === 0) return { ok: false, reason: 'weight is 0 (a tie must have a positive strength; leave the row out for "no tie")' };
  if (w < 0) return { ok: false, reason: `weight ${s} is negative (weights are strengths > 0)` };
  if (w < MIN_WEIGHT || w > MAX_WEIGHT) {
    return { ok: false, reason: `weight ${s} is outside ${WEIGHT_RANGE} (rescale the weights)` };
  }
  return { ok: true, value: w };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^-?\d+(?:\.\d+)?$/;

/**
 * A timestamp in milliseconds since the Unix epoch: either a number (epoch milliseconds) or an
 * ISO 8601 date / date-time (`2010-01-02`, `2010-01-02T17:40:10Z`, `2010-01-02 17:40:10+01:00`).
 * A date-time without a UTC offset is read as UTC (never as the machine's local time), so results
 * do not depend on where orgraph runs. Out-of-range parts (month 13, 30 February, 25:00) are refused.
 * @example parseTime('1970-01-01T00:00:01Z') // { ok: true, value: 1000 }
 */
export function parseTime(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty timestamp' };
  if (EPOCH.test(s)) {
    const v = Number(s);
    if (Number.isFinite(v) && Math.abs(v) <= 8.64e15) return { ok: true, value: v };
    return { ok: false, reason: `timestamp "${s}" is out of range` };
  }
  const m = ISO.exec(s);
  if (!m) return { ok: false, reason: `timestamp "${s}" is neither ISO 8601 (2010-01-02T17:40:10Z) nor epoch milliseconds` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `timestamp "${s}" is not a real date and time` };
  }
  const offset = m[8] ? offsetOf(m[8]) : 0;
  if (Number.isNaN(offset)) return { ok: false, reason: `timestamp "${s}" has a bad UTC offset` };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  // NOTE: Date.UTC maps years 0-99 to 1900-1999; ISO years here always have 4 digits, so set it back.
  const fixed = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return { ok: true, value: fixed - offset };
}

/** A written UTC offset ('Z', '+01:00', '-0530', '+01') in ms east of UTC; NaN past 23:59. */
function offsetOf(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = Number(digits.slice(2) || '0');
  return oh > 23 || om > 59 ? NaN : (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60000;
}

/**
 * {@link parseTime}, with the UTC offset the text was written with: `offset` in ms east of UTC, or
 * null when it names none (then `value` is its wall-clock time read as UTC, for a reader that knows
 * the zone it was written in). Epoch milliseconds are instants: offset 0. Not on the hot path of
 * the CSV readers, which call parseTime.
 */
export function parseTimeWithOffset(text: string): Parsed<{ value: number; offset: number | null }> {
  const t = parseTime(text);
  if (!t.ok) return t;
  const s = text.trim();
  const zone = EPOCH.test(s) ? 'Z' : ISO.exec(s)?.[8];
  return { ok: true, value: { value: t.value, offset: zone === undefined ? null : offsetOf(zone) } };
}

const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n', '']);

/**
 * A yes/no cell: true/1/yes/y and false/0/no/n/empty, any case.
 * @example parseFlag('Yes') // { ok: true, value: true }
 */
export function parseFlag(text: string): Parsed<boolean> {
  const s = text.trim().toLowerCase();
  if (TRUE.has(s)) return { ok: true, value: true };
  if (FALSE.has(s)) return { ok: true, value: false };
  return { ok: false, reason: `"${text.trim()}" is not a yes/no value (true/1/yes/y or false/0/no/n)` };
}

/**
 * Wall clocks (src/ingest/sources/zones.ts): offsets by IANA and Windows name, and local times back to
 * instants across the changes to and from summer time. Expected instants derived by hand from the
 * published rules: Europe/Berlin changes from UTC+1 to UTC+2 at 01:00 UTC on the last Sunday of
 * March (29 March 2026) and back at 01:00 UTC on the last Sunday of October (25 October 2026).
 */
import { describe, expect, it } from 'vitest';
import { fixedClock, UTC_CLOCK, utcToWall, wallToUtc, zoneClock } from '../../../src/ingest/sources/zones.js';
import { WINDOWS_ZONES } from '../../../src/ingest/sources/windows-zones.js';

const H = 3600000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
const wall = (s: string) => Date.parse(`${s}:00Z`);

describe('zoneClock', () => {
  it('reads IANA names in any case and Windows names through CLDR, and nothing else', () => {
    expect(zoneClock('Europe/Berlin')?.name).toBe('Europe/Berlin');
    expect(zoneClock('europe/berlin')?.name).toBe('Europe/Berlin');
    expect(zoneClock('W. Europe Standard Time')?.name).toBe('Europe/Berlin');
    expect(zoneClock('AUS Eastern Standard Time')?.name).toBe('Australia/Sydney');
    expect(zoneClock('Pacific Standard Time')?.name).toBe('America/Los_Angeles');
    for (const bad of ['', '  ', 'tzone://Microsoft/Custom', 'Europe/Atlantis', 'Z']) expect(zoneClock(bad)).toBeNull();
  });

  it('knows every IANA zone of the Windows table', () => {
    const names = Object.keys(WINDOWS_ZONES);
    expect(names.length).toBeGreaterThan(130);
    expect(names.filter((n) => zoneClock(n) === null)).toEqual([]);
  });

  it('gives the offsets on both sides of the changes', () => {
    const berlin = zoneClock('Europe/Berlin')!;
    expect(berlin.offsetAt(Date.UTC(2026, 2, 29, 0, 59))).toBe(H);
    expect(berlin.offsetAt(Date.UTC(2026, 2, 29, 1, 0))).toBe(2 * H);
    expect(berlin.offsetAt(Date.UTC(2026, 9, 25, 0, 59))).toBe(2 * H);
    expect(berlin.offsetAt(Date.UTC(2026, 9, 25, 1, 0))).toBe(H);
    // Lord Howe Island goes back half an hour at 02:00 local on 5 April 2026 (15:00 UTC on the 4th).
    const lordHowe = zoneClock('Australia/Lord_Howe')!;
    expect(lordHowe.offsetAt(Date.UTC(2026, 3, 4, 14, 59))).toBe(11 * H);
    expect(lordHowe.offsetAt(Date.UTC(2026, 3, 4, 15, 0))).toBe(10.5 * H);
    // Kathmandu: UTC+5:45 all year; Sydney: UTC+11 in January, +10 in July.
    expect(zoneClock('Asia/Kathmandu')!.offsetAt(Date.UTC(2026, 6, 1))).toBe(5.75 * H);
    expect(zoneClock('Australia/Sydney')!.offsetAt(Date.UTC(2026, 0, 1))).toBe(11 * H);
    expect(zoneClock('Australia/Sydney')!.offsetAt(Date.UTC(2026, 6, 1))).toBe(10 * H);
  });

  it('names fixed offsets', () => {
    expect(fixedClock(5.5 * H).name).toBe('UTC+05:30');
    expect(fixedClock(-3.5 * H).name).toBe('UTC-03:30');
    expect(UTC_CLOCK.name).toBe('UTC+00:00');
  });
});

describe('wallToUtc', () => {
  const berlin = zoneClock('Europe/Berlin')!;

  it('reads ordinary local times with the offset in force', () => {
    expect(iso(wallToUtc(berlin, wall('2026-03-28T09:00')))).toBe('2026-03-28T08:00');
    expect(iso(wallToUtc(berlin, wall('2026-03-29T09:00')))).toBe('2026-03-29T07:00');
    expect(iso(wallToUtc(berlin, wall('2026-03-29T01:59')))).toBe('2026-03-29T00:59');
    expect(iso(wallToUtc(berlin, wall('2026-10-25T03:00')))).toBe('2026-10-25T02:00');
  });

  it('reads a skipped local time with the offset before the change, a repeated one as its first occurrence', () => {
    // 02:30 does not exist on 29 March: read at UTC+1, it is 01:30 UTC (03:30 summer time).
    expect(iso(wallToUtc(berlin, wall('2026-03-29T02:30')))).toBe('2026-03-29T01:30');
    expect(iso(wallToUtc(berlin, wall('2026-03-29T02:00')))).toBe('2026-03-29T01:00');
    // 02:30 happens twice on 25 October: first at UTC+2 (00:30 UTC), then at UTC+1 (01:30 UTC).
    expect(iso(wallToUtc(berlin, wall('2026-10-25T02:30')))).toBe('2026-10-25T00:30');
    expect(iso(wallToUtc(berlin, wall('2026-10-25T02:00')))).toBe('2026-10-25T00:00');
  });

  it('is the inverse of utcToWall outside the repeated hour, and exact for fixed offsets', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * H + 13 * 60000) {
      const w = utcToWall(berlin, t);
      const back = wallToUtc(berlin, w);
      const repeated = t >= Date.UTC(2026, 9, 25, 1) && t < Date.UTC(2026, 9, 25, 2);
      expect(back).toBe(repeated ? t - H : t);
    }
    expect(wallToUtc(fixedClock(5.5 * H), wall('2026-01-15T10:00'))).toBe(Date.UTC(2026, 0, 15, 4, 30));
  });
});

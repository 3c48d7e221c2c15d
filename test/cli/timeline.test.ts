/**
 * `orgraph timeline` and `--from` detection in-process: a 12-month generated event log (seeded)
 * gives 12 periods and 11 churn rows, each consistent with the tie counts (ties(t) = ties(t-1) +
 * gained - lost, an identity the churn code does not use), and one stderr note says what the event
 * model left out; Viva P2P is detected from its header.
 * `orgraph analyze` adds the report's timeline section when the input has several periods.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/util/random.js';
import type { TimelineResult } from '../../src/recommend/timeline.js';
import { detectSource } from '../../src/ingest/sources/detect.js';
import { loadEvents } from '../../src/ingest/events.js';
import { cli } from '../helpers/cli.js';

/** 40 people, 3,000 e-mails over 2025, each to 1-3 colleagues; people p30-p39 only write from July. */
function yearLog(): string {
  const rnd = mulberry32(5);
  const lines = ['sender,recipients,time,channel'];
  for (let e = 0; e < 3000; e++) {
    const t = Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365 * 86400000);
    const pool = t >= Date.UTC(2025, 6, 1) ? 40 : 30;
    const who = () => `p${Math.floor(rnd() * pool)}`;
    const k = 1 + Math.floor(rnd() * 3);
    lines.push([who(), Array.from({ length: k }, who).join(';'), new Date(t).toISOString(), 'email'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('orgraph timeline', () => {
  it('a 12-month event log: 12 periods, 11 churn rows consistent with the tie counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-timeline-'));
    const log = join(dir, 'mail.csv');
    writeFileSync(log, yearLog());
    const r = await cli(['timeline', log, '--engine', 'memory', '--window', '2025-01-01..2025-12-31', '--format', 'json']);
    // Random recipients sometimes pick the sender: those pairs, and events left with no one else,
    // made no tie, and the one note says so (the counts of loadEvents reading the same year).
    const st = (await loadEvents(log, { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).report.events!;
    expect([st.eventsWithoutRecipients, st.selfRecipients, st.eventsOutsideWindow]).toEqual([33, 173, 0]);
    expect(r.err).toBe(
      'orgraph: note: read as events: no tie from 33 events with no recipient besides the sender, 173 senders listed among their own recipients (that pair skipped); `orgraph aggregate` with the same options lists every count\n',
    );
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as TimelineResult;
    expect(t.periods.map((p) => p.label)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(t.churn).toHaveLength(11);
    t.churn.forEach((c, i) => {
      expect(t.periods[i + 1].ties).toBe(t.periods[i].ties + c.gained - c.lost);
      expect(t.periods[i].ties - c.lost).toBe(c.strengthened + c.weakened + c.steady);
    });
    // p30..p39 appear in July only: they all join between June and July.
    const joinedInJuly = t.churn[5].joined.filter((id) => Number(id.slice(1)) >= 30);
    expect(joinedInJuly.length).toBe(10);
    expect(t.churn.slice(0, 5).every((c) => c.joined.every((id) => Number(id.slice(1)) < 30))).toBe(true);
  });

  it('reads a Viva P2P export with two MetricDates out of the box (format detected)', async () => {
    expect(await detectSource('test/fixtures/sources/viva-p2p-legacy.csv')).toBe('viva-p2p');
    expect(await detectSource('test/fixtures/sources/viva-g2g.csv')).toBe('viva-g2g');
    expect(await detectSource('test/fixtures/sources/viva-person.csv')).toBe('viva-person');
    expect(await detectSource('test/fixtures/sources/events-bad.csv')).toBe('events');
    const r = await cli([
      'timeline',
      'test/fixtures/sources/viva-p2p-current.csv',
      '--period',
      'date',
      '--group',
      'Organization',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as TimelineResult;
    expect(t.periods.map((p) => [p.label, p.people, p.ties])).toEqual([
      ['2026-01-31', 4, 3],
      ['2026-02-28', 4, 3],
    ]);
  });

  it('--min-group-size: a group of 2 is merged (with the smallest other, to reach 5) in every period and in the churn', async () => {
    // 14 people: A = p0..p5, B = p6..p11, C = p12, p13. January: a ring over all 14. February: the
    // same ring plus p12-p0 (C-A) and p13-p7 (C-B). Default k = 5: C (2 people) is merged, and so
    // is one group of 6 (complementary suppression), in both periods and in the churn.
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-timeline-k-'));
    const group = (i: number) => (i < 6 ? 'A' : i < 12 ? 'B' : 'C');
    writeFileSync(join(dir, 'people.csv'), ['id,unit', ...Array.from({ length: 14 }, (_, i) => `p${i},${group(i)}`)].join('\n') + '\n');
    const ring = (day: string) => Array.from({ length: 14 }, (_, i) => `p${i},p${(i + 1) % 14},1,tie,${day}`);
    const ties = ['source,target,weight,relation,time', ...ring('2025-01-10'), ...ring('2025-02-10')];
    ties.push('p12,p0,1,tie,2025-02-11', 'p13,p7,1,tie,2025-02-12');
    writeFileSync(join(dir, 'ties.csv'), ties.join('\n') + '\n');

    const merged = await cli(['timeline', dir, '--group', 'unit', '--format', 'json']);
    expect(merged.code).toBe(0);
    const t = JSON.parse(merged.out) as TimelineResult;
    expect(t.periods.map((p) => p.label)).toEqual(['2025-01', '2025-02']);
    const note = { minGroupSize: 5, groupsMerged: 1, groupsMergedToProtect: 1, allGroupsWithheld: false };
    for (const p of t.periods) expect(p.privacy).toEqual(note);
    expect(t.churn[0].privacy).toEqual(note);
    expect(t.churn[0].gained).toBe(2);
    expect(merged.out).not.toContain('"C"');
    expect(merged.err).toContain('orgraph: 2025-01: 1 group under 5 people merged into "Other (small groups)", with 1 more');
    const text = await cli(['timeline', dir, '--group', 'unit']);
    expect(text.out).toContain('Privacy (docs/privacy.md):\n2025-01: 1 group under 5 people merged');
    expect(text.err).toBe('');

    const open = await cli(['timeline', dir, '--group', 'unit', '--min-group-size', '1', '--format', 'json']);
    expect(open.code).toBe(0);
    expect(open.err).toBe('');
    const u = JSON.parse(open.out) as TimelineResult;
    expect(u.periods[0].privacy).toEqual({ minGroupSize: 1, groupsMerged: 0, groupsMergedToProtect: 0, allGroupsWithheld: false });
    expect(u.churn[0].byGroups.map((g) => [g.groupA, g.groupB, g.gained])).toEqual([
      ['A', 'C', 1],
      ['B', 'C', 1],
    ]);
    for (const k of ['0', '2.5', 'x']) expect((await cli(['timeline', dir, '--group', 'unit', '--min-group-size', k])).code).toBe(2);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['timeline', 'test/fixtures/sources/viva-p2p-current.csv', '--period', 'week'])).code).toBe(2);
    expect((await cli(['validate', 'test/fixtures/sources/viva-p2p-current.csv', '--from', 'excel'])).code).toBe(2);
  });
});

/** The rows of the report's timeline table, as cell texts; null when there is no timeline section. */
function timelineRows(html: string): string[][] | null {
  const m = /<section id="timeline">([\s\S]*?)<\/section>/.exec(html);
  if (!m) return null;
  return [...m[1].matchAll(/<tr>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]));
}

describe('orgraph analyze: timeline section when the input has several periods', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-analyze-timeline-'));

  it('a Viva P2P export with two MetricDates: one row per date, churn derived by hand', async () => {
    const out = join(dir, 'viva');
    const r = await cli(['analyze', 'test/fixtures/sources/viva-p2p-current.csv', '--out', out, '--quiet', '--min-group-size', '1']);
    expect(r.code).toBe(0);
    const rows = timelineRows(readFileSync(join(out, 'report.html'), 'utf8'))!;
    // Pairs with a non-zero score: 01/31 P001-P002, P001-P003, P003-P004 (P002-P003 scores 0);
    // 02/28 P001-P002, P004-P001, P003-P004. Gained P001-P004, lost P001-P003; nobody joins or leaves.
    expect(rows.map((c) => [c[0], c[1], c[2]])).toEqual([
      ['2026-01-31', '4', '3'],
      ['2026-02-28', '4', '3'],
    ]);
    expect([rows[1][6], rows[1][7], rows[1][10], rows[1][11]]).toEqual(['1', '1', '0', '0']);
  });

  it('one MetricDate: no section; an event log: a section only with --period', async () => {
    const one = join(dir, 'one.csv');
    writeFileSync(
      one,
      readFileSync('test/fixtures/sources/viva-p2p-current.csv', 'utf8')
        .split('\n')
        .filter((l, i) => i === 0 || l.includes('01/31/2026'))
        .join('\n'),
    );
    expect((await cli(['analyze', one, '--out', join(dir, 'one'), '--quiet', '--min-group-size', '1'])).code).toBe(0);
    expect(timelineRows(readFileSync(join(dir, 'one', 'report.html'), 'utf8'))).toBeNull();
    const log = join(dir, 'mail.csv');
    writeFileSync(log, yearLog());
    expect((await cli(['analyze', log, '--out', join(dir, 'log1'), '--quiet'])).code).toBe(0);
    expect(timelineRows(readFileSync(join(dir, 'log1', 'report.html'), 'utf8'))).toBeNull();
    const args = ['analyze', log, '--out', join(dir, 'log2'), '--quiet', '--period', 'quarter', '--engine', 'memory'];
    expect((await cli([...args, '--window', '2025-01-01..2025-12-31'])).code).toBe(0);
    const rows = timelineRows(readFileSync(join(dir, 'log2', 'report.html'), 'utf8'))!;
    expect(rows.map((c) => c[0])).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    // p30..p39 write from July only: all ten join in Q3.
    expect(rows[2][10]).toBe('10');
    expect((await cli(args)).code).toBe(2);
  });

  it('an event log with a narrower --window: stderr and the report say what the periods left out', async () => {
    const log = join(dir, 'mail-half.csv');
    const text = yearLog();
    writeFileSync(log, text);
    // By hand from the log: the events dated from July on fall outside a January-June window.
    const outside = text
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.split(',')[2] >= '2025-07-01').length;
    expect(outside).toBeGreaterThan(1000);
    const out = join(dir, 'half');
    const r = await cli([
      'analyze',
      log,
      '--out',
      out,
      '--quiet',
      '--period',
      'quarter',
      '--engine',
      'memory',
      '--window',
      '2025-01-01..2025-06-30',
    ]);
    expect(r.code).toBe(0);
    const timelineNotes = r.err.split('\n').filter((l) => l.startsWith('orgraph: timeline: '));
    expect(timelineNotes).toHaveLength(1);
    expect(timelineNotes[0]).toContain(`no tie from ${outside} events outside the time window`);
    expect(timelineNotes[0]).toMatch(/`orgraph aggregate` with the same options lists every count$/);
    const rows = timelineRows(readFileSync(join(out, 'report.html'), 'utf8'))!;
    expect(rows.map((c) => c[0])).toEqual(['2025-Q1', '2025-Q2']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { input: { notes: string[] } };
    const sentence = summary.input.notes.find((n) =>
      n.startsWith("The timeline's periods, aggregated again from the log: read as events: "),
    );
    expect(sentence).toContain(`${outside} events outside the time window`);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`${outside} events outside the time window`);
  });
});

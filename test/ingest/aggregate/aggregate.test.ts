/**
 * Event aggregation at warehouse scale: the DuckDB engine (the DuckDB dialect of the generated SQL,
 * executed) against the in-memory engine (`loadEvents`, the reference) on a seeded generated log,
 * the same accounting of bad rows in both, and the SQL of every dialect under golden files
 * (test/fixtures/sources/sql/; regenerate with UPDATE_GOLDEN=1 after a reviewed change).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/util/random.js';
import { aggregateWithDuckDb, parseByteSize, type AggregateResult } from '../../../src/ingest/aggregate/duckdb.js';
import { aggregateInMemory, calendarPeriods, parseWindow } from '../../../src/ingest/aggregate/memory.js';
import { aggregateSql, duckDbNumberText, duckDbStagedSql, periodLabel, SQL_DIALECTS } from '../../../src/ingest/aggregate/sql.js';
import { loadEvents } from '../../../src/ingest/events.js';
import { emptyEventStats, type EventStats } from '../../../src/ingest/report.js';
import { OrgraphError } from '../../../src/model/errors.js';
import { cli } from '../../helpers/cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'orgraph-aggregate-'));

/**
 * A seeded event log: 60 people, 4,000 events over Dec 2025 - Apr 2026, 1-8 recipients separated
 * by ';' or '|', with the sender among its own recipients, repeated recipients, stray spaces,
 * three channels, durations and a few broadcasts to 30 people.
 */
function generateLog(seed: number, events = 4000): string {
  const rnd = mulberry32(seed);
  const person = (): string => `p${String(Math.floor(rnd() * 60)).padStart(2, '0')}`;
  const start = Date.UTC(2025, 11, 1);
  const span = Date.UTC(2026, 4, 1) - start;
  const lines = ['sender,recipients,time,channel,duration'];
  for (let e = 0; e < events; e++) {
    const s = person();
    const k = rnd() < 0.01 ? 30 : 1 + Math.floor(rnd() * 8);
    const rs: string[] = [];
    for (let j = 0; j < k; j++) rs.push(rnd() < 0.05 ? s : rnd() < 0.05 && rs.length ? rs[0] : person());
    const sep = rnd() < 0.3 ? '|' : ';';
    const time = new Date(start + Math.floor(rnd() * span)).toISOString();
    const channel = ['email', 'chat', 'meeting'][Math.floor(rnd() * 3)];
    const duration = (15 * (1 + Math.floor(rnd() * 6))).toString();
    lines.push([s, rs.map((r) => (rnd() < 0.1 ? ` ${r} ` : r)).join(sep), time, channel, duration].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function key(r: AggregateResult): Map<string, { weight: number; events: number }> {
  return new Map(r.ties.map((t) => [`${t.period}|${t.relation}|${t.source}>${t.target}`, { weight: t.weight, events: t.events }]));
}

function expectSameTies(a: AggregateResult, b: AggregateResult): void {
  const ka = key(a);
  const kb = key(b);
  expect([...ka.keys()].sort()).toEqual([...kb.keys()].sort());
  for (const [k, v] of ka) {
    expect(Math.abs(v.weight - kb.get(k)!.weight)).toBeLessThanOrEqual(1e-9);
    expect(v.events).toBe(kb.get(k)!.events);
  }
  expect(a.people).toEqual(b.people);
}

/**
 * The warehouse SQL's `counts` row (after its `pairs` statement) run on DuckDB over a CSV log,
 * its columns renamed as EventStats.
 */
async function countsStatementOnDuckDb(log: string, options: Parameters<typeof aggregateSql>[1]): Promise<EventStats> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run("SET TimeZone = 'UTC'");
  await c.run(
    `CREATE TABLE events AS SELECT sender, recipients, CAST(CAST("time" AS TIMESTAMPTZ) AS TIMESTAMP) AS "time", channel, TRY_CAST(duration AS DOUBLE) AS duration FROM read_csv('${log}', all_varchar = true)`,
  );
  const sql = aggregateSql('duckdb', options);
  await c.run(sql.pairs.replace(/;\s*$/, ''));
  const row = (await c.runAndReadAll(sql.counts.replace(/;\s*$/, ''))).getRowObjectsJS()[0];
  c.closeSync();
  const snake = (k: string): string => k.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);
  return Object.fromEntries(Object.keys(emptyEventStats()).map((k) => [k, Number(row[snake(k)])])) as unknown as EventStats;
}

describe('duckdb and memory engines give the same ties', () => {
  const dir = tmp();
  const log = join(dir, 'events.csv');
  writeFileSync(log, generateLog(11));

  it.each([
    ['full weighting, whole window', { from: '2026-01-01', to: '2026-04-01' }],
    [
      'split weighting, by month, broadcast cutoff 10, at least 2 events',
      {
        from: '2026-01-01',
        to: '2026-04-01',
        period: 'month' as const,
        groupWeighting: 'split' as const,
        maxRecipients: 10,
        minInteractions: 2,
      },
    ],
    [
      'duration weighting, by quarter, one relation',
      { from: '2025-12-01', to: '2026-05-01', period: 'quarter' as const, groupWeighting: 'duration' as const, relation: 'contact' },
    ],
  ])('%s', async (_name, options) => {
    const duck = await aggregateWithDuckDb([log], options);
    const mem = await aggregateInMemory([log], options);
    expect(duck.ties.length).toBeGreaterThan(100);
    expectSameTies(duck, mem);
    expect(duck.report.files[0]).toMatchObject({ rowsRead: 4000, rowsKept: 4000, rowsDropped: 0 });
    // What the model did with the events: the same counts from both engines, and per event the
    // counts of one loadEvents read over the whole window (the periods only split the pairs).
    expect(duck.report.events).toEqual(mem.report.events);
    // The warehouse SQL counts the same.
    expect(await countsStatementOnDuckDb(log, options)).toEqual(duck.report.events);
    const whole = (
      await loadEvents(log, {
        from: `${options.from}T00:00:00Z`,
        to: `${options.to}T00:00:00Z`,
        maxRecipients: 'maxRecipients' in options ? options.maxRecipients : Infinity,
        minInteractions: 'minInteractions' in options ? options.minInteractions : 1,
      })
    ).report.events!;
    const perEvent = (e: EventStats) => [
      e.events,
      e.eventsUsed,
      e.eventsOutsideWindow,
      e.eventsTooManyRecipients,
      e.eventsWithoutRecipients,
      e.selfRecipients,
      e.repeatedRecipients,
    ];
    expect(perEvent(duck.report.events!)).toEqual(perEvent(whole));
    // The log runs Dec 2025 - Apr 2026: a window from January leaves events out.
    if (options.from === '2026-01-01') expect(whole.eventsOutsideWindow).toBeGreaterThan(0);
    expect(whole.selfRecipients).toBeGreaterThan(0);
    expect(whole.repeatedRecipients).toBeGreaterThan(0);
    expect(duck.report.events!.ties).toBe(duck.ties.length);
    // One window, one period: the pairs are loadEvents' too (relation = channel in both).
    if (!('period' in options)) expect(duck.report.events).toEqual(whole);
  });

  it('a Parquet log with typed columns and other column names (from, to, timestamp) gives the same ties', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const pq = join(dir, 'events.parquet');
    await c.run("SET TimeZone = 'UTC'");
    await c.run(
      `COPY (SELECT sender AS "from", recipients AS "to", CAST("time" AS TIMESTAMPTZ) AS "timestamp", channel, CAST(duration AS DOUBLE) AS duration FROM read_csv('${log}', all_varchar = true)) TO '${pq}' (FORMAT parquet)`,
    );
    c.closeSync();
    const options = {
      from: '2026-01-01',
      to: '2026-04-01',
      period: 'month' as const,
      groupWeighting: 'duration' as const,
      maxRecipients: 10,
    };
    const duck = await aggregateWithDuckDb([pq], options);
    expect(duck.ties.length).toBeGreaterThan(100);
    expectSameTies(duck, await aggregateInMemory([log], options));
  });

  it('two files are one log (pairs summed across files before the minimum)', async () => {
    const text = generateLog(12, 1000).split('\n');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, `${text.slice(0, 501).join('\n')}\n`);
    writeFileSync(b, `${[text[0], ...text.slice(501)].join('\n')}`);
    const options = { minInteractions: 2, groupWeighting: 'split' as const };
    const [duck, mem] = [await aggregateWithDuckDb([a, b], options), await aggregateInMemory([a, b], options)];
    expectSameTies(duck, mem);
    expect(duck.report.events).toEqual(mem.report.events);
    expect(duck.report.events).toMatchObject({ events: 1000, eventsOutsideWindow: 0, ties: duck.ties.length });
    expectSameTies(
      await aggregateWithDuckDb([a, b], options),
      await aggregateInMemory(
        [join(dir, 'all.csv')].map((f) => (writeFileSync(f, `${text.join('\n')}`), f)),
        options,
      ),
    );
  });
});

describe('bad rows', () => {
  const BAD = 'test/fixtures/sources/events-bad.csv';
  // Lines: 2 kept; 3 empty sender; 4 recipients " ; |" = none; 5 time "not-a-time"; 6 kept;
  // 7 empty time; 8 kept (+01:00 offset).
  it('strict: both engines stop at line 3, naming the field', async () => {
    for (const engine of [aggregateWithDuckDb, aggregateInMemory]) {
      const e = await engine([BAD]).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OrgraphError);
      expect((e as OrgraphError).message).toBe(`${BAD}:3: field "sender": empty sender`);
    }
  });

  it('lenient: both engines account for every row the same way', async () => {
    const duck = await aggregateWithDuckDb([BAD], { mode: 'lenient' });
    const mem = await aggregateInMemory([BAD], { mode: 'lenient' });
    for (const r of [duck, mem]) {
      expect(r.report.files[0]).toMatchObject({ rowsRead: 7, rowsKept: 3, rowsDropped: 4, dropped: { E_EMPTY_ID: 2, E_BAD_TIMESTAMP: 2 } });
      expect(r.report.issues.map((i) => [i.line, i.field, i.code])).toEqual([
        [3, 'sender', 'E_EMPTY_ID'],
        [4, 'recipients', 'E_EMPTY_ID'],
        [5, 'time', 'E_BAD_TIMESTAMP'],
        [7, 'time', 'E_BAD_TIMESTAMP'],
      ]);
    }
    // Kept: a>b, a>c (email), c>a, c>b (meeting), d>a (chat).
    expectSameTies(duck, mem);
    // The model's counts are over the 3 rows kept, each a tie of its own.
    for (const r of [duck, mem]) expect(r.report.events).toMatchObject({ events: 3, eventsUsed: 3, pairs: 5, ties: 5 });
    expect(duck.ties.map((t) => `${t.relation}:${t.source}>${t.target}`)).toEqual([
      'chat:d>a',
      'email:a>b',
      'email:a>c',
      'meeting:c>a',
      'meeting:c>b',
    ]);
  });
});

/**
 * A log small enough to count by hand (window 2026-01-01..2026-03-31, by month, cutoff 4, at least
 * 2 events a pair). Rows: a>b,c (Jan); a>b (Jan); b>a with a listed three times (Feb: 2 repeats);
 * c>c (the sender alone: 1 self, no recipient); d>6 people (over the cutoff); e>f on 2025-12-30
 * (outside); b>a,b (Mar: 1 self). So 7 events, 4 counted; pairs by period: Jan a>b (2 events),
 * a>c (1); Feb b>a (1); Mar b>a (1): 4 pairs, 3 of them below 2 events (3 events), 1 tie; the
 * people of the counted events: a, b, c.
 */
const HAND_LOG = `sender,recipients,time,channel,duration
a,b;c,2026-01-05T10:00:00Z,email,
a,b,2026-01-06T10:00:00Z,email,
b,a; a |a,2026-02-06T10:00:00Z,email,
c,c,2026-02-07T10:00:00Z,email,
d,a;b;c;e;f;g,2026-02-08T10:00:00Z,email,
e,f,2025-12-30T10:00:00Z,email,
b,a;b,2026-03-01T09:00:00Z,email,
`;
const HAND_OPTIONS = { from: '2026-01-01', to: '2026-04-01', period: 'month' as const, maxRecipients: 4, minInteractions: 2 };
const HAND_COUNTS: EventStats = {
  events: 7,
  eventsUsed: 4,
  eventsOutsideWindow: 1,
  eventsTooManyRecipients: 1,
  eventsWithoutRecipients: 1,
  selfRecipients: 2,
  repeatedRecipients: 2,
  pairs: 4,
  pairsBelowMinimum: 3,
  interactionsBelowMinimum: 3,
  ties: 1,
};

describe('what the event model left out, counted by both engines (nothing dropped silently)', () => {
  const dir = tmp();
  const log = join(dir, 'hand.csv');
  writeFileSync(log, HAND_LOG);

  it('in memory, on DuckDB and on DuckDB staged: the hand counts', async () => {
    const mem = await aggregateInMemory([log], HAND_OPTIONS);
    const duck = await aggregateWithDuckDb([log], HAND_OPTIONS);
    const staged = await aggregateWithDuckDb([log], { ...HAND_OPTIONS, outDir: join(dir, 'out'), buckets: 2 });
    for (const r of [mem, duck, staged]) expect(r.report.events).toEqual(HAND_COUNTS);
    expect(mem.ties.map((t) => `${t.period}:${t.source}>${t.target}`)).toEqual(['2026-01-01:a>b']);
  });

  it("the warehouse SQL's counts statement, run on DuckDB, gives the same row", async () => {
    expect(await countsStatementOnDuckDb(log, HAND_OPTIONS)).toEqual(HAND_COUNTS);
  });

  it('orgraph aggregate lists the counts after its summary', async () => {
    const r = await cli([
      'aggregate',
      log,
      '--engine',
      'memory',
      '--window',
      '2026-01-01..2026-03-31',
      '--period',
      'month',
      '--max-recipients',
      '4',
      '--min-interactions',
      '2',
      '--out',
      join(dir, 'cli'),
    ]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(`memory: 1 ties, 3 people in 3 period(s) -> ${join(dir, 'cli')}`);
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      'read as events:',
      '7  events read',
      '4  events counted into ties',
      '1  events outside the time window: no tie',
      '1  events over the recipient cutoff: no tie',
      '1  events with no recipient besides the sender: no tie',
      '2  senders listed among their own recipients (that pair skipped): no tie',
      '2  recipients listed twice in one event (counted once)',
      '4  sender-recipient pairs',
      '3  pairs below the minimum number of events: no tie',
      '3  events in those pairs: no tie',
      '1  ties made',
    ]);
  });
});

describe('windows and periods', () => {
  it('--window A..B includes day B', () => {
    expect(parseWindow('2026-01-01..2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(() => parseWindow('2026-01-01..2026-02-30')).toThrow(/window must be/);
    expect(() => parseWindow('2026-03-01..2026-01-01')).toThrow(/ends before it starts/);
  });

  it('calendar periods are clipped to the window', () => {
    expect(calendarPeriods('2026-01-15', '2026-04-01', 'month').map((p) => [p.label, p.from, p.to])).toEqual([
      ['2026-01', '2026-01-15', '2026-02-01'],
      ['2026-02', '2026-02-01', '2026-03-01'],
      ['2026-03', '2026-03-01', '2026-04-01'],
    ]);
    expect(calendarPeriods('2025-12-01', '2026-05-01', 'quarter').map((p) => p.label)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('staged aggregation (outDir): pairs summed per (period, sender bucket), bounded memory', () => {
  const dir = tmp();
  const log = join(dir, 'events.csv');
  writeFileSync(log, generateLog(17));
  /** The ties a folder of per-period ties.csv files holds, keyed like the in-memory result. */
  function readTies(out: string, period: 'month' | 'quarter' | 'all', keys: string[]): Map<string, { weight: number; events: number }> {
    const m = new Map<string, { weight: number; events: number }>();
    for (const k of keys) {
      const file = join(period === 'all' ? out : join(out, periodLabel(k, period)), 'ties.csv');
      const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
      expect(header).toBe('source,target,weight,relation,events');
      for (const r of rows) {
        const [source, target, weight, relation, events] = r.split(',');
        m.set(`${k}|${relation}|${source}>${target}`, { weight: Number(weight), events: Number(events) });
      }
    }
    return m;
  }

  it.each([
    ['full weighting, by month, 1 bucket', { period: 'month' as const }, 1],
    [
      'split weighting, by month, 7 buckets, cutoff 10, at least 2 events',
      { period: 'month' as const, groupWeighting: 'split' as const, maxRecipients: 10, minInteractions: 2 },
      7,
    ],
    ['duration weighting, whole window, 3 buckets', { period: 'all' as const, groupWeighting: 'duration' as const }, 3],
  ])('%s: the same ties and people as the in-memory engine', async (_name, extra, buckets) => {
    const options = { from: '2026-01-01', to: '2026-04-01', ...extra };
    const mem = await aggregateInMemory([log], options);
    const out = join(dir, `out-${buckets}`);
    const spill = join(dir, `tmp-${buckets}`);
    const duck = await aggregateWithDuckDb([log], { ...options, outDir: out, buckets, tempDirectory: spill });
    const keys = [...new Set(mem.ties.map((t) => t.period))].sort();
    expect(keys.length).toBe(extra.period === 'month' ? 3 : 1);
    const got = readTies(out, extra.period, keys);
    const want = key(mem);
    expect(want.size).toBeGreaterThan(100);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, v] of want) {
      expect(Math.abs(got.get(k)!.weight - v.weight)).toBeLessThanOrEqual(1e-9);
      expect(got.get(k)!.events).toBe(v.events);
    }
    expect(duck.report.ties).toBe(mem.ties.length);
    expect(duck.report.people).toBe(new Set(mem.people.map((p) => p.id)).size);
    expect(duck.report.events).toEqual(mem.report.events);
    // The staged rows and sums are removed; only DuckDB's own (empty or absent) spill files may remain.
    expect(existsSync(spill) ? readdirSync(spill).filter((n) => n.startsWith('orgraph-pairs-')) : []).toEqual([]);
  });

  it('the staged statements partition by hash(sender) mod buckets and refuse a bucket count < 1', () => {
    const staged = duckDbStagedSql({ period: 'month', groupWeighting: 'split' }, 12);
    expect(staged.rows('/x')).toContain('hash(sender) % 12 AS bucket');
    expect(staged.rows('/x')).toContain("TO '/x' (FORMAT parquet, PARTITION_BY (period, bucket))");
    expect(staged.sum('/x/*.parquet')).toContain('SUM(w) AS weight');
    // 'full' weighting writes no weight column: the weight is the count.
    expect(duckDbStagedSql({}, 1).rows('/x')).not.toContain(' AS w\n');
    expect(() => duckDbStagedSql({}, 0)).toThrow(/buckets must be an integer >= 1/);
  });

  it('reads DuckDB memory settings as bytes', () => {
    expect(parseByteSize('1.8 GiB')).toBeCloseTo(1.8 * 2 ** 30, 0);
    expect(parseByteSize('190.7 MiB')).toBeCloseTo(190.7 * 2 ** 20, 0);
    expect(parseByteSize('2GB')).toBe(2e9);
    expect(parseByteSize('512 KB')).toBe(512e3);
    expect(parseByteSize('100 bytes')).toBe(100);
    expect(parseByteSize('lots')).toBeNull();
  });
});

describe('SQL for warehouses (golden files; the duckdb one is the SQL executed above)', () => {
  const options = {
    table: 'analytics.events',
    from: '2026-01-01',
    to: '2026-04-01',
    period: 'month' as const,
    groupWeighting: 'split' as const,
    maxRecipients: 50,
    minInteractions: 2,
    channelRelations: { teams: 'chat' },
  };
  it.each(SQL_DIALECTS.map((d) => [d]))('%s', (dialect) => {
    const sql = aggregateSql(dialect, options);
    const text = `-- pairs\n${sql.pairs}-- ties\n${sql.ties}-- people\n${sql.people}-- counts\n${sql.counts}`;
    const file = `test/fixtures/sources/sql/aggregate.${dialect}.sql`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
    expect(existsSync(file)).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it('refuses a table name that is not a plain name, and quotes literals', () => {
    expect(() => aggregateSql('duckdb', { table: 'events; DROP TABLE x' })).toThrow(/table must be a plain/);
    expect(aggregateSql('snowflake', { relation: "o'brien" }).pairs).toContain("'o''brien' AS relation");
    expect(aggregateSql('bigquery', { relation: "o'brien" }).pairs).toContain("'o\\'brien' AS relation");
  });
});

describe('orgraph aggregate', () => {
  it('--engine duckdb and --engine memory write identical files', async () => {
    const dir = tmp();
    const log = join(dir, 'events.csv');
    writeFileSync(log, generateLog(13, 1500));
    const outs: string[] = [];
    for (const engine of ['duckdb', 'memory']) {
      const out = join(dir, engine);
      const r = await cli(['aggregate', log, '--engine', engine, '--window', '2026-01-01..2026-02-28', '--period', 'month', '--out', out]);
      expect(r.code).toBe(0);
      outs.push(out);
    }
    // DuckDB writes its CSV itself, numbers as JavaScript writes them (duckDbNumberText): same
    // people, same pairs, and weights to 1e-9 (the order of the additions differs); whole ones
    // (counts) in the same text.
    const read = (file: string): string[][] =>
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(','));
    for (const p of ['2026-01', '2026-02']) {
      expect(read(join(outs[0], p, 'people.csv'))).toEqual(read(join(outs[1], p, 'people.csv')));
      // DuckDB writes ties.csv in no particular order: compare sorted by (relation, source, target).
      const [a, b] = outs.map((o) => {
        const [header, ...rows] = read(join(o, p, 'ties.csv'));
        return [header, ...rows.sort((x, y) => `${x[3]},${x[0]},${x[1]}`.localeCompare(`${y[3]},${y[0]},${y[1]}`))];
      });
      expect(a.length).toBeGreaterThan(100);
      expect(a.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(b.map((r) => [r[0], r[1], r[3], r[4]]));
      a.slice(1).forEach((r, i) => expect(Math.abs(Number(r[2]) - Number(b[i + 1][2]))).toBeLessThanOrEqual(1e-9));
      const whole = a.slice(1).filter((r, i) => Number.isInteger(Number(b[i + 1][2])));
      expect(whole.length).toBeGreaterThan(10);
      a.slice(1).forEach((r, i) => {
        if (Number.isInteger(Number(b[i + 1][2]))) expect(r[2]).toBe(b[i + 1][2]);
      });
    }
  });

  it('duckDbNumberText writes a DOUBLE as String(number) does, at every magnitude', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rnd = mulberry32(17);
    // Whole numbers, random fractions and short decimals from 1e-20 to 1e20, ratios of small
    // integers (what summed event weights look like), and the edges of each written form.
    const values: number[] = [
      0,
      2,
      -3,
      0.5,
      -0.25,
      1e-7,
      1.5e-5,
      1e-6,
      9.99e-7,
      1e-4,
      9e-5,
      1e16,
      2 ** 53,
      2 ** 53 + 2,
      1e21,
      9.999e20,
      4503599627370495.5,
    ];
    for (let i = 0; i < 20000; i++) {
      const e = Math.floor(rnd() * 41) - 20;
      const k = rnd();
      values.push(
        k < 0.3
          ? Math.round(rnd() * 10 ** Math.max(0, e))
          : k < 0.5
            ? rnd() * 10 ** e
            : k < 0.6
              ? (Math.round(rnd() * 1000) / 1000) * 10 ** e
              : (1 + Math.floor(rnd() * 30)) / (1 + Math.floor(rnd() * 7)),
      );
    }
    await c.run('CREATE TABLE t (i INTEGER, v DOUBLE)');
    const app = await c.createAppender('t');
    values.forEach((v, i) => {
      app.appendInteger(i);
      app.appendDouble(v);
      app.endRow();
    });
    app.closeSync();
    const rows = (await c.runAndReadAll(`SELECT i, ${duckDbNumberText('v')} AS s FROM t ORDER BY i`)).getRowObjectsJS();
    const wrong = rows.filter((r) => r.s !== String(values[Number(r.i)]));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(rows).toHaveLength(values.length);
    // DuckDB's own text differs on whole numbers: the expression is not a no-op.
    const own = (await c.runAndReadAll('SELECT CAST(CAST(2 AS DOUBLE) AS VARCHAR) AS s')).getRowObjectsJS();
    expect(own[0].s).toBe('2.0');
    c.closeSync();
  });

  it('--emit-sql prints the SQL; usage errors exit 2', async () => {
    const r = await cli(['aggregate', '--emit-sql', 'spark', '--window', '2026-01-01..2026-03-31']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('LATERAL VIEW explode(l.rs) x AS recipient');
    expect(r.out).toContain("time < TIMESTAMP '2026-04-01 00:00:00'");
    expect((await cli(['aggregate', '--emit-sql', 'oracle'])).code).toBe(2);
    expect((await cli(['aggregate', 'x.csv'])).err).toContain('--out DIR is required');
  });
});

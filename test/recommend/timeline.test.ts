/**
 * Timeline: periods from tie times and churn between them, counted by hand on a small log
 * (test/fixtures/sources/timeline-ties.csv, departments in timeline-people.csv), and a Viva P2P
 * export with two MetricDates read out of the box.
 */
import { describe, expect, it } from 'vitest';
import { loadFiles, parseCsv } from '../../src/ingest/index.js';
import { loadVivaP2P } from '../../src/ingest/sources/viva-p2p.js';
import { splitByPeriod, timeline } from '../../src/recommend/timeline.js';

const DIR = 'test/fixtures/sources';

// Undirected pair values per month (a tie either way adds to the pair):
//   Jan: a-b 2, a-c 1, b-c 4, c-d 1 (23:59:59 on the 31st is still January)
//   Feb: a-b 2 + 1 (b->a) = 3, a-c 1, b-c 2, d-e 1
//   Mar: a-b 1
// Jan -> Feb (ratio 1.5): a-b 3 >= 1.5 * 2 strengthened; a-c steady; b-c 2 <= 4 / 1.5 weakened;
//   c-d lost; d-e gained. e joins; nobody leaves (d keeps d-e).
// Feb -> Mar: a-b 1 <= 3 / 1.5 weakened; a-c, b-c, d-e lost. c, d, e leave.
// Groups (dept): a, b in X; c, d, e in Y.
describe('timeline on a hand-made log', () => {
  it('splits by month and counts churn by hand', async () => {
    const { graph } = await loadFiles({ people: `${DIR}/timeline-people.csv`, ties: `${DIR}/timeline-ties.csv` });
    const periods = splitByPeriod(graph, { period: 'month' });
    expect(periods.map((p) => [p.label, p.graph.personIds.join(''), p.graph.tieCount])).toEqual([
      ['2026-01', 'abcd', 4],
      ['2026-02', 'abcde', 5],
      ['2026-03', 'ab', 1],
    ]);
    const t = timeline(periods, { attribute: 'dept', minGroupSize: 1 });
    expect(
      t.churn.map(({ from, to, gained, lost, strengthened, weakened, steady, joined, left }) => ({
        from,
        to,
        gained,
        lost,
        strengthened,
        weakened,
        steady,
        joined,
        left,
      })),
    ).toEqual([
      { from: '2026-01', to: '2026-02', gained: 1, lost: 1, strengthened: 1, weakened: 1, steady: 1, joined: ['e'], left: [] },
      { from: '2026-02', to: '2026-03', gained: 0, lost: 3, strengthened: 0, weakened: 1, steady: 0, joined: [], left: ['c', 'd', 'e'] },
    ]);
    // Jan -> Feb by group pair: X-X a-b strengthened; X-Y b-c weakened; Y-Y c-d lost, d-e gained.
    expect(t.churn[0].byGroups).toEqual([
      { groupA: 'X', groupB: 'X', gained: 0, lost: 0, strengthened: 1, weakened: 0 },
      { groupA: 'X', groupB: 'Y', gained: 0, lost: 0, strengthened: 0, weakened: 1 },
      { groupA: 'Y', groupB: 'Y', gained: 1, lost: 1, strengthened: 0, weakened: 0 },
    ]);
    // Feb -> Mar: X-X a-b weakened; X-Y a-c, b-c lost; Y-Y d-e lost.
    expect(t.churn[1].byGroups).toEqual([
      { groupA: 'X', groupB: 'X', gained: 0, lost: 0, strengthened: 0, weakened: 1 },
      { groupA: 'X', groupB: 'Y', gained: 0, lost: 2, strengthened: 0, weakened: 0 },
      { groupA: 'Y', groupB: 'Y', gained: 0, lost: 1, strengthened: 0, weakened: 0 },
    ]);
  });

  it('per-period figures: people, ties, density, E-I by hand', async () => {
    const { graph } = await loadFiles({ people: `${DIR}/timeline-people.csv`, ties: `${DIR}/timeline-ties.csv` });
    const t = timeline(splitByPeriod(graph), { attribute: 'dept', minGroupSize: 1 });
    // Jan: n 4, m 4, density 4/6; internal a-b, c-d = 2, external a-c, b-c = 2 -> E-I 0.
    // Feb: n 5, m 4, density 4/10; internal a-b, d-e, external a-c, b-c -> 0.
    // Mar: n 2, m 1, density 1; internal only -> -1.
    expect(t.periods.map((p) => [p.label, p.people, p.ties, p.density, p.ei])).toEqual([
      ['2026-01', 4, 4, 4 / 6, 0],
      ['2026-02', 5, 4, 0.4, 0],
      ['2026-03', 2, 1, 1, -1],
    ]);
    // Jan shortest paths on d = 1/w: a->c via b (0.5 + 0.25 < 1), a->d via b, c; b->d via c.
    // b lies on (a,c), (a,d); c on (a,d), (b,d): the two brokers, with equal betweenness.
    const jan = t.periods[0];
    expect(jan.topBrokers.map((b) => b.id).sort()).toEqual(['b', 'c']);
    expect(jan.topBrokers[0].betweenness).toBe(jan.topBrokers[1].betweenness);
    expect(t.periods[2].keyPersonRisk).toBeNull();
  });

  it('quarters, windows and distinct dates', async () => {
    const { graph } = await loadFiles({ ties: `${DIR}/timeline-ties.csv` });
    expect(splitByPeriod(graph, { period: 'quarter' }).map((p) => [p.label, p.graph.tieCount])).toEqual([['2026-Q1', 10]]);
    // 28-day windows from Jan 5: Jan 5 - Feb 1 (a-b, a-c, b-c, c-d), Feb 2 - Mar 1 (5 ties), Mar 2 - 29 (1).
    expect(splitByPeriod(graph, { period: 'window', windowDays: 28 }).map((p) => [p.label, p.graph.tieCount])).toEqual([
      ['2026-01-05..2026-02-01', 4],
      ['2026-02-02..2026-03-01', 5],
      ['2026-03-02..2026-03-29', 1],
    ]);
    expect(splitByPeriod(graph, { period: 'date' })).toHaveLength(10);
  });

  it('refuses ties without a time, saying how many', async () => {
    const { graph } = await parseCsv({ ties: 'source,target,time\na,b,2026-01-01\nb,c,\n' });
    expect(() => splitByPeriod(graph)).toThrow('1 of 2 ties have no time');
  });
});

describe('Viva P2P with several MetricDates works out of the box', () => {
  it('one period per MetricDate', async () => {
    const { graph } = await loadVivaP2P(`${DIR}/viva-p2p-current.csv`);
    const periods = splitByPeriod(graph, { period: 'date' });
    expect(periods.map((p) => p.label)).toEqual(['2026-01-31', '2026-02-28']);
    const t = timeline(periods, { attribute: 'Organization', minGroupSize: 1 });
    // Pairs Jan: P001-P002 (.82), P001-P003 (.41), P003-P004 (.35 + .6 = .95).
    // Feb: P001-P002 .75, P001-P004 .5, P003-P004 .55.
    // P001-P002 .75 vs .82: steady; P003-P004 .55 vs .95: .55 > .95/1.5 = .633? no, .55 <= .633 -> weakened;
    // P001-P003 lost; P001-P004 gained. P002 stays, nobody joins or leaves.
    expect(t.churn[0]).toMatchObject({ gained: 1, lost: 1, strengthened: 0, weakened: 1, steady: 1, joined: [], left: [] });
  });
});

/**
 * Results computed once: `orgraph metrics` (computeMetricsDocument) and the report pipeline run on
 * the metric catalogue with one per-view memo, so exact betweenness runs once for `betweenness` and
 * `bridging`, and constraint and effective size share one set of ego-tie tables. Counters wrap the
 * real kernels (vi.mock over the original module); values are hand-derived on a barbell: two
 * 5-cliques A and B joined by the tie a4 - b0.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computeMetricsDocument, selectMetricKeys } from '../../../src/cli/commands/metrics.js';
import { METRIC_CATALOG, metricPlan, metricSpec, SharedResults } from '../../../src/metrics/catalog.js';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { analysis } from '../../../src/report/analysis.js';

const calls = vi.hoisted(() => ({ betweenness: 0, egoTables: 0 }));

vi.mock('../../../src/metrics/centrality/betweenness.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/metrics/centrality/betweenness.js')>();
  return {
    ...m,
    betweenness: (...args: Parameters<typeof m.betweenness>) => {
      calls.betweenness++;
      return m.betweenness(...args);
    },
  };
});
vi.mock('../../../src/metrics/brokerage/groups.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/metrics/brokerage/groups.js')>();
  return {
    ...m,
    structuralHoleTies: (...args: Parameters<typeof m.structuralHoleTies>) => {
      calls.egoTables++;
      return m.structuralHoleTies(...args);
    },
  };
});

function barbell(): OrgGraph {
  const people = [
    ...[0, 1, 2, 3, 4].map((i) => ({ id: `a${i}`, attributes: { dept: 'A' } })),
    ...[0, 1, 2, 3, 4].map((i) => ({ id: `b${i}`, attributes: { dept: 'B' } })),
  ];
  const ties: { source: string; target: string }[] = [];
  for (const g of ['a', 'b'])
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push({ source: `${g}${i}`, target: `${g}${j}` });
  ties.push({ source: 'a4', target: 'b0' });
  return OrgGraph.from({ people, ties });
}

// a4 is on the shortest paths of the 4 x 5 pairs (a0..a3, b*) out of C(9, 2) = 36 pairs of others.
const BTW_A4 = 20 / 36;
// Bridging coefficient of a4 (degree 5; neighbours a0..a3 of degree 4, b0 of degree 5):
// (1/5) / (4 x 1/4 + 1/5) = 1/6, so bridging centrality = 20/36 x 1/6 = 5/54.
const BRIDGING_A4 = 5 / 54;

beforeEach(() => {
  calls.betweenness = 0;
  calls.egoTables = 0;
});

describe('metric catalogue: shared intermediates', () => {
  it('the plan names betweenness as shared by betweenness and bridging, and the ego tables by constraint and effective size', () => {
    expect(metricPlan(['betweenness', 'bridging']).sharedNeeds).toEqual(['betweenness']);
    expect(metricPlan(['constraint', 'effectiveSize']).sharedNeeds).toEqual(['egoTables']);
    expect(metricPlan(['betweenness', 'constraint']).sharedNeeds).toEqual([]);
    expect(metricPlan(['closeness', 'harmonic']).sharedNeeds).toEqual(['distanceSums']);
    expect(metricPlan(['hierarchy', 'bridging']).steps.map((s) => s.keys[0])).toEqual(['constraint', 'bridging']);
  });

  it('orgraph metrics with betweenness and bridging runs exact betweenness once, with the hand-derived values', async () => {
    const graph = barbell();
    const view = project(graph);
    const doc = await computeMetricsDocument(graph, view, ['betweenness', 'bridging'], { workers: 1 });
    expect(calls.betweenness).toBe(1);
    const a4 = doc.people.find((p) => p.id === 'a4')!;
    expect(a4.betweenness).toBeCloseTo(BTW_A4, 12);
    expect(a4.bridging).toBeCloseTo(BRIDGING_A4, 12);
    expect(doc.people.find((p) => p.id === 'a0')!.bridging).toBe(0);
  });

  it('with every default metric: betweenness once, ego-tie tables once', async () => {
    const graph = barbell();
    const view = project(graph);
    const keys = selectMetricKeys('all', false);
    expect(keys).toEqual(expect.arrayContaining(['betweenness', 'bridging', 'constraint', 'hierarchy', 'effectiveSize', 'efficiency']));
    const doc = await computeMetricsDocument(graph, view, keys, { group: 'dept', workers: 1 });
    expect(calls.betweenness).toBe(1);
    expect(calls.egoTables).toBe(1);
    const a4 = doc.people.find((p) => p.id === 'a4')!;
    // Effective size of a4: 5 contacts, 4 x 3 / 5 = 2.4 redundancy among them (a0..a3 each tied to the
    // other three; b0 to none), so 5 - 12/5 = 2.6; efficiency 2.6 / 5.
    expect(a4.effectiveSize).toBeCloseTo(2.6, 12);
    expect(a4.efficiency).toBeCloseTo(2.6 / 5, 12);
    expect(a4.bridging).toBeCloseTo(BRIDGING_A4, 12);
  });

  it('without a memo each entry computes its own (the counter sees both runs)', async () => {
    const view = project(barbell());
    await metricSpec('betweenness')!.compute(view, { workers: 1 });
    await metricSpec('bridging')!.compute(view, { workers: 1 });
    expect(calls.betweenness).toBe(2);
    const shared = new SharedResults();
    await metricSpec('betweenness')!.compute(view, { workers: 1, shared });
    await metricSpec('bridging')!.compute(view, { workers: 1, shared });
    expect(calls.betweenness).toBe(3);
    expect(shared.computed('betweenness')).toBe(1);
  });

  it('every catalogue entry that reads an intermediate declares it', () => {
    const declared = METRIC_CATALOG.filter((s) => (s.needs ?? []).length > 0).map((s) => s.keys[0]);
    expect(declared).toEqual(['betweenness', 'closeness', 'harmonic', 'constraint', 'effectiveSize', 'bridging']);
  });
});

describe('report pipeline: results computed once', () => {
  it('analysis() runs exact betweenness once and builds the ego-tie tables once', async () => {
    // In the calling thread: the counters are this thread's module mocks (a worker would load its own modules).
    const r = await analysis(barbell(), { group: 'dept', workers: 1, thread: 'caller' });
    expect(calls.betweenness).toBe(1);
    expect(calls.egoTables).toBe(1);
    expect(r.betweennessMethod.method).toBe('exact');
    expect(r.brokers[0].id === 'a4' || r.brokers[0].id === 'b0').toBe(true);
    expect(r.brokers[0].value).toBeCloseTo(BTW_A4, 12);
    const a4 = r.people.find((p) => p.id === 'a4')!;
    expect(a4.effectiveSize).toBeCloseTo(2.6, 12);
    expect(a4.betweenness).toBeCloseTo(BTW_A4, 12);
  });
});

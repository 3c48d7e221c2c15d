/**
 * Results computed once (issue 10): the path pool relabels a view's path graph, drops its detoured
 * arcs and plans its bucket queue once per view, however many path metrics run on it (betweenness,
 * closeness and harmonic in the default `orgraph metrics` catalogue, which also share one run of
 * the distance sums). Counters are the pool's own
 * cache misses (pathPreparationCounts, bucketPlansBuilt); the values are compared, bit for bit,
 * with each metric run alone on a fresh view of the same graph (which builds everything itself).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { generateOrg, toOrgGraph } from '../../../benchmarks/generate/org-graph.js';
import { bucketPlansBuilt } from '../../../src/core/graph/path-graph.js';
import { openPathSession, pathPreparationCounts } from '../../../src/core/parallel/pool.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { computeMetricsDocument, selectMetricKeys } from '../../../src/cli/commands/metrics.js';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';
import { closeness } from '../../../src/metrics/centrality/closeness.js';
import { harmonic } from '../../../src/metrics/centrality/harmonic.js';
import { SharedResults } from '../../../src/metrics/metric-spec.js';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project, type OrgView } from '../../../src/model/projection.js';

/** 2,400 people (above the 2,000 at which the pool relabels), about 8 ties each. */
const generated = generateOrg({ people: 2400, seed: 5, averageDegree: 8 });
const graph = toOrgGraph(generated);

/** The same org with every tie of value 1: hop counts, so betweenness runs the batched kernel. */
function unitGraph(): OrgGraph {
  const ids = graph.personIds;
  const people = ids.map((id) => ({ id }));
  const ties: { source: string; target: string }[] = [];
  for (let e = 0; e < generated.m; e++) ties.push({ source: ids[generated.sources[e]], target: ids[generated.targets[e]] });
  return OrgGraph.from({ people, ties });
}

const PATH_KEYS = ['betweenness', 'closeness', 'harmonic'] as const;

/** Each path metric alone, on its own fresh view (no cache shared with anything else). */
async function alone(g: OrgGraph, directed: boolean): Promise<Record<string, Float64Array>> {
  const fresh = (): OrgView => project(g, { directed });
  return {
    betweenness: (await betweenness(fresh(), { workers: 1 })).values,
    closeness: (await closeness(fresh(), { workers: 1 })).values,
    harmonic: (await harmonic(fresh(), { workers: 1 })).values,
  };
}

let plans0 = 0;
beforeEach(() => {
  pathPreparationCounts(true);
  plans0 = bucketPlansBuilt();
});

describe('path pool: each intermediate built once per view', () => {
  it('default orgraph metrics on the weighted undirected org: one order, one relabelled pair, one detour filter, one bucket plan; values unchanged', async () => {
    const view = project(graph);
    expect(view.csr.n).toBe(2400);
    const keys = selectMetricKeys('all', false);
    expect(keys).toEqual(expect.arrayContaining([...PATH_KEYS]));
    const shared = new SharedResults();
    const doc = await computeMetricsDocument(graph, view, keys, { group: 'department', workers: 1, shared });
    // Closeness and harmonic read one run of the distance sums.
    expect(shared.computed('distanceSums')).toBe(1);
    expect(shared.computed('betweenness')).toBe(1);
    // Undirected: both directions are one graph, so betweenness (forward) and the distance sums
    // (backward) share the breadth-first relabelling, its filtered arcs, those arcs relabelled in
    // their source chain's order (from 2,000 people, weighted) and that graph's bucket plan.
    expect(pathPreparationCounts()).toEqual({ orders: 1, relabels: 1, filters: 1 });
    expect(bucketPlansBuilt() - plans0).toBe(1);
    // Running the path metrics again on the same view builds nothing more.
    await computeMetricsDocument(graph, view, [...PATH_KEYS], { workers: 1 });
    expect(pathPreparationCounts()).toEqual({ orders: 1, relabels: 1, filters: 1 });
    expect(bucketPlansBuilt() - plans0).toBe(1);
    const ref = await alone(graph, false);
    // Alone, each metric built its own: 3 orders, 3 relabellings, 3 filters, 3 plans.
    expect(pathPreparationCounts()).toEqual({ orders: 4, relabels: 4, filters: 4 });
    expect(bucketPlansBuilt() - plans0).toBe(4);
    for (const key of PATH_KEYS) {
      const got = Float64Array.from(doc.people.map((p) => p[key] as number));
      const want = ref[key];
      expect(got.some((x) => x > 0)).toBe(true);
      // Same bits: the cached graphs are the very arrays a fresh run builds.
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });

  it('directed weighted view: one order and relabelling, one filter and plan per direction', async () => {
    const view = project(graph, { directed: true });
    expect(view.csr.directed).toBe(true);
    await computeMetricsDocument(graph, view, [...PATH_KEYS], { workers: 1 });
    expect(pathPreparationCounts()).toEqual({ orders: 1, relabels: 1, filters: 2 });
    expect(bucketPlansBuilt() - plans0).toBe(2);
  });

  it('hop counts: clustered order for batched betweenness, breadth-first for the distance sums, each once; values unchanged', async () => {
    const g = unitGraph();
    const view = project(g);
    const doc = await computeMetricsDocument(g, view, [...PATH_KEYS], { workers: 1 });
    expect(pathPreparationCounts()).toEqual({ orders: 2, relabels: 2, filters: 0 });
    await computeMetricsDocument(g, view, [...PATH_KEYS], { workers: 1 });
    expect(pathPreparationCounts()).toEqual({ orders: 2, relabels: 2, filters: 0 });
    expect(bucketPlansBuilt() - plans0).toBe(0);
    const ref = await alone(g, false);
    for (const key of PATH_KEYS) {
      const got = doc.people.map((p) => p[key] as number);
      expect(got).toEqual(Array.from(ref[key]));
    }
  });

  it('a sampling session reuses a kept relabelling but does not keep its own', async () => {
    const view = project(graph);
    const { pair } = pathInput(view, true, 'inverse');
    openPathSession(pair, { workers: 1 }).close();
    openPathSession(pair, { workers: 1 }).close();
    expect(pathPreparationCounts().relabels).toBe(2);
    await betweenness(view, { workers: 1 });
    expect(pathPreparationCounts().relabels).toBe(3);
    const session = openPathSession(pair, { workers: 1 });
    expect(pathPreparationCounts().relabels).toBe(3);
    expect(session.graph.forward.n).toBe(2400);
    session.close();
  });
});

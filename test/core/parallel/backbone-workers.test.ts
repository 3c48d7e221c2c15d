/**
 * The distance backbone's local searches on the path pool's workers (distanceBackboneInWorkers,
 * task 'backbone' in src/core/parallel/tasks.ts): the same arcs, to the bit, as
 * withoutNonBackboneArcs in one thread, and through an exact path task the same sums as a run whose
 * filter was built in the calling thread. The size from which the pool filters is lowered for these
 * graphs of 2,400 people (setBackboneMinNodes), as the 100k org it pays on is too slow for the suite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateOrg, toOrgGraph } from '../../../benchmarks/generate/org-graph.js';
import { BACKBONE_MIN_NODES, distanceBackbone, withoutNonBackboneArcs } from '../../../src/core/graph/backbone.js';
import { withoutDetouredArcs } from '../../../src/core/graph/path-graph.js';
import {
  distanceBackboneInWorkers,
  pathPreparationCounts,
  runPathTask,
  runPathTaskSync,
  setBackboneMinNodes,
} from '../../../src/core/parallel/pool.js';
import { pathInput } from '../../../src/metrics/centrality/path-common.js';
import { project } from '../../../src/model/projection.js';

const graph = toOrgGraph(generateOrg({ people: 2400, seed: 5, averageDegree: 8 }));

/** A fresh weighted path pair of the org (lengths 1 / strength), with no pool cache of its own yet. */
function freshPair() {
  return pathInput(project(graph), true, 'inverse').pair;
}

afterEach(() => {
  setBackboneMinNodes(BACKBONE_MIN_NODES);
});

describe('distance backbone on the pool workers', () => {
  it('keeps the very arcs of the one-thread filter, on 2 and 3 workers, and drops some that the two-step rule keeps', async () => {
    setBackboneMinNodes(0);
    const g = freshPair().forward;
    const one = withoutNonBackboneArcs(g);
    const twoStep = withoutDetouredArcs(g);
    // The searches do work here: the backbone is strictly inside the two-step rule's graph.
    expect(one.targets.length).toBeLessThan(twoStep.targets.length);
    expect(distanceBackbone(g).capped).toBeGreaterThan(0);
    for (const workers of [2, 3]) {
      const split = await distanceBackboneInWorkers(g, workers);
      expect(Array.from(split.offsets)).toEqual(Array.from(one.offsets));
      expect(Array.from(split.targets)).toEqual(Array.from(one.targets));
      expect(Array.from(split.lengths!)).toEqual(Array.from(one.lengths!));
    }
  });

  it('below the threshold, on one worker or on hop counts it is the one-thread filter itself', async () => {
    const g = freshPair().forward;
    setBackboneMinNodes(g.n + 1);
    expect(Array.from((await distanceBackboneInWorkers(g, 2)).targets)).toEqual(Array.from(withoutDetouredArcs(g).targets));
    setBackboneMinNodes(0);
    expect(Array.from((await distanceBackboneInWorkers(g, 1)).targets)).toEqual(Array.from(withoutNonBackboneArcs(g).targets));
    const hops = { ...g, lengths: null };
    expect(await distanceBackboneInWorkers(hops, 2)).toBe(hops);
  });

  it('exact weighted betweenness on 2 workers: one filter built, and the same sums to the bit as with the filter built in this thread', async () => {
    setBackboneMinNodes(0);
    // Filter on the workers (the task's first step), then the task.
    const a = freshPair();
    pathPreparationCounts(true);
    const inWorkers = await runPathTask(a, { kind: 'betweenness' }, { workers: 2 });
    expect(pathPreparationCounts().filters).toBe(1);
    // Filter built in this thread by a synchronous run first (cached on the pair), then the same 2-worker task.
    const b = freshPair();
    runPathTaskSync(b, { kind: 'distances', unit: 1 });
    pathPreparationCounts(true);
    const inThread = await runPathTask(b, { kind: 'betweenness' }, { workers: 2 });
    expect(pathPreparationCounts().filters).toBe(0);
    expect(Array.from(inWorkers)).toEqual(Array.from(inThread));
    expect(inWorkers.some((v) => v > 0)).toBe(true);
  });
});

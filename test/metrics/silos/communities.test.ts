import { describe, expect, it } from 'vitest';
import { louvain } from '../../../src/metrics/silos/communities.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { modularity } from '../../../src/metrics/silos/modularity.js';
import { project } from '../../../src/model/projection.js';
import { dataset, emptyView, IGRAPH, small, twoTriangles } from './helpers.js';

describe('louvain: degenerate inputs', () => {
  it('empty view: no communities, NaN modularity', () => {
    const r = louvain(emptyView());
    expect(r.count).toBe(0);
    expect(r.modularity).toBeNaN();
  });

  it('no ties: everyone alone, NaN modularity', () => {
    const r = louvain(small({ a: 'X', b: 'X', c: 'Y' }, []));
    expect(r.count).toBe(3);
    expect(Array.from(r.people.values)).toEqual([1, 2, 3]);
    expect(r.modularity).toBeNaN();
  });

  it('two triangles with a bridge: the triangles, isolate alone; modularity 5/14 on the 6 tied people', () => {
    const r = louvain(twoTriangles());
    const c = (id: string) => r.people.get(id);
    expect(c('a')).toBe(c('b'));
    expect(c('a')).toBe(c('c'));
    expect(c('d')).toBe(c('e'));
    expect(c('d')).toBe(c('f'));
    expect(c('a')).not.toBe(c('d'));
    expect(r.count).toBe(3);
    // Communities numbered by size, then first member: {a,b,c} = 1, {d,e,f} = 2, {g} = 3.
    expect([c('a'), c('d'), c('g')]).toEqual([1, 2, 3]);
    // L = 3 + 3 of m = 7, degree sums 7 and 7 (g adds nothing): 2 (3/7 - 1/4) = 5/14.
    expect(r.modularity).toBeCloseTo(5 / 14, 12);
  });

  it('rejects bad options', () => {
    const view = twoTriangles();
    expect(() => louvain(view, { resolution: 0 })).toThrow(/resolution/);
    expect(() => louvain(view, { runs: 0 })).toThrow(/runs/);
    expect(() => louvain(view, { seed: 1.5 })).toThrow(/seed/);
  });
});

describe('louvain: reproducible', () => {
  it('same seed, same communities; the result is a partition usable by group measures', async () => {
    const view = project(await dataset('email-eu-core'));
    const a = louvain(view, { seed: 42 });
    const b = louvain(view, { seed: 42 });
    expect(Array.from(a.partition.labels)).toEqual(Array.from(b.partition.labels));
    expect(a.runModularities).toEqual(b.runModularities);
    // Its modularity is the one the modularity measure gives for the partition (undirected view).
    expect(modularity(view, a.partition)).toBeCloseTo(a.modularity, 12);
    // Best of the runs.
    expect(a.modularity).toBe(Math.max(...a.runModularities));
    // 'auto' runs: round(3e6 / ties) clamped to [1, 30]; 16,064 ties (undirected) give 30.
    expect(a.runModularities.length).toBe(30);
  });

  it('directed views are read as undirected (a_ij + a_ji)', async () => {
    const graph = await dataset('krackhardt-hightech');
    const directed = louvain(project(graph, { directed: true }), { seed: 3 });
    const undirected = louvain(project(graph), { seed: 3 });
    expect(Array.from(directed.partition.labels)).toEqual(Array.from(undirected.partition.labels));
  });

  it('higher resolution gives more communities (karate: 1 vs 2)', async () => {
    const view = project(await dataset('zachary-karate'));
    expect(louvain(view, { resolution: 2 }).count).toBeGreaterThan(louvain(view, { resolution: 1 }).count);
    expect(louvain(view, { resolution: 0.3 }).count).toBeLessThan(louvain(view, { resolution: 1 }).count);
  });
});

describe(`louvain modularity against igraph ${IGRAPH.version} community_multilevel (best of 30 runs)`, () => {
  // Best of 30 runs (the 'auto' count on these views), as the reference is igraph's best of 30.
  const tolerance = 0.01;
  for (const ref of IGRAPH.louvain) {
    it(`${ref.dataset} ${ref.weighted ? 'weighted' : 'unweighted'}: within ${100 * tolerance}% of ${ref.bestModularity.toFixed(5)}`, async () => {
      const view = project(await dataset(ref.dataset), { weighted: ref.weighted });
      const r = louvain(view, { seed: 1 });
      expect(r.modularity).toBeGreaterThanOrEqual(ref.bestModularity * (1 - tolerance) - 1e-12);
      // igraph's membership, scored by our modularity, reproduces igraph's value (same definition).
      const index = new Map(view.personIds.map((id, i) => [id, i]));
      const labels = new Array<string>(view.personIds.length);
      ref.people.forEach((id, k) => {
        labels[index.get(id)!] = String(ref.membership[k]);
      });
      expect(modularity(view, groupPartition(view, labels, { minGroupSize: 1 }))).toBeCloseTo(ref.bestModularity, 10);
    });
  }
});

/**
 * introductionAdjacency (src/recommend/introduction-adjacency.ts): the rows the introductions and the
 * score fit read, copied and sorted from an undirected view's CSR. The reference is
 * `sortedAdjacency` (groups.ts, a transpose of the CSR): every array must be equal value for value,
 * so the introductions and the fit are unchanged by the faster build.
 */
import { describe, expect, it } from 'vitest';
import { OrgGraphBuilder } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { sortedAdjacency } from '../../src/recommend/groups.js';
import {
  introductionAdjacency,
  keepIntroductionAdjacency,
  releaseIntroductionAdjacency,
} from '../../src/recommend/introduction-adjacency.js';
import { datasetView } from '../helpers/datasets.js';

function expectSame(view: ReturnType<typeof project>): void {
  const got = introductionAdjacency(view);
  const ref = sortedAdjacency(view, { weighted: true });
  expect(got.n).toBe(ref.n);
  for (const key of ['offsets', 'targets', 'weights', 'edgeU', 'edgeV', 'edgeWeights'] as const)
    expect(Array.from(got[key]!), key).toEqual(Array.from(ref[key]!));
}

describe('introductionAdjacency', () => {
  it('equals sortedAdjacency on real undirected views (enron-email, email-eu-core, lazega-lawfirm)', async () => {
    for (const name of ['enron-email', 'email-eu-core', 'lazega-lawfirm']) expectSame(await datasetView(name));
  });

  it('equals sortedAdjacency on a directed view (a_ij + a_ji per pair) and on a weighted undirected one', async () => {
    expectSame(await datasetView('email-eu-core', { directed: true }));
    expectSame(await datasetView('bk-office'));
  });

  it('sorts a long row (more than 32 contacts), drops self-loops and keeps each pair once', () => {
    // Hand-built: hub h tied to 40 people added in descending order, a self-loop on h, and x - y twice.
    const b = new OrgGraphBuilder();
    const names = Array.from({ length: 40 }, (_, t) => `p${String(39 - t).padStart(2, '0')}`);
    const at = new Map<string, number>();
    for (const id of ['h', ...names, 'x', 'y']) at.set(id, b.addPerson(id));
    for (const id of names) b.addTie(at.get('h')!, at.get(id)!, 2, 'email');
    b.addTie(at.get('h')!, at.get('h')!, 5, 'email');
    b.addTie(at.get('x')!, at.get('y')!, 1, 'email');
    b.addTie(at.get('y')!, at.get('x')!, 3, 'email');
    const view = project(b.build());
    const adj = introductionAdjacency(view);
    const h = view.personIds.indexOf('h');
    const row = Array.from(adj.targets.subarray(adj.offsets[h], adj.offsets[h + 1]));
    expect(row).toHaveLength(40);
    expect(row).toEqual([...row].sort((p, q) => p - q));
    expect(row).not.toContain(h);
    // 40 hub ties and one x-y pair whose strength is the sum both ways (1 + 3).
    expect(adj.edgeU.length).toBe(41);
    const x = view.personIds.indexOf('x');
    const y = view.personIds.indexOf('y');
    const e = Array.from(adj.edgeU).findIndex((u, k) => u === Math.min(x, y) && adj.edgeV[k] === Math.max(x, y));
    expect(adj.edgeWeights[e]).toBe(4);
    expectSame(view);
  });

  it('is built once while kept for a CSR (any view of it), and again after release', async () => {
    const view = await datasetView('lazega-lawfirm');
    const other = { ...view };
    expect(introductionAdjacency(view)).not.toBe(introductionAdjacency(view));
    keepIntroductionAdjacency(view);
    const first = introductionAdjacency(view);
    expect(introductionAdjacency(other)).toBe(first);
    releaseIntroductionAdjacency(view);
    const again = introductionAdjacency(view);
    expect(again).not.toBe(first);
    expect(Array.from(again.targets)).toEqual(Array.from(first.targets));
  });
});

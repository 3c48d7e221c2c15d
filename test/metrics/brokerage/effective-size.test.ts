import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { effectiveSize } from '../../../src/metrics/brokerage/effective-size.js';
import { NX, at, datasetView, effectiveSizeReference, expectValues, toy } from './brokerage-helpers.js';

describe('effectiveSize: degenerate inputs', () => {
  it('empty graph gives empty scores; one person and isolates get NaN', () => {
    expect(effectiveSize(project(OrgGraph.from({ people: [], ties: [] }))).size).toBe(0);
    const s = effectiveSize(project(toy(['a-b'], {}, ['c'])));
    // a lone pair: k = 1, t = 0, ES = 1
    expect(at(s, 'a')).toBe(1);
    expect(Number.isNaN(at(s, 'c'))).toBe(true);
  });
});

describe('effectiveSize: hand derivations', () => {
  it('unweighted: Borgatti k - 2t/k', () => {
    // star with 3 leaves: k = 3, t = 0 -> 3; triangle: k = 2, t = 1 -> 1; K4: k = 3, t = 3 -> 1
    expect(at(effectiveSize(project(toy(['h-a', 'h-b', 'h-c']))), 'h')).toBe(3);
    expect(at(effectiveSize(project(toy(['a-b', 'b-c', 'a-c']))), 'a')).toBeCloseTo(1, 15);
    const k4 = effectiveSize(project(toy(['a-b', 'a-c', 'a-d', 'b-c', 'b-d', 'c-d'])));
    for (const id of ['a', 'b', 'c', 'd']) expect(at(k4, id)).toBeCloseTo(1, 15);
    // e tied to a, b, c with a - b: k = 3, t = 1 -> 3 - 2/3 = 7/3
    expect(at(effectiveSize(project(toy(['e-a', 'e-b', 'e-c', 'a-b']))), 'e')).toBeCloseTo(7 / 3, 15);
  });

  it("weighted: p_iq from the ego, m_jq scaled by the contact j's strongest tie", () => {
    // triangle a-b 2, a-c 1, b-c 1. Ego a: p_ab = 2/3, p_ac = 1/3.
    // j = b: redundancy p_ac m_bc, m_bc = w_bc / max_k w_bk = 1/2   -> 1 - 1/6 = 5/6
    // j = c: redundancy p_ab m_cb, m_cb = w_cb / max_k w_ck = 1/1   -> 1 - 2/3 = 1/3
    // ES_a = 5/6 + 1/3 = 7/6
    const view = project(toy(['a-b:2', 'a-c:1', 'b-c:1']));
    expect(at(effectiveSize(view), 'a')).toBeCloseTo(7 / 6, 15);
    // all weights read as 1: the unweighted triangle, ES = 1
    expect(at(effectiveSize(view, { weighted: false }), 'a')).toBeCloseTo(1, 15);
  });
});

describe(`effectiveSize vs NetworkX ${NX.version} (${NX.script})`, () => {
  for (const [name, ref] of Object.entries(NX.undirected)) {
    it(`${name}: undirected view, weighted and unweighted`, async () => {
      const weighted = await datasetView(name);
      const unweighted = await datasetView(name, { weighted: false });
      const w = effectiveSizeReference(ref.weighted, ref.people.length);
      expectValues(effectiveSize(weighted).values, w.values, `${name} weighted`, (i) => !w.sampled(i));
      expectValues(effectiveSize(unweighted).values, ref.unweighted.effectiveSize, `${name} unweighted`);
    });
  }

  for (const [key, ref] of Object.entries(NX.directed)) {
    it(`${key}: directed view (people with in-ties only skipped: NetworkX gives them NaN)`, async () => {
      const [name, relation] = key.split(':');
      for (const weighted of [true, false]) {
        const view = await datasetView(name, { directed: true, relations: [relation], weighted });
        const block = weighted ? ref.weighted : ref.unweighted;
        const inOnly = (i: number) => block.outDegree![i] === 0 && view.csr.inOffsets[i + 1] > view.csr.inOffsets[i];
        expect(expectValues(effectiveSize(view).values, block.effectiveSize, `${key} weighted=${weighted}`, inOnly)).toBeGreaterThan(0);
      }
    });
  }
});

import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { efficiency, effectiveSizeAndEfficiency } from '../../../src/metrics/brokerage/efficiency.js';
import { NX, at, datasetView, effectiveSizeReference, expectValues, toy } from './brokerage-helpers.js';

describe('efficiency', () => {
  it('empty graph, isolates', () => {
    expect(efficiency(project(OrgGraph.from({ people: [], ties: [] }))).size).toBe(0);
    const s = efficiency(project(toy(['a-b'], {}, ['c'])));
    expect(at(s, 'a')).toBe(1);
    expect(Number.isNaN(at(s, 'c'))).toBe(true);
  });

  it('hand: star 3/3 = 1, triangle 1/2, ego with one tied pair (7/3)/3 = 7/9', () => {
    expect(at(efficiency(project(toy(['h-a', 'h-b', 'h-c']))), 'h')).toBe(1);
    expect(at(efficiency(project(toy(['a-b', 'b-c', 'a-c']))), 'a')).toBeCloseTo(1 / 2, 15);
    expect(at(efficiency(project(toy(['e-a', 'e-b', 'e-c', 'a-b']))), 'e')).toBeCloseTo(7 / 9, 15);
  });

  it('divides by distinct contacts in either direction on directed views', () => {
    // a > b, b > a, b > c: b has 2 contacts; mutual values ab = 2, bc = 1 (unweighted arcs);
    // a and c are not tied, so ES_b = 2 and efficiency 1.
    const r = effectiveSizeAndEfficiency(project(toy(['a>b', 'b>a', 'b>c']), { directed: true, weighted: false }));
    expect(at(r.effectiveSize, 'b')).toBe(2);
    expect(at(r.efficiency, 'b')).toBe(1);
  });

  it(`equals NetworkX ${NX.version} effective size / contacts on every data set`, async () => {
    for (const [name, ref] of Object.entries(NX.undirected)) {
      const view = await datasetView(name);
      const k = (i: number) => view.csr.offsets[i + 1] - view.csr.offsets[i];
      const w = effectiveSizeReference(ref.weighted, ref.people.length);
      const expected = w.values.map((es, i) => (es === null ? null : es / k(i)));
      expectValues(efficiency(view).values, expected, name, (i) => !w.sampled(i));
    }
  });
});

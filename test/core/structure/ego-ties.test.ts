import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../../../src/core/graph/csr.js';
import { egoDegrees, egoRowScales, egoTies, egoTiesInLocalityOrder, restoreOrder } from '../../../src/core/structure/ego-ties.js';
import { constraintKernel } from '../../../src/core/structure/constraint.js';
import { effectiveSizeKernel } from '../../../src/core/structure/effective-size.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { OrgGraphBuilder } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { constraint } from '../../../src/metrics/brokerage/constraint.js';
import { constraintAndHierarchy } from '../../../src/metrics/brokerage/hierarchy.js';
import { effectiveSizeAndEfficiency } from '../../../src/metrics/brokerage/efficiency.js';
import { LOCALITY_ORDER_MIN_PEOPLE } from '../../../src/metrics/brokerage/groups.js';

const rows = (t: ReturnType<typeof egoTies>) =>
  Array.from({ length: t.n }, (_, i) => {
    const out: string[] = [];
    for (let p = t.offsets[i]; p < t.offsets[i + 1]; p++) out.push(`${t.targets[p]}:${t.weights[p]}`);
    return out.sort().join(' ');
  });

describe('egoTies', () => {
  it('empty and isolated nodes', () => {
    expect(egoTies(csrFromEdges(0, { sources: [], targets: [], weights: [] }, true)).offsets).toEqual(Int32Array.of(0));
    expect(rows(egoTies(csrFromEdges(2, { sources: [], targets: [], weights: [] }, true)))).toEqual(['', '']);
  });

  it('merges a directed CSR into mutual values a_ij + a_ji, each pair in both rows', () => {
    // 0 > 1 (2), 1 > 0 (3), 1 > 2 (4), 3 > 0 (1)
    const g = csrFromEdges(4, { sources: [0, 1, 1, 3], targets: [1, 0, 2, 0], weights: [2, 3, 4, 1] }, true);
    expect(rows(egoTies(g))).toEqual(['1:5 3:1', '0:5 2:4', '1:4', '0:1']);
    // unit: each arc counts 1, so the reciprocated pair is 2
    expect(rows(egoTies(g, true))).toEqual(['1:2 3:1', '0:2 2:1', '1:1', '0:1']);
    expect(Array.from(egoDegrees(egoTies(g)))).toEqual([2, 2, 1, 1]);
  });

  it('egoRowScales: 1 / row sum, 1 / row max, 0 on an empty row, and the largest degree', () => {
    // mutual values (see above): row 0 = {1: 5, 3: 1}, row 1 = {0: 5, 2: 4}, row 2 = {1: 4}, row 3 = {0: 1}, node 4 isolated
    const g = csrFromEdges(5, { sources: [0, 1, 1, 3], targets: [1, 0, 2, 0], weights: [2, 3, 4, 1] }, true);
    const r = egoRowScales(egoTies(g));
    expect(Array.from(r.invStrength)).toEqual([1 / 6, 1 / 9, 1 / 4, 1, 0]);
    expect(Array.from(r.invMax)).toEqual([1 / 5, 1 / 5, 1 / 4, 1, 0]);
    expect(r.maxDegree).toBe(2);
    expect(egoRowScales(egoTies(csrFromEdges(0, { sources: [], targets: [], weights: [] }, true))).maxDegree).toBe(0);
  });

  it('an undirected CSR is its own ego ties', () => {
    const g = csrFromEdges(3, { sources: [0, 1], targets: [1, 2], weights: [2, 5] }, false);
    expect(egoTies(g).targets).toBe(g.targets);
    expect(rows(egoTies(g, true))).toEqual(['1:1', '0:1 2:1', '1:1']);
  });
});

describe('egoTiesInLocalityOrder', () => {
  // two components given scattered indices: 5 - 0 - 3 - 5 (triangle) and 1 - 4, plus isolate 2
  const g = csrFromEdges(6, { sources: [5, 0, 3, 1], targets: [0, 3, 5, 4], weights: [1, 2, 3, 4] }, false);

  it('orders breadth-first, component by component, and relabels consistently', () => {
    const { ties, order } = egoTiesInLocalityOrder(egoTies(g));
    expect(Array.from(order)).toEqual([0, 3, 5, 1, 4, 2]);
    // row 0 lists 3 (value 2) before 5 (value 1); they become 1 and 2
    expect(rows(ties)[0]).toBe('1:2 2:1');
    expect(rows(ties)[5]).toBe('');
  });

  it('kernels give bit-identical values once restored', () => {
    const t = egoTies(g);
    const { ties, order } = egoTiesInLocalityOrder(t);
    const a = constraintKernel(t, true);
    const b = constraintKernel(ties, true);
    expect(Array.from(restoreOrder(b.constraint, order))).toEqual(Array.from(a.constraint));
    expect(Array.from(restoreOrder(b.hierarchy!, order))).toEqual(Array.from(a.hierarchy!));
    expect(Array.from(restoreOrder(effectiveSizeKernel(ties), order))).toEqual(Array.from(effectiveSizeKernel(t)));
  });

  it(`views of ${LOCALITY_ORDER_MIN_PEOPLE}+ people take the relabelled path with the same results`, () => {
    // A seeded random graph, indices with no locality.
    const n = LOCALITY_ORDER_MIN_PEOPLE + 7;
    const b = new OrgGraphBuilder();
    for (let i = 0; i < n; i++) b.addPerson(`p${i}`);
    const random = mulberry32(12345);
    const next = () => Math.floor(random() * n);
    for (let e = 0; e < 3 * n; e++) {
      const s = next();
      const t = next();
      if (s !== t) b.addTie(s, t, 1 + (e % 5), 'tie');
    }
    const view = project(b.build(), { directed: true });
    const direct = egoTies(view.csr);
    const c = constraintKernel(direct, true);
    const es = effectiveSizeKernel(direct);
    expect(Array.from(constraint(view).values)).toEqual(Array.from(c.constraint));
    expect(Array.from(constraintAndHierarchy(view).hierarchy.values)).toEqual(Array.from(c.hierarchy!));
    const r = effectiveSizeAndEfficiency(view);
    expect(Array.from(r.effectiveSize.values)).toEqual(Array.from(es));
    const k = egoDegrees(direct);
    expect(Array.from(r.efficiency.values)).toEqual(Array.from(es, (v, i) => v / k[i]));
  });
});

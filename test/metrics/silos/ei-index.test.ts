import { describe, expect, it } from 'vitest';
import { eiIndex, eiIndexWeighted } from '../../../src/metrics/silos/ei-index.js';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { mulberry32 } from '../../../src/core/util/random.js';
import { caseView, emptyView, label, NX, small, smallDirected, twoTriangles } from './helpers.js';

describe('eiIndex: degenerate inputs', () => {
  it('empty view: NaN network value, no groups, no people', () => {
    const view = emptyView();
    const r = eiIndex(view, groupPartition(view, [], { minGroupSize: 1 }), { permutations: 10 });
    expect(r.network.value).toBeNaN();
    expect(r.network.test?.pValue).toBeNaN();
    expect(r.groups).toEqual([]);
    expect(r.people.size).toBe(0);
  });

  it('one person: NaN everywhere (no ties)', () => {
    const view = small({ a: 'X' }, []);
    const r = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 5 });
    expect(r.network.value).toBeNaN();
    expect(r.groups[0].value).toBeNaN();
    expect(r.people.get('a')).toBeNaN();
  });

  it('isolates get NaN; a single group gives -1 (every tie internal)', () => {
    const view = small({ a: 'X', b: 'X', c: 'X' }, [['a', 'b']]);
    const r = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 });
    expect(r.network).toEqual({ internal: 1, external: 0, value: -1, test: null });
    expect(r.people.get('c')).toBeNaN();
    expect(r.people.get('a')).toBe(-1);
  });

  it('a group of one with one outside tie is +1', () => {
    const view = small({ a: 'X', b: 'Y', c: 'Y' }, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const r = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 });
    // group X = {a}: I = 0, E = 1 -> +1; group Y: I = 1 (bc), E = 1 (ab) -> 0.
    expect(r.groups.map((g) => [g.group, g.value])).toEqual([
      ['X', 1],
      ['Y', 0],
    ]);
  });

  it('people without a value are left out with their ties (default), or form "(missing)"', () => {
    // a, b in X, c in Y, m missing. Ties ab, am, cm, bc.
    const view = small({ a: 'X', b: 'X', c: 'Y', m: null }, [
      ['a', 'b'],
      ['a', 'm'],
      ['c', 'm'],
      ['b', 'c'],
    ]);
    const out = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 });
    // Without m: I = 1 (ab), E = 1 (bc) -> 0; m itself is NaN.
    expect(out.network.value).toBe(0);
    expect(out.people.get('m')).toBeNaN();
    expect(out.people.get('a')).toBe(-1); // a's tie to m does not count
    const withGroup = eiIndex(view, groupPartition(view, 'team', { missing: 'group', minGroupSize: 1 }), { permutations: 0 });
    // (missing) = {m}: I = 1 (ab), E = 3 (am, cm, bc) -> 0.5.
    expect(withGroup.network.value).toBe(0.5);
    expect(withGroup.groups.map((g) => g.group)).toEqual(['X', 'Y', '(missing)']);
  });
});

describe('eiIndex: hand derivations', () => {
  it('two triangles joined by a bridge, with an isolate', () => {
    const view = twoTriangles();
    const r = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 });
    // Network: I = 6 triangle edges, E = 1 bridge: (1 - 6) / 7.
    expect(r.network.value).toBeCloseTo(-5 / 7, 12);
    // Each group: I = 3, E = 1: (1 - 3) / 4 = -0.5. X has 4 people (g isolated).
    expect(r.groups).toMatchObject([
      { group: 'X', size: 4, internal: 3, external: 1, value: -0.5 },
      { group: 'Y', size: 3, internal: 3, external: 1, value: -0.5 },
    ]);
    // c: 2 internal (a, b), 1 external (d): -1/3; a: 2 internal: -1; g isolated: NaN.
    expect(r.people.get('c')).toBeCloseTo(-1 / 3, 12);
    expect(r.people.get('a')).toBe(-1);
    expect(r.people.get('g')).toBeNaN();
  });

  it('weighted variant sums tie values: bridge weight 5 and ab weight 3', () => {
    const view = twoTriangles({ cd: 5, ab: 3 });
    const r = eiIndexWeighted(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 });
    // I = 3 + 1 + 1 + 3 = 8, E = 5: (5 - 8) / 13.
    expect(r.measure).toBe('eiIndexWeighted');
    expect(r.network.value).toBeCloseTo(-3 / 13, 12);
    // c: internal 1 + 1 = 2, external 5: 3/7.
    expect(r.people.get('c')).toBeCloseTo(3 / 7, 12);
    // Counting ties instead ignores the values.
    expect(eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 0 }).network.value).toBeCloseTo(-5 / 7, 12);
  });

  it('directed: direction picks sent, received or both at person and group level', () => {
    // a, b in X; d, e in Y; arcs a->b, a->d, e->a, d->e, e->d.
    const view = smallDirected();
    const groups = groupPartition(view, 'team', { minGroupSize: 1 });
    const both = eiIndex(view, groups, { permutations: 0 });
    // Network: I = 3 (a->b, d->e, e->d), E = 2 (a->d, e->a): -1/5 whatever the direction.
    expect(both.network.value).toBeCloseTo(-0.2, 12);
    // X: I = 1, sent out 1, received 1. both: (2 - 1) / 3; out: 0; in: 0.
    // Y: I = 2, sent 1, received 1. both: 0; out: -1/3; in: -1/3.
    expect(both.groups.map((g) => g.value)).toEqual([1 / 3, 0]);
    const out = eiIndex(view, groups, { permutations: 0, direction: 'out' });
    expect(out.groups[0].value).toBe(0);
    expect(out.groups[1].value).toBeCloseTo(-1 / 3, 12);
    expect(out.network.value).toBeCloseTo(-0.2, 12);
    // a sends to b (in) and d (out), receives from e (out): both (2 - 1) / 3, out 0, in +1.
    expect(both.people.get('a')).toBeCloseTo(1 / 3, 12);
    expect(out.people.get('a')).toBe(0);
    expect(eiIndex(view, groups, { permutations: 0, direction: 'in' }).people.get('a')).toBe(1);
    // b only receives from a: out NaN (no ties sent), in -1.
    expect(out.people.get('b')).toBeNaN();
    expect(both.people.get('b')).toBe(-1);
  });
});

describe('eiIndex: permutation test', () => {
  it('same seed, same test; observed values do not depend on the seed', () => {
    const view = twoTriangles();
    const groups = groupPartition(view, 'team', { minGroupSize: 1 });
    const a = eiIndex(view, groups, { permutations: 200, seed: 7 });
    const b = eiIndex(view, groups, { permutations: 200, seed: 7 });
    const c = eiIndex(view, groups, { permutations: 200, seed: 8 });
    expect(a).toEqual(b);
    expect(c.network.value).toBe(a.network.value);
    expect(a.network.test?.permutations).toBe(200);
  });

  it('karate club: clubs are far more internal than shuffled labels (p < 0.01, lower tail)', async () => {
    const view = await caseView({ dataset: 'zachary-karate', directed: false, weighted: true });
    const r = eiIndex(view, groupPartition(view, 'club', { minGroupSize: 1 }), { permutations: 499, seed: 1 });
    const test = r.network.test!;
    // Observed -0.718 (67 internal, 11 external). Under shuffled labels about half the ties cross.
    expect(test.expected).toBeGreaterThan(-0.2);
    expect(test.expected).toBeLessThan(0.2);
    // No shuffle reaches -0.718: pLower = 1 / (1 + 499).
    expect(test.pLower).toBeCloseTo(1 / 500, 12);
    expect(test.pUpper).toBe(1);
    expect(test.pValue).toBeCloseTo(2 / 500, 12);
    for (const g of r.groups) expect(g.test!.pLower).toBeLessThan(0.01);
  });

  it('a single group cannot be shuffled: every permutation equals the observed value (p = 1)', () => {
    const view = small({ a: 'X', b: 'X', c: 'X' }, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const r = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 20 });
    expect(r.network.test).toMatchObject({ expected: -1, sd: 0, pLower: 1, pUpper: 1, pValue: 1, permutations: 20 });
  });

  it('BH q-values across groups: q_(i) = min over j >= i of m p_(j) / j, NaN without a test', async () => {
    const view = await caseView({ dataset: 'manufacturing-email', directed: false, weighted: true });
    const groups = groupPartition(view, 'division', { minGroupSize: 1 });
    const r = eiIndex(view, groups, { permutations: 199, seed: 3 });
    const p = r.groups.map((g) => g.test!.pValue).filter((x) => !Number.isNaN(x));
    const m = p.length;
    expect(m).toBeGreaterThan(5);
    // Direct O(m^2) evaluation of the step-up formula (Benjamini & Hochberg 1995), ranks with ties in
    // input order (the rank a tie gets does not change the minimum).
    const sorted = [...p].sort((a, b) => a - b);
    for (const g of r.groups) {
      const pv = g.test!.pValue;
      if (Number.isNaN(pv)) {
        expect(g.qValue).toBeNaN();
        continue;
      }
      const i = sorted.indexOf(pv) + 1;
      let q = 1;
      for (let j = i; j <= m; j++) q = Math.min(q, (m * sorted[j - 1]) / j);
      expect(g.qValue).toBeCloseTo(Math.max(q, pv), 12);
      expect(g.qValue).toBeGreaterThanOrEqual(pv);
    }
    const none = eiIndex(view, groups, { permutations: 0 });
    for (const g of none.groups) expect(g.qValue).toBeNaN();
  });

  it('calibration: with random labels, some group reaches q <= 0.05 in about 5% of graphs or fewer', () => {
    // 200 Erdos-Renyi graphs (30 people, p = 0.15), 5 groups assigned at random, 199 permutations.
    // BH on the per-group two-sided p-values: when every group is null, P(any q <= 0.05) <= 0.05.
    // Measured: 7 of 200 = 0.035 (95% Wilson interval 0.017-0.070); allowed: 18 = the 0.99 quantile of
    // Binomial(200, 0.05).
    let declared = 0;
    for (let r = 0; r < 200; r++) {
      const random = mulberry32(500 + r);
      const labels: Record<string, string> = {};
      for (let i = 0; i < 30; i++) labels[`p${i}`] = `G${Math.floor(random() * 5)}`;
      const edges: [string, string][] = [];
      for (let i = 0; i < 30; i++) for (let j = i + 1; j < 30; j++) if (random() < 0.15) edges.push([`p${i}`, `p${j}`]);
      const view = small(labels, edges);
      const ei = eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: 199, seed: r + 1 });
      if (ei.groups.some((g) => g.qValue <= 0.05)) declared++;
    }
    expect(declared).toBeLessThanOrEqual(18);
  });

  it('rejects a negative permutation count', () => {
    const view = twoTriangles();
    expect(() => eiIndex(view, groupPartition(view, 'team', { minGroupSize: 1 }), { permutations: -1 })).toThrow(/permutations/);
  });
});

describe(`eiIndex against NetworkX ${NX.version} (network: 1 - 2 x coverage) and plain loops (groups)`, () => {
  for (const c of NX.cases) {
    it(label(c), async () => {
      const view = await caseView(c);
      const groups = groupPartition(view, c.attribute, { minGroupSize: 1 });
      expect(groups.missing).toBe(c.missing);
      const counts = eiIndex(view, groups, { permutations: 0 });
      const weights = eiIndexWeighted(view, groups, { permutations: 0 });
      expect(counts.network.value).toBeCloseTo(c.eiNetwork, 10);
      expect(counts.network.internal + counts.network.external).toBe(c.ties);
      expect(weights.network.value).toBeCloseTo(c.eiNetworkWeighted ?? NaN, 10);
      for (const g of counts.groups) {
        const ref = c.groups[g.group];
        expect(g.size).toBe(ref.size);
        expect(g.internal).toBe(ref.internal);
        expect(g.external).toBe(ref.external);
        if (ref.ei === null) expect(g.value).toBeNaN();
        else expect(g.value).toBeCloseTo(ref.ei, 12);
      }
      for (const g of weights.groups) {
        const ref = c.groups[g.group];
        expect(g.internal).toBeCloseTo(ref.internalWeight, 9);
        expect(g.external).toBeCloseTo(ref.externalWeight, 9);
      }
      expect(counts.groups.length).toBe(Object.keys(c.groups).length);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { groupPartition } from '../../../src/metrics/silos/groups.js';
import { yulesQ } from '../../../src/metrics/silos/yules-q.js';
import { caseView, emptyView, label, NX, small, smallDirected, twoTriangles } from './helpers.js';

describe("Yule's Q", () => {
  it('degenerate: empty view and a single group are NaN', () => {
    const view = emptyView();
    expect(yulesQ(view, groupPartition(view, [], { minGroupSize: 1 })).value).toBeNaN();
    const single = small({ a: 'X', b: 'X', c: 'X' }, [['a', 'b']]);
    // b = d = 0 (no cross pairs): ad + bc = 0.
    expect(yulesQ(single, groupPartition(single, 'team', { minGroupSize: 1 }))).toEqual({ a: 1, b: 0, c: 2, d: 0, value: NaN });
  });

  it('two triangles with a bridge and an isolate: (6*11 - 1*3) / (6*11 + 1*3) = 63/69', () => {
    // 7 people, 21 pairs; same-group pairs C(4,2) + C(3,2) = 9; a = 6 tied, c = 3 untied;
    // cross pairs 12: b = 1 tied (the bridge), d = 11 untied.
    const view = twoTriangles();
    const r = yulesQ(view, groupPartition(view, 'team', { minGroupSize: 1 }));
    expect(r).toMatchObject({ a: 6, b: 1, c: 3, d: 11 });
    expect(r.value).toBeCloseTo(63 / 69, 12);
  });

  it('directed: a pair is tied when an arc runs either way (d<->e counts once)', () => {
    // pairs: ab within tied, de within tied, ad and ae cross tied, bd and be cross untied.
    const r = yulesQ(smallDirected(), groupPartition(smallDirected(), 'team', { minGroupSize: 1 }));
    expect(r).toEqual({ a: 2, b: 2, c: 0, d: 2, value: 1 });
  });

  it('karate club with `club`: 0.784014 (METRICS.md)', async () => {
    const view = await caseView({ dataset: 'zachary-karate', directed: false, weighted: true });
    expect(yulesQ(view, groupPartition(view, 'club', { minGroupSize: 1 })).value).toBeCloseTo(0.784014, 6);
  });
});

describe("Yule's Q against the reference script's pair counts (NetworkX graphs)", () => {
  for (const c of NX.cases.filter((x) => x.weighted)) {
    it(label(c), async () => {
      const view = await caseView(c);
      const r = yulesQ(view, groupPartition(view, c.attribute, { minGroupSize: 1 }));
      expect([r.a, r.b, r.c, r.d]).toEqual([c.yulesQ.a, c.yulesQ.b, c.yulesQ.c, c.yulesQ.d]);
      if (c.yulesQ.value === null) expect(r.value).toBeNaN();
      else expect(r.value).toBeCloseTo(c.yulesQ.value, 12);
    });
  }
});

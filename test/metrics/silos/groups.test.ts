import { describe, expect, it } from 'vitest';
import { checkLabels, groupPartition, groupRows, MISSING_GROUP } from '../../../src/metrics/silos/groups.js';
import { dataset, emptyView, small } from './helpers.js';
import { project } from '../../../src/model/projection.js';

describe('groupPartition', () => {
  it('empty view: no groups', () => {
    const g = groupPartition(emptyView(), [], { minGroupSize: 1 });
    expect(g).toMatchObject({ names: [], missing: 0 });
    expect(g.labels.length).toBe(0);
  });

  it('names sort with numeric collation; labels and sizes follow', () => {
    const view = small({ a: '10', b: '2', c: '2', d: '1' }, []);
    const g = groupPartition(view, 'team', { minGroupSize: 1 });
    expect(g.names).toEqual(['1', '2', '10']);
    expect(Array.from(g.labels)).toEqual([2, 1, 1, 0]);
    expect(Array.from(g.sizes)).toEqual([1, 2, 1]);
  });

  it('missing values: excluded (-1) by default, or one "(missing)" group', () => {
    const view = small({ a: 'X', m: null, b: 'Y' }, []);
    const out = groupPartition(view, 'team', { minGroupSize: 1 });
    expect(Array.from(out.labels)).toEqual([0, -1, 1]);
    expect(out.missing).toBe(1);
    const grouped = groupPartition(view, 'team', { missing: 'group', minGroupSize: 1 });
    expect(grouped.names).toEqual(['X', 'Y', MISSING_GROUP]);
    expect(Array.from(grouped.labels)).toEqual([0, 2, 1]);
    expect(grouped.missing).toBe(0);
  });

  it('values given directly must be one per person; empty strings are missing', () => {
    const view = small({ a: 'X', b: 'Y' }, []);
    expect(Array.from(groupPartition(view, ['p', ''], { minGroupSize: 1 }).labels)).toEqual([0, -1]);
    expect(() => groupPartition(view, ['p'], { minGroupSize: 1 })).toThrow(/1 values for 2 people/);
  });

  it('an unknown attribute is E_UNKNOWN_ATTRIBUTE', () => {
    const view = small({ a: 'X' }, []);
    expect(() => groupPartition(view, 'office', { minGroupSize: 1 })).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_ATTRIBUTE' }));
  });

  it('labels follow the view, not the graph: enron role (54 missing values)', async () => {
    const graph = await dataset('enron-email');
    const view = project(graph);
    const g = groupPartition(view, 'role', { minGroupSize: 1 });
    expect(g.missing).toBe(54);
    const role = graph.attribute('role');
    for (let v = 0; v < view.personIds.length; v++) {
      const value = role[view.personIndex[v]];
      expect(g.labels[v] < 0 ? null : g.names[g.labels[v]]).toBe(value === '' ? null : value);
    }
  });

  it('checkLabels rejects misaligned or out-of-range labels', () => {
    expect(() => checkLabels(Int32Array.of(0, 1), 3, 2)).toThrow(/2 labels for 3 people/);
    expect(() => checkLabels(Int32Array.of(0, 2), 2, 2)).toThrow(/outside/);
    expect(() => checkLabels(Int32Array.of(-1, 1), 2, 2)).not.toThrow();
  });
});

describe('groupRows', () => {
  it('one row per name: group and size first, then the figures of that group, in key order', () => {
    const rows = groupRows(['a', 'b'], Int32Array.of(3, 1), (g) => ({ cut: 10 + g, value: g / 2 }));
    expect(rows).toEqual([
      { group: 'a', size: 3, cut: 10, value: 0 },
      { group: 'b', size: 1, cut: 11, value: 0.5 },
    ]);
    expect(Object.keys(rows[1])).toEqual(['group', 'size', 'cut', 'value']);
    expect(groupRows([], [], () => ({ x: 1 }))).toEqual([]);
  });
});

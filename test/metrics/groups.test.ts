import { describe, expect, it } from 'vitest';
import { groupMembership } from '../../src/metrics/groups.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { emptyView, small } from './silos/helpers.js';

describe('groupMembership', () => {
  it('empty view: no groups, whatever the options', () => {
    for (const order of ['name', 'code-unit', 'first-seen'] as const) {
      const g = groupMembership(emptyView(), [], { order, missing: 'group' });
      expect(g).toMatchObject({ names: [], missing: 0 });
      expect(g.codes.length).toBe(0);
    }
  });

  // People in view order: a '10', m (no value), b '2', c 'B', d '2'.
  const view = small({ a: '10', m: null, b: '2', c: 'B', d: '2' }, []);

  it('order: numeric-aware names, code units, or first appearance', () => {
    // collation: '2' < '10' < 'B'; code units: '1' (0x31) < '2' (0x32) < 'B' (0x42)
    expect(groupMembership(view, 'team').names).toEqual(['2', '10', 'B']);
    expect(groupMembership(view, 'team', { order: 'code-unit' }).names).toEqual(['10', '2', 'B']);
    const first = groupMembership(view, 'team', { order: 'first-seen' });
    expect(first.names).toEqual(['10', '2', 'B']);
    expect(Array.from(first.codes)).toEqual([0, -1, 1, 2, 1]);
    expect(Array.from(first.sizes)).toEqual([1, 2, 1]);
    expect(first.missing).toBe(1);
  });

  it('missing: excluded (-1), or a group placed last in a sorted order and where first met otherwise', () => {
    const sorted = groupMembership(view, 'team', { missing: 'group', missingName: '(none)' });
    expect(sorted.names).toEqual(['2', '10', 'B', '(none)']);
    expect(Array.from(sorted.codes)).toEqual([1, 3, 0, 2, 0]);
    expect(sorted.missing).toBe(0);
    const first = groupMembership(view, 'team', { missing: 'group', order: 'first-seen' });
    expect(first.names).toEqual(['10', null, '2', 'B']);
    expect(Array.from(first.codes)).toEqual([0, 1, 2, 3, 2]);
    expect(Array.from(first.sizes)).toEqual([1, 1, 2, 1]);
  });

  it('a missing-group name that is also a real value shares its group', () => {
    const g = groupMembership(view, ['B', null, 'B', 'X', ''], { missing: 'group', missingName: 'B' });
    expect(g.names).toEqual(['B', 'X']);
    expect(Array.from(g.codes)).toEqual([0, 0, 0, 1, 0]);
  });

  it('an empty string is missing unless emptyIsMissing is false', () => {
    const graph = OrgGraph.from({
      people: [
        { id: 'a', attributes: { team: '' } },
        { id: 'b', attributes: { team: 'X' } },
      ],
      ties: [],
    });
    const v = project(graph);
    expect(Array.from(groupMembership(v, 'team').codes)).toEqual([-1, 0]);
    const kept = groupMembership(v, 'team', { emptyIsMissing: false, order: 'first-seen' });
    expect(kept.names).toEqual(['', 'X']);
    expect(Array.from(kept.codes)).toEqual([0, 1]);
  });

  it('values must be one per person; an unknown attribute is E_UNKNOWN_ATTRIBUTE', () => {
    expect(() => groupMembership(view, ['x'], {}, 'group')).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION', field: 'group' }));
    expect(() => groupMembership(view, 'office')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_ATTRIBUTE' }));
  });
});

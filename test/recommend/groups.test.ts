import { describe, expect, it } from 'vitest';
import { groupPartition } from '../../src/metrics/silos/groups.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { groupLabels } from '../../src/recommend/groups.js';

describe('groupLabels', () => {
  it('reads an empty value as missing (no group), as the silo measures do', () => {
    const g = OrgGraph.from({
      people: [
        { id: 'a', attributes: { dept: '10' } },
        { id: 'b', attributes: { dept: '' } },
        { id: 'c', attributes: { dept: '2' } },
        { id: 'd', attributes: {} },
      ],
      ties: [{ source: 'a', target: 'b' }],
    });
    const view = project(g);
    const groups = groupLabels(view, 'dept', { minGroupSize: 1 });
    // Numeric-aware order: "2" before "10"; b (empty) and d (absent) are in no group.
    expect(groups.names).toEqual(['2', '10']);
    expect(Array.from(groups.labels)).toEqual([1, -1, 0, -1]);
    expect(groups.indexOf('')).toBe(-1);
    expect(Array.from(groups.labels)).toEqual(Array.from(groupPartition(view, 'dept', { minGroupSize: 1 }).labels));
  });
  it('names an unknown attribute', () => {
    const view = project(OrgGraph.from({ people: [{ id: 'a' }], ties: [] }));
    expect(() => groupLabels(view, 'dept', { minGroupSize: 1 })).toThrow(/dept/);
  });
});

import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { communityGroups } from '../../src/recommend/community-groups.js';
import { groupLabels } from '../../src/recommend/groups.js';

const view = (people: string[], ties: [string, string][]) =>
  project(
    OrgGraph.from({
      people: people.map((id) => ({ id })),
      ties: ties.map(([source, target]) => ({ source, target })),
      relations: [{ name: 'tie', directed: false }],
    }),
  );

describe('communityGroups', () => {
  it('gives no group on an empty view and one group per person without ties', () => {
    expect(communityGroups(view([], [])).count).toBe(0);
    const lone = communityGroups(view(['a', 'b'], []));
    expect([...lone.groupOf]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(lone.modularity).toBeNaN();
  });

  it('splits two triangles joined by one tie, and the groups follow people into another view', () => {
    // Q of the two triangles = 2 x (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14.
    const before = view(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
        ['d', 'e'],
        ['d', 'f'],
        ['e', 'f'],
        ['c', 'd'],
      ],
    );
    const g = communityGroups(before);
    expect(Object.fromEntries(g.groupOf)).toEqual({ a: '1', b: '1', c: '1', d: '2', e: '2', f: '2' });
    expect(g.modularity).toBeCloseTo(5 / 14, 12);
    // In a later view with a newcomer z, z is in no group (-1).
    const later = view(['a', 'z', 'd'], [['a', 'z']]);
    const labels = groupLabels(later, g, { minGroupSize: 1 });
    expect(labels.attribute).toBe('community');
    expect(labels.names).toEqual(['1', '2']);
    expect([...labels.labels]).toEqual([0, -1, 1]);
  });
});

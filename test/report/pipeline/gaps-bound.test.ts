/**
 * The gaps stage's bound on the number of groups (src/report/pipeline/stages/gaps.ts): above the
 * bound only the largest groups are tested, people of the others count as having no group, and
 * the input graph is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { groupGaps } from '../../../src/recommend/group-gaps.js';
import { largestGroupsView } from '../../../src/report/pipeline/stages/gaps.js';

// Groups A (4 people), B (3), C (3), D (2), E (1); a chain of ties through everyone.
const sizes: [string, number][] = [
  ['A', 4],
  ['B', 3],
  ['C', 3],
  ['D', 2],
  ['E', 1],
];
const people = sizes.flatMap(([g, k]) => Array.from({ length: k }, (_, i) => ({ id: `${g}${i}`, attributes: { dept: g } })));
const graph = OrgGraph.from({
  people,
  ties: people.slice(1).map((p, i) => ({ source: people[i].id, target: p.id })),
});

describe('largestGroupsView', () => {
  it('keeps the largest groups (ties on size: name order) and clears the rest', () => {
    const view = project(graph);
    const cut = largestGroupsView(view, 'dept', 2)!;
    expect(cut.groups).toBe(5);
    const col = cut.view.graph.attribute('dept');
    // A (4) first, then B and C tie at 3: B by name.
    expect(new Set(col.filter((v) => v !== null))).toEqual(new Set(['A', 'B']));
    expect(col.filter((v) => v === null)).toHaveLength(3 + 2 + 1);
    // The input graph is untouched, and the view's ties and other methods are the same.
    expect(graph.attribute('dept').filter((v) => v === 'E')).toHaveLength(1);
    expect(cut.view.graph.personCount).toBe(13);
    expect(cut.view.csr).toBe(view.csr);
  });
  it('gives nothing to cut when there are at most max groups', () => {
    expect(largestGroupsView(project(graph), 'dept', 5)).toBeNull();
  });
  it('groupGaps on the cut view tests the pairs of the kept groups only', () => {
    const cut = largestGroupsView(project(graph), 'dept', 3)!;
    // The cut view is a new graph: the analysis passes its minimum group size explicitly (here 1, as
    // a caller who opted out would); with the default 5 these groups of 3 and 4 would be merged.
    const r = groupGaps(cut.view, { attribute: 'dept', nullModel: 'configuration', minGroupSize: 1 });
    expect(r.groups.map((g) => g.name)).toEqual(['A', 'B', 'C']);
    expect(groupGaps(cut.view, { attribute: 'dept', nullModel: 'configuration' }).groups.map((g) => g.name)).toEqual([
      'Other (small groups)',
    ]);
    // 3 groups: 3 inside cells and 3 pairs.
    expect(r.staff.pairs).toHaveLength(6);
    // Ties with D and E people are set aside: the chain A-A-A-A-B-B-B-C-C-C has 9 ties.
    expect(r.staff.ties).toBe(9);
  });
});

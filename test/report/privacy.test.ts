/** Minimum group size, keyed pseudonyms and label merging. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { mergeSmallLabels, OTHER_GROUP, privateGraph, pseudonym } from '../../src/report/privacy.js';

function people(groups: Record<string, number>): { id: string; attributes: Record<string, string> }[] {
  const out: { id: string; attributes: Record<string, string> }[] = [];
  for (const [g, n] of Object.entries(groups))
    for (let i = 0; i < n; i++) out.push({ id: `${g}-${i}`, attributes: { dept: g, manager: `${g}-0`, name: `Name ${g} ${i}` } });
  return out;
}

describe('pseudonym', () => {
  it('is the first 16 hex digits of HMAC-SHA256 (RFC 4231 test case 1)', () => {
    // RFC 4231 4.2: key = 0x0b x 20, data "Hi There",
    // HMAC-SHA-256 = b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
    expect(pseudonym('\u000b'.repeat(20), 'Hi There')).toBe('pb0344c61d8db3853');
  });
  it('depends on the key', () => {
    expect(pseudonym('k1', 'ana')).not.toBe(pseudonym('k2', 'ana'));
    expect(pseudonym('k1', 'ana')).toBe('p' + createHmac('sha256', 'k1').update('ana').digest('hex').slice(0, 16));
  });
});

describe('privateGraph', () => {
  it('an empty graph stays empty', () => {
    const { graph, note } = privateGraph(OrgGraph.from({ people: [], ties: [] }), { group: null });
    expect(graph.personCount).toBe(0);
    expect(note.groupsMerged).toBe(0);
  });

  it('merges groups under k into one "other" group of at least k', () => {
    // A 6, B 3, C 2: B and C (5 people) merge; 5 >= 5 so the merged group is kept.
    const g = OrgGraph.from({ people: people({ A: 6, B: 3, C: 2 }), ties: [{ source: 'A-0', target: 'B-0' }] });
    const { graph, note } = privateGraph(g, { group: 'dept', minGroupSize: 5 });
    const col = graph.attribute('dept');
    expect(new Set(col)).toEqual(new Set(['A', OTHER_GROUP]));
    expect(col.filter((v) => v === OTHER_GROUP)).toHaveLength(5);
    expect(note).toMatchObject({ groupsMerged: 2, groupsMergedToProtect: 0, allGroupsWithheld: false, pseudonymized: false });
    expect(note).not.toHaveProperty('peopleMerged');
    expect(graph.tieCount).toBe(1);
    expect(graph.personIds).toEqual(g.personIds);
  });

  it('complementary suppression: when the merged group is under k, the smallest other groups join it', () => {
    // A 6, B 7, C 3: C alone (3 < 5) would be a group of 3, or withheld people whose count is
    // 16 - 6 - 7. So A, the smallest remaining group, joins it: Other = 9, B = 7; no one loses a group.
    const { graph, note } = privateGraph(OrgGraph.from({ people: people({ A: 6, B: 7, C: 3 }), ties: [] }), {
      group: 'dept',
      minGroupSize: 5,
    });
    const col = graph.attribute('dept');
    expect(col.filter((v) => v === null)).toHaveLength(0);
    expect(col.filter((v) => v === OTHER_GROUP)).toHaveLength(9);
    expect(col.filter((v) => v === 'B')).toHaveLength(7);
    expect(note).toMatchObject({ groupsMerged: 1, groupsMergedToProtect: 1, allGroupsWithheld: false });
  });

  it('when all groups together are under k, no one keeps a group', () => {
    // A 2, B 2 with k = 5: 4 grouped people in all; the ungrouped person stays without a group too.
    const g = OrgGraph.from({ people: [...people({ A: 2, B: 2 }), { id: 'x', attributes: { dept: '' } }], ties: [] });
    const { graph, note } = privateGraph(g, { group: 'dept', minGroupSize: 5 });
    expect(graph.attribute('dept')).toEqual([null, null, null, null, null]);
    expect(note).toMatchObject({ groupsMerged: 2, allGroupsWithheld: true });
  });

  it('with a key: ids become pseudonyms, person-id values too, other attributes are dropped', () => {
    const g = OrgGraph.from({ people: people({ A: 5 }), ties: [{ source: 'A-1', target: 'A-2', weight: 3 }] });
    const { graph, note } = privateGraph(g, { group: 'dept', pseudonymKey: 'key', keepAttributes: ['manager'] });
    // People come in pseudonym order, not input order.
    const expected = g.personIds.map((id) => pseudonym('key', id)).sort();
    expect(graph.personIds).toEqual(expected);
    expect(graph.attributeNames).toEqual(['dept', 'manager']);
    expect(graph.attribute('manager')[graph.personIds.indexOf(pseudonym('key', 'A-3'))]).toBe(pseudonym('key', 'A-0'));
    expect(note.attributesDropped).toEqual(['name']);
    expect([...graph.ties()]).toEqual([{ source: pseudonym('key', 'A-1'), target: pseudonym('key', 'A-2'), weight: 3, relation: 'tie' }]);
  });

  it('rejects k < 1 and an empty key', () => {
    const g = OrgGraph.from({ people: people({ A: 2 }), ties: [] });
    expect(() => privateGraph(g, { group: 'dept', minGroupSize: 0 })).toThrow(/minimum group size/);
    expect(() => privateGraph(g, { group: null, pseudonymKey: '' })).toThrow(/empty/);
    expect(() => privateGraph(g, { group: 'nope' })).toThrow(/no attribute "nope"/);
  });
});

describe('mergeSmallLabels', () => {
  it('no labels: nothing to merge', () => {
    expect(mergeSmallLabels(new Int32Array(0), 0, 5).labels).toEqual(new Int32Array(0));
  });
  it('labels under k go to label `count` when together >= k, else to -1', () => {
    // sizes: 0 -> 3, 1 -> 1, 2 -> 1; k = 2: labels 1 and 2 (2 people) merge into label 3.
    const r = mergeSmallLabels(Int32Array.from([0, 0, 0, 1, 2, -1]), 3, 2);
    expect([...r.labels]).toEqual([0, 0, 0, 3, 3, -1]);
    expect([...r.sizes]).toEqual([3, 0, 0, 2]);
    expect(r.merged).toBe(2);
    // k = 3: the merged pair (2 people) is under 3, so label 0 (3 people, the smallest left) joins
    // it: one merged label of 5 (complementary suppression).
    const c = mergeSmallLabels(Int32Array.from([0, 0, 0, 1, 2, -1]), 3, 3);
    expect([...c.labels]).toEqual([3, 3, 3, 3, 3, -1]);
    expect(c).toMatchObject({ merged: 2, mergedToProtect: 1 });
    // k = 6: all labels together (5 people) are under 6 -> -1 for everyone.
    expect([...mergeSmallLabels(Int32Array.from([0, 0, 0, 1, 2, -1]), 3, 6).labels]).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});

/** Minimum group size, keyed pseudonyms and label merging. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { mergeSmallLabels, OTHER_GROUP, privateGraph, pseudonym } from '../../src/report/privacy.js';

function people(groups: Record<string, number>): { id: string; attributes: Record<string, string> }[] {
  const out: { id: string; attributes: Record<string, string> }[] = [];
  for (const [g, n] of Object.entries(groups)) for (let i = 0; i < n; i++) out.push({ id: `${g}-${i}`, attributes: { dept: g, manager: `${g}-0`, name: `Name ${g} ${i}` } });
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
    expect(note).toMatchObject({ groupsMerged: 2, peopleMerged: 5, otherWithheld: false, pseudonymized: false });
    expect(graph.tieCount).toBe(1);
    expect(graph.personIds).toEqual(g.personIds);
  });

  it('withholds the merged group when it is itself under k', () => {
    // A 6, B 3: B alone is merged (3 < 5) and withheld: its people have no group.
    const { graph, note } = privateGraph(OrgGraph.from({ people: people({ A: 6, B: 3 }), ties: [] }), { group: 'dept', minGroupSize: 5 });
    expect(graph.attribute('dept').filter((v) => v === null)).toHaveLength(3);
    expect(note.otherWithheld).toBe(true);
  });

  it('with a key: ids become pseudonyms, person-id values too, other attributes are dropped', () => {
    const g = OrgGraph.from({ people: people({ A: 5 }), ties: [{ source: 'A-1', target: 'A-2', weight: 3 }] });
    const { graph, note } = privateGraph(g, { group: 'dept', pseudonymKey: 'key', keepAttributes: ['manager'] });
    expect(graph.personIds).toEqual(g.personIds.map((id) => pseudonym('key', id)));
    expect(graph.attributeNames).toEqual(['dept', 'manager']);
    expect(graph.attribute('manager')[3]).toBe(pseudonym('key', 'A-0'));
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
    // k = 3: the merged pair (2 people) is under 3 too -> -1.
    expect([...mergeSmallLabels(Int32Array.from([0, 0, 0, 1, 2, -1]), 3, 3).labels]).toEqual([0, 0, 0, -1, -1, -1]);
  });
});

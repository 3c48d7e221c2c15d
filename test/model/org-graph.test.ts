import { describe, expect, it } from 'vitest';
import { OrgGraph, OrgGraphBuilder } from '../../src/model/org-graph.js';
import { OrgraphError } from '../../src/model/errors.js';

const small = () =>
  OrgGraph.from({
    relations: [{ name: 'friendship', directed: false }],
    people: [
      { id: 'ana', attributes: { department: 'Sales', level: '2' } },
      { id: 'bo', attributes: { department: 'Eng' } },
      { id: 'cy', external: true },
    ],
    ties: [
      { source: 'ana', target: 'bo', weight: 3, relation: 'advice' },
      { source: 'bo', target: 'ana', relation: 'friendship' },
      { source: 'ana', target: 'cy', weight: 2, relation: 'advice', time: 1_600_000_000_000 },
    ],
  });

describe('OrgGraph', () => {
  it('keeps people, attributes and the outside-stakeholder flag', () => {
    const g = small();
    expect(g.personIds).toEqual(['ana', 'bo', 'cy']);
    expect(g.attributeNames).toEqual(['department', 'level']);
    expect(g.attribute('department')).toEqual(['Sales', 'Eng', null]);
    expect(g.person('ana')).toEqual({ id: 'ana', attributes: { department: 'Sales', level: '2' }, external: false });
    expect(g.person('cy').external).toBe(true);
    expect(g.isExternal(2)).toBe(true);
  });

  it('keeps ties by relation with weights (default 1) and times', () => {
    const g = small();
    expect(g.tieCount).toBe(3);
    expect([...g.tiesPerRelation()]).toEqual([
      ['friendship', 1],
      ['advice', 2],
    ]);
    expect(g.relation('friendship')?.directed).toBe(false);
    expect(g.relation('advice')?.directed).toBe(true);
    const ties = [...g.ties()];
    expect(ties[1]).toEqual({ source: 'bo', target: 'ana', weight: 1, relation: 'friendship' });
    expect(ties[2].time).toBe(1_600_000_000_000);
  });

  it('throws coded errors for unknown people, attributes and duplicate ids', () => {
    const g = small();
    expect(() => g.attribute('office')).toThrowError(/no attribute "office"; attributes: department, level/);
    expect(() => g.person('zed')).toThrowError(OrgraphError);
    const b = new OrgGraphBuilder();
    b.addPerson('a');
    try {
      b.addPerson('a');
      expect.unreachable();
    } catch (e) {
      expect((e as OrgraphError).code).toBe('E_DUPLICATE_PERSON');
    }
    expect(() => OrgGraph.from({ people: [{ id: 'a' }], ties: [{ source: 'a', target: 'b' }] })).toThrowError(
      /tie target "b" is not a known person/,
    );
  });

  it('backfills attribute columns first seen on a later person', () => {
    const b = new OrgGraphBuilder();
    b.addPerson('a');
    b.addPerson('b', { team: 'T1' });
    const g = b.build();
    expect(g.attribute('team')).toEqual([null, 'T1']);
    expect(g.person('a').attributes).toEqual({});
  });
});

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

describe('OrgGraph.from: every value checked once, errors name the field path', () => {
  const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const from = (ties: unknown[], p: unknown[] = people): unknown => {
    try {
      OrgGraph.from({ people: p, ties } as never);
      return null;
    } catch (e) {
      return e;
    }
  };

  it.each([
    [{ source: 'a', target: 'b', weight: NaN }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'b', weight: -1 }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'b', weight: 0 }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'b', weight: Infinity }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'b', weight: 1e308 }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'b', weight: 5e-324 }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'b', weight: '2' }, 'E_BAD_WEIGHT', 'ties[1].weight'],
    [{ source: 'a', target: 'a' }, 'E_SELF_LOOP', 'ties[1].target'],
    [{ source: 'zed', target: 'a' }, 'E_UNKNOWN_PERSON', 'ties[1].source'],
    [{ source: 'a', target: 7 }, 'E_UNKNOWN_PERSON', 'ties[1].target'],
    [{ source: 'a', target: 'b', relation: '' }, 'E_BAD_VALUE', 'ties[1].relation'],
    [{ source: 'a', target: 'b', time: NaN }, 'E_BAD_TIMESTAMP', 'ties[1].time'],
    [null, 'E_BAD_INPUT', 'ties[1]'],
  ])('tie %j is %s at %s', (tie, code, field) => {
    const e = from([{ source: 'b', target: 'c', weight: 2 }, tie]);
    expect(e).toBeInstanceOf(OrgraphError);
    expect(e).toMatchObject({ code, field });
    expect((e as Error).message.startsWith(`field "${field}": `)).toBe(true);
  });

  it('bad people and input shapes name their field', () => {
    expect(from([], [{ id: 'a' }, { id: '' }])).toMatchObject({ code: 'E_EMPTY_ID', field: 'people[1].id' });
    expect(from([], [{ id: 'a' }, { id: 'a' }])).toMatchObject({ code: 'E_DUPLICATE_PERSON', field: 'people[1].id' });
    expect(from([], [{ id: 1 }])).toMatchObject({ code: 'E_BAD_VALUE', field: 'people[0].id' });
    expect(from([], [{ id: 'a', attributes: { team: 3 } }])).toMatchObject({ code: 'E_BAD_VALUE', field: 'people[0].attributes.team' });
    expect(from(null as never)).toMatchObject({ code: 'E_BAD_INPUT', field: 'ties' });
    expect(() => OrgGraph.from(undefined as never)).toThrow(expect.objectContaining({ code: 'E_BAD_INPUT', field: 'input' }));
  });

  it('the limits themselves are accepted: weights 1e-12 and 1e12', () => {
    const g = OrgGraph.from({
      people,
      ties: [
        { source: 'a', target: 'b', weight: 1e-12 },
        { source: 'b', target: 'c', weight: 1e12 },
      ],
    });
    expect([...g.ties()].map((t) => t.weight)).toEqual([1e-12, 1e12]);
  });

  it('an attribute named "__proto__" keeps its value (own property, prototype untouched)', () => {
    const g = OrgGraph.from({ people: [{ id: 'a', attributes: JSON.parse('{"__proto__": "Sales", "team": "x"}') }], ties: [] });
    expect(g.attribute('__proto__')).toEqual(['Sales']);
    const attrs = g.person('a').attributes;
    expect(Object.keys(attrs)).toEqual(['__proto__', 'team']);
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
  });
});

describe('OrgGraphBuilder after build (the graph shares the person tables until the builder changes)', () => {
  it('a graph keeps its people, attributes, index and ties when the builder goes on', () => {
    const b = new OrgGraphBuilder();
    b.declareAttributes(['team']);
    b.addPerson('ana', { team: 'x' });
    b.addPerson('bo', { team: 'y' });
    b.addTie(0, 1, 2, 'advice');
    const g1 = b.build();
    b.addPerson('cy', { team: 'z', level: '3' });
    b.addTie(2, 0, 5, 'advice');
    const g2 = b.build();
    expect([g1.personIds, g1.attributeNames, g1.attribute('team'), g1.indexOf('cy'), g1.has('cy'), g1.tieCount]).toEqual([
      ['ana', 'bo'],
      ['team'],
      ['x', 'y'],
      -1,
      false,
      1,
    ]);
    expect([g2.personIds, g2.attributeNames, g2.attribute('team'), g2.indexOf('cy'), g2.has('bo'), g2.tieCount]).toEqual([
      ['ana', 'bo', 'cy'],
      ['team', 'level'],
      ['x', 'y', 'z'],
      2,
      true,
      2,
    ]);
  });
});

describe('OrgGraph.withAttribute', () => {
  const g = OrgGraph.from({
    people: [
      { id: 'ana', attributes: { dept: 'A', site: 'x' } },
      { id: 'bo', attributes: { dept: 'B', site: 'y' } },
      { id: 'cy', attributes: { site: 'x' } },
    ],
    ties: [
      { source: 'ana', target: 'bo', weight: 2 },
      { source: 'bo', target: 'cy' },
    ],
  });
  it('replaces one column and shares the rest; the original graph is unchanged', () => {
    const h = g.withAttribute('dept', ['Sales', null, 'Ops']);
    expect(h.attribute('dept')).toEqual(['Sales', null, 'Ops']);
    expect(h.attribute('site')).toEqual(['x', 'y', 'x']);
    expect(g.attribute('dept')).toEqual(['A', 'B', null]);
    expect(h.person('cy').attributes).toEqual({ dept: 'Ops', site: 'x' });
    expect(h.indexOf('bo')).toBe(1);
    expect(h.tieWeights).toBe(g.tieWeights);
    expect([...h.ties()].map((t) => [t.source, t.target, t.weight])).toEqual([
      ['ana', 'bo', 2],
      ['bo', 'cy', 1],
    ]);
  });
  it('refuses an unknown column and a column of the wrong length', () => {
    expect(() => g.withAttribute('level', ['1', '2', '3'])).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_ATTRIBUTE' }));
    expect(() => g.withAttribute('dept', ['A'])).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { project } from '../../../src/model/projection.js';
import { BROKERAGE_METRICS } from '../../../src/metrics/brokerage/catalog.js';
import { metricSpec } from '../../../src/metrics/catalog.js';
import { constraint } from '../../../src/metrics/brokerage/constraint.js';
import { brokerageRoles } from '../../../src/metrics/brokerage/brokerage-roles.js';
import { at, toy } from './brokerage-helpers.js';

const KEYS = [
  'constraint',
  'hierarchy',
  'effectiveSize',
  'efficiency',
  'coordinator',
  'itinerant',
  'representative',
  'gatekeeper',
  'liaison',
  'brokerageTotal',
  'participation',
  'withinModuleZ',
  'role',
  'bridging',
];

describe('brokerage catalog', () => {
  // a - b - c - d with groups x x y y; c also tied to e (group z)
  const view = project(toy(['a-b', 'b-c', 'c-d', 'c-e'], { a: 'x', b: 'x', c: 'y', d: 'y', e: 'z' }));

  it('lists every key once, in the brokerage family, reachable from the joined catalog', () => {
    const keys = BROKERAGE_METRICS.flatMap((s) => s.keys);
    for (const key of KEYS) {
      expect(
        keys.filter((k) => k === key),
        key,
      ).toHaveLength(1);
      expect(metricSpec(key)?.family, key).toBe('brokerage');
    }
  });

  it('each entry returns one score per key, aligned with the view, named by its key', async () => {
    for (const spec of BROKERAGE_METRICS) {
      const scores = await spec.compute(view, { group: 'group', workers: 1 });
      expect(scores.map((s) => s.metric)).toEqual(spec.keys);
      for (const s of scores) expect(s.personIds).toEqual(view.personIds);
    }
  });

  it('values are those of the measure functions', async () => {
    const [c] = await metricSpec('constraint')!.compute(view, {});
    expect(Array.from(c.values)).toEqual(Array.from(constraint(view).values));
    const roles = await metricSpec('gatekeeper')!.compute(view, { group: 'group' });
    const gatekeeper = roles[metricSpec('gatekeeper')!.keys.indexOf('gatekeeper')];
    expect(Array.from(gatekeeper.values)).toEqual(Array.from(brokerageRoles(view, 'group').counts.gatekeeper.values));
    // c brokers b > c > d (x, y, y) and e > c > d (z, y, y) as gatekeeper; d > c > b, d > c > e are
    // representative, b > c > e and e > c > b liaison
    expect(at(gatekeeper, 'c')).toBe(2);
  });

  it('group measures need a group and give NaN (null) without one', async () => {
    for (const key of ['coordinator', 'participation', 'withinModuleZ', 'role']) {
      const spec = metricSpec(key)!;
      expect(spec.needsGroup, key).toBe(true);
      const scores = await spec.compute(view, {});
      for (const s of scores) expect(Array.from(s.values).every(Number.isNaN), key).toBe(true);
    }
    expect(metricSpec('constraint')!.needsGroup).toBeFalsy();
  });
});

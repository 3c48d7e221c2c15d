import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { MODULE_ROLE_NAMES, moduleRole, moduleRoles } from '../../../src/metrics/brokerage/module-roles.js';
import { BROKERAGE_METRICS } from '../../../src/metrics/brokerage/catalog.js';
import { at, toy } from './brokerage-helpers.js';

describe('moduleRole thresholds (Guimerà & Amaral 2005)', () => {
  it('non-hubs R1-R4 at P 0.05 / 0.62 / 0.80, boundaries included below', () => {
    expect(moduleRole(0, 0)).toBe(1);
    expect(moduleRole(0, 0.05)).toBe(1);
    expect(moduleRole(0, 0.0501)).toBe(2);
    expect(moduleRole(2.49, 0.62)).toBe(2);
    expect(moduleRole(-1, 0.621)).toBe(3);
    expect(moduleRole(0, 0.8)).toBe(3);
    expect(moduleRole(0, 0.801)).toBe(4);
  });

  it('hubs (z >= 2.5) R5-R7 at P 0.30 / 0.75', () => {
    expect(moduleRole(2.5, 0)).toBe(5);
    expect(moduleRole(2.5, 0.3)).toBe(5);
    expect(moduleRole(3, 0.301)).toBe(6);
    expect(moduleRole(10, 0.75)).toBe(6);
    expect(moduleRole(10, 0.751)).toBe(7);
    expect(Number.isNaN(moduleRole(NaN, 0.5))).toBe(true);
    expect(MODULE_ROLE_NAMES[6]).toBe('connector hub');
  });
});

describe('moduleRoles on a graph', () => {
  // Group A: hub h tied to a1..a8 (all A); h also tied to two people in each of B, C, D, E.
  // a1 is also tied to b1. Within-degrees in A: h 8, a1..a8 1 -> mean 16/9; deviations 56/9 and
  // -7/9; variance (56^2 + 8 * 7^2) / 81 / 9 = 3528/729; z_h = (56/9) / sqrt(3528/729) = 2 sqrt(2).
  // P_h = 1 - (8/16)^2 - 4 (2/16)^2 = 11/16 = 0.6875 -> connector hub R6.
  // a1: one tie in A, one in B -> P = 1/2, z < 0 -> R2; a2: P = 0 -> R1.
  // b1: ties to h and a1, both in A -> P = 0; B's within-degrees are all 0 -> z = 0 -> R1.
  const groups: Record<string, string> = { h: 'A' };
  const ties: string[] = [];
  for (let i = 1; i <= 8; i++) {
    groups[`a${i}`] = 'A';
    ties.push(`h-a${i}`);
  }
  for (const g of ['b', 'c', 'd', 'e']) {
    for (const i of [1, 2]) {
      groups[`${g}${i}`] = g.toUpperCase();
      ties.push(`h-${g}${i}`);
    }
  }
  ties.push('a1-b1');
  const view = project(toy(ties, groups));

  it('finds the connector hub, a peripheral person and ultra-peripheral ones', () => {
    const r = moduleRoles(view, 'group');
    expect(at(r.withinModuleZ, 'h')).toBeCloseTo(2 * Math.SQRT2, 14);
    expect(at(r.participation, 'h')).toBeCloseTo(11 / 16, 15);
    expect(at(r.role, 'h')).toBe(6);
    expect(at(r.participation, 'a1')).toBeCloseTo(1 / 2, 15);
    expect(at(r.role, 'a1')).toBe(2);
    expect(at(r.role, 'a2')).toBe(1);
    expect(at(r.role, 'b1')).toBe(1);
  });

  it('hubZ moves the hub threshold: at 3 the hub is a non-hub connector (P 0.6875 -> R3)', () => {
    expect(at(moduleRoles(view, 'group', { hubZ: 3 }).role, 'h')).toBe(3);
  });

  it('isolates and the empty graph', () => {
    const r = moduleRoles(project(toy(['a-b'], { a: 'A', b: 'A', z: 'A' })), 'group');
    expect(at(r.participation, 'z')).toBe(0);
    expect(at(r.role, 'z')).toBe(1);
    expect(moduleRoles(project(OrgGraph.from({ people: [], ties: [] })), Int32Array.from([])).role.size).toBe(0);
  });

  it('the catalog prints roles as R1..R7 and gives null without a group', async () => {
    const spec = BROKERAGE_METRICS.find((s) => s.keys.includes('role'))!;
    expect(spec.needsGroup).toBe(true);
    const [role] = await spec.compute(view, { group: 'group' });
    expect(spec.format!(at(role, 'h'))).toBe('R6');
    const [none] = await spec.compute(view, {});
    expect(spec.format!(none.values[0])).toBeNull();
  });
});

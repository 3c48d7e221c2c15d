import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { boundarySpanners } from '../../../src/metrics/brokerage/boundary-spanners.js';
import { participation } from '../../../src/metrics/brokerage/participation.js';
import { at, datasetView, toy } from './brokerage-helpers.js';

describe('boundarySpanners', () => {
  it('empty graph; isolates span nothing', () => {
    expect(boundarySpanners(project(OrgGraph.from({ people: [], ties: [] })), Int32Array.from([])).spanners).toEqual([]);
    const r = boundarySpanners(project(toy(['a-b'], { a: 'A', b: 'B', z: 'C' })), 'group');
    expect(at(r.groupsSpanned, 'z')).toBe(0);
  });

  it('counts distinct other groups, not ties; own group excluded; minGroups is an option', () => {
    // s (A) tied to a (A), b1 b2 (B), c (C), d (D): other groups B, C, D -> 3.
    // t (B) tied to b1 (B) only -> 0. c (C) tied to s (A) -> 1.
    const g = toy(['s-a', 's-b1', 's-b2', 's-c', 's-d', 't-b1'], { s: 'A', a: 'A', b1: 'B', b2: 'B', c: 'C', d: 'D', t: 'B' });
    const r = boundarySpanners(project(g), 'group');
    expect(at(r.groupsSpanned, 's')).toBe(3);
    expect(at(r.groupsSpanned, 't')).toBe(0);
    expect(at(r.groupsSpanned, 'c')).toBe(1);
    // b1 (B) is tied to s (A) and t (B): 1
    expect(at(r.groupsSpanned, 'b1')).toBe(1);
    expect(r.spanners).toEqual(['s']);
    expect(r.minGroups).toBe(2);
    expect(boundarySpanners(project(g), 'group', { minGroups: 1 }).spanners).toEqual(['b1', 'b2', 'c', 'd', 's']);
    expect(boundarySpanners(project(g), 'group', { minGroups: 4 }).spanners).toEqual([]);
  });

  it('directed ties count in either direction; people without a group value are one group', () => {
    const g = toy(['s>x', 'y>s', 's>n'], { s: 'A', x: 'B', y: 'C' }, ['n']);
    expect(at(boundarySpanners(project(g, { directed: true }), 'group').groupsSpanned, 's')).toBe(3);
  });

  it('agrees with participation on lazega-lawfirm by office: two or more other groups means P > 0', async () => {
    // Two kernels, one fact: P_i = 0 exactly when all of i's ties fall in a single group.
    const view = await datasetView('lazega-lawfirm', { relations: ['advice'], weighted: false });
    const spanned = boundarySpanners(view, 'office').groupsSpanned.values;
    const p = participation(view, 'office').values;
    let checked = 0;
    for (let i = 0; i < spanned.length; i++) {
      if (spanned[i] >= 2) {
        expect(p[i]).toBeGreaterThan(0);
        checked++;
      }
      if (spanned[i] === 0) expect(p[i]).toBe(0);
    }
    expect(checked).toBeGreaterThan(0);
  });
});

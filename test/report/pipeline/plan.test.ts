/**
 * The report pipeline's plan and context: stages run in the order progress reports name them,
 * every need is written by an earlier stage, and each intermediate is written once.
 */
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { ANALYSIS_STAGES } from '../../../src/report/analysis.js';
import { ANALYSIS_PLAN, planAnalysis, prepareAnalysis, type AnalysisStage } from '../../../src/report/pipeline/index.js';

const stage = (name: string, needs: AnalysisStage['needs'], provides: AnalysisStage['provides']): AnalysisStage => ({
  name,
  needs,
  provides,
  run: async () => {},
});

describe('analysis plan', () => {
  it('runs the progress stages in ANALYSIS_STAGES order, the layout just before the map', () => {
    expect(ANALYSIS_PLAN.map((s) => s.name)).toEqual([...ANALYSIS_STAGES.slice(0, -1), 'layout', 'map']);
  });
  it('introductions read the gaps stage result, the map reads the laid-out tables', () => {
    expect(ANALYSIS_PLAN.find((s) => s.name === 'introductions')!.needs).toEqual(['gaps']);
    expect(ANALYSIS_PLAN.find((s) => s.name === 'map')!.needs).toContain('tables');
  });
  it('refuses a stage that needs a result no earlier stage provides, and a result provided twice', () => {
    expect(() => planAnalysis([stage('map', ['tables'], ['map'])])).toThrow(/needs 'tables'/);
    expect(() => planAnalysis([stage('a', [], ['gaps']), stage('b', [], ['gaps'])])).toThrow(/provided by both 'a' and 'b'/);
    expect(planAnalysis([stage('a', [], ['gaps']), stage('b', ['gaps'], ['map'])]).map((s) => s.name)).toEqual(['a', 'b']);
  });
});

describe('analysis context', () => {
  const graph = OrgGraph.from({ people: [{ id: 'x' }, { id: 'y' }], ties: [{ source: 'x', target: 'y' }] });
  it('a slot is read only after a stage wrote it, and written once', () => {
    const ctx = prepareAnalysis(graph, { group: null, minGroupSize: 1 });
    expect(() => ctx.get('gaps')).toThrow(/read before/);
    ctx.set('gaps', null);
    expect(ctx.get('gaps')).toBeNull();
    expect(() => ctx.set('gaps', null)).toThrow(/written twice/);
  });
  it('catalogue scores come from the catalogue entry, once per entry', async () => {
    const ctx = prepareAnalysis(graph, { group: null, minGroupSize: 1 });
    const c = await ctx.catalogScores('constraint');
    // Two people tied only to each other: constraint (1)^2 = 1 each.
    expect([...c.values]).toEqual([1, 1]);
    expect(await ctx.catalogScores('constraint')).toBe(c);
    expect(ctx.metrics.shared!.computed('egoTables')).toBe(1);
    await expect(ctx.catalogScores('nope')).rejects.toThrow(/no catalogue entry/);
  });
});

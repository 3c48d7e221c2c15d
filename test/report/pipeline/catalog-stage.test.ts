/**
 * catalogStage, the centrality and brokerage stages: each step's catalogue entries are written to
 * the slots of the same names, progress reaches each step's units in order, the event loop gets a
 * turn between steps and before the extra slots, and `provides` lists the slots in that order.
 * Checked on a recording context (every call in order) and on the two real stages.
 */
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../../src/model/org-graph.js';
import { catalogStage } from '../../../src/report/pipeline/catalog-stage.js';
import type { AnalysisContext } from '../../../src/report/pipeline/context.js';
import { prepareAnalysis } from '../../../src/report/pipeline/index.js';
import { brokerageStage } from '../../../src/report/pipeline/stages/brokerage.js';
import { centralityStage } from '../../../src/report/pipeline/stages/centrality.js';

/** A context that records progress, turns, catalogue reads and slot writes, in order. */
function recorder(): { ctx: AnalysisContext; log: string[] } {
  const log: string[] = [];
  const ctx = {
    progress: (stage: string, done: number, total: number) => log.push(`progress ${stage} ${done}/${total}`),
    breathe: async () => {
      log.push('breathe');
    },
    catalogScores: async (key: string) => {
      log.push(`compute ${key}`);
      return `scores of ${key}`;
    },
    set: (name: string, value: unknown) => log.push(`set ${name} = ${String(value)}`),
  } as unknown as AnalysisContext;
  return { ctx, log };
}

describe('catalogStage', () => {
  it('runs the steps in order with progress after each and a turn between them, the extra slots last', async () => {
    const { ctx, log } = recorder();
    const s = catalogStage(
      'demo',
      5,
      [
        { slots: ['degree', 'strength'], done: 1 },
        { slots: ['pagerank'], done: 4 },
      ],
      { provides: ['roles'], write: (c) => c.set('roles', null) },
    );
    expect(s.name).toBe('demo');
    expect(s.needs).toEqual([]);
    expect(s.provides).toEqual(['degree', 'strength', 'pagerank', 'roles']);
    await s.run(ctx);
    expect(log).toEqual([
      'progress demo 0/5',
      'compute degree',
      'set degree = scores of degree',
      'compute strength',
      'set strength = scores of strength',
      'progress demo 1/5',
      'breathe',
      'compute pagerank',
      'set pagerank = scores of pagerank',
      'progress demo 4/5',
      'breathe',
      'set roles = null',
      'progress demo 5/5',
    ]);
  });

  it('without extra slots it ends at the last step, with no turn after it', async () => {
    const { ctx, log } = recorder();
    await catalogStage('one', 2, [{ slots: ['constraint'], done: 2 }]).run(ctx);
    expect(log).toEqual(['progress one 0/2', 'compute constraint', 'set constraint = scores of constraint', 'progress one 2/2']);
  });

  it('the centrality and brokerage stages: their slots, and the catalogue scores in them', async () => {
    expect(centralityStage.provides).toEqual(['degree', 'strength', 'pagerank']);
    expect(brokerageStage.provides).toEqual(['constraint', 'effectiveSize', 'roles']);
    // A path a - b - c: degree 1, 2, 1; without a group attribute there are no roles.
    const graph = OrgGraph.from({
      people: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      ties: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ],
    });
    const ctx = prepareAnalysis(graph, { group: null, minGroupSize: 1 });
    await centralityStage.run(ctx);
    await brokerageStage.run(ctx);
    expect([...ctx.get('degree').values]).toEqual([1, 2, 1]);
    expect(ctx.get('roles')).toBeNull();
    // Burt's constraint of a person with one contact is 1; b's two unconnected contacts give 2 x (1/2)^2.
    expect([...ctx.get('constraint').values]).toEqual([1, 0.5, 1]);
  });
});

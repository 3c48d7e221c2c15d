/** Stage "scorecard": the objectives, when given, on the same ties as the report (influence followed when directed). */
import { project } from '../../../model/projection.js';
import { scorecard } from '../../../recommend/scorecard.js';
import { num } from '../format.js';
import type { AnalysisStage } from '../plan.js';

export const scorecardStage: AnalysisStage = {
  name: 'scorecard',
  needs: [],
  provides: ['scorecard'],
  async run(ctx) {
    const o = ctx.options;
    if (!o.objectives) {
      ctx.set('scorecard', null);
      return;
    }
    ctx.progress('scorecard', 0, 1);
    // The scorecard reads ties as the rest of the report does (undirected unless `directed`), following declared influence when directed.
    const cardView = project(ctx.graph, { relations: o.relations, directed: o.directed, influence: true });
    const r = scorecard(cardView, o.objectives, { attribute: ctx.groupAttr ?? undefined });
    ctx.set('scorecard', {
      rows: r.objectives.map((x) => ({
        objective: x.label,
        actual: num(x.actual),
        target: [x.min !== null ? `>= ${x.min}` : '', x.max !== null ? `<= ${x.max}` : ''].filter(Boolean).join(' and '),
        status: x.status,
      })),
      summary: r.summary,
    });
    ctx.progress('scorecard', 1, 1);
  },
};

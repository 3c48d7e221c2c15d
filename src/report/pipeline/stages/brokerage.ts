/**
 * Stage "brokerage": Burt's constraint and effective size from the metric catalogue (one set of
 * ego-tie tables for both, through the shared memo); Gould-Fernandez roles on the group attribute.
 */
import { brokerageRoles } from '../../../metrics/brokerage/brokerage-roles.js';
import type { AnalysisStage } from '../plan.js';

export const brokerageStage: AnalysisStage = {
  name: 'brokerage',
  needs: [],
  provides: ['constraint', 'effectiveSize', 'roles'],
  async run(ctx) {
    ctx.progress('brokerage', 0, 3);
    ctx.set('constraint', await ctx.catalogScores('constraint'));
    ctx.progress('brokerage', 1, 3);
    await ctx.breathe();
    ctx.set('effectiveSize', await ctx.catalogScores('effectiveSize'));
    ctx.progress('brokerage', 2, 3);
    await ctx.breathe();
    ctx.set('roles', ctx.hasGroups ? brokerageRoles(ctx.view, ctx.groupAttr!) : null);
    ctx.progress('brokerage', 3, 3);
  },
};

/** Stage "brokerage": Burt's constraint and effective size; Gould-Fernandez roles on the group attribute. */
import { brokerageRoles } from '../../../metrics/brokerage/brokerage-roles.js';
import { constraint } from '../../../metrics/brokerage/constraint.js';
import { effectiveSize } from '../../../metrics/brokerage/effective-size.js';
import type { AnalysisStage } from '../plan.js';

export const brokerageStage: AnalysisStage = {
  name: 'brokerage',
  needs: [],
  provides: ['constraint', 'effectiveSize', 'roles'],
  async run(ctx) {
    ctx.progress('brokerage', 0, 3);
    ctx.set('constraint', constraint(ctx.view));
    ctx.progress('brokerage', 1, 3);
    await ctx.breathe();
    ctx.set('effectiveSize', effectiveSize(ctx.view));
    ctx.progress('brokerage', 2, 3);
    await ctx.breathe();
    ctx.set('roles', ctx.hasGroups ? brokerageRoles(ctx.view, ctx.groupAttr!) : null);
    ctx.progress('brokerage', 3, 3);
  },
};

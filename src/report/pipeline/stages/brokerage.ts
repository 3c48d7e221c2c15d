/**
 * Stage "brokerage": Burt's constraint and effective size from the metric catalogue (one set of
 * ego-tie tables for both, through the shared memo); Gould-Fernandez roles on the group attribute.
 */
import { brokerageRoles } from '../../../metrics/brokerage/brokerage-roles.js';
import { catalogStage } from '../catalog-stage.js';
import type { AnalysisStage } from '../plan.js';

export const brokerageStage: AnalysisStage = catalogStage(
  'brokerage',
  3,
  [
    { slots: ['constraint'], done: 1 },
    { slots: ['effectiveSize'], done: 2 },
  ],
  { provides: ['roles'], write: (ctx) => ctx.set('roles', ctx.hasGroups ? brokerageRoles(ctx.view, ctx.groupAttr!) : null) },
);

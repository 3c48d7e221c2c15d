/** Stage "gaps": group-pair ties against the configuration-model expectation ({@link groupGaps}). */
import { groupGaps } from '../../../recommend/group-gaps.js';
import type { AnalysisStage } from '../plan.js';

export const gapsStage: AnalysisStage = {
  name: 'gaps',
  needs: [],
  provides: ['gaps'],
  async run(ctx) {
    ctx.progress('gaps', 0, 1);
    ctx.set('gaps', ctx.hasGroups ? groupGaps(ctx.view, { attribute: ctx.groupAttr! }) : null);
    ctx.progress('gaps', 1, 1);
  },
};

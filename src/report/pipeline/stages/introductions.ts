/**
 * Stage "introductions": suggested introductions across the largest declared gaps, reusing the
 * gaps stage's result (no second gap analysis); three-step candidates only up to {@link LARGE_ORG} people.
 */
import { releaseIntroductionAdjacency } from '../../../recommend/introduction-adjacency.js';
import { introductions } from '../../../recommend/introductions.js';
import { LARGE_ORG } from '../context.js';
import type { AnalysisStage } from '../plan.js';

export const introductionsStage: AnalysisStage = {
  name: 'introductions',
  needs: ['gaps'],
  provides: ['introductions'],
  async run(ctx) {
    const o = ctx.options;
    ctx.progress('introductions', 0, 1);
    await ctx.breathe();
    // Progress: introductions' own units (fit folds, then one per source swept).
    let units = 1;
    const intro =
      ctx.hasGroups && !o.groupsOnly
        ? introductions(ctx.view, {
            attribute: ctx.groupAttr!,
            gaps: o.gaps,
            perGap: o.perGap,
            threeSteps: !(ctx.n > LARGE_ORG),
            gapResult: ctx.get('gaps'),
            onProgress: (done, total) => ctx.progress('introductions', done, (units = total)),
          })
        : null;
    // The adjacency the gaps stage kept for this call is no longer needed.
    releaseIntroductionAdjacency(ctx.view);
    ctx.set('introductions', intro);
    ctx.progress('introductions', units, units);
  },
};

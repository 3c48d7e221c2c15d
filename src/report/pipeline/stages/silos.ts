/** Stage "silos": the group partition, Krackhardt-Stern E-I with a permutation test (none above {@link LARGE_ORG}), silo scores. */
import { eiIndex } from '../../../metrics/silos/ei-index.js';
import { groupPartition } from '../../../metrics/silos/groups.js';
import { siloScore } from '../../../metrics/silos/silo-score.js';
import { LARGE_ORG } from '../context.js';
import type { AnalysisStage } from '../plan.js';

export const silosStage: AnalysisStage = {
  name: 'silos',
  needs: [],
  provides: ['partition', 'ei', 'silo'],
  async run(ctx) {
    const { view, n } = ctx;
    ctx.progress('silos', 0, 3);
    const partition = ctx.hasGroups ? groupPartition(view, ctx.groupAttr!) : null;
    ctx.set('partition', partition);
    ctx.progress('silos', 1, 3);
    await ctx.breathe();
    ctx.set('ei', partition ? eiIndex(view, partition, { permutations: n > LARGE_ORG ? 0 : 200, seed: ctx.options.seed }) : null);
    ctx.progress('silos', 2, 3);
    await ctx.breathe();
    ctx.set('silo', partition ? siloScore(view, partition) : []);
    ctx.progress('silos', 3, 3);
  },
};

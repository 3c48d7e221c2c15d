/**
 * Stage "communities": Louvain (10 runs, 3 above {@link MEDIUM_ORG} people, 1 above
 * {@link LARGE_ORG}), then communities under `minGroupSize` merged like groups
 * ({@link mergeSmallLabels}). Read by the person table, the community list and the map.
 */
import { louvain } from '../../../metrics/silos/communities.js';
import { mergeSmallLabels } from '../../privacy.js';
import { LARGE_ORG, MEDIUM_ORG } from '../context.js';
import type { AnalysisStage } from '../plan.js';

export const communitiesStage: AnalysisStage = {
  name: 'communities',
  needs: [],
  provides: ['communities'],
  async run(ctx) {
    const { view, n } = ctx;
    ctx.progress('communities', 0, 1);
    // Progress: Louvain's level-0 node units over its runs and passes (louvainCommunities), then one
    // unit for the privacy merge.
    let units = 1;
    const comm = louvain(view, {
      seed: ctx.options.seed,
      runs: n > LARGE_ORG ? 1 : n > MEDIUM_ORG ? 3 : 10,
      onProgress: (done, total) => ctx.progress('communities', done, (units = total + 1)),
    });
    const rawLabels = new Int32Array(n);
    for (let i = 0; i < n; i++) rawLabels[i] = comm.partition.labels[i];
    const merged = mergeSmallLabels(rawLabels, comm.count, ctx.options.minGroupSize);
    const names: string[] = [];
    const index = new Int32Array(comm.count + 1).fill(-1);
    for (let c = 0; c <= comm.count; c++) {
      if (merged.sizes[c] > 0) {
        index[c] = names.length;
        names.push(c === comm.count ? 'Other (small communities)' : `Community ${comm.partition.names[c]}`);
      }
    }
    const of = (i: number) => (merged.labels[i] < 0 ? -1 : index[merged.labels[i]]);
    ctx.set('communities', { result: comm, merged: merged.merged, names, of });
    ctx.progress('communities', units, units);
  },
};

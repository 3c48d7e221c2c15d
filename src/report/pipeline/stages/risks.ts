/**
 * Stage "risks": articulation points and the fragmentation each departure causes, Borgatti's
 * KPP-Neg set of 3 (fast settings above {@link LARGE_ORG} people), and group dependency (sole links).
 */
import { articulation } from '../../../metrics/brokerage/articulation.js';
import { fragmentation } from '../../../metrics/brokerage/fragmentation.js';
import { groupDependency } from '../../../metrics/brokerage/group-dependency.js';
import { keyPlayersNeg } from '../../../metrics/brokerage/key-players.js';
import { LARGE_ORG } from '../context.js';
import type { AnalysisStage } from '../plan.js';

export const risksStage: AnalysisStage = {
  name: 'risks',
  needs: [],
  provides: ['articulation', 'fragmentation', 'keyPlayers', 'dependencies'],
  async run(ctx) {
    const { view, n } = ctx;
    ctx.progress('risks', 0, 3);
    ctx.set('articulation', articulation(view));
    ctx.set('fragmentation', fragmentation(view));
    ctx.progress('risks', 1, 3);
    await ctx.breathe();
    const large = n > LARGE_ORG;
    const kp =
      n >= 5 ? keyPlayersNeg(view, { k: 3, seed: ctx.options.seed, restarts: large ? 0 : 10, maxIterations: large ? 3 : 100 }) : null;
    ctx.set('keyPlayers', kp);
    ctx.progress('risks', 2, 3);
    await ctx.breathe();
    // Only the members who are a group's sole link are read later (sole links, their count per
    // group): the rest (one entry per person with a cross-group tie, about 0.5 GB at a million
    // people) is dropped here rather than held to the end of the analysis.
    const deps = ctx.hasGroups ? groupDependency(view, { group: ctx.groupAttr! }) : [];
    ctx.set(
      'dependencies',
      deps.map((d) => ({ ...d, members: d.members.filter((m) => m.soleLinkTo.length > 0) })),
    );
    ctx.progress('risks', 3, 3);
  },
};

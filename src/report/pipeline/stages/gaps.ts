/**
 * Stage "gaps": group-pair ties against the configuration-model expectation ({@link groupGaps}).
 * With more than {@link MAX_GAP_GROUPS} groups the pairs are tested among the largest
 * {@link MAX_GAP_GROUPS} only (people of the other groups count as having no group there, so their
 * ties are set aside), and the gap statement says so: `groupGaps` keeps one record per pair of
 * groups, k (k + 1) / 2 of them, which at 5,000 groups (1M people in departments of about 200) is
 * 12.5 million records and more memory than the whole rest of the analysis.
 */
import type { OrgView } from '../../../model/projection.js';
import { groupGaps } from '../../../recommend/group-gaps.js';
import { keepIntroductionAdjacency } from '../../../recommend/introduction-adjacency.js';
import type { AnalysisStage } from '../plan.js';

/** Most groups whose pairs are tested; the largest are kept above it. */
export const MAX_GAP_GROUPS = 500;

/**
 * The view with the group attribute cut down to its `max` largest groups (others: no group), or
 * null when there are at most `max` groups. Sizes count every person of the view; ties on size: name order.
 */
export function largestGroupsView(view: OrgView, attribute: string, max: number): { view: OrgView; groups: number } | null {
  const column = view.graph.attribute(attribute);
  const sizes = new Map<string, number>();
  for (let i = 0; i < view.personIds.length; i++) {
    const v = column[view.personIndex[i]];
    if (v !== null && v !== '') sizes.set(v, (sizes.get(v) ?? 0) + 1);
  }
  if (sizes.size <= max) return null;
  const kept = new Set(
    [...sizes]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, max)
      .map(([name]) => name),
  );
  const cut = column.map((v) => (v !== null && kept.has(v) ? v : null));
  return { view: { ...view, graph: view.graph.withAttribute(attribute, cut) }, groups: sizes.size };
}

export const gapsStage: AnalysisStage = {
  name: 'gaps',
  needs: [],
  provides: ['gaps'],
  async run(ctx) {
    ctx.progress('gaps', 0, 1);
    if (!ctx.hasGroups) {
      ctx.set('gaps', null);
      ctx.progress('gaps', 1, 1);
      return;
    }
    const attribute = ctx.groupAttr!;
    // One sorted adjacency for this stage and the introductions stage (which releases it).
    keepIntroductionAdjacency(ctx.view);
    const largest = largestGroupsView(ctx.view, attribute, MAX_GAP_GROUPS);
    // The privacy stage already merged groups under the run's minimum size; the cut view is a new
    // graph object (it does not carry that mark), so the size is passed explicitly.
    // Progress: groupGaps' units (the rewiring draws of both tables, or its three steps), then one for the statement.
    let units = 1;
    const result = groupGaps(largest ? largest.view : ctx.view, {
      attribute,
      minGroupSize: ctx.options.minGroupSize,
      onProgress: (done, total) => ctx.progress('gaps', done, (units = total + 1)),
    });
    if (largest) {
      const note = ` Gaps are tested among the ${MAX_GAP_GROUPS.toLocaleString('en')} largest of the ${largest.groups.toLocaleString('en')} groups (ties with people of smaller groups set aside), so that the number of group pairs stays bounded.`;
      ctx.set('gaps', { ...result, staff: { ...result.staff, statement: result.staff.statement + note } });
    } else ctx.set('gaps', result);
    ctx.progress('gaps', units, units);
  },
};

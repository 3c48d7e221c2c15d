/**
 * Stage "layout": the results laid out as the report's tables: one row per person, the rankings
 * (brokers, gatekeepers, cut people, sole links), the group table ordered by silo score, the
 * group-by-group heatmap, declared gaps and introduction rows. No computation of its own: it reads
 * what the earlier stages wrote. No progress of its own.
 */
import type { GroupPairGap } from '../../../recommend/group-gaps.js';
import type { Introduction } from '../../../recommend/introductions.js';
import { OTHER_GROUP } from '../../privacy.js';
import { isGroup } from '../context.js';
import { num } from '../format.js';
import type { AnalysisStage } from '../plan.js';
import type { GapCell, GapRow, GroupFigures, IntroductionRow, PersonFigures, Reason, RankedEntry } from '../types.js';
import {
  brokerReason,
  cutReason,
  displayNames,
  gatekeeperReason,
  introductionReason,
  midRankPercentiles,
  soleLinkReason,
} from '../names.js';

/** Most groups in the heatmap (and the groups-only map): the largest are kept above it. */
export const HEATMAP_GROUPS = 60;

export const layoutStage: AnalysisStage = {
  name: 'layout',
  needs: [
    'degree',
    'strength',
    'pagerank',
    'betweenness',
    'constraint',
    'effectiveSize',
    'roles',
    'articulation',
    'fragmentation',
    'dependencies',
    'partition',
    'ei',
    'silo',
    'communities',
    'gaps',
    'introductions',
  ],
  provides: ['tables'],
  async run(ctx) {
    const { n, ids, view } = ctx;
    const deg = ctx.get('degree');
    const str = ctx.get('strength');
    const pr = ctx.get('pagerank');
    const btw = ctx.get('betweenness');
    const con = ctx.get('constraint');
    const eff = ctx.get('effectiveSize');
    const roles = ctx.get('roles');
    const art = ctx.get('articulation');
    const frag = ctx.get('fragmentation');
    const deps = ctx.get('dependencies');
    const partition = ctx.get('partition');
    const ei = ctx.get('ei');
    const silo = ctx.get('silo');
    const communities = ctx.get('communities');
    const gapsResult = ctx.get('gaps');
    const intro = ctx.get('introductions');

    const groupCol = ctx.hasGroups ? ctx.graph.attribute(ctx.groupAttr!) : null;
    const groupOf = (i: number): string | null => (groupCol ? groupCol[view.personIndex[i]] : null);
    // Names beside ids (none under pseudonyms) and where each person's betweenness ranks.
    const names = displayNames(ctx);
    const nameOf = (i: number): string | null => (names ? names[i] : null);
    const nameById = new Map<string, string | null>(names ? ids.map((id, i) => [id, names[i]]) : []);
    const who = (id: string) => ({ id, name: nameById.get(id) ?? null });
    const btwPct = midRankPercentiles(btw.values);
    const people: PersonFigures[] = [];
    for (let i = 0; i < n; i++) {
      const c = communities.of(i);
      people.push({
        id: ids[i],
        name: nameOf(i),
        group: groupOf(i),
        community: c < 0 ? null : communities.names[c],
        degree: num(deg.values[i]),
        strength: num(str.values[i]),
        betweenness: num(btw.values[i]),
        betweennessPercentile: btwPct[i],
        pagerank: num(pr.values[i]),
        constraint: num(con.values[i]),
        effectiveSize: num(eff.values[i]),
        gatekeeper: roles ? num(roles.counts.gatekeeper.values[i]) : null,
        gatekeeperZ: roles ? num(roles.z.gatekeeper.values[i]) : null,
        liaison: roles ? num(roles.counts.liaison.values[i]) : null,
        brokerage: roles ? num(roles.counts.total.values[i]) : null,
        articulation: art.values[i] === 1,
        fragmentationChange: num(frag.change.values[i]),
      });
    }
    const top = ctx.options.top;
    const ranked = (values: Float64Array, why: (i: number) => Reason, keep: (i: number) => boolean = () => true): RankedEntry[] => {
      const order: number[] = [];
      for (let i = 0; i < n; i++) if (Number.isFinite(values[i]) && values[i] > 0 && keep(i)) order.push(i);
      order.sort((a, b) => values[b] - values[a] || a - b);
      return order.slice(0, top).map((i) => {
        const reason = why(i);
        return { id: ids[i], name: nameOf(i), group: groupOf(i), value: values[i], detail: reason.text, reason };
      });
    };
    // The other groups a broker's contacts are in, most contacts first (at most three; the privacy bucket is not a group).
    const { offsets, targets } = view.csr;
    const reachedGroups = (i: number): string[] => {
      const own = groupOf(i);
      const counts = new Map<string, number>();
      for (let q = offsets[i]; q < offsets[i + 1]; q++) {
        const g = groupOf(targets[q]);
        if (g !== null && g !== own && isGroup(g)) counts.set(g, (counts.get(g) ?? 0) + 1);
      }
      return [...counts]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, 3)
        .map(([g]) => g);
    };
    const brokers = ranked(btw.values, (i) => {
      const own = groupOf(i);
      return brokerReason(
        who(ids[i]),
        btw.values[i],
        btwPct[i],
        deg.values[i],
        num(con.values[i]),
        own !== null && isGroup(own) ? own : null,
        reachedGroups(i),
      );
    });
    const gatekeepers = roles
      ? ranked(roles.counts.gatekeeper.values, (i) =>
          gatekeeperReason(who(ids[i]), groupOf(i), roles.counts.gatekeeper.values[i], num(roles.z.gatekeeper.values[i])),
        )
      : [];
    const cutPeople = ranked(
      frag.change.values,
      (i) => cutReason(who(ids[i]), frag.componentsAfter[i], frag.components, frag.change.values[i]),
      (i) => art.values[i] === 1,
    );
    const soleLinks: RankedEntry[] = [];
    for (const d of deps) {
      if (d.group === OTHER_GROUP) continue; // the privacy bucket is not a group: no sole link from it
      for (const m of d.members) {
        const to = m.soleLinkTo.filter((g) => g !== OTHER_GROUP);
        if (to.length === 0) continue;
        const reason = soleLinkReason(who(m.id), d.group, to);
        soleLinks.push({ id: m.id, name: nameById.get(m.id) ?? null, group: d.group, value: to.length, detail: reason.text, reason });
      }
    }
    soleLinks.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    const soleByGroup = new Map(deps.map((d) => [d.group, d.members.filter((m) => m.soleLinkTo.length > 0).length]));
    const reachedByGroup = new Map(deps.map((d) => [d.group, d.groupsReached.length]));
    const groups: GroupFigures[] = [];
    if (partition && ei) {
      for (let g = 0; g < partition.names.length; g++) {
        const e = ei.groups[g];
        const s = silo[g];
        groups.push({
          group: partition.names[g],
          size: partition.sizes[g],
          internalTies: e.internal,
          externalTies: e.external,
          ei: num(e.value),
          eiP: e.test ? num(e.test.pValue) : null,
          eiQ: e.test ? num(e.qValue) : null,
          siloScore: num(s.value),
          insularity: num(s.insularity),
          closure: num(s.closure),
          preference: num(s.preference),
          groupsReached: reachedByGroup.get(partition.names[g]) ?? 0,
          soleLinkMembers: soleByGroup.get(partition.names[g]) ?? 0,
        });
      }
      groups.sort(
        (a, b) => Number(!isGroup(a.group)) - Number(!isGroup(b.group)) || (b.siloScore ?? -1) - (a.siloScore ?? -1) || b.size - a.size,
      );
    }

    // Heatmap and gaps: staff pairs.
    // At most HEATMAP_GROUPS rows and columns (the largest groups, in the gap table's order): a
    // heatmap of thousands of groups is millions of cells no one can read.
    const staffGroups = gapsResult ? gapsResult.groups.filter((g) => g.staff !== 0) : [];
    const shownGroups =
      staffGroups.length > HEATMAP_GROUPS
        ? new Set(
            [...staffGroups]
              .sort((a, b) => (b.staff ?? b.size ?? 0) - (a.staff ?? a.size ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
              .slice(0, HEATMAP_GROUPS)
              .map((g) => g.name),
          )
        : null;
    const heatGroups = staffGroups.filter((g) => shownGroups === null || shownGroups.has(g.name)).map((g) => g.name);
    const heatIndex = new Map(heatGroups.map((g, a) => [g, a]));
    const cells: (GapCell | null)[][] = heatGroups.map(() => heatGroups.map(() => null));
    const cell = (p: GroupPairGap): GapCell => ({
      observed: p.observedTies,
      expected: num(p.expectedTies),
      ratio: num(p.ratio),
      z: num(p.z),
    });
    if (gapsResult) {
      for (const p of gapsResult.staff.pairs) {
        const a = heatIndex.get(p.groupA);
        const b = heatIndex.get(p.groupB);
        if (a === undefined || b === undefined) continue;
        cells[a][b] = cell(p);
        cells[b][a] = cell(p);
      }
    }
    const groupSizes = new Map(gapsResult ? gapsResult.groups.map((g) => [g.name, g.staff ?? g.size ?? 0]) : []);
    const gapRows: GapRow[] = gapsResult
      ? gapsResult.staff.gaps
          .filter((p) => isGroup(p.groupA) && isGroup(p.groupB))
          .map((p) => ({
            groupA: p.groupA,
            groupB: p.groupB,
            sizeA: p.sizeA,
            sizeB: p.sizeB,
            ...cell(p),
            p: num(p.pValue),
            q: num(p.qValue),
          }))
      : [];
    const introRows: IntroductionRow[] = intro
      ? intro.introductions
          .filter((x) => isGroup(x.groupA) && isGroup(x.groupB))
          .map((x: Introduction): IntroductionRow => {
            const by = x.reasons.introducer;
            const why = introductionReason(
              who(x.personA),
              who(x.personB),
              by === null ? null : who(by),
              x.reasons.mutualContactCount,
              x.reasons.hopsBefore,
              [x.groupA, x.groupB],
            );
            return {
              groupA: x.groupA,
              groupB: x.groupB,
              personA: x.personA,
              personB: x.personB,
              introducer: by,
              nameA: nameById.get(x.personA) ?? null,
              nameB: nameById.get(x.personB) ?? null,
              introducerName: by === null ? null : (nameById.get(by) ?? null),
              mutualContacts: x.reasons.mutualContactCount,
              hopsBefore: x.reasons.hopsBefore,
              score: num(x.score),
              reason: why.text,
              why,
            };
          })
      : [];
    const newTies = new Map<string, number>();
    const introducing = new Map<string, number>();
    for (const x of introRows) {
      for (const id of [x.personA, x.personB]) newTies.set(id, (newTies.get(id) ?? 0) + 1);
      if (x.introducer !== null) introducing.set(x.introducer, (introducing.get(x.introducer) ?? 0) + 1);
    }
    const introductionLoad = { maxNewTies: Math.max(0, ...newTies.values()), maxIntroductions: Math.max(0, ...introducing.values()) };

    ctx.set('tables', {
      people,
      brokers,
      gatekeepers,
      cutPeople,
      soleLinks,
      groups,
      heatGroups,
      groupSizes,
      cells,
      gapRows,
      introRows,
      introductionLoad,
    });
  },
};

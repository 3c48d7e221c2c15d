/**
 * The last step: the {@link AnalysisResult} assembled from the context (options echo, privacy
 * and what it suppressed, overview, betweenness method, and every table). Reads only; computes
 * nothing but counts.
 */
import type { AnalysisContext } from '../context.js';
import { countWhere, num, numOrNull } from '../format.js';
import type { AnalysisResult, PersonFigures, Suppressed } from '../types.js';

/** The result of a run whose stages have all written their slots. */
export function assembleResult(ctx: AnalysisContext): AnalysisResult {
  const { options: o, n, view, graph } = ctx;
  const t = ctx.get('tables');
  const frag = ctx.get('fragmentation');
  const partition = ctx.get('partition');
  const ei = ctx.get('ei');
  const communities = ctx.get('communities');
  const comm = communities.result;
  const kp = ctx.get('keyPlayers');
  const gapsResult = ctx.get('gaps');
  const art = ctx.get('articulation');
  const bd = ctx.get('betweenness').diagnostics;

  const personLevel = !o.groupsOnly;
  const suppressed: Suppressed[] = [];
  if (!personLevel)
    for (const f of ['people', 'brokers', 'gatekeepers', 'introductions', 'risks.cutPeople', 'risks.keyPlayers', 'risks.soleLinks'])
      suppressed.push({ result: f, reason: 'groupsOnly' });
  else if (!ctx.hasGroups)
    for (const f of ['gatekeepers', 'introductions', 'risks.soleLinks']) suppressed.push({ result: f, reason: 'noGroups' });
  const byId = (a: PersonFigures, b: PersonFigures) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // A departure risk is named only when the departure makes the network more fragmented.
  const kpShown = kp !== null && Number.isFinite(kp.objective) && Number.isFinite(frag.intact) && kp.objective > frag.intact + 1e-12;
  return {
    options: {
      group: ctx.groupAttr,
      relations: o.relations,
      directed: o.directed,
      minGroupSize: o.minGroupSize,
      pseudonymized: o.pseudonymKey !== null,
      groupsOnly: o.groupsOnly,
      mapLimit: o.mapLimit,
      exactBetweennessLimit: o.exactBetweennessLimit,
      approxEpsilon: o.approxEpsilon,
      seed: o.seed,
      top: o.top,
      gaps: o.gaps,
      perGap: o.perGap,
    },
    privacy: { ...ctx.safe.note, suppressed },
    overview: {
      people: n,
      ties: view.csr.directed ? view.csr.arcCount : view.csr.arcCount / 2,
      relations:
        view.options.relations && view.options.relations.length > 0 ? [...view.options.relations] : graph.relations.map((r) => r.name),
      directed: view.csr.directed,
      density: n > 1 ? num(view.csr.arcCount / (n * (n - 1))) : null,
      components: frag.components,
      groups: partition ? partition.names.length : 0,
      peopleWithoutGroup: partition ? partition.missing : n,
      communities: communities.names.length,
      modularity: num(comm.modularity),
      ei: ei ? num(ei.network.value) : null,
    },
    betweennessMethod: ctx.get('betweennessExact')
      ? { method: 'exact', weighted: true, epsilon: null, delta: null, samples: null }
      : {
          method: 'approximate',
          weighted: false,
          epsilon: numOrNull(bd.epsilon),
          delta: numOrNull(bd.delta),
          samples: numOrNull(bd.samples),
        },
    people: personLevel ? [...t.people].sort(byId) : [],
    groups: t.groups,
    heatmap: { groups: t.heatGroups, sizes: t.heatGroups.map((g) => t.groupSizes.get(g) ?? 0), cells: t.cells },
    gaps: t.gapRows,
    gapSummary: gapsResult
      ? { statement: gapsResult.staff.statement, nullModel: gapsResult.nullModel, draws: gapsResult.null.draws }
      : null,
    introductions: t.introRows,
    introductionLoad: t.introductionLoad,
    brokers: personLevel ? t.brokers : [],
    gatekeepers: personLevel ? t.gatekeepers : [],
    risks: {
      articulationPoints: Number(art.diagnostics.count ?? 0),
      cutPeople: personLevel ? t.cutPeople : [],
      keyPlayers: personLevel && kp && kpShown ? { ids: kp.ids, fragmentation: num(kp.objective), intact: num(frag.intact) } : null,
      soleLinks: personLevel ? t.soleLinks.slice(0, o.top) : [],
    },
    communities: {
      count: comm.count,
      shown: communities.names.map((name, c) => ({ name, size: countWhere(n, (i) => communities.of(i) === c) })),
      merged: communities.merged,
      modularity: num(comm.modularity),
    },
    map: ctx.get('map'),
    scorecard: ctx.get('scorecard'),
  };
}

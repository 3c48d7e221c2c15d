/**
 * Org analysis for a report
 * Runs every stage a report shows (centrality, brokerage, key-person risks, silos, communities,
 * group gaps and introductions) on one view of a graph and gathers the results in a plain,
 * JSON-ready model that the HTML renderer and the CSV/JSON writers read. No HTML here.
 * Reference: Cross, R. & Parker, A. (2004). The Hidden Power of Social Networks (the questions a
 * report answers); the reference of each measure is in its own module.
 */
import { betweenness } from '../metrics/centrality/betweenness.js';
import { betweennessApprox } from '../metrics/centrality/betweenness-approx.js';
import { degree } from '../metrics/centrality/degree.js';
import { pagerank } from '../metrics/centrality/pagerank.js';
import { strength } from '../metrics/centrality/strength.js';
import { articulation } from '../metrics/brokerage/articulation.js';
import { brokerageRoles } from '../metrics/brokerage/brokerage-roles.js';
import { constraint } from '../metrics/brokerage/constraint.js';
import { effectiveSize } from '../metrics/brokerage/effective-size.js';
import { fragmentation } from '../metrics/brokerage/fragmentation.js';
import { groupDependency } from '../metrics/brokerage/group-dependency.js';
import { keyPlayersNeg } from '../metrics/brokerage/key-players.js';
import { louvain } from '../metrics/silos/communities.js';
import { eiIndex } from '../metrics/silos/ei-index.js';
import { groupPartition } from '../metrics/silos/groups.js';
import { siloScore } from '../metrics/silos/silo-score.js';
import type { NodeScores } from '../metrics/scores.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgGraph } from '../model/org-graph.js';
import { project, type OrgView } from '../model/projection.js';
import { groupGaps, type GroupPairGap } from '../recommend/group-gaps.js';
import { introductions, type Introduction } from '../recommend/introductions.js';
import type { Objectives } from '../recommend/objectives.js';
import { scorecard } from '../recommend/scorecard.js';
import { groupLayout } from './layout.js';
import { mergeSmallLabels, OTHER_GROUP, privateGraph, type PrivacyNote } from './privacy.js';
import { definedOnly } from '../core/util/options.js';

/** Options of {@link analysis}. */
export interface AnalysisOptions {
  /** Attribute naming the formal group; null for no group-level analysis. */
  readonly group: string | null;
  /** Relations to include; null = all. @defaultValue null */
  readonly relations?: readonly string[] | null;
  /** Keep tie direction. @defaultValue false */
  readonly directed?: boolean;
  /**
   * Smallest group or community shown: smaller ones are merged into "Other (small groups)" with
   * complementary suppression ({@link privateGraph}), in every part of the result. 1 opts out.
   * @defaultValue 5
   */
  readonly minGroupSize?: number;
  /** Key for keyed pseudonyms of person ids ({@link privateGraph}); null keeps the ids. @defaultValue null */
  readonly pseudonymKey?: string | null;
  /** Attributes kept besides the group (see {@link PrivacyOptions}). @defaultValue null */
  readonly keepAttributes?: readonly string[] | null;
  /** Leave every person-level result out (map of groups, no person lists). @defaultValue false */
  readonly groupsOnly?: boolean;
  /** Most people drawn on the map; above it the most central are drawn and the report says so. @defaultValue 5000 */
  readonly mapLimit?: number;
  /** Most ties drawn on the map (strongest kept). @defaultValue 40000 */
  readonly mapTieLimit?: number;
  /**
   * Exact betweenness up to this many people; above it, Riondato-Kornaropoulos sampling on hop
   * counts (tie strengths are ignored there: breadth-first search is about ten times faster than
   * Dijkstra, and the report says which was used). @defaultValue 5000
   */
  readonly exactBetweennessLimit?: number;
  /** Error bound of approximate betweenness. @defaultValue 0.02 */
  readonly approxEpsilon?: number;
  /** Worker threads for betweenness. @defaultValue all cores */
  readonly workers?: number;
  /** Seed of every randomised stage (communities, key players, sampling). @defaultValue 1 */
  readonly seed?: number;
  /** Rows in each "top" list. @defaultValue 10 */
  readonly top?: number;
  /** Largest gaps bridged by introductions. @defaultValue 5 */
  readonly gaps?: number;
  /** Introductions per gap. @defaultValue 5 */
  readonly perGap?: number;
  /** Objectives for the scorecard (group-to-group flows, read like every other figure); null for no scorecard. @defaultValue null */
  readonly objectives?: Objectives | null;
  /** Called at the start and during each stage: (stage, done, total). */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Aborts the analysis between stages (and inside betweenness) with `E_ABORTED`. */
  readonly signal?: AbortSignal;
}

/** Defaults of {@link AnalysisOptions}. */
export const DEFAULT_ANALYSIS_OPTIONS = Object.freeze({
  relations: null,
  directed: false,
  minGroupSize: 5,
  pseudonymKey: null,
  keepAttributes: null,
  groupsOnly: false,
  mapLimit: 5000,
  mapTieLimit: 40000,
  exactBetweennessLimit: 5000,
  approxEpsilon: 0.02,
  seed: 1,
  top: 10,
  gaps: 5,
  perGap: 5,
});

/** The stages, in run order, as progress reports name them. */
export const ANALYSIS_STAGES = Object.freeze([
  'centrality',
  'betweenness',
  'brokerage',
  'risks',
  'silos',
  'communities',
  'gaps',
  'introductions',
  'scorecard',
  'map',
]);

/** One person's figures (null = undefined for that person). */
export interface PersonFigures {
  readonly id: string;
  readonly group: string | null;
  readonly community: string | null;
  readonly degree: number | null;
  readonly strength: number | null;
  readonly betweenness: number | null;
  readonly pagerank: number | null;
  readonly constraint: number | null;
  readonly effectiveSize: number | null;
  readonly gatekeeper: number | null;
  readonly gatekeeperZ: number | null;
  readonly liaison: number | null;
  readonly brokerage: number | null;
  readonly articulation: boolean;
  readonly fragmentationChange: number | null;
}

/** One group's figures; every group listed has at least `minGroupSize` people. */
export interface GroupFigures {
  readonly group: string;
  readonly size: number;
  readonly internalTies: number;
  readonly externalTies: number;
  readonly ei: number | null;
  readonly eiP: number | null;
  /** Benjamini-Hochberg q-value of eiP across the groups tested. */
  readonly eiQ: number | null;
  readonly siloScore: number | null;
  readonly insularity: number | null;
  readonly closure: number | null;
  readonly preference: number | null;
  readonly groupsReached: number;
  /** Members who are the group's only direct link to some other group (a count). */
  readonly soleLinkMembers: number;
}

/** A person in one of the report's rankings (brokers, gatekeepers, risks). */
export interface RankedEntry {
  readonly id: string;
  readonly group: string | null;
  readonly value: number;
  readonly detail: string;
}

/** The network map: laid-out nodes and ties, sampled above the map limit. */
export interface MapData {
  /** 'people' or, in groups-only mode, 'groups'. */
  readonly kind: 'people' | 'groups';
  /** People (or groups) in the whole view, and drawn on the map. */
  readonly total: number;
  readonly shown: number;
  readonly tiesTotal: number;
  readonly tiesShown: number;
  /** A sentence when the map is sampled; null when everything is drawn. */
  readonly sampleNote: string | null;
  readonly groups: readonly string[];
  readonly communities: readonly string[];
  /** Nodes: key, x, y, size, group index (-1 none), community index (-1 none), figures for the hover. */
  readonly nodes: readonly {
    readonly k: string;
    readonly x: number;
    readonly y: number;
    readonly s: number;
    readonly g: number;
    readonly c: number;
    readonly f: readonly (readonly [string, string])[];
  }[];
  /** Ties: [node index, node index, strength]. */
  readonly ties: readonly (readonly [number, number, number])[];
}

/** A part of the result left empty on purpose, and why (a stable code an app can translate). */
export interface Suppressed {
  /** The result field left empty, e.g. 'people', 'brokers', 'introductions', 'risks.keyPlayers'. */
  readonly result: string;
  /** 'groupsOnly': person-level output is off; 'noGroups': no group attribute (or all groups withheld). */
  readonly reason: 'groupsOnly' | 'noGroups';
}

/** What privacy did, and which results are empty because of it. */
export interface AnalysisPrivacy extends PrivacyNote {
  readonly suppressed: readonly Suppressed[];
}

/** Everything a report shows. Plain data; numbers are finite or null; lists are arrays, never null. */
export interface AnalysisResult {
  readonly options: Readonly<Record<string, unknown>>;
  readonly privacy: AnalysisPrivacy;
  readonly overview: {
    readonly people: number;
    readonly ties: number;
    readonly relations: readonly string[];
    readonly directed: boolean;
    readonly density: number | null;
    readonly components: number;
    readonly groups: number;
    readonly peopleWithoutGroup: number;
    readonly communities: number;
    readonly modularity: number | null;
    readonly ei: number | null;
  };
  readonly betweennessMethod: {
    readonly method: 'exact' | 'approximate';
    readonly weighted: boolean;
    readonly epsilon: number | null;
    readonly delta: number | null;
    readonly samples: number | null;
  };
  /** Per person, ordered by id (by pseudonym under pseudonyms); empty in groups-only mode. */
  readonly people: readonly PersonFigures[];
  readonly groups: readonly GroupFigures[];
  /** Group-by-group ties against the degree-preserving expectation (rows = columns = `groups`). */
  readonly heatmap: {
    readonly groups: readonly string[];
    readonly sizes: readonly number[];
    readonly cells: readonly (readonly (GapCell | null)[])[];
  };
  /** Declared gaps only (BH q <= alpha); empty when none is significant. */
  readonly gaps: readonly GapRow[];
  /** The gap analysis in one sentence (how many significant gaps, or that none is), and its null model. */
  readonly gapSummary: { readonly statement: string; readonly nullModel: string; readonly draws: number } | null;
  readonly introductions: readonly IntroductionRow[];
  /** The most suggested new ties any one person is in, and the most introductions anyone is asked to make (from the rows). */
  readonly introductionLoad: { readonly maxNewTies: number; readonly maxIntroductions: number };
  readonly brokers: readonly RankedEntry[];
  readonly gatekeepers: readonly RankedEntry[];
  readonly risks: {
    readonly articulationPoints: number;
    readonly cutPeople: readonly RankedEntry[];
    /**
     * Borgatti's KPP-Neg set of 3: only when their joint departure raises fragmentation
     * (`fragmentation` > `intact`); null otherwise, or in groups-only mode.
     */
    readonly keyPlayers: { readonly ids: readonly string[]; readonly fragmentation: number | null; readonly intact: number | null } | null;
    readonly soleLinks: readonly RankedEntry[];
  };
  readonly communities: {
    readonly count: number;
    readonly shown: readonly { readonly name: string; readonly size: number }[];
    readonly merged: number;
    readonly modularity: number | null;
  };
  readonly map: MapData;
  /** The scorecard when objectives were given, on the same view as the rest of the analysis (influence followed when directed). */
  readonly scorecard: ScorecardRows | null;
}

/** Scorecard rows as the report and scorecard.csv show them. */
export interface ScorecardRows {
  readonly rows: readonly {
    readonly objective: string;
    readonly actual: number | null;
    readonly target: string;
    readonly status: string;
  }[];
  readonly summary: { readonly met: number; readonly atRisk: number; readonly missed: number };
}

/** Ties between two groups against the degree-preserving expectation (one heatmap cell). */
export interface GapCell {
  readonly observed: number;
  readonly expected: number | null;
  readonly ratio: number | null;
  readonly z: number | null;
}

/** A gap between two groups, as the report and gaps.csv list it. */
export interface GapRow extends GapCell {
  readonly groupA: string;
  readonly groupB: string;
  readonly sizeA: number;
  readonly sizeB: number;
  readonly p: number | null;
  readonly q: number | null;
}

/** A suggested introduction, as the report and introductions.csv list it. */
export interface IntroductionRow {
  readonly groupA: string;
  readonly groupB: string;
  readonly personA: string;
  readonly personB: string;
  readonly introducer: string | null;
  readonly mutualContacts: number;
  readonly hopsBefore: number;
  readonly score: number | null;
  readonly reason: string;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Analyse a graph for a report. Privacy is applied first, by default: the graph goes through
 * {@link privateGraph} with `minGroupSize` (default 5; pass 1 to opt out), `pseudonymKey` and
 * `keepAttributes`, so every group in the result has at least k people and no figure lets a
 * smaller group's size, members or ties be derived; communities are merged by the same rule. The
 * "Other (small groups)" bucket is never ranked as a group (it comes last among silos and is left
 * out of gaps and introductions). Person rows are ordered by id (by pseudonym under pseudonyms).
 *
 * The view is {@link project}ed with the given relations and direction (weights are strengths;
 * path metrics read d = 1/w). Betweenness is exact up to `exactBetweennessLimit` people and
 * Riondato-Kornaropoulos sampling above (the method is part of the result). Gatekeepers are
 * Gould-Fernandez gatekeeper counts on the group attribute; key-person risks are articulation
 * points ranked by the fragmentation their departure causes, Borgatti's KPP-Neg set of 3, and
 * sole links from group dependency. Silos are ranked by silo score, gaps by z of the
 * configuration-model expectation, introductions as {@link introductions} draws them up.
 * An empty graph throws `E_EMPTY_GRAPH`.
 *
 * Complexity: dominated by betweenness (O(n m) exact; O(r m) approximate) and introductions.
 * @example
 * const result = await analysis(graph, { group: 'department' }); // groups under 5 merged
 * const raw = await analysis(graph, { group: 'department', minGroupSize: 1 }); // explicit opt-out
 * result.groups[0]; // the most closed group (highest silo score)
 */
export async function analysis(input: OrgGraph, options: AnalysisOptions): Promise<AnalysisResult> {
  const o = { ...DEFAULT_ANALYSIS_OPTIONS, ...definedOnly(options) };
  const groupAttr: string | null = options.group ?? null;
  const onProgress = o.onProgress ?? (() => {});
  const signal = options.signal;
  const progress = (stage: string, done: number, total: number) => {
    if (signal?.aborted) throw new OrgraphError('E_ABORTED', `analysis aborted (at ${stage})`);
    onProgress(stage, done, total);
  };
  // NOTE: between stages the event loop gets a turn (a server's other requests, timers, aborts);
  // the longest single stage still blocks it (see docs/architecture.md, threads).
  const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
  if (input.personCount === 0) throw new OrgraphError('E_EMPTY_GRAPH', 'the input has no people');
  const safe = privateGraph(input, {
    group: groupAttr,
    minGroupSize: o.minGroupSize,
    pseudonymKey: o.pseudonymKey,
    keepAttributes: o.keepAttributes,
  });
  const graph = safe.graph;
  const view = project(graph, { relations: o.relations, directed: o.directed });
  const n = view.csr.n;
  const ids = view.personIds;
  const hasGroups = groupAttr !== null && !safe.note.allGroupsWithheld;

  // Step 1: centrality.
  progress('centrality', 0, 1);
  const deg = degree(view);
  const str = strength(view);
  const pr = await pagerank(view, { workers: o.workers });
  progress('centrality', 1, 1);
  await breathe();
  const exact = n <= o.exactBetweennessLimit;
  const onB = (done: number, total: number) => progress('betweenness', done, total);
  progress('betweenness', 0, 1);
  const btw: NodeScores = exact
    ? await betweenness(view, { workers: o.workers, onProgress: onB, signal })
    : await betweennessApprox(view, {
        epsilon: o.approxEpsilon,
        seed: o.seed,
        weighted: false,
        workers: o.workers,
        onProgress: onB,
        signal,
      });
  const bd = btw.diagnostics;

  // Step 2: brokerage.
  await breathe();
  progress('brokerage', 0, 1);
  const con = constraint(view);
  const eff = effectiveSize(view);
  const roles = hasGroups ? brokerageRoles(view, groupAttr!) : null;
  progress('brokerage', 1, 1);

  // Step 3: key-person risks.
  await breathe();
  progress('risks', 0, 3);
  const art = articulation(view);
  const frag = fragmentation(view);
  progress('risks', 1, 3);
  await breathe();
  const large = n > 20000;
  const kp = n >= 5 ? keyPlayersNeg(view, { k: 3, seed: o.seed, restarts: large ? 0 : 10, maxIterations: large ? 3 : 100 }) : null;
  progress('risks', 2, 3);
  await breathe();
  const deps = hasGroups ? groupDependency(view, { group: groupAttr! }) : [];
  progress('risks', 3, 3);

  // Step 4: silos.
  await breathe();
  progress('silos', 0, 1);
  const partition = hasGroups ? groupPartition(view, groupAttr!) : null;
  const ei = partition ? eiIndex(view, partition, { permutations: n > 20000 ? 0 : 200, seed: o.seed }) : null;
  const silo = partition ? siloScore(view, partition) : [];
  progress('silos', 1, 1);

  // Step 5: communities, merged below the minimum size like groups.
  await breathe();
  progress('communities', 0, 1);
  const comm = louvain(view, { seed: o.seed, runs: n > 20000 ? 1 : n > 2000 ? 3 : 10 });
  const rawLabels = new Int32Array(n);
  for (let i = 0; i < n; i++) rawLabels[i] = comm.partition.labels[i];
  const merged = mergeSmallLabels(rawLabels, comm.count, o.minGroupSize);
  const communityNames: string[] = [];
  const communityIndex = new Int32Array(comm.count + 1).fill(-1);
  for (let c = 0; c <= comm.count; c++) {
    if (merged.sizes[c] > 0) {
      communityIndex[c] = communityNames.length;
      communityNames.push(c === comm.count ? 'Other (small communities)' : `Community ${comm.partition.names[c]}`);
    }
  }
  const communityOf = (i: number) => (merged.labels[i] < 0 ? -1 : communityIndex[merged.labels[i]]);
  progress('communities', 1, 1);

  // Step 6: gaps.
  await breathe();
  progress('gaps', 0, 1);
  const gapsResult = hasGroups ? groupGaps(view, { attribute: groupAttr! }) : null;
  progress('gaps', 1, 1);
  progress('introductions', 0, 1);
  await breathe();
  const intro =
    hasGroups && !o.groupsOnly
      ? introductions(view, {
          attribute: groupAttr!,
          gaps: o.gaps,
          perGap: o.perGap,
          threeSteps: !large,
          gapResult: gapsResult,
          onProgress: (done, total) => progress('introductions', done, total),
        })
      : null;
  // NOTE: "Other (small groups)" is a privacy bucket, not a group: no gap or introduction names it.
  const isGroup = (name: string) => name !== OTHER_GROUP;
  progress('introductions', 1, 1);

  let card: ScorecardRows | null = null;
  if (options.objectives) {
    progress('scorecard', 0, 1);
    // The scorecard reads ties as the rest of the report does (undirected unless `directed`), following declared influence when directed.
    const cardView = project(graph, { relations: o.relations, directed: o.directed, influence: true });
    const r = scorecard(cardView, options.objectives, { attribute: groupAttr ?? undefined });
    card = {
      rows: r.objectives.map((x) => ({
        objective: x.label,
        actual: num(x.actual),
        target: [x.min !== null ? `>= ${x.min}` : '', x.max !== null ? `<= ${x.max}` : ''].filter(Boolean).join(' and '),
        status: x.status,
      })),
      summary: r.summary,
    };
    progress('scorecard', 1, 1);
  }

  // Step 7: lay the results out.
  await breathe();
  const groupCol = hasGroups ? graph.attribute(groupAttr!) : null;
  const groupOf = (i: number): string | null => (groupCol ? groupCol[view.personIndex[i]] : null);
  const people: PersonFigures[] = [];
  for (let i = 0; i < n; i++) {
    const c = communityOf(i);
    people.push({
      id: ids[i],
      group: groupOf(i),
      community: c < 0 ? null : communityNames[c],
      degree: num(deg.values[i]),
      strength: num(str.values[i]),
      betweenness: num(btw.values[i]),
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
  const top = o.top;
  const ranked = (values: Float64Array, detail: (i: number) => string, keep: (i: number) => boolean = () => true): RankedEntry[] => {
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i]) && values[i] > 0 && keep(i)) order.push(i);
    order.sort((a, b) => values[b] - values[a] || a - b);
    return order.slice(0, top).map((i) => ({ id: ids[i], group: groupOf(i), value: values[i], detail: detail(i) }));
  };
  const brokers = ranked(btw.values, (i) => `${fmt(deg.values[i])} contacts; constraint ${fmt(con.values[i])}`);
  const gatekeepers = roles
    ? ranked(
        roles.counts.gatekeeper.values,
        (i) => `z = ${fmt(roles.z.gatekeeper.values[i])} against chance; ${fmt(roles.counts.liaison.values[i])} liaison paths`,
      )
    : [];
  const cutPeople = ranked(
    frag.change.values,
    (i) => `their departure leaves ${frag.componentsAfter[i]} separate parts (now ${frag.components})`,
    (i) => art.values[i] === 1,
  );
  const soleLinks: RankedEntry[] = [];
  for (const d of deps) {
    if (d.group === OTHER_GROUP) continue; // the privacy bucket is not a group: no sole link from it
    for (const m of d.members) {
      const to = m.soleLinkTo.filter((g) => g !== OTHER_GROUP);
      if (to.length === 0) continue;
      soleLinks.push({ id: m.id, group: d.group, value: to.length, detail: `only link from ${d.group} to ${to.join(', ')}` });
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
  const heatGroups = gapsResult ? gapsResult.groups.filter((g) => g.staff > 0).map((g) => g.name) : [];
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
  const sizeOf = new Map(gapsResult ? gapsResult.groups.map((g) => [g.name, g.staff]) : []);
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
        .map((x: Introduction) => ({
          groupA: x.groupA,
          groupB: x.groupB,
          personA: x.personA,
          personB: x.personB,
          introducer: x.reasons.introducer,
          mutualContacts: x.reasons.mutualContactCount,
          hopsBefore: x.reasons.hopsBefore,
          score: num(x.score),
          reason: x.reasons.text,
        }))
    : [];
  const newTies = new Map<string, number>();
  const introducing = new Map<string, number>();
  for (const x of introRows) {
    for (const id of [x.personA, x.personB]) newTies.set(id, (newTies.get(id) ?? 0) + 1);
    if (x.introducer !== null) introducing.set(x.introducer, (introducing.get(x.introducer) ?? 0) + 1);
  }
  const introductionLoad = { maxNewTies: Math.max(0, ...newTies.values()), maxIntroductions: Math.max(0, ...introducing.values()) };

  // Step 8: the map.
  await breathe();
  progress('map', 0, 1);
  const map = o.groupsOnly
    ? groupMap(heatGroups, sizeOf, cells)
    : personMap(
        view,
        people,
        btw.values,
        deg.values,
        partition?.names ?? [],
        partition?.labels ?? null,
        communityNames,
        communityOf,
        o.mapLimit,
        o.mapTieLimit,
      );
  progress('map', 1, 1);

  const personLevel = !o.groupsOnly;
  const suppressed: Suppressed[] = [];
  if (!personLevel)
    for (const f of ['people', 'brokers', 'gatekeepers', 'introductions', 'risks.cutPeople', 'risks.keyPlayers', 'risks.soleLinks'])
      suppressed.push({ result: f, reason: 'groupsOnly' });
  else if (!hasGroups)
    for (const f of ['gatekeepers', 'introductions', 'risks.soleLinks']) suppressed.push({ result: f, reason: 'noGroups' });
  const byId = (a: PersonFigures, b: PersonFigures) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // A departure risk is named only when the departure makes the network more fragmented.
  const kpShown = kp !== null && Number.isFinite(kp.objective) && Number.isFinite(frag.intact) && kp.objective > frag.intact + 1e-12;
  return {
    options: {
      group: groupAttr,
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
    privacy: { ...safe.note, suppressed },
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
      communities: communityNames.length,
      modularity: num(comm.modularity),
      ei: ei ? num(ei.network.value) : null,
    },
    betweennessMethod: exact
      ? { method: 'exact', weighted: true, epsilon: null, delta: null, samples: null }
      : {
          method: 'approximate',
          weighted: false,
          epsilon: numOrNull(bd.epsilon),
          delta: numOrNull(bd.delta),
          samples: numOrNull(bd.samples),
        },
    people: personLevel ? [...people].sort(byId) : [],
    groups,
    heatmap: { groups: heatGroups, sizes: heatGroups.map((g) => sizeOf.get(g) ?? 0), cells },
    gaps: gapRows,
    gapSummary: gapsResult
      ? { statement: gapsResult.staff.statement, nullModel: gapsResult.nullModel, draws: gapsResult.null.draws }
      : null,
    introductions: introRows,
    introductionLoad,
    brokers: personLevel ? brokers : [],
    gatekeepers: personLevel ? gatekeepers : [],
    risks: {
      articulationPoints: Number(art.diagnostics.count ?? 0),
      cutPeople: personLevel ? cutPeople : [],
      keyPlayers: personLevel && kp && kpShown ? { ids: kp.ids, fragmentation: num(kp.objective), intact: num(frag.intact) } : null,
      soleLinks: personLevel ? soleLinks.slice(0, top) : [],
    },
    communities: {
      count: comm.count,
      shown: communityNames.map((name, c) => ({ name, size: countWhere(n, (i) => communityOf(i) === c) })),
      merged: merged.merged,
      modularity: num(comm.modularity),
    },
    map,
    scorecard: card,
  };
}

function personMap(
  view: OrgView,
  people: readonly PersonFigures[],
  btw: Float64Array,
  deg: Float64Array,
  groupNames: readonly string[],
  groupLabels: Int32Array | null,
  communityNames: readonly string[],
  communityOf: (i: number) => number,
  limit: number,
  tieLimit: number,
): MapData {
  const n = view.csr.n;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => btw[b] - btw[a] || deg[b] - deg[a] || a - b);
  const shownIdx = order.slice(0, Math.min(limit, n));
  const slot = new Int32Array(n).fill(-1);
  shownIdx.forEach((i, s) => (slot[i] = s));
  const labels = new Int32Array(shownIdx.length);
  for (let s = 0; s < shownIdx.length; s++) labels[s] = groupLabels ? groupLabels[shownIdx[s]] : -1;
  const { x, y } = groupLayout(
    labels,
    shownIdx.map((_, s) => s),
  );
  let bmax = 0;
  for (const i of shownIdx) if (btw[i] > bmax) bmax = btw[i];
  const nodes = shownIdx.map((i, s) => {
    const p = people[i];
    const f: [string, string][] = [
      ['Group', p.group ?? '(none)'],
      ['Community', p.community ?? '(none)'],
      ['Contacts', fmt(deg[i])],
      ['Betweenness', fmt(btw[i])],
      ['Constraint', fmtN(p.constraint)],
    ];
    if (p.gatekeeper !== null) f.push(['Gatekeeper paths', fmtN(p.gatekeeper)]);
    if (p.articulation) f.push(['Cut person', 'yes: the network splits without them']);
    return {
      k: p.id,
      x: round(x[s]),
      y: round(y[s]),
      s: round(2 + 10 * Math.sqrt(bmax > 0 ? btw[i] / bmax : 0)),
      g: labels[s],
      c: communityOf(i),
      f,
    };
  });
  // Ties among the people shown, strongest first when over the limit.
  const { csr } = view;
  const ties: [number, number, number][] = [];
  let tiesTotal = 0;
  for (let i = 0; i < n; i++) {
    for (let q = csr.offsets[i]; q < csr.offsets[i + 1]; q++) {
      const j = csr.targets[q];
      if (!csr.directed && j < i) continue;
      tiesTotal++;
      if (slot[i] >= 0 && slot[j] >= 0) ties.push([slot[i], slot[j], csr.weights[q]]);
    }
  }
  if (ties.length > tieLimit) {
    ties.sort((a, b) => b[2] - a[2]);
    ties.length = tieLimit;
  }
  const sampled = shownIdx.length < n || ties.length < tiesTotal;
  return {
    kind: 'people',
    total: n,
    shown: shownIdx.length,
    tiesTotal,
    tiesShown: ties.length,
    sampleNote: sampled
      ? `The map draws the ${shownIdx.length.toLocaleString('en')} people with the highest betweenness out of ${n.toLocaleString('en')}, and ${ties.length.toLocaleString('en')} of ${tiesTotal.toLocaleString('en')} ties (the ties among them${ties.length < tiesTotal && shownIdx.length === n ? ', strongest first' : ''}), so that the page stays responsive. Every table and CSV covers everyone.`
      : null,
    groups: groupNames,
    communities: communityNames,
    nodes,
    ties,
  };
}

function groupMap(groups: readonly string[], sizes: ReadonlyMap<string, number>, cells: readonly (readonly (GapCell | null)[])[]): MapData {
  const labels = Int32Array.from(groups.map((_, g) => g));
  const { x, y } = groupLayout(labels, [], { spacing: 10, gap: 0 });
  let max = 1;
  for (const g of groups) max = Math.max(max, sizes.get(g) ?? 0);
  const nodes = groups.map((g, a) => ({
    k: g,
    x: round(x[a]),
    y: round(y[a]),
    s: round(4 + 16 * Math.sqrt((sizes.get(g) ?? 0) / max)),
    g: a,
    c: -1,
    f: [
      ['People', String(sizes.get(g) ?? 0)],
      ['Ties inside', cells[a][a] ? String(cells[a][a]!.observed) : '0'],
    ] as [string, string][],
  }));
  const ties: [number, number, number][] = [];
  for (let a = 0; a < groups.length; a++)
    for (let b = a + 1; b < groups.length; b++) if (cells[a][b] && cells[a][b]!.observed > 0) ties.push([a, b, cells[a][b]!.observed]);
  return {
    kind: 'groups',
    total: groups.length,
    shown: groups.length,
    tiesTotal: ties.length,
    tiesShown: ties.length,
    sampleNote: null,
    groups,
    communities: [],
    nodes,
    ties,
  };
}

function countWhere(n: number, test: (i: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (test(i)) c++;
  return c;
}

function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** A number for reading: up to 3 significant decimals, '-' when undefined. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (Number.isInteger(x)) return x.toLocaleString('en');
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

function fmtN(x: number | null): string {
  return x === null ? '-' : fmt(x);
}

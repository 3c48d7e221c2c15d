/**
 * The shared context of the analysis pipeline: the inputs every stage reads (resolved options,
 * the private graph, its view) and a slot per intermediate result. A stage writes its results
 * with {@link AnalysisContext.set} (once: a second write of the same slot is a bug and throws)
 * and later stages read them with {@link AnalysisContext.get} (reading a slot no earlier stage
 * wrote throws), so each intermediate is computed once and its consumers are explicit.
 */
import type { BrokerageRolesResult } from '../../metrics/brokerage/brokerage-roles.js';
import type { FragmentationResult } from '../../metrics/brokerage/fragmentation.js';
import type { GroupDependency } from '../../metrics/brokerage/group-dependency.js';
import type { KeyPlayersResult } from '../../metrics/brokerage/key-players.js';
import { metricSpec, SharedResults, type MetricContext, type MetricSpec } from '../../metrics/catalog.js';
import type { NodeScores } from '../../metrics/scores.js';
import type { LouvainResult } from '../../metrics/silos/communities.js';
import type { EiIndexResult } from '../../metrics/silos/ei-index.js';
import type { GroupPartition } from '../../metrics/silos/groups.js';
import type { GroupSiloScore } from '../../metrics/silos/silo-score.js';
import { definedOnly } from '../../core/util/options.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgGraph } from '../../model/org-graph.js';
import type { OrgView } from '../../model/projection.js';
import type { GroupGapsResult } from '../../recommend/group-gaps.js';
import type { IntroductionsResult } from '../../recommend/introductions.js';
import { OTHER_GROUP, type PrivateGraph } from '../privacy.js';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
  type GapCell,
  type GapRow,
  type GroupFigures,
  type IntroductionRow,
  type MapData,
  type PersonFigures,
  type RankedEntry,
  type ScorecardRows,
} from './types.js';

/**
 * Above this many people the report takes the fast settings: no key-player restarts, a single
 * Louvain run, no E-I permutation test, introductions without three-step candidates.
 */
export const LARGE_ORG = 20000;

/** Above this many people (up to {@link LARGE_ORG}) Louvain runs 3 times instead of 10. */
export const MEDIUM_ORG = 2000;

/** The caller's options over {@link DEFAULT_ANALYSIS_OPTIONS} (an `undefined` option keeps its default). */
export function resolveAnalysisOptions(options: AnalysisOptions) {
  return { ...DEFAULT_ANALYSIS_OPTIONS, ...definedOnly(options) };
}

/** Options after defaults. */
export type ResolvedAnalysisOptions = ReturnType<typeof resolveAnalysisOptions>;

/** Communities after the privacy merge: the raw Louvain result, the merged labels and their names. */
export interface CommunityLabels {
  readonly result: LouvainResult;
  /** Communities merged into the "Other (small communities)" bucket. */
  readonly merged: number;
  /** Names of the communities shown, in index order. */
  readonly names: readonly string[];
  /** Community index (into `names`) of view person i; -1 for none. */
  readonly of: (i: number) => number;
}

/** The person-level and group-level tables of the result (the "layout" stage). */
export interface ResultTables {
  readonly people: readonly PersonFigures[];
  readonly brokers: readonly RankedEntry[];
  readonly gatekeepers: readonly RankedEntry[];
  readonly cutPeople: readonly RankedEntry[];
  readonly soleLinks: readonly RankedEntry[];
  readonly groups: readonly GroupFigures[];
  readonly heatGroups: readonly string[];
  readonly groupSizes: ReadonlyMap<string, number>;
  readonly cells: readonly (readonly (GapCell | null)[])[];
  readonly gapRows: readonly GapRow[];
  readonly introRows: readonly IntroductionRow[];
  readonly introductionLoad: { readonly maxNewTies: number; readonly maxIntroductions: number };
}

/** Every intermediate result, by slot name; the stage that writes each is named in its comment. */
export interface Intermediates {
  /** centrality */
  degree: NodeScores;
  /** centrality */
  strength: NodeScores;
  /** centrality */
  pagerank: NodeScores;
  /** betweenness: exact or sampled, see `betweennessExact` */
  betweenness: NodeScores;
  /** betweenness */
  betweennessExact: boolean;
  /** brokerage */
  constraint: NodeScores;
  /** brokerage */
  effectiveSize: NodeScores;
  /** brokerage (null without groups) */
  roles: BrokerageRolesResult | null;
  /** risks */
  articulation: NodeScores;
  /** risks */
  fragmentation: FragmentationResult;
  /** risks (null under 5 people) */
  keyPlayers: KeyPlayersResult | null;
  /** risks (empty without groups) */
  dependencies: readonly GroupDependency[];
  /** silos (null without groups) */
  partition: GroupPartition | null;
  /** silos (null without groups) */
  ei: EiIndexResult | null;
  /** silos (empty without groups) */
  silo: readonly GroupSiloScore[];
  /** communities */
  communities: CommunityLabels;
  /** gaps (null without groups) */
  gaps: GroupGapsResult | null;
  /** introductions (null without groups or in groups-only mode) */
  introductions: IntroductionsResult | null;
  /** scorecard (null without objectives) */
  scorecard: ScorecardRows | null;
  /** layout */
  tables: ResultTables;
  /** map */
  map: MapData;
}

/** A slot name of {@link Intermediates}. */
export type IntermediateName = keyof Intermediates;

/** What every stage reads, and the intermediate results written so far. */
export interface AnalysisContext {
  /** The options after defaults. */
  readonly options: ResolvedAnalysisOptions;
  /** The group attribute; null for no group-level analysis. */
  readonly groupAttr: string | null;
  /** The graph after privacy ({@link privateGraph}) and what privacy did. */
  readonly safe: PrivateGraph;
  readonly graph: OrgGraph;
  /** The projected view every stage analyses. */
  readonly view: OrgView;
  readonly n: number;
  readonly ids: readonly string[];
  /** A group attribute was given and not every group was withheld. */
  readonly hasGroups: boolean;
  readonly signal: AbortSignal | undefined;
  /** Reports progress; throws `E_ABORTED` when the signal is aborted. */
  progress(stage: string, done: number, total: number): void;
  /** Gives the event loop a turn (timers, a server's other requests, aborts). */
  breathe(): Promise<void>;
  /** The intermediate result in a slot; throws when no earlier stage wrote it. */
  get<K extends IntermediateName>(name: K): Intermediates[K];
  /** Writes a slot; throws when it was already written (each intermediate is computed once). */
  set<K extends IntermediateName>(name: K, value: Intermediates[K]): void;
  /** Whether a slot was written. */
  has(name: IntermediateName): boolean;
  /**
   * The context the metric catalogue's entries run with: the group (when groups are analysed),
   * workers, signal, seed, progress for betweenness, and one {@link SharedResults} memo for the
   * view, so an intermediate several entries read is computed once per run.
   */
  readonly metrics: MetricContext;
  /** The catalogue's scores for an output key (`degree`, `betweenness`, `constraint`...); each entry runs once per run. */
  catalogScores(key: string): Promise<NodeScores>;
}

/** "Other (small groups)" is a privacy bucket, not a group: no gap, introduction or sole link names it. */
export const isGroup = (name: string): boolean => name !== OTHER_GROUP;

/** The context of one run. */
export function createContext(
  options: ResolvedAnalysisOptions,
  groupAttr: string | null,
  safe: PrivateGraph,
  view: OrgView,
  signal: AbortSignal | undefined,
): AnalysisContext {
  const onProgress = options.onProgress ?? (() => {});
  const slots = new Map<IntermediateName, unknown>();
  const hasGroups = groupAttr !== null && !safe.note.allGroupsWithheld;
  const progress = (stage: string, done: number, total: number) => {
    if (signal?.aborted) throw new OrgraphError('E_ABORTED', `analysis aborted (at ${stage})`);
    onProgress(stage, done, total);
  };
  const metrics: MetricContext = {
    group: hasGroups ? groupAttr! : undefined,
    workers: options.workers,
    signal,
    seed: options.seed,
    // Betweenness reports progress as a stage of its own; PageRank's iterations are units 1-10 of
    // the centrality stage (degree and strength are unit 1); other entries' progress is not shown.
    onProgress: (stage, done, total) => {
      if (stage === 'betweenness') progress(stage, done, total);
      else if (stage === 'pagerank') progress('centrality', 1 + Math.floor((9 * done) / Math.max(1, total)), 10);
    },
    shared: new SharedResults(),
  };
  const entries = new Map<MetricSpec, Promise<NodeScores[]>>();
  return {
    options,
    groupAttr,
    safe,
    graph: safe.graph,
    view,
    n: view.csr.n,
    ids: view.personIds,
    hasGroups,
    signal,
    progress,
    breathe: () => new Promise<void>((resolve) => setImmediate(resolve)),
    get<K extends IntermediateName>(name: K): Intermediates[K] {
      if (!slots.has(name)) throw new Error(`analysis pipeline: '${name}' read before any stage wrote it`);
      return slots.get(name) as Intermediates[K];
    },
    set<K extends IntermediateName>(name: K, value: Intermediates[K]): void {
      if (slots.has(name)) throw new Error(`analysis pipeline: '${name}' written twice`);
      slots.set(name, value);
    },
    has: (name) => slots.has(name),
    metrics,
    async catalogScores(key) {
      const spec = metricSpec(key);
      if (!spec) throw new Error(`analysis pipeline: no catalogue entry produces '${key}'`);
      let pending = entries.get(spec);
      if (!pending) entries.set(spec, (pending = Promise.resolve(spec.compute(view, metrics))));
      return (await pending)[spec.keys.indexOf(key)];
    },
  };
}

/**
 * The analysis options and the result model: the public types of {@link analysis}, in their own
 * module so that the pipeline stages, the HTML renderer and the entry can all import them without
 * importing each other. Plain data, no code.
 */
import type { Objectives } from '../../recommend/objectives.js';
import type { PrivacyNote } from '../privacy.js';

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

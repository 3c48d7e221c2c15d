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
  /**
   * Attribute holding each person's display name, shown beside the id in every person-level result
   * (`name` fields); undefined uses `name` when the graph has it; null shows ids only. Never used
   * under pseudonyms (`pseudonymKey`): names are identifying and are dropped like ids.
   */
  readonly label?: string | null;
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
  /** Aborts the analysis between stages (and inside betweenness) with `E_ABORTED`; in a worker, at once. */
  readonly signal?: AbortSignal;
  /**
   * Where the pipeline runs. `'worker'`: on a worker thread of its own (the built entry
   * dist/report/analysis-worker.*), so the caller's event loop stays free (a server keeps
   * answering while a report is computed); the graph's arrays and columns are copied to the
   * thread once (O(n + m)), the result comes back by structured clone, `onProgress` is relayed by
   * messages, `signal` terminates the thread, and a failure rejects with the same `OrgraphError`
   * (code, message) as in the calling thread. `'caller'`: in the calling thread, yielding only
   * between stages (the longest block on a 2,000-person org is about 2 s); nothing is copied, so
   * the CLI, which already runs in a child process of its own, uses it for very large orgs.
   * Both give identical results. Betweenness starts its own pool (`workers`) either way.
   * @defaultValue 'worker'
   */
  readonly thread?: 'worker' | 'caller';
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
  thread: 'worker',
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
  /** The person's id (their pseudonym under `pseudonymKey`). */
  readonly id: string;
  /** Display name ({@link AnalysisOptions.label}); null when none, and always under pseudonyms. */
  readonly name: string | null;
  /** Their group (the `group` attribute after privacy merging); null without one. */
  readonly group: string | null;
  /** The Louvain community they are in ("Community N", or the merged small-communities bucket); null when none. */
  readonly community: string | null;
  /** Distinct people tied to them. */
  readonly degree: number | null;
  /** Sum of their tie strengths. */
  readonly strength: number | null;
  /** Share of shortest paths between two other people that pass through them (normalised betweenness; estimated above the exact limit, see `betweennessMethod`). */
  readonly betweenness: number | null;
  /** Share of people with a lower betweenness, in [0, 1] (ties count half): the mid-rank percentile. */
  readonly betweennessPercentile: number | null;
  /** PageRank (alpha 0.85); sums to 1 over the view. */
  readonly pagerank: number | null;
  /** Burt's constraint (low = contacts who are not tied to one another); null for isolates. */
  readonly constraint: number | null;
  /** Burt's effective size: contacts minus the redundancy among them. */
  readonly effectiveSize: number | null;
  /** Gould-Fernandez gatekeeper count: outsider -> them -> colleague chains (null without groups). */
  readonly gatekeeper: number | null;
  /** The gatekeeper count against its expectation under random group labels, as a z-score. */
  readonly gatekeeperZ: number | null;
  /** Gould-Fernandez liaison count: chains between two other groups, neither theirs. */
  readonly liaison: number | null;
  /** All Gould-Fernandez brokerage roles together. */
  readonly brokerage: number | null;
  /** True when their removal splits a connected part of the network (a cut point). */
  readonly articulation: boolean;
  /** Change in Borgatti's fragmentation if they left (F without them - F now; can be negative); null when undefined. */
  readonly fragmentationChange: number | null;
}

/** One group's figures; every group listed has at least `minGroupSize` people. */
export interface GroupFigures {
  /** The group's name. */
  readonly group: string;
  /** Members (at least the minimum group size). */
  readonly size: number;
  /** Ties between two members (I). */
  readonly internalTies: number;
  /** Ties between a member and someone outside the group (E). */
  readonly externalTies: number;
  /** Krackhardt-Stern E-I index (E - I) / (E + I): -1 all inside, +1 all outside. */
  readonly ei: number | null;
  /** Permutation p-value of E-I (group labels shuffled); null when not tested (large orgs). */
  readonly eiP: number | null;
  /** Benjamini-Hochberg q-value of eiP across the groups tested. */
  readonly eiQ: number | null;
  /** (insularity + closure + preference) / 3, in [0, 1]; higher = more closed (see docs/metrics/silos.md). */
  readonly siloScore: number | null;
  /** Share of the members' ties that stay inside: I / (I + E). */
  readonly insularity: number | null;
  /** 1 - conductance: how little of the smaller side's volume crosses the group's boundary. */
  readonly closure: number | null;
  /** Internal against external density: ratio / (1 + ratio). */
  readonly preference: number | null;
  /** Other groups at least one member is tied to. */
  readonly groupsReached: number;
  /** Members who are the group's only direct link to some other group (a count). */
  readonly soleLinkMembers: number;
}

/**
 * Why a person or a suggestion matters, as data: the kind of reason, its figures, the people and
 * groups it names; `text` is one English rendering of these fields (an app may render its own).
 */
export interface Reason {
  /** What the reason is about; selects how `figures` are read. */
  readonly kind: 'broker' | 'gatekeeper' | 'cutPoint' | 'soleLink' | 'introduction';
  /** Figures the text shows, by name (null = undefined). */
  readonly figures: Readonly<Record<string, number | null>>;
  /** People named (id, and display name when shown). */
  readonly people: readonly { readonly id: string; readonly name: string | null }[];
  /** Groups named. */
  readonly groups: readonly string[];
  /** The reason in English. */
  readonly text: string;
}

/** A person in one of the report's rankings (brokers, gatekeepers, risks). */
export interface RankedEntry {
  /** The person's id. */
  readonly id: string;
  /** Display name ({@link AnalysisOptions.label}); null when none, and always under pseudonyms. */
  readonly name: string | null;
  /** Their group; null without one. */
  readonly group: string | null;
  /** The figure ranked on (betweenness share, gatekeeper count, fragmentation change...). */
  readonly value: number;
  /** The reason in English (= `reason.text`). */
  readonly detail: string;
  /** Why they rank here, as data. */
  readonly reason: Reason;
}

/** The network map: laid-out nodes and ties, sampled above the map limit. */
export interface MapData {
  /** 'people' or, in groups-only mode, 'groups'. */
  readonly kind: 'people' | 'groups';
  /** People (or groups) in the whole view, and drawn on the map. */
  readonly total: number;
  /** People (or groups) drawn. */
  readonly shown: number;
  /** Ties in the whole view. */
  readonly tiesTotal: number;
  /** Ties drawn (between drawn nodes). */
  readonly tiesShown: number;
  /** A sentence when the map is sampled; null when everything is drawn. */
  readonly sampleNote: string | null;
  /** Group names, indexed by a node's `g`. */
  readonly groups: readonly string[];
  /** Community names, indexed by a node's `c`. */
  readonly communities: readonly string[];
  /** Nodes: key, x, y, size, group index (-1 none), community index (-1 none), figures for the hover. */
  readonly nodes: readonly {
    readonly k: string;
    /** Display name, when there is one (searchable and shown as the label). */
    readonly n?: string;
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
  /** The options the analysis ran with, defaults filled in (the pseudonym key itself is never echoed, only whether one was used). */
  readonly options: Readonly<Record<string, unknown>>;
  /** What the minimum group size and pseudonyms changed, and which results are empty because of it. */
  readonly privacy: AnalysisPrivacy;
  /** Network-wide figures: size, density, components, groups, communities, modularity, overall E-I. */
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
  /** How betweenness was computed: exact, or sampled with its error bound epsilon at confidence 1 - delta. */
  readonly betweennessMethod: {
    readonly method: 'exact' | 'approximate';
    readonly weighted: boolean;
    readonly epsilon: number | null;
    readonly delta: number | null;
    readonly samples: number | null;
  };
  /** Per person, ordered by id (by pseudonym under pseudonyms); empty in groups-only mode. */
  readonly people: readonly PersonFigures[];
  /** Per group, most closed (highest silo score) first; the small-groups bucket last. */
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
  /** Suggested introductions for the declared gaps only; empty when no gap is significant. */
  readonly introductions: readonly IntroductionRow[];
  /** The most suggested new ties any one person is in, and the most introductions anyone is asked to make (from the rows). */
  readonly introductionLoad: { readonly maxNewTies: number; readonly maxIntroductions: number };
  /** Top people by betweenness. */
  readonly brokers: readonly RankedEntry[];
  /** Top people by gatekeeper count (empty without groups). */
  readonly gatekeepers: readonly RankedEntry[];
  /** Key-person risk: cut points, the key-player set and the sole links between groups. */
  readonly risks: {
    readonly articulationPoints: number;
    readonly cutPeople: readonly RankedEntry[];
    /**
     * Borgatti's KPP-Neg set of 3: only when their joint departure raises fragmentation
     * (`fragmentation` > `intact`); null otherwise, or in groups-only mode.
     */
    readonly keyPlayers: {
      readonly ids: readonly string[];
      /** Display names aligned with `ids` (null when none, and under pseudonyms). */
      readonly names: readonly (string | null)[];
      readonly fragmentation: number | null;
      readonly intact: number | null;
    } | null;
    readonly soleLinks: readonly RankedEntry[];
  };
  /** Louvain communities: how many, the shown ones with their sizes, how many were merged as too small, modularity. */
  readonly communities: {
    readonly count: number;
    readonly shown: readonly { readonly name: string; readonly size: number }[];
    readonly merged: number;
    readonly modularity: number | null;
  };
  /** The network map's data (sampled above the map limit). */
  readonly map: MapData;
  /** The scorecard when objectives were given, on the same view as the rest of the analysis (influence followed when directed). */
  readonly scorecard: ScorecardRows | null;
}

/** Scorecard rows as the report and scorecard.csv show them. */
export interface ScorecardRows {
  /** One row per objective: label, actual value, target, status. */
  readonly rows: readonly {
    readonly objective: string;
    readonly actual: number | null;
    readonly target: string;
    readonly status: string;
  }[];
  /** Objectives by status. */
  readonly summary: { readonly met: number; readonly atRisk: number; readonly missed: number };
}

/** Ties between two groups against the degree-preserving expectation (one heatmap cell). */
export interface GapCell {
  /** Ties observed between the two groups (inside the group on the diagonal). */
  readonly observed: number;
  /** Ties expected under the null model (people keep their number of contacts, choose them regardless of group). */
  readonly expected: number | null;
  /** observed / expected. */
  readonly ratio: number | null;
  /** (observed - expected) / sd under the null model. */
  readonly z: number | null;
}

/** A gap between two groups, as the report and gaps.csv list it. */
export interface GapRow extends GapCell {
  /** One group of the pair. */
  readonly groupA: string;
  /** The other group. */
  readonly groupB: string;
  /** Members of groupA; null when withheld for privacy (a staff part under k). */
  readonly sizeA: number | null;
  /** Members of groupB; null when withheld for privacy. */
  readonly sizeB: number | null;
  /** One-sided Monte Carlo p-value of observing so few ties. */
  readonly p: number | null;
  /** Benjamini-Hochberg q-value of p across all pairs tested. */
  readonly q: number | null;
}

/** A suggested introduction, as the report and introductions.csv list it. */
export interface IntroductionRow {
  /** The gap's first group (personA's). */
  readonly groupA: string;
  /** The gap's second group (personB's). */
  readonly groupB: string;
  /** Id of the person in groupA. */
  readonly personA: string;
  /** Id of the person in groupB. */
  readonly personB: string;
  /** Id of a mutual contact who can introduce them; null when none. */
  readonly introducer: string | null;
  /** Display name of personA (null when none, and under pseudonyms). */
  readonly nameA: string | null;
  /** Display name of personB (null when none, and under pseudonyms). */
  readonly nameB: string | null;
  /** Display name of the introducer (null when none or no introducer, and under pseudonyms). */
  readonly introducerName: string | null;
  /** Contacts personA and personB share. */
  readonly mutualContacts: number;
  /** Steps on the shortest route between them today. */
  readonly hopsBefore: number;
  /** Value x plausibility of the new tie (docs/recommend.md); higher first. */
  readonly score: number | null;
  /** The reason in English (= `why.text`). */
  readonly reason: string;
  /** The reason as data: mutual contacts, steps before, the people and groups it names. */
  readonly why: Reason;
}

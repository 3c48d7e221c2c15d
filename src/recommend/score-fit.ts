/**
 * Introduction score fitting
 * Chooses the weights of the introduction score for one network by holding out some of its own
 * cross-group ties and keeping the weights that rank them best (model selection on held-out links,
 * never on the ties a caller evaluates).
 * Reference: Ghasemian, A., Hosseinmardi, H., Galstyan, A., Airoldi, E. M. & Clauset, A. (2020).
 * Stacking models for nearly optimal link prediction in complex networks. PNAS 117(38).
 */
import { sortFloat64 } from '../core/util/float-sort.js';
import { Mulberry32 } from '../core/util/random.js';
import { arcIndex, strengths, type SortedAdjacency } from '../core/structure/link-scores.js';
import { clearLocalPaths, localPathScratch } from '../core/paths/local-paths.js';
import { WasmLocalSweep } from '../core/paths/wasm-local-sweep.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgView } from '../model/projection.js';
import { groupLabels } from './groups.js';
import { groupSweep, introductionAdjacency, type EdgeListAdjacency } from './introduction-adjacency.js';
import { DEFAULT_INTRODUCTION_SCORE, type IntroductionScoreWeights } from './introduction-score.js';

/** Options of {@link fitIntroductionScore}. */
export interface FitIntroductionScoreOptions {
  /** Attribute that defines the groups. Required. */
  readonly attribute: string;
  /** Smallest group shown (docs/privacy.md; see `groupLabels`); 1 opts out. @defaultValue as `groupLabels` (5) */
  readonly minGroupSize?: number;
  /** Share of the cross-group staff ties held out. @defaultValue 0.1 */
  readonly holdOut?: number;
  /** Seed of the first hold-out draw (fold f uses seed + f). @defaultValue 1 */
  readonly seed?: number;
  /**
   * Independent hold-out draws whose criteria are averaged. @defaultValue 10 on graphs with at most
   * `smallPairs` cross-group staff pairs (cheap there, and with few held-out ties one draw's winner is
   * mostly noise), else 3
   */
  readonly folds?: number;
  /** Staff pairs (n_staff (n_staff - 1) / 2) up to which the default `folds` is 10. @defaultValue 100000 */
  readonly smallPairs?: number;
  /** Fewest held-out ties to fit on; with fewer, the fixed weights are returned. @defaultValue 10 */
  readonly minHeldOut?: number;
  /**
   * Most ties held out per fold: `holdOut` of the cross-group staff ties, but no more than this, so
   * that a fold's cost does not grow with the graph (only the ties at the swept sources are scored
   * anyway). Up to this many the draw is a shuffle of every cross-group tie (as before the cap);
   * above, a partial shuffle drawing exactly this many. @defaultValue 20000
   */
  readonly maxHeldOut?: number;
  /**
   * Up to this many cross-group pairs (n_staff (n_staff - 1) / 2), every pair is scored; beyond, sources
   * and pairs are sampled. @defaultValue 1000000
   */
  readonly maxCandidates?: number;
  /** When sampling: about this many pairs beyond three steps drawn per fold (besides all pairs the sources reach). @defaultValue 100000 */
  readonly sampledPairs?: number;
  /** Most source people (ends of held-out ties) swept per fold on large graphs. @defaultValue 100 */
  readonly maxSources?: number;
  /** k of the precision@k in the criterion. @defaultValue 50 */
  readonly k?: number;
  /** Weight settings tried, in order of preference on equal criteria. @defaultValue INTRODUCTION_SCORE_GRID */
  readonly grid?: readonly IntroductionScoreWeights[];
  /** Progress: called with (folds done, folds) after each hold-out draw. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The plausibility weight settings tried by default: {@link DEFAULT_INTRODUCTION_SCORE} first, then
 * every combination of lambda in {0, 1}, (alpha, omega) in {(1, 0), (0, 1)} and epsilon in
 * {0, 0.1, 0.5}, with delta 0.0001 (12 settings in all: the default is one of the combinations).
 */
export const INTRODUCTION_SCORE_GRID: readonly IntroductionScoreWeights[] = Object.freeze(
  (() => {
    const out: IntroductionScoreWeights[] = [DEFAULT_INTRODUCTION_SCORE];
    for (const commonNeighbours of [0, 1]) {
      for (const [resourceAllocation, weightedResourceAllocation] of [
        [1, 0],
        [0, 1],
      ]) {
        for (const threeStep of [0, 0.1, 0.5]) {
          const w = Object.freeze({ commonNeighbours, resourceAllocation, weightedResourceAllocation, threeStep, baseline: 1e-4 });
          if (!sameWeights(w, DEFAULT_INTRODUCTION_SCORE)) out.push(w);
        }
      }
    }
    return out;
  })(),
);

function sameWeights(a: IntroductionScoreWeights, b: IntroductionScoreWeights): boolean {
  return (Object.keys(a) as (keyof IntroductionScoreWeights)[]).every((key) => a[key] === b[key]);
}

/** What {@link fitIntroductionScore} returns. */
export interface FitIntroductionScoreResult {
  /** The chosen weights (the fixed ones when `fitted` is false). */
  readonly weights: IntroductionScoreWeights;
  /** False when there were too few cross-group ties to hold out `minHeldOut`. `heldOut` and `trials` are per fold (trials averaged); `candidates` summed over folds. */
  readonly fitted: boolean;
  /** Hold-out draws made (the `folds` option or its default). */
  readonly folds: number;
  /** Cross-group ties hidden in one fold (the last fold that ran; at most `maxHeldOut`): the positives the weights are judged on. */
  readonly heldOut: number;
  /** Pairs scored over all folds: the held-out ties plus the candidate non-ties reached within three steps, and the unreached pairs counted as one tied block. */
  readonly candidates: number;
  /** Every setting tried with its held-out AUC, precision@k and criterion (AUC + precision@k). */
  readonly trials: readonly {
    readonly weights: IntroductionScoreWeights;
    readonly auc: number;
    readonly precision: number;
    readonly criterion: number;
  }[];
}

/**
 * Fit the plausibility weights of the introduction score on the graph itself.
 *
 * Holds out `holdOut` of the ties between staff of different groups (seeded shuffle). The
 * candidate pairs are the cross-group staff pairs not tied in what remains: all of them when there are
 * at most `maxCandidates` staff pairs; otherwise, for up to `maxSources` people drawn from the held-out
 * ties' ends, their pairs within three steps, their held-out partners and a uniform sample of their
 * other pairs (rate r = min(1, sampledPairs / (sources x staff))). That sampled set is NOT an unbiased
 * sample of all pairs: sources are ends of held-out ties (busier people), and pairs within three
 * steps are all kept while farther pairs are kept at rate r, so the AUC on it differs from the AUC over
 * every pair (measured in docs/recommendation-quality.md: on email-eu-core with sampling forced, 0.91-0.92
 * against 0.94 over every pair, same held-out ties); it serves only to compare settings with one another. Each pair is
 * scored with every setting of `grid` (`introductionPlausibility`); the fit keeps the setting with
 * the largest AUC + precision@k of the held-out ties against the other pairs,
 * averaged over `folds` independent hold-outs (default 10 on graphs with at most 100,000 staff pairs, 3 on
 * larger ones; the first setting on equal criteria). The caller's graph is not changed; nothing outside it is read.
 * Fewer than `minHeldOut` held-out ties (small or single-group graphs) returns the fixed weights with
 * `fitted: false`. Throws `E_UNKNOWN_ATTRIBUTE` for an unknown attribute, `E_BAD_OPTION` for a
 * hold-out share outside (0, 1).
 *
 * Only ties of the graph given are read (a caller that evaluates held-out ties passes the graph
 * without them; test/recommend/introduction-leak.test.ts checks that nothing else leaks in).
 *
 * At most `maxHeldOut` ties are held out per fold (20,000 by default: every cross-group tie is shuffled
 * up to 200,000 of them, as before the cap; beyond, exactly 20,000 are drawn), so with the bounded
 * sources and sampled pairs a fold scores a number of pairs that does not grow with the graph.
 *
 * Complexity: O(n + m) once for the full rows' strengths and the fold buffers; per fold, O(n + m)
 * block copies to remove the held-out ties (no per-arc work), one three-step local-path sweep per
 * source, and O(c |grid| log c) to rank c candidate pairs (c bounded as above in sampled mode).
 * @example
 * const fit = fitIntroductionScore(project(graph), { attribute: 'department' });
 * fit.weights.resourceAllocation; // 1
 */
export function fitIntroductionScore(view: OrgView, options: FitIntroductionScoreOptions): FitIntroductionScoreResult {
  const groups = groupLabels(view, options.attribute, { minGroupSize: options.minGroupSize });
  const adj = introductionAdjacency(view);
  const label = new Int32Array(adj.n);
  for (let i = 0; i < adj.n; i++) label[i] = groups.external[i] ? -1 : groups.labels[i];
  return fitIntroductionScoreOnAdjacency(adj, label, options);
}

export type { EdgeListAdjacency } from './introduction-adjacency.js';

/**
 * {@link fitIntroductionScore} on an adjacency and one label per node (-1 = not staff or no group);
 * for evaluations that hold out ties themselves. Complexity: as fitIntroductionScore.
 * @example
 * fitIntroductionScoreOnAdjacency(sortedAdjacency(view), labels, { attribute: 'department' }).weights;
 */
export function fitIntroductionScoreOnAdjacency(
  adj: EdgeListAdjacency,
  label: Int32Array,
  options: FitIntroductionScoreOptions,
): FitIntroductionScoreResult {
  const holdOut = options.holdOut ?? 0.1;
  const seed = options.seed ?? 1;
  const minHeldOut = options.minHeldOut ?? 10;
  const maxCandidates = options.maxCandidates ?? 1_000_000;
  const maxSources = options.maxSources ?? 100;
  const sampledPairs = options.sampledPairs ?? 100_000;
  const maxHeldOut = options.maxHeldOut ?? 20_000;
  const k = options.k ?? 50;
  const grid = options.grid ?? INTRODUCTION_SCORE_GRID;
  let labelled = 0;
  for (let i = 0; i < adj.n; i++) if (label[i] >= 0) labelled++;
  const folds = options.folds ?? ((labelled * (labelled - 1)) / 2 <= (options.smallPairs ?? 100_000) ? 10 : 3);
  if (!(holdOut > 0 && holdOut < 1))
    throw new OrgraphError('E_BAD_OPTION', `holdOut must lie in (0, 1), got ${holdOut}`, { field: 'holdOut' });
  if (grid.length === 0) throw new OrgraphError('E_BAD_OPTION', 'grid must hold at least one weight setting', { field: 'grid' });
  if (!(Number.isInteger(maxHeldOut) && maxHeldOut >= 1))
    throw new OrgraphError('E_BAD_OPTION', `maxHeldOut must be a whole number >= 1, got ${maxHeldOut}`, { field: 'maxHeldOut' });
  // Step 1: hold out a share of the cross-group staff ties (at most maxHeldOut of them).
  const allCross: number[] = [];
  for (let e = 0; e < adj.edgeU.length; e++) {
    const g = label[adj.edgeU[e]];
    const h = label[adj.edgeV[e]];
    if (g >= 0 && h >= 0 && g !== h) allCross.push(e);
  }
  const wanted = Math.round(holdOut * allCross.length);
  const capped = wanted > maxHeldOut;
  // The full rows, strengths and sweep scratch are allocated once and reused by every fold.
  const workspace = foldWorkspace(adj);
  const crossIds = capped ? Int32Array.from(allCross) : null;
  const runFold = (foldSeed: number) => {
    const rng = new Mulberry32(foldSeed);
    const random = () => rng.next();
    let hidden: number[];
    if (!capped) {
      hidden = shuffled(allCross, random, rng, workspace.engine).slice(0, wanted);
    } else {
      // Partial Fisher-Yates: exactly maxHeldOut distinct ties, uniformly, in O(maxHeldOut) draws.
      const ids = crossIds!.slice();
      hidden = new Array<number>(maxHeldOut);
      for (let t = 0; t < maxHeldOut; t++) {
        const u = t + Math.floor(random() * (ids.length - t));
        const x = ids[u];
        ids[u] = ids[t];
        ids[t] = x;
        hidden[t] = x;
      }
    }
    const heldOut = hidden.length;
    if (heldOut < minHeldOut) return null;
    const { cnCol, raCol, rawCol, ra3Col, positive, threeOnly, zeroNegatives } = foldCandidates(adj, label, hidden, {
      full: (labelled * (labelled - 1)) / 2 <= maxCandidates,
      maxSources,
      sampledPairs,
      random,
      rng,
      workspace,
    });
    const pos = countPositives(positive);
    if (pos < minHeldOut) return null;
    // Step 3: every setting, scored on the held-out ties (introductionPlausibility, inlined).
    // Negatives reached by three steps only (CN, RA and RAw all 0) score epsilon RA3 + delta under
    // every setting: sorted by RA3 once, their scores come out sorted for any epsilon >= 0.
    const three = sortFloat64(threeOnly);
    const trials: { weights: IntroductionScoreWeights; auc: number; precision: number; criterion: number }[] = [];
    const P = workspace.positives.length >= pos ? workspace.positives : (workspace.positives = new Float64Array(pos));
    const listedNegatives = positive.length - pos;
    // The three-step-only scores join the listed ones only for settings whose block is not sorted
    // (none of the default grid): room for them only then (a buffer touched is paid in page faults).
    const room = listedNegatives + (grid.every(sortedBlock) ? 0 : three.length);
    const N = workspace.negatives.length >= room ? workspace.negatives : (workspace.negatives = new Float64Array(room));
    for (const weights of grid) {
      const { threeStep: e, baseline: d } = weights;
      const block = sortedBlock(weights);
      let iN = settingScores(weights, cnCol, raCol, rawCol, ra3Col, positive, P, N);
      if (!block) iN = threeOnlyScores(weights, three, N, iN);
      // The unlisted pairs (no input above 0) all score the baseline: one block of equal negatives.
      const { auc: au, precision: p } = block
        ? aucAndPrecisionAtK(k, P.subarray(0, pos), N.subarray(0, iN), zeroNegatives, d, three, e, d)
        : aucAndPrecisionAtK(k, P.subarray(0, pos), N.subarray(0, iN), zeroNegatives, d);
      trials.push({ weights, auc: au, precision: p, criterion: au + p });
    }
    return { trials, candidates: positive.length + three.length + zeroNegatives, heldOut };
  };
  const summed: { weights: IntroductionScoreWeights; auc: number; precision: number; criterion: number }[] = grid.map((weights) => ({
    weights,
    auc: 0,
    precision: 0,
    criterion: 0,
  }));
  let done = 0;
  let candidates = 0;
  let heldOutTotal = 0;
  for (let f = 0; f < folds; f++) {
    const r = runFold(seed + f);
    options.onProgress?.(f + 1, folds);
    if (!r) continue;
    done++;
    candidates += r.candidates;
    heldOutTotal = r.heldOut;
    r.trials.forEach((t, g) => {
      summed[g].auc += t.auc;
      summed[g].precision += t.precision;
      summed[g].criterion += t.criterion;
    });
  }
  if (done === 0)
    return {
      weights: DEFAULT_INTRODUCTION_SCORE,
      fitted: false,
      folds,
      heldOut: Math.min(wanted, maxHeldOut),
      candidates: 0,
      trials: [],
    };
  const trials = summed.map((t) => ({
    weights: t.weights,
    auc: t.auc / done,
    precision: t.precision / done,
    criterion: t.criterion / done,
  }));
  const heldOut = heldOutTotal;
  let best = 0;
  for (let t = 1; t < trials.length; t++) if (trials[t].criterion > trials[best].criterion) best = t;
  return { weights: trials[best].weights, fitted: true, folds, heldOut, candidates, trials };
}

/**
 * Whether a setting scores the three-step-only negatives (CN, RA, RAw all 0) as epsilon RA3 + delta
 * in RA3's order: l 0 + a 0 + o 0 + e r + d is e r + d exactly when l, a, o are finite, and sorted
 * when e >= 0.
 */
function sortedBlock(w: IntroductionScoreWeights): boolean {
  return (
    w.threeStep >= 0 &&
    Number.isFinite(w.commonNeighbours) &&
    Number.isFinite(w.resourceAllocation) &&
    Number.isFinite(w.weightedResourceAllocation)
  );
}

// The fold's passes over its rows are small functions of one loop each: the fit runs once per
// report, cold, and the JIT compiles a small function after a few calls, while a pass inside a
// large function waits for that function's much larger budget (bytecode length / 150 more ticks).

/** Held-out ties among a fold's listed rows. O(rows). */
function countPositives(positive: Uint8Array): number {
  let pos = 0;
  for (let c = 0; c < positive.length; c++) pos += positive[c];
  return pos;
}

/**
 * One setting's plausibility (introductionPlausibility, inlined) of every listed row: held-out
 * ties into `P`, other pairs into `N`, in row order; returns the number written to `N`. O(rows).
 */
function settingScores(
  w: IntroductionScoreWeights,
  cn: Float64Array,
  ra: Float64Array,
  raw: Float64Array,
  ra3: Float64Array,
  positive: Uint8Array,
  P: Float64Array,
  N: Float64Array,
): number {
  const { commonNeighbours: l, resourceAllocation: a, weightedResourceAllocation: o, threeStep: e, baseline: d } = w;
  let ip = 0;
  let iN = 0;
  for (let c = 0; c < positive.length; c++) {
    const s = l * cn[c] + a * ra[c] + o * raw[c] + e * ra3[c] + d;
    if (positive[c]) P[ip++] = s;
    else N[iN++] = s;
  }
  return iN;
}

/**
 * The plausibility of the negatives reached by three steps only (CN, RA, RAw all 0), one by one,
 * appended to `N` from `iN` (for settings whose scores of them are not sorted, see the fold). O(|three|).
 */
function threeOnlyScores(w: IntroductionScoreWeights, three: Float64Array, N: Float64Array, iN: number): number {
  const { commonNeighbours: l, resourceAllocation: a, weightedResourceAllocation: o, threeStep: e, baseline: d } = w;
  for (let t = 0; t < three.length; t++) N[iN++] = l * 0 + a * 0 + o * 0 + e * three[t] + d;
  return iN;
}

/**
 * Candidate columns of one hold-out draw (see {@link foldCandidates}): the listed rows (every
 * held-out tie, and every other pair with CN, RA or RAw above 0), the RA3 of the other pairs reached
 * (three steps only), and a count of the pairs not reached. The arrays live in the workspace: the
 * next call with the same workspace overwrites them.
 */
export interface FoldCandidates {
  readonly cnCol: Float64Array;
  readonly raCol: Float64Array;
  readonly rawCol: Float64Array;
  readonly ra3Col: Float64Array;
  /** 1 for a held-out tie, 0 for any other pair. */
  readonly positive: Uint8Array;
  /**
   * RA3 of each pair that is not a held-out tie and that the sources reach by three steps only (CN,
   * RA and RAw all 0): under any setting such a pair scores epsilon RA3 + delta, so it is kept as
   * one number, not a row (most reached pairs of a large graph are of this kind). In reach order.
   */
  readonly threeOnly: Float64Array;
  /**
   * Candidate pairs that are not held-out ties and that no source reaches within three steps: every
   * input of the plausibility is 0 for them, so each scores the baseline delta under any setting.
   * They are counted, not listed (most pairs of a large graph are of this kind).
   */
  readonly zeroNegatives: number;
}

/**
 * What every fold of one fit reuses: the full graph's strengths, buffers for the training rows, the
 * local-path scratch and stamp arrays (one allocation per fit instead of one per fold).
 */
export interface FoldWorkspace {
  readonly strength: Float64Array;
  /**
   * The JavaScript pass's buffers (training rows, their strengths, the sweep scratch, the stamp
   * arrays), made on its first use: folds run in the engine never need them.
   */
  js: FoldBuffers | null;
  stamp: number;
  /** The candidate columns (FoldCandidates), grown by doubling and kept for the next fold. */
  columns: { cn: Float64Array; ra: Float64Array; raw: Float64Array; ra3: Float64Array; positive: Uint8Array; three: Float64Array };
  /** Score buffers of the fit's settings (held-out ties, other pairs), grown when a fold needs more. */
  positives: Float64Array;
  negatives: Float64Array;
  /**
   * The per-source pass in WebAssembly where it runs (core/paths/wasm-local-sweep.ts, the same
   * values): it holds the full rows, and a fold hides its held-out ties' arcs there instead of
   * copying the training rows; null: the pass runs in JavaScript.
   */
  readonly engine: WasmLocalSweep | null;
}

/** The JavaScript pass's buffers: training rows, their strengths, the sweep scratch and the stamp arrays. */
export interface FoldBuffers {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly trainStrength: Float64Array;
  readonly scratch: ReturnType<typeof localPathScratch>;
  /** Stamp per node: `seen[b] === stamp` when b is not (or no longer) a candidate of the current source. */
  readonly seen: Int32Array;
  /** Stamp per node: `partner[b] === stamp` when b is a held-out partner of the current source. */
  readonly partner: Int32Array;
}

/** Largest WebAssembly memory a fit's workspace asks for: about 250,000 people at degree 40; larger graphs run the JavaScript pass. */
const ENGINE_MAX_BYTES = 256 * 2 ** 20;

/** The JavaScript pass's buffers of `ws`, made on first use. */
function buffersOf(adj: EdgeListAdjacency, ws: FoldWorkspace): FoldBuffers {
  const n = adj.n;
  return (ws.js ??= {
    offsets: new Int32Array(n + 1),
    targets: new Int32Array(adj.targets.length),
    weights: new Float64Array(adj.targets.length),
    trainStrength: new Float64Array(n),
    scratch: localPathScratch(n),
    seen: new Int32Array(n),
    partner: new Int32Array(n),
  });
}

/**
 * The reusable arrays of {@link foldCandidates} for one adjacency. Complexity: O(n + m).
 * @example
 * const ws = foldWorkspace(adj); // then foldCandidates(adj, labels, hidden, { ..., workspace: ws }) per fold
 */
export function foldWorkspace(adj: EdgeListAdjacency): FoldWorkspace {
  const n = adj.n;
  const strength = strengths(adj);
  const engine = WasmLocalSweep.create(n, adj.targets.length, ENGINE_MAX_BYTES);
  if (engine !== null) {
    engine.offsets.set(adj.offsets);
    engine.targets.set(adj.targets);
    if (adj.weights) engine.weights.set(adj.weights);
    else engine.weights.fill(1);
    for (let i = 0; i < n; i++) engine.degree[i] = adj.offsets[i + 1] - adj.offsets[i];
    engine.strength.set(strength);
  }
  return {
    strength,
    js: null,
    engine,
    stamp: 0,
    columns: {
      cn: new Float64Array(4096),
      ra: new Float64Array(4096),
      raw: new Float64Array(4096),
      ra3: new Float64Array(4096),
      positive: new Uint8Array(4096),
      three: new Float64Array(4096),
    },
    positives: new Float64Array(0),
    negatives: new Float64Array(0),
  };
}

/**
 * The candidate pairs of one hold-out draw and the plausibility inputs of each, computed on the
 * training graph (`adj` without the `hidden` edges) only; `hidden` is read for `positive` alone
 * (test/recommend/introduction-leak.test.ts checks that no feature depends on the held-out ties).
 * Full mode: every cross-group labelled pair a < b not tied in training. Sampled mode: up to
 * `maxSources` ends of held-out ties, their pairs within three steps, their held-out partners and
 * about `sampledPairs` other pairs drawn uniformly.
 *
 * With the workspace's WebAssembly engine and the generator `rng` (core/paths/wasm-local-sweep.ts:
 * the same sums and draws), the held-out ties' arcs are hidden in the engine's full rows and each
 * source is one call; else the training rows are written into the workspace (one pass over the arcs,
 * the held-out ones skipped) and swept by groupSweep. Either way only the degrees and strengths of
 * the held-out ties' ends are summed again, and the held-out partners are marked per source in a
 * stamp array.
 *
 * Complexity: O(n + m) copies and O(h log m) to find the h held-out ties' arcs, plus one
 * three-step local-path sweep per source and O(1) per candidate; in sampled mode the candidates are
 * at most the pairs the `maxSources` sources reach within three steps plus about `sampledPairs`,
 * whatever the size of the graph.
 * @example
 * const c = foldCandidates(adj, labels, [3, 7], { full: true, maxSources: 100, sampledPairs: 1e5, random: mulberry32(1) });
 */
export function foldCandidates(
  adj: EdgeListAdjacency,
  label: Int32Array,
  hidden: readonly number[],
  options: {
    readonly full: boolean;
    readonly maxSources: number;
    readonly sampledPairs: number;
    readonly random: () => number;
    /**
     * The generator behind `random` (`random` must be `() => rng.next()`): with it, the pass may run
     * in WebAssembly, drawing the same numbers there.
     */
    readonly rng?: Mulberry32;
    /** Arrays reused across folds (see {@link foldWorkspace}); made here when absent. */
    readonly workspace?: FoldWorkspace;
  },
): FoldCandidates {
  const { full, maxSources, sampledPairs, random, rng } = options;
  const ws = options.workspace ?? foldWorkspace(adj);
  const n = adj.n;
  let labelled = 0;
  for (let i = 0; i < n; i++) if (label[i] >= 0) labelled++;
  // Step 2: sources from the held-out ties' ends; their reached pairs, held-out partners, and a
  // uniform sample (rate r) of their other cross-group pairs.
  const partners = new Map<number, number[]>();
  for (const e of hidden) {
    const u = adj.edgeU[e];
    const v = adj.edgeV[e];
    (partners.get(u) ?? partners.set(u, []).get(u)!).push(v);
    (partners.get(v) ?? partners.set(v, []).get(v)!).push(u);
  }
  // Small graphs: every pair once (a < b), as an evaluation does. Larger: sampled sources and pairs.
  let sources: number[];
  if (full) {
    sources = [];
    for (let i = 0; i < n; i++) if (label[i] >= 0) sources.push(i);
  } else {
    sources = shuffled(
      [...partners.keys()].sort((a, b) => a - b),
      random,
      rng,
      ws.engine,
    );
    sources.length = Math.min(sources.length, maxSources);
  }
  const rate = full ? 1 : Math.min(1, sampledPairs / Math.max(1, sources.length * labelled));
  // Only the plausibility's inputs are kept per candidate (the value part is not fitted), in the
  // workspace's typed columns; a negative reached by three steps only keeps its RA3 alone.
  const cols = ws.columns;
  const skip = new GeometricSkips(Math.log1p(-Math.min(rate, 1 - 1e-12)));
  const pass: FoldPass = { adj, label, hidden, partners, sources, full, dense: rate >= 1, skip, random, ws };
  const engine = ws.engine;
  const acc =
    engine !== null && rng !== undefined && (pass.dense || skip.table() !== null) ? engineFold(pass, engine, rng) : javascriptFold(pass);
  const { size, three } = acc;
  return {
    cnCol: cols.cn.subarray(0, size),
    raCol: cols.ra.subarray(0, size),
    rawCol: cols.raw.subarray(0, size),
    ra3Col: cols.ra3.subarray(0, size),
    positive: cols.positive.subarray(0, size),
    threeOnly: cols.three.subarray(0, three),
    zeroNegatives: acc.zeroNegatives,
  };
}

/** What a fold's pass over its sources reads (see {@link foldCandidates}). */
interface FoldPass {
  readonly adj: EdgeListAdjacency;
  readonly label: Int32Array;
  readonly hidden: readonly number[];
  readonly partners: ReadonlyMap<number, readonly number[]>;
  readonly sources: readonly number[];
  readonly full: boolean;
  /** Every other pair counted (rate 1), not sampled. */
  readonly dense: boolean;
  readonly skip: GeometricSkips;
  readonly random: () => number;
  readonly ws: FoldWorkspace;
}

/** The fold's pass in JavaScript: training rows copied, one groupSweep and its rows per source. */
function javascriptFold(pass: FoldPass): FoldCounts {
  const { adj, label, hidden, partners, sources, full, dense, skip, random, ws } = pass;
  const n = adj.n;
  const buffers = buffersOf(adj, ws);
  const train = trainingRows(adj, hidden, buffers, ws.strength);
  const str = buffers.trainStrength;
  const { scratch, seen, partner } = buffers;
  const cols = ws.columns;
  const acc: FoldCounts = { size: 0, three: 0, zeroNegatives: 0, stamp: 0, partner, seen, cols };
  const filter = { label, group: 0, same: false, from: 0 };
  let swept = 0;
  for (const a of sources) {
    const ga = label[a];
    const stamp = (acc.stamp = ++ws.stamp);
    const mine = partners.get(a) ?? [];
    for (const b of mine) partner[b] = stamp;
    const from = full ? a + 1 : 0;
    const reached = (scratch.reached = groupSweep(train, str, a, { ...filter, group: ga, from }, true, null, scratch));
    // Projected from the sources swept so far, so that the columns grow once or twice a fit instead
    // of doubling from 4,096 (pages reserved and never written cost nothing; copies and writes do).
    const share = sources.length / ++swept;
    reserveColumns(cols, acc.size + reached + 2 * mine.length, acc.three + reached, share);
    // Reached pairs (held-out partners among them are positives), then unreached partners (inputs all 0).
    reachedRows(scratch, reached, acc);
    for (const b of mine) if (b >= from && seen[b] !== stamp) unreachedRow(b, acc);
    for (let p = train.offsets[a]; p < train.offsets[a + 1]; p++) seen[train.targets[p]] = stamp;
    seen[a] = stamp;
    if (dense) {
      for (let b = from; b < n; b++) if (seen[b] !== stamp && label[b] >= 0 && label[b] !== ga) unreachedRow(b, acc);
    } else sampleUnreached(from, n, ga, label, skip, random, acc);
    clearLocalPaths(scratch);
  }
  return acc;
}

/**
 * The fold's pass in WebAssembly (WasmLocalSweep.foldSource, the same steps and draws): the held-out
 * ties' arcs hidden in the engine's full rows (their ends' degrees and strengths summed again, in
 * row order, as the training rows give them), one call per source, its rows appended to the
 * columns; then the arcs shown again. The generator's state goes to the engine and back.
 */
function engineFold(pass: FoldPass, engine: WasmLocalSweep, rng: Mulberry32): FoldCounts {
  const { adj, label, hidden, partners, sources, full, dense, skip, ws } = pass;
  const cols = ws.columns;
  const acc: FoldCounts = { size: 0, three: 0, zeroNegatives: 0, stamp: 0, partner: engine.partner, seen: engine.seen, cols };
  engine.label.set(label);
  const table = skip.table();
  if (table !== null) {
    engine.steps.set(table.steps);
    engine.blocks.set(table.blockStart);
  }
  const drop = droppedArcs(adj, hidden);
  // The held-out ties' ends: their degrees and strengths are summed again over the arcs left, in
  // row order (the training rows' sums), and put back from the full rows after the fold.
  const ends = new Int32Array(2 * hidden.length);
  for (let t = 0; t < hidden.length; t++) {
    ends[2 * t] = adj.edgeU[hidden[t]];
    ends[2 * t + 1] = adj.edgeV[hidden[t]];
  }
  const weighted = adj.weights !== null && adj.weights !== undefined;
  engine.hide(drop, ends, true, weighted);
  try {
    const { rows, three } = engine;
    let swept = 0;
    for (const a of sources) {
      const stamp = ++ws.stamp;
      const mine = partners.get(a) ?? [];
      for (let t = 0; t < mine.length; t++) {
        engine.partner[mine[t]] = stamp;
        engine.mine[t] = mine[t];
      }
      const got = engine.foldSource(a, label[a], full ? a + 1 : 0, stamp, mine.length, dense, rng.snapshot());
      rng.reset(got.rngState);
      const share = sources.length / ++swept;
      reserveColumns(cols, acc.size + got.rows, acc.three + got.three, share);
      cols.cn.set(rows.cn.subarray(0, got.rows), acc.size);
      cols.ra.set(rows.ra.subarray(0, got.rows), acc.size);
      cols.raw.set(rows.raw.subarray(0, got.rows), acc.size);
      cols.ra3.set(rows.ra3.subarray(0, got.rows), acc.size);
      cols.positive.set(rows.positive.subarray(0, got.rows), acc.size);
      cols.three.set(three.subarray(0, got.three), acc.three);
      acc.size += got.rows;
      acc.three += got.three;
      acc.zeroNegatives += got.zero;
    }
  } finally {
    engine.hide(drop, ends, false, weighted);
  }
  return acc;
}

/**
 * A fold's rows as its sources are swept: rows written so far in the columns, RA3 values of
 * three-step-only negatives, pairs counted as unreached; and the current source's stamp with the
 * stamp arrays (`partner[b] === stamp`: a held-out partner; `seen[b] === stamp`: already counted).
 */
interface FoldCounts {
  size: number;
  three: number;
  zeroNegatives: number;
  stamp: number;
  readonly partner: Int32Array;
  readonly seen: Int32Array;
  readonly cols: FoldWorkspace['columns'];
}

/**
 * Room for `rows` listed rows and `three` three-step-only values, contents kept; a buffer that must
 * grow takes at least twice its size, and at least 1.25 `share` times what is asked (the fold's
 * projected total, `share` = sources / sources swept).
 */
function reserveColumns(cols: FoldWorkspace['columns'], rows: number, three: number, share: number): void {
  if (rows > cols.cn.length) {
    const cap = Math.max(rows, 2 * cols.cn.length, Math.ceil(1.25 * share * rows));
    const grown = <T extends Float64Array | Uint8Array>(x: T, y: T): T => (y.set(x), y);
    cols.cn = grown(cols.cn, new Float64Array(cap));
    cols.ra = grown(cols.ra, new Float64Array(cap));
    cols.raw = grown(cols.raw, new Float64Array(cap));
    cols.ra3 = grown(cols.ra3, new Float64Array(cap));
    cols.positive = grown(cols.positive, new Uint8Array(cap));
  }
  if (three > cols.three.length) {
    const more = new Float64Array(Math.max(three, 2 * cols.three.length, Math.ceil(1.25 * share * three)));
    more.set(cols.three);
    cols.three = more;
  }
}

/**
 * A source's reached pairs: a held-out partner, or a pair with CN, RA or RAw above 0, as a listed
 * row; any other (three steps only) as its RA3 alone. Marks each as seen. O(reached).
 */
function reachedRows(scratch: ReturnType<typeof localPathScratch>, reached: number, acc: FoldCounts): void {
  const { common, resourceAllocation, resourceAllocationWeighted, resourceAllocation3, touched } = scratch;
  const { partner, seen, stamp } = acc;
  const { cn, ra, raw, ra3, positive, three } = acc.cols;
  let size = acc.size;
  let nThree = acc.three;
  for (let t = 0; t < reached; t++) {
    const b = touched[t];
    seen[b] = stamp;
    const isPartner = partner[b] === stamp;
    const c = common[b];
    const r = resourceAllocation[b];
    const rw = resourceAllocationWeighted[b];
    if (!isPartner && c === 0 && r === 0 && rw === 0) {
      three[nThree++] = resourceAllocation3[b];
      continue;
    }
    cn[size] = c;
    ra[size] = r;
    raw[size] = rw;
    ra3[size] = resourceAllocation3[b];
    positive[size++] = isPartner ? 1 : 0;
  }
  acc.size = size;
  acc.three = nThree;
}

/** A pair the source does not reach: a held-out partner as a row of zeros, any other counted. */
function unreachedRow(b: number, acc: FoldCounts): void {
  const { partner, seen, stamp, cols } = acc;
  seen[b] = stamp;
  if (partner[b] !== stamp) {
    acc.zeroNegatives++;
    return;
  }
  const size = acc.size++;
  cols.cn[size] = cols.ra[size] = cols.raw[size] = cols.ra3[size] = 0;
  cols.positive[size] = 1;
}

/** The other unreached cross-group pairs of a source, each drawn with probability exp(logKeep) by geometric skips. */
function sampleUnreached(
  from: number,
  n: number,
  ga: number,
  label: Int32Array,
  skip: GeometricSkips,
  random: () => number,
  acc: FoldCounts,
): void {
  const { seen, stamp } = acc;
  for (let b = from + skip.next(random()); b < n; b += 1 + skip.next(random())) {
    if (seen[b] === stamp || label[b] < 0 || label[b] === ga) continue;
    unreachedRow(b, acc);
  }
}

/** 2^32: mulberry32 draws t / 2^32 for a whole t. */
const TWO_32 = 4294967296;
/** Most steps a skip table holds (rates down to about 3.4e-4; the WebAssembly pass has room for as many). */
const MAX_SKIP = 65_536;
/** Blocks of t with a table entry each (t >>> 20), and their width. */
const BLOCKS = 4096;
const BLOCK = 1 << 20;

/**
 * The geometric skip floor(ln(1 - u) / logKeep) of a uniform draw u, as sampling computes it, but
 * read off a table where u = t / 2^32 for a whole t (what mulberry32 draws): the fit draws about
 * 100,000 skips a fold, and the logarithm was most of their cost.
 *
 * Why the table gives the same value: for whole t the computed ln(1 - t / 2^32) strictly decreases
 * with t (consecutive values differ by at least 2^-32, the logarithm's error is under 2 ulp of a
 * value below 23, i.e. under 2^-47), dividing by logKeep < 0 and taking the floor keep the order, so
 * the skip is a non-decreasing step function of t; its steps are found once, each the least t whose
 * computed skip reaches it (from the closed form, checked and moved with the same expression). Draws
 * off that grid, or tables over 65,536 steps (rates below about 3.4e-4), compute the expression itself.
 */
export class GeometricSkips {
  /** steps[k]: the least t whose skip is at least k (k = 1 .. top); steps[top + 1] = 2^32. */
  private readonly steps: Float64Array | null;
  /** The skip at t = b 2^20 for each of the 4,096 blocks b of t: where the scan of the steps starts. */
  private readonly blockStart: Int32Array | null;

  constructor(private readonly logKeep: number) {
    const top = this.direct(TWO_32 - 1);
    if (!(top >= 0 && top <= MAX_SKIP)) {
      this.steps = this.blockStart = null;
      return;
    }
    const steps = new Float64Array(top + 2);
    steps[top + 1] = TWO_32;
    for (let k = 1; k <= top; k++) steps[k] = this.leastAtLeast(k, steps[k - 1]);
    const blockStart = new Int32Array(BLOCKS);
    for (let b = 0, k = 0; b < BLOCKS; b++) {
      while (steps[k + 1] <= b * BLOCK) k++;
      blockStart[b] = k;
    }
    this.steps = steps;
    this.blockStart = blockStart;
  }

  /**
   * The least t >= lo whose skip is at least k: from the closed form 2^32 (1 - e^(k logKeep)),
   * moved to the exact step by the computed skips (a few steps), by bisection if that is far.
   */
  private leastAtLeast(k: number, lo: number): number {
    let t = Math.min(TWO_32 - 1, Math.max(lo, Math.round(TWO_32 * -Math.expm1(k * this.logKeep))));
    for (let walk = 0; walk < 64; walk++) {
      if (this.direct(t) < k) t++;
      else if (t > lo && this.direct(t - 1) >= k) t--;
      else return t;
    }
    let hi = TWO_32 - 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.direct(mid) >= k) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The table (steps[k]: the least t whose skip is at least k; the skip at the start of each of 4,096 blocks of t), or null when skips are computed. */
  table(): { readonly steps: Float64Array; readonly blockStart: Int32Array } | null {
    return this.steps === null ? null : { steps: this.steps, blockStart: this.blockStart! };
  }

  /** The skip of the draw t / 2^32, computed. */
  private direct(t: number): number {
    return Math.floor(Math.log(1 - t / TWO_32) / this.logKeep);
  }

  /** floor(ln(1 - u) / logKeep): from the table, O(1 + steps within t's block). */
  next(u: number): number {
    const t = u * TWO_32;
    const steps = this.steps;
    if (steps === null || !Number.isInteger(t)) return Math.floor(Math.log(1 - u) / this.logKeep);
    // The largest k with steps[k] <= t, scanning up from the skip at the start of t's block.
    let k = this.blockStart![t >>> 20];
    while (steps[k + 1] <= t) k++;
    return k;
  }
}

/**
 * The rows of `adj` without the `hidden` edges' arcs, in the workspace's buffers (rows stay sorted),
 * and their strengths in `ws.trainStrength` (rows that lost an arc summed again in row order, the
 * same sums `strengths` makes). Complexity: O(n + m) copies, O(h log d) searches.
 */
function trainingRows(adj: EdgeListAdjacency, hidden: readonly number[], ws: FoldBuffers, strength: Float64Array): SortedAdjacency {
  // One small function per pass: each is compiled on its own (a pass after a loop compiled on stack
  // had no type feedback and deoptimised the whole function).
  const drop = droppedArcs(adj, hidden);
  const { offsets, targets, weights } = ws;
  keptOffsets(adj, drop, offsets);
  // Every arc but the dropped, in order (one loop: a block copy per run between dropped arcs made
  // two subarrays each, a few thousand a fold).
  const m = keptArcs(adj, drop, targets, weights);
  trainStrengths(adj, hidden, ws, strength);
  return { n: adj.n, offsets, targets: targets.subarray(0, m), weights: weights.subarray(0, m) };
}

/** The arc positions of the `hidden` edges (both directions), ascending. O(h log d). */
function droppedArcs(adj: EdgeListAdjacency, hidden: readonly number[]): Int32Array {
  const dropped: number[] = [];
  for (const e of hidden) {
    const a = arcIndex(adj, adj.edgeU[e], adj.edgeV[e]);
    const b = arcIndex(adj, adj.edgeV[e], adj.edgeU[e]);
    if (a >= 0) dropped.push(a);
    if (b >= 0) dropped.push(b);
  }
  return Int32Array.from(dropped).sort();
}

/** Row starts without the dropped arcs: every start moves back by the arcs dropped before it. O(n + drops). */
function keptOffsets(adj: EdgeListAdjacency, drop: Int32Array, offsets: Int32Array): void {
  for (let i = 0, d = 0; i <= adj.n; i++) {
    const start = adj.offsets[i];
    while (d < drop.length && drop[d] < start) d++;
    offsets[i] = start - d;
  }
}

/** The training strengths: the full graph's, with the rows of the held-out ties' ends summed again (in row order). */
function trainStrengths(adj: EdgeListAdjacency, hidden: readonly number[], ws: FoldBuffers, strength: Float64Array): void {
  const { offsets, weights } = ws;
  const str = ws.trainStrength;
  str.set(strength);
  for (const e of hidden) {
    for (let end = 0; end < 2; end++) {
      const x = end === 0 ? adj.edgeU[e] : adj.edgeV[e];
      if (!adj.weights) {
        str[x] = offsets[x + 1] - offsets[x];
        continue;
      }
      let t = 0;
      for (let p = offsets[x]; p < offsets[x + 1]; p++) t += weights[p];
      str[x] = t;
    }
  }
}

/** The arcs of `adj` but those at the sorted positions `drop`, into `targets` and `weights` (1 when unweighted); returns their count. O(m). */
function keptArcs(adj: EdgeListAdjacency, drop: Int32Array, targets: Int32Array, weights: Float64Array): number {
  const from = adj.targets;
  const w = adj.weights;
  const m = adj.offsets[adj.n];
  let dst = 0;
  let d = 0;
  let next = drop.length > 0 ? drop[0] : m;
  for (let p = 0; p < m; p++) {
    if (p === next) {
      while (d < drop.length && drop[d] <= p) d++;
      next = d < drop.length ? drop[d] : m;
      continue;
    }
    targets[dst] = from[p];
    weights[dst++] = w ? w[p] : 1;
  }
  return dst;
}

/**
 * A shuffled copy of `x`: in the engine when there is one and the generator behind `random` is given
 * (the same draws; the generator moves on as if JavaScript had drawn), else by {@link shuffle}.
 */
function shuffled(x: readonly number[], random: () => number, rng: Mulberry32 | undefined, engine: WasmLocalSweep | null): number[] {
  if (engine !== null && rng !== undefined && x.length <= engine.targets.length) {
    const out = engine.shuffle(x, rng.snapshot());
    rng.reset(out.rngState);
    return out.values;
  }
  const copy = x.slice();
  shuffle(copy, random);
  return copy;
}

function shuffle(x: number[], random: () => number): void {
  for (let t = x.length - 1; t > 0; t--) {
    const u = Math.floor(random() * (t + 1));
    const swap = x[t];
    x[t] = x[u];
    x[u] = swap;
  }
}

/**
 * The adjacency without some edges (ids into `edgeU`/`edgeV`), rows still sorted.
 * Complexity: O(n + m).
 */
export function withoutEdges(adj: EdgeListAdjacency, drop: ReadonlySet<number>): EdgeListAdjacency {
  const n = adj.n;
  const m = adj.edgeU.length;
  // Typed masks, not hash sets keyed by i n + j: at 10M ties the sets cost seconds and gigabytes per fold.
  const dropEdge = new Uint8Array(m);
  for (const e of drop) dropEdge[e] = 1;
  // The two arcs of each dropped edge, found by binary search in the sorted rows.
  const dropArc = new Uint8Array(adj.targets.length);
  const arcOf = (i: number, j: number): number => arcIndex(adj, i, j);
  const deg = new Int32Array(n);
  let kept = 0;
  for (let e = 0; e < m; e++) {
    const u = adj.edgeU[e];
    const v = adj.edgeV[e];
    if (dropEdge[e]) {
      const a = arcOf(u, v);
      const b = arcOf(v, u);
      if (a >= 0) dropArc[a] = 1;
      if (b >= 0) dropArc[b] = 1;
      continue;
    }
    deg[u]++;
    deg[v]++;
    kept++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + deg[i];
  const targets = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  // Walk the sorted rows of the full adjacency, skipping dropped arcs: rows stay sorted.
  const fill = offsets.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let p = adj.offsets[i]; p < adj.offsets[i + 1]; p++) {
      if (dropArc[p]) continue;
      targets[fill[i]] = adj.targets[p];
      weights[fill[i]++] = adj.weights ? adj.weights[p] : 1;
    }
  }
  const edgeU = new Int32Array(kept);
  const edgeV = new Int32Array(kept);
  const edgeWeights = new Float64Array(kept);
  for (let e = 0, f = 0; e < m; e++) {
    if (dropEdge[e]) continue;
    edgeU[f] = adj.edgeU[e];
    edgeV[f] = adj.edgeV[e];
    edgeWeights[f++] = adj.edgeWeights[e];
  }
  return { n, offsets, targets, weights, edgeU, edgeV, edgeWeights };
}

const NO_SCORES = new Float64Array(0);

/** How many t have `scale * sorted[t] + offset` below v (or at most v, with `orEqual`); sorted ascending, scale >= 0. O(log |sorted|). */
function affineBelow(sorted: Float64Array, scale: number, offset: number, v: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = scale * sorted[mid] + offset;
    if (x < v || (orEqual && x === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `auc(P, N)` and `precisionAtK(k, P, N)` of ranking-quality.ts, the same values: the fit scores
 * every weight setting on every fold. The listed negatives are sorted in place (their order is not
 * kept) by the radix sort of core/util/float-sort.ts and merged with the sorted positives. `tied`
 * more negatives all scoring `tiedScore` may be given as a count, and more negatives as `sorted`,
 * ascending, each standing for the score `sortedScale * sorted[t] + sortedOffset` (computed so; with
 * sortedScale >= 0 they stay sorted, and the fit's settings need no copy of them).
 * N then stands for the listed negatives plus both; each positive is placed among the sorted ones by
 * binary search (O(|P| log |S|)) instead of each of them among the positives.
 *
 *   AUC = sum over p in P of (#{n < p} + #{n = p} / 2) / (|P| |N|)
 *       = sum over n in N of (#{p > n} + #{p = n} / 2) / (|P| |N|)   (the second form is computed
 *         for the listed negatives: one merge of the two sorted lists)
 *   precision@k: c = the k-th largest score of P and N together; (#P above c + (k - #above) #P at c / #at c) / k
 *
 * The k-th largest is found among the sorted positives, the k largest negatives (the tail of the
 * sorted list; with a NaN among them, a small sorted buffer kept while scanning) and the tied block;
 * the negatives above and at the cut by binary search. Every count is a whole number or a half, so
 * the sums are exact and equal the sorted computation.
 *
 * Complexity: O(|P| log |P| + |N| + |P| log |S| + k log k) for |S| sorted negatives (the radix sort
 * is linear from 4,096 values; O(|N| log |N|) below).
 * @example
 * aucAndPrecisionAtK(1, Float64Array.of(2), Float64Array.of(1), 3, 0); // { auc: 1, precision: 1 }
 */
export function aucAndPrecisionAtK(
  k: number,
  positives: Float64Array,
  negatives: Float64Array,
  tied = 0,
  tiedScore = 0,
  sorted: Float64Array = NO_SCORES,
  sortedScale = 1,
  sortedOffset = 0,
): { auc: number; precision: number } {
  // Small helpers, not one large body: the fit calls this cold, once per setting and fold, and a
  // large function took the JIT about 90 ms of CPU to compile.
  const pos = positives.slice().sort();
  // The listed negatives sorted once, in place (NaN last): the pairs below, the k largest and the
  // counts at the cut are then a merge, a tail and binary searches.
  const neg = sortFloat64(negatives);
  const finite = firstNaN(neg);
  const nP = pos.length;
  const nN = neg.length;
  const nS = sorted.length;
  const negCount = nN + tied + nS;
  let a = NaN;
  if (nP > 0 && negCount > 0) {
    let total = tied > 0 ? tied * positivesAbove(pos, tiedScore) : 0;
    total += listedPairsBelow(pos, neg, finite);
    // The sorted negatives, counted from the positives' side (the same pairs: a negative below a
    // positive counts 1, an equal one 1/2); every term is a whole number or a half, so the sum is exact.
    if (nS > 0) total += sortedPairsBelow(pos, sorted, sortedScale, sortedOffset);
    a = total / (nP * negCount);
  }
  const all = nP + negCount;
  if (all === 0 || !(k >= 1)) return { auc: a, precision: NaN };
  const kk = Math.min(Math.floor(k), all);
  const top = largestNegatives(neg, finite, kk, sorted, sortedScale, sortedOffset);
  const cut = kthLargest(pos, top, tied, tiedScore, kk);
  const pBelow = affineBelow(pos, 1, 0, cut, false);
  const pAtOrBelow = affineBelow(pos, 1, 0, cut, true);
  let negAbove = tied > 0 && tiedScore > cut ? tied : 0;
  let negAt = tied > 0 && tiedScore === cut ? tied : 0;
  if (cut === cut) {
    // #{x > cut} and #{x = cut} among the sorted numbers (a NaN is neither).
    const below = affineBelow(neg.subarray(0, finite), 1, 0, cut, false);
    const atOrBelow = affineBelow(neg.subarray(0, finite), 1, 0, cut, true);
    negAbove += finite - atOrBelow;
    negAt += atOrBelow - below;
  }
  if (nS > 0) {
    const sBelow = affineBelow(sorted, sortedScale, sortedOffset, cut, false);
    const sAtOrBelow = affineBelow(sorted, sortedScale, sortedOffset, cut, true);
    negAbove += nS - sAtOrBelow;
    negAt += sAtOrBelow - sBelow;
  }
  const posAbove = nP - pAtOrBelow;
  const above = posAbove + negAbove;
  const posAt = pAtOrBelow - pBelow;
  const at = posAt + negAt;
  return { auc: a, precision: (posAbove + (at > 0 ? ((kk - above) * posAt) / at : 0)) / kk };
}

/** #{p > v} + #{p = v} / 2 over the sorted positives. O(log |P|). */
function positivesAbove(pos: Float64Array, v: number): number {
  const below = affineBelow(pos, 1, 0, v, false);
  const atOrBelow = affineBelow(pos, 1, 0, v, true);
  return pos.length - atOrBelow + 0.5 * (atOrBelow - below);
}

/** The index of the first NaN in ascending `sorted` (NaN sorts last), or its length. O(log n). */
function firstNaN(sorted: Float64Array): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === sorted[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sum over the listed negatives (ascending, NaN from `finite` on) of #{p > v} + #{p = v} / 2 over the
 * sorted positives: one merge (two pointers: #{p < v} and #{p <= v} only grow with v). Each term is
 * a whole number or a half and the sum stays far below 2^53, so it is exact in any order. A NaN
 * negative counts every positive (as the binary search it replaces did). O(|N| + |P|).
 */
function listedPairsBelow(pos: Float64Array, neg: Float64Array, finite: number): number {
  const nP = pos.length;
  let total = nP * (neg.length - finite);
  let lo = 0;
  let hi = 0;
  for (let t = 0; t < finite; t++) {
    const v = neg[t];
    while (lo < nP && pos[lo] < v) lo++;
    if (hi < lo) hi = lo;
    while (hi < nP && pos[hi] <= v) hi++;
    total += nP - hi + 0.5 * (hi - lo);
  }
  return total;
}

/** Sum over the sorted positives of #{s < p} + #{s = p} / 2 over the sorted negatives s = scale x + offset. O(|P| log |S|). */
function sortedPairsBelow(pos: Float64Array, sorted: Float64Array, scale: number, offset: number): number {
  let total = 0;
  for (let i = 0; i < pos.length; i++) {
    const below = affineBelow(sorted, scale, offset, pos[i], false);
    total += below + 0.5 * (affineBelow(sorted, scale, offset, pos[i], true) - below);
  }
  return total;
}

/**
 * The kk largest negatives, ascending: the tail of the listed ones (sorted; with NaN among them and
 * kk up to 4096, kept in a small sorted buffer while scanning, as before the sort); and of the sorted
 * ones (their tail, as scores).
 */
function largestNegatives(
  neg: Float64Array,
  finite: number,
  kk: number,
  sorted: Float64Array,
  scale: number,
  offset: number,
): Float64Array {
  const nN = neg.length;
  const nS = sorted.length;
  // The sorted tail, unless a NaN (sorted last) would be read there by a small kk.
  let top = finite === nN || kk > 4096 ? neg.subarray(nN - Math.min(kk, nN)) : bufferLargest(neg, Math.min(kk, nN));
  if (nS > 0) {
    // The largest of the sorted negatives are its tail.
    const both = new Float64Array(top.length + Math.min(kk, nS));
    both.set(top);
    for (let t = nS - Math.min(kk, nS), at = top.length; t < nS; t++) both[at++] = scale * sorted[t] + offset;
    top = both.sort().subarray(Math.max(0, both.length - kk));
  }
  return top;
}

/** The `cap` largest values, ascending, kept in a sorted buffer while scanning. O(n + cap^2) in the worst case. */
function bufferLargest(values: Float64Array, cap: number): Float64Array {
  const buf = new Float64Array(cap);
  let size = 0;
  for (let t = 0; t < values.length && cap > 0; t++) {
    const x = values[t];
    if (size < cap) {
      let q = size++;
      while (q > 0 && buf[q - 1] > x) {
        buf[q] = buf[q - 1];
        q--;
      }
      buf[q] = x;
    } else if (x > buf[0]) {
      // The smallest kept falls off the front; x goes in its place in order.
      let q = 0;
      while (q + 1 < cap && buf[q + 1] < x) {
        buf[q] = buf[q + 1];
        q++;
      }
      buf[q] = x;
    }
  }
  return buf;
}

/** The kk-th largest of the sorted positives, the largest negatives `top` (ascending) and the tied block, merging from the top. */
function kthLargest(pos: Float64Array, top: Float64Array, tied: number, tiedScore: number, kk: number): number {
  let i = pos.length - 1;
  let j = top.length - 1;
  let blockLeft = tied;
  let cut = NaN;
  for (let taken = 0; taken < kk;) {
    const p = i >= 0 ? pos[i] : -Infinity;
    const q = j >= 0 ? top[j] : -Infinity;
    if (blockLeft > 0 && tiedScore > p && tiedScore > q) {
      const take = Math.min(blockLeft, kk - taken);
      blockLeft -= take;
      taken += take;
      cut = tiedScore;
    } else if (j < 0 || (i >= 0 && p >= q)) {
      cut = pos[i--];
      taken++;
    } else {
      cut = top[j--];
      taken++;
    }
  }
  return cut;
}

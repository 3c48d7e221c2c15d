/**
 * Many periods: per-period network figures and, between consecutive periods, tie churn and people
 * joining and leaving.
 *
 * Periods come from tie times ({@link splitByPeriod}: calendar months or quarters in UTC, windows
 * of `windowDays` days from the first tie, or one period per distinct time, e.g. Viva MetricDates),
 * or are given as graphs. A person is present in a period when they have a tie in it.
 *
 * Per period (undirected view, pair value = summed weights): people present, tied pairs, density
 * 2m / (n(n-1)); with an attribute, the network E-I index (E - I) / (E + I) on tie counts
 * (Krackhardt & Stern 1988), the modularity Q of the attribute's groups (Newman 2006) and the
 * gaps `groupGaps` declares (its null model, Monte Carlo p, BH q); without one, Q of Louvain communities. Top brokers: highest
 * betweenness (Brandes 2001). Key-person risk: the KPP-Neg set of 3 (Borgatti 2006) and the
 * fragmentation F left by removing it.
 *
 * Churn from period t-1 to t, on pairs {i, j} with values w0 (t-1) and w1 (t):
 *   gained: w0 = 0 < w1; lost: w0 > 0 = w1;
 *   strengthened: w1 >= r * w0 > 0; weakened: 0 < w1 <= w0 / r  (r = `changeRatio`, default 1.5)
 *   joined: present in t, not in t-1; left: present in t-1, not in t.
 * By group pair (with an attribute): the same four counts per unordered pair of groups.
 * These are descriptive counts, not tests: a tie gained or lost is not called significant.
 * Complexity: per period O(n m) (betweenness) plus the key-player search; churn O(m).
 * Reference: docs/recommend.md ("Timeline"); Kossinets & Watts (2006) on tie churn in e-mail networks.
 */
import { definedOnly } from '../core/util/options.js';
import { appliedMinGroupSize, OTHER_GROUP, smallGroupMerge, type SmallGroupNote } from '../core/groups/min-group-size.js';
import { OrgraphError } from '../model/errors.js';
import { OrgGraphBuilder, type OrgGraph, type Tie } from '../model/org-graph.js';
import { project, type OrgView } from '../model/projection.js';
import { betweennessSync } from '../metrics/centrality/betweenness.js';
import { keyPlayersNeg } from '../metrics/brokerage/key-players.js';
import { density } from '../metrics/silos/density.js';
import { eiIndex } from '../metrics/silos/ei-index.js';
import { groupPartition } from '../metrics/silos/groups.js';
import { modularity } from '../metrics/silos/modularity.js';
import { louvain } from '../metrics/silos/communities.js';
import { groupGaps } from './group-gaps.js';

export type TimelinePeriod = 'month' | 'quarter' | 'window' | 'date';

export interface SplitOptions {
  /** @defaultValue 'month' */
  readonly period?: TimelinePeriod;
  /** Length of a 'window' period in days, counted from the first tie's day. @defaultValue 28 */
  readonly windowDays?: number;
}

export const DEFAULT_SPLIT_OPTIONS = Object.freeze({ period: 'month' as TimelinePeriod, windowDays: 28 });

/** One period's graph: its people (those with a tie in it) and its ties. */
export interface PeriodGraph {
  readonly label: string;
  /** Start (inclusive) and end (exclusive), epoch ms; NaN when not known. */
  readonly from: number;
  readonly to: number;
  readonly graph: OrgGraph;
}

const DAY_MS = 86400000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Split a graph whose ties have times into one graph per period. Ties without a time are refused
 * (`E_BAD_TIMESTAMP`, with their count): a timeline needs every tie placed in time.
 */
export function splitByPeriod(graph: OrgGraph, options: SplitOptions = {}): PeriodGraph[] {
  const o = { ...DEFAULT_SPLIT_OPTIONS, ...definedOnly(options) };
  if (!['month', 'quarter', 'window', 'date'].includes(o.period))
    throw new OrgraphError('E_BAD_OPTION', `period must be month, quarter, window or date, got ${JSON.stringify(o.period)}`, {
      field: 'period',
    });
  if (!(Number.isInteger(o.windowDays) && o.windowDays >= 1))
    throw new OrgraphError('E_BAD_OPTION', `windowDays must be a whole number >= 1, got ${o.windowDays}`, { field: 'windowDays' });
  const ties = [...graph.ties()];
  const untimed = ties.filter((t) => t.time === undefined).length;
  if (untimed > 0)
    throw new OrgraphError(
      'E_BAD_TIMESTAMP',
      `${untimed} of ${ties.length} ties have no time: a timeline needs a time on every tie (a time column, Viva MetricDate, or an event log)`,
      { field: 'time' },
    );
  if (ties.length === 0) return [];
  let first = Infinity;
  for (const t of ties) first = Math.min(first, t.time!);
  const startOfDay = Math.floor(first / DAY_MS) * DAY_MS;
  const bucket = (ms: number): { key: number; label: string; from: number; to: number } => {
    const d = new Date(ms);
    if (o.period === 'date') return { key: ms, label: ms % DAY_MS === 0 ? iso(ms) : new Date(ms).toISOString(), from: ms, to: NaN };
    if (o.period === 'window') {
      const k = Math.floor((ms - startOfDay) / (o.windowDays * DAY_MS));
      const from = startOfDay + k * o.windowDays * DAY_MS;
      return { key: from, label: `${iso(from)}..${iso(from + (o.windowDays - 1) * DAY_MS)}`, from, to: from + o.windowDays * DAY_MS };
    }
    const y = d.getUTCFullYear();
    const m = o.period === 'month' ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / 3) * 3;
    const from = Date.UTC(y, m, 1);
    const to = Date.UTC(y, m + (o.period === 'month' ? 1 : 3), 1);
    return { key: from, label: o.period === 'month' ? iso(from).slice(0, 7) : `${y}-Q${m / 3 + 1}`, from, to };
  };
  const groups = new Map<number, { label: string; from: number; to: number; ties: Tie[] }>();
  for (const t of ties) {
    const b = bucket(t.time!);
    let g = groups.get(b.key);
    if (!g) groups.set(b.key, (g = { label: b.label, from: b.from, to: b.to, ties: [] }));
    g.ties.push(t);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b);
  if (o.period === 'date') keys.forEach((k, i) => (groups.get(k)!.to = i + 1 < keys.length ? keys[i + 1] : NaN));
  return keys.map((k) => {
    const g = groups.get(k)!;
    return { label: g.label, from: g.from, to: g.to, graph: subgraph(graph, g.ties) };
  });
}

/** The graph of some ties of `graph`: the people they touch (attributes kept) and those ties. */
function subgraph(graph: OrgGraph, ties: readonly Tie[]): OrgGraph {
  const b = new OrgGraphBuilder();
  b.declareAttributes(graph.attributeNames);
  const present = new Set<string>();
  for (const t of ties) present.add(t.source).add(t.target);
  const cols = graph.attributeNames.map((n) => [n, graph.attribute(n)] as const);
  graph.personIds.forEach((id, i) => {
    if (!present.has(id)) return;
    b.addPerson(id, Object.fromEntries(cols.map(([n, c]) => [n, c[i]])), graph.isExternal(i));
  });
  for (const r of graph.relations) b.relation(r.name, r.directed);
  for (const t of ties) b.addTie(b.indexOf(t.source), b.indexOf(t.target), t.weight, t.relation, t.time);
  return b.build();
}

export interface TimelineOptions {
  /** Attribute of the groups (E-I, modularity, gaps, churn by group pair). @defaultValue null */
  readonly attribute?: string | null;
  /** Relations read; null = all. @defaultValue null */
  readonly relations?: readonly string[] | null;
  /** Brokers listed per period. @defaultValue 3 */
  readonly topBrokers?: number;
  /** Ratio r of the strengthened / weakened rule. @defaultValue 1.5 */
  readonly changeRatio?: number;
  /** Declared gaps listed per period (0 = skip the gap test, the slowest step). @defaultValue 3 */
  readonly gaps?: number;
  /** Seed of every randomised step. @defaultValue 1 */
  readonly seed?: number;
  /**
   * Smallest group shown (docs/privacy.md), applied in every period (E-I, modularity, gaps) and to
   * the churn by group pair (groups over the people of the two periods); smaller groups are merged
   * into "Other (small groups)" with complementary suppression. 1 opts out.
   * @defaultValue the size already applied to the graph by the report's `privateGraph`, else 5
   */
  readonly minGroupSize?: number;
}

export const DEFAULT_TIMELINE_OPTIONS = Object.freeze({
  attribute: null as string | null,
  relations: null as readonly string[] | null,
  topBrokers: 3,
  changeRatio: 1.5,
  gaps: 3,
  seed: 1,
});

interface ResolvedTimeline {
  readonly attribute: string | null;
  readonly relations: readonly string[] | null;
  readonly topBrokers: number;
  readonly changeRatio: number;
  readonly gaps: number;
  readonly seed: number;
  readonly minGroupSize?: number;
}

export interface PeriodFigures {
  readonly label: string;
  readonly people: number;
  /** Tied pairs (undirected). */
  readonly ties: number;
  readonly density: number;
  /** Network E-I on tie counts; null without an attribute. */
  readonly ei: number | null;
  /** Q of the attribute's groups, or of Louvain communities without an attribute. */
  readonly modularity: number;
  readonly modularityOf: 'attribute' | 'communities';
  readonly topBrokers: readonly { readonly id: string; readonly betweenness: number }[];
  /** KPP-Neg set and the fragmentation F after removing it; null below 5 people. */
  readonly keyPersonRisk: { readonly ids: readonly string[]; readonly fragmentation: number } | null;
  /**
   * The gaps `groupGaps` declares in this period (between-group pairs with fewer ties than its null
   * model, q <= alpha after Benjamini-Hochberg), lowest q first; empty when none is significant.
   */
  readonly gaps: readonly {
    readonly groupA: string;
    readonly groupB: string;
    readonly observed: number;
    readonly expected: number;
    readonly z: number;
    readonly p: number;
    readonly q: number;
  }[];
  /**
   * What the minimum group size merged in this period (counts of groups, never of people); null
   * without an attribute or in a period without people.
   */
  readonly privacy: SmallGroupNote | null;
}

export interface ChurnCounts {
  gained: number;
  lost: number;
  strengthened: number;
  weakened: number;
}

export interface PeriodChurn extends Readonly<ChurnCounts> {
  readonly from: string;
  readonly to: string;
  /** Tied pairs in both periods whose value moved less than the ratio. */
  readonly steady: number;
  readonly joined: readonly string[];
  readonly left: readonly string[];
  /** Per unordered group pair (a <= b), only pairs with some churn; empty without an attribute. */
  readonly byGroups: readonly ({ readonly groupA: string; readonly groupB: string } & Readonly<ChurnCounts>)[];
  /**
   * What the minimum group size merged among the people of the two periods, for `byGroups` (counts
   * of groups, never of people); null without an attribute.
   */
  readonly privacy: SmallGroupNote | null;
}

export interface TimelineResult {
  readonly attribute: string | null;
  readonly periods: readonly PeriodFigures[];
  readonly churn: readonly PeriodChurn[];
}

/**
 * Figures per period and churn between consecutive periods.
 * @example
 * const periods = splitByPeriod(graph, { period: 'month' });
 * const t = timeline(periods, { attribute: 'department' });
 * t.churn[0].gained // ties new in the second month
 */
export function timeline(periods: readonly PeriodGraph[], options: TimelineOptions = {}): TimelineResult {
  const o: ResolvedTimeline = { ...DEFAULT_TIMELINE_OPTIONS, ...definedOnly(options) };
  if (!(o.changeRatio > 1))
    throw new OrgraphError('E_BAD_OPTION', `changeRatio must be > 1, got ${o.changeRatio}`, { field: 'changeRatio' });
  const views = periods.map((p) => project(p.graph, { relations: o.relations, directed: false, weighted: true }));
  const figures = periods.map((p, i) => periodFigures(p.label, views[i], o));
  const churn: PeriodChurn[] = [];
  for (let i = 1; i < periods.length; i++) churn.push(periodChurn(periods[i - 1], views[i - 1], periods[i], views[i], o));
  return { attribute: o.attribute, periods: figures, churn };
}

function periodFigures(label: string, view: OrgView, o: ResolvedTimeline): PeriodFigures {
  const n = view.personIds.length;
  let m = 0;
  for (let i = 0; i < n; i++) for (let e = view.csr.offsets[i]; e < view.csr.offsets[i + 1]; e++) if (view.csr.targets[e] > i) m++;
  const attr = o.attribute ?? null;
  const partition = attr !== null && n > 0 ? groupPartition(view, attr, { minGroupSize: o.minGroupSize }) : null;
  const ei = partition ? eiIndex(view, partition, { permutations: 0 }).network.value : null;
  let q: number;
  let of: 'attribute' | 'communities' = 'attribute';
  if (partition) q = m > 0 ? modularity(view, partition) : NaN;
  else {
    of = 'communities';
    q = m > 0 ? louvain(view, { seed: o.seed }).modularity : NaN;
  }
  const bt = n > 0 ? betweennessSync(view) : null;
  const top = bt
    ? bt
        .top(o.topBrokers)
        .filter((r) => r.value > 0)
        .map((r) => ({ id: r.id, betweenness: r.value }))
    : [];
  const kp = n >= 5 ? keyPlayersNeg(view, { k: 3, seed: o.seed, restarts: 2 }) : null;
  let gaps: PeriodFigures['gaps'] = [];
  if (attr !== null && o.gaps > 0 && m > 0 && partition && partition.names.length > 1) {
    const g = groupGaps(view, { attribute: attr, seed: o.seed, minGroupSize: o.minGroupSize });
    gaps = g.staff.gaps.slice(0, o.gaps).map((x) => ({
      groupA: x.groupA,
      groupB: x.groupB,
      observed: x.observedTies,
      expected: x.expectedTies,
      z: x.z,
      p: x.pValue,
      q: x.qValue,
    }));
  }
  return {
    label,
    people: n,
    ties: m,
    density: n > 1 ? density(view) : NaN,
    ei,
    modularity: q,
    modularityOf: of,
    topBrokers: top,
    keyPersonRisk: kp ? { ids: kp.ids, fragmentation: kp.objective } : null,
    gaps,
    privacy: partition?.privacy ?? null,
  };
}

/** Undirected pair values of a view keyed "idA\u0000idB" (idA < idB). */
function pairValues(view: OrgView): Map<string, number> {
  const out = new Map<string, number>();
  const { offsets, targets, weights } = view.csr;
  for (let i = 0; i < view.personIds.length; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      if (j <= i) continue;
      const [a, b] = [view.personIds[i], view.personIds[j]].sort();
      out.set(`${a}\u0000${b}`, weights[e]);
    }
  }
  return out;
}

function periodChurn(p0: PeriodGraph, v0: OrgView, p1: PeriodGraph, v1: OrgView, o: ResolvedTimeline): PeriodChurn {
  const w0 = pairValues(v0);
  const w1 = pairValues(v1);
  const total: ChurnCounts = { gained: 0, lost: 0, strengthened: 0, weakened: 0 };
  let steady = 0;
  const attr = o.attribute ?? null;
  const groupOf = (id: string): string => {
    if (attr === null) return '';
    for (const g of [p1.graph, p0.graph]) {
      const i = g.indexOf(id);
      if (i >= 0 && g.attributeNames.includes(attr)) {
        const v = g.attribute(attr)[i];
        if (v !== null && v !== '') return v;
      }
    }
    return '(missing)';
  };
  // Privacy: groups of the people of both periods under the minimum size merge (shared rule).
  const shown = new Map<string, string | null>();
  let privacy: SmallGroupNote | null = null;
  if (attr !== null) {
    const people = [...new Set([...v0.personIds, ...v1.personIds])];
    const of = people.map(groupOf);
    const names = [...new Set(of)];
    const at = new Map(names.map((x, g) => [x, g]));
    const sizes = new Array<number>(names.length).fill(0);
    for (const x of of) sizes[at.get(x)!]++;
    const k = o.minGroupSize ?? appliedMinGroupSize(p0.graph, attr);
    const other = at.get(OTHER_GROUP);
    const rule = smallGroupMerge(sizes, k, {
      forced: other === undefined ? null : [other],
      tieBreak: (a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0),
    });
    names.forEach((x, g) => shown.set(x, rule.merged[g] ? (rule.note.allGroupsWithheld ? null : OTHER_GROUP) : x));
    privacy = rule.note;
  }
  const byGroup = new Map<string, ChurnCounts>();
  const count = (key: string, what: keyof ChurnCounts): void => {
    total[what]++;
    if (attr === null) return;
    const [a, b] = key.split('\u0000');
    const [ga, gb] = [shown.get(groupOf(a)) ?? null, shown.get(groupOf(b)) ?? null];
    if (ga === null || gb === null) return; // all groups withheld
    const k = ga < gb ? `${ga}\u0000${gb}` : `${gb}\u0000${ga}`;
    const c = byGroup.get(k) ?? { gained: 0, lost: 0, strengthened: 0, weakened: 0 };
    c[what]++;
    byGroup.set(k, c);
  };
  for (const [k, a] of w0) {
    const b = w1.get(k);
    if (b === undefined) count(k, 'lost');
    else if (b >= o.changeRatio * a) count(k, 'strengthened');
    else if (b <= a / o.changeRatio) count(k, 'weakened');
    else steady++;
  }
  for (const k of w1.keys()) if (!w0.has(k)) count(k, 'gained');
  const in0 = new Set(v0.personIds);
  const in1 = new Set(v1.personIds);
  return {
    from: p0.label,
    to: p1.label,
    ...total,
    steady,
    joined: v1.personIds.filter((id) => !in0.has(id)),
    left: v0.personIds.filter((id) => !in1.has(id)),
    byGroups: [...byGroup]
      .map(([k, c]) => {
        const [groupA, groupB] = k.split('\u0000');
        return { groupA, groupB, ...c };
      })
      .sort((x, y) => (x.groupA < y.groupA ? -1 : x.groupA > y.groupA ? 1 : x.groupB < y.groupB ? -1 : x.groupB > y.groupB ? 1 : 0)),
    privacy,
  };
}

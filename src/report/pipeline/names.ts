/**
 * Display names and reasons for the report pipeline
 * Which attribute names people (`label`, default `name` when present, never under pseudonyms), each
 * person's name by view index, the mid-rank percentile used in reasons and tooltips, and the
 * structured reasons of the rankings with their English rendering.
 * Reference: Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American
 * Statistician 50(4), 361-365 (mid-rank percentile).
 */
import type { AnalysisContext } from './context.js';
import { fmt } from './format.js';
import type { Reason } from './types.js';

/** Default display-name attribute, used when the graph has it and no `label` is given. */
export const DEFAULT_LABEL = 'name';

/**
 * Each view person's display name (index i = view person i), or null when names are not shown: no
 * label attribute, `label: null`, or pseudonyms (names identify people as ids do). An explicit label
 * the graph lacks throws `E_UNKNOWN_ATTRIBUTE` (unless pseudonymised: then it is not read at all).
 * Empty names, and names equal to the id (they add nothing beside it), are null. Complexity: O(n).
 */
export function displayNames(ctx: AnalysisContext): readonly (string | null)[] | null {
  if (ctx.safe.note.pseudonymized) return null;
  const given = ctx.options.label;
  const label = given === undefined ? (ctx.graph.hasAttribute(DEFAULT_LABEL) ? DEFAULT_LABEL : null) : given;
  if (label === null) return null;
  const col = ctx.graph.attribute(label);
  const names: (string | null)[] = new Array<string | null>(ctx.n);
  for (let i = 0; i < ctx.n; i++) {
    const v = col[ctx.view.personIndex[i]];
    names[i] = v === null || v.trim() === '' || v === ctx.ids[i] ? null : v;
  }
  return names;
}

/**
 * Mid-rank percentile of each value among the finite ones, in [0, 1]:
 *
 *   pct(i) = (#{j : x_j < x_i} + (#{j : x_j = x_i} - 1) / 2) / (m - 1)   over the m finite values
 *
 * (1 for the single largest, 0 for the single smallest; ties share their mean rank); null for a
 * non-finite value, and 1 when there is only one finite value. Complexity: O(n log n).
 * @example
 * midRankPercentiles(Float64Array.from([1, 2, 2, 3])); // [0, 0.5, 0.5, 1]
 */
export function midRankPercentiles(values: ArrayLike<number>): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) idx.push(i);
  idx.sort((a, b) => values[a] - values[b]);
  const out: (number | null)[] = new Array<number | null>(values.length).fill(null);
  const m = idx.length;
  for (let s = 0; s < m;) {
    let e = s;
    while (e + 1 < m && values[idx[e + 1]] === values[idx[s]]) e++;
    const pct = m === 1 ? 1 : (s + (e - s) / 2) / (m - 1);
    for (let k = s; k <= e; k++) out[idx[k]] = pct;
    s = e + 1;
  }
  return out;
}

/** A share as a whole percentage ("41%"), one decimal below 1%. */
export function pct(x: number): string {
  const v = 100 * x;
  return `${v > 0 && v < 1 ? v.toFixed(1) : Math.round(v).toString()}%`;
}

type Person = { readonly id: string; readonly name: string | null };

/**
 * Broker: share of shortest routes through them, their rank among everyone, their contacts, and
 * the groups they connect (their own and the other groups most of their contacts are in, at most
 * three, most contacts first; `reached` is empty without groups).
 */
export function brokerReason(
  p: Person,
  share: number,
  percentile: number | null,
  contacts: number,
  constraint: number | null,
  own: string | null = null,
  reached: readonly string[] = [],
): Reason {
  const rank = percentile === null ? '' : ` (more than ${pct(percentile)} of people)`;
  const open = constraint !== null && constraint < 0.5 ? ', many of whom are not in touch with each other' : '';
  const bridge = reached.length === 0 ? '' : `; connects ${own ?? 'their contacts'} with ${listOf(reached)}`;
  return {
    kind: 'broker',
    figures: { share, percentile, contacts, constraint },
    people: [p],
    groups: own === null ? [...reached] : [own, ...reached],
    text: `${pct(share)} of the shortest routes between two colleagues pass through them${rank}; ${fmt(contacts)} contacts${open}${bridge}`,
  };
}

/** "A", "A and B", "A, B and C". */
function listOf(xs: readonly string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Gatekeeper: outsider-to-colleague chains through them, against chance. */
export function gatekeeperReason(p: Person, group: string | null, chains: number, z: number | null): Reason {
  const chance = z === null ? '' : z >= 2 ? `, far more than chance would give (z = ${fmt(z)})` : ` (z = ${fmt(z)} against chance)`;
  return {
    kind: 'gatekeeper',
    figures: { chains, z },
    people: [p],
    groups: group === null ? [] : [group],
    text: `brings outside contacts into ${group ?? 'their group'}: ${fmt(chains)} outsider-to-colleague chains run through them${chance}`,
  };
}

/** Cut point: the network splits into more parts without them. */
export function cutReason(p: Person, partsAfter: number, partsNow: number, change: number): Reason {
  return {
    kind: 'cutPoint',
    figures: { partsAfter, partsNow, fragmentationChange: change },
    people: [p],
    groups: [],
    text: `if they left, the network would split into ${partsAfter} separate parts (now ${partsNow}): some colleagues could no longer reach the rest`,
  };
}

/** Sole link: the only person tying their group to other groups. */
export function soleLinkReason(p: Person, from: string, to: readonly string[]): Reason {
  return {
    kind: 'soleLink',
    figures: { groups: to.length },
    people: [p],
    groups: [from, ...to],
    text: `the only link from ${from} to ${to.join(', ')}`,
  };
}

/** A person in a reason: "Name (id)", or the id alone. */
function label(p: Person): string {
  return p.name ? `${p.name} (${p.id})` : p.id;
}

/** Introduction: mutual contacts, who can introduce, and the route the new tie shortens. */
export function introductionReason(
  a: Person,
  b: Person,
  by: Person | null,
  mutual: number,
  hopsBefore: number,
  groups: readonly [string, string],
): Reason {
  const m =
    mutual > 0
      ? `${label(a)} and ${label(b)} share ${fmt(mutual)} mutual ${mutual === 1 ? 'contact' : 'contacts'}`
      : `${label(a)} and ${label(b)} have no mutual contact`;
  return {
    kind: 'introduction',
    figures: { mutualContacts: mutual, hopsBefore, hopsAfter: 1 },
    people: by ? [a, b, by] : [a, b],
    groups: [...groups],
    text: `${m}${by ? `; ${label(by)} can introduce them` : ''}; the shortest route between them goes from ${fmt(hopsBefore)} steps to 1`,
  };
}

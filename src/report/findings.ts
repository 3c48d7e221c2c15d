/**
 * Key findings
 * Three to five things to act on, read from an {@link AnalysisResult}: the most significant gap
 * between groups, the most closed group, the main broker and the people whose departure would cut
 * colleagues off. Each finding is structured data (kind, figures, people, groups, the report section
 * it comes from) with one English sentence as a rendering of it, so that an app can show or
 * translate it and a test can check the sentence against its figures. The report's first screen and
 * `orgraph analyze` in the terminal print the same findings.
 * Reference: Cross, R. & Parker, A. (2004). The Hidden Power of Social Networks (the questions an
 * HR partner asks of a network); Benjamini, Y. & Hochberg, Y. (1995) for the q-values quoted.
 */
import type { AnalysisResult } from './analysis.js';
import { fmt } from './analysis.js';
import { OTHER_GROUP } from './privacy.js';

/** A person as a finding names them: the id, and the display name when the data has one (never under pseudonyms). */
export interface FindingPerson {
  /** The person's id (a pseudonym when the run was pseudonymised). */
  readonly id: string;
  /** The person's display name from the label column; null when there is none (or under pseudonyms). */
  readonly name: string | null;
}

/** What a finding is about; an app picks its own wording per kind. */
export type FindingKind = 'gap' | 'noGap' | 'silo' | 'noSilo' | 'broker' | 'cutPoints' | 'keyPlayers' | 'noGroups';

/** One key finding: structured figures, and one English sentence that renders them. */
export interface KeyFinding {
  /** Stable id, unique within a result (e.g. 'gap', 'silo', 'broker'). */
  readonly id: string;
  /** What the finding is about ({@link FindingKind}); several findings can share a kind. */
  readonly kind: FindingKind;
  /** Report section the finding comes from (an id of `REPORT_SECTIONS`), for a link. */
  readonly section: string;
  /** The figures behind the sentence (null = undefined); the sentence shows each one rounded. */
  readonly figures: Readonly<Record<string, number | null>>;
  /** People named, in the sentence's order. */
  readonly people: readonly FindingPerson[];
  /** Groups named, in the sentence's order. */
  readonly groups: readonly string[];
  /** The finding in plain English (one rendering of the fields above). */
  readonly sentence: string;
}

/** Options of {@link keyFindings}. */
export interface KeyFindingsOptions {
  /** Most findings returned. @defaultValue 5 */
  readonly max?: number;
  /** Largest q-value called significant (false discovery rate). @defaultValue 0.05 */
  readonly alpha?: number;
}

/** Defaults of {@link KeyFindingsOptions}. */
export const DEFAULT_KEY_FINDINGS_OPTIONS = Object.freeze({ max: 5, alpha: 0.05 });

/**
 * A person for reading: "Name (id)" when there is a name, else the id.
 * @example
 * personLabel({ id: '7', name: 'Ana Lima' }); // 'Ana Lima (7)'
 */
export function personLabel(p: FindingPerson): string {
  return p.name ? `${p.name} (${p.id})` : p.id;
}

/** A share in [0, 1] as a whole percentage ("41%"); below 1% with one decimal. */
export function percent(x: number): string {
  const v = 100 * x;
  return `${v > 0 && v < 1 ? v.toFixed(1) : Math.round(v).toString()}%`;
}

/**
 * The key findings of a result, most actionable first: (1) the most significant gap between two
 * groups (fewer ties than chance; its q-value), or that no gap is significant; (2) the most closed
 * group when its E-I index differs from random mixing at the false discovery rate `alpha` and its
 * silo score is above 0.5, or that no group is; (3) the main broker (share of shortest paths between
 * others through them, normalised betweenness; the sampling error bound when it is approximate);
 * (4) key-person risk: the set of three whose joint departure fragments the network most (KPP-Neg),
 * else the cut points. Person findings are left out in groups-only mode; group findings say so when
 * there are no groups. Never more than `max` findings; always at least one for a non-empty result.
 *
 * Complexity: O(people + groups + gaps).
 * @example
 * const findings = keyFindings(await analysis(graph, { group: 'department' }));
 * findings[0].sentence; // 'Sales and R&D are tied 3 times where 11.2 would be expected ...'
 */
export function keyFindings(r: AnalysisResult, options: KeyFindingsOptions = {}): KeyFinding[] {
  const max = options.max ?? DEFAULT_KEY_FINDINGS_OPTIONS.max;
  const alpha = options.alpha ?? DEFAULT_KEY_FINDINGS_OPTIONS.alpha;
  const names = new Map<string, string | null>();
  for (const p of r.people) names.set(p.id, p.name);
  const person = (id: string): FindingPerson => ({ id, name: names.get(id) ?? null });
  const out: KeyFinding[] = [];
  const hasGroups = r.options.group !== null && !r.privacy.allGroupsWithheld;

  // 1. Gaps between groups.
  if (!hasGroups) {
    out.push({
      id: 'groups',
      kind: 'noGroups',
      section: 'overview',
      figures: {},
      people: [],
      groups: [],
      sentence:
        r.options.group === null
          ? 'No group attribute was given, so silos and missing links between groups are not analysed.'
          : `All groups together have fewer than ${fmt(r.privacy.minGroupSize)} people, so no group is shown (privacy).`,
    });
  } else if (r.gaps.length > 0) {
    const g = r.gaps[0];
    const intro = r.introductions.filter(
      (x) => (x.groupA === g.groupA && x.groupB === g.groupB) || (x.groupA === g.groupB && x.groupB === g.groupA),
    ).length;
    const others = r.gaps.length - 1;
    out.push({
      id: 'gap',
      kind: 'gap',
      section: 'gaps',
      figures: { observed: g.observed, expected: g.expected, ratio: g.ratio, q: g.q, gaps: r.gaps.length, introductions: intro },
      people: [],
      groups: [g.groupA, g.groupB],
      sentence:
        `The clearest missing link${others > 0 ? ` of ${fmt(r.gaps.length)} significant gaps` : ''} is between ${groupName(g.groupA)} and ${groupName(g.groupB)}: ` +
        `${fmt(g.observed)} ${g.observed === 1 ? 'tie' : 'ties'} where ${fmtN(g.expected)} would be expected by chance (q = ${fmtN(g.q)}). ` +
        (intro > 0
          ? `${fmt(intro)} ${intro === 1 ? 'introduction is' : 'introductions are'} suggested to bridge it.`
          : 'No introduction could be suggested across it.'),
    });
  } else {
    out.push({
      id: 'gap',
      kind: 'noGap',
      section: 'gaps',
      figures: { alpha },
      people: [],
      groups: [],
      sentence: `No pair of groups has significantly fewer ties than chance would give (false discovery rate ${percent(alpha)}): nothing here calls for new links between groups.`,
    });
  }

  // 2. The most closed group.
  if (hasGroups && r.groups.length > 0) {
    const top = r.groups.find((g) => g.group !== OTHER_GROUP);
    const tested = r.groups.filter((g) => g.eiQ !== null).length;
    const significant = top && top.eiQ !== null && top.eiQ <= alpha && top.siloScore !== null && top.siloScore > 0.5;
    if (top && significant) {
      const total = top.internalTies + top.externalTies;
      const inside = total > 0 ? top.internalTies / total : 0;
      out.push({
        id: 'silo',
        kind: 'silo',
        section: 'silos',
        figures: { insideShare: inside, internalTies: top.internalTies, ties: total, siloScore: top.siloScore, q: top.eiQ },
        people: [],
        groups: [top.group],
        sentence: `The most closed group is ${groupName(top.group)}: ${percent(inside)} of its ties stay inside it (${fmt(top.internalTies)} of ${fmt(total)}; silo score ${fmtN(top.siloScore)}, q = ${fmtN(top.eiQ)} against random mixing).`,
      });
    } else {
      out.push({
        id: 'silo',
        kind: 'noSilo',
        section: 'silos',
        figures: { alpha, groups: tested },
        people: [],
        groups: [],
        sentence: `No group is significantly more closed than random mixing would make it (false discovery rate ${percent(alpha)}, ${fmt(tested)} ${tested === 1 ? 'group' : 'groups'} tested).`,
      });
    }
  }

  // 3. The main broker.
  if (!r.options.groupsOnly && r.brokers.length > 0) {
    const b = r.brokers[0];
    const approx = r.betweennessMethod.method === 'approximate';
    out.push({
      id: 'broker',
      kind: 'broker',
      section: 'brokers',
      figures: { share: b.value, epsilon: approx ? r.betweennessMethod.epsilon : null, people: r.overview.people },
      people: [person(b.id)],
      groups: b.group === null ? [] : [b.group],
      sentence:
        `The main broker is ${personInSentence(person(b.id))}${b.group === null ? '' : ` in ${groupName(b.group)}`}: ${percent(b.value)} of the shortest paths between two other people run through them` +
        `${approx && r.betweennessMethod.epsilon !== null ? ` (estimated within ${percent(r.betweennessMethod.epsilon)})` : ''}. Much of what passes between parts of the organisation depends on them.`,
    });
  }

  // 4. Key-person risk.
  if (!r.options.groupsOnly) {
    const k = r.risks.keyPlayers;
    if (k && k.fragmentation !== null && k.intact !== null) {
      const players = k.ids.map(person);
      out.push({
        id: 'risk',
        kind: 'keyPlayers',
        section: 'risks',
        figures: { intact: k.intact, fragmentation: k.fragmentation, cutPoints: r.risks.articulationPoints },
        people: players,
        groups: [],
        sentence: `If ${listOf(players.map(personInSentence))} left together, the network would split most: fragmentation would rise from ${fmt(k.intact)} to ${fmt(k.fragmentation)} (0 = everyone can reach everyone, 1 = no one can). ${fmt(r.risks.articulationPoints)} ${r.risks.articulationPoints === 1 ? 'person is a single point' : 'people are single points'} of failure.`,
      });
    } else if (r.risks.cutPeople.length > 0) {
      const c = r.risks.cutPeople[0];
      const cut = person(c.id);
      out.push({
        id: 'risk',
        kind: 'cutPoints',
        section: 'risks',
        figures: { cutPoints: r.risks.articulationPoints, fragmentationChange: c.value },
        people: [cut],
        groups: [],
        sentence: `${fmt(r.risks.articulationPoints)} ${r.risks.articulationPoints === 1 ? 'person is a single point' : 'people are single points'} of failure: without them some colleagues could no longer reach the rest. The largest risk is ${personInSentence(cut)} (fragmentation +${fmt(c.value)} if they left).`,
      });
    }
  }
  return out.slice(0, Math.max(1, max));
}

/** A group in a sentence: "group 69" when its name is only a code, else the name. */
function groupName(g: string): string {
  return /^\d+$/.test(g) ? `group ${g}` : g;
}

/**
 * A person in a finding's sentence: "Name (id)", or "person 136" when there is no name.
 * @example
 * personInSentence({ id: '136', name: null }); // 'person 136'
 */
export function personInSentence(p: FindingPerson): string {
  return p.name ? personLabel(p) : `person ${p.id}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function fmtN(x: number | null): string {
  return x === null ? '-' : fmt(x);
}

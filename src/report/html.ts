/**
 * Report HTML
 * Renders an {@link AnalysisResult} as one self-contained HTML page: every style and script
 * inlined (graphology and sigma.js included), a Content-Security-Policy that lets only those
 * scripts run and forbids every network request, and every piece of input text escaped.
 * Reference: W3C Content Security Policy Level 3 (hash sources); OWASP XSS Prevention Cheat Sheet.
 */
import { createHash } from 'node:crypto';
import type { AnalysisPrivacy, AnalysisResult, GapCell, RankedEntry, ScorecardRows } from './analysis.js';
import { fmt } from './analysis.js';
import { OTHER_GROUP } from './privacy.js';
import type { MapAssets } from './assets.js';
import { escapeHtml as e, inlineScript, scriptJson } from './escape.js';
import { MAP_SCRIPT } from './map-script.js';
import { reportCsvFiles } from './csv-files.js';
import { keyFindings, personLabel, type KeyFinding } from './findings.js';
import type { TimelineResult } from '../recommend/timeline.js';
import { timelineSection } from './timeline.js';

/** What a report says about where it came from, beyond the analysis itself. */
export interface ReportMeta {
  /** Page title. @defaultValue 'Organisational network report' */
  readonly title?: string;
  /** One line on the input (a folder name, or "withheld" under pseudonyms). */
  readonly source?: string;
  /** ISO date-time of the run; omitted when null (for byte-identical reports). */
  readonly generatedAt?: string | null;
  /** Versions of orgraph, Node and the inlined libraries. */
  readonly versions: Readonly<Record<string, string>>;
  /** Periods and churn (`timeline`): adds a timeline section when there are two or more periods. */
  readonly timeline?: TimelineResult | null;
  /** Embedded CSV downloads for Excel (UTF-8 byte-order mark). @defaultValue false */
  readonly excel?: boolean;
  /**
   * Sentences on what reading the input left out or repaired (rows dropped, items that made no tie
   * by the source's interaction model), listed in the method section. Counts only: no id or name.
   * @defaultValue []
   */
  readonly inputNotes?: readonly string[];
}

/** Ids of the sections every report has, in page order. */
export const REPORT_SECTIONS = Object.freeze([
  'findings',
  'overview',
  'map',
  'heatmap',
  'brokers',
  'gatekeepers',
  'risks',
  'silos',
  'gaps',
  'scorecard',
  'method',
]);

/** Largest heatmap drawn (largest groups first). */
export const HEATMAP_MAX_GROUPS = 30;

/** Largest CSV embedded in the page for download (characters); a larger one is only in the folder beside the report. */
export const EMBED_CSV_LIMIT = 8_000_000;
/** People above which people.csv is not even built for embedding (it would pass EMBED_CSV_LIMIT at about 100 bytes a row). */
const EMBED_PEOPLE_ROWS = 100_000;

/**
 * The report page.
 *
 * Sections (ids in {@link REPORT_SECTIONS}): overview, network map, group heatmap, brokers,
 * gatekeepers, key-person risks, silos, missing links and introductions, scorecard, method and
 * privacy. Each opens with a plain-language sentence saying what it shows, how it was computed and
 * the definition's reference. Person-level sections say so when the analysis is groups-only.
 *
 * Complexity: O(size of the result) plus the inlined libraries (about 260 kB).
 * @example
 * const html = reportHtml(result, mapAssets(), { versions: { orgraph: '0.1.0' } });
 */
export function reportHtml(result: AnalysisResult, assets: MapAssets, meta: ReportMeta): string {
  const title = meta.title ?? 'Organisational network report';
  const scripts = [inlineScript(assets.graphology), inlineScript(assets.sigma), inlineScript(MAP_SCRIPT)];
  const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "connect-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // people.csv is embedded only while it can fit under EMBED_CSV_LIMIT; a larger one is never built here
  // (at a million rows it is written beside the page, streamed, and the page says so).
  const embedPeople = result.people.length <= EMBED_PEOPLE_ROWS;
  const files: Map<string, string | null> = new Map(
    reportCsvFiles(result, { excel: meta.excel ?? false, heatmap: true, people: embedPeople }),
  );
  if (!embedPeople && !result.options.groupsOnly) files.set('people.csv', null);
  const dl = (name: string, what: string) => download(files, name, what);
  const body = [
    header(result, title, meta),
    findingsSection(result, keyFindings(result)),
    overview(result),
    mapSection(result),
    heatmap(result, dl),
    brokers(result, dl),
    gatekeepers(result, dl),
    risks(result, dl),
    silos(result, dl),
    gaps(result, dl),
    scorecard(result.scorecard, dl),
    timelineSection(meta.timeline),
    method(result, meta),
  ]
    .filter((s) => s !== '')
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to the key findings</a>
<main>
${body}
</main>
<script type="application/json" id="orgraph-map-data">${scriptJson(result.map)}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}

function header(r: AnalysisResult, title: string, meta: ReportMeta): string {
  const nav = REPORT_SECTIONS.map((id) => `<li><a href="#${id}">${e(SECTION_TITLES[id])}</a></li>`).join('');
  return `<header><h1>${e(title)}</h1>
<p class="lede">${fmt(r.overview.people)} people, ${fmt(r.overview.ties)} ties${r.options.group ? `, grouped by <code>${e(r.options.group)}</code>` : ''}${meta.source ? ` &middot; ${e(meta.source)}` : ''}${meta.generatedAt ? ` &middot; ${e(meta.generatedAt)}` : ''}</p>
<nav aria-label="Sections"><ul>${nav}</ul></nav></header>`;
}

const SECTION_TITLES: Readonly<Record<string, string>> = {
  findings: 'Key findings',
  overview: 'Overview',
  map: 'Network map',
  heatmap: 'Group heatmap',
  brokers: 'Brokers',
  gatekeepers: 'Gatekeepers',
  risks: 'Key-person risks',
  silos: 'Silos',
  gaps: 'Missing links',
  scorecard: 'Scorecard',
  method: 'Method and privacy',
};

/** A download link for one of the report's CSV files, embedded as a data: URL so the page alone is enough. */
type Download = (name: string, what: string) => string;

function download(files: ReadonlyMap<string, string | null>, name: string, what: string): string {
  const text = files.get(name);
  if (text === undefined) return '';
  if (text === null || text.length > EMBED_CSV_LIMIT)
    return `<p class="download note">${e(what)}: <code>${e(name)}</code> in the folder beside this report (too large to embed).</p>`;
  return `<p class="download"><a href="${e(csvDataUrl(text))}" download="${e(name)}" type="text/csv">Download ${e(what)} (${e(name)})</a></p>`;
}

/**
 * A CSV file as a data: URL. encodeURI leaves the CSV punctuation readable and encodes spaces,
 * line breaks, quotes, % and non-ASCII text (as UTF-8); # is encoded too (it would end the URL).
 */
export function csvDataUrl(text: string): string {
  let body: string;
  try {
    body = encodeURI(text).replace(/#/g, '%23');
  } catch {
    body = encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD')); // a lone surrogate cannot be encoded
  }
  return `data:text/csv;charset=utf-8,${body}`;
}

/** A table that scrolls sideways inside its own box on a narrow screen (focusable, so keyboard users can scroll it). */
function scrollBox(label: string, table: string): string {
  return `<div class="scroll" role="region" aria-label="${e(label)}" tabindex="0">${table}</div>`;
}

function findingsSection(r: AnalysisResult, findings: readonly KeyFinding[]): string {
  const items = findings
    .map(
      (f) =>
        `<li data-kind="${e(f.kind)}">${e(f.sentence)} <a href="#${e(f.section)}">${e(SECTION_TITLES[f.section] ?? f.section)}</a></li>`,
    )
    .join('');
  return section(
    'findings',
    `What to look at first, read from the figures below. Each point gives the figure behind it and, where it comes from a statistical test, its q-value (the expected share of false alarms among findings called significant; below 0.05 is the usual bar). The Method section says how each figure is computed.`,
    `<ol class="findings">${items}</ol>`,
  );
}

/** A person for a table cell: their name with the id beneath it, or the id alone. */
function personCell(x: { readonly id: string; readonly name: string | null }): string {
  return x.name ? `${e(x.name)} <small class="id">${e(x.id)}</small>` : e(x.id);
}

function section(id: string, explain: string, content: string): string {
  return `<section id="${id}"><h2>${e(SECTION_TITLES[id])}</h2>
<p class="explain">${explain}</p>
${content}</section>`;
}

function overview(r: AnalysisResult): string {
  const o = r.overview;
  const rows: [string, string][] = [
    ['People', fmt(o.people)],
    ['Ties', `${fmt(o.ties)} (${o.directed ? 'directed' : 'read as undirected'}; relations: ${o.relations.join(', ') || 'none'})`],
    ['Density', o.density === null ? '-' : fmt(o.density)],
    ['Connected parts', fmt(o.components)],
    [
      'Groups shown',
      r.options.group
        ? `${fmt(o.groups)}${o.peopleWithoutGroup > 0 ? ` (${fmt(o.peopleWithoutGroup)} people without a group)` : ''}`
        : 'none (no group attribute)',
    ],
    ['Communities found', `${fmt(o.communities)} (modularity ${o.modularity === null ? '-' : fmt(o.modularity)})`],
    ['E-I index of the whole network', o.ei === null ? '-' : fmt(o.ei)],
  ];
  return section(
    'overview',
    'The size and shape of the network: how many people and ties, how many of the possible ties exist (density), and how far groups talk among themselves rather than across (the E-I index runs from -1, every tie inside a group, to +1, every tie across groups). Communities are clusters of people more tied to each other than to the rest, found from the ties alone.',
    scrollBox(
      'Overview figures',
      `<table class="kv">${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>`,
    ),
  );
}

function mapSection(r: AnalysisResult): string {
  const m = r.map;
  const groupsOnly = m.kind === 'groups';
  const explain = groupsOnly
    ? 'Each circle is a group, sized by its number of people; a line joins two groups with ties between them. Hover over a group for its figures, or type its name in the search box. Person-level detail is switched off for this report (groups only).'
    : "Each dot is a person, placed with their group and coloured by group (or by the community found from the ties); larger dots are people more often on the shortest route between two colleagues. Hover over a dot for the person's key figures and how they rank; type a name or id in the search box to find someone.";
  const controls = `<div class="controls">
<label for="map-search">Search</label> <input id="map-search" type="search" placeholder="${groupsOnly ? 'group name' : 'name or id'}" autocomplete="off">
${groupsOnly ? '' : `<fieldset><legend>Colour by</legend><label><input type="radio" name="map-colour" value="group" checked> group</label> <label><input type="radio" name="map-colour" value="community"> community</label></fieldset>`}
<span id="map-status" role="status" aria-live="polite"></span>
</div>`;
  const note = m.sampleNote ? `<p class="note" id="map-sample-note">${e(m.sampleNote)}</p>` : '';
  return section(
    'map',
    explain,
    `${controls}${note}<div class="map-wrap"><div id="map-view" role="img" aria-label="${e(`Network map of ${fmt(m.shown)} ${groupsOnly ? 'groups' : 'people'} and ${fmt(m.tiesShown)} ties; the tables below list the same results`)}" data-expected-nodes="${m.shown}"></div><div id="map-tip" class="tip" role="status" aria-live="polite" hidden></div></div><ul id="map-legend" class="legend" aria-label="Colours"></ul>`,
  );
}

function heatColour(c: GapCell | null): string {
  if (!c || c.ratio === null) return '#f4f4f4';
  const t = Math.max(-2, Math.min(2, Math.log2(Math.max(c.ratio, 1e-3)))) / 2; // -1 .. 1
  // Red for fewer ties than expected, blue for more.
  const [r, g, b] = t < 0 ? [225, 87, 89] : [78, 121, 167];
  const a = 0.8 * Math.abs(t); // at most 80% strength: dark text stays readable (contrast >= 4.5)
  const mix = (x: number) => Math.round(255 + (x - 255) * a);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** The heatmap's colour scale: the ratio of observed to expected ties at five points, with their colours. */
function heatScale(): string {
  const stops = [0.25, 0.5, 1, 2, 4];
  const label = (x: number) => (x === 1 ? '1 (as expected)' : x < 1 ? `${x} (fewer)` : `${x} (more)`);
  return `<div class="heat-scale" role="img" aria-label="Colour scale: red cells have fewer ties than expected, white as expected, blue more">${stops
    .map((x) => `<span style="background:${heatColour({ observed: 0, expected: 1, ratio: x, z: null })}">${e(label(x))}</span>`)
    .join('')}</div>`;
}

function heatmap(r: AnalysisResult, dl: Download): string {
  const h = r.heatmap;
  const explain =
    'Ties between every pair of groups against the number expected if people kept their number of contacts but chose them regardless of group. Blue cells have more ties than expected, red fewer; the diagonal is ties inside each group. Hover over a cell for the counts.';
  if (!hasGroups(r)) return section('heatmap', explain, noGroups(r, 'No groups to compare'));
  const order = h.groups
    .map((_, a) => a)
    .sort((a, b) => h.sizes[b] - h.sizes[a] || a - b)
    .slice(0, HEATMAP_MAX_GROUPS);
  // The analysis already keeps only the largest groups' cells at scale (layout stage): count from the group table.
  const total = Math.max(h.groups.length, r.groups.length);
  const note =
    total > HEATMAP_MAX_GROUPS
      ? `<p class="note">The ${HEATMAP_MAX_GROUPS} largest of ${total.toLocaleString('en')} groups are shown; groups.csv and gaps.csv cover all.</p>`
      : '';
  const head = `<tr><td class="corner"></td>${order.map((b) => `<th scope="col" class="col"><span>${e(h.groups[b])}</span></th>`).join('')}</tr>`;
  const rows = order
    .map((a) => {
      const cells = order
        .map((b) => {
          const c = h.cells[a][b];
          const tipText = c
            ? `${h.groups[a]} - ${h.groups[b]}: ${c.observed} ties, ${c.expected === null ? '-' : fmt(c.expected)} expected, ratio ${c.ratio === null ? '-' : fmt(c.ratio)}`
            : '';
          return `<td style="background:${heatColour(c)}" title="${e(tipText)}">${c && c.ratio !== null ? e(fmt(c.ratio)) : ''}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${e(h.groups[a])} <small>(${fmt(h.sizes[a])})</small></th>${cells}</tr>`;
    })
    .join('\n');
  return section(
    'heatmap',
    explain,
    `${note}${heatScale()}${scrollBox('Group heatmap', `<table class="heat"><caption class="sr">Observed over expected ties between groups</caption>${head}${rows}</table>`)}<p class="note">Numbers are observed / expected ties: 1 = as expected, 0.5 = half, 2 = twice.</p>${dl('heatmap.csv', 'the heatmap')}`,
  );
}

function personList(r: AnalysisResult, entries: readonly RankedEntry[], valueName: string, empty: string, caption: string): string {
  if (r.options.groupsOnly) return '<p class="empty">Person-level results are switched off for this report (groups only).</p>';
  if (entries.length === 0) return `<p class="empty">${e(empty)}</p>`;
  return scrollBox(
    caption,
    `<table class="list"><caption class="sr">${e(caption)}</caption><tr><th scope="col">#</th><th scope="col">Person</th><th scope="col">Group</th><th scope="col">${e(valueName)}</th><th scope="col">Why it matters</th></tr>${entries
      .map(
        (x, k) =>
          `<tr><td>${k + 1}</td><td>${personCell(x)}</td><td>${e(x.group ?? '-')}</td><td class="num">${e(fmt(x.value))}</td><td>${e(x.detail)}</td></tr>`,
      )
      .join('')}</table>`,
  );
}

function brokers(r: AnalysisResult, dl: Download): string {
  const approx =
    r.betweennessMethod.method === 'approximate'
      ? ' On a network this size the share is estimated from a sample of routes (see Method).'
      : '';
  return section(
    'brokers',
    `The people most often on the shortest route between two colleagues: what passes between parts of the organisation tends to go through them, so they can speed it up or hold it back, and their departure would lengthen many routes. The figure is the share of all shortest routes between two other people that pass through them.${approx} Their contacts are often not in touch with one another, which is what makes them bridges.`,
    personList(r, r.brokers, 'Share of routes', 'No one lies between others (the network has no paths of two steps or more).', 'Brokers') +
      dl('people.csv', 'every person with every figure'),
  );
}

function gatekeepers(r: AnalysisResult, dl: Download): string {
  return section(
    'gatekeepers',
    'People who receive from outside their group and pass on to their own group: they control what enters it. The figure counts the two-step chains (outsider, them, colleague) that run through them.',
    !hasGroups(r)
      ? noGroups(r, 'Gatekeepers need groups')
      : personList(r, r.gatekeepers, 'Gatekeeper chains', 'No gatekeeping paths were found.', 'Gatekeepers') +
          dl('people.csv', 'every person with every figure'),
  );
}

function risks(r: AnalysisResult, dl: Download): string {
  const k = r.risks;
  const kp =
    k.keyPlayers === null
      ? ''
      : `<p>If these ${k.keyPlayers.ids.length} people left together the network would fall apart most: <strong>${k.keyPlayers.ids.map((id, j) => e(personLabel({ id, name: k.keyPlayers!.names[j] ?? null }))).join(', ')}</strong> &mdash; fragmentation would go from ${e(fmt(k.keyPlayers.intact ?? NaN))} to ${e(fmt(k.keyPlayers.fragmentation ?? NaN))} (0 = everyone can reach everyone, 1 = no one can reach anyone).</p>`;
  const sole = !hasGroups(r)
    ? ''
    : `<h3>Sole links between groups</h3>${personList(r, k.soleLinks, 'Groups', 'Every group reaches the others through more than one person.', 'Sole links between groups')}`;
  return section(
    'risks',
    `People whose departure would cut others off. ${fmt(k.articulationPoints)} people are cut points: without them some colleagues could no longer reach the rest at all. They are ranked by how much more fragmented the network would become. Sole links are the only person through whom a group is directly tied to another group.`,
    `<h3>Cut points</h3>${personList(r, k.cutPeople, 'Fragmentation change', 'No single departure would cut anyone off.', 'Cut points')}${kp}${sole}${r.options.groupsOnly ? '' : dl('people.csv', 'every person with every figure')}`,
  );
}

function silos(r: AnalysisResult, dl: Download): string {
  if (!hasGroups(r) || r.groups.length === 0) return section('silos', SILO_EXPLAIN, noGroups(r, 'No groups to rank'));
  const rows = r.groups
    .map(
      (g, k) =>
        `<tr><td>${g.group === OTHER_GROUP ? '&ndash;' : k + 1}</td><td>${e(g.group)}${g.group === OTHER_GROUP ? ' <small>(not a group: the small groups merged for privacy; not ranked)</small>' : ''}</td><td class="num">${fmt(g.size)}</td><td class="num">${e(fmtN(g.siloScore))}</td><td class="num">${e(fmtN(g.ei))}</td><td class="num">${e(fmtN(g.eiQ))}</td><td class="num">${fmt(g.internalTies)}</td><td class="num">${fmt(g.externalTies)}</td><td class="num">${fmt(g.groupsReached)}</td></tr>`,
    )
    .join('');
  return section(
    'silos',
    SILO_EXPLAIN,
    scrollBox(
      'Silos',
      `<table class="list"><caption class="sr">Groups from most to least closed</caption><tr>${['#', 'Group', 'People', 'Silo score', 'E-I', 'E-I q', 'Ties inside', 'Ties across', 'Groups reached'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr>${rows}</table>`,
    ) + dl('groups.csv', 'every group with every figure'),
  );
}

const SILO_EXPLAIN =
  "Groups ranked from most to least closed. The silo score (0 to 1; about 0.5 or less is as open as random mixing) averages three views: the share of the group's ties that stay inside, how little of its contact volume crosses its boundary, and how much denser it is inside than across. E-I runs from -1 (all ties inside) to +1 (all outside); its q-value says how likely a difference from random mixing is a false alarm.";

function gaps(r: AnalysisResult, dl: Download): string {
  const explain = `Pairs of groups with clearly fewer ties than chance would give if everyone kept their number of contacts but chose them regardless of group, most significant first (q is the expected share of false alarms; 0.05 or less is called significant). Then, for the largest gaps, pairs of people who are not yet in touch but share contacts, with who could introduce them and why: a suggestion scores high when it shortens the route between the two groups and when the two are likely to work well together, judged from their mutual contacts.${loadSentence(r)}`;
  if (!hasGroups(r)) return section('gaps', explain, noGroups(r, 'Missing links need groups'));
  const gapRows = r.gaps
    .slice(0, 15)
    .map(
      (g) =>
        `<tr><td>${e(g.groupA)}</td><td>${e(g.groupB)}</td><td class="num">${fmt(g.observed)}</td><td class="num">${e(fmtN(g.expected))}</td><td class="num">${e(fmtN(g.ratio))}</td><td class="num">${e(fmtN(g.z))}</td><td class="num">${e(fmtN(g.q))}</td></tr>`,
    )
    .join('');
  const statement = r.gapSummary ? `<p>${e(r.gapSummary.statement)}</p>` : '';
  const gapTable = r.gaps.length
    ? `${statement}${scrollBox('Significant gaps', `<table class="list"><caption class="sr">Significant gaps between groups</caption><tr>${['Group', 'Group', 'Ties', 'Expected', 'Ratio', 'z', 'q'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr>${gapRows}</table>`)}${dl('gaps.csv', 'every significant gap')}`
    : `<p class="empty">${e(r.gapSummary?.statement ?? 'No significant gap between groups.')}</p>`;
  let intro: string;
  if (r.options.groupsOnly) intro = '<p class="empty">Person-level introductions are switched off for this report (groups only).</p>';
  else if (r.introductions.length === 0) intro = '<p class="empty">No introductions to suggest across these gaps.</p>';
  else
    intro =
      scrollBox(
        'Suggested introductions',
        `<table class="list"><caption class="sr">Suggested introductions</caption><tr>${['Groups', 'Introduce', 'to', 'Introducer', 'Why'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr>${r.introductions
          .map(
            (x) =>
              `<tr><td>${e(x.groupA)} &ndash; ${e(x.groupB)}</td><td>${personCell({ id: x.personA, name: x.nameA })}</td><td>${personCell({ id: x.personB, name: x.nameB })}</td><td>${x.introducer === null ? '-' : personCell({ id: x.introducer, name: x.introducerName })}</td><td>${e(x.reason)}</td></tr>`,
          )
          .join('')}</table>`,
      ) + dl('introductions.csv', 'every suggested introduction');
  return section('gaps', explain, `<h3>Significant gaps</h3>${gapTable}<h3>Suggested introductions</h3>${intro}`);
}

/** What the introductions ask of any one person, read from the rows shown (empty when there are none). */
export function loadSentence(r: AnalysisResult): string {
  if (r.introductions.length === 0) return '';
  const l = r.introductionLoad;
  const times = (x: number) => (x === 1 ? 'one' : x === 2 ? 'two' : String(x));
  return ` No one is in more than ${times(l.maxNewTies)} of the suggested new ties${l.maxIntroductions > 0 ? `, and no one is asked to make more than ${times(l.maxIntroductions)} introductions` : ''}.`;
}

function scorecard(s: ScorecardRows | null, dl: Download): string {
  const explain =
    'Objectives the organisation set for ties between groups (from the objectives file), each with its actual value, its target and whether it is met.';
  if (s === null)
    return section(
      'scorecard',
      explain,
      '<p class="empty">No objectives were given (run with <code>--objectives FILE</code> to add a scorecard).</p>',
    );
  const note = `<p class="note">${s.summary.met} met, ${s.summary.atRisk} at risk, ${s.summary.missed} missed. Flows are read with their direction (from one group to another); "at risk" means met but within the margin set for the objective (10% unless the file says otherwise).</p>`;
  const rows = s.rows
    .map(
      (x) =>
        `<tr><td>${e(x.objective)}</td><td class="num">${e(fmtN(x.actual))}</td><td class="num">${e(x.target)}</td><td class="status-${e(x.status.replace(/[^a-z]/gi, '').toLowerCase())}">${e(x.status)}</td></tr>`,
    )
    .join('');
  return section(
    'scorecard',
    explain,
    `${note}${s.rows.length ? scrollBox('Scorecard', `<table class="list"><caption class="sr">Objectives</caption><tr>${['Objective', 'Actual', 'Target', 'Status'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr>${rows}</table>`) + dl('scorecard.csv', 'the scorecard') : ''}`,
  );
}

/** Each measure of the report: what it is, its formula and where it comes from (the Method section). */
function measures(r: AnalysisResult): [string, string][] {
  const b = r.betweennessMethod;
  const btw =
    b.method === 'exact'
      ? "computed exactly with Brandes' algorithm (Brandes 2001); a tie's length is 1 / its strength"
      : `estimated from ${fmt(b.samples ?? NaN)} sampled shortest paths counted in steps (tie strengths ignored), within ${fmt(b.epsilon ?? NaN)} of the exact value with probability ${fmt(1 - (b.delta ?? NaN))} (Riondato &amp; Kornaropoulos 2016)`;
  return [
    ['Density', 'ties / (n (n - 1) / 2) for n people.'],
    [
      'E-I index',
      '(ties across groups - ties inside) / all ties, from -1 to +1 (Krackhardt &amp; Stern 1988); per group, a permutation test of the group labels gives a two-sided p-value, and q-values control the false discovery rate across groups (Benjamini &amp; Hochberg 1995).',
    ],
    [
      'Communities',
      'Louvain modularity optimisation (Blondel et al. 2008); modularity Q = (1/2m) &sum; (A<sub>ij</sub> - k<sub>i</sub>k<sub>j</sub>/2m) &delta;(c<sub>i</sub>, c<sub>j</sub>).',
    ],
    [
      'Brokers (share of routes)',
      `betweenness C<sub>B</sub>(v) = &sum;<sub>s&ne;v&ne;t</sub> &sigma;<sub>st</sub>(v) / &sigma;<sub>st</sub>, normalised by the number of pairs (Freeman 1977), ${btw}. Constraint (Burt 1992) is low when a person's contacts are not tied to one another.`,
    ],
    [
      'Gatekeepers',
      "Gould &amp; Fernandez (1989) brokerage roles: two-step chains a &rarr; v &rarr; c with a outside v's group and c inside it; z compares the count with a random network of the same density.",
    ],
    [
      'Cut points and key players',
      'articulation points (Hopcroft &amp; Tarjan 1973), ranked by the change in fragmentation F = 1 - &sum; s<sub>k</sub>(s<sub>k</sub> - 1) / (n (n - 1)) over components of size s<sub>k</sub> when the person leaves; the key-player set of three maximises F when removed together (KPP-Neg, Borgatti 2006).',
    ],
    [
      'Silo score',
      "mean of insularity (share of the group's ties inside, from the E-I index), closure (1 - conductance, Kannan, Vempala &amp; Vetta 2004) and preference (density inside over density across), each in [0, 1].",
    ],
    [
      'Gaps between groups',
      'observed ties between two groups against the expectation under degree-preserving rewiring (Maslov &amp; Sneppen 2002) or, on very large networks, the configuration model (Molloy &amp; Reed 1995); z = (observed - expected) / sd; one-sided p-value; Benjamini-Hochberg q-values across pairs at 0.05.',
    ],
    [
      'Introductions',
      "value (steps saved between the two groups) &times; plausibility (common neighbours and weighted resource allocation, Zhou, L&uuml; &amp; Zhang 2009, with weights fitted on this network's own held-out ties).",
    ],
  ];
}

function method(r: AnalysisResult, meta: ReportMeta): string {
  const p = r.privacy;
  const items: string[] = [];
  if (p) {
    items.push(privacySentence(p));
    items.push(
      p.pseudonymized
        ? 'Person ids are replaced by keyed pseudonyms (HMAC-SHA256); no input id or name appears in this folder. Attributes other than the group were dropped.'
        : 'Person ids are shown as given in the input.',
    );
  }
  if (r.options.groupsOnly) items.push('Person-level results are switched off (groups only).');
  items.push(...(meta.inputNotes ?? []));
  items.push(
    `Ties are ${r.overview.directed ? 'directed' : 'read as undirected'}; a tie's value is a strength and path lengths are 1 / strength.`,
  );
  const versions = Object.entries(meta.versions)
    .map(([k, v]) => `${e(k)} ${e(v)}`)
    .join(', ');
  const dl = measures(r)
    .map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`)
    .join('');
  return section(
    'method',
    'How this report was made and what it leaves out to protect the people in it. summary.json in the same folder records every option and version, so the run can be repeated.',
    `<ul>${items.map((x) => `<li>${e(x)}</li>`).join('')}</ul><h3>How each figure is computed</h3><dl class="measures">${dl}</dl><p class="note">Made with ${versions}.</p>`,
  );
}

/**
 * The minimum-group-size sentence of the method section: how many groups were merged, never how
 * many people they held (the merged bucket's size is shown like any group's, at least k).
 */
export function privacySentence(p: AnalysisPrivacy): string {
  if (p.minGroupSize <= 1) return 'No minimum group size was applied: every group is shown, however small.';
  const rule = `Groups smaller than ${p.minGroupSize} people are never shown, and no figure lets their size, members or ties be worked out.`;
  if (p.allGroupsWithheld)
    return `${rule} All groups together were smaller than that, so no group-level figure is shown and no one is shown with a group.`;
  if (p.groupsMerged === 0) return `${rule} No group was that small; communities found from the ties are merged by the same rule.`;
  const protect =
    p.groupsMergedToProtect > 0
      ? `, together with the ${p.groupsMergedToProtect === 1 ? 'smallest other group' : `${p.groupsMergedToProtect} smallest other groups`} (so that the merged group reaches ${p.minGroupSize} people)`
      : '';
  return `${rule} ${p.groupsMerged === 1 ? '1 group was' : `${p.groupsMerged} groups were`} merged into "Other (small groups)"${protect}; it is shown apart and never ranked as a group. Communities found from the ties are merged by the same rule.`;
}

/** Whether the result has group-level figures: a group attribute, and not every group withheld for privacy. */
function hasGroups(r: AnalysisResult): boolean {
  return r.options.group !== null && !r.privacy.allGroupsWithheld;
}

/** Why a group section is empty: no group attribute, or all groups together under the minimum size. */
function noGroups(r: AnalysisResult, what: string): string {
  if (r.options.group !== null && r.privacy.allGroupsWithheld) {
    return `<p class="empty">${e(what)}, but all groups together have fewer than ${fmt(r.privacy.minGroupSize)} people, so none is shown (privacy).</p>`;
  }
  return `<p class="empty">${e(what)} (give a group attribute with <code>--group</code>).</p>`;
}

function fmtN(x: number | null): string {
  return x === null ? '-' : fmt(x);
}

const STYLE = `
:root { --ink: #1d2733; --muted: #5b6875; --line: #dde3e8; --bg: #fbfcfd; --accent: #4e79a7; --link: #2f5f8f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: anywhere; }
header, section { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem; }
a { color: var(--link); }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.4rem 0.8rem; }
.skip:focus { left: 0.5rem; z-index: 10; }
:focus-visible { outline: 3px solid #f28e2b; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ol.findings { padding-left: 1.4rem; max-width: 52rem; }
ol.findings li { margin: 0.35rem 0; }
ol.findings a { white-space: nowrap; }
.download { margin: 0.4rem 0 0.8rem; font-size: 0.88rem; }
small.id { color: var(--muted); display: block; font-size: 0.78rem; }
dl.measures dt { font-weight: 600; margin-top: 0.4rem; }
dl.measures dd { margin: 0 0 0 1rem; color: var(--muted); max-width: 52rem; }
.heat-scale { display: flex; flex-wrap: wrap; gap: 0; margin: 0.4rem 0; font-size: 0.75rem; }
.heat-scale span { padding: 0.15rem 0.5rem; border: 1px solid #fff; }
@media (max-width: 600px) { header, section { padding: 0.6rem 0.8rem; } h1 { font-size: 1.3rem; } table { font-size: 0.8rem; } }
header { border-bottom: 1px solid var(--line); }
h1 { margin: 0.5rem 0 0.2rem; font-size: 1.6rem; }
h2 { margin: 1.2rem 0 0.3rem; font-size: 1.25rem; border-bottom: 2px solid var(--accent); display: inline-block; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.lede { color: var(--muted); margin: 0 0 0.5rem; }
nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; }
nav a { color: var(--link); text-decoration: none; font-size: 0.9rem; }
nav a:hover { text-decoration: underline; }
.explain { color: var(--muted); max-width: 52rem; }
.note { font-size: 0.85rem; color: var(--muted); }
.empty { font-style: italic; color: var(--muted); }
table { border-collapse: collapse; font-size: 0.88rem; }
table.list th, table.list td, table.kv th, table.kv td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
table.kv th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; max-width: 100%; }
table.heat td { width: 2.6rem; height: 1.9rem; text-align: center; font-size: 0.72rem; border: 1px solid #fff; }
table.heat th { font-weight: 500; font-size: 0.78rem; text-align: right; padding-right: 0.4rem; white-space: nowrap; }
table.heat th.col { vertical-align: bottom; text-align: left; padding: 0 0 0.3rem; }
table.heat th.col span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0.5rem 0; }
.controls fieldset { border: 0; padding: 0; margin: 0; display: inline; }
.controls legend { float: left; margin-right: 0.4rem; }
#map-search { font: inherit; padding: 0.2rem 0.4rem; width: 16rem; max-width: 100%; }
#map-status { color: var(--muted); }
.map-wrap { position: relative; }
#map-view { width: 100%; height: 480px; max-height: 80vh; border: 1px solid var(--line); background: #fff; }
.tip { position: absolute; top: 0.5rem; right: 0.5rem; background: rgba(255,255,255,0.96); border: 1px solid var(--line); padding: 0.5rem 0.7rem; font-size: 0.82rem; max-width: 18rem; box-shadow: 0 2px 6px rgba(0,0,0,0.08); }
.tip dl { margin: 0.3rem 0 0; display: grid; grid-template-columns: auto 1fr; gap: 0 0.6rem; }
.tip dt { color: var(--muted); } .tip dd { margin: 0; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font-size: 0.8rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; margin-right: 0.3rem; vertical-align: -0.1rem; }
.status-met { color: #2f7d32; font-weight: 600; } .status-missed { color: #c62828; font-weight: 600; } .status-atrisk { color: #8a5200; font-weight: 600; }
`;

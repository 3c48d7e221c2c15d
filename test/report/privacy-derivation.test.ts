/**
 * Small groups cannot be read or derived from any output, through the CLI (every file analyze
 * writes) and through the API (`analysis()` with its default minimum group size).
 *
 * For orgs with one, several, and only groups under k, and some people without a group in the
 * input, the checks are:
 * - no name of a small group appears anywhere;
 * - people shown without a group are exactly the people without one in the input (a small group's
 *   members are never singled out by an empty cell);
 * - every group figure covers at least k people;
 * - complements derive nothing: people = sum of shown group sizes + people without a group in the
 *   input, and ties = ties inside and between shown groups + ties touching people without a group
 *   in the input (counted here from the input), so "total minus what is shown" is never a small
 *   group's size or tie count;
 * - summary.json's privacy block holds no count of people.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis, type AnalysisResult } from '../../src/report/analysis.js';
import { groupedTies, writeDataset, type FixturePerson } from './fixtures.js';
import { cli } from '../helpers/cli.js';

const K = 5;

interface Org {
  readonly label: string;
  /** Group sizes in order; '' is people without a group. */
  readonly groups: readonly (readonly [string, number])[];
  readonly small: readonly string[];
  /** All groups together are under k: no one is shown with a group. */
  readonly allWithheld?: boolean;
}

const ORGS: readonly Org[] = [
  {
    label: 'one group under k',
    groups: [
      ['Engineering', 10],
      ['Sales', 8],
      ['Legalxq', 3],
      ['', 2],
    ],
    small: ['Legalxq'],
  },
  {
    label: 'several groups under k, merged group of k or more',
    groups: [
      ['Engineering', 10],
      ['Sales', 8],
      ['Legalxq', 3],
      ['Auditxq', 2],
      ['Boardxq', 1],
      ['', 1],
    ],
    small: ['Legalxq', 'Auditxq', 'Boardxq'],
  },
  {
    label: 'several groups under k, merged group still under k',
    groups: [
      ['Engineering', 12],
      ['Sales', 9],
      ['Auditxq', 2],
      ['Boardxq', 1],
      ['', 2],
    ],
    small: ['Auditxq', 'Boardxq'],
  },
  {
    label: 'every group under k',
    groups: [
      ['Auditxq', 3],
      ['Boardxq', 1],
      ['', 1],
    ],
    small: ['Auditxq', 'Boardxq'],
    allWithheld: true,
  },
];

function orgPeople(org: Org): FixturePerson[] {
  const out: FixturePerson[] = [];
  for (const [dept, size] of org.groups) {
    for (let i = 0; i < size; i++) out.push({ id: `u${out.length}`, name: `Person ${out.length}`, department: dept, manager: '' });
  }
  return out;
}

/** Ties touching at least one person without a group in the input, counted from the input. */
function tiesTouchingUngrouped(people: readonly FixturePerson[], ties: readonly (readonly [number, number, number])[]): number {
  const pairs = new Set<string>();
  for (const [a, b] of ties) if (people[a].department === '' || people[b].department === '') pairs.add(a < b ? `${a}-${b}` : `${b}-${a}`);
  return pairs.size;
}

/** The invariants, on figures however they were read (files or API). */
function checkFigures(
  org: Org,
  people: readonly FixturePerson[],
  ties: readonly (readonly [number, number, number])[],
  shown: {
    personGroup: Map<string, string>;
    groupSizes: Map<string, number>;
    heatGroups: readonly string[];
    cell: (a: number, b: number) => number | null;
    totalPeople: number;
    totalTies: number;
  },
): void {
  if (org.allWithheld) {
    // Nothing group-level at all: everyone without a group, no group, no heatmap.
    expect([...shown.personGroup.values()].every((g) => g === '')).toBe(true);
    expect(shown.groupSizes.size + shown.heatGroups.length).toBe(0);
    return;
  }
  const ungroupedInput = new Set(people.filter((p) => p.department === '').map((p) => p.id));
  const emptyShown = new Set([...shown.personGroup].filter(([, g]) => g === '').map(([id]) => id));
  expect(emptyShown, 'people shown without a group').toEqual(ungroupedInput);
  for (const [g, size] of shown.groupSizes) {
    expect(org.small, g).not.toContain(g);
    expect(size, g).toBeGreaterThanOrEqual(K);
  }
  let sumSizes = 0;
  for (const s of shown.groupSizes.values()) sumSizes += s;
  expect(shown.totalPeople - sumSizes).toBe(ungroupedInput.size);
  let shownTies = 0;
  for (let a = 0; a < shown.heatGroups.length; a++) for (let b = a; b < shown.heatGroups.length; b++) shownTies += shown.cell(a, b) ?? 0;
  expect(shown.totalTies - shownTies).toBe(tiesTouchingUngrouped(people, ties));
}

const csv = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

describe.each(ORGS)('privacy: $label', (org) => {
  const people = orgPeople(org);
  const ties = groupedTies(org.groups.map((g) => g[1]));

  it('no file analyze writes lets a small group be read or derived', async () => {
    const data = writeDataset(people, ties);
    const out = join(mkdtempSync(join(tmpdir(), 'orgraph-priv-')), 'r');
    const r = await cli(['analyze', data, '--out', out, '--group', 'department', '--min-group-size', String(K)]);
    expect(r.code, r.err).toBe(0);
    const files = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    for (const [name, text] of Object.entries(files)) for (const g of org.small) expect(text.includes(g), `${name} names ${g}`).toBe(false);
    for (const text of [r.out, r.err]) for (const g of org.small) expect(text).not.toContain(g);
    // The terminal says what privacy did, with counts of groups only.
    if (org.allWithheld) expect(r.out).toMatch(/all groups together have fewer than 5 people: no group is shown \(privacy\)/);
    else expect(r.out).toMatch(/orgraph: \d+ groups? merged into "Other \(small groups\)"/);
    const summary = JSON.parse(files['summary.json']);
    expect(Object.keys(summary.privacy).sort()).toEqual([
      'allGroupsWithheld',
      'attributesDropped',
      'groupsMerged',
      'groupsMergedToProtect',
      'minGroupSize',
      'pseudonymized',
      'suppressed',
    ]);
    const groups = csv(files['groups.csv']);
    const personRows = csv(files['people.csv']);
    expect(personRows).toHaveLength(people.length);
    // The heatmap's figures are in the report only; gaps.csv holds the thin pairs. Use the report
    // model written to the page: every number in it comes from the same result as the files.
    const heat = heatFromHtml(files['report.html']);
    checkFigures(org, people, ties, {
      personGroup: new Map(personRows.map((p) => [p.id, p.group])),
      groupSizes: new Map(groups.map((g) => [g.group, Number(g.size)])),
      heatGroups: heat.groups,
      cell: heat.cell,
      totalPeople: summary.overview.people,
      totalTies: summary.overview.ties,
    });
    for (const g of csv(files['gaps.csv'])) expect(Math.min(Number(g.sizeA), Number(g.sizeB))).toBeGreaterThanOrEqual(K);
    // The page says why group sections are empty: privacy, not a missing --group.
    if (org.allWithheld) {
      expect(files['report.html']).toMatch(/all groups together have fewer than 5 people, so none is shown \(privacy\)/);
      expect(files['report.html']).not.toMatch(/give a group attribute/);
    }
  });

  it('analysis() applies the same rule by default, with no privacy step by the caller', async () => {
    const graph = OrgGraph.from({
      people: people.map((p) => ({ id: p.id, attributes: { department: p.department } })),
      ties: ties.map(([a, b, w]) => ({ source: people[a].id, target: people[b].id, weight: w })),
    });
    const result: AnalysisResult = await analysis(graph, { thread: 'caller', group: 'department', workers: 1 });
    expect(result.options.minGroupSize).toBe(K);
    expect(JSON.stringify(result)).not.toMatch(new RegExp(org.small.join('|')));
    const idx = new Map(result.heatmap.groups.map((g, a) => [g, a]));
    checkFigures(org, people, ties, {
      personGroup: new Map(result.people.map((p) => [p.id, p.group ?? ''])),
      groupSizes: new Map(result.groups.map((g) => [g.group, g.size])),
      heatGroups: result.heatmap.groups,
      cell: (a, b) => result.heatmap.cells[a][b]?.observed ?? null,
      totalPeople: result.overview.people,
      totalTies: result.overview.ties,
    });
    for (const g of result.heatmap.groups) expect(result.heatmap.sizes[idx.get(g)!]).toBeGreaterThanOrEqual(K);
    // Opting out is explicit: minGroupSize 1 shows every group.
    const raw = await analysis(graph, { thread: 'caller', group: 'department', minGroupSize: 1, workers: 1 });
    expect(raw.privacy).toMatchObject({ minGroupSize: 1, groupsMerged: 0 });
    expect(raw.groups.map((g) => g.group).sort()).toEqual(
      org.groups
        .map((g) => g[0])
        .filter((g) => g !== '')
        .sort(),
    );
  });
});

/** The heatmap's groups and observed tie counts, read back from the cells' titles in the page. */
function heatFromHtml(html: string): { groups: string[]; cell: (a: number, b: number) => number | null } {
  const counts = new Map<string, number>();
  const groups = new Set<string>();
  for (const m of html.matchAll(/title="([^"]*?) - ([^"]*?): (\d+) ties, /g)) {
    const [a, b] = [unescape(m[1]), unescape(m[2])];
    groups.add(a);
    groups.add(b);
    counts.set(`${a}\u0000${b}`, Number(m[3]));
  }
  const list = [...groups];
  return { groups: list, cell: (a, b) => counts.get(`${list[a]}\u0000${list[b]}`) ?? null };
}

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Every sentence the report (and the terminal) prints is true of the data: on several real data
 * sets, each generated statement is parsed back out of the page and checked against figures
 * recomputed here from the input (tie pairs, degrees, components, group sizes) or counted from the
 * rows the same page shows. Regressions this guards: departure risks named while fragmentation
 * goes "from 0 to 0"; "Other (small groups)" ranked as the top silo; "no one is in more than two
 * introductions" while some people are in more; an exact count of people in merged groups.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadFolder } from '../../src/ingest/index.js';
import type { OrgGraph } from '../../src/model/org-graph.js';
import { analysis, fmt, type AnalysisResult } from '../../src/report/analysis.js';
import { mapAssets } from '../../src/report/assets.js';
import { reportHtml } from '../../src/report/html.js';
import { OTHER_GROUP } from '../../src/report/privacy.js';

const DATASETS: readonly (readonly [string, string])[] = [
  ['krackhardt-hightech', 'department'],
  ['hospital-rfid', 'status'],
  ['uk-faculty', 'school'],
  ['zachary-karate', 'club'],
  ['bank-wiring', 'role'],
];
const K = 5;
const datasetDir = (name: string) => join(__dirname, '..', 'fixtures', 'datasets', name);

/** Figures recomputed from the input: undirected tie pairs, neighbours and connected parts. */
function independent(graph: OrgGraph): { ties: number; degree: Map<string, number>; components: number } {
  const nb = new Map<string, Set<string>>(graph.personIds.map((id) => [id, new Set<string>()]));
  for (const t of graph.ties()) {
    if (t.source === t.target) continue;
    nb.get(t.source)!.add(t.target);
    nb.get(t.target)!.add(t.source);
  }
  let twice = 0;
  for (const s of nb.values()) twice += s.size;
  const seen = new Set<string>();
  let components = 0;
  for (const id of graph.personIds) {
    if (seen.has(id)) continue;
    components++;
    const stack = [id];
    seen.add(id);
    while (stack.length)
      for (const j of nb.get(stack.pop()!)!)
        if (!seen.has(j)) {
          seen.add(j);
          stack.push(j);
        }
  }
  return { ties: twice / 2, degree: new Map([...nb].map(([id, s]) => [id, s.size])), components };
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&ndash;/g, '–')
    .replace(/&mdash;/g, '—')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const sectionOf = (html: string, id: string) => html.match(new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`))![1];
/** Rows of the tables in a piece of HTML, as decoded cell texts (header rows left out). */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr>((?:<td[^>]*>[\s\S]*?<\/td>)+)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1]).trim()),
  );
const WORDS: Readonly<Record<string, number>> = { one: 1, two: 2 };
const count = (w: string) => WORDS[w] ?? Number(w);

describe.each(DATASETS)('every sentence of the report is true: %s by %s', (name, group) => {
  let graph: OrgGraph;
  let r: AnalysisResult;
  let html: string;
  let truth: ReturnType<typeof independent>;
  beforeAll(async () => {
    graph = (await loadFolder(datasetDir(name))).graph;
    r = await analysis(graph, { thread: 'caller', group, workers: 1 });
    html = reportHtml(r, mapAssets(), { versions: { orgraph: 'test' } });
    truth = independent(graph);
  });

  it('the opening line and the overview count people, ties, parts and groups as the data has them', () => {
    const lede = decode(html.match(/<p class="lede">([\s\S]*?)<\/p>/)![1]);
    expect(lede.startsWith(`${fmt(graph.personCount)} people, ${fmt(truth.ties)} ties`), lede).toBe(true);
    const kv = new Map<string, string>();
    const overview = sectionOf(html, 'overview');
    for (const m of overview.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)) kv.set(decode(m[1]), decode(m[2]));
    expect(kv.get('Connected parts')).toBe(fmt(truth.components));
    const shownGroups = new Set(r.people.map((p) => p.group).filter((g) => g !== null));
    const without = r.people.filter((p) => p.group === null).length;
    expect(kv.get('Groups shown')).toBe(`${fmt(shownGroups.size)}${without > 0 ? ` (${fmt(without)} people without a group)` : ''}`);
  });

  it('brokers: "N contacts" is each person\'s number of distinct contacts in the input, the share of routes their betweenness', () => {
    const rows = rowsOf(sectionOf(html, 'brokers'));
    expect(rows.length).toBeGreaterThan(0);
    for (const [, id, , , why] of rows) {
      const m = why.match(
        /^([\d.]+)% of the shortest routes between two colleagues pass through them \(more than ([\d.]+)% of people\); ([\d,]+) contacts/,
      )!;
      expect(m, why).not.toBeNull();
      expect(m[3]).toBe(fmt(truth.degree.get(id)!));
      const p = r.people.find((x) => x.id === id)!;
      expect(Math.abs(Number(m[1]) / 100 - p.betweenness!)).toBeLessThanOrEqual(0.005 + 1e-9);
      // Percentile: the share of the others with a lower betweenness (ties half), recomputed here.
      const others = r.people.filter((x) => x.id !== id);
      const below =
        others.filter((x) => x.betweenness! < p.betweenness!).length + others.filter((x) => x.betweenness === p.betweenness).length / 2;
      expect(Math.abs(Number(m[2]) / 100 - below / others.length)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('key-person risks: cut points counted right; a departure risk only when fragmentation rises', () => {
    const risks = sectionOf(html, 'risks');
    const cut = Number(decode(risks).match(/(\d+) people are cut points/)![1]);
    expect(cut).toBe(r.people.filter((p) => p.articulation).length);
    for (const row of rowsOf(risks.split('<h3>Sole links')[0])) {
      const m = row[4].match(/split into (\d+) separate parts \(now (\d+)\)/)!;
      expect(Number(m[2])).toBe(truth.components);
      expect(Number(m[1])).toBeGreaterThan(truth.components);
    }
    // Sole links are between real groups: the privacy bucket is neither end.
    const sole = risks.split('<h3>Sole links')[1] ?? '';
    for (const row of rowsOf(sole)) {
      expect(row[2]).not.toBe(OTHER_GROUP);
      expect(row[4]).not.toContain(OTHER_GROUP);
    }
    const kp = decode(risks).match(/fragmentation would go from ([\d.]+) to ([\d.]+)/);
    if (kp) {
      expect(Number(kp[2])).toBeGreaterThan(Number(kp[1]));
      if (truth.components === 1) expect(kp[1]).toBe('0');
    } else {
      expect(decode(risks)).not.toMatch(/would fall apart/);
    }
  });

  it('silos: "Other (small groups)" is never ranked; ranks follow the silo score', () => {
    const rows = rowsOf(sectionOf(html, 'silos'));
    const ranked = rows.filter((x) => x[0] !== '–');
    for (const x of ranked) expect(x[1].startsWith(OTHER_GROUP)).toBe(false);
    expect(ranked.map((x) => Number(x[0]))).toEqual(ranked.map((_, k) => k + 1));
    const scores = ranked.map((x) => Number(x[3]));
    for (let k = 1; k < scores.length; k++) expect(scores[k]).toBeLessThanOrEqual(scores[k - 1]);
    for (const x of rows.filter((y) => y[0] === '–')) expect(x[1].startsWith(OTHER_GROUP)).toBe(true);
  });

  it('missing links: the load sentence matches the introductions shown, and no row names the privacy bucket', () => {
    const gaps = sectionOf(html, 'gaps');
    const [gapPart, introPart] = gaps.split('<h3>Suggested introductions</h3>');
    for (const row of rowsOf(gapPart)) expect(row.slice(0, 2)).not.toContain(OTHER_GROUP);
    const intro = rowsOf(introPart);
    const newTies = new Map<string, number>();
    const introducer = new Map<string, number>();
    for (const [groups, a, b, by] of intro) {
      expect(groups).not.toContain(OTHER_GROUP);
      for (const id of [a, b]) newTies.set(id, (newTies.get(id) ?? 0) + 1);
      if (by !== '-') introducer.set(by, (introducer.get(by) ?? 0) + 1);
    }
    const m = decode(gaps).match(
      /No one is in more than (\w+) of the suggested new ties(?:, and no one is asked to make more than (\w+) introductions)?\./,
    );
    if (intro.length === 0) {
      expect(m).toBeNull();
      return;
    }
    expect(count(m![1])).toBe(Math.max(...newTies.values()));
    expect(m![2] === undefined ? 0 : count(m![2])).toBe(Math.max(0, ...introducer.values()));
  });

  it('method: the number of merged groups is the number of input groups under k, and no count of their people', () => {
    const sizes = new Map<string, number>();
    for (const v of graph.attribute(group)) if (v !== null && v !== '') sizes.set(v, (sizes.get(v) ?? 0) + 1);
    const small = [...sizes.values()].filter((s) => s < K);
    const method = decode(sectionOf(html, 'method'));
    if (small.length === 0) expect(method).toMatch(/No group was that small/);
    else {
      const m = method.match(/(\d+) groups? (?:was|were) merged into "Other \(small groups\)"/)!;
      expect(Number(m[1])).toBe(small.length);
      const people = small.reduce((a, b) => a + b, 0);
      expect(method).not.toMatch(new RegExp(`(?<!than )\\b${people} people`));
    }
  });
});

describe('the terminal line is true', () => {
  it('analyze says how many people the report covers', async () => {
    let out = '';
    const dest = join(mkdtempSync(join(tmpdir(), 'orgraph-sent-')), 'r');
    const code = await run(['analyze', datasetDir('zachary-karate'), '--group', 'club', '--out', dest], {
      out: (s) => void (out += s),
      err: () => {},
      isTTY: false,
    });
    expect(code).toBe(0);
    const people = (await loadFolder(datasetDir('zachary-karate'))).graph.personCount;
    expect(out).toMatch(new RegExp(`^orgraph: report for ${people} people written to `));
    // Two clubs of 17: nothing merged, so no privacy line.
    expect(out).not.toMatch(/merged/);
  });
  it('analyze says how many groups were merged: the input groups under 5 (krackhardt-hightech departments)', async () => {
    let out = '';
    const dir = datasetDir('krackhardt-hightech');
    const dest = join(mkdtempSync(join(tmpdir(), 'orgraph-sent-')), 'r');
    expect(
      await run(['analyze', dir, '--group', 'department', '--out', dest], { out: (s) => void (out += s), err: () => {}, isTTY: false }),
    ).toBe(0);
    const sizes = new Map<string, number>();
    for (const v of (await loadFolder(dir)).graph.attribute('department')) if (v) sizes.set(v, (sizes.get(v) ?? 0) + 1);
    const small = [...sizes.values()].filter((x) => x < K);
    // Together they hold at least 5 people, so no complementary merge is needed.
    expect(small.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(K);
    expect(out).toMatch(new RegExp(`orgraph: ${small.length} groups merged into "Other \\(small groups\\)" \\(groups under 5 people\\)\n`));
  });
});

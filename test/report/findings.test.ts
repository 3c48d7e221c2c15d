/**
 * Key findings: each sentence says what its figures say. The numbers are parsed back out of every
 * sentence (after the names of the people and groups it mentions are taken out) and compared with
 * the structured figures within the rounding the sentence shows; every figure a kind of finding
 * must show is in its sentence; and the figures are checked against the result they come from
 * (the top gap row, the most closed group's tie counts, the highest betweenness of anyone).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFolder } from '../../src/ingest/index.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis, type AnalysisResult } from '../../src/report/analysis.js';
import { keyFindings, personInSentence, type KeyFinding } from '../../src/report/findings.js';
import { findingsText } from '../../src/cli/findings-text.js';

const CASES: readonly (readonly [string, string])[] = [
  ['examples/manufacturing-email', 'division'],
  ['test/fixtures/datasets/krackhardt-hightech', 'department'],
  ['test/fixtures/datasets/zachary-karate', 'club'],
  ['test/fixtures/datasets/uk-faculty', 'school'],
  ['test/fixtures/datasets/lazega-lawfirm', 'office'],
];

/** Figures each kind must show in its sentence. */
const SHOWN: Readonly<Record<string, readonly string[]>> = {
  gap: ['observed', 'expected', 'q'],
  noGap: ['alpha'],
  silo: ['insideShare', 'internalTies', 'ties', 'siloScore', 'q'],
  noSilo: ['alpha', 'groups'],
  broker: ['share'],
  keyPlayers: ['intact', 'fragmentation', 'cutPoints'],
  cutPoints: ['cutPoints', 'fragmentationChange'],
  noGroups: [],
};

/** Sentence text explaining a scale, not a figure ("0 = everyone can reach everyone, 1 = no one can"). */
const SCALE = /\(0 = everyone can reach everyone, 1 = no one can\)/;

interface Token {
  readonly text: string;
  readonly value: number;
  /** Half the last shown digit: the largest rounding error the text allows. */
  readonly tolerance: number;
}

/** The numbers of a sentence, once the people and groups it names are taken out. */
function numbersOf(f: KeyFinding): Token[] {
  let s = f.sentence.replace(SCALE, '');
  const names = [...f.people.map(personInSentence), ...f.groups].sort((a, b) => b.length - a.length);
  for (const x of names) s = s.replace(new RegExp(`(?<![\\w.])${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w%]|\\.\\d)`, 'g'), ' ');
  return [...s.matchAll(/(?<![\w.])-?\d[\d,]*(?:\.\d+)?%?/g)].map((m) => {
    const text = m[0];
    const pct = text.endsWith('%');
    const digits = text.replace('%', '').replace(/,/g, '');
    const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
    const scale = pct ? 0.01 : 1;
    return { text, value: Number(digits) * scale, tolerance: 0.5 * 10 ** -decimals * scale + 1e-12 };
  });
}

const close = (t: Token, x: number | null) => x !== null && Math.abs(t.value - x) <= t.tolerance;

function checkSentences(findings: readonly KeyFinding[]): void {
  for (const f of findings) {
    const tokens = numbersOf(f);
    const figures = Object.values(f.figures);
    // Every number in the sentence is one of its figures, as rounded in the text.
    for (const t of tokens)
      expect(
        figures.some((x) => close(t, x)),
        `${f.id}: "${t.text}" in "${f.sentence}"`,
      ).toBe(true);
    // Every figure the kind shows is in the sentence.
    for (const key of SHOWN[f.kind])
      expect(
        tokens.some((t) => close(t, f.figures[key])),
        `${f.id}: ${key} = ${f.figures[key]} in "${f.sentence}"`,
      ).toBe(true);
    for (const p of f.people) expect(f.sentence).toContain(personInSentence(p));
    for (const g of f.groups) expect(f.sentence).toContain(g);
  }
}

function checkFigures(r: AnalysisResult, findings: readonly KeyFinding[]): void {
  const byKind = new Map(findings.map((f) => [f.kind, f]));
  const gap = byKind.get('gap');
  if (gap) {
    expect(r.gaps.length).toBeGreaterThan(0);
    const g = r.gaps[0];
    expect(gap.groups).toEqual([g.groupA, g.groupB]);
    expect(gap.figures.observed).toBe(g.observed);
    expect(gap.figures.q).toBe(g.q);
    expect(g.q!).toBeLessThanOrEqual(0.05);
    // Most significant first: no other gap has a smaller q.
    for (const o of r.gaps) expect(o.q!).toBeGreaterThanOrEqual(g.q!);
  }
  if (byKind.has('noGap')) expect(r.gaps).toHaveLength(0);
  const silo = byKind.get('silo');
  if (silo) {
    const g = r.groups.find((x) => x.group === silo.groups[0])!;
    expect(silo.figures.insideShare).toBeCloseTo(g.internalTies / (g.internalTies + g.externalTies), 12);
    expect(g.eiQ!).toBeLessThanOrEqual(0.05);
    for (const o of r.groups) if (o.siloScore !== null) expect(o.siloScore).toBeLessThanOrEqual(g.siloScore!);
  }
  const broker = byKind.get('broker');
  if (broker) {
    const max = Math.max(...r.people.map((p) => p.betweenness ?? -1));
    expect(broker.figures.share).toBe(max);
    expect(r.people.find((p) => p.id === broker.people[0].id)!.betweenness).toBe(max);
  }
  const kp = byKind.get('keyPlayers');
  if (kp) {
    expect(kp.figures.fragmentation!).toBeGreaterThan(kp.figures.intact!);
    expect(kp.figures.cutPoints).toBe(r.people.filter((p) => p.articulation).length);
  }
}

describe.each(CASES)('key findings of %s by %s', (dir, group) => {
  let r: AnalysisResult;
  let findings: KeyFinding[];
  beforeAll(async () => {
    const { graph } = await loadFolder(join(__dirname, '..', '..', dir));
    r = await analysis(graph, { thread: 'caller', group, workers: 1 });
    findings = keyFindings(r);
  });

  it('gives three to five findings with distinct ids, each linking to a section', () => {
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeLessThanOrEqual(5);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    for (const f of findings) expect(['findings', 'overview', 'gaps', 'silos', 'brokers', 'risks']).toContain(f.section);
  });

  it("each sentence's numbers are its figures, and each figure its kind shows is in the sentence", () => {
    checkSentences(findings);
  });

  it('the figures are those of the result', () => {
    checkFigures(r, findings);
  });

  it('the terminal prints the same sentences, numbered', () => {
    const text = findingsText(r, findings);
    findings.forEach((f, k) => expect(text).toContain(`  ${k + 1}. ${f.sentence} (report.html#${f.section})`));
  });
});

describe('key findings when nothing stands out', () => {
  it('says that no gap and no silo is significant on a network with no group structure', async () => {
    // Two groups of 6 alternating around a ring with every second-neighbour chord: as many ties across as inside.
    const n = 12;
    const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { team: i % 2 ? 'B' : 'A' } }));
    const ties = [];
    for (let i = 0; i < n; i++) {
      ties.push({ source: `p${i}`, target: `p${(i + 1) % n}` });
      ties.push({ source: `p${i}`, target: `p${(i + 2) % n}` });
    }
    const r = await analysis(OrgGraph.from({ people, ties }), { thread: 'caller', group: 'team', workers: 1 });
    const f = keyFindings(r);
    expect(f.find((x) => x.id === 'gap')!.kind).toBe('noGap');
    expect(f.find((x) => x.id === 'gap')!.sentence).toMatch(/^No pair of groups has significantly fewer ties than chance/);
    expect(f.find((x) => x.id === 'silo')!.kind).toBe('noSilo');
    expect(f.find((x) => x.id === 'silo')!.sentence).toMatch(/^No group is significantly more closed/);
    checkSentences(f);
  });

  it('says so when there is no group attribute', async () => {
    const r = await analysis(
      OrgGraph.from({
        people: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        ties: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'c' },
        ],
      }),
      { thread: 'caller', group: null, minGroupSize: 1, workers: 1 },
    );
    const f = keyFindings(r);
    expect(f[0].kind).toBe('noGroups');
    // b is on the one shortest path between a and c: the only broker, on 100% of the routes.
    const b = f.find((x) => x.kind === 'broker')!;
    expect(b.people).toEqual([{ id: 'b', name: null }]);
    expect(b.sentence).toMatch(/100% of the shortest paths/);
  });
});

/**
 * `orgraph metrics` run in-process. Values are checked against the NetworkX fixtures written by
 * scripts/reference/centrality.py (test/fixtures/reference/centrality), so these tests pin the
 * command's wiring (default view, options, layout), not numbers it printed itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { computeMetricsDocument, selectMetricKeys, type MetricsDocument } from '../../src/cli/commands/metrics.js';
import { METRIC_CATALOG, type MetricSpec } from '../../src/metrics/catalog.js';
import { NodeScores } from '../../src/metrics/scores.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { cli } from '../helpers/cli.js';

const KARATE = join(__dirname, '..', 'fixtures', 'datasets', 'zachary-karate');
const KRACKHARDT = join(__dirname, '..', 'fixtures', 'datasets', 'krackhardt-hightech');
const reference = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'reference', 'centrality', `${name}.json`), 'utf8')) as {
    personIds: string[];
    views: Record<string, { metrics: Record<string, (number | null)[]> }>;
  };

const CENTRALITY_KEYS = [
  'degree',
  'strength',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'katz',
  'clustering',
  'coreNumber',
];
const DIRECTED_KEYS = ['inDegree', 'outDegree', 'inStrength', 'outStrength'];

/** Our value agrees with NetworkX: relative 1e-9, or 1e-6 absolute for iterative metrics. */
function agrees(key: string, ours: unknown, ref: number | null): boolean {
  if (ref === null) return ours === null;
  if (typeof ours !== 'number') return false;
  if (['pagerank', 'eigenvector', 'katz'].includes(key)) return Math.abs(ours - ref) <= 1e-6;
  return Math.abs(ours - ref) <= 1e-9 * Math.max(Math.abs(ref), 1e-300) + 1e-15;
}

function checkAgainst(doc: MetricsDocument, name: string, viewName: string, keys: string[]) {
  const ref = reference(name);
  expect(doc.people.map((p) => p.id)).toEqual(ref.personIds);
  const bad: string[] = [];
  for (const key of keys) {
    doc.people.forEach((p, i) => {
      if (!agrees(key, p[key], ref.views[viewName].metrics[key][i]))
        bad.push(`${key} ${p.id}: ${p[key]} vs ${ref.views[viewName].metrics[key][i]}`);
    });
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

describe('orgraph metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-metrics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('default view (all relations, undirected, weighted): one entry per person, NetworkX values', async () => {
    const r = await cli(['metrics', KARATE, '--workers', '1']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as MetricsDocument;
    expect(Object.keys(doc).sort()).toEqual(['diagnostics', 'people', 'view']);
    // Every applicable catalog key appears, centrality keys in this order, no directed-only keys.
    const keys = Object.keys(doc.people[0]);
    expect(keys[0]).toBe('id');
    expect(keys.filter((k) => CENTRALITY_KEYS.includes(k))).toEqual(CENTRALITY_KEYS);
    expect(keys).toEqual(['id', ...new Set(METRIC_CATALOG.filter((s) => !s.directedOnly).flatMap((s) => s.keys))]);
    expect(keys.some((k) => DIRECTED_KEYS.includes(k))).toBe(false);
    expect(typeof doc.people[0].id).toBe('string');
    expect(doc.view).toMatchObject({
      directed: false,
      weighted: true,
      minWeight: 0,
      weightKind: 'strength',
      people: 34,
      ties: 78,
      group: null,
    });
    checkAgainst(doc, 'zachary-karate', 'undirected-weighted', CENTRALITY_KEYS);
    expect(doc.diagnostics.pagerank).toMatchObject({ converged: true });
    // Karate's weighted view has lambda_max > 10, so Katz falls back to 0.9 / lambda_max, as the fixture.
    const katzAlpha = (
      JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'reference', 'centrality', 'zachary-karate.json'), 'utf8')) as {
        views: Record<string, { diagnostics: { katzAlpha: number } }>;
      }
    ).views['undirected-weighted'].diagnostics.katzAlpha;
    expect(doc.diagnostics.katz.alphaRule).toBe('fallback');
    expect(doc.diagnostics.katz.alpha as number).toBeCloseTo(katzAlpha, 12);
  });

  it('--directed adds in/out degree and strength; values match the directed NetworkX view', async () => {
    const r = await cli(['metrics', KRACKHARDT, '--directed', '--workers', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as MetricsDocument;
    for (const k of DIRECTED_KEYS) expect(Object.keys(doc.people[0])).toContain(k);
    checkAgainst(doc, 'krackhardt-hightech', 'directed-weighted', [...CENTRALITY_KEYS, ...DIRECTED_KEYS]);
  });

  it('--unweighted --metrics LIST: only the listed keys, in the order given', async () => {
    const r = await cli(['metrics', KRACKHARDT, '--unweighted', '--metrics', 'pagerank, degree,clustering', '--workers', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as MetricsDocument;
    expect(Object.keys(doc.people[0])).toEqual(['id', 'pagerank', 'degree', 'clustering']);
    expect(Object.keys(doc.diagnostics)).toEqual(['degree', 'pagerank', 'clustering']);
    checkAgainst(doc, 'krackhardt-hightech', 'undirected-unweighted', ['pagerank', 'degree', 'clustering']);
  });

  it('--format csv: the same columns and values as JSON, RFC 4180, formulas neutralised', async () => {
    // Ids that a spreadsheet would run as formulas, and one with a comma.
    writeFileSync(join(dir, 'people.csv'), 'id,team\n=1+1,a\n"x,y",a\n@z,b\nplain,b\n');
    writeFileSync(join(dir, 'ties.csv'), 'source,target,weight\n=1+1,"x,y",2\n"x,y",@z,1\n@z,=1+1,1\n');
    const json = JSON.parse((await cli(['metrics', dir, '--workers', '1'])).out) as MetricsDocument;
    const r = await cli(['metrics', dir, '--format', 'csv', '--workers', '1']);
    expect(r.code).toBe(0);
    const rows = parse(r.out) as string[][];
    expect(rows[0]).toEqual(Object.keys(json.people[0]));
    expect(rows.slice(1).map((row) => row[0])).toEqual(["'=1+1", 'x,y', "'@z", 'plain']);
    rows.slice(1).forEach((row, i) => {
      row.slice(1).forEach((cell, k) => {
        const v = json.people[i][rows[0][k + 1]];
        expect(cell).toBe(v === null ? '' : String(v));
      });
    });
    // "plain" is an isolate: defined metrics are numbers, e.g. degree 0.
    expect(json.people[3].degree).toBe(0);
  });

  it('--format csv puts the name (default column `name`) and the --group value beside each id, in input order', async () => {
    writeFileSync(join(dir, 'people.csv'), 'id,name,team\nana,Ana Zürich,a\nbo,"Bo, Jr.",a\ncy,,b\n');
    writeFileSync(join(dir, 'ties.csv'), 'source,target\nana,bo\nbo,cy\n');
    const r = await cli(['metrics', dir, '--format', 'csv', '--metrics', 'degree', '--group', 'team', '--workers', '1']);
    expect(r.code).toBe(0);
    // Hand-read from the files: degrees 1, 2, 1 on the path ana - bo - cy; cy has no name.
    expect(parse(r.out)).toEqual([
      ['id', 'name', 'group', 'degree'],
      ['ana', 'Ana Zürich', 'a', '1'],
      ['bo', 'Bo, Jr.', 'a', '2'],
      ['cy', '', 'b', '1'],
    ]);
    // --label-column picks another attribute; an unknown one is a data error (exit 1).
    const byTeam = await cli(['metrics', dir, '--format', 'csv', '--metrics', 'degree', '--label-column', 'team', '--workers', '1']);
    expect((parse(byTeam.out) as string[][]).map((row) => row[1])).toEqual(['name', 'a', 'a', 'b']);
    expect((await cli(['metrics', dir, '--metrics', 'degree', '--label-column', 'nickname'])).code).toBe(1);
  });

  it('--out writes the file and nothing to standard output', async () => {
    const file = join(dir, 'out.json');
    const r = await cli(['metrics', KARATE, '--metrics', 'degree', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect((JSON.parse(readFileSync(file, 'utf8')) as MetricsDocument).people).toHaveLength(34);
  });

  it('--relation and --min-weight select the view', async () => {
    const r = await cli(['metrics', KRACKHARDT, '--relation', 'advice', '--metrics', 'degree']);
    const doc = JSON.parse(r.out) as MetricsDocument;
    expect(doc.view.relations).toEqual(['advice']);
    // Undirected advice view: 190 advice ties, of which some pairs are mutual.
    expect(doc.view.ties).toBeLessThanOrEqual(190);
    const all = JSON.parse((await cli(['metrics', KRACKHARDT, '--metrics', 'degree'])).out) as MetricsDocument;
    const heavy = JSON.parse((await cli(['metrics', KRACKHARDT, '--metrics', 'degree', '--min-weight', '2'])).out) as MetricsDocument;
    expect(heavy.view.ties).toBeLessThan(all.view.ties);
    expect(heavy.view.minWeight).toBe(2);
  });

  it('usage errors exit 2 with one line, no stack', async () => {
    for (const argv of [
      ['metrics', KARATE, '--metrics', 'nonesuch'],
      ['metrics', KARATE, '--metrics', 'inDegree'],
      ['metrics', KARATE, '--format', 'xml'],
      ['metrics', KARATE, '--workers', '0'],
      ['metrics', KARATE, '--min-weight', '-1'],
      ['metrics'],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect((await cli(['metrics', KARATE, '--metrics', 'nonesuch'])).err).toContain('E_UNKNOWN_METRIC');
  });

  it('data errors exit 1: unknown --group attribute, unknown relation, missing folder', async () => {
    const g = await cli(['metrics', KARATE, '--group', 'department']);
    expect(g.code).toBe(1);
    expect(g.err).toContain('E_UNKNOWN_ATTRIBUTE');
    expect(g.err).toContain('club');
    expect(g.err.trim().split('\n')).toHaveLength(1);
    expect((await cli(['metrics', KARATE, '--relation', 'nope'])).code).toBe(1);
    expect((await cli(['metrics', join(dir, 'missing')])).code).toBe(1);
  });
});

describe('computeMetricsDocument (generic over the catalog)', () => {
  const graph = OrgGraph.from({
    people: [
      { id: 'a', attributes: { dept: 'x' } },
      { id: 'b', attributes: { dept: 'y' } },
      { id: 'ext', external: true },
    ],
    ties: [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'ext' },
    ],
  });
  const constant: MetricSpec = {
    keys: ['one', 'two'],
    family: 'silos',
    description: 'test entry',
    needsGroup: true,
    compute: (view, ctx) => [
      new NodeScores('one', view.personIds, new Float64Array(view.csr.n).fill(ctx.group === 'dept' ? 1 : -1)),
      new NodeScores('two', view.personIds, new Float64Array(view.csr.n).fill(NaN)),
    ],
    format: (v) => (v > 0 ? 'yes' : 'no'),
  };

  it('needsGroup entries are null without a group, computed with one; NaN is null; format applies', async () => {
    const view = project(graph);
    const without = await computeMetricsDocument(graph, view, ['one', 'two'], {}, [constant]);
    expect(without.people.map((p) => p.one)).toEqual([null, null, null]);
    expect(without.diagnostics.one).toMatchObject({ defined: false });
    const withGroup = await computeMetricsDocument(graph, view, ['two', 'one'], { group: 'dept' }, [constant]);
    expect(withGroup.people.map((p) => p.one)).toEqual(['yes', 'yes', 'yes']);
    expect(withGroup.people.map((p) => p.two)).toEqual([null, null, null]);
  });

  it('people outside the view get null', async () => {
    const view = project(graph, { includeExternal: false });
    const doc = await computeMetricsDocument(graph, view, ['degree'], {});
    expect(doc.people).toEqual([
      { id: 'a', degree: 1 },
      { id: 'b', degree: 1 },
      { id: 'ext', degree: null },
    ]);
    expect(doc.view.people).toBe(2);
  });

  it('selectMetricKeys: all = every applicable key; unknown names are E_UNKNOWN_METRIC', () => {
    expect(selectMetricKeys('all', true)).toEqual([...new Set(METRIC_CATALOG.flatMap((s) => s.keys))]);
    // A key two entries list is selected once, computed by the first.
    const twice: MetricSpec = { ...constant, keys: ['one'], needsGroup: false };
    expect(selectMetricKeys('all', false, [constant, twice])).toEqual(['one', 'two']);
    expect(selectMetricKeys('degree,degree', false)).toEqual(['degree']);
    expect(() => selectMetricKeys('x', false)).toThrow(/E_UNKNOWN_METRIC|unknown metric/);
  });
});

describe('orgraph metrics: Gould-Fernandez counts and z-scores against R sna', () => {
  it('prints the counts and z-scores sna::brokerage gives for Krackhardt advice by department', async () => {
    const sna = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'reference', 'brokerage', 'sna.json'), 'utf8')) as {
      cases: {
        dataset: string;
        relation: string;
        group: string;
        directed: boolean;
        people: string[];
        raw: Record<string, number[]>;
        z: Record<string, (number | null)[]>;
      }[];
    };
    const ref = sna.cases.find((c) => c.dataset === 'krackhardt-hightech' && c.relation === 'advice' && c.directed)!;
    const r = await cli([
      'metrics',
      KRACKHARDT,
      '--relation',
      'advice',
      '--directed',
      '--group',
      ref.group,
      '--metrics',
      'gatekeeper,gatekeeperZ,liaisonZ,brokerageTotalZ',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as MetricsDocument;
    const byId = new Map(doc.people.map((p) => [p.id, p]));
    const pairs: [string, string][] = [
      ['gatekeeper', 'gatekeeperZ'],
      ['liaison', 'liaisonZ'],
      ['total', 'brokerageTotalZ'],
    ];
    ref.people.forEach((id, i) => {
      const p = byId.get(id)!;
      expect(p.gatekeeper).toBe(ref.raw.gatekeeper[i]);
      for (const [role, key] of pairs) {
        const want = ref.z[role][i];
        if (want === null) expect(p[key]).toBeNull();
        else expect(Math.abs((p[key] as number) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }
    });
  });
});

/**
 * Every centrality metric of `orgraph metrics` against NetworkX 3.6 on the 15 real data sets, on
 * the four views (undirected/directed x weighted/unweighted). The fixtures were written by
 * scripts/reference/centrality.py (tool, version and conventions are recorded in each JSON); this
 * test only reads them.
 * Tolerances: relative 1e-9 for exact metrics; 1e-6 absolute for the iterative ones (PageRank,
 * eigenvector, Katz).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgGraph } from '../../../src/model/org-graph.js';
import { project } from '../../../src/model/projection.js';
import { betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import { closenessSync } from '../../../src/metrics/centrality/closeness.js';
import { clustering } from '../../../src/metrics/centrality/clustering.js';
import { coreNumber } from '../../../src/metrics/centrality/core-number.js';
import { degree } from '../../../src/metrics/centrality/degree.js';
import { eigenvectorSync } from '../../../src/metrics/centrality/eigenvector.js';
import { harmonicSync } from '../../../src/metrics/centrality/harmonic.js';
import { katzSync } from '../../../src/metrics/centrality/katz.js';
import { pagerankSync } from '../../../src/metrics/centrality/pagerank.js';
import { strength } from '../../../src/metrics/centrality/strength.js';
import type { NodeScores } from '../../../src/metrics/scores.js';
import { datasetNames, loadDataset } from '../../helpers/datasets.js';
import { REFERENCE_DIR, referenceJson } from '../../helpers/reference.js';

interface ViewFixture {
  options: { directed: boolean; weighted: boolean };
  ties: number;
  diagnostics: { eigenvectorDefined: boolean; katzAlpha: number; lambdaMax: number };
  metrics: Record<string, (number | null)[]>;
}
interface Fixture {
  tool: string;
  version: string;
  script: string;
  personIds: string[];
  views: Record<string, ViewFixture>;
}

const EXACT = 1e-9;
const ITERATIVE = 1e-6;

/** Metric key -> how orgraph computes it, and the tolerance mode. */
const METRICS: Record<string, { compute: (v: ReturnType<typeof project>) => NodeScores; abs?: number }> = {
  degree: { compute: (v) => degree(v) },
  strength: { compute: (v) => strength(v) },
  inDegree: { compute: (v) => degree(v, { direction: 'in' }) },
  outDegree: { compute: (v) => degree(v, { direction: 'out' }) },
  inStrength: { compute: (v) => strength(v, { direction: 'in' }) },
  outStrength: { compute: (v) => strength(v, { direction: 'out' }) },
  betweenness: { compute: (v) => betweennessSync(v) },
  closeness: { compute: (v) => closenessSync(v) },
  harmonic: { compute: (v) => harmonicSync(v) },
  eigenvector: { compute: (v) => eigenvectorSync(v), abs: ITERATIVE },
  pagerank: { compute: (v) => pagerankSync(v), abs: ITERATIVE },
  katz: { compute: (v) => katzSync(v), abs: ITERATIVE },
  clustering: { compute: (v) => clustering(v) },
  coreNumber: { compute: (v) => coreNumber(v) },
};

/** Describe up to 5 disagreements between our values and the reference (null = undefined = NaN). */
function mismatches(ids: readonly string[], ours: Float64Array, ref: (number | null)[], abs?: number): string[] {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i];
    const o = ours[i];
    let ok: boolean;
    if (r === null) ok = Number.isNaN(o);
    else if (abs !== undefined) ok = Math.abs(o - r) <= abs;
    else ok = Math.abs(o - r) <= EXACT * Math.max(Math.abs(r), Math.abs(o)) + 1e-15;
    if (!ok && count++ < 5) out.push(`${ids[i]}: ours ${o}, networkx ${r}`);
  }
  if (count > 5) out.push(`... ${count - 5} more`);
  return out;
}

const names = datasetNames();

it('has a reference fixture for every data set, written by the committed script', () => {
  expect(names.length).toBe(15);
  for (const name of names) {
    const file = join(REFERENCE_DIR, 'centrality', `${name}.json`);
    expect(existsSync(file), file).toBe(true);
    const f = referenceJson<Fixture>(`centrality/${name}.json`);
    expect(f.tool).toBe('networkx');
    expect(f.version).toMatch(/^3\.6/);
    expect(f.script).toBe('scripts/reference/centrality.py');
    expect(Object.keys(f.views).sort()).toEqual([
      'directed-unweighted',
      'directed-weighted',
      'undirected-unweighted',
      'undirected-weighted',
    ]);
  }
});

describe.each(names)('%s', (name) => {
  let fixture: Fixture;
  let graph: OrgGraph;
  beforeAll(async () => {
    fixture = referenceJson<Fixture>(`centrality/${name}.json`);
    graph = await loadDataset(name);
  });

  for (const viewName of ['undirected-weighted', 'undirected-unweighted', 'directed-weighted', 'directed-unweighted']) {
    it(viewName, () => {
      const ref = fixture.views[viewName];
      const view = project(graph, ref.options);
      expect(view.personIds).toEqual(fixture.personIds);
      expect(view.csr.directed ? view.csr.arcCount : view.csr.arcCount / 2).toBe(ref.ties);
      const expected = Object.keys(ref.metrics).sort();
      const known = Object.keys(METRICS).filter((k) => ref.options.directed || !k.match(/^(in|out)[A-Z]/));
      expect(expected).toEqual(known.sort());
      const problems: Record<string, string[]> = {};
      for (const key of expected) {
        const ours = METRICS[key].compute(view);
        const bad = mismatches(view.personIds, ours.values, ref.metrics[key], METRICS[key].abs);
        if (bad.length) problems[key] = bad;
      }
      // The Katz alpha rule (0.1, or 0.9 / lambda_max when 0.1 would diverge) picks the same alpha.
      const k = katzSync(view).diagnostics;
      const alpha = k.alpha as number;
      if (Math.abs(alpha - ref.diagnostics.katzAlpha) > 1e-9 * ref.diagnostics.katzAlpha)
        problems.katzAlpha = [`ours ${alpha}, reference ${ref.diagnostics.katzAlpha}`];
      expect(eigenvectorSync(view).diagnostics.defined).toBe(ref.diagnostics.eigenvectorDefined);
      expect(problems).toEqual({});
    });
  }
});

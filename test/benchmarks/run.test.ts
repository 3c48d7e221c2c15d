/**
 * CI smoke test of the benchmark matrix: every case runs once on the 1k org (not timed), so a
 * benchmark that no longer runs fails the build. Also checks the peer wiring (graphology-metrics
 * ranks the same people on top as orgraph on the same graph) and the docs rendering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CASES, selectCases } from '../../benchmarks/cases.js';
import type { CaseResult, ResultsFile } from '../../benchmarks/harness.js';
import { BEGIN, END, renderResults, spliceResults } from '../../benchmarks/report.js';
import { caseSizes, runCaseHere, withTargets } from '../../benchmarks/runner.js';

const dataDir = mkdtempSync(join(tmpdir(), 'orgraph-bench-smoke-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const results: CaseResult[] = [];

describe('benchmark cases at n=1000 (smoke)', () => {
  it('numbers the cases uniquely and names them after number, measure and size', () => {
    const ids = ALL_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ALL_CASES.map((c) => c.key)).size).toBe(ids.length);
    for (const c of ALL_CASES) expect(c.name(1000, 20)).toMatch(new RegExp(`^${c.id} .*org n=1000 deg=20`));
    expect(selectCases(['3', 'closeness-weighted']).map((c) => c.id)).toEqual([3, 6]);
    expect(() => selectCases(['99'])).toThrow(/unknown case/);
  });

  for (const c of ALL_CASES) {
    it(`runs ${c.name(1000, 20)}`, async () => {
      const r = await runCaseHere(c, {
        size: 1000,
        seed: 1,
        degree: 20,
        workers: 2,
        graphology: true,
        smoke: true,
        dataDir: join(dataDir, 'org-1000'),
        log: () => {},
      });
      results.push(r);
      expect(r.reason ?? '').toBe('');
      expect(r.available).toBe(true);
      expect(r.seconds).toBeGreaterThan(0);
      expect(r.m).toBeGreaterThan(7500);
      for (const p of r.peers) {
        expect(p.reason ?? '').toBe('');
        // Same graph, same measure: the peer's top 10 must largely be orgraph's top 10.
        if (p.top10Agreement !== undefined) expect(p.top10Agreement).toBeGreaterThanOrEqual(0.7);
      }
    });
  }

  it('checks the ingest stages and the view memory', () => {
    const ingest = results.find((r) => r.id === 1)!;
    expect(Object.keys(ingest.stages ?? {})).toEqual(['csvToOrgGraph', 'orgGraphToCsr', 'cpuCsvToOrgGraph', 'cpuTotal']);
    const projection = results.find((r) => r.id === 2)!;
    // 1000 offsets + 2m targets (int32) + 2m weights (float64) + 1000 person indices.
    const m = projection.m!;
    expect(projection.memoryMB!.viewArrays * 2 ** 20).toBe(4 * 1001 + 2 * m * 4 + 2 * m * 8 + 4 * 1000);
  });
});

describe('runner and report', () => {
  it('applies targets only at their size and sizes only up to a case maximum', () => {
    const [c] = selectCases(['betweenness-unweighted']);
    const base = { id: 3, key: c.key, name: c.name(10_000, 20), size: 10_000, available: true, peers: [] };
    expect(withTargets(c, { ...base, seconds: 5 }).targets.map((t) => t.met)).toEqual([true]);
    expect(withTargets(c, { ...base, seconds: 11 }).targets.map((t) => t.met)).toEqual([false]);
    expect(withTargets(c, { ...base, size: 1000, seconds: 11 }).targets).toEqual([]);
    // Beating the peers of the same run: every named peer measured must be slower (speedup > 1).
    const peer = (tool: string, speedup: number) => ({ tool, available: true, seconds: 11 * speedup, speedup });
    expect(withTargets(c, { ...base, seconds: 11, peers: [peer('igraph', 1.2), peer('NetworKit', 3)] }).targets[0].beatsPeersHere).toBe(
      true,
    );
    expect(withTargets(c, { ...base, seconds: 11, peers: [peer('igraph', 0.9), peer('NetworKit', 3)] }).targets[0].beatsPeersHere).toBe(
      false,
    );
    expect(withTargets(c, { ...base, seconds: 11 }).targets[0].beatsPeersHere).toBe(null);
    expect(caseSizes(c, [1000, 1_000_000])).toEqual([1000]);
    expect(caseSizes(c, [])).toEqual([...c.sizes]);
  });

  it('renders a table per case and keeps the text around the markers', () => {
    const file: ResultsFile = {
      schema: 1,
      machine: { node: 'v20', cpu: 'cpu', cores: 2, memoryGB: 8, platform: 'linux x64' },
      provisional: true,
      updated: 'now',
      results: results.map((r) => ({ ...r, when: 'now' })),
    };
    const md = renderResults(file);
    for (const c of ALL_CASES) expect(md).toContain(`### ${c.id} `);
    expect(md).toContain('Provisional');
    // A long diagnostic text (the top-k bounds as JSON) is named, not printed, in the notes cell.
    const bounds = JSON.stringify({ ids: Array.from({ length: 40 }, (_, i) => `p${i}`) });
    const long = renderResults({ ...file, results: [{ ...file.results[0], quality: { bounds, topK: 40 } }] });
    expect(bounds.length).toBeGreaterThan(120);
    expect(long).toContain(`bounds=(${bounds.length} characters, in the results file), topK=40`);
    expect(long).not.toContain('p39');
    const doc = spliceResults(`# B\n\nintro\n\n${BEGIN}\nold\n${END}\n\nafter\n`, md);
    expect(doc).toContain('intro');
    expect(doc).toContain('after');
    expect(doc).not.toContain('\nold\n');
  });
});

/**
 * Ingest and projection benchmarks (cases 1 and 2)
 * CSV files -> OrgGraph (streamed ingest) -> CSR view, time per stage and memory; and the
 * projection alone on an in-memory OrgGraph with the retained size of the view.
 * Reference: Saad, Y. (2003). Iterative Methods for Sparse Linear Systems, §3.4 (CSR).
 */
import { existsSync } from 'node:fs';
import { loadFolder } from '../../src/ingest/index.js';
import { project, type OrgView } from '../../src/model/projection.js';
import { orgFixture } from '../fixture.js';
import { defaultOrgDir, ensureOrgFiles, orgFilesIn } from '../generate/org-graph.js';
import {
  caseName,
  collectGarbage,
  maxRssMB,
  measure,
  MemorySampler,
  type BenchCase,
  type CaseContext,
  type CaseOutcome,
} from '../harness.js';

const MB = 2 ** 20;

/** Bytes held by a view's typed arrays (CSR, in-arrays when distinct, person index). */
export function viewArrayBytes(view: OrgView): number {
  const c = view.csr;
  const arrays = new Set<ArrayBufferView>([c.offsets, c.targets, c.weights, c.inOffsets, c.inSources, c.inWeights, view.personIndex]);
  let bytes = 0;
  for (const a of arrays) bytes += a.byteLength;
  return bytes;
}

async function ingestCase(ctx: CaseContext): Promise<CaseOutcome> {
  const options = { people: ctx.size, seed: ctx.seed, averageDegree: ctx.degree };
  const dir = ctx.dataDir ?? defaultOrgDir(options);
  if (!existsSync(orgFilesIn(dir).meta)) ctx.log(`  generating files in ${dir} ...`);
  const { meta } = await ensureOrgFiles(options, dir);
  collectGarbage();
  const rss0 = process.memoryUsage().rss / MB;
  const sampler = new MemorySampler().start();
  ctx.log('  CSV -> OrgGraph ...');
  const t0 = performance.now();
  const { graph, report } = await loadFolder(dir);
  const t1 = performance.now();
  const afterIngest = { sampledPeak: sampler.sample() / MB, maxRss: maxRssMB() };
  ctx.log('  OrgGraph -> CSR view ...');
  const view = project(graph);
  const t2 = performance.now();
  const memory = sampler.stop();
  if (graph.personCount !== meta.n || graph.tieCount !== meta.m || view.csr.arcCount !== 2 * meta.m) {
    throw new Error(
      `ingest read ${graph.personCount} people / ${graph.tieCount} ties / ${view.csr.arcCount} arcs, expected ${meta.n} / ${meta.m} / ${2 * meta.m}`,
    );
  }
  collectGarbage();
  const rssEnd = process.memoryUsage().rss / MB;
  return {
    available: true,
    m: meta.m,
    seconds: (t2 - t0) / 1000,
    runs: 1,
    stages: { csvToOrgGraph: (t1 - t0) / 1000, orgGraphToCsr: (t2 - t1) / 1000 },
    memoryMB: {
      rssBefore: rss0,
      maxRssAfterIngest: afterIngest.maxRss,
      maxRssAfterProjection: memory.maxRssMB,
      sampledPeakRss: memory.peakRssMB,
      rssRetainedGraphAndView: rssEnd,
      viewArrays: viewArrayBytes(view) / MB,
    },
    quality: {
      rowsRead: report.files.reduce((s, f) => s + f.rowsRead, 0),
      issues: report.issueCount,
      people: graph.personCount,
      ties: graph.tieCount,
    },
  };
}

async function projectionCase(ctx: CaseContext): Promise<CaseOutcome> {
  const f = orgFixture(ctx.size, ctx.seed, ctx.degree);
  let view: OrgView | undefined;
  collectGarbage();
  const rss0 = process.memoryUsage().rss / MB;
  const max0 = maxRssMB();
  const t = await measure(
    () => {
      view = undefined;
      view = project(f.graph);
    },
    { smoke: ctx.smoke, maxRuns: 3 },
  );
  collectGarbage();
  const rss1 = process.memoryUsage().rss / MB;
  return {
    available: true,
    m: f.org.m,
    seconds: t.seconds,
    runs: t.runs,
    memoryMB: {
      viewArrays: viewArrayBytes(view!) / MB,
      rssDeltaRetainedView: rss1 - rss0,
      maxRssBefore: max0,
      maxRssAfter: maxRssMB(),
    },
  };
}

/** 1: CSV -> OrgGraph -> CSR on a generated org written in the datasets format. */
export const ingestCase1: BenchCase = {
  id: 1,
  key: 'ingest',
  sizes: [1_000_000],
  maxSize: 10_000_000,
  needsFiles: true,
  name: (n, d) => caseName(1, 'ingest CSV -> OrgGraph -> CSR view', n, d),
  run: ingestCase,
};

/** 2: projection of an in-memory OrgGraph to the default CSR view. Target: the 1M view under 400 MB. */
export const projectionCase2: BenchCase = {
  id: 2,
  key: 'projection',
  sizes: [100_000, 1_000_000],
  maxSize: 10_000_000,
  name: (n, d) => caseName(2, 'project OrgGraph -> CSR view', n, d, 'undirected weighted'),
  targets: [
    {
      size: 1_000_000,
      description: 'memory of the 1M view (its typed arrays) under 400 MB',
      check: (r) => (r.memoryMB?.viewArrays === undefined ? null : r.memoryMB.viewArrays < 400),
    },
  ],
  run: projectionCase,
};

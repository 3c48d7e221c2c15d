/**
 * Ingest and projection benchmarks (cases 1 and 2)
 * CSV files -> OrgGraph (streamed ingest) -> CSR view, time per stage and memory; and the
 * projection alone on an in-memory OrgGraph with the retained size of the view.
 * Reference: Saad, Y. (2003). Iterative Methods for Sparse Linear Systems, §3.4 (CSR).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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
  type PeerResult,
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

const PEERS_INGEST = fileURLToPath(new URL('./peers_ingest.py', import.meta.url));

/**
 * The edge list the Python peers load (written once, untimed, next to ties.csv): `source target
 * weight` per line, string ids as in ties.csv, no header and no relation column (neither
 * EdgeListReader nor Read_Ncol reads a header or a fourth column).
 */
async function peerEdgeList(dir: string): Promise<string> {
  const path = join(dir, 'ties.peers.txt');
  if (existsSync(path)) return path;
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  const lines = createInterface({ input: createReadStream(join(dir, 'ties.csv'), { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let first = true;
  let buf = '';
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    const [s, t, w] = line.split(',');
    buf += `${s} ${t} ${w}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, path);
  return path;
}

/** Load time of one Python peer on the prepared edge list, in its own process. */
function ingestPeer(
  tool: 'networkit' | 'igraph',
  file: string,
  threads: number,
  orgraphSeconds: number,
): PeerResult & Record<string, unknown> {
  const label = tool === 'networkit' ? 'NetworKit' : 'igraph';
  const proc = spawnSync('python3', [PEERS_INGEST, '--tool', tool, '--file', file, '--threads', String(threads)], {
    encoding: 'utf8',
    timeout: 30 * 60 * 1000,
  });
  if (proc.error || proc.status !== 0) {
    return {
      tool: label,
      available: false,
      reason: proc.error?.message ?? `exited ${proc.status}: ${proc.stderr.trim().split('\n').pop() ?? ''}`,
    };
  }
  const r = JSON.parse(proc.stdout.trim().split('\n').pop()!) as Record<string, number | string | boolean>;
  if (r.available !== true) return { tool: label, available: false, reason: String(r.reason) };
  const seconds = Number(r.seconds);
  return {
    tool: label,
    available: true,
    version: String(r.version),
    threads: Number(r.threads),
    seconds,
    speedup: seconds / orgraphSeconds,
    cpuSeconds: Number(r.cpuSeconds),
    peakRssMB: Number(r.peakRssMB),
    nodes: Number(r.nodes),
    edges: Number(r.edges),
  };
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
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { graph, report } = await loadFolder(dir);
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  const afterIngest = { sampledPeak: sampler.sample() / MB, maxRss: maxRssMB() };
  ctx.log('  OrgGraph -> CSR view ...');
  const view = project(graph);
  const t2 = performance.now();
  const c2 = process.cpuUsage(c0);
  const memory = sampler.stop();
  if (graph.personCount !== meta.n || graph.tieCount !== meta.m || view.csr.arcCount !== 2 * meta.m) {
    throw new Error(
      `ingest read ${graph.personCount} people / ${graph.tieCount} ties / ${view.csr.arcCount} arcs, expected ${meta.n} / ${meta.m} / ${2 * meta.m}`,
    );
  }
  collectGarbage();
  const rssEnd = process.memoryUsage().rss / MB;
  const seconds = (t2 - t0) / 1000;
  // Peers: the same ties, loaded by each reader in its own process, right after orgraph (same
  // machine load); 2 threads for NetworKit as in every other case. Skipped in smoke runs.
  const peers: PeerResult[] = [];
  if (!ctx.smoke) {
    ctx.log('  peers: edge-list load ...');
    const file = await peerEdgeList(dir);
    for (const tool of ['networkit', 'igraph'] as const) peers.push(ingestPeer(tool, file, 2, seconds));
  }
  return {
    available: true,
    m: meta.m,
    seconds,
    runs: 1,
    peers,
    stages: {
      csvToOrgGraph: (t1 - t0) / 1000,
      orgGraphToCsr: (t2 - t1) / 1000,
      cpuCsvToOrgGraph: (c1.user + c1.system) / 1e6,
      cpuTotal: (c2.user + c2.system) / 1e6,
    },
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

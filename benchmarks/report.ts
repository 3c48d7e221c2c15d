/**
 * Benchmark report
 * Renders a results file (benchmarks/results/*.json) as the Markdown tables of docs/benchmarks.md,
 * between the markers `<!-- results:begin -->` and `<!-- results:end -->`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CaseResult, PeerResult, ResultsFile } from './harness.js';

export const BEGIN = '<!-- results:begin -->';
export const END = '<!-- results:end -->';

const PEER_COLUMNS = ['graphology-metrics', 'igraph', 'NetworKit'] as const;

function secs(s: number | undefined): string {
  if (s === undefined) return '-';
  if (s >= 100) return `${s.toFixed(0)} s`;
  if (s >= 10) return `${s.toFixed(1)} s`;
  if (s >= 0.1) return `${s.toFixed(2)} s`;
  return `${(s * 1000).toFixed(1)} ms`;
}

/** Longest diagnostic text shown in a notes cell; longer ones (the top-k bounds as JSON) stay in the results file. */
const NOTE_TEXT_MAX = 120;

function num(x: number | string | boolean | null | undefined): string {
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : x.toPrecision(3);
  if (typeof x === 'string' && x.length > NOTE_TEXT_MAX) return `(${x.length.toLocaleString('en-US')} characters, in the results file)`;
  return String(x);
}

function peerCell(p: PeerResult | undefined): string {
  if (!p) return '-';
  if (!p.available || p.seconds === undefined)
    return `n/a${p.reason ? ` (${p.reason.length > 60 ? p.reason.slice(0, 57) + '...' : p.reason})` : ''}`;
  const threads = p.threads && p.threads > 1 ? ` [${p.threads} thr]` : '';
  const ratio = p.speedup !== undefined ? ` (x${p.speedup.toFixed(2)})` : '';
  return `${secs(p.seconds)}${ratio}${threads}`;
}

function notes(r: CaseResult): string {
  const parts: string[] = [];
  if (r.stages)
    parts.push(
      Object.entries(r.stages)
        .map(([k, v]) => `${k} ${secs(v)}`)
        .join(', '),
    );
  if (r.memoryMB)
    parts.push(
      Object.entries(r.memoryMB)
        .map(([k, v]) => `${k} ${v.toFixed(0)} MB`)
        .join(', '),
    );
  if (r.quality) {
    const q = Object.entries(r.quality);
    if (q.length) parts.push(q.map(([k, v]) => `${k}=${num(v)}`).join(', '));
  }
  const agree = r.peers.filter((p) => p.top10Agreement !== undefined).map((p) => `${p.tool} ${Math.round(p.top10Agreement! * 100)}%`);
  if (agree.length) parts.push(`top-10 agreement: ${agree.join(', ')}`);
  const recall = r.peers.filter((p) => p.recall !== undefined).map((p) => `${p.tool} ${Math.round(p.recall! * 100)}%`);
  if (recall.length) parts.push(`peer recall: ${recall.join(', ')}`);
  if (r.notes?.length) parts.push(...r.notes);
  return parts.join('; ').replace(/\|/g, '\\|');
}

/** Markdown for a results file: machine, one table per case, and the targets. */
export function renderResults(file: ResultsFile): string {
  const m = file.machine;
  const lines: string[] = [];
  lines.push(
    `Machine: Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.platform}${m.python ? `, Python ${m.python}` : ''}. ` +
      `Results file updated ${file.updated}.`,
  );
  if (file.provisional) {
    lines.push(
      '',
      '**Provisional figures**: measured on a machine shared with other busy processes (load average per row); to be re-run on a quiet machine.',
    );
  }
  lines.push(
    '',
    'Times are medians of up to 5 runs (one run when a run takes over 2 s). `(xR)` = peer time / orgraph time: above 1, orgraph is faster.',
  );
  const byCase = new Map<number, CaseResult[]>();
  for (const r of file.results) {
    if (!byCase.has(r.id)) byCase.set(r.id, []);
    byCase.get(r.id)!.push(r);
  }
  for (const id of [...byCase.keys()].sort((a, b) => a - b)) {
    const rows = byCase
      .get(id)!
      .slice()
      .sort((a, b) => a.size - b.size);
    lines.push('', `### ${rows[0].name.replace(/org n=\d+/, 'org n=…')}`, '');
    lines.push('| n | ties | orgraph | ' + PEER_COLUMNS.join(' | ') + ' | load | notes |');
    lines.push('|---:|---:|---:|' + PEER_COLUMNS.map(() => '---:|').join('') + '---:|---|');
    for (const r of rows) {
      const load = (r as { loadAverage?: number }).loadAverage;
      const orgraph = r.available ? secs(r.seconds) : `n/a (${r.reason ?? 'unavailable'})`;
      lines.push(
        `| ${r.size} | ${r.m ?? '-'} | ${orgraph} | ` +
          PEER_COLUMNS.map((t) => peerCell(r.peers.find((p) => p.tool === t))).join(' | ') +
          ` | ${load !== undefined ? load.toFixed(1) : '-'} | ${notes(r)} |`,
      );
    }
  }
  const targets = file.results.flatMap((r) => r.targets.map((t) => ({ r, t })));
  lines.push('', '### Targets', '');
  if (targets.length === 0) lines.push('No target case has been run yet.');
  else {
    const word = (x: boolean | null | undefined) => (x === undefined ? '-' : x === null ? 'not measured' : x ? 'met' : '**not met**');
    lines.push(
      'The absolute figures of a target come from a quiet reference machine; "beats the peers here" compares with the peers measured in the same run.',
      '',
      '| case | target | orgraph | met (absolute) | beats the peers here |',
      '|---|---|---:|---|---|',
    );
    for (const { r, t } of targets.sort((a, b) => a.r.id - b.r.id)) {
      lines.push(
        `| ${r.name} | ${t.description} | ${r.available ? secs(r.seconds) : 'n/a'} | ${word(t.met)} | ${word(t.beatsPeersHere)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Replace the results section of a Markdown file (between the markers) with `body`. */
export function spliceResults(markdown: string, body: string): string {
  const a = markdown.indexOf(BEGIN);
  const b = markdown.indexOf(END);
  if (a < 0 || b < a) return `${markdown.trimEnd()}\n\n${BEGIN}\n${body}\n${END}\n`;
  return `${markdown.slice(0, a + BEGIN.length)}\n${body}\n${markdown.slice(b)}`;
}

/** Regenerate the results section of `docsPath` from `resultsPath`. */
export function updateDocs(resultsPath: string, docsPath: string): void {
  const file = JSON.parse(readFileSync(resultsPath, 'utf8')) as ResultsFile;
  const md = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : '# Benchmarks\n';
  writeFileSync(docsPath, spliceResults(md, renderResults(file)));
}

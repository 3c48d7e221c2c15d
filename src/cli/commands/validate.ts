/**
 * `orgraph validate`: read an input as every other command would and say what is in it and what
 * is wrong with it. Exit 0 clean, 1 data errors (strict failure, or lenient with rows dropped),
 * 2 usage errors.
 */
import { escapeText, isOrgraphError } from '../../model/errors.js';
import type { OrgGraph } from '../../model/org-graph.js';
import type { IngestReport } from '../../ingest/index.js';
import { addInputOptions, inputAccount, loadInput, type InputCliOptions } from '../input.js';
import { formatSourceAccount, type SourceAccount } from '../source-stats.js';
import { UsageError, type RegisterCommand } from '../command-kit.js';

interface ValidateCliOptions extends InputCliOptions {
  readonly format?: string;
}

/** The machine-readable summary `orgraph validate --format json` prints. */
export interface ValidateSummary {
  readonly ok: boolean;
  readonly people: number;
  readonly ties: number;
  readonly external: number;
  readonly relations: readonly { readonly name: string; readonly directed: boolean; readonly ties: number }[];
  readonly attributes: readonly string[];
  readonly report: IngestReport;
  /** For a source read by an interaction model (m365, google, slack, viva-p2p, events): what it read and left out. */
  readonly source: SourceAccount | null;
}

/** Summarise a loaded graph and its ingest report. */
export function validateSummary(graph: OrgGraph, report: IngestReport, source: SourceAccount | null = null): ValidateSummary {
  const perRelation = graph.tiesPerRelation();
  let external = 0;
  for (let i = 0; i < graph.personCount; i++) if (graph.isExternal(i)) external++;
  return {
    ok: report.files.every((f) => f.rowsDropped === 0),
    people: graph.personCount,
    ties: graph.tieCount,
    external,
    relations: graph.relations.map((r) => ({ name: r.name, directed: r.directed, ties: perRelation.get(r.name) ?? 0 })),
    attributes: [...graph.attributeNames],
    report,
    source,
  };
}

/** The human-readable text of a summary. */
export function formatValidateSummary(s: ValidateSummary): string {
  const lines: string[] = [];
  lines.push(`people: ${s.people}${s.external ? ` (${s.external} external)` : ''}`);
  lines.push(`ties: ${s.ties}`);
  lines.push(`relations: ${s.relations.length === 0 ? '(none)' : ''}`);
  const width = Math.max(0, ...s.relations.map((r) => escapeText(r.name).length));
  for (const r of s.relations) {
    lines.push(`  ${escapeText(r.name).padEnd(width)}  ${String(r.ties).padStart(8)} ties  ${r.directed ? 'directed' : 'undirected'}`);
  }
  lines.push(`attributes: ${s.attributes.length ? s.attributes.map(escapeText).join(', ') : '(none)'}`);
  lines.push(`ingest (${s.report.mode}):`);
  for (const f of s.report.files) {
    const notes: string[] = [];
    if (f.bom) notes.push('BOM stripped');
    if (f.lineEndings === 'crlf' || f.lineEndings === 'mixed') notes.push(`${f.lineEndings.toUpperCase()} line endings`);
    if (f.blankLines) notes.push(`${f.blankLines} blank line(s) skipped`);
    if (f.ignoredColumns.length) notes.push(`ignored columns: ${f.ignoredColumns.map(escapeText).join(', ')}`);
    lines.push(
      `  ${escapeText(f.file)} [${f.kind}]: ${f.rowsRead} rows read, ${f.rowsKept} kept, ${f.rowsDropped} dropped${notes.length ? `; ${notes.join('; ')}` : ''}`,
    );
    for (const [code, n] of Object.entries(f.dropped)) lines.push(`    dropped ${code}: ${n}`);
    for (const [code, n] of Object.entries(f.altered)) lines.push(`    altered ${code}: ${n}`);
  }
  if (s.source !== null) lines.push(...formatSourceAccount(s.source));
  if (s.report.issueCount === 0) {
    lines.push('issues: none');
  } else {
    const shown = s.report.issues.length;
    lines.push(`issues: ${s.report.issueCount}${shown < s.report.issueCount ? ` (first ${shown} listed)` : ''}`);
    for (const i of s.report.issues) {
      const at = `${i.file}${i.line !== undefined ? `:${i.line}` : ''}${i.field !== undefined ? ` field "${i.field}"` : ''}`;
      lines.push(`  ${at}: ${i.code} (${i.action}): ${i.message}`);
    }
  }
  lines.push(
    `result: ${s.ok ? (s.report.issueCount ? 'usable, with repairs or warnings above' : 'clean') : 'rows were dropped (see above)'}`,
  );
  return lines.join('\n') + '\n';
}

export const validate: RegisterCommand = (program, io, setExit) => {
  addInputOptions(
    program
      .command('validate')
      .description('check an input (folder, .json file, or --people/--ties files) and report what was read, kept and dropped')
      .argument('[dir]', 'folder with people.csv and ties.csv (optional relations.csv), or a .json file'),
  )
    .option('--format <format>', 'text (default) or json', 'text')
    .action(async (dir: string | undefined, opts: ValidateCliOptions) => {
      const format = opts.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
      let loaded;
      try {
        loaded = await loadInput(dir, opts);
      } catch (e) {
        if (format === 'json' && isOrgraphError(e)) {
          const error = { code: e.code, file: e.file ?? null, line: e.line ?? null, field: e.field ?? null, message: e.reason };
          io.out(JSON.stringify({ ok: false, error }, null, 2) + '\n');
        }
        throw e;
      }
      const summary = validateSummary(loaded.graph, loaded.report, inputAccount(loaded));
      io.out(format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : formatValidateSummary(summary));
      if (!summary.ok) setExit(1);
    });
};

/**
 * `orgraph analyze [dir]`: one command from raw data to a report people can read. Runs ingest,
 * centrality, brokerage, key-person risks, silos, communities, gaps, introductions and (with
 * `--objectives`) the scorecard, and writes an output folder: report.html (self-contained),
 * people.csv, groups.csv, gaps.csv, introductions.csv, scorecard.csv and summary.json.
 * Privacy (`--min-group-size`, `--pseudonymize --key`, `--groups-only`) is applied to the graph
 * before any analysis (inside `analysis()`), so it holds in every file. The folder is written as one
 * staged run swapped in whole (src/cli/output.ts). Without a folder it analyses the bundled example.
 * Exit 0 done; 1 data errors (bad input, unknown attribute, unwritable output); 2 usage errors
 * (including an output that would replace an input or a folder orgraph did not write).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { OrgraphError, isOrgraphError } from '../../model/errors.js';
import type { OrgGraph } from '../../model/org-graph.js';
import { loadObjectives } from '../../recommend/objectives.js';
import { analysis, type AnalysisResult } from '../../report/analysis.js';
import { mapAssets } from '../../report/assets.js';
import { reportHtml } from '../../report/html.js';
import { OTHER_GROUP } from '../../report/privacy.js';
import { addInputOptions, inputAccount, inputNoteLines, inputSentences, loadInput, type InputCliOptions } from '../input.js';
import { addAnalyzeTimelineOptions, analyzeTimeline } from '../analyze-timeline.js';
import { checkOutputFolder, inputPaths, toJson, writeOutputFolder, type FileContent } from '../output.js';
import { peopleCsvChunks, reportCsvFiles } from '../../report/csv-files.js';
import { findingsText } from '../findings-text.js';
import { nameGroups, readGroupNames } from '../group-names.js';
import { createProgress } from '../progress.js';
import { EXIT_OUT_OF_MEMORY, isAllocationFailure, outOfMemoryLine, reportingToParent } from '../supervisor.js';
import { parseList, UsageError, VERSION, type RegisterCommand } from '../command-kit.js';

/** The bundled example and the group attribute analyze uses for it by default. */
export const EXAMPLE_DATASET = 'manufacturing-email';
export const EXAMPLE_GROUP = 'division';

/** Default output folder. */
export const DEFAULT_REPORT_DIR = 'orgraph-report';

/** Environment variable read for the pseudonymisation key when `--key` is not given. */
export const KEY_ENV = 'ORGRAPH_PSEUDONYM_KEY';

interface AnalyzeCliOptions extends InputCliOptions {
  readonly out: string;
  readonly group?: string;
  readonly relation?: string;
  readonly directed?: boolean;
  readonly minGroupSize: string;
  readonly pseudonymize?: boolean;
  readonly key?: string;
  readonly keepAttributes?: string;
  readonly groupsOnly?: boolean;
  readonly objectives?: string;
  readonly mapLimit: string;
  readonly workers?: string;
  readonly seed: string;
  readonly title?: string;
  readonly quiet?: boolean;
  readonly labelColumn?: string;
  readonly excel?: boolean;
  readonly groupNames?: string;
}

/** The files analyze writes, in the order it writes them. */
export const REPORT_FILES = Object.freeze([
  'people.csv',
  'groups.csv',
  'gaps.csv',
  'introductions.csv',
  'scorecard.csv',
  'summary.json',
  'report.html',
]);

/** Folder of the bundled example: found from this module's location (source tree or dist/). */
export function exampleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'examples', EXAMPLE_DATASET);
    if (existsSync(join(candidate, 'ties.csv'))) return candidate;
    dir = dirname(dir);
  }
  throw new OrgraphError('E_FILE_NOT_FOUND', `the bundled example examples/${EXAMPLE_DATASET} was not found next to orgraph`);
}

function wholeNumber(name: string, value: string, min: number): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isInteger(x) || x < min)
    throw new UsageError(`${name} must be a whole number >= ${min}, got "${value}"`);
  return x;
}

/** The CSV files of a result: defined with the report (src/report/csv-files.ts) so the page embeds the same tables. */
export { reportCsvFiles };

function pickGroup(graph: OrgGraph, opts: AnalyzeCliOptions, isExample: boolean): string | null {
  if (opts.group !== undefined) {
    graph.attribute(opts.group); // E_UNKNOWN_ATTRIBUTE (exit 1)
    return opts.group;
  }
  if (isExample) return EXAMPLE_GROUP;
  for (const name of ['department', 'division', 'team', 'group']) if (graph.hasAttribute(name)) return name;
  return null;
}

export const analyze: RegisterCommand = (program, io, setExit) => {
  const cmd: Command = program
    .command('analyze')
    .description('full analysis and a self-contained HTML report (no folder: the bundled example)')
    .argument('[dir]', `folder with people.csv and ties.csv, or a .json file (default: examples/${EXAMPLE_DATASET})`);
  addInputOptions(cmd);
  cmd
    .option(
      '--out <dir>',
      'output folder: created, or replaced whole when it holds an earlier orgraph run (never an input, never a folder orgraph did not write)',
      DEFAULT_REPORT_DIR,
    )
    .option(
      '--group <column>',
      `people attribute naming the formal group (default: ${EXAMPLE_GROUP} for the example, else department/division/team/group when present)`,
    )
    .option('--relation <list>', 'comma-separated relations to include (default: all)')
    .option('--directed', 'keep tie direction (default: undirected)')
    .option('--min-group-size <k>', 'groups (and communities) smaller than k are merged into "Other" or withheld, in every output', '5')
    .option(
      '--pseudonymize',
      `replace person ids by keyed HMAC-SHA256 pseudonyms everywhere (key from --key or $${KEY_ENV}); other attributes are dropped`,
    )
    .option('--key <secret>', 'key for --pseudonymize (the same key gives the same pseudonyms)')
    .option('--keep-attributes <list>', 'with --pseudonymize: attributes to keep besides the group')
    .option('--groups-only', 'no person-level output at all: group figures only')
    .option('--objectives <file>', 'objectives file (JSON or YAML) for the scorecard')
    .option('--map-limit <n>', 'most people drawn on the map (the most central are drawn above it)', '5000')
    .option('--workers <n>', 'worker threads for betweenness (default: all cores)')
    .option('--seed <n>', 'seed of every randomised stage', '1')
    .option('--title <text>', 'report title')
    .option('--quiet', 'no progress bar')
    .option(
      '--label-column <column>',
      'people attribute with display names, shown beside ids (default: name when present; dropped by --pseudonymize)',
    )
    .option('--group-names <file>', 'CSV with columns group,name: names shown for the group codes (docs/guides/analyst-cli.md)')
    .option('--excel', 'CSV files for Excel: UTF-8 byte-order mark (records end in CRLF either way)');
  addAnalyzeTimelineOptions(cmd);
  cmd.action(async (dirArg: string | undefined, opts: AnalyzeCliOptions) => {
    // Step 1: options, before reading any data.
    const minGroupSize = wholeNumber('--min-group-size', opts.minGroupSize, 1);
    const mapLimit = wholeNumber('--map-limit', opts.mapLimit, 1);
    const seed = wholeNumber('--seed', opts.seed, 0);
    const workers = opts.workers === undefined ? undefined : wholeNumber('--workers', opts.workers, 1);
    const relations = opts.relation !== undefined ? parseList(opts.relation) : null;
    let key: string | null = null;
    if (opts.pseudonymize) {
      key = opts.key ?? process.env[KEY_ENV] ?? null;
      if (!key) throw new UsageError(`--pseudonymize needs a key: --key <secret> or the ${KEY_ENV} environment variable`);
    } else if (opts.key !== undefined) {
      throw new UsageError('--key is only used with --pseudonymize');
    }
    const keep = opts.keepAttributes !== undefined ? parseList(opts.keepAttributes) : null;
    const isExample = dirArg === undefined && opts.ties === undefined && opts.people === undefined;
    const dir = isExample ? exampleDir() : dirArg;
    // The output folder is checked (never an input, never a folder orgraph did not write) but
    // nothing is created until the whole run is ready.
    const inputs = inputPaths(dir, opts, [opts.objectives, opts.groupNames]);
    const outDir = checkOutputFolder(opts.out, inputs);
    const objectives = opts.objectives !== undefined ? await loadObjectives(opts.objectives) : null;
    const progress = reportingToParent(createProgress({ enabled: io.isTTY && !opts.quiet, write: (s) => io.err(s) }));
    try {
      await runAnalyze();
    } catch (e) {
      // A failure names its stage: a refused allocation is reported as running out of memory
      // (exit 3, as the supervisor reports a V8 out-of-memory abort); anything else unexpected
      // carries the stage into the internal-error line.
      if (isAllocationFailure(e)) {
        progress.done();
        io.err(`${outOfMemoryLine(progress.stage(), process.memoryUsage().rss, null)}\n`);
        setExit(EXIT_OUT_OF_MEMORY);
        return;
      }
      if (e instanceof Error && !isOrgraphError(e) && !(e instanceof UsageError) && progress.stage() !== null)
        e.message = `${e.message} (during ${progress.stage()})`;
      throw e;
    } finally {
      progress.done();
    }
    async function runAnalyze(): Promise<void> {
      // Step 2: read, then apply privacy before anything is computed.
      progress.update('reading input', 0, 1);
      const loaded = await loadInput(dir, opts, (done, total) => progress.update('reading input', done, total));
      const report = loaded.report;
      let input = loaded.graph;
      progress.update('reading input', 1, 1);
      const notes = inputNoteLines(loaded);
      if (notes.length > 0) {
        progress.done();
        for (const line of notes) io.err(`${line}\n`);
      }
      const group = pickGroup(input, opts, isExample);
      if (opts.groupNames !== undefined) {
        if (group === null) throw new UsageError('--group-names needs a group attribute (--group COL)');
        input = nameGroups(input, group, await readGroupNames(opts.groupNames), opts.groupNames);
      }
      if (keep) for (const a of keep) input.attribute(a);
      // Step 3: analyse.
      let result: AnalysisResult;
      try {
        result = await analysis(input, {
          group,
          relations,
          directed: opts.directed ?? false,
          minGroupSize,
          pseudonymKey: key,
          keepAttributes: keep,
          groupsOnly: opts.groupsOnly ?? false,
          mapLimit,
          workers,
          seed,
          objectives,
          label: opts.labelColumn,
          onProgress: (stage, done, total) => progress.update(stage, done, total),
          // The CLI already runs in a supervised child process: analyse in it, nothing copied (1M people).
          thread: 'caller',
        });
      } catch (e) {
        if (isOrgraphError(e) && e.code === 'E_UNKNOWN_GROUP' && minGroupSize > 1) {
          throw new OrgraphError(
            'E_UNKNOWN_GROUP',
            `${e.reason} (groups under --min-group-size ${minGroupSize}, and the smallest others when needed to reach it, are merged into "${OTHER_GROUP}")`,
            { file: e.file, field: e.field },
          );
        }
        throw e;
      }
      // Step 4: write the folder.
      const assets = mapAssets();
      const versions = {
        orgraph: VERSION,
        node: process.versions.node,
        sigma: assets.versions.sigma,
        graphology: assets.versions.graphology,
      };
      const timeline = await analyzeTimeline(dir, input, opts, { group, relations, seed });
      const inputNotes = [...inputSentences(loaded), ...timeline.sentences];
      const source =
        key !== null ? 'input withheld (pseudonymised)' : isExample ? `bundled example ${EXAMPLE_DATASET}` : (dir ?? opts.ties ?? '');
      // people.csv is streamed into the staging folder (a million rows are never one string).
      const files = new Map<string, FileContent>(reportCsvFiles(result, { excel: opts.excel ?? false, people: false }));
      if (!result.options.groupsOnly) files.set('people.csv', () => peopleCsvChunks(result.people, { excel: opts.excel ?? false }));
      const written = [...files.keys()];
      const summary = {
        orgraph: VERSION,
        versions,
        input: {
          source,
          people: input.personCount,
          ties: input.tieCount,
          relations: input.relations.map((r) => r.name),
          lenient: opts.lenient ?? false,
          issues: report.issueCount,
          notes: inputNotes,
          model: inputAccount(loaded),
        },
        options: {
          ...result.options,
          pseudonymized: key !== null,
          keepAttributes: keep,
          objectives: objectives !== null,
          undirectedRelations: opts.undirectedRelations ? parseList(opts.undirectedRelations) : [],
          managerColumn: opts.managerColumn ?? null,
        },
        privacy: result.privacy,
        overview: result.overview,
        betweenness: result.betweennessMethod,
        communities: {
          count: result.communities.count,
          shown: result.communities.shown.length,
          merged: result.communities.merged,
          modularity: result.communities.modularity,
        },
        map: {
          kind: result.map.kind,
          total: result.map.total,
          shown: result.map.shown,
          tiesTotal: result.map.tiesTotal,
          tiesShown: result.map.tiesShown,
          sampled: result.map.sampleNote !== null,
        },
        scorecard: result.scorecard ? result.scorecard.summary : null,
        files: [...written, 'summary.json', 'report.html'],
      };
      files.set('summary.json', toJson(summary));
      // Progress: the page is one unit, each file another (people.csv is most of the writing at scale).
      const units = files.size + 2;
      progress.update('writing report', 0, units);
      files.set(
        'report.html',
        reportHtml(result, assets, {
          title: opts.title,
          source,
          versions,
          timeline: timeline.result,
          excel: opts.excel ?? false,
          inputNotes,
        }),
      );
      progress.update('writing report', 1, units);
      await writeOutputFolder(outDir, files, inputs, undefined, (done) => progress.update('writing report', 1 + done, units));
      progress.done();
      for (const line of timeline.notes) io.err(`${line}\n`);
      io.out(`orgraph: report for ${input.personCount} people written to ${join(outDir, 'report.html')}\n`);
      io.out(findingsText(result));
      if (result.map.sampleNote) io.out(`orgraph: ${result.map.sampleNote}\n`);
      if (group === null) io.out('orgraph: no group attribute (give --group COL): group-level sections are empty\n');
      else if (result.privacy.allGroupsWithheld)
        io.out(`orgraph: all groups together have fewer than ${minGroupSize} people: no group is shown (privacy)\n`);
      else if (result.privacy.groupsMerged > 0) {
        const n = result.privacy.groupsMerged + result.privacy.groupsMergedToProtect;
        io.out(
          `orgraph: ${n} group${n === 1 ? '' : 's'} merged into "${OTHER_GROUP}" (groups under ${minGroupSize} people${result.privacy.groupsMergedToProtect > 0 ? ', with the smallest others so that it reaches ' + minGroupSize : ''})\n`,
        );
      }
    }
  });
};

/**
 * The report's tables as CSV files
 * One definition of every CSV a report has (people, groups, gaps, introductions, scorecard and the
 * heatmap), used both for the files written beside report.html and for the copies embedded in the
 * page for download. Names sit beside ids; numbers are rounded for reading (4 significant digits;
 * summary.json and the API keep full precision); `excel` adds a UTF-8 byte-order mark.
 * Reference: RFC 4180 (CSV); Unicode Standard, section 23.8 (U+FEFF as a byte-order mark).
 */
import { recordsToCsv, type CellValue, type CsvOptions } from '../model/tables.js';
import type { AnalysisResult } from './analysis.js';

/** Options of {@link reportCsvFiles}. */
export interface ReportCsvOptions {
  /** Write for Excel: a UTF-8 byte-order mark before the header (records end in CRLF either way). @defaultValue false */
  readonly excel?: boolean;
  /** Significant digits of numbers that are not whole; null writes full precision. @defaultValue 4 */
  readonly significant?: number | null;
  /** Also the heatmap (group-by-group ties), which the page offers but the output folder does not write. @defaultValue false */
  readonly heatmap?: boolean;
  /**
   * Include people.csv (with person-level output). False leaves it out, for callers that stream it
   * with {@link peopleCsvChunks} instead of holding it as one string (a million rows). @defaultValue true
   */
  readonly people?: boolean;
}

/** Defaults of {@link ReportCsvOptions}. */
export const DEFAULT_REPORT_CSV_OPTIONS = Object.freeze({ excel: false, significant: 4, heatmap: false, people: true });

/** Columns of people.csv, in order (`name` is empty when the data has no names or under pseudonyms). */
export const PEOPLE_COLUMNS = Object.freeze([
  'id',
  'name',
  'group',
  'community',
  'degree',
  'strength',
  'betweenness',
  'betweennessPercentile',
  'pagerank',
  'constraint',
  'effectiveSize',
  'gatekeeper',
  'gatekeeperZ',
  'liaison',
  'brokerage',
  'articulation',
  'fragmentationChange',
]);

const rows = <T extends object>(xs: readonly T[]) => xs.map((x) => ({ ...x }) as Record<string, CellValue>);

/**
 * The CSV files of a result, by file name: people.csv and introductions.csv only with person-level
 * output (introductions.csv only with groups), scorecard.csv only with objectives, heatmap.csv
 * only when asked. Each has a header even when it has no rows.
 *
 * Complexity: O(size of the result).
 * @example
 * reportCsvFiles(result, { excel: true }).get('people.csv'); // '\uFEFFid,name,group,...\r\n...'
 */
export function reportCsvFiles(r: AnalysisResult, options: ReportCsvOptions = {}): Map<string, string> {
  const csv = csvOptions(options);
  const files = new Map<string, string>();
  if (!r.options.groupsOnly && (options.people ?? DEFAULT_REPORT_CSV_OPTIONS.people))
    files.set('people.csv', recordsToCsv(rows(r.people), PEOPLE_COLUMNS, csv));
  files.set(
    'groups.csv',
    recordsToCsv(
      rows(r.groups),
      [
        'group',
        'size',
        'siloScore',
        'insularity',
        'closure',
        'preference',
        'ei',
        'eiP',
        'eiQ',
        'internalTies',
        'externalTies',
        'groupsReached',
        'soleLinkMembers',
      ],
      csv,
    ),
  );
  files.set(
    'gaps.csv',
    recordsToCsv(rows(r.gaps), ['groupA', 'groupB', 'sizeA', 'sizeB', 'observed', 'expected', 'ratio', 'z', 'p', 'q'], csv),
  );
  if (!r.options.groupsOnly && r.options.group !== null) {
    files.set(
      'introductions.csv',
      recordsToCsv(
        rows(r.introductions),
        [
          'groupA',
          'groupB',
          'personA',
          'nameA',
          'personB',
          'nameB',
          'introducer',
          'introducerName',
          'mutualContacts',
          'hopsBefore',
          'score',
          'reason',
        ],
        csv,
      ),
    );
  }
  if (r.scorecard) files.set('scorecard.csv', recordsToCsv(rows(r.scorecard.rows), ['objective', 'actual', 'target', 'status'], csv));
  if (options.heatmap ?? DEFAULT_REPORT_CSV_OPTIONS.heatmap) {
    const h = r.heatmap;
    const cells: Record<string, CellValue>[] = [];
    for (let a = 0; a < h.groups.length; a++)
      for (let b = a; b < h.groups.length; b++) {
        const c = h.cells[a][b];
        if (c) cells.push({ groupA: h.groups[a], groupB: h.groups[b], observed: c.observed, expected: c.expected, ratio: c.ratio, z: c.z });
      }
    files.set('heatmap.csv', recordsToCsv(cells, ['groupA', 'groupB', 'observed', 'expected', 'ratio', 'z'], csv));
  }
  return files;
}

/** The CSV writer options of a report's files. */
function csvOptions(options: ReportCsvOptions): CsvOptions {
  return {
    bom: options.excel ?? DEFAULT_REPORT_CSV_OPTIONS.excel,
    significant: options.significant === undefined ? DEFAULT_REPORT_CSV_OPTIONS.significant : options.significant,
  };
}

/**
 * people.csv in chunks of `batch` rows: together the same text as
 * `reportCsvFiles(r, options).get('people.csv')`, so a million rows are written as they are made
 * and never held as one string.
 *
 * Complexity: O(rows) time, O(batch) memory per chunk.
 */
export function* peopleCsvChunks(people: AnalysisResult['people'], options: ReportCsvOptions = {}, batch = 4096): Generator<string> {
  const csv = csvOptions(options);
  const header = recordsToCsv([], PEOPLE_COLUMNS, csv);
  yield header;
  const skip = header.length - (csv.bom ? 1 : 0);
  for (let start = 0; start < people.length; start += batch) {
    // Each chunk is a whole document of `batch` rows without its header (and byte-order mark).
    yield recordsToCsv(rows(people.slice(start, start + batch)), PEOPLE_COLUMNS, { ...csv, bom: false }).slice(skip);
  }
}

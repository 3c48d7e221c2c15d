/**
 * Ingest options: how orgraph reads people, ties and relations files.
 * One options object for every loader (CSV folder, CSV files, CSV text, JSON).
 * Reference: RFC 4180 (CSV); ISO 8601 (timestamps).
 */
import { OrgraphError } from '../model/errors.js';

/** 'strict' stops at the first problem; 'lenient' keeps going and accounts for every row in the report. */
export type IngestMode = 'strict' | 'lenient';

/** Options of every loader: strict or lenient, delimiter, undirected relations, manager column. */
export interface IngestOptions {
  /** Stop at the first problem (throw OrgraphError) or keep going and report. @defaultValue 'strict' */
  readonly mode?: IngestMode;
  /** Field delimiter of every CSV file: one character, e.g. ',', ';', '\t', '|'. @defaultValue ',' */
  readonly delimiter?: string;
  /**
   * Relations whose ties are undirected (each pair written once), on top of those declared
   * undirected by relations.csv or JSON `relations`. @defaultValue []
   */
  readonly undirectedRelations?: readonly string[];
  /**
   * A people column holding each person's manager id. When set, every person with a manager gets a
   * `reports_to` tie person -> manager of weight 1; an unknown manager id is `E_UNKNOWN_PERSON`.
   * The column stays an attribute too. @defaultValue null
   */
  readonly managerColumn?: string | null;
  /**
   * A people column marking outside stakeholders (customers, partners): true/1/yes/y (any case) =
   * external; false/0/no/n/empty = staff; anything else is `E_BAD_VALUE`. The column is read
   * into the external flag and is not kept as an attribute. Absent column = everyone is staff.
   * @defaultValue 'external'
   */
  readonly externalColumn?: string | null;
  /** How many issues the report lists in full (all are counted). @defaultValue 50 */
  readonly maxIssues?: number;
  /** Progress: called with the size of each chunk of bytes read from an input file. @defaultValue none */
  readonly onBytes?: (bytes: number) => void;
}

/** {@link IngestOptions} with every default filled in. */
export interface ResolvedIngestOptions {
  /** 'strict' (throw at the first problem) or 'lenient' (drop or repair, and report). */
  readonly mode: IngestMode;
  /** The one-character field delimiter (checked: not a quote or a line break). */
  readonly delimiter: string;
  /** Relations read as undirected on top of those declared so ([] = none). */
  readonly undirectedRelations: readonly string[];
  /** People column of manager ids that adds `reports_to` ties; null = none. */
  readonly managerColumn: string | null;
  /** People column of the external flag; null = everyone is staff. */
  readonly externalColumn: string | null;
  /** Issues listed in full in the report, an integer >= 0 (every issue is counted either way). */
  readonly maxIssues: number;
  /** As {@link IngestOptions.onBytes}. */
  readonly onBytes?: (bytes: number) => void;
}

/** Defaults of {@link IngestOptions}. */
export const DEFAULT_INGEST_OPTIONS: ResolvedIngestOptions = Object.freeze({
  mode: 'strict',
  delimiter: ',',
  undirectedRelations: Object.freeze([]) as readonly string[],
  managerColumn: null,
  externalColumn: 'external',
  maxIssues: 50,
});

/** Fill defaults and check option values (`E_BAD_OPTION`). */
export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  const o: ResolvedIngestOptions = {
    mode: options.mode ?? DEFAULT_INGEST_OPTIONS.mode,
    delimiter: options.delimiter ?? DEFAULT_INGEST_OPTIONS.delimiter,
    undirectedRelations: options.undirectedRelations ?? DEFAULT_INGEST_OPTIONS.undirectedRelations,
    managerColumn: options.managerColumn === undefined ? DEFAULT_INGEST_OPTIONS.managerColumn : options.managerColumn,
    externalColumn: options.externalColumn === undefined ? DEFAULT_INGEST_OPTIONS.externalColumn : options.externalColumn,
    maxIssues: options.maxIssues ?? DEFAULT_INGEST_OPTIONS.maxIssues,
    onBytes: options.onBytes,
  };
  if (o.mode !== 'strict' && o.mode !== 'lenient') {
    throw new OrgraphError('E_BAD_OPTION', `mode must be 'strict' or 'lenient', got ${JSON.stringify(o.mode)}`, { field: 'mode' });
  }
  if (typeof o.delimiter !== 'string' || o.delimiter.length !== 1 || o.delimiter === '"' || o.delimiter === '\n' || o.delimiter === '\r') {
    throw new OrgraphError(
      'E_BAD_OPTION',
      `delimiter must be one character other than a quote or a line break, got ${JSON.stringify(o.delimiter)}`,
      { field: 'delimiter' },
    );
  }
  if (!Number.isInteger(o.maxIssues) || o.maxIssues < 0) {
    throw new OrgraphError('E_BAD_OPTION', `maxIssues must be an integer >= 0, got ${o.maxIssues}`, { field: 'maxIssues' });
  }
  return o;
}

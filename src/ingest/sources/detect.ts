/**
 * Which reader an input needs, from `--from` or from the input itself: a folder of CSV files, an
 * orgraph JSON file, a Slack export (ZIP, or its unzipped folder), Microsoft 365 or Google Workspace
 * JSON (Google also as JSON lines), or a CSV whose header says what it is (Viva P2P, G2G, person
 * query, event log, ties).
 * Reference: docs/ingest.md ("Sources and --from").
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OrgraphError } from '../../model/errors.js';
import { loadFiles, loadFolder, type IngestResult } from '../csv.js';
import { loadEvents, type EventOptions } from '../events.js';
import { loadJson } from '../json.js';
import type { IngestOptions } from '../options.js';
import { loadGoogleWorkspace } from './google.js';
import { loadM365, type M365Options } from './m365.js';
import { loadSlack, type SlackOptions } from './slack.js';
import { looksLikeVivaG2G } from './viva-g2g.js';
import { loadVivaP2P, looksLikeVivaP2P } from './viva-p2p.js';
import { loadVivaPerson, looksLikeVivaPerson } from './viva-person.js';

export type SourceFormat = 'csv' | 'json' | 'events' | 'viva-p2p' | 'viva-g2g' | 'viva-person' | 'slack' | 'm365' | 'google';
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  'csv',
  'json',
  'events',
  'viva-p2p',
  'viva-g2g',
  'viva-person',
  'slack',
  'm365',
  'google',
];

/** The first line of a file, split on the delimiter (quotes and a BOM removed). */
async function headerOf(path: string, delimiter: string): Promise<string[]> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/)[0] ?? '';
    return line.split(delimiter).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
  } finally {
    await fh.close();
  }
}

/** The first 4 KiB of a file, as text. */
async function headText(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** Google Calendar events (`"kind": "calendar#event"` / `"calendar#events"`) or Gmail messages (`threadId` with `payload` / `internalDate`). */
const looksLikeGoogle = (head: string): boolean =>
  /"kind"\s*:\s*"calendar#events?"/.test(head) || (/"threadId"\s*:/.test(head) && /"(payload|internalDate)"\s*:/.test(head));

async function kind(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/**
 * Detect the format of an input path. Folders: a Slack export when it holds users.json and
 * channels.json, else a CSV folder. Files: .zip = Slack; .json = orgraph JSON unless it has a
 * top-level `messages` or `events` array (m365) or Google Calendar / Gmail items (google);
 * .jsonl / .ndjson = google when its first lines are Google items; CSV by its header (Viva P2P:
 * collaborator person ids; G2G: group sizes and time invested; person query: PersonId and
 * MetricDate; events: sender and recipients; otherwise a ties file).
 */
export async function detectSource(path: string, delimiter = ','): Promise<SourceFormat> {
  const k = await kind(path);
  if (k === null) throw new OrgraphError('E_FILE_NOT_FOUND', 'no such file or folder', { file: path });
  if (k === 'dir')
    return (await kind(join(path, 'users.json'))) === 'file' && (await kind(join(path, 'channels.json'))) === 'file' ? 'slack' : 'csv';
  const lower = path.toLowerCase();
  if (lower.endsWith('.zip')) return 'slack';
  if (lower.endsWith('.json')) {
    const head = await headText(path);
    if (/^\s*\{\s*"(messages|events|calendar|chats|chatMessages|callRecords)"\s*:/.test(head)) return 'm365';
    return looksLikeGoogle(head) ? 'google' : 'json';
  }
  if ((lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) && looksLikeGoogle(await headText(path))) return 'google';
  const header = await headerOf(path, delimiter);
  if (looksLikeVivaP2P(header)) return 'viva-p2p';
  if (looksLikeVivaG2G(header)) return 'viva-g2g';
  if (looksLikeVivaPerson(header)) return 'viva-person';
  const lowerCols = new Set(header.map((c) => c.toLowerCase()));
  if (
    ['sender', 'from', 'source'].some((c) => lowerCols.has(c)) &&
    ['recipients', 'recipient', 'to', 'targets'].some((c) => lowerCols.has(c))
  )
    return 'events';
  return 'csv';
}

/** The reader of each graph format read from one path (a CSV folder or file, and G2G tables, are apart). */
const PATH_READERS: Readonly<
  Record<Exclude<SourceFormat, 'csv' | 'viva-g2g'>, (path: string, options: SourceOptions) => Promise<IngestResult>>
> = {
  json: loadJson,
  events: loadEvents,
  'viva-p2p': loadVivaP2P,
  'viva-person': loadVivaPerson,
  slack: loadSlack,
  m365: loadM365,
  google: loadGoogleWorkspace,
};

/** A graph source other than the CSV folder / files and JSON already handled by the CLI. */
export interface SourceOptions extends IngestOptions, EventOptions, SlackOptions, M365Options {}

/**
 * Load any graph source: `format` as given, or detected ({@link detectSource}).
 * G2G exports are group tables, not graphs: they are refused here with a pointer to `loadVivaG2G`.
 * @example
 * const { graph } = await loadSource('p2p-2026.csv'); // Viva P2P, detected from its header
 */
export async function loadSource(
  path: string,
  format: SourceFormat | null = null,
  options: SourceOptions = {},
): Promise<IngestResult & { format: SourceFormat }> {
  const f = format ?? (await detectSource(path, options.delimiter ?? ','));
  if (f === 'viva-g2g')
    throw new OrgraphError(
      'E_BAD_OPTION',
      'a Viva group-to-group export is a table of groups, not a graph of people: read it with loadVivaG2G / g2gGroupFigures',
      { file: path, field: 'from' },
    );
  let result: IngestResult;
  if (f === 'csv') result = (await kind(path)) === 'dir' ? await loadFolder(path, options) : await loadFiles({ ties: path }, options);
  else if (Object.hasOwn(PATH_READERS, f)) result = await PATH_READERS[f](path, options);
  else throw new OrgraphError('E_BAD_OPTION', `no reader for --from ${f}`, { file: path, field: 'from' });
  return { ...result, format: f };
}

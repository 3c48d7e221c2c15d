/**
 * What a source reader's interaction model read and left out, in words. The m365, Google
 * Workspace, Slack and Viva readers return their counts as `stats` and event logs as
 * `report.events`; rows that made no tie by the model's rules (a broadcast, a declined attendee, a
 * pair below the minimum) are not ingest problems, so the ingest report does not list them.
 * `orgraph validate` prints every count; the other commands print one note on stderr when something
 * read made no tie, so that nothing is left out silently.
 */
import type { EventStats } from '../ingest/index.js';
import { DEFAULT_MEETING_MODEL_OPTIONS } from '../ingest/sources/meetings.js';
import { DEFAULT_SLACK_OPTIONS } from '../ingest/sources/slack.js';

/** One count of a reader's stats, labelled. */
export interface SourceCount {
  /** The stats field it comes from. */
  readonly key: string;
  readonly count: number;
  /** What was counted, as a plural noun phrase ("messages to more than 25 recipients"). */
  readonly label: string;
  /**
   * `read`: what was read and used; `left-out`: items that made no tie by the model's rules;
   * `caveat`: items used with a known limit (a series counted once, occurrences an hour off).
   */
  readonly kind: CountKind;
}

/** The counts of one input, for `validate --format json` and the text forms below. */
export interface SourceAccount {
  /** The reader: m365, google, slack, viva-p2p or events. */
  readonly format: string;
  readonly counts: readonly SourceCount[];
}

/** How a count bears on the ties: see {@link SourceCount.kind}. */
export type CountKind = 'read' | 'left-out' | 'caveat';

type Labels = readonly (readonly [key: string, label: string, kind: CountKind])[];

// The CLI reads every source with the readers' defaults, so the thresholds in the labels are theirs.
const M = DEFAULT_MEETING_MODEL_OPTIONS;

const MEETINGS: Labels = [
  ['messages', 'e-mail messages read', 'read'],
  ['broadcasts', `messages to more than ${M.broadcastCutoff} recipients`, 'left-out'],
  ['meetings', 'meetings read', 'read'],
  ['occurrences', 'meeting occurrences counted', 'read'],
  ['largeMeetings', `meetings or calls with more than ${M.largeMeeting} participants`, 'left-out'],
  ['attendeesLeftOut', 'attendees who declined, were tentative or did not answer', 'left-out'],
  ['seriesCountedOnce', 'recurring series without an end or with a rule not expanded, counted once', 'caveat'],
  [
    'seriesWithoutTimeZone',
    'recurring series without a known time zone (occurrences after a summer-time change may be an hour off)',
    'caveat',
  ],
];

const LABELS: Readonly<Record<string, Labels>> = {
  m365: [
    ...MEETINGS,
    ['calls', 'Teams call records read', 'read'],
    ['legacyCallFields', 'call records read from the retired organizer / participants fields', 'read'],
    ['chatMessages', 'Teams chat messages read', 'read'],
    ['channelPosts', 'top-level channel posts (broadcasts)', 'left-out'],
    ['chatMessagesWithoutTie', 'system, bot and deleted chat messages', 'left-out'],
  ],
  google: [
    ...MEETINGS,
    ['duplicateMessages', 'copies of a message already read from another mailbox', 'left-out'],
    ['drafts', 'drafts (never sent)', 'left-out'],
    ['duplicateEvents', 'copies of an event already read from another calendar', 'left-out'],
    ['cancelled', 'cancelled events and instances', 'left-out'],
    ['allDay', 'all-day events', 'left-out'],
    ['notMeetings', 'out-of-office, focus-time and working-location entries', 'left-out'],
    ['resources', 'rooms and resource calendars (never people)', 'left-out'],
  ],
  slack: [
    ['conversations', 'conversations read', 'read'],
    ['messages', 'messages read', 'read'],
    ['messagesWithTies', 'messages that made a tie', 'read'],
    ['botMessages', 'bot messages', DEFAULT_SLACK_OPTIONS.includeBots ? 'read' : 'left-out'],
    ['systemMessages', 'system messages (joins, topic changes, ...)', 'left-out'],
    ['broadcasts', `top-level messages in channels of more than ${DEFAULT_SLACK_OPTIONS.smallChannelSize} members`, 'left-out'],
    ['interactions', 'interactions counted', 'read'],
    ['unknownUsers', 'interactions with a user not in users.json', 'left-out'],
  ],
  'viva-p2p': [
    ['rowsWithoutTie', 'rows with neither a strong nor a diverse tie score above 0', 'left-out'],
    ['attributeChanges', "attribute values that changed between a person's dates (the latest kept)", 'read'],
  ],
  events: [
    ['events', 'events read', 'read'],
    ['eventsUsed', 'events counted into ties', 'read'],
    ['eventsOutsideWindow', 'events outside the time window', 'left-out'],
    ['eventsTooManyRecipients', 'events over the recipient cutoff', 'left-out'],
    ['eventsWithoutRecipients', 'events with no recipient besides the sender', 'left-out'],
    ['selfRecipients', 'senders listed among their own recipients (that pair skipped)', 'left-out'],
    ['repeatedRecipients', 'recipients listed twice in one event (counted once)', 'read'],
    ['pairs', 'sender-recipient pairs', 'read'],
    ['pairsBelowMinimum', 'pairs below the minimum number of events', 'left-out'],
    ['interactionsBelowMinimum', 'events in those pairs', 'left-out'],
    ['ties', 'ties made', 'read'],
  ],
};

/**
 * The labelled counts of a loaded input, or null for inputs without a model (CSV folders, JSON
 * graphs). Counts of 0 are kept; a count the table does not know is kept under its field name (a
 * reader's new field is never hidden). Complexity: O(fields).
 */
export function sourceAccount(format: string | undefined, stats: object | undefined, events?: EventStats): SourceAccount | null {
  const fields = (format === 'events' ? events : stats) as Record<string, unknown> | undefined;
  if (format === undefined || fields === undefined || !Object.hasOwn(LABELS, format)) return null;
  const labels = LABELS[format];
  const counts: SourceCount[] = [];
  for (const [key, label, kind] of labels) {
    const v = fields[key];
    if (typeof v === 'number') counts.push({ key, count: v, label, kind });
  }
  for (const [key, v] of Object.entries(fields)) {
    if (typeof v === 'number' && !labels.some((l) => l[0] === key)) counts.push({ key, count: v, label: key, kind: 'read' });
  }
  const dates = datesCount(fields.dates);
  if (dates !== null) counts.push(dates);
  return { format, counts };
}

/**
 * A reader's snapshot dates (Viva's MetricDates, ascending ISO days) as a count: several are a
 * caveat, since every command but timeline analyses one graph that sums each pair's values over
 * them; one is just read. Null when the reader has none.
 */
function datesCount(dates: unknown): SourceCount | null {
  if (!Array.isArray(dates) || dates.length === 0 || !dates.every((d) => typeof d === 'string')) return null;
  if (dates.length === 1) return { key: 'dates', count: 1, label: `MetricDate (${dates[0]})`, kind: 'read' };
  return {
    key: 'dates',
    count: dates.length,
    label: `MetricDates (${dates[0]} to ${dates.at(-1)}): an analysis of the whole export sums each pair's scores over them; \`orgraph timeline --period date\` keeps them apart`,
    kind: 'caveat',
  };
}

/** `orgraph validate`'s lines: every count, those that made no tie marked. */
export function formatSourceAccount(a: SourceAccount): string[] {
  const width = Math.max(...a.counts.map((c) => String(c.count).length));
  return [
    `read as ${a.format}:`,
    ...a.counts.map((c) => `  ${String(c.count).padStart(width)}  ${c.label}${c.kind === 'left-out' ? ': no tie' : ''}`),
  ];
}

/**
 * The one-line note the other commands print on stderr, null when nothing read was left out or
 * used with a caveat: "orgraph: note: read as m365: no tie from 3 attendees who declined, ...;
 * 1 recurring series without ...; `orgraph validate` lists every count". `where` names the command
 * that lists every count for this reading (an event log's window and cutoff are aggregate's options);
 * `scope` names a second reading of the same input ("orgraph: timeline: note: ...").
 */
export function sourceNote(a: SourceAccount | null, where = '`orgraph validate`', scope?: string): string | null {
  const said = sourceSummary(a);
  return said === null ? null : `orgraph: ${scope === undefined ? '' : `${scope}: `}note: ${said}; ${where} lists every count`;
}

/**
 * What the note says, without its prefix and pointer ("read as m365: no tie from 3 attendees ...;
 * 1 recurring series ..."): counts and labels only, never an id, so the analysis report can carry it
 * under pseudonyms too. Null when nothing was left out or used with a caveat.
 */
export function sourceSummary(a: SourceAccount | null): string | null {
  if (a === null) return null;
  const list = (kind: CountKind): string =>
    a.counts
      .filter((c) => c.kind === kind && c.count > 0)
      .map((c) => `${c.count} ${c.label}`)
      .join(', ');
  const parts = [list('left-out'), list('caveat')];
  if (parts.every((p) => p === '')) return null;
  const said = [parts[0] === '' ? '' : `no tie from ${parts[0]}`, parts[1]].filter((p) => p !== '');
  return `read as ${a.format}: ${said.join('; ')}`;
}

/**
 * Event-log aggregation: raw interactions (a sender, one or more recipients, a time, a channel, a
 * duration) summed into weighted, directed ties over a time window.
 * Streamed: ids are interned to integers and pair totals kept in typed arrays keyed by numbers, so
 * a log of ten million rows is never held as strings.
 * Reference: docs/ingest.md ("Event logs"); cf. Kossinets & Watts (2006), Science 311:88-90, for
 * building ties from e-mail logs with thresholds.
 */
import { GrowableFloat64, GrowableInt32 } from '../core/graph/growable.js';
import { OrgraphError } from '../model/errors.js';
import { OrgGraphBuilder } from '../model/org-graph.js';
import { columnIndex, readCsv, readCsvEntry, type CsvInput } from './csv-source.js';
import { ownString } from './csv-tokenizer.js';
import { finish, finishRelations, readPeople, type IngestResult } from './csv.js';
import { resolveIngestOptions, type IngestOptions } from './options.js';
import { emptyEventStats, IngestContext, type EventStats, type FileReport } from './report.js';
import { parseTime, parseWeight } from './values.js';

/** How an event with k recipients weighs each sender -> recipient pair. */
export type GroupWeighting = 'full' | 'split' | 'duration';

/** Column names of an event log; each absent name is looked for among the usual aliases. */
export interface EventColumns {
  /** Column of the sender's person id (required). @defaultValue first of sender, from, source */
  readonly sender?: string;
  /**
   * Column of the recipients' ids, several in one field separated by ';' or '|' (required).
   * @defaultValue first of recipients, recipient, to, target, targets
   */
  readonly recipients?: string;
  /**
   * Column of the event's time, epoch ms or ISO 8601; needed only when `from` or `to` sets a window.
   * @defaultValue first of time, timestamp, date, datetime, eventdate
   */
  readonly time?: string;
  /** Column of the channel (e-mail, chat...), which names the tie's relation; optional. @defaultValue first of channel, medium, type */
  readonly channel?: string;
  /** Column of the event's duration, a positive number in the log's own unit; needed only by groupWeighting 'duration'. @defaultValue duration */
  readonly duration?: string;
}

/** Options of {@link loadEvents} and {@link aggregateEvents}: how events become weighted ties. */
export interface EventOptions extends IngestOptions {
  /** 'full': each pair gets 1 per event; 'split': 1/k for k recipients; 'duration': the event's duration. @defaultValue 'full' */
  readonly groupWeighting?: GroupWeighting;
  /** Events with more recipients than this are left out (and counted). @defaultValue Infinity */
  readonly maxRecipients?: number;
  /** A pair becomes a tie only with at least this many events (pairs below are counted). @defaultValue 1 */
  readonly minInteractions?: number;
  /** Window start, inclusive: epoch ms or ISO 8601. @defaultValue null (no bound) */
  readonly from?: number | string | null;
  /** Window end, exclusive: epoch ms or ISO 8601. @defaultValue null (no bound) */
  readonly to?: number | string | null;
  /** One relation for every event, whatever its channel. @defaultValue null */
  readonly relation?: string | null;
  /** Channel -> relation name; a channel not listed is its own relation. @defaultValue {} */
  readonly channelRelations?: Readonly<Record<string, string>>;
  /** Relation when there is neither `relation` nor a channel column. @defaultValue 'interaction' */
  readonly defaultRelation?: string;
  /** Consecutive rows with the same sender, time and channel form one event (logs with one recipient per row). @defaultValue false */
  readonly mergeRows?: boolean;
  /** Column names to read, each absent one found among its aliases (see {@link EventColumns}). @defaultValue {} */
  readonly columns?: EventColumns;
  /** A people CSV: its people (and attributes) come first; events naming others are `E_UNKNOWN_PERSON`. @defaultValue null */
  readonly people?: string | null;
  /** Delimiter of the people file. @defaultValue ',' */
  readonly peopleDelimiter?: string;
}

/** Defaults of {@link EventOptions}. */
export const DEFAULT_EVENT_OPTIONS = Object.freeze({
  groupWeighting: 'full' as GroupWeighting,
  maxRecipients: Infinity,
  minInteractions: 1,
  from: null,
  to: null,
  relation: null,
  channelRelations: Object.freeze({}) as Readonly<Record<string, string>>,
  defaultRelation: 'interaction',
  mergeRows: false,
  columns: Object.freeze({}) as EventColumns,
  people: null,
  peopleDelimiter: ',',
});

/** One interaction, for {@link aggregateEvents}. */
export interface InteractionEvent {
  /** Person id of the sender (non-empty). */
  readonly sender: string;
  /** Person ids of the recipients (at least one); the sender and repeated ids are skipped (and counted). */
  readonly recipients: readonly string[];
  /** Epoch ms or ISO 8601; required only when a time window (`from`, `to`) is set. */
  readonly time?: number | string;
  /** Channel of the event; it names the relation (or is mapped by `channelRelations`). Absent: `defaultRelation`. */
  readonly channel?: string;
  /** Duration, a positive number in the caller's own unit; used (and required) only by groupWeighting 'duration'. */
  readonly duration?: number;
}

/** Recipients inside one field are separated by ';' or '|'. */
export const RECIPIENT_SEPARATOR = /[;|]/;

const ALIASES: Record<keyof EventColumns, readonly string[]> = {
  sender: ['sender', 'from', 'source'],
  recipients: ['recipients', 'recipient', 'to', 'target', 'targets'],
  time: ['time', 'timestamp', 'date', 'datetime', 'eventdate'],
  channel: ['channel', 'medium', 'type'],
  duration: ['duration'],
};

interface Resolved {
  weighting: GroupWeighting;
  maxRecipients: number;
  minInteractions: number;
  from: number;
  to: number;
  windowed: boolean;
  relation: string | null;
  channelRelations: Readonly<Record<string, string>>;
  defaultRelation: string;
  mergeRows: boolean;
}

function resolveEventOptions(o: EventOptions): Resolved {
  const d = DEFAULT_EVENT_OPTIONS;
  const bound = (v: number | string | null | undefined, name: string, none: number): number => {
    if (v === null || v === undefined) return none;
    const t = typeof v === 'number' ? { ok: Number.isFinite(v), value: v, reason: 'not finite' } : parseTime(v);
    if (!t.ok) throw new OrgraphError('E_BAD_OPTION', `${name}: ${'reason' in t ? t.reason : 'bad time'}`, { field: name });
    return (t as { value: number }).value;
  };
  const r: Resolved = {
    weighting: o.groupWeighting ?? d.groupWeighting,
    maxRecipients: o.maxRecipients ?? d.maxRecipients,
    minInteractions: o.minInteractions ?? d.minInteractions,
    from: bound(o.from, 'from', -Infinity),
    to: bound(o.to, 'to', Infinity),
    windowed: (o.from ?? null) !== null || (o.to ?? null) !== null,
    relation: o.relation ?? d.relation,
    channelRelations: o.channelRelations ?? d.channelRelations,
    defaultRelation: o.defaultRelation ?? d.defaultRelation,
    mergeRows: o.mergeRows ?? d.mergeRows,
  };
  if (!['full', 'split', 'duration'].includes(r.weighting)) {
    throw new OrgraphError('E_BAD_OPTION', `groupWeighting must be full, split or duration, got ${JSON.stringify(r.weighting)}`, {
      field: 'groupWeighting',
    });
  }
  if (!(r.maxRecipients >= 1))
    throw new OrgraphError('E_BAD_OPTION', `maxRecipients must be >= 1, got ${r.maxRecipients}`, { field: 'maxRecipients' });
  if (!Number.isInteger(r.minInteractions) || r.minInteractions < 1) {
    throw new OrgraphError('E_BAD_OPTION', `minInteractions must be an integer >= 1, got ${r.minInteractions}`, {
      field: 'minInteractions',
    });
  }
  if (!(r.from < r.to)) throw new OrgraphError('E_BAD_OPTION', 'the window is empty: from must be before to', { field: 'from' });
  return r;
}

/** Pair key: relation-local (source, target) packed in one number. NOTE: indices < 2^26. */
const SHIFT = 2 ** 26;

/** @internal Sums events into pair totals; the only state that grows with the log is numeric. */
class EventAggregator {
  readonly stats: EventStats = emptyEventStats();
  private readonly pairIndex: Map<number, number>[] = [];
  private readonly relationNames: string[] = [];
  private readonly relationOf = new Map<string, number>();
  private readonly src = new GrowableInt32();
  private readonly dst = new GrowableInt32();
  private readonly rel = new GrowableInt32();
  private readonly count = new GrowableInt32();
  private readonly weight = new GrowableFloat64();
  private readonly seen = new Set<number>();

  constructor(
    private readonly b: OrgGraphBuilder,
    private readonly r: Resolved,
    /** People fixed in advance (a people file): unknown ids are refused instead of added. */
    private readonly closed: boolean,
  ) {}

  relationFor(channel: string | null): string {
    if (this.r.relation !== null) return this.r.relation;
    if (channel === null || channel === '') return this.r.defaultRelation;
    // NOTE: own properties only: a channel named "constructor" or "__proto__" is its own relation.
    return Object.hasOwn(this.r.channelRelations, channel) ? this.r.channelRelations[channel] : channel;
  }

  /** Index of a person; -1 if unknown and the population is closed. */
  person(id: string): number {
    const i = this.b.indexOf(id);
    if (i >= 0 || this.closed) return i;
    if (this.b.personCount >= SHIFT) throw new OrgraphError('E_BAD_VALUE', `more than ${SHIFT} distinct people in an event log`);
    return this.b.addPerson(ownString(id));
  }

  /**
   * Count one validated event. `recipients` are raw ids (may repeat or include the sender).
   * Returns the recipient ids refused as unknown (closed population) for the caller to report.
   */
  add(sender: string, recipients: readonly string[], time: number, channel: string | null, duration: number): string[] {
    const st = this.stats;
    st.events++;
    if (time < this.r.from || time >= this.r.to) {
      st.eventsOutsideWindow++;
      return [];
    }
    // Distinct recipients other than the sender: k.
    const distinct: string[] = [];
    const set = new Set<string>();
    for (const id of recipients) {
      if (id === sender) {
        st.selfRecipients++;
        continue;
      }
      if (set.has(id)) {
        st.repeatedRecipients++;
        continue;
      }
      set.add(id);
      distinct.push(id);
    }
    const k = distinct.length;
    if (k === 0) {
      st.eventsWithoutRecipients++;
      return [];
    }
    if (k > this.r.maxRecipients) {
      st.eventsTooManyRecipients++;
      return [];
    }
    st.eventsUsed++;
    const s = this.person(sender);
    const unknown: string[] = [];
    const w = this.r.weighting === 'full' ? 1 : this.r.weighting === 'split' ? 1 / k : duration;
    const relName = this.relationFor(channel);
    let q = this.relationOf.get(relName);
    if (q === undefined) {
      q = this.relationNames.length;
      const name = ownString(relName);
      this.relationNames.push(name);
      this.relationOf.set(name, q);
      this.pairIndex.push(new Map());
    }
    const pairs = this.pairIndex[q];
    for (const id of distinct) {
      const t = this.person(id);
      if (t < 0) {
        unknown.push(id);
        continue;
      }
      const key = s * SHIFT + t;
      let p = pairs.get(key);
      if (p === undefined) {
        p = this.src.length;
        pairs.set(key, p);
        this.src.push(s);
        this.dst.push(t);
        this.rel.push(q);
        this.count.push(0);
        this.weight.push(0);
      }
      this.count.set(p, this.count.get(p) + 1);
      this.weight.set(p, this.weight.get(p) + w);
    }
    return unknown;
  }

  /** Emit the pairs with enough events as ties, in order of first appearance. */
  finish(): void {
    const st = this.stats;
    st.pairs = this.src.length;
    for (const name of this.relationNames) this.b.relation(name, true);
    for (let p = 0; p < this.src.length; p++) {
      const c = this.count.get(p);
      if (c < this.r.minInteractions) {
        st.pairsBelowMinimum++;
        st.interactionsBelowMinimum += c;
        continue;
      }
      this.b.addTie(this.src.get(p), this.dst.get(p), this.weight.get(p), this.relationNames[this.rel.get(p)]);
      st.ties++;
    }
  }
}

/**
 * Aggregate in-memory events into a graph of weighted, directed ties.
 *
 *   for an event with sender s and k distinct recipients r (s itself and repeats removed):
 *     w(s, r) += 1           groupWeighting 'full'
 *     w(s, r) += 1 / k       groupWeighting 'split'
 *     w(s, r) += duration    groupWeighting 'duration'
 *   an event counts only if from <= time < to and k <= maxRecipients;
 *   a pair (s, r, relation) becomes a tie only if it has >= minInteractions events.
 *
 * Relation: `relation` if set, else `channelRelations[channel]`, else the channel, else
 * `defaultRelation`. Ties have no time. People are those of the counted events, in order of first
 * appearance. Complexity: O(total recipients) time; O(people + pairs) memory.
 * @example
 * const { graph } = aggregateEvents([{ sender: 'a', recipients: ['b', 'c'] }], { groupWeighting: 'split' });
 * // ties a->b and a->c, weight 0.5 each
 */
export function aggregateEvents(events: Iterable<InteractionEvent>, options: EventOptions = {}): IngestResult {
  const ctx = new IngestContext(resolveIngestOptions(options));
  const r = resolveEventOptions(options);
  const b = new OrgGraphBuilder();
  const agg = new EventAggregator(b, r, false);
  const f = ctx.file('(events)', 'events');
  let i = 0;
  for (const e of events) {
    const at = `events[${i++}]`;
    f.rowsRead++;
    const sender = typeof e.sender === 'string' ? e.sender.trim() : '';
    if (sender === '') {
      ctx.drop(f, 'E_EMPTY_ID', 'missing or empty sender', undefined, `${at}.sender`);
      continue;
    }
    if (e === null || typeof e !== 'object') {
      ctx.drop(f, 'E_BAD_VALUE', 'an event must be an object { sender, recipients }', undefined, at);
      continue;
    }
    if (e.recipients !== undefined && e.recipients !== null && !Array.isArray(e.recipients)) {
      ctx.drop(f, 'E_BAD_VALUE', 'recipients must be an array of ids (e.g. ["bo", "cy"])', undefined, `${at}.recipients`);
      continue;
    }
    const recipients = (e.recipients ?? []).map((x) => String(x).trim()).filter((x) => x !== '');
    if (recipients.length === 0) {
      ctx.drop(f, 'E_EMPTY_ID', 'no recipients', undefined, `${at}.recipients`);
      continue;
    }
    let time = NaN;
    if (e.time !== undefined) {
      const t = parseTime(String(e.time));
      if (!t.ok) {
        ctx.drop(f, 'E_BAD_TIMESTAMP', t.reason, undefined, `${at}.time`);
        continue;
      }
      time = t.value;
    } else if (r.windowed) {
      ctx.drop(f, 'E_BAD_TIMESTAMP', 'no time, but a window was asked for', undefined, `${at}.time`);
      continue;
    }
    let duration = 0;
    if (r.weighting === 'duration') {
      const d = parseWeight(String(e.duration ?? ''));
      if (!d.ok) {
        ctx.drop(f, 'E_BAD_VALUE', `duration: ${d.reason.replace(/weight/g, 'value')}`, undefined, `${at}.duration`);
        continue;
      }
      duration = d.value;
    }
    agg.add(sender, recipients, Number.isNaN(time) ? 0 : time, e.channel ?? null, duration);
    f.rowsKept++;
  }
  agg.finish();
  finishRelations(b, new Map(), ctx.options.undirectedRelations);
  ctx.report.events = agg.stats;
  return finish(ctx, b);
}

/**
 * Stream an event-log CSV into a graph of weighted ties, by the rules of {@link aggregateEvents}.
 * Columns: sender, recipients (several separated by ';' or '|'), and optionally time, channel,
 * duration (see {@link EventColumns} for the names accepted). Invalid rows (empty sender or
 * recipients, bad time, bad duration in 'duration' weighting) are errors in strict mode and dropped
 * in lenient mode; events left out by the window, maxRecipients or minInteractions are not errors,
 * they are counted in `report.events`.
 * @example
 * const { graph, report } = await loadEvents('mail.csv', { delimiter: ';', groupWeighting: 'split', maxRecipients: 50 });
 */
export async function loadEvents(path: string, options: EventOptions = {}): Promise<IngestResult> {
  return readCsvEntry({ path }, options, ingestEvents);
}

/** {@link loadEvents} for CSV text in memory. */
export async function parseEventsCsv(text: string, options: EventOptions & { file?: string } = {}): Promise<IngestResult> {
  return readCsvEntry({ text, name: options.file ?? 'events.csv' }, options, ingestEvents);
}

async function ingestEvents(ctx: IngestContext, input: CsvInput, file: string, options: EventOptions): Promise<IngestResult> {
  const r = resolveEventOptions(options);
  const b = new OrgGraphBuilder();
  const peopleFile = options.people ?? null;
  if (peopleFile !== null) {
    const peopleOptions = resolveIngestOptions({ ...options, delimiter: options.peopleDelimiter ?? DEFAULT_EVENT_OPTIONS.peopleDelimiter });
    await readPeople(new IngestContext(peopleOptions, ctx.report), b, { path: peopleFile, name: peopleFile });
  }
  const agg = new EventAggregator(b, r, peopleFile !== null);
  const names = { ...DEFAULT_EVENT_OPTIONS.columns, ...(options.columns ?? {}) };
  const col = { sender: -1, recipients: -1, time: -1, channel: -1, duration: -1 };
  let f!: FileReport;

  // Pending merged event (mergeRows): consecutive rows with equal sender, time and channel.
  let pending: {
    sender: string;
    recipients: string[];
    time: number;
    channel: string | null;
    duration: number;
    line: number;
    key: string;
  } | null = null;
  const flush = (): void => {
    if (!pending) return;
    const p = pending;
    pending = null;
    const unknown = agg.add(p.sender, p.recipients, p.time, p.channel, p.duration);
    if (unknown.length) {
      const names = unknown.map((u) => `"${u}"`).join(', ');
      ctx.alter(f, 'E_UNKNOWN_PERSON', `recipient(s) ${names} not in the people file`, 'left out', p.line, 'recipients');
    }
  };

  await readCsv(ctx, input, file, 'events', {
    header(columns, report) {
      f = report;
      const idx = columnIndex(columns);
      for (const key of Object.keys(col) as (keyof EventColumns)[]) {
        const wanted = names[key];
        const candidates = wanted !== undefined ? [wanted] : ALIASES[key];
        for (const c of candidates) {
          const i = idx.get(c.toLowerCase());
          if (i !== undefined) {
            col[key] = i;
            break;
          }
        }
        if (
          col[key] < 0 &&
          (key === 'sender' ||
            key === 'recipients' ||
            (wanted !== undefined && key !== 'time') ||
            (key === 'time' && r.windowed) ||
            (key === 'duration' && r.weighting === 'duration'))
        ) {
          const need = wanted ?? ALIASES[key][0];
          const raw = columns.join(ctx.options.delimiter);
          for (const d of [',', ';', '\t', '|']) {
            if (d !== ctx.options.delimiter && raw.includes(d) && raw.split(d).length > columns.length) {
              ctx.fatal(
                'E_DELIMITER',
                `the header looks ${d === '\t' ? 'tab' : `'${d}'`}-separated: use --delimiter ${d === '\t' ? 'tab' : `'${d}'`}`,
                { file, line: 1 },
              );
            }
          }
          const why = key === 'time' ? ' (a time window was asked for)' : key === 'duration' ? " (groupWeighting 'duration')" : '';
          ctx.fatal('E_MISSING_COLUMN', `missing column "${need}"${why} (header has ${columns.map((c) => JSON.stringify(c)).join(', ')})`, {
            file,
            line: 1,
            field: need,
          });
        }
      }
      const used = new Set(Object.values(col));
      f.ignoredColumns.push(...columns.filter((_, i) => !used.has(i)));
    },
    row(fields, line) {
      const sender = fields[col.sender].trim();
      if (sender === '') return ctx.drop(f, 'E_EMPTY_ID', 'empty sender', line, 'sender');
      const recipients = fields[col.recipients]
        .split(RECIPIENT_SEPARATOR)
        .map((x) => x.trim())
        .filter((x) => x !== '');
      if (recipients.length === 0) return ctx.drop(f, 'E_EMPTY_ID', 'no recipients', line, 'recipients');
      if (peopleFile !== null && b.indexOf(sender) < 0)
        return ctx.drop(f, 'E_UNKNOWN_PERSON', `sender "${sender}" is not in the people file`, line, 'sender');
      let time = 0;
      if (col.time >= 0) {
        const t = parseTime(fields[col.time]);
        if (!t.ok) return ctx.drop(f, 'E_BAD_TIMESTAMP', t.reason, line, 'time');
        time = t.value;
      }
      let duration = 0;
      if (r.weighting === 'duration') {
        const d = parseWeight(fields[col.duration]);
        if (!d.ok) return ctx.drop(f, 'E_BAD_VALUE', `duration: ${d.reason.replace(/weight/g, 'value')}`, line, 'duration');
        duration = d.value;
      }
      const channel = col.channel >= 0 ? fields[col.channel].trim() : null;
      f.rowsKept++;
      if (r.mergeRows) {
        const key = `${sender}\u0000${time}\u0000${channel ?? ''}`;
        if (pending && pending.key === key) {
          pending.recipients.push(...recipients);
          return;
        }
        flush();
        pending = { sender, recipients, time, channel, duration, line, key };
        return;
      }
      pending = { sender, recipients, time, channel, duration, line, key: '' };
      flush();
    },
  });
  flush();
  agg.finish();
  finishRelations(b, new Map(), ctx.options.undirectedRelations);
  ctx.report.events = agg.stats;
  return finish(ctx, b);
}

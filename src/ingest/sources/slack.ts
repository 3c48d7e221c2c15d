/**
 * Slack workspace export (the ZIP, or its unzipped folder) -> a graph of Slack ties.
 *
 * Files: users.json, channels.json (public), groups.json (private, optional), dms.json and
 * mpims.json (optional), and one folder per conversation of YYYY-MM-DD.json message arrays.
 * The interaction model (docs/ingest.md, "Interaction model"), per message m by person u:
 *   direct or group DM          u -> every other member            relation 'slack_dm'
 *   thread reply (thread_ts != ts)  u -> the thread's author and every earlier replier  'slack_reply'
 *   reaction by v               v -> the author of m               'slack_reaction'
 *   mention <@w> in the text    u -> w                             'slack_mention'
 *   top-level channel message   no tie (a broadcast), unless the channel has at most
 *                               `smallChannelSize` members: then u -> every other member  'slack_channel'
 * Each interaction adds 1; ties are summed per (source, target, relation, UTC day), the tie's time
 * being the day. Nobody is tied to themselves. Bot messages (subtype bot_message, a bot_id or a
 * user marked is_bot) and system messages (joins, topics, deleted-message tombstones...) make no
 * tie and are counted in `stats`. Deleted users stay people (attribute deleted = true): their
 * past messages happened. A user id absent from users.json is E_UNKNOWN_PERSON (lenient: the
 * interaction is left out and reported). A message that is not an object or has no ts is
 * E_BAD_VALUE at its JSON path; a file that is not JSON is E_JSON_SYNTAX (lenient: file skipped).
 * Complexity: O(messages + interactions); the export is read file by file.
 * Reference: Slack, "How to read Slack data exports" (slack.com/help/articles/220556107).
 */
import { readdir, readFile as fsReadFile, stat } from 'node:fs/promises';
import { OrgraphError } from '../../model/errors.js';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { OrgGraphBuilder } from '../../model/org-graph.js';
import { finish, finishRelations, type IngestResult } from '../csv.js';
import { resolveIngestOptions, type IngestOptions } from '../options.js';
import { IngestContext, type FileReport } from '../report.js';
import { DAY } from './zones.js';

export interface SlackOptions extends IngestOptions {
  /** A top-level message in a channel of at most this many members ties its sender to each. @defaultValue 8 */
  readonly smallChannelSize?: number;
  /** Count bot users as people (their messages still make no tie). @defaultValue false */
  readonly includeBots?: boolean;
}

export const DEFAULT_SLACK_OPTIONS = Object.freeze({ smallChannelSize: 8, includeBots: false });

export interface SlackStats {
  conversations: number;
  messages: number;
  /** Messages that made at least one tie. */
  messagesWithTies: number;
  botMessages: number;
  systemMessages: number;
  /** Top-level messages in channels above smallChannelSize (broadcasts: no tie). */
  broadcasts: number;
  interactions: number;
  /** Interactions left out because a user id is not in users.json. */
  unknownUsers: number;
}

export interface SlackResult extends IngestResult {
  readonly stats: SlackStats;
}

/** Subtypes that are about the channel, not a message between people. */
const SYSTEM = new Set([
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'group_join',
  'group_leave',
  'group_topic',
  'group_purpose',
  'group_name',
  'tombstone',
  'pinned_item',
  'unpinned_item',
  'reminder_add',
  'joiner_notification',
]);

/** Read a file of the export; a file that cannot be read is `E_UNREADABLE` naming it (exit 1), not an internal error. */
async function readFile(path: string): Promise<Buffer>;
async function readFile(path: string, encoding: 'utf8'): Promise<string>;
async function readFile(path: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await fsReadFile(path, encoding) : await fsReadFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OrgraphError(code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_UNREADABLE', `cannot be read (${code ?? String(e)})`, {
      file: path,
    });
  }
}

/** The export's files: name -> text, from a ZIP or a folder. */
async function exportFiles(path: string): Promise<Map<string, () => Promise<string>>> {
  const out = new Map<string, () => Promise<string>>();
  if ((await stat(path)).isDirectory()) {
    const walk = async (dir: string, prefix: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(dir, e.name), `${prefix}${e.name}/`);
        else if (e.name.endsWith('.json')) out.set(`${prefix}${e.name}`, () => readFile(join(dir, e.name), 'utf8'));
      }
    };
    await walk(path, '');
  } else {
    const files = unzipSync(new Uint8Array(await readFile(path)), { filter: (f) => f.name.endsWith('.json') });
    for (const [name, bytes] of Object.entries(files))
      out.set(name.replace(/^[^/]+\/(?=(users|channels|groups|dms|mpims)\.json$)/, ''), async () => strFromU8(bytes));
  }
  return out;
}

interface Conversation {
  folder: string;
  kind: 'channel' | 'group' | 'dm' | 'mpim';
  members: string[];
}

/**
 * Read a Slack export (ZIP file or unzipped folder).
 * @example
 * const { graph, stats } = await loadSlack('acme-slack-export.zip', { smallChannelSize: 5 });
 */
export async function loadSlack(path: string, options: SlackOptions = {}): Promise<SlackResult> {
  const ctx = new IngestContext(resolveIngestOptions(options));
  const small = options.smallChannelSize ?? DEFAULT_SLACK_OPTIONS.smallChannelSize;
  const includeBots = options.includeBots ?? DEFAULT_SLACK_OPTIONS.includeBots;
  const stats: SlackStats = {
    conversations: 0,
    messages: 0,
    messagesWithTies: 0,
    botMessages: 0,
    systemMessages: 0,
    broadcasts: 0,
    interactions: 0,
    unknownUsers: 0,
  };
  const files = await exportFiles(path);
  const name = (inner: string): string => `${path}:${inner}`;

  /** Parse one JSON file of the export; null when unreadable (lenient). */
  const json = async (inner: string, f: FileReport): Promise<unknown> => {
    const text = await files.get(inner)!();
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      ctx.problem(f, 'warning', 'E_JSON_SYNTAX', `not valid JSON: ${(e as Error).message}; file skipped`);
      return null;
    }
  };

  // Step 1: users.
  if (!files.has('users.json'))
    ctx.fatal('E_FILE_NOT_FOUND', 'a Slack export needs users.json (and channels.json)', { file: name('users.json') });
  const b = new OrgGraphBuilder();
  b.declareAttributes(['name', 'real_name', 'email', 'deleted', 'is_bot']);
  const bots = new Set<string>();
  {
    const f = ctx.file(name('users.json'), 'json');
    const users = await json('users.json', f);
    if (!Array.isArray(users)) ctx.fatal('E_BAD_VALUE', 'users.json must be an array of users', { file: f.file });
    (users as unknown[]).forEach((u: unknown, i: number) => {
      f.rowsRead++;
      const o = u as Record<string, unknown> | null;
      if (!o || typeof o !== 'object' || typeof o.id !== 'string' || o.id === '')
        return ctx.drop(f, 'E_EMPTY_ID', 'a user without an id', undefined, `[${i}].id`);
      if (b.indexOf(o.id) >= 0) return ctx.drop(f, 'E_DUPLICATE_PERSON', `user "${o.id}" appears twice`, undefined, `[${i}].id`);
      const isBot = o.is_bot === true || o.id === 'USLACKBOT';
      if (isBot) bots.add(o.id);
      if (isBot && !includeBots) {
        f.rowsKept++;
        return;
      }
      const profile = (o.profile ?? {}) as Record<string, unknown>;
      b.addPerson(o.id, {
        name: typeof o.name === 'string' ? o.name : null,
        real_name: typeof o.real_name === 'string' ? o.real_name : typeof profile.real_name === 'string' ? profile.real_name : null,
        email: typeof profile.email === 'string' ? profile.email : null,
        deleted: o.deleted === true ? 'true' : 'false',
        is_bot: isBot ? 'true' : 'false',
      });
      f.rowsKept++;
    });
  }

  // Step 2: conversations and their members.
  const conversations: Conversation[] = [];
  for (const [list, kind] of [
    ['channels.json', 'channel'],
    ['groups.json', 'group'],
    ['dms.json', 'dm'],
    ['mpims.json', 'mpim'],
  ] as const) {
    if (!files.has(list)) {
      if (list === 'channels.json') ctx.fatal('E_FILE_NOT_FOUND', 'a Slack export needs channels.json', { file: name(list) });
      continue;
    }
    const f = ctx.file(name(list), 'json');
    const arr = await json(list, f);
    if (!Array.isArray(arr)) ctx.fatal('E_BAD_VALUE', `${list} must be an array`, { file: f.file });
    (arr as unknown[]).forEach((c: unknown, i: number) => {
      f.rowsRead++;
      const o = c as Record<string, unknown> | null;
      const folder = kind === 'dm' ? o?.id : (o?.name ?? o?.id);
      if (!o || typeof folder !== 'string' || folder === '')
        return ctx.drop(f, 'E_EMPTY_ID', 'a conversation without a name or id', undefined, `[${i}].${kind === 'dm' ? 'id' : 'name'}`);
      const members = Array.isArray(o.members) ? o.members.filter((m): m is string => typeof m === 'string') : [];
      conversations.push({ folder, kind, members });
      f.rowsKept++;
    });
  }

  // Step 3: messages, conversation by conversation, in time order.
  const pairs = new Map<string, number>();
  const relationOrder = ['slack_dm', 'slack_reply', 'slack_reaction', 'slack_mention', 'slack_channel'];
  /** One interaction s -> t; `where` = JSON paths of s and of t, for messages. */
  const add = (s: string, t: string, relation: string, day: number, f: FileReport, where: readonly [string, string]): boolean => {
    if (s === t) return false;
    for (const [id, field] of [
      [s, where[0]],
      [t, where[1]],
    ] as const) {
      if (b.indexOf(id) < 0) {
        if (bots.has(id)) return false;
        stats.unknownUsers++;
        ctx.problem(f, 'warning', 'E_UNKNOWN_PERSON', `user "${id}" is not in users.json; interaction left out`, undefined, field);
        return false;
      }
    }
    const key = `${relation}\u0000${s}\u0000${t}\u0000${day}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    stats.interactions++;
    return true;
  };
  for (const conv of conversations) {
    const days = [...files.keys()].filter((k) => k.startsWith(`${conv.folder}/`) && /\/\d{4}-\d{2}-\d{2}\.json$/.test(k)).sort();
    if (days.length === 0) continue;
    stats.conversations++;
    const direct = conv.kind === 'dm' || conv.kind === 'mpim';
    const smallChannel = !direct && conv.members.length > 0 && conv.members.length <= small;
    const threadAuthor = new Map<string, string>();
    const repliers = new Map<string, string[]>();
    for (const day of days) {
      const f = ctx.file(name(day), 'json');
      const arr = await json(day, f);
      if (arr === null) continue;
      if (!Array.isArray(arr)) {
        ctx.problem(f, 'warning', 'E_BAD_VALUE', 'a day file must be an array of messages; file skipped');
        continue;
      }
      const msgs = arr.map((m: unknown, i: number) => ({ m: m as Record<string, unknown>, i }));
      msgs.sort((x, y) => Number(x.m?.ts ?? 0) - Number(y.m?.ts ?? 0));
      for (const { m, i } of msgs) {
        f.rowsRead++;
        stats.messages++;
        const at = `[${i}]`;
        if (!m || typeof m !== 'object') {
          ctx.drop(f, 'E_BAD_VALUE', 'a message must be an object', undefined, at);
          continue;
        }
        const ts = typeof m.ts === 'string' ? Number(m.ts) : NaN;
        if (!Number.isFinite(ts)) {
          ctx.drop(
            f,
            'E_BAD_TIMESTAMP',
            `message timestamp ${JSON.stringify(m.ts)} is not Slack's "seconds.micros"`,
            undefined,
            `${at}.ts`,
          );
          continue;
        }
        f.rowsKept++;
        const subtype = typeof m.subtype === 'string' ? m.subtype : '';
        const user = typeof m.user === 'string' ? m.user : '';
        if (subtype === 'bot_message' || m.bot_id !== undefined || bots.has(user)) {
          stats.botMessages++;
          continue;
        }
        if (SYSTEM.has(subtype) || user === '') {
          stats.systemMessages++;
          continue;
        }
        const dayMs = Math.floor((ts * 1000) / DAY) * DAY;
        let made = false;
        const thread = typeof m.thread_ts === 'string' ? m.thread_ts : null;
        const isReply = thread !== null && thread !== m.ts;
        if (thread !== null && !isReply) threadAuthor.set(thread, user);
        if (direct) {
          for (const other of conv.members)
            if (other !== user) made = add(user, other, 'slack_dm', dayMs, f, [`${at}.user`, `members of ${conv.folder}`]) || made;
        } else if (isReply) {
          const earlier = repliers.get(thread) ?? [];
          const targets = new Set<string>(earlier);
          const author = threadAuthor.get(thread);
          if (author !== undefined) targets.add(author);
          for (const t of targets) made = add(user, t, 'slack_reply', dayMs, f, [`${at}.user`, `${at}.thread_ts`]) || made;
        } else if (smallChannel) {
          for (const other of conv.members)
            if (other !== user) made = add(user, other, 'slack_channel', dayMs, f, [`${at}.user`, `members of ${conv.folder}`]) || made;
        } else stats.broadcasts++;
        if (isReply) {
          const list = repliers.get(thread) ?? [];
          if (!list.includes(user)) list.push(user);
          repliers.set(thread, list);
        }
        if (Array.isArray(m.reactions)) {
          (m.reactions as Record<string, unknown>[]).forEach((r, k) => {
            const users = Array.isArray(r?.users) ? (r.users as unknown[]) : [];
            for (const v of users)
              if (typeof v === 'string')
                made = add(v, user, 'slack_reaction', dayMs, f, [`${at}.reactions[${k}].users`, `${at}.user`]) || made;
          });
        }
        if (typeof m.text === 'string') {
          const seen = new Set<string>();
          for (const x of m.text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)) {
            if (seen.has(x[1])) continue;
            seen.add(x[1]);
            made = add(user, x[1], 'slack_mention', dayMs, f, [`${at}.user`, `${at}.text`]) || made;
          }
        }
        if (made) stats.messagesWithTies++;
      }
    }
  }
  const used = new Set([...pairs.keys()].map((k) => k.split('\u0000')[0]));
  for (const r of relationOrder) if (used.has(r)) b.relation(r);
  for (const [key, w] of pairs) {
    const [rel, s, t, day] = key.split('\u0000');
    b.addTie(b.indexOf(s), b.indexOf(t), w, rel, Number(day));
  }
  finishRelations(b, new Map(), ctx.options.undirectedRelations);
  return { ...finish(ctx, b), stats };
}

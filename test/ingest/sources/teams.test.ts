/**
 * Microsoft Teams chats and chat messages, read by the m365 reader from a file written for the
 * tests (test/fixtures/sources/teams-chat.json, Graph v1.0 chat / conversationMember / chatMessage
 * shapes; see the README there): a 1:1 chat with a reaction, a group chat with a mention, a channel
 * post with three replies (one with reactions, one by the post's author's earlier replier), a system
 * message, a bot message, a deleted message and a message whose time does not parse. Expected ties
 * derived by hand below.
 */
import { describe, expect, it } from 'vitest';
import { loadM365, parseM365 } from '../../../src/ingest/sources/m365.js';
import { detectSource } from '../../../src/ingest/sources/detect.js';
import { OrgraphError } from '../../../src/model/errors.js';

const FILE = 'test/fixtures/sources/teams-chat.json';
const NAME: Record<string, string> = {
  '6e1f6a0e-0001-4c3a-9d7e-00000000a0a0': 'ana',
  '6e1f6a0e-0002-4c3a-9d7e-00000000b0b0': 'ben',
  '6e1f6a0e-0003-4c3a-9d7e-00000000c0c0': 'cleo',
  '6e1f6a0e-0004-4c3a-9d7e-00000000d0d0': 'dan',
};

describe('Teams chat messages (m365 reader)', () => {
  it('applies the chat model: members, replies, reactions, mentions; channel posts, system, bot and deleted messages make no tie', async () => {
    expect(await detectSource(FILE)).toBe('m365');
    const { graph, stats, report } = await loadM365(FILE, { mode: 'lenient' });
    const got = new Map<string, number>();
    for (const t of graph.ties())
      got.set(`${t.relation}:${NAME[t.source]}>${NAME[t.target]}@${new Date(t.time!).toISOString().slice(5, 10)}`, t.weight);
    // [0] ana in the ana-ben 1:1 chat: ana -> ben (chat); ben reacts: ben -> ana (reaction).
    // [1] ben in the ana-ben-cleo group chat: ben -> ana, ben -> cleo (chat); mentions cleo: ben -> cleo (mention).
    // [2] cleo posts in a channel: no tie (broadcast).
    // [3] dan replies to [2]: dan -> cleo.  [4] ana replies: ana -> cleo, ana -> dan (earlier replier).
    // [5] dan replies again: dan -> cleo, dan -> ana (dan himself skipped); cleo reacts: cleo -> dan,
    //     dan's reaction to his own message is skipped. dan -> cleo twice on 01-06: weight 2.
    // [6] system event, [7] bot (no user), [8] deleted: no tie. [9] time "yesterday": dropped.
    expect(Object.fromEntries([...got].sort())).toEqual({
      'teams_chat:ana>ben@01-05': 1,
      'teams_chat:ben>ana@01-05': 1,
      'teams_chat:ben>cleo@01-05': 1,
      'teams_mention:ben>cleo@01-05': 1,
      'teams_reaction:ben>ana@01-05': 1,
      'teams_reaction:cleo>dan@01-06': 1,
      'teams_reply:ana>cleo@01-06': 1,
      'teams_reply:ana>dan@01-06': 1,
      'teams_reply:dan>ana@01-06': 1,
      'teams_reply:dan>cleo@01-06': 2,
    });
    expect(graph.relations.every((r) => r.directed)).toBe(true);
    expect(stats).toMatchObject({ chatMessages: 10, channelPosts: 1, chatMessagesWithoutTie: 3 });
    // Every row accounted for: 2 chats kept; 10 messages read = 9 kept + 1 dropped.
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsDropped])).toEqual([
      [`${FILE}#chats`, 2, 2, 0],
      [`${FILE}#chatMessages`, 10, 9, 1],
    ]);
    expect(report.issues.map((i) => [i.field, i.code])).toEqual([['chatMessages[9].createdDateTime', 'E_BAD_TIMESTAMP']]);
  });

  it('strict: the bad time is one error naming the file and JSON path', async () => {
    const e = await loadM365(FILE).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OrgraphError);
    expect((e as OrgraphError).message).toBe(
      `${FILE}#chatMessages: field "chatMessages[9].createdDateTime": createdDateTime "yesterday" is not an ISO 8601 time`,
    );
  });

  it('a chat missing from "chats" and a reply to a thread not in the file are warnings, not silent', async () => {
    const from = (id: string): unknown => ({ user: { id } });
    const { graph, report } = await parseM365(
      {
        chatMessages: [
          { id: '1', chatId: '19:unknown@thread.v2', messageType: 'message', createdDateTime: '2026-01-05T09:00:00Z', from: from('a') },
          { id: '2', replyToId: '99', messageType: 'message', createdDateTime: '2026-01-05T10:00:00Z', from: from('b') },
          { id: '3', replyToId: '99', messageType: 'message', createdDateTime: '2026-01-05T11:00:00Z', from: from('c') },
        ],
      },
      { mode: 'lenient' },
    );
    expect([...graph.ties()].map((t) => `${t.relation}:${t.source}>${t.target}`)).toEqual(['teams_reply:c>b']);
    expect(report.issues.map((i) => [i.field, i.code, i.action])).toEqual([
      ['chatMessages[0].chatId', 'E_UNKNOWN_PERSON', 'warning'],
      ['chatMessages[1].replyToId', 'E_UNKNOWN_PERSON', 'warning'],
      ['chatMessages[2].replyToId', 'E_UNKNOWN_PERSON', 'warning'],
    ]);
  });
});

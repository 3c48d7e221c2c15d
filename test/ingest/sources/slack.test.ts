/**
 * Slack export reader on an export written for the tests (test/fixtures/sources/slack-export/,
 * zipped in the test as Slack delivers it): public and private channels, a DM, a DM with a
 * deleted user, a group DM, a thread continued the next day, reactions, mentions, a bot message
 * and a join message. Every expected tie is derived by hand below.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadSlack } from '../../../src/ingest/sources/slack.js';
import { detectSource, loadSource } from '../../../src/ingest/sources/detect.js';
import type { OrgGraph } from '../../../src/model/org-graph.js';

const EXPORT = 'test/fixtures/sources/slack-export';

/** Zip a folder as Slack does (files at the root of the archive), with optional replaced files. */
function zipExport(dir: string, replace: Record<string, string> = {}): string {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  for (const [k, v] of Object.entries(replace)) files[k] = strToU8(v);
  const out = join(mkdtempSync(join(tmpdir(), 'orgraph-slack-')), 'export.zip');
  writeFileSync(out, zipSync(files));
  return out;
}

function ties(g: OrgGraph): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of g.ties()) m.set(`${t.relation}:${t.source}>${t.target}@${new Date(t.time!).toISOString().slice(5, 10)}`, t.weight);
  return m;
}

// smallChannelSize 4: #general (5 members) is a broadcast channel; #design (3) and the private
// #leadership (2) are small, so their top-level messages tie the sender to each member.
// general 01-05: [0] join (system); [1] U01 top-level, broadcast; mentions U03 -> mention U01>U03;
//   reactions by U02, U05 -> reaction U02>U01, U05>U01; [2] U02 replies -> reply U02>U01 (author);
//   [3] U03 replies -> U03>U01 (author), U03>U02 (earlier replier); [4] bot (no tie).
// general 01-06 (sorted by ts): U02 replies again -> U02>U01, U02>U03 (earlier replier; not self);
//   U04 (deleted user) top-level, broadcast, mentions U01 -> mention U04>U01.
// design 01-07: U03 file_share -> channel U03>U01, U03>U02. leadership 01-07: U05 -> channel U05>U01;
//   reaction by U01 -> U01>U05.
// D01 01-05: U01 -> dm U01>U02; U02 -> dm U02>U01. D02 01-06: U04 -> dm U04>U02.
// group DM 01-06: U02 -> dm U02>U01, U02>U03.
const EXPECTED = new Map([
  ['slack_dm:U01>U02@01-05', 1],
  ['slack_dm:U02>U01@01-05', 1],
  ['slack_dm:U04>U02@01-06', 1],
  ['slack_dm:U02>U01@01-06', 1],
  ['slack_dm:U02>U03@01-06', 1],
  ['slack_reply:U02>U01@01-05', 1],
  ['slack_reply:U03>U01@01-05', 1],
  ['slack_reply:U03>U02@01-05', 1],
  ['slack_reply:U02>U01@01-06', 1],
  ['slack_reply:U02>U03@01-06', 1],
  ['slack_reaction:U02>U01@01-05', 1],
  ['slack_reaction:U05>U01@01-05', 1],
  ['slack_reaction:U01>U05@01-07', 1],
  ['slack_mention:U01>U03@01-05', 1],
  ['slack_mention:U04>U01@01-06', 1],
  ['slack_channel:U03>U01@01-07', 1],
  ['slack_channel:U03>U02@01-07', 1],
  ['slack_channel:U05>U01@01-07', 1],
]);

describe('Slack export reader', () => {
  it('the ZIP: every interaction by the documented model', async () => {
    const zip = zipExport(EXPORT);
    expect(await detectSource(zip)).toBe('slack');
    const { graph, stats, report } = await loadSlack(zip, { smallChannelSize: 4 });
    expect(ties(graph)).toEqual(EXPECTED);
    // The bot is not a person; the deleted user is, marked.
    expect(graph.personIds).toEqual(['U01', 'U02', 'U03', 'U04', 'U05']);
    expect(graph.attribute('deleted')[graph.indexOf('U04')]).toBe('true');
    expect(graph.attribute('email')[graph.indexOf('U01')]).toBe('ana@acme.example');
    // 13 messages: 1 bot, 1 system, 2 broadcasts (which still carry mentions/reactions), 11 with ties.
    expect(stats).toEqual({
      conversations: 6,
      messages: 13,
      messagesWithTies: 11,
      botMessages: 1,
      systemMessages: 1,
      broadcasts: 2,
      interactions: 18,
      unknownUsers: 0,
    });
    const dayFiles = report.files.filter((f) => /\d{4}-\d{2}-\d{2}\.json$/.test(f.file));
    expect(dayFiles.reduce((s, f) => s + f.rowsRead, 0)).toBe(13);
    expect(dayFiles.every((f) => f.rowsKept + f.rowsDropped === f.rowsRead && f.rowsDropped === 0)).toBe(true);
  });

  it('the unzipped folder reads the same; by default (8) #general is small too', async () => {
    expect(await detectSource(EXPORT)).toBe('slack');
    const folder = await loadSlack(EXPORT, { smallChannelSize: 4 });
    expect(ties(folder.graph)).toEqual(EXPECTED);
    // Default 8: #general's two top-level messages now tie U01 and U04 to the 4 other members.
    const { graph, stats } = await loadSource(EXPORT).then(async (r) => ({ graph: r.graph, stats: (await loadSlack(EXPORT)).stats }));
    expect(stats.broadcasts).toBe(0);
    const m = ties(graph);
    expect(['U02', 'U03', 'U04', 'U05'].map((t) => m.get(`slack_channel:U01>${t}@01-05`))).toEqual([1, 1, 1, 1]);
    expect(['U01', 'U02', 'U03', 'U05'].map((t) => m.get(`slack_channel:U04>${t}@01-06`))).toEqual([1, 1, 1, 1]);
  });

  it('bad input: strict names the file and JSON path; lenient accounts for every message', async () => {
    const zip = zipExport(EXPORT, {
      'design/2026-01-08.json':
        '[{"type": "message", "user": "U01", "ts": "yesterday"}, 42, {"type": "message", "user": "U01", "text": "ping <@U99>", "ts": "1767866400.000100"}]',
      'leadership/2026-01-09.json': '[{"type": "message", "user": "U05", "ts": ',
    });
    await expect(loadSlack(zip, { smallChannelSize: 4 })).rejects.toThrow(
      `${zip}:design/2026-01-08.json: field "[0].ts": message timestamp "yesterday" is not Slack's "seconds.micros"`,
    );
    const { report, stats } = await loadSlack(zip, { smallChannelSize: 4, mode: 'lenient' });
    const f = report.files.find((x) => x.file.endsWith('design/2026-01-08.json'))!;
    // [0] bad ts dropped; [1] not an object dropped; [2] kept: channel ties U01>U02, U01>U03, mention of unknown U99 reported.
    expect(f).toMatchObject({ rowsRead: 3, rowsKept: 1, rowsDropped: 2, dropped: { E_BAD_TIMESTAMP: 1, E_BAD_VALUE: 1 } });
    expect(stats.unknownUsers).toBe(1);
    expect(report.issues.map((i) => [i.file.replace(`${zip}:`, ''), i.field, i.code])).toEqual([
      ['design/2026-01-08.json', '[0].ts', 'E_BAD_TIMESTAMP'],
      ['design/2026-01-08.json', '[1]', 'E_BAD_VALUE'],
      ['design/2026-01-08.json', '[2].text', 'E_UNKNOWN_PERSON'],
      ['leadership/2026-01-09.json', undefined, 'E_JSON_SYNTAX'],
    ]);
  });
});

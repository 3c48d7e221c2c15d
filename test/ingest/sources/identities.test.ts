/**
 * Identity resolution: the Slack export and the Microsoft 365 file of the other tests joined into
 * one population through test/fixtures/sources/identities.csv; counts derived by hand below.
 */
import { describe, expect, it } from 'vitest';
import { loadIdentities, parseIdentities, resolveIdentities } from '../../../src/ingest/sources/identities.js';
import { loadM365 } from '../../../src/ingest/sources/m365.js';
import { loadSlack } from '../../../src/ingest/sources/slack.js';

describe('identities', () => {
  it('maps Slack ids to HR ids; unmatched people are kept and reported', async () => {
    const ids = await loadIdentities('test/fixtures/sources/identities.csv');
    const slack = await loadSlack('test/fixtures/sources/slack-export', { smallChannelSize: 4 });
    const r = resolveIdentities(slack.graph, ids);
    // Slack people U01..U05: U01 -> E100, U02 -> E200, U03 -> E300; U04 and U05 have no alias.
    expect(r.graph.personIds).toEqual(['E100', 'E200', 'E300', 'U04', 'U05']);
    expect([r.matched, r.unmatched, r.unmatchedExamples, r.merged, r.selfTies]).toEqual([3, 2, ['U04', 'U05'], 0, 0]);
    expect(r.graph.tieCount).toBe(slack.graph.tieCount);
    expect(r.graph.attribute('email')[0]).toBe('ana@acme.example');
  });

  it('merges the aliases of one person (case-insensitive e-mail), dropping ties that become self-ties', async () => {
    const ids = await loadIdentities('test/fixtures/sources/identities.csv');
    const m365 = await loadM365('test/fixtures/sources/m365.json', { broadcastCutoff: 2 });
    const r = resolveIdentities(m365.graph, ids);
    // m365 people: ana, ben, cleo, ceo, dan, eve (e-mail) and aad-ana, aad-ben (call ids).
    // ana + AAD-ANA (folded) -> E100; ben + aad-ben -> E200; cleo -> E300: 5 matched, 3 distinct, 2 merged.
    // ceo, dan, eve unmatched. No tie joins two aliases of one person: no self-ties.
    expect([r.matched, r.unmatched, r.merged, r.selfTies]).toEqual([5, 3, 2, 0]);
    expect(r.graph.personIds.slice().sort()).toEqual(['E100', 'E200', 'E300', 'ceo@acme.example', 'dan@acme.example', 'eve@acme.example']);
    // The call aad-ana - aad-ben is now an E100 - E200 call.
    expect([...r.graph.ties()].filter((t) => t.relation === 'call').map((t) => [t.source, t.target])).toEqual([['E100', 'E200']]);
    const self = resolveIdentities(m365.graph, await parseIdentities('person_id,alias\nX,ana@acme.example\nX,ben@acme.example\n'));
    // ana-ben ties: email ana>ben, ben>ana (01-05), meeting ana-ben (01-06) = 3 self-ties.
    expect(self.selfTies).toBe(3);
  });

  it('an alias mapped to two people is refused with file, line and field', async () => {
    await expect(parseIdentities('person_id,alias\nE1,a@x\nE2,A@X\n')).rejects.toThrow(
      'identities.csv:3: field "alias": alias "A@X" is mapped to both "E1" and "E2"',
    );
  });
});

/**
 * The report page as text: every section, hostile names escaped, a CSP whose hashes are those of
 * the inlined scripts (recomputed here with node:crypto), and no external reference.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis } from '../../src/report/analysis.js';
import { mapAssets } from '../../src/report/assets.js';
import { REPORT_SECTIONS, reportHtml } from '../../src/report/html.js';
import { HOSTILE } from './fixtures.js';

let html: string;
let plain: string;
/** The page without the bodies of its script elements (the inlined libraries hold markup-like strings). */
const outsideScripts = (page: string) => page.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');

beforeAll(async () => {
  // Two groups of five named with hostile strings; people ids are hostile too.
  const ids = [...(Object.values(HOSTILE) as string[]), 'x1'];
  const people = ids.map((id, i) => ({ id, attributes: { dept: i < 5 ? HOSTILE.group : HOSTILE.group2 } }));
  const ties = ids.slice(1).map((id, i) => ({ source: ids[i], target: id }));
  const result = await analysis(OrgGraph.from({ people, ties }), { thread: 'caller', group: 'dept', minGroupSize: 5 });
  html = reportHtml(result, mapAssets(), { versions: { orgraph: 'test' }, title: HOSTILE.script });
  const small = await analysis(OrgGraph.from({ people: [{ id: 'a' }, { id: 'b' }], ties: [{ source: 'a', target: 'b' }] }), {
    thread: 'caller',
    group: null,
    minGroupSize: 1,
  });
  plain = reportHtml(small, mapAssets(), { versions: { orgraph: 'test' } });
});

describe('reportHtml', () => {
  it('has every section with its explanation, also with no groups', () => {
    for (const page of [html, plain].map(outsideScripts)) {
      for (const id of REPORT_SECTIONS)
        expect(page, id).toMatch(new RegExp(`<section id="${id}"><h2>[^<]+</h2>\\n<p class="explain">[^\\n]{40,}</p>`));
    }
    expect(plain).toContain('No groups to compare');
  });

  it('never writes a hostile string as markup', () => {
    // The only elements in the page are the report's own.
    const page = outsideScripts(html);
    expect(page).not.toMatch(/<img|<svg|<b>/i);
    // No tag has an event-handler attribute (quoted values removed first: escaped text may say "onload=").
    for (const m of page.matchAll(/<([a-z][\w-]*)([^>]*)>/gi)) expect(m[2].replace(/"[^"]*"/g, '""'), m[0]).not.toMatch(/\son\w+=/i);
    expect(page.match(/<script/g)).toHaveLength(4);
    // Inside the scripts no element can end early: exactly 4 closing tags in the whole page.
    expect(html.match(/<\/script/gi)).toHaveLength(4);
    expect(html).toContain('&lt;svg onload=&quot;window.__pwned=3&quot;&gt;');
  });

  it('lets only the inlined scripts run (CSP hashes match them) and allows no network source', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(3);
    for (const s of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
    // No URL the browser would fetch: no src=, and every href is an in-page anchor or an embedded CSV (data: URL).
    const page = outsideScripts(html);
    expect(page).not.toMatch(/\ssrc=/);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    for (const h of hrefs) expect(h).toMatch(/^#|^data:text\/csv;charset=utf-8,/);
    expect(hrefs.filter((h) => h.startsWith('data:')).length).toBeGreaterThan(0);
  });

  it('embeds the map data as JSON that parses back to the analysis', () => {
    const json = /<script type="application\/json" id="orgraph-map-data">([^<]*)<\/script>/.exec(html)![1];
    const map = JSON.parse(json);
    expect(map.nodes.map((n: { k: string }) => n.k).sort()).toEqual([...(Object.values(HOSTILE) as string[]), 'x1'].sort());
  });
});

/**
 * The report's timeline section: present with two or more periods and absent otherwise (the page
 * is then byte-identical), one small multiple per figure, the churn counts of the hand-checked
 * log of test/recommend/timeline.test.ts, hostile attribute names escaped, and no person id.
 */
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/ingest/index.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { splitByPeriod, timeline } from '../../src/recommend/timeline.js';
import { analysis } from '../../src/report/analysis.js';
import { mapAssets } from '../../src/report/assets.js';
import { reportHtml } from '../../src/report/html.js';
import { timelineSection } from '../../src/report/timeline.js';

const DIR = 'test/fixtures/sources';

describe('timeline section', () => {
  it('draws the figures and the churn counts, without person ids', async () => {
    const { graph } = await loadFiles({ people: `${DIR}/timeline-people.csv`, ties: `${DIR}/timeline-ties.csv` });
    const t = timeline(splitByPeriod(graph), { attribute: 'dept', minGroupSize: 1 });
    const html = timelineSection(t);
    expect(html.match(/<polyline/g)).toHaveLength(5);
    // Rows: Jan (no churn), Feb (gained 1, lost 1, strengthened 1, weakened 1, joined 1, left 0), Mar (0, 3, 0, 1, 0, 3).
    expect(html).toContain('<td>2026-02</td><td>5</td><td>4</td><td>0.400</td><td>0</td>');
    expect(html).toContain('<td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>0</td></tr>');
    expect(html).toContain('<td>0</td><td>3</td><td>0</td><td>1</td><td>0</td><td>3</td></tr>');
    // People counts run 4 -> 5 -> 2.
    expect(html).toContain('4 &rarr; 2 (min 2, max 5)');
    // Person ids a..e never appear as cell values.
    expect(html).not.toMatch(/<td>[a-e]<\/td>/);
  });

  it('escapes the attribute name and is absent for one period', async () => {
    const g = OrgGraph.from({
      people: [
        { id: 'p', attributes: { '<b>x</b>': 'A' } },
        { id: 'q', attributes: { '<b>x</b>': 'B' } },
      ],
      ties: [
        { source: 'p', target: 'q', time: Date.UTC(2026, 0, 2) },
        { source: 'p', target: 'q', time: Date.UTC(2026, 1, 2) },
      ],
    });
    const t = timeline(splitByPeriod(g), { attribute: '<b>x</b>', gaps: 0, minGroupSize: 1 });
    const html = timelineSection(t);
    expect(html).toContain('E-I (&lt;b&gt;x&lt;/b&gt;)');
    expect(html).not.toContain('<b>x</b>');
    expect(timelineSection(timeline(splitByPeriod(g, { period: 'quarter' })))).toBe('');
    expect(timelineSection(null)).toBe('');
  });

  it('reportHtml shows it only when given a timeline', async () => {
    const g = OrgGraph.from({
      people: [{ id: 'a' }, { id: 'b' }],
      ties: [
        { source: 'a', target: 'b', time: Date.UTC(2026, 0, 2) },
        { source: 'a', target: 'b', time: Date.UTC(2026, 1, 2) },
      ],
    });
    const result = await analysis(g, { thread: 'caller', group: null, minGroupSize: 1 });
    const meta = { versions: { orgraph: 'test' } };
    const without = reportHtml(result, mapAssets(), meta);
    expect(without).not.toContain('id="timeline"');
    expect(reportHtml(result, mapAssets(), { ...meta, timeline: null })).toBe(without);
    expect(reportHtml(result, mapAssets(), { ...meta, timeline: timeline(splitByPeriod(g)) })).toContain('<section id="timeline">');
  });
});

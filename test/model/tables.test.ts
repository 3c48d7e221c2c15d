/** Tables for console.table and notebooks: toTable, htmlTable, NodeScores.toTable / toHtml. Expected values by hand. */
import { describe, expect, it } from 'vitest';
import { htmlTable, toTable } from '../../src/model/tables.js';
import { NodeScores } from '../../src/metrics/scores.js';
import { escapeHtml } from '../../src/report/escape.js';

describe('toTable', () => {
  it('flattens records: columns in first-seen order, missing keys null, NaN null, arrays joined, objects as JSON, rounding on request', () => {
    const rows = toTable(
      [
        { group: 'Sales', ei: -0.41234, members: ['ana', 'bo'] },
        { group: 'Eng', ei: NaN, extra: { a: 1, b: Infinity } },
      ],
      { digits: 2 },
    );
    expect(rows).toEqual([
      { group: 'Sales', ei: -0.41, members: 'ana, bo', extra: null },
      { group: 'Eng', ei: null, members: null, extra: '{"a":1,"b":null}' },
    ]);
    expect(toTable([{ a: 1, b: 2 }], { columns: ['b'] })).toEqual([{ b: 2 }]);
    expect(toTable([{ x: 1 / 3 }])[0].x).toBe(1 / 3);
  });
});

describe('htmlTable', () => {
  it('escapes headers, cells and caption and right-aligns numbers', () => {
    expect(htmlTable([{ id: '<b>', degree: 2 }], { caption: 'a & b' })).toBe(
      '<table class="orgraph"><caption>a &amp; b</caption><thead><tr><th>id</th><th>degree</th></tr></thead>' +
        '<tbody><tr><td>&lt;b&gt;</td><td style="text-align:right">2</td></tr></tbody></table>',
    );
    expect(htmlTable([{ '"x"': null }])).toContain('<th>&quot;x&quot;</th>');
    expect(htmlTable([{ '"x"': null }])).toContain('<td></td>');
  });

  it('the report still escapes with the same function', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('NodeScores as a table', () => {
  // values: a 0.5, b NaN, c 2, d 0.5 -> descending order c (rank 1), a and d (tied rank 2, input order), b last (null).
  const s = new NodeScores('betweenness', ['a', 'b', 'c', 'd'], Float64Array.from([0.5, NaN, 2, 0.5]));

  it('toTable: highest first, ties share a rank, undefined last, top and digits', () => {
    expect(s.toTable()).toEqual([
      { id: 'c', betweenness: 2, rank: 1 },
      { id: 'a', betweenness: 0.5, rank: 2 },
      { id: 'd', betweenness: 0.5, rank: 2 },
      { id: 'b', betweenness: null, rank: null },
    ]);
    expect(s.toTable({ top: 2 })).toEqual([
      { id: 'c', betweenness: 2, rank: 1 },
      { id: 'a', betweenness: 0.5, rank: 2 },
    ]);
    expect(s.toTable({ ascending: true, top: 1 })).toEqual([{ id: 'a', betweenness: 0.5, rank: 1 }]);
    const third = new NodeScores('x', ['p'], Float64Array.from([1 / 3]));
    expect(third.toTable({ digits: 3 })).toEqual([{ id: 'p', x: 0.333, rank: 1 }]);
  });

  it('toHtml: the same rows as an HTML table', () => {
    const html = s.toHtml({ top: 1, caption: 'Brokers' });
    expect(html).toBe(
      '<table class="orgraph"><caption>Brokers</caption><thead><tr><th>id</th><th>betweenness</th><th>rank</th></tr></thead>' +
        '<tbody><tr><td>c</td><td style="text-align:right">2</td><td style="text-align:right">1</td></tr></tbody></table>',
    );
  });
});

/**
 * The report's timeline section: small multiples (one inline SVG line per figure, no script) and a
 * table of per-period figures and churn counts, shown when a timeline with more than one period is
 * passed in `ReportMeta.timeline`. Only aggregate figures are drawn: no person ids and no group
 * names, so the report's privacy settings (pseudonyms, minimum group size) cannot be bypassed here.
 * Reference: Tufte, E. (1983). The Visual Display of Quantitative Information (small multiples).
 */
import type { TimelineResult } from '../recommend/timeline.js';
import { fmt } from './analysis.js';
import { escapeHtml as e } from './escape.js';

const W = 180;
const H = 48;

/** One small multiple: a polyline of `values` (NaN gaps skipped) with its first and last value. */
function spark(label: string, values: readonly number[], digits: number): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const x = (i: number): number => (values.length === 1 ? W / 2 : (i * (W - 8)) / (values.length - 1) + 4);
  const y = (v: number): number => (hi === lo ? H / 2 : H - 4 - ((v - lo) * (H - 8)) / (hi - lo));
  const points = values
    .map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null))
    .filter((p) => p !== null)
    .join(' ');
  const show = (v: number): string => (Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : '-');
  return `<figure class="spark"><figcaption>${e(label)}</figcaption><svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)} per period"><polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${points}"/></svg><div class="note">${e(show(values[0]))} &rarr; ${e(show(values[values.length - 1]))} (min ${e(show(lo))}, max ${e(show(hi))})</div></figure>`;
}

/** The timeline section's HTML; '' when there is no timeline or a single period. */
export function timelineSection(t: TimelineResult | null | undefined): string {
  if (!t || t.periods.length < 2) return '';
  const p = t.periods;
  const multiples = [
    spark(
      'People',
      p.map((x) => x.people),
      0,
    ),
    spark(
      'Tied pairs',
      p.map((x) => x.ties),
      0,
    ),
    spark(
      'Density',
      p.map((x) => x.density),
      3,
    ),
    t.attribute
      ? spark(
          `E-I (${t.attribute})`,
          p.map((x) => x.ei ?? NaN),
          2,
        )
      : '',
    spark(
      `Modularity (${p[0].modularityOf === 'attribute' ? t.attribute : 'communities'})`,
      p.map((x) => x.modularity),
      3,
    ),
  ].join('');
  const rows = p
    .map((x, i) => {
      const c = i > 0 ? t.churn[i - 1] : null;
      const cells = [
        x.label,
        fmt(x.people),
        fmt(x.ties),
        fmt(x.density),
        x.ei === null ? '-' : fmt(x.ei),
        fmt(x.modularity),
        c ? fmt(c.gained) : '',
        c ? fmt(c.lost) : '',
        c ? fmt(c.strengthened) : '',
        c ? fmt(c.weakened) : '',
        c ? fmt(c.joined.length) : '',
        c ? fmt(c.left.length) : '',
      ];
      return `<tr>${cells.map((s) => `<td>${e(s)}</td>`).join('')}</tr>`;
    })
    .join('');
  const explain =
    'How the network changed period by period. Churn compares each period with the one before: pairs gained and lost, pairs whose tie value was multiplied (strengthened) or divided (weakened) by the ratio or more, and people joining and leaving. These are counts, not significance tests.';
  return `<section id="timeline"><h2>Timeline</h2>
<p class="explain">${e(explain)}</p>
<div class="multiples" style="display:flex;flex-wrap:wrap;gap:1rem">${multiples}</div>
<div class="scroll"><table class="list"><tr><th>Period</th><th>People</th><th>Pairs</th><th>Density</th><th>E-I</th><th>Modularity</th><th>Gained</th><th>Lost</th><th>Strengthened</th><th>Weakened</th><th>Joined</th><th>Left</th></tr>${rows}</table></div>
</section>`;
}

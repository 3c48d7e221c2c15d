/**
 * Stage "map": the network map. People are drawn by betweenness rank up to `mapLimit` (the ties
 * among them, strongest first above `mapTieLimit`), laid out by group ({@link groupLayout}); in
 * groups-only mode the groups are drawn instead, with the heatmap's observed ties between them.
 */
import type { OrgView } from '../../../model/projection.js';
import { groupLayout } from '../../layout.js';
import { fmt, fmtN, round } from '../format.js';
import type { AnalysisStage } from '../plan.js';
import type { GapCell, MapData, PersonFigures } from '../types.js';

export const mapStage: AnalysisStage = {
  name: 'map',
  needs: ['tables', 'betweenness', 'degree', 'partition', 'communities'],
  provides: ['map'],
  async run(ctx) {
    const o = ctx.options;
    const t = ctx.get('tables');
    ctx.progress('map', 0, 1);
    let units = 1;
    const partition = ctx.get('partition');
    const communities = ctx.get('communities');
    const map = o.groupsOnly
      ? groupMap(t.heatGroups, t.groupSizes, t.cells)
      : personMap(
          ctx.view,
          t.people,
          ctx.get('betweenness').values,
          ctx.get('degree').values,
          partition?.names ?? [],
          partition?.labels ?? null,
          communities.names,
          communities.of,
          o.mapLimit,
          o.mapTieLimit,
          (done, total) => ctx.progress('map', done, (units = total)),
        );
    ctx.set('map', map);
    ctx.progress('map', units, units);
  },
};

function personMap(
  view: OrgView,
  people: readonly PersonFigures[],
  btw: Float64Array,
  deg: Float64Array,
  groupNames: readonly string[],
  groupLabels: Int32Array | null,
  communityNames: readonly string[],
  communityOf: (i: number) => number,
  limit: number,
  tieLimit: number,
  progress: (done: number, total: number) => void,
): MapData {
  const n = view.csr.n;
  // Progress: the ranking is n units, the layout and the tooltips one each, the tie scan one per person.
  const total = 2 * n + 2;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => btw[b] - btw[a] || deg[b] - deg[a] || a - b);
  progress(n, total);
  const shownIdx = order.slice(0, Math.min(limit, n));
  const slot = new Int32Array(n).fill(-1);
  shownIdx.forEach((i, s) => (slot[i] = s));
  const labels = new Int32Array(shownIdx.length);
  for (let s = 0; s < shownIdx.length; s++) labels[s] = groupLabels ? groupLabels[shownIdx[s]] : -1;
  const { x, y } = groupLayout(
    labels,
    shownIdx.map((_, s) => s),
  );
  progress(n + 1, total);
  let bmax = 0;
  for (const i of shownIdx) if (btw[i] > bmax) bmax = btw[i];
  const nodes = shownIdx.map((i, s) => {
    const p = people[i];
    const f: [string, string][] = [
      ['Group', p.group ?? '(none)'],
      ['Community', p.community ?? '(none)'],
      ['Contacts', fmt(deg[i])],
      [
        'Betweenness',
        `${fmt(btw[i])}${p.betweennessPercentile === null ? '' : ` (higher than ${Math.round(100 * p.betweennessPercentile)}% of people)`}`,
      ],
      ['Constraint', fmtN(p.constraint)],
    ];
    if (p.gatekeeper !== null) f.push(['Gatekeeper paths', fmtN(p.gatekeeper)]);
    if (p.articulation) f.push(['Cut person', 'yes: the network splits without them']);
    return {
      k: p.id,
      ...(p.name ? { n: p.name } : {}),
      x: round(x[s]),
      y: round(y[s]),
      s: round(2 + 10 * Math.sqrt(bmax > 0 ? btw[i] / bmax : 0)),
      g: labels[s],
      c: communityOf(i),
      f,
    };
  });
  progress(n + 2, total);
  // Ties among the people shown, strongest first when over the limit.
  const { csr } = view;
  const ties: [number, number, number][] = [];
  let tiesTotal = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0xffff) progress(n + 2 + i, total);
    for (let q = csr.offsets[i]; q < csr.offsets[i + 1]; q++) {
      const j = csr.targets[q];
      if (!csr.directed && j < i) continue;
      tiesTotal++;
      if (slot[i] >= 0 && slot[j] >= 0) ties.push([slot[i], slot[j], csr.weights[q]]);
    }
  }
  if (ties.length > tieLimit) {
    ties.sort((a, b) => b[2] - a[2]);
    ties.length = tieLimit;
  }
  const sampled = shownIdx.length < n || ties.length < tiesTotal;
  return {
    kind: 'people',
    total: n,
    shown: shownIdx.length,
    tiesTotal,
    tiesShown: ties.length,
    sampleNote: sampled
      ? `The map draws the ${shownIdx.length.toLocaleString('en')} people with the highest betweenness out of ${n.toLocaleString('en')}, and ${ties.length.toLocaleString('en')} of ${tiesTotal.toLocaleString('en')} ties (the ties among them${ties.length < tiesTotal && shownIdx.length === n ? ', strongest first' : ''}), so that the page stays responsive. Every table and CSV covers everyone.`
      : null,
    groups: groupNames,
    communities: communityNames,
    nodes,
    ties,
  };
}

function groupMap(groups: readonly string[], sizes: ReadonlyMap<string, number>, cells: readonly (readonly (GapCell | null)[])[]): MapData {
  const labels = Int32Array.from(groups.map((_, g) => g));
  const { x, y } = groupLayout(labels, [], { spacing: 10, gap: 0 });
  let max = 1;
  for (const g of groups) max = Math.max(max, sizes.get(g) ?? 0);
  const nodes = groups.map((g, a) => ({
    k: g,
    x: round(x[a]),
    y: round(y[a]),
    s: round(4 + 16 * Math.sqrt((sizes.get(g) ?? 0) / max)),
    g: a,
    c: -1,
    f: [
      ['People', String(sizes.get(g) ?? 0)],
      ['Ties inside', cells[a][a] ? String(cells[a][a]!.observed) : '0'],
    ] as [string, string][],
  }));
  const ties: [number, number, number][] = [];
  for (let a = 0; a < groups.length; a++)
    for (let b = a + 1; b < groups.length; b++) if (cells[a][b] && cells[a][b]!.observed > 0) ties.push([a, b, cells[a][b]!.observed]);
  return {
    kind: 'groups',
    total: groups.length,
    shown: groups.length,
    tiesTotal: ties.length,
    tiesShown: ties.length,
    sampleNote: null,
    groups,
    communities: [],
    nodes,
    ties,
  };
}

/**
 * The report map's client script
 * Plain browser JavaScript, inlined in report.html after graphology and sigma: reads the map data
 * from a JSON script element, draws it with sigma.js (WebGL), and wires the search box, the hover
 * card and the colour toggles. Every string from the data reaches the page through textContent or
 * canvas text, never through HTML parsing.
 * Reference: sigma.js v3 documentation (https://www.sigmajs.org/docs/), node and edge reducers.
 */

/** Colour palette (Tableau 20 order, colour-blind aware first ten). */
export const MAP_PALETTE: readonly string[] = Object.freeze([
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
]);

/** Groups (or communities) given their own colour and legend entry; the rest share one grey, listed as "others". */
export const LEGEND_TOP = 12;

/**
 * The client script. It expects globals `graphology` and `Sigma`, an element `#orgraph-map-data`
 * holding the {@link MapData} JSON, and the map's controls (see html.ts). It sets
 * `window.orgraphMap = { graph, renderer, search }` for tests and the browser console.
 * @example
 * `<script>${MAP_SCRIPT}</script>`
 */
export const MAP_SCRIPT = String.raw`
(function () {
  'use strict';
  var PALETTE = ${JSON.stringify(MAP_PALETTE)};
  var TOP = ${LEGEND_TOP};
  var NONE = '#c8c8c8';
  var OTHERS = '#9aa3ad';
  var dataEl = document.getElementById('orgraph-map-data');
  var container = document.getElementById('map-view');
  var statusEl = document.getElementById('map-status');
  var tip = document.getElementById('map-tip');
  var searchEl = document.getElementById('map-search');
  var legendEl = document.getElementById('map-legend');
  if (!dataEl || !container) return;
  var data = JSON.parse(dataEl.textContent || '{}');
  // Colours by rank: the TOP largest groups (people on the map) get a colour each, the rest one grey.
  function ranking(key, names) {
    var count = names.map(function () { return 0; });
    data.nodes.forEach(function (d) { if (d[key] >= 0) count[d[key]]++; });
    var order = names.map(function (_, i) { return i; }).filter(function (i) { return count[i] > 0; });
    order.sort(function (a, b) { return count[b] - count[a] || a - b; });
    var rank = names.map(function () { return -1; });
    order.forEach(function (g, r) { rank[g] = r; });
    return { order: order, rank: rank, count: count };
  }
  var ranks = { group: ranking('g', data.groups), community: ranking('c', data.communities) };
  function colourOf(kind, i) {
    if (i < 0) return NONE;
    var r = ranks[kind].rank[i];
    return r >= 0 && r < TOP ? PALETTE[r] : OTHERS;
  }
  // A map as tall as the drawing needs: the layout's aspect ratio at the box's width, within bounds.
  (function size() {
    if (data.nodes.length === 0) return;
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    data.nodes.forEach(function (d) { x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y); });
    var w = container.clientWidth || 800;
    var aspect = (y1 - y0 + 1) / (x1 - x0 + 1);
    var cap = Math.min(640, Math.max(260, 0.8 * (window.innerHeight || 800)));
    var floor = data.nodes.length < 60 ? 260 : 340;
    container.style.height = Math.round(Math.max(floor, Math.min(cap, w * aspect))) + 'px';
  })();
  var graph = new graphology.UndirectedGraph();
  var maxW = 0;
  data.ties.forEach(function (t) { if (t[2] > maxW) maxW = t[2]; });
  data.nodes.forEach(function (d, i) {
    var c = colourOf('group', d.g);
    graph.addNode(String(i), {
      x: d.x, y: d.y, size: d.s, label: d.n || d.k,
      color: c, groupColor: c, communityColor: colourOf('community', d.c)
    });
  });
  data.ties.forEach(function (t) {
    var a = String(t[0]), b = String(t[1]);
    if (a === b || graph.hasEdge(a, b)) return;
    graph.addEdge(a, b, { size: 0.3 + 1.7 * Math.sqrt(maxW > 0 ? t[2] / maxW : 0), color: '#d5d9de' });
  });

  var state = { hovered: null, selected: null, neighbours: null };
  var renderer;
  try {
    renderer = new Sigma(graph, container, {
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      defaultEdgeColor: '#d5d9de',
      zIndex: true,
      nodeReducer: function (node, attrs) {
        var focus = state.selected || state.hovered;
        if (!focus) return attrs;
        var res = Object.assign({}, attrs);
        if (node === focus) { res.highlighted = true; res.zIndex = 2; }
        else if (state.neighbours && state.neighbours.has(node)) { res.zIndex = 1; }
        else { res.color = '#e8e8e8'; res.label = ''; res.zIndex = 0; }
        return res;
      },
      edgeReducer: function (edge, attrs) {
        var focus = state.selected || state.hovered;
        if (!focus) return attrs;
        var res = Object.assign({}, attrs);
        if (!graph.hasExtremity(edge, focus)) res.hidden = true;
        else res.color = '#8a96a3';
        return res;
      }
    });
  } catch (e) {
    statusEl.textContent = 'The map could not be drawn in this browser (it needs WebGL); every table below still applies.';
    return;
  }

  function focusOn(node) {
    state.neighbours = node ? new Set(graph.neighbors(node)) : null;
  }
  function showTip(node) {
    var d = data.nodes[Number(node)];
    tip.textContent = '';
    var h = document.createElement('strong');
    h.textContent = d.n || d.k;
    tip.appendChild(h);
    if (d.n) {
      var idEl = document.createElement('small');
      idEl.className = 'id';
      idEl.textContent = d.k;
      tip.appendChild(idEl);
    }
    var dl = document.createElement('dl');
    d.f.forEach(function (pair) {
      var dt = document.createElement('dt'); dt.textContent = pair[0];
      var dd = document.createElement('dd'); dd.textContent = pair[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    tip.appendChild(dl);
    tip.hidden = false;
  }
  renderer.on('enterNode', function (e) {
    state.hovered = e.node;
    if (!state.selected) focusOn(e.node);
    showTip(e.node);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', function () {
    state.hovered = null;
    if (!state.selected) focusOn(null);
    if (state.selected) showTip(state.selected); else tip.hidden = true;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickStage', function () {
    state.selected = null; focusOn(null); tip.hidden = true;
    renderer.refresh({ skipIndexation: true });
  });

  function search(query) {
    var q = String(query || '').trim().toLowerCase();
    if (!q) {
      state.selected = null; focusOn(null); tip.hidden = true;
      statusEl.textContent = '';
      renderer.getCamera().animatedReset({ duration: 200 });
      renderer.refresh({ skipIndexation: true });
      return null;
    }
    // Exact id or name first, then a name or id containing the text.
    var found = null;
    function exact(d) { return d.k.toLowerCase() === q || (d.n && d.n.toLowerCase() === q); }
    function part(d) { return d.k.toLowerCase().indexOf(q) >= 0 || (d.n && d.n.toLowerCase().indexOf(q) >= 0); }
    for (var i = 0; i < data.nodes.length && found === null; i++) if (exact(data.nodes[i])) found = i;
    for (var j = 0; j < data.nodes.length && found === null; j++) if (part(data.nodes[j])) found = j;
    if (found === null) {
      statusEl.textContent = 'No ' + (data.kind === 'groups' ? 'group' : 'person') + ' on the map matches "' + query + '".';
      state.selected = null; focusOn(null); tip.hidden = true;
      renderer.refresh({ skipIndexation: true });
      return null;
    }
    var node = String(found);
    state.selected = node; focusOn(node); showTip(node);
    var hit = data.nodes[found];
    statusEl.textContent = 'Found: ' + (hit.n ? hit.n + ' (' + hit.k + ')' : hit.k);
    var pos = renderer.getNodeDisplayData(node);
    if (pos) renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.25 }, { duration: 400 });
    renderer.refresh({ skipIndexation: true });
    return hit.k;
  }
  if (searchEl) {
    searchEl.addEventListener('input', function () { search(searchEl.value); });
    searchEl.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); search(searchEl.value); } });
  }

  function legend(kind) {
    if (!legendEl) return;
    var names = kind === 'community' ? data.communities : data.groups;
    var rk = ranks[kind];
    legendEl.textContent = '';
    function item(colour, text) {
      var li = document.createElement('li');
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = colour;
      sw.setAttribute('aria-hidden', 'true');
      li.appendChild(sw);
      li.appendChild(document.createTextNode(text));
      legendEl.appendChild(li);
    }
    rk.order.slice(0, TOP).forEach(function (g, r) { item(PALETTE[r], names[g] + ' (' + rk.count[g] + ')'); });
    var rest = rk.order.slice(TOP);
    if (rest.length > 0) {
      var people = rest.reduce(function (s, g) { return s + rk.count[g]; }, 0);
      item(OTHERS, rest.length + ' other ' + (kind === 'community' ? 'communities' : 'groups') + ' (' + people + ')');
    }
  }
  function colourBy(kind) {
    graph.forEachNode(function (node, attrs) {
      graph.setNodeAttribute(node, 'color', kind === 'community' ? attrs.communityColor : attrs.groupColor);
    });
    legend(kind);
    renderer.refresh();
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[name="map-colour"]'), function (el) {
    el.addEventListener('change', function () { if (el.checked) colourBy(el.value); });
  });
  legend('group');
  container.setAttribute('data-nodes', String(graph.order));
  container.setAttribute('data-ties', String(graph.size));
  window.orgraphMap = { graph: graph, renderer: renderer, search: search, colourBy: colourBy };
})();
`;

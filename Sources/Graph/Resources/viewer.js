// kg viewer: search, filters and the evidence panel over the inline SVG. Reads the JSON in
// #kg-data; builds every piece of text with DOM text nodes (never innerHTML), so nothing from
// the articles is read as markup. Opened with #selftest, it clicks an edge itself and writes
// the outcome into <pre id="kg-selftest">.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var svg = document.querySelector("#graph svg");
  var panel = document.getElementById("panel");
  var nodes = {}, edges = {}, edgesOf = {};
  data.nodes.forEach(function (n) { nodes[n.id] = n; edgesOf[n.id] = []; });
  data.edges.forEach(function (e) {
    edges[e.id] = e;
    if (edgesOf[e.head]) edgesOf[e.head].push(e);
    if (edgesOf[e.tail]) edgesOf[e.tail].push(e);
  });

  function el(tag, attrs) {
    var x = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { x.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      x.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return x;
  }
  function group(id) { return document.getElementById(id); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function other(e, id) { return e.head === id ? e.tail : e.head; }

  // ---- the evidence panel ----
  function sourceLine(doc) {
    var bits = [doc.title || doc.id];
    var meta = [doc.outlet, doc.date].filter(Boolean).join(", ");
    var line = el("div", { "class": "meta" }, meta ? meta + " · " : "", doc.id + " ");
    if (doc.link) {
      var a = el("a", { href: doc.link, target: "_blank", rel: "noopener" }, "open the article");
      line.appendChild(a);
    }
    return el("div", { "class": "source" }, el("h3", {}, bits[0]), line);
  }
  function marked(s) {
    var q = el("blockquote", {}), at = 0;
    s.marks.forEach(function (m) {
      if (m[0] < at) return;
      q.appendChild(document.createTextNode(s.text.slice(at, m[0])));
      q.appendChild(el("mark", { "class": m[2] === 0 ? "head" : "tail" }, s.text.slice(m[0], m[1])));
      at = m[1];
    });
    q.appendChild(document.createTextNode(s.text.slice(at)));
    return q;
  }
  function showEdge(e) {
    var h = nodes[e.head], t = nodes[e.tail];
    panel.textContent = "";
    panel.appendChild(el("h2", { id: "panel-title" }, h.name + " " + e.family + " " + t.name));
    panel.appendChild(el("div", { "class": "meta" },
      (e.bothWays ? "both ways · " : "") + plural(e.articles, "article") + ", " + plural(e.evidence.length, "sentence") +
      ", confidence " + e.confidence.toFixed(2)));
    var byDoc = [];
    e.evidence.forEach(function (s) {
      var last = byDoc[byDoc.length - 1];
      if (!last || last.doc !== s.document) byDoc.push(last = { doc: s.document, sentences: [] });
      last.sentences.push(s);
    });
    byDoc.forEach(function (d) {
      var box = el("section", { "class": "article" }, sourceLine(data.documents[d.doc]));
      d.sentences.forEach(function (s) { box.appendChild(marked(s)); });
      panel.appendChild(box);
    });
    select([e.id]);
  }
  function showNode(n) {
    panel.textContent = "";
    panel.appendChild(el("h2", { id: "panel-title" }, n.name));
    panel.appendChild(el("div", { "class": "meta" }, n.type + " · " + plural(n.articles.length, "article") +
      (n.aliases.length ? " · also: " + n.aliases.join("; ") : "")));
    panel.appendChild(el("h3", {}, plural(edgesOf[n.id].length, "relation")));
    var ul = el("ul", {});
    edgesOf[n.id].forEach(function (e) {
      var a = el("a", { "class": "rel", "data-edge": e.id },
        (e.head === n.id ? e.family + " → " : "← " + e.family + " · ") + nodes[other(e, n.id)].name + " (" + plural(e.articles, "article") + ")");
      a.addEventListener("click", function () { showEdge(e); });
      ul.appendChild(el("li", {}, a));
    });
    panel.appendChild(ul);
    panel.appendChild(el("h3", {}, "Articles"));
    var docs = el("ul", {});
    n.articles.forEach(function (i) { docs.appendChild(el("li", {}, sourceLine(data.documents[i]))); });
    panel.appendChild(docs);
    highlight(n.id);
    select([n.id]);
  }
  function select(ids) {
    svg.querySelectorAll("g.sel").forEach(function (g) { g.classList.remove("sel"); });
    ids.forEach(function (id) { var g = group(id); if (g) g.classList.add("sel"); });
  }

  svg.addEventListener("click", function (ev) {
    var g = ev.target.closest("g.node, g.edge");
    if (!g) return;
    ev.preventDefault();
    if (edges[g.id]) showEdge(edges[g.id]);
    else if (nodes[g.id]) showNode(nodes[g.id]);
  });

  // ---- search: an entity and its neighbours highlighted, the rest dimmed ----
  var search = document.getElementById("search");
  var names = document.getElementById("names");
  data.nodes.forEach(function (n) { names.appendChild(el("option", { value: n.name })); });
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function find(q) {
    q = fold(q.trim());
    if (!q) return null;
    var exact = null, partial = null;
    data.nodes.forEach(function (n) {
      var all = [n.name].concat(n.aliases).map(fold);
      if (!exact && all.indexOf(q) >= 0) exact = n;
      if (!partial && all.some(function (a) { return a.indexOf(q) >= 0; })) partial = n;
    });
    return exact || partial;
  }
  function highlight(id) {
    var keep = {};
    if (id) {
      keep[id] = true;
      edgesOf[id].forEach(function (e) { if (visible(e)) { keep[e.id] = true; keep[e.head] = true; keep[e.tail] = true; } });
    }
    svg.querySelectorAll("g.node, g.edge").forEach(function (g) {
      if (g.id === "legend") return;
      g.classList.toggle("dim", !!id && !keep[g.id]);
      g.classList.toggle("hl", !!id && !!keep[g.id]);
    });
  }
  search.addEventListener("input", function () {
    var n = find(search.value);
    highlight(n ? n.id : null);
    search.setCustomValidity(search.value.trim() && !n ? "no entity by that name" : "");
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var n = find(search.value); if (n) showNode(n); }
  });

  // ---- filters: types, families, minimum number of articles ----
  var shownTypes = {}, shownFamilies = {}, minSources = document.getElementById("min-sources");
  function checkbox(box, value, shown, color) {
    shown[value] = true;
    var c = el("input", { type: "checkbox", "data-filter": value });
    c.checked = true;
    c.addEventListener("change", function () { shown[value] = c.checked; applyFilters(); });
    box.appendChild(el("label", {}, c, el("span", { "class": "swatch", style: "background:" + (data.colors[value] || "#fff") }), value));
  }
  data.types.forEach(function (t) { checkbox(document.getElementById("type-filters"), t, shownTypes); });
  data.families.forEach(function (f) { checkbox(document.getElementById("family-filters"), f, shownFamilies); });
  minSources.addEventListener("input", applyFilters);
  function visible(e) {
    return shownFamilies[e.family] && e.articles >= (parseInt(minSources.value, 10) || 1) &&
      shownTypes[nodes[e.head].type] && shownTypes[nodes[e.tail].type];
  }
  function applyFilters() {
    var linked = {};
    data.edges.forEach(function (e) {
      var v = visible(e);
      var g = group(e.id);
      if (g) g.classList.toggle("hidden", !v);
      if (v) { linked[e.head] = true; linked[e.tail] = true; }
    });
    data.nodes.forEach(function (n) {
      var g = group(n.id);
      if (g) g.classList.toggle("hidden", !shownTypes[n.type] || (edgesOf[n.id].length > 0 && !linked[n.id] && !n.focus));
    });
  }

  // ---- zoom: the diagram's width as a share of the window (labels grow with it) ----
  var zoom = 1;
  function setZoom(z) { zoom = Math.max(0.5, Math.min(8, z)); svg.style.width = (zoom * 100) + "%"; }
  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.5); });
  document.getElementById("zoom-fit").addEventListener("click", function () { setZoom(1); });

  // ---- self-test (#selftest): a real hit test and click on an edge's label ----
  function selftest() {
    var out = { names: [], missingNames: [], clicked: null, hit: null, panelTitle: null, sentences: 0, marks: [],
                searched: null, highlighted: [], filtered: null };
    var texts = Array.prototype.map.call(svg.querySelectorAll("g.node text"), function (t) { return t.textContent; });
    data.nodes.forEach(function (n) { (texts.indexOf(n.name) >= 0 ? out.names : out.missingNames).push(n.name); });
    var e = data.edges.slice().sort(function (a, b) { return b.evidence.length - a.evidence.length; })[0];
    if (e) {
      var label = group(e.id).querySelector("text");
      label.scrollIntoView({ block: "center", inline: "center" });
      var r = label.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
      var target = document.elementFromPoint(x, y);
      out.hit = target ? target.tagName + (target.closest("g.edge") ? " in " + target.closest("g.edge").id : "") : null;
      if (target) {
        target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, clientX: x, clientY: y, view: window }));
      }
      out.clicked = e.id;
      var title = document.getElementById("panel-title");
      out.panelTitle = title ? title.textContent : null;
      out.sentences = panel.querySelectorAll("blockquote").length;
      out.marks = Array.prototype.map.call(panel.querySelectorAll("mark"), function (m) { return m.className + ":" + m.textContent; });
      out.sources = Array.prototype.map.call(panel.querySelectorAll(".source h3"), function (h) { return h.textContent; });
      out.links = Array.prototype.map.call(panel.querySelectorAll(".source a"), function (a) { return a.getAttribute("href"); });
      var n = nodes[e.head];
      search.value = n.name;
      search.dispatchEvent(new Event("input", { bubbles: true }));
      out.searched = n.name;
      out.highlighted = Array.prototype.map.call(svg.querySelectorAll("g.node.hl"), function (g) { return nodes[g.id].name; });
      out.dimmed = svg.querySelectorAll("g.node.dim").length;
      var box = document.querySelector('#family-filters input[data-filter="' + e.family + '"]');
      box.click();
      out.filtered = group(e.id).classList.contains("hidden") && getComputedStyle(group(e.id)).display === "none";
      box.click();
      out.restored = !group(e.id).classList.contains("hidden");
    }
    document.body.appendChild(el("pre", { id: "kg-selftest" }, JSON.stringify(out)));
  }
  applyFilters();
  if (location.hash === "#selftest") selftest();
})();

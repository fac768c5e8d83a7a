/* The paper explorer: facets, search, sorting, state in the address bar, and BibTeX and CSV
   of the matching or ticked papers, built over downloads/explorer.json. Wired through
   Material's document$, so it also starts after instant navigation. No framework. */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var DEFAULT_SORT = "-year";
  var SEARCH_COMMIT_MS = 400;
  var KIND_ORDER = ["conference", "workshop", "journal", "preprint", "book"];
  // Letters that Unicode decomposition does not turn into an ASCII base (as adgdm.text.ascii_fold).
  var FOLDS = { "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l",
    "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i" };
  var FACETS = [
    { key: "modality", label: "Modality" },
    { key: "task", label: "Task" },
    { key: "node", label: "Taxonomy" },
    { key: "venue", label: "Venue" },
    { key: "kind", label: "Venue kind" },
    { key: "dm", label: "Diffusion model" },
    { key: "code", label: "Code" },
    { key: "source", label: "Listed by" }
  ];
  var COLUMNS = [
    { key: "method", label: "Method" }, { key: "title", label: "Title" }, { key: "authors", label: "Authors" },
    { key: "year", label: "Year" }, { key: "venue", label: "Venue" }, { key: "modality", label: "Modality" },
    { key: "task", label: "Task" }, { key: "taxonomy", label: "Taxonomy" }, { key: "code", label: "Code" },
    // Code popularity: GitHub stars from code_stats.yaml; the first click puts the most starred first.
    { key: "stars", label: "Stars", descendingFirst: true, title: "Code popularity: GitHub stars of the paper's code" }
  ];
  var jsonCache = {};
  var current = null;

  function fold(text) {
    return text.replace(/[ßæÆøØœŒłŁđĐðþı]/g, function (c) { return FOLDS[c]; })
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  function plural(count, noun) {
    return count + " " + noun + (count === 1 ? "" : "s");
  }

  function fetchJson(url) {
    if (!jsonCache[url]) {
      jsonCache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
      jsonCache[url].catch(function () { delete jsonCache[url]; });
    }
    return jsonCache[url];
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function compareText(a, b) {
    if (a === b) return 0;
    if (a === "") return 1; // empty values last (sortPapers keeps them last when descending too)
    if (b === "") return -1;
    return a < b ? -1 : 1;
  }

  /* ---- The catalogue, unpacked from its compact form ------------------------------------ */

  function unpack(data, root) {
    var nodes = data.nodes.map(function (node, index) {
      return { index: index, id: node.id, label: node.label, parent: node.parent === undefined ? -1 : node.parent };
    });
    nodes.forEach(function (node) {
      var depth = 0, top = node;
      while (top.parent >= 0) { top = nodes[top.parent]; depth += 1; }
      node.depth = depth;
      node.axis = top.index;
    });
    var authors = data.authors.map(function (name) {
      var cut = name.indexOf(", ");
      return cut < 0 ? { family: name, display: name } : { family: name.slice(0, cut), display: name.slice(cut + 2) + " " + name.slice(0, cut) };
    });
    var papers = data.papers.map(function (row) {
      var venue = data.venues[row.v];
      var names = row.a.map(function (index) { return authors[index]; });
      var direct = row.n || [];
      var expanded = []; // the paper's taxonomy terms and their ancestors, axes left out
      direct.forEach(function (index) {
        for (var at = index; nodes[at].parent >= 0 && expanded.indexOf(at) < 0; at = nodes[at].parent) expanded.push(at);
      });
      var code = (row.c || []).filter(function (url) { return /^https?:\/\//.test(url); });
      var sources = (row.l || []).map(function (i) { return data.sources[i]; });
      var paper = {
        id: row.i, short: row.s || "", title: row.t, summary: row.u || "", sources: sources, authors: names, etal: !!row.e,
        year: row.y, venue: venue, modality: row.m, task: row.k, nodes: direct, expanded: expanded, code: code, dm: !!row.d,
        stars: typeof row.g === "number" ? row.g : null,
        url: root + data.paper_url.replace("{id}", encodeURIComponent(row.i))
      };
      paper.values = {
        modality: row.m.map(function (i) { return nodes[i].id; }),
        task: [nodes[row.k].id],
        node: expanded.map(function (i) { return nodes[i].id; }),
        venue: [venue.short],
        kind: [venue.kind],
        dm: [paper.dm ? "1" : "0"],
        code: [code.length ? "1" : "0"],
        source: sources.map(function (source) { return source.id; })
      };
      paper.hay = fold([row.i, paper.short, row.t, venue.short, venue.name, paper.summary].concat(names.map(function (a) { return a.display; })).join(" | "));
      paper.keys = {
        method: fold(paper.short), title: fold(row.t), authors: names.length ? fold(names[0].family + " " + names[0].display) : "",
        year: row.y, venue: fold(venue.short), modality: fold(nodes[row.m[0]].label), task: fold(nodes[row.k].label),
        taxonomy: direct.length ? fold(nodes[direct[0]].label) : "", code: code.length ? 0 : 1,
        stars: typeof row.g === "number" ? row.g : null
      };
      return paper;
    });
    return { nodes: nodes, papers: papers, sources: data.sources || [], bibtex: root + data.bibtex };
  }

  /* The values each facet offers, in display order, with their labels. */
  function facetValues(catalogue) {
    var nodes = catalogue.nodes, papers = catalogue.papers;
    var used = { modality: {}, task: {}, node: {} }, venues = [], kinds = {}, sourceUsed = {};
    papers.forEach(function (paper) {
      paper.values.source.forEach(function (id) { sourceUsed[id] = true; });
      paper.modality.forEach(function (i) { used.modality[i] = true; });
      used.task[paper.task] = true;
      paper.expanded.forEach(function (i) { used.node[i] = true; });
      if (venues.indexOf(paper.venue) < 0) venues.push(paper.venue);
      kinds[paper.venue.kind] = true;
    });
    // Taxonomy nodes in tree order (each axis, then its nodes depth first), so the facet reads as a tree.
    var tree = [];
    (function walk(parent) {
      nodes.forEach(function (node) { if (node.parent === parent) { tree.push(node); walk(node.index); } });
    })(-1);
    // Taxonomy terms below a modality or a task (e.g. image methods) are grouped under that modality
    // or task, which has its own facet and so is not offered a second time.
    var ownFacet = {};
    papers.forEach(function (paper) {
      paper.modality.concat([paper.task]).forEach(function (i) { ownFacet[nodes[i].parent] = true; });
    });
    function nodeValues(seen, order) {
      return order.filter(function (node) { return seen[node.index]; }).map(function (node) {
        var split = ownFacet[node.axis], group = node;
        while (group.depth > (split ? 1 : 0)) group = nodes[group.parent];
        return { value: node.id, label: node.label, group: group.index, indent: node.depth - (split ? 2 : 1) };
      });
    }
    venues.sort(function (a, b) { return compareText(a.short.toLowerCase(), b.short.toLowerCase()); });
    return {
      modality: nodeValues(used.modality, nodes),
      task: nodeValues(used.task, nodes),
      node: nodeValues(used.node, tree).filter(function (value) { return value.indent >= 0; }),
      venue: venues.map(function (venue) { return { value: venue.short, label: venue.short, title: venue.name }; }),
      kind: KIND_ORDER.filter(function (kind) { return kinds[kind]; }).map(function (kind) {
        return { value: kind, label: kind.charAt(0).toUpperCase() + kind.slice(1) };
      }),
      dm: [{ value: "1", label: "Uses a diffusion model" }, { value: "0", label: "Does not" }],
      code: [{ value: "1", label: "Code available" }, { value: "0", label: "No code listed" }],
      source: catalogue.sources.filter(function (source) { return sourceUsed[source.id]; }).map(function (source) {
        return { value: source.id, label: source.label };
      })
    };
  }

  /* ---- State and the address bar -------------------------------------------------------- */

  function emptyState() {
    var state = { q: "", from: null, to: null, sort: DEFAULT_SORT, sel: {} };
    FACETS.forEach(function (facet) { state.sel[facet.key] = []; });
    return state;
  }

  function readState(search, values, years) {
    var params = new URLSearchParams(search);
    var state = emptyState();
    FACETS.forEach(function (facet) {
      var known = values[facet.key].map(function (v) { return v.value; });
      params.getAll(facet.key).forEach(function (value) {
        if (known.indexOf(value) >= 0 && state.sel[facet.key].indexOf(value) < 0) state.sel[facet.key].push(value);
      });
    });
    // "q" is the explorer's parameter; "search" is what links shared before it was named q.
    state.q = params.get("q") || params.get("search") || "";
    ["from", "to"].forEach(function (name) {
      var year = parseInt(params.get(name), 10);
      state[name] = years.indexOf(year) >= 0 ? year : null;
    });
    var sort = params.get("sort") || "";
    var key = sort.replace(/^-/, "");
    if (COLUMNS.some(function (column) { return column.key === key; })) state.sort = sort;
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) {
      state.sel[facet.key].slice().sort().forEach(function (value) { params.append(facet.key, value); });
    });
    if (state.from !== null) params.set("from", state.from);
    if (state.to !== null) params.set("to", state.to);
    if (state.q.trim()) params.set("q", state.q.trim());
    if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
    var query = params.toString();
    return query ? "?" + query : "";
  }

  /* Material opens its own search dialog when a page loads with ?q=, so explorer-query.js, run
     in the page head before Material, takes the query out of the address and keeps it here. */
  function initialSearch() {
    var kept = window.adgdmExplorerQuery;
    window.adgdmExplorerQuery = undefined;
    return kept && kept.path === location.pathname ? kept.search : location.search;
  }

  /* ---- The explorer on one page --------------------------------------------------------- */

  function Explorer(root) {
    this.root = root;
    this.path = location.pathname;
    this.ticked = {};
    this.tickedCount = 0;
    this.limit = PAGE_SIZE;
    this.searchEntry = false;
    this.searchTimer = null;
    var fallback = root.querySelector("noscript");
    if (fallback) fallback.remove();
    this.status = el("p", { "class": "adgdm-x-loading" }, "Loading the catalogue…");
    root.appendChild(this.status);
    var self = this;
    fetchJson(root.getAttribute("data-json")).then(function (data) {
      self.status.remove();
      self.setup(unpack(data, root.getAttribute("data-root") || ""));
    }).catch(function (error) {
      self.status.textContent = "The explorer could not load its data (" + error.message + "). " +
        "The year and venue pages list every paper without it.";
    });
  }

  Explorer.prototype.setup = function (catalogue) {
    this.catalogue = catalogue;
    this.values = facetValues(catalogue);
    this.years = [];
    var years = this.years;
    catalogue.papers.forEach(function (p) { if (years.indexOf(p.year) < 0) years.push(p.year); });
    years.sort(function (a, b) { return b - a; });
    this.build();
    this.state = readState(initialSearch(), this.values, years);
    this.sortPapers();
    this.syncControls();
    this.update();
    // The address now says what the page shows (an old ?search= link becomes ?q=).
    var url = this.path + stateQuery(this.state) + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    this.root.setAttribute("data-ready", "1");
  };

  Explorer.prototype.build = function () {
    var self = this, root = this.root;
    var form = el("form", { "class": "adgdm-x-filters", role: "search", "aria-label": "Filter the papers" });
    var search = el("div", { "class": "adgdm-x-search" });
    search.appendChild(el("label", { "for": "adgdm-x-q" }, "Search titles, authors, methods, summaries and venues"));
    this.input = el("input", { type: "search", id: "adgdm-x-q", autocomplete: "off", spellcheck: "false" });
    search.appendChild(this.input);
    form.appendChild(search);
    this.clear = el("button", { type: "button", "class": "md-button adgdm-x-clear" }, "Clear all filters");
    // On a phone the facets fold away behind this button (CSS shows it on narrow screens only).
    this.toggle = el("button", { type: "button", "class": "md-button adgdm-x-toggle", "aria-expanded": "false", "aria-controls": "adgdm-x-facets" }, "Show filters");
    form.appendChild(this.toggle);
    form.appendChild(this.clear);
    this.facets = el("div", { id: "adgdm-x-facets", "class": "adgdm-x-facets adgdm-x-folded" });
    this.counts = {};
    this.boxes = {};
    FACETS.forEach(function (facet) {
      if (self.values[facet.key].length) self.facets.appendChild(self.buildFacet(facet));
      else self.counts[facet.key] = self.boxes[facet.key] = {}; // e.g. no paper has a taxonomy term yet
    });
    this.facets.appendChild(this.buildYears());
    form.appendChild(this.facets);

    var results = el("div", { "class": "adgdm-x-results" });
    this.count = el("p", { "class": "adgdm-x-count", role: "status", "aria-live": "polite" });
    results.appendChild(this.count);
    results.appendChild(this.buildActions());
    this.message = el("div", { "class": "adgdm-x-message", role: "status", "aria-live": "polite" });
    results.appendChild(this.message);
    var scroll = el("div", { "class": "adgdm-x-scroll" });
    this.table = el("table", { "class": "adgdm-x-table" });
    this.table.appendChild(el("caption", { "class": "adgdm-x-hidden" }, "Papers matching the filters"));
    var head = el("tr");
    var tickAll = el("th", { scope: "col", "class": "adgdm-x-tick" });
    this.tickAll = el("input", { type: "checkbox", "aria-label": "Tick every matching paper" });
    tickAll.appendChild(this.tickAll);
    head.appendChild(tickAll);
    this.headers = {};
    COLUMNS.forEach(function (column) {
      var th = el("th", { scope: "col", "data-col": column.key });
      var attrs = { type: "button", "class": "adgdm-x-sort", "data-sort": column.key };
      if (column.title) attrs.title = column.title;
      th.appendChild(el("button", attrs, column.label));
      self.headers[column.key] = th;
      head.appendChild(th);
    });
    head.appendChild(el("th", { scope: "col" }, "BibTeX"));
    this.table.appendChild(el("thead")).appendChild(head);
    this.body = this.table.appendChild(el("tbody"));
    scroll.appendChild(this.table);
    results.appendChild(scroll);
    this.more = el("button", { type: "button", "class": "md-button adgdm-x-more" });
    results.appendChild(this.more);

    var layout = el("div", { "class": "adgdm-x-layout" });
    layout.appendChild(form);
    layout.appendChild(results);
    root.appendChild(layout);
    this.listen(form);
  };

  Explorer.prototype.buildFacet = function (facet) {
    var self = this;
    var fieldset = el("fieldset", { "class": "adgdm-x-facet", "data-facet": facet.key });
    fieldset.appendChild(el("legend", {}, facet.label));
    var list = fieldset.appendChild(el("div", { "class": "adgdm-x-values" }));
    var group = list, heading = -1;
    this.counts[facet.key] = {};
    this.boxes[facet.key] = {};
    this.values[facet.key].forEach(function (item, index) {
      if (facet.key === "node" && item.group !== heading) {
        heading = item.group;
        group = list.appendChild(el("fieldset", { "class": "adgdm-x-axis" }));
        group.appendChild(el("legend", {}, self.catalogue.nodes[item.group].label));
      }
      var id = "adgdm-x-" + facet.key + "-" + index;
      var label = el("label", { "for": id, "class": "adgdm-x-value" });
      if (item.indent > 0) label.style.paddingLeft = item.indent + "em";
      if (item.title) label.title = item.title;
      var box = el("input", { type: "checkbox", id: id, name: facet.key, value: item.value });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + item.label + " "));
      var count = label.appendChild(el("span", { "class": "adgdm-x-n" }));
      group.appendChild(label);
      self.counts[facet.key][item.value] = count;
      self.boxes[facet.key][item.value] = box;
    });
    return fieldset;
  };

  Explorer.prototype.buildYears = function () {
    var self = this;
    var fieldset = el("fieldset", { "class": "adgdm-x-facet adgdm-x-years", "data-facet": "year" });
    fieldset.appendChild(el("legend", {}, "Year"));
    this.yearSelects = {};
    [["from", "From"], ["to", "To"]].forEach(function (pair) {
      var id = "adgdm-x-" + pair[0];
      fieldset.appendChild(el("label", { "for": id }, pair[1]));
      var select = el("select", { id: id, name: pair[0] });
      select.appendChild(el("option", { value: "" }, "any year"));
      self.years.forEach(function (year) { select.appendChild(el("option", { value: String(year) }, String(year))); });
      fieldset.appendChild(select);
      self.yearSelects[pair[0]] = select;
    });
    return fieldset;
  };

  Explorer.prototype.buildActions = function () {
    var actions = el("div", { "class": "adgdm-x-actions" });
    this.groups = {};
    var self = this;
    [["shown", "adgdm-selection"], ["ticked", "adgdm-ticked"]].forEach(function (pair) {
      var scope = pair[0];
      var group = el("div", { role: "group", "class": "adgdm-x-group", "aria-labelledby": "adgdm-x-" + scope });
      var label = group.appendChild(el("span", { id: "adgdm-x-" + scope, "class": "adgdm-x-group-label" }));
      var buttons = [["copy", "Copy BibTeX"], ["bib", "Download .bib"], ["csv", "Download CSV"]].map(function (action) {
        return group.appendChild(el("button", { type: "button", "class": "md-button", "data-action": action[0], "data-scope": scope, "data-name": pair[1] }, action[1]));
      });
      if (scope === "ticked") buttons.push(group.appendChild(el("button", { type: "button", "class": "md-button", "data-action": "untick" }, "Untick all")));
      self.groups[scope] = { label: label, buttons: buttons };
      actions.appendChild(group);
    });
    return actions;
  };

  Explorer.prototype.listen = function (form) {
    var self = this;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.input.addEventListener("input", function () {
      self.state.q = self.input.value;
      self.limit = PAGE_SIZE;
      self.update();
      clearTimeout(self.searchTimer);
      self.searchTimer = setTimeout(function () { self.commit(true); }, SEARCH_COMMIT_MS);
    });
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "checkbox") {
        var chosen = self.state.sel[target.name];
        var at = chosen.indexOf(target.value);
        if (target.checked && at < 0) chosen.push(target.value);
        if (!target.checked && at >= 0) chosen.splice(at, 1);
      } else if (target.tagName === "SELECT") {
        self.state[target.name] = target.value ? parseInt(target.value, 10) : null;
      } else {
        return;
      }
      self.changed();
    });
    this.toggle.addEventListener("click", function () {
      var folded = self.facets.classList.toggle("adgdm-x-folded");
      self.toggle.setAttribute("aria-expanded", folded ? "false" : "true");
      self.renderToggle();
    });
    this.clear.addEventListener("click", function () {
      var sort = self.state.sort;
      self.state = emptyState();
      self.state.sort = sort;
      self.syncControls();
      self.changed();
    });
    this.more.addEventListener("click", function () {
      var first = self.limit;
      self.limit += PAGE_SIZE;
      self.renderRows();
      var row = self.body.rows[first];
      if (row) row.querySelector("a").focus();
    });
    this.table.tHead.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-sort]");
      if (!button) return;
      var key = button.getAttribute("data-sort");
      var first = COLUMNS.some(function (column) { return column.key === key && column.descendingFirst; }) ? "-" + key : key;
      var second = first === key ? "-" + key : key;
      self.state.sort = self.state.sort === first ? second : first;
      self.sortPapers();
      self.changed();
    });
    this.tickAll.addEventListener("change", function () {
      var tick = self.tickAll.checked;
      self.results.forEach(function (paper) { self.tick(paper.id, tick); });
      self.renderRows();
    });
    this.body.addEventListener("change", function (event) {
      var id = event.target.getAttribute("data-tick");
      if (id) { self.tick(id, event.target.checked); self.renderActions(); }
    });
    this.root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action], button[data-copy]");
      if (button) self.act(button);
    });
    // Fetch the BibTeX as soon as a BibTeX control is approached, so copying needs no wait.
    ["pointerover", "focusin"].forEach(function (type) {
      self.root.addEventListener(type, function (event) {
        if (event.target.closest && event.target.closest("[data-action], [data-copy]")) fetchJson(self.catalogue.bibtex).catch(function () {});
      });
    });
  };

  Explorer.prototype.tick = function (id, on) {
    if (!!this.ticked[id] === on) return;
    if (on) this.ticked[id] = true; else delete this.ticked[id];
    this.tickedCount += on ? 1 : -1;
  };

  /* A filter or the sort changed: redraw and record the view as a new history entry. */
  Explorer.prototype.changed = function () {
    this.limit = PAGE_SIZE;
    this.update();
    this.commit(false);
  };

  /* Write the state into the address bar. A burst of typing makes one history entry. */
  Explorer.prototype.commit = function (fromSearch) {
    clearTimeout(this.searchTimer);
    if (!this.root.isConnected || location.pathname !== this.path) return; // the reader has moved on
    var url = this.path + stateQuery(this.state) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (fromSearch && this.searchEntry) history.replaceState(history.state, "", url);
    else history.pushState(null, "", url);
    this.searchEntry = fromSearch;
  };

  /* Back or forward within the explorer: show the view the address now describes. */
  Explorer.prototype.restore = function () {
    clearTimeout(this.searchTimer);
    this.searchEntry = false;
    this.state = readState(location.search, this.values, this.years);
    this.limit = PAGE_SIZE;
    this.sortPapers();
    this.syncControls();
    this.update();
  };

  Explorer.prototype.syncControls = function () {
    var state = this.state, boxes = this.boxes;
    if (this.input.value !== state.q) this.input.value = state.q;
    FACETS.forEach(function (facet) {
      Object.keys(boxes[facet.key]).forEach(function (value) {
        boxes[facet.key][value].checked = state.sel[facet.key].indexOf(value) >= 0;
      });
    });
    this.yearSelects.from.value = state.from === null ? "" : String(state.from);
    this.yearSelects.to.value = state.to === null ? "" : String(state.to);
  };

  Explorer.prototype.sortPapers = function () {
    var sort = this.state.sort, key = sort.replace(/^-/, ""), sign = sort.charAt(0) === "-" ? -1 : 1;
    this.sorted = this.catalogue.papers.slice().sort(function (a, b) {
      var x = a.keys[key], y = b.keys[key], order;
      if (x === null || y === null) order = (x === null) - (y === null); // unknown values last, both ways
      else if (typeof x === "number") order = (x - y) * sign;
      else order = (x === "" || y === "") ? compareText(x, y) : compareText(x, y) * sign;
      return order || (b.year - a.year) || compareText(a.id, b.id);
    });
  };

  /* Filter, count what each facet value would leave, and redraw. */
  Explorer.prototype.update = function () {
    var state = this.state, sel = state.sel;
    var terms = fold(state.q).split(/\s+/).filter(Boolean);
    var active = FACETS.filter(function (facet) { return sel[facet.key].length; }).map(function (facet) { return facet.key; });
    var counts = {}, yearCounts = {};
    FACETS.forEach(function (facet) { counts[facet.key] = {}; });
    var results = [];
    function add(key, values) {
      var bucket = counts[key];
      for (var i = 0; i < values.length; i++) bucket[values[i]] = (bucket[values[i]] || 0) + 1;
    }
    for (var p = 0; p < this.sorted.length; p++) {
      var paper = this.sorted[p];
      if (terms.length && !terms.every(function (term) { return paper.hay.indexOf(term) >= 0; })) continue;
      var failed = null, fails = 0;
      for (var f = 0; f < active.length && fails < 2; f++) {
        var chosen = sel[active[f]], values = paper.values[active[f]], hit = false;
        for (var v = 0; v < values.length && !hit; v++) hit = chosen.indexOf(values[v]) >= 0;
        if (!hit) { fails += 1; failed = active[f]; }
      }
      if (fails === 0) yearCounts[paper.year] = (yearCounts[paper.year] || 0) + 1;
      var inYears = (state.from === null || paper.year >= state.from) && (state.to === null || paper.year <= state.to);
      if (fails === 0 && inYears) {
        results.push(paper);
        for (var k = 0; k < FACETS.length; k++) add(FACETS[k].key, paper.values[FACETS[k].key]);
      } else if (fails === 1 && inYears) {
        add(failed, paper.values[failed]);
      }
    }
    this.results = results;
    this.renderToggle();
    this.renderCounts(counts, yearCounts);
    this.renderRows();
  };

  Explorer.prototype.renderToggle = function () {
    var state = this.state, active = (state.from !== null) + (state.to !== null);
    FACETS.forEach(function (facet) { active += state.sel[facet.key].length; });
    var folded = this.facets.classList.contains("adgdm-x-folded");
    this.toggle.textContent = (folded ? "Show filters" : "Hide filters") + (active ? " (" + active + " chosen)" : "");
  };

  Explorer.prototype.renderCounts = function (counts, yearCounts) {
    var self = this, state = this.state;
    FACETS.forEach(function (facet) {
      Object.keys(self.counts[facet.key]).forEach(function (value) {
        var n = counts[facet.key][value] || 0;
        var span = self.counts[facet.key][value], text = "(" + n + ")";
        if (span.textContent !== text) span.textContent = text;
        span.parentNode.classList.toggle("adgdm-x-empty", n === 0 && !self.boxes[facet.key][value].checked);
      });
    });
    // A year option shows how many papers the range would hold with that year as its end.
    ["from", "to"].forEach(function (end) {
      Array.prototype.forEach.call(self.yearSelects[end].options, function (option) {
        if (!option.value) return;
        var year = parseInt(option.value, 10), n = 0;
        self.years.forEach(function (y) {
          var low = end === "from" ? year : state.from, high = end === "to" ? year : state.to;
          if ((low === null || y >= low) && (high === null || y <= high)) n += yearCounts[y] || 0;
        });
        var text = year + " (" + n + ")";
        if (option.textContent !== text) option.textContent = text;
      });
    });
    var total = this.catalogue.papers.length, shown = this.results.length;
    this.count.textContent = shown === total ? "All " + plural(total, "paper") : shown + " of " + plural(total, "paper") + " match";
  };

  Explorer.prototype.renderRows = function () {
    var rows = this.results.slice(0, this.limit), nodes = this.catalogue.nodes, ticked = this.ticked;
    // While typing, most keystrokes leave the visible rows as they were: then the table is left alone.
    var shown = rows.map(function (paper) { return paper.id + (ticked[paper.id] ? "+" : ""); }).join(" ");
    if (shown !== this.shown || !rows.length) {
      this.shown = shown;
      this.body.innerHTML = rows.length ? rows.map(function (paper) { return rowHtml(paper, nodes, !!ticked[paper.id]); }).join("")
        : '<tr><td colspan="' + (COLUMNS.length + 2) + '" class="adgdm-x-none">No paper matches these filters.</td></tr>';
    }
    var hidden = this.results.length - rows.length;
    this.more.hidden = hidden <= 0;
    this.more.textContent = "Show " + Math.min(PAGE_SIZE, hidden) + " more (" + hidden + " not shown)";
    var sort = this.state.sort, headers = this.headers;
    Object.keys(headers).forEach(function (key) {
      var order = sort === key ? "ascending" : sort === "-" + key ? "descending" : null;
      if (order) headers[key].setAttribute("aria-sort", order); else headers[key].removeAttribute("aria-sort");
    });
    this.renderActions();
  };

  Explorer.prototype.renderActions = function () {
    var ticked = this.ticked, all = this.results.length;
    var tickedShown = this.results.filter(function (paper) { return ticked[paper.id]; }).length;
    this.tickAll.checked = all > 0 && tickedShown === all;
    this.tickAll.indeterminate = tickedShown > 0 && tickedShown < all;
    this.groups.shown.label.textContent = "The " + plural(all, "matching paper") + ":";
    this.groups.ticked.label.textContent = "The " + plural(this.tickedCount, "ticked paper") + ":";
    this.groups.shown.buttons.forEach(function (button) { button.disabled = all === 0; });
    var none = this.tickedCount === 0;
    this.groups.ticked.buttons.forEach(function (button) { button.disabled = none; });
  };

  function authorText(paper) {
    var names = paper.authors.map(function (a) { return a.display; });
    if (names.length > 4) return names.slice(0, 3).join(", ") + ", et al.";
    return names.join(", ") + (paper.etal ? ", et al." : "");
  }

  function rowHtml(paper, nodes, ticked) {
    var name = esc(paper.title);
    var labels = function (indexes) { return indexes.map(function (i) { return esc(nodes[i].label); }).join(", "); };
    var code = paper.code.length ? '<a href="' + esc(paper.code[0]) + '" rel="noopener" aria-label="Code of ' + name + '">code</a>' : "–";
    return '<tr><td class="adgdm-x-tick"><input type="checkbox" data-tick="' + esc(paper.id) + '" aria-label="Tick ' + name + '"' +
      (ticked ? " checked" : "") + "></td>" +
      '<td data-label="Method">' + esc(paper.short) + "</td>" +
      '<td data-label="Title"><a href="' + esc(paper.url) + '">' + name + "</a>" +
      (paper.summary ? '<span class="adgdm-x-summary">' + esc(paper.summary) + "</span>" : "") + "</td>" +
      '<td data-label="Authors">' + esc(authorText(paper)) + "</td>" +
      '<td data-label="Year">' + paper.year + "</td>" +
      '<td data-label="Venue" title="' + esc(paper.venue.name) + '">' + esc(paper.venue.short) + "</td>" +
      '<td data-label="Modality">' + labels(paper.modality) + "</td>" +
      '<td data-label="Task">' + labels([paper.task]) + "</td>" +
      '<td data-label="Taxonomy">' + labels(paper.nodes) + "</td>" +
      '<td data-label="Code">' + code + "</td>" +
      '<td data-label="Stars" class="adgdm-x-stars">' + (paper.stars === null ? "–" : paper.stars) + "</td>" +
      '<td><button type="button" class="adgdm-x-copy" data-copy="' + esc(paper.id) + '" aria-label="Copy the BibTeX of ' + name + '">Copy</button></td></tr>';
  }

  /* ---- Exports -------------------------------------------------------------------------- */

  Explorer.prototype.papersOf = function (scope) {
    if (scope === "shown") return this.results;
    var ticked = this.ticked;
    return this.sorted.filter(function (paper) { return ticked[paper.id]; });
  };

  Explorer.prototype.act = function (button) {
    var self = this;
    var action = button.getAttribute("data-action");
    if (action === "untick") {
      this.ticked = {};
      this.tickedCount = 0;
      this.renderRows();
      this.say("Unticked every paper.");
      return;
    }
    var papers;
    if (button.hasAttribute("data-copy")) {
      var id = button.getAttribute("data-copy");
      papers = this.catalogue.papers.filter(function (paper) { return paper.id === id; });
      action = "copy";
    } else {
      papers = this.papersOf(button.getAttribute("data-scope"));
    }
    var name = button.getAttribute("data-name") || "adgdm";
    var what = plural(papers.length, "paper");
    if (action === "csv") {
      download(name + ".csv", csvOf(papers, this.catalogue.nodes), "text/csv;charset=utf-8");
      this.say("Downloaded " + name + ".csv with " + what + ".");
      return;
    }
    fetchJson(this.catalogue.bibtex).then(function (bibtex) {
      var text = papers.map(function (paper) { return bibtex[paper.id] || ""; }).filter(Boolean).join("\n");
      if (action === "bib") {
        download(name + ".bib", text, "application/x-bibtex;charset=utf-8");
        self.say("Downloaded " + name + ".bib with " + what + ".");
        return null;
      }
      return navigator.clipboard.writeText(text).then(function () {
        self.say("Copied the BibTeX of " + what + " to the clipboard.");
      }, function () {
        self.offer(text);
      });
    }).catch(function (error) {
      self.say("The BibTeX could not be loaded (" + error.message + ").");
    });
  };

  Explorer.prototype.say = function (text) {
    this.message.textContent = text;
  };

  /* The clipboard refused: show the text, selected, for the reader to copy by hand. */
  Explorer.prototype.offer = function (text) {
    this.message.textContent = "The browser did not allow copying; the BibTeX is selected below, press Ctrl+C (⌘C) to copy it.";
    var area = el("textarea", { readonly: "", rows: "8", "aria-label": "BibTeX to copy" });
    area.value = text;
    this.message.appendChild(area);
    area.focus();
    area.select();
  };

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    // A link outside the document: its click never reaches Material's instant-navigation handler.
    var link = el("a", { href: url, download: name });
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // keep spreadsheets from running a cell as a formula
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvOf(papers, nodes) {
    var labels = function (indexes) { return indexes.map(function (i) { return nodes[i].label; }).join("; "); };
    var lines = [["key", "method", "title", "authors", "year", "venue", "venue_kind", "modality", "task", "taxonomy",
      "uses_diffusion", "code", "listed_by", "summary", "page"]];
    papers.forEach(function (paper) {
      lines.push([paper.id, paper.short, paper.title,
        paper.authors.map(function (a) { return a.display; }).join("; ") + (paper.etal ? "; et al." : ""),
        paper.year, paper.venue.short, paper.venue.kind, labels(paper.modality), labels([paper.task]), labels(paper.nodes),
        paper.dm ? "yes" : "no", paper.code.join(" "), paper.sources.map(function (source) { return source.label; }).join("; "),
        paper.summary, new URL(paper.url, location.href).href]);
    });
    return lines.map(function (line) { return line.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  /* ---- Wiring --------------------------------------------------------------------------- */

  function mount() {
    var root = document.getElementById("adgdm-explorer");
    if (!root || root.getAttribute("data-wired")) return;
    root.setAttribute("data-wired", "1");
    current = new Explorer(root);
  }

  window.addEventListener("popstate", function () {
    if (current && current.state && current.root.isConnected && location.pathname === current.path) current.restore();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();

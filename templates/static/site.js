/* qisite: search (an index loaded lazily as a plain script, so it works from
   file://) and the project filters. No modules, no fetch, no workers. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var index = null, waiting = [];

  function loadIndex(done) {
    if (index) { done(index); return; }
    waiting.push(done);
    if (waiting.length > 1) return;
    var script = document.createElement("script");
    script.src = root + "assets/search-index.js";
    script.onload = function () {
      index = prepare(window.QISITE_SEARCH_INDEX || { v: "", l: [], e: [] });
      waiting.splice(0).forEach(function (cb) { cb(index); });
    };
    document.head.appendChild(script);
  }

  /* The index (qisite/site/search.py): a vocabulary; per entry its summary as varint codes into it and,
     per field label, its distinct words as gaps between sorted codes. Each entry's text is in a
     fragment of its own (a project's, an idea's…), loaded for the results shown. */
  var FINAL = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+";
  var CONTINUATION = "abcdefghijklmnopqrstuvwxyz,-./:;=>?@[]^_`{|}~".slice(0, 44);
  var WORD = /\d+(?:[.,:\/]\d+)*%?|[\p{L}\p{N}\p{M}]+(?:[-'\u2019][\p{L}\p{N}\p{M}]+)*|[^\p{L}\p{N}\p{M}\s]/gu;
  // how much a match counts, by field: the title and the aim first
  var WEIGHTS = { Aim: 6, About: 2, Team: 2, "Change idea": 1.5, Measure: 1.5 };

  function decode(codes) {
    var out = [], value = 0;
    for (var i = 0; i < codes.length; i++) {
      var at = CONTINUATION.indexOf(codes.charAt(i));
      if (at >= 0) value = value * 44 + at + 1;
      else { out.push(value * 45 + FINAL.indexOf(codes.charAt(i))); value = 0; }
    }
    return out;
  }

  function undoGaps(gaps) {
    var previous = -1;
    return gaps.map(function (gap) { previous += gap + 1; return previous; });
  }

  /* A fragment's [[label index, "tokens separated by spaces"], …] as fields. */
  function textFields(raw) {
    return raw.map(function (f) { return { label: index.labels[f[0]] || "", words: f[1] ? String(f[1]).split(" ") : [] }; });
  }

  function prepare(raw) {
    var words = raw.v ? raw.v.split(" ") : [];
    var lower = words.map(function (w) { return w.toLowerCase(); });
    var entries = raw.e.map(function (e) {
      return { t: e.t, u: e.u, k: e.k, s: decode(e.s || "").map(function (id) { return words[id] || ""; }),
               note: e.i === undefined ? "" : (raw.n || [])[e.i] || "", titleWords: tokenise(e.t).map(function (w) { return w.toLowerCase(); }),
               w: (e.w || []).map(function (f) { return { label: raw.l[f[0]], ids: undoGaps(decode(f[1])) }; }),
               fragment: typeof e.g === "string" ? e.g : null };
    });
    return { words: words, lower: lower, labels: raw.l, folder: raw.d || "assets/search", entries: entries };
  }

  /* Fragments: one script per entry, calling QISITE_SEARCH_FRAGMENT(id, fields); each loaded once. */
  var fragments = Object.create(null), fragmentWaiting = Object.create(null);

  window.QISITE_SEARCH_FRAGMENT = function (id, fields) {
    id = String(id);
    if (!(id in fragmentWaiting) || !index || !Array.isArray(fields)) return;
    arrived(id, textFields(fields));
  };

  function arrived(id, fields) {   // fields, or null: the fragment is missing
    if (!(id in fragmentWaiting)) return;
    var callbacks = fragmentWaiting[id];
    delete fragmentWaiting[id];
    fragments[id] = fields;
    callbacks.forEach(function (cb) { cb(fields); });
  }

  function loadFragment(id, done) {
    if (id in fragments) { done(fragments[id]); return; }
    if (id in fragmentWaiting) { fragmentWaiting[id].push(done); return; }
    fragmentWaiting[id] = [done];
    var script = document.createElement("script");
    script.src = root + index.folder + "/" + encodeURIComponent(id) + ".js";
    script.onload = script.onerror = function () { arrived(id, null); };   // loaded without calling back: as missing
    document.head.appendChild(script);
  }

  /* An entry's fields as text if they are here (its fragment loaded; null: it is missing),
     undefined if its fragment must be loaded first. */
  function knownFields(entry) {
    if (entry.fragment === null) return null;
    return entry.fragment in fragments ? fragments[entry.fragment] : undefined;
  }

  function tokenise(text) { return String(text).match(WORD) || []; }

  /* Edit distance of a and b, or limit + 1 once it must exceed limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost));
        if (cur[j] < best) best = cur[j];
      }
      if (best > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  /* How well a vocabulary word matches a query term: 1 exact, 0.8 a prefix or a
     hyphenated part, 0.5 a typo (edit distance 1 from 4 letters, 2 from 8); 0 no match. */
  function quality(word, term) {
    if (word === term) return 1;
    if (term.length >= 2 && word.indexOf(term) === 0) return 0.8;
    if (word.indexOf("-") > 0 && word.split("-").some(function (part) { return part === term || (term.length >= 3 && part.indexOf(term) === 0); })) return 0.8;
    if (term.length < 4 || /^\d/.test(term)) return 0;
    var limit = term.length >= 8 ? 2 : 1;
    return distance(word, term, limit) <= limit ? 0.5 : 0;
  }

  /* The vocabulary words a term matches; typos only when the word as typed is nowhere in the site. */
  function matchTerm(term) {
    var byId = {}, byWord = Object.create(null), found = Object.create(null), exact = false;
    index.lower.forEach(function (w, id) {
      var q = w in found ? found[w] : (found[w] = quality(w, term));
      if (q) byId[id] = q;
      if (q >= 0.8) exact = true;
    });
    Object.keys(found).forEach(function (w) { if (found[w] && (!exact || found[w] >= 0.8)) byWord[w] = found[w]; });
    if (exact) Object.keys(byId).forEach(function (id) { if (byId[id] < 0.8) delete byId[id]; });
    return { byId: byId, byWord: byWord };
  }

  /* Score every entry from its title, summary and each label's distinct words (a field scores its
     best word, so the distinct words score it as its full text would). */
  function search(query) {
    // words of two letters or more, and numbers (a lone letter is noise, e.g. the "b" of "<b>")
    var terms = tokenise(query.toLowerCase()).filter(function (t) { return /\p{N}/u.test(t) || /\p{L}.*\p{L}/u.test(t); });
    if (!terms.length) return [];
    var matches = terms.map(matchTerm);
    var hits = [];
    index.entries.forEach(function (entry) {
      var total = 0, inFields = false;
      for (var i = 0; i < terms.length; i++) {
        var m = matches[i], score = 0;
        entry.titleWords.forEach(function (w) { if (m.byWord[w]) score = Math.max(score, 10 * m.byWord[w]); });
        entry.s.forEach(function (w) { var q = m.byWord[w.toLowerCase()]; if (q) score = Math.max(score, 3 * q); });
        entry.w.forEach(function (field) {
          var weight = WEIGHTS[field.label] || 1, here = 0;
          field.ids.forEach(function (id) { if (m.byId[id]) here = Math.max(here, weight * m.byId[id]); });
          if (here > score) score = here;
          if (here) inFields = true;
        });
        if (!score) return;
        total += score;
      }
      hits.push({ entry: entry, score: total + (entry.k === "project" ? 0.5 : 0), inFields: inFields, matches: matches });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); });
    return hits;
  }

  /* How well a word of the text matches the query's i-th term, 0 if not at all. */
  function wordMatch(hit, word, i) {
    var m = hit.matches[i].byWord[word.toLowerCase()];
    return m || 0;
  }

  /* The field whose match counts most, the first such for the earliest term that reaches it. */
  function bestField(hit, fields) {
    var best = null;
    for (var i = 0; i < hit.matches.length; i++) {
      fields.forEach(function (field) {
        var weight = WEIGHTS[field.label] || 1, here = 0;
        field.words.forEach(function (w) { var q = wordMatch(hit, w, i); if (q) here = Math.max(here, weight * q); });
        if (here && (!best || here > best.score)) best = { field: field, score: here };
      });
    }
    return best && best.field;
  }

  /* Tokens back to text with ordinary spacing. */
  function rebuild(words) {
    var out = "", prev = "", quoteOpen = false;
    words.forEach(function (w) {
      var space = out !== "" && !/^[,.;:!?)\]}%\u2019\u201d]/.test(w) && !/^[(\[{\u201c\u2018\u00a3$\/]$/.test(prev)
        && w !== "/" && !(/^[\u2212+]$/.test(prev) && /^\d/.test(w) && !/[\p{L}\p{N}] [\u2212+]$/u.test(out));
      if (/^[\u2013-]$/.test(w) && /\d$/.test(prev)) space = false;                 // a range: 18–25
      if (/^[\u2013-]$/.test(prev) && /^\d/.test(w) && /\d[\u2013-]$/.test(out)) space = false;
      if (w === '"') { space = out !== "" && !quoteOpen; quoteOpen = !quoteOpen; }
      else if (prev === '"' && quoteOpen) space = false;
      out += (space ? " " : "") + w;
      prev = w;
    });
    return out;
  }

  /* Text into a parent, each matched word in <mark> (text nodes only: nothing is parsed as HTML). */
  function appendMarked(parent, text, hit) {
    var last = 0, re = new RegExp(WORD.source, "gu"), m;
    while ((m = re.exec(text))) {
      var w = m[0].toLowerCase();
      if (hit.matches.some(function (t) { return t.byWord[w]; })) {
        parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark"); mark.textContent = m[0];
        parent.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* A window of words round the first match of the best field (fields: null until they are known, or
     when no field matched), else of the summary; the whole summary when nothing in it matched. */
  function snippet(hit, fields) {
    var field = fields && hit.inFields ? bestField(hit, fields) : null;
    var words = field ? field.words : hit.entry.s, at = -1;
    for (var i = 0; i < words.length && at < 0; i++) {
      var w = words[i].toLowerCase();
      if (hit.matches.some(function (m) { return m.byWord[w]; })) at = i;
    }
    if (at < 0) return { label: "", text: rebuild(hit.entry.s) };
    var from = Math.max(0, at - 10), to = Math.min(words.length, at + 18);
    return { label: field ? field.label : "", text: (from ? "\u2026 " : "") + rebuild(words.slice(from, to)) + (to < words.length ? " \u2026" : "") };
  }

  function fillSnippet(p, found, hit) {
    p.textContent = "";
    if (found.label) {
      var label = document.createElement("span");
      label.className = "field"; label.textContent = found.label + ": ";
      p.appendChild(label);
    }
    appendMarked(p, found.text, hit);
  }

  /* Results whose best match is in an entry's fields get their snippet when its fragment arrives:
     loaded once a result is on screen (or about to be), so a long list loads only what is read. */
  var watcher = null;

  function whenShown(li, load) {
    if (!("IntersectionObserver" in window)) { load(); return; }
    if (!watcher) {
      watcher = new IntersectionObserver(function (seen) {
        seen.forEach(function (e) {
          if (!e.isIntersecting) return;
          watcher.unobserve(e.target);
          var go = e.target.qisiteLoad; e.target.qisiteLoad = null;
          if (go) go();
        });
      }, { rootMargin: "400px 0px" });
    }
    li.qisiteLoad = load;
    watcher.observe(li);
  }

  function forgetShown(list) {   // a list about to be emptied: its results no longer wait to be seen
    if (!watcher) return;
    Array.prototype.forEach.call(list.children, function (li) { if (li.qisiteLoad) { watcher.unobserve(li); li.qisiteLoad = null; } });
  }

  function resultItem(hit, withSnippet) {
    var entry = hit.entry, li = document.createElement("li"), a = document.createElement("a");
    a.href = root + entry.u;
    var kind = document.createElement("span");
    kind.className = "kind"; kind.textContent = entry.k + " ";
    var title = document.createElement("span");
    title.className = "title";
    appendMarked(title, entry.t, hit);
    a.appendChild(kind);
    a.appendChild(title);
    li.appendChild(a);
    if (entry.note) {
      var badge = document.createElement("span");
      badge.className = "badge illustrative"; badge.title = entry.note; badge.textContent = "illustrative data";
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge);
    }
    if (withSnippet) {
      var p = document.createElement("span");
      p.className = "snippet";
      li.appendChild(p);
      var known = hit.inFields ? knownFields(entry) : null;   // a fragment already here
      fillSnippet(p, snippet(hit, known || null), hit);          // till then, the summary
      if (known === undefined) {
        whenShown(li, function () {
          loadFragment(entry.fragment, function (fields) { if (fields) fillSnippet(p, snippet(hit, fields), hit); });
        });
      }
    }
    return li;
  }

  function setupHeaderSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !list) return;
    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", function () {
      var query = input.value;
      loadIndex(function () {
        var found = search(query).slice(0, 8);
        forgetShown(list);
        list.textContent = "";
        found.forEach(function (hit) { list.appendChild(resultItem(hit, true)); });
        list.hidden = !query.trim();
        if (query.trim() && !found.length) {
          var li = document.createElement("li"); li.textContent = "No results"; list.appendChild(li);
        }
        status.textContent = query.trim() ? found.length + " results" : "";
      });
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { list.hidden = true; }
      if (ev.key === "ArrowDown") { var first = list.querySelector("a"); if (first) { ev.preventDefault(); first.focus(); } }
    });
    list.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && at < links.length - 1) { ev.preventDefault(); links[at + 1].focus(); }
      if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (ev.key === "Escape") { list.hidden = true; input.focus(); }
    });
  }

  function setupSearchPage() {
    var input = document.getElementById("search-page-input");
    var list = document.getElementById("search-page-results");
    var status = document.getElementById("search-page-status");
    if (!input || !list) return;
    var query = "";
    var match = /[?&]q=([^&]*)/.exec(window.location.search);
    if (match) query = decodeURIComponent(match[1].replace(/\+/g, " "));
    input.value = query;
    function show() {
      loadIndex(function () {
        var found = search(input.value);
        forgetShown(list);
        list.textContent = "";
        found.forEach(function (hit) { list.appendChild(resultItem(hit, true)); });
        status.textContent = input.value.trim() ? found.length + " results for \u201c" + input.value + "\u201d" : "";
      });
    }
    input.addEventListener("input", show);
    if (query) show();
  }

  /* The query string as {name: value} (a filtered list can be shared and reloaded). */
  function queryParams() {
    var out = {};
    window.location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("="), key = at < 0 ? pair : pair.slice(0, at);
      try { out[decodeURIComponent(key)] = decodeURIComponent((at < 0 ? "" : pair.slice(at + 1)).replace(/\+/g, " ")); }
      catch (e) { /* a malformed escape: ignore that pair */ }
    });
    return out;
  }

  /* Keep the chosen filters in the address: ?area=…&stage=… (replaceState: no history entry per change). */
  function keepInUrl(selects) {
    var parts = [];
    selects.forEach(function (sel) { if (sel.value) parts.push(encodeURIComponent(sel.name) + "=" + encodeURIComponent(sel.value)); });
    var url = window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* some browsers refuse it on file:// */ }
  }

  function restoreFromUrl(selects) {
    var params = queryParams();
    selects.forEach(function (sel) {
      var wanted = params[sel.name];
      if (wanted && Array.prototype.some.call(sel.options, function (o) { return o.value === wanted; })) sel.value = wanted;
    });
  }

  /* Filters over a list of items (cards or table rows) with data-* attributes; chosen values kept in the URL. */
  function setupFilterForm(form, items, noun) {
    form.hidden = false;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = form.querySelector(".filter-count"), none = document.getElementById(form.getAttribute("data-empty"));
    function apply(remember) {
      var shown = 0;
      items.forEach(function (item) {
        var ok = selects.every(function (sel) {
          if (!sel.value) return true;
          var value = item.getAttribute("data-" + sel.getAttribute("data-filter")) || "";
          return sel.hasAttribute("data-many") ? value.split(" ").indexOf(sel.value) >= 0 : value === sel.value;
        });
        item.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " of " + items.length + " " + noun;
      if (none) none.hidden = shown > 0;
      if (remember) keepInUrl(selects);
    }
    restoreFromUrl(selects);
    selects.forEach(function (sel) { sel.addEventListener("change", function () { apply(true); }); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

  function setupFilters() {
    var form = document.getElementById("filters");
    if (form) setupFilterForm(form, Array.prototype.slice.call(document.querySelectorAll("#project-list .project-card")), "projects");
    var ideas = document.getElementById("idea-filters");
    if (ideas) setupFilterForm(ideas, Array.prototype.slice.call(document.querySelectorAll("#idea-list tbody tr")), "change ideas");
  }

  /* Tables whose headers sort their rows (th[data-sort] → each row's data-sort-<key>). */
  function setupSorting() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
      var body = table.tBodies[0], heads = Array.prototype.slice.call(table.querySelectorAll("th[data-sort]"));
      var original = Array.prototype.slice.call(body.rows);
      // a phone hides the table's header row: a select sorts the same way (the empty choice: the page's order)
      var select = document.querySelector('select[data-sorts="' + table.id + '"]');
      if (select) select.addEventListener("change", function () {
        var th = table.querySelector('th[data-sort="' + select.value + '"]');
        if (th) { th.removeAttribute("aria-sort"); th.querySelector("button.sort").click(); }
        else {
          original.forEach(function (row) { body.appendChild(row); });
          heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        }
      });
      heads.forEach(function (th) {
        var button = document.createElement("button");
        button.type = "button"; button.className = "sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () {
          var key = "data-sort-" + th.getAttribute("data-sort"), numeric = th.hasAttribute("data-numeric");
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.getAttribute(key) || "", y = b.getAttribute(key) || "";
            var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
          heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        });
      });
    });
  }

  /* A chart too wide for the screen (phones: its text is kept at 11 px or more)
     opens scrolled to its latest data, with a cue and a shadow while earlier
     data is out of view; a chart with no time axis (data-open="start": a funnel
     plot) opens at its left edge, with a cue to scroll. */
  function setupChartScroll() {
    var frames = Array.prototype.slice.call(document.querySelectorAll(".chart-frame"));
    frames.forEach(function (frame) {
      var box = frame.querySelector(".chart-svg");
      if (!box) return;
      var cue = document.createElement("p");
      cue.className = "scroll-cue";
      var atStart = frame.getAttribute("data-open") === "start";
      cue.textContent = atStart ? "Scroll the chart sideways to see all of it \u2192"
                                : "\u2190 Latest data shown: scroll the chart sideways for earlier dates";
      frame.parentNode.insertBefore(cue, frame);
      var figure = frame.parentNode, opened = false;
      function mark() {
        var scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !opened) { if (!atStart) box.scrollLeft = box.scrollWidth; opened = true; }
        if (!scrolls) opened = false;
        figure.classList.toggle("scrolls", scrolls);
        frame.classList.toggle("more-left", scrolls && box.scrollLeft > 1);
      }
      box.addEventListener("scroll", mark, { passive: true });
      window.addEventListener("resize", mark);
      mark();
    });
  }

  /* The driver diagram's connectors: from each node's data-from nodes (right edge)
     to the node (left edge), redrawn when the layout changes. */
  function setupDriverConnectors() {
    var SVG = "http://www.w3.org/2000/svg";
    Array.prototype.forEach.call(document.querySelectorAll(".dd-columns"), function (diagram) {
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("class", "dd-connectors");
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      diagram.insertBefore(svg, diagram.firstChild);
      function draw() {
        while (svg.firstChild) svg.removeChild(svg.firstChild);
        var box = diagram.getBoundingClientRect();
        if (!box.width || getComputedStyle(diagram).display === "none") return;
        var drawn = 0;
        Array.prototype.forEach.call(diagram.querySelectorAll("[data-from]"), function (node) {
          var to = node.getBoundingClientRect();
          node.getAttribute("data-from").split(" ").forEach(function (id) {
            var from = id && document.getElementById(id);
            if (!from) return;
            var a = from.getBoundingClientRect();
            var x1 = a.right - box.left, y1 = a.top + a.height / 2 - box.top;
            var x2 = to.left - box.left, y2 = to.top + to.height / 2 - box.top, mid = (x1 + x2) / 2;
            var path = document.createElementNS(SVG, "path");
            path.setAttribute("d", "M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2);
            svg.appendChild(path);
            drawn++;
          });
        });
        diagram.classList.toggle("joined", drawn > 0);
      }
      window.addEventListener("resize", draw);
      window.addEventListener("load", draw);
      draw();
    });
  }

  /* Contents that say where the reader is (the sticky list on wide screens). */
  function setupContentsSpy() {
    var toc = document.getElementById("contents");
    if (!toc || !("IntersectionObserver" in window)) return;
    var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
    var sections = links.map(function (a) { return document.getElementById(a.getAttribute("href").slice(1)); });
    function mark() {
      var current = -1;
      sections.forEach(function (section, i) { if (section && section.getBoundingClientRect().top < 120) current = i; });
      links.forEach(function (a, i) { if (i === current) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current"); });
    }
    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -60% 0px" });
    sections.forEach(function (section) { if (section) observer.observe(section); });
    window.addEventListener("scroll", mark, { passive: true });
    mark();
  }

  /* The print footer names the page's address: where the site has no site_url, the address it was opened at. */
  function setupPrintAddress() {
    var footer = document.querySelector(".print-footer"), address = document.querySelector(".print-address");
    if (!footer) return;
    if (address && !/^https?:/.test(address.textContent)) address.textContent = window.location.href.split("#")[0];
    // on paper, the footer goes in the page's bottom margin (a CSS string: every character escaped)
    var text = footer.textContent.replace(/\s+/g, " ").trim(), escaped = "";
    Array.from(text).forEach(function (ch) { escaped += "\\" + ch.codePointAt(0).toString(16) + " "; });
    var style = document.createElement("style");
    style.textContent = "@media print { @page { @bottom-left { content: \"" + escaped + "\"; font-size: 7.5pt; color: #333;" +
      " vertical-align: top; padding-top: 3mm; font-family: system-ui, sans-serif; } } .print-footer { display: none !important; } }";
    document.head.appendChild(style);
  }

  /* A chart point's details (qisite/charts/svg.py): each point is a focusable group whose <title>
     holds its details — the hover tooltip and accessible name without script. Here: one tab stop per
     chart (arrow keys, Home and End move between its points: a roving tabindex), and the details shown
     beside the point on focus, hover and tap, in a tooltip written as text (never as markup). The
     <title> becomes the aria-label, so the browser's own tooltip does not show the same words twice. */
  function setupChartPoints() {
    document.querySelectorAll("svg.qisite-chart").forEach(function (svg) {
      var points = Array.prototype.slice.call(svg.querySelectorAll(".qisite-point"));
      if (!points.length) return;
      var frame = svg.closest(".chart-frame") || svg.parentNode;
      var tip = document.createElement("div");
      tip.className = "chart-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      frame.appendChild(tip);
      var shown = null;
      points.forEach(function (point) {
        var title = point.querySelector("title");
        if (title) { point.setAttribute("aria-label", title.textContent); title.parentNode.removeChild(title); }
      });
      function show(point) {
        shown = point;
        tip.textContent = point.getAttribute("aria-label") || "";
        tip.hidden = false;
        var box = point.getBoundingClientRect(), outer = frame.getBoundingClientRect();
        var left = box.left + box.width / 2 - outer.left, top = box.top - outer.top;
        tip.style.left = Math.max(0, Math.min(left - tip.offsetWidth / 2, outer.width - tip.offsetWidth)) + "px";
        tip.style.top = (top - tip.offsetHeight - 6 < 0 ? box.bottom - outer.top + 6 : top - tip.offsetHeight - 6) + "px";
      }
      function hide(point) {
        if (shown === point && document.activeElement !== point) { tip.hidden = true; shown = null; }
      }
      function move(point, to) {
        var next = points[Math.max(0, Math.min(points.length - 1, to))];
        points.forEach(function (p) { p.setAttribute("tabindex", p === next ? "0" : "-1"); });
        next.focus();
      }
      points.forEach(function (point, index) {
        point.addEventListener("focus", function () {
          points.forEach(function (p) { p.setAttribute("tabindex", p === point ? "0" : "-1"); });
          show(point);
        });
        point.addEventListener("blur", function () { shown = point; tip.hidden = true; shown = null; });
        point.addEventListener("mouseenter", function () { show(point); });
        point.addEventListener("mouseleave", function () { hide(point); });
        point.addEventListener("click", function () { point.focus(); show(point); });   /* a tap on a phone */
        point.addEventListener("keydown", function (event) {
          var to = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1,
                     Home: 0, End: points.length - 1 }[event.key];
          if (event.key === "Escape") { tip.hidden = true; return; }
          if (to === undefined) return;
          event.preventDefault();
          move(point, to);
        });
      });
    });
  }

  setupPrintAddress();
  setupChartPoints();
  setupChartScroll();
  setupDriverConnectors();
  setupContentsSpy();
  setupSorting();
  setupHeaderSearch();
  setupSearchPage();
  setupFilters();
})();

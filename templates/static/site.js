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
      index = window.QISITE_SEARCH_INDEX || [];
      waiting.splice(0).forEach(function (cb) { cb(index); });
    };
    document.head.appendChild(script);
  }

  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    index.forEach(function (entry) {
      var title = entry.t.toLowerCase(), score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = title.indexOf(terms[i]) >= 0;
        if (!inTitle && entry.x.indexOf(terms[i]) < 0 && entry.s.toLowerCase().indexOf(terms[i]) < 0) return;
        score += inTitle ? 3 : 1;
      }
      hits.push({ entry: entry, score: score + (entry.k === "project" ? 0.5 : 0) });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); });
    return hits.map(function (h) { return h.entry; });
  }

  function resultItem(entry, withSummary) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = root + entry.u;
    var kind = document.createElement("span");
    kind.className = "kind"; kind.textContent = entry.k + " ";
    a.appendChild(kind);
    a.appendChild(document.createTextNode(entry.t));
    if (withSummary && entry.s) {
      var s = document.createElement("span");
      s.className = "summary"; s.textContent = entry.s;
      a.appendChild(s);
    }
    li.appendChild(a);
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
        list.textContent = "";
        found.forEach(function (e) { list.appendChild(resultItem(e, true)); });
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
        list.textContent = "";
        found.forEach(function (e) { list.appendChild(resultItem(e, true)); });
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
     data is out of view. */
  function setupChartScroll() {
    var frames = Array.prototype.slice.call(document.querySelectorAll(".chart-frame"));
    frames.forEach(function (frame) {
      var box = frame.querySelector(".chart-svg");
      if (!box) return;
      var cue = document.createElement("p");
      cue.className = "scroll-cue";
      cue.textContent = "\u2190 Latest data shown: scroll the chart sideways for earlier dates";
      frame.parentNode.insertBefore(cue, frame);
      var figure = frame.parentNode, opened = false;
      function mark() {
        var scrolls = box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !opened) { box.scrollLeft = box.scrollWidth; opened = true; }
        if (!scrolls) opened = false;
        figure.classList.toggle("scrolls", scrolls);
        frame.classList.toggle("more-left", scrolls && box.scrollLeft > 1);
      }
      box.addEventListener("scroll", mark, { passive: true });
      window.addEventListener("resize", mark);
      mark();
    });
  }

  setupChartScroll();
  setupSorting();
  setupHeaderSearch();
  setupSearchPage();
  setupFilters();
})();

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

  function setupFilters() {
    var form = document.getElementById("filters");
    if (!form) return;
    form.hidden = false;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var cards = Array.prototype.slice.call(document.querySelectorAll("#project-list .project-card"));
    var count = document.getElementById("filter-count"), none = document.getElementById("no-match");
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = selects.every(function (sel) {
          if (!sel.value) return true;
          var value = card.getAttribute("data-" + sel.getAttribute("data-filter")) || "";
          return sel.getAttribute("data-filter") === "areas" ? value.split(" ").indexOf(sel.value) >= 0 : value === sel.value;
        });
        card.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + " of " + cards.length + " projects";
      none.hidden = shown > 0;
    }
    selects.forEach(function (sel) { sel.addEventListener("change", apply); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    apply();
  }

  setupHeaderSearch();
  setupSearchPage();
  setupFilters();
})();

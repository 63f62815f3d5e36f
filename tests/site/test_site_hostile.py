"""Hostile text from a team's files never runs and always reads as written.

A network scaffolded with ``qisite new`` gets markup in the site title, the
project title and organisation, a change idea title, a PDSA title, a group name
in the CSV and story.md. Built, it must show that text escaped everywhere —
pages, inline and standalone SVG charts, the search index and the Atom feed —
and in Chromium no script may run (no dialog) on any page, nor when searching.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from siteharness import Visit, build_site
from sitehtml import html_pages, parse
from support import run_qisite

SCRIPT = "<script>alert(1)</script>"
ATTR = '"><img src=x onerror=alert(1)>'
TITLE = f"Hostile {SCRIPT} project {ATTR} & co"
ORG = f"Org {ATTR}"
IDEA = f"Idea {SCRIPT} {ATTR}"
CYCLE = f"Cycle {ATTR} {SCRIPT}"
GROUP = f"Group {SCRIPT}{ATTR}"
SITE_TITLE = f"Network {SCRIPT}"
STORY = f"""# Story {SCRIPT}

Raw HTML is not HTML here: {SCRIPT} and {ATTR}.

<img src=x onerror=alert(1)>

[a link that runs script](javascript:alert(1)) and ![an image](x" onerror="alert(1))

A tracking pixel from another host: ![pixel](https://tracker.example.org/p.gif?who=reader)
"""


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_network(root: Path) -> Path:
    result = run_qisite("new", root / "projects" / "hostile")
    assert result.returncode == 0, result.stderr
    project = root / "projects" / "hostile"
    (root / "site.yaml").write_text(f"title: {json.dumps(SITE_TITLE)}\ndescription: {json.dumps('About ' + ATTR)}\n",
                                    encoding="utf-8")

    def _project(d):
        d.update(title=TITLE, organisation=ORG, team=f"Team {SCRIPT}", summary=f"Summary {ATTR}")
    _edit_yaml(project / "project.yaml", _project)

    def _drivers(d):
        d["change_ideas"][0]["title"] = IDEA
        d["change_ideas"][0]["description"] = f"Described {SCRIPT}"
    _edit_yaml(project / "drivers.yaml", _drivers)

    def _pdsa(d):
        d["cycles"][0]["title"] = CYCLE
        d["cycles"][0]["plan"] = f"Plan {SCRIPT}"
    _edit_yaml(project / "pdsa.yaml", _pdsa)

    def _measures(d):
        d["measures"][0].update(group="group", reference_group="Reference")
    _edit_yaml(project / "measures.yaml", _measures)
    data = project / "data" / "main-outcome.csv"
    rows = [r for r in csv.DictReader(data.open(encoding="utf-8", newline="")) if r["group"] == "Affected group"]
    with data.open("w", encoding="utf-8", newline="") as out:   # the scaffold's groups renamed: a hostile one
        writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "group": GROUP})
            writer.writerow({**row, "seen": str(int(row["seen"]) + 8), "group": "Reference"})
    (project / "story.md").write_text(STORY, encoding="utf-8")
    check = run_qisite("check", root)
    assert check.returncode == 0, check.stdout + check.stderr
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = hostile_network(tmp_path_factory.mktemp("hostile") / "network")
    return build_site(root, root / "_site").output


def test_no_file_carries_the_markup_raw(hostile_site):
    raw = ["<script>alert", "<img src=x", "onerror=alert(1)>", 'onerror="alert', '"><img']
    found = []
    for file in sorted(hostile_site.rglob("*")):
        if file.is_file() and file.suffix in (".html", ".svg", ".xml"):
            text = file.read_text(encoding="utf-8")
            found += [f"{file.relative_to(hostile_site)}: {r!r}" for r in raw if r in text]
    assert not found, found


def test_every_link_still_resolves(hostile_site):
    """Slugs made from hostile names still give working links; no javascript: link."""
    from test_site_links import _problems

    problems = _problems(hostile_site)
    assert not problems, "\n".join(problems)


def test_the_pages_show_the_text_as_written(hostile_site):
    project = next(p for p in html_pages(hostile_site) if p.startswith("projects/") and p != "projects/index.html")
    page = parse(hostile_site, project)
    assert page.h1 == [TITLE]
    assert page.title == f"{TITLE} · {SITE_TITLE}"
    outline = [text for _, text in page.headings]
    assert f"PDSA 1 {CYCLE}" in outline and f"Story {SCRIPT}" in outline
    assert not page.event_handlers and not page.inline_scripts
    idea = parse(hostile_site, "ideas/translated-leaflets/index.html")
    assert idea.h1 == [IDEA]


def test_the_svg_charts_are_well_formed_and_inert(hostile_site):
    svgs = sorted(hostile_site.rglob("*.svg"))
    assert svgs
    for svg in svgs:
        tree = ET.parse(svg)  # an unescaped < or " would not parse
        tags = {el.tag.rsplit("}", 1)[-1] for el in tree.iter()}
        assert not tags & {"script", "foreignObject", "image", "img"}, (svg.name, tags)
        handlers = [k for el in tree.iter() for k in el.attrib if k.lower().startswith("on")]
        assert not handlers, (svg.name, handlers)
    texts = " ".join(" ".join(ET.parse(s).getroot().itertext()) for s in svgs)
    assert GROUP in texts, "the group name should label its series"


def test_the_feed_escapes_and_keeps_the_text(hostile_site):
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.findtext("a:title", namespaces=ns) == SITE_TITLE
    entry = feed.find("a:entry", ns)
    assert entry.findtext("a:title", namespaces=ns) == TITLE
    assert entry.findtext("a:author/a:name", namespaces=ns) == f"Team {SCRIPT}"
    summary = entry.findtext("a:summary", namespaces=ns)   # the equity headline leads, then the project's summary
    assert summary.endswith(f". Summary {ATTR}") and " vs Reference: gap " in summary, summary


def test_the_search_index_is_inert_and_keeps_the_text(hostile_site):
    script = (hostile_site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert "<" not in script, "a '<' in the index could close a <script> if it were ever inlined"
    match = re.fullmatch(r"window\.QISITE_SEARCH_INDEX=(.*);\n", script, re.S)
    entries = json.loads(match.group(1))["e"]
    titles = {e["t"] for e in entries}
    assert TITLE in titles and IDEA in titles
    fragment = (hostile_site / "assets" / "search" / "hostile.js").read_text(encoding="utf-8")   # the project's text
    assert "<" not in fragment
    match = re.fullmatch(r'window\.QISITE_SEARCH_FRAGMENT\("hostile",(.*)\);\n', fragment, re.S)
    texts = " ".join(text for _, text in json.loads(match.group(1)))
    assert "Raw HTML is not HTML here : < script alert ( 1 ) < / script and" in texts, texts


def test_no_script_runs_in_the_browser(browser, hostile_site):
    v = Visit(browser, hostile_site)
    try:
        for path in html_pages(hostile_site):
            page = v.goto(path)
            assert page.locator("img").count() == 0, path
            scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
            if path == "404.html":   # its one inline script finds the site root (test_site_not_found.py)
                scripts = [s for s in scripts if s is not None]
            assert all(s and s.endswith("assets/site.js") for s in scripts), (path, scripts)
            assert page.evaluate("document.title") .endswith(SITE_TITLE), path
        project = next(p for p in html_pages(hostile_site) if p.startswith("projects/") and p != "projects/index.html")
        page = v.goto(project)
        assert page.locator("h1").inner_text() == TITLE
        assert page.locator("main").inner_text().count(GROUP) >= 1
        assert page.locator(".prose").inner_text().count(SCRIPT) >= 1
        # the remote image is a link to its host, never loaded (v.assert_clean fails on any outside request)
        assert page.locator('.prose a[href^="https://tracker.example.org/"]').count() == 1
        assert page.locator(".prose a").count() == 0 or all(
            not (h or "").lower().startswith("javascript") for h in page.locator(".prose a").evaluate_all("as => as.map(a => a.getAttribute('href'))"))

        page.locator("#search-input").fill("hostile")
        hit = page.locator("#search-results a").first
        hit.wait_for()
        assert TITLE in hit.inner_text()
        page.goto(v.url("search.html") + "?q=raw+html")   # only in the story: its snippet comes from the fragment
        snippet = page.locator("#search-page-results .snippet").first
        snippet.locator(".field").wait_for()
        assert snippet.locator(".field").inner_text().strip() == "Story:"
        assert "Raw HTML is not HTML here: < script alert (1) </script" in snippet.inner_text()
        assert snippet.locator("script, img").count() == 0
        page.goto(v.url("search.html") + "?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        page.locator("#search-page-results a").first.wait_for()
        assert SCRIPT in page.locator("#search-page-status").inner_text()
        assert page.evaluate("window.QISITE_SEARCH_INDEX.e.some(e => e.t === %s)" % json.dumps(TITLE))
        page.wait_for_timeout(200)
        v.assert_clean()
    finally:
        v.close()

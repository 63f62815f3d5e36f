"""Every link of the built example site works from file:// (plain Python, no browser).

- every internal href/src names a file in the output (a folder is not enough:
  file:// does not serve index.html for it);
- every #fragment names an id in the target page, including the PDSA links
  inside inline SVG charts;
- no absolute /… paths and no http(s):// assets; an external address is allowed
  only as a plain <a rel="external"> (a source citation), which nothing loads.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitehtml import html_pages, parse

LOADED = {("link", "href"), ("script", "src"), ("img", "src"), ("image", "href"), ("image", "xlink:href"),
          ("use", "href"), ("use", "xlink:href"), ("iframe", "src"), ("source", "src"), ("video", "src"),
          ("audio", "src"), ("embed", "src"), ("object", "data")}


FILTERED_LISTS = ("projects/index.html", "ideas/index.html")
FILTERS = {"area", "stage", "organisation", "signal", "status"}


def _problems(site: Path) -> list[str]:
    pages = {path: parse(site, path) for path in html_pages(site)}
    ids = {path: set(page.ids) for path, page in pages.items()}
    problems = []
    for path, page in pages.items():
        for link in page.links:
            where = f"{path}:{link.line}: <{link.tag} {link.attr}={link.value!r}>"
            problem = _check(site, path, link, ids)
            if problem:
                problems.append(f"{where}: {problem}")
    return problems


def _check(site: Path, path: str, link, ids) -> str | None:
    value = link.value.strip()
    parts = urlsplit(value)
    if link.attr == "srcset":
        return "srcset is not checked by this test; add it here first"
    if parts.scheme in ("http", "https") or value.startswith("//"):
        if (link.tag, link.attr) in LOADED or link.tag != "a":
            return "an asset from outside the site (the page must load nothing from the network)"
        if "external" not in link.rel.split():
            return 'an external link without rel="external"'
        return None
    if parts.scheme == "mailto":
        return None
    if parts.scheme:
        return f"a {parts.scheme}: URL"
    if path == "404.html" and value == "/" and link.tag == "a":
        return None   # 404.html's no-script fallback: the host's top (a host serves the page at any depth)
    if value.startswith("/"):
        return "an absolute path (breaks from file:// and under a sub-path)"
    if link.attr == "action":  # a form: its target must exist, a query is expected
        value = parts.path
    elif parts.query:
        # only the filters of a list page (site.js reads them; Chromium and Firefox keep a file:// query)
        names = {pair.split("=", 1)[0] for pair in parts.query.split("&")}
        if not (parts.path.endswith(FILTERED_LISTS) and names <= FILTERS):
            return "a query string in a link that is not a list's filter"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path))) if parts.path else path
    if target.startswith("../"):
        return "points above the site root"
    file = site / target
    if not file.is_file():
        return f"{target} is not a file of the site" + (" (a folder: link to its index.html)" if file.is_dir() else "")
    if parts.fragment:
        if target.endswith(".html"):
            if unquote(parts.fragment) not in ids[target]:
                return f"#{parts.fragment} is not an id in {target}"
        elif target.endswith(".svg"):
            if unquote(parts.fragment) not in _svg_ids(file):
                return f"#{parts.fragment} is not an id in {target}"
        else:
            return f"a #fragment on {target}"
    elif parts.fragment == "" and value.endswith("#"):
        return "an empty #fragment"
    return None


@cache
def _svg_ids(file: Path) -> frozenset[str]:
    return frozenset(re.findall(r'\sid="([^"]+)"', file.read_text(encoding="utf-8")))


def test_every_internal_link_and_fragment_resolves(site):
    problems = _problems(site)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:60])


def test_the_site_links_far_enough(site):
    """A sanity check that the link test saw the site: every page is linked from somewhere."""
    pages = html_pages(site)
    linked = set()
    for path in pages:
        for link in parse(site, path).links:
            parts = urlsplit(link.value)
            if not parts.scheme and parts.path and not link.value.startswith("/"):
                linked.add(posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path)))
    orphans = [p for p in pages if p not in linked and p != "404.html"]
    assert not orphans, f"pages no link reaches: {orphans}"


def test_chart_cycle_links_reach_the_pdsa_log(site):
    """The PDSA annotations inside inline SVG charts link to #pdsa-… on the same page."""
    page = parse(site, "projects/east-india-ward-racism/index.html")
    cycle_links = [link for link in page.links if link.value.startswith("#pdsa-")]
    assert cycle_links, "no #pdsa-… links on a project with PDSA cycles"
    missing = sorted({link.value for link in cycle_links} - {f"#{i}" for i in page.ids})
    assert not missing


def test_standalone_files_load_nothing_from_outside(site):
    """CSS, JS, SVG charts and the feed name no http(s) resource to load."""
    problems = []
    for file in sorted(site.rglob("*")):
        if file.suffix not in (".css", ".js", ".svg"):
            continue
        text = file.read_text(encoding="utf-8")
        for match in re.finditer(r"""(?:url\(\s*['"]?|@import\s+['"]|(?:href|src)\s*=\s*['"])\s*((?:https?:)?//[^'")\s]+)""", text):
            url = match.group(1)
            if url.startswith(("http://www.w3.org/", "https://www.w3.org/")):
                continue
            problems.append(f"{file.relative_to(site)}: {url}")
        if file.suffix == ".css" and re.search(r"url\(\s*['\"]?/", text):
            problems.append(f"{file.relative_to(site)}: an absolute url(/…)")
    assert not problems, problems


def test_pages_carry_no_inline_script_or_handler(site):
    """Scripts come from assets/ only; no on…= attribute anywhere (an escaping hole would show here)."""
    found = []
    for path in html_pages(site):
        page = parse(site, path)
        allowed = 1 if path == "404.html" else 0   # it finds the site root at any depth (test_site_not_found.py)
        if page.inline_scripts > allowed:
            found.append(f"{path}: {page.inline_scripts} inline <script>")
        found += [f"{path}: {h}" for h in page.event_handlers]
    assert not found, found


@pytest.mark.parametrize("bad, expected", [
    ('<a href="/projects/index.html">', "absolute path"),
    ('<a href="projects/">', "not a file"),
    ('<a href="#nowhere">', "not an id"),
    ('<a href="https://example.org/">', "rel=\"external\""),
    ('<img src="https://example.org/x.png" alt="">', "outside the site"),
    ('<svg><a href="#pdsa-missing"><text>1</text></a></svg>', "not an id"),
    ('<a href="index.html#main">', None),
    ('<a href="https://example.org/" rel="external">', None),
])
def test_the_link_checker_itself(tmp_path, bad, expected):
    (tmp_path / "projects").mkdir()
    (tmp_path / "index.html").write_text(f'<!doctype html><html><body><main id="main">{bad}</main></body></html>')
    problems = _problems(tmp_path)
    if expected is None:
        assert not problems
    else:
        assert len(problems) == 1 and expected in problems[0], problems


def test_the_feed_is_well_formed_and_its_links_resolve(site):
    import xml.etree.ElementTree as ET

    feed = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    # one entry per project, and one per update of a project's log (its link ends in #update-…)
    projects = [e for e in entries if "#" not in e.find("a:link", ns).get("href")]
    assert len(projects) == len([p for p in html_pages(site) if re.fullmatch(r"projects/[^/]+/index\.html", p)])
    updates = [e for e in entries if "#update-" in e.find("a:link", ns).get("href")]
    assert updates and len(updates) + len(projects) == len(entries)
    for element in [feed, *entries]:
        href = element.find("a:link", ns).get("href")
        if not urlsplit(href).scheme:  # no site_url: links relative to feed.xml at the root
            path, _, anchor = href.partition("#")
            assert (site / path).is_file(), href
            assert not anchor or f'id="{anchor}"' in (site / path).read_text(encoding="utf-8"), href

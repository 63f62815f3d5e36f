"""The example site in headless Chromium, opened from file:// and used as a
person would: following links, searching, filtering. Every tab fails its test
on a console error, an uncaught exception, a dialog, or a request for anything
but a file of the site itself (see ``Visit`` in siteharness.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitehtml import html_pages
from support import REPO


def _expect(page):
    from playwright.sync_api import expect

    return expect


def test_a_person_follows_links_from_home_to_another_teams_project(visit):
    v = visit()
    page = v.goto("index.html")
    expect = _expect(page)
    expect(page.locator("h1")).to_have_text(re.compile("Equity QI learning network"))

    page.get_by_role("table", name=re.compile("equity area at each stage")).get_by_role("link", name="Ethnicity and race", exact=True).click()
    assert v.site_path() == "areas/ethnicity/index.html"
    expect(page.locator("h1")).to_have_text("Ethnicity and race")

    page.locator(".cards").get_by_role("link", name="Reducing racist incidents on East India ward").click()
    assert v.site_path() == "projects/east-india-ward-racism/index.html"
    expect(page.locator("h1")).to_have_text("Reducing racist incidents on East India ward")

    page.get_by_role("group", name="Driver diagram").first.get_by_role("link", name=re.compile("co-designed", re.I)).first.click()
    assert v.site_path() == "ideas/co-designed-training/index.html"
    expect(page.locator("h1")).to_contain_text(re.compile("training", re.I))

    page.get_by_role("heading", level=2).get_by_role("link", name="Making an inpatient ward safe for LGBTQ+ patients").click()
    assert v.site_path() == "projects/lgbtq-inpatient-ward-safety/index.html"
    expect(page.locator("h1")).to_have_text("Making an inpatient ward safe for LGBTQ+ patients")
    expect(page.locator(".meta").first).to_contain_text("Adult acute inpatient ward team")


def test_the_skip_link_is_the_first_tab_stop_and_reaches_main(visit):
    v = visit()
    page = v.goto("projects/east-india-ward-racism/index.html")
    expect = _expect(page)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_the_in_page_links_of_a_project_land_on_their_sections(visit):
    v = visit()
    page = v.goto("projects/east-india-ward-racism/index.html")
    page.get_by_role("navigation", name="On this page").get_by_role("link", name="PDSA cycles").click()
    assert page.evaluate("location.hash") == "#pdsa"
    cycle = page.locator(".chart-cycles a[href^='#pdsa-']").first  # one list per measure, under its charts
    target = cycle.get_attribute("href")
    cycle.click()
    assert page.evaluate("location.hash") == target
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == target[1:]


def test_header_search_finds_a_project_by_a_word_of_its_aim(visit):
    """'fortnight' is in the East India ward project's aim, not in its title."""
    v = visit()
    page = v.goto("projects/index.html")
    expect = _expect(page)
    assert not any(u.endswith("search-index.js") for u in v.requests), "the index must load only when search is used"
    box = page.get_by_role("searchbox", name=re.compile("Search projects"))
    box.click()
    box.press_sequentially("fortnight", delay=20)
    results = page.locator("#search-results")
    expect(results).to_be_visible()
    hit = results.get_by_role("link", name=re.compile("Reducing racist incidents on East India ward"))
    expect(hit).to_be_visible()
    assert any(u.endswith("assets/search-index.js") for u in v.requests)
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results$"))
    box.press("ArrowDown")
    expect(results.locator("a").first).to_be_focused()
    hit.click()
    assert v.site_path() == "projects/east-india-ward-racism/index.html"


def test_header_search_says_when_nothing_matches(visit):
    v = visit()
    page = v.goto("index.html")
    expect = _expect(page)
    box = page.locator("#search-input")
    box.fill("zzzqqqxxx")
    expect(page.locator("#search-results")).to_have_text("No results")
    box.press("Escape")
    expect(page.locator("#search-results")).to_be_hidden()


def test_search_page_reads_the_query_from_the_address(visit):
    v = visit()
    v.page.goto(v.url("search.html") + "?q=cervical+screening")
    expect = _expect(v.page)
    results = v.page.locator("#search-page-results")
    expect(results.get_by_role("link", name=re.compile("cervical screening", re.I)).first).to_be_visible()
    expect(v.page.locator("#search-page-input")).to_have_value("cervical screening")
    expect(v.page.locator("#search-page-status")).to_contain_text("cervical screening")


def _network_facts():
    """What the filters should show, worked out from the network, not from the page."""
    from qisite.load.network import load_network
    from qisite.problems import Problems
    from qisite.site.context import site_data

    return site_data(load_network(REPO, Problems()))


@pytest.fixture(scope="module")
def facts():
    return _network_facts()


def _titles(filter_select, value, facts):
    projects = [d for d in facts.projects]
    keep = {
        "f-area": lambda d: value in d.project.equity_areas,
        "f-stage": lambda d: d.project.stage == value,
        "f-org": lambda d: d.project.organisation == value,
        "f-signal": lambda d: d.signal == (value == "yes"),
    }[filter_select]
    return sorted(d.project.title for d in projects if keep(d))


def _shown(page) -> list[str]:
    return sorted(page.locator("#project-list .project-card:visible .card-title").all_inner_texts())


@pytest.mark.parametrize("select, value", [
    ("f-area", "ethnicity"), ("f-area", "deprivation"), ("f-stage", "implement"), ("f-stage", "identify"),
    ("f-org", "NHS North West London"), ("f-signal", "yes"), ("f-signal", "no"),
])
def test_project_filters(visit, facts, select, value):
    v = visit()
    page = v.goto("projects/index.html")
    expect = _expect(page)
    expect(page.locator("#filters")).to_be_visible()
    total = len(facts.projects)
    expect(page.locator("#filter-count")).to_have_text(f"{total} of {total} projects")
    page.locator(f"#{select}").select_option(value)
    wanted = _titles(select, value, facts)
    assert wanted, "the example network should have a project for this filter"
    assert _shown(page) == wanted
    expect(page.locator("#filter-count")).to_have_text(f"{len(wanted)} of {total} projects")
    page.locator(f"#{select}").select_option("")
    assert len(_shown(page)) == total


def test_project_filters_combine_and_say_when_nothing_matches(visit, facts):
    v = visit()
    page = v.goto("projects/index.html")
    expect = _expect(page)
    page.locator("#f-area").select_option("ethnicity")
    page.locator("#f-stage").select_option("test")
    both = sorted(d.project.title for d in facts.projects
                  if "ethnicity" in d.project.equity_areas and d.project.stage == "test")
    assert _shown(page) == both
    page.locator("#f-area").select_option("sexuality")
    page.locator("#f-stage").select_option("identify")
    assert _shown(page) == []
    expect(page.locator("#no-match")).to_be_visible()


def test_every_page_loads_cleanly_from_file(browser, site):
    """Each page of the site, in both colour schemes: no console error, no request leaving the site."""
    from siteharness import Visit

    problems = []
    for scheme in ("light", "dark"):
        v = Visit(browser, site, scheme)
        try:
            for path in html_pages(site):
                v.goto(path)
                if path == "index.html" and scheme == "light":
                    v.page.locator("#search-input").fill("equity")  # the lazily loaded index too
                    v.page.locator("#search-results a").first.wait_for()
                problems += [f"{scheme} {path}: {p}" for p in v.problems()]
                v.console_errors.clear(), v.page_errors.clear(), v.outside.clear()
            loaded = {Path(u.split("?")[0]).name for u in v.requests}
            assert {"site.css", "site.js"} <= loaded
        finally:
            v.close()
    assert not problems, "\n".join(problems)


def test_a_chart_is_drawn_with_its_pdsa_links(visit):
    """The inline SVG chart renders with a size, and its cycle numbers link into the PDSA log."""
    v = visit()
    page = v.goto("projects/east-india-ward-racism/index.html")
    chart = page.locator("figure.chart svg").first
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    links = page.locator("figure.chart svg a")
    assert links.count() > 0
    href = links.first.get_attribute("href") or links.first.get_attribute("xlink:href")
    assert href.startswith("#pdsa-") and page.locator(href).count() == 1


def test_phone_width_has_no_sideways_scroll(visit):
    """At 390 px nothing but the tables' own scroll boxes is wider than the screen."""
    v = visit(width=390)
    wide = []
    for path in ("index.html", "projects/index.html", "projects/east-india-ward-racism/index.html",
                 "ideas/index.html", "search.html", "measures/first-appointment-dna/index.html"):
        v.goto(path)
        overflow = v.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            wide.append(f"{path}: {overflow}px wider than the screen")
    assert not wide, wide

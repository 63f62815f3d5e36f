"""Progress over time and dated updates in the built site, from file:// in Chromium:
the projects page and a stage's page filter by movement (moved up / no change /
moved down / no history in the six months to the build date), the case study's
progress chart and table, the updates on the project page and the home page,
and hostile update text shown as text."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from siteharness import build_site
from support import REPO

BUILD_DAY = 1725148800   # 2024-09-01 00:00 UTC, as the golden test
HOSTILE = '<script>alert("u")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def progress_site(tmp_path_factory):
    """The golden fixture with one project moved down and a hostile update, built on 1 Sep 2024."""
    work = tmp_path_factory.mktemp("progress")
    root = work / "network"
    shutil.copytree(REPO / "tests" / "golden" / "network", root, ignore=shutil.ignore_patterns(".qisite-cache"))
    path = root / "projects" / "otterbury-eye-screening" / "project.yaml"
    text = path.read_text(encoding="utf-8").split("\nprogress:")[0].rstrip("\n")
    path.write_text(text + "\nprogress:\n  - date: 2023-11-06\n    stage: understand\n"
                    "  - date: 2024-01-15\n    stage: implement\n  - date: 2024-06-03\n    stage: test\n"
                    f"    note: '{HOSTILE}'\n"
                    f"updates:\n  - date: 2024-08-20\n    author: '{HOSTILE}'\n    text: '{HOSTILE} **plain**'\n",
                    encoding="utf-8")
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(BUILD_DAY)
    try:
        build_site(root, work / "site")
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return work / "site"


MOVED = {
    "up": ["Interpreters booked in time for outpatient appointments at Wrenfield General"],
    "down": ["Diabetic eye screening in Otterbury's most deprived neighbourhoods"],
    "none": ["Understanding complaints about communication in Wrenfield maternity"],
    "same": [],
}


def _shown(page) -> list[str]:
    return sorted(page.locator("#project-list .project-card:visible .card-title").all_inner_texts())


@pytest.mark.parametrize("value", ["up", "down", "none", "same"])
def test_the_projects_page_filters_by_movement(visit, progress_site, value):
    from playwright.sync_api import expect

    v = visit(on=progress_site)
    page = v.goto("projects/index.html")
    expect(page.locator("#f-movement")).to_be_visible()
    page.locator("#f-movement").select_option(value)
    assert [re.sub(r"\s+", " ", t).strip() for t in _shown(page)] == MOVED[value]
    expect(page.locator("#filter-count")).to_have_text(f"{len(MOVED[value])} of 3 projects")
    assert ("movement=" + value) in page.url                  # kept in the address, so the list can be shared
    if not MOVED[value]:
        expect(page.locator("#no-match")).to_be_visible()


def test_a_stage_page_filters_by_movement_and_reads_it_from_the_address(visit, progress_site):
    from playwright.sync_api import expect

    v = visit(on=progress_site)
    page = v.page
    page.goto(v.url("stages/test/index.html") + "?movement=down", wait_until="load")
    expect(page.locator("#filters")).to_be_visible()
    expect(page.locator("#f-movement")).to_have_value("down")
    assert len(_shown(page)) == 1 and "Otterbury" in _shown(page)[0]
    page.locator("#f-movement").select_option("up")
    assert _shown(page) == []
    expect(page.locator("#no-match")).to_be_visible()


def test_the_case_study_shows_the_path_and_the_updates(visit, progress_site):
    from playwright.sync_api import expect

    v = visit(on=progress_site)
    page = v.goto("projects/wrenfield-interpreter-access/index.html")
    chart = page.locator("#chart-progress svg")
    expect(chart).to_have_attribute("role", "img")
    desc = chart.locator("desc").text_content()
    assert "4.0 (Significant improvement) on 30 Aug 2024" in desc and "1.0 (Charter and team established)" in desc
    table = page.get_by_role("table", name="Progress assessments, oldest first")
    expect(table.locator("tbody tr")).to_have_count(5)
    expect(page.locator(".movement").first).to_contain_text("moved up in the last 6 months")
    updates = page.locator("#updates li.update")
    expect(updates).to_have_count(2)
    expect(updates.first).to_have_attribute("id", "update-2024-08-30")
    expect(updates.first.locator("li")).to_have_count(2)          # its Markdown list
    page.get_by_role("link", name="Updates").first.click()
    assert page.url.endswith("#updates")


def test_hostile_update_text_is_shown_as_text(visit, progress_site):
    from playwright.sync_api import expect

    for path in ("projects/otterbury-eye-screening/index.html", "index.html"):
        v = visit(on=progress_site)        # a dialog from alert() would fail the visit
        page = v.goto(path)
        expect(page.locator("li.update").filter(has_text='<script>alert("u")</script>')).to_have_count(1)
        assert page.locator("li.update script, li.update img").count() == 0
        html = (progress_site / path).read_text(encoding="utf-8")
        assert HOSTILE not in html and "&lt;script&gt;alert(" in html
    feed = (progress_site / "feed.xml").read_text(encoding="utf-8")
    assert "<script" not in feed and "<img" not in feed


def test_the_home_page_shows_the_latest_updates_text(visit, progress_site):
    from playwright.sync_api import expect

    v = visit(on=progress_site)
    page = v.goto("index.html")
    latest = page.locator(".updates-recent li.update")
    expect(latest).to_have_count(3)
    expect(latest.nth(0)).to_contain_text("30 Aug 2024")
    expect(latest.nth(0)).to_contain_text("We read every reminder")
    latest.nth(0).get_by_role("link").first.click()
    assert v.site_path().endswith("projects/wrenfield-interpreter-access/index.html")
    assert page.url.endswith("#update-2024-08-30")

"""``qisite export PROJECT --out FILE.html``: one case study in one file that loads nothing."""

from __future__ import annotations

import re
import sys
from urllib.parse import unquote

import pytest

from support import REPO, copy_example_network, fill_in, run_qisite

sys.path.insert(0, str(REPO / "tests" / "site"))
from sitehtml import CHROMIUM, CHROMIUM_ARGS  # the site tests' Debian Chromium, never a downloaded one

PROJECT = "east-india-ward-racism"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The example network's case study, exported into a folder as an email client would save it."""
    work = tmp_path_factory.mktemp("export")
    copy_example_network(work / "network")
    out = work / "mail attachments" / "case study.html"
    done = run_qisite("export", PROJECT, "--out", out, "--root", work / "network")
    assert done.returncode == 0 and "wrote" in done.stdout, done.stdout + done.stderr
    return out, out.read_text(encoding="utf-8")


def test_the_file_refers_to_nothing_outside_itself(exported):
    _, html = exported
    assert "<script" not in html and '<link rel="stylesheet"' not in html and "<img" not in html
    assert "default-src 'none'" in html  # the file's own policy forbids any request
    css = (REPO / "templates" / "static" / "site.css").read_text(encoding="utf-8")
    assert f"<style>{css}</style>" in html  # the site's styles, inline
    for attribute, value in re.findall(r'\s(href|src)="([^"]*)"', html):
        assert value.startswith(("#", "data:", "https://", "mailto:")), f"{attribute}={value}"
    assert "#qisite-unlinked" not in html  # links to the site's other pages are plain text without site_url


def test_every_measure_has_its_chart_table_and_data(exported):
    _, html = exported
    measures = re.findall(r'<section[^>]*id="measure-([a-z0-9-]+)"', html) or re.findall(r'id="measure-([a-z0-9-]+)"', html)
    assert measures
    csvs = re.findall(r'href="data:text/csv;charset=utf-8,([^"]*)"', html)
    assert len(csvs) == len(set(measures))
    for text in map(unquote, csvs):
        assert text.count("\n") > 3 and "," in text.splitlines()[0]


def test_an_unknown_project_is_a_clear_error(tmp_path):
    (tmp_path / "site.yaml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "projects").mkdir()
    done = run_qisite("export", "nowhere", "--out", tmp_path / "x.html", "--root", tmp_path)
    assert done.returncode == 2 and "no project 'nowhere'" in done.stderr


def test_it_opens_from_disk_in_chromium_with_every_chart_and_table_and_no_request(exported):
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    out, html = exported
    requests, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(out.as_uri(), wait_until="load")
            figures = page.locator("figure.chart")
            assert figures.count() == html.count('<figure class="chart') > 0   # the measures' charts and the progress chart
            for i in range(figures.count()):
                chart = figures.nth(i).locator("svg").first
                assert chart.is_visible() and chart.bounding_box()["width"] > 200
            tables = page.locator("table")
            assert tables.count() >= 1
            assert page.locator("h1").inner_text().strip()
            background = page.evaluate("getComputedStyle(document.body).fontFamily")
            assert background and "Times" not in background  # the site's styles apply, not the browser's
        finally:
            browser.close()
    assert requests == [out.as_uri()], requests
    assert not errors, errors


def test_hostile_text_and_a_networks_own_stylesheet_cannot_escape_the_file(tmp_path):
    root = tmp_path / "network"
    (root / "templates" / "static").mkdir(parents=True)
    (root / "templates" / "static" / "site.css").write_text("body { color: red } /* </style><script>alert(1)</script> */")
    (root / "site.yaml").write_text("title: t\n", encoding="utf-8")
    done = run_qisite("new", root / "projects" / "hostile")
    assert done.returncode == 0, done.stderr
    fill_in(root / "projects" / "hostile")
    yaml_file = root / "projects" / "hostile" / "project.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(
        "team: Hostile team", "team: '</style><script>alert(2)</script>'"), encoding="utf-8")
    out = tmp_path / "hostile.html"
    done = run_qisite("export", "hostile", "--out", out, "--root", root)
    assert done.returncode == 0, done.stdout + done.stderr
    html = out.read_text(encoding="utf-8")
    head_style = html[html.index("<style>"):html.index("</head>")]
    assert head_style.count("</style>") == 1 and head_style.endswith("</style>\n")  # the CSS cannot close it early
    outside_style = html[:html.index("<style>")] + html[html.index("</head>"):]
    assert "<script" not in outside_style
    assert "&lt;/style&gt;&lt;script&gt;alert(2)" in html

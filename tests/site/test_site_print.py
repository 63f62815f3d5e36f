"""A case study printed to A4 (issue #11): charts and tables kept whole, no
half-empty pages, and on every page a footer with the page's address, the build
date and the provenance. Chromium prints (page.pdf); pypdf reads the pages."""

from __future__ import annotations

import io
import re

import pytest

pypdf = pytest.importorskip("pypdf")

MM = 72 / 25.4                 # PDF points per millimetre
TOP, BOTTOM = 14 * MM, 20 * MM   # the @page margins of site.css


def _text_lines(page) -> list[tuple[float, str]]:
    """(height from the bottom of the page, text) of every piece of text drawn on a PDF page."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[5] * cm[3] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def _longest_case_study(visit, site) -> str:
    v = visit()
    heights = {}
    for folder in sorted((site / "projects").iterdir()):
        if (folder / "index.html").is_file():
            page = v.goto(f"projects/{folder.name}/index.html")
            heights[folder.name] = page.evaluate("document.documentElement.scrollHeight")
    return max(heights, key=heights.get)


def test_the_longest_case_study_prints_without_half_empty_pages(visit, site):
    name = _longest_case_study(visit, site)
    v = visit()
    page = v.goto(f"projects/{name}/index.html")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = pdf.pages
    fills = []
    for number, sheet in enumerate(pages, start=1):
        height = float(sheet.mediabox.height)
        lines = _text_lines(sheet)
        body = [y for y, _ in lines if y > BOTTOM]            # below that is the footer, in the margin
        assert body, f"page {number} of {name} is empty"
        fills.append((height - TOP - min(body)) / (height - TOP - BOTTOM))
        # the footer is on every page, below the content
        printed = re.sub(r"\s+", " ", sheet.extract_text())
        assert "built " in printed and f"projects/{name}/index.html" in printed, number
    print(f"\n{name}: {len(pages)} A4 pages, filled {[round(f, 2) for f in fills]}")
    short = [(n, round(f, 2)) for n, f in enumerate(fills[:-1], start=1) if f < 1 / 3]
    assert not short, f"pages less than a third full (page, fraction): {short}"
    # 13 pages before its write-up (issue #12: available knowledge, rationale, context, interpretation,
    # limitations, conclusions), which adds two pages of the team's prose; the SQUIRE checklist adds none
    assert len(pages) <= 15, "East India printed to 13 A4 pages, four of them half empty, before issue #11"


def test_the_print_footer_says_where_the_page_came_from(visit, site, browser):
    v = visit()
    page = v.goto("projects/east-india-ward-racism/index.html")
    footer = page.locator(".print-footer")
    assert footer.is_hidden(), "only on paper"
    text = footer.inner_text()
    assert text.startswith("file://") and "projects/east-india-ward-racism/index.html" in text
    assert "built " in text and "not the team's own data" in text
    # on paper it is the page's bottom margin (site.js writes it as an escaped CSS string)
    rule = page.evaluate("[...document.querySelectorAll('style')].map(s => s.textContent).join(' ')")
    escaped = "".join(f"\\{ord(c):x} " for c in re.sub(r"\s+", " ", page.locator(".print-footer").text_content()).strip())
    assert "@bottom-left" in rule and escaped in rule
    page.emulate_media(media="print")
    # on paper the chart's words are printed (no disclosure to open) and charts are whole, not scrolled
    assert page.locator("details.chart-words p").first.is_visible()
    assert page.evaluate("[...document.querySelectorAll('.chart-svg')].every(b => b.scrollWidth <= b.clientWidth + 1)")
    # without script, the footer is a block at the foot of each printed page
    context = browser.new_context(java_script_enabled=False)
    try:
        bare = context.new_page()
        bare.goto((site / "projects/east-india-ward-racism/index.html").as_uri())
        bare.emulate_media(media="print")
        assert bare.locator(".print-footer").is_visible()
        assert bare.locator(".print-footer").inner_text().startswith("projects/east-india-ward-racism/index.html · built")
    finally:
        context.close()

"""A chart point's details in Chromium: by keyboard (one tab stop per chart, arrow keys
between its points), by hover and by tap, from the example site opened from file://."""

from __future__ import annotations

import re

PAGE = "projects/eip-access-tower-hamlets/index.html"
CHART = "#chart-two-week-wait svg.qisite-chart"


def _focus_just_before(page, selector: str) -> None:
    """Focus the tab stop that comes just before ``selector`` in the page's order."""
    page.evaluate("""(selector) => {
        const target = document.querySelector(selector);
        const stops = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]'))
            .filter(e => !e.closest('[hidden]') && e.getClientRects().length);
        const index = stops.indexOf(target);
        stops[index - 1].focus();
    }""", selector)


def test_tab_reaches_a_chart_once_and_the_arrow_keys_walk_its_points(visit):
    from playwright.sync_api import expect

    v = visit()
    page = v.goto(PAGE)
    first = page.locator(f"{CHART} .qisite-point").first
    _focus_just_before(page, f"{CHART} .qisite-point[tabindex='0']")
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    tip = page.locator("#chart-two-week-wait .chart-tip")
    expect(tip).to_be_visible()
    expect(tip).to_have_text("Jan 2020: 62% (13 of 21). Baseline.")
    expect(first).to_have_attribute("aria-label", "Jan 2020: 62% (13 of 21). Baseline.")
    page.keyboard.press("ArrowRight")
    second = page.locator(f"{CHART} .qisite-point").nth(1)
    expect(second).to_be_focused()
    expect(tip).to_have_text(re.compile(r"^Feb 2020: 78% \(14 of 18\)"))
    page.keyboard.press("End")
    expect(tip).to_have_text(re.compile(r"^Mar 2022: "))
    # one tab stop per chart: Tab leaves it, Shift+Tab comes back to the point last visited
    page.keyboard.press("Tab")
    assert not page.evaluate(f"document.activeElement.closest('{CHART}')")
    expect(tip).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    expect(tip).to_have_text(re.compile(r"^Mar 2022: "))
    # the focused point is outlined (a visible focus style)
    ring = page.evaluate("(() => { const c = getComputedStyle(document.activeElement.querySelector('circle'));"
                         " return [c.stroke, c.strokeWidth]; })()")
    assert ring[0] != "none" and ring[1] == "3px", ring


def test_hover_shows_a_points_details_and_the_signal_in_words(visit):
    from playwright.sync_api import expect

    v = visit()
    page = v.goto(PAGE)
    points = page.locator(f"{CHART} .qisite-point")
    labels = [points.nth(k).get_attribute("aria-label") for k in range(points.count())]
    assert all(labels), "every drawn point has its details"
    assert not any(re.search(r"Aug 2021", label) for label in labels), "the missing month has no point"
    point = points.nth(5)
    point.scroll_into_view_if_needed()
    point.hover()
    tip = page.locator("#chart-two-week-wait .chart-tip")
    expect(tip).to_be_visible()
    expect(tip).to_have_text(labels[5])
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()


def test_a_tap_shows_the_details_on_a_phone(visit):
    from playwright.sync_api import expect

    v = visit(width=390)
    page = v.goto(PAGE)
    point = page.locator(f"{CHART} .qisite-point").nth(3)
    point.scroll_into_view_if_needed()
    point.click()
    expect(point).to_be_focused()
    expect(page.locator("#chart-two-week-wait .chart-tip")).to_have_text(re.compile(r"^Apr 2020: "))


def test_without_script_each_point_keeps_its_title(site):
    html = (site / PAGE).read_text(encoding="utf-8")
    assert '<g class="qisite-point" tabindex="0" role="img"><title>Jan 2020: 62% (13 of 21). Baseline.</title><circle' in html

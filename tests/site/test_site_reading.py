"""Reading the site with ease (issue #11): charts and tables on a 390 px phone,
charts in the dark theme, search that says why it matched, and filters that
live in the address so a filtered list can be shared and reloaded."""

from __future__ import annotations

import re

PHONE = 390
CASE_STUDY = "projects/east-india-ward-racism/index.html"
STRATIFIED = "projects/cervical-screening-bedford/index.html"

# Every chart text as drawn: its font size in CSS px (SVG units × the chart's scale),
# its box, and the scroll box it sits in.
CHART_TEXT = """() => [...document.querySelectorAll('.chart-svg')].map(box => {
    const svg = box.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const b = box.getBoundingClientRect();
    return {
        scrolls: box.scrollWidth > box.clientWidth + 1,
        atEnd: box.scrollLeft + box.clientWidth >= box.scrollWidth - 2,
        box: [b.left, b.right],
        texts: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale,
                    left: r.left, right: r.right};
        }),
    };
})"""


def test_chart_text_on_a_phone_is_at_least_11px_and_the_latest_data_is_in_view(visit):
    v = visit(width=PHONE)
    for path in (CASE_STUDY, STRATIFIED):
        page = v.goto(path)
        page.wait_for_timeout(100)
        charts = page.evaluate(CHART_TEXT)
        assert len(charts) >= 3, path
        for chart in charts:
            small = [(t["text"], round(t["px"], 1)) for t in chart["texts"] if t["px"] < 10.99]
            assert not small, (path, small)
            if chart["scrolls"]:
                # too wide for the phone: it opens at its right edge (the latest data) with a cue
                assert chart["atEnd"], path
            else:
                left, right = chart["box"]
                outside = [t["text"] for t in chart["texts"] if t["left"] < left - 1 or t["right"] > right + 1]
                assert not outside, (path, outside)
        cues = page.locator(".chart.scrolls .scroll-cue")
        assert cues.count() == sum(1 for c in charts if c["scrolls"])
        if cues.count():
            assert cues.first.is_visible() and "earlier" in cues.first.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, "the page itself must not scroll sideways"


def test_charts_open_whole_on_a_desktop(visit):
    v = visit(width=1280)
    page = v.goto(CASE_STUDY)
    charts = page.evaluate(CHART_TEXT)
    assert charts and not any(c["scrolls"] for c in charts)
    assert page.locator(".scroll-cue:visible").count() == 0


def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(css: str):
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])


COLOURS = """() => [...document.querySelectorAll('.chart-svg svg')].map(svg => ({
    paper: getComputedStyle(svg.closest('.chart-svg')).backgroundColor,
    texts: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => ({
        text: t.textContent.trim(), fill: getComputedStyle(t).fill, onDisc: !!t.closest('[class*="qisite-pdsa"]')})),
    data: [...svg.querySelectorAll('.qisite-data path')].map(p => getComputedStyle(p).stroke).filter(s => s.startsWith('rgb')),
}))"""


def test_chart_colours_follow_the_theme_with_readable_contrast(visit):
    """WCAG: chart text 4.5:1 on the chart's paper, the data line 3:1, in both schemes; PDSA numbers on their disc."""
    papers = {}
    for scheme in ("light", "dark"):
        v = visit(color_scheme=scheme)
        page = v.goto(STRATIFIED)
        charts = page.evaluate(COLOURS)
        assert charts
        for chart in charts:
            paper = _rgb(chart["paper"])
            papers.setdefault(scheme, paper)
            for t in chart["texts"]:
                against = (0x5A, 0x3E, 0x85) if t["onDisc"] else paper
                assert _contrast(_rgb(t["fill"]), against) >= 4.5, (scheme, t)
            for stroke in chart["data"]:
                assert _contrast(_rgb(stroke), paper) >= 3, (scheme, stroke)
    assert _luminance(papers["dark"]) < 0.05 < _luminance(papers["light"]), "dark charts are no longer white panels"


def test_downloaded_charts_keep_literal_colours(site):
    svg = (site / "projects/east-india-ward-racism/racist-incidents.svg").read_text(encoding="utf-8")
    page = (site / CASE_STUDY).read_text(encoding="utf-8")
    assert "var(--qc-" not in svg and "fill: #222222" in svg
    assert "var(--qc-ink, #222222)" in page


def test_stacked_table_captions_take_the_full_width_on_a_phone(visit):
    v = visit(width=PHONE)
    for path in ("index.html", "ideas/index.html", CASE_STUDY):
        page = v.goto(path)
        sizes = page.evaluate("""() => [...document.querySelectorAll('table.stack')].map(t => ({
            caption: t.caption ? t.caption.getBoundingClientRect().width : null,
            table: t.getBoundingClientRect().width, height: t.caption ? t.caption.getBoundingClientRect().height : 0}))""")
        assert sizes, path
        for s in sizes:
            assert s["caption"] is not None and s["caption"] >= 0.95 * s["table"], (path, s)
            assert s["height"] < 120, (path, s)   # a few lines, not one word per line


def test_the_area_by_stage_matrix_reads_on_a_phone_and_links_to_filtered_lists(visit):
    v = visit(width=PHONE)
    page = v.goto("index.html")
    matrix = page.locator("table.matrix")
    cells = page.evaluate("""() => [...document.querySelectorAll('table.matrix tbody td')]
        .filter(td => td.offsetParent !== null).map(td => {
            const r = td.getBoundingClientRect();
            return {text: td.innerText.trim(), label: td.dataset.label,
                    before: getComputedStyle(td, '::before').content, left: r.left, right: r.right, px: parseFloat(getComputedStyle(td).fontSize)};
        })""")
    assert cells and all(c["left"] >= 0 and c["right"] <= PHONE for c in cells), "every stage count is on screen"
    assert all(c["px"] >= 14 for c in cells)
    # each visible count says which stage it is (the column heading is hidden when rows stack)
    stages = page.locator("table.matrix thead th a").all_inner_texts()
    assert all(c["label"] in stages + ["All"] and c["before"] == f'"{c["label"]}: "' and c["text"].isdigit()
               for c in cells), cells
    link = matrix.locator("tbody a[href*='stage=']").first
    label = link.get_attribute("aria-label")
    n = int(link.inner_text())
    link.click()
    page.wait_for_load_state()
    assert v.site_path() == "projects/index.html"
    assert page.locator("#project-list .project-card:visible").count() == n, label


def test_project_filters_live_in_the_url_and_survive_a_reload(visit):
    v = visit()
    page = v.goto("projects/index.html")
    total = page.locator("#project-list .project-card").count()
    page.select_option("#f-area", "ethnicity")
    page.select_option("#f-stage", "implement")
    assert page.evaluate("location.search") == "?area=ethnicity&stage=implement"
    shown = page.locator("#project-list .project-card:visible").count()
    assert 0 < shown < total
    page.reload()
    assert page.input_value("#f-area") == "ethnicity" and page.input_value("#f-stage") == "implement"
    assert page.locator("#project-list .project-card:visible").count() == shown
    assert page.locator("#filter-count").inner_text() == f"{shown} of {total} projects"
    page.click("text=Clear filters")
    page.wait_for_function("location.search === ''", timeout=2000)   # the form resets, then the list follows
    assert page.locator("#project-list .project-card:visible").count() == total


def test_the_change_idea_library_filters_by_area_and_sorts(visit):
    v = visit()
    page = v.goto("ideas/index.html")
    rows = page.locator("#idea-list tbody tr")
    total = rows.count()
    page.select_option("#i-area", "sexuality")
    assert page.evaluate("location.search") == "?area=sexuality"
    visible = page.locator("#idea-list tbody tr:visible")
    assert 0 < visible.count() < total
    assert all("sexuality" in (a or "").split() for a in visible.evaluate_all("rs => rs.map(r => r.dataset.areas)"))
    page.reload()
    assert page.locator("#idea-list tbody tr:visible").count() == visible.count()
    page.get_by_role("button", name=re.compile("^PDSA cycles")).click()
    counts = [int(x) for x in page.locator("#idea-list tbody tr").evaluate_all("rs => rs.map(r => r.dataset.sortCycles)")]
    assert counts == sorted(counts)
    assert page.locator("th[aria-sort='ascending']").inner_text().startswith("PDSA cycles")
    # an idea with a running cycle reads "being tested", not "not yet tested"
    staff = page.locator("#idea-list tbody tr[data-sort-title='representative staff']")
    assert staff.get_attribute("data-status") == "testing"
    assert "being tested" in staff.locator("td[data-label='Status']").text_content()


def _search(v, query: str):
    page = v.page
    page.goto(v.url("search.html") + "?q=" + query)
    page.locator("#search-page-results li").first.wait_for()
    return page.locator("#search-page-results li")


def test_search_tolerates_a_typo(visit):
    v = visit()
    v.goto("search.html")
    results = _search(v, "interpretor")
    texts = results.all_inner_texts()
    assert any("Interpreter" in t for t in texts), texts
    assert v.page.locator("#search-page-results mark", has_text=re.compile("^interpreter", re.I)).count()


def test_search_finds_words_only_in_a_story_or_a_pdsa_note_with_a_highlighted_snippet(visit):
    """'respondents' is written only in a project's story; 'reworded' only in a PDSA cycle's notes."""
    v = visit()
    v.goto("search.html")
    for word, label in (("respondents", "Story"), ("reworded", "PDSA")):
        first = _search(v, word).first
        snippet = first.locator(".snippet")
        assert snippet.locator(".field").inner_text().startswith(label), (word, snippet.inner_text())
        assert snippet.locator("mark").first.inner_text().lower() == word
        assert first.locator("a").count() == 1 and word not in first.locator("a").inner_text().lower()


def test_search_ranks_title_and_aim_matches_first(visit):
    v = visit()
    v.goto("search.html")
    first = _search(v, "barbers").first
    assert first.locator("a .title mark").count() == 1   # the idea titled "Safe spaces such as barbers"


def test_search_highlights_without_running_hostile_text(visit):
    v = visit()
    v.goto("search.html")
    v.page.goto(v.url("search.html") + "?q=%3Cb%3Einterpreter%3C%2Fb%3E")
    v.page.locator("#search-page-results li").first.wait_for()
    assert v.page.locator("#search-page-results b").count() == 0


def test_no_page_repeats_an_id(site):
    """The driver diagram is in the page twice (columns for wide screens, a nested list for phones):
    only one of them carries ids, so every in-page link has one target."""
    from collections import Counter

    from sitehtml import html_pages, parse

    for path in html_pages(site):
        repeated = [i for i, n in Counter(parse(site, path).ids).items() if n > 1]
        assert not repeated, (path, repeated)


def test_the_driver_diagram_draws_each_change_idea_once_with_connectors(visit):
    v = visit()
    page = v.goto(CASE_STUDY)
    diagram = page.locator(".dd-columns")
    titles = diagram.locator(".dd-idea a").all_inner_texts()
    assert titles and len(titles) == len(set(titles))
    links = diagram.locator(".dd-idea").evaluate_all("ns => ns.map(n => n.dataset.from.trim().split(' ').length)")
    assert max(links) > 1, "an idea named by several secondary drivers is joined to each of them"
    expected = page.evaluate("""() => [...document.querySelectorAll('.dd-columns [data-from]')]
        .reduce((n, node) => n + node.dataset.from.trim().split(' ').filter(Boolean).length, 0)""")
    assert diagram.locator("svg.dd-connectors path").count() == expected
    assert page.locator(".driver-diagram").is_hidden()
    phone = visit(width=PHONE).goto(CASE_STUDY)
    assert phone.locator(".driver-diagram").is_visible() and phone.locator(".dd-columns").is_hidden()


def test_contents_stay_in_view_on_a_wide_screen_and_sections_lead_back(visit):
    v = visit()
    page = v.goto(CASE_STUDY)
    page.locator("#story").scroll_into_view_if_needed()
    page.wait_for_timeout(150)
    top = page.locator("#contents").evaluate("n => n.getBoundingClientRect().top")
    assert abs(top) < 1, "the contents stick to the top of the window"
    assert page.locator("#contents a[aria-current='true']").count() == 1
    backs = page.locator("p.back a[href='#contents']")
    assert backs.count() >= 6
    # characters a line in the story's longest paragraph: its text over its lines
    per_line = page.evaluate("""() => {
        const p = [...document.querySelectorAll('.prose p')].sort((a, b) => b.textContent.length - a.textContent.length)[0];
        const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
        return p.textContent.length / lines;
    }""")
    assert 55 <= per_line <= 80, f"story lines of about 70 characters, not {per_line:.0f}"


def test_search_results_of_illustrative_projects_carry_the_badge(visit):
    v = visit()
    v.goto("search.html")
    first = _search(v, "barbers").first
    badge = first.locator(".badge.illustrative")
    assert badge.inner_text() == "illustrative data"
    assert "not the team's own data" in badge.get_attribute("title")


def test_the_change_idea_library_sorts_on_a_phone_too(visit):
    """A phone hides the table's header row (rows stack as cards): a select sorts instead."""
    v = visit(width=PHONE)
    page = v.goto("ideas/index.html")
    assert page.locator("#idea-list thead").evaluate("t => t.getBoundingClientRect().height") <= 1
    first = page.locator("#idea-list tbody tr").evaluate_all("rs => rs.map(r => r.dataset.sortTitle)")
    page.select_option("#i-sort", "title")
    titles = page.locator("#idea-list tbody tr").evaluate_all("rs => rs.map(r => r.dataset.sortTitle)")
    assert titles == page.evaluate("ts => [...ts].sort((a, b) => a.localeCompare(b))", titles) != first
    page.select_option("#i-sort", "")
    assert page.locator("#idea-list tbody tr").evaluate_all("rs => rs.map(r => r.dataset.sortTitle)") == first

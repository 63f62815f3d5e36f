"""The equity gap is the headline (issue #10, part 1): one sentence builder,
a verdict that never outruns the gap chart, the same words everywhere."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from qisite.build import build
from qisite.load.network import load_network
from qisite.numbers import gap_words
from qisite.problems import Problems
from qisite.site.context import site_data

REPO = Path(__file__).resolve().parent.parent
GAP_LINE = re.compile(r'<li class="gap-headline verdict-[a-z-]+" data-verdict="([a-z ]+)">(.*?)</li>')
SIZE = re.compile(r": gap (−?[\d.,]+)(?: → (−?[\d.,]+))? ")


# --- the sentence builder ---------------------------------------------------------

def test_percentages_are_worded_in_points_with_the_ratio_and_the_verdict():
    words = gap_words("p", 100, "%", -8.1, -2.7, ratio_before=0.87, ratio_after=0.96, verdict="no significant change")
    assert words.line("24-49", "50-64") == "24-49 vs 50-64: gap 8 → 3 points, ratio 0.87 → 0.96 (no significant change)"


def test_a_rate_is_worded_in_its_own_unit():
    words = gap_words("u", 1000, "per 1,000", 5.0, 7.5, ratio_before=1.2, ratio_after=1.5, verdict="widening")
    assert words.line("A", "B") == "A vs B: gap 5.0 → 7.5 per 1,000, ratio 1.20 → 1.50 (widening)"
    days = gap_words("i", 1, "days", 9.13, 11.46, ratio_before=1.32, ratio_after=1.43, verdict="widening")
    assert days.summary == "9.1 → 11.5 days, ratio 1.32 → 1.43 (widening)"


def test_narrowing_is_said_only_when_the_verdict_says_so():
    narrowing = gap_words("p", 1, "", -0.336, -0.217, ratio_before=0.61, ratio_after=0.78, verdict="narrowing")
    assert narrowing.summary == "34 → 22 points, ratio 0.61 → 0.78 (narrowing)"
    assert "narrow" not in gap_words("p", 1, "", -0.336, -0.217, verdict="no significant change").sentence("A", "B")


def test_no_later_period_gives_one_value():
    words = gap_words("u", 10000, "referrals per 10,000", -22.07, -22.07, changed=False,
                      ratio_before=0.62, ratio_after=0.62, verdict="no significant change")
    assert words.summary == "22.1 referrals per 10,000, ratio 0.62 (no significant change)"


def test_a_reversed_gap_keeps_its_signs():
    words = gap_words("p", 100, "%", -3.0, 2.0, verdict="no significant change")
    assert words.size == "−3 → +2 points"


# --- the verdict: never more than the gap chart shows ---------------------------------

def _stratified(shift: float, tmp_points: int = 24):
    import datetime as dt

    from qisite.analysis import analyse_measure
    from qisite.model import Measure, Observation

    rng = np.random.default_rng(7)
    rows = []
    for k in range(tmp_points):
        day = dt.date(2022 + k // 12, k % 12 + 1, 1)
        for group, level in (("ref", 0.60), ("low", 0.40 + (shift if k >= 12 else 0.0))):
            rows.append(Observation(x=day, y=float(rng.binomial(400, level)), n=400.0, group=group, line=k + 2))
    return analyse_measure(Measure(id="g", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y",
                                   n="n", group="group", reference_group="ref", chart="p", multiply=100, freeze=12,
                                   observations=tuple(rows)))


@pytest.mark.parametrize("shift,verdict", [(0.15, "narrowing"), (-0.12, "widening"), (0.0, "no significant change")])
def test_the_verdict_follows_the_gap_charts_special_causes(shift, verdict):
    from qisite.analysis import gap_verdict, gap_wording

    analysis = _stratified(shift)
    gap = analysis.gaps["low"]
    assert gap_verdict(gap) == verdict
    assert gap_wording(analysis, "low").verdict == verdict
    if verdict != "no significant change":
        assert gap.result.special_cause.any()


# --- the example network: page, card, home row, feed --------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    report = build(REPO, output=out)
    assert report.written
    return out, site_data(load_network(REPO, Problems()))


def _lines(text: str) -> list[tuple[str, str]]:
    return [(v, html.unescape(t)) for v, t in GAP_LINE.findall(text)]


def _project_rows(home: str) -> dict[str, str]:
    table = home[home.index('<table class="results'):home.index("</table>", home.index('<table class="results'))]
    return {m.group(1): m.group(0) for m in re.finditer(r'<tr>\s*<th scope="row"><a href="projects/([^/]+)/index.html".*?</tr>', table, re.S)}


def test_every_headline_agrees_with_its_gap_chart_and_reads_the_same_everywhere(built):
    out, site = built
    home_rows = _project_rows((out / "index.html").read_text(encoding="utf-8"))
    projects_page = (out / "projects" / "index.html").read_text(encoding="utf-8")
    atom = {"a": "http://www.w3.org/2005/Atom"}
    feed = {e.find("a:link", atom).get("href"): e.find("a:summary", atom).text   # the projects' entries (not updates')
            for e in ET.parse(out / "feed.xml").getroot().findall("a:entry", atom) if e.find("a:summary", atom) is not None}
    stratified = 0
    for data in site.projects:
        pid = data.project.id
        expected = [(g.verdict, g.text) for g in data.headline_gaps]
        page = (out / "projects" / pid / "index.html").read_text(encoding="utf-8")
        aim = page[page.index('<div class="aim"'):page.index("</section>", page.index('<div class="aim"'))]
        card = re.search(rf'<article class="card project-card"[^>]*>\s*<h[23] class="card-title"><a href="{pid}/index.html".*?</article>',
                         projects_page, re.S)
        assert card, pid
        assert _lines(aim) == expected, pid
        assert _lines(card.group(0)) == expected, pid
        assert _lines(home_rows[pid]) == expected, pid
        summary = feed[f"projects/{pid}/index.html"]
        if not expected:
            assert "gap-headline" not in aim and summary == data.project.summary
            continue
        stratified += 1
        assert summary.startswith("; ".join(t for _, t in expected) + ". "), pid
        gaps = next(a.gaps for a in data.analyses.values() if a.gaps and
                    [g.group for g in data.headline_gaps] == list(a.gaps))
        for g in data.headline_gaps:
            result = gaps[g.group]
            base, latest = result.summary.baseline_cl, result.summary.latest_cl
            special = result.result.special_cause & np.isfinite(result.result.y)
            towards = np.sign(-base) if base else 0
            last_side = result.result.side[np.flatnonzero(special)[-1]] if special.any() else 0
            if g.verdict == "narrowing":      # a special cause towards no gap, and the gap moved that way
                assert last_side == towards and abs(latest) < abs(base), (pid, g.text)
            elif g.verdict == "widening":     # a special cause away from no gap, and the gap moved that way
                assert last_side == -towards and abs(latest) > abs(base), (pid, g.text)
            else:
                assert g.verdict == "no significant change"
                moved_with_signal = (last_side == towards and abs(latest) < abs(base)) or \
                                    (last_side == -towards and abs(latest) > abs(base))
                assert not (special.any() and moved_with_signal and len(result.result.parts) + (~result.result.baseline).sum() > 1), (pid, g.text)
            # the numbers are the gap chart's centre lines
            size = SIZE.search(g.text)
            assert size, g.text
            scale = 100 / data.analyses[g.measure.id].measure.multiply if g.measure.chart in ("p", "pp") else 1
            shown = float(size.group(1).replace(",", "").replace("−", "-"))
            assert shown == pytest.approx(abs(base) * scale, abs=0.5 if scale != 1 else 0.05 * abs(base) + 0.05), g.text
    assert stratified >= 5
    # several groups are each named: the vaccine project's three, the Newham project's five
    assert len(site.data("newham-referrals-by-ethnicity").headline_gaps) == 5
    verdicts = {g.verdict for d in site.projects for g in d.headline_gaps}
    assert {"narrowing", "widening", "no significant change"} <= verdicts


def test_the_cervical_card_and_page_carry_the_same_gap(built):
    out, site = built
    data = site.data("cervical-screening-bedford")
    (g,) = data.headline_gaps
    assert g.text.startswith("24-49 vs 50-64: gap 8 → 3 points")
    assert g.verdict == "no significant change"   # no special cause on the gap chart: "narrowed" would overstate


def test_area_pages_no_longer_say_gaps_are_being_closed(built):
    out, _ = built
    page = (out / "areas" / "ethnicity" / "index.html").read_text(encoding="utf-8")
    assert "Gaps being closed" not in page and "(narrowed)" not in page
    assert "Gaps being worked on" in page


def test_the_methods_page_is_generated_from_the_registry_and_linked(built):
    from qisite.spc.chart_types import CHART_TYPES

    out, _ = built
    methods = (out / "methods.html").read_text(encoding="utf-8")
    for t in CHART_TYPES:
        assert f'<th scope="row"><code>{t.name}</code></th><td data-label="Chart">{html.escape(t.label)}</td>' in methods
    for anchor in ("charts", "rules", "icons", "trial", "gaps", "equity-statistics", "small-numbers", "references"):
        assert f'id="{anchor}"' in methods
    for ref in ("Provost", "Anhøj", "Making Data Count", "Montgomery"):
        assert ref in methods
    page = (out / "projects" / "east-india-ward-racism" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../methods.html">Methods</a>' in page                    # footer
    assert 'href="../../methods.html#icons"' in page                               # icon key
    assert 'href="../../methods.html#charts">How to read this chart' in page       # every chart caption
    assert "c chart · Anhøj rules · limits recalculated in 2 parts, from 4 and 20 points (trial)." in page


def test_several_groups_are_each_named_never_just_the_first():
    import datetime as dt

    from qisite.analysis import analyse_measure
    from qisite.model import Measure, Observation
    from qisite.site.context import _gap_headlines

    rows = []
    for k in range(24):
        day = dt.date(2022 + k // 12, k % 12 + 1, 1)
        for group, seen in (("White British", 60), ("Bangladeshi", 40 + (k % 3)), ("Black African", 50 - (k % 2))):
            rows.append(Observation(x=day, y=float(seen), n=100.0, group=group, line=k + 2))
    measure = Measure(id="g", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y", n="n",
                      group="group", reference_group="White British", chart="p", multiply=100, freeze=12,
                      observations=tuple(rows))
    lines = [g.text for g in _gap_headlines(analyse_measure(measure))]
    assert [line.split(":")[0] for line in lines] == ["Bangladeshi vs White British", "Black African vs White British"]
    assert lines[0].startswith("Bangladeshi vs White British: gap 19 points, ratio 0.68")
    assert lines[1].startswith("Black African vs White British: gap 10 points, ratio 0.82")

"""The example network: every measure has its chart(s), all draw, the equity
headline and descriptions are computed; cache and pool behave."""
from __future__ import annotations

import pytest

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, draw_charts, icon_svg, render, small_multiple_request
from qisite.charts import pool as render_module
from qisite.load.network import load_network
from qisite.problems import Problems

import chartsvg as svgtext
from support import REPO


@pytest.fixture(scope="module")
def network():
    problems = Problems()
    net = load_network(REPO, problems)
    return {p.id: p for p in net.projects}


@pytest.fixture(scope="module")
def requests(network):
    out = {}
    for p in network.values():
        out[p.id] = chart_requests(p, {m.id: analyse_measure(m) for m in p.measures})
    return out


@pytest.fixture(scope="module")
def drawn(requests, tmp_path_factory):
    cache = tmp_path_factory.mktemp("charts")
    every = [r for rs in requests.values() for r in rs]
    return every, draw_charts(every, cache_dir=cache, workers=2), cache


def test_every_measure_has_a_chart(network, requests):
    for pid, project in network.items():
        ids = {r.measure_id for r in requests[pid]}
        assert ids == {m.id for m in project.measures}, pid


def test_every_chart_draws(drawn):
    every, svgs, _ = drawn
    assert set(svgs) == {r.key for r in every}
    for r in every:
        root = svgtext.parse(svgs[r.key])
        focusable = any(True for _ in svgtext.by_class(root, "qisite-point"))
        assert root.get("role") == ("group" if r.cycles or focusable else "img")  # an image may not contain links or focusable points
        assert root.find("svg:desc", svgtext.NS).text == r.description
        assert r.alt and r.description and r.filename.endswith(".svg")


def test_every_plotted_point_with_details_keeps_its_target(drawn):
    """The SVG step drops a series' targets if matplotlib ever left a marker out (rather than put a
    point's details on another point): on every chart of the example network none is dropped."""
    import math

    from qisite.charts.specs import EquitySpec, MultiplesSpec, SpcSpec

    every, svgs, _ = drawn
    checked = 0
    for r in every:
        spec = r.spec
        series = ([spec.series] if isinstance(spec, SpcSpec) else [panel.series for panel in spec.panels]
                  if isinstance(spec, MultiplesSpec) else list(spec.series) if isinstance(spec, EquitySpec) else [])
        expected = sum(1 for one in series for tip, y in zip(one.tips, one.y) if tip and y is not None and math.isfinite(y))
        found = len(svgtext.by_class(svgtext.parse(svgs[r.key]), "qisite-point"))
        assert found == expected, r.filename
        checked += bool(expected)
    assert checked > 30


def test_filenames_unique_per_project(requests):
    for pid, rs in requests.items():
        names = [r.filename for r in rs]
        assert len(names) == len(set(names)), pid


def test_bedford_equity_headline_is_computed(requests):
    rs = {r.kind: r for r in requests["cervical-screening-bedford"] if r.measure_id == "screening-uptake-by-age"}
    assert set(rs) == {"equity", "gap", "groups"}
    # one gap heading per measure, on the gap chart; the verdict follows the gap chart (no special cause there)
    assert rs["equity"].headline == "" and rs["gap"].headline == "Gap 8 → 3 points"
    assert "The gap between 24-49 and 50-64 went from 8 to 3 points (no significant change)" in rs["equity"].description
    assert rs["equity"].description.startswith("p chart · Anhøj rules · limits recalculated in 2 parts, from 12 and 12 points")
    assert "24-49 rose from a mean of 54% to 68%" in rs["equity"].description
    assert rs["gap"].filename == "screening-uptake-by-age-gap.svg"


def test_east_india_description(requests):
    (r,) = [r for r in requests["east-india-ward-racism"] if r.measure_id == "racist-incidents"]
    assert r.description.startswith("c chart · Anhøj rules · limits recalculated in 2 parts, from 4 and 20 points (trial). "
                                    "Incidents fell from a mean of 2.0 to 0.3 per fortnight after PDSA 2;")
    assert [c[0] for c in r.cycles] == [1, 2, 4, 5]


def test_equity_chart_structure(drawn, requests):
    _, svgs, _ = drawn
    (r,) = [r for r in requests["cervical-screening-bedford"] if r.kind == "equity"]
    root = svgtext.parse(svgs[r.key])
    assert len(svgtext.by_class(root, "qisite-group")) == 2 and len(svgtext.by_class(root, "qisite-reference")) == 1
    assert [t for t in svgtext.texts(root) if t[0] == "50-64 (reference)"]
    (g,) = [r for r in requests["cervical-screening-bedford"] if r.kind == "gap"]
    groot = svgtext.parse(svgs[g.key])
    cls = svgtext.by_class(groot, "qisite-cl")
    assert svgtext.by_class(groot, "qisite-zero") and len([c for c in cls if "qisite-extended" not in c.get("class")]) == 2


def test_pareto_structure(drawn, requests):
    _, svgs, _ = drawn
    (r,) = [r for r in requests["camhs-luton-deprivation"] if r.measure_id == "barriers-named"]
    root = svgtext.parse(svgs[r.key])
    assert r.kind == "pareto" and len(svgtext.by_class(root, "qisite-pareto-bar")) == 9
    counts = [int(x) for x, *_ in (("".join(t.itertext()),) for t in svgtext.by_class(root, "qisite-bar-value"))]
    assert counts == sorted(counts, reverse=True)
    assert svgtext.by_class(root, "qisite-pareto-cumulative")


def test_cache_hit_never_calls_matplotlib(drawn, monkeypatch):
    every, svgs, cache = drawn

    def boom(spec):
        raise AssertionError("redrawn")

    from qisite.charts import figures
    monkeypatch.setattr(figures, "figure", boom)
    again = draw_charts(every, cache_dir=cache, workers=1)
    assert again == svgs


def test_in_process_draw_counts(tmp_path):
    from chartfixtures import measure, project
    m = measure()
    (req,) = chart_requests(project([m]), {m.id: analyse_measure(m)})
    before = render_module.DRAWN["count"]
    first = draw_charts([req, req], cache_dir=tmp_path, workers=1)
    assert render_module.DRAWN["count"] == before + 1
    assert draw_charts([req], cache_dir=tmp_path, workers=1) == first
    assert render_module.DRAWN["count"] == before + 1
    assert (tmp_path / req.key[:2] / f"{req.key}.svg").exists()


def test_small_multiple_across_teams(network):
    m = network["east-india-ward-racism"].measure("restrictive-interventions")
    other = network["lgbtq-inpatient-ward-safety"].measure("restrictive-interventions")
    panels = [("East India ward", analyse_measure(m).results[None]),
              ("LGBTQ+ ward", analyse_measure(other).results[None])]
    r = small_multiple_request(panels, measure=m, title="Restrictive interventions, two wards")
    root = svgtext.parse(render(r))
    assert r.kind == "multiples" and len(svgtext.by_class(root, "qisite-panel-title")) == 2


@pytest.mark.parametrize("family,code", [("variation", c) for c in (
    "common_cause", "improvement_high", "improvement_low", "concern_high", "concern_low", "neutral_high",
    "neutral_low")] + [("assurance", c) for c in ("consistent_pass", "consistent_fail", "inconsistent",
                                                   "pass", "fail", "hit_and_miss")])
def test_icons(family, code):
    svg = icon_svg(family, code)
    root = svgtext.parse(svg)
    assert root.get("role") == "img" and root.find("svg:title", svgtext.NS).text == root.get("aria-label")


def test_icon_unknown_code_is_empty():
    assert icon_svg("variation", None) == "" and icon_svg("assurance", "nope") == ""
    with pytest.raises(ValueError):
        icon_svg("colour", "common_cause")


def test_ids_unique_across_every_chart_of_a_page(drawn):
    """Charts are inlined side by side: no id may repeat across them."""
    import re
    every, svgs, _ = drawn
    seen: dict[str, str] = {}
    for r in every:
        for name in re.findall(r'\bid="([^"]+)"', svgs[r.key]):
            assert seen.setdefault(name, r.key) == r.key, name


def test_per_thousand_axis_label(requests, drawn):
    _, svgs, _ = drawn
    (r,) = [r for r in requests["lgbtq-inpatient-ward-safety"] if r.measure_id == "lgbtq-incident-rate"]
    root = svgtext.parse(svgs[r.key])
    assert ["".join(e.itertext()).strip() for e in svgtext.by_class(root, "qisite-ylabel")] == ["incidents per 1,000 bed days"]


def test_fortnight_ticks_and_weekly_ticks(requests):
    (r,) = [r for r in requests["east-india-ward-racism"] if r.measure_id == "racist-incidents"]
    labels = [t for _, t in r.spec.axis.ticks]
    assert labels[0] == "10 Aug\n2020" and "2021" in "".join(labels) and len(labels) <= 9
    (q,) = [r for r in requests["newham-referrals-by-ethnicity"] if r.kind == "equity"]
    assert [t for _, t in q.spec.axis.ticks][:3] == ["Q1\n2020", "Q2", "Q3"]


def test_a_failing_chart_is_named(tmp_path):
    import dataclasses

    from qisite.charts import ChartError

    from chartfixtures import measure, project
    m = measure()
    (req,) = chart_requests(project([m]), {m.id: analyse_measure(m)})
    broken = dataclasses.replace(req, key="0" * 32, spec=dataclasses.replace(req.spec, axis=None))
    with pytest.raises(ChartError, match="nonconformities.svg"):
        draw_charts([broken], cache_dir=tmp_path, workers=1)
    assert not list(tmp_path.rglob("*.svg"))

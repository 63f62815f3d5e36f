"""The funnel chart (qisite.charts.funnel): drawn from the FunnelResult the table and JSON come from."""
import re
import xml.etree.ElementTree as ET

import pytest
from phe_data import rows

from qisite.charts.funnel import describe_funnel, funnel_svg
from qisite.charts.sii import describe_sii, sii_figure, sii_spc, sii_svg
from qisite.equity import analyse_equity, funnel
from qisite.numbers import ValueFormat

PROP = rows("phe_funnel_prop_inputs.csv")[:30]


def _result(names=None):
    return funnel(names or [r["Area"] for r in PROP], [float(r["numerator"]) for r in PROP],
                  [float(r["denominator"]) for r in PROP], chart="p", multiply=100)


def test_every_unit_and_both_limits_are_drawn():
    result = _result()
    svg = funnel_svg(result, ValueFormat(percent=True), title="Uptake", ylabel="%", prefix="fa")
    ET.fromstring(svg)  # well-formed
    assert svg.count('class="qisite-funnel-unit"') == len(result.units)
    assert svg.count('class="qisite-funnel-95"') == 2 and svg.count('class="qisite-funnel-998"') == 2
    assert 'class="qisite-funnel-target"' in svg and "qisite-chart-funnel" in svg


def test_the_description_names_the_units_the_flags_name():
    result = _result()
    text = describe_funnel(result, ValueFormat(percent=True))
    outside = [u.unit for u in result.units if u.outside998]
    assert outside and all(name in text for name in outside)
    assert f"{len(outside)} outside the 99.8% limits" in text
    inside = [u.unit for u in result.units if not u.outside95]
    assert all(name not in text for name in inside)


def test_hostile_names_and_titles_are_escaped():
    names = [f'<script>alert({i})</script>"& $x^2$' for i in range(len(PROP))]
    svg = funnel_svg(_result(names), ValueFormat(percent=True), title="<img src=x onerror=alert(1)>", ylabel="%",
                     prefix="fb")
    assert "<script>" not in svg and "<img" not in svg
    assert "$x^2$" in svg  # a dollar sign is text, never maths
    root = ET.fromstring(svg)
    assert root.find("{http://www.w3.org/2000/svg}desc").text.startswith("Funnel plot of")


def test_the_drawing_is_deterministic():
    one = funnel_svg(_result(), ValueFormat(percent=True), title="t", ylabel="%", prefix="fc")
    two = funnel_svg(_result(), ValueFormat(percent=True), title="t", ylabel="%", prefix="fc")
    assert one == two and re.search(r'viewBox="0 0 760 340"', one)


# -- the SII over time ------------------------------------------------------------

QUINTILES = ["Q1", "Q2", "Q3", "Q4", "Q5"]


def _equity(steps, missing=None):
    x, g, y, n = [], [], [], []
    for t, step in enumerate(steps):
        for i, name in enumerate(QUINTILES):
            if (t, name) == missing:
                continue
            x.append(f"P{t + 1:02d}")
            g.append(name)
            n.append(1000)
            y.append(1000 * (0.4 + step * i))
    return analyse_equity(x, g, y, n, chart="p", reference="Q5", order=QUINTILES, multiply=100, repetitions=2000)


def test_sii_chart_draws_each_period_with_an_sii():
    result = _equity([0.05] * 6 + [0.04] * 6, missing=(3, "Q2"))
    svg = sii_svg(result, ValueFormat(decimals=1), title="SII <b>", ylabel="points", prefix="sa")
    ET.fromstring(svg)
    drawn = svg.count('class="qisite-sii-point"') + svg.count('class="qisite-sii-special"')
    assert drawn == len([p for p in result.periods if p.sii is not None]) == 11
    assert svg.count('class="qisite-sii-interval"') == 11
    assert "<b>" not in svg and "qisite-chart-sii" in svg


def test_sii_description_reads_the_same_numbers_and_the_spc_verdict():
    result = _equity([0.05] * 10 + [0.02] * 10)
    text = describe_sii(result, ValueFormat(decimals=1))
    first = result.periods[0].sii
    assert ValueFormat(decimals=1).value(first.sii) in text and "P01" in text and "P20" in text
    assert sii_spc(result).special_cause.any()
    assert "Special cause on the SII's i chart at" in text


def test_sii_chart_needs_an_order():
    result = analyse_equity(["a"] * 2, ["Q1", "Q5"], [1, 2], [10, 10], chart="p", reference="Q5")
    with pytest.raises(ValueError, match="ordered"):
        sii_figure(result, ValueFormat(), "SII")

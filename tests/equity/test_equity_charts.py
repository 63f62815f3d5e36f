"""The funnel chart (qisite.charts.funnel): drawn from the FunnelResult the table and JSON come from."""
import re
import xml.etree.ElementTree as ET

from phe_data import rows

from qisite.charts.funnel import describe_funnel, funnel_svg
from qisite.equity import funnel
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

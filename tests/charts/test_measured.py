"""Texts measured once a process (qisite.charts.measured): the SVG is what matplotlib draws without
the memo, byte for byte, however the texts differ (size, weight, lines, alignment), and a figure
drawn by another renderer (a PNG for slides) is left to matplotlib."""
from __future__ import annotations

import io

import pytest
from matplotlib.figure import Figure

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, measured, render
from qisite.charts.svg import figure_svg

import chartfixtures as fixtures

TEXTS = [   # (text, size, weight, horizontal and vertical alignment): the same words at other sizes and weights
    ("Jan 2022", 8, "normal", "center", "top"),
    ("Jan 2022", 14, "normal", "center", "top"),
    ("Jan 2022", 8, "bold", "right", "baseline"),
    ("heights", 9, "normal", "left", "center"),   # (a text spelled as the memo's other kind of entry)
    ("PDSA 3: phone the day before\nand again on the day", 9, "normal", "left", "bottom"),
    ("40%", 11, "normal", "right", "center_baseline"),
    ("", 10, "normal", "center", "center"),
]


def _figure(kind: type[Figure]) -> Figure:
    fig = kind(figsize=(4, 3), dpi=72)
    for index, (text, size, weight, ha, va) in enumerate(TEXTS):
        fig.text(0.5, 0.1 + index * 0.12, text, fontsize=size, fontweight=weight, ha=ha, va=va)
    return fig


def test_an_svg_is_what_matplotlib_draws_without_the_memo():
    measured._MEASURED.clear()
    plain = figure_svg(_figure(Figure))
    first = figure_svg(_figure(measured.ChartFigure))
    again = figure_svg(_figure(measured.ChartFigure))   # every text now read from the memo
    assert first == plain and again == plain
    (known,) = measured._MEASURED.values()
    texts = [key[1] for key in known if key[0] == "text"]
    assert texts.count("Jan 2022") == 3 and texts.count("heights") == 1   # one a size and weight
    assert sum(key[0] == "heights" for key in known) >= 4   # one a font and size


def test_a_chart_drawn_with_a_warm_memo_is_the_same():
    m = fixtures.measure()
    project = fixtures.project([m], [fixtures.cycle("pdsa-1", fixtures.weeks(26)[25], "New solder mask")])
    (request,) = chart_requests(project, {m.id: analyse_measure(m)})
    measured._MEASURED.clear()
    cold = render(request)
    assert measured._MEASURED   # (the chart's texts were measured through the memo)
    assert render(request) == cold


def test_new_font_settings_measure_afresh(monkeypatch):
    measured._MEASURED.clear()
    figure_svg(_figure(measured.ChartFigure))
    monkeypatch.setitem(measured.rcParams, "font.sans-serif", ["DejaVu Sans Mono"])
    plain = figure_svg(_figure(Figure))
    assert figure_svg(_figure(measured.ChartFigure)) == plain
    assert len(measured._MEASURED) == 2


@pytest.mark.parametrize("dpi", [72, 144])
def test_a_png_is_left_to_matplotlib(dpi):
    measured._MEASURED.clear()
    png = io.BytesIO()
    _figure(measured.ChartFigure).savefig(png, format="png", dpi=dpi)
    plain = io.BytesIO()
    _figure(Figure).savefig(plain, format="png", dpi=dpi)
    assert png.getvalue() == plain.getvalue() and not measured._MEASURED

"""Extra SPC lines on the chart: 2σ warning limits (measure key
``warning_limits``), read back from the SVG."""
from __future__ import annotations

import pytest

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, render

import chartfixtures as fixtures
import chartsvg as svgtext


def _svg(**over):
    m = fixtures.measure(**over)
    (req,) = chart_requests(fixtures.project([m]), {m.id: analyse_measure(m)})
    return svgtext.parse(render(req))


def test_warning_limits_drawn_at_two_sigma_when_asked():
    """Montgomery Ex. 7.3: c̄ 19.846, σ = √c̄ = 4.455: 2σ limits 10.94 and 28.75."""
    root = _svg(warning_limits=True)
    to_y = svgtext.y_scale(root)
    upper = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-ucl95")]
    lower = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-lcl95")]
    assert len(upper) == len(lower) == 2                                  # one per part
    assert upper[0][0][1] == pytest.approx(to_y(28.755), abs=0.3)
    assert lower[0][0][1] == pytest.approx(to_y(10.937), abs=0.3)


def test_warning_limits_off_by_default():
    assert svgtext.by_class(_svg(), "qisite-ucl95") == []

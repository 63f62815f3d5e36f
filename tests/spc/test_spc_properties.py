"""Invariants of the engine, checked with hypothesis."""
import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qisite.spc import CHARTS, RULES, analyse

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
series = st.lists(values, min_size=2, max_size=60)


@st.composite
def counts_and_denominators(draw, min_size=2, max_size=60):
    n = draw(st.lists(st.integers(1, 5000), min_size=min_size, max_size=max_size))
    y = [draw(st.integers(0, k)) for k in n]
    return y, n


def finite(a):
    return np.isfinite(a)


@SETTINGS
@given(series)
def test_i_limits_symmetric_about_centre(y):
    r = analyse(y, chart="i")
    ok = finite(r.ucl)
    assert np.allclose((r.ucl - r.cl)[ok], (r.cl - r.lcl)[ok], rtol=1e-9, atol=1e-6)


@SETTINGS
@given(counts_and_denominators(), st.sampled_from(["p", "u", "pp", "up", "c"]))
def test_attribute_limits_symmetric_where_not_clamped(data, chart):
    y, n = data
    r = analyse(y, n, chart=chart)
    free = finite(r.lcl) & (r.lcl > 0) & (r.ucl < (1 if chart in ("p", "pp") else np.inf))
    assert np.allclose((r.ucl - r.cl)[free], (r.cl - r.lcl)[free], rtol=1e-9, atol=1e-12)


@SETTINGS
@given(counts_and_denominators(), st.sampled_from(["p", "pp"]))
def test_p_limits_within_unit_interval(data, chart):
    y, n = data
    r = analyse(y, n, chart=chart)
    ok = finite(r.ucl)
    assert (r.lcl[ok] >= 0).all() and (r.ucl[ok] <= 1).all()
    assert (r.lcl[ok] <= r.cl[ok] + 1e-12).all() and (r.cl[ok] <= r.ucl[ok] + 1e-12).all()


@SETTINGS
@given(series, st.floats(0.001, 1000), st.floats(-1e4, 1e4))
def test_i_chart_scale_invariance(y, a, b):
    r1 = analyse(y, chart="i")
    r2 = analyse([a * v + b for v in y], chart="i")
    scale = max(1.0, max(abs(v) for v in y)) * a + abs(b)
    for k in ("cl", "lcl", "ucl"):
        assert np.allclose(getattr(r2, k), a * getattr(r1, k) + b, rtol=1e-7, atol=1e-7 * scale,
                           equal_nan=True)


@SETTINGS
@given(st.sampled_from(["run", "i", "c", "p", "u", "pp", "up", "g", "t"]),
       counts_and_denominators(min_size=3), st.integers(0, 10 ** 6),
       st.integers(1, 5000), st.data())
def test_adding_an_excluded_point_changes_no_limit(chart, data, extra, extra_n, d):
    y, n = data
    y = [v + 1 for v in y] if chart == "t" else y
    k = d.draw(st.integers(0, len(y)))
    r1 = analyse(y, n, chart=chart)
    y2, n2 = y[:k] + [extra] + y[k:], n[:k] + [extra_n] + n[k:]
    r2 = analyse(y2, n2, chart=chart, exclude=[k + 1])
    keep = np.ones(len(y2), bool)
    keep[k] = False
    for key in ("cl", "lcl", "ucl"):
        assert np.allclose(getattr(r2, key)[keep], getattr(r1, key), rtol=1e-12, atol=1e-12,
                           equal_nan=True)


EDGE_CASES = {
    "empty": [],
    "single": [5.0],
    "constant": [3.0] * 20,
    "all missing": [None] * 10,
    "some missing": [1.0, None, 3.0, float("nan"), 2.0, 4.0],
    "huge": [1e300, -1e300, 1e300, 1e299],
    "zeros": [0.0] * 12,
}


def _inputs(chart, y):
    if chart in ("xbar", "s"):
        return [[v, v] if v is not None else [] for v in y], None
    if chart in ("p", "pp", "u", "up"):
        return [None if v is None else abs(v) for v in y], [None if v is None else 2e300 for v in y]
    return y, None


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("rules", RULES)
def test_no_crash_on_edge_cases(case, chart, rules):
    y, n = _inputs(chart, EDGE_CASES[case])
    r = analyse(y, n, chart=chart, rules=rules, direction="increase", target=1.0)
    doc = json.loads(json.dumps(r.to_dict(), allow_nan=False))
    assert len(doc["points"]) == len(EDGE_CASES[case])
    for p in doc["points"]:
        for key in ("y", "cl", "lcl", "ucl"):
            assert p[key] is None or math.isfinite(p[key])


@SETTINGS
@given(st.lists(st.one_of(st.none(), values), max_size=40), st.sampled_from(CHARTS),
       st.sampled_from(RULES))
def test_no_crash_on_random_series(y, chart, rules):
    y2, n = _inputs(chart, y)
    r = analyse(y2, n, chart=chart, rules=rules)
    json.dumps(r.to_dict(), allow_nan=False)

"""2σ (warning) limits and configurable shift and trend lengths.

2σ limits: Montgomery, *Introduction to Statistical Quality Control* 6th ed.,
§5.3.6 "warning limits" at 2σ; with the published CL and 3σ UCL of an example
the 2σ limit is CL ± ⅔ (UCL − CL). NHSRplotthedots draws the same lines as
``nlpl``/``nupl`` = mean ∓ 2 × (2.66/3) × MR̄ (R/ptd_spc_standard.R, 050b07d).
"""
import json

import numpy as np
import pytest

from qisite import cli
from qisite.spc import analyse

from spc_published_data import MORTGAGE_COST, OJ_PHASE1, PISTON_RINGS


def two_sigma(cl, ucl):
    return cl - 2 / 3 * (ucl - cl), cl + 2 / 3 * (ucl - cl)


def test_i_chart_montgomery_6_5():
    r = analyse(MORTGAGE_COST, chart="i", screen_mr=False)
    lo, hi = two_sigma(300.5, 321.22)                      # 286.69, 314.31
    assert r.lcl95[0] == pytest.approx(lo, abs=0.01) and r.ucl95[0] == pytest.approx(hi, abs=0.01)


def test_i_chart_nhs_is_mean_plus_two_thirds_of_2_66_mr():
    r = analyse(MORTGAGE_COST, chart="i", rules="nhs", screen_mr=False)
    mr_bar = np.abs(np.diff(MORTGAGE_COST)).mean()
    assert r.ucl95[0] == pytest.approx(np.mean(MORTGAGE_COST) + 2 * 2.66 / 3 * mr_bar)


def test_p_chart_montgomery_7_1_revised():
    r = analyse(OJ_PHASE1, [50] * 30, chart="p", exclude=[15, 23], multiply=100)
    lo, hi = two_sigma(21.50, 38.93)                        # 9.88 %, 33.12 %
    assert r.lcl95[0] == pytest.approx(lo, abs=0.01) and r.ucl95[0] == pytest.approx(hi, abs=0.01)


def test_clamped_like_the_limits():
    r = analyse([0, 1, 0, 0, 2, 0, 1, 0], [20] * 8, chart="p")
    assert r.lcl[0] == 0 and r.lcl95[0] == 0
    assert (r.ucl95 < r.ucl).all() and (r.ucl95 > r.cl).all()


def test_s_chart_uses_b_factors_at_two_sigma():
    r = analyse(PISTON_RINGS, chart="s")
    c4 = 0.9400                                             # Montgomery Appendix VI, n = 5
    c5 = (1 - c4 ** 2) ** 0.5
    assert r.ucl95[0] == pytest.approx(r.cl[0] * (1 + 2 * c5 / c4), rel=1e-3)


def test_run_chart_has_none_and_json_carries_them(tmp_path, capsys):
    assert np.isnan(analyse([1, 2, 3], chart="run").ucl95).all()
    path = tmp_path / "d.csv"
    path.write_text("v\n" + "\n".join(map(str, MORTGAGE_COST)) + "\n", encoding="utf-8")
    assert cli.main(["spc", str(path), "--chart", "i", "--y", "v", "--json", "--no-screen-mr"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["points"][0]["ucl95"] == pytest.approx(314.31, abs=0.01)
    assert doc["shift"] is None and doc["trend"] is None


# -- shift and trend lengths -------------------------------------------------------

def _flagged(result, name):
    return [i + 1 for i, p in enumerate(result.points) if name in p.signals]


def test_shift_length_is_configurable():
    y = [12.0, 10.0] * 6 + [11.5] * 6 + [10.0, 12.0] * 3   # mean 11.125: points 13–18 above
    assert _flagged(analyse(y, chart="i", rules="nhs"), "shift") == []
    r = analyse(y, chart="i", rules="nhs", shift=6)
    assert _flagged(r, "shift") == list(range(13, 19)) and r.shift == 6 and r.trend == 7


def test_trend_length_is_configurable():
    y = [12.0, 10.0] * 6 + [9.0, 10.0, 11.0, 12.0, 13.0] + [10.0, 12.0] * 3  # points 13–17 rise
    assert _flagged(analyse(y, chart="i", rules="ihi"), "trend") == []
    assert _flagged(analyse(y, chart="i", rules="ihi", trend=5), "trend") == [13, 14, 15, 16, 17]


def test_run_chart_lengths():
    # median 5 (the 5s are on it and skipped): points 8–12 make a run of five above
    y = [1, 5, 2, 6] * 2 + [9] * 4 + [1, 5, 2, 6]
    assert _flagged(analyse(y, chart="run", rules="ihi"), "shift") == []
    assert _flagged(analyse(y, chart="run", rules="ihi", shift=4), "shift") == [8, 9, 10, 11, 12]
    assert analyse(y, chart="run", rules="ihi").shift == 6


def test_anhoej_warns_that_lengths_are_not_used():
    r = analyse([1, 2, 3, 4], chart="i", shift=9)
    assert r.shift is None and any("shift 9 not used" in w for w in r.warnings)


@pytest.mark.parametrize("bad", [1, 0, 2.5, True, "7"])
def test_lengths_are_checked(bad):
    with pytest.raises(ValueError, match="shift must be a whole number of points ≥ 2"):
        analyse([1, 2, 3], chart="i", rules="nhs", shift=bad)


# -- centre line and limits given by the team --------------------------------------

def test_given_centre_p_chart_is_montgomerys_standard_given():
    # Montgomery 6th ed. §7.2.1, "standard given": with p known the limits are
    # p ± 3√(p(1−p)/n): p = 0.25, n = 50 → 0.0663 and 0.4337.
    r = analyse(OJ_PHASE1, [50] * 30, chart="p", centre=25.0, multiply=100)
    assert r.cl[0] == 25.0
    assert r.lcl[0] == pytest.approx(6.629, abs=1e-3) and r.ucl[0] == pytest.approx(43.371, abs=1e-3)


def test_given_centre_i_chart_keeps_the_moving_range_sigma():
    est = analyse(MORTGAGE_COST, chart="i", screen_mr=False)
    given = analyse(MORTGAGE_COST, chart="i", screen_mr=False, centre=305.0)
    assert given.cl[0] == 305.0
    assert given.ucl[0] - 305.0 == pytest.approx(est.ucl[0] - est.cl[0])


def test_given_limits_drive_the_zone_rules():
    r = analyse([10, 12, 11, 13, 40, 9, 15.5, 16], chart="i", centre=11, limits=(5, 17))
    assert (r.lcl == 5).all() and (r.ucl == 17).all()
    assert r.lcl95[0] == 7 and r.ucl95[0] == 15             # two thirds of the way to each limit
    assert r.points[4].signals == ("outside_limits",)
    r = analyse([10, 12, 11, 13, 40, 12, 15.5, 16], chart="i", rules="nhs", centre=11, limits=(5, 17))
    assert r.points[6].signals == ("two_of_three",) and r.points[7].signals == ("two_of_three",)


@pytest.mark.parametrize("kwargs,message", [
    ({"chart": "g", "centre": 3}, "centre line cannot be given"),
    ({"chart": "run", "limits": (1, 2)}, "no control limits"),
    ({"chart": "i", "limits": (5, 1)}, "lower < upper"),
    ({"chart": "i", "centre": 9, "limits": (1, 5)}, "lower < upper"),
])
def test_given_lines_are_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        analyse([1, 2, 3, 4], **kwargs)

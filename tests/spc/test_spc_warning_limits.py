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

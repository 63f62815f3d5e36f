"""The ``nhs`` profile against NHSRplotthedots' own test expectations.

Source: nhs-r-community/NHSRplotthedots at commit 050b07d7 (2025-09-29):
tests/testthat/test-ptd_calculate_point_type.R (two-in-three, seven on one
side, seven-point trend), tests/testthat/test-ptd_calculate_assurance_type.R
(assurance) and tests/testthat/test-geom_ptd_icon.R ("ptd_get_icons transforms
the data correctly": icons of ptd_spc on R's set.seed(123) rnorm data).
"""
import numpy as np
import pytest

from qisite.spc import analyse, rules, runs


def _b(v):
    return np.asarray(v, dtype=bool)


# ptd_two_in_three(close_to_limits, relative_to_mean): the windows.
@pytest.mark.parametrize("close,side,expected", [
    ([1, 0, 1], [1, 1, 1], [1, 1, 1]),
    ([0, 1, 1], [1, 1, 1], [1, 1, 1]),
    ([1, 1, 0], [1, 1, 1], [1, 1, 1]),
    ([0, 0, 1, 0, 1, 0, 0], [1] * 7, [0, 0, 1, 1, 1, 0, 0]),
    ([0, 0, 1, 1, 0, 0, 0], [1] * 7, [0, 1, 1, 1, 1, 0, 0]),
    # points on opposite sides of the mean never make a window
    ([1, 0, 1], [1, -1, 1], [0, 0, 0]),
    ([0, 1, 1], [1, -1, 1], [0, 0, 0]),
    ([1, 1, 0], [1, -1, 1], [0, 0, 0]),
    ([0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1], [0] * 7),
    ([0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1], [0] * 7),
    ([], [], []),
])
def test_two_in_three_windows(close, side, expected):
    got = rules.two_in_three_windows(_b(close), np.asarray(side))
    assert got.tolist() == _b(expected).tolist()


# ptd_part_of_two_in_three: only the close points of a window are flagged.
@pytest.mark.parametrize("close,expected", [
    ([1, 0, 1], [1, 0, 1]),
    ([0, 1, 1], [0, 1, 1]),
    ([1, 1, 0], [1, 1, 0]),
    ([0, 0, 1, 0, 1, 0, 0], [0, 0, 1, 0, 1, 0, 0]),
    ([1, 0, 0, 1], [0, 0, 0, 0]),
    ([1, 0, 0, 1, 1], [0, 0, 0, 1, 1]),
])
def test_part_of_two_in_three(close, expected):
    c = _b(close)
    got = rules.two_in_three_windows(c, np.ones(c.size)) & c
    assert got.tolist() == _b(expected).tolist()


def _flags(y, lcl=-3.0, ucl=3.0):
    """Rule names per point on a standardised chart (CL 0, σ 1)."""
    y = np.asarray(y, dtype=float)
    cl = np.zeros_like(y)
    pr = rules.evaluate("nhs", "i", y, cl, cl + lcl, cl + ucl, y, np.ones(y.size, bool))
    return [rules.signal_names(int(b)) for b in pr.bits]


def test_two_of_three_does_not_count_points_beyond_the_limits():
    # 2.5σ and 3.5σ: one close point and one outside -> not two of three.
    assert _flags([2.5, 0.5, 3.5]) == [[], [], ["outside_limits"]]
    # qisite's ihi profile (Health Care Data Guide) counts both.
    y = np.array([2.5, 0.5, 3.5])
    cl = np.zeros(3)
    pr = rules.evaluate("ihi", "i", y, cl, cl - 3, cl + 3, y, np.ones(3, bool))
    assert [rules.signal_names(int(b)) for b in pr.bits] == [["two_of_three"], [], ["outside_limits", "two_of_three"]]


def test_two_of_three_needs_all_three_points_on_one_side():
    assert _flags([2.5, -0.5, 2.5]) == [[], [], []]
    assert _flags([2.5, 0.0, 2.5]) == [[], [], []]    # a point on the mean is on neither side
    assert _flags([2.5, 0.5, 2.5]) == [["two_of_three"], [], ["two_of_three"]]
    assert _flags([-2.5, -2.1, -0.1]) == [["two_of_three"], ["two_of_three"], []]


# ptd_seven_point_one_side_mean + ptd_part_of_seven_trend
@pytest.mark.parametrize("side,expected", [
    ([1] * 6, [0] * 6),
    ([1] * 6 + [-1], [0] * 7),
    ([1] * 8 + [-1], [1] * 8 + [0]),
    ([-1] * 8 + [1], [1] * 8 + [0]),
])
def test_seven_points_one_side(side, expected):
    y = np.asarray(side, dtype=float) * 0.5
    assert runs.shift_mask(y, np.zeros_like(y), 7, on_cl="break").tolist() == _b(expected).tolist()


# ptd_seven_point_trend + ptd_part_of_seven_trend
@pytest.mark.parametrize("y,expected", [
    (list(range(1, 7)), [0] * 6),
    ([1, 2, 3, 3, 4, 5, 6], [0] * 7),          # a tie breaks the trend
    (list(range(1, 8)), [1] * 7),
    ([2, 1, 2, 3, 4, 5, 6, 7, 3], [0] + [1] * 7 + [0]),
    (list(range(7, 0, -1)), [1] * 7),
    ([2, 7, 6, 5, 4, 3, 2, 1, 3], [0] + [1] * 7 + [0]),
])
def test_seven_point_trend(y, expected):
    got = runs.trend_mask(np.asarray(y, dtype=float), 7, ties="break")
    assert got.tolist() == _b(expected).tolist()


# test-ptd_calculate_assurance_type.R: lpl (1, 5, 1), upl (3, 7, 5), target 4.
@pytest.mark.parametrize("direction,expected", [
    ("increase", ["consistent_fail", "consistent_pass", "inconsistent"]),
    ("decrease", ["consistent_pass", "consistent_fail", "inconsistent"]),
    ("neutral", [None, None, None]),
])
def test_assurance(direction, expected):
    got = [rules.assurance_icon(4.0, lpl, upl, direction) for lpl, upl in ((1, 3), (5, 7), (1, 5))]
    assert got == expected


def test_assurance_is_strict_on_a_limit():
    # R: target > upl / target < lpl; a target exactly on a limit is hit and miss.
    assert rules.assurance_icon(3.0, 1.0, 3.0, "increase") == "inconsistent"
    assert rules.assurance_icon(1.0, 1.0, 3.0, "increase") == "inconsistent"
    assert rules.assurance_icon(0.0, 0.0, 0.8, "increase") == "inconsistent"  # a p chart's LCL clamped at 0


# R 4.x: set.seed(123); rnorm(24), then rnorm(12, 5), then rnorm(12, -5)
# (values 25–48 of the same stream), as test-geom_ptd_icon.R draws them.
RNORM_123 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499,
    0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383,
    0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716,
    0.70135590, -0.47279141, -1.06782371, -0.21797491, -1.02600044, -0.72889114,
]
NEXT_12 = [-0.62503927, -1.68669331, 0.83778704, 0.15337312, -1.13813694, 1.25381492,
           0.42646422, -0.29507148, 0.89512566, 0.87813349, 0.82158108, 0.68864025]
LAST_12 = [0.55391765, -0.06191171, -0.30596266, -0.38047100, -0.69470698, -0.20791728,
           -1.26539635, 2.16895597, 1.20796200, -1.12310858, -0.40288484, -0.46665535]


def _icons(y, target, direction="increase"):
    r = analyse(y, chart="i", rules="nhs", direction=direction, target=target)
    return r.variation, r.assurance


def test_icons_as_ptd_get_icons():
    assert _icons(RNORM_123, None) == ("common_cause", None)                      # s1
    assert _icons(RNORM_123, 0.5) == ("common_cause", "inconsistent")             # s2
    high = RNORM_123[:12] + [v + 5 for v in NEXT_12]
    assert _icons(high, -3) == ("improvement_high", "consistent_pass")            # s5
    assert _icons(high, -3, "decrease") == ("concern_high", "consistent_fail")    # s6
    low = RNORM_123[:12] + [v - 5 for v in LAST_12]
    assert _icons(low, 3) == ("concern_low", "consistent_fail")                   # s7
    assert _icons(low, 3, "decrease") == ("improvement_low", "consistent_pass")   # s8
    assert _icons(low, 3, "neutral") == ("neutral_low", None)                     # s9

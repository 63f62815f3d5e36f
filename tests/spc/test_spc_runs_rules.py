"""Runs analysis thresholds and the special-cause rule profiles."""
import numpy as np
import pytest

from qisite.spc import analyse, rules, runs

# Anhøj J, Olesen AV. Run charts revisited: a simulation study of run chart
# rules for detection of non-random variation in health care processes.
# PLoS ONE 2014;9(11):e113825, Table 1 (upper limit of the longest run and lower
# limit of the number of crossings by number of useful observations), and
# Anhøj J. Diagnostic value of run chart analysis. PLoS ONE 2015;10(3):e0121349.
# n: (longest run limit, crossings limit), transcribed from the table
# "Critical values for longest run and number of crossings" (n = 10–100) in
# Appendix 2 of the qicharts2 vignette (J. Anhøj, "qicharts2: Quality
# Improvement Charts for R", CRAN). The longest-run column also matches the
# n = 10–109 table of the unaettie.com run-chart FAQ.
ANHOEJ_TABLE = {
    10: (6, 2), 11: (6, 2), 12: (7, 3), 13: (7, 3), 14: (7, 4), 15: (7, 4), 16: (7, 4),
    17: (7, 5), 18: (7, 5), 19: (7, 6), 20: (7, 6), 21: (7, 6), 22: (7, 7), 23: (8, 7),
    24: (8, 8), 25: (8, 8), 26: (8, 8), 27: (8, 9), 28: (8, 9), 29: (8, 10), 30: (8, 10),
    31: (8, 11), 32: (8, 11), 33: (8, 11), 34: (8, 12), 35: (8, 12), 36: (8, 13),
    37: (8, 13), 38: (8, 14), 39: (8, 14), 40: (8, 14), 41: (8, 15), 42: (8, 15),
    43: (8, 16), 44: (8, 16), 45: (8, 17), 46: (9, 17), 47: (9, 17), 48: (9, 18),
    49: (9, 18), 50: (9, 19), 51: (9, 19), 52: (9, 20), 53: (9, 20), 54: (9, 21),
    55: (9, 21), 56: (9, 21), 57: (9, 22), 58: (9, 22), 59: (9, 23), 60: (9, 23),
    61: (9, 24), 62: (9, 24), 63: (9, 25), 64: (9, 25), 65: (9, 25), 66: (9, 26),
    67: (9, 26), 68: (9, 27), 69: (9, 27), 70: (9, 28), 71: (9, 28), 72: (9, 29),
    73: (9, 29), 74: (9, 29), 75: (9, 30), 76: (9, 30), 77: (9, 31), 78: (9, 31),
    79: (9, 32), 80: (9, 32), 81: (9, 33), 82: (9, 33), 83: (9, 34), 84: (9, 34),
    85: (9, 34), 86: (9, 35), 87: (9, 35), 88: (9, 36), 89: (9, 36), 90: (9, 37),
    91: (10, 37), 92: (10, 38), 93: (10, 38), 94: (10, 39), 95: (10, 39), 96: (10, 39),
    97: (10, 40), 98: (10, 40), 99: (10, 41), 100: (10, 41),
}


@pytest.mark.parametrize("n", sorted(ANHOEJ_TABLE))
def test_anhoej_thresholds_table(n):
    assert (runs.longest_run_max(n), runs.crossings_min(n)) == ANHOEJ_TABLE[n]


@pytest.mark.parametrize("n", [10, 24, 46, 90, 100])
def test_anhoej_thresholds_reported_per_part(n):
    r = analyse([0.0, 1.0] * (n // 2), chart="run")  # median 0.5: every point useful
    part = r.parts[0]
    assert part.n_useful == n
    assert (part.longest_run_max, part.crossings_min) == ANHOEJ_TABLE[n]


def test_anhoej_longest_run_signal_at_limit_plus_one():
    # n = 24: the limit is 8 (table above): a run of 8 is fine, 9 signals.
    ok = [0.0] * 8 + [1.0, 0.0] * 4 + [1.0] * 8
    bad = [0.0] * 9 + [1.0, 0.0] * 3 + [1.0] * 9
    r_ok, r_bad = analyse(ok, chart="run"), analyse(bad, chart="run")
    assert r_ok.parts[0].n_useful == 24 and r_ok.parts[0].longest_run == 8
    assert not r_ok.parts[0].runs_signal
    assert r_bad.parts[0].longest_run == 9 and r_bad.parts[0].runs_signal
    assert r_bad.points[0].signals == ("long_run",)


def test_anhoej_crossings_signal_below_limit():
    # n = 24, crossings limit 8: 8 crossings pass, 7 signal (no run longer than 8).
    eight = [0.0] * 3 + [1.0] * 3 + [0.0] * 3 + [1.0] * 3 + [0.0] * 2 + [1.0] * 3 + [0.0] * 2 + [1.0] * 3 + [0.0] * 2
    seven = [0.0] * 3 + [1.0] * 3 + [0.0] * 3 + [1.0] * 3 + [0.0] * 3 + [1.0] * 3 + [0.0] * 3 + [1.0] * 3
    a, b = analyse(eight, chart="run").parts[0], analyse(seven, chart="run").parts[0]
    assert (a.n_useful, a.crossings, a.runs_signal) == (24, 8, False)
    assert (b.n_useful, b.crossings, b.runs_signal) == (24, 7, True)


def test_points_on_the_median_are_not_useful():
    r = analyse([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3], chart="run")  # median 2
    assert r.parts[0].n_useful == 6


# Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for
# learning from variation in healthcare processes. BMJ Qual Saf 2011;20:46–51,
# Table 1 (too few / too many runs, from Swed & Eisenhart 1943).
@pytest.mark.parametrize("n,lower,upper", [(10, 3, 9), (24, 8, 18), (30, 11, 21)])
def test_ihi_runs_count_limits(n, lower, upper):
    assert runs.runs_limits(n) == (lower, upper)


def test_ihi_run_chart_shift_six_skips_points_on_median():
    # Perla 2011 rule 1: six or more consecutive points above (or below) the
    # median; a point on the median neither adds to nor breaks a shift.
    base = [3.0, 7.0] * 4                      # frozen baseline: median 5
    six = analyse(base + [7, 7, 7, 5, 7, 7, 7, 3], chart="run", rules="ihi", freeze=8)
    assert six.cl[0] == 5.0
    assert [i + 1 for i, p in enumerate(six.points) if "shift" in p.signals] == [
        8, 9, 10, 11, 13, 14, 15]
    five = analyse(base + [3, 7, 7, 5, 7, 7, 3], chart="run", rules="ihi", freeze=8)
    assert not any("shift" in p.signals for p in five.points)


def test_ihi_run_chart_shift_and_trend():
    base = [5, 3, 5, 3, 5, 3, 5, 3]
    shifted = base + [6, 7, 6, 7, 6, 7] + [3, 5]
    r = analyse(shifted, chart="run", rules="ihi")
    assert r.cl[0] == 5.0
    flagged = [i + 1 for i, p in enumerate(r.points) if "shift" in p.signals]
    assert flagged == [9, 10, 11, 12, 13, 14]
    # Rule 2: five or more points all going up (like values ignored).
    rising = [5, 3, 5, 3, 1, 2, 2, 3, 4, 6, 3, 5]
    t = analyse(rising, chart="run", rules="ihi")
    assert [i + 1 for i, p in enumerate(t.points) if "trend" in p.signals] == [5, 6, 8, 9, 10]
    four = analyse([5, 3, 5, 3, 1, 2, 3, 4, 3, 5], chart="run", rules="ihi")
    assert not any("trend" in p.signals for p in four.points)


# -- control-chart rule profiles, on standardised data (CL 0, σ 1, limits ±3) ----

def evaluate(profile, y, chart="i"):
    y = np.asarray(y, dtype=float)
    cl = np.zeros_like(y)
    return rules.evaluate(profile, chart, y, cl, cl - 3, cl + 3, y, np.ones(y.size, bool))


def names(pr):
    return [rules.signal_names(int(b)) for b in pr.bits]


# The Health Care Data Guide (Provost & Murray, Jossey-Bass 2011), Fig. 5.x
# rules: 1 point beyond 3σ; 8 in a row on one side; 6 in a row rising or
# falling; 2 of 3 beyond 2σ on the same side; 15 in a row within 1σ.
def test_hcdg_eight_on_one_side():
    assert all("shift" in s for s in names(evaluate("ihi", [0.5] * 8)))
    assert not any("shift" in s for s in names(evaluate("ihi", [0.5] * 7)))


def test_point_on_centre_line_breaks_a_run():
    assert not any("shift" in s for s in names(evaluate("ihi", [0.5] * 4 + [0] + [0.5] * 4)))


def test_hcdg_six_rising_and_tie_breaks_trend():
    six = [-1.0, -0.6, -0.2, 0.2, 0.6, 1.0]
    assert all("trend" in s for s in names(evaluate("ihi", six)))
    assert not any("trend" in s for s in names(evaluate("ihi", six[:5])))
    tied = [-1.0, -0.6, -0.2, -0.2, 0.2, 0.6, 1.0]
    assert not any("trend" in s for s in names(evaluate("ihi", tied)))


def test_two_of_three_beyond_two_sigma_same_side():
    got = names(evaluate("ihi", [2.5, 0.1, 2.5]))
    assert got == [["two_of_three"], [], ["two_of_three"]]
    assert names(evaluate("ihi", [2.5, 0.1, -2.5])) == [[], [], []]


def test_hcdg_fifteen_within_one_sigma():
    hug = [0.5, -0.5] * 7 + [0.5]
    assert all(s == ["within_1_sigma"] for s in names(evaluate("ihi", hug)))
    assert names(evaluate("ihi", hug[:14])) == [[]] * 14
    assert names(evaluate("nhs", hug)) == [[]] * 15  # not a Making Data Count rule


def test_outside_limits():
    assert names(evaluate("anhoej", [0, 3.5, -3.2, 2.9])) == [[], ["outside_limits"], ["outside_limits"], []]


# NHS England / NHS Improvement, Making Data Count: "Strengthening your
# decisions" (2019) and the SPC Excel tool rules: a point beyond the limits;
# a run of 7 points above or below the mean; 7 points consistently rising or
# falling; 2 of 3 points close to (beyond 2σ of) the limits.
def test_nhs_seven_on_one_side_and_seven_trend():
    assert all("shift" in s for s in names(evaluate("nhs", [0.5] * 7)))
    assert not any("shift" in s for s in names(evaluate("nhs", [0.5] * 6)))
    seven = [-1.2, -0.8, -0.4, -0.1, 0.3, 0.7, 1.1]
    assert all("trend" in s for s in names(evaluate("nhs", seven)))
    assert not any("trend" in s for s in names(evaluate("nhs", seven[:6])))


def test_nhs_xmr_limits_use_2_66_mean_moving_range():
    # Montgomery 6th ed. Example 6.5 (x̄ 300.5, MR̄ 7.79): 300.5 ± 2.66 × 7.79
    # = 279.78 / 321.22 — the Making Data Count constant gives the same limits.
    from spc_published_data import MORTGAGE_COST
    r = analyse(MORTGAGE_COST, chart="i", rules="nhs", screen_mr=False)
    assert r.ucl[0] == pytest.approx(321.22, abs=0.01)
    assert r.lcl[0] == pytest.approx(279.78, abs=0.01)


def test_nhs_improvement_concern_and_icons():
    base = [10.0, 11.0] * 10
    up = analyse(base + [30.0], chart="i", rules="nhs", direction="increase", target=5)
    assert up.points[-1].variation == "improvement"
    assert up.variation == "improvement_high"
    assert up.assurance == "consistent_pass"        # target below the LCL
    down = analyse(base + [30.0], chart="i", rules="nhs", direction="decrease", target=5)
    assert down.points[-1].variation == "concern" and down.variation == "concern_high"
    assert down.assurance == "consistent_fail"
    flat = analyse(base + [10.0], chart="i", rules="nhs", direction="increase", target=10.5)
    assert flat.variation == "common_cause" and flat.assurance == "inconsistent"
    neutral = analyse(base + [30.0], chart="i", rules="nhs")
    assert neutral.variation == "neutral_high" and neutral.assurance is None
    d = up.to_dict()
    assert d["variation"] == "improvement_high" and d["points"][-1]["variation"] == "improvement"


def test_mr_chart_has_no_runs_signal():
    r = analyse([1, 2] * 5 + [1, 10] * 5, chart="mr")
    assert not r.parts[0].runs_signal

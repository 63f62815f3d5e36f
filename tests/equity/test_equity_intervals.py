"""Confidence intervals against PHEindicatormethods' published test values, and the
distributions under them against published tables."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from phe_data import number, rows

from qisite.equity.distributions import chisq_quantile, gamma_p, gamma_q, normal_quantile
from qisite.equity.intervals import (
    byars_lower,
    byars_upper,
    proportion_interval,
    rate_interval,
    wilson_lower,
    wilson_upper,
)

REL = 1e-9  # PHEindicatormethods' expect_equal default is 1.5e-8; the fixtures hold R's full precision


@pytest.mark.parametrize(("p", "expected"), [
    # R's qnorm (Wichura's AS 241, the algorithm implemented here); Abramowitz & Stegun table 26.5 to 9 digits
    (0.975, 1.959963984540054), (0.999, 3.090232306167814), (0.5, 0.0), (0.025, -1.959963984540054),
    (0.995, 2.575829303548901),
])
def test_normal_quantile(p, expected):
    assert normal_quantile(p) == pytest.approx(expected, rel=1e-13, abs=1e-15)


@pytest.mark.parametrize(("p", "df", "expected"), [
    # Abramowitz & Stegun table 26.8 (percentage points of the chi-square distribution), to its 6 digits;
    # the exact rate limits below are held to R's qchisq at full precision by PHEindicatormethods' values
    (0.95, 10, 18.3070), (0.5, 1, 0.454936), (0.975, 4, 11.1433), (0.001, 20, 5.92104), (0.999, 1, 10.8276),
    (0.025, 2, 0.0506356),
])
def test_chisq_quantile(p, df, expected):
    assert chisq_quantile(p, df) == pytest.approx(expected, rel=2e-5)


def test_chisq_quantile_of_zero_degrees_is_zero_as_in_r():
    assert chisq_quantile(0.025, 0) == 0.0


@given(st.floats(0.05, 500), st.floats(0.0, 800))
def test_incomplete_gamma_halves_sum_to_one(a, x):
    assert gamma_p(a, x) + gamma_q(a, x) == pytest.approx(1.0, abs=1e-12)


@given(st.floats(0.01, 0.99), st.floats(0.1, 200))
def test_chisq_quantile_inverts_the_distribution(p, df):
    assert gamma_p(df / 2, chisq_quantile(p, df) / 2) == pytest.approx(p, abs=1e-12)


def _confidence(text):
    return float(text.rstrip("%")) / 100


@pytest.mark.parametrize("row", rows("phe_byars_wilson.csv"), ids=lambda r: f"{r['method']}-{r['x']}-{r['confidence']}")
def test_byars_and_wilson_match_phe(row):
    """testdata_Byars_Wilson.xlsx (PHEindicatormethods 093fd288), used by testByars.R and testWilson.R."""
    x, conf = float(row["x"]), _confidence(row["confidence"])
    if row["method"] == "Byars":
        lower, upper = byars_lower(x, conf), byars_upper(x, conf)
    else:
        n = float(row["n"])
        lower, upper = wilson_lower(x, n, conf), wilson_upper(x, n, conf)
    expected_lower = number(row["lowercl"])
    assert lower == (None if expected_lower is None else pytest.approx(expected_lower, rel=REL))
    assert upper == pytest.approx(float(row["uppercl"]), rel=REL)


def _complete(name):
    return [r for r in rows(name) if r["Numerator"] and r["Denominator"]]


@pytest.mark.parametrize("row", _complete("phe_proportion.csv"), ids=lambda r: r["Area"])
def test_phe_proportion(row):
    """testdata_Proportion.xlsx, sheet testdata_Prop (PHEindicatormethods 093fd288, testProportions.R)."""
    x, n, m = float(row["Numerator"]), float(row["Denominator"]), float(row["multiplier"])
    for conf, low, high in ((0.95, "lower95_0cl", "upper95_0cl"), (0.998, "lower99_8cl", "upper99_8cl")):
        ci = proportion_interval(x, n, conf)
        assert ci.method == row["method"] == "Wilson"
        assert ci.value * m == pytest.approx(float(row["value"]), rel=REL)
        assert ci.lower * m == pytest.approx(float(row[low]), rel=REL)
        assert ci.upper * m == pytest.approx(float(row[high]), rel=REL)


@pytest.mark.parametrize("row", _complete("phe_rate.csv"), ids=lambda r: f"{r['Area']}-{r['multiplier']}")
def test_phe_rate(row):
    """testdata_Rate.xlsx, sheet testdata_Rate (PHEindicatormethods 093fd288, testRates.R):
    exact limits below 10 events, Byar's from 10."""
    x, n, m = float(row["Numerator"]), float(row["Denominator"]), float(row["multiplier"])
    for conf, low, high in ((0.95, "lower95_0cl", "upper95_0cl"), (0.998, "lower99_8cl", "upper99_8cl")):
        ci = rate_interval(x, n, conf)
        assert ci.method == row["method"]
        assert ci.value * m == pytest.approx(float(row["value"]), rel=REL)
        assert ci.lower * m == pytest.approx(float(row[low]), rel=REL)
        assert ci.upper * m == pytest.approx(float(row[high]), rel=REL)


@given(st.floats(0, 1e6), st.floats(1e-3, 1e7))
def test_a_rate_interval_holds_its_value(x, n):
    ci = rate_interval(x, n)
    assert (ci.lower or 0.0) <= ci.value <= ci.upper


@given(st.floats(0, 1e6).flatmap(lambda x: st.tuples(st.just(x), st.floats(max(x, 1e-3), 1e7))))
def test_a_wilson_interval_holds_its_value_inside_0_1(xn):
    x, n = xn
    ci = proportion_interval(x, n)
    assert -1e-12 <= ci.lower <= ci.value + 1e-12 and ci.value - 1e-12 <= ci.upper <= 1 + 1e-12


def test_fractional_counts_are_accepted():
    """Modelled counts (testdata_Byars_Wilson holds x = 0.445 of n = 1)."""
    assert proportion_interval(0.445, 1).lower == pytest.approx(0.04381744772058822, rel=REL)
    assert math.isfinite(rate_interval(2.5, 100).lower)


@pytest.mark.parametrize(("x", "n"), [(-1, 10), (1, 0), (11, 10)])
def test_impossible_proportions_are_refused(x, n):
    with pytest.raises(ValueError):
        proportion_interval(x, n)

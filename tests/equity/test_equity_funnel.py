"""Funnel limits and flags against PHEindicatormethods' published funnel tests
(tests/testthat/testdata_funnel_*.csv, commit 093fd288, used by testFunnels.R)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phe_data import rows

from qisite.equity.funnel import funnel, funnel_limits
from qisite.spc import analyse


def _significance(unit) -> str:
    """PHEindicatormethods' labels, from the flags and the side of the target."""
    if unit.outside998:
        return "Low (0.001)" if unit.value < unit.lower998 else "High (0.001)"
    if unit.outside95:
        return "Low (0.025)" if unit.value < unit.lower95 else "High (0.025)"
    return "Not significant"


PROP = rows("phe_funnel_prop_inputs.csv")


def _prop_funnel():
    return funnel([r["Area"] for r in PROP], [float(r["numerator"]) for r in PROP],
                  [float(r["denominator"]) for r in PROP], chart="p", multiply=100)


def test_proportion_flags_match_phe():
    """assign_funnel_significance(statistic = "proportion"): all 303 areas (fractional numerators)."""
    result = _prop_funnel()
    assert [_significance(u) for u in result.units] == [r["significance"] for r in PROP]
    assert {_significance(u) for u in result.units} >= {"High (0.001)", "Low (0.001)", "Not significant"}


def test_proportion_limits_match_phe():
    """calculate_funnel_limits(statistic = "proportion", multiplier = 100): testdata_funnel_prop_outputs.csv,
    published to 6 decimals."""
    result = _prop_funnel()
    for r in rows("phe_funnel_prop_outputs.csv"):
        limits = result.limits_at(float(r["Population"]))
        assert result.target == pytest.approx(float(r["Baseline"]), abs=1e-6)
        assert limits.lower95 == pytest.approx(float(r["Lower2s0025limit"]), abs=1e-6)
        assert limits.upper95 == pytest.approx(float(r["Upper2s0025limit"]), abs=1e-6)
        assert limits.lower998 == pytest.approx(float(r["Lower3s0001limit"]), abs=1e-6)
        assert limits.upper998 == pytest.approx(float(r["Upper3s0001limit"]), abs=1e-6)


RATES = rows("phe_funnel_rate_dsr_inputs.csv")


@pytest.mark.parametrize(("column", "rate", "multiplier", "keep_zero"), [
    ("crude_per_100000_with_0", "rate_crude_per_100000", 1e5, True),
    ("crude_per_100_with_0", "rate_crude_per_100", 100, True),
    ("crude_per_100000_without_0", "rate_crude_per_100000", 1e5, False),
    ("crude_per_100_without_0", "rate_crude_per_100", 100, False),
])
def test_rate_flags_match_phe(column, rate, multiplier, keep_zero):
    """assign_funnel_significance(statistic = "rate", rate_type = "crude"): the denominator is
    multiplier × count / rate (the population when there are no events), as Funnels.R derives it."""
    data = [r for r in RATES if keep_zero or float(r["count"]) != 0]
    counts = [float(r["count"]) for r in data]
    dens = [float(r["pop"]) if c == 0 else multiplier * c / float(r[rate]) for r, c in zip(data, counts)]
    result = funnel([str(i) for i in range(len(data))], counts, dens, chart="u", multiply=multiplier)
    assert [_significance(u) for u in result.units] == [r[column] for r in data]


def _rate_target(events):
    inputs = rows("phe_funnel_rate_input_funnels.csv")
    rates = [float(r["rate"]) for r in inputs]
    return sum(events) / sum(1e5 * e / r for e, r in zip(events, rates))


@pytest.mark.parametrize(("fixture", "small_events"), [("phe_funnel_rate_outputs.csv", False),
                                                        ("phe_funnel_rate_outputs_2.csv", True)])
def test_rate_limits_match_phe_curve(fixture, small_events):
    """calculate_funnel_limits(statistic = "rate", multiplier = 1e5, years_of_data = 3): at the population where
    PHE's line passes through E events. Below 10 events both are exact Poisson limits (agreement to PHE's own
    bisection tolerance); from 10 events qisite's line is Byar's (the test PHE flags units with), within Byar's error."""
    events = [float(r["ev"]) for r in rows("phe_funnel_rate_input_funnels.csv")]
    if small_events:  # testFunnels.R: the largest count replaced by 5
        events[events.index(max(events))] = 5.0
    target = _rate_target(events)
    worst_exact = worst_byar = 0.0
    for r in rows(fixture):
        e = float(r["Events"])
        assert target * 1e5 == pytest.approx(float(r["baseline"]), rel=1e-9)
        for side, attr in (("lower_2s", "lower95"), ("upper_2s", "upper95"), ("lower_3s", "lower998"), ("upper_3s", "upper998")):
            n = float(r[f"{side}_population_1_year"]) * 3
            got = getattr(funnel_limits("rate", target, n), attr) * 1e5
            error = abs(got / float(r[f"{side}_limit"]) - 1)
            if e < 10:
                worst_exact = max(worst_exact, error)
            else:
                worst_byar = max(worst_byar, error)
    assert worst_exact < 2e-5
    assert worst_byar < 0.008


def test_overdispersion_is_laneys_as_the_pp_chart():
    """The adjusted 99.8% limits are Laney's p′ limits (qisite's pp chart, held to qicharts2 in tests/spc)
    at z = Φ⁻¹(0.999) instead of 3."""
    units = PROP[:40]
    y, n = [float(r["numerator"]) for r in units], [float(r["denominator"]) for r in units]
    result = funnel([r["Area"] for r in units], y, n, chart="p", overdispersion=True)
    pp = analyse(y, n, chart="pp", screen_mr=False)
    half_3sigma = np.array([p.ucl - p.cl for p in pp.points])
    half_998 = np.array([u.upper998 - result.target for u in result.units])
    assert half_998 == pytest.approx(half_3sigma * 3.090232306167814 / 3, rel=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["p", "u"]), st.floats(0.01, 0.9), st.lists(st.floats(5, 1e5), min_size=2, max_size=20))
def test_units_at_the_target_are_never_outside(chart, rate, dens):
    result = funnel([f"u{i}" for i in range(len(dens))], [rate * d for d in dens], dens, chart=chart)
    assert not any(u.outside95 for u in result.units)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["proportion", "rate"]), st.floats(0.01, 0.9), st.floats(2, 1e5))
def test_the_funnel_narrows_as_the_denominator_grows(family, target, n):
    small, large = funnel_limits(family, target, n), funnel_limits(family, target, 4 * n)
    assert small.lower998 <= small.lower95 <= target <= small.upper95 <= small.upper998
    assert small.lower95 <= large.lower95 + 1e-12 and large.upper95 <= small.upper95 + 1e-12

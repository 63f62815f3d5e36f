"""Invariants of the period-by-period equity statistics (qisite.equity.periods)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qisite.equity import analyse_equity, gap, people_behind_gap

QUINTILES = ["Q1", "Q2", "Q3", "Q4", "Q5"]


def _rows(counts, dens, periods=("2024-01",)):
    x, g, y, n = [], [], [], []
    for period in periods:
        for name, c, d in zip(QUINTILES, counts, dens):
            x.append(period)
            g.append(name)
            y.append(c)
            n.append(d)
    return x, g, y, n


groups = st.lists(st.tuples(st.floats(0.05, 0.95), st.floats(20, 5000)), min_size=5, max_size=5)


@settings(max_examples=30, deadline=None)
@given(st.floats(0.05, 0.95), st.lists(st.floats(20, 5000), min_size=5, max_size=5), st.sampled_from(["p", "u"]))
def test_equal_groups_have_no_gap(rate, dens, chart):
    result = analyse_equity(*_rows([rate * d for d in dens], dens), chart=chart, reference="Q5",
                            order=QUINTILES, multiply=100, repetitions=1000)
    for g in result.periods[0].gaps:
        assert g.absolute == pytest.approx(0, abs=1e-9)
        assert g.relative == pytest.approx(1)
        assert g.people == pytest.approx(0, abs=1e-6)
    assert result.periods[0].sii.sii == pytest.approx(0, abs=1e-6)


@given(st.floats(0, 1), st.floats(0, 1e6))
def test_people_behind_the_gap_is_zero_for_the_reference(rate, n):
    assert people_behind_gap(rate, rate, n) == 0
    assert gap("ref", rate, rate, n).people == 0


@settings(max_examples=30, deadline=None)
@given(groups)
def test_people_behind_the_gap_sum_to_the_shortfall_at_the_reference_rate(data):
    """Σ people = Σ nᵢ × reference rate − Σ countsᵢ over the other groups: the counts they would have had."""
    props, dens = (list(c) for c in zip(*data))
    counts = [p * d for p, d in zip(props, dens)]
    result = analyse_equity(*_rows(counts, dens), chart="p", reference="Q5")
    ref = counts[-1] / dens[-1]
    total = sum(g.people for g in result.periods[0].gaps)
    assert total == pytest.approx(sum(d * ref - c for c, d in zip(counts[:-1], dens[:-1])), rel=1e-9, abs=1e-6)
    assert [g.group for g in result.periods[0].gaps] == QUINTILES[:-1]


@settings(max_examples=20, deadline=None)
@given(groups)
def test_the_sii_flips_sign_when_the_order_is_reversed(data):
    props, dens = (list(c) for c in zip(*data))
    rows = _rows([p * d for p, d in zip(props, dens)], dens)
    forward = analyse_equity(*rows, chart="p", reference="Q5", order=QUINTILES, repetitions=1000).periods[0].sii
    backward = analyse_equity(*rows, chart="p", reference="Q5", order=QUINTILES[::-1], repetitions=1000).periods[0].sii
    assert backward.sii == pytest.approx(-forward.sii, rel=1e-9, abs=1e-12)
    assert backward.rii == pytest.approx(1 / forward.rii, rel=1e-9)


def test_values_and_gaps_are_in_the_measures_units():
    result = analyse_equity(*_rows([10, 20, 30, 40, 50], [100] * 5), chart="p", reference="Q5", multiply=100)
    q1 = result.periods[0].groups[0]
    assert (q1.value, result.periods[0].gaps[0].absolute, result.periods[0].gaps[0].people) == pytest.approx((10, -40, 40))
    assert q1.lower95 < 10 < q1.upper95
    assert result.periods[0].sii is None and result.to_dict()["ordered"] is None


def test_rows_sharing_a_period_and_group_are_summed_and_periods_keep_their_order():
    x = ["b", "a", "b", "b"]
    g = ["Q1", "Q1", "Q5", "Q1"]
    result = analyse_equity(x, g, [1, 2, 3, 4], [10, 10, 10, 10], chart="u", reference="Q5")
    assert [p.x for p in result.periods] == ["b", "a"]
    assert (result.periods[0].groups[0].y, result.periods[0].groups[0].n) == (5, 20)
    assert result.periods[1].gaps[0].absolute is None   # no reference in period "a"


def test_a_period_missing_an_ordered_group_has_no_sii():
    x, g, y, n = _rows([10, 20, 30, 40, 50], [100] * 5, periods=("p1",))
    x += ["p2"] * 4
    g += QUINTILES[:4]
    y += [10, 20, 30, 40]
    n += [100] * 4
    result = analyse_equity(x, g, y, n, chart="p", reference="Q4", order=QUINTILES, repetitions=1000)
    assert result.periods[0].sii is not None and result.periods[1].sii is None



def test_an_rii_without_a_value_is_null_in_the_json():
    """When the fitted line is 0 at the most deprived end the RII (a ratio to it) has no value: null, not NaN."""
    import json
    import math
    from dataclasses import replace

    result = analyse_equity(*_rows([100, 300, 500, 700, 900], [1000] * 5), chart="p", reference="Q5",
                            order=QUINTILES, repetitions=1000)
    period = result.periods[0]
    broken = replace(period, sii=replace(period.sii, rii=math.nan, rii_upper=math.inf))
    doc = json.loads(json.dumps(broken.to_dict(), allow_nan=False))
    assert doc["rii"] is None and doc["rii_upper95"] is None and doc["sii"] == pytest.approx(period.sii.sii)

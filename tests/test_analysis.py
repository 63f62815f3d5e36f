"""The bridge from project folders (dates) to the SPC engine (point positions)."""

import datetime as dt

import pytest

from qisite.analysis import analyse_measure, series_of
from qisite.model import Exclusion, Measure, Observation, PartStart

D = dt.date


def measure(rows, **options):
    base = dict(id="m", title="M", type="outcome", definition="d", data="d.csv", x="date", y="y", chart="c")
    return Measure(**{**base, **options}, observations=tuple(rows))


def monthly(values, group=None, n=None):
    return [Observation(D(2021, 1 + i % 12, 1) if i < 12 else D(2022, 1 + i % 12, 1), v,
                        None if n is None else n[i], group, i + 2) for i, v in enumerate(values)]


def test_dates_become_qicharts2_positions():
    rows = monthly(range(14))[::-1]  # CSV rows in any order
    m = measure(rows, freeze=D(2021, 4, 1), parts=(PartStart(D(2021, 7, 1)), PartStart(D(2022, 1, 1))),
                exclude=(Exclusion(D(2021, 2, 1), "closed"),))
    [s] = series_of(m)
    assert s.x[0] == D(2021, 1, 1) and s.y[:3] == (0, 1, 2)
    assert s.freeze == 4            # Jan–Apr form the baseline
    assert s.parts == (6, 12)       # part 1 ends in June, part 2 in December
    assert s.exclude == (2,)


def test_c_chart_of_a_measure_montgomery_7_3():
    """Montgomery, Introduction to SQC (6th ed.), Example 7.3: c̄ = 19.85, limits 6.48–33.22.

    With samples 6 and 20 excluded (assignable causes) the revised limits are 19.67, 6.36–32.97.
    Montgomery computes the limits from c̄ rounded to two places (19.85 ± 3√19.85), so the
    published limits differ from the exact ones (516/26 ± …) by up to 0.01.
    """
    counts = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15]
    rows = [Observation(D(2021, 1, 1) + dt.timedelta(days=i), c, line=i + 2) for i, c in enumerate(counts)]
    first = analyse_measure(measure(rows)).results[None]
    assert first.cl[0] == pytest.approx(19.85, abs=0.005)
    assert (first.lcl[0], first.ucl[0]) == (pytest.approx(6.48, abs=0.012), pytest.approx(33.22, abs=0.012))
    excluded = (Exclusion(rows[5].x, "inspection error"), Exclusion(rows[19].x, "temperature control"))
    revised = analyse_measure(measure(rows, exclude=excluded)).results[None]
    assert revised.cl[0] == pytest.approx(19.67, abs=0.005)
    assert (revised.lcl[0], revised.ucl[0]) == (pytest.approx(6.36, abs=0.012), pytest.approx(32.97, abs=0.012))


def test_stratified_measure_gets_a_series_per_group_and_a_gap():
    young = monthly([50, 52, 54, 56], "24-49", [100] * 4)
    old = monthly([60, 61, 62, 63], "50-64", [100] * 4)
    m = measure(young + old, chart="p", n="n", group="band", reference_group="50-64", multiply=100)
    analysis = analyse_measure(m)
    assert set(analysis.results) == {"24-49", "50-64"}
    gap = analysis.gaps["24-49"]
    assert list(gap.gap) == pytest.approx([-0.10, -0.09, -0.08, -0.07])


def test_gap_uses_only_shared_periods_and_their_own_positions():
    young = monthly([50, 52, 54, 56, 58, 60], "young", [100] * 6)[1:]      # February onwards
    old = monthly([60, 61, 62, 63, 64, 65], "old", [100] * 6)
    m = measure(young + old, chart="p", n="n", group="band", reference_group="old",
                freeze=D(2021, 3, 1), parts=(PartStart(D(2021, 5, 1)),))
    gap = analyse_measure(m).gaps["young"]
    assert gap.x[0] == D(2021, 2, 1) and len(gap.gap) == 5
    assert gap.result.parts[0].n_baseline == 2           # February and March
    assert [p.part for p in gap.result.parts] == [1, 2]   # a new part from May

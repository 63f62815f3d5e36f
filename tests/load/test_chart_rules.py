"""Data rules that come from the chart-type registry (spc/chart_types.py)."""
from __future__ import annotations

import pytest

from qisite.load.observations import load_observations
from qisite.model import Measure, Positions
from qisite.problems import Location, Problems
from qisite.spc.chart_types import chart_type, names_where


def _load(tmp_path, chart: str, csv: str, **fields):
    (tmp_path / "d.csv").write_text(csv, encoding="utf-8")
    measure = Measure(id="m", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y",
                      chart=chart, at=Positions(Location(tmp_path / "measures.yaml", 3)), **fields)
    problems = Problems()
    return load_observations(measure, tmp_path, "iso", problems), problems


@pytest.mark.parametrize("chart", ["c", "g", "pareto"])
def test_counts_cannot_be_negative(tmp_path, chart):
    x = "waiting" if chart == "pareto" else "2024-01-01"
    _, problems = _load(tmp_path, chart, f"x,y\n{x},-3\n")
    assert any("a count cannot be negative" in p.message for p in problems.errors), problems.errors


def test_measurements_may_be_negative(tmp_path):
    _, problems = _load(tmp_path, "i", "x,y\n2024-01-01,-3\n2024-02-01,2\n")
    assert not problems.errors


def test_a_proportion_cannot_exceed_its_denominator_but_a_rate_can(tmp_path):
    _, problems = _load(tmp_path, "p", "x,y,n\n2024-01-01,12,10\n", n="n")
    assert any("larger than the denominator" in p.message for p in problems.errors)
    _, problems = _load(tmp_path, "u", "x,y,n\n2024-01-01,12,10\n", n="n")
    assert not problems.errors


@pytest.mark.parametrize("chart", ["g", "t", "xbar", "s"])
def test_events_and_subgroup_observations_may_share_a_date(tmp_path, chart):
    _, problems = _load(tmp_path, chart, "x,y\n2024-01-01,3\n2024-01-01,4\n")
    assert not any("appears twice" in p.message for p in problems.errors)


def test_other_charts_have_one_row_per_date(tmp_path):
    _, problems = _load(tmp_path, "c", "x,y\n2024-01-01,3\n2024-01-01,4\n")
    assert any("appears twice" in p.message for p in problems.errors)


@pytest.mark.parametrize("chart", ["p", "pp", "c", "u", "up", "g"])
def test_a_non_integer_count_is_an_error_at_its_csv_line(tmp_path, chart):
    """The UX review's defect 7: 70.6 of 126 (a percentage typed as a count) passed silently."""
    n = "n" if chart_type(chart).needs_denominator else None
    csv = "x,y,n\n2024-01-01,40,126\n2024-02-01,70.6,126\n" if n else "x,y\n2024-01-01,4\n2024-02-01,70.6\n"
    _, problems = _load(tmp_path, chart, csv, **({"n": n} if n else {}))
    (error,) = problems.errors
    assert error.where == Location(tmp_path / "d.csv", 3)
    assert "70.6 is not a whole number" in error.message and f"a {chart} chart" in error.message
    assert "percentage" in error.hint
    if n:
        assert "about 89" in error.hint        # 70.6% of 126


@pytest.mark.parametrize("chart", ["i", "run", "t", "xbar"])
def test_measurements_may_be_fractional(tmp_path, chart):
    _, problems = _load(tmp_path, chart, "x,y\n2024-01-01,70.6\n2024-02-01,3.25\n")
    assert not problems.errors


def test_the_fraction_rule_is_declared_on_the_registry():
    assert names_where(whole_counts=True) == ("c", "u", "p", "pp", "up", "g")

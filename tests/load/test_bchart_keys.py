"""A b chart measure (docs/format.md, docs/spc.md "B chart"): its keys target, freeze,
odds_ratio and cusum_limit reach the sums, and bad input is a located problem with a hint."""
from __future__ import annotations

import pytest

from qisite.analysis import analyse_measure
from qisite.load.observations import load_observations
from qisite.model import Measure, Positions
from qisite.problems import Location, Problems

OUTCOMES = [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
CSV = "date,event\n" + "".join(f"2024-01-{1 + i // 2:02d},{v}\n" for i, v in enumerate(OUTCOMES))


def _load(tmp_path, csv: str = CSV, chart: str = "b", **fields):
    (tmp_path / "d.csv").write_text(csv, encoding="utf-8")
    measure = Measure(id="m", title="t", type="balancing", definition="d", data="d.csv", x="date", y="event",
                      chart=chart, at=Positions(Location(tmp_path / "measures.yaml", 3)), **fields)
    problems = Problems()
    return load_observations(measure, tmp_path, "iso", problems), problems


def test_rows_share_dates_and_the_keys_reach_the_sums(tmp_path):
    measure, problems = _load(tmp_path, target=0.05, odds_ratio=3.0, cusum_limit=2.0)
    assert not problems.errors, problems.errors
    analysis = analyse_measure(measure)
    result = analysis.cusum
    assert result is not None and not analysis.results
    assert (result.target, result.odds_ratio, result.limit, len(result)) == (0.05, 3.0, 2.0, 20)


def test_freeze_estimates_the_target_from_the_baseline_cases(tmp_path):
    measure, problems = _load(tmp_path, freeze=10)
    assert not problems.errors
    result = analyse_measure(measure).cusum
    assert result is not None and result.baseline == 10 and result.target == pytest.approx(0.2)
    import datetime as dt
    measure, problems = _load(tmp_path, freeze=dt.date(2024, 1, 2))     # the first 4 cases, one event
    assert analyse_measure(measure).cusum.target == pytest.approx(0.25)


@pytest.mark.parametrize("csv_rows,message,hint", [
    ("2024-01-01,0\n2024-01-01,2\n", "a b chart needs 0 or 1 for each case, found 2", "write 1 when the case had"),
    ("2024-01-01,0\n2024-01-02,\n", "found an empty cell", "one row per case"),
    ("2024-01-01,0\n2024-01-02,0.5\n", "found 0.5", "a count per period belongs on a p or c chart"),
])
def test_a_value_that_is_not_0_or_1_is_located(tmp_path, csv_rows, message, hint):
    _, problems = _load(tmp_path, "date,event\n" + csv_rows, target=0.1)
    [problem] = problems.errors
    assert message in problem.message and hint in problem.hint
    assert problem.where.line == 3 and problem.where.file.name == "d.csv"


@pytest.mark.parametrize("fields,key,message", [
    ({"target": 2.0}, "target", "a b chart's target is a risk between 0 and 1"),
    ({"target": 0.1, "freeze": 5}, "freeze", "not both"),
    ({"odds_ratio": 1.0}, "odds_ratio", "odds_ratio must be above 1"),
    ({"cusum_limit": -1.0}, "cusum_limit", "cusum_limit must be above 0"),
    ({"n": "event"}, "n", "a b chart does not use 'n'"),
    ({"multiply": 100.0}, "multiply", "no multiplier"),
    ({"counts": "people"}, "counts", "does not use 'counts'"),
])
def test_located_problems_in_measures_yaml(tmp_path, fields, key, message):
    _, problems = _load(tmp_path, **fields)
    assert any(message in p.message for p in problems.errors), problems.errors


def test_target_as_a_percentage_gets_a_hint(tmp_path):
    _, problems = _load(tmp_path, target=2.0)
    [problem] = problems.errors
    assert "(2% is 0.02)" in problem.hint


def test_a_baseline_without_events_cannot_give_a_target(tmp_path):
    _, problems = _load(tmp_path, freeze=2)
    [problem] = problems.errors
    assert "none of the 2 baseline cases" in problem.message and "give 'target'" in problem.hint


def test_b_keys_on_another_chart_are_an_error(tmp_path):
    csv = "date,event\n" + "".join(f"2024-{m:02d}-01,{m}\n" for m in range(1, 13))
    _, problems = _load(tmp_path, csv, chart="c", odds_ratio=2.0)
    assert any("'odds_ratio' is a key of b charts" in p.message for p in problems.errors)


def test_disclosure_control_leaves_a_b_chart_as_it_is(tmp_path):
    """A B chart publishes no count per period (docs/spc.md, "B chart"; docs/privacy.md)."""
    from qisite.privacy.disclosure import protected, publishable

    measure, _ = _load(tmp_path, target=0.05)
    assert not protected(measure, 5)
    analysis = analyse_measure(measure)
    assert publishable(analysis, 5) is analysis

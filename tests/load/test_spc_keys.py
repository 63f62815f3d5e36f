"""Measure keys of SPC completeness (docs/spc.md): located problems for
centre, lower_limit/upper_limit and rebase, and same_date letting rows share a date."""
from __future__ import annotations

import pytest

from qisite.analysis import analyse_measure
from qisite.load.observations import load_observations
from qisite.model import Measure, Positions
from qisite.problems import Location, Problems

CSV = "x,y\n" + "".join(f"2024-{m:02d}-01,{v}\n" for m, v in zip(range(1, 13), [3, 5, 4, 6, 5, 4, 6, 5, 4, 5, 6, 4]))


def _load(tmp_path, chart: str, csv: str = CSV, **fields):
    (tmp_path / "d.csv").write_text(csv, encoding="utf-8")
    measure = Measure(id="m", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y",
                      chart=chart, at=Positions(Location(tmp_path / "measures.yaml", 3)), **fields)
    problems = Problems()
    return load_observations(measure, tmp_path, "iso", problems), problems


@pytest.mark.parametrize("chart,fields,message", [
    ("g", {"centre": 3.0}, "centre line cannot be given"),
    ("i", {"lower_limit": 1.0}, "gives one control limit but not the other"),
    ("i", {"lower_limit": 9.0, "upper_limit": 2.0}, "lower_limit must be below upper_limit"),
    ("i", {"centre": 20.0, "lower_limit": 1.0, "upper_limit": 9.0}, "lower_limit must be below upper_limit"),
    ("run", {"lower_limit": 1.0, "upper_limit": 9.0}, "has no control limits to give"),
    ("i", {"rebase": "auto"}, "re-bases a run chart's median"),
])
def test_located_problems(tmp_path, chart, fields, message):
    _, problems = _load(tmp_path, chart, **fields)
    assert any(message in p.message for p in problems.errors), problems.errors


def test_given_lines_reach_the_analysis(tmp_path):
    measure, problems = _load(tmp_path, "i", centre=5.0, lower_limit=2.0, upper_limit=8.0)
    assert not problems.errors
    result = analyse_measure(measure).results[None]
    assert (result.cl == 5.0).all() and (result.lcl == 2.0).all() and (result.ucl == 8.0).all()


def test_same_date_mean_lets_rows_share_a_date(tmp_path):
    csv = CSV + "2024-12-01,8\n"
    _, problems = _load(tmp_path, "i", csv)
    assert any("appears twice" in p.message for p in problems.errors)
    measure, problems = _load(tmp_path, "i", csv, same_date="mean")
    assert not problems.errors
    assert analyse_measure(measure).results[None].y[-1] == 6.0      # (4 + 8) / 2

"""Small projects built in code for the chart tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from qisite.model import Aim, DriverDiagram, Measure, Observation, PartStart, PdsaCycle, Project

# Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 7.3:
# nonconformities in 26 samples of 100 circuit boards; c̄ 19.85, limits 6.48–33.22,
# samples 6 (5) and 20 (39) outside.
MONTGOMERY_7_3 = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39,
                  30, 24, 16, 19, 17, 15]
AFTER = [12, 10, 14, 11, 9, 13, 12, 10, 11, 12]          # a second part (illustrative)
START = dt.date(2022, 1, 3)


def weeks(k: int) -> list[dt.date]:
    return [START + dt.timedelta(weeks=i) for i in range(k)]


def measure(**over) -> Measure:
    values = MONTGOMERY_7_3 + AFTER
    xs = weeks(len(values))
    fields = dict(
        id="nonconformities", title="Nonconformities per 100 boards", type="outcome",
        definition="Montgomery Example 7.3", data="data/boards.csv", x="week", y="count", chart="c",
        period="week", unit="nonconformities", direction="decrease",
        parts=(PartStart(xs[26], "After the new solder mask"),),
        observations=tuple(Observation(x, float(v)) for x, v in zip(xs, values)))
    fields.update(over)
    return Measure(**fields)


def cycle(cid: str, start: dt.date, title: str = "Test a change", measures=("nonconformities",)) -> PdsaCycle:
    return PdsaCycle(id=cid, title=title, change_idea="idea", start=start, plan="p", prediction="q",
                     measures=tuple(measures))


def project(measures, cycles=()) -> Project:
    return Project(id="demo", folder=Path("."), title="Demo", summary="s", team="t", organisation="o",
                   equity_areas=("age",), stage="test", started=START, population="p", equity_gap="g",
                   affected_group="a", aim=Aim(statement="aim"), drivers=DriverDiagram(),
                   measures=tuple(measures), cycles=tuple(cycles))

"""A loaded measure → its SPC analysis (pure computation, no I/O).

Bridges the project folder format (dates for freeze, part starts and
exclusions; one CSV row per period and group) and the SPC engine (1-based point
positions, as in qicharts2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qisite import spc
from qisite.model import Measure, Observation
from qisite.spc.chart_types import chart_type


@dataclass(frozen=True)
class Series:
    """One line of a measure's chart: the points of one group (or of all rows)."""

    group: str | None
    x: tuple
    y: tuple
    n: tuple | None
    freeze: int | None
    parts: tuple[int, ...]
    exclude: tuple[int, ...]


@dataclass(frozen=True)
class MeasureAnalysis:
    measure: Measure
    series: tuple[Series, ...]
    results: dict            # group (None when unstratified) → spc.SpcResult
    summaries: dict          # group → spc.Summary
    gaps: dict               # group → spc.GapResult (stratified measures only)
    icons: dict | None = None  # group → (variation, assurance): Making Data Count icons from the last point
    suppressed: dict | None = None  # group → per point, what a table shows instead of a withheld value ("" when shown)

    def withheld(self, group, index: int) -> str:
        """"<5" or "suppressed" when disclosure control withholds this point's figures (qisite.privacy), else ""."""
        labels = (self.suppressed or {}).get(group, ())
        return labels[index] if index < len(labels) else ""


def series_of(measure: Measure) -> tuple[Series, ...]:
    """The measure's points, one series per group, in date order."""
    groups = measure.groups() or (None,)
    return tuple(_series(measure, [o for o in measure.observations if o.group == g], g) for g in groups)


def _series(measure: Measure, rows: list[Observation], group: str | None) -> Series:
    if measure.chart != "pareto":
        rows = sorted(rows, key=lambda o: o.x)
    if chart_type(measure.chart).one_row_per_event:  # one point per event, never summed
        x, y = [o.x for o in rows], [o.y for o in rows]
        return Series(group, tuple(x), tuple(y), None, _freeze_points(measure, x), _part_ends(measure, x),
                      _excluded(measure, x))
    x, y, n = spc.aggregate([o.x for o in rows], [o.y for o in rows],
                            [o.n for o in rows] if measure.n else None, chart=measure.chart,
                            same_date=measure.same_date or "sum")
    return Series(group, tuple(x), tuple(y), None if n is None else tuple(n),
                  _freeze_points(measure, x), _part_ends(measure, x), _excluded(measure, x))


def _freeze_points(measure: Measure, x: list) -> int | None:
    if isinstance(measure.freeze, int):
        return min(measure.freeze, len(x)) or None
    if isinstance(measure.freeze, dt.date):
        return sum(1 for d in x if d <= measure.freeze) or None
    return None


def _part_ends(measure: Measure, x: list) -> tuple[int, ...]:
    """qicharts2 parts: the 1-based position where each part ends."""
    ends = (sum(1 for d in x if d < part.start) for part in measure.parts)
    return tuple(sorted({e for e in ends if 0 < e < len(x)}))


def _excluded(measure: Measure, x: list) -> tuple[int, ...]:
    wanted = {e.date for e in measure.exclude}
    return tuple(i for i, d in enumerate(x, start=1) if d in wanted)


def analyse_measure(measure: Measure, rules: str = "anhoej") -> MeasureAnalysis:
    """SPC for every series of a measure, with summaries and equity gaps."""
    series = series_of(measure)
    if measure.chart == "pareto":
        return MeasureAnalysis(measure, series, {}, {}, {}, {})
    results, summaries, icons = {}, {}, {}
    for s in series:
        result = _analyse(s, measure, rules)
        results[s.group] = result
        summaries[s.group] = spc.summarise(result, _values(s, measure), s.n)
        icons[s.group] = _icons(result) if rules == "nhs" else _icons(_analyse(s, measure, "nhs"))
    return MeasureAnalysis(measure, series, results, summaries, _gaps(measure, series, rules), icons)


def _icons(result) -> tuple[str | None, str | None]:
    return result.variation, result.assurance


def _analyse(s: Series, measure: Measure, rules: str):
    return spc.analyse(_values(s, measure), s.n, chart=measure.chart, x=s.x, freeze=s.freeze,
                       parts=s.parts or None, exclude=s.exclude, multiply=measure.multiply,
                       rules=rules, direction=measure.direction, target=measure.target,
                       shift=measure.shift, trend=measure.trend, centre=measure.centre,
                       limits=given_limits(measure), trajectory=trajectory_values(measure, s.x),
                       rebase=measure.rebase)


def trajectory_values(measure: Measure, x: tuple) -> list[float] | None:
    """The trajectory's value at each point: the latest step dated on or
    before the point (NaN before the first step); None without a trajectory."""
    if not measure.trajectory:
        return None
    steps = sorted(measure.trajectory, key=lambda step: step.date)
    values = []
    for d in x:
        known = [step.value for step in steps if isinstance(d, dt.date) and step.date <= d]
        values.append(known[-1] if known else float("nan"))
    return values


def given_limits(measure: Measure) -> tuple[float, float] | None:
    """The control limits the team gave, when it gave both."""
    if measure.lower_limit is None or measure.upper_limit is None:
        return None
    return measure.lower_limit, measure.upper_limit


def _values(s: Series, measure: Measure):
    return [list(v) for v in s.y] if chart_type(measure.chart).subgroups else list(s.y)


def _gaps(measure: Measure, series: tuple[Series, ...], rules: str) -> dict:
    """Each group's gap to the reference group, over the periods both have."""
    if not measure.stratified or chart_type(measure.chart).subgroups:
        return {}
    reference = next(s for s in series if s.group == measure.reference_group)
    assert reference.group is not None, "a stratified measure's series all name their group"
    gaps = {}
    for s in series:
        if s is reference:
            continue
        assert s.group is not None, "a stratified measure's series all name their group"
        shared = [d for d in reference.x if d in set(s.x)]
        if not shared:
            continue
        gaps.update(spc.gap_analysis({reference.group: (reference.x, reference.y, reference.n), s.group: (s.x, s.y, s.n)},
                                     reference.group, chart="i", multiply=measure.multiply, rules=rules,
                                     freeze=_freeze_points(measure, shared), parts=_part_ends(measure, shared) or None))
    return gaps

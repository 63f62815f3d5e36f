"""A measure's analysis → the analysis every output receives (pure: no I/O).

This is the one place between analysis and rendering where disclosure control
is applied (qisite.site.context calls it for every measure): pages, data
tables, chart tooltips and descriptions, CSV downloads, search and feeds all
read the analysis it returns, so no renderer can publish a small count by
forgetting a rule. The rules themselves are in :mod:`qisite.privacy.small_numbers`.

What changes in a measure that counts people:

- a hidden point's numerator and denominator (``Series.y``/``Series.n``), its
  value and its control limits (``SpcResult.y``, ``n``, ``lcl``, ``ucl``) become
  NaN: the chart leaves a gap there. Every other point's rate is plotted. A
  hidden rate is not, because the published centre line is a total: with it,
  one exact rate and the other points, the hidden count can be solved for; the
  width of a p or u chart's limits gives the denominator back;
- the gap between a group and its reference group is blanked wherever either
  side is hidden (with the reference's rate, the gap is the hidden rate);
- ``MeasureAnalysis.suppressed`` says, per group and point, what a table shows
  instead of the value ("<5" or "suppressed");
- a Pareto chart of people combines its small categories.

A B chart is left as it is, like the g and t charts: its rows are cases, one
per row with their date and 0/1 outcome, and it plots two cumulative sums, not
a count per period (docs/spc.md, "B chart").
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np

from qisite.analysis import MeasureAnalysis, Series
from qisite.model import Measure
from qisite.privacy.small_numbers import (
    COUNT,
    PROPORTION,
    RATE,
    CountRow,
    PublishedRow,
    merge_small_categories,
    suppress,
)
from qisite.spc.chart_types import chart_type

PEOPLE, EVENTS = "people", "events"


def counts_of(measure: Measure) -> str:
    """What a measure counts: as declared (``counts:``), else people for p and pp charts, events otherwise."""
    if measure.counts:
        return measure.counts
    return PEOPLE if chart_type(measure.chart).counts == PEOPLE else EVENTS


def kind_of(measure: Measure) -> str:
    if chart_type(measure.chart).proportion:
        return PROPORTION
    return RATE if measure.n else COUNT


def protected(measure: Measure, threshold: int) -> bool:
    """Whether disclosure control applies: counts of people, a threshold above 1, a chart of counts."""
    kind = chart_type(measure.chart)
    # not subgroup SDs or moving ranges; a B chart plots cumulative sums and publishes no count (docs/spc.md)
    charts_counts = ((not kind.subgroups and kind.runs_rules) or not kind.spc) and not kind.cusum
    return threshold > 1 and counts_of(measure) == PEOPLE and charts_counts


def publishable(analysis: MeasureAnalysis, threshold: int) -> MeasureAnalysis:
    """The analysis as it may be published (unchanged when the measure is not protected)."""
    measure = analysis.measure
    if not protected(measure, threshold):
        return analysis
    if measure.chart == "pareto":
        return dataclasses.replace(analysis, series=tuple(_merged(s, threshold) for s in analysis.series))
    kind = kind_of(measure)
    published = _suppressed(analysis, kind, threshold)
    if not any(row.hidden for rows in published.values() for row in rows):
        return analysis
    series = tuple(_series(s, published[s.group]) for s in analysis.series)
    results = {group: _result(result, published[group]) for group, result in analysis.results.items()}
    gaps = _gaps(analysis, published)
    labels = {group: tuple(row.label for row in rows) for group, rows in published.items()}
    return dataclasses.replace(analysis, series=series, results=results, gaps=gaps, suppressed=labels)


def _suppressed(analysis: MeasureAnalysis, kind: str, threshold: int) -> dict[Any, tuple[PublishedRow, ...]]:
    """Every group's points, suppressed together (so a period's groups protect one another)."""
    rows, owners = [], []
    for s in analysis.series:
        result = analysis.results[s.group]
        for i, x in enumerate(s.x):
            numerator, denominator = _number(s.y[i]), _number(s.n[i]) if s.n is not None else None
            value = _number(result.y[i])  # the result has one point per point of its series
            rows.append(CountRow(s.group, x, numerator, denominator, value, int(result.part[i]),
                                 bool(result.baseline[i] and result.included[i])))
            owners.append(s.group)
    if chart_type(analysis.measure.chart).one_row_per_event:  # one row per event: no two share a period block
        rows = [dataclasses.replace(r, x=(r.x, i)) for i, r in enumerate(rows)]
    published = suppress(rows, kind, threshold)
    by_group: dict[Any, list[PublishedRow]] = {}
    for owner, row in zip(owners, published):
        by_group.setdefault(owner, []).append(row)
    return {group: tuple(found) for group, found in by_group.items()}


def _number(value) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _hidden(rows: tuple[PublishedRow, ...]) -> np.ndarray:
    return np.array([row.hidden for row in rows], dtype=bool)


def _series(s: Series, rows: tuple[PublishedRow, ...]) -> Series:
    hidden = _hidden(rows)
    y = tuple(math.nan if h else v for v, h in zip(s.y, hidden))
    n = None if s.n is None else tuple(math.nan if h else v for v, h in zip(s.n, hidden))
    return dataclasses.replace(s, y=y, n=n)


def _result(result, rows: tuple[PublishedRow, ...]):
    hidden = _hidden(rows)
    if not hidden.any():
        return result
    return dataclasses.replace(result, **{column: _blank(getattr(result, column), hidden)
                                          for column in ("y", "n", "lcl", "ucl")})


def _blank(column: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    out = np.array(column, dtype=float, copy=True)
    out[hidden[: out.size]] = np.nan
    return out


def _gaps(analysis: MeasureAnalysis, published: dict[Any, tuple[PublishedRow, ...]]) -> dict:
    """A gap gives a hidden value back from the other side's: blank it wherever either side is hidden."""
    events = chart_type(analysis.measure.chart).one_row_per_event  # their rows were keyed (date, position): see _suppressed
    hidden = {(group, _period(row.x) if events else row.x) for group, rows in published.items() for row in rows if row.hidden}
    gaps = {}
    for group, gap in analysis.gaps.items():
        mask = np.array([(group, x) in hidden or (gap.reference, x) in hidden for x in gap.x], dtype=bool)
        if mask.any():
            result = dataclasses.replace(gap.result, y=_blank(gap.result.y, mask))
            gap = dataclasses.replace(gap, gap=_blank(gap.gap, mask), result=result)
        gaps[group] = gap
    return gaps


def _period(key: Any) -> Any:
    return key[0]


def _merged(s: Series, threshold: int) -> Series:
    categories, counts = merge_small_categories(s.x, s.y, threshold)
    return dataclasses.replace(s, x=categories, y=counts, n=None)


__all__ = ["EVENTS", "PEOPLE", "RATE", "counts_of", "kind_of", "protected", "publishable"]

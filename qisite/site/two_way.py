"""A two-factor measure's latest period as a two-way table (pure: no I/O).

A measure stratified by two columns (``group: [ethnicity, language]``) is
analysed one combination at a time, as any stratified measure; this table puts
the combinations back on two axes (rows: the first factor's values, columns:
the second's) so that a reader sees in which combination the gap sits. It is
built from the publishable analysis (qisite.privacy.disclosure), so a
withheld cell says so ("<5" or "suppressed") and never shows its value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qisite.analysis import MeasureAnalysis


@dataclass(frozen=True)
class TwoWayCell:
    group: str                 # the combination's name, as on the charts ('Bangladeshi × English')
    value: float | None        # the latest period's value, unscaled (None when withheld or missing)
    withheld: str = ""         # "<5" or "suppressed" when disclosure control withholds it
    reference: bool = False    # the reference combination


@dataclass(frozen=True)
class TwoWayTable:
    columns: tuple[str, str]                    # the two group columns: rows, then columns
    row_values: tuple[str, ...]                 # the first factor's values, in first-seen order
    column_values: tuple[str, ...]              # the second factor's values
    period: Any                                 # the latest period of the measure (a date)
    cells: dict[tuple[str, str], TwoWayCell]    # (row value, column value) → cell; absent: no data that period

    def cell(self, row: str, column: str) -> TwoWayCell | None:
        return self.cells.get((row, column))


def two_way_table(analysis: MeasureAnalysis) -> TwoWayTable | None:
    """The latest period of a two-factor measure, one cell per combination (None for other measures)."""
    measure = analysis.measure
    if not measure.two_factor or not analysis.results:
        return None
    factors: dict[str, tuple[str, ...]] = {}
    for obs in measure.observations:
        if obs.group is not None and len(obs.factors) == 2:
            factors.setdefault(obs.group, obs.factors)
    periods = [x for result in analysis.results.values() for x in result.x]
    if not periods:
        return None
    latest = max(periods)
    cells = {}
    for group, result in analysis.results.items():
        if group not in factors or latest not in list(result.x):
            continue
        index = list(result.x).index(latest)
        withheld = analysis.withheld(group, index)
        value = None if withheld else float(result.y[index])
        cells[factors[group]] = TwoWayCell(group, value, withheld, group == measure.reference)
    first, second = measure.group_columns
    return TwoWayTable((first, second), tuple(dict.fromkeys(f[0] for f in factors.values())),
                       tuple(dict.fromkeys(f[1] for f in factors.values())), latest,
                       {(k[0], k[1]): v for k, v in cells.items()})

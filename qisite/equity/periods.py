"""Equity statistics of a stratified measure, period by period (``qisite equity``).

Rows (period, group, count, denominator) sharing a period and a group are summed,
as ``qisite spc`` sums rows sharing an x. For each period: each group's value with
its 95% interval (:mod:`qisite.equity.intervals`), each group's gap to the
reference group (:mod:`qisite.equity.gaps`) and, for groups given in an order,
the SII and RII (:mod:`qisite.equity.sii`). Periods and groups keep the order in
which they first appear (ordered groups come first, in their order).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from qisite.equity.gaps import Gap, gap
from qisite.equity.intervals import interval_charts, proportion_interval, rate_interval
from qisite.equity.sii import MAX_QUANTILES, MIN_QUANTILES, REPETITIONS, SiiResult, sii
from qisite.spc.chart_types import PROPORTION, chart_type

__all__ = ["EquityResult", "GroupValue", "Period", "analyse_equity"]


@dataclass(frozen=True)
class GroupValue:
    group: str
    y: float
    n: float
    value: float | None      # × multiply; None without a denominator
    lower95: float | None
    upper95: float | None

    def to_dict(self) -> dict:
        return {"group": self.group, "y": self.y, "n": self.n, "value": self.value,
                "lower95": self.lower95, "upper95": self.upper95}


@dataclass(frozen=True)
class Period:
    x: str
    groups: tuple[GroupValue, ...]
    gaps: tuple[Gap, ...]
    sii: SiiResult | None

    def to_dict(self) -> dict:
        s = self.sii
        figures = (s.sii, s.sii_lower, s.sii_upper, s.rii, s.rii_lower, s.rii_upper) if s else (None,) * 6
        names = ("sii", "sii_lower95", "sii_upper95", "rii", "rii_lower95", "rii_upper95")
        # an RII has no value when the line's value at rank 0 is 0: null, never NaN in the JSON
        return {"x": self.x, "groups": [g.to_dict() for g in self.groups], "gaps": [g.to_dict() for g in self.gaps],
                **{name: _finite(v) for name, v in zip(names, figures)}}


@dataclass(frozen=True)
class EquityResult:
    chart: str
    reference: str
    ordered: tuple[str, ...] | None   # most deprived first
    multiply: float
    periods: tuple[Period, ...]

    def to_dict(self) -> dict:
        """The ``qisite equity --json`` contract (docs/equity.md)."""
        return {"chart": self.chart, "reference": self.reference,
                "ordered": list(self.ordered) if self.ordered is not None else None,
                "periods": [p.to_dict() for p in self.periods]}


def _finite(v: float | None) -> float | None:
    return v if v is not None and math.isfinite(v) else None


def analyse_equity(x: Sequence, group: Sequence, y: Sequence[float], n: Sequence[float], *, chart: str,
                   reference: str, order: Sequence[str] | None = None, multiply: float = 1.0,
                   repetitions: int = REPETITIONS) -> EquityResult:
    """Values, intervals, gaps and (with ``order``) SII/RII for every period."""
    if chart not in interval_charts():
        raise ValueError(f"equity statistics need counts over a denominator: chart {', '.join(interval_charts())}, not {chart!r}")
    if not (len(x) == len(group) == len(y) == len(n)):
        raise ValueError("x, group, y and n must have the same length")
    family = chart_type(chart).family
    sums: dict[str, dict[str, list[float]]] = {}
    seen: dict[str, None] = {}
    for xi, gi, yi, ni in zip(x, group, y, n):
        cell = sums.setdefault(str(xi), {}).setdefault(str(gi), [0.0, 0.0])
        cell[0] += yi
        cell[1] += ni
        seen.setdefault(str(gi))
    if reference not in seen:
        raise ValueError(f"reference group {reference!r} is not among the groups: {', '.join(seen)}")
    ordered = tuple(order) if order is not None else None
    if ordered is not None:
        unknown = [g for g in ordered if g not in seen]
        if unknown:
            raise ValueError(f"--order names groups that are not in the data: {', '.join(unknown)} (groups: {', '.join(seen)})")
        if len(set(ordered)) != len(ordered):
            raise ValueError("--order names a group twice")
        if not MIN_QUANTILES <= len(ordered) <= MAX_QUANTILES:
            raise ValueError(f"the SII needs {MIN_QUANTILES} to {MAX_QUANTILES} ordered groups (as phe_sii), not {len(ordered)}")
    names = list(ordered or ()) + [g for g in seen if g not in (ordered or ())]
    interval = proportion_interval if family == PROPORTION else rate_interval
    periods = []
    for xi, cells in sums.items():
        values: dict[str, GroupValue] = {}
        rates: dict[str, tuple[float, float, float, float]] = {}   # natural scale: rate, lower, upper, n
        for name in names:
            if name not in cells:
                continue
            yi, ni = cells[name]
            if ni > 0:
                ci = interval(yi, ni)
                lower, upper = _finite(ci.lower), _finite(ci.upper)
                rates[name] = (ci.value, math.nan if lower is None else lower, math.nan if upper is None else upper, ni)
                values[name] = GroupValue(name, yi, ni, ci.value * multiply,
                                          None if lower is None else lower * multiply,
                                          None if upper is None else upper * multiply)
            else:
                values[name] = GroupValue(name, yi, ni, None, None, None)
        ref = rates.get(reference)
        gaps = tuple(gap(name, ref and ref[0], rates[name][0] if name in rates else None,
                         rates[name][3] if name in rates else None, multiply)
                     for name in names if name != reference and name in cells)
        result = None
        if ordered is not None and all(g in rates and math.isfinite(rates[g][1]) and math.isfinite(rates[g][2])
                                       for g in ordered):
            result = sii([rates[g][3] for g in ordered], [rates[g][0] for g in ordered],
                         lower=[rates[g][1] for g in ordered], upper=[rates[g][2] for g in ordered],
                         multiplier=multiply, repetitions=repetitions)
        periods.append(Period(xi, tuple(values.values()), gaps, result))
    return EquityResult(chart, reference, ordered, multiply, tuple(periods))

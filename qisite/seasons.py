"""Seasonal measures: does a baseline cover whole years, and how to read the chart (pure).

A measure that rises and falls with the time of year (winter admissions, summer
falls in attendance) read on a chart whose baseline covers, say, 18 months has
one season counted twice in its centre line and limits; every winter then looks
like a special cause, or none does. Two honest readings (docs/spc.md; Provost &
Murray, The Health Care Data Guide, 2011, on seasonal patterns; NHS England,
Making Data Count): a baseline that covers whole years, or a comparison of each
period with the same period a year earlier. The check (qisite.load.observations)
and the case study both use :func:`coverage` and the sentences built here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

PER_YEAR = {"day": 365, "week": 52, "fortnight": 26, "month": 12, "quarter": 4, "year": 1}
_LOOSE = {"day": 1, "week": 1, "fortnight": 1}    # a 53-week year, a leap day: one period more or less per year


@dataclass(frozen=True)
class Coverage:
    """How much of a year a baseline covers."""

    points: int
    period: str | None
    years: float           # the baseline's length in years (periods ÷ periods a year, or days ÷ 365.25)

    @property
    def whole(self) -> bool:
        if self.period in PER_YEAR:
            per = PER_YEAR[self.period]
            full = round(self.points / per)
            return full >= 1 and abs(self.points - full * per) <= _LOOSE.get(self.period, 0) * full
        full = round(self.years)
        return full >= 1 and abs(self.years - full) <= 0.05

    @property
    def words(self) -> str:
        """'24 months (2 years)', '18 months', '30 weeks'."""
        unit = self.period or "point"
        length = f"{self.points} {unit}{'' if self.points == 1 else 's'}"
        if self.whole:
            n = round(self.years)
            return f"{length} ({n} whole year{'' if n == 1 else 's'})"
        return length


def coverage(dates: Sequence[dt.date], period: str | None) -> Coverage:
    """The coverage of a baseline made of these (sorted) dates."""
    points = len(dates)
    if period in PER_YEAR:
        return Coverage(points, period, points / PER_YEAR[period])
    if points < 2:
        return Coverage(points, period, 0.0)
    step = (dates[-1] - dates[0]).days / (points - 1)
    return Coverage(points, period, ((dates[-1] - dates[0]).days + step) / 365.25)


def reading(cover: Coverage) -> str:
    """The case study's sentence on how to read a seasonal measure's chart."""
    lead = ("This measure rises and falls with the time of year (it is marked seasonal). ")
    if cover.whole:
        return (lead + f"Its baseline covers {cover.words}, so every season weighs the same in the centre line "
                "and limits: a seasonal peak inside the limits is common-cause variation, not a signal. "
                "To judge a change, compare a period with the same period a year earlier.")
    return (lead + f"Its baseline covers {cover.words}, not whole years, so some seasons weigh more than "
            "others in the centre line and limits: read a signal in a peak season with care, and compare "
            "a period with the same period a year earlier.")


def advice(cover: Coverage) -> str:
    """The check's hint when a seasonal measure's baseline is not whole years."""
    per = PER_YEAR.get(cover.period or "")
    adjective = "daily" if cover.period == "day" else f"{cover.period}ly"
    whole = f"{per}, {2 * per} or {3 * per} {adjective} points" if per and per > 1 else "whole years"
    return (f"freeze the baseline at {whole} so every season weighs the same, or read each period against "
            "the same period a year earlier (docs/spc.md, 'Seasonal measures')")


@dataclass(frozen=True)
class YearOnYear:
    """A series' latest published period against the same period a year earlier (values as charted)."""

    group: str | None
    latest: dt.date
    value: float
    earlier: dt.date
    earlier_value: float


def year_on_year(group: str | None, xs: Sequence, ys: Sequence[float], shown) -> YearOnYear | None:
    """The latest point with a published value and the point a year before it (within 3 days, for
    weekly data), or None. ``shown(i)``: whether point i's value may be published."""
    from qisite.headway import months_before

    def usable(i: int) -> bool:
        return isinstance(xs[i], dt.date) and math.isfinite(float(ys[i])) and shown(i)

    latest = next((i for i in reversed(range(len(xs))) if usable(i)), None)
    if latest is None:
        return None
    target = months_before(xs[latest], 12)
    earlier = next((i for i in range(len(xs)) if usable(i) and abs((xs[i] - target).days) <= 3), None)
    if earlier is None:
        return None
    return YearOnYear(group, xs[latest], float(ys[latest]), xs[earlier], float(ys[earlier]))

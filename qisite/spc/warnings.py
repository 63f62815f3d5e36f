"""Checks that turn into warnings on a result (never errors)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from .chart_types import chart_type

MIN_POINTS = 12  # limits on fewer baseline points are provisional (one constant: load/ warns with it too)
OVERDISPERSION = 2.0  # Laney σz above which p/u limits look too narrow
GAP_FACTOR = 1.5      # a step longer than 1.5 × the usual one leaves a gap
PERIOD_DAYS = {"day": 1, "week": 7, "fortnight": 14}
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}

_ISO = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def as_date(v) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and _ISO.match(v.strip()):
        s = v.strip()
        try:
            return dt.date.fromisoformat(s if len(s) == 10 else s + "-01")
        except ValueError:
            return None
    return None


def few_points(part: int, used: int, chart: str) -> str | None:
    if not chart_type(chart).has_limits or used >= MIN_POINTS:
        return None
    return (f"part {part}: limits rest on {used} point{'s' if used != 1 else ''} "
            f"(fewer than {MIN_POINTS}); treat them as provisional")


def usual_step(dates: Sequence[dt.date]) -> float:
    """The median number of days between consecutive dates."""
    return float(np.median(np.diff([d.toordinal() for d in dates]))) if len(dates) > 1 else 0.0


def date_gaps_between(dates: Sequence[dt.date], period: str | None = None) -> list[tuple[dt.date, dt.date]]:
    """Consecutive (increasing) dates that leave a gap: more than one calendar
    month, quarter or year apart, or more than 1.5 × the period's days (with no
    period: 1.5 × the usual step). The one rule behind the loader's and the
    engine's date-gap warnings."""
    if period in PERIOD_MONTHS:
        def months(a: dt.date, b: dt.date) -> int:
            return (b.year - a.year) * 12 + b.month - a.month
        return [(a, b) for a, b in pairwise(dates) if months(a, b) > PERIOD_MONTHS[period]]
    step = PERIOD_DAYS[period] if period in PERIOD_DAYS else usual_step(dates)
    return [(a, b) for a, b in pairwise(dates) if (b - a).days > GAP_FACTOR * step]


def _add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in range(d.day, 27, -1):              # 31 Jan + 1 month: the last day of February
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, min(d.day, 28))


def missing_periods(dates: Sequence[dt.date], period: str | None) -> list[dt.date]:
    """The periods with no date, inside each gap that :func:`date_gaps_between` finds
    (so the chart and the check agree): the dates the missing rows would have had,
    stepping the period on from the date before the gap. Empty without a regular period."""
    if period not in PERIOD_DAYS and period not in PERIOD_MONTHS:
        return []
    out: list[dt.date] = []
    for before, after in date_gaps_between(dates, period):
        k = 1
        while True:
            if period in PERIOD_MONTHS:
                step = _add_months(before, k * PERIOD_MONTHS[period])
                if (after.year - step.year) * 12 + after.month - step.month <= 0:
                    break
            else:
                step = before + dt.timedelta(days=k * PERIOD_DAYS[period])
                if (after - step).days < PERIOD_DAYS[period] * (GAP_FACTOR - 1):
                    break
            out.append(step)
            k += 1
    return out


def date_gaps(x) -> list[str]:
    """Warn where dated x values are out of order or leave gaps larger than
    1.5 × the usual interval."""
    if x is None or len(x) < 3:
        return []
    dates = [as_date(v) for v in x]
    if any(d is None for d in dates):
        return []
    known = [d for d in dates if d is not None]
    if any(b <= a for a, b in pairwise(known)):
        return ["dates are not in increasing order; points are plotted in the order given"]
    gaps = date_gaps_between(known)
    if not gaps:
        return []
    shown = ", ".join(f"{a.isoformat()} → {b.isoformat()}" for a, b in gaps[:3])
    more = f" and {len(gaps) - 3} more" if len(gaps) > 3 else ""
    return [(f"dates have {len(gaps)} gap{'s' if len(gaps) > 1 else ''} longer than the usual "
             f"{usual_step(known):g}-day interval: {shown}{more}")]


def overdispersion(part: int, chart: str, sigma_z: float) -> str | None:
    laney = chart_type(chart).laney_version
    if not laney or not np.isfinite(sigma_z) or sigma_z <= OVERDISPERSION:
        return None
    return (f"part {part}: {chart} limits look over-dispersed (Laney σz = {sigma_z:.2f}); "
            f"consider the {chart}′ chart (--chart {laney})")


def unused_lengths(rules: str, shift: int | None, trend: int | None) -> list[str]:
    """Shift and trend lengths mean nothing to the Anhøj rules, whose runs
    limits follow from the number of useful points."""
    given = [f"{name} {v}" for name, v in (("shift", shift), ("trend", trend)) if v is not None]
    if rules != "anhoej" or not given:
        return []
    return [f"{' and '.join(given)} not used: the anhoej rules have no fixed shift or trend length "
            "(their runs limits depend on the number of points); choose the ihi or nhs rules"]

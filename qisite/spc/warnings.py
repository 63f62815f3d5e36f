"""Checks that turn into warnings on a result (never errors)."""
from __future__ import annotations

import datetime as dt
import re

import numpy as np

from .chart_types import chart_type

MIN_POINTS = 12  # limits on fewer baseline points are provisional (one constant: load/ warns with it too)
OVERDISPERSION = 2.0  # Laney σz above which p/u limits look too narrow

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


def date_gaps(x) -> list[str]:
    """Warn where dated x values are out of order or leave gaps larger than
    1.5 × the usual interval."""
    if x is None or len(x) < 3:
        return []
    dates = [as_date(v) for v in x]
    if any(d is None for d in dates):
        return []
    days = np.array([d.toordinal() for d in dates])
    step = np.diff(days)
    if (step <= 0).any():
        return ["dates are not in increasing order; points are plotted in the order given"]
    usual = float(np.median(step))
    gaps = np.flatnonzero(step > 1.5 * usual)
    if not gaps.size:
        return []
    shown = ", ".join(f"{dates[g].isoformat()} → {dates[g + 1].isoformat()}" for g in gaps[:3])
    more = f" and {gaps.size - 3} more" if gaps.size > 3 else ""
    return [f"dates have {gaps.size} gap{'s' if gaps.size > 1 else ''} longer than the usual "
            f"{usual:g}-day interval: {shown}{more}"]


def overdispersion(part: int, chart: str, sigma_z: float) -> str | None:
    laney = chart_type(chart).laney_version
    if not laney or not np.isfinite(sigma_z) or sigma_z <= OVERDISPERSION:
        return None
    return (f"part {part}: {chart} limits look over-dispersed (Laney σz = {sigma_z:.2f}); "
            f"consider the {chart}′ chart (--chart {laney})")

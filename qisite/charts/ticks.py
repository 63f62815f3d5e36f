"""X-axis ticks for dated series: labels formatted for the measure's period,
and few enough to read at the page's chart width. Pure Python (no matplotlib),
so the ticks are part of a chart's spec and its cache key."""
from __future__ import annotations

import datetime as dt
import math
from itertools import pairwise

from .text import MONTHS

NICE_MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 36, 60)


def infer_period(xs) -> str | None:
    """The period of regular dated points (for labels), or None when irregular."""
    if len(xs) < 2:
        return None
    gaps = sorted((b - a).days for a, b in pairwise(xs))
    for name, (lo, hi) in {"day": (1, 1), "week": (7, 7), "fortnight": (14, 14), "month": (28, 31),
                           "quarter": (89, 92), "year": (365, 366)}.items():
        regular = sum(1 for g in gaps if lo <= g <= hi)
        if regular >= 0.8 * len(gaps):               # event dates (g, t charts) are irregular: None
            return name
    return None


def date_ticks(xs: list, period: str | None, max_ticks: int = 10) -> list[tuple[float, str]]:
    """(position, label) ticks; a label has a second line with the year where it changes."""
    if not xs:
        return []
    period = period or infer_period(xs)
    if period in ("month", "quarter", "year") or period is None:
        return _calendar_ticks(xs, period, max_ticks + (2 if period == "quarter" else 0))
    if (xs[-1] - xs[0]).days > 550:                  # over 18 months of weeks: label months, not days
        return _calendar_ticks(xs, None, max_ticks)
    return _point_ticks(xs, max_ticks if period == "day" else min(max_ticks, 9))


def _calendar_ticks(xs, period, max_ticks):
    """Ticks on month starts, every ``step`` months aligned to January."""
    first, last = xs[0], xs[-1]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    base = {"quarter": 3, "year": 12}.get(period, 1)
    step = next((s for s in NICE_MONTH_STEPS if s % base == 0 and math.ceil(months / s) <= max_ticks),
                12 * math.ceil(months / 12 / max_ticks))
    lo = first if period is None else dt.date(first.year, first.month, 1)
    ticks, year_seen = [], None
    for index in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
        day = dt.date(index // 12, index % 12 + 1, 1)
        if index % step or day < lo or day > last:
            continue
        ticks.append((float(day.toordinal()), _calendar_label(day, period, year_seen != day.year)))
        year_seen = day.year
    return ticks


def _calendar_label(d: dt.date, period, new_year: bool) -> str:
    if period == "year":
        return f"{d.year}"
    text = f"Q{(d.month - 1) // 3 + 1}" if period == "quarter" else MONTHS[d.month - 1]
    return f"{text}\n{d.year}" if new_year else text


def _point_ticks(xs, max_ticks):
    step = max(1, math.ceil(len(xs) / max_ticks))
    ticks, year_seen = [], None
    for d in xs[::step]:
        text = f"{d.day} {MONTHS[d.month - 1]}"
        ticks.append((float(d.toordinal()), f"{text}\n{d.year}" if d.year != year_seen else text))
        year_seen = d.year
    return ticks


def index_ticks(labels: list, max_ticks: int = 12) -> list[tuple[float, str]]:
    """Ticks for undated points (positions 1…N): every k-th label."""
    step = max(1, math.ceil(len(labels) / max_ticks))
    return [(float(i + 1), str(labels[i])) for i in range(0, len(labels), step)]

"""Words for charts: date labels, chart and centre-line names, plurals and
sentences. Values are formatted by :mod:`qisite.numbers` (re-exported here)."""
from __future__ import annotations

import datetime as dt

from qisite.numbers import ValueFormat, axis_label, decimals_for, number, value_format  # noqa: F401  (one home: qisite.numbers)
from qisite.spc.chart_types import chart_type

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- dates ------------------------------------------------------------------

def date_label(d, period: str | None) -> str:
    if not isinstance(d, dt.date):
        return str(d)
    if period == "year":
        return f"{d.year}"
    if period == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if period == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def span(xs, period: str | None) -> str:
    if not xs:
        return ""
    first, last = date_label(xs[0], period), date_label(xs[-1], period)
    return first if first == last else f"{first} to {last}"


# --- the text alternatives ------------------------------------------------------

def centre_word(chart: str) -> str:
    return chart_type(chart).centre_word


def chart_label(chart: str) -> str:
    """"Control chart (p)": the chart type's name for people."""
    return chart_type(chart).label


def plural(k: int, word: str) -> str:
    if k == 1:
        return f"{k} {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{k} {word[:-1]}ies"
    return f"{k} {word}s"


def sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


# --- rule profiles ------------------------------------------------------------------

RULE_LABELS = {
    "anhoej": "Anhøj rules",
    "ihi": "IHI rules (Provost & Murray)",
    "nhs": "Making Data Count rules",
}
"""The name for people of each rule profile of qisite.spc.rules.PROFILES (a test holds them in step)."""


def rule_label(profile: str) -> str:
    """"Making Data Count rules": a rule profile's name as pages and captions state it."""
    return RULE_LABELS.get(profile, f"{profile} rules")

"""Confidence intervals for a group's value, as UKHSA's PHEindicatormethods computes them.

- proportions: Wilson's score interval (``phe_proportion``; Wilson 1927;
  Newcombe & Altman in *Statistics with Confidence*, 2000, pp. 46–48);
- rates: exact limits from the chi-square distribution below 10 events, Byar's
  approximation from 10 events (``phe_rate``; Breslow & Day 1987).

Counts may be fractional (modelled counts): every formula takes a real count.
A confidence level is a fraction (0.95, 0.998). Results are on the natural scale
(a proportion of 1, a rate per 1 unit of denominator); callers multiply.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from qisite.equity.distributions import chisq_quantile, normal_quantile
from qisite.spc.chart_types import CHART_TYPES, PROPORTION, RATE

__all__ = [
    "Interval",
    "byars_lower",
    "byars_upper",
    "exact_lower",
    "exact_upper",
    "interval_charts",
    "proportion_interval",
    "rate_interval",
    "two_sided_z",
    "wilson_lower",
    "wilson_upper",
]

EXACT_BELOW = 10  # phe_rate: exact limits below 10 events, Byar's method from 10


def interval_charts() -> tuple[str, ...]:
    """The chart types whose values are a count over a denominator with an interval here
    (proportions and rates: the chart types with a Laney version), e.g. for ``--chart``."""
    return tuple(t.name for t in CHART_TYPES if t.laney_version and t.family in (PROPORTION, RATE))


@dataclass(frozen=True)
class Interval:
    value: float
    lower: float | None
    upper: float | None
    method: str  # "Wilson", "Exact" or "Byars", as PHEindicatormethods names them


def two_sided_z(confidence: float) -> float:
    """z for a two-sided interval: Φ⁻¹(confidence + (1 − confidence)/2)."""
    _check_confidence(confidence)
    return normal_quantile(confidence + (1 - confidence) / 2)


def _check_confidence(confidence: float) -> None:
    if not 0.5 <= confidence < 1:
        raise ValueError(f"confidence {confidence!r} must be a fraction between 0.5 and 1 (0.95, not 95)")


def wilson_lower(x: float, n: float, confidence: float = 0.95) -> float:
    z = two_sided_z(confidence)
    return (2 * x + z * z - z * math.sqrt(z * z + 4 * x * (1 - x / n))) / 2 / (n + z * z)


def wilson_upper(x: float, n: float, confidence: float = 0.95) -> float:
    z = two_sided_z(confidence)
    return (2 * x + z * z + z * math.sqrt(z * z + 4 * x * (1 - x / n))) / 2 / (n + z * z)


def byars_lower(x: float, confidence: float = 0.95) -> float | None:
    """Byar's lower limit for a count; None where it would be negative (PHEindicatormethods: NA)."""
    if x <= 0:
        return None
    z = two_sided_z(confidence)
    value = x * (1 - 1 / (9 * x) - z / (3 * math.sqrt(x))) ** 3
    return None if value < 0 else value


def byars_upper(x: float, confidence: float = 0.95) -> float:
    z = two_sided_z(confidence)
    return (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * math.sqrt(x + 1))) ** 3


def exact_lower(x: float, confidence: float = 0.95) -> float:
    """qchisq((1 − confidence)/2, 2x) / 2: 0 for no events."""
    _check_confidence(confidence)
    return chisq_quantile((1 - confidence) / 2, 2 * x) / 2


def exact_upper(x: float, confidence: float = 0.95) -> float:
    """qchisq(confidence + (1 − confidence)/2, 2x + 2) / 2."""
    _check_confidence(confidence)
    return chisq_quantile(confidence + (1 - confidence) / 2, 2 * x + 2) / 2


def _check_counts(x: float, n: float) -> None:
    if not (math.isfinite(x) and math.isfinite(n)):
        raise ValueError("count and denominator must be numbers")
    if x < 0:
        raise ValueError(f"count {x:g} is negative")
    if n <= 0:
        raise ValueError(f"denominator {n:g} must be greater than zero")


def proportion_interval(x: float, n: float, confidence: float = 0.95) -> Interval:
    """``phe_proportion``: x/n with Wilson's score interval."""
    _check_counts(x, n)
    if x > n:
        raise ValueError(f"count {x:g} is more than its denominator {n:g}")
    return Interval(x / n, wilson_lower(x, n, confidence), wilson_upper(x, n, confidence), "Wilson")


def rate_interval(x: float, n: float, confidence: float = 0.95) -> Interval:
    """``phe_rate``: x/n with exact limits below 10 events and Byar's from 10."""
    _check_counts(x, n)
    if x < EXACT_BELOW:
        return Interval(x / n, exact_lower(x, confidence) / n, exact_upper(x, confidence) / n, "Exact")
    lower = byars_lower(x, confidence)
    return Interval(x / n, None if lower is None else lower / n, byars_upper(x, confidence) / n, "Byars")

"""Funnel plots (Spiegelhalter, *Stat Med* 2005;24:1185) as PHEindicatormethods draws them.

Units (teams, practices, wards) are compared with the pooled target — total
count over total denominator — by limits that narrow as the denominator grows,
at 95% and 99.8%. PHEindicatormethods (``R/Funnels.R``) uses two methods:

- **proportions** (``sigma_adjustment``): the limit at denominator n is the
  proportion whose Wilson score interval just reaches the target — a closed form
  in n, the target and z = Φ⁻¹(0.975) or Φ⁻¹(0.999); shown clamped to [0, 1];
- **rates** (``assign_funnel_significance`` / ``funnel_ratio_significance``): a
  unit is outside when its ``phe_rate`` interval — exact (chi-square) below 10
  events, Byar's from 10 — excludes the target. The limit at denominator n is the
  rate at which that happens: the event count E whose interval bound equals
  target × n, divided by n. (``calculate_funnel_limits`` draws its line from exact
  Poisson tails at whole event counts; below 10 events the two are the same, from
  10 they differ by Byar's approximation error: in PHEindicatormethods' own test
  data under 0.8% of the limit just above 10 events, under 0.02% from 100.)

A unit is outside a limit when its value is strictly beyond it, as in
PHEindicatormethods. With ``overdispersion`` the limits are Laney's (as qicharts2's
p′ and u′ charts): target ± z × σᵢ × σz, σᵢ the binomial or Poisson standard
error at the unit's denominator and σz the mean moving range of the units'
z-scores / 1.128, the units taken in their given order, unscreened.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qisite.equity.distributions import gamma_p, normal_quantile
from qisite.equity.intervals import EXACT_BELOW, byars_lower, byars_upper, interval_charts
from qisite.spc import limits as spc_limits
from qisite.spc.chart_types import PROPORTION, RATE, chart_type

__all__ = ["LEVELS", "FunnelLimits", "FunnelResult", "FunnelUnit", "funnel", "funnel_limits"]

LEVELS = (0.95, 0.998)  # two-sided: 2.5% and 0.1% in each tail


@dataclass(frozen=True)
class FunnelLimits:
    """Limits at one denominator, on the natural scale (a proportion of 1, a rate per unit)."""

    lower95: float
    upper95: float
    lower998: float
    upper998: float


# -- proportions: PHEindicatormethods' sigma_adjustment ----------------------------

def proportion_limit(p: float, n: float, target: float, side: str) -> float:
    """``sigma_adjustment(p, n, target, side, multiplier = 1)``, unclamped."""
    z2 = normal_quantile(p) ** 2
    first = target * (n / z2 + 1)
    adj = math.sqrt(max(0.0, (-8 * target * (n / z2 + 1)) ** 2 - 64 * (1 / z2 + 1 / n) * target
                        * (n * (target * (n / z2 + 2) - 1) + z2 * (target - 1))))
    last = 1 / z2 + 1 / n
    limit = (first - adj / 8) / last if side == "low" else (first + adj / 8) / last
    return limit / n


# -- rates: inverting funnel_ratio_significance -------------------------------------

def _bisect(f, low: float, high: float) -> float:
    """The root of an increasing f on [low, high], to the last representable digit."""
    for _ in range(400):
        mid = 0.5 * (low + high)
        if mid <= low or mid >= high:
            break
        if f(mid) < 0:
            low = mid
        else:
            high = mid
    return 0.5 * (low + high)


def _events_upper_bound(mu: float) -> float:
    return mu + 20 * math.sqrt(mu) + 100


def rate_low_events(mu: float, confidence: float) -> float:
    """The count E at which the upper interval bound of E equals ``mu`` (the low line)."""
    c = confidence + (1 - confidence) / 2
    if gamma_p(EXACT_BELOW + 1, mu) < c:     # the exact upper bound of 10 events is above mu: E < 10
        if gamma_p(1.0, mu) < c:             # even no events is not low
            return 0.0
        # exact upper bound of E = qchisq(c, 2E+2)/2 reaches mu where P(E+1, mu) = c (P falls with E)
        return _bisect(lambda e: c - gamma_p(e + 1, mu), 0.0, float(EXACT_BELOW))
    return _bisect(lambda e: byars_upper(e, confidence) - mu, float(EXACT_BELOW), _events_upper_bound(mu))


def rate_high_events(mu: float, confidence: float) -> float:
    """The count E at which the lower interval bound of E equals ``mu`` (the high line)."""
    alpha = (1 - confidence) / 2
    if gamma_p(EXACT_BELOW, mu) < alpha:     # the exact lower bound of 10 events is above mu: E < 10
        # exact lower bound of E = qchisq(alpha, 2E)/2 reaches mu where P(E, mu) = alpha (P falls with E)
        return _bisect(lambda e: alpha - gamma_p(e, mu) if e > 0 else -1.0, 0.0, float(EXACT_BELOW))

    def f(e: float) -> float:
        lower = byars_lower(e, confidence)
        return (-mu if lower is None else lower - mu)
    return _bisect(f, float(EXACT_BELOW), _events_upper_bound(mu))


# -- both ------------------------------------------------------------------------------

def funnel_limits(family: str, target: float, n: float, sigma_z: float | None = None) -> FunnelLimits:
    """The 95% and 99.8% limits at denominator ``n`` around ``target`` (natural scale).

    ``sigma_z`` (Laney's σz) replaces the exact limits by Laney's adjusted ones.
    """
    if not n > 0:
        raise ValueError("a funnel limit needs a denominator greater than zero")
    if sigma_z is not None:
        sd = math.sqrt(target * (1 - target) / n) if family == PROPORTION else math.sqrt(target / n)
        out = []
        for level in LEVELS:
            z = normal_quantile(level + (1 - level) / 2)
            out += [max(0.0, target - z * sd * sigma_z),
                    min(1.0, target + z * sd * sigma_z) if family == PROPORTION else target + z * sd * sigma_z]
        return FunnelLimits(*out)
    if family == PROPORTION:
        out = []
        for level in LEVELS:
            p = level + (1 - level) / 2
            out += [max(0.0, proportion_limit(p, n, target, "low")), min(1.0, proportion_limit(p, n, target, "high"))]
        return FunnelLimits(*out)
    if family == RATE:
        mu = target * n
        out = []
        for level in LEVELS:
            out += [rate_low_events(mu, level) / n, rate_high_events(mu, level) / n]
        return FunnelLimits(*out)
    raise ValueError(f"funnel plots compare proportions or rates, not {family}")


@dataclass(frozen=True)
class FunnelUnit:
    unit: str
    y: float
    n: float
    value: float       # in the measure's units (× multiply), as every limit below
    lower95: float
    upper95: float
    lower998: float
    upper998: float
    outside95: bool
    outside998: bool

    @property
    def words(self) -> str:
        """Where the unit falls, in words: "above the 99.8% limit", "below the 95% limit", "within the 95% limits"."""
        if self.outside998:
            return f"{'above' if self.value > self.upper998 else 'below'} the 99.8% limit"
        if self.outside95:
            return f"{'above' if self.value > self.upper95 else 'below'} the 95% limit (within 99.8%)"
        return "within the 95% limits"

    def to_dict(self) -> dict:
        return {"unit": self.unit, "y": self.y, "n": self.n, "value": self.value,
                "lower95": self.lower95, "upper95": self.upper95,
                "lower998": self.lower998, "upper998": self.upper998,
                "outside95": self.outside95, "outside998": self.outside998}


@dataclass(frozen=True)
class FunnelResult:
    chart: str
    target: float            # pooled: sum of counts / sum of denominators, × multiply
    multiply: float
    units: tuple[FunnelUnit, ...]
    sigma_z: float | None    # Laney's σz when the over-dispersion adjustment was asked for

    @property
    def family(self) -> str:
        return chart_type(self.chart).family

    def limits_at(self, n: float) -> FunnelLimits:
        """The funnel's limits at any denominator (for drawing its lines), × multiply."""
        base = funnel_limits(self.family, self.target / self.multiply, n, self.sigma_z)
        m = self.multiply
        return FunnelLimits(base.lower95 * m, base.upper95 * m, base.lower998 * m, base.upper998 * m)

    def to_dict(self) -> dict:
        """The ``qisite funnel --json`` contract (docs/equity.md)."""
        doc: dict = {"chart": self.chart, "target": self.target, "units": [u.to_dict() for u in self.units]}
        if self.sigma_z is not None:
            doc["sigma_z"] = self.sigma_z
        return doc


def funnel(units: Sequence[str], y: Sequence[float], n: Sequence[float], *, chart: str,
           multiply: float = 1.0, overdispersion: bool = False) -> FunnelResult:
    """Compare units on one measure: limits at each unit's denominator, and which fall outside."""
    if chart not in interval_charts():
        raise ValueError(f"a funnel plot compares proportions or rates: chart {', '.join(interval_charts())}, not {chart!r}")
    family = chart_type(chart).family
    if not (len(units) == len(y) == len(n)):
        raise ValueError("unit, y and n must have the same length")
    if len(set(units)) != len(units):
        raise ValueError("each unit must appear once")
    if not units:
        raise ValueError("a funnel plot needs at least one unit")
    yv, nv = np.asarray(y, dtype=float), np.asarray(n, dtype=float)
    for name, count, den in zip(units, yv, nv):
        if not (math.isfinite(count) and math.isfinite(den)):
            raise ValueError(f"unit {name!r}: count and denominator must both be given")
        if count < 0 or den <= 0:
            raise ValueError(f"unit {name!r}: the count must be >= 0 and the denominator > 0")
        if family == PROPORTION and count > den:
            raise ValueError(f"unit {name!r}: count {count:g} is more than its denominator {den:g}")
    target = float(yv.sum() / nv.sum())
    values = yv / nv
    sigma_z = None
    if overdispersion:
        sigma = spc_limits.sigma_p(target, nv) if family == PROPORTION else spc_limits.sigma_u(target, nv)
        sigma_z = spc_limits.laney_sigma_z(values, target, sigma, np.ones(values.size, dtype=bool), screen_mr=False)
        if not math.isfinite(sigma_z):
            raise ValueError("the over-dispersion adjustment needs at least two units with a spread")
    out = []
    for name, count, den, value in zip(units, yv.tolist(), nv.tolist(), values.tolist()):
        if family == PROPORTION and sigma_z is None:   # PHEindicatormethods compares with the unclamped limits
            bounds = [proportion_limit(level + (1 - level) / 2, den, target, side) for level in LEVELS for side in ("low", "high")]
            shown = funnel_limits(family, target, den)
        else:
            shown = funnel_limits(family, target, den, sigma_z)
            bounds = [shown.lower95, shown.upper95, shown.lower998, shown.upper998]
        outside = [bool(value < bounds[0] or value > bounds[1]), bool(value < bounds[2] or value > bounds[3])]
        out.append(FunnelUnit(str(name), float(count), float(den), float(value * multiply),
                              shown.lower95 * multiply, shown.upper95 * multiply,
                              shown.lower998 * multiply, shown.upper998 * multiply, *outside))
    return FunnelResult(chart, target * multiply, multiply, tuple(out), sigma_z)

"""The few distributions the equity statistics need, computed exactly (no scipy).

- :func:`normal_quantile`: Wichura's algorithm AS 241 (PPND16, *Appl Stat*
  1988;37:477), accurate to about 1e-16 — the algorithm R's ``qnorm`` uses.
- :func:`gamma_p` / :func:`gamma_q`: the regularized incomplete gamma function
  by its series (x < a + 1) or its continued fraction (Lentz), as in Press et al.,
  *Numerical Recipes* (3rd ed., §6.2).
- :func:`chisq_quantile`: the chi-square quantile (``qchisq``), by bisection on
  :func:`gamma_p` to the last representable digit; degrees of freedom may be
  fractional (modelled counts), and 0 degrees of freedom is the point mass at 0,
  as in R.
"""
from __future__ import annotations

import math

__all__ = ["chisq_quantile", "gamma_p", "gamma_q", "normal_quantile"]


def normal_quantile(p: float) -> float:
    """The standard normal quantile Φ⁻¹(p) (AS 241, PPND16)."""
    if not 0.0 <= p <= 1.0 or math.isnan(p):
        raise ValueError(f"probability {p!r} is not between 0 and 1")
    if p == 0.0:
        return -math.inf
    if p == 1.0:
        return math.inf
    q = p - 0.5
    if abs(q) <= 0.425:
        r = 0.180625 - q * q
        return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                        + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                     + 133.14166789178437745) * r + 3.387132872796366608) / (
            ((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
             + 42.313330701600911252) * r + 1.0)
    r = p if q < 0 else 1.0 - p
    r = math.sqrt(-math.log(r))
    if r <= 5.0:
        r -= 1.6
        value = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                     + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                  + 4.6303378461565452959) * r + 1.42343711074968357734) / (
            ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
             + 2.05319162663775882187) * r + 1.0)
    else:
        r -= 5.0
        value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                     + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                  + 5.4637849111641143699) * r + 6.6579046435011037772) / (
            ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
             + 0.59983220655588793769) * r + 1.0)
    return -value if q < 0 else value


_EPS = 1e-16
_TINY = 1e-300
_MAX_ITERATIONS = 1_000_000


def _prefix(a: float, x: float) -> float:
    """x^a e^(−x) / Γ(a), on the log scale for range."""
    return math.exp(a * math.log(x) - x - math.lgamma(a))


def _series(a: float, x: float) -> float:
    term = total = 1.0 / a
    ap = a
    for _ in range(_MAX_ITERATIONS):
        ap += 1.0
        term *= x / ap
        total += term
        if abs(term) < abs(total) * _EPS:
            break
    return total * _prefix(a, x)


def _continued_fraction(a: float, x: float) -> float:
    b = x + 1.0 - a
    c = 1.0 / _TINY
    d = 1.0 / b
    h = d
    for i in range(1, _MAX_ITERATIONS):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        if abs(d) < _TINY:
            d = _TINY
        c = b + an / c
        if abs(c) < _TINY:
            c = _TINY
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h * _prefix(a, x)


def gamma_p(a: float, x: float) -> float:
    """The regularized lower incomplete gamma function P(a, x), a > 0, x ≥ 0."""
    if a <= 0 or x < 0:
        raise ValueError("gamma_p needs a > 0 and x >= 0")
    if x == 0:
        return 0.0
    if x < a + 1.0:
        return _series(a, x)
    return 1.0 - _continued_fraction(a, x)


def gamma_q(a: float, x: float) -> float:
    """The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x)."""
    if a <= 0 or x < 0:
        raise ValueError("gamma_q needs a > 0 and x >= 0")
    if x == 0:
        return 1.0
    if x < a + 1.0:
        return 1.0 - _series(a, x)
    return _continued_fraction(a, x)


def chisq_quantile(p: float, df: float) -> float:
    """The chi-square quantile with ``df`` ≥ 0 degrees of freedom (R's ``qchisq(p, df)``)."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"probability {p!r} is not between 0 and 1")
    if df < 0:
        raise ValueError("degrees of freedom must be >= 0")
    if df == 0 or p == 0.0:
        return 0.0
    if p == 1.0:
        return math.inf
    a = df / 2.0
    if math.log(p) / a < -745:  # the quantile, about (p·Γ(a+1))^(1/a), underflows to 0 (a → 0)
        return 0.0
    low, high = 0.0, max(1.0, a)
    while gamma_p(a, high) < p:
        low, high = high, high * 2.0
    # bisection to the last representable digit: P(a, x) is increasing in x
    for _ in range(2000):
        mid = 0.5 * (low + high)
        if mid <= low or mid >= high:
            break
        if gamma_p(a, mid) < p:
            low = mid
        else:
            high = mid
    return low + high  # 2 × the gamma quantile, (low + high) / 2

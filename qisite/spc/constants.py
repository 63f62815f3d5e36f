"""Control-chart constants (Montgomery, *Introduction to Statistical Quality
Control*, Appendix VI), computed exactly from the gamma function so that any
subgroup size works, not only the tabulated 2..25."""
from __future__ import annotations

import math

import numpy as np

D2 = 1.128  # d2 for moving ranges of two observations
D4 = 3.267  # D4 for moving ranges of two observations (UCL of the MR chart)
NHS_XMR = 2.66  # Making Data Count: limits at mean ± 2.66 × mean moving range
T_EXPONENT = 1 / 3.6  # Nelson's transformation for time between events

_lgamma = np.vectorize(math.lgamma, otypes=[float])


def c4(n) -> np.ndarray:
    """c4(n) = sqrt(2/(n-1)) Γ(n/2)/Γ((n-1)/2); NaN where n <= 1."""
    n = np.asarray(n, dtype=float)
    out = np.full(n.shape, np.nan)
    ok = np.isfinite(n) & (n > 1)
    if ok.any():
        m = n[ok]
        out[ok] = np.sqrt(2.0 / (m - 1)) * np.exp(_lgamma(m / 2) - _lgamma((m - 1) / 2))
    return out


def c5(n) -> np.ndarray:
    """c5(n) = sqrt(1 - c4²): the standard deviation of s in units of σ."""
    return np.sqrt(1.0 - c4(n) ** 2)


def a3(n, k: float = 3.0) -> np.ndarray:
    """A3 = k / (c4 √n): xbar limits from the mean standard deviation."""
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return k / (c4(n) * np.sqrt(n))


def b3(n, k: float = 3.0) -> np.ndarray:
    """B3 = max(0, 1 - k c5/c4): lower s-chart factor."""
    return np.maximum(0.0, 1.0 - k * c5(n) / c4(n))


def b4(n, k: float = 3.0) -> np.ndarray:
    """B4 = 1 + k c5/c4: upper s-chart factor."""
    return 1.0 + k * c5(n) / c4(n)

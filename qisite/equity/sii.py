"""Slope and Relative Index of Inequality (Low & Low, *J Epidemiol Community
Health* 2004;58:671), exactly as PHEindicatormethods' ``phe_sii`` computes them.

Groups come in their order (the first is rank 0: the most deprived quantile when
quantile 1 is the most deprived, as in the English indices of deprivation). Each
group sits at the midpoint of its share of the cumulative population, b; with
a = its share of the population, the weighted regression of value on rank is the
least-squares fit of √a·value on (√a, b·√a) without an intercept
(``lm(yvals ~ sqrt_a + b_sqrt_a - 1)``). Then

- SII = multiplier × slope: the modelled value at the top of the order (rank 1)
  minus the value at its bottom (rank 0);
- RII = (intercept + slope) / intercept: the value at rank 1 relative to rank 0,
  inverted when the multiplier is negative (``phe_sii``'s polarity rule).

Confidence limits by simulation (``SimulationFunc``): each group's value is
drawn from a normal distribution with its standard error, the regression repeated,
and the limits read from the sorted simulated SIIs (and RIIs) at positions
``round(repetitions × (1 − c))`` and ``round(repetitions × c)``, c = confidence +
(1 − confidence)/2. The standard error comes from each group's 95% limits,
(upper − lower) / (2 × 1.959964), as ``phe_sii`` does when given limits. With
``value_type`` 1 (rate) or 2 (proportion) values and limits are drawn on the log
or logit scale and transformed back before the regression (``phe_sii`` does so
even without ``transform``). The random numbers come from numpy's PCG64 with a
fixed seed: the same data always give the same limits. ``phe_sii`` draws with R's
Mersenne Twister, so limits agree with its published values only to the
simulation's own error (its tests allow 5%).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qisite.equity.distributions import normal_quantile

__all__ = ["MAX_QUANTILES", "MIN_QUANTILES", "REPETITIONS", "SEED", "SiiResult", "midpoint_ranks", "sii"]

MIN_QUANTILES, MAX_QUANTILES = 5, 100  # phe_sii: "Number of quantiles must be between 5 and 100"
REPETITIONS = 100_000                   # phe_sii's default
SEED = 20040901                         # fixed: a rebuild of unchanged data gives the same limits
VALUE_TYPES = (0, 1, 2)                 # phe_sii: 0 other, 1 rate, 2 proportion


@dataclass(frozen=True)
class SiiResult:
    sii: float
    sii_lower: float
    sii_upper: float
    rii: float
    rii_lower: float
    rii_upper: float
    intercept: float        # the modelled value at rank 0, × |multiplier|, as phe_sii reports it
    confidence: float
    repetitions: int


def midpoint_ranks(population: Sequence[float] | np.ndarray) -> np.ndarray:
    """Each group's midpoint of the cumulative population share (``FindXValues``)."""
    share = np.asarray(population, dtype=float) / float(np.sum(population))
    return np.cumsum(share) - share / 2


def _forward(value: np.ndarray, value_type: int) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        if value_type == 1:
            return np.log(value)
        if value_type == 2:
            return np.log(value / (1 - value))
    return value


def _back(value: np.ndarray, value_type: int) -> np.ndarray:
    if value_type == 1:
        return np.exp(value)
    if value_type == 2:
        return np.exp(value) / (1 + np.exp(value))
    return value


def sii(population: Sequence[float], value: Sequence[float], *, lower: Sequence[float] | None = None,
        upper: Sequence[float] | None = None, se: Sequence[float] | None = None, value_type: int = 0,
        multiplier: float = 1.0, confidence: float = 0.95, repetitions: int = REPETITIONS,
        seed: int = SEED, transform: bool = False) -> SiiResult:
    """SII and RII of ordered groups (the first is rank 0) with simulated limits.

    Give either each group's 95% limits (``lower``/``upper``) or its standard
    error ``se``, on the scale of ``value`` (``se`` on the log/logit scale for
    value types 1 and 2, as ``phe_sii`` takes it). ``transform`` (value types 1
    and 2, with limits) fits the line on the log/logit scale, as ``phe_sii``'s
    ``transform = TRUE``: see :func:`_transformed`.
    """
    if transform and (value_type == 0 or se is not None or lower is None or upper is None):
        raise ValueError("transform needs value_type 1 (rate) or 2 (proportion) and the 95% limits, not a standard error")
    pop = np.asarray(population, dtype=float)
    k = pop.size
    if not MIN_QUANTILES <= k <= MAX_QUANTILES:
        raise ValueError(f"SII needs between {MIN_QUANTILES} and {MAX_QUANTILES} ordered groups, not {k}")
    if value_type not in VALUE_TYPES:
        raise ValueError("value_type must be 0 (other), 1 (rate) or 2 (proportion)")
    if repetitions < 1000:
        raise ValueError("SII needs at least 1000 repetitions")
    if not 0.5 <= confidence < 1:
        raise ValueError("confidence must be a fraction between 0.5 and 1")
    if not np.all(np.isfinite(pop) & (pop > 0)):
        raise ValueError("every group needs a population greater than zero")
    val = np.asarray(value, dtype=float)
    if val.size != k:
        raise ValueError("population and value must have the same length")
    y = _forward(val, value_type)
    if se is not None:
        sd = np.asarray(se, dtype=float)
    elif lower is not None and upper is not None:
        z = normal_quantile(0.975)  # phe_sii: "hard-coded at 95% confidence"
        sd = (_forward(np.asarray(upper, dtype=float), value_type)
              - _forward(np.asarray(lower, dtype=float), value_type)) / z / 2
    else:
        raise ValueError("SII needs each group's standard error or its 95% limits")
    if not (np.all(np.isfinite(y)) and np.all(np.isfinite(sd)) and np.all(sd >= 0)):
        raise ValueError("every group needs a finite value and a non-negative standard error")

    sqrt_a = np.sqrt(pop / pop.sum())
    m = np.vstack([sqrt_a, midpoint_ranks(pop) * sqrt_a])     # 2 × k: the transposed design matrix
    solve = np.linalg.solve(m @ m.T, m)                        # (M Mᵀ)⁻¹ M: least squares in one product
    intercept, slope = solve @ (_back(y, value_type) * sqrt_a)

    draws = np.random.default_rng(seed).standard_normal((repetitions, k)) * sd + y
    c = confidence + (1 - confidence) / 2
    lo, hi = round(repetitions * (1 - c)) - 1, round(repetitions * c) - 1   # R's 1-based positions
    if transform:
        intercept, slope = solve @ (y * sqrt_a)
        sim = np.sort((draws * sqrt_a) @ solve.T[:, 1])
        return _transformed(float(intercept), float(slope), float(sim[lo]), float(sim[hi]), value_type, multiplier,
                            confidence, repetitions)
    params = (_back(draws, value_type) * sqrt_a) @ solve.T     # repetitions × (intercept, slope)
    sim_sii = np.sort(params[:, 1] * multiplier)
    with np.errstate(divide="ignore", invalid="ignore"):
        sim_rii = (params[:, 0] + params[:, 1]) / params[:, 0]
        if multiplier < 0:
            sim_rii = 1 / sim_rii
    sim_rii = np.sort(sim_rii)
    rii = (intercept + slope) / intercept if intercept != 0 else math.nan
    if multiplier < 0:
        rii = 1 / rii
    return SiiResult(float(multiplier * slope), float(sim_sii[lo]), float(sim_sii[hi]), float(rii),
                     float(sim_rii[lo]), float(sim_rii[hi]), float(intercept * abs(multiplier)),
                     confidence, repetitions)


def _transformed(intercept: float, slope: float, slope_lower: float, slope_upper: float, value_type: int,
                 multiplier: float, confidence: float, repetitions: int) -> SiiResult:
    """``phe_sii`` with ``transform = TRUE``: the line fitted on the log (rates) or logit
    (proportions) scale, its ends transformed back. SII = (back(intercept + slope) −
    back(intercept)) × multiplier, RII = back(intercept + slope) / back(intercept); the
    limits put the simulated slopes' limits through the line's midpoint and transform
    both ends back. Which end bounds which limit follows phe_sii exactly, including its
    test of ``multiplier < 1`` for rates and ``multiplier < 0`` for proportions."""
    def back(v: float) -> float:
        return float(_back(np.asarray(v), value_type))

    top = intercept + slope
    half = (intercept + top) / 2
    sii_value = (back(top) - back(intercept)) * multiplier
    rii = back(top) / back(intercept)
    if multiplier < 0:
        rii = 1 / rii
    low_int, high_int = half - slope_lower / 2, half - slope_upper / 2
    low_top, high_top = half + slope_lower / 2, half + slope_upper / 2
    by_lower = ((back(low_top) - back(low_int)) * multiplier, back(low_top) / back(low_int))
    by_upper = ((back(high_top) - back(high_int)) * multiplier, back(high_top) / back(high_int))
    swap = multiplier < 1 if value_type == 1 else multiplier < 0
    if swap:
        sii_lower, sii_upper = by_upper[0], by_lower[0]
        rii_lower, rii_upper = 1 / by_upper[1], 1 / by_lower[1]
    else:
        sii_lower, sii_upper = by_lower[0], by_upper[0]
        rii_lower, rii_upper = by_lower[1], by_upper[1]
    return SiiResult(sii_value, sii_lower, sii_upper, rii, rii_lower, rii_upper, back(intercept) * abs(multiplier),
                     confidence, repetitions)

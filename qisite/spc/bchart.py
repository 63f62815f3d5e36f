"""The Bernoulli CUSUM chart (B chart) for rare events: pure computation (numpy).

One value per case, in time order: 1 when the case had the outcome (e.g. a
complication), 0 when it did not. Two cumulative sums of log-likelihood ratios
are kept (Steiner, Cook, Farewell & Treasure, *Biostatistics* 2000;
Reynolds & Stoumbos, *J. Quality Technology* 1999; Neuburger et al.,
*BMJ Qual Saf* 2017, doi:10.1136/bmjqs-2016-005526), computed exactly as
qicharts2's ``bchart()`` (R/bchart.R, 0.8) and Anhøj & Mohammed, *Mastering
SPC Charts in Healthcare*, §12.4:

- p0 is the target (baseline) risk; p1 and p2 are the risks whose odds are
  ``odds_ratio`` and 1/``odds_ratio`` times p0's;
- the upper sum adds ``log(p1/p0)`` for an event and ``log((1−p1)/(1−p0))``
  for a case without, never goes below 0, signals when it reaches ``+limit``
  and starts again from 0 once it has gone past the limit;
- the lower sum subtracts the same weights with p2, never goes above 0,
  signals at ``−limit`` and starts again from 0 past it.

No I/O, no plotting: :mod:`qisite.charts.bchart` draws the result and
``qisite spc --chart b`` prints it.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .result import json_float, label

DEFAULT_ODDS_RATIO = 2.0
"""qicharts2's ``or = 2``: detect a doubling (upper) or a halving (lower) of the odds."""
DEFAULT_LIMIT = 3.5
"""qicharts2's ``limit = 3.5``: the control limits are drawn at ±3.5."""
UPPER, LOWER = "cusum_upper", "cusum_lower"
"""The names of the two signals (JSON ``signals``)."""


@dataclass(frozen=True)
class BChartResult:
    """A B chart: the cases, the parameters and both cumulative sums."""

    x: tuple                      # one label per case (dates on the site, 1…N without --x)
    y: np.ndarray                 # 0/1 per case
    target: float                 # p0, the baseline risk the sums test against
    baseline: int | None          # cases the target was estimated from (None: given, or all cases)
    odds_ratio: float
    limit: float
    p_upper: float                # p1: the risk at odds_ratio × the target's odds
    p_lower: float                # p2: the risk at 1/odds_ratio × the target's odds
    upper: np.ndarray             # the upper CUSUM, 0 … limit
    lower: np.ndarray             # the lower CUSUM, −limit … 0
    upper_signal: np.ndarray      # bool per case: the upper sum reached +limit here
    lower_signal: np.ndarray      # bool per case: the lower sum reached −limit here

    def __len__(self) -> int:
        return int(self.y.size)

    @property
    def events(self) -> int:
        return int(self.y.sum())

    @property
    def signal(self) -> bool:
        return bool(self.upper_signal.any() or self.lower_signal.any())

    def signal_cases(self, which: str) -> list[int]:
        """1-based case numbers where the upper (``UPPER``) or lower (``LOWER``) sum signalled."""
        flags = self.upper_signal if which == UPPER else self.lower_signal
        return (np.flatnonzero(flags) + 1).tolist()

    def to_dict(self) -> dict:
        """The JSON of ``qisite spc --chart b --json`` (docs/spc.md)."""
        points = []
        for i in range(len(self)):
            signals = [name for name, flags in ((UPPER, self.upper_signal), (LOWER, self.lower_signal)) if flags[i]]
            points.append({
                "x": label(self.x[i]), "case": i + 1, "y": int(self.y[i]),
                "cusum_upper": float(self.upper[i]), "cusum_lower": float(self.lower[i]),
                "lcl": -self.limit, "ucl": self.limit,
                "baseline": self.baseline is not None and i < self.baseline,
                "special_cause": bool(signals), "signals": signals})
        return {"chart": "b", "target": json_float(self.target), "baseline_cases": self.baseline,
                "odds_ratio": self.odds_ratio, "limit": self.limit,
                "p_upper": json_float(self.p_upper), "p_lower": json_float(self.p_lower),
                "cases": len(self), "events": self.events,
                "signals_upper": self.signal_cases(UPPER), "signals_lower": self.signal_cases(LOWER),
                "points": points}


def risk_at(p0: float, odds_ratio: float) -> float:
    """The risk whose odds are ``odds_ratio`` times p0's (qicharts2's ``getp``)."""
    odds = odds_ratio * p0 / (1 - p0)
    return odds / (1 + odds)


def outcomes(values: Sequence) -> np.ndarray:
    """The cases' outcomes as 0/1 integers; ValueError naming the first case that is not 0 or 1."""
    out = np.zeros(len(values), dtype=np.int64)
    for i, v in enumerate(values):
        number = float(v) if v is not None else math.nan
        if number not in (0.0, 1.0):
            shown = "missing" if not math.isfinite(number) else f"{v!r}"
            raise ValueError(f"case {i + 1}: a b chart needs 0 or 1 for every case (1 = the event happened), "
                             f"found {shown}")
        out[i] = int(number)
    return out


def _check(name: str, value, low: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)) \
            or not math.isfinite(value) or value <= low:
        raise ValueError(f"{name} must be a number above {low:g}, not {value!r}")
    return float(value)


def baseline_risk(y: np.ndarray, target: float | None, baseline: int | None) -> tuple[float, int | None]:
    """p0 and the baseline it came from: ``target`` when given, else the share of
    events among the first ``baseline`` cases (all cases without one), as qicharts2."""
    if target is not None:
        if baseline is not None:
            raise ValueError("give the target risk or the number of baseline cases, not both")
        p0 = _check("target", target, 0.0)
        if p0 >= 1:
            raise ValueError(f"target must be a risk between 0 and 1 (e.g. 0.02 for 2%), not {target!r}")
        return p0, None
    if baseline is not None:
        if isinstance(baseline, bool) or not isinstance(baseline, (int, np.integer)) or baseline < 1:
            raise ValueError(f"the number of baseline cases must be a whole number ≥ 1, not {baseline!r}")
        if baseline > y.size:
            raise ValueError(f"the baseline has {baseline} cases but there are only {y.size}")
    used = y[:baseline] if baseline is not None else y
    if not used.size:
        raise ValueError("a b chart needs at least one case")
    p0 = float(used.mean())
    where = f"the first {used.size} cases" if baseline is not None else f"all {used.size} cases"
    if p0 <= 0 or p0 >= 1:
        raise ValueError(f"the target risk estimated from {where} is {p0:g}: "
                         f"{'no' if p0 <= 0 else 'every'} case had the event, so the sums cannot be weighed; "
                         "give the target risk (e.g. a national rate) or a longer baseline")
    return p0, (int(baseline) if baseline is not None else None)


def bchart(y: Sequence, *, x: Sequence | None = None, target: float | None = None,
           baseline: int | None = None, odds_ratio: float = DEFAULT_ODDS_RATIO,
           limit: float = DEFAULT_LIMIT) -> BChartResult:
    """The B chart of the 0/1 outcomes ``y`` (one per case, in time order).

    ``target`` is the baseline risk p0 (0 < p0 < 1); without it p0 is the share
    of events among the first ``baseline`` cases, or among all cases.
    ValueError on bad input (the CLI and the loader turn it into a located problem).
    """
    values = outcomes(y)
    if x is not None and len(x) != values.size:
        raise ValueError(f"x has {len(x)} labels but there are {values.size} cases")
    odds_ratio = _check("odds_ratio", odds_ratio, 1.0)   # the upper sum looks for OR, the lower for 1/OR
    limit = _check("limit", limit, 0.0)
    p0, used = baseline_risk(values, target, baseline)
    p1, p2 = risk_at(p0, odds_ratio), risk_at(p0, 1 / odds_ratio)
    upper_step = np.where(values == 1, math.log(p1 / p0), math.log((1 - p1) / (1 - p0)))
    lower_step = -np.where(values == 1, math.log(p2 / p0), math.log((1 - p2) / (1 - p0)))
    upper, lower, up_signal, down_signal = _sums(upper_step, lower_step, limit)
    labels = tuple(x) if x is not None else tuple(range(1, values.size + 1))
    return BChartResult(labels, values, p0, used, odds_ratio, limit, p1, p2, upper, lower, up_signal, down_signal)


def _sums(upper_step: np.ndarray, lower_step: np.ndarray, limit: float):
    """qicharts2's loop: each sum signals on reaching its limit, is held at 0 on
    the wrong side of zero, and starts again from 0 once past its limit."""
    size = upper_step.size
    upper, lower = np.zeros(size), np.zeros(size)
    up_signal, down_signal = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    z1 = z2 = 0.0
    for i in range(size):
        a = z1 + upper_step[i]
        up_signal[i] = a >= limit
        z1 = a if 0 < a <= limit else 0.0
        upper[i] = z1
        b = z2 + lower_step[i]
        down_signal[i] = b <= -limit
        z2 = b if -limit <= b < 0 else 0.0
        lower[i] = z2
    return upper, lower, up_signal, down_signal

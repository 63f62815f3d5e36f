"""Special-cause rule profiles: ``anhoej`` (default), ``ihi``, ``nhs``.

* ``anhoej`` — qicharts2: points outside the 3σ limits, plus Anhøj's runs rules
  (longest run > round(log2 n) + 3, crossings < qbinom(0.05, n − 1, 0.5)).
* ``ihi`` — *The Health Care Data Guide* (Provost & Murray 2011): control
  charts: 1 point beyond 3σ; 8 in a row on one side; 6 in a row rising or
  falling; 2 of 3 beyond 2σ on one side; 15 in a row within 1σ. Run charts:
  the IHI run rules (Perla, Provost & Murray 2011): shift ≥ 6, trend ≥ 5,
  too few / too many runs. (The "astronomical point" rule is a judgement and
  is not computed.)
* ``nhs`` — NHS England *Making Data Count*, as NHSRplotthedots computes it
  (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R at 050b07d): XmR limits
  at mean ± 2.66 × mean MR; beyond the limits (strictly); 7 in a row on one
  side; 7 in a row rising or falling; two of three: three consecutive points
  on one side of the mean, at least two of them beyond 2σ but not beyond the
  limits (only those two are flagged). Run charts use the IHI run rules.

The shift and trend lengths of the ``ihi`` and ``nhs`` profiles can be set
(``shift=``, ``trend=``); ``anhoej`` has none (its runs limits follow from the
number of useful points).

A point on the centre line breaks a run and a tie breaks a trend in the
control-chart profiles; on run charts points on the median are skipped and
repeated values ignored (IHI), as in the sources.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import runs as run_analysis
from .chart_types import chart_type
from .choices import RULE_PROFILES

OUTSIDE, LONG_RUN, SHIFT, TREND, TWO_OF_THREE, WITHIN_1SIGMA = 1, 2, 4, 8, 16, 32
SIGNAL_NAMES = {
    OUTSIDE: "outside_limits",
    LONG_RUN: "long_run",
    SHIFT: "shift",
    TREND: "trend",
    TWO_OF_THREE: "two_of_three",
    WITHIN_1SIGMA: "within_1_sigma",
}
PROFILES = RULE_PROFILES


def check_profile(name: str) -> str:
    if name not in PROFILES:
        raise ValueError(f"unknown rules {name!r}: choose one of {', '.join(PROFILES)}")
    return name


@dataclass(frozen=True)
class PartRules:
    bits: np.ndarray   # per point of the part: OR of signal flags
    side: np.ndarray   # +1 signal on the high side, −1 low, 0 none
    runs: run_analysis.Runs  # Anhøj runs analysis of the part
    runs_signal: bool  # Anhøj runs signal (False for mr charts)
    extra: dict        # profile-specific part fields


DEFAULT_LENGTHS = {  # profile -> (control-chart shift, trend), (run-chart shift, trend)
    "ihi": ((8, 6), (6, 5)),
    "nhs": ((7, 7), (6, 5)),
}


def default_lengths(profile: str, run_chart: bool) -> tuple[int, int] | None:
    """The (shift, trend) lengths a profile uses, or None (``anhoej``)."""
    lengths = DEFAULT_LENGTHS.get(profile)
    return None if lengths is None else lengths[1 if run_chart else 0]


def two_in_three_windows(close: np.ndarray, side: np.ndarray) -> np.ndarray:
    """NHSRplotthedots' ``ptd_two_in_three``: points in a window of three
    consecutive points with at least two ``close`` and all three strictly on one
    side of the mean (``side`` = sign(y − mean))."""
    mask = np.zeros(close.size, dtype=bool)
    if close.size < 3:
        return mask
    c = close.astype(np.int8)
    s = side.astype(np.int64)
    win = ((c[:-2] + c[1:-1] + c[2:]) >= 2) & (np.abs(s[:-2] + s[1:-1] + s[2:]) == 3)
    for j in range(3):
        mask[j:j + win.size] |= win
    return mask


def _two_of_three_nhs(y, cl, lcl, ucl, z) -> np.ndarray:
    """Making Data Count's two-of-three: a point beyond 2σ but not outside the
    limits, in a window of three on one side with another such point
    (NHSRplotthedots ``ptd_part_of_two_in_three``)."""
    with np.errstate(invalid="ignore"):
        outside = (y > ucl) | (y < lcl)
        close = ~outside & (np.abs(z) > 2)
        side = np.nan_to_num(np.sign(y - cl))
    return two_in_three_windows(close, side) & close


def _two_of_three(z: np.ndarray) -> np.ndarray:
    mask = np.zeros(z.size, dtype=bool)
    if z.size < 3:
        return mask
    for beyond in (z > 2, z < -2):
        b = beyond.astype(np.int8)
        win = (b[:-2] + b[1:-1] + b[2:]) >= 2
        for j in range(3):
            mask[j:j + win.size] |= win & beyond[j:j + win.size]
    return mask


def _within_1sigma(z: np.ndarray, min_len: int = 15) -> np.ndarray:
    inside = np.abs(z) < 1
    lengths, run_id = run_analysis.run_lengths(inside)
    if not z.size:
        return inside
    return inside & (lengths[run_id] >= min_len)


def evaluate(profile: str, chart: str, y, cl, lcl, ucl, z, usable, *,
             shift: int | None = None, trend: int | None = None) -> PartRules:
    """Apply ``profile`` to one part. ``usable`` marks included, non-missing
    points; ``shift``/``trend`` replace the profile's run lengths (ihi, nhs)."""
    size = y.size
    bits = np.zeros(size, dtype=np.int32)
    side = np.zeros(size, dtype=np.int8)
    idx = np.flatnonzero(usable)
    ys, cls, zs = y[idx], cl[idx], z[idx]
    runs = run_analysis.anhoej(ys, cls)
    kind = chart_type(chart)
    runs_signal = runs.runs_signal and kind.runs_rules
    extra: dict = {}
    with np.errstate(invalid="ignore"):
        high = np.nan_to_num(np.sign(y - cl)).astype(np.int8)

    def flag(mask_c, bit, sides=None):
        where = idx[mask_c]
        bits[where] |= bit
        side[where] = high[where] if sides is None else sides[mask_c]

    if profile == "anhoej":
        if runs_signal:
            flag(runs.long_run_mask, LONG_RUN)
    elif not kind.has_limits:                       # run charts: the IHI run rules
        shift_len, trend_len = _lengths(profile, True, shift, trend)
        tr = run_analysis.trend_mask(ys, trend_len, ties="skip")
        flag(tr, TREND, run_analysis.trend_direction(ys, tr))
        flag(run_analysis.shift_mask(ys, cls, shift_len, on_cl="skip"), SHIFT)
        lo, hi = run_analysis.runs_limits(runs.n_useful)
        n_runs = runs.n_runs or 0
        extra = {"runs": n_runs, "runs_min": lo, "runs_max": hi,
                 "runs_count_signal": bool(runs.n_useful >= 2 and not lo <= n_runs <= hi)}
    elif kind.runs_rules:
        shift_len, trend_len = _lengths(profile, False, shift, trend)
        if profile == "ihi":
            flag(_within_1sigma(zs), WITHIN_1SIGMA, np.zeros(idx.size, dtype=np.int8))
        tr = run_analysis.trend_mask(ys, trend_len, ties="break")
        flag(tr, TREND, run_analysis.trend_direction(ys, tr))
        flag(run_analysis.shift_mask(ys, cls, shift_len, on_cl="break"), SHIFT)
        if profile == "nhs":
            flag(_two_of_three_nhs(ys, cls, lcl[idx], ucl[idx], zs), TWO_OF_THREE)
        else:
            flag(_two_of_three(zs), TWO_OF_THREE)
    with np.errstate(invalid="ignore"):
        out = (y > ucl) | (y < lcl)
    bits[out] |= OUTSIDE
    side[out] = high[out]
    return PartRules(bits, side, runs, runs_signal, extra)


def _lengths(profile: str, run_chart: bool, shift: int | None, trend: int | None) -> tuple[int, int]:
    lengths = default_lengths(profile, run_chart)
    assert lengths is not None, "only the ihi and nhs profiles count shifts and trends"
    return (shift or lengths[0], trend or lengths[1])


def signal_names(bits: int) -> list[str]:
    """The names of the signals flagged in ``bits`` (one point's OR of flags), in SIGNAL_NAMES order."""
    return [name for bit, name in SIGNAL_NAMES.items() if bits & bit]


def classify(side: np.ndarray, special: np.ndarray, direction: str) -> np.ndarray:
    """Making Data Count: 'improvement', 'concern' or 'neutral' per special-cause point
    ('' where there is none)."""
    good = {"increase": 1, "decrease": -1}.get(direction, 0)
    out = np.full(side.size, "", dtype=object)
    if good == 0:
        out[special] = "neutral"
    else:
        out[special & (side == good)] = "improvement"
        out[special & (side == -good)] = "concern"
        out[special & (side == 0)] = "neutral"
    return out


def variation_icon(y, special, side, direction: str) -> str | None:
    """Variation icon from the last non-missing point (NHSRplotthedots names)."""
    finite = np.flatnonzero(np.isfinite(y))
    if not finite.size:
        return None
    last = finite[-1]
    if not special[last] or side[last] == 0:
        return "common_cause"
    level = "high" if side[last] > 0 else "low"
    good = {"increase": 1, "decrease": -1}.get(direction, 0)
    kind = "neutral" if good == 0 else ("improvement" if side[last] == good else "concern")
    return f"{kind}_{level}"


def assurance_icon(target, lcl, ucl, direction: str) -> str | None:
    """Assurance icon: where the target sits against the latest limits, with
    strict inequalities as NHSRplotthedots (R/ptd_calculate_assurance_type.R):
    a target on a limit is ``inconsistent``."""
    if target is None or direction not in ("increase", "decrease"):
        return None
    if not (np.isfinite(target) and np.isfinite(lcl) and np.isfinite(ucl)):
        return None
    below, above = target < lcl, target > ucl
    if not (below or above):
        return "inconsistent"
    meets = below if direction == "increase" else above
    return "consistent_pass" if meets else "consistent_fail"

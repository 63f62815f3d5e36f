"""Headline results: baseline vs. latest centre line, and equity-gap series."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy as np

from . import limits
from .chart_types import BY_NAME, MEASUREMENT
from .engine import analyse, part_data, slice_part
from .result import SpcResult, json_float, label
from .rules import SIGNAL_NAMES


@dataclass(frozen=True)
class Summary:
    chart: str
    direction: str
    baseline_cl: float | None   # centre line of part 1 (its baseline)
    latest_cl: float | None     # centre line of the last part, or of the points
                                # after the freeze when there is one part
    change: float | None        # latest − baseline
    relative_change: float | None  # change / |baseline| (None if baseline is 0)
    improved: bool | None       # change in the improvement direction (None if neutral)
    n_points: int
    n_parts: int
    n_special_cause: int
    runs_signal: bool
    signal: bool
    last_point_signal: bool
    target: float | None = None
    variation: str | None = None
    assurance: str | None = None
    signals: dict = field(default_factory=dict)  # signal name → count

    def to_dict(self) -> dict:
        return {k: (json_float(v) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def _after_freeze_cl(result: SpcResult, y, n) -> float | None:
    """Centre statistic of the points after the baseline, on a one-part chart."""
    after = ~result.baseline & result.included
    if not after.any() or result.baseline.all():
        return None
    data, _ = part_data(y, n, result.chart)
    lines = limits.CHARTS[result.chart](slice_part(data, 0, data.y.size), after,
                                   screen_mr=result.screen_mr, nhs=result.rules == "nhs")
    return json_float(lines.cl[0] * result.multiply) if lines.cl.size else None


def summarise(result: SpcResult, y: Sequence | None = None,
              n: Sequence | None = None) -> Summary:
    """Baseline vs. latest centre line, change and signals.

    With one part and a freeze, pass the same ``y``/``n`` given to
    :func:`analyse` to get the centre statistic of the points after the
    baseline as ``latest_cl``; without them ``latest_cl`` equals the baseline.
    """
    parts = result.parts
    base = parts[0].cl if parts else None
    latest = parts[-1].cl if parts else None
    if len(parts) == 1 and y is not None:
        latest = _after_freeze_cl(result, y, n) or latest
    change = None if base is None or latest is None else latest - base
    rel = None if change is None or not base else change / abs(base)
    good = {"increase": 1, "decrease": -1}.get(result.direction)
    improved = None if good is None or change is None else bool(change * good > 0)
    special = result.special_cause
    counts = {name: int(((result.bits & bit) != 0).sum())
              for bit, name in SIGNAL_NAMES.items() if (result.bits & bit).any()}
    finite = np.flatnonzero(np.isfinite(result.y))
    last_sig = bool(special[finite[-1]]) if finite.size else False
    return Summary(result.chart, result.direction, base, latest, change, rel, improved,
                   len(result), len(parts), int(special.sum()),
                   any(p.runs_signal for p in parts), result.signal, last_sig,
                   result.target, result.variation, result.assurance, counts)


@dataclass(frozen=True, eq=False)
class GapResult:
    group: str
    reference: str
    x: tuple
    gap: np.ndarray             # group − reference per shared period (raw units)
    result: SpcResult           # SPC on the gap series
    summary: Summary

    def to_dict(self) -> dict:
        return {"group": self.group, "reference": self.reference,
                "x": [label(v) for v in self.x],
                "gap": [json_float(v) for v in self.gap.tolist()],
                "summary": self.summary.to_dict(), "spc": self.result.to_dict()}


def _rates(x, y, n) -> dict:
    yv = np.array([np.nan if v is None else v for v in y], dtype=float)
    if n is not None:
        nv = np.array([np.nan if v is None else v for v in n], dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            yv = np.where(nv > 0, yv / nv, np.nan)
    if len(x) != yv.size:
        raise ValueError("each group's x and y must have the same length")
    return dict(zip(x, yv.tolist()))


def gap_analysis(series_by_group: Mapping[str, tuple], reference: str, *,
                 chart: str = "i", **options) -> dict[str, GapResult]:
    """Equity gap of each group against ``reference`` at each shared period.

    ``series_by_group`` maps a group name to ``(x, y, n)`` (``n`` may be None:
    then y is the value itself; otherwise the rate y/n is compared). The gap is
    group − reference; ``chart`` (default ``i``; ``run`` also makes sense) and
    ``options`` (freeze, parts, exclude, multiply, rules, direction, target …)
    go to :func:`analyse` on the gap series. Periods missing for either group
    are left out.
    """
    if reference not in series_by_group:
        raise ValueError(f"reference group {reference!r} is not among the groups: "
                         f"{', '.join(map(str, series_by_group))}")
    if chart not in BY_NAME or BY_NAME[chart].family != MEASUREMENT:
        raise ValueError(f"gap series are differences of rates: use chart 'i' or 'run', not {chart!r}")
    ref = _rates(*_triple(series_by_group[reference]))
    out = {}
    for group, series in series_by_group.items():
        if group == reference:
            continue
        rates = _rates(*_triple(series))
        xs = tuple(k for k in ref if k in rates)
        gap = np.array([rates[k] - ref[k] for k in xs], dtype=float)
        result = analyse(cast(Sequence[float], gap), chart=chart, x=xs, **options)  # analyse accepts arrays
        out[group] = GapResult(group, reference, xs, gap, result,
                               summarise(result, gap.tolist()))
    return out


def _triple(series) -> tuple:
    if len(series) == 2:
        return series[0], series[1], None
    if len(series) == 3:
        return tuple(series)
    raise ValueError("each group needs (x, y) or (x, y, n)")

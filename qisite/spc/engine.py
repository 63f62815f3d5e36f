"""``analyse``: the single entry point that turns one series into an SpcResult."""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from . import limits as L
from . import phases, rules as RU, warnings as W
from .aggregate import SUBGROUP_CHARTS
from .result import SpcPart, SpcResult

CHARTS = tuple(L.CHARTS)
DIRECTIONS = ("increase", "decrease", "neutral")
RATIO_CHARTS = ("p", "u", "pp", "up")
_CHART_HELP = {
    "run": "run chart (median)", "i": "individuals (XmR)", "mr": "moving range",
    "c": "counts", "u": "rates (counts / exposure)", "p": "proportions",
    "pp": "Laney p′", "up": "Laney u′", "g": "opportunities between events",
    "t": "time between events", "xbar": "subgroup means", "s": "subgroup SDs",
}


def check_chart(chart: str) -> str:
    if chart not in L.CHARTS:
        names = ", ".join(f"{k} ({v})" for k, v in _CHART_HELP.items())
        raise ValueError(f"unknown chart {chart!r}: choose one of {names}")
    return chart


def _floats(values, name: str) -> np.ndarray:
    try:
        return np.array(values, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numbers (None or NaN for missing)") from None


def _subgroups(y) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    means, sds, sizes = [], [], []
    for k, group in enumerate(y, start=1):
        if np.ndim(group) == 0:
            raise ValueError("xbar and s charts need y as a list of subgroups "
                             f"(lists of raw observations); subgroup {k} is a single number")
        v = _floats(group, f"subgroup {k}")
        v = v[np.isfinite(v)]
        sizes.append(v.size)
        means.append(v.mean() if v.size else np.nan)
        sds.append(v.std(ddof=1) if v.size > 1 else np.nan)
    return np.array(means, float), np.array(sds, float), np.array(sizes, float)


def part_data(y, n, chart: str) -> tuple[L.PartData, list[str]]:
    """The values a chart plots (rates, subgroup means …) with their denominators, and notes on the data."""
    notes: list[str] = []
    if chart in SUBGROUP_CHARTS:
        means, sds, sizes = _subgroups(y)
        return L.PartData(means, sizes, means, sds), notes
    yv = _floats(y, "y")
    nv = None if n is None else _floats(n, "n")
    if nv is not None and nv.size != yv.size:
        raise ValueError(f"y has {yv.size} values but n has {nv.size}")
    if chart in RATIO_CHARTS:
        if nv is None:
            raise ValueError(f"a {chart} chart needs denominators (n)")
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(nv > 0, yv / nv, np.nan)
        if chart in ("p", "pp") and (rate > 1).any():
            notes.append("some numerators exceed their denominators (proportion > 1)")
        return L.PartData(rate, nv, yv), notes
    if nv is not None and chart in ("run", "i", "mr"):
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(nv > 0, yv / nv, np.nan)
        return L.PartData(rate, nv, yv), notes
    if chart == "t" and (yv <= 0).any():
        notes.append("t chart: times ≤ 0 are treated as missing")
    return L.PartData(yv, np.full(yv.size, np.nan) if nv is None else nv, yv), notes


def slice_part(d: L.PartData, a: int, b: int) -> L.PartData:
    """Points a (inclusive) to b (exclusive) of the data."""
    return L.PartData(d.y[a:b], d.n[a:b], d.num[a:b], None if d.sd is None else d.sd[a:b])


def _check_options(chart, rules, direction, multiply, target):
    check_chart(chart)
    RU.check_profile(rules)
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}: choose one of {', '.join(DIRECTIONS)}")
    if not (isinstance(multiply, (int, float)) and math.isfinite(multiply) and multiply > 0):
        raise ValueError(f"multiply must be a positive number, not {multiply!r}")
    if target is not None and not (isinstance(target, (int, float)) and math.isfinite(target)):
        raise ValueError(f"target must be a number, not {target!r}")


def analyse(y: Sequence, n: Sequence | None = None, *, chart: str = "run",
            x: Sequence | None = None, freeze: int | None = None,
            parts: Sequence[int] | None = None, exclude: Sequence[int] = (),
            multiply: float = 1.0, screen_mr: bool = True, rules: str = "anhoej",
            direction: str = "neutral", target: float | None = None) -> SpcResult:
    """Compute centre line, limits, runs analysis and special causes.

    See docs/spc.md. Indices (freeze, parts, exclude) are 1-based point
    positions. For xbar/s charts ``y`` is a list of subgroups (each a list of
    raw observations) and ``n`` is ignored.
    """
    _check_options(chart, rules, direction, multiply, target)
    data, notes = part_data(y, n, chart)
    size = data.y.size
    if x is not None and len(x) != size:
        raise ValueError(f"x has {len(x)} labels but there are {size} points")
    labels = tuple(x) if x is not None else tuple(range(1, size + 1))
    lay = phases.layout(size, _freeze_position(freeze, x), parts, exclude)
    cols = {k: np.full(size, np.nan) for k in ("y", "cl", "lcl", "ucl")}
    bits = np.zeros(size, dtype=np.int32)
    side = np.zeros(size, dtype=np.int8)
    part_rows, warns = [], list(notes)
    starts, ends = (lay.starts, lay.ends) if size else ((), ())
    for k, (a, b) in enumerate(zip(starts, ends), start=1):
        lines, pr, used, part_warns = _analyse_part(k, data, lay, a, b, chart, rules, screen_mr)
        for key in cols:
            cols[key][a:b] = getattr(lines, key)
        bits[a:b], side[a:b] = pr.bits, pr.side
        warns += part_warns
        part_rows.append((k, a, b, lines.cl, used, pr))
    warns += W.date_gaps(x)
    for key in cols:
        cols[key] *= multiply
    special = bits != 0
    classification = RU.classify(side, special, direction)
    part_objs = tuple(_part(k, a, b, cl, used, pr, multiply, rules)
                      for k, a, b, cl, used, pr in part_rows)
    variation = assurance = None
    if rules == "nhs":
        variation = RU.variation_icon(cols["y"], special, side, direction)
        assurance = _assurance(cols, target, direction)
    return SpcResult(chart, rules, direction, target, float(multiply), bool(screen_mr),
                     labels, cols["y"], data.n.copy(), cols["cl"], cols["lcl"], cols["ucl"],
                     lay.part, lay.included, lay.baseline, bits, side, classification,
                     part_objs, tuple(warns), variation, assurance)


def _analyse_part(k, data, lay, a, b, chart, rules, screen_mr):
    """Lines, rule results, number of points used and warnings for part k."""
    use = lay.baseline[a:b] & lay.included[a:b]
    lines = L.CHARTS[chart](slice_part(data, a, b), use, screen_mr=screen_mr, nhs=rules == "nhs")
    usable = lay.included[a:b] & np.isfinite(lines.y)
    pr = RU.evaluate(rules, chart, lines.y, lines.cl, lines.lcl, lines.ucl, lines.z, usable)
    used = int((use & np.isfinite(lines.y)).sum())
    sigma_z = _sigma_z(chart, lines, data.n[a:b], use, screen_mr)
    warns = [w for w in (W.few_points(k, used, chart), W.overdispersion(k, chart, sigma_z)) if w]
    return lines, pr, used, warns


def _freeze_position(freeze, x):
    """``freeze`` as a point count; an x label (e.g. a date) means "up to and
    including that point"."""
    if freeze is None or isinstance(freeze, (int, np.integer)) and not isinstance(freeze, bool):
        return freeze
    if x is not None:
        keys = [str(v) for v in x]
        if str(freeze) in keys:
            return keys.index(str(freeze)) + 1
        raise ValueError(f"freeze: {freeze!r} is neither a point number nor one of the x labels")
    raise ValueError(f"freeze: {freeze!r} must be a whole number of points ≥ 1")


def _sigma_z(chart, lines, n, use, screen_mr) -> float:
    """Laney's σz of a p or u part, for the over-dispersion warning."""
    if chart not in ("p", "u") or not lines.cl.size:
        return float("nan")
    cl = float(lines.cl[0])
    sigma = L.sigma_p(cl, n) if chart == "p" else L.sigma_u(cl, n)
    return L.laney_sigma_z(lines.y, cl, sigma, use, screen_mr)


def _part(k, a, b, cl, used, pr, multiply, rules) -> SpcPart:
    r = pr.runs
    cl0 = float(cl[0]) * multiply if cl.size else float("nan")
    part_signal = bool(pr.bits.any() or pr.runs_signal and rules == "anhoej"
                       or pr.extra.get("runs_count_signal", False))
    return SpcPart(k, int(a) + 1, int(b), cl0 if math.isfinite(cl0) else None, used,
                   r.n_useful, r.longest_run, r.longest_run_max, r.crossings,
                   r.crossings_min, pr.runs_signal, part_signal, dict(pr.extra))


def _assurance(cols, target, direction):
    ok = np.flatnonzero(np.isfinite(cols["lcl"]) & np.isfinite(cols["ucl"]))
    if not ok.size:
        return None
    last = ok[-1]
    return RU.assurance_icon(target, cols["lcl"][last], cols["ucl"][last], direction)

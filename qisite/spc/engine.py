"""``analyse``: the single entry point that turns one series into an SpcResult."""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from . import limits, phases
from . import rebase as rebase_rule
from . import rules as rule_sets
from . import warnings as result_warnings
from .chart_types import BY_NAME, SPC_NAMES, chart_type
from .result import SpcPart, SpcResult

CHARTS = SPC_NAMES
DIRECTIONS = ("increase", "decrease", "neutral")


def check_chart(chart: str) -> str:
    if chart not in SPC_NAMES:
        names = ", ".join(f"{name} ({BY_NAME[name].help})" for name in SPC_NAMES)
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


def part_data(y, n, chart: str) -> tuple[limits.PartData, list[str]]:
    """The values a chart plots (rates, subgroup means …) with their denominators, and notes on the data."""
    notes: list[str] = []
    kind = chart_type(chart)
    if kind.subgroups:
        means, sds, sizes = _subgroups(y)
        return limits.PartData(means, sizes, means, sds), notes
    yv = _floats(y, "y")
    nv = None if n is None else _floats(n, "n")
    if nv is not None and nv.size != yv.size:
        raise ValueError(f"y has {yv.size} values but n has {nv.size}")
    if kind.needs_denominator:
        if nv is None:
            raise ValueError(f"a {chart} chart needs denominators (n)")
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(nv > 0, yv / nv, np.nan)
        if kind.proportion and (rate > 1).any():
            notes.append("some numerators exceed their denominators (proportion > 1)")
        return limits.PartData(rate, nv, yv), notes
    if nv is not None and kind.accepts_denominator:
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(nv > 0, yv / nv, np.nan)
        return limits.PartData(rate, nv, yv), notes
    if chart == "t" and (yv <= 0).any():
        notes.append("t chart: times ≤ 0 are treated as missing")
    return limits.PartData(yv, np.full(yv.size, np.nan) if nv is None else nv, yv), notes


def slice_part(d: limits.PartData, a: int, b: int) -> limits.PartData:
    """Points a (inclusive) to b (exclusive) of the data."""
    return limits.PartData(d.y[a:b], d.n[a:b], d.num[a:b], None if d.sd is None else d.sd[a:b])


def _check_length(name: str, value) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 2):
        raise ValueError(f"{name} must be a whole number of points ≥ 2, not {value!r}")


def _check_options(chart, rules, direction, multiply, target, shift=None, trend=None):
    check_chart(chart)
    _check_length("shift", shift)
    _check_length("trend", trend)
    rule_sets.check_profile(rules)
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
            direction: str = "neutral", target: float | None = None,
            shift: int | None = None, trend: int | None = None,
            centre: float | None = None, limits: tuple[float, float] | None = None,
            trajectory: Sequence | None = None, rebase: str | None = None) -> SpcResult:
    """Compute centre line, limits, runs analysis and special causes.

    See docs/spc.md. Indices (freeze, parts, exclude) are 1-based point
    positions. For xbar/s charts ``y`` is a list of subgroups (each a list of
    raw observations) and ``n`` is ignored. ``shift``/``trend`` set the run
    lengths of the ``ihi`` and ``nhs`` profiles (``anhoej`` has none: a
    warning says they were not used).
    """
    _check_options(chart, rules, direction, multiply, target, shift, trend)
    given = _check_given(chart, centre, limits, multiply)
    data, notes = part_data(y, n, chart)
    size = data.y.size
    if x is not None and len(x) != size:
        raise ValueError(f"x has {len(x)} labels but there are {size} points")
    path = None if trajectory is None else _floats(trajectory, "trajectory")
    if path is not None and path.size != size:
        raise ValueError(f"trajectory has {path.size} values but there are {size} points")
    labels = tuple(x) if x is not None else tuple(range(1, size + 1))
    lay = phases.layout(size, _freeze_position(freeze, x), parts, exclude)
    if rebase is not None:
        lay = _rebased(lay, data.y, chart, rebase, parts, _freeze_position(freeze, x), shift, direction)
    cols = {k: np.full(size, np.nan) for k in ("y", "cl", "lcl", "ucl", "lcl95", "ucl95")}
    bits = np.zeros(size, dtype=np.int32)
    side = np.zeros(size, dtype=np.int8)
    part_rows, warns = [], list(notes)
    starts, ends = (lay.starts, lay.ends) if size else ((), ())
    for k, (a, b) in enumerate(zip(starts, ends), start=1):
        lines, pr, used, part_warns = _analyse_part(k, data, lay, a, b, chart, rules, screen_mr,
                                                    shift, trend, given)
        for key in cols:
            cols[key][a:b] = getattr(lines, key)
        bits[a:b], side[a:b] = pr.bits, pr.side
        warns += part_warns
        part_rows.append((k, a, b, lines.cl, used, pr))
    warns += result_warnings.date_gaps(x)
    warns += result_warnings.unused_lengths(rules, shift, trend)
    for key in cols:
        cols[key] *= multiply
    special = bits != 0
    classification = rule_sets.classify(side, special, direction)
    part_objs = tuple(_part(k, a, b, cl, used, pr, multiply, rules)
                      for k, a, b, cl, used, pr in part_rows)
    variation = assurance = None
    if rules == "nhs":
        variation = rule_sets.variation_icon(cols["y"], special, side, direction)
        assurance = _assurance(cols, target, direction, path)
    return SpcResult(chart, rules, direction, target, float(multiply), bool(screen_mr),
                     labels, cols["y"], data.n.copy(), cols["cl"], cols["lcl"], cols["ucl"],
                     lay.part, lay.included, lay.baseline, bits, side, classification,
                     part_objs, tuple(warns), variation, assurance, cols["lcl95"], cols["ucl95"],
                     *_lengths_used(rules, chart, shift, trend), path)


def _lengths_used(rules, chart, shift, trend) -> tuple[int | None, int | None]:
    """The shift and trend lengths the profile applied (None for anhoej and
    for charts without runs rules)."""
    lengths = rule_sets.default_lengths(rules, not chart_type(chart).has_limits)
    if lengths is None or not chart_type(chart).runs_rules:
        return None, None
    return shift or lengths[0], trend or lengths[1]


def _rebased(lay, y, chart, rebase, parts, freeze, shift, direction):
    """runcharter's automatic re-basing (qisite.spc.rebase): a new part at each
    sustained run, its median from the run's own points."""
    if rebase != "auto":
        raise ValueError(f"rebase must be 'auto', not {rebase!r}")
    if chart_type(chart).has_limits:
        raise ValueError("rebase: auto re-bases the median of a run chart; control charts use parts")
    if parts:
        raise ValueError("rebase: auto finds the parts itself: give parts or rebase, not both")
    first = freeze or rebase_rule.MED_ROWS
    runlength = shift or rebase_rule.RUNLENGTH
    side = {"increase": 1, "decrease": -1}.get(direction, 0)
    runs = rebase_rule.sustained_runs(y, first, runlength, side)
    ends = [run[0] for run in runs]   # a part ends just before each run (1-based end = 0-based start)
    new = phases.layout(y.size, None, ends or None, (np.flatnonzero(~lay.included) + 1).tolist())
    baseline = np.zeros(y.size, dtype=bool)
    baseline[:first] = True
    for run in runs:
        baseline[run] = True
    return phases.Layout(new.part, baseline, new.included, new.starts, new.ends)


def _check_given(chart, centre, given_limits, multiply) -> tuple[float | None, tuple[float, float] | None]:
    """A centre line and limits given by the team, in the chart's own units."""
    for name, v in (("centre", centre),) + tuple(("limits", x) for x in (given_limits or ())):
        if v is None and name == "centre":
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise ValueError(f"{name} must be numbers, not {v!r}")
    kind = chart_type(chart)
    if centre is not None and not kind.given_centre:
        raise ValueError(f"a {chart} chart's centre line cannot be given: its limits rest on its own estimate")
    if given_limits is not None:
        if not kind.has_limits:
            raise ValueError(f"a {chart} chart has no control limits to give")
        lower, upper = given_limits
        if not lower < upper or (centre is not None and not lower <= centre <= upper):
            raise ValueError(f"limits must be lower < upper around the centre line, not {lower!r}, {upper!r}")
        given_limits = (lower / multiply, upper / multiply)
    return (None if centre is None else centre / multiply), given_limits


def _analyse_part(k, data, lay, a, b, chart, rules, screen_mr, shift=None, trend=None, given: tuple = (None, None)):
    """Lines, rule results, number of points used and warnings for part k."""
    use = lay.baseline[a:b] & lay.included[a:b]
    centre, given_limits = given
    extra = {} if centre is None else {"cl": centre}
    lines = limits.CHARTS[chart](slice_part(data, a, b), use, screen_mr=screen_mr, nhs=rules == "nhs", **extra)
    if given_limits is not None:
        lower, upper = given_limits
        lines = limits.given(lines, lower, upper, centre)
    usable = lay.included[a:b] & np.isfinite(lines.y)
    pr = rule_sets.evaluate(rules, chart, lines.y, lines.cl, lines.lcl, lines.ucl, lines.z, usable,
                            shift=shift, trend=trend)
    used = int((use & np.isfinite(lines.y)).sum())
    sigma_z = _sigma_z(chart, lines, data.n[a:b], use, screen_mr)
    warns = [w for w in (result_warnings.few_points(k, used, chart), result_warnings.overdispersion(k, chart, sigma_z)) if w]
    return lines, pr, used, warns


def _freeze_position(freeze, x):
    """``freeze`` as a point count; an x label (e.g. a date) means "up to and
    including that point"."""
    if freeze is None or (isinstance(freeze, (int, np.integer)) and not isinstance(freeze, bool)):
        return freeze
    if x is not None:
        keys = [str(v) for v in x]
        if str(freeze) in keys:
            return keys.index(str(freeze)) + 1
        raise ValueError(f"freeze: {freeze!r} is neither a point number nor one of the x labels")
    raise ValueError(f"freeze: {freeze!r} must be a whole number of points ≥ 1")


def _sigma_z(chart, lines, n, use, screen_mr) -> float:
    """Laney's σz of a p or u part, for the over-dispersion warning."""
    if not chart_type(chart).laney_version or not lines.cl.size:
        return float("nan")
    cl = float(lines.cl[0])
    sigma = limits.sigma_p(cl, n) if chart_type(chart).proportion else limits.sigma_u(cl, n)
    return limits.laney_sigma_z(lines.y, cl, sigma, use, screen_mr)


def _part(k, a, b, cl, used, pr, multiply, rules) -> SpcPart:
    r = pr.runs
    cl0 = float(cl[0]) * multiply if cl.size else float("nan")
    part_signal = bool(pr.bits.any() or (pr.runs_signal and rules == "anhoej")
                       or pr.extra.get("runs_count_signal", False))
    return SpcPart(k, int(a) + 1, int(b), cl0 if math.isfinite(cl0) else None, used,
                   r.n_useful, r.longest_run, r.longest_run_max, r.crossings,
                   r.crossings_min, pr.runs_signal, part_signal, dict(pr.extra))


def _assurance(cols, target, direction, path=None):
    """Against the target — or, with a trajectory, against its value at the
    last point with limits (a trajectory is a target that moves)."""
    ok = np.flatnonzero(np.isfinite(cols["lcl"]) & np.isfinite(cols["ucl"]))
    if not ok.size:
        return None
    last = ok[-1]
    if path is not None and np.isfinite(path[last]):
        target = float(path[last])
    return rule_sets.assurance_icon(target, cols["lcl"][last], cols["ucl"][last], direction)

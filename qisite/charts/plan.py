"""From a project and its analyses to chart requests (pure computation, no matplotlib).

Every number a chart shows is taken from the SPC engine's results here; the
drawing code only places what the spec says.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Callable, Mapping, Sequence

import numpy as np

from qisite import spc
from qisite.analysis import MeasureAnalysis
from qisite.links import cycle_numbers
from qisite.model import Measure, Project

from . import describe as D
from .request import ChartRequest, make_request
from qisite.numbers import axis_label, groups_format, series_format, value_format
from qisite.spc.chart_types import shown_as_percent
from .ticks import date_ticks, index_ticks, infer_period

Href = Callable[[str], str]


def default_href(cycle_id: str) -> str:
    return f"#pdsa-{cycle_id}"


# --- the public entry points --------------------------------------------------------

def chart_requests(project: Project, analyses: Mapping[str, MeasureAnalysis],
                   cycle_href: Href = default_href, *, groups: bool = True) -> list[ChartRequest]:
    """Every chart of a project's measures, in measure order.

    Unstratified measures get one ``spc`` chart (``pareto`` for Pareto
    measures). A stratified measure gets an ``equity`` chart (one line per
    group) and a ``gap`` chart (the gap series with its own SPC: one panel per
    compared group); with ``groups`` also a ``groups`` small multiple (each
    group's own SPC chart, shared axes).
    """
    out: list[ChartRequest] = []
    for measure in project.measures:
        analysis = analyses.get(measure.id)
        if analysis is None:
            continue
        cycles = measure_cycles(project, measure.id)
        out.extend(measure_requests(analysis, cycles, cycle_href, groups=groups))
    return out


def measure_cycles(project: Project, measure_id: str) -> tuple:
    """(number, cycle_id, start date, title) of each PDSA cycle that touched the
    measure; the number is the cycle's place in the project's timeline (by start date)."""
    numbers = cycle_numbers(project)
    return tuple(sorted((numbers[c.id], c.id, c.start, c.title) for c in project.cycles if measure_id in c.measures))


def measure_requests(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href,
                     *, groups: bool = True) -> list[ChartRequest]:
    m = analysis.measure
    if m.chart == "pareto":
        return [pareto_request(analysis)]
    if not m.stratified:
        return [spc_request(analysis, cycles, cycle_href)]
    out = [equity_request(analysis, cycles, cycle_href)]
    if analysis.gaps:
        out.append(gap_request(analysis, cycles, cycle_href))
    if groups:
        out.append(small_multiple_request(analysis, cycles=cycles, cycle_href=cycle_href))
    return out


# --- shared pieces ----------------------------------------------------------------

def _is_dated(xs) -> bool:
    return bool(xs) and all(isinstance(v, dt.date) for v in xs)


def _positions(xs) -> list[float]:
    return [float(v.toordinal()) for v in xs] if _is_dated(xs) else [float(i) for i in range(1, len(xs) + 1)]


def _floats(arr) -> list:
    return [None if not math.isfinite(v) else float(v) for v in np.asarray(arr, dtype=float).tolist()]


def _axis(xs_all: list, period: str | None, cycles: tuple, href: Href) -> dict:
    """x positions, ticks, range and PDSA markers shared by a chart's series.

    The range grows to show cycles a little outside the data (up to 15% of the
    span); a cycle further out keeps its marker, pinned to the chart's edge,
    without a date line."""
    dated = _is_dated(xs_all)
    xs = sorted(set(xs_all)) if dated else list(xs_all)
    period = period or (infer_period(xs) if dated else None)
    pos = _positions(xs)
    spacing = float(np.median(np.diff(pos))) if len(pos) > 1 else 1.0
    lo = pos[0] - spacing * 0.5 if pos else 0.0
    hi = pos[-1] + spacing * 0.5 if pos else 1.0
    marks = []
    if dated and pos:
        reach = max((hi - lo) * 0.15, spacing)
        starts = [float(d.toordinal()) for _, _, d, _ in cycles]
        lo = min([lo] + [p - spacing * 0.5 for p in starts if p >= lo - reach])
        hi = max([hi] + [p + spacing * 0.5 for p in starts if p <= hi + reach])
        for (k, cid, d, title), p in zip(cycles, starts):
            inside = lo <= p <= hi
            marks.append((int(k), min(max(p, lo), hi), href(cid), str(title), cid, inside))
    ticks = date_ticks(xs, period) if dated else index_ticks(xs)
    return {"dated": dated, "period": period, "ticks": ticks, "xlim": (lo, hi),
            "cycles": marks, "spacing": spacing}


def _part_labels(m: Measure, result: spc.SpcResult, meaning=None) -> list[dict]:
    """Each part: first and last index (0-based, inclusive), label, runs-signal meaning."""
    out = []
    for part in result.parts:
        a, b = part.start - 1, part.end - 1
        first = result.x[a]
        label = ""
        if part.part > 1 and isinstance(first, dt.date):
            starts = [p for p in m.parts if p.start <= first]
            label = max(starts, key=lambda p: p.start).label if starts else ""
        runs = ""
        if part.runs_signal:
            runs = _runs_meaning(result, a, b, meaning)
        out.append({"start": a, "end": b, "label": label, "runs": runs, "cl": part.cl})
    if len(out) > 1 and m.freeze is not None and result.baseline[out[0]["start"]:out[0]["end"] + 1].all():
        out[0]["label"] = "Baseline"
    return out


def _runs_meaning(result: spc.SpcResult, a: int, b: int, meaning=None) -> str:
    """A runs signal's meaning: from the points of the long run (side vs direction)."""
    from qisite.spc.rules import LONG_RUN, SHIFT
    meaning = result.classification if meaning is None else meaning
    bits = result.bits[a:b + 1]
    in_run = (bits & (LONG_RUN | SHIFT)) != 0
    kinds = [c for c in meaning[a:b + 1][in_run].tolist() if c]
    if not kinds:
        return "neutral"
    return max(kinds, key=kinds.count)  # a tie: the first to occur (not a set's hash order)


def _freeze_index(result: spc.SpcResult) -> int | None:
    """Index of the last baseline point when the first part has points after its baseline."""
    if not result.parts:
        return None
    p = result.parts[0]
    base = result.baseline[p.start - 1:p.end]
    if base.all() or not base.any():
        return None
    return int(p.start - 1 + np.flatnonzero(base)[-1])


def gap_meaning(g: spc.GapResult) -> np.ndarray:
    """Meaning of the gap chart's special causes: towards zero (the gap closing)
    is improvement, away from it concern — judged from the baseline gap's sign."""
    from qisite.spc.rules import classify
    base = g.summary.baseline_cl
    direction = "neutral" if not base else ("increase" if base < 0 else "decrease")
    return classify(g.result.side, g.result.special_cause, direction)


def _series_spec(result: spc.SpcResult, m: Measure | None, xpos: list[float], meaning=None) -> dict:
    meaning = result.classification if meaning is None else meaning
    return {
        "x": xpos, "y": _floats(result.y), "cl": _floats(result.cl),
        "lcl": _floats(result.lcl), "ucl": _floats(result.ucl),
        "included": result.included.tolist(), "baseline": result.baseline.tolist(),
        "meaning": [c or "" for c in meaning.tolist()],
        "outside": result.outside_limits.tolist(),
        "parts": _part_labels(m, result, meaning),
        "freeze": _freeze_index(result),
        "limits": bool(np.isfinite(result.ucl).any() or np.isfinite(result.lcl).any()),
    }


def _cycles_tuple(axis: dict, cycles: tuple) -> tuple:
    return tuple(cycles) if axis["dated"] else ()


# --- one SPC chart ------------------------------------------------------------

def spc_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href,
                *, group=None, filename: str | None = None) -> ChartRequest:
    m = analysis.measure
    result = analysis.results[group]
    summary = analysis.summaries[group]
    axis = _axis(list(result.x), m.period, cycles, cycle_href)
    fmt = series_format(m, result)
    spec = {"type": "spc", "chart": m.chart, **axis, "fmt": fmt.spec(),
            "ylabel": axis_label(m.chart, m.multiply, m.unit), "target": m.target,
            "series": _series_spec(result, m, _positions(list(result.x)))}
    table = D.spc_table(result, fmt, m, axis["period"])
    return make_request(
        measure_id=m.id, kind="spc", filename=filename or f"{m.id}.svg", title=m.title,
        alt=D.spc_alt(m, result, summary, fmt, axis["period"]),
        description=D.spc_description(m, result, summary, fmt, axis["period"], cycles if axis["dated"] else ()),
        spec=spec, cycles=_cycles_tuple(axis, cycles), table=table)


# --- equity: one line per group, and the gaps --------------------------------------------

def equity_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href) -> ChartRequest:
    m = analysis.measure
    xs_all = [x for r in analysis.results.values() for x in r.x]
    axis = _axis(xs_all, m.period, cycles, cycle_href)
    fmt = groups_format(m, analysis.results.values())
    series = []
    for group in _group_order(analysis):
        r = analysis.results[group]
        series.append({"name": str(group), "reference": group == m.reference_group,
                       "x": _positions(list(r.x)), "y": _floats(r.y),
                       "parts": [{"start": p.start - 1, "end": p.end - 1, "cl": p.cl} for p in r.parts]})
    ref = analysis.results[m.reference_group]
    spec = {"type": "equity", "chart": m.chart, **axis, "fmt": fmt.spec(),
            "ylabel": axis_label(m.chart, m.multiply, m.unit), "target": m.target,
            "series": series, "breaks": _breaks(m, ref), "freeze": _freeze_x(ref)}
    headline = D.gap_headline(analysis, fmt)
    return make_request(
        measure_id=m.id, kind="equity", filename=f"{m.id}.svg", title=m.title,
        alt=D.equity_alt(analysis, fmt, axis["period"]), headline=headline,
        description=D.equity_description(analysis, fmt, axis["period"]),
        spec=spec, cycles=_cycles_tuple(axis, cycles), table=D.equity_table(analysis, fmt, axis["period"]))


def _group_order(analysis: MeasureAnalysis) -> list:
    """The reference group first, then the others in their first-seen order."""
    ref = analysis.measure.reference_group
    return [ref] + [g for g in analysis.results if g != ref]


def _breaks(m: Measure, result: spc.SpcResult) -> list[tuple[float, str]]:
    """x of each part break (half-way between parts) and its label."""
    out = []
    xpos = _positions(list(result.x))
    for p in _part_labels(m, result)[1:]:
        a = p["start"]
        out.append(((xpos[a - 1] + xpos[a]) / 2, p["label"]))
    return out


def _freeze_x(result: spc.SpcResult) -> tuple[float, float] | None:
    k = _freeze_index(result)
    if k is None:
        return None
    xpos = _positions(list(result.x))
    return (xpos[0], (xpos[k] + xpos[k + 1]) / 2)


def gap_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href) -> ChartRequest:
    """The gap of each group to the reference group, each with its own SPC (I chart)."""
    m = analysis.measure
    gaps = list(analysis.gaps.values())
    xs_all = [x for g in gaps for x in g.x]
    axis = _axis(xs_all, m.period, cycles, cycle_href)
    values = [v for g in gaps for v in list(g.result.y) + list(g.result.ucl) + list(g.result.lcl)]
    fmt = value_format(m.chart, m.multiply, m.unit, values)
    fmt.percent = False                                   # a gap in % is in percentage points
    panels = [{"name": f"{g.group} − {g.reference}",
               "series": _series_spec(g.result, _gap_measure(m), _positions(list(g.x)), gap_meaning(g))}
              for g in gaps]
    unit = "percentage points" if shown_as_percent(m.chart, m.unit) else axis_label(m.chart, m.multiply, m.unit)
    spec = {"type": "multiples", "chart": "i", **axis, "fmt": fmt.spec(), "ylabel": f"gap, {unit}" if unit else "gap",
            "target": None, "zero": True, "panels": panels}
    return make_request(
        measure_id=m.id, kind="gap", filename=f"{m.id}-gap.svg", title=f"{m.title}: the gap to {m.reference_group}",
        alt=D.gap_alt(analysis, axis["period"]), headline=D.gap_headline(analysis, fmt),
        description=D.gap_description(analysis, fmt, axis["period"]),
        spec=spec, cycles=_cycles_tuple(axis, cycles), table=D.gap_table(analysis, fmt, axis["period"]))


def _gap_measure(m: Measure) -> Measure:
    from dataclasses import replace
    return replace(m, observations=())


# --- small multiples ------------------------------------------------------------

def small_multiple_request(panels: MeasureAnalysis | Sequence[tuple[str, spc.SpcResult]], *,
                           measure: Measure | None = None, cycles: tuple = (),
                           cycle_href: Href = default_href, title: str | None = None,
                           filename: str | None = None, measure_id: str | None = None) -> ChartRequest:
    """One measure across groups or teams: one SPC panel each, shared x and y axes.

    ``panels`` is a stratified :class:`MeasureAnalysis` (one panel per group,
    the reference group first) or a sequence of ``(label, SpcResult)`` — e.g.
    the same measure of several teams — with ``measure`` giving units and
    period.
    """
    if isinstance(panels, MeasureAnalysis):
        analysis = panels
        measure = analysis.measure
        order = _group_order(analysis) if measure.stratified else list(analysis.results)
        items = [(f"{g} (reference)" if g == measure.reference_group else str(g), analysis.results[g]) for g in order]
        summaries = [analysis.summaries[g] for g in order]
        kind, default_name = "groups", f"{measure.id}-groups.svg"
    else:
        items = list(panels)
        if measure is None:
            raise ValueError("small_multiple_request needs measure= for a list of panels")
        kind, default_name = "multiples", f"{measure.id}-multiples.svg"
        summaries = None
    xs_all = [x for _, r in items for x in r.x]
    axis = _axis(xs_all, measure.period, cycles, cycle_href)
    values = [v for _, r in items for v in list(r.y) + list(r.ucl) + list(r.lcl)] + [measure.target or float("nan")]
    fmt = value_format(measure.chart, measure.multiply, measure.unit, values)
    spec = {"type": "multiples", "chart": measure.chart, **axis, "fmt": fmt.spec(),
            "ylabel": axis_label(measure.chart, measure.multiply, measure.unit), "target": measure.target,
            "zero": False,
            "panels": [{"name": label, "series": _series_spec(r, measure, _positions(list(r.x)))} for label, r in items]}
    title = title or f"{measure.title}, {'by group' if kind == 'groups' else 'side by side'}"
    return make_request(
        measure_id=measure_id or measure.id, kind=kind, filename=filename or default_name, title=title,
        alt=D.multiples_alt(title, items, measure, axis["period"]),
        description=D.multiples_description(items, measure, fmt, axis["period"], summaries),
        spec=spec, cycles=_cycles_tuple(axis, cycles), table=D.multiples_table(items, fmt, axis["period"]))


# --- Pareto ----------------------------------------------------------------------

def pareto_request(analysis: MeasureAnalysis) -> ChartRequest:
    m = analysis.measure
    s = analysis.series[0]
    result = spc.pareto(list(s.x), list(s.y))
    spec = {"type": "pareto", "categories": [str(c) for c in result.categories],
            "counts": result.counts.tolist(), "cumulative": result.cumulative_percent.tolist(),
            "ylabel": m.unit or "count"}
    return make_request(
        measure_id=m.id, kind="pareto", filename=f"{m.id}.svg", title=m.title,
        alt=D.pareto_alt(m, result), description=D.pareto_description(m, result), spec=spec,
        table=D.pareto_table(m, result))

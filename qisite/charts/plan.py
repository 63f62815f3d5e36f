"""From a project and its analyses to chart requests (pure computation, no matplotlib).

Every number a chart shows is taken from the SPC engine's results here; the
drawing code only places what the spec says.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial

import numpy as np

from qisite import spc
from qisite.analysis import MeasureAnalysis
from qisite.links import cycle_numbers
from qisite.model import ChartEvent, Measure, Project
from qisite.numbers import ValueFormat, axis_label, groups_format, series_format, value_format
from qisite.spc.bchart import LOWER, UPPER
from qisite.spc.chart_types import chart_type, shown_as_percent
from qisite.spc.rules import LONG_RUN, SHIFT
from qisite.spc.warnings import missing_periods

from . import describe, tables
from .meaning import gap_meaning
from .request import ChartRequest, make_request
from .specs import (
    AxisSpec,
    BChartSpec,
    CycleMark,
    EquitySpec,
    EventMark,
    FormatSpec,
    GroupSeriesSpec,
    MultiplesSpec,
    PanelSpec,
    ParetoSpec,
    PartSpec,
    SeriesSpec,
    SpcSpec,
)
from .text import plural
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
        out.extend(measure_requests(analysis, cycles, cycle_href, groups=groups,
                                    events=project.chart_events(measure)))
    return out


def measure_cycles(project: Project, measure_id: str) -> tuple:
    """(number, cycle_id, start date, title) of each PDSA cycle that touched the
    measure; the number is the cycle's place in the project's timeline (by start date)."""
    numbers = cycle_numbers(project)
    return tuple(sorted((numbers[c.id], c.id, c.start, c.title) for c in project.cycles if measure_id in c.measures))


def measure_requests(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href,
                     *, groups: bool = True, events: tuple[ChartEvent, ...] = ()) -> list[ChartRequest]:
    """A measure's charts; ``events`` (the project's and the measure's, by date) are noted
    on each dated one, in its description and in its data table."""
    measure = analysis.measure
    if measure.chart == "pareto":
        return [pareto_request(analysis)]
    if chart_type(measure.chart).cusum:
        return [bchart_request(analysis, cycles, cycle_href)]
    if not measure.stratified:
        return [spc_request(analysis, cycles, cycle_href, events=events)]
    out = [equity_request(analysis, cycles, cycle_href, events=events)]
    if analysis.gaps:
        out.append(gap_request(analysis, cycles, cycle_href, events=events))
    if groups:
        out.append(small_multiple_request(analysis, cycles=cycles, cycle_href=cycle_href, events=events))
    return out


# --- shared pieces ----------------------------------------------------------------

def _is_dated(xs) -> bool:
    return bool(xs) and all(isinstance(v, dt.date) for v in xs)


def _positions(xs) -> tuple[float, ...]:
    """x positions: dates as ordinals, otherwise 1, 2, 3 …"""
    if _is_dated(xs):
        return tuple(float(v.toordinal()) for v in xs)
    return tuple(float(i) for i in range(1, len(xs) + 1))


def _optional_floats(values) -> tuple[float | None, ...]:
    """Floats with NaN and infinity as None."""
    return tuple(None if not math.isfinite(v) else float(v) for v in np.asarray(values, dtype=float).tolist())


def _axis(xs_all: list, period: str | None, cycles: tuple, href: Href,
          events: tuple[ChartEvent, ...] = ()) -> AxisSpec:
    """x positions, ticks, range and PDSA markers shared by a chart's series.

    The range grows to show cycles a little outside the data (up to 15% of the
    span); a cycle further out keeps its marker, pinned to the chart's edge,
    without a date line."""
    dated = _is_dated(xs_all)
    xs = sorted(set(xs_all)) if dated else list(xs_all)
    period = period or (infer_period(xs) if dated else None)
    positions = _positions(xs)
    spacing = float(np.median(np.diff(positions))) if len(positions) > 1 else 1.0
    low = positions[0] - spacing * 0.5 if positions else 0.0
    high = positions[-1] + spacing * 0.5 if positions else 1.0
    marks = []
    if dated and positions:
        reach = max((high - low) * 0.15, spacing)
        starts = [float(start.toordinal()) for _, _, start, _ in cycles]
        low = min([low] + [p - spacing * 0.5 for p in starts if p >= low - reach])
        high = max([high] + [p + spacing * 0.5 for p in starts if p <= high + reach])
        for (number, cycle_id, _, title), start in zip(cycles, starts):
            marks.append(CycleMark(number=int(number), position=min(max(start, low), high), href=href(cycle_id),
                                   title=str(title), cycle_id=cycle_id, inside=low <= start <= high))
    ticks = date_ticks(xs, period) if dated else index_ticks(xs)
    notes = tuple(EventMark(position=float(e.date.toordinal()), text=e.text, title=describe.event_title(e))
                  for e in (events if dated and positions else ())
                  if low <= e.date.toordinal() <= high)
    return AxisSpec(dated=dated, period=period, ticks=tuple((float(at), label) for at, label in ticks),
                    xlim=(low, high), cycles=tuple(marks), spacing=spacing, events=notes)


def _missing(result: spc.SpcResult, measure: Measure) -> tuple[float, ...]:
    """x of each period with no row (a measure with a regular ``period`` only)."""
    if not _is_dated(list(result.x)):
        return ()
    return tuple(float(d.toordinal()) for d in missing_periods(list(result.x), measure.period))


def _part_labels(measure: Measure, result: spc.SpcResult, meaning=None) -> tuple[PartSpec, ...]:
    """Each part: first and last index (0-based, inclusive), label, runs-signal meaning."""
    out = []
    for part in result.parts:
        first, last = part.start - 1, part.end - 1
        first_x = result.x[first]
        label = ""
        if part.part > 1 and isinstance(first_x, dt.date):
            started = [p for p in measure.parts if p.start <= first_x]
            label = max(started, key=lambda p: p.start).label if started else ""
        runs = _runs_meaning(result, first, last, meaning) if part.runs_signal else ""
        out.append(PartSpec(start=first, end=last, label=label, runs=runs, cl=part.cl))
    if (len(out) > 1 and measure.freeze is not None
            and result.baseline[out[0].start:out[0].end + 1].all()):
        out[0] = replace(out[0], label="Baseline")
    return tuple(out)


def _runs_meaning(result: spc.SpcResult, first: int, last: int, meaning=None) -> str:
    """A runs signal's meaning: from the points of the long run (side vs direction)."""
    meaning = result.classification if meaning is None else meaning
    bits = result.bits[first:last + 1]
    in_run = (bits & (LONG_RUN | SHIFT)) != 0
    kinds = [kind for kind in meaning[first:last + 1][in_run].tolist() if kind]
    if not kinds:
        return "neutral"
    return max(kinds, key=kinds.count)


def _freeze_index(result: spc.SpcResult) -> int | None:
    """Index of the last baseline point when the first part has points after its baseline."""
    if not result.parts:
        return None
    first_part = result.parts[0]
    baseline = result.baseline[first_part.start - 1:first_part.end]
    if baseline.all() or not baseline.any():
        return None
    return int(first_part.start - 1 + np.flatnonzero(baseline)[-1])


def _series_spec(result: spc.SpcResult, measure: Measure, meaning=None, tips: tuple[str, ...] = ()) -> SeriesSpec:
    meaning = result.classification if meaning is None else meaning
    return SeriesSpec(
        x=_positions(list(result.x)), y=_optional_floats(result.y), cl=_optional_floats(result.cl),
        lcl=_optional_floats(result.lcl), ucl=_optional_floats(result.ucl),
        included=tuple(result.included.tolist()), baseline=tuple(result.baseline.tolist()),
        meaning=tuple(kind or "" for kind in meaning.tolist()),
        outside=tuple(result.outside_limits.tolist()),
        parts=_part_labels(measure, result, meaning),
        freeze=_freeze_index(result),
        limits=bool(np.isfinite(result.ucl).any() or np.isfinite(result.lcl).any()),
        missing=_missing(result, measure), tips=tips,
        **_warning_limits(result, measure))


def _tips(analysis: MeasureAnalysis | None, measure: Measure, result: spc.SpcResult, value_format: ValueFormat,
          period, group=None, meaning=None) -> tuple[str, ...]:
    """Each point's details (describe.point_tips), from the published analysis: counts
    withheld by disclosure control are blank there, and their points get no details."""
    counts = next((s for s in analysis.series if s.group == group), None) if analysis is not None else None
    withheld = partial(analysis.withheld, group) if analysis is not None else (lambda index: "")
    labels = tuple(part.label for part in _part_labels(measure, result, meaning))
    return describe.point_tips(measure, result, value_format, period, counts=counts, withheld=withheld,
                               meaning=meaning, part_labels=labels)


def _warning_limits(result: spc.SpcResult, measure: Measure) -> dict:
    """The 2σ limits, when the measure asks for them to be drawn."""
    if not measure.warning_limits or result.lcl95 is None or result.ucl95 is None:
        return {}
    return {"lcl95": _optional_floats(result.lcl95), "ucl95": _optional_floats(result.ucl95)}


def _cycles_tuple(axis: AxisSpec, cycles: tuple) -> tuple:
    return tuple(cycles) if axis.dated else ()


# --- one SPC chart ------------------------------------------------------------

def spc_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href,
                *, group=None, filename: str | None = None, events: tuple[ChartEvent, ...] = ()) -> ChartRequest:
    measure = analysis.measure
    result = analysis.results[group]
    summary = analysis.summaries[group]
    axis = _axis(list(result.x), measure.period, cycles, cycle_href, events)
    value_format = series_format(measure, result)
    tips = _tips(analysis, measure, result, value_format, axis.period, group)
    spec = SpcSpec(chart=measure.chart, axis=axis, value_format=FormatSpec.of(value_format),
                   ylabel=axis_label(measure.chart, measure.multiply, measure.unit), target=measure.target,
                   target_label=measure.target_label, other_targets=_other_targets(measure),
                   series=_series_spec(result, measure, tips=tips),
                   trajectory=() if result.trajectory is None else _optional_floats(result.trajectory))
    marked = _cycles_tuple(axis, cycles)
    return make_request(
        measure_id=measure.id, kind="spc", filename=filename or measure.chart_file(), title=measure.title,
        alt=describe.spc_alt(measure, result, summary, value_format, axis.period) + _events_alt(axis),
        description=_with_events(describe.spc_description(measure, result, summary, value_format, axis.period,
                                                          marked), events),
        spec=spec, cycles=marked, table=tables.measure_table(analysis, value_format, axis.period, events))


def _events_alt(axis: AxisSpec) -> str:
    """", with 2 events marked": the short alt's note of the events on the chart."""
    return f", with {plural(len(axis.events), 'event')} marked" if axis.events else ""


def _with_events(description: str, events: tuple[ChartEvent, ...]) -> str:
    return " ".join(t for t in (description, describe.events_sentence(events)) if t)


def _other_targets(measure: Measure) -> tuple[tuple[str, float], ...]:
    return tuple((t.label, t.value) for t in measure.other_targets)


def value_format_of(measure: Measure, values: list) -> ValueFormat:
    return value_format(measure.chart, measure.multiply, measure.unit, values)


# --- equity: one line per group, and the gaps --------------------------------------------

def equity_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href,
                   *, events: tuple[ChartEvent, ...] = ()) -> ChartRequest:
    measure = analysis.measure
    xs_all = [x for result in analysis.results.values() for x in result.x]
    axis = _axis(xs_all, measure.period, cycles, cycle_href, events)
    value_format = groups_format(measure, analysis.results.values())
    series = []
    for group in _group_order(analysis):
        result = analysis.results[group]
        series.append(GroupSeriesSpec(
            name=str(group), reference=group == measure.reference, x=_positions(list(result.x)),
            y=_optional_floats(result.y),
            parts=tuple(PartSpec(start=part.start - 1, end=part.end - 1, cl=part.cl) for part in result.parts),
            tips=tuple(f"{group}, {tip}" if tip else ""
                       for tip in _tips(analysis, measure, result, value_format, axis.period, group))))
    reference = analysis.results[measure.reference]
    spec = EquitySpec(chart=measure.chart, axis=axis, value_format=FormatSpec.of(value_format),
                      ylabel=axis_label(measure.chart, measure.multiply, measure.unit), target=measure.target,
                      series=tuple(series), breaks=_breaks(measure, reference), freeze=_freeze_x(reference),
                      target_label=measure.target_label, other_targets=_other_targets(measure))
    return make_request(
        measure_id=measure.id, kind="equity", filename=measure.chart_file(), title=measure.title,
        alt=describe.equity_alt(analysis, value_format, axis.period) + _events_alt(axis),
        description=_with_events(describe.equity_description(analysis, value_format, axis.period), events),
        spec=spec, cycles=_cycles_tuple(axis, cycles),
        table=tables.measure_table(analysis, value_format, axis.period, events))


def _group_order(analysis: MeasureAnalysis) -> list:
    """The reference group first, then the others in their first-seen order."""
    reference = analysis.measure.reference
    return [reference] + [group for group in analysis.results if group != reference]


def _breaks(measure: Measure, result: spc.SpcResult) -> tuple[tuple[float, str], ...]:
    """x of each part break (half-way between parts) and its label."""
    positions = _positions(list(result.x))
    return tuple(((positions[part.start - 1] + positions[part.start]) / 2, part.label)
                 for part in _part_labels(measure, result)[1:])


def _freeze_x(result: spc.SpcResult) -> tuple[float, float] | None:
    last = _freeze_index(result)
    if last is None:
        return None
    positions = _positions(list(result.x))
    return (positions[0], (positions[last] + positions[last + 1]) / 2)


def gap_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href,
                *, events: tuple[ChartEvent, ...] = ()) -> ChartRequest:
    """The gap of each group to the reference group, each with its own SPC (I chart)."""
    measure = analysis.measure
    gaps = list(analysis.gaps.values())
    xs_all = [x for gap in gaps for x in gap.x]
    axis = _axis(xs_all, measure.period, cycles, cycle_href, events)
    values = [v for gap in gaps for v in list(gap.result.y) + list(gap.result.ucl) + list(gap.result.lcl)]
    value_format = value_format_of(measure, values)
    value_format.percent = False                              # a gap in % is in percentage points
    gap_measure = replace(measure, observations=())
    panels = tuple(PanelSpec(name=f"{gap.group} − {gap.reference}",
                             series=_series_spec(gap.result, gap_measure, gap_meaning(gap), tips=tuple(
                                 f"Gap {gap.group} − {gap.reference}, {tip}" if tip else ""
                                 for tip in _tips(None, gap_measure, gap.result, value_format, axis.period,
                                                  meaning=gap_meaning(gap)))))
                   for gap in gaps)
    if shown_as_percent(measure.chart, measure.unit):
        unit = "percentage points"
    else:
        unit = axis_label(measure.chart, measure.multiply, measure.unit)
    spec = MultiplesSpec(chart="i", axis=axis, value_format=FormatSpec.of(value_format),
                         ylabel=f"gap, {unit}" if unit else "gap", target=None, zero=True, panels=panels)
    return make_request(
        measure_id=measure.id, kind="gap", filename=measure.chart_file("gap"),
        title=f"{measure.title}: the gap to {measure.reference}",
        alt=describe.gap_alt(analysis, axis.period) + _events_alt(axis),
        headline=describe.gap_headline(analysis, value_format),
        description=_with_events(describe.gap_description(analysis, value_format, axis.period), events),
        spec=spec, cycles=_cycles_tuple(axis, cycles), table=tables.gap_table(analysis, value_format, axis.period))


# --- small multiples ------------------------------------------------------------

def small_multiple_request(panels: MeasureAnalysis | Sequence[tuple[str, spc.SpcResult]], *,
                           measure: Measure | None = None, cycles: tuple = (),
                           cycle_href: Href = default_href, title: str | None = None,
                           filename: str | None = None, measure_id: str | None = None,
                           events: tuple[ChartEvent, ...] = ()) -> ChartRequest:
    """One measure across groups or teams: one SPC panel each, shared x and y axes.

    ``panels`` is a stratified :class:`MeasureAnalysis` (one panel per group,
    the reference group first) or a sequence of ``(label, SpcResult)`` — e.g.
    the same measure of several teams — with ``measure`` giving units and
    period.
    """
    summaries = None
    analysis: MeasureAnalysis | None = None
    groups: list = []
    if isinstance(panels, MeasureAnalysis):
        analysis = panels
        measure = analysis.measure
        order = _group_order(analysis) if measure.stratified else list(analysis.results)
        items = [(f"{group} (reference)" if group == measure.reference else str(group),
                  analysis.results[group]) for group in order]
        summaries = [analysis.summaries[group] for group in order]
        groups = order
        kind, default_name = "groups", measure.chart_file("groups")
    else:
        items = list(panels)
        if measure is None:
            raise ValueError("small_multiple_request needs measure= for a list of panels")
        kind, default_name = "multiples", measure.chart_file("multiples")
        groups = [None] * len(items)
    xs_all = [x for _, result in items for x in result.x]
    axis = _axis(xs_all, measure.period, cycles, cycle_href, events)
    values = ([v for _, result in items for v in list(result.y) + list(result.ucl) + list(result.lcl)]
              + [measure.target or float("nan")])
    value_format = value_format_of(measure, values)
    spec = MultiplesSpec(chart=measure.chart, axis=axis, value_format=FormatSpec.of(value_format),
                         ylabel=axis_label(measure.chart, measure.multiply, measure.unit), target=measure.target,
                         zero=False,
                         panels=tuple(PanelSpec(name=label, series=_series_spec(result, measure, tips=tuple(
                                     f"{label}, {tip}" if tip else ""
                                     for tip in _tips(analysis, measure, result, value_format, axis.period, group))))
                                      for (label, result), group in zip(items, groups)))
    title = title or f"{measure.title}, {'by group' if kind == 'groups' else 'side by side'}"
    return make_request(
        measure_id=measure_id or measure.id, kind=kind, filename=filename or default_name, title=title,
        alt=describe.multiples_alt(title, items, measure, axis.period) + _events_alt(axis),
        description=_with_events(describe.multiples_description(items, measure, value_format, axis.period, summaries),
                                 events),
        spec=spec, cycles=_cycles_tuple(axis, cycles), table=tables.multiples_table(items, value_format, axis.period))


# --- Pareto ----------------------------------------------------------------------

def pareto_request(analysis: MeasureAnalysis) -> ChartRequest:
    measure = analysis.measure
    result = spc.pareto(list(analysis.series[0].x), list(analysis.series[0].y))
    spec = ParetoSpec(categories=tuple(str(category) for category in result.categories),
                      counts=tuple(result.counts.tolist()), cumulative=tuple(result.cumulative_percent.tolist()),
                      ylabel=measure.unit or "count")
    return make_request(
        measure_id=measure.id, kind="pareto", filename=measure.chart_file(), title=measure.title,
        alt=describe.pareto_alt(measure, result), description=describe.pareto_description(measure, result),
        spec=spec, table=tables.pareto_table(measure, result))


# --- B chart (Bernoulli CUSUM) ------------------------------------------------------

def cusum_meanings(direction: str) -> dict[str, str]:
    """What a signal of each sum means for a measure: a rise in the risk is a concern
    when fewer events are better (``direction: decrease``), an improvement when more are."""
    rise = {"increase": "improvement", "decrease": "concern"}.get(direction, "neutral")
    fall = {"improvement": "concern", "concern": "improvement"}.get(rise, "neutral")
    return {UPPER: rise, LOWER: fall}


def bchart_request(analysis: MeasureAnalysis, cycles: tuple = (), cycle_href: Href = default_href) -> ChartRequest:
    measure, result = analysis.measure, analysis.cusum
    assert result is not None, "a b chart's analysis carries its sums"
    axis = _axis(list(result.x), measure.period, cycles, cycle_href)
    positions = _positions(list(result.x))
    meanings = cusum_meanings(measure.direction)
    freeze = None
    if result.baseline is not None and result.baseline < len(result):
        edge = (positions[result.baseline - 1] + positions[result.baseline]) / 2
        freeze = (axis.xlim[0], edge)
    spec = BChartSpec(axis=axis, x=positions, upper=tuple(result.upper.tolist()), lower=tuple(result.lower.tolist()),
                      limit=result.limit, upper_signals=tuple(int(i) for i in np.flatnonzero(result.upper_signal)),
                      lower_signals=tuple(int(i) for i in np.flatnonzero(result.lower_signal)),
                      upper_meaning=meanings[UPPER], lower_meaning=meanings[LOWER], freeze=freeze,
                      ylabel="cumulative sum (CUSUM)")
    marked = _cycles_tuple(axis, cycles)
    return make_request(
        measure_id=measure.id, kind="bchart", filename=measure.chart_file(), title=measure.title,
        alt=describe.bchart_alt(measure, result, axis.period), headline=describe.bchart_headline(result, meanings),
        description=describe.bchart_description(measure, result, axis.period, meanings, marked),
        spec=spec, cycles=marked, table=tables.bchart_table(measure, result, axis.period))

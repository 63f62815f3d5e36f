"""The chart specs: what ``plan`` decides and the drawing modules draw.

Frozen dataclasses of plain data (floats, strings, tuples — no numpy, no
model objects), so a request pickles to a pool worker and hashes to a stable
cache key (:func:`qisite.buildcache.canonical_bytes`). Every position is a number on the x axis
(dates as ordinals, otherwise 1, 2, 3 …); every index is 0-based; a missing
value is ``None``.
"""
from __future__ import annotations

from dataclasses import dataclass

from qisite.numbers import ValueFormat

Tick = tuple[float, str]               # (x position, label; "\n" starts the year line)
Break = tuple[float, str]              # (x position of a part break, the new part's label)


@dataclass(frozen=True)
class FormatSpec:
    """How the values read (the fields of :class:`~qisite.charts.text.ValueFormat`)."""
    percent: bool = False
    scale: float = 1.0
    unit: str = ""
    decimals: int = 1

    @classmethod
    def of(cls, value_format: ValueFormat) -> FormatSpec:
        return cls(percent=value_format.percent, scale=value_format.scale, unit=value_format.unit,
                   decimals=value_format.decimals)

    def value_format(self) -> ValueFormat:
        return ValueFormat(percent=self.percent, scale=self.scale, unit=self.unit, decimals=self.decimals)


@dataclass(frozen=True)
class CycleMark:
    """A PDSA marker: the cycle's number, its start on the x axis (pinned to
    the chart's edge when outside), its link, and whether the start is inside."""
    number: int
    position: float
    href: str
    title: str
    cycle_id: str
    inside: bool


@dataclass(frozen=True)
class EventMark:
    """An event that is not a test of change (a ward closure, a new record system):
    a note on the chart at its date, its short text, and the words of its title."""
    position: float
    text: str
    title: str


@dataclass(frozen=True)
class AxisSpec:
    """The x axis shared by a chart's series: ticks, range and PDSA markers."""
    dated: bool
    period: str | None
    ticks: tuple[Tick, ...]
    xlim: tuple[float, float]
    cycles: tuple[CycleMark, ...] = ()
    spacing: float = 1.0
    events: tuple[EventMark, ...] = ()  # inside the x range only


@dataclass(frozen=True)
class PartSpec:
    """One part of a series (limits recalculated per part): first and last
    index (inclusive), its label, the meaning of a runs signal on its centre
    line ("" when none) and its centre line (equity charts)."""
    start: int
    end: int
    label: str = ""
    runs: str = ""
    cl: float | None = None


@dataclass(frozen=True)
class SeriesSpec:
    """One SPC series: points, centre line and limits per point, flags."""
    x: tuple[float, ...]
    y: tuple[float | None, ...]
    cl: tuple[float | None, ...]
    lcl: tuple[float | None, ...]
    ucl: tuple[float | None, ...]
    included: tuple[bool, ...]
    baseline: tuple[bool, ...]
    meaning: tuple[str, ...]           # "improvement", "concern", "neutral" or ""
    outside: tuple[bool, ...]
    parts: tuple[PartSpec, ...]
    freeze: int | None                 # index of the last baseline point, when points follow it in part 1
    limits: bool                       # any finite limit
    lcl95: tuple[float | None, ...] = ()  # 2σ warning limits, drawn when given (measure key warning_limits)
    ucl95: tuple[float | None, ...] = ()
    missing: tuple[float, ...] = ()    # x of each period with no row (the line breaks there)
    tips: tuple[str, ...] = ()         # each point's details in words (its SVG <title>; "" for none)


@dataclass(frozen=True)
class GroupSeriesSpec:
    """One group's line on an equity chart."""
    name: str
    reference: bool
    x: tuple[float, ...]
    y: tuple[float | None, ...]
    parts: tuple[PartSpec, ...]
    tips: tuple[str, ...] = ()         # each point's details in words ("" for none)


@dataclass(frozen=True)
class PanelSpec:
    """One panel of a small multiple."""
    name: str
    series: SeriesSpec


@dataclass(frozen=True)
class SpcSpec:
    chart: str
    axis: AxisSpec
    value_format: FormatSpec
    ylabel: str
    target: float | None
    series: SeriesSpec
    zero: bool = False                 # draw the "no gap" line (a one-panel gap chart)
    trajectory: tuple[float | None, ...] = ()  # a target that moves: its value at each point
    target_label: str = "Target"
    other_targets: tuple[tuple[str, float], ...] = ()   # (label, value): lines drawn beside the target


@dataclass(frozen=True)
class EquitySpec:
    chart: str
    axis: AxisSpec
    value_format: FormatSpec
    ylabel: str
    target: float | None
    series: tuple[GroupSeriesSpec, ...]
    breaks: tuple[Break, ...]
    freeze: tuple[float, float] | None  # x range of the frozen baseline (shaded)
    target_label: str = "Target"
    other_targets: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class MultiplesSpec:
    chart: str
    axis: AxisSpec
    value_format: FormatSpec
    ylabel: str
    target: float | None
    zero: bool
    panels: tuple[PanelSpec, ...]


@dataclass(frozen=True)
class ParetoSpec:
    categories: tuple[str, ...]
    counts: tuple[float, ...]
    cumulative: tuple[float, ...]      # cumulative percent, 0–100
    ylabel: str


@dataclass(frozen=True)
class BChartSpec:
    """A Bernoulli CUSUM chart: the two sums per case, ±limit, and where each signalled."""
    axis: AxisSpec
    x: tuple[float, ...]               # one position per case (cases of one date share it)
    upper: tuple[float, ...]
    lower: tuple[float, ...]
    limit: float
    upper_signals: tuple[int, ...]     # indices of the cases where the upper sum reached +limit
    lower_signals: tuple[int, ...]
    upper_meaning: str                 # "improvement", "concern" or "neutral" (from the measure's direction)
    lower_meaning: str
    freeze: tuple[float, float] | None  # x range of the baseline cases the target was estimated from (shaded)
    ylabel: str


ChartSpec = SpcSpec | EquitySpec | MultiplesSpec | ParetoSpec | BChartSpec


def cycle_marks(spec: ChartSpec) -> tuple[CycleMark, ...]:
    """The PDSA markers a chart shows (none on a Pareto chart)."""
    return () if isinstance(spec, ParetoSpec) else spec.axis.cycles


def event_marks(spec: ChartSpec) -> tuple[EventMark, ...]:
    """The events a chart notes (none on a Pareto chart)."""
    return () if isinstance(spec, ParetoSpec) else spec.axis.events


def point_tips(spec: ChartSpec) -> dict[str, str]:
    """Each point's details by ``"<panel>-<index>"`` (SPC series only; panel 0 for a one-series chart)."""
    series: list[SeriesSpec | GroupSeriesSpec]
    if isinstance(spec, SpcSpec):
        series = [spec.series]
    elif isinstance(spec, MultiplesSpec):
        series = [panel.series for panel in spec.panels]
    elif isinstance(spec, EquitySpec):
        series = list(spec.series)
    else:
        return {}
    return {f"{k}-{i}": tip for k, one in enumerate(series) for i, tip in enumerate(one.tips) if tip}


def panel_count(spec: ChartSpec) -> int:
    """How many plot areas a chart has (what its drawing costs, roughly)."""
    return len(spec.panels) if isinstance(spec, MultiplesSpec) else 1

"""Equity chart: a stratified measure as one line per group, the reference
group black and heavier, each group's centre line per part, direct labels."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import kit, style
from .draw import point_targets
from .layout import spread
from .specs import EquitySpec, GroupSeriesSpec


@dataclass(frozen=True)
class GroupLook:
    colour: str
    marker: str | None
    line_width: float = 1.5


def group_look(index: int, reference: bool) -> GroupLook:
    """The reference group black and heavier; the others by turn in six colours and markers."""
    if reference:
        return GroupLook(style.REFERENCE_COLOUR, "o", 2.2)
    return GroupLook(style.GROUP_COLOURS[(index - 1) % len(style.GROUP_COLOURS)],
                     style.GROUP_MARKERS[(index - 1) % len(style.GROUP_MARKERS)], 1.5)


def _label(group: GroupSeriesSpec) -> str:
    name = group.name + (" (reference)" if group.reference else "")
    return name if len(name) <= 36 else name[:35] + "…"


def equity_figure(spec: EquitySpec) -> Figure:
    value_format = spec.value_format.value_format()
    axis = spec.axis
    labels = [_label(group) for group in spec.series]
    targets = kit.target_labels(spec.target, spec.target_label, spec.other_targets, value_format.value)
    widest = max(kit.text_width(text, style.TINY) for text in labels + [text for _, text in targets])
    right_margin = min(250.0, max(70.0, widest + 22))
    frame = kit.Frame()
    breaks, freeze = list(spec.breaks), spec.freeze
    top = kit.top_rows_height(axis, has_parts=bool(breaks or freeze))
    left, right, bottom = style.MARGIN_LEFT, style.WIDTH - right_margin, style.MARGIN_BOTTOM
    height = style.HEIGHT - top - bottom
    panel = frame.axes(left, bottom, right - left, height)
    values = ([v for group in spec.series for v in group.y] + ([spec.target] if spec.target is not None else [])
              + [v for _, v in spec.other_targets])
    y_low, y_high = kit.y_range(values, value_format.percent, value_format.scale)
    panel.set_xlim(*axis.xlim)
    panel.set_ylim(y_low, y_high)
    kit.baseline_and_breaks(panel, axis.xlim, breaks, freeze)
    kit.event_lines(panel, axis.events)
    ends: list[tuple[float, str, GroupLook]] = []
    for index, group in enumerate(spec.series):
        look = group_look(index, group.reference)
        x, y = kit.as_array(group.x), kit.as_array(group.y)
        gid = "qisite-group qisite-reference" if group.reference else "qisite-group"
        panel.add_line(Line2D(x, y, color=look.colour, linewidth=look.line_width, marker=look.marker,
                              markersize=4.5 if group.reference else 4.2, markeredgewidth=0,
                              gid=gid, zorder=4 if group.reference else 3))
        point_targets(panel, x, y, group.tips, index, 11)
        for part in group.parts:
            if part.cl is None:
                continue
            panel.add_line(Line2D([x[part.start], x[part.end]], [part.cl, part.cl], color=look.colour,
                                  linewidth=1.0, alpha=0.55, linestyle=(0, (5, 2)), gid="qisite-group-cl", zorder=2))
        finite = np.flatnonzero(np.isfinite(y))
        if finite.size:
            ends.append((float(y[finite[-1]]), labels[index], look))
    kit.target_lines(panel, axis.xlim, spec.target, spec.other_targets)
    ends += [(v, text, GroupLook(style.TARGET, None)) for v, text in targets]
    kit.y_ticks(frame, panel, y_low, y_high, value_format)
    kit.x_ticks(frame, panel, axis.ticks, axis.xlim)
    _direct_labels(frame, ends, right, bottom, height, y_low, y_high)
    kit.top_rows(frame, panel, axis, spec.ylabel, [("group-cl", "Centre line of each group, per part")]
                 + ([("event", "Event")] if axis.events else []),
                 breaks, freeze, left, right, top)
    return frame.fig


def _direct_labels(frame: kit.Frame, ends: list[tuple[float, str, GroupLook]], right: float, bottom: float,
                   height: float, y_low: float, y_high: float) -> None:
    """Each group's name (and the target) at the right end of its line, spread apart."""
    wanted = [bottom + (value - y_low) / (y_high - y_low) * height for value, _, _ in ends]
    placed = spread(wanted, style.TINY + 3, bottom, bottom + height)
    identity = frame.pixels
    for (_, text, look), py in zip(ends, placed):
        if look.marker:
            frame.fig.add_artist(Line2D([right + 8], [py], transform=identity, linestyle="none", marker=look.marker,
                                        markersize=5, markerfacecolor=look.colour, markeredgewidth=0))
        frame.text(right + 15, py, text, fontsize=style.TINY, color=look.colour, ha="left", va="center",
                   fontweight="bold" if "(reference)" in text else "normal", gid="qisite-group-label")

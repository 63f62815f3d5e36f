"""Small multiples: one measure across groups or teams, one SPC panel each,
shared x and y axes (so panels compare at a glance)."""
from __future__ import annotations

import math

from matplotlib.figure import Figure

from . import kit, style
from .draw import draw_series
from .specs import MultiplesSpec, Tick

PANEL_HEIGHT = 130.0
TITLE_HEIGHT = 20.0
GAP_X = 18.0
GAP_Y = 8.0


def grid(count: int) -> tuple[int, int]:
    """(columns, rows) for ``count`` panels."""
    columns = 1 if count == 1 else 2 if count <= 4 else 3
    return columns, math.ceil(count / columns)


def thin_ticks(ticks: tuple[Tick, ...], columns: int) -> tuple[Tick, ...]:
    """Fewer x labels on narrow panels: the year labels when there are a few, else every n-th."""
    if columns == 1:
        return ticks
    years = tuple(tick for tick in ticks if "\n" in tick[1])
    if 2 <= len(years) <= 8 // columns + 1:
        return years
    return ticks[::columns]


def multiples_figure(spec: MultiplesSpec) -> Figure:
    value_format = spec.value_format.value_format()
    axis, panels = spec.axis, spec.panels
    columns, rows = grid(len(panels))
    panel_height = PANEL_HEIGHT * (1.35 if rows == 1 else 1.0)
    lane = 24.0 if axis.cycles else 0.0
    top = style.KEY_ROW + 4 + lane
    bottom = style.MARGIN_BOTTOM
    height = top + rows * (panel_height + TITLE_HEIGHT) + (rows - 1) * GAP_Y + bottom
    frame = kit.Frame(height=height)
    left, right = style.MARGIN_LEFT, style.WIDTH - 16
    panel_width = (right - left - (columns - 1) * GAP_X) / columns
    values = [v for panel_spec in panels for v in kit.series_values(panel_spec.series)]
    if spec.target is not None:
        values.append(spec.target)
    if spec.zero:
        values.append(0.0)
    y_low, y_high = kit.y_range(values, value_format.percent, value_format.scale)
    ticks = thin_ticks(axis.ticks, columns)
    for index, panel_spec in enumerate(panels):
        row, column = divmod(index, columns)
        x0 = left + column * (panel_width + GAP_X)
        y0 = height - top - (row + 1) * (panel_height + TITLE_HEIGHT) - row * GAP_Y
        panel = frame.axes(x0, y0, panel_width, panel_height)
        panel.set_xlim(*axis.xlim)
        panel.set_ylim(y_low, y_high)
        series = panel_spec.series
        breaks, freeze = kit.part_breaks(series, axis.xlim)
        kit.baseline_and_breaks(panel, axis.xlim, breaks, freeze)
        if spec.zero:
            kit.zero_line(panel, axis.xlim, label=(column == 0))
        if spec.target is not None:
            kit.target_line(panel, axis.xlim, spec.target, linewidth=1.2)
        kit.event_lines(panel, axis.events)
        draw_series(panel, series, small=True, spacing=axis.spacing, tip_key=index)
        kit.y_ticks(frame, panel, y_low, y_high, value_format, nbins=4, labels=(column == 0))
        last_row = row == rows - 1 or index + columns >= len(panels)
        kit.x_ticks(frame, panel, ticks, axis.xlim, labels=last_row)
        frame.text(x0, y0 + panel_height + 6, kit.fit_text(panel_spec.name, panel_width, style.SMALL, bold=True),
                   fontsize=style.SMALL, color=style.INK,
                   fontweight="bold", ha="left", va="bottom", gid="qisite-panel-title")
        if axis.cycles and row == 0:
            kit.pdsa(frame, panel, axis.cycles, y0 + panel_height + TITLE_HEIGHT, x0, x0 + panel_width, axis.xlim,
                     leader_from_plot=False)
        elif axis.cycles:
            kit.pdsa_lines(panel, [cycle.position for cycle in axis.cycles if cycle.inside])
    key = kit.key_items([panel_spec.series for panel_spec in panels], spec.target)
    if axis.events:
        key.append(("event", "Event"))
    kit.key_row(frame, spec.ylabel, key, height - style.KEY_ROW / 2 - 1)
    return frame.fig

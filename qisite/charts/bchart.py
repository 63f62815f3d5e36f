"""The Bernoulli CUSUM chart (B chart): a :class:`~qisite.charts.specs.BChartSpec` → a Figure.

Drawn with the shared pieces of :mod:`qisite.charts.kit`, like the SPC chart:
the upper sum above zero and the lower sum below it, the control limits at
±limit, a marker where a sum reached its limit (coloured by what the rise or
fall means for the measure), the shaded baseline the target risk was
estimated from, and the PDSA markers.
"""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from qisite.numbers import ValueFormat

from . import kit, style
from .specs import BChartSpec


def bchart_figure(spec: BChartSpec) -> Figure:
    axis = spec.axis
    frame = kit.Frame()
    top = kit.top_rows_height(axis, has_parts=spec.freeze is not None)
    left, right, bottom = style.MARGIN_LEFT, style.WIDTH - style.MARGIN_RIGHT, style.MARGIN_BOTTOM
    height = style.HEIGHT - top - bottom
    panel = frame.axes(left, bottom, right - left, height)
    y_high = spec.limit * 1.18
    y_low = -y_high
    kit.baseline_and_breaks(panel, axis.xlim, [], spec.freeze)
    panel.add_line(Line2D(axis.xlim, [0, 0], color=style.MUTED, linewidth=0.8, gid="qisite-zero", zorder=1))
    for value, name in ((spec.limit, "qisite-ucl"), (-spec.limit, "qisite-lcl")):
        panel.add_line(Line2D(axis.xlim, [value, value], **kit.key_symbol("limits")[1], gid=name, zorder=2))
    x = kit.as_array(spec.x)
    dense = x.size > 80
    for values, name in ((spec.upper, "upper"), (spec.lower, "lower")):
        panel.add_line(Line2D(x, kit.as_array(values), color=style.DATA, linewidth=1.0 if dense else 1.4,
                              marker="" if dense else "o", markersize=3.2, markeredgewidth=0,
                              markerfacecolor=style.DATA, gid=f"qisite-data qisite-cusum-{name}", zorder=3))
    meanings = []
    for signals, level, kind in ((spec.upper_signals, spec.limit, spec.upper_meaning),
                                 (spec.lower_signals, -spec.limit, spec.lower_meaning)):
        if not signals:
            continue
        meanings.append(kind)
        panel.add_line(Line2D(x[list(signals)], np.full(len(signals), level), linestyle="none",
                              **kit.key_symbol(kind)[1], gid=f"qisite-point-signal qisite-{kind}", zorder=5))
    fmt = ValueFormat(decimals=1)
    panel.set_xlim(*axis.xlim)
    panel.set_ylim(y_low, y_high)
    kit.y_ticks(frame, panel, y_low, y_high, fmt)
    kit.x_ticks(frame, panel, axis.ticks, axis.xlim)
    kit.right_labels(frame, [(spec.limit, f"Limit {fmt.value(spec.limit)}", style.MUTED),
                             (float(spec.upper[-1]) if spec.upper else 0.0, "Upper sum", style.INK),
                             (float(spec.lower[-1]) if spec.lower else 0.0, "Lower sum", style.INK),
                             (-spec.limit, f"Limit {fmt.value(-spec.limit)}", style.MUTED)],
                     right + 4, bottom, height, y_low, y_high)
    key: list[kit.KeyItem] = [(kind, style.MEANING_WORD[kind] if kind != "neutral" else "Signal")
                              for kind in ("improvement", "concern", "neutral") if kind in meanings]
    key.append(("limits", "Limits"))
    kit.top_rows(frame, panel, axis, spec.ylabel, key, [], spec.freeze, left, right, top)
    return frame.fig

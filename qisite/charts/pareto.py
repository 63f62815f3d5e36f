"""Pareto chart: bars sorted largest first, the cumulative percentage as a line
on its own 0–100% scale (drawn by hand: no twin axes), an 80% guide."""
from __future__ import annotations

import textwrap

from matplotlib import transforms
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from qisite.numbers import ValueFormat, number

from . import style
from .kit import Frame, text_width, y_ticks
from .specs import ParetoSpec


def _wrap(label: str, width_px: float, lines: int = 4) -> str:
    chars = max(4, int(width_px / (0.58 * style.TINY)))
    parts = textwrap.wrap(label, chars, break_long_words=False) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][:max(1, chars - 1)].rstrip() + "…"
    return "\n".join(parts)


def pareto_figure(spec: ParetoSpec) -> Figure:
    categories, counts, cumulative = spec.categories, spec.counts, spec.cumulative
    n = max(1, len(categories))
    bar_px = (style.WIDTH - 58 - 52) / n
    wrapped = [_wrap(category, bar_px - 4) for category in categories]
    label_lines = max((label.count("\n") + 1 for label in wrapped), default=1)
    bottom = 14 + 13 * label_lines
    frame = Frame()
    left, right, top = 58.0, style.WIDTH - 52.0, style.KEY_ROW + 8
    height = style.HEIGHT - top - bottom
    panel = frame.axes(left, bottom, right - left, height)
    top_value = max(counts) * 1.12 if counts and max(counts) > 0 else 1.0
    panel.set_xlim(0, n)
    panel.set_ylim(0, top_value)
    y_ticks(frame, panel, 0, top_value, ValueFormat(decimals=0))
    for index, count in enumerate(counts):
        panel.add_patch(Rectangle((index + 0.12, 0), 0.76, count, facecolor=style.SKY, edgecolor=style.BLUE,
                                  linewidth=0.8, gid="qisite-pareto-bar", zorder=2))
        inside = count / top_value * height > 18
        frame.text(left + (index + 0.5) * bar_px, bottom + count / top_value * height + (-4 if inside else 3),
                   number(count, 0 if float(count).is_integer() else 1), fontsize=style.TINY, color=style.INK,
                   ha="center", va="top" if inside else "bottom", gid="qisite-bar-value")
        frame.text(left + (index + 0.5) * bar_px, bottom - 6, wrapped[index], fontsize=style.TINY, color=style.INK,
                   ha="center", va="top", linespacing=1.1, gid="qisite-category")
    cumulative_transform = transforms.blended_transform_factory(panel.transData, panel.transAxes)
    panel.add_line(Line2D([0, n], [0.8, 0.8], transform=cumulative_transform, color=style.MUTED, linewidth=0.8,
                          linestyle=(0, (4, 3)), gid="qisite-pareto-80", zorder=1))
    panel.add_line(Line2D([index + 0.5 for index in range(len(cumulative))], [c / 100 for c in cumulative],
                          transform=cumulative_transform, color=style.VERMILLION, linewidth=1.6, marker="s",
                          markersize=4.5, markeredgewidth=0, gid="qisite-pareto-cumulative", zorder=3))
    identity = frame.pixels
    frame.fig.add_artist(Line2D([left, right], [bottom, bottom], transform=identity, color=style.MUTED, linewidth=0.8))
    for percent in (0, 20, 40, 60, 80, 100):
        frame.text(right + 6, bottom + percent / 100 * height, f"{percent}%", fontsize=style.TINY, color=style.VERMILLION,
                   ha="left", va="center_baseline", gid="qisite-cumulative-tick")
    key_y = style.HEIGHT - style.KEY_ROW / 2 - 1
    frame.text(8, key_y, spec.ylabel, fontsize=style.SMALL, color=style.INK, ha="left", va="center", gid="qisite-ylabel")
    frame.text(style.WIDTH - 6, key_y, "Cumulative %", fontsize=style.TINY, color=style.VERMILLION, ha="right", va="center",
               gid="qisite-key")
    x = style.WIDTH - 6 - text_width("Cumulative %", style.TINY) - 6
    frame.fig.add_artist(Line2D([x - 16, x], [key_y, key_y], transform=identity, color=style.VERMILLION, linewidth=1.6,
                                marker="s", markersize=4.5, markevery=[1], markeredgewidth=0))
    return frame.fig

"""A project's progress over time: a step chart of its IHI progress score (0.5–5)
or of its stage, one step per dated assessment (qisite.site.journey.PathFigure).

Dates run along the x axis (month ticks, the year under January or the first
label); each assessment is a point, the line holds its level until the next.
"""
from __future__ import annotations

import datetime as dt

import matplotlib
from matplotlib.lines import Line2D

from . import style
from .kit import Frame, text_width
from .svg import figure_svg, finish

HEIGHT = 240.0


def _month_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    span = (last.year - first.year) * 12 + last.month - first.month
    every = next(n for n in (1, 2, 3, 6, 12, 24, 60) if span / n <= 8)
    ticks, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        if (month - 1) % every == 0:
            ticks.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def journey_svg(figure, *, prefix: str) -> str:
    """The page-ready SVG of a PathFigure."""
    with matplotlib.rc_context(style.RC):
        raw = figure_svg(path_figure(figure))
    return finish(raw, prefix=prefix, title=figure.title, description=figure.description, kind="progress")


def path_figure(figure):
    labels = [label for _, label in figure.levels]
    left = 20.0 + max(text_width(label, style.SMALL) for label in labels) * (0.75 if figure.axis == "stage" else 1.0)
    frame = Frame(height=HEIGHT)
    right, bottom, top = style.WIDTH - 24.0, 40.0, HEIGHT - 14.0
    panel = frame.axes(left, bottom, right - left, top - bottom)
    xs = [d.toordinal() for d in figure.dates]
    ys = list(figure.values)
    if figure.until is not None:   # the last level, held to the project's last activity
        xs, ys = xs + [figure.until.toordinal()], ys + [ys[-1]]
    first, last = min(figure.dates), figure.until or max(figure.dates)
    pad = max(20.0, (xs[-1] - xs[0]) * 0.04)
    xlim = (xs[0] - pad, xs[-1] + pad)
    values = [v for v, _ in figure.levels]
    ylim = (min(values) - 0.5 * (values[1] - values[0] if len(values) > 1 else 1), max(values) + 0.3)
    panel.set_xlim(*xlim)
    panel.set_ylim(*ylim)
    identity = frame.pixels
    height = top - bottom
    for value, label in figure.levels:
        y = bottom + (value - ylim[0]) / (ylim[1] - ylim[0]) * height
        frame.fig.add_artist(Line2D([left, right], [y, y], transform=identity, color=style.GRID, linewidth=0.8))
        frame.text(left - 6, y, label, fontsize=style.SMALL if figure.axis == "score" else style.TINY,
                   color=style.INK, ha="right", va="center", gid="qisite-ytick")
    frame.fig.add_artist(Line2D([left, right], [bottom, bottom], transform=identity, color=style.MUTED, linewidth=0.8))
    shown_year = None
    for tick in _month_ticks(first, last):
        x = tick.toordinal()
        if not xlim[0] <= x <= xlim[1]:
            continue
        px = left + (x - xlim[0]) / (xlim[1] - xlim[0]) * (right - left)
        frame.text(px, bottom - 6, f"{tick:%b}", fontsize=style.SMALL, color=style.INK, ha="center", va="top",
                   gid="qisite-xtick")
        if tick.year != shown_year:
            frame.text(px, bottom - 20, str(tick.year), fontsize=style.SMALL, color=style.INK, ha="center", va="top",
                       gid="qisite-xtick")
            shown_year = tick.year
    panel.add_line(Line2D(xs, ys, color=style.IMPROVEMENT, linewidth=2.0, drawstyle="steps-post",
                          gid="qisite-progress-line", zorder=3))
    panel.add_line(Line2D([d.toordinal() for d in figure.dates], list(figure.values), linestyle="none", marker="o", markersize=6.5,
                          markerfacecolor=style.IMPROVEMENT, markeredgecolor="white", markeredgewidth=0.8,
                          gid="qisite-progress-point", zorder=4))
    return frame.fig



"""Funnel plot: each unit's value against its denominator, around the pooled
target, with the 95% (dashed) and 99.8% (solid) limits of a
:class:`qisite.equity.FunnelResult` drawn from the same function that gave each
unit its limits and flags — the chart, the table and the JSON read the same.

Values and limits arrive in the measure's units (× multiply); ``value_format``
says how they read (its ``scale`` should be 1). Units outside the 99.8% limits are
vermilion squares, outside the 95% limits orange triangles, others grey dots.
"""
from __future__ import annotations

import math

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from qisite.equity import FunnelResult
from qisite.numbers import ValueFormat, count, number

from . import style
from .kit import Frame, text_width, y_ticks
from .svg import figure_svg, finish

CURVE_POINTS = 160
OUTSIDE_998 = ("s", style.CONCERN, "Outside 99.8% limits")
OUTSIDE_95 = ("^", style.ORANGE, "Outside 95% limits")
INSIDE = ("o", style.DATA, "Within limits")


def _curve(result: FunnelResult, high: float) -> tuple[np.ndarray, list[list[float]]]:
    low = max(min(u.n for u in result.units) / 20, 1.0)
    ns = np.geomspace(low, high, CURVE_POINTS)
    lines: list[list[float]] = [[], [], [], []]
    for n in ns:
        limits = result.limits_at(float(n))
        for line, v in zip(lines, (limits.lower95, limits.upper95, limits.lower998, limits.upper998)):
            line.append(v)
    return ns, lines


def _marker(unit) -> tuple[str, str, str]:
    return OUTSIDE_998 if unit.outside998 else OUTSIDE_95 if unit.outside95 else INSIDE


def funnel_figure(result: FunnelResult, value_format: ValueFormat, ylabel: str, xlabel: str = "Denominator") -> Figure:
    frame = Frame()
    left, right = style.MARGIN_LEFT, style.WIDTH - 16.0
    bottom, top = 44.0, style.HEIGHT - style.KEY_ROW - 10
    panel = frame.axes(left, bottom, right - left, top - bottom)
    x_high = max(u.n for u in result.units) * 1.08
    ns, lines = _curve(result, x_high)
    values = [u.value for u in result.units]
    # y range: every unit, and the 99.8% limits where units are (the curve runs off at small n)
    near = [v for line in lines[2:] for n, v in zip(ns, line) if n >= min(u.n for u in result.units) * 0.8]
    y_low, y_high = min(values + near + [result.target]), max(values + near + [result.target])
    pad = (y_high - y_low) * 0.08 or abs(y_high) * 0.1 or 1.0
    y_low, y_high = y_low - pad, y_high + pad
    if all(v >= 0 for v in values):
        y_low = max(y_low, 0.0)
    panel.set_xlim(0, x_high)
    panel.set_ylim(y_low, y_high)
    y_ticks(frame, panel, y_low, y_high, value_format)
    panel.add_line(Line2D([0, x_high], [result.target, result.target], color=style.INK, linewidth=1.2,
                          gid="qisite-funnel-target", zorder=2))
    for line, dashed, gid in ((lines[0], True, "qisite-funnel-95"), (lines[1], True, "qisite-funnel-95"),
                              (lines[2], False, "qisite-funnel-998"), (lines[3], False, "qisite-funnel-998")):
        panel.add_line(Line2D(ns, line, color=style.MUTED, linewidth=1.0, gid=gid, zorder=2,
                              linestyle=(0, (4, 3)) if dashed else "-"))
    for unit in result.units:
        marker, colour, _ = _marker(unit)
        panel.add_line(Line2D([unit.n], [unit.value], linestyle="none", marker=marker, markersize=6.5,
                              markerfacecolor=colour, markeredgecolor="white", markeredgewidth=0.6,
                              gid="qisite-funnel-unit", zorder=3))
    _x_axis(frame, panel, x_high, bottom, left, right, xlabel)
    key_y = style.HEIGHT - style.KEY_ROW / 2 - 1
    frame.text(8, key_y, ylabel, fontsize=style.SMALL, color=style.INK, ha="left", va="center", gid="qisite-ylabel")
    _key(frame, right, key_y)
    return frame.fig


def _key(frame: Frame, right: float, y: float) -> None:
    """The symbols of this chart, right-aligned in the key row (as kit.key lays out its own)."""
    identity = frame.pixels
    items = [(m, c, label) for m, c, label in (INSIDE, OUTSIDE_95, OUTSIDE_998)]
    x = right
    for marker, colour, label in reversed(items):
        frame.text(x, y, label, fontsize=style.TINY, color=style.INK, ha="right", va="center", gid="qisite-key")
        x -= text_width(label, style.TINY) + 9
        frame.fig.add_artist(Line2D([x], [y], transform=identity, linestyle="none", marker=marker, markersize=6.5,
                                    markerfacecolor=colour, markeredgecolor="white", markeredgewidth=0.6))
        x -= 22
    for dashed, label in ((False, "99.8% limits"), (True, "95% limits")):
        frame.text(x, y, label, fontsize=style.TINY, color=style.INK, ha="right", va="center", gid="qisite-key")
        x -= text_width(label, style.TINY) + 5
        frame.fig.add_artist(Line2D([x - 16, x], [y, y], transform=identity, color=style.MUTED, linewidth=1.0,
                                    linestyle=(0, (4, 3)) if dashed else "-"))
        x -= 30


def _x_axis(frame: Frame, panel, x_high: float, bottom: float, left: float, right: float, label: str) -> None:
    identity = frame.pixels
    frame.fig.add_artist(Line2D([left, right], [bottom, bottom], transform=identity, color=style.MUTED, linewidth=0.8))
    ticks = [t for t in MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]).tick_values(0, x_high) if 0 <= t <= x_high]
    for t in ticks:
        frame.text(left + t / x_high * (right - left), bottom - 6, number(t, 0), fontsize=style.SMALL, color=style.INK,
                   ha="center", va="top", gid="qisite-xtick")
    frame.text((left + right) / 2, 8, label, fontsize=style.SMALL, color=style.INK, ha="center", va="bottom",
               gid="qisite-xlabel")


def describe_funnel(result: FunnelResult, value_format: ValueFormat) -> str:
    """The chart's text alternative: the figures a reader would take from it."""
    outside95 = [u for u in result.units if u.outside95 and not u.outside998]
    outside998 = [u for u in result.units if u.outside998]
    parts = [f"Funnel plot of {len(result.units)} units around the pooled value {value_format.value(result.target)}."]
    for units, words in ((outside998, "outside the 99.8% limits"), (outside95, "outside the 95% limits only")):
        if units:
            named = "; ".join(f"{u.unit} {value_format.value(u.value)} (denominator {count(u.n)}, "
                              f"{'above' if u.value > u.upper95 else 'below'})" for u in units)
            parts.append(f"{len(units)} {words}: {named}.")
    if not outside95 and not outside998:
        parts.append("Every unit is within the 95% limits.")
    if result.sigma_z is not None and math.isfinite(result.sigma_z):
        parts.append(f"Limits widened for over-dispersion (Laney, sigma-z {result.sigma_z:.2f}).")
    return " ".join(parts)


def funnel_svg(result: FunnelResult, value_format: ValueFormat, *, title: str, ylabel: str, prefix: str,
               xlabel: str = "Denominator") -> str:
    """The page-ready SVG (scoped ids, title and description escaped), drawn with the shared
    style (no maths in team text, stable SVG ids) whichever process calls it."""
    with matplotlib.rc_context(style.RC):
        raw = figure_svg(funnel_figure(result, value_format, ylabel, xlabel))
    return finish(raw, prefix=prefix, title=title, description=describe_funnel(result, value_format), kind="funnel")



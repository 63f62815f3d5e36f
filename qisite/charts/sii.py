"""The Slope Index of Inequality over time: each period's SII (from
:class:`qisite.equity.EquityResult`) with its simulated 95% interval as a
whisker, a pale "no inequality" line at 0, and an i chart on the SII series
(qisite's SPC engine, :func:`qisite.spc.analyse`): its centre line and limits,
points with a special cause drawn as squares in the concern colour.

Periods without an SII (an ordered group missing) are gaps in the line. Values
arrive in the measure's units; ``value_format`` says how they read (scale 1).
"""
from __future__ import annotations

import math

import matplotlib
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from qisite.equity import EquityResult
from qisite.numbers import ValueFormat
from qisite.spc import analyse

from . import style
from .kit import NAN, Frame, text_width, y_ticks
from .svg import figure_svg, finish


def sii_series(result: EquityResult) -> tuple[list[str], list[float | None], list[float | None], list[float | None]]:
    """Period labels, SII, lower and upper 95% limits (None where a period has no SII)."""
    xs, values, lows, highs = [], [], [], []
    for period in result.periods:
        xs.append(period.x)
        s = period.sii
        values.append(None if s is None else s.sii)
        lows.append(None if s is None else s.sii_lower)
        highs.append(None if s is None else s.sii_upper)
    return xs, values, lows, highs


def sii_spc(result: EquityResult):
    """The i chart of the SII series (None values stay missing points)."""
    _, values, _, _ = sii_series(result)
    return analyse([NAN if v is None else v for v in values], chart="i")


def sii_figure(result: EquityResult, value_format: ValueFormat, ylabel: str) -> Figure:
    if result.ordered is None:
        raise ValueError("an SII chart needs ordered groups")
    xs, values, lows, highs = sii_series(result)
    spc = sii_spc(result)
    frame = Frame()
    left, right = style.MARGIN_LEFT, style.WIDTH - 16.0
    bottom, top = style.MARGIN_BOTTOM + 4, style.HEIGHT - style.KEY_ROW - 10
    panel = frame.axes(left, bottom, right - left, top - bottom)
    count = len(xs)
    xlim = (-0.5, count - 0.5)
    limits = [v for p in spc.points for v in (p.lcl, p.ucl, p.cl) if v is not None and math.isfinite(v)]
    shown = [v for v in values + lows + highs + limits if v is not None and math.isfinite(v)] + [0.0]
    y_low, y_high = min(shown), max(shown)
    pad = (y_high - y_low) * 0.08 or 1.0
    y_low, y_high = y_low - pad, y_high + pad
    panel.set_xlim(*xlim)
    panel.set_ylim(y_low, y_high)
    y_ticks(frame, panel, y_low, y_high, value_format)
    panel.add_line(Line2D(xlim, [0, 0], color="#BDBDBD", linewidth=2.4, gid="qisite-zero", zorder=1))
    panel.text(xlim[0], 0, " no inequality", fontsize=style.TINY, color=style.MUTED, ha="left", va="bottom",
               gid="qisite-zero-label")
    index = list(range(count))
    for attr, dashed, gid in (("cl", False, "qisite-cl"), ("lcl", True, "qisite-limit"), ("ucl", True, "qisite-limit")):
        ys = [NAN if getattr(p, attr) is None else getattr(p, attr) for p in spc.points]
        panel.add_line(Line2D(index, ys, color=style.MUTED, linewidth=1.0 if dashed else 1.2, gid=gid, zorder=2,
                              linestyle=(0, (4, 2.5)) if dashed else "-", drawstyle="steps-mid"))
    for i, (low, high) in enumerate(zip(lows, highs)):
        if low is not None and high is not None:
            panel.add_line(Line2D([i, i], [low, high], color=style.SKY, linewidth=2.0, gid="qisite-sii-interval", zorder=2))
    panel.add_line(Line2D(index, [NAN if v is None else v for v in values], color=style.DATA, linewidth=1.4,
                          gid="qisite-sii-line", zorder=3))
    for i, (value, point) in enumerate(zip(values, spc.points)):
        if value is None:
            continue
        special = bool(point.special_cause)
        panel.add_line(Line2D([i], [value], linestyle="none", marker="s" if special else "o",
                              markersize=7.0 if special else 5.5, markeredgecolor="white", markeredgewidth=0.6,
                              markerfacecolor=style.CONCERN if special else style.DATA,
                              gid="qisite-sii-special" if special else "qisite-sii-point", zorder=4))
    identity = frame.pixels
    frame.fig.add_artist(Line2D([left, right], [bottom, bottom], transform=identity, color=style.MUTED, linewidth=0.8))
    every = max(1, math.ceil(count / 12))
    for i in range(0, count, every):
        frame.text(left + (i + 0.5) / count * (right - left), bottom - 6, xs[i], fontsize=style.SMALL,
                   color=style.INK, ha="center", va="top", gid="qisite-xtick")
    key_y = style.HEIGHT - style.KEY_ROW / 2 - 1
    frame.text(8, key_y, ylabel, fontsize=style.SMALL, color=style.INK, ha="left", va="center", gid="qisite-ylabel")
    x = right
    for colour, label in ((style.SKY, "95% interval"), (style.MUTED, "i chart limits")):
        frame.text(x, key_y, label, fontsize=style.TINY, color=style.INK, ha="right", va="center", gid="qisite-key")
        x -= text_width(label, style.TINY) + 5
        frame.fig.add_artist(Line2D([x - 16, x], [key_y, key_y], transform=identity, color=colour,
                                    linewidth=2.0 if colour == style.SKY else 1.0,
                                    linestyle="-" if colour == style.SKY else (0, (4, 2.5))))
        x -= 30
    return frame.fig


def describe_sii(result: EquityResult, value_format: ValueFormat) -> str:
    """The chart's text alternative."""
    xs, values, lows, highs = sii_series(result)
    known = [(x, v, lo, hi) for x, v, lo, hi in zip(xs, values, lows, highs) if v is not None]
    order = ", ".join(result.ordered or ())
    if not known:
        return f"Slope Index of Inequality across {order}: no period has every ordered group."
    first, last = known[0], known[-1]

    def one(item) -> str:
        x, v, lo, hi = item
        return f"{value_format.value(v)} in {x} (95% interval {value_format.value(lo)} to {value_format.value(hi)})"
    special = [x for x, p in zip(xs, sii_spc(result).points) if p.special_cause]
    text = (f"Slope Index of Inequality across {order} (most deprived first): {one(first)}"
            + (f"; {one(last)}." if last is not first else "."))
    text += (f" Special cause on the SII's i chart at {', '.join(map(str, special))}." if special
             else " No special cause on the SII's i chart.")
    return text


def sii_svg(result: EquityResult, value_format: ValueFormat, *, title: str, ylabel: str, prefix: str) -> str:
    """The page-ready SVG, drawn with the shared style whichever process calls it."""
    with matplotlib.rc_context(style.RC):
        raw = figure_svg(sii_figure(result, value_format, ylabel))
    return finish(raw, prefix=prefix, title=title, description=describe_sii(result, value_format), kind="sii")



"""Pareto chart: bars sorted largest first, the cumulative percentage as a line
on its own 0–100% scale (drawn by hand: no twin axes), an 80% guide."""
from __future__ import annotations

import textwrap

from matplotlib import transforms
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from . import style as S
from .draw import Frame, _y_ticks, text_width
from .text import ValueFormat, number


def _wrap(label: str, width_px: float, lines: int = 4) -> str:
    chars = max(4, int(width_px / (0.58 * S.TINY)))
    parts = textwrap.wrap(label, chars, break_long_words=False) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][:max(1, chars - 1)].rstrip() + "…"
    return "\n".join(parts)


def pareto_figure(spec: dict):
    cats, counts, cum = spec["categories"], spec["counts"], spec["cumulative"]
    n = max(1, len(cats))
    bar_px = (S.WIDTH - 58 - 52) / n
    wrapped = [_wrap(c, bar_px - 4) for c in cats]
    label_lines = max((w.count("\n") + 1 for w in wrapped), default=1)
    bottom = 14 + 13 * label_lines
    frame = Frame()
    left, right, top = 58.0, S.WIDTH - 52.0, S.KEY_ROW + 8
    h = S.HEIGHT - top - bottom
    ax = frame.axes(left, bottom, right - left, h)
    hi = max(counts) * 1.12 if counts and max(counts) > 0 else 1.0
    ax.set_xlim(0, n)
    ax.set_ylim(0, hi)
    fmt = ValueFormat(decimals=0)
    _y_ticks(frame, ax, 0, hi, fmt)
    for i, v in enumerate(counts):
        ax.add_patch(Rectangle((i + 0.12, 0), 0.76, v, facecolor=S.SKY, edgecolor=S.BLUE, linewidth=0.8,
                               gid="qisite-pareto-bar", zorder=2))
        inside = v / hi * h > 18
        frame.text(left + (i + 0.5) * bar_px, bottom + v / hi * h + (-4 if inside else 3),
                   number(v, 0 if float(v).is_integer() else 1), fontsize=S.TINY, color=S.INK, ha="center",
                   va="top" if inside else "bottom", gid="qisite-bar-value")
        frame.text(left + (i + 0.5) * bar_px, bottom - 6, wrapped[i], fontsize=S.TINY, color=S.INK,
                   ha="center", va="top", linespacing=1.1, gid="qisite-category")
    cum_t = transforms.blended_transform_factory(ax.transData, ax.transAxes)
    ax.add_line(Line2D([0, n], [0.8, 0.8], transform=cum_t, color=S.MUTED, linewidth=0.8,
                       linestyle=(0, (4, 3)), gid="qisite-pareto-80", zorder=1))
    ax.add_line(Line2D([i + 0.5 for i in range(len(cum))], [c / 100 for c in cum], transform=cum_t,
                       color=S.VERMILLION, linewidth=1.6, marker="s", markersize=4.5, markeredgewidth=0,
                       gid="qisite-pareto-cumulative", zorder=3))
    tr = transforms.IdentityTransform()
    frame.fig.add_artist(Line2D([left, right], [bottom, bottom], transform=tr, color=S.MUTED, linewidth=0.8))
    for pct in (0, 20, 40, 60, 80, 100):
        frame.text(right + 6, bottom + pct / 100 * h, f"{pct}%", fontsize=S.TINY, color=S.VERMILLION,
                   ha="left", va="center_baseline", gid="qisite-cumulative-tick")
    key_y = S.HEIGHT - S.KEY_ROW / 2 - 1
    frame.text(8, key_y, spec["ylabel"], fontsize=S.SMALL, color=S.INK, ha="left", va="center", gid="qisite-ylabel")
    frame.text(S.WIDTH - 6, key_y, "Cumulative %", fontsize=S.TINY, color=S.VERMILLION, ha="right", va="center",
               gid="qisite-key")
    x = S.WIDTH - 6 - text_width("Cumulative %", S.TINY) - 6
    frame.fig.add_artist(Line2D([x - 16, x], [key_y, key_y], transform=tr, color=S.VERMILLION, linewidth=1.6,
                                marker="s", markersize=4.5, markevery=[1], markeredgewidth=0))
    return frame.fig

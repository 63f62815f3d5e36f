"""Small multiples: one measure across groups or teams, one SPC panel each,
shared x and y axes (so panels compare at a glance)."""
from __future__ import annotations

import math

from matplotlib.lines import Line2D

from . import style as S
from .draw import (Frame, _zero_line, _arr, _decorate, _key, _key_items, _pdsa, _x_ticks, _y_range, _y_ticks,
                   draw_series)
from .text import ValueFormat

PANEL_H = 130.0
TITLE_H = 20.0
GAP_X = 18.0


def _layout(n: int) -> tuple[int, int]:
    cols = 1 if n == 1 else 2 if n <= 4 else 3
    return cols, math.ceil(n / cols)


def _thin_ticks(ticks: list, cols: int) -> list:
    if cols == 1:
        return ticks
    years = [t for t in ticks if "\n" in t[1]]
    if 2 <= len(years) <= 8 // cols + 1:
        return years
    keep = ticks[::cols]
    return keep


def multiples_figure(spec: dict):
    fmt = ValueFormat.from_spec(spec["fmt"])
    panels = spec["panels"]
    cols, rows = _layout(len(panels))
    panel_h = PANEL_H * (1.35 if rows == 1 else 1.0)
    lane = 24.0 if spec.get("cycles") else 0.0
    top = S.KEY_ROW + 4 + lane
    bottom = S.MARGIN_BOTTOM
    height = top + rows * (panel_h + TITLE_H) + (rows - 1) * 8 + bottom
    frame = Frame(height=height)
    left, right = S.MARGIN_LEFT, S.WIDTH - 16
    pw = (right - left - (cols - 1) * GAP_X) / cols
    values = []
    for p in panels:
        s = p["series"]
        values += s["y"] + [v for v in s["cl"] + s["ucl"] + s["lcl"] if v is not None]
    if spec.get("target") is not None:
        values.append(spec["target"])
    if spec.get("zero"):
        values.append(0.0)
    ylo, yhi = _y_range(values, fmt.percent, fmt.scale)
    ticks_spec = {**spec, "ticks": _thin_ticks(spec["ticks"], cols)}
    for k, p in enumerate(panels):
        r, c = divmod(k, cols)
        x0 = left + c * (pw + GAP_X)
        y0 = height - top - (r + 1) * (panel_h + TITLE_H) - r * 8
        ax = frame.axes(x0, y0, pw, panel_h)
        ax.set_xlim(*spec["xlim"])
        ax.set_ylim(ylo, yhi)
        s = p["series"]
        x = _arr(s["x"])
        breaks = [((x[q["start"] - 1] + x[q["start"]]) / 2, q["label"]) for q in s["parts"][1:]]
        freeze = None
        if s.get("freeze") is not None:
            f = s["freeze"]
            freeze = (spec["xlim"][0], (x[f] + x[f + 1]) / 2)
        _decorate(ax, spec, breaks, freeze)
        if spec.get("zero"):
            _zero_line(ax, spec["xlim"], label=(c == 0))
        if spec.get("target") is not None:
            ax.add_line(Line2D(spec["xlim"], [spec["target"]] * 2, color=S.TARGET, linewidth=1.2,
                               linestyle=(0, (6, 2)), gid="qisite-target", zorder=2))
        draw_series(ax, s, small=True)
        _y_ticks(frame, ax, ylo, yhi, fmt, nbins=4, labels=(c == 0))
        last_row = r == rows - 1 or k + cols >= len(panels)
        _x_ticks(frame, ax, ticks_spec, labels=last_row)
        frame.text(x0, y0 + panel_h + 6, p["name"], fontsize=S.SMALL, color=S.INK, fontweight="bold",
                   ha="left", va="bottom", gid="qisite-panel-title")
        if spec.get("cycles"):
            if r == 0:
                _pdsa(frame, ax, spec["cycles"], y0 + panel_h + TITLE_H, x0, x0 + pw, spec["xlim"],
                      leader_from_plot=False)
            else:
                for cyc in spec["cycles"]:
                    pos = cyc[1]
                    if not cyc[5]:
                        continue
                    from matplotlib import transforms
                    ax.add_line(Line2D([pos, pos], [0, 1], transform=transforms.blended_transform_factory(
                        ax.transData, ax.transAxes), color=S.PDSA, linewidth=0.9, alpha=0.55,
                        linestyle=(0, (1, 2)), gid="qisite-pdsa-line", zorder=1))
    key_y = height - S.KEY_ROW / 2 - 1
    if spec.get("ylabel"):
        frame.text(8, key_y, spec["ylabel"], fontsize=S.SMALL, color=S.INK, ha="left", va="center", gid="qisite-ylabel")
    _key(frame, _key_items([p["series"] for p in panels], spec.get("target")), S.WIDTH - 6, key_y)
    return frame.fig

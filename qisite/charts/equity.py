"""Equity chart: a stratified measure as one line per group, the reference
group black and heavier, each group's centre line per part, direct labels."""
from __future__ import annotations

import numpy as np
from matplotlib import transforms
from matplotlib.lines import Line2D

from . import style as S
from .draw import Frame, _arr, _decorate, _rows_content, _top_rows, _x_ticks, _y_range, _y_ticks, text_width
from .layout import spread
from .text import ValueFormat


def group_style(k: int, reference: bool) -> dict:
    if reference:
        return {"color": S.REFERENCE_COLOUR, "marker": "o", "lw": 2.2}
    return {"color": S.GROUP_COLOURS[(k - 1) % len(S.GROUP_COLOURS)],
            "marker": S.GROUP_MARKERS[(k - 1) % len(S.GROUP_MARKERS)], "lw": 1.5}


def _label(s: dict) -> str:
    name = s["name"] + (" (reference)" if s["reference"] else "")
    return name if len(name) <= 36 else name[:35] + "…"


def equity_figure(spec: dict):
    fmt = ValueFormat.from_spec(spec["fmt"])
    series = spec["series"]
    labels = [_label(s) for s in series]
    right_margin = min(250.0, max(70.0, max(text_width(t, S.TINY) for t in labels) + 22))
    frame = Frame()
    breaks, freeze = spec["breaks"], spec["freeze"]
    top = _top_rows(frame, spec, has_parts=bool(breaks or freeze))
    left, right, bottom = S.MARGIN_LEFT, S.WIDTH - right_margin, S.MARGIN_BOTTOM
    h = S.HEIGHT - top - bottom
    ax = frame.axes(left, bottom, right - left, h)
    values = [v for s in series for v in s["y"]] + ([spec["target"]] if spec.get("target") is not None else [])
    ylo, yhi = _y_range(values, fmt.percent, fmt.scale)
    ax.set_xlim(*spec["xlim"])
    ax.set_ylim(ylo, yhi)
    _decorate(ax, spec, breaks, freeze)
    ends = []
    for k, s in enumerate(series):
        st = group_style(k, s["reference"])
        x, y = _arr(s["x"]), _arr(s["y"])
        gid = "qisite-group qisite-reference" if s["reference"] else "qisite-group"
        ax.add_line(Line2D(x, y, color=st["color"], linewidth=st["lw"], marker=st["marker"],
                           markersize=4.5 if s["reference"] else 4.2, markeredgewidth=0,
                           gid=gid, zorder=4 if s["reference"] else 3))
        for p in s["parts"]:
            if p["cl"] is None:
                continue
            a, b = p["start"], p["end"]
            ax.add_line(Line2D([x[a], x[b]], [p["cl"], p["cl"]], color=st["color"], linewidth=1.0, alpha=0.55,
                               linestyle=(0, (5, 2)), gid="qisite-group-cl", zorder=2))
        finite = np.flatnonzero(np.isfinite(y))
        if finite.size:
            ends.append((float(y[finite[-1]]), labels[k], st))
    if spec.get("target") is not None:
        ax.add_line(Line2D(spec["xlim"], [spec["target"]] * 2, color=S.TARGET, linewidth=1.4,
                           linestyle=(0, (6, 2)), gid="qisite-target", zorder=2))
        ends.append((spec["target"], f"Target {fmt.value(spec['target'])}", {"color": S.TARGET, "marker": None}))
    _y_ticks(frame, ax, ylo, yhi, fmt)
    _x_ticks(frame, ax, spec)
    to_px = lambda v: bottom + (v - ylo) / (yhi - ylo) * h
    placed = spread([to_px(v) for v, _, _ in ends], S.TINY + 3, bottom, bottom + h)
    tr = transforms.IdentityTransform()
    for (v, text, st), py in zip(ends, placed):
        if st.get("marker"):
            frame.fig.add_artist(Line2D([right + 8], [py], transform=tr, linestyle="none", marker=st["marker"],
                                        markersize=5, markerfacecolor=st["color"], markeredgewidth=0))
        frame.text(right + 15, py, text, fontsize=S.TINY, color=st["color"], ha="left", va="center",
                   fontweight="bold" if "(reference)" in text else "normal", gid="qisite-group-label")
    spec_rows = {**spec, "target": None}
    _rows_content(frame, ax, spec_rows, [], breaks, freeze, left, right, top,
                  key=[("group-cl", "Centre line of each group, per part")])
    return frame.fig

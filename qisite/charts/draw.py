"""Drawing with matplotlib: a spec (plain data from ``plan``) → a Figure.

Figure units are page pixels (72 dpi, so 1 pt = 1 SVG unit = 1 px at the
760 px the page shows). Layout is computed here, never by tight_layout: fixed
margins plus rows that appear only when needed (the key row, the PDSA lane,
the part-label row). Structure is named with gids (``qisite-cl`` …) that the
SVG step turns into classes.
"""
from __future__ import annotations

import math

import numpy as np
from matplotlib import transforms
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from qisite.numbers import ValueFormat
from qisite.spc.chart_types import BY_NAME

from . import style as S
from .layout import lanes, spread

NAN = float("nan")


def text_width(text: str, size: float) -> float:
    """Estimated width in px (DejaVu-ish metrics, generous for system fonts)."""
    return 0.6 * size * len(text)


def _arr(values) -> np.ndarray:
    return np.array([NAN if v is None else v for v in values], dtype=float)


# --- the frame -----------------------------------------------------------------------

class Frame:
    """A figure and the pixel geometry of its plot area(s)."""

    def __init__(self, height: float = S.HEIGHT, width: float = S.WIDTH):
        self.width, self.height = width, height
        self.fig = Figure(figsize=(width / S.DPI, height / S.DPI), dpi=S.DPI, facecolor="white")

    def axes(self, left: float, bottom: float, w: float, h: float) -> "Panel":
        return Panel(self.fig, self.width, self.height, left, bottom, w, h)

    def text(self, x: float, y: float, s: str, **kw):
        return self.fig.text(x / self.width, y / self.height, s, **kw)


class Panel:
    """A plot area: the little of matplotlib's Axes a chart needs (data and
    axes transforms, clipping, limits), as figure-level artists. An Axes costs
    ~5 ms to create even with its axis switched off; a Panel costs nothing."""

    def __init__(self, fig: Figure, fw: float, fh: float, left: float, bottom: float, w: float, h: float):
        self.fig, self._fw, self._fh = fig, fw, fh
        self.box = transforms.Bbox.from_bounds(left, bottom, w, h)       # figure pixels
        self.transAxes = transforms.BboxTransformTo(self.box)
        self.transData = transforms.Affine2D()
        self._clip = transforms.TransformedBbox(transforms.Bbox.unit(), self.transAxes)
        self._xlim, self._ylim = (0.0, 1.0), (0.0, 1.0)
        self._update()

    def _update(self):
        (x0, x1), (y0, y1) = self._xlim, self._ylim
        b = self.box
        sx = b.width / (x1 - x0) if x1 != x0 else 1.0
        sy = b.height / (y1 - y0) if y1 != y0 else 1.0
        self.transData.clear().translate(-x0, -y0).scale(sx, sy).translate(b.x0, b.y0)

    def set_xlim(self, lo, hi):
        self._xlim = (float(lo), float(hi))
        self._update()

    def set_ylim(self, lo, hi):
        self._ylim = (float(lo), float(hi))
        self._update()

    def get_xlim(self):
        return self._xlim

    def get_position(self):
        b = self.box
        return transforms.Bbox.from_extents(b.x0 / self._fw, b.y0 / self._fh, b.x1 / self._fw, b.y1 / self._fh)

    def _add(self, artist, clip: bool = True):
        if not artist.is_transform_set():
            artist.set_transform(self.transData)
        if clip:
            artist.set_clip_box(self._clip)
        self.fig.add_artist(artist)
        return artist

    def add_line(self, line):
        return self._add(line)

    def add_patch(self, patch):
        return self._add(patch)

    def text(self, x, y, s, **kw):
        t = self.fig.text(x, y, s, transform=self.transData, **kw)
        t.set_clip_box(self._clip)
        return t


def _y_ticks(frame: "Frame", ax, lo: float, hi: float, fmt: ValueFormat, nbins: int = 5, labels: bool = True):
    """Grid lines (one path) and y labels as plain text: matplotlib's Tick
    objects cost more than the rest of a chart together."""
    locs = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)
    locs = [v for v in locs if lo - 1e-9 <= v <= hi + 1e-9]
    step = locs[1] - locs[0] if len(locs) > 1 else 1.0
    x0, x1 = ax.get_xlim()
    gx, gy = [], []
    for v in locs:
        gx += [x0, x1, NAN]
        gy += [v, v, NAN]
    ax.add_line(Line2D(gx, gy, color=S.GRID, linewidth=0.8, gid="qisite-grid", zorder=0))
    if labels:
        box = ax.get_position()
        left, bottom, h = box.x0 * frame.width, box.y0 * frame.height, box.height * frame.height
        for v in locs:
            frame.text(left - 6, bottom + (v - lo) / (hi - lo) * h, fmt.tick(v, step), fontsize=S.SMALL,
                       color=S.INK, ha="right", va="center_baseline")


def _y_range(values: list[float], percent: bool, scale: float) -> tuple[float, float]:
    vals = [v for v in values if v is not None and math.isfinite(v)]
    if not vals:
        return 0.0, 1.0
    lo, hi = min(vals), max(vals)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo2, hi2 = lo - pad, hi + pad
    if lo >= 0 and (lo <= (hi - lo) * 0.35 or lo2 < 0):
        lo2 = -(hi2 - 0) * 0.025                          # counts and rates start at zero (points on it stay visible)
    if percent and hi <= 100 / scale and hi2 > 100 / scale:
        hi2 = 100 / scale
    return lo2, hi2


def _x_ticks(frame: "Frame", ax, spec: dict, labels: bool = True, axis_line: bool = True):
    """The x axis line, tick marks (one path) and labels as plain text."""
    lo, hi = spec["xlim"]
    box = ax.get_position()
    left, bottom, w = box.x0 * frame.width, box.y0 * frame.height, box.width * frame.width
    tr = transforms.IdentityTransform()
    mx, my = [], []
    for pos, label in spec["ticks"]:
        px = left + (pos - lo) / (hi - lo) * w
        mx += [px, px, NAN]
        my += [bottom, bottom - 4, NAN]
        if labels:
            frame.text(px, bottom - 7, label, fontsize=S.SMALL, color=S.INK, ha="center", va="top",
                       linespacing=1.15)
    frame.fig.add_artist(Line2D(mx, my, transform=tr, color=S.MUTED, linewidth=0.8, gid="qisite-xticks"))
    if axis_line:
        frame.fig.add_artist(Line2D([left, left + w], [bottom, bottom], transform=tr, color=S.MUTED,
                                    linewidth=0.8, gid="qisite-xaxis"))


# --- SPC series -----------------------------------------------------------------

def _mid_edges(x: np.ndarray, a: int, b: int, n: int) -> tuple[float, float]:
    """Left and right edge of points a..b: half-way to the neighbouring points."""
    left = (x[a - 1] + x[a]) / 2 if a > 0 else x[a]
    right = (x[b] + x[b + 1]) / 2 if b + 1 < n else x[b]
    return left, right


def _steps(x: np.ndarray, v: np.ndarray, a: int, b: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """A stepped line for per-point limits of points a..b (constant ones as one segment)."""
    seg = v[a:b + 1]
    left, right = _mid_edges(x, a, b, n)
    ok = np.isfinite(seg)
    if not ok.any():
        return np.array([]), np.array([])
    if np.allclose(seg[ok], seg[ok][0]) and ok.all():
        return np.array([left, right]), np.array([seg[0], seg[0]])
    xs = x[a:b + 1]
    edges = np.concatenate([[left], (xs[:-1] + xs[1:]) / 2, [right]])
    sx = np.repeat(edges, 2)[1:-1]
    sy = np.repeat(seg, 2)
    return sx, sy


def draw_series(ax, s: dict, *, small: bool = False, value_labels=None, fmt=None, spec_chart: str = ""):
    """Data line, points, CL, limits (per part, stepped), signals, exclusions."""
    x, y = _arr(s["x"]), _arr(s["y"])
    n = x.size
    cl, lcl, ucl = _arr(s["cl"]), _arr(s["lcl"]), _arr(s["ucl"])
    included = np.array(s["included"], dtype=bool)
    meaning = np.array(s["meaning"], dtype=object)
    dense = n > 80                                   # many points: thinner line, smaller dots
    lw = 1.0 if small or dense else 1.4
    freeze = s.get("freeze")
    for p in s["parts"]:
        a, b = p["start"], p["end"]
        pieces = [(a, b, False)]
        if freeze is not None and a <= freeze < b:
            pieces = [(a, freeze, False), (freeze + 1, b, True)]
        for pa, pb, extended in pieces:
            ls = (0, (4, 3)) if extended else "-"
            sx, sy = _steps(x, cl, pa, pb, n)
            runs = p.get("runs") or ""
            colour = S.MEANING_COLOUR.get(runs, S.DATA) if runs else S.DATA
            gid = "qisite-cl" + (" qisite-extended" if extended else "") + (f" qisite-runs-signal qisite-{runs}" if runs else "")
            if sx.size:
                ax.add_line(Line2D(sx, sy, color=colour, linewidth=(1.6 if runs else 1.0) * (0.9 if small else 1),
                                   linestyle=(0, (6, 3)) if runs else ls, gid=gid, zorder=2))
            for arr, name in ((ucl, "qisite-ucl"), (lcl, "qisite-lcl")):
                sx, sy = _steps(x, arr, pa, pb, n)
                if sx.size:
                    ax.add_line(Line2D(sx, sy, color=S.MUTED, linewidth=0.9, linestyle=(0, (4, 2.5)) if not extended else (0, (1.5, 2.5)),
                                       gid=name + (" qisite-extended" if extended else ""), zorder=2))
    ax.add_line(Line2D(x, y, color=S.DATA, linewidth=lw, marker="o",
                       markersize=2.2 if dense else 3.2 if small else 4.2,
                       markerfacecolor=S.DATA, markeredgewidth=0, gid="qisite-data", zorder=3))
    if (~included).any():
        ax.add_line(Line2D(x[~included], y[~included], linestyle="none", marker="o",
                           markersize=6 if small else 7.5, markerfacecolor="white", markeredgecolor=S.EXCLUDED,
                           markeredgewidth=1.5, gid="qisite-point-excluded", zorder=4))
    for kind in ("improvement", "concern", "neutral"):
        mask = (meaning == kind) & np.isfinite(y)
        if mask.any():
            ax.add_line(Line2D(x[mask], y[mask], linestyle="none", marker=S.MEANING_MARKER[kind],
                               markersize=S.MEANING_SIZE[kind] * (0.7 if dense else 0.8 if small else 1),
                               markerfacecolor=S.MEANING_COLOUR[kind], markeredgecolor="white",
                               markeredgewidth=0.8, gid=f"qisite-point-signal qisite-{kind}", zorder=5))
    last = s["parts"][-1] if s["parts"] else None
    if value_labels is not None and last is not None and fmt is not None:
        b = last["end"]
        centre = "Median" if spec_chart in BY_NAME and BY_NAME[spec_chart].median else "CL"
        for arr, name in ((ucl, "UCL"), (cl, centre), (lcl, "LCL")):
            if math.isfinite(arr[b]) and not (name == "LCL" and ucl is None):
                value_labels.append((arr[b], f"{name} {fmt.value(arr[b])}",
                                     S.MUTED if name != centre else S.INK))


def _right_labels(frame: Frame, ax, labels, left: float, bottom: float, h: float, ylo: float, yhi: float):
    """Value labels at the right end of lines, spread so they never overlap."""
    if not labels:
        return
    to_px = lambda v: bottom + (v - ylo) / (yhi - ylo) * h
    wanted = [to_px(v) for v, _, _ in labels]
    placed = spread(wanted, S.TINY + 2, bottom, bottom + h)
    for (v, text, colour), py in zip(labels, placed):
        frame.text(left, py, text, fontsize=S.TINY, color=colour, va="center", ha="left", gid="qisite-value-label")


# --- rows above the plot: key, PDSA lane, part labels ------------------------------

def _key(frame: Frame, items: list[tuple[str, str]], right: float, y: float):
    """Symbol key, right-aligned in the key row: (kind, text) with kind a meaning
    or 'target' / 'limits' / 'excluded' / 'reference'."""
    x = right
    for kind, label in reversed(items):
        w = text_width(label, S.TINY)
        frame.text(x, y, label, fontsize=S.TINY, color=S.INK, ha="right", va="center", gid="qisite-key")
        x -= w + 5
        sym = _key_symbol(kind)
        tr = transforms.IdentityTransform()
        if sym["marker"]:
            frame.fig.add_artist(Line2D([x - 4], [y], transform=tr, linestyle="none", **sym["style"]))
            x -= 8
        else:
            frame.fig.add_artist(Line2D([x - 16, x], [y, y], transform=tr, **sym["style"]))
            x -= 16
        x -= 14


def _key_symbol(kind: str) -> dict:
    if kind in S.MEANING_COLOUR:
        return {"marker": True, "style": dict(marker=S.MEANING_MARKER[kind], markersize=S.MEANING_SIZE[kind],
                                              markerfacecolor=S.MEANING_COLOUR[kind], markeredgecolor="white",
                                              markeredgewidth=0.8)}
    if kind == "excluded":
        return {"marker": True, "style": dict(marker="o", markersize=7, markerfacecolor="white",
                                              markeredgecolor=S.EXCLUDED, markeredgewidth=1.5)}
    if kind == "target":
        return {"marker": False, "style": dict(color=S.TARGET, linewidth=1.4, linestyle=(0, (6, 2)))}
    if kind == "group-cl":
        return {"marker": False, "style": dict(color=S.MUTED, linewidth=1.0, linestyle=(0, (5, 2)))}
    if kind == "limits":
        return {"marker": False, "style": dict(color=S.MUTED, linewidth=0.9, linestyle=(0, (4, 2.5)))}
    if kind.startswith("runs"):
        colour = S.MEANING_COLOUR.get(kind.removeprefix("runs-"), S.NEUTRAL)
        return {"marker": False, "style": dict(color=colour, linewidth=1.6, linestyle=(0, (6, 3)))}
    return {"marker": False, "style": dict(color=S.DATA, linewidth=1.4)}


def _key_items(series_list: list[dict], target) -> list[tuple[str, str]]:
    items = []
    meanings = {m for s in series_list for m in s["meaning"] if m}
    for kind in ("improvement", "concern", "neutral"):
        if kind in meanings:
            items.append((kind, S.MEANING_WORD[kind]))
    runs = [p["runs"] for s in series_list for p in s["parts"] if p.get("runs")]
    if runs:
        items.append(("runs-" + max(runs, key=runs.count), "Runs signal on CL"))  # ties: the first, not hash order
    if any(not v for s in series_list for v in s["included"]):
        items.append(("excluded", "Excluded"))
    if any(s["limits"] for s in series_list):
        items.append(("limits", "Limits"))
    if target is not None:
        items.append(("target", "Target"))
    return items


def _pdsa(frame: Frame, ax, cycles: list, lane_bottom: float, plot_left: float, plot_right: float,
          xlim: tuple[float, float], axes_list=(), leader_from_plot: bool = True):
    """Numbered PDSA markers in the lane above the plot, each linking to its cycle
    (lane 0 nearest the plot, a second lane only when they cannot fit in one),
    with a leader to the cycle's start date and a dotted line down through the plot(s)."""
    if not cycles:
        return
    lo, hi = xlim
    to_px = lambda v: plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left)
    wanted = [to_px(c[1]) for c in cycles]
    radius = PDSA_RADIUS
    placed = lanes(wanted, 2 * radius + 3, plot_left + radius, plot_right - radius, max_lanes=2)
    tr = transforms.IdentityTransform()
    plot_top = frame_bottom(frame, ax) if leader_from_plot else lane_bottom
    for (number, pos, href, title, cid, inside), want, (px, lane) in zip(cycles, wanted, placed):
        cy = lane_bottom + radius + 2 + lane * (2 * radius + 2)
        for target_ax in (axes_list or (ax,)) if inside else ():
            target_ax.add_line(Line2D([pos, pos], [0, 1], transform=transforms.blended_transform_factory(
                target_ax.transData, target_ax.transAxes), color=S.PDSA, linewidth=0.9, alpha=0.55,
                linestyle=(0, (1, 2)), gid="qisite-pdsa-line", zorder=1))
        frame.fig.add_artist(Line2D([want, want, px], [plot_top, lane_bottom, cy - radius], transform=tr,
                                    color=S.PDSA, linewidth=0.8, alpha=0.7, gid="qisite-pdsa-leader", zorder=1))
        marker = Line2D([px], [cy], transform=tr, linestyle="none", marker="o", markersize=2 * radius,
                        markerfacecolor=S.PDSA, markeredgecolor="white", markeredgewidth=1,
                        gid=f"qisite-pdsa qisite-pdsa-{cid}", zorder=3)
        marker.set_url(href)
        frame.fig.add_artist(marker)
        t = frame.text(px, cy, str(number), fontsize=S.TINY, color="white", fontweight="bold",
                       ha="center", va="center_baseline", gid="qisite-pdsa-number", zorder=4)
        t.set_url(href)


PDSA_RADIUS = 8.0


def frame_bottom(frame: Frame, ax) -> float:
    """The pixel y of the top edge of ``ax`` (figure pixels, origin bottom-left)."""
    return ax.get_position().y1 * frame.height


def _part_row(frame: Frame, breaks: list[tuple[float, str]], freeze, y: float, left: float, right: float,
              xlim: tuple[float, float]):
    """Part labels (after each break) and the baseline label, in their own row."""
    lo, hi = xlim
    to_px = lambda v: left + (v - lo) / (hi - lo) * (right - left)
    spots = []
    if freeze is not None:
        spots.append((to_px(freeze[0]) + 2, "Baseline", "qisite-baseline-label"))
    for xb, label in breaks:
        spots.append((to_px(xb) + (2 if xb <= lo else 4), label or "New limits",
                       "qisite-baseline-label" if label == "Baseline" else "qisite-part-label"))
    spots.sort()
    for k, (px, label, gid) in enumerate(spots):
        limit = (spots[k + 1][0] - 6 if k + 1 < len(spots) else right + 40) - px
        chars = max(4, int(limit / (0.6 * S.TINY)))
        text = label if len(label) <= chars else label[:chars - 1].rstrip() + "…"
        frame.text(px, y, text, fontsize=S.TINY, color=S.MUTED, style="italic", ha="left", va="center", gid=gid,
                   bbox=dict(facecolor="white", edgecolor="none", pad=1.0), zorder=5)


# --- the SPC chart --------------------------------------------------------------------

def spc_figure(spec: dict) -> Figure:
    s = spec["series"]
    fmt = ValueFormat.from_spec(spec["fmt"])
    breaks = []
    x = _arr(s["x"])
    for p in s["parts"][1:]:
        a = p["start"]
        breaks.append(((x[a - 1] + x[a]) / 2, p["label"]))
    freeze = None
    if s.get("freeze") is not None:
        k = s["freeze"]
        freeze = (spec["xlim"][0], (x[k] + x[k + 1]) / 2)
    if s["parts"] and s["parts"][0]["label"] == "Baseline" and freeze is None:
        breaks.insert(0, (spec["xlim"][0], "Baseline"))        # labelled, no line at the left edge
    frame = Frame()
    top = _top_rows(frame, spec, has_parts=bool(breaks or freeze))
    left, right = S.MARGIN_LEFT, S.WIDTH - S.MARGIN_RIGHT
    bottom = S.MARGIN_BOTTOM
    h = S.HEIGHT - top - bottom
    ax = frame.axes(left, bottom, right - left, h)
    values = s["y"] + s["cl"] + [v for v in s["ucl"] + s["lcl"] if v is not None]
    if spec.get("target") is not None:
        values.append(spec["target"])
    if spec.get("zero"):
        values.append(0.0)
    ylo, yhi = _y_range(values, fmt.percent, fmt.scale)
    if spec.get("zero"):
        _zero_line(ax, spec["xlim"])
    labels: list = []
    _decorate(ax, spec, breaks, freeze)
    draw_series(ax, s, value_labels=labels, fmt=fmt, spec_chart=spec.get("chart", ""))
    if spec.get("target") is not None:
        ax.add_line(Line2D(spec["xlim"], [spec["target"]] * 2, color=S.TARGET, linewidth=1.4,
                           linestyle=(0, (6, 2)), gid="qisite-target", zorder=2))
        labels.append((spec["target"], f"Target {fmt.value(spec['target'])}", S.TARGET))
    ax.set_xlim(*spec["xlim"])
    ax.set_ylim(ylo, yhi)
    _y_ticks(frame, ax, ylo, yhi, fmt)
    _x_ticks(frame, ax, spec)
    _right_labels(frame, ax, [l for l in labels if ylo <= l[0] <= yhi], right + 4, bottom, h, ylo, yhi)
    _rows_content(frame, ax, spec, [s], breaks, freeze, left, right, top)
    return frame.fig


def _zero_line(ax, xlim, label: bool = True):
    """The "no gap" line of a gap chart: wide and pale, unlike the centre line."""
    ax.add_line(Line2D(xlim, [0, 0], color="#BDBDBD", linewidth=2.4, gid="qisite-zero", zorder=1))
    if label:
        ax.text(xlim[0], 0, " no gap", fontsize=S.TINY, color=S.MUTED, ha="left", va="bottom", gid="qisite-zero-label")


def _top_rows(frame: Frame, spec: dict, has_parts: bool) -> float:
    """Height of the rows above the plot: key row, PDSA lane(s), part-label row."""
    top = S.KEY_ROW
    if spec.get("cycles"):
        top += S.PDSA_LANE + (18 if _pdsa_lanes(spec) > 1 else 0)
    if has_parts:
        top += 16
    return top + 4


def _pdsa_lanes(spec: dict) -> int:
    left, right = S.MARGIN_LEFT, S.WIDTH - S.MARGIN_RIGHT
    lo, hi = spec["xlim"]
    wanted = [left + (c[1] - lo) / (hi - lo) * (right - left) for c in spec["cycles"]]
    placed = lanes(wanted, 2 * PDSA_RADIUS + 3, left + PDSA_RADIUS, right - PDSA_RADIUS, max_lanes=2)
    return 1 + max((l for _, l in placed), default=0)


def _decorate(ax, spec: dict, breaks, freeze):
    if freeze is not None:
        ax.add_patch(Rectangle((freeze[0], 0), freeze[1] - freeze[0], 1, transform=transforms.blended_transform_factory(
            ax.transData, ax.transAxes), facecolor=S.BASELINE_FILL, edgecolor="none", gid="qisite-baseline", zorder=0))
    for xb, _ in breaks:
        if xb <= spec["xlim"][0]:
            continue
        ax.add_line(Line2D([xb, xb], [0, 1], transform=transforms.blended_transform_factory(ax.transData, ax.transAxes),
                           color=S.PART_BREAK, linewidth=1.0, gid="qisite-part-break", zorder=1))


def _rows_content(frame: Frame, ax, spec, series_list, breaks, freeze, left, right, top, axes_list=(), key=None):
    plot_top = S.HEIGHT - top if frame.height == S.HEIGHT else frame_bottom(frame, ax)
    key_y = frame.height - S.KEY_ROW / 2 - 1
    if spec.get("ylabel"):
        frame.text(8, key_y, spec["ylabel"], fontsize=S.SMALL, color=S.INK, ha="left", va="center", gid="qisite-ylabel")
    _key(frame, _key_items(series_list, spec.get("target")) if key is None else key, S.WIDTH - 6, key_y)
    row = plot_top
    if breaks or freeze:
        _part_row(frame, breaks, freeze, row + 8, left, right, spec["xlim"])
        row += 16
    if spec.get("cycles"):
        _pdsa(frame, ax, spec["cycles"], row, left, right, spec["xlim"], axes_list=axes_list)

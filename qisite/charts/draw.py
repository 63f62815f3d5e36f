"""The SPC chart: a :class:`~qisite.charts.specs.SpcSpec` → a matplotlib Figure.

Layout is computed here, never by tight_layout: fixed margins plus rows that
appear only when needed (the key row, the PDSA lane, the part-label row); the
shared pieces are in :mod:`qisite.charts.kit`. ``draw_series`` (one series
with its limits and signals) is shared with the small multiples.
"""
from __future__ import annotations

import math
from typing import Literal, cast

import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Affine2D, Transform, TransformedPath

from qisite.numbers import ValueFormat
from qisite.spc.chart_types import BY_NAME

from . import kit, style
from .kit import Panel, ValueLabel
from .specs import SeriesSpec, SpcSpec

LineStyle = Literal["-"] | tuple[float, tuple[float, float]]
RUNS_SIGNAL_STYLE: LineStyle = (0, (6, 3))


# --- SPC series -----------------------------------------------------------------

def _mid_edges(x: np.ndarray, first: int, last: int, count: int) -> tuple[float, float]:
    """Left and right edge of points first..last: half-way to the neighbouring points."""
    left = (x[first - 1] + x[first]) / 2 if first > 0 else x[first]
    right = (x[last] + x[last + 1]) / 2 if last + 1 < count else x[last]
    return left, right


def _steps(x: np.ndarray, values: np.ndarray, first: int, last: int, count: int) -> tuple[np.ndarray, np.ndarray]:
    """A stepped line for per-point limits of points first..last (constant ones as one segment)."""
    segment = values[first:last + 1]
    left, right = _mid_edges(x, first, last, count)
    finite = np.isfinite(segment)
    if not finite.any():
        return np.array([]), np.array([])
    if np.allclose(segment[finite], segment[finite][0]) and finite.all():
        return np.array([left, right]), np.array([segment[0], segment[0]])
    xs = x[first:last + 1]
    edges = np.concatenate([[left], (xs[:-1] + xs[1:]) / 2, [right]])
    return np.repeat(edges, 2)[1:-1], np.repeat(segment, 2)


def _broken(x: np.ndarray, y: np.ndarray, missing: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The data line with a break (NaN) wherever a period with no data lies between two points."""
    if not missing or x.size < 2:
        return x, y
    gaps = np.array(missing, dtype=float)
    cut = [i + 1 for i in range(x.size - 1) if ((gaps > x[i]) & (gaps < x[i + 1])).any()]
    return np.insert(x, cut, np.nan), np.insert(y, cut, np.nan)


def missing_marks(panel: Panel, missing: tuple[float, ...], spacing: float, small: bool = False) -> None:
    """Each run of periods with no data: a pale band across the plot and, on a full-size
    chart, "no data" written up its foot (the line breaks there; nothing is bridged)."""
    if not missing:
        return
    runs: list[list[float]] = []
    for position in sorted(missing):
        if runs and position - runs[-1][-1] <= spacing * 1.6:
            runs[-1].append(position)
        else:
            runs.append([position])
    for run in runs:
        low, high = run[0] - spacing * 0.5, run[-1] + spacing * 0.5
        panel.add_patch(Rectangle((low, 0), high - low, 1, transform=panel.x_data_y_axes(), facecolor=style.GRID,
                                  edgecolor="none", gid="qisite-missing", zorder=0))
        if not small:
            panel.fig.text((low + high) / 2, 0.03, "no data", transform=panel.x_data_y_axes(), fontsize=style.TINY,
                           color=style.MUTED, style="italic", rotation=90, ha="center", va="bottom",
                           gid="qisite-missing-label", zorder=1)


def draw_series(panel: Panel, series: SeriesSpec, *, small: bool = False,
                value_labels: list[ValueLabel] | None = None, value_format: ValueFormat | None = None,
                chart: str = "", spacing: float = 1.0, tip_key: int = 0) -> None:
    """Data line, points, CL, limits (per part, stepped), signals, exclusions, the
    periods with no data, and a target per point for its details (``tip_key``: the
    panel's number, in the target's gid); with ``value_labels``, the latest CL and
    limits are added to it for labelling."""
    x, y = kit.as_array(series.x), kit.as_array(series.y)
    count = x.size
    cl, lcl, ucl = kit.as_array(series.cl), kit.as_array(series.lcl), kit.as_array(series.ucl)
    lcl95, ucl95 = kit.as_array(series.lcl95), kit.as_array(series.ucl95)
    included = np.array(series.included, dtype=bool)
    meaning = np.array(series.meaning, dtype=object)
    dense = count > 80                                   # many points: thinner line, smaller dots
    line_width = 1.0 if small or dense else 1.4
    freeze = series.freeze
    for part in series.parts:
        first, last = part.start, part.end
        pieces = [(first, last, False)]
        if freeze is not None and first <= freeze < last:
            pieces = [(first, freeze, False), (freeze + 1, last, True)]
        for piece_first, piece_last, extended in pieces:
            line_style: LineStyle = (0, (4, 3)) if extended else "-"
            step_x, step_y = _steps(x, cl, piece_first, piece_last, count)
            runs = part.runs
            colour = style.MEANING_COLOUR.get(runs, style.DATA) if runs else style.DATA
            gid = ("qisite-cl" + (" qisite-extended" if extended else "")
                   + (f" qisite-runs-signal qisite-{runs}" if runs else ""))
            if step_x.size:
                panel.add_line(Line2D(step_x, step_y, color=colour,
                                      linewidth=(1.6 if runs else 1.0) * (0.9 if small else 1),
                                      linestyle=RUNS_SIGNAL_STYLE if runs else line_style, gid=gid, zorder=2))
            for limit, name in ((ucl, "qisite-ucl"), (lcl, "qisite-lcl")):
                step_x, step_y = _steps(x, limit, piece_first, piece_last, count)
                if step_x.size:
                    panel.add_line(Line2D(step_x, step_y, color=style.MUTED, linewidth=0.9,
                                          linestyle=(0, (4, 2.5)) if not extended else (0, (1.5, 2.5)),
                                          gid=name + (" qisite-extended" if extended else ""), zorder=2))
            for limit, name in ((ucl95, "qisite-ucl95"), (lcl95, "qisite-lcl95")) if ucl95.size else ():
                step_x, step_y = _steps(x, limit, piece_first, piece_last, count)
                if step_x.size:
                    panel.add_line(Line2D(step_x, step_y, color=style.MUTED, linewidth=0.6, alpha=0.8,
                                          linestyle=(0, (1, 2)), gid=name, zorder=2))
    missing_marks(panel, series.missing, spacing, small)
    line_x, line_y = _broken(x, y, series.missing)
    panel.add_line(Line2D(line_x, line_y, color=style.DATA, linewidth=line_width, marker="o",
                          markersize=2.2 if dense else 3.2 if small else 4.2,
                          markerfacecolor=style.DATA, markeredgewidth=0, gid="qisite-data", zorder=3))
    if (~included).any():
        panel.add_line(Line2D(x[~included], y[~included], linestyle="none", marker="o",
                              markersize=6 if small else 7.5, markerfacecolor="white",
                              markeredgecolor=style.EXCLUDED, markeredgewidth=1.5, gid="qisite-point-excluded",
                              zorder=4))
    for kind in ("improvement", "concern", "neutral"):
        mask = (meaning == kind) & np.isfinite(y)
        if mask.any():
            panel.add_line(Line2D(x[mask], y[mask], linestyle="none", marker=style.MEANING_MARKER[kind],
                                  markersize=style.MEANING_SIZE[kind] * (0.7 if dense else 0.8 if small else 1),
                                  markerfacecolor=style.MEANING_COLOUR[kind], markeredgecolor="white",
                                  markeredgewidth=0.8, gid=f"qisite-point-signal qisite-{kind}", zorder=5))
    point_targets(panel, x, y, series.tips, tip_key, 9 if dense else 12)
    if value_labels is not None and series.parts and value_format is not None:
        latest = series.parts[-1].end
        centre = "Median" if chart in BY_NAME and BY_NAME[chart].median else "CL"
        for line, name in ((ucl, "UCL"), (cl, centre), (lcl, "LCL")):
            if math.isfinite(line[latest]):
                value_labels.append((line[latest], f"{name} {value_format.value(line[latest])}",
                                     style.MUTED if name != centre else style.INK))


def point_targets(panel: Panel, x: np.ndarray, y: np.ndarray, tips: tuple[str, ...], tip_key: int,
                  size: float) -> None:
    """Placeholders over the points that have details: the SVG step turns each into a focusable group
    holding an unpainted circle, with the point's details as its ``<title>`` (see :class:`_PointTargets`)."""
    shown = [index for index, tip in enumerate(tips) if tip and index < x.size and math.isfinite(y[index])]
    if shown:
        panel.add_artist(_PointTargets(x[shown], y[shown], f"qisite-tips-{tip_key}-r{size / 2:g}-i{'.'.join(map(str, shown))}"))


class _PointTargets(Artist):
    """Where the points that have details are, written as an empty group's id when the figure is drawn
    (``qisite-tips-<panel>-r<radius>-i<index>.<index>…-at<x>,<y> <x>,<y>…``, the points' indices and
    positions in order) for the SVG step (svg._points). Placed as an SVG renderer places a marker (the
    same transform, its numbers written the same way), but not drawn as one: a marker a point costs
    matplotlib far more (its style worked out, its element written) than working out where it goes."""

    def __init__(self, x: np.ndarray, y: np.ndarray, gid: str):
        super().__init__()
        self.points, self.placeholder = Path(np.column_stack([x, y]).astype(float)), gid
        self.set_zorder(7)

    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        path, affine = TransformedPath(self.points, self.get_transform()).get_transformed_path_and_affine()
        flip = cast(Transform, affine.frozen()) + Affine2D().scale(1, -1).translate(0, renderer.height)   # (RendererSVG's)
        clip = (0, 0, renderer.width * 72, renderer.height * 72)
        at = " ".join(f"{_svg_number(vertices[-2])},{_svg_number(vertices[-1])}"
                      for vertices, _ in path.iter_segments(flip, clip=clip, simplify=False) if len(vertices))
        renderer.open_group("qisite-tips", gid=f"{self.placeholder}-at{at}")
        renderer.close_group("qisite-tips")


def _svg_number(value: float) -> str:
    """A coordinate as matplotlib's SVG writer writes it."""
    return f"{value:f}".rstrip("0").rstrip(".")


# --- the SPC chart --------------------------------------------------------------------

def spc_figure(spec: SpcSpec) -> Figure:
    series, axis = spec.series, spec.axis
    value_format = spec.value_format.value_format()
    breaks, freeze = kit.part_breaks(series, axis.xlim)
    if series.parts and series.parts[0].label == "Baseline" and freeze is None:
        breaks.insert(0, (axis.xlim[0], "Baseline"))        # labelled, no line at the left edge
    frame = kit.Frame()
    top = kit.top_rows_height(axis, has_parts=bool(breaks or freeze))
    left, right = style.MARGIN_LEFT, style.WIDTH - style.MARGIN_RIGHT
    bottom = style.MARGIN_BOTTOM
    height = style.HEIGHT - top - bottom
    panel = frame.axes(left, bottom, right - left, height)
    values = kit.series_values(series)
    if spec.target is not None:
        values.append(spec.target)
    values += [v for _, v in spec.other_targets]
    values += [v for v in spec.trajectory if v is not None]
    if spec.zero:
        values.append(0.0)
    y_low, y_high = kit.y_range(values, value_format.percent, value_format.scale)
    if spec.zero:
        kit.zero_line(panel, axis.xlim)
    labels: list[ValueLabel] = []
    kit.baseline_and_breaks(panel, axis.xlim, breaks, freeze)
    kit.event_lines(panel, axis.events)
    draw_series(panel, series, value_labels=labels, value_format=value_format, chart=spec.chart,
                spacing=axis.spacing)
    kit.target_lines(panel, axis.xlim, spec.target, spec.other_targets)
    labels += [(v, text, style.TARGET) for v, text in
               kit.target_labels(spec.target, spec.target_label, spec.other_targets, value_format.value)]
    key = kit.key_items([series], spec.target, spec.target_label, spec.other_targets)
    if axis.events:
        key.append(("event", "Event"))
    path = kit.as_array(spec.trajectory)
    if np.isfinite(path).any():
        x = kit.as_array(series.x)
        panel.add_line(Line2D(x, path, drawstyle="steps-post", **kit.key_symbol("trajectory")[1],
                              gid="qisite-trajectory", zorder=2))
        latest = path[np.isfinite(path)][-1]
        labels.append((latest, f"Trajectory {value_format.value(latest)}", style.TARGET))
        key.append(("trajectory", "Trajectory"))
    panel.set_xlim(*axis.xlim)
    panel.set_ylim(y_low, y_high)
    kit.y_ticks(frame, panel, y_low, y_high, value_format)
    kit.x_ticks(frame, panel, axis.ticks, axis.xlim)
    kit.right_labels(frame, [label for label in labels if y_low <= label[0] <= y_high], right + 4, bottom, height,
                     y_low, y_high)
    kit.top_rows(frame, panel, axis, spec.ylabel, key, breaks, freeze, left, right, top)
    return frame.fig

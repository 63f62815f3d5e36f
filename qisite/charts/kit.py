"""The chart kit: the pieces every drawing module shares.

A :class:`Frame` (a figure in page pixels) holds :class:`Panel` plot areas;
around them the kit draws the y grid and labels, the x axis, the symbol key,
the PDSA lane, the part-label row, the target and "no gap" lines, the shaded
baseline and part breaks. Figure units are page pixels (72 dpi, so 1 pt =
1 SVG unit = 1 px at the 760 px the page shows); what is placed in page pixels
goes through :func:`page_pixels`, so the figure drawn at a higher dpi (a PNG for
slides, qisite.charts.slides) is the same drawing, larger. Structure is named with gids
(``qisite-cl`` …) that the SVG step turns into classes.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from matplotlib import transforms
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from qisite.numbers import ValueFormat

from . import style
from .layout import lanes, spread
from .measured import ChartFigure
from .specs import AxisSpec, Break, CycleMark, EventMark, SeriesSpec, Tick

NAN = float("nan")
PDSA_RADIUS = 8.0

KeyItem = tuple[str, str]             # (symbol kind, text)
ValueLabel = tuple[float, str, str]   # (y value, text, colour)


def text_width(text: str, size: float) -> float:
    """Estimated width in px (DejaVu-ish metrics, generous for system fonts)."""
    return 0.6 * size * len(text)


def fit_text(text: str, room: float, size: float, bold: bool = False) -> str:
    """The text cut short with "…" to fit ``room`` px at ``size`` (by text_width's estimate; bold a tenth wider)."""
    chars = int(room / (0.6 * size * (1.1 if bold else 1.0)))
    return text if len(text) <= chars else text[:max(chars - 1, 1)].rstrip() + "…"


def as_array(values: Iterable[float | None]) -> np.ndarray:
    """Floats with None as NaN."""
    return np.array([NAN if value is None else value for value in values], dtype=float)


# --- the frame and its plot areas -------------------------------------------------------

def page_pixels(fig: Figure) -> transforms.Transform:
    """Page pixels → display: the identity at the figure's own 72 dpi, scaled with the dpi it is drawn at."""
    return transforms.Affine2D().scale(1.0 / style.DPI) + fig.dpi_scale_trans


class Frame:
    """A figure and the pixel geometry of its plot area(s)."""

    def __init__(self, height: float = style.HEIGHT, width: float = style.WIDTH):
        self.width, self.height = width, height
        self.fig = ChartFigure(figsize=(width / style.DPI, height / style.DPI), dpi=style.DPI, facecolor="white")
        self.pixels = page_pixels(self.fig)     # page pixels → display (use it, never IdentityTransform)

    def axes(self, left: float, bottom: float, width: float, height: float) -> Panel:
        return Panel(self.fig, self.width, self.height, left, bottom, width, height)

    def text(self, x: float, y: float, text: str, **options):
        return self.fig.text(x / self.width, y / self.height, text, **options)


class Panel:
    """A plot area: the little of matplotlib's Axes a chart needs (data and
    axes transforms, clipping, limits), as figure-level artists. An Axes costs
    ~5 ms to create even with its axis switched off; a Panel costs nothing."""

    def __init__(self, fig: Figure, figure_width: float, figure_height: float, left: float, bottom: float,
                 width: float, height: float):
        self.fig = fig
        self.figure_width, self.figure_height = figure_width, figure_height
        self.box = transforms.Bbox.from_bounds(left, bottom, width, height)       # figure pixels
        pixels = page_pixels(fig)
        self.transAxes = transforms.BboxTransformTo(self.box) + pixels
        self._data = transforms.Affine2D()                                         # data → page pixels
        self.transData = self._data + pixels
        self.clip = transforms.TransformedBbox(transforms.Bbox.unit(), self.transAxes)
        self.xlim, self.ylim = (0.0, 1.0), (0.0, 1.0)
        self._update()

    def _update(self) -> None:
        (x0, x1), (y0, y1) = self.xlim, self.ylim
        box = self.box
        x_scale = box.width / (x1 - x0) if x1 != x0 else 1.0
        y_scale = box.height / (y1 - y0) if y1 != y0 else 1.0
        self._data.clear().translate(-x0, -y0).scale(x_scale, y_scale).translate(box.x0, box.y0)

    def set_xlim(self, low, high) -> None:
        self.xlim = (float(low), float(high))
        self._update()

    def set_ylim(self, low, high) -> None:
        self.ylim = (float(low), float(high))
        self._update()

    def get_xlim(self) -> tuple[float, float]:
        return self.xlim

    def get_position(self) -> transforms.Bbox:
        box = self.box
        return transforms.Bbox.from_extents(box.x0 / self.figure_width, box.y0 / self.figure_height,
                                            box.x1 / self.figure_width, box.y1 / self.figure_height)

    def x_data_y_axes(self) -> transforms.Transform:
        """x in data units, y from 0 (bottom) to 1 (top) of the plot area."""
        return transforms.blended_transform_factory(self.transData, self.transAxes)

    def _add(self, artist, clip: bool = True):
        if not artist.is_transform_set():
            artist.set_transform(self.transData)
        if clip:
            artist.set_clip_box(self.clip)
        self.fig.add_artist(artist)
        return artist

    def add_line(self, line):
        return self._add(line)

    def add_patch(self, patch):
        return self._add(patch)

    def add_artist(self, artist):
        return self._add(artist)

    def text(self, x, y, text, **options):
        artist = self.fig.text(x, y, text, transform=self.transData, **options)
        artist.set_clip_box(self.clip)
        return artist


def frame_bottom(frame: Frame, panel: Panel) -> float:
    """The pixel y of the top edge of ``panel`` (figure pixels, origin bottom-left)."""
    return panel.get_position().y1 * frame.height


# --- axes -----------------------------------------------------------------------------

def y_ticks(frame: Frame, panel: Panel, low: float, high: float, value_format: ValueFormat, nbins: int = 5,
            labels: bool = True) -> None:
    """Grid lines (one path) and y labels as plain text: matplotlib's Tick
    objects cost more than the rest of a chart together."""
    locations = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]).tick_values(low, high)
    locations = [v for v in locations if low - 1e-9 <= v <= high + 1e-9]
    step = locations[1] - locations[0] if len(locations) > 1 else 1.0
    x0, x1 = panel.get_xlim()
    grid_x: list[float] = []
    grid_y: list[float] = []
    for value in locations:
        grid_x += [x0, x1, NAN]
        grid_y += [value, value, NAN]
    panel.add_line(Line2D(grid_x, grid_y, color=style.GRID, linewidth=0.8, gid="qisite-grid", zorder=0))
    if labels:
        box = panel.get_position()
        left, bottom, height = box.x0 * frame.width, box.y0 * frame.height, box.height * frame.height
        for value in locations:
            frame.text(left - 6, bottom + (value - low) / (high - low) * height, value_format.tick(value, step),
                       fontsize=style.SMALL, color=style.INK, ha="right", va="center_baseline")


def y_range(values: Iterable[float | None], percent: bool, scale: float) -> tuple[float, float]:
    """The y limits: the values with a little room; from zero for counts and
    rates near it; not past 100% for percentages."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    low, high = min(finite), max(finite)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    padded_low, padded_high = low - pad, high + pad
    if low >= 0 and (low <= (high - low) * 0.35 or padded_low < 0):
        padded_low = -(padded_high - 0) * 0.025                # counts and rates start at zero (points on it stay visible)
    if percent and high <= 100 / scale and padded_high > 100 / scale:
        padded_high = 100 / scale
    return padded_low, padded_high


def series_values(series: SeriesSpec) -> list[float | None]:
    """Everything an SPC series plots: values, centre line, limits."""
    return list(series.y) + list(series.cl) + [v for v in series.ucl + series.lcl if v is not None]


def x_ticks(frame: Frame, panel: Panel, ticks: Sequence[Tick], xlim: tuple[float, float], labels: bool = True,
            axis_line: bool = True) -> None:
    """The x axis line, tick marks (one path) and labels as plain text."""
    low, high = xlim
    box = panel.get_position()
    left, bottom, width = box.x0 * frame.width, box.y0 * frame.height, box.width * frame.width
    identity = frame.pixels
    mark_x: list[float] = []
    mark_y: list[float] = []
    for position, label in ticks:
        px = left + (position - low) / (high - low) * width
        mark_x += [px, px, NAN]
        mark_y += [bottom, bottom - 4, NAN]
        if labels:
            frame.text(px, bottom - 7, label, fontsize=style.SMALL, color=style.INK, ha="center", va="top",
                       linespacing=1.15)
    frame.fig.add_artist(Line2D(mark_x, mark_y, transform=identity, color=style.MUTED, linewidth=0.8,
                                gid="qisite-xticks"))
    if axis_line:
        frame.fig.add_artist(Line2D([left, left + width], [bottom, bottom], transform=identity, color=style.MUTED,
                                    linewidth=0.8, gid="qisite-xaxis"))


# --- lines across a plot --------------------------------------------------------------

def target_line(panel: Panel, xlim: tuple[float, float], target: float, linewidth: float = 1.4) -> None:
    panel.add_line(Line2D(xlim, [target] * 2, color=style.TARGET, linewidth=linewidth,
                          linestyle=(0, (6, 2)), gid="qisite-target", zorder=2))


def target_lines(panel: Panel, xlim: tuple[float, float], target: float | None, others: Sequence[tuple[str, float]],
                 linewidth: float = 1.4) -> None:
    """The target (the line assurance is judged against) and any other labelled targets (e.g. a
    national standard beside a local target), told apart by their dashes as well as their labels."""
    if target is not None:
        target_line(panel, xlim, target, linewidth)
    look = key_symbol("other-target")[1]
    for _, value in others:
        panel.add_line(Line2D(xlim, [value] * 2, **{**look, "linewidth": linewidth - 0.2}, gid="qisite-other-target",
                              zorder=2))


def target_labels(target: float | None, label: str, others: Sequence[tuple[str, float]],
                  value: Callable[[float], str]) -> list[tuple[float, str]]:
    """(value, "Local target 85%") for the right-hand labels of each target line."""
    lines = ([(target, label)] if target is not None else []) + [(v, name) for name, v in others]
    return [(v, f"{name} {value(v)}") for v, name in lines]


def zero_line(panel: Panel, xlim: tuple[float, float], label: bool = True) -> None:
    """The "no gap" line of a gap chart: wide and pale, unlike the centre line."""
    panel.add_line(Line2D(xlim, [0, 0], color="#BDBDBD", linewidth=2.4, gid="qisite-zero", zorder=1))
    if label:
        panel.text(xlim[0], 0, " no gap", fontsize=style.TINY, color=style.MUTED, ha="left", va="bottom",
                   gid="qisite-zero-label")


def pdsa_lines(panel: Panel, positions: Sequence[float]) -> None:
    """The dotted lines of PDSA cycles' starts, down through a plot: one path, a stroke a cycle (a line
    of its own costs matplotlib a third of a millisecond to draw, and a chart may show thirty cycles)."""
    if positions:
        panel.add_line(Line2D(*_strokes([((p, p), (0, 1)) for p in positions]), transform=panel.x_data_y_axes(),
                              color=style.PDSA, linewidth=0.9, alpha=0.55, linestyle=(0, (1, 2)),
                              gid="qisite-pdsa-line", zorder=1))


def _strokes(strokes: Sequence[tuple[Sequence[float], Sequence[float]]]) -> tuple[list[float], list[float]]:
    """The x and y of one line drawn as separate strokes (each its (xs, ys)): a gap (NaN) between them."""
    xs: list[float] = []
    ys: list[float] = []
    for stroke_x, stroke_y in strokes:
        if xs:
            xs.append(math.nan)
            ys.append(math.nan)
        xs += stroke_x
        ys += stroke_y
    return xs, ys


def event_lines(panel: Panel, events: Sequence[EventMark]) -> None:
    """A dash-dot line down through a plot at each event's date (PDSA lines are dotted, purple)."""
    for event in events:
        panel.add_line(Line2D([event.position] * 2, [0, 1], transform=panel.x_data_y_axes(), color=style.MUTED,
                              linewidth=0.9, linestyle=(0, (5, 2, 1, 2)), gid="qisite-event-line", zorder=1))


EVENT_ROW = 16.0
EVENT_SIZE = 7.0
EVENT_LANES = 2


def event_layout(events: Sequence[EventMark], left: float, right: float,
                 xlim: tuple[float, float]) -> list[tuple[float, float, int, str]]:
    """Where each event goes in its row(s): ``(date px, marker px, lane, label)``. Each
    event takes the first lane (of two) where its marker and whole label fit after the
    last one there; when neither has room, the lane that frees first, and the label
    before it in that lane is cut short ("…") where the marker begins (the marker's
    title, the table and the chart's words keep the whole text). Markers in a lane are
    spread so that they never overlap."""
    if not events:
        return []
    low, high = xlim
    wanted = [left + (event.position - low) / (high - low) * (right - left) for event in events]
    order = sorted(range(len(events)), key=lambda i: (wanted[i], i))
    ends = [-math.inf] * EVENT_LANES
    lane_of: dict[int, int] = {}
    for i in order:
        start = wanted[i] - EVENT_SIZE / 2
        free = [lane for lane in range(EVENT_LANES) if ends[lane] <= start]
        lane = free[0] if free else min(range(EVENT_LANES), key=lambda k: ends[k])
        lane_of[i] = lane
        ends[lane] = wanted[i] + EVENT_SIZE / 2 + 4 + text_width(events[i].text, style.TINY) + 8
    out: list[tuple[float, float, int, str]] = [(0.0, 0.0, 0, "")] * len(events)
    for lane in range(EVENT_LANES):
        members = [i for i in order if lane_of[i] == lane]
        placed = spread([wanted[i] for i in members], EVENT_SIZE + 3, left + EVENT_SIZE / 2, right - EVENT_SIZE / 2)
        for rank, (i, px) in enumerate(zip(members, placed)):
            following = placed[rank + 1] if rank + 1 < len(members) else right + 60
            chars = int((following - px - EVENT_SIZE - 8) / (0.6 * style.TINY))
            text = events[i].text
            if chars < 3:
                text = ""
            elif len(text) > chars:
                text = text[:chars - 1].rstrip() + "…"
            out[i] = (wanted[i], px, lane, text)
    return out


def event_lanes(axis: AxisSpec) -> int:
    """How many rows the events need on a full-width chart (0, 1 or 2)."""
    layout = event_layout(axis.events, style.MARGIN_LEFT, style.WIDTH - style.MARGIN_RIGHT, axis.xlim)
    return 1 + max(lane for _, _, lane, _ in layout) if layout else 0


def event_row(frame: Frame, events: Sequence[EventMark], bottom: float, left: float, right: float,
              xlim: tuple[float, float], plot_top: float | None = None) -> None:
    """The events' rows (from ``bottom`` up): at each date a small down-pointing
    triangle (gid ``qisite-event-<k>``, whose ``<title>`` the SVG step writes) with
    the event's short text after it (:func:`event_layout`) and a dash-dot leader
    down to its date."""
    identity = frame.pixels
    for index, (want, px, lane, text) in enumerate(event_layout(events, left, right, xlim)):
        y = bottom + EVENT_ROW / 2 + lane * EVENT_ROW
        foot = bottom if plot_top is None else plot_top
        frame.fig.add_artist(Line2D([want, want, px], [foot, bottom + 1, y - 3], transform=identity,
                                    color=style.MUTED, linewidth=0.7, linestyle=(0, (5, 2, 1, 2)),
                                    gid="qisite-event-leader"))
        frame.fig.add_artist(Line2D([px], [y], transform=identity, linestyle="none", marker="v",
                                    markersize=EVENT_SIZE, markerfacecolor=style.INK, markeredgecolor="white",
                                    markeredgewidth=0.6, gid=f"qisite-event-{index}", zorder=4))
        if text:
            frame.text(px + EVENT_SIZE / 2 + 2, y, text, fontsize=style.TINY, color=style.INK, ha="left",
                       va="center", gid="qisite-event-label", zorder=5,
                       bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8})  # over the leaders below it


def part_breaks(series: SeriesSpec, xlim: tuple[float, float]) -> tuple[list[Break], tuple[float, float] | None]:
    """The breaks between a series' parts (half-way between their points) with
    the new part's label, and the x range of its frozen baseline (or None)."""
    x = as_array(series.x)
    breaks = [((x[part.start - 1] + x[part.start]) / 2, part.label) for part in series.parts[1:]]
    freeze = None
    if series.freeze is not None:
        last = series.freeze
        freeze = (xlim[0], (x[last] + x[last + 1]) / 2)
    return breaks, freeze


def baseline_and_breaks(panel: Panel, xlim: tuple[float, float], breaks: Sequence[Break],
                        freeze: tuple[float, float] | None) -> None:
    """The shaded frozen baseline and a line at each part break."""
    if freeze is not None:
        panel.add_patch(Rectangle((freeze[0], 0), freeze[1] - freeze[0], 1, transform=panel.x_data_y_axes(),
                                  facecolor=style.BASELINE_FILL, edgecolor="none", gid="qisite-baseline", zorder=0))
    for position, _ in breaks:
        if position <= xlim[0]:
            continue
        panel.add_line(Line2D([position, position], [0, 1], transform=panel.x_data_y_axes(),
                              color=style.PART_BREAK, linewidth=1.0, gid="qisite-part-break", zorder=1))


def right_labels(frame: Frame, labels: Sequence[ValueLabel], left: float, bottom: float, height: float,
                 y_low: float, y_high: float) -> None:
    """Value labels at the right end of lines, spread so they never overlap."""
    if not labels:
        return
    wanted = [bottom + (value - y_low) / (y_high - y_low) * height for value, _, _ in labels]
    placed = spread(wanted, style.TINY + 2, bottom, bottom + height)
    for (_, text, colour), py in zip(labels, placed):
        frame.text(left, py, text, fontsize=style.TINY, color=colour, va="center", ha="left",
                   gid="qisite-value-label")


# --- rows above the plot: key, PDSA lane, part labels ------------------------------

def key(frame: Frame, items: Sequence[KeyItem], right: float, y: float) -> None:
    """Symbol key, right-aligned in the key row: (kind, text) with kind a meaning
    or 'target' / 'limits' / 'excluded' / 'group-cl' / 'runs-<meaning>'."""
    x = right
    identity = frame.pixels
    for kind, label in reversed(items):
        width = text_width(label, style.TINY)
        frame.text(x, y, label, fontsize=style.TINY, color=style.INK, ha="right", va="center", gid="qisite-key")
        x -= width + 5
        is_marker, look = key_symbol(kind)
        if is_marker:
            frame.fig.add_artist(Line2D([x - 4], [y], transform=identity, linestyle="none", **look))
            x -= 8
        else:
            frame.fig.add_artist(Line2D([x - 16, x], [y, y], transform=identity, **look))
            x -= 16
        x -= 14


def key_symbol(kind: str) -> tuple[bool, dict]:
    """(is a marker, its matplotlib style) of a key item."""
    if kind in style.MEANING_COLOUR:
        return True, {"marker": style.MEANING_MARKER[kind], "markersize": style.MEANING_SIZE[kind],
                          "markerfacecolor": style.MEANING_COLOUR[kind], "markeredgecolor": "white", "markeredgewidth": 0.8}
    if kind == "excluded":
        return True, {"marker": "o", "markersize": 7, "markerfacecolor": "white", "markeredgecolor": style.EXCLUDED,
                          "markeredgewidth": 1.5}
    if kind == "target":
        return False, {"color": style.TARGET, "linewidth": 1.4, "linestyle": (0, (6, 2))}
    if kind == "other-target":
        return False, {"color": style.TARGET, "linewidth": 1.4, "linestyle": (0, (7, 2, 1.5, 2))}
    if kind == "group-cl":
        return False, {"color": style.MUTED, "linewidth": 1.0, "linestyle": (0, (5, 2))}
    if kind == "limits":
        return False, {"color": style.MUTED, "linewidth": 0.9, "linestyle": (0, (4, 2.5))}
    if kind == "trajectory":
        return False, {"color": style.TARGET, "linewidth": 1.4, "linestyle": (0, (2, 1.5))}
    if kind == "event":
        return False, {"color": style.MUTED, "linewidth": 0.9, "linestyle": (0, (5, 2, 1, 2))}
    if kind == "limits95":
        return False, {"color": style.MUTED, "linewidth": 0.6, "alpha": 0.8, "linestyle": (0, (1, 2))}
    if kind.startswith("runs"):
        colour = style.MEANING_COLOUR.get(kind.removeprefix("runs-"), style.NEUTRAL)
        return False, {"color": colour, "linewidth": 1.6, "linestyle": (0, (6, 3))}
    return False, {"color": style.DATA, "linewidth": 1.4}


def key_items(series_list: Sequence[SeriesSpec], target: float | None, target_label: str = "Target",
              others: Sequence[tuple[str, float]] = ()) -> list[KeyItem]:
    """The key of SPC series: the meanings shown, a runs signal (the commonest meaning;
    on a tie the first seen, so the drawing never depends on string hashing),
    exclusions, limits, target."""
    items: list[KeyItem] = []
    meanings = {meaning for series in series_list for meaning in series.meaning if meaning}
    for kind in ("improvement", "concern", "neutral"):
        if kind in meanings:
            items.append((kind, style.MEANING_WORD[kind]))
    runs = [part.runs for series in series_list for part in series.parts if part.runs]
    if runs:
        items.append(("runs-" + max(runs, key=runs.count), "Runs signal on CL"))
    if any(not used for series in series_list for used in series.included):
        items.append(("excluded", "Excluded"))
    if any(series.limits for series in series_list):
        items.append(("limits", "Limits"))
    if any(series.ucl95 for series in series_list):
        items.append(("limits95", "2σ limits"))
    if target is not None:
        items.append(("target", target_label))
    items += [("other-target", label) for label, _ in others]
    return items


def pdsa(frame: Frame, panel: Panel, cycles: Sequence[CycleMark], lane_bottom: float, plot_left: float,
         plot_right: float, xlim: tuple[float, float], panels: Sequence[Panel] = (),
         leader_from_plot: bool = True) -> None:
    """Numbered PDSA markers in the lane above the plot, each linking to its cycle
    (lane 0 nearest the plot, a second lane only when they cannot fit in one),
    with a leader to the cycle's start date and a dotted line down through the plot(s)."""
    if not cycles:
        return
    low, high = xlim
    wanted = [plot_left + (cycle.position - low) / (high - low) * (plot_right - plot_left) for cycle in cycles]
    radius = PDSA_RADIUS
    placed = lanes(wanted, 2 * radius + 3, plot_left + radius, plot_right - radius, max_lanes=2)
    identity = frame.pixels
    plot_top = frame_bottom(frame, panel) if leader_from_plot else lane_bottom
    for through in panels or (panel,):
        pdsa_lines(through, [cycle.position for cycle in cycles if cycle.inside])
    leaders = []
    for cycle, want, (px, lane) in zip(cycles, wanted, placed):
        cy = lane_bottom + radius + 2 + lane * (2 * radius + 2)
        leaders.append(((want, want, px), (plot_top, lane_bottom, cy - radius)))
        marker = Line2D([px], [cy], transform=identity, linestyle="none", marker="o", markersize=2 * radius,
                        markerfacecolor=style.PDSA, markeredgecolor="white", markeredgewidth=1,
                        gid=f"qisite-pdsa qisite-pdsa-{cycle.cycle_id}", zorder=3)
        marker.set_url(cycle.href)
        frame.fig.add_artist(marker)
        number = frame.text(px, cy, str(cycle.number), fontsize=style.TINY, color="white", fontweight="bold",
                            ha="center", va="center_baseline", gid="qisite-pdsa-number", zorder=4)
        number.set_url(cycle.href)
    frame.fig.add_artist(Line2D(*_strokes(leaders), transform=identity, color=style.PDSA, linewidth=0.8, alpha=0.7,
                                gid="qisite-pdsa-leader", zorder=1))


def pdsa_lanes(axis: AxisSpec) -> int:
    """How many lanes the PDSA markers need on a full-width chart (1 or 2)."""
    left, right = style.MARGIN_LEFT, style.WIDTH - style.MARGIN_RIGHT
    low, high = axis.xlim
    wanted = [left + (cycle.position - low) / (high - low) * (right - left) for cycle in axis.cycles]
    placed = lanes(wanted, 2 * PDSA_RADIUS + 3, left + PDSA_RADIUS, right - PDSA_RADIUS, max_lanes=2)
    return 1 + max((lane for _, lane in placed), default=0)


def part_row(frame: Frame, breaks: Sequence[Break], freeze: tuple[float, float] | None, y: float, left: float,
             right: float, xlim: tuple[float, float]) -> None:
    """Part labels (after each break) and the baseline label, in their own row."""
    low, high = xlim

    def to_px(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    spots = []
    if freeze is not None:
        spots.append((to_px(freeze[0]) + 2, "Baseline", "qisite-baseline-label"))
    for position, label in breaks:
        spots.append((to_px(position) + (2 if position <= low else 4), label or "New limits",
                      "qisite-baseline-label" if label == "Baseline" else "qisite-part-label"))
    spots.sort()
    for index, (px, label, gid) in enumerate(spots):
        room = (spots[index + 1][0] - 6 if index + 1 < len(spots) else right + 40) - px
        text = fit_text(label, max(room, 4 * 0.6 * style.TINY), style.TINY)
        frame.text(px, y, text, fontsize=style.TINY, color=style.MUTED, style="italic", ha="left", va="center",
                   gid=gid, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0}, zorder=5)


def top_rows_height(axis: AxisSpec, has_parts: bool) -> float:
    """Height of the rows above a full-width plot: key row, PDSA lane(s), part-label row."""
    top = style.KEY_ROW
    top += EVENT_ROW * event_lanes(axis)
    if axis.cycles:
        top += style.PDSA_LANE + (18 if pdsa_lanes(axis) > 1 else 0)
    if has_parts:
        top += 16
    return top + 4


def top_rows(frame: Frame, panel: Panel, axis: AxisSpec, ylabel: str, key_list: Sequence[KeyItem],
             breaks: Sequence[Break], freeze: tuple[float, float] | None, left: float, right: float,
             top: float) -> None:
    """The rows above a full-width plot: y label and key, part labels, PDSA lane."""
    plot_top = style.HEIGHT - top if frame.height == style.HEIGHT else frame_bottom(frame, panel)
    key_y = frame.height - style.KEY_ROW / 2 - 1
    key_row(frame, ylabel, key_list, key_y)
    row = plot_top
    if breaks or freeze:
        part_row(frame, breaks, freeze, row + 8, left, right, axis.xlim)
        row += 16
    if axis.events:
        event_row(frame, axis.events, row, left, right, axis.xlim, plot_top)
        row += EVENT_ROW * event_lanes(axis)
    if axis.cycles:
        pdsa(frame, panel, axis.cycles, row, left, right, axis.xlim)


def key_row(frame: Frame, ylabel: str, key_list: Sequence[KeyItem], key_y: float) -> None:
    """The y label (left) and the symbol key (right) of the top row."""
    if ylabel:
        frame.text(8, key_y, ylabel, fontsize=style.SMALL, color=style.INK, ha="left", va="center",
                   gid="qisite-ylabel")
    key(frame, key_list, style.WIDTH - 6, key_y)

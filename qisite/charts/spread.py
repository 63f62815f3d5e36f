"""The spread of a change idea as a small timeline: one row per team (where the idea
started at the top, each team above the teams that took the idea from it), a bar
from its first to its latest PDSA cycle on the idea, a marker at its first test in
the shape and colour of where it stands (adopted, adapted, abandoned, being
tested), and an elbow arrow from the team it took the idea from.

Drawn from :class:`SpreadSpec` (plain data, built by the site from
:class:`qisite.spread.Spread`), in the shared style, cached by :func:`spread_key`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import style
from .kit import Frame, text_width
from .svg import figure_svg, finish
from .text import MONTHS, date_label

ROW = 36.0
LABEL_WIDTH = 250.0
TOP = style.KEY_ROW + 12
BOTTOM = 34.0

# where a team stands with the idea → (marker, colour, filled, word in the key)
STATUS_MARKS = {
    "adopt": ("o", style.BLUE, True, "decided: adopt"),      # the team's PDSA decision, not how it took the idea
    "adapt": ("D", style.GREEN, True, "decided: adapt"),      # (the link's label: "adopted"/"adapted" from another)
    "abandon": ("X", style.VERMILLION, True, "decided: abandon"),
    "testing": ("o", style.PDSA, False, "being tested"),
    "studied": ("s", style.MUTED, False, "no decision yet"),
}


@dataclass(frozen=True)
class SpreadRow:
    team: str
    organisation: str
    first: dt.date | None          # first PDSA cycle's start
    last: dt.date | None           # the latest PDSA date (end, else start)
    status: str                    # adopt, adapt, abandon, testing, studied, untested
    source: int | None             # the row it was taken from
    how: str                       # adopted / adapted ('' where it started)


@dataclass(frozen=True)
class SpreadSpec:
    idea: str                      # the idea's title
    rows: tuple[SpreadRow, ...]


def _plain(text: str) -> str:
    """Team-written text as chart text: words a chart checker refuses (qisite.charts.safe_svg) are
    broken with a zero-width space, so a hostile name reads as written and never blocks the chart."""
    for word, broken in (("javascript:", "javascript\u200b:"), ("@import", "@\u200bimport"),
                         ("expression(", "expression\u200b("), ("]]>", "]]\u200b>"), ("<!", "<\u200b!"),
                         ("<?", "<\u200b?")):
        text = text.replace(word, broken).replace(word.upper(), broken.upper())
    return " ".join(text.split())


def _fit(text: str, size: float, width: float) -> str:
    text = _plain(text)
    if text_width(text, size) <= width:
        return text
    keep = max(1, int(width / (0.6 * size)) - 1)
    return text[:keep].rstrip() + "…"


def _ticks(low: dt.date, high: dt.date) -> list[dt.date]:
    """First days of months between ``low`` and ``high``, at most six, on round steps."""
    first, last = low.year * 12 + low.month - 1, high.year * 12 + high.month - 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if (last - first + 1) / s <= 6)
    days = (dt.date(m // 12, m % 12 + 1, 1) for m in range(first, last + 1) if m % step == 0)
    return [d for d in days if low <= d <= high]


def spread_figure(spec: SpreadSpec) -> Figure:
    rows = spec.rows
    height = TOP + ROW * len(rows) + BOTTOM
    frame = Frame(height=height)
    left, right = LABEL_WIDTH + 12, style.WIDTH - 24
    panel = frame.axes(left, BOTTOM, right - left, ROW * len(rows))
    dates = [d for r in rows for d in (r.first, r.last) if d is not None]
    low = min(dates, default=dt.date.today()) - dt.timedelta(days=20)
    high = max(dates, default=dt.date.today()) + dt.timedelta(days=20)
    panel.set_xlim(low.toordinal(), high.toordinal())
    panel.set_ylim(len(rows), 0)

    def y_of(index: int) -> float:
        return index + 0.5

    for tick in _ticks(low, high):
        panel.add_line(Line2D([tick.toordinal()] * 2, [0, len(rows)], color=style.GRID, linewidth=0.8,
                              gid="qisite-grid", zorder=0))
        frame.text(panel.box.x0 + (tick.toordinal() - low.toordinal()) / (high.toordinal() - low.toordinal())
                   * panel.box.width, BOTTOM - 6, f"{MONTHS[tick.month - 1]}\n{tick.year}", fontsize=style.TINY,
                   color=style.INK, ha="center", va="top", gid="qisite-xtick")
    frame.fig.add_artist(Line2D([left / style.WIDTH, right / style.WIDTH], [BOTTOM / height] * 2,
                                color=style.MUTED, linewidth=0.8))
    for index, row in enumerate(rows):
        y_px = BOTTOM + ROW * (len(rows) - index - 0.5)
        indent = 12.0 * min(_depth(rows, index), 4)
        frame.text(8 + indent, y_px + 6, _fit(row.team, style.SMALL, LABEL_WIDTH - 8 - indent), fontsize=style.SMALL,
                   color=style.INK, ha="left", va="center", gid="qisite-spread-team")
        frame.text(8 + indent, y_px - 8, _fit(row.organisation, style.TINY, LABEL_WIDTH - 8 - indent),
                   fontsize=style.TINY, color=style.MUTED, ha="left", va="center", gid="qisite-spread-organisation")
        if row.source is not None:
            source = rows[row.source]
            if source.first is not None and row.first is not None:
                x0 = source.first.toordinal()
                panel.add_line(Line2D([x0, x0, row.first.toordinal()], [y_of(row.source) + 0.22, y_of(index),
                                                                         y_of(index)],
                                      color=style.MUTED, linewidth=1.1, gid="qisite-spread-link", zorder=1))
                panel.add_line(Line2D([row.first.toordinal()], [y_of(index)], linestyle="none", marker=">",
                                      markersize=6, color=style.MUTED, gid="qisite-spread-arrow", zorder=1))
                if row.how:
                    panel.text(x0, y_of(index) - 0.08, f" {row.how}", fontsize=style.TINY, color=style.MUTED,
                               ha="left", va="bottom", gid="qisite-spread-how")
        if row.first is None:
            panel.text(low.toordinal(), y_of(index), "  not yet tested", fontsize=style.TINY, color=style.MUTED,
                       ha="left", va="center", gid="qisite-spread-untested")
            continue
        marker, colour, filled, _ = STATUS_MARKS.get(row.status, STATUS_MARKS["studied"])
        if row.last is not None and row.last > row.first:
            panel.add_line(Line2D([row.first.toordinal(), row.last.toordinal()], [y_of(index)] * 2, color=colour,
                                  linewidth=5, alpha=0.35, solid_capstyle="round", gid="qisite-spread-testing",
                                  zorder=2))
        panel.add_line(Line2D([row.first.toordinal()], [y_of(index)], linestyle="none", marker=marker, markersize=9,
                              markerfacecolor=colour if filled else "white", markeredgecolor=colour,
                              markeredgewidth=1.6, gid=f"qisite-spread-first qisite-status-{row.status}", zorder=3))
    _key(frame, height, {r.status for r in rows})
    return frame.fig


def _depth(rows: tuple[SpreadRow, ...], index: int) -> int:
    depth, at = 0, rows[index].source
    while at is not None and depth < len(rows):
        depth, at = depth + 1, rows[at].source
    return depth


def _key(frame: Frame, height: float, shown: set[str]) -> None:
    y = height - style.KEY_ROW / 2 - 2
    frame.text(8, y, "Team (first PDSA cycle on the idea ●, testing ▬)", fontsize=style.TINY, color=style.INK,
               ha="left", va="center", gid="qisite-key")
    x = style.WIDTH - 16
    for status in reversed(list(STATUS_MARKS)):
        if status not in shown:
            continue
        marker, colour, filled, word = STATUS_MARKS[status]
        frame.text(x, y, word, fontsize=style.TINY, color=style.INK, ha="right", va="center", gid="qisite-key")
        x -= text_width(word, style.TINY) + 10
        frame.fig.add_artist(Line2D([x / style.WIDTH], [y / height], linestyle="none", marker=marker, markersize=7,
                                    markerfacecolor=colour if filled else "white", markeredgecolor=colour,
                                    markeredgewidth=1.4))
        x -= 14


def describe_spread(spec: SpreadSpec, words: dict[str, str]) -> str:
    """The chart's long description: each team in the order of the chart, what it took from whom,
    when it first tested the idea and where it stands (``words``: status → words)."""
    parts = []
    for row in spec.rows:
        who = f"{row.team} ({row.organisation})" if row.organisation else row.team
        origin = ("started the idea" if row.source is None
                  else f"{row.how or 'took'} it from {spec.rows[row.source].team}")
        when = (f"first tested it on {date_label(row.first, None)}" if row.first else "has not yet tested it")
        parts.append(f"{who} {origin}, {when}; {words.get(row.status, row.status)}")
    return f"How '{spec.idea}' spread between {len(spec.rows)} teams: " + "; then ".join(parts) + "."


def spread_svg(spec: SpreadSpec, *, title: str, description: str, prefix: str) -> str:
    with matplotlib.rc_context(style.RC):
        raw = figure_svg(spread_figure(spec))
    return finish(raw, prefix=prefix, title=_plain(title), description=_plain(description), kind="spread")



"""The data behind each chart, as one table: the page's data table and the
CSV download are both renderings of it (and of nothing else).

A :class:`ChartTable` is plain data — columns, then rows of cells — so a
later step (disclosure control, say) can act on every rendering in one
place. Each :class:`Cell` holds the text the page shows (formatted as the
chart formats its values) and the raw value the CSV writes. Some columns are
for the CSV only (``on_page=False``).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from qisite import spc
from qisite.analysis import MeasureAnalysis
from qisite.model import Measure
from qisite.numbers import ValueFormat, count, decimals_for, number
from qisite.spc.bchart import LOWER, UPPER, BChartResult
from qisite.spc.rules import signal_names
from qisite.spc.warnings import missing_periods, usual_step

from .text import date_label

Raw = str | int | float | dt.date | None


@dataclass(frozen=True)
class Column:
    name: str                  # the CSV header
    heading: str               # the page's column heading
    on_page: bool = True


class Cell(NamedTuple):   # (a tuple: a table has a cell per column of every point of every chart)
    text: str                  # as the page shows it
    value: Raw = None          # as the CSV writes it (None: empty)


# Cell((text, value)) made in C (a named tuple's own __new__ is Python): for the loop over every point
_cell = partial(tuple.__new__, Cell)
_VALUE = itemgetter(1)   # a cell's value (in C)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    excluded: bool = False     # left out of the limits (the page greys the row)
    missing: bool = False      # a period with no data: on the page ("no data"), not in the CSV


@dataclass(frozen=True)
class ChartTable:
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = ()
    withheld: bool = False     # some figures are withheld by disclosure control (the page explains the marks)

    @property
    def page_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.on_page)

    def page_cells(self, row: Row) -> tuple[Cell, ...]:
        """A row's cells in the page's columns."""
        return tuple(cell for column, cell in zip(self.columns, row.cells) if column.on_page)

    def csv(self) -> str:
        """CSV text: the column names, then the raw values."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.name for column in self.columns])
        texts: dict[tuple[type, Raw], str] = {}   # each distinct value's text worked out once (limits repeat)

        def text(value: Raw) -> str:
            key = (value.__class__, value)   # (True, 1 and 1.0 are equal keys, but not the same text)
            found = texts.get(key)
            if found is None:
                found = texts[key] = formula_safe(csv_text(value))
            return found

        writer.writerows(list(map(text, map(_VALUE, row.cells))) for row in self.rows if not row.missing)
        return buffer.getvalue()


def csv_text(value: Raw) -> str:
    """A raw value for a CSV cell: dates in ISO form, numbers to 6 significant digits."""
    if value is None or isinstance(value, bool):
        return "" if value is None else ("yes" if value else "no")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return "" if not math.isfinite(value) else f"{value:.6g}"
    return str(value)


def formula_safe(text: str) -> str:
    """A CSV cell a spreadsheet cannot run as a formula (OWASP, "CSV Injection"): text
    starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
    unless it is a plain number such as -1.5."""
    if not text.startswith(("=", "+", "-", "@", "\t", "\r")):
        return text
    try:
        float(text)
        return text
    except ValueError:
        return "'" + text


def _raw(value) -> Raw:
    """A plain value from a result column (numpy scalars to Python, NaN to None)."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


# --- SPC points: the table of a measure, of a small multiple --------------------------------

def _point_columns(measure_has_n: bool) -> tuple[Column, ...]:
    return (Column("x", "Date"), Column("value", "Value"), Column("n", "n", on_page=measure_has_n),
            Column("cl", "Centre"), Column("lcl", "Lower limit"), Column("ucl", "Upper limit"),
            Column("part", "Part", on_page=False), Column("used_for_limits", "Used for limits", on_page=False),
            Column("signals", "Signals"))


def _point_rows(result: spc.SpcResult, value_format: ValueFormat, period,
                first: tuple[Cell, ...] = (), withheld: Callable[[int], str] = lambda index: "") -> list[Row]:
    """Each point as the chart reads it: its period's label, values with the chart's decimals and
    percent sign; raw values (ISO dates, unscaled numbers) for the CSV. (Each column is read once, as
    Python values: a table has a row per point of every chart.)"""
    y, n, cl, lcl, ucl = (_floats(column) for column in (result.y, result.n, result.cl, result.lcl, result.ucl))
    part, bits = result.part.tolist(), result.bits.tolist()
    included, baseline = result.included.tolist(), result.baseline.tolist()
    # each distinct value's text worked out once (limits repeat down a part), as the chart writes it
    shown = {v: value_format.value(v) for v in {*y, *cl, *lcl, *ucl}}.__getitem__
    counted = {v: count(v) for v in set(n)}.__getitem__
    named = {b: signal_names(int(b)) if b else () for b in set(bits)}.__getitem__
    rows = []
    for index, x in enumerate(result.x):
        signals = named(bits[index])
        signal_text = ", ".join(signals)
        if not included[index]:
            signal_text = f"{signal_text} excluded".strip()
        mark = withheld(index)   # "<5": disclosure control (qisite.privacy)
        used = "yes" if included[index] and baseline[index] else "no"
        cells = (_cell((date_label(x, period), _raw(x))), _cell((mark, mark) if mark else (shown(y[index]), y[index])),
                 _cell((counted(n[index]), n[index])), _cell((shown(cl[index]), cl[index])),
                 _cell((shown(lcl[index]), lcl[index])), _cell((shown(ucl[index]), ucl[index])),
                 _cell((str(int(part[index])), int(part[index]))), _cell((used, used)),
                 _cell((signal_text, " ".join(signals))))
        rows.append(Row(first + cells, excluded=not included[index]))
    return rows


def _floats(column) -> list[float | None]:
    """A result column as Python floats, None where it has no finite value."""
    return [v if math.isfinite(v) else None for v in column.astype(float).tolist()]


NO_DATA = "no data"


def _missing_rows(result: spc.SpcResult, measure: Measure, period, first: tuple[Cell, ...],
                  width: int) -> list[tuple[Any, Row]]:
    """A "no data" row for each period with no row (a measure with a regular ``period``):
    the chart's line breaks there; the SPC is computed on the points present."""
    dated = [x for x in result.x if isinstance(x, dt.date)]
    if len(dated) != len(result.x):
        return []
    blank = (Cell(""),) * (width - 2)
    return [(day, Row(first + (Cell(date_label(day, period), day), Cell(NO_DATA)) + blank, missing=True))
            for day in missing_periods(dated, measure.period)]


def _events_by_row(rows: list[tuple[Any, Row]], events) -> list[str]:
    """Each row's events (by date: the last row on or before the event, within a usual step of the last)."""
    out = [""] * len(rows)
    dates = [x for x, _ in rows]
    if not events or not dates or not all(isinstance(x, dt.date) for x in dates):
        return out
    step = usual_step(sorted(set(dates))) or 1
    for event in events:
        before = [i for i, x in enumerate(dates) if x <= event.date]
        if not before or (event.date - dates[before[-1]]).days > step:
            continue
        at = max(before, key=lambda i: dates[i])
        out[at] = "; ".join(t for t in (out[at], event.text) if t)
    return out


def measure_table(analysis: MeasureAnalysis, value_format: ValueFormat, period, events=()) -> ChartTable:
    """Every point of a measure (each group's, for a stratified measure) with its
    centre line, limits and signals: the table under the measure's chart. A period
    with no row shows as "no data" (on the page only); with ``events``, an
    ``events`` column notes each on the row of its period."""
    measure = analysis.measure
    caption = f"{measure.title}: values, centre line and limits"
    grouped = measure.stratified
    columns = ((Column("group", "Group"),) if grouped else ()) + _point_columns(bool(measure.n))
    noted = bool(events) and all(isinstance(x, dt.date) for result in analysis.results.values() for x in result.x)
    rows: list[Row] = []
    for group, result in analysis.results.items():
        first = (Cell(str(group), str(group)),) if grouped else ()
        present = _point_rows(result, value_format, period, first, partial(analysis.withheld, group))
        dated: list[tuple[Any, Row]] = list(zip(result.x, present))
        missing = _missing_rows(result, measure, period, first, len(columns))
        if missing:
            dated = sorted(dated + missing, key=lambda pair: pair[0])
        if noted:
            notes = _events_by_row(dated, events)
            dated = [(x, replace(row, cells=row.cells + (Cell(note, note),))) for (x, row), note in zip(dated, notes)]
        rows += [row for _, row in dated]
    if noted:
        columns += (Column("events", "Events"),)
    return ChartTable(caption, columns, tuple(rows), withheld=bool(analysis.suppressed))


def multiples_table(items: Sequence[tuple[str, spc.SpcResult]], value_format: ValueFormat, period) -> ChartTable:
    has_n = any(bool(math.isfinite(v)) for _, result in items for v in result.n.tolist())
    rows: list[Row] = []
    for label, result in items:
        rows += _point_rows(result, value_format, period, (Cell(label, label),))
    return ChartTable("values, centre line and limits, by panel",
                      (Column("panel", "Panel"),) + _point_columns(has_n), tuple(rows))


# --- gaps ---------------------------------------------------------------------------

def gap_table(analysis: MeasureAnalysis, value_format: ValueFormat, period) -> ChartTable:
    """The gap of each group to the reference group, with its own centre line and limits."""
    measure = analysis.measure
    columns = (Column("group", "Group"), Column("reference", "Reference"), Column("x", "Date"),
               Column("gap", "Gap"), Column("cl", "Centre"), Column("lcl", "Lower limit"),
               Column("ucl", "Upper limit"), Column("signals", "Signals"))
    rows = []
    for gap in analysis.gaps.values():
        result = gap.result
        decimals = decimals_for(*(v * value_format.scale for v in result.y.tolist() if math.isfinite(v))) + 1
        columns_read = [_floats(column) for column in (result.y, result.cl, result.lcl, result.ucl)]   # once each
        bits = result.bits.tolist()
        for index, x in enumerate(result.x):
            signals = signal_names(int(bits[index])) if bits[index] else ()
            numbers = [Cell("" if raw is None else number(raw * value_format.scale, decimals), raw)
                       for raw in (column[index] for column in columns_read)]
            rows.append(Row((Cell(str(gap.group), str(gap.group)), Cell(str(gap.reference), str(gap.reference)),
                             Cell(date_label(x, period), _raw(x)), *numbers,
                             Cell(", ".join(signals), " ".join(signals)))))
    return ChartTable(f"{measure.title}: the gap to {measure.reference}", columns, tuple(rows))


# --- Pareto ----------------------------------------------------------------------------

def pareto_table(measure: Measure, result: spc.ParetoResult) -> ChartTable:
    """The categories as the chart shows them: largest first, with percent and cumulative percent."""
    columns = (Column("category", "Category"), Column("count", "Count"), Column("percent", "Percent"),
               Column("cumulative_percent", "Cumulative percent"))
    rows = []
    for category, category_count, percent, cumulative in zip(result.categories, result.counts, result.percent,
                                                    result.cumulative_percent):
        count_value, percent_value, cumulative_value = float(category_count), float(percent), float(cumulative)
        rows.append(Row((Cell(str(category), str(category)),
                         Cell(count(count_value), count_value),
                         Cell(number(percent_value, 1), percent_value),
                         Cell(number(cumulative_value, 1), cumulative_value))))
    return ChartTable(f"{measure.title}: values", columns, tuple(rows))


# --- B chart ---------------------------------------------------------------------------

def bchart_table(measure: Measure, result: BChartResult, period: str | None) -> ChartTable:
    """One row per case, as the chart plots it: its date, its 0/1 outcome, both sums and
    any signal. Like a g or t chart's table of events, it names no person (docs/spc.md, "B chart")."""
    columns = (Column("case", "Case"), Column("date", "Date"), Column("event", "Event (1 = yes)"),
               Column("cusum_upper", "Upper sum"), Column("cusum_lower", "Lower sum"), Column("signal", "Signal"))
    words = {UPPER: "upper limit", LOWER: "lower limit"}
    rows = []
    for index in range(len(result)):
        signals = [name for name, flags in ((UPPER, result.upper_signal), (LOWER, result.lower_signal)) if flags[index]]
        upper, lower = float(result.upper[index]), float(result.lower[index])
        rows.append(Row((Cell(str(index + 1), index + 1), Cell(date_label(result.x[index], period), _raw(result.x[index])),
                         Cell(str(int(result.y[index])), int(result.y[index])),
                         Cell(number(upper, 2), upper), Cell(number(lower, 2), lower),
                         Cell(", ".join(words[name] for name in signals), " ".join(signals)))))
    return ChartTable(f"{measure.title}: one row per case", columns, tuple(rows))


def measure_tables(requests) -> dict:
    """measure id → the table under the measure's chart: that of the measure's
    first request (its main chart: spc, pareto or equity)."""
    out: dict = {}
    for request in requests:
        out.setdefault(request.measure_id, request.table)
    return out

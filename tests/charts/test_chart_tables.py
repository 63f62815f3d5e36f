"""The table behind each chart: one set of rows that the page's data table and
the CSV download both render."""
from __future__ import annotations

import csv
import io
import math

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, measure_tables
from qisite.model import Exclusion, Observation

import chartfixtures as fixtures

POINT_COLUMNS = ["x", "value", "n", "cl", "lcl", "ucl", "part", "used_for_limits", "signals"]


def _request(measure):
    requests = chart_requests(fixtures.project([measure]), {measure.id: analyse_measure(measure)})
    return requests[0], requests


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_the_download_columns_and_raw_values():
    request, _ = _request(fixtures.measure())
    rows = _csv_rows(request.csv())
    assert rows[0] == POINT_COLUMNS and len(rows) == 1 + 36
    # Montgomery 7.3: c̄ over the first 26 samples, limits c̄ ± 3√c̄; sample 6 (5) is below the lower limit
    centre = sum(fixtures.MONTGOMERY_7_3) / 26
    lower, upper = centre - 3 * math.sqrt(centre), centre + 3 * math.sqrt(centre)
    assert rows[6] == [fixtures.weeks(6)[5].isoformat(), "5", "", f"{centre:.6g}", f"{lower:.6g}", f"{upper:.6g}", "1", "yes",
                       "outside_limits"]
    assert rows[27][6] == "2"                    # the second part


def test_page_cells_read_as_the_chart_reads():
    request, _ = _request(fixtures.measure())
    table = request.table
    assert [c.heading for c in table.page_columns] == ["Date", "Value", "Centre", "Lower limit", "Upper limit",
                                                        "Signals"]       # no n: the measure has no denominator
    cells = [c.text for c in table.page_cells(table.rows[5])]
    assert cells == ["7 Feb 2022", "5.0", "19.8", "6.5", "33.2", "outside_limits"]
    assert table.caption == "Nonconformities per 100 boards: values, centre line and limits"


def test_an_excluded_point_is_marked_on_the_page_and_not_used_in_the_csv():
    day = fixtures.weeks(36)[19]
    request, _ = _request(fixtures.measure(exclude=(Exclusion(day, "a known cause"),)))
    row = request.table.rows[19]
    assert row.excluded and request.table.page_cells(row)[-1].text == "outside_limits excluded"
    assert _csv_rows(request.csv())[20][7] == "no"
    assert not request.table.rows[18].excluded


def test_points_after_a_frozen_baseline_are_not_used_for_the_limits():
    xs = fixtures.weeks(36)
    request, _ = _request(fixtures.measure(parts=(), freeze=xs[19]))
    used = [row[7] for row in _csv_rows(request.csv())[1:]]
    assert used == ["yes"] * 20 + ["no"] * 16


def test_a_stratified_measure_has_one_table_with_a_group_column():
    xs = fixtures.weeks(24)
    rows = [Observation(x, y, 100.0, group) for x in xs for y, group in ((40, "young"), (50, "old"))]
    measure = fixtures.measure(chart="p", n="n", multiply=100, unit="% screened", group="g", reference_group="old",
                        parts=(), observations=tuple(rows))
    main, requests = _request(measure)
    assert [r.kind for r in requests] == ["equity", "gap", "groups"]
    table = measure_tables(requests)[measure.id]
    assert table is main.table
    assert [c.heading for c in table.page_columns][:3] == ["Group", "Date", "Value"]
    assert "n" in [c.heading for c in table.page_columns]        # the measure has a denominator
    csv_rows = _csv_rows(table.csv())
    assert csv_rows[0] == ["group"] + POINT_COLUMNS and len(csv_rows) == 1 + 48
    assert csv_rows[1][:4] == ["young", xs[0].isoformat(), "40", "100"]
    assert [c.text for c in table.page_cells(table.rows[0])][:4] == ["young", "3 Jan 2022", "40%", "100"]


def test_pareto_table_is_the_chart_largest_first():
    observations = tuple(Observation(c, v) for c, v in (("small", 5.0), ("big", 50.0), ("middle", 20.0), ("tiny", 0.0)))
    measure = fixtures.measure(chart="pareto", parts=(), unit="", observations=observations)
    request, _ = _request(measure)
    rows = _csv_rows(request.csv())
    assert rows[0] == ["category", "count", "percent", "cumulative_percent"]
    assert [r[0] for r in rows[1:]] == ["big", "middle", "small", "tiny"]
    assert [float(r[3]) for r in rows[1:]][-1] == 100
    assert [c.text for c in request.table.page_cells(request.table.rows[0])] == ["big", "50", "66.7", "66.7"]


def test_hostile_text_stays_data():
    observations = (Observation('<script>alert(1)</script>', 3.0), Observation('a,"b"', 2.0))
    request, _ = _request(fixtures.measure(chart="pareto", parts=(), observations=observations))
    rows = _csv_rows(request.csv())
    assert [r[0] for r in rows[1:]] == ['<script>alert(1)</script>', 'a,"b"']       # quoted, not split


def test_equal_values_of_different_kinds_keep_their_own_text_in_the_csv_and_on_the_page():
    """Each distinct value is written once per table, and equal values of different kinds (True, 1, 1.0)
    are not taken for one another; a short row is written as far as it goes."""
    import datetime as dt

    from qisite.charts.tables import Cell, ChartTable, Column, Row
    from qisite.site.render import table_rows

    columns = (Column("a", "A"), Column("b", "B", on_page=False), Column("c", "C"))
    rows = (Row((Cell("yes", True), Cell("1", 1), Cell("1.0", 1.0))),
            Row((Cell("1", 1), Cell("1.0", 1.0), Cell("yes", True))),
            Row((Cell("<b>", "=SUM(A1)"), Cell("", None), Cell("\u202eevil", dt.date(2024, 2, 1)))),
            Row((Cell("<b>", float("nan")),)))
    table = ChartTable("caption", columns, rows)
    assert _csv_rows(table.csv())[1:] == [["yes", "1", "1"], ["1", "1", "yes"], ["'=SUM(A1)", "", "2024-02-01"], [""]]
    html = str(table_rows(table))
    assert html.splitlines() == [
        "    <tr><td>yes</td><td>1.0</td></tr>", "    <tr><td>1</td><td>yes</td></tr>",
        "    <tr><td>&lt;b&gt;</td><td>\u2068\u202eevil\u2069</td></tr>", "    <tr><td>&lt;b&gt;</td></tr>"]

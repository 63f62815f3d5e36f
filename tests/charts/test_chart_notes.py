"""Events that are not tests of change, missing periods and each point's details (issue #14)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, draw_charts
from qisite.charts.describe import SIGNAL_WORDS
from qisite.charts.safe_svg import is_safe_chart
from qisite.model import ChartEvent, Observation
from qisite.spc.rules import SIGNAL_NAMES
from qisite.spc.warnings import date_gaps_between, missing_periods

from chartfixtures import measure, project, weeks
from chartsvg import SVG, by_class, parse, uses

HOSTILE = '<script>alert(1)</script> & "quotes" </title><a href="javascript:x">'


def _draw(proj):
    analyses = {m.id: analyse_measure(m) for m in proj.measures}
    requests = chart_requests(proj, analyses)
    svgs = draw_charts(requests, cache_dir=None, workers=1)
    return requests, svgs


def _with_gap(**over):
    """The fixture measure with weeks 10 and 11 (0-based) missing."""
    base = measure(**over)
    kept = tuple(o for i, o in enumerate(base.observations) if i not in (10, 11))
    return dataclasses.replace(base, observations=kept)


def test_every_signal_has_words():
    assert set(SIGNAL_WORDS) == set(SIGNAL_NAMES.values())


def test_missing_periods_are_the_dates_inside_the_checks_gaps():
    days = [dt.date(2024, m, 1) for m in (1, 2, 5, 6)]
    assert date_gaps_between(days, "month") == [(dt.date(2024, 2, 1), dt.date(2024, 5, 1))]
    assert missing_periods(days, "month") == [dt.date(2024, 3, 1), dt.date(2024, 4, 1)]
    assert missing_periods(weeks(3), "week") == []
    assert missing_periods(days, None) == []


def test_an_event_is_drawn_listed_in_the_table_and_described_without_a_new_part():
    m = measure(events=(ChartEvent(weeks(30)[20], "Ward 7 closed", "Beds moved to ward 9."),))
    proj = dataclasses.replace(project([m]), events=(ChartEvent(weeks(30)[5], "New record system"),))
    (request,), svgs = _draw(proj)
    root = parse(svgs[request.key])
    events = by_class(root, "qisite-event")
    titles = [e.find(SVG + "title").text for e in events]
    assert titles == ["7 Feb 2022: New record system (not a test of change)",
                      "23 May 2022: Ward 7 closed (not a test of change)"]
    assert len(by_class(root, "qisite-event-line")) == 2
    labels = ["".join(t.itertext()).strip() for t in by_class(root, "qisite-event-label")]
    assert labels == ["New record system", "Ward 7 closed"]
    assert "with 2 events marked" in request.alt
    assert "Events marked (not tests of change): New record system (7 Feb 2022); Ward 7 closed (23 May 2022: " \
           "Beds moved to ward 9)." in request.description
    # the table: an events column, each on its week's row; the CSV has the column too
    table = request.table
    assert table.columns[-1].name == "events"
    noted = {row.cells[0].text: row.cells[-1].text for row in table.rows if row.cells[-1].text}
    assert noted == {"7 Feb 2022": "New record system", "23 May 2022": "Ward 7 closed"}
    assert request.csv().splitlines()[0].endswith(",events")
    # no new part: the same parts and limits as without the events
    (plain,), _ = _draw(project([measure()]))
    assert request.spec.series.parts == plain.spec.series.parts
    assert request.spec.series.ucl == plain.spec.series.ucl


def test_an_event_outside_the_data_is_not_drawn():
    m = measure(events=(ChartEvent(dt.date(2030, 1, 1), "Later"),))
    (request,), svgs = _draw(project([m]))
    assert not by_class(parse(svgs[request.key]), "qisite-event")
    assert "Later" in request.description                 # still in the words (and the page's timeline)


def test_a_missing_period_breaks_the_line_and_shows_as_no_data():
    m = _with_gap()
    (request,), svgs = _draw(project([m]))
    root = parse(svgs[request.key])
    line = by_class(root, "qisite-data")[0].find(SVG + "path").get("d")
    assert len(re.findall(r"M ", line)) == 2, "the data line must break at the missing weeks"
    assert len(by_class(root, "qisite-missing")) == 1                # one band for the two weeks
    assert ["".join(t.itertext()).strip() for t in by_class(root, "qisite-missing-label")] == ["no data"]
    rows = [row for row in request.table.rows if row.missing]
    assert [(row.cells[0].text, row.cells[1].text) for row in rows] == [("14 Mar 2022", "no data"),
                                                                     ("21 Mar 2022", "no data")]
    assert "2022-03-14" not in request.csv()                          # the CSV holds the data computed on
    # the SPC is unchanged: computed on the points present
    (whole,), _ = _draw(project([dataclasses.replace(m, period=None)]))
    assert request.spec.series.cl == whole.spec.series.cl


def test_no_period_no_break():
    m = dataclasses.replace(_with_gap(), period=None)
    (request,), svgs = _draw(project([m]))
    line = by_class(parse(svgs[request.key]), "qisite-data")[0].find(SVG + "path").get("d")
    assert len(re.findall(r"M ", line)) == 1
    assert not any(row.missing for row in request.table.rows)


def test_each_point_has_its_details_as_a_title_with_one_tab_stop_per_chart():
    (request,), svgs = _draw(project([measure()]))
    svg = svgs[request.key]
    root = parse(svg)
    assert root.get("role") == "group"
    points = by_class(root, "qisite-point")
    assert len(points) == 36
    assert [p.get("tabindex") for p in points].count("0") == 1 and points[0].get("tabindex") == "0"
    titles = [p.find(SVG + "title").text for p in points]
    assert titles[0] == "3 Jan 2022: 21.0 nonconformities. Part 1 of 2."
    # sample 20 (39) is above the upper limit: a concern for a measure that should decrease
    assert titles[19] == ("16 May 2022: 39.0 nonconformities. Part 1 of 2. Signal (Anhøj rules): "
                          "a point outside the control limits, concern.")
    assert titles[30].startswith("1 Aug 2022: 9.0 nonconformities. Part 2 of 2 (After the new solder mask).")
    assert is_safe_chart(svg)


def test_each_points_target_sits_on_its_plotted_point_across_a_gap():
    """The targets are one marker line per series, matched to the points by index in the SVG
    step: with two periods missing, every target is still over its own point, in order."""
    (request,), svgs = _draw(project([_with_gap()]))
    root = parse(svgs[request.key])
    points = by_class(root, "qisite-point")
    centres = [(float(c.get("cx")), float(c.get("cy"))) for p in points for c in p.iter(SVG + "circle")]
    plotted = [(x, y) for x, y in uses(by_class(root, "qisite-data")[0])]
    assert len(points) == len(plotted) == 34
    # (a marker's position is cut to two decimals, a target's rounded)
    assert all(abs(cx - x) <= 0.011 and abs(cy - y) <= 0.011 for (cx, cy), (x, y) in zip(centres, plotted))
    titles = [p.find(SVG + "title").text for p in points]
    assert titles[9].startswith("7 Mar 2022: ") and titles[10].startswith("28 Mar 2022: ")


def test_numerator_and_denominator_are_in_a_rate_points_details():
    xs = weeks(12)
    m = measure(chart="p", n="total", unit="%", multiply=100, parts=(),
                observations=tuple(Observation(x, float(10 + i % 3), 40.0) for i, x in enumerate(xs)))
    (request,), svgs = _draw(project([m]))
    titles = [p.find(SVG + "title").text for p in by_class(parse(svgs[request.key]), "qisite-point")]
    assert titles[0].startswith("3 Jan 2022: 25% (10 of 40)")


def test_hostile_text_in_events_and_titles_is_escaped():
    m = measure(title=HOSTILE, events=(ChartEvent(weeks(30)[3], HOSTILE, HOSTILE),))
    proj = dataclasses.replace(project([m]), events=(ChartEvent(weeks(30)[4], HOSTILE),))
    (request,), svgs = _draw(proj)
    svg = svgs[request.key]
    root = parse(svg)                                   # well-formed: nothing broke out of its element
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert not [v for e in root.iter() for v in e.attrib.values() if "javascript" in v]
    assert all(HOSTILE in e.find(SVG + "title").text for e in by_class(root, "qisite-event"))


def test_close_events_take_two_rows_and_their_labels_never_overlap():
    from qisite.charts.kit import EVENT_SIZE, event_layout, text_width
    from qisite.charts.specs import EventMark

    texts = ["Ward 7 closed for refurbishment", "New record system", "Coding change", "Winter pressures"]
    events = [EventMark(float(p), t, t) for p, t in zip((100, 104, 110, 300), texts)]
    layout = event_layout(events, 58, 698, (90, 330))
    assert {lane for _, _, lane, _ in layout} == {0, 1}
    for lane in (0, 1):
        spans = sorted((px - EVENT_SIZE / 2, px + EVENT_SIZE / 2 + 4 + text_width(text, 10))
                       for _, px, row, text in layout if row == lane)
        assert all(a[1] <= b[0] + 8 for a, b in zip(spans, spans[1:])), spans
    assert layout[0][3] == texts[0] and layout[3][3] == texts[3]      # whole where there is room

"""Small counts of people never reach a published file, and cannot be worked out from one.

A network with "1 of 3 patients" cells is built as a team would build it; the
tests then read what a visitor can read — the HTML data tables, the CSV
downloads, the search index and the feed — and try to recover the hidden
counts as an attacker would, from the published centre lines and the other
points.
"""

from __future__ import annotations

import csv
import io
import math
import re

import pytest
from privacynetwork import add_measure, replace
from smallnetwork import BY_GROUP, MONTHS, OVERALL, SMALL, small_number_network

from support import run_qisite


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("small-numbers")
    small_number_network(root)
    result = run_qisite("build", root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "_site"


def download(site, name):
    return list(csv.DictReader(io.StringIO((site / "projects" / "clinic" / name).read_text(encoding="utf-8"))))


def numeric(text):
    try:
        return float(text)
    except ValueError:
        return None


def test_small_cells_are_shown_as_fewer_than_five_in_the_download(built):
    rows = {(r.get("group"), r["x"]): r for r in download(built, "main-outcome.csv") + download(built, "by-group.csv")}
    for key in [(None, MONTHS[2]), ("Black", MONTHS[4]), ("Black", MONTHS[9])]:
        assert (rows[key]["value"], rows[key]["n"], rows[key]["lcl"], rows[key]["ucl"]) == ("<5", "", "", ""), key


def test_no_published_value_and_denominator_pair_gives_a_small_count(built):
    for name in ("main-outcome.csv", "by-group.csv"):
        for row in download(built, name):
            value, n = numeric(row["value"]), numeric(row["n"])
            if value is None or n is None:
                continue
            seen = round(value / 100 * n)
            assert seen not in SMALL and n not in SMALL and n - seen not in SMALL, row


def test_a_lone_hidden_point_is_joined_by_another_in_its_period_and_its_centre_line(built):
    rows = download(built, "by-group.csv")
    hidden = {(r["group"], r["x"]) for r in rows if numeric(r["value"]) is None}
    assert ("Black", MONTHS[4]) in hidden and ("Black", MONTHS[9]) in hidden
    for month in MONTHS:  # the groups of a period: none or at least two hidden
        assert sum((g, month) in hidden for g in BY_GROUP) != 1, month
    for group in BY_GROUP:
        assert sum((group, m) in hidden for m in MONTHS) != 1, group
    overall = download(built, "main-outcome.csv")
    assert [r["value"] for r in overall if numeric(r["value"]) is None] == ["suppressed", "<5"]  # February joins March


def possible_counts(rows, threshold=5):
    """Every numerator each hidden '<5' point could have, given all the figures the download publishes.

    The centre line is published (to six significant figures) and equals (Σ seen)/(Σ referred) over the
    points it rests on; the shown points give their own seen and referred; so the hidden points' total seen
    S and total referred N must make the centre line come out as published. Any split of S between the
    hidden points that respects their labels ("<5": 1..4 seen; "suppressed": 0 or 5 and more) is possible."""
    shown = [(round(numeric(r["value"]) / 100 * numeric(r["n"])), numeric(r["n"])) for r in rows if numeric(r["value"]) is not None]
    hidden = [r["value"] for r in rows if numeric(r["value"]) is None]
    centre = numeric(rows[0]["cl"])
    seen, referred = sum(s for s, _ in shown), sum(n for _, n in shown)
    totals = {s for n in range(1, 400) for s in range(n + 1)
              if abs((seen + s) / (referred + n) * 100 - centre) < 5e-5 * max(1.0, abs(centre))}
    small = range(1, threshold)
    options = {i: set() for i, label in enumerate(hidden) if label == f"<{threshold}"}
    for i, candidates in options.items():
        rest = [label for j, label in enumerate(hidden) if j != i]
        candidates.update(mine for total in totals for mine in small if _can_hold(rest, total - mine, small))
    return options


def _can_hold(labels, total, small):
    """Whether hidden points with these labels can together count ``total``."""
    if not labels:
        return total == 0
    first, rest = labels[0], labels[1:]
    choices = small if first.startswith("<") else [0, *range(small.stop, total + 1)]
    return any(_can_hold(rest, total - c, small) for c in choices if c <= total)


def test_the_attack_finds_a_lone_hidden_count(built):
    """Without secondary suppression the centre line gives the hidden count back: the attack must see that."""
    rows = download(built, "main-outcome.csv")
    february = OVERALL[1]
    rows[1] = {**rows[1], "value": f"{february[0] / february[1] * 100:.6g}", "n": str(february[1])}
    assert list(possible_counts(rows).values()) == [{1}]


@pytest.mark.parametrize("name, group", [("main-outcome.csv", None), ("by-group.csv", "Black")])
def test_a_hidden_count_cannot_be_solved_for_from_the_centre_line(built, name, group):
    rows = [r for r in download(built, name) if r.get("group") == group]
    assert len({r["cl"] for r in rows}) == 1  # one part, all baseline: one published total
    options = possible_counts(rows)
    assert options, "the test found no hidden '<5' point"
    for candidates in options.values():
        assert len(candidates) > 1, candidates


def table_rows(html):
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.DOTALL):
        yield [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]


def test_the_page_table_shows_fewer_than_five_and_no_small_pair(built):
    html = (built / "projects" / "clinic" / "index.html").read_text(encoding="utf-8")
    cells = list(table_rows(html))
    assert ["Mar 2024", "&lt;5", "–", "57%", "–", "–", ""] in cells
    assert ["Black", "May 2024", "&lt;5", "–", "50%", "–", "–", ""] in cells
    for row in cells:
        percents = [float(c[:-1]) for c in row if re.fullmatch(r"\d+(\.\d+)?%", c)]
        counts = [int(c) for c in row if re.fullmatch(r"\d+", c)]
        if percents and counts:  # value and n: no small count of people within the table's rounding
            value, n = percents[0], counts[0]
            assert n not in SMALL, row
            assert not any(abs(k / n * 100 - value) <= 0.5 for k in SMALL), row
            assert not any(abs((n - k) / n * 100 - value) <= 0.5 for k in SMALL), row


def test_search_index_and_feed_carry_no_figures_of_hidden_cells(built):
    hidden_rates = ["33.3", "22.2", "27.2", "27.3"]  # 1/3, 2/9, 3/11 as a page or download would print them
    fragments = sorted((built / "assets" / "search").glob("*.js"))   # each project's searchable text
    assert fragments
    for path in [built / "assets" / "search-index.js", *fragments, built / "feed.xml"]:
        text = path.read_text(encoding="utf-8")
        assert not any(rate in text for rate in hidden_rates), path
        assert not re.search(r"\b[1-4] (of|out of) \d+", text), path
    for path in built.rglob("*"):
        if path.suffix in (".html", ".csv", ".js", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not any(rate in text for rate in ("33.33", "22.22", "27.27")), path


def test_charts_leave_a_gap_where_a_point_is_hidden(tmp_path):
    from qisite.charts import chart_requests
    from qisite.load.network import load_network
    from qisite.problems import Problems
    from qisite.site.context import site_data

    small_number_network(tmp_path)
    site = site_data(load_network(tmp_path, Problems()))
    data = site.projects[0]
    overall = data.analyses["main-outcome"].results[None]
    assert math.isnan(overall.y[2]) and math.isnan(overall.n[2]) and math.isnan(overall.ucl[2])
    assert overall.y[0] == pytest.approx(OVERALL[0][0] / OVERALL[0][1] * 100)
    requests = {r.filename: r for r in chart_requests(data.project, data.analyses, cycle_href=lambda c: c)}
    assert requests["main-outcome.svg"].key  # drawn from the withheld analysis
    black = data.analyses["by-group"].gaps["Black"]
    assert math.isnan(black.result.y[4]) and math.isnan(black.result.y[9])
    assert data.analyses["by-group"].withheld("Black", 4) == "<5"


def test_counts_of_events_are_published_unless_the_measure_counts_people(tmp_path):
    folder = small_number_network(tmp_path)
    assert run_qisite("build", tmp_path).returncode == 0
    events = download(tmp_path / "_site", "incidents.csv")
    assert [r["value"] for r in events][:3] == ["2", "1", "3"]
    replace(folder / "measures.yaml", "    chart: c\n", "    chart: c\n    counts: people\n")
    assert run_qisite("build", tmp_path).returncode == 0
    people = download(tmp_path / "_site", "incidents.csv")
    assert all(numeric(r["value"]) in (None, 0) for r in people), people


@pytest.mark.parametrize("setting, march, may", [("small_numbers: {threshold: 1}\n", "33.3333", "22.2222"),
                                                 ("small_numbers: {threshold: 8}\n", "<8", "<8")])
def test_the_threshold_is_a_site_setting(tmp_path, setting, march, may):
    small_number_network(tmp_path, setting)
    result = run_qisite("build", tmp_path)
    assert result.returncode == 0, result.stdout
    overall = download(tmp_path / "_site", "main-outcome.csv")
    grouped = {(r["group"], r["x"]): r for r in download(tmp_path / "_site", "by-group.csv")}
    assert overall[2]["value"] == march and grouped["Black", MONTHS[4]]["value"] == may
    if "8" in setting:  # 5..7 are small too under a threshold of 8
        assert all(numeric(r["value"]) is None for (g, _), r in grouped.items() if g == "Black" and r["x"] in MONTHS[4:5])


def test_a_pareto_of_people_combines_its_small_categories(tmp_path):
    folder = small_number_network(tmp_path)
    add_measure(folder, """
  - id: reasons
    title: Reasons people gave for missing a first appointment
    type: process
    definition: People who missed a first appointment, by the reason they gave.
    data: data/reasons.csv
    x: reason
    y: people
    chart: pareto
    counts: people
""", "reasons.csv", "reason,people\nTransport,12\nWork,8\nForgot,1\nChildcare,2\nLanguage,6\n")
    result = run_qisite("build", tmp_path)
    assert result.returncode == 0, result.stdout
    rows = {r["category"]: r["count"] for r in download(tmp_path / "_site", "reasons.csv")}
    assert rows == {"Transport": "12", "Work": "8", "Other categories combined": "9"}
    page = (tmp_path / "_site" / "projects" / "clinic" / "index.html").read_text(encoding="utf-8")
    assert "Forgot" not in page and "Childcare" not in page


def test_site_yaml_refuses_a_threshold_that_is_not_a_whole_number(tmp_path):
    small_number_network(tmp_path, "small_numbers: {threshold: few}\n")
    result = run_qisite("check", tmp_path)
    assert result.returncode != 0 and "site.yaml:2" in result.stdout


def test_the_page_explains_withheld_figures_only_where_there_are_some(built):
    html = (built / "projects" / "clinic" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="withheld-note"') == 2  # main-outcome and by-group; not incidents (events)
    assert "fewer than 5 people" in html


def test_point_details_never_carry_a_withheld_count(built):
    """Each point's <title> (its details on hover, tap and keyboard) is built from the published
    analysis: a hidden point has none, and no title pairs a small count with its total."""
    titles = []
    for name in ("main-outcome.svg", "by-group-groups.svg"):
        svg = (built / "projects" / "clinic" / name).read_text(encoding="utf-8")
        titles += re.findall(r'<g class="qisite-point"[^>]*><title>([^<]*)</title>', svg)
    assert titles, "the charts carry point details"
    assert any(t.startswith("Jan 2024: ") and "(21 of 40)" in t for t in titles)
    assert not any(t.startswith("Mar 2024: ") for t in titles if "," not in t.split(":")[0])  # the hidden March point
    assert not any(t.startswith(("Black, May 2024", "Black, Oct 2024")) for t in titles)
    for title in titles:
        for seen, total in re.findall(r"\((\d+) of (\d+)\)", title):
            assert int(seen) not in SMALL and int(total) - int(seen) not in SMALL and int(total) not in SMALL, title

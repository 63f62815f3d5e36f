"""A number reads the same on the page and on its chart, for every chart type ×
multiplier × unit: the page's headline, the chart's description and headline,
and the data tables (page and chart) show the same strings for the same numbers.

The network is built in tmp_path as a user would write it (measures.yaml and
CSV files), loaded and analysed as the build does; the page's strings come from
the theme's own macros and data-table partial, the chart's from the chart plan.
"""
from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from itertools import product
from pathlib import Path

import pytest

from qisite.charts.plan import measure_requests
from qisite.commands.new import write_scaffold
from qisite.load.network import load_network
from qisite.problems import Problems
from qisite.site.context import site_data
from qisite.site.render import environment
from qisite.spc.chart_types import CHART_TYPES, SPC_NAMES, chart_type

REPO = Path(__file__).resolve().parent.parent
MULTIPLIERS = (1, 100, 1000)
UNITS = ("", "%", "patients")
MONTHS = [dt.date(2023, 1, 1) + dt.timedelta(days=31 * k) for k in range(24)]
CASES = [(chart, multiply, unit) for chart, multiply, unit in product(SPC_NAMES, MULTIPLIERS, UNITS)]


def _rows(chart: str, rng: random.Random) -> tuple[str, list[str]]:
    """CSV header and rows for a chart type: a baseline year, then a shift."""
    kind = next(k for k in CHART_TYPES if k.name == chart)
    rows = []
    for k, day in enumerate(MONTHS):
        later = k >= 12
        month = day.replace(day=1).isoformat()
        if kind.subgroups:
            rows += [f"{month},{rng.gauss(40 + 6 * later, 4):.1f}" for _ in range(5)]
        elif kind.proportion:
            n = rng.randint(40, 60)
            rows.append(f"{month},{rng.randint(int(n * 0.35), int(n * 0.5)) + 8 * later},{n}")
        elif kind.needs_denominator:
            rows.append(f"{month},{rng.randint(3, 12) + 5 * later},{rng.randint(400, 600)}")
        elif kind.one_row_per_event:
            rows.append(f"{day.isoformat()},{rng.randint(5, 30) + 15 * later}")
        else:
            rows.append(f"{month},{rng.randint(20, 40) + 10 * later}")
    header = "month,value,total" if kind.needs_denominator else "month,value"
    return header, rows


def _measure_yaml(index: int, chart: str, multiply: int, unit: str) -> str:
    kind = next(k for k in CHART_TYPES if k.name == chart)
    lines = [f"  - id: m{index}", f"    title: Measure {index} ({chart} x{multiply} '{unit}')",
             "    type: outcome", "    definition: Something counted each month.",
             f"    data: data/m{index}.csv", "    x: month", "    y: value", f"    chart: {chart}",
             f"    multiply: {multiply}", f'    unit: "{unit}"', "    direction: increase",
             "    freeze: 12", "    target: 42"]
    if kind.needs_denominator:
        lines.append("    n: total")
    if not kind.one_row_per_event:
        lines.append("    period: month")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    root = tmp_path_factory.mktemp("agreement")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    (root / "partners" / "projects").mkdir(parents=True)   # site.yaml's second source, empty here
    project = root / "projects" / "numbers"
    write_scaffold(project)
    shutil.rmtree(project / "data")
    (project / "data").mkdir()
    (project / "pdsa.yaml").write_text("cycles: []\n", encoding="utf-8")
    text = (project / "project.yaml").read_text(encoding="utf-8")
    (project / "project.yaml").write_text(text.replace("measure: main-outcome", "measure: m0"), encoding="utf-8")
    rng = random.Random(8)
    entries = []
    for index, (chart, multiply, unit) in enumerate(CASES):
        header, rows = _rows(chart, rng)
        (project / "data" / f"m{index}.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        entries.append(_measure_yaml(index, chart, multiply, unit))
    (project / "data" / "causes.csv").write_text("cause,count\nWaiting room,1250\nLetters,310\nPhone,47\n",
                                                encoding="utf-8")
    entries.append("\n".join(["  - id: causes", "    title: Reasons given", "    type: process",
                               "    definition: Reasons for missed appointments.", "    data: data/causes.csv",
                               "    x: cause", "    y: count", "    chart: pareto"]))
    (project / "measures.yaml").write_text("measures:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    problems = Problems()
    loaded = load_network(root, problems)
    assert not problems.errors, [str(e) for e in problems.errors]
    return root, loaded


@pytest.fixture(scope="module")
def site(network):
    root, loaded = network
    data = site_data(loaded)
    return environment(root), data.projects[0]


def _page_headline(env, headline) -> str:
    template = env.from_string('{% from "partials/macros.html" import headline %}{{ headline(h) }}')
    return " ".join(re.sub(r"<[^>]+>", " ", template.render(h=headline)).split())


def _page_table(env, data, measure, table) -> list[list[str]]:
    html = env.get_template("partials/data_table.html").render(m=measure, tables={measure.id: table}, config=None)
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html) if "<td>" in row]


def _page_target(env, data, measure) -> str:
    return env.from_string("{{ t | value(data.formats[m.id]) }}").render(t=measure.target, data=data, m=measure)


@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"{c}-x{m}-{u or 'none'}" for c, m, u in CASES])
def test_page_chart_and_table_agree(site, case):
    env, data = site
    chart, multiply, unit = CASES[case]
    measure = data.project.measures[case]
    assert (measure.chart, measure.multiply, measure.unit) == (chart, multiply, unit)
    request = measure_requests(data.analyses[measure.id])[0]
    (headline,) = data.headlines[measure.id]
    page = _page_headline(env, headline)

    # the headline: "A → B (+x)" on the page is "from a mean of A to B" in the chart's description;
    # "A (no change yet)" is "mean A over 24 points" or "stayed at a mean of A"
    percent = data.formats[measure.id].percent
    unchanged = re.fullmatch(r"(\S+) \(no change yet\)", page)
    if unchanged:
        (before,) = unchanged.groups()
        word = chart_type(chart).centre_word
        assert f"{word} {before}" in request.description or f"{word} of {before}" in request.description, \
            (page, request.description)
    else:
        match = re.fullmatch(r"(\S+) → (\S+) \((.*)\)", page)
        assert match, page
        before, after, change = match.groups()
        expected = f" of {before}" if before == after else f" of {before} to {after}"
        assert expected in request.description, (page, request.description)
        assert after.endswith("%") == percent and change.endswith(" points") == percent, page
    assert before.endswith("%") == percent, (page, request.description)

    # the target: "Target 42%" in the description is "42%" in the page's measurement plan
    assert f"Target {_page_target(env, data, measure)}" in request.description

    # the data table under the chart (the chart's own table, rendered by the page) reads its
    # values, centre lines and limits exactly as the page's format for the measure writes them
    page_rows = _page_table(env, data, measure, request.table)
    assert len(page_rows) == len(request.table.rows) > 0
    headings = [column.name for column in request.table.page_columns]
    page_format = data.formats[measure.id]
    for page_row, row in zip(page_rows, request.table.rows):
        raw = {column.name: cell.value for column, cell in zip(request.table.columns, row.cells)}
        for name in ("value", "cl", "lcl", "ucl"):
            assert page_row[headings.index(name)] == page_format.value(raw[name]), (name, page_row, raw)


def test_the_defect_is_gone_a_p_chart_without_multiply_reads_as_a_percentage_on_its_page(site):
    env, data = site
    case = CASES.index(("p", 1, ""))
    measure = data.project.measures[case]
    page = _page_headline(env, data.headlines[measure.id][0])
    assert re.fullmatch(r"\d+% → \d+% \([+−-]\d+ points\)", page), page


@pytest.mark.parametrize("chart,multiply,unit", [("p", 100, "%"), ("i", 1, "days"), ("u", 1000, "per 1,000")])
def test_the_gap_is_worded_once_for_the_page_and_the_chart(tmp_path, chart, multiply, unit):
    from qisite.analysis import analyse_measure
    from qisite.model import Measure, Observation
    from qisite.site.context import _gap_headlines
    from qisite.site.render import describe_gap

    rng = random.Random(3)
    rows = []
    for k, day in enumerate(MONTHS):
        for group, level in (("A", 0.5), ("B", 0.3 + 0.1 * (k >= 12))):
            n = 200.0
            rows.append(Observation(x=day, y=round(n * level + rng.uniform(-8, 8)), n=n, group=group, line=k + 2))
    measure = Measure(id="g", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y",
                      chart=chart, n="n", group="group", reference_group="A", unit=unit, multiply=multiply,
                      freeze=12, observations=tuple(rows))
    analysis = analyse_measure(measure)
    (gap,) = analysis.gaps.values()
    chart_headline = next(r for r in measure_requests(analysis) if r.kind == "gap").headline
    (page_gap,) = _gap_headlines(analysis)
    page = describe_gap(page_gap, measure)
    assert chart_headline.startswith("Gap ")
    assert page.startswith(chart_headline.removeprefix("Gap ")), (page, chart_headline)
    assert page_gap.text.startswith(f"B vs A: {chart_headline.lower()}")


def test_pareto_counts_read_the_same_in_the_page_table_and_the_chart_table(site):
    env, data = site
    measure = data.project.measure("causes")
    (request,) = measure_requests(data.analyses[measure.id])
    page_rows = _page_table(env, data, measure, request.table)
    assert {row[0]: row[1] for row in page_rows} == {"Waiting room": "1,250", "Letters": "310", "Phone": "47"}
    assert "Waiting room 1,250" in request.description  # the chart's description reads the count the same way

"""The B chart (Bernoulli CUSUM) as the site draws it: the two sums, ±limit, signal
markers by meaning, the shaded baseline, PDSA markers, text alternatives, one table row
per case — read back from the SVG and the request. Data: the births of Anhøj &
Mohammed's *Mastering SPC Charts in Healthcare* §12.4 (see tests/spc/test_spc_bchart.py),
dated two births a day; target 0.001 makes qicharts2's upper sum signal at births 872
and 1529 (the book's Figure rare-fig9)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, render
from qisite.model import Observation

import chartfixtures as fixtures
import chartsvg as svgtext

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "spc"))
from spc_published_data import BIRTHS, births

DAY0 = dt.date(2016, 1, 4)


def _measure(**over):
    dates = [DAY0 + dt.timedelta(days=i // 2) for i in range(BIRTHS)]
    fields = dict(id="asphyxia", title="Births with asphyxia <script>", type="outcome", definition="d",
                  data="data/births.csv", x="date", y="asphyxia", chart="b", direction="decrease", target=0.001,
                  observations=tuple(Observation(d, float(v)) for d, v in zip(dates, births())))
    fields.update(over)
    return fixtures.measure(**fields)


@pytest.fixture(scope="module")
def drawn():
    m = _measure()
    cycle = fixtures.cycle("pdsa-1", DAY0 + dt.timedelta(days=500), "Cord gas for every birth", measures=("asphyxia",))
    (req,) = chart_requests(fixtures.project([m], [cycle]), {m.id: analyse_measure(m)})
    return req, render(req)


def test_request(drawn):
    req, _ = drawn
    assert req.kind == "bchart" and req.filename == "asphyxia.svg" and req.csv_filename == "asphyxia.csv"
    assert req.cycles == ((1, "pdsa-1", DAY0 + dt.timedelta(days=500), "Cord gas for every birth"),)
    assert req.headline == "Against a risk of 0.10%, the upper sum reached its limit twice (a rise in the risk, a concern)."


def test_words(drawn):
    req, _ = drawn
    assert req.alt.startswith("Bernoulli CUSUM chart: Births with asphyxia <script>, 2,193 cases")
    assert "b chart (Bernoulli CUSUM) · odds ratio 2 · limits ±3.5." in req.description
    assert "16 with the event (0.73%)" in req.description
    assert "the target the team set" in req.description
    assert "The upper sum reached its limit twice, at case 872 (" in req.description
    assert "a rise in the risk, a concern" in req.description
    assert "PDSA cycles marked: 1 Cord gas for every birth" in req.description


def test_svg_lines_and_signals(drawn):
    req, svg = drawn
    root = svgtext.parse(svg)
    assert root.find(".//svg:desc", svgtext.NS).text == req.description      # escaped, read back as text
    assert "<script>" not in svg
    to_y = svgtext.y_scale(root)
    (ucl,) = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-ucl")]
    (lcl,) = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-lcl")]
    assert ucl[0][1] == pytest.approx(to_y(3.5), abs=0.3) and lcl[0][1] == pytest.approx(to_y(-3.5), abs=0.3)
    assert len(svgtext.by_class(root, "qisite-cusum-upper")) == 1 and len(svgtext.by_class(root, "qisite-cusum-lower")) == 1
    (concern,) = svgtext.by_class(root, "qisite-concern")
    marks = svgtext.uses(concern)
    assert len(marks) == 2 and all(y == pytest.approx(to_y(3.5), abs=0.3) for _, y in marks)
    assert not svgtext.by_class(root, "qisite-improvement")
    assert svgtext.by_class(root, "qisite-pdsa-pdsa-1") and 'href="#pdsa-pdsa-1"' in svg


def test_direction_decides_the_meaning():
    m = _measure(direction="increase")
    (req,) = chart_requests(fixtures.project([m]), {m.id: analyse_measure(m)})
    root = svgtext.parse(render(req))
    assert svgtext.by_class(root, "qisite-improvement") and not svgtext.by_class(root, "qisite-concern")


def test_baseline_is_shaded_when_the_target_is_estimated():
    m = _measure(target=None, freeze=1000)
    (req,) = chart_requests(fixtures.project([m]), {m.id: analyse_measure(m)})
    root = svgtext.parse(render(req))
    assert svgtext.by_class(root, "qisite-baseline")
    assert "the share of events among the first 1,000 cases (the shaded baseline)" in req.description


def test_table_one_row_per_case(drawn):
    req, _ = drawn
    table = req.table
    assert [c.name for c in table.columns] == ["case", "date", "event", "cusum_upper", "cusum_lower", "signal"]
    assert len(table.rows) == BIRTHS
    row = table.rows[871]                                  # birth 872: the first upper signal
    assert row.cells[0].value == 872 and row.cells[2].value == 1 and row.cells[5].value == "cusum_upper"
    assert row.cells[5].text == "upper limit"
    csv = req.csv().splitlines()
    assert csv[0] == "case,date,event,cusum_upper,cusum_lower,signal" and len(csv) == BIRTHS + 1

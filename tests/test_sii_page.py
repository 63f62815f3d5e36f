"""The SII over time on a case study (issue #10, part 3): a measure with ``order:``
shows the SII chart and one sentence whose figures are ``qisite equity --json``'s
on the same data; withheld counts never feed it; ``order:`` is checked."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from support import run_qisite

REPO = Path(__file__).resolve().parent.parent
QUINTILES = ["Q1 (most deprived)", "Q2", "Q3", "Q4", "Q5 (least deprived)"]
SENTENCE = re.compile(r'<p class="chart-headline sii-sentence">(.*?)</p>')
SII = re.compile(r"SII (-?[\d.]+)(?P<unit>[^;]*?) in the latest period \((.*?)\), 95% CI (-?[\d.]+) to (-?[\d.]+); "
                 r"RII ([\d.]+) \(95% CI ([\d.]+) to ([\d.]+)\)")

MEASURE = """  - id: screened-by-quintile
    title: Screened within 6 weeks, by deprivation quintile
    type: process
    definition: Of people referred in the month, those screened within 6 weeks, by IMD quintile.
    data: data/screened.csv
    x: month
    y: screened
    n: referred
    group: imd_quintile
    reference_group: Q5 (least deprived)
    order: [{order}]
    chart: p
    period: month
    unit: '% screened'
    multiply: 100
    direction: increase
"""


def screened_csv(small_last: bool = False) -> str:
    """12 months × 5 quintiles; uptake rises with the quintile (a positive SII). With ``small_last``
    the most deprived quintile's last month counts 3 people (withheld at the default threshold)."""
    rows = ["month,imd_quintile,screened,referred"]
    for month in range(1, 13):
        for q, name in enumerate(QUINTILES):
            referred = 120 + 10 * q + month
            screened = round(referred * (0.45 + 0.07 * q + 0.004 * month))
            if small_last and month == 12 and q == 0:
                referred, screened = 9, 3
            rows.append(f"2024-{month:02d}-01,{name},{screened},{referred}")
    return "\n".join(rows) + "\n"


def make_project(tmp_path: Path, *, order: list[str] = QUINTILES, small_last: bool = False,
                 chart: str = "p") -> Path:
    """The Luton CAMHS example (its u-chart rates ordered by quintile) with a p measure added, built on its own."""
    folder = tmp_path / "camhs-luton-deprivation"
    shutil.copytree(REPO / "projects" / "camhs-luton-deprivation", folder)
    (folder / "data" / "screened.csv").write_text(screened_csv(small_last), encoding="utf-8")
    measures = folder / "measures.yaml"
    extra = MEASURE.format(order=", ".join(order)).replace("chart: p\n", f"chart: {chart}\n")
    measures.write_text(measures.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return folder


def build_page(folder: Path) -> str:
    out = folder.parent / "site"
    result = run_qisite("build", folder, "-o", out, "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    return (out / "projects" / folder.name / "index.html").read_text(encoding="utf-8")


def equity_json(csv: Path, *args: str) -> dict:
    result = run_qisite("equity", csv, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def sentences(page: str) -> dict[str, re.Match]:
    """measure id → the parsed SII sentence of its figure."""
    found = {}
    for figure in re.finditer(r'<figure class="chart chart-sii" id="chart-([a-z0-9-]+)-sii">(.*?)</figure>', page, re.S):
        text = SENTENCE.search(figure.group(2))
        assert text, figure.group(0)[:300]
        match = SII.search(text.group(1).replace("\u2212", "-"))
        assert match, text.group(1)
        found[figure.group(1)] = match
    return found


def assert_same(match: re.Match, period: dict) -> None:
    """The page's figures are the JSON's, rounded as shown (1 decimal for the SII, 2 for the RII)."""
    shown = [float(match.group(k)) for k in (1, 4, 5)]
    assert shown == pytest.approx([period[k] for k in ("sii", "sii_lower95", "sii_upper95")], abs=0.051)
    ratios = [float(match.group(k)) for k in (6, 7, 8)]
    assert ratios == pytest.approx([period[k] for k in ("rii", "rii_lower95", "rii_upper95")], abs=0.0051)


def test_the_page_shows_the_sii_chart_with_the_figures_of_qisite_equity(tmp_path):
    folder = make_project(tmp_path)
    page = build_page(folder)
    found = sentences(page)
    assert set(found) == {"referral-rate-by-deprivation", "screened-by-quintile"}
    # the chart itself: inlined, with a point per period and its intervals
    figure = re.search(r'<figure class="chart chart-sii" id="chart-screened-by-quintile-sii">.*?</figure>', page, re.S)
    assert figure and "qisite-chart-sii" in figure.group(0)
    assert figure.group(0).count('class="qisite-sii-interval"') == 12
    assert (folder.parent / "site" / "projects" / folder.name / "screened-by-quintile-sii.svg").is_file()

    order = ",".join(QUINTILES)
    screened = equity_json(folder / "data" / "screened.csv", "--x", "month", "--y", "screened", "--n", "referred",
                           "--group", "imd_quintile", "--reference", QUINTILES[-1], "--order", order,
                           "--chart", "p", "--multiply", "100")
    assert_same(found["screened-by-quintile"], screened["periods"][-1])
    assert found["screened-by-quintile"].group("unit") == " percentage points"
    assert found["referral-rate-by-deprivation"].group("unit") == " referrals per 10,000"
    assert found["screened-by-quintile"].group(3) == "Dec 2024"
    assert screened["periods"][-1]["sii"] > 0   # uptake rises with the quintile

    rates = equity_json(folder / "data" / "referral-rates.csv", "--x", "quarter", "--y", "referrals",
                        "--n", "population_under_18", "--group", "imd_quintile", "--reference", QUINTILES[-1],
                        "--order", order, "--chart", "u", "--multiply", "10000")
    assert_same(found["referral-rate-by-deprivation"], rates["periods"][-1])


def test_a_withheld_count_is_never_used_the_sii_falls_back_to_the_last_full_period(tmp_path):
    folder = make_project(tmp_path, small_last=True)
    page = build_page(folder)
    match = sentences(page)["screened-by-quintile"]
    assert match.group(3) == "Nov 2024"   # December's most deprived count (3 people) is withheld
    first_eleven = "".join(line + "\n" for line in screened_csv(True).splitlines() if "2024-12" not in line)
    csv = tmp_path / "eleven.csv"
    csv.write_text(first_eleven, encoding="utf-8")
    eleven = equity_json(csv, "--x", "month", "--y", "screened", "--n", "referred", "--group", "imd_quintile",
                         "--reference", QUINTILES[-1], "--order", ",".join(QUINTILES), "--chart", "p", "--multiply", "100")
    assert_same(match, eleven["periods"][-1])


@pytest.mark.parametrize(("order", "chart", "message"), [
    (["Q1 (most deprived)", "Q2", "Q3", "Q4", "Q5"], "p", "order names 'Q5', which is not in column 'imd_quintile'"),
    (QUINTILES[:4] + ["Q2"], "p", "order names the group 'Q2' twice"),
    (QUINTILES[:4], "p", "needs 5 to 100 ordered groups, not 4"),
    (QUINTILES, "i", "needs a proportion or a rate"),
])
def test_a_bad_order_is_a_located_error(tmp_path, order, chart, message):
    folder = make_project(tmp_path, order=order, chart=chart)
    result = run_qisite("check", folder)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert message in out, out
    assert "measures.yaml:" in out


def test_an_order_that_leaves_out_a_group_names_it(tmp_path):
    folder = make_project(tmp_path)
    csv = folder / "data" / "screened.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "2024-12-01,Unknown,10,20\n", encoding="utf-8")
    result = run_qisite("check", folder)
    assert result.returncode == 1
    assert "order leaves out Unknown of column 'imd_quintile'" in result.stdout + result.stderr

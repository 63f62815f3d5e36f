"""The network's measure catalogue (issue #10, item 3): site.yaml's ``measures:`` declares
shared definitions, a project's measure opts in with ``network_measure:``, and each catalogue
measure has a page with a funnel plot across the teams that report it — the numbers of
``qisite funnel`` on the page's own CSV (one computation), linked from each team's pages."""
from __future__ import annotations

import csv
import html
import json
import re
import shutil
from pathlib import Path

import pytest

from support import REPO, run_qisite

MEASURE_ID = "first-appointment-dna"
PAGE = Path("measures") / MEASURE_ID / "index.html"
CSV = Path("measures") / MEASURE_ID / f"{MEASURE_ID}-funnel.csv"
REPORTERS = ("bangladeshi-recovery-talking-therapies", "newham-talking-therapies-black-men",
             "tokophobia-ethnic-minority-women", "waits-deprivation-tower-hamlets")


def network(tmp_path: Path, *, site_yaml: str | None = None, projects=REPORTERS + ("east-india-ward-racism",)) -> Path:
    """The example network's site.yaml (its catalogue) with some of its projects."""
    root = tmp_path / "net"
    (root / "projects").mkdir(parents=True)
    (root / "partners" / "projects").mkdir(parents=True)   # site.yaml's second source, empty here
    (root / "site.yaml").write_text(site_yaml or (REPO / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for name in projects:
        shutil.copytree(REPO / "projects" / name, root / "projects" / name)
    return root


def build(root: Path) -> Path:
    out = root / "_site"
    result = run_qisite("build", root, "-o", out, "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def table_rows(page: str) -> dict[str, list[str]]:
    """The funnel table: team → its cells as text."""
    body = re.search(r"<caption>Each team over its period.*?<tbody>(.*?)</tbody>", page, re.S)
    assert body, "no funnel table"
    rows = {}
    for row in re.finditer(r"<tr>(.*?)</tr>", body.group(1), re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row.group(1), re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_page_shows_the_numbers_of_qisite_funnel_on_its_own_csv(tmp_path):
    root = network(tmp_path)
    out = build(root)
    page = (out / PAGE).read_text(encoding="utf-8")
    data = out / CSV
    with data.open(encoding="utf-8") as f:
        teams = list(csv.DictReader(f))
    assert [t["project"] for t in teams] == list(REPORTERS)
    result = run_qisite("funnel", data, "--unit", "team", "--y", "count", "--n", "denominator",
                        "--chart", "p", "--multiply", "100", "--json")
    assert result.returncode == 0, result.stderr
    cli = json.loads(result.stdout)

    # one computation: the site's funnel is the command's, float for float
    from qisite.load.network import load_network
    from qisite.problems import Problems
    from qisite.site.context import site_data

    shared = site_data(load_network(root, Problems())).shared_measure(MEASURE_ID)
    assert shared is not None and shared.funnel is not None
    assert shared.funnel.to_dict() == cli

    # and the page shows those numbers, as its format reads them, with the words for where each falls
    rows = table_rows(page)
    fmt = shared.format
    assert len(rows) == len(cli["units"]) == 4
    for unit in cli["units"]:
        period, count, denominator, value, limits95, limits998, words = rows[unit["unit"]]
        assert (count, denominator) == (f"{unit['y']:,.0f}", f"{unit['n']:,.0f}")
        assert value == fmt.value(unit["value"])
        assert limits95 == f"{fmt.value(unit['lower95'])} to {fmt.value(unit['upper95'])}"
        assert limits998 == f"{fmt.value(unit['lower998'])} to {fmt.value(unit['upper998'])}"
        expected = ("within the 95% limits" if not unit["outside95"] else
                    "the 99.8% limit" if unit["outside998"] else "the 95% limit (within 99.8%)")
        assert expected in words.lower()
        assert re.fullmatch(r"[A-Z][a-z]{2} \d{4} to [A-Z][a-z]{2} \d{4}", period)
    assert f"pooled value of <strong>{fmt.value(cli['target'])}</strong>" in page
    # the 12 months rule: each team's period is its own latest 12 months
    assert rows["Newham Talking Therapies"][0] == "Jan 2023 to Dec 2023"
    assert rows["Perinatal mental health service"][0] == "Apr 2023 to Mar 2024"
    # the funnel plot itself (one marker per team) and the teams' own charts side by side
    funnel = re.search(r'<figure class="chart chart-funnel".*?</figure>', page, re.S)
    assert funnel and funnel.group(0).count('id="q') and funnel.group(0).count("qisite-funnel-unit") == 4
    assert "qisite-chart-multiples" in page
    assert page.count('qisite-panel-title') == 4


def test_team_pages_the_nav_and_search_link_to_the_measure(tmp_path):
    root = network(tmp_path)
    out = build(root)
    for project in REPORTERS:
        page = (out / "projects" / project / "index.html").read_text(encoding="utf-8")
        assert f'href="../../measures/{MEASURE_ID}/index.html"' in page, project
    quiet = (out / "projects" / "east-india-ward-racism" / "index.html").read_text(encoding="utf-8")
    assert "measures/" + MEASURE_ID not in quiet    # a project that does not report it has no link
    organisation = (out / "teams" / "east-london-nhs-foundation-trust" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../measures/{MEASURE_ID}/index.html"' in organisation
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="measures/index.html"' in home
    index = (out / "measures" / "index.html").read_text(encoding="utf-8")
    assert f'href="{MEASURE_ID}/index.html"' in index
    assert f"measures/{MEASURE_ID}/index.html" in (out / "assets" / "search-index.js").read_text(encoding="utf-8")
    methods = (out / "methods.html").read_text(encoding="utf-8")
    assert 'id="funnel-plots"' in methods and "Spiegelhalter" in methods and "99.8%" in methods


def test_a_network_without_a_catalogue_has_no_measures_pages(tmp_path):
    site_yaml = (REPO / "site.yaml").read_text(encoding="utf-8").split("\nmeasures:")[0]
    root = network(tmp_path, site_yaml=site_yaml, projects=("east-india-ward-racism",))
    out = build(root)
    assert not (out / "measures").exists()
    assert "measures/index.html" not in (out / "index.html").read_text(encoding="utf-8")


def test_an_unknown_network_measure_is_a_located_error_for_that_project_only(tmp_path):
    root = network(tmp_path)
    measures = root / "projects" / "tokophobia-ethnic-minority-women" / "measures.yaml"
    edit(measures, f"network_measure: {MEASURE_ID}", "network_measure: first-appointment-dnaa")
    result = run_qisite("check", root)
    assert result.returncode != 0
    line = line_of(measures, "network_measure:")
    assert re.search(rf"tokophobia-ethnic-minority-women/measures\.yaml:{line}:\d+: error: measure 'first-appointment-dna' "
                     r"names network measure 'first-appointment-dnaa', which is not in the network's measure catalogue",
                     result.stdout + result.stderr), result.stdout + result.stderr
    assert f"did you mean '{MEASURE_ID}'?" in result.stdout + result.stderr
    assert "1 error" in result.stdout + result.stderr       # the other projects are fine

    out = root / "_site"
    run_qisite("build", root, "-o", out, "-q")             # the others are published, and compared
    assert not (out / "projects" / "tokophobia-ethnic-minority-women").exists()
    with (out / CSV).open(encoding="utf-8") as f:
        assert [row["project"] for row in csv.DictReader(f)] == [p for p in REPORTERS if not p.startswith("tokophobia")]


@pytest.mark.parametrize("chart, agrees", [("run", False), ("u", False), ("pp", True)])
def test_a_chart_that_disagrees_with_the_catalogue_is_a_located_error(tmp_path, chart, agrees):
    root = network(tmp_path, projects=("tokophobia-ethnic-minority-women",))
    measures = root / "projects" / "tokophobia-ethnic-minority-women" / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    head, tail = text.split("  - id: first-appointment-dna\n")
    measures.write_text(head + "  - id: first-appointment-dna\n" + tail.replace("chart: p\n", f"chart: {chart}\n", 1),
                        encoding="utf-8")
    result = run_qisite("check", root)
    output = result.stdout + result.stderr
    if agrees:
        assert result.returncode == 0, output
        return
    line = next(i for i, text in enumerate(measures.read_text(encoding="utf-8").splitlines(), 1)
                if text == f"    chart: {chart}" and i > line_of(measures, "id: first-appointment-dna"))
    assert f"measures.yaml:{line}:" in output
    assert f"reports network measure '{MEASURE_ID}', a p chart in site.yaml's catalogue, but is a {chart} chart" in output
    assert "hint: use chart: p" in output


def test_a_catalogue_id_used_twice_is_a_located_error(tmp_path):
    text = (REPO / "site.yaml").read_text(encoding="utf-8")
    entry = text.split("\nmeasures:\n")[1]
    root = network(tmp_path, site_yaml=text + entry, projects=("east-india-ward-racism",))
    result = run_qisite("check", root)
    assert result.returncode != 0
    assert re.search(r"site\.yaml:\d+:\d+: error: .*first-appointment-dna", result.stdout + result.stderr), result.stdout


def test_hostile_text_in_the_catalogue_is_escaped(tmp_path):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    text = (REPO / "site.yaml").read_text(encoding="utf-8")
    text = text.replace("    title: First appointments not attended\n", f"    title: '{hostile}'\n")
    text = text.replace("Counted from each service's booking", "<script>alert(2)</script> [x](javascript:alert(3)) Counted")
    root = network(tmp_path, site_yaml=text)
    out = build(root)
    for page in (PAGE, Path("measures") / "index.html", Path("teams") / "east-london-nhs-foundation-trust" / "index.html",
                 Path("projects") / "tokophobia-ethnic-minority-women" / "index.html"):
        shown = (out / page).read_text(encoding="utf-8")
        assert "<script>alert" not in shown and "<img src=x" not in shown, page
        assert "href=\"javascript" not in shown, page
        assert "&lt;script&gt;alert(" in shown, page
    assert "<script>" not in (out / "assets" / "search-index.js").read_text(encoding="utf-8")


def test_small_numbers_leave_a_team_out_of_the_funnel(tmp_path):
    """At the default threshold the perinatal team's monthly counts (1 to 4 people) are withheld on its
    own page: its 12-month total would give them back, so it is listed but not in the funnel."""
    text = (REPO / "site.yaml").read_text(encoding="utf-8").replace("small_numbers:\n  threshold: 1\n", "")
    root = network(tmp_path, site_yaml=text)
    out = build(root)
    rows = table_rows((out / PAGE).read_text(encoding="utf-8"))
    assert rows["Perinatal mental health service"][-1].startswith("Not in the funnel: a period in its 12 months is withheld")
    with (out / CSV).open(encoding="utf-8") as f:
        assert "tokophobia-ethnic-minority-women" not in {row["project"] for row in csv.DictReader(f)}
    assert len(rows) == 4


def test_a_project_previewed_on_its_own_keeps_its_network_measure_with_a_warning(tmp_path):
    """No site.yaml, so no catalogue: the project is still built, and told why nothing compares it."""
    folder = tmp_path / "tokophobia-ethnic-minority-women"
    shutil.copytree(REPO / "projects" / folder.name, folder)
    measures = folder / "measures.yaml"
    result = run_qisite("check", folder)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert f"measures.yaml:{line_of(measures, 'network_measure:')}:" in output
    assert "warning: measure 'first-appointment-dna' names network measure 'first-appointment-dna', but this network " \
           "has no measure catalogue" in output


def test_a_stratified_measure_counts_as_its_groups_added_up_over_its_latest_12_months(tmp_path):
    """The deprivation project reports by decile: its row of the funnel's data is every decile's
    count and denominator added up over Apr 2023 – Mar 2024 (its latest month, and the 11 before)."""
    root = network(tmp_path, projects=("waits-deprivation-tower-hamlets",))
    out = build(root)
    with (REPO / "projects" / "waits-deprivation-tower-hamlets" / "data" / "dna.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if "2023-04-01" <= r["month"] <= "2024-03-01"]
    assert len(rows) == 12 * 4
    with (out / CSV).open(encoding="utf-8") as f:
        (team,) = list(csv.DictReader(f))
    assert (team["from"], team["to"]) == ("2023-04-01", "2024-03-01")
    assert int(team["count"]) == sum(int(r["did_not_attend"]) for r in rows)
    assert int(team["denominator"]) == sum(int(r["appointments"]) for r in rows)


@pytest.mark.parametrize("latest, start_after", [("2024-03-01", "2023-03-01"), ("2024-02-29", "2023-02-28"),
                                                 ("2023-01-31", "2022-01-31"), ("2024-03-31", "2023-03-31")])
def test_the_12_months_end_at_the_latest_period(latest, start_after):
    import datetime as dt

    from qisite.site.network import _months_before

    assert _months_before(dt.date.fromisoformat(latest), 12) == dt.date.fromisoformat(start_after)

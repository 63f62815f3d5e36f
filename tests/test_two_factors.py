"""A measure stratified by two factors (issue #14, "Stratify by two factors"; NHSRplotthedots #207):
``group: [ethnic_group, language]`` with the reference a combination of one value of each. Each
combination is a group to the analysis (gap, groups and gap charts unchanged); the case study adds a
two-way table of the latest period; small-number rules apply to each cell; the keys are checked."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from qisite.analysis import analyse_measure
from qisite.load.project import load_project
from qisite.model import SiteConfig, combined_group
from qisite.problems import Problems
from qisite.site.context import project_data

from support import run_qisite

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "projects" / "bangladeshi-recovery-talking-therapies"
MEASURE = "recovery-by-language"
CELLS = (("Bangladeshi", "Interpreter needed"), ("Bangladeshi", "English"),
         ("White British", "English"), ("Other", "Interpreter needed"))
REFERENCE = "White British × English"


def csv_text(small: tuple[str, str] | None = None, names: dict[str, str] | None = None) -> str:
    """12 months × 4 combinations, each with 40 to 80 people; ``small``'s last month counts 3 people."""
    names = names or {}
    rows = ["month,ethnic_group,language,recovered,completed"]
    for month in range(1, 13):
        for k, (ethnicity, language) in enumerate(CELLS):
            completed = 40 + 10 * k + month
            recovered = round(completed * (0.4 + 0.04 * k))
            if small == (ethnicity, language) and month == 12:
                completed, recovered = 7, 3
            rows.append(f"2024-{month:02d}-01,{names.get(ethnicity, ethnicity)},{language},{recovered},{completed}")
    return "\n".join(rows) + "\n"


def make_project(tmp_path: Path, *, csv: str | None = None, edit=None) -> Path:
    """The Bangladeshi recovery example (its two-factor measure on our own data), on its own: threshold 5."""
    folder = tmp_path / "bangladeshi-recovery"
    shutil.copytree(EXAMPLE, folder)
    (folder / "data" / "recovery-by-language.csv").write_text(csv or csv_text(), encoding="utf-8")
    measures = folder / "measures.yaml"
    text = measures.read_text(encoding="utf-8").replace("    freeze: 2023-03-01\n    parts:\n      - start: 2023-07-01\n"
                                                        "        label: Bengali and Sylheti therapy and adapted CBT\n"
                                                        "  - id: preferred-language",
                                                        "    freeze: 6\n  - id: preferred-language")
    measures.write_text(edit(text) if edit else text, encoding="utf-8")
    return folder


def load(folder: Path):
    problems = Problems()
    project = load_project(folder, SiteConfig(root=folder.parent, title="t"), problems)
    assert project is not None and not problems.errors, [p.format() for p in problems]
    return project


def test_each_combination_is_a_group_compared_with_the_reference_combination(tmp_path):
    project = load(make_project(tmp_path))
    measure = project.measure(MEASURE)
    assert measure.two_factor and measure.group_columns == ("ethnic_group", "language")
    assert measure.reference == REFERENCE == combined_group(("White British", "English"))
    assert set(measure.groups()) == {combined_group(c) for c in CELLS}
    analysis = analyse_measure(measure)
    assert set(analysis.results) == {combined_group(c) for c in CELLS}
    assert set(analysis.gaps) == {combined_group(c) for c in CELLS} - {REFERENCE}
    assert all(g.reference == REFERENCE for g in analysis.gaps.values())


def test_the_two_way_table_puts_the_latest_period_on_two_axes(tmp_path):
    project = load(make_project(tmp_path))
    data = project_data(project, SiteConfig(root=tmp_path, title="t"))
    table = data.two_way[MEASURE]
    assert table.columns == ("ethnic_group", "language")
    assert table.row_values == ("Bangladeshi", "White British", "Other")
    assert table.column_values == ("Interpreter needed", "English")
    assert str(table.period) == "2024-12-01"
    cell = table.cell("Bangladeshi", "English")
    assert cell is not None and cell.value == pytest.approx(100 * round(62 * 0.44) / 62)   # multiply: 100
    assert table.cell("White British", "English").reference
    assert table.cell("White British", "Interpreter needed") is None     # no such combination in the data
    assert set(data.two_way) == {MEASURE}                                # a one-factor measure has none


def test_a_cell_of_three_people_is_withheld_with_secondary_suppression_as_for_one_factor(tmp_path):
    project = load(make_project(tmp_path, csv=csv_text(small=("Other", "Interpreter needed"))))
    data = project_data(project, SiteConfig(root=tmp_path, title="t"))
    table = data.two_way[MEASURE]
    small = table.cell("Other", "Interpreter needed")
    assert small.withheld == "<5" and small.value is None
    others = [table.cell(*c) for c in CELLS[:3]]
    assert [c.withheld for c in others].count("suppressed") == 1       # one more cell, so the 3 cannot be worked out
    assert all(c.value is not None for c in others if not c.withheld)
    analysis = data.analyses[MEASURE]
    last = len(analysis.results[combined_group(CELLS[3])].x) - 1
    assert analysis.withheld(combined_group(CELLS[3]), last) == "<5"


def test_the_case_study_shows_the_table_accessibly_with_hostile_names_escaped(tmp_path):
    hostile = '<b onmouseover="x()">Other</b> & co'
    folder = make_project(tmp_path, csv=csv_text(small=("Other", "Interpreter needed"), names={"Other": hostile}))
    out = tmp_path / "site"
    result = run_qisite("build", folder, "-o", out, "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "projects" / folder.name / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="two-way">.*?</table>', page, re.S).group(0)
    assert "<caption>" in table and "each combination of ethnic_group (rows) and language (columns)" in table
    assert '<th scope="col">Interpreter needed</th>' in table and '<th scope="row">Bangladeshi</th>' in table
    assert '<td class="reference">' in table and "(reference)" in table
    assert "&lt;5" in table and "suppressed" in table
    assert hostile not in page and "<b onmouseover" not in page   # in text, never as markup
    assert f'<th scope="row">{escape(hostile)}</th>' in table
    for chart in ("", "-gap", "-groups"):
        assert (out / "projects" / folder.name / f"{MEASURE}{chart}.svg").exists()
    summary = (out / "summary.csv").read_text(encoding="utf-8")
    assert f",{MEASURE}," in summary and ",Bangladeshi × Interpreter needed," in summary


@pytest.mark.parametrize(("edit", "message", "hint"), [
    (lambda t: t.replace("group: [ethnic_group, language]", "group: [ethnic_group, language, month]"),
     "lists 3 group columns: a measure is stratified by one column or by two", "group: [COLUMN, COLUMN]"),
    (lambda t: t.replace("group: [ethnic_group, language]", "group: [ethnic_group, ethnic_group]"),
     "name 'ethnic_group' twice", "two different columns"),
    (lambda t: t.replace("reference_group: [White British, English]", "reference_group: White British"),
     "so its reference is a combination", "reference_group: [White British, VALUE]"),
    (lambda t: t.replace("reference_group: [White British, English]", "reference_group: [White British]"),
     "lists 1 value, not 2", "one value of 'ethnic_group' and one of 'language'"),
    (lambda t: t.replace("reference_group: [White British, English]", "reference_group: [White British, Englsh]"),
     "reference group 'White British × Englsh' is not among the combinations of columns 'ethnic_group' and 'language'",
     "did you mean 'White British × English'?"),
    (lambda t: t.replace("reference_group: [White British, English]",
                         "reference_group: [White British, English]\n    order: [a, b, c, d, e]"),
     "the Slope Index of Inequality needs a single ordered factor", "remove 'order'"),
    (lambda t: t.replace("group: [ethnic_group, language]", "group: [ethnic_group, langauge]"),
     "column 'langauge' (group) is not in data/recovery-by-language.csv", "did you mean 'language'?"),
    (lambda t: t.replace("reference_group: White British\n", "reference_group: [White British, English]\n"),
     "has one group column, so its reference_group is one group", "write 'reference_group: NAME'"),
])
def test_a_bad_two_factor_declaration_is_a_located_error(tmp_path, edit, message, hint):
    folder = make_project(tmp_path, edit=edit)
    result = run_qisite("check", folder)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert message in out and hint in out, out
    assert re.search(r"measures\.yaml:\d+", out), out
    assert "Traceback" not in out


def test_the_equity_command_compares_combinations_of_two_columns(tmp_path):
    csv = tmp_path / "recovery.csv"
    csv.write_text(csv_text(), encoding="utf-8")
    args = ("equity", csv, "--x", "month", "--y", "recovered", "--n", "completed", "--group", "ethnic_group,language")
    result = run_qisite(*args, "--reference", "White British,English", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["reference"] == REFERENCE
    last = found["periods"][-1]
    assert [g["group"] for g in last["groups"]] == [combined_group(c) for c in CELLS]
    assert {g["group"] for g in last["gaps"]} == {combined_group(c) for c in CELLS} - {REFERENCE}
    refused = run_qisite(*args, "--reference", "White British")
    assert refused.returncode != 0 and "--reference is one value of each" in refused.stdout + refused.stderr


def test_a_value_holding_the_joining_sign_is_a_located_error(tmp_path):
    folder = make_project(tmp_path, csv=csv_text(names={"Other": "Mixed × Other"}))
    result = run_qisite("check", folder)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and re.search(r"recovery-by-language\.csv:\d+", out), out
    assert "holds '×', which joins the names of two factors' combinations" in out

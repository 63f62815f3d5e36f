"""`qisite check` refuses patient identifiers wherever a project would publish them, with file:line."""

from __future__ import annotations

import json

from privacynetwork import add_measure, make_network, replace

from support import run_qisite

PARETO = """
  - id: reasons
    title: Reasons for missed appointments
    type: process
    definition: Missed first appointments by reason.
    data: data/reasons.csv
    x: reason
    y: count
    chart: pareto
"""

GROUPS = """
  - id: by-area
    title: Attendance by area
    type: outcome
    definition: Attended of referred, by area.
    data: data/by-area.csv
    x: month
    y: seen
    n: referred
    group: area
    reference_group: E1
    chart: p
    multiply: 100
"""


def check(root):
    result = run_qisite("check", "--strict", "--format", "json", root)
    assert "Traceback" not in result.stderr
    return result, json.loads(result.stdout)["problems"]


def messages(problems, file_end):
    return [(p["line"], p["message"], p["hint"]) for p in problems if p["file"].endswith(file_end) and p["severity"] == "error"]


def test_the_scaffold_itself_passes(tmp_path):
    make_network(tmp_path)
    result, problems = check(tmp_path)
    assert result.returncode == 0, problems


def test_nhs_numbers_as_pareto_categories_are_located_errors(tmp_path):
    folder = make_network(tmp_path)
    add_measure(folder, PARETO, "reasons.csv", "reason,count\nTransport,12\n943 476 5919,1\nForgot,7\n")
    result, problems = check(tmp_path)
    assert result.returncode != 0
    found = messages(problems, "data/reasons.csv")
    assert [(line, "NHS number" in message) for line, message, _ in found] == [(3, True)]
    assert "column 'reason'" in found[0][1]


def test_full_postcodes_as_groups_are_errors_but_districts_are_fine(tmp_path):
    folder = make_network(tmp_path)
    add_measure(folder, GROUPS, "by-area.csv",
                "month,area,seen,referred\n2024-01-01,E1,10,20\n2024-01-01,E2 6LP,8,20\n2024-02-01,E1,11,20\n2024-02-01,E2 6LP,9,20\n")
    _, problems = check(tmp_path)
    found = messages(problems, "data/by-area.csv")
    assert [line for line, _, _ in found] == [3, 5]
    assert all("full postcode 'E2 6LP'" in message and "'E2'" in hint for _, message, hint in found)


def test_dates_of_birth_as_groups_are_errors(tmp_path):
    folder = make_network(tmp_path)
    add_measure(folder, GROUPS.replace("reference_group: E1", "reference_group: 18-25"), "by-area.csv",
                "month,area,seen,referred\n2024-01-01,18-25,10,20\n2024-01-01,12/03/1984,1,2\n")
    _, problems = check(tmp_path)
    found = messages(problems, "data/by-area.csv")
    assert [(line, "date of birth" in message) for line, message, _ in found] == [(3, True)]


def test_identifier_columns_are_refused_even_when_unused(tmp_path):
    folder = make_network(tmp_path)
    (folder / "data" / "main-outcome.csv").write_text(
        "month,seen,referred,Patient name,NHS No\n2024-01-01,21,40,,\n2024-02-01,19,38,,\n", encoding="utf-8")
    _, problems = check(tmp_path)
    found = messages(problems, "data/main-outcome.csv")
    assert [line for line, _, _ in found] == [1, 1]
    assert "'Patient name'" in found[0][1] and "'NHS No'" in found[1][1]


def test_free_text_in_yaml_and_story_is_checked_with_lines(tmp_path):
    folder = make_network(tmp_path)
    replace(folder / "pdsa.yaml", "    measures: [main-outcome]",
            "    measures: [main-outcome]\n    study: Patient 943-476-5919 attended twice.")
    replace(folder / "project.yaml", "place: Our own place.", "place: 12 High Street, London E1 4DG")
    (folder / "story.md").write_text("# Story\n\nWe met at the clinic.\nThe family at SW1A 1AA agreed.\n", encoding="utf-8")
    result, problems = check(tmp_path)
    assert result.returncode != 0
    pdsa = messages(problems, "pdsa.yaml")
    assert len(pdsa) == 1 and "NHS number" in pdsa[0][1]
    assert pdsa[0][0] == (folder / "pdsa.yaml").read_text().splitlines().index("    study: Patient 943-476-5919 attended twice.") + 1
    project = messages(problems, "project.yaml")
    assert [(line, "E1 4DG" in message) for line, message, _ in project] == [
        ((folder / "project.yaml").read_text().splitlines().index("place: 12 High Street, London E1 4DG") + 1, True)]
    assert [(line, "SW1A 1AA" in message) for line, message, _ in messages(problems, "story.md")] == [(4, True)]


def test_a_project_with_identifiers_is_left_out_and_the_rest_builds(tmp_path):
    folder = make_network(tmp_path)
    make_network(tmp_path, project="other-clinic")
    add_measure(folder, PARETO, "reasons.csv", "reason,count\nTransport,12\n9434765919,1\n")
    result = run_qisite("build", tmp_path)
    assert "Traceback" not in result.stderr
    site = tmp_path / "_site"
    assert (site / "projects" / "other-clinic" / "index.html").is_file()
    assert not (site / "projects" / "clinic").exists()
    assert "9434765919" not in "".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())

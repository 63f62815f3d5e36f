"""The SQUIRE 2.0 reporting checklist: the mapping (qisite/squire.py), ``qisite check --report
squire``, and the case study's checklist on the site and in ``qisite export``.

The items, their numbers and names are SQUIRE 2.0's own: Ogrinc G, Davies L, Goodman D,
Batalden P, Davidoff F, Stevens D. SQUIRE 2.0 (Standards for QUality Improvement Reporting
Excellence): revised publication guidelines from a detailed consensus process.
BMJ Qual Saf 2016;25:986–992, Table 1 (doi:10.1136/bmjqs-2015-004411).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from qisite.load.project import load_project
from qisite.load.records import PROJECT
from qisite.model import SiteConfig
from qisite.problems import Problems
from qisite.squire import BY_KEY, ITEMS, REPORT_KEYS, coverage

from support import fill_in, run_qisite

# SQUIRE 2.0, Table 1: every item's number and name, in the paper's order
SQUIRE_2_0 = ((1, "Title"), (2, "Abstract"), (3, "Problem description"), (4, "Available knowledge"),
              (5, "Rationale"), (6, "Specific aims"), (7, "Context"), (8, "Intervention(s)"),
              (9, "Study of the intervention(s)"), (10, "Measures"), (11, "Analysis"),
              (12, "Ethical considerations"), (13, "Results"), (14, "Summary"), (15, "Interpretation"),
              (16, "Limitations"), (17, "Conclusions"), (18, "Funding"))

WRITE_UP = {name: f"Our {name.replace('_', ' ')}, with **emphasis**." for name in REPORT_KEYS}

HOSTILE = ('<script>alert("squire")</script> <img src=x onerror=alert(1)> '
           '[click](javascript:alert(1)) </details></section>{{ 7*7 }}')


def write_up_yaml(values: dict[str, str]) -> str:
    return "".join(f"{name}: {json.dumps(text)}\n" for name, text in values.items())


def complete_project(folder: Path, write_up: dict[str, str] | None = None) -> Path:
    """A project folder that answers every SQUIRE item: `qisite new`'s, filled in, with a process
    measure, a cycle's study and the write-up."""
    assert run_qisite("new", folder).returncode == 0
    fill_in(folder)
    with (folder / "project.yaml").open("a", encoding="utf-8") as out:
        out.write(write_up_yaml(WRITE_UP if write_up is None else write_up))
    measures = folder / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    first = text[text.index("  - id: main-outcome"):]
    process = first.replace("id: main-outcome", "id: leaflets-given").replace("type: outcome", "type: process")
    measures.write_text(text + process.split("    # freeze")[0], encoding="utf-8")
    pdsa = folder / "pdsa.yaml"
    pdsa.write_text(pdsa.read_text(encoding="utf-8").replace(
        "    # study: what the data showed", "    study: Attendance rose in the affected group.\n    # what the data showed"),
        encoding="utf-8")
    return folder


def load(folder: Path):
    problems = Problems()
    project = load_project(folder, SiteConfig(root=folder.parent, title="t"), problems)
    assert project is not None, [p.format() for p in problems]
    return project


@pytest.fixture(scope="module")
def complete(tmp_path_factory):
    return load(complete_project(tmp_path_factory.mktemp("squire") / "complete"))


# --- the mapping ------------------------------------------------------------------------

def test_the_items_are_squire_2_0s_numbers_and_names_in_order():
    assert tuple((item.number, item.name) for item in ITEMS) == SQUIRE_2_0


def test_each_write_up_key_is_an_optional_markdown_key_of_project_yaml_for_one_item():
    assert REPORT_KEYS == ("available_knowledge", "rationale", "context", "ethics", "interpretation",
                           "limitations", "conclusions", "funding")
    for name in REPORT_KEYS:
        spec = PROJECT.fields[name]
        assert not spec.required and spec.default == "" and "Markdown" in spec.doc
        assert f"item {BY_KEY[name].number})" in spec.doc   # the doc names the item it answers
    for item in ITEMS:  # every key an item names is a key of its file (project.yaml's checked here)
        for key in item.keys:
            if key.file == "project.yaml":
                assert key.key in PROJECT.fields, key


def test_a_project_with_everything_covers_every_item(complete):
    found = coverage(complete)
    assert found.complete and found.total == 18 and not found.missing
    assert found.summary() == "18 of 18 items covered"


def _without(project, number: int):
    """The project lacking what answers item ``number``."""
    item = ITEMS[number - 1]
    if item.write_up:
        return dataclasses.replace(project, **{item.write_up: ""})
    no_study = tuple(dataclasses.replace(c, study="") for c in project.cycles)
    no_links = tuple(dataclasses.replace(c, measures=()) for c in project.cycles)
    bare_ideas = dataclasses.replace(project.drivers, change_ideas=tuple(
        dataclasses.replace(i, description="") for i in project.drivers.change_ideas))
    return {
        1: lambda: dataclasses.replace(project, title=""),
        2: lambda: dataclasses.replace(project, summary=""),
        3: lambda: dataclasses.replace(project, equity_gap=""),
        6: lambda: dataclasses.replace(project, aim=dataclasses.replace(project.aim, statement="")),
        8: lambda: dataclasses.replace(project, cycles=(), drivers=bare_ideas),
        9: lambda: dataclasses.replace(project, cycles=no_links,
                                       measures=tuple(dataclasses.replace(m, parts=()) for m in project.measures)),
        10: lambda: dataclasses.replace(project, measures=tuple(m for m in project.measures if m.type != "process")),
        11: lambda: dataclasses.replace(project, measures=tuple(dataclasses.replace(m, observations=())
                                                                for m in project.measures)),
        13: lambda: dataclasses.replace(project, cycles=no_study),
        14: lambda: dataclasses.replace(project, story=""),
    }[number]()


@pytest.mark.parametrize("number", range(1, 19))
def test_each_missing_field_shows_as_its_item_missing(complete, number):
    found = coverage(_without(complete, number))
    missing = [item.number for item in found.missing]
    assert number in missing
    if ITEMS[number - 1].write_up or number in (1, 2, 3, 6, 9, 13, 14):
        assert missing == [number]  # and nothing else: each is answered by its own keys


def test_whitespace_is_not_an_answer(complete):
    assert [i.number for i in coverage(dataclasses.replace(complete, limitations="  \n ")).missing] == [16]


# --- qisite check --report squire ---------------------------------------------------------

@pytest.fixture(scope="module")
def squire_network(tmp_path_factory):
    root = tmp_path_factory.mktemp("squire-network")
    (root / "site.yaml").write_text("title: SQUIRE test\n", encoding="utf-8")
    complete_project(root / "projects" / "complete-one", {**WRITE_UP, "limitations": HOSTILE})
    folder = root / "projects" / "first-draft"
    assert run_qisite("new", folder).returncode == 0
    fill_in(folder)
    with (folder / "project.yaml").open("a", encoding="utf-8") as out:
        out.write(write_up_yaml({"context": "A clinic."}))
    return root


def test_the_report_lists_what_each_project_still_has_to_write(squire_network):
    done = run_qisite("check", "--report", "squire", "--strict", squire_network)
    assert done.returncode == 0, done.stdout + done.stderr  # nothing missing is an error, even with --strict
    out = done.stdout
    assert "SQUIRE 2.0 reporting checklist (Ogrinc et al., BMJ Qual Saf 2016;25:986–992" in out
    assert "complete-one (" in out and "18 of 18 items covered — nothing left to write" in out
    draft = out[out.index("first-draft ("):]
    first_line = draft.splitlines()[0]
    assert first_line.endswith("9 of 18 items covered")
    listed = re.findall(r"^  (\d+)\. ([^:]+): SQUIRE asks for ", draft, re.M)
    assert listed == [(str(n), name) for n, name in SQUIRE_2_0 if n in (4, 5, 10, 12, 13, 15, 16, 17, 18)]
    assert "add ethics: to project.yaml (Markdown)" in draft
    assert "in measures.yaml, add the missing outcome or process measure" in draft
    assert "7. Context" not in draft  # written


def test_the_report_does_not_change_the_exit_code_of_a_failing_check(squire_network, tmp_path):
    broken = tmp_path / "broken"
    assert run_qisite("new", broken).returncode == 0
    (broken / "project.yaml").write_text("title: [\n", encoding="utf-8")
    plain = run_qisite("check", broken)
    reported = run_qisite("check", "--report", "squire", broken)
    assert plain.returncode == reported.returncode == 1
    assert "No project was read without errors" in reported.stdout


def test_the_report_as_json_has_the_documented_shape(squire_network):
    done = run_qisite("check", "--report", "squire", "--format", "json", squire_network)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {"ok", "projects", "errors", "warnings", "problems"} <= set(report)  # the check's own fields stay
    squire = report["squire"]
    assert squire["standard"] == "SQUIRE 2.0" and squire["items"] == 18
    assert squire["url"] == "https://doi.org/10.1136/bmjqs-2015-004411" and "BMJ Qual Saf 2016" in squire["citation"]
    by_id = {p["id"]: p for p in squire["projects"]}
    assert set(by_id) == {"complete-one", "first-draft"}
    assert by_id["complete-one"]["covered"] == list(range(1, 19)) and by_id["complete-one"]["missing"] == []
    draft = by_id["first-draft"]
    assert draft["folder"].endswith("first-draft")
    assert draft["covered"] == [1, 2, 3, 6, 7, 8, 9, 11, 14]
    ethics = next(m for m in draft["missing"] if m["number"] == 12)
    assert set(ethics) == {"number", "name", "part", "asks", "keys", "todo"}
    assert ethics["name"] == "Ethical considerations" and ethics["part"] == "Methods"
    assert ethics["keys"] == [{"file": "project.yaml", "key": "ethics"}]
    # the documented example in docs/format.md names the same fields
    docs = (Path(__file__).resolve().parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    for name in ("standard", "citation", "url", "items", "projects", "covered", "missing", "keys", "todo"):
        assert f'"{name}"' in docs


def test_the_report_is_text_or_json_only(squire_network):
    done = run_qisite("check", "--report", "squire", "--format", "github", squire_network)
    assert done.returncode == 2 and "--report squire is written as text or json" in done.stderr


def test_the_check_without_report_is_unchanged(squire_network):
    done = run_qisite("check", "--format", "json", squire_network)
    assert "squire" not in json.loads(done.stdout)
    assert "SQUIRE" not in run_qisite("check", squire_network).stdout


# --- the case study and the export ---------------------------------------------------------

def _checklist(html: str) -> list[tuple[str, str]]:
    """(item name, status) of each row of the page's SQUIRE checklist."""
    section = html[html.index('<section id="squire"'):]
    section = section[:section.index("</section>")]
    rows = re.findall(r'<li class="squire-item (done|todo)">.*?<span class="squire-number">(\d+)\.</span>.*?'
                      r'<span class="squire-status">([a-z ]+)</span>', section, re.S)
    return [(number, f"{cls}:{status}") for cls, number, status in rows]


@pytest.fixture(scope="module")
def built(squire_network):
    done = run_qisite("build", squire_network)
    assert done.returncode == 0, done.stdout + done.stderr
    pages = {name: (squire_network / "_site" / "projects" / name / "index.html").read_text(encoding="utf-8")
             for name in ("complete-one", "first-draft")}
    exports = {}
    for name in pages:
        out = squire_network / f"{name}.html"
        done = run_qisite("export", name, "--out", out, "--root", squire_network)
        assert done.returncode == 0, done.stderr
        exports[name] = out.read_text(encoding="utf-8")
    return pages, exports


def test_the_page_and_the_export_show_the_same_coverage_as_the_check(built, squire_network):
    pages, exports = built
    report = json.loads(run_qisite("check", "--report", "squire", "--format", "json", squire_network).stdout)
    for project in report["squire"]["projects"]:
        expected = [(str(n), "done:covered" if n in project["covered"] else "todo:not covered") for n in range(1, 19)]
        assert _checklist(pages[project["id"]]) == expected
        assert _checklist(exports[project["id"]]) == expected
        covered = len(project["covered"])
        for html in (pages[project["id"]], exports[project["id"]]):
            assert f"SQUIRE 2.0:</span> {covered} of 18 items covered</summary>" in html


def test_a_covered_item_links_to_the_section_that_answers_it(built):
    pages, exports = built
    for html in (pages["complete-one"], exports["complete-one"]):
        for item in ITEMS:
            if item.anchor:
                assert f'<a href="#{item.anchor}">{item.name}</a>' in html, item.name
                assert f'id="{item.anchor}"' in html, item.anchor
    draft = pages["first-draft"]
    assert "<code>project.yaml: ethics</code>" in draft and '<a href="#ethics">' not in draft


def test_the_write_up_is_shown_under_its_items_names_as_markdown(built):
    pages, _ = built
    html = pages["complete-one"]
    for section, names in (("background", ("available_knowledge", "rationale", "context")),
                           ("discussion", ("interpretation", "conclusions")),
                           ("declarations", ("ethics", "funding"))):
        assert f'<section id="{section}"' in html and f'href="#{section}"' in html  # and in the contents
        for name in names:
            assert f'<h3 id="{BY_KEY[name].anchor}">{BY_KEY[name].name}</h3>' in html
            assert f"Our {name.replace('_', ' ')}, with <strong>emphasis</strong>." in html
    draft = pages["first-draft"]
    assert '<section id="background"' in draft and '<section id="discussion"' not in draft
    assert '<section id="declarations"' not in draft


def test_hostile_write_up_is_escaped_on_the_page_and_in_the_export(built):
    pages, exports = built
    for html in (pages["complete-one"], exports["complete-one"]):
        section = html[html.index('<h3 id="limitations">'):]
        section = section[:section.index('<p class="back">')]
        assert "<script" not in section and "<img" not in section and 'href="javascript' not in section
        assert "&lt;script&gt;" in section and "{{ 7*7 }}" in section
        assert section.count("</section>") == 0 and "</details>" not in section

"""Provenance that travels (issue #11): the illustrative-data notice is worded by
site.yaml or the project (never a fixed sentence), shown wherever a project is
listed, and carried inside its downloads with the project, source and build date."""

import csv
import re
import xml.etree.ElementTree as ET

import pytest

from qisite.build import build

from support import run_qisite

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def network(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1725148800")   # 1 Sep 2024
    (tmp_path / "site.yaml").write_text(
        "title: Provenance test\nsite_url: https://example.org/qi/\n"
        "illustrative_note: Made up by the network for training.\n", encoding="utf-8")
    for name in ("clinic-access", "ward-safety"):
        assert run_qisite("new", tmp_path / "projects" / name).returncode == 0
    own = tmp_path / "projects" / "ward-safety" / "project.yaml"
    text = own.read_text(encoding="utf-8")
    assert "illustrative: true" in text   # the scaffold starts illustrative
    own.write_text(text.replace("illustrative: true",
                                "illustrative: true\nillustrative_note: Practice data typed in by the ward team."),
                   encoding="utf-8")
    report = build(tmp_path, tmp_path / "_site", workers=1)
    assert report.written, [p.format() for p in report.problems]
    return tmp_path / "_site"


def test_the_notice_is_worded_by_site_yaml_or_the_project(network):
    clinic = (network / "projects/clinic-access/index.html").read_text(encoding="utf-8")
    ward = (network / "projects/ward-safety/index.html").read_text(encoding="utf-8")
    def notice(page):
        return re.search(r'<p class="notice illustrative-notice" role="note">(.*?)</p>', page, re.S).group(1)
    assert notice(clinic) == "<strong>Illustrative data.</strong> Made up by the network for training."
    assert notice(ward) == "<strong>Illustrative data.</strong> Practice data typed in by the ward team."
    for page in (clinic, ward):
        assert "reconstructed to match" not in page


def test_every_card_and_row_of_an_illustrative_project_carries_the_badge(network):
    home = (network / "index.html").read_text(encoding="utf-8")
    results = home[home.index('class="results'):]
    rows = re.findall(r"<th scope=\"row\">.*?</th>", results[:results.index("</table>")], re.S)
    assert len(rows) == 2 and all('class="badge illustrative"' in row for row in rows)
    projects = (network / "projects/index.html").read_text(encoding="utf-8")
    cards = projects.split('class="card project-card"')[1:]
    assert len(cards) == 2 and all('class="badge illustrative"' in card for card in cards)
    assert 'title="Practice data typed in by the ward team."' in projects
    index = (network / "assets/search-index.js").read_text(encoding="utf-8")
    assert "Made up by the network for training." in index and "Practice data typed in by the ward team." in index


def test_downloads_carry_project_source_build_date_and_the_flag(network):
    folder = network / "projects" / "ward-safety"
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    for fact in ("Project: ", "Source: Provenance test, https://example.org/qi/projects/ward-safety/index.html",
                 "Built: 2024-09-01", "Illustrative data: Practice data typed in by the ward team.",
                 "main-outcome.csv", "main-outcome.svg"):
        assert fact in readme, fact
    # the CSV stays a plain table: its first row is the header
    rows = list(csv.DictReader((folder / "main-outcome.csv").open(encoding="utf-8", newline="")))
    assert rows and "x" in rows[0]
    svg = ET.parse(folder / "main-outcome.svg").getroot()
    metadata = svg.findtext(f"{SVG}metadata")
    desc = svg.findtext(f"{SVG}desc")
    for text in (metadata, desc):
        assert "https://example.org/qi/projects/ward-safety/index.html" in text
        assert "Built: 2024-09-01" in text and "Practice data typed in by the ward team." in text
    assert "var(--qc-" not in (folder / "main-outcome.svg").read_text(encoding="utf-8")


def test_a_teams_own_data_says_so(network, tmp_path):
    project = tmp_path / "projects" / "clinic-access" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("illustrative: true", "illustrative: false"),
                       encoding="utf-8")
    build(tmp_path, tmp_path / "_site", workers=1)
    page = (tmp_path / "_site/projects/clinic-access/index.html").read_text(encoding="utf-8")
    assert "Illustrative data." not in page
    assert "Data: the team's own" in (tmp_path / "_site/projects/clinic-access/README.txt").read_text(encoding="utf-8")

"""`qisite build` as a subprocess on small networks made with `qisite new`."""

import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support import run_qisite


@pytest.fixture
def network(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Build test\nsite_url: https://example.org/qi/\n", encoding="utf-8")
    for name in ("clinic-access", "ward-safety"):
        assert run_qisite("new", tmp_path / "projects" / name).returncode == 0
    return tmp_path


def test_builds_the_site_with_sitemap_feed_and_nojekyll(network):
    result = run_qisite("build", network)
    assert result.returncode == 0 and "built " in result.stdout, result.stdout + result.stderr
    site = network / "_site"
    for path in ("index.html", "404.html", ".nojekyll", "assets/search-index.js", "projects/clinic-access/index.html",
                 "projects/clinic-access/main-outcome.svg", "projects/clinic-access/main-outcome.csv"):
        assert (site / path).is_file(), path
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert "https://example.org/qi/projects/clinic-access/index.html" in locations
    assert not any(loc.endswith("404.html") for loc in locations)
    # a host serves 404.html at any missing path, so its links resolve from the published root
    assert '<base href="https://example.org/qi/">' in (site / "404.html").read_text(encoding="utf-8")
    assert "<base" not in (site / "index.html").read_text(encoding="utf-8")
    atom = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.get("href") for e in ET.parse(site / "feed.xml").getroot().findall("a:entry/a:link", atom)]
    assert "https://example.org/qi/projects/ward-safety/index.html" in links


def test_a_broken_project_is_left_out_and_named(network):
    measures = network / "projects" / "ward-safety" / "measures.yaml"
    measures.write_text(measures.read_text(encoding="utf-8").replace("chart: p", "chart: pie"), encoding="utf-8")
    result = run_qisite("build", network, cwd=network)
    assert result.returncode == 0 and "projects/ward-safety/measures.yaml:" in result.stdout
    assert "projects with errors were left out" in result.stdout
    assert (network / "_site/projects/clinic-access/index.html").exists()
    assert not (network / "_site/projects/ward-safety").exists()


def test_strict_builds_nothing_when_anything_is_wrong(network):
    csv = network / "projects" / "clinic-access" / "data" / "main-outcome.csv"
    csv.write_text("\n".join(csv.read_text().splitlines()[:6]) + "\n")  # too few points: a warning
    result = run_qisite("build", "--strict", network)
    assert result.returncode == 1 and "nothing was written" in result.stdout
    assert not (network / "_site").exists()


def test_a_network_may_override_any_template(network):
    (network / "templates" / "static").mkdir(parents=True)
    (network / "templates" / "static" / "site.css").write_text("/* our own look */\n", encoding="utf-8")
    assert run_qisite("build", network).returncode == 0
    assert (network / "_site/assets/site.css").read_text() == "/* our own look */\n"
    assert (network / "_site/assets/site.js").exists()  # the rest of the theme still comes from qisite


def test_refuses_to_replace_a_folder_it_did_not_write(network):
    (network / "_site").mkdir()
    (network / "_site" / "notes.txt").write_text("keep me")
    result = run_qisite("build", network)
    assert result.returncode == 2 and "not written by qisite" in result.stderr
    assert (network / "_site" / "notes.txt").read_text() == "keep me"


def test_source_date_epoch_fixes_the_build_date_and_a_bad_value_stops_the_build(network):
    def build(epoch):
        return subprocess.run([sys.executable, "-m", "qisite", "build", str(network)], capture_output=True, text=True,
                              timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": epoch})

    bad = build("yesterday")
    assert bad.returncode == 2 and "SOURCE_DATE_EPOCH='yesterday' is not a time" in bad.stderr, bad.stderr
    assert "Traceback" not in bad.stderr and not (network / "_site").exists()
    assert build("1700000000").returncode == 0
    assert "Built with qisite on 14 Nov 2023" in (network / "_site/index.html").read_text(encoding="utf-8")


def test_the_page_table_and_the_csv_render_the_same_rows(network):
    """The data table under a chart and its CSV download are two renderings of one table."""
    import csv
    import re

    assert run_qisite("build", network).returncode == 0
    folder = network / "_site" / "projects" / "clinic-access"
    rows = list(csv.DictReader((folder / "main-outcome.csv").open(encoding="utf-8", newline="")))
    html = (folder / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="measure-main-outcome"'):]
    table = section[section.index('<table class="data">'):section.index("</table>")]
    headings = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert headings == ["Group", "Date", "Value", "n", "Centre", "Lower limit", "Upper limit", "Signals"]  # stratified scaffold
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]]
    assert len(cells) == len(rows) > 0
    for shown, raw in zip(cells, rows):
        value = float(shown[2].rstrip("%").replace(",", "").replace("−", "-"))
        assert abs(value - float(raw["value"])) <= 0.5, (shown, raw)
        assert shown[3].replace(",", "") == raw["n"] and shown[7] == raw["signals"].replace(" ", ", ")


def test_a_measure_id_that_is_another_measures_gap_chart_file_is_a_located_error(tmp_path):
    """'x-gap' would write x-gap.svg, the file of measure x's gap chart: one would overwrite the other."""
    import shutil

    network = tmp_path / "network"
    shutil.copytree(Path(__file__).parent / "golden" / "network", network)
    measures = network / "projects" / "wrenfield-interpreter-access" / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    first = text.split("\n  - id: ")[1]
    measures.write_text(text + "\n  - id: " + first.replace("dna-by-interpreter-need", "dna-by-interpreter-need-gap", 1),
                        encoding="utf-8")
    result = run_qisite("check", network)
    assert result.returncode == 1
    line = text.count("\n") + 2
    assert (f"measures.yaml:{line}:9: error: measure id 'dna-by-interpreter-need-gap' is the file name of measure "
            "'dna-by-interpreter-need''s gap chart") in result.stdout, result.stdout


def test_the_summary_line_says_what_was_written_and_what_was_reused(network):
    first = run_qisite("build", network)
    assert first.returncode == 0, first.stderr
    assert re.search(r"2 projects · (\d+) pages: \1 written, 0 unchanged · (\d+) charts: \2 drawn, 0 reused · ", first.stdout), first.stdout
    again = run_qisite("build", network)
    assert re.search(r"2 projects · (\d+) pages: 0 written, \1 unchanged · (\d+) charts: 0 drawn, \2 reused · ", again.stdout), again.stdout
    ward = network / "projects" / "ward-safety" / "project.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    edited = run_qisite("build", network)
    written, unchanged = map(int, re.search(r"pages: (\d+) written, (\d+) unchanged", edited.stdout).groups())
    assert written > 0 and unchanged > 0, edited.stdout
    assert "Renamed" in (network / "_site/projects/ward-safety/index.html").read_text(encoding="utf-8")


def test_a_second_build_of_the_same_output_waits_and_says_for_whom(network):
    from qisite.site.output import SiteWriter

    holder = SiteWriter(network / "_site", network, network / "projects")
    process = subprocess.Popen([sys.executable, "-m", "qisite", "build", str(network)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(5)   # time to start, find the lock taken and say so
        assert process.poll() is None, "the second build did not wait for the first"
    finally:
        holder.abandon()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert f"waiting for another qisite build writing {network / '_site'} (process {os.getpid()}, started " in err, err
    assert (network / "_site" / "index.html").is_file()


def test_a_kept_builder_hashes_again_only_the_files_that_changed(network):
    """qisite serve keeps one Builder: each build must trust what the last one hashed (issue #9: at
    1,000 projects, hashing every file again was two of the five seconds an edit took to show)."""
    from qisite.build import Builder

    long_ago = time.time() - 3600   # every file saved long before it is hashed: none is "racily clean"
    for path in network.rglob("*"):
        if path.is_file():
            os.utime(path, (long_ago, long_ago))
    story = next(p for p in sorted(network.rglob("story.md")) if "_site" not in p.parts)
    with Builder(network, network / "_site", workers=1, keep_pool=True) as builder:
        builder.build()
        assert builder.digests is not None and builder.digests.hashed > 5
        builder.digests.hashed = 0
        builder.build()
        assert builder.digests.hashed == 0
        story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        os.utime(story, (long_ago + 60, long_ago + 60))
        report = builder.build()
        assert builder.digests.hashed == 1 and report.projects_analysed == 1
        builder.digests.hashed = 0
        builder.build()
        assert builder.digests.hashed == 0

"""Progress over time (IHI's 0.5–5 progress score, stages), dated updates and
seasonal measures: located problems, the movement rule, the feed's entries.

The scale is IHI's Assessment Scale for Collaboratives as Life QI words it
("IHI Self Assessment Progress Scores", Life QI blog, 7 Aug 2019)."""
from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET

import pytest

from qisite.config import load_config
from qisite.headway import SCALE, Position, months_before, movement
from qisite.load.crossref import looks_like_a_name
from qisite.load.observations import load_observations
from qisite.load.project import load_project
from qisite.model import Measure, Positions, Update
from qisite.problems import Location, Problems
from qisite.seasons import coverage
from qisite.site.context import numbered_updates

from support import REPO

GOLDEN = REPO / "tests" / "golden" / "network"
PROJECT = "wrenfield-interpreter-access"
D = dt.date


def test_the_scale_is_ihis_ten_steps():
    assert list(SCALE) == [x / 2 for x in range(1, 11)]
    assert SCALE[0.5][0] == "Intent to participate" and SCALE[5.0][0] == "Outstanding sustainable results"


# --- located problems --------------------------------------------------------------------------

def _load(tmp_path, progress: str = "", updates: str = "", stage: str | None = None):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN, root, ignore=shutil.ignore_patterns(".qisite-cache"))
    path = root / "projects" / PROJECT / "project.yaml"
    text = path.read_text(encoding="utf-8").split("\nprogress:")[0].rstrip("\n") + "\n"
    if stage:
        text = text.replace("stage: implement", f"stage: {stage}")
    path.write_text(text + progress + updates, encoding="utf-8")
    problems = Problems()
    config = load_config(root, problems)
    return load_project(path.parent, config, problems), problems, path


def _line(path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_valid_history_and_log_load(tmp_path):
    project, problems, _ = _load(tmp_path, "progress:\n  - date: 2023-10-02\n    score: 1.0\n"
                                 "  - date: 2024-08-30\n    stage: implement\n    score: 4.0\n",
                                 "updates:\n  - date: 2024-08-30\n    author: ward manager\n    text: Done.\n")
    assert project is not None and not problems.errors and not problems.warnings, [p.format() for p in problems]
    assert [e.score for e in project.progress] == [1.0, 4.0]
    assert project.updates[0].author == "ward manager"


@pytest.mark.parametrize("progress, needle, message", [
    ("progress:\n  - date: 2024-01-01\n    score: 3.2\n", "score: 3.2", "not on IHI's scale"),
    ("progress:\n  - date: 2024-01-01\n    score: 5.5\n", "score: 5.5", "not on IHI's scale"),
    ("progress:\n  - date: 2024-03-01\n    score: 2.0\n  - date: 2024-01-01\n    score: 3.0\n",
     "date: 2024-01-01", "is listed after one of 2024-03-01"),
    ("progress:\n  - date: 2024-03-01\n    score: 2.0\n  - date: 2024-03-01\n    score: 3.0\n",
     "score: 3.0", "two progress entries are dated 2024-03-01"),
    ("progress:\n  - date: 2024-03-01\n    note: nothing said\n", "date: 2024-03-01", "names neither a stage nor a score"),
    ("progress:\n  - date: 2024-03-01\n    stage: test\n", "stage: test", "project.yaml's stage is 'implement'"),
    ("progress:\n  - date: 2024-03-01\n    stage: testing\n", "stage: testing", "not allowed here"),
])
def test_progress_problems_are_located(tmp_path, progress, needle, message):
    _, problems, path = _load(tmp_path, progress)
    found = [p for p in problems.errors if message in p.message]
    assert found, [p.format() for p in problems]
    line = _line(path, needle)
    # the duplicate date is reported at the second entry's date line: the entry above the needle
    assert found[0].where.line in (line, line - 1), (found[0].format(), line)
    assert found[0].where.file == path


def test_the_latest_stage_must_be_the_projects(tmp_path):
    project, problems, _ = _load(tmp_path, "progress:\n  - date: 2024-03-01\n    stage: test\n", stage="test")
    assert project is not None and not problems.errors


@pytest.mark.parametrize("author, named", [
    ("ward manager", False), ("Ward Manager", False), ("peer support worker", False),
    ("service user co-facilitator", False), ("Jane Smith", True), ("Dr Patel", True), ("Mrs. A. Khan", True),
    ("Nurse", False), ("Lead Nurse", False),
])
def test_an_author_that_looks_like_a_name(author, named):
    assert looks_like_a_name(author) is named


def test_a_personal_name_as_author_is_a_located_warning(tmp_path):
    project, problems, path = _load(tmp_path, updates="updates:\n  - date: 2024-08-30\n    author: Jane Smith\n    text: Done.\n")
    assert project is not None
    warning = next(p for p in problems.warnings if "looks like a person's name" in p.message)
    assert warning.where.line == _line(path, "author: Jane Smith")
    assert "role" in warning.hint


def test_an_nhs_number_in_an_update_is_refused(tmp_path):
    _, problems, path = _load(tmp_path, updates="updates:\n  - date: 2024-08-30\n    author: ward manager\n"
                              "    text: Called back patient 943 476 5919 about her letter.\n")
    assert any(p.where.file == path for p in problems.errors), [p.format() for p in problems]


# --- movement -----------------------------------------------------------------------------------

TODAY = D(2024, 9, 1)


@pytest.mark.parametrize("path, expected", [
    ([], "none"),
    ([Position(D(2024, 1, 1), 2.0, None), Position(D(2024, 6, 1), 3.0, None)], "up"),
    ([Position(D(2024, 1, 1), 3.0, None), Position(D(2024, 6, 1), 2.5, None)], "down"),
    ([Position(D(2023, 1, 1), 2.0, None), Position(D(2023, 6, 1), 3.0, None)], "same"),     # moved, but long ago
    ([Position(D(2024, 5, 1), 1.0, None), Position(D(2024, 8, 1), 2.0, None)], "up"),      # started in the window
    ([Position(D(2024, 5, 1), 1.0, None)], "same"),
    ([Position(D(2024, 1, 1), None, 1), Position(D(2024, 7, 1), None, 3)], "up"),          # stages, no scores
    ([Position(D(2024, 1, 1), 2.0, 3), Position(D(2024, 7, 1), 2.0, 1)], "same"),          # the scores decide
    ([Position(D(2024, 1, 1), 2.0, None), Position(D(2024, 12, 1), 4.0, None)], "same"),   # after the build date
    ([Position(D(2024, 3, 1), 2.0, None), Position(D(2024, 4, 1), 1.5, None)], "down"),    # on the window's first day
])
def test_movement_over_the_last_six_months(path, expected):
    assert movement(path, TODAY) == expected


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(D(2024, 9, 1), 6) == D(2024, 3, 1)
    assert months_before(D(2024, 8, 31), 6) == D(2024, 2, 29)
    assert months_before(D(2024, 3, 15), 6) == D(2023, 9, 15)


# --- updates --------------------------------------------------------------------------------------

def test_update_anchors_are_stable_and_newest_first():
    updates = (Update(D(2024, 1, 5), "a", "one"), Update(D(2024, 3, 1), "b", "two"), Update(D(2024, 1, 5), "c", "three"))
    assert [(a, u.text) for a, u in numbered_updates(updates)] == [
        ("update-2024-03-01", "two"), ("update-2024-01-05", "one"), ("update-2024-01-05-2", "three")]


def test_the_feed_has_one_entry_per_update_with_hostile_text_escaped(tmp_path):
    from qisite.load.network import load_network
    from qisite.site.context import site_data
    from qisite.site.feeds import atom_feed

    hostile = ('updates:\n  - date: 2024-08-30\n    author: "</name><script>alert(1)</script>"\n'
               '    text: "<script>alert(2)</script> & <img src=x onerror=alert(3)> **bold**"\n'
               '  - date: 2024-08-30\n    author: ward manager\n    text: Second that day.\n'
               '  - date: 2024-02-01\n    author: ward manager\n    text: Earlier.\n')
    _load(tmp_path, updates=hostile)
    problems = Problems()
    site = site_data(load_network(tmp_path / "network", problems), generated=TODAY)
    feed = atom_feed(site)
    assert "<script" not in feed and "<img" not in feed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(feed)
    links = [e.find("a:link", ns).get("href") for e in root.findall("a:entry", ns)]
    updates = [link for link in links if "#update-" in link]
    assert sorted(u.split("#")[1] for u in updates) == ["update-2024-02-01", "update-2024-08-30", "update-2024-08-30-2"]
    assert len(links) == len(site.projects) + 3           # the projects' entries are kept
    entry = next(e for e in root.findall("a:entry", ns) if e.find("a:link", ns).get("href").endswith("#update-2024-08-30"))
    content = entry.find("a:content", ns)
    assert content.get("type") == "html"
    assert "&lt;script&gt;" in content.text and "<strong>bold</strong>" in content.text   # the team's HTML is text
    assert entry.find("a:author/a:name", ns).text.startswith("</name><script>")
    assert entry.find("a:updated", ns).text == "2024-08-30T00:00:00Z"


# --- seasonal measures ----------------------------------------------------------------------------

def _months(n: int, start=(2022, 1)) -> list[dt.date]:
    y, m = start
    out = []
    for _ in range(n):
        out.append(D(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.mark.parametrize("dates, period, whole", [
    (_months(12), "month", True), (_months(24), "month", True), (_months(18), "month", False),
    (_months(6), "month", False), (_months(12), None, True), (_months(20), None, False),
    ([D(2022, 1, 3) + dt.timedelta(weeks=i) for i in range(53)], "week", True),
    ([D(2022, 1, 3) + dt.timedelta(weeks=i) for i in range(40)], "week", False),
])
def test_a_baseline_of_whole_years(dates, period, whole):
    assert coverage(dates, period).whole is whole


def _seasonal(tmp_path, months: int, **fields):
    rows = "".join(f"{d.isoformat()},{v}\n" for d, v in zip(_months(months), [5, 7, 6, 8, 4, 5, 6, 7] * 5))
    (tmp_path / "d.csv").write_text("x,y\n" + rows, encoding="utf-8")
    at = Positions(Location(tmp_path / "measures.yaml", 3), (("seasonal", Location(tmp_path / "measures.yaml", 9)),
                                                            ("freeze", Location(tmp_path / "measures.yaml", 8))))
    measure = Measure(id="m", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y", chart="i",
                      period="month", seasonal=True, at=at, **fields)
    problems = Problems()
    load_observations(measure, tmp_path, "iso", problems)
    return problems


def test_a_seasonal_baseline_of_part_of_a_year_is_a_located_warning(tmp_path):
    problems = _seasonal(tmp_path, 18)
    warning = next(p for p in problems.warnings if "is seasonal" in p.message)
    assert warning.where.line == 9 and "18 months, not whole years" in warning.message
    assert "12, 24 or 36 monthly points" in warning.hint
    frozen = _seasonal(tmp_path, 30, freeze=15)
    assert next(p for p in frozen.warnings if "is seasonal" in p.message).where.line == 8


def test_a_seasonal_baseline_of_whole_years_is_quiet(tmp_path):
    assert not [p for p in _seasonal(tmp_path, 24).warnings if "seasonal" in p.message]
    assert not [p for p in _seasonal(tmp_path, 30, freeze=24).warnings if "seasonal" in p.message]


def test_year_on_year_pairs_the_latest_published_period_with_the_one_a_year_before():
    from qisite.seasons import year_on_year

    xs = _months(14)                                  # Jan 2022 … Feb 2023
    ys = [float(i) for i in range(14)]
    pair = year_on_year(None, xs, ys, lambda i: True)
    assert (pair.latest, pair.value, pair.earlier, pair.earlier_value) == (D(2023, 2, 1), 13.0, D(2022, 2, 1), 1.0)
    withheld = year_on_year("g", xs, ys, lambda i: i != 13)   # the latest is withheld: the one before it
    assert (withheld.latest, withheld.earlier) == (D(2023, 1, 1), D(2022, 1, 1))
    assert year_on_year(None, xs[:12], ys[:12], lambda i: True) is None   # no period a year earlier
    weeks = [D(2022, 1, 3) + dt.timedelta(weeks=i) for i in range(60)]
    assert year_on_year(None, weeks, [1.0] * 60, lambda i: True).earlier == weeks[59 - 52]


def test_the_exported_case_study_carries_the_progress_chart_and_updates(tmp_path):
    from support import run_qisite

    root = tmp_path / "network"
    shutil.copytree(GOLDEN, root, ignore=shutil.ignore_patterns(".qisite-cache"))
    out = tmp_path / "case.html"
    done = run_qisite("export", PROJECT, "--out", out, cwd=root)
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "qisite-chart-progress" in html and 'id="update-2024-08-30"' in html
    assert 'href="progress.svg"' not in html          # the chart is inline: no link to a file beside it

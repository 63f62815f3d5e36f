"""summary.csv and summary.json (issue #14): one row per measure and group, whose
figures are the ones the case study and its downloads show."""

from __future__ import annotations

import csv
import html
import io
import json

import pytest

from qisite.build import build
from qisite.site.summary import FIELDS

from support import REPO, copy_example_network


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("summary") / "network"
    root.mkdir()
    copy_example_network(root)
    report = build(root, root / "_site", workers=1)
    assert report.written
    return root / "_site"


def _download_rows(site, row):
    text = (site / "projects" / row["project"] / f"{row['measure']}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    return [r for r in rows if r.get("group", "") == row["group"]]


def test_the_csv_and_the_json_hold_the_same_rows_under_the_documented_fields(site):
    data = json.loads((site / "summary.json").read_text(encoding="utf-8"))
    assert data["fields"] == list(FIELDS) and data["version"] == 1
    table = list(csv.DictReader(io.StringIO((site / "summary.csv").read_text(encoding="utf-8"))))
    assert list(table[0]) == list(FIELDS)
    assert len(table) == len(data["rows"]) >= 40
    for from_csv, from_json in zip(table, data["rows"], strict=True):
        assert from_csv["project"] == from_json["project"] and from_csv["measure"] == from_json["measure"]
        assert from_csv["centre_line"] == ("" if from_json["centre_line"] is None else str(from_json["centre_line"]))
    documented = (REPO / "docs" / "site.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in documented for name in FIELDS), "every field is documented in docs/site.md"


def test_every_rows_figures_are_the_downloads_last_point_at_the_pages_decimals(site):
    rows = json.loads((site / "summary.json").read_text(encoding="utf-8"))["rows"]
    checked = 0
    for row in rows:
        points = _download_rows(site, row)
        assert len(points) == row["points"], row
        last = points[-1]
        assert row["last_date"] == last["x"]
        decimals = row["decimals"]   # as the page rounds
        for field, column in (("latest_value", "value"), ("centre_line", "cl"), ("lower_limit", "lcl"), ("upper_limit", "ucl")):
            if row[field] is None or not last[column]:
                continue
            assert abs(row[field] - float(last[column])) <= 0.5 * 10 ** -decimals + 1e-6, (row["project"], row["measure"], field)
            checked += 1
    assert checked > 150


def test_each_gap_reads_on_its_case_study_as_in_the_summary(site):
    rows = json.loads((site / "summary.json").read_text(encoding="utf-8"))["rows"]
    gaps = [r for r in rows if r["gap"]]
    assert gaps and {r["gap_verdict"] for r in gaps} >= {"no significant change"}
    for row in gaps:
        page = html.unescape((site / row["url"]).read_text(encoding="utf-8"))
        assert row["gap"] in page, (row["project"], row["gap"])

"""The ``qisite spc`` command, run in-process through ``qisite.cli.main``."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from qisite import cli

from spc_published_data import OJ_PHASE1


def run_cli(argv, capsys):
    code = cli.main(["spc", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def oj_csv(tmp_path):
    path = tmp_path / "oj.csv"
    rows = ["sample,defective,n"] + [f"2020-{1 + i // 28:02d}-{1 + i % 28:02d},{d},50"
                                     for i, d in enumerate(OJ_PHASE1)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_json_contract(oj_csv, capsys):
    code, out, err = run_cli([oj_csv, "--chart", "p", "--y", "defective", "--n", "n",
                              "--x", "sample", "--exclude", "15", "23", "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["chart"] == "p" and doc["rules"] == "anhoej"
    p = doc["points"][0]
    assert set(p) >= {"x", "y", "n", "cl", "lcl", "ucl", "part", "included", "baseline",
                      "outside_limits", "special_cause", "signals"}
    assert p["x"] == "2020-01-01" and p["y"] == 0.24 and p["n"] == 50
    assert p["cl"] == pytest.approx(0.215) and p["lcl"] == pytest.approx(0.0407, abs=5e-5)
    assert doc["points"][14]["included"] is False
    part = doc["parts"][0]
    assert set(part) >= {"part", "cl", "n_useful", "longest_run", "longest_run_max",
                         "crossings", "crossings_min", "runs_signal"}
    assert part["n_useful"] == 28
    assert "summary" in doc and "warnings" in doc


def test_json_nulls_for_missing_limits_and_nhs_fields(tmp_path, capsys):
    path = tmp_path / "run.csv"
    path.write_text("week,value\n1,3\n2,NA\n3,4\n4,5\n", encoding="utf-8")
    code, out, _ = run_cli([path, "--chart", "run", "--y", "value", "--rules", "nhs",
                            "--direction", "increase", "--json"], capsys)
    doc = json.loads(out)
    assert code == 0
    assert doc["points"][0]["lcl"] is None and doc["points"][1]["y"] is None
    assert "variation" in doc and "assurance" in doc and "variation" in doc["points"][0]


def test_plain_table(oj_csv, capsys):
    code, out, _ = run_cli([oj_csv, "--chart", "p", "--y", "defective", "--n", "n",
                            "--multiply", "100"], capsys)
    assert code == 0
    assert "outside_limits" in out and "part 1 (points 1-30)" in out
    assert "23.13" in out


def test_rows_with_the_same_x_are_aggregated(tmp_path, capsys):
    path = tmp_path / "agg.csv"
    path.write_text("month,num,den\n2024-01,1,10\n2024-01,2,10\n2024-02,3,10\n", encoding="utf-8")
    code, out, err = run_cli([path, "--chart", "p", "--y", "num", "--n", "den", "--x", "month",
                            "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert [(p["x"], p["y"], p["n"]) for p in doc["points"]] == [("2024-01", 0.15, 20),
                                                                 ("2024-02", 0.3, 10)]


def test_xbar_from_raw_rows(tmp_path, capsys):
    path = tmp_path / "raw.csv"
    path.write_text("s,v\n1,1\n1,3\n2,2\n2,4\n3,3\n3,5\n", encoding="utf-8")
    code, out, _ = run_cli([path, "--chart", "xbar", "--y", "v", "--x", "s", "--json"], capsys)
    assert code == 0
    assert [p["y"] for p in json.loads(out)["points"]] == [2, 3, 4]


@pytest.mark.parametrize("content, argv, expected", [
    (None, ["--y", "v"], ": error: data file not found"),
    ("a,b\n1,2\n", ["--y", "v"], ":1: error: no column 'v' (columns: a, b)"),
    ("v\n1\n2\nabc\n", ["--y", "v"], ":4: error: column 'v': 'abc' is not a number"),
    ("v\n1\n2\n", ["--y", "v", "--exclude", "7"], ": error: exclude: point 7 is outside 1..2"),
    ("v\n1\n2\n", ["--y", "v", "--chart", "p"], ": error: a p chart needs denominators"),
])
def test_user_errors_are_located_and_exit_2(tmp_path, capsys, content, argv, expected):
    path = tmp_path / "d.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    if "--chart" not in argv:
        argv = argv + ["--chart", "i"]
    code, out, err = run_cli([path, *argv], capsys)
    assert out == ""
    assert code == 2
    assert err.startswith(f"{path}{expected}")
    assert "Traceback" not in err


def test_cp1252_file(tmp_path, capsys):
    path = tmp_path / "w.csv"
    path.write_bytes("période,v\né1,1\né2,2\né3,3\n".encode("cp1252"))
    code, out, _ = run_cli([path, "--chart", "i", "--y", "v", "--x", "période", "--json"], capsys)
    assert code == 0 and json.loads(out)["points"][0]["x"] == "é1"


def test_svg_draws_the_chart_the_site_would(oj_csv, tmp_path, capsys):
    """Montgomery Example 7.1: the SVG carries the centre line and limits, and flags samples 15 and 23."""
    out = tmp_path / "oj.svg"
    code, _, _ = run_cli([oj_csv, "--chart", "p", "--y", "defective", "--n", "n", "--x", "sample",
                          "--svg", out], capsys)
    svg = out.read_text(encoding="utf-8")
    assert code == 0 and svg.startswith("<?xml") and "qisite-chart-spc" in svg
    assert all(f"qisite-{line}" in svg for line in ("cl", "ucl", "lcl"))
    root = ET.fromstring(svg.split("\n", 1)[1])
    groups = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if "qisite-point-signal" in g.get("class", "")]
    markers = [u for g in groups for u in g.iter("{http://www.w3.org/2000/svg}use")]
    assert len(markers) == 2  # samples 15 and 23 lie above the upper limit


def test_python_m_qisite_spc(oj_csv):
    cli = pytest.importorskip("qisite.cli")
    if "spc" not in getattr(cli, "COMMANDS", ()):
        pytest.skip("qisite.cli does not register the spc command yet")
    proc = subprocess.run([sys.executable, "-m", "qisite", "spc", str(oj_csv), "--chart", "p",
                           "--y", "defective", "--n", "n", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["chart"] == "p"


def test_lead_cli_main_dispatches_spc(oj_csv, capsys, monkeypatch):
    # Until qisite/cli.py lists "spc" in COMMANDS, add it for this test only.
    cli = pytest.importorskip("qisite.cli")
    if "spc" not in cli.COMMANDS:
        monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, "spc"))
    code = cli.main(["spc", str(oj_csv), "--chart", "c", "--y", "defective", "--json"])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["chart"] == "c"
    assert cli.main(["spc", str(oj_csv), "--chart", "i", "--y", "nope"]) == 2
    assert ":1: error: no column 'nope'" in capsys.readouterr().err

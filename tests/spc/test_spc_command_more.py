"""qisite spc: Pareto, --same-date, --shift/--trend."""
import json

import pytest

from qisite import cli


def run(argv, capsys):
    code = cli.main(["spc", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_pareto_json_is_the_site_computation(tmp_path, capsys):
    path = tmp_path / "reasons.csv"
    path.write_text("reason,count\nlanguage,5\ncost,12\ntime,NA\nlanguage,3\ntransport,0\n", encoding="utf-8")
    code, out, err = run([path, "--chart", "pareto", "--x", "reason", "--y", "count", "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["chart"] == "pareto"
    assert doc["categories"] == ["cost", "language", "transport"]      # missing counts skipped
    assert doc["counts"] == [12.0, 8.0, 0.0] and doc["cumulative_percent"] == [60.0, 100.0, 100.0]


def test_pareto_needs_categories(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text("count\n1\n", encoding="utf-8")
    code, _, err = run([path, "--chart", "pareto", "--y", "count"], capsys)
    assert code == 2 and "--x, the category column" in err


def test_same_date_mean(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text("day,v\n1,2\n1,4\n2,5\n3,7\n", encoding="utf-8")
    code, out, _ = run([path, "--chart", "run", "--x", "day", "--y", "v", "--same-date", "mean", "--json"], capsys)
    assert code == 0 and [p["y"] for p in json.loads(out)["points"]] == [3.0, 5.0, 7.0]
    code, out, _ = run([path, "--chart", "run", "--x", "day", "--y", "v", "--json"], capsys)
    assert [p["y"] for p in json.loads(out)["points"]] == [6.0, 5.0, 7.0]


@pytest.mark.parametrize("rules,shift,expected", [("nhs", None, 7), ("nhs", 6, 6), ("ihi", 9, 9), ("anhoej", None, None)])
def test_shift_flag(tmp_path, capsys, rules, shift, expected):
    path = tmp_path / "d.csv"
    path.write_text("v\n" + "\n".join(str(v) for v in [1, 3] * 10) + "\n", encoding="utf-8")
    argv = [path, "--chart", "i", "--y", "v", "--rules", rules, "--json"] + (["--shift", shift] if shift else [])
    code, out, _ = run(argv, capsys)
    assert code == 0 and json.loads(out)["shift"] == expected

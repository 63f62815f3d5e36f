"""``qisite equity`` and ``qisite funnel`` as a user runs them (subprocess): the JSON contracts of issue #10."""
import json

import pytest
from phe_data import DATA

from support import run_qisite

EQUITY_KEYS = {"chart", "reference", "ordered", "periods"}
PERIOD_KEYS = {"x", "groups", "gaps", "sii", "sii_lower95", "sii_upper95", "rii", "rii_lower95", "rii_upper95"}


def _equity_csv(tmp_path):
    path = tmp_path / "screening.csv"
    lines = ["quarter,imd,screened,eligible"]
    for q, shift in (("2024-01", 0), ("2024-04", 5)):
        for i in range(5):
            lines.append(f"{q},IMD {i + 1},{300 + 40 * i + shift}.5,{600 + 10 * i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _equity(path, *extra):
    return run_qisite("equity", path, "--x", "quarter", "--y", "screened", "--n", "eligible", "--group", "imd",
                      "--reference", "IMD 5", *extra)


def test_equity_json_contract(tmp_path):
    path = _equity_csv(tmp_path)
    done = _equity(path, "--order", "IMD 1,IMD 2,IMD 3,IMD 4,IMD 5", "--multiply", "100", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == EQUITY_KEYS
    assert doc["chart"] == "p" and doc["reference"] == "IMD 5" and doc["ordered"][0] == "IMD 1"
    period = doc["periods"][0]
    assert set(period) == PERIOD_KEYS
    assert set(period["groups"][0]) == {"group", "y", "n", "value", "lower95", "upper95"}
    assert set(period["gaps"][0]) == {"group", "absolute", "relative", "people"}
    assert [g["group"] for g in period["gaps"]] == ["IMD 1", "IMD 2", "IMD 3", "IMD 4"]
    q1 = period["groups"][0]
    assert q1["y"] == 300.5 and q1["value"] == 300.5 / 600 * 100          # fractional counts, × multiply
    assert period["sii"] > 0 and period["sii_lower95"] < period["sii"] < period["sii_upper95"]
    again = _equity(path, "--order", "IMD 1,IMD 2,IMD 3,IMD 4,IMD 5", "--multiply", "100", "--json")
    assert again.stdout == done.stdout   # fixed seed: a rerun gives the same limits


def test_equity_without_order_has_null_sii_and_a_readable_table(tmp_path):
    path = _equity_csv(tmp_path)
    doc = json.loads(_equity(path, "--json").stdout)
    assert doc["ordered"] is None and all(p["sii"] is None and p["rii"] is None for p in doc["periods"])
    table = _equity(path, "--chart", "u")
    assert table.returncode == 0 and "people behind gap" in table.stdout and "reference" in table.stdout


def test_equity_errors_are_located(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("quarter,imd,screened,eligible\n2024-01,IMD 1,70,60\n", encoding="utf-8")
    done = _equity(path)
    assert done.returncode == 2
    assert f"{path}:2:" in done.stderr and "more than its denominator" in done.stderr
    unknown = _equity(_equity_csv(tmp_path), "--order", "IMD 1,IMD 9")
    assert unknown.returncode == 2 and "IMD 9" in unknown.stderr


def test_funnel_json_contract():
    """PHEindicatormethods' proportion funnel inputs (testdata_funnel_prop_inputs.csv, 093fd288)."""
    done = run_qisite("funnel", DATA / "phe_funnel_prop_inputs.csv", "--unit", "Area", "--y", "numerator",
                      "--n", "denominator", "--chart", "p", "--multiply", "100", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {"chart", "target", "units"}
    unit = doc["units"][0]
    assert set(unit) == {"unit", "y", "n", "value", "lower95", "upper95", "lower998", "upper998", "outside95", "outside998"}
    assert unit["unit"] == "New Forest PCT" and unit["outside998"] is True   # PHE: High (0.001)
    assert doc["target"] == pytest.approx(sum(u["y"] for u in doc["units"]) / sum(u["n"] for u in doc["units"]) * 100, rel=1e-12)


def test_funnel_table_and_a_missing_column():
    table = run_qisite("funnel", DATA / "phe_funnel_prop_inputs.csv", "--unit", "Area", "--y", "numerator",
                       "--n", "denominator", "--chart", "p", "--overdispersion")
    assert table.returncode == 0 and "Laney" in table.stdout
    bad = run_qisite("funnel", DATA / "phe_funnel_prop_inputs.csv", "--unit", "Area", "--y", "numerator",
                     "--n", "denominatr", "--chart", "p")
    assert bad.returncode == 2 and "did you mean 'denominator'" in bad.stderr


def test_svg_outputs(tmp_path):
    out = tmp_path / "funnel.svg"
    done = run_qisite("funnel", DATA / "phe_funnel_prop_inputs.csv", "--unit", "Area", "--y", "numerator",
                      "--n", "denominator", "--chart", "p", "--multiply", "100", "--svg", out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").count('class="qisite-funnel-unit"') == 303
    sii_out = tmp_path / "sii.svg"
    done = _equity(_equity_csv(tmp_path), "--order", "IMD 1,IMD 2,IMD 3,IMD 4,IMD 5", "--svg", sii_out)
    assert done.returncode == 0, done.stderr
    assert sii_out.read_text(encoding="utf-8").count('class="qisite-sii-interval"') == 2
    refused = _equity(_equity_csv(tmp_path), "--svg", sii_out)
    assert refused.returncode == 2 and "--order" in refused.stderr

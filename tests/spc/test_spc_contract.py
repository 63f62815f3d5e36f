"""The JSON of ``qisite spc`` is a contract: these files were written by the
command before its speed work (commit 5a2f331: ``json.dump`` through the
pure-Python encoder, CSV read row by row), and every field they hold must read
the same today. New fields may be added (docs/spc.md, "JSON contract"); none
may change or disappear.
"""
import json
from pathlib import Path

import numpy as np
import pytest

from qisite import cli

HERE = Path(__file__).parent / "contract"
CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))


def _same(old, new, where="$"):
    """Every key and value of ``old`` is in ``new`` (``new`` may add keys)."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            assert key in new, f"{where}.{key} disappeared"
            _same(value, new[key], f"{where}.{key}")
    elif isinstance(old, list):
        assert isinstance(new, list) and len(new) == len(old), where
        for k, (a, b) in enumerate(zip(old, new)):
            _same(a, b, f"{where}[{k}]")
    else:
        assert type(old) is type(new) and old == new, f"{where}: {old!r} became {new!r}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_reads_as_before(name, capsys, monkeypatch):
    monkeypatch.chdir(HERE)
    code = cli.main(["spc", *CASES[name], "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.endswith("}\n") and out.count("\n") == 1
    _same(json.loads((HERE / f"{name}.json").read_text(encoding="utf-8")), json.loads(out))


# -- the fast writer is json.dumps, character for character ---------------------

import datetime as dt  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from qisite.spc import analyse, summarise  # noqa: E402


def _reference(result, extra):
    return json.dumps({**result.to_dict(), **extra}, ensure_ascii=False, allow_nan=False)


@pytest.mark.parametrize("kwargs", [
    {"chart": "i"}, {"chart": "run", "rules": "ihi"}, {"chart": "p", "rules": "nhs", "direction": "increase", "target": 0.3},
    {"chart": "u", "multiply": 1000, "parts": [20]}, {"chart": "c", "exclude": [3, 4]}, {"chart": "mr"},
    {"chart": "t"}, {"chart": "g", "rules": "nhs"},
    {"chart": "i", "rules": "nhs", "direction": "increase", "trajectory": [None] * 20 + [0.5] * 10 + [0.25] * 10},
    {"chart": "ip", "centre": 0.3, "limits": (0.1, 0.5)},
])
def test_to_json_is_json_dumps(kwargs):
    rng = np.random.default_rng(7)
    n = rng.integers(20, 60, 40).astype(float)
    y = rng.binomial(n.astype(int), 0.3).astype(float)
    y[[5, 17]] = np.nan
    y[9] = -0.0 if kwargs["chart"] == "i" else y[9]
    x = [f"2024-{1 + k // 28:02d}-{1 + k % 28:02d} “ü”" for k in range(40)]
    args = (y.tolist(), n.tolist() if kwargs["chart"] in ("p", "u", "ip") else None)
    result = analyse(*args, x=x, **kwargs)
    extra = {"summary": summarise(result, *args).to_dict()}
    assert result.to_json(extra) == _reference(result, extra)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False), st.sampled_from([0.0, -0.0, 1.0, 2.5])),
                min_size=1, max_size=300),
       st.sampled_from(["run", "i", "c", "mr"]), st.sampled_from(["anhoej", "ihi", "nhs"]),
       st.booleans())
def test_to_json_property(values, chart, rules, dated):
    if chart == "c":
        values = [None if v is None else abs(round(v)) for v in values]
    x = [dt.date(2020, 1, 1) + dt.timedelta(days=k) for k in range(len(values))] if dated else None
    result = analyse(values, chart=chart, rules=rules, x=x, direction="decrease")
    assert result.to_json({}) == _reference(result, {})


# -- the column-by-column CSV path reads what read_table reads ---------------------

from qisite.load.tables import plain_columns, read_table  # noqa: E402
from qisite.load.values import parse_number, plain_numbers  # noqa: E402
from qisite.problems import CellError, Problems  # noqa: E402


@pytest.mark.parametrize("text", [
    "a,b\n1,2\n3,4\n", "\ufeffa;b\r\n1;2\r\n3;4\r\n", "a\tb\n 1 \t2\n", "a,b\n1,NA\n,4\n",
    "a,b\n1\u20282,3\n",   # csv does not end a row at U+2028, and neither does the plain path
])
def test_plain_columns_match_read_table(tmp_path, text):
    path = tmp_path / "d.csv"
    path.write_bytes(text.encode("utf-8"))
    fast = plain_columns(path, ["a", "b"])
    table = read_table(path, Problems())
    assert fast == {c: [r.cells[c] for r in table.rows] for c in ("a", "b")}


@pytest.mark.parametrize("text", [
    'a,b\n"1",2\n', "a,b\n1,2\n\n3,4\n", "a,b\n1,2,3\n", "a,b\n1\n", "a,a\n1,2\n", "Title\na,b\n1,2\n",
])
def test_anything_unusual_goes_the_located_way(tmp_path, text):
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    assert plain_columns(path, ["a", "b"]) is None


@pytest.mark.parametrize("cells", [
    ["1", "2.5", " 3 ", "-1e3", ".5", "1_000", "+4"], ["", "NA", "n/a", "nan", "-", "7"], ["NaN", "None", "null"],
    ["1%"], ["1,5"], ["1,000"], ["inf"], ["+nan"], ["#DIV/0!"], ["abc"], ["١٢"],
])
def test_plain_numbers_match_parse_number(cells):
    def one(cell):
        value = parse_number(cell)
        return float("nan") if value is None else value
    try:
        expected = [one(c) for c in cells]
    except CellError:
        expected = None
    got = plain_numbers(cells)
    if got is None:
        return  # read_table and parse_number take over, as before
    assert expected is not None and np.allclose(got, expected, equal_nan=True)

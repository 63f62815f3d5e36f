"""The JSON of ``qisite spc`` is a contract: these files were written by the
command before its speed work (commit 5a2f331: ``json.dump`` through the
pure-Python encoder, CSV read row by row), and every field they hold must read
the same today. New fields may be added (docs/spc.md, "JSON contract"); none
may change or disappear.
"""
import json
from pathlib import Path

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

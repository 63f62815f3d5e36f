"""PHEindicatormethods' published test data (commit 093fd288, tests/testthat/), as CSV fixtures.

See data/README.md for which file each fixture was extracted from."""
import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PHE_COMMIT = "093fd288"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def number(text: str) -> float | None:
    return None if text == "" else float(text)

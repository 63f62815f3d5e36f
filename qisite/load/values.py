"""Cell values as teams' spreadsheets write them: dates and numbers.

Each parser returns the value, or raises :class:`CellError` with a message and a
hint; the caller adds the file and line.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from qisite.problems import CellError

MISSING = {"", "na", "n/a", "#n/a", "null", "none", "-", "nan"}
EXCEL_ERRORS = {"#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!"}
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_PLAIN_NUMBER = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?")   # what float() reads as every path below would: most cells
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")
_NAMED_MONTH = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2,4})$")
_ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_ONLY = re.compile(r"^[A-Za-z]{3,9}\.?[ -]'?\d{2,4}$")  # Jan-23, Sept 2023
_SUMMARY_WORDS = {"total", "totals", "sum", "average", "mean", "median", "overall", "grand"}
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0, allowing for its 1900 leap-year bug


def shown(raw: str, limit: int = 40) -> str:
    """A cell's text for a message: its first line, shortened."""
    first = raw.splitlines()[0] if raw.splitlines() else raw
    more = len(first) > limit or first != raw
    return first[:limit] + ("…" if more else "")


def parse_number(text: str, decimal_comma: bool = False) -> float | None:
    """A number, or None for a missing value (empty, NA, #N/A)."""
    raw = text.strip()
    if _PLAIN_NUMBER.fullmatch(raw):
        return float(raw)
    if raw.lower() in MISSING:
        return None
    if raw.lower() in EXCEL_ERRORS:
        raise CellError(f"'{shown(raw)}' is a spreadsheet error, not a number",
                        "fix the formula in the spreadsheet, or leave the cell empty for a missing value")
    cleaned = raw.rstrip("%").strip() if raw.endswith("%") else raw
    if _THOUSANDS.match(cleaned) and not decimal_comma:
        cleaned = cleaned.replace(",", "")
    elif decimal_comma and _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise CellError(f"'{shown(raw)}' is not a number", "write digits only, e.g. 12 or 0.5; leave the cell empty if the value is missing") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError(f"'{shown(raw)}' is not a finite number")
    return value


def plain_numbers(cells: list[str]) -> list[float] | None:
    """A column as :func:`parse_number` reads it cell by cell — floats, NaN
    for a missing value — in one pass, or None when some cell needs
    :func:`parse_number` itself (percent signs, thousands separators, decimal
    commas, words, spreadsheet errors, infinities): ``float`` accepts exactly
    what ``parse_number`` accepts once those are set aside."""
    try:
        values = list(map(float, cells))
        if all(map(math.isfinite, values)):
            return values
    except ValueError:
        pass
    try:
        return [_NAN if c.strip().lower() in MISSING else _finite(float(c)) for c in cells]
    except ValueError:
        return None


_NAN = float("nan")


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(value)
    return value


@functools.lru_cache(maxsize=16384)
def parse_date(text: str, date_format: str = "iso") -> dt.date:
    """A date written ISO, or day-first / month-first when the format says so. Remembered: a network's
    files write the same few hundred dates again and again (a failure raises again, it is not kept)."""
    raw = text.strip()
    if not raw:
        raise CellError("the date is empty", "every row needs a date; delete rows with no data")
    iso = _parse_iso(raw)
    if iso is not None:
        return iso
    if raw.isdigit() and 20000 <= int(raw) <= 80000:
        meant = (_EXCEL_EPOCH + dt.timedelta(days=int(raw))).isoformat()
        raise CellError(f"'{raw}' looks like an Excel serial day number (for {meant}), not a date",
                        "format the column as a date in Excel before saving as CSV")
    if date_format in ("dayfirst", "monthfirst"):
        parsed = _parse_local(raw, dayfirst=date_format == "dayfirst")
        if parsed is not None:
            return parsed
        raise CellError(f"'{shown(raw)}' is not a date", _date_hint(raw, date_format))
    raise CellError(f"'{shown(raw)}' is not a date in YYYY-MM-DD form", _date_hint(raw, date_format))


def _date_hint(raw: str, date_format: str) -> str:
    """How to fix a cell that is not a date: the likely cause first."""
    if _MONTH_ONLY.match(raw):
        return "write the first day of each period, e.g. 2023-01-01 (in Excel, format the column as yyyy-mm-dd before saving)"
    if raw.split()[0].lower().rstrip(":") in _SUMMARY_WORDS:
        return "delete summary rows such as totals and averages: each row is one period"
    if date_format == "dayfirst":
        return "write dates as 31/01/2021 (dayfirst)"
    if date_format == "monthfirst":
        return "write dates as 01/31/2021 (monthfirst)"
    if _NUMERIC_DATE.match(raw) or _NAMED_MONTH.match(raw):
        return "for UK dates such as 31/01/2021 set 'date_format: dayfirst' on the measure or in site.yaml"
    return "write dates as YYYY-MM-DD"


def _parse_iso(raw: str) -> dt.date | None:
    with_time = _ISO_WITH_TIME.match(raw)
    if with_time:
        raw = with_time.group(1)
    year_month = _YEAR_MONTH.match(raw)
    if year_month:
        raw = f"{raw}-01"
    if re.match(r"^\d{4}-\d{2}-\d{2}$", raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise CellError(f"'{raw}' is not a real date", "check the day and month") from None
    return None


def _parse_local(raw: str, dayfirst: bool) -> dt.date | None:
    raw = raw.split(" ")[0] if re.match(r"^\S+ \d{1,2}:\d{2}", raw) else raw
    numeric = _NUMERIC_DATE.match(raw)
    if numeric:
        a, b, c = numeric.groups()
        if len(a) == 4:  # 2021/01/31
            year, month, day = int(a), int(b), int(c)
        else:
            day, month = (int(a), int(b)) if dayfirst else (int(b), int(a))
            year = _full_year(c)
        return _make_date(raw, year, month, day)
    named = _NAMED_MONTH.match(raw)
    if named:
        day_text, month_name, year_text = named.groups()
        named_month = _MONTHS.get(month_name[:3].lower())
        if named_month is None:
            return None
        return _make_date(raw, _full_year(year_text), named_month, int(day_text))
    return None


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _make_date(raw: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"'{raw}' is not a real date", "check the day and month order (date_format)") from None

import datetime as dt

import pytest

from qisite.load.values import CellError, parse_date, parse_number


@pytest.mark.parametrize("text, fmt, expected", [
    ("2020-08-10", "iso", dt.date(2020, 8, 10)),
    ("2020-08-10 00:00:00", "iso", dt.date(2020, 8, 10)),  # Excel datetime export
    ("2020-08", "iso", dt.date(2020, 8, 1)),
    ("10/08/2020", "dayfirst", dt.date(2020, 8, 10)),
    ("10.08.2020", "dayfirst", dt.date(2020, 8, 10)),
    ("10-Aug-20", "dayfirst", dt.date(2020, 8, 10)),
    ("10 August 2020", "dayfirst", dt.date(2020, 8, 10)),
    ("08/10/2020", "monthfirst", dt.date(2020, 8, 10)),
    ("2020-08-10", "dayfirst", dt.date(2020, 8, 10)),
])
def test_dates(text, fmt, expected):
    assert parse_date(text, fmt) == expected


@pytest.mark.parametrize("text, fmt, hint", [
    ("10/08/2020", "iso", "dayfirst"),
    ("44053", "iso", "Excel"),
    ("2020-02-30", "iso", "day and month"),
    ("31/31/2020", "dayfirst", "day and month"),
    ("", "iso", "every row needs a date"),
])
def test_bad_dates_say_how_to_fix(text, fmt, hint):
    with pytest.raises(CellError) as info:
        parse_date(text, fmt)
    assert hint in info.value.hint + info.value.message


@pytest.mark.parametrize("text, expected", [
    ("12", 12.0), (" 3.5 ", 3.5), ("1,234", 1234.0), ("67%", 67.0), ("", None), ("NA", None), ("#N/A", None),
])
def test_numbers(text, expected):
    assert parse_number(text) == expected


def test_decimal_comma_in_semicolon_files():
    assert parse_number("0,67", decimal_comma=True) == 0.67


@pytest.mark.parametrize("text", ["#DIV/0!", "abc", "inf", "1.2.3"])
def test_bad_numbers(text):
    with pytest.raises(CellError):
        parse_number(text)

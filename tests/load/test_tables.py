from qisite.load.tables import read_table
from qisite.problems import Problems


def table(tmp_path, data: bytes):
    path = tmp_path / "d.csv"
    path.write_bytes(data)
    problems = Problems()
    return read_table(path, problems), problems


def test_utf8_bom_and_crlf(tmp_path):
    t, problems = table(tmp_path, "\ufeffdate,value\r\n2020-01-01,1\r\n\r\n2020-02-01,2\r\n,\r\n".encode("utf-8"))
    assert not problems.items
    assert t.columns == ("date", "value")
    assert [(r.line, r.cells["value"]) for r in t.rows] == [(2, "1"), (4, "2")]


def test_windows_1252(tmp_path):
    t, problems = table(tmp_path, "date,group\n2020-01-01,Sainte-Anne\u2019s\n".encode("cp1252"))
    assert not problems.items and t.rows[0].cells["group"] == "Sainte-Anne\u2019s"


def test_semicolons_and_quoted_newlines_keep_line_numbers(tmp_path):
    t, problems = table(tmp_path, b'date;value;note\n2020-01-01;0,5;"two\nlines"\n2020-02-01;1;x\n')
    assert t.delimiter == ";" and t.decimal_comma
    assert [r.line for r in t.rows] == [2, 4]


def test_header_problems(tmp_path):
    _, problems = table(tmp_path, b"date,value,value\n2020-01-01,1,2\n")
    assert "twice" in problems.errors[0].message and problems.errors[0].where.line == 1
    _, problems = table(tmp_path, b"")
    assert "empty" in problems.errors[0].message


def test_trailing_excel_columns_are_ignored(tmp_path):
    t, problems = table(tmp_path, b"date,value,,\n2020-01-01,1,,\n")
    assert t.columns == ("date", "value") and not problems.items


def test_a_file_of_empty_quoted_cells_is_reported_not_crashed(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text('""\n""\n', encoding="utf-8")
    problems = Problems()
    assert read_table(path, problems) is None
    (error,) = problems.errors
    assert "no column names" in error.message and error.where.line == 1

"""CSV files as Excel and other tools export them.

Reads UTF-8, UTF-8 with a byte-order mark and Windows-1252; detects comma,
semicolon or tab delimiters; skips blank rows; keeps each row's line number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from qisite.load.files import FileRefusedError, limit_from_environment, read_inside
from qisite.problems import Location, Problems


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Table:
    path: Path
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    delimiter: str = ","
    header_line: int = 1

    @property
    def decimal_comma(self) -> bool:
        """Semicolon-delimited files (European Excel) write 0,5 for 0.5."""
        return self.delimiter == ";"


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as Excel on Windows saves."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


MAX_ROWS_VARIABLE = "QISITE_MAX_ROWS"
DEFAULT_MAX_ROWS = 100_000


def read_table(path: Path, problems: Problems, inside: Path | None = None) -> Table | None:
    """Read a CSV file; on failure add a located problem and return None.

    With ``inside``, the file must lie in that folder once links are followed;
    it must always be a regular file within the size and row limits."""
    try:
        data = read_inside(path, path.resolve().parent if inside is None else inside)
    except FileNotFoundError:
        problems.error(Location(path), "data file not found", "check the 'data' path in measures.yaml; it is relative to the project folder")
        return None
    except FileRefusedError as refused:
        problems.error(Location(path), refused.message, refused.hint)
        return None
    except OSError as exc:
        problems.error(Location(path), f"cannot read the data file: {exc.strerror}")
        return None
    binary = _binary_kind(data)
    if binary:
        problems.error(Location(path), f"this is {binary}, not a CSV file",
                       "in Excel use File > Save As > 'CSV UTF-8 (Comma delimited)', and name the .csv file in measures.yaml")
        return None
    text = decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip().strip(",;\t")), None)
    if first is None:
        problems.error(Location(path, 1), "the data file is empty", "the first line must name the columns, e.g. date,value")
        return None
    delimiter = _delimiter(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[Row] = []
    header_line = first + 1
    max_rows = limit_from_environment(MAX_ROWS_VARIABLE, DEFAULT_MAX_ROWS)
    try:
        line = 1
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = _header(record, path, start, problems)
                header_line = start
                if header is None:
                    return None
                continue
            if not rows and _title_row(header, record):
                problems.error(Location(path, header_line), f"the first row, '{header[0]}', looks like a title, not the column names",
                               f"delete the rows above the column names, so that the first row is {', '.join(c.strip() for c in record)}"
                               if not _looks_like_data(record) else "delete the title row, so that the first row names the columns")
                return None
            if reader.line_num >= len(lines) and _unclosed_quote(record, text):
                problems.error(Location(path, start), "a quote mark on this line is never closed, so the rest of the file reads as one cell",
                               'remove the stray " or add the closing one')
                return None
            if len(rows) == max_rows:
                problems.error(Location(path, start), f"the data file has more than {max_rows:,} rows, the limit",
                               "a run chart needs one row per period: summarise the data first, or raise the limit "
                               f"with the environment variable {MAX_ROWS_VARIABLE}")
                return None
            rows.append(Row(start, _cells(header, record, path, start, problems)))
    except csv.Error as exc:
        problems.error(Location(path, reader.line_num), f"the CSV is malformed: {exc}", "check for an unclosed quote mark")
        return None
    if header is None:  # only empty quoted cells, e.g. a line `""`: as good as empty
        problems.error(Location(path, 1), "the data file has no column names, only empty cells",
                       "the first line must name the columns, e.g. date,value")
        return None
    return Table(path, tuple(header), tuple(rows), delimiter, header_line)


def _binary_kind(data: bytes) -> str:
    """What a file that is not text is, in words; empty for text."""
    if data.startswith(b"PK\x03\x04"):
        return "an Excel workbook (.xlsx) or another zipped file"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old-style Excel workbook (.xls)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text (Excel's 'Unicode Text')"
    if b"\x00" in data[:4096]:
        return "a binary file"
    return ""


def _title_row(header: list[str], record: list[str]) -> bool:
    """One name over rows of several cells: a report title above the real header."""
    return len(header) == 1 and sum(1 for cell in record if cell.strip()) >= 2


def _looks_like_data(record: list[str]) -> bool:
    return any(cell.strip()[:1].isdigit() for cell in record)


def _unclosed_quote(record: list[str], text: str) -> bool:
    """A record that ran to the end of the file inside an unclosed quote."""
    return any("\n" in cell for cell in record) and text.count('"') % 2 == 1


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _header(record: list[str], path: Path, line: int, problems: Problems) -> list[str] | None:
    names = [cell.strip() for cell in record]
    while names and not names[-1]:  # Excel's trailing empty columns
        names.pop()
    seen = set()
    for index, name in enumerate(names, start=1):
        if not name:
            problems.error(Location(path, line, index), f"column {index} has no name", "give every column a name in the first row")
            return None
        if name in seen:
            problems.error(Location(path, line), f"the column name '{name}' appears twice", "rename one of the columns")
            return None
        seen.add(name)
    return names


def _cells(header: list[str], record: list[str], path: Path, line: int, problems: Problems) -> dict[str, str]:
    extra = record[len(header):]
    if any(cell.strip() for cell in extra):
        problems.warning(Location(path, line), f"this row has {len(record)} cells but the header names {len(header)} columns",
                         "the extra cells are ignored; check for a comma inside an unquoted value")
    if len(record) >= len(header):   # (most rows: each cell of the header's columns, in C)
        return dict(zip(header, record))
    return {name: (record[i] if i < len(record) else "") for i, name in enumerate(header)}


_BLANK_LINE = re.compile(r"^[ \t,;]*$", re.MULTILINE)


def plain_columns(path: Path, wanted: list[str]) -> dict[str, list[str]] | None:
    """The cells of the ``wanted`` columns of a plain CSV file, read column by
    column (``qisite spc`` on 100,000 rows), or None when the file is not plain
    — quotes, blank rows, short or long rows, a header :func:`read_table` would
    question, too many rows, any read failure — so that the caller falls back
    on :func:`read_table`, which reads the same cells and locates every problem."""
    try:
        data = read_inside(path, path.resolve().parent)
    except (OSError, FileRefusedError):
        return None
    if _binary_kind(data):
        return None
    text = decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if '"' in text or "\r" in text:
        return None
    text = text.rstrip("\n")
    lines = text.split("\n")  # as csv does: never at \u2028 or \x0b, as splitlines would
    if len(lines) < 2 or _BLANK_LINE.search(text):
        return None
    delimiter = _delimiter(lines[0])
    header = [name.strip() for name in lines[0].split(delimiter)]
    rows = lines[1:]
    if (not all(header) or len(set(header)) != len(header) or any(c not in header for c in wanted)
            or len(rows) > limit_from_environment(MAX_ROWS_VARIABLE, DEFAULT_MAX_ROWS)
            or text.count(delimiter) != len(lines) * (len(header) - 1)):
        return None
    # every row has exactly the header's cells: one split of the whole text, then a stride per column
    width = len(header)
    cells = text.replace("\n", delimiter).split(delimiter) if width > 1 else lines
    return {name: cells[width + header.index(name)::width] for name in wanted}

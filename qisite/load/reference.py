"""The reference tables of docs/format.md, generated from the declarations.

Each YAML file's section of the document holds a block between two marker
comments; this module writes into that block one table per record (the file's
own keys, then each nested record: ``aim``, ``sources[]`` …) from the records of
:mod:`qisite.load.records`, so the document cannot drift from the code. The block named ``squire`` is the
table of SQUIRE 2.0's items and the keys that answer each (:mod:`qisite.squire`).

    python -m qisite.load.reference            rewrite the tables in docs/format.md
    python -m qisite.load.reference --check    exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qisite.load.kinds import Kind, ListOf, Record
from qisite.load.records import FILES
from qisite.squire import ITEMS

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "format.md"
COMMAND = "python -m qisite.load.reference"
BEGIN = re.compile(r"^<!-- reference: (?P<file>\S+) .*-->$", re.MULTILINE)
END = "<!-- end of reference -->"


def nested_records(record: Record, path: str = "", seen: set[int] | None = None) -> Iterator[tuple[str, Record]]:
    """``(path, record)`` for the record and every record inside it, depth first
    (a record met a second time is yielded again, but not its insides)."""
    seen = set() if seen is None else seen
    yield path, record
    if id(record) in seen:
        return
    seen.add(id(record))
    for name, spec in record.fields.items():
        kind, name_path = spec.kind, f"{path}.{name}" if path else name
        while isinstance(kind, ListOf):
            kind, name_path = kind.item, name_path + "[]"
        if isinstance(kind, Record):
            yield from nested_records(kind, name_path, seen)


def kind_text(kind: Kind) -> str:
    """What a value of this kind is, in the words the error messages use."""
    if isinstance(kind, ListOf):
        return f"a list, each {kind_text(kind.item)}"
    return kind.description


def default_text(value: Any) -> str:
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, float) and value.is_integer():
        return f"`{int(value)}`"
    if isinstance(value, tuple):
        return ", ".join(f"`{getattr(item, 'id', item)}`" for item in value)
    if dataclasses.is_dataclass(value):  # a nested record: its own table gives the defaults
        return "see below"
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def record_table(record: Record) -> str:
    rows = ["| Key | Required | Value | Default | Meaning |", "|---|---|---|---|---|"]
    for name, spec in record.fields.items():
        cells = (f"`{name}`", "yes" if spec.required else "no", kind_text(spec.kind),
                 "" if spec.required else default_text(spec.default), spec.doc)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def file_reference(file_name: str) -> str:
    """The tables of one file: its keys, then each nested record's."""
    parts: list[str] = []
    shown: dict[int, str] = {}
    for path, record in nested_records(FILES[file_name]):
        if id(record) in shown:  # the same record under a second key
            parts.append(f"`{path}`: {record.title}, with the keys of `{shown[id(record)]}`\n")
            continue
        shown[id(record)] = path
        if path:
            parts.append(f"`{path}`: {record.title}\n")
        parts.append(record_table(record) + "\n")
    return "\n".join(parts)


def squire_reference() -> str:
    """The table of SQUIRE 2.0's items and the keys that answer each (qisite.squire)."""
    rows = ["| Item | SQUIRE asks for | Answered by | Covered when |", "|---|---|---|---|"]
    for item in ITEMS:
        keys = ", ".join(f"`{key}`" for key in item.keys)
        cells = (f"{item.number}. {item.name}", item.asks, keys, item.covered_when)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


TABLES = {"squire": ("qisite/squire.py", squire_reference)}
"""Reference blocks that are not a file's keys: name → (where declared, the table)."""


def render(document: str) -> str:
    """The document with every reference block regenerated."""
    pieces, position = [], 0
    for begin in BEGIN.finditer(document):
        name = begin["file"]
        if name not in FILES and name not in TABLES:
            raise ValueError(f"{DOCUMENT.name}: no record for '{name}' (files: {', '.join(FILES)})")
        end = document.find(END, begin.end())
        if end < 0:
            raise ValueError(f"{DOCUMENT.name}: the reference block of {name} has no '{END}'")
        source, table = (TABLES[name][0], TABLES[name][1]()) if name in TABLES else ("qisite/model.py", file_reference(name))
        marker = f"<!-- reference: {name} (generated from {source} by `{COMMAND}`; do not edit) -->"
        pieces += [document[position:begin.start()], marker, "\n\n", table, "\n"]
        position = end
    return "".join(pieces) + document[position:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description="Generate the reference tables of docs/format.md.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the tables are out of date; write nothing")
    parser.add_argument("document", nargs="?", type=Path, default=DOCUMENT, help="the document (default: docs/format.md)")
    args = parser.parse_args(argv)
    current = args.document.read_text(encoding="utf-8")
    wanted = render(current)
    if wanted == current:
        print(f"{args.document}: the reference tables are up to date")
        return 0
    if args.check:
        print(f"{args.document}: the reference tables are out of date; run {COMMAND}", file=sys.stderr)
        return 1
    args.document.write_text(wanted, encoding="utf-8")
    print(f"{args.document}: reference tables written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

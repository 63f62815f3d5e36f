"""Located problems: what is wrong, where, and how to fix it.

Every user-facing fault in qisite is a :class:`Problem`. Loading collects them
instead of stopping at the first, so a team sees every mistake in one run.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column; 0 where unknown."""

    file: Path
    line: int = 0
    column: int = 0

    def at(self, line: int, column: int = 0) -> "Location":
        return Location(self.file, line, column)


@dataclass(frozen=True)
class Problem:
    severity: str
    where: Location
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, relative_to: Path | None = None) -> str:
        """``file:line:col: severity: message (hint)``, as compilers print."""
        text = f"{self.display_path(relative_to)}"
        if self.where.line:
            text += f":{self.where.line}"
            if self.where.column:
                text += f":{self.where.column}"
        text += f": {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def display_path(self, relative_to: Path | None = None) -> str:
        path = Path(self.where.file)
        if relative_to is not None:
            for candidate in (Path(os.path.abspath(path)), path.resolve()):  # a link is named where it is, not where it leads
                try:
                    return candidate.relative_to(relative_to.resolve()).as_posix()
                except ValueError:
                    pass
        return path.as_posix()

    def to_dict(self, relative_to: Path | None = None) -> dict:
        return {
            "file": self.display_path(relative_to),
            "line": self.where.line or None,
            "column": self.where.column or None,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint or None,
        }


@dataclass
class Problems:
    """A collector that loaders append to."""

    items: list[Problem] = field(default_factory=list)

    def error(self, where: Location, message: str, hint: str = "") -> None:
        self.items.append(Problem(ERROR, where, message, hint))

    def warning(self, where: Location, message: str, hint: str = "") -> None:
        self.items.append(Problem(WARNING, where, message, hint))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or the empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(str(c) for c in choices)


class QisiteError(Exception):
    """A user-facing failure: printed as a message, never as a traceback."""

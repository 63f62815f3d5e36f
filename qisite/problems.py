"""Located problems: what is wrong, where, and how to fix it.

Every user-facing fault in qisite is a :class:`Problem`. Loading collects them
instead of stopping at the first, so a team sees every mistake in one run.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column; 0 where unknown."""

    file: Path
    line: int = 0
    column: int = 0

    def at(self, line: int, column: int = 0) -> Location:
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


# -- the error family -----------------------------------------------------------
#
# Everything qisite raises on purpose is a QisiteError. The command line turns
# one into a message on stderr and an exit code, never a traceback:
#
#   QisiteError   exit 2  a usage or build failure: wrong arguments, no network
#                         here, an output folder qisite will not replace
#   InputError    exit 2  a located fault in the user's file (``FILE:LINE: error:``)
#   CellError             a cell that cannot be read; its reader locates it (as a
#                         Problem, or an InputError) before it reaches the user
#   ChartError    exit 3  a chart could not be drawn: a bug in qisite, reported
#                         with how to report it
#
# Any other exception is a bug too (exit 3); an OSError from the machine (disk
# full, permission denied) is reported in plain words (exit 2).


class QisiteError(Exception):
    """A failure qisite reports itself: printed as a message, never as a traceback."""

    exit_code = 2
    #: True when the failure is a bug in qisite rather than in the user's files.
    internal = False

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        """Pickled whole, whatever its class's arguments (a build in another process raises it here)."""
        return _rebuilt_error, (type(self), self.__dict__.copy())


def _rebuilt_error(kind: type[QisiteError], state: dict) -> QisiteError:
    error = kind.__new__(kind)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class InputError(QisiteError):
    """A fault at a place in the user's input: ``FILE:LINE: error: message``."""

    def __init__(self, where: Location | Path | str, message: str, hint: str = ""):
        super().__init__(message, hint)
        self.where = where if isinstance(where, Location) else Location(Path(where))

    def __str__(self) -> str:
        return Problem(ERROR, self.where, self.message, self.hint).format()

    @classmethod
    def from_problem(cls, problem: Problem) -> InputError:
        return cls(problem.where, problem.message, problem.hint)


class CellError(QisiteError):
    """A spreadsheet cell that cannot be read (message and hint; the reader adds file and line)."""


class ChartError(QisiteError):
    """A chart could not be drawn (names the chart; the cause is chained). A bug in qisite."""

    exit_code = 3
    internal = True

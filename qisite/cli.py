"""The ``qisite`` command: one module per subcommand in :mod:`qisite.commands`.

What the command prints, and where:

- stdout carries each command's result: check's report, spc's table or JSON,
  build's problems and its summary line;
- stderr carries failures (``qisite: error: …``);
- ``-q`` leaves out the informational lines (summaries, "wrote …"), ``-v``
  adds the steps (on stderr); both work before or after the subcommand. Colour, if any,
  only on a terminal and never when ``NO_COLOR`` is set.

Exit codes (README, "Commands"): 0 ok; 1 check found errors, or a ``--strict``
check or build failed; 2 a usage error, a build failure or a machine error
(disk full, permission denied); 3 a bug in qisite; 130 interrupted (Ctrl-C);
141 the reader closed the pipe (``qisite check | head``), as a shell tool
killed by SIGPIPE reports.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from typing import ClassVar, TextIO

from qisite import __version__, collector
from qisite.problems import InputError, QisiteError

COMMANDS = ("build", "check", "equity", "export", "funnel", "new", "schema", "serve", "spc")

# commands return 0 (done) or 1 (check or strict failure) themselves; the rest are set here
USAGE, INTERNAL, INTERRUPTED, CLOSED_PIPE = 2, 3, 130, 141
REPORT_BUGS = ("This is a bug in qisite; please report it with the command you ran and the output above. "
               "Run again with -v (or QISITE_DEBUG=1) to see the traceback.")

log = logging.getLogger("qisite")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, the one subcommand that will run is
    registered (its module alone is imported: ``qisite spc`` starts in a
    tenth of the time the build pipeline's imports take)."""
    parser = argparse.ArgumentParser(prog="qisite", description="Static sites for quality-improvement projects and their spread.")
    parser.add_argument("--version", action="version", version=f"qisite {__version__}")
    add_verbosity(parser, default=0)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only in COMMANDS else COMMANDS:
        importlib.import_module(f"qisite.commands.{name}").register(subparsers)
    for command in subparsers.choices.values():
        # after the subcommand too; SUPPRESS keeps a flag given before it
        add_verbosity(command, default=argparse.SUPPRESS)
    return parser


def add_verbosity(parser: argparse.ArgumentParser, default) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("-q", "--quiet", action="count", default=default,
                       help="print only problems and errors (no summaries)")
    group.add_argument("-v", "--verbose", action="count", default=default,
                       help="also print each step (and the traceback of an internal error)")


def _command_named(argv: list[str]) -> str | None:
    """The subcommand when it is the first argument not an option (-q, -v)."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS and not any(a in ("-h", "--help", "--version") for a in argv[:argv.index(first)]) else None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(_command_named(sys.argv[1:] if argv is None else list(argv)))
    args = parser.parse_args(argv)
    verbosity = getattr(args, "verbose", 0) - getattr(args, "quiet", 0)
    configure_logging(verbosity)
    if not getattr(args, "func", None):
        parser.print_help()
        return USAGE
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except BrokenPipeError:
        return closed_pipe()
    except QisiteError as exc:
        return report_failure(exc, verbosity)
    except KeyboardInterrupt:
        return INTERRUPTED
    except OSError as exc:  # the machine, not qisite: disk full, permission denied, read-only
        log.error(describe_os_error(exc))
        return USAGE
    except Exception as exc:  # a bug in qisite, not in the user's files
        return report_bug(exc, verbosity)


def run() -> None:
    """The ``qisite`` command (and ``python -m qisite``): :func:`main`, then the process ends."""
    collector.ending_with_this_command()
    collector.exit_now(main())


def report_failure(exc: QisiteError, verbosity: int) -> int:
    if exc.internal:
        return report_bug(exc, verbosity)
    if isinstance(exc, InputError):  # already reads FILE:LINE: error: message, as check prints problems
        log.error(str(exc), extra={"located": True})
    else:
        log.error(str(exc) + (f"\n    hint: {exc.hint}" if exc.hint else ""))
    return exc.exit_code


def report_bug(exc: Exception, verbosity: int) -> int:
    if os.environ.get("QISITE_DEBUG"):  # the traceback as Python prints it, for a developer
        raise exc
    if verbosity > 0:
        traceback.print_exception(exc, file=sys.stderr)
    log.critical(f"{type(exc).__name__}: {exc}\n{REPORT_BUGS}")
    return INTERNAL


def closed_pipe() -> int:
    """The reader went away (``| head``): stop quietly, as the Python docs recommend —
    point stdout at devnull so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return CLOSED_PIPE


def describe_os_error(exc: OSError) -> str:
    """An OSError in plain words: what failed, on which file."""
    what = exc.strerror or str(exc)
    names = [str(name) for name in (exc.filename, exc.filename2) if name]
    return f"{' -> '.join(names)}: {what}" if names else what


# -- logging ----------------------------------------------------------------------

class _Only(logging.Filter):
    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno == self.level


class _Stream(logging.StreamHandler):
    """Writes to ``sys.stdout`` or ``sys.stderr`` as they are at each message (tests
    and embedding programs replace them), and lets a closed pipe end the command
    (logging would print a traceback of its own)."""

    def __init__(self, name: str):
        self.name_of_stream = name
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return getattr(sys, self.name_of_stream)

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass  # always the current sys.stdout / sys.stderr

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        error = sys.exc_info()[1]
        if isinstance(error, BrokenPipeError):
            raise error
        super().handleError(record)


class _ProblemFormatter(logging.Formatter):
    """``qisite: error: message``; the severity in colour only on a terminal without NO_COLOR."""

    SEVERITIES: ClassVar[dict[int, str]] = {logging.WARNING: "warning", logging.ERROR: "error", logging.CRITICAL: "internal error"}
    COLOURS: ClassVar[dict[int, str]] = {logging.WARNING: "33", logging.ERROR: "31", logging.CRITICAL: "31"}

    def __init__(self, stream: TextIO):
        super().__init__()
        self.colour = use_colour(stream)

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if getattr(record, "located", False) or record.levelno < logging.WARNING:
            return message
        severity = self.SEVERITIES.get(record.levelno, "error")
        if self.colour:
            severity = f"\033[{self.COLOURS.get(record.levelno, '0')};1m{severity}\033[0m"
        return f"qisite: {severity}: {message}"


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def configure_logging(verbosity: int) -> None:
    """On the ``qisite`` logger only: informational lines (summaries) to stdout with
    the results; steps (``-v``), warnings and errors to stderr, so that stdout
    stays parseable (``--format json``) whatever the verbosity."""
    log.handlers.clear()
    log.propagate = False
    log.setLevel(logging.WARNING if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO)
    info = _Stream("stdout")
    info.addFilter(_Only(logging.INFO))
    info.setFormatter(logging.Formatter("%(message)s"))
    problems = _Stream("stderr")
    problems.addFilter(lambda record: record.levelno != logging.INFO)
    problems.setFormatter(_ProblemFormatter(sys.stderr))
    log.addHandler(info)
    log.addHandler(problems)

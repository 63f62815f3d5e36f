"""Reading a file only from where it belongs: the one confinement rule.

Every file qisite reads (YAML, story.md, CSV data, a network's templates and
static files) must resolve, after following any symbolic link, inside the
folder it belongs to (its project folder, or the network's templates folder),
be a regular file (not a device, a pipe or standard input), and be no larger
than a limit. A file that breaks the rule is refused with a message saying
why, so that a link committed to a repository can never publish a file from
elsewhere on the machine that builds the site.

The limits can be raised for a network that needs more, through environment
variables (so that a project folder cannot raise them for itself):
``QISITE_MAX_FILE_MB`` (default 20) for every file read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_MB_VARIABLE = "QISITE_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 20


class FileRefusedError(Exception):
    """A file qisite will not read: outside its folder, not a regular file, or too large."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


def limit_from_environment(variable: str, default: int) -> int:
    """A positive whole-number limit from the environment, else the default."""
    text = os.environ.get(variable, "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else default


def max_file_bytes() -> int:
    return limit_from_environment(MAX_FILE_MB_VARIABLE, DEFAULT_MAX_FILE_MB) * 1024 * 1024


def is_inside(path: Path, folder: Path, real: Path | None = None) -> bool:
    """Whether ``path``, with every symbolic link followed, lies inside ``folder`` (or is it). ``real``:
    where ``path`` leads, if the caller has already worked it out (``path.resolve()``)."""
    return (real or path.resolve()).is_relative_to(folder.resolve())


def refusal(path: Path, folder: Path, real: Path | None = None) -> FileRefusedError | None:
    """Why ``path`` may not be read as a file of ``folder``; None when it may. ``real``: where
    ``path`` leads, every link followed (worked out here when not given).

    A missing file is not refused here: reading it raises FileNotFoundError,
    which callers already turn into their own 'not found' message."""
    real = real or path.resolve()
    if not is_inside(path, folder, real):
        return FileRefusedError(f"'{path.name}' links to a file outside {_folder_words(folder)}, so it is not read",
                           "replace the link with a copy of the file, kept inside the folder")
    try:
        found = real.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return FileRefusedError(f"cannot read '{path.name}': {exc.strerror}", "check the file's permissions")
    return _not_regular_or_too_large(path, found)


def read_inside(path: Path, folder: Path) -> bytes:
    """The bytes of ``path`` if it may be read as a file of ``folder``.

    Raises FileRefusedError, FileNotFoundError or OSError. The file is opened without
    blocking and checked again once open, so a pipe or device swapped in between
    the check and the read is still refused, and never more than the limit is read."""
    real = path.resolve()
    refused = refusal(path, folder, real)
    if refused:
        raise refused
    descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        refused = _not_regular_or_too_large(path, os.fstat(handle.fileno()))
        if refused:
            raise refused
        limit = max_file_bytes()
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_large(path)
    return data


def _not_regular_or_too_large(path: Path, found: os.stat_result) -> FileRefusedError | None:
    if not stat.S_ISREG(found.st_mode):
        return FileRefusedError(f"'{path.name}' is not a regular file (it is {_kind(found.st_mode)}), so it is not read",
                           "replace it with an ordinary file")
    if found.st_size > max_file_bytes():
        return _too_large(path)
    return None


def _too_large(path: Path) -> FileRefusedError:
    limit = limit_from_environment(MAX_FILE_MB_VARIABLE, DEFAULT_MAX_FILE_MB)
    return FileRefusedError(f"'{path.name}' is larger than the limit of {limit} MB, so it is not read",
                       f"make the file smaller, or raise the limit for this build with the environment variable "
                       f"{MAX_FILE_MB_VARIABLE} (e.g. {MAX_FILE_MB_VARIABLE}={limit * 2})")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def _folder_words(folder: Path) -> str:
    return f"its folder '{folder.name}'" if folder.name else "its folder"

"""A build's progress, for a person waiting on it (on stderr, so stdout stays the report).

On a terminal: one line rewritten in place ("pages 420/1000"), shown only once a
build has run for :data:`QUIET_SECONDS`, and cleared when it ends. Elsewhere (a CI
log, a pipe): plain lines, one per phase of a long build and one every
:data:`LOG_EVERY_SECONDS` within a long phase — never carriage returns.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

QUIET_SECONDS = 1.0
REFRESH_SECONDS = 0.1
LOG_EVERY_SECONDS = 10.0


class Progress:
    def __init__(self, stream: TextIO | None = None, terminal: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = terminal if terminal is not None else _is_terminal(self.stream)
        self.started = time.monotonic()
        self.name, self.total, self.done = "", 0, 0
        self.shown_at = 0.0
        self.width = 0

    def phase(self, name: str, total: int) -> None:
        if self.name and not self.terminal and self.total and self._long():
            self._line(f"{self.name}: {self.total}/{self.total} done")
        self.name, self.total, self.done = name, total, 0
        self._show(force=not self.terminal)

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._show()

    def finish(self) -> None:
        if self.terminal and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
        elif not self.terminal and self.name and self.total and self._long():
            self._line(f"{self.name}: {self.total}/{self.total} done")
        self.name = ""

    def _long(self) -> bool:
        return time.monotonic() - self.started >= QUIET_SECONDS

    def _show(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self._long() or not self.total:
            return
        text = f"{self.name} {self.done}/{self.total} ({now - self.started:.0f} s)"
        if self.terminal:
            if now - self.shown_at >= REFRESH_SECONDS or self.done >= self.total:
                self.stream.write("\r" + text.ljust(self.width))
                self.stream.flush()
                self.width, self.shown_at = max(self.width, len(text)), now
        elif force or now - self.shown_at >= LOG_EVERY_SECONDS:
            self._line(text)

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
        self.shown_at = time.monotonic()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

"""One piece of work done in a forked process while this one goes on with its own.

A build's site-wide files (the search index above all) need the whole site's data and
nothing the pages need; on a second core they are made while the pages are. A fork
inherits the data (nothing is pickled to send it), sends back only its small result, and
is used only where forking is safe: Linux, and no other thread in this process (``qisite
serve`` has threads: there the work is done here, in line). Whatever happens, the child
is waited for or killed: :meth:`Forked.close` is for a ``finally``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ForkedWorkError(RuntimeError):
    """The work raised in the forked process, and what it raised could not be sent back as it was."""


def can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Forked(Generic[T]):
    """``work()`` started now: in a forked process when :func:`can_fork`, else done here at once."""

    def __init__(self, work: Callable[[], T]):
        self.pid = 0
        self._done: tuple[bool, Any] | None = None
        if not can_fork():
            self._done = _outcome(work)
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:   # the child: do the work, send its outcome, leave without running the parent's exit code
            code = 0
            try:
                gc.freeze()   # its collections leave the inherited objects (and so their memory pages) alone
                os.close(read)
                _send(write, _outcome(work))
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self._pipe = pid, read

    def ready(self) -> bool:
        """Whether the work is done: its outcome has begun to arrive (or it was done here). Never waits."""
        return self._done is not None or bool(select.select([self._pipe], [], [], 0)[0])

    def result(self) -> T:
        """The work's value (waiting for it), or what it raised, raised here."""
        if self._done is None:
            self._done = self._collect()
        ok, value = self._done
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop the child if it is still running (the build failed before it needed the result)."""
        if self.pid and self._done is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.close(self._pipe)
            os.waitpid(self.pid, 0)
            self._done = (False, ForkedWorkError("stopped before it finished"))

    def _collect(self) -> tuple[bool, Any]:
        chunks = []
        with os.fdopen(self._pipe, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        try:
            return pickle.loads(b"".join(chunks))
        except Exception as exc:   # no outcome (the child was killed), or one that cannot be read back
            return False, ForkedWorkError(f"the forked process sent no readable result (exit status {status}): {exc}")


def _outcome(work: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, work()
    except Exception as exc:  # sent back and raised by result(), as if the work had been done there
        return False, exc


def _send(fd: int, outcome: tuple[bool, Any]) -> None:
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:   # a value or exception that does not pickle: the traceback, as text
        failed = exc if outcome[0] else outcome[1]
        data = pickle.dumps((False, ForkedWorkError("".join(traceback.format_exception(failed)))))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)

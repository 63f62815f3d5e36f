"""The preview's Builder, kept in a process of its own.

``qisite serve`` has threads (the watcher, the HTTP server, the build loop), and a process
with threads must not fork: a Builder there would render every page and make the search
index in line, on one core. Kept in a process with no thread but its own, the Builder forks
as ``qisite build`` does (workers for the pages of many projects; the search index and
summaries beside the pages of an edit: qisite.forked), and keeps between builds what it
keeps in memory (each project's listing part, the related projects' ranking, file digests).

The preview calls it as it would call ``Builder.build``: told what the watcher saw change, it
returns the build's report or raises what the build raised. If the process dies (killed,
out of memory), that build fails with a message and the next one starts a new process.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import signal
from functools import partial
from pathlib import Path
from typing import Any

from qisite.build import Builder, BuildReport
from qisite.buildcache import WatchedChanges
from qisite.forked import can_fork
from qisite.problems import QisiteError

STOP = "stop"
CLOSE_WAIT_SECONDS = 10.0


class BuilderProcess:
    """A callable ``(changes) -> BuildReport`` whose Builder runs in a process of its own."""

    def __init__(self, root: Path, output: Path, project: Path | None = None):
        self.root, self.output, self.project = root, output, project
        self.process: Any = None
        self.connection: Any = None
        self._start()   # now, while the preview has no thread yet: forked

    def __call__(self, changes: WatchedChanges | None) -> BuildReport:
        if self.process is None:
            self._start()   # (a new process reads everything: its Builder knows no earlier build)
        try:
            self.connection.send(changes)
            built, value = self.connection.recv()
        except (EOFError, OSError) as exc:   # the process died mid-build
            self.close()
            raise QisiteError(f"the build process stopped unexpectedly ({type(exc).__name__}); "
                              "the next change starts a new one") from None
        if not built:
            raise value
        return value

    def close(self) -> None:
        """Stop the process (at the end of the preview)."""
        if self.process is None:
            return
        atexit.unregister(self.close)
        with contextlib.suppress(OSError, ValueError):
            self.connection.send(STOP)
        self.process.join(CLOSE_WAIT_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()
        self.process = self.connection = None

    def _start(self) -> None:
        # fork while this process has no other thread (the preview makes its Builder before starting
        # any), else spawn: a fresh interpreter
        context = multiprocessing.get_context("fork" if can_fork() else "spawn")
        self.connection, theirs = context.Pipe()
        # not a daemon: it starts worker processes of its own
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_build_on_request, args=(theirs, self.connection, self.root, self.output, self.project),
            name="qisite-builder")
        self.process.start()
        theirs.close()
        atexit.register(self.close)   # before multiprocessing joins its children at exit (else it waits forever)


def preview_builder(root: Path, output: Path, project: Path | None = None) -> Builder:
    """The one way the preview builds: with drafts (bannered) and the pages for problems, by a Builder
    kept between builds, told what the watcher saw change."""
    return Builder(root, output, drafts=True, problem_pages=True, project=project)


def _asked(connection) -> bool:
    """Whether the preview has sent a request (or gone: its next read says which)."""
    try:
        return connection.poll()
    except (OSError, ValueError):
        return True


def _build_on_request(connection, preview_end, root: Path, output: Path, project: Path | None) -> None:
    """The process's loop: build on each request, send back the report or what the build raised; end
    when the preview says so or has gone."""
    preview_end.close()   # (else, forked, this process holds the preview's end open and never sees it go)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C stops the preview, and the preview stops this
    with preview_builder(root, output, project) as builder:
        builder.answer_first = True
        while True:
            try:
                changes = connection.recv()
            except (EOFError, OSError):   # the preview has gone
                return
            if changes == STOP:
                return
            try:
                outcome: tuple[bool, Any] = (True, builder.build(changes))
            except Exception as exc:   # raised in the preview, which shows it and keeps serving
                outcome = (False, exc)
            try:
                connection.send(outcome)
            except OSError:   # the preview has gone
                return
            except Exception as exc:   # what was raised does not pickle: its text
                connection.send((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({exc})")))
            builder.keep_house()   # the preview shows the site meanwhile
            builder.warm_up(partial(_asked, connection))   # … then, until the next request, reads ahead for it

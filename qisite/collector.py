"""How a build keeps Python's cyclic garbage collector out of its way.

A build holds every project's loaded data and analyses: at a thousand projects,
millions of long-lived objects. Each full collection traverses all of them, and
allocation-heavy steps (cross-links, pages, the search index) trigger enough
collections to be slowed thirtyfold (docs/performance.md). So:

- :func:`paused`: no collection while project entries are read back (unpickling
  makes only live objects: a collection there finds nothing);
- :func:`frozen`: the objects alive now are left out of collections (``gc.freeze``)
  until the outermost ``frozen`` ends. Forked workers also keep the parent's
  pages shared (no copy-on-write by the collector). Nested uses (a build that froze
  its data, then a pool forked inside it) unfreeze only at the outermost exit.
- :func:`exit_now`: the ``qisite`` command ends without a last collection, and
  without freeing one by one what a build made (:func:`leave_for_exit`).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import threading
from collections.abc import Iterator
from typing import NoReturn

_DEPTH = {"frozen": 0}


@contextlib.contextmanager
def paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    _DEPTH["frozen"] += 1
    gc.freeze()
    try:
        yield
    finally:
        _DEPTH["frozen"] -= 1
        if _DEPTH["frozen"] == 0:
            gc.unfreeze()


def ending_with_this_command() -> None:
    """This process ends when the command it runs does (the ``qisite`` command; not a program that calls
    qisite): what a build made may be left to :func:`exit_now` instead of freed object by object."""
    _LEFT_FOR_EXIT["ending"] = True


def leave_for_exit(value: object) -> None:
    """Keep ``value`` (a finished Builder) until the process ends, where it is never freed object by object
    (0.06–0.1 s for a build's data at 1,000 projects), if the process ends with this command; else nothing."""
    if _LEFT_FOR_EXIT["ending"]:
        _LEFT_FOR_EXIT.setdefault("values", []).append(value)


def exit_now(code: int) -> NoReturn:
    """End the process with ``code``. Its exit handlers run and its output is flushed as at any exit; then
    it ends without the last collection through every object a build made (0.5 s of a 2.5 s one-project
    edit at 1,000 projects) or freeing them one by one: the system takes back the memory at once. While
    another thread runs (one removing a replaced site, say), the process leaves as Python does, which
    waits for it."""
    gc.freeze()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or threading.active_count() > 1:   # (not CPython, or not alone)
        raise SystemExit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):   # (a reader gone: nothing more can reach it)
            stream.flush()
    os._exit(code)


_LEFT_FOR_EXIT: dict = {"ending": False}

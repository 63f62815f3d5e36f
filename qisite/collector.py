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
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

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


def before_exit() -> None:
    """The process ends now: its last collection at exit need not go through every object a build
    made (0.5 s of a 2.5 s one-project edit at 1,000 projects). Only where the process ends next."""
    gc.freeze()

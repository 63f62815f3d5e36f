"""``draw_charts``: cached on disk by key; misses drawn in a process pool."""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

from qisite import collector
from qisite.buildcache import signature, write_atomically
from qisite.load.files import FileRefusedError, read_inside
from qisite.problems import ChartError

from .request import ChartRequest
from .safe_svg import is_safe_chart
from .specs import cycle_marks, event_marks, panel_count, point_tips

DRAWN = {"count": 0}   # charts drawn by matplotlib in this process (tests read it)


def _cache_path(cache_dir: Path, key: str) -> Path:
    """A chart's SVG by its key; a slide's PNG by its key, which ends in ``.png`` (qisite.charts.slides)."""
    return cache_dir / key[:2] / (key if key.endswith(".png") else f"{key}.svg")


_FOUND_SAFE: set[bytes] = set()   # digests of the cached charts this process has found safe
_SEAL_START, _SEAL_END = b"<!--qisite-seal ", b"-->\n"   # the last line of a chart this user's qisite stored
_SEAL_LENGTH = len(_SEAL_START) + 2 * hashlib.sha256().digest_size + len(_SEAL_END)   # (its signature in hex)


def _seal(chart: bytes) -> bytes:
    """The line that seals ``chart``: this user's signature of its bytes (qisite.buildcache)."""
    return _SEAL_START + signature(b"qisite chart", chart).hex().encode() + _SEAL_END


def _read(path: Path) -> str | None:
    """A cached chart, if it is one qisite could have drawn (else None: it is drawn again).

    A chart this user's qisite stored ends with its seal (:func:`_write`), which vouches for the bytes
    above it: they are used as they are. Any other chart (stored by another user or machine, as a cache
    restored in CI; or changed since it was sealed) is parsed and checked (qisite.charts.safe_svg), and
    bytes found safe once are known by their digest (a kept Builder reads the same charts at every build)."""
    try:
        data = read_inside(path, path.parent.parent)  # a regular file of the cache, bounded
    except (OSError, FileRefusedError):
        return None
    sealed = len(data) > _SEAL_LENGTH and data.startswith(_SEAL_START, len(data) - _SEAL_LENGTH)
    chart = data[:-_SEAL_LENGTH] if sealed else data
    try:
        text = chart.decode("utf-8")
    except UnicodeDecodeError:
        return None
    found = hashlib.sha256(chart).digest()
    if found in _FOUND_SAFE:
        return text
    if not ((sealed and hmac.compare_digest(data[-_SEAL_LENGTH:], _seal(chart))) or is_safe_chart(text)):
        return None
    _FOUND_SAFE.add(found)
    return text


def _write(path: Path, text: str) -> None:
    """A chart qisite drew, sealed (its last line signs the rest with this user's key: qisite.buildcache),
    so that reading it back needs no check. Atomically: a crash never leaves half a chart in the cache."""
    chart = text.encode("utf-8")
    write_atomically(path, chart + _seal(chart))


def render(request: ChartRequest) -> str:
    """Draw one chart (in this process) and return its finished SVG text."""
    from . import figures, style, svg
    style.apply()
    fig = figures.figure(request.spec)
    DRAWN["count"] += 1
    raw = svg.figure_svg(fig)
    labels = {cycle.href: f"PDSA {cycle.number}: {cycle.title}" for cycle in cycle_marks(request.spec)}
    return svg.finish(raw, prefix=f"q{request.key[:10]}", title=request.alt, description=request.description,
                      kind=request.kind, link_labels=labels, tips=point_tips(request.spec),
                      events={str(k): event.title for k, event in enumerate(event_marks(request.spec))})


def _render_many(requests: list[ChartRequest]) -> list[str]:
    out = []
    for request in requests:
        try:
            out.append(render(request))
        except Exception as exc:          # name the chart: a bare matplotlib error says nothing useful
            raise ChartError(f"chart {request.filename} of measure {request.measure_id!r} ({request.kind}) could not be drawn: "
                             f"{type(exc).__name__}: {exc}") from exc
    return out


def _init_worker() -> None:
    from . import style
    style.apply()


def draw_charts(requests: Iterable[ChartRequest], cache_dir: Path | str | None = Path(".qisite-cache/charts"),
                workers: int | None = None, pool: Executor | None = None, counts: dict[str, int] | None = None) -> dict[str, str]:
    """SVG text of each request, by key. Cached charts are read, never redrawn;
    the rest are drawn in a pool of ``workers`` processes (None: one per CPU;
    1: in this process) — ``pool``, when given (a build kept between rebuilds), else
    one started for the purpose — and written to the cache. ``counts`` gets
    ``drawn`` and ``reused`` added to it."""
    unique: dict[str, ChartRequest] = {}
    for request in requests:
        unique.setdefault(request.key, request)
    out: dict[str, str] = {}
    missing: list[ChartRequest] = []
    cache = Path(cache_dir) if cache_dir is not None else None
    for key, request in unique.items():
        text = _read(_cache_path(cache, key)) if cache is not None else None
        if text is None:
            missing.append(request)
        else:
            out[key] = text
    for request, text in zip(missing, _draw(missing, workers, pool)):
        out[request.key] = text
        if cache is not None:
            _write(_cache_path(cache, request.key), text)
    if counts is not None:
        counts["drawn"] = counts.get("drawn", 0) + len(missing)
        counts["reused"] = counts.get("reused", 0) + len(unique) - len(missing)
    return out


def cached_keys(cache_dir: Path) -> dict[str, Path]:
    """Every chart (and slide) in the cache folder, by key."""
    if not cache_dir.is_dir():
        return {}
    return {**{path.stem: path for path in cache_dir.glob("??/*.svg")},
            **{path.name: path for path in cache_dir.glob("??/*.png")}}


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def slide_cached(key: str, draw: Callable[[], bytes], cache_dir: Path | None) -> bytes:
    """A slide's PNG (qisite.charts.slides) by ``key`` from the chart cache: read if a PNG is there, else
    drawn here and stored (pruned with the charts: its key is recorded with them in the build manifest)."""
    path = _cache_path(cache_dir, key) if cache_dir is not None else None
    if path is not None:
        try:
            data = read_inside(path, path.parent.parent)
        except (OSError, FileRefusedError):
            data = b""
        if data.startswith(_PNG_SIGNATURE):
            return data
    data = draw()
    if path is not None:
        write_atomically(path, data)
    return data


def prune_cache(cache_dir: Path, keep: set[str]) -> int:
    """Remove cached charts whose key is not in ``keep`` (charts no build uses any more)."""
    removed = 0
    for key, path in cached_keys(cache_dir).items():
        if key not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_cached(cache_dir: Path, keys: set[str]) -> int:
    """Remove these charts (and slides) from the cache folder; how many were there."""
    removed = 0
    for key in keys:
        with contextlib.suppress(FileNotFoundError):
            _cache_path(cache_dir, key).unlink()
            removed += 1
    return removed


def make_pool(workers: int | None, kept: bool = False) -> ProcessPoolExecutor:
    """A process pool for drawing (and for any other work of a build). A pool ``kept`` between builds
    (``qisite serve``) spawns its workers: they start once, and later builds run while threads do."""
    context = multiprocessing.get_context("spawn") if kept else _context()
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=_init_worker, mp_context=context)


class LazyPool(Executor):
    """A pool started on first use (then shut down by its owner): for work that may need none."""

    def __init__(self, workers: int | None):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, fn, /, *args, **kwargs):
        if self.pool is None:
            self.pool = make_pool(self.workers)
        return self.pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait, cancel_futures=cancel_futures)
            self.pool = None


IN_PROCESS_BELOW = 6     # a handful of misses (an edit during `qisite serve`): no pool start-up


def _context():
    """fork is cheapest (workers inherit matplotlib, already imported) but unsafe
    in a process with threads (a watcher, a server): then spawn."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _draw(missing: list[ChartRequest], workers: int | None, pool: Executor | None = None) -> list[str]:
    workers = workers or os.cpu_count() or 1
    workers = min(workers, len(missing))
    if workers <= 1 or len(missing) < IN_PROCESS_BELOW:
        return _render_many(missing)
    # biggest first, dealt round-robin: balanced batches, one task per worker
    order = sorted(range(len(missing)), key=lambda i: -_cost(missing[i]))
    batches = [order[k::workers] for k in range(workers)]
    results: list[str | None] = [None] * len(missing)
    with collector.frozen(), contextlib.ExitStack() as stack:   # forked workers leave the parent's pages shared
        if pool is None:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                                           mp_context=_context()))
        futures = [pool.submit(_render_many, [missing[i] for i in batch]) for batch in batches]
        for batch, fut in zip(batches, futures):
            for i, text in zip(batch, fut.result()):
                results[i] = text
    return results  # type: ignore[return-value]


def _cost(request: ChartRequest) -> int:
    return panel_count(request.spec) * 3 + 1


def draw_cached(key: str, draw: Callable[[], str], cache_dir: Path | None, counts: dict | None = None) -> str:
    """A chart drawn outside the request pipeline (e.g. the SII over time), by ``key`` from the
    same cache as the others: read if a safe copy is there, else drawn here, checked and stored
    (``counts["drawn"]`` counts it, as :func:`draw_charts` does)."""
    path = _cache_path(cache_dir, key) if cache_dir is not None else None
    if path is not None and path.exists():
        cached = _read(path)
        if cached is not None:
            return cached
    text = draw()
    DRAWN["count"] += 1
    if counts is not None:
        counts["drawn"] = counts.get("drawn", 0) + 1
    if not is_safe_chart(text):
        raise ChartError(f"the chart {key} is not one qisite could have drawn")
    if path is not None:
        _write(path, text)
    return text

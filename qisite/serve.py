"""``qisite serve``: build, serve on loopback, rebuild on change, reload the browser.

Stdlib HTTP plus watchdog, in the manner of MkDocs' livereload server:

- the watcher only *notes* a change; **one build loop** (a thread of its own)
  waits until changes have settled, then builds once for all of them. A change
  that arrives during a build is coalesced into the next build, so an editor's
  burst of saves or a ``git pull`` of hundreds of files causes one or two
  builds, never two at once;
- page requests wait for a build in progress (up to a time limit), so a page
  is never read from a half-swapped site;
- each build that changes what the browser would be shown (a file of the site,
  or the preview's note about problems) moves the *epoch* on; a tiny script in
  every page long-polls ``/__qisite/epoch`` and reloads the tab when it moves;
- the preview never lies: while a project has errors its page shows them
  (qisite.site.problem_pages), every other page carries a banner with the
  count and a link to the list, and after a failed build every page says the
  site is the one from before. A missing path gets the site's 404.html.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from qisite.build import BuildReport
from qisite.buildcache import WatchedChanges
from qisite.builder_process import BuilderProcess
from qisite.problems import QisiteError
from qisite.site.problem_pages import PROBLEMS_PAGE, banner
from qisite.terminal import for_terminal

log = logging.getLogger("qisite")

SETTLE_SECONDS = 0.1        # build once no change has arrived for this long…
MAX_SETTLE_SECONDS = 2.0    # …or once changes have kept arriving for this long (a slow, long copy)
BUILD_WAIT_SECONDS = 60     # a page request waits this long for a build in progress
POLL_SECONDS = 25
RELOAD_SCRIPT = b"""<script>
(function () {
  var epoch = %d;
  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__qisite/epoch?since=" + epoch);
    request.onload = function () {
      var now = parseInt(request.responseText, 10);
      if (request.status !== 200 || isNaN(now)) { setTimeout(poll, 1000); }
      else if (now !== epoch) { window.location.reload(); }  /* a newer build, or a restarted server */
      else { poll(); }
    };
    request.onerror = function () { setTimeout(poll, 1000); };
    request.send();
  }
  poll();
})();
</script>"""


def preview_builder(root: Path, output: Path, project: Path | None = None) -> BuilderProcess:
    """The preview's build: a Builder kept in a process of its own (qisite.builder_process)."""
    return BuilderProcess(root, output, project)


BuildSite = Callable[[WatchedChanges | None], BuildReport]   # one build, told what changed (None: unknown)


class Rebuilder:
    """The one build loop: notes changes, builds once they settle, counts what the browser was shown.

    ``build_site`` is the build (default :func:`preview_builder`); ``notice`` is called by the
    watcher of ``watched``, ``run`` is the loop's thread, ``rebuild`` one build now (the first one)."""

    def __init__(self, root: Path, output: Path, report=print, *, project: Path | None = None,
                 build_site: BuildSite | None = None, settle: float = SETTLE_SECONDS, watched: tuple[Path, ...] = ()):
        self.output, self.report, self.settle, self.watched = output, report, settle, watched
        self.build_site = build_site or preview_builder(root, output, project)
        self.condition = threading.Condition()
        self.epoch = 0            # moves on when a build changed what the browser is shown
        self.building = False
        self.stopping = False
        self.changes = 0          # change notices received so far…
        self.built_changes = 0    # …and how many of them the latest build started after
        self.changed: set[Path] = set()
        self.builds = 0
        self.banner = ""          # the preview's note on every page (problems, a failed build)
        self.address = "/"        # where the preview is served (for the terminal)
        self._errors = 0
        self._shown: tuple[str, str] | None = None
        self._one_at_a_time = threading.Lock()
        self.after_build: Callable[[], None] = lambda: None

    @property
    def pending(self) -> bool:
        return self.changes != self.built_changes

    def notice(self, path: Path) -> None:
        """A watched file changed (from the watcher's thread): build again once changes settle."""
        with self.condition:
            self.changes += 1
            self.changed.add(path)
            self.condition.notify_all()

    def run(self) -> None:
        """The build loop: wait for a change, let the burst settle, build; until :meth:`stop`."""
        while True:
            with self.condition:
                self.condition.wait_for(lambda: self.pending or self.stopping)
                if self.stopping:
                    return
                self._settle()
                if self.stopping:
                    return
            self.rebuild()

    def _settle(self) -> None:
        """Wait (holding the condition) until no change has arrived for ``settle`` seconds."""
        deadline = time.monotonic() + max(MAX_SETTLE_SECONDS, self.settle)
        while not self.stopping:
            seen = self.changes
            left = deadline - time.monotonic()
            if left <= 0 or not self.condition.wait_for(functools.partial(self._moved_on, seen), timeout=min(self.settle, left)):
                return

    def _moved_on(self, seen: int) -> bool:
        return self.changes != seen or self.stopping

    def stop(self) -> None:
        with self.condition:
            self.stopping = True
            self.condition.notify_all()

    def rebuild(self) -> BuildReport | None:
        """Build once, now (never two at once), and move the epoch on if the browser would see a change."""
        with self._one_at_a_time:
            with self.condition:
                self.building = True
                self.built_changes = self.changes
                changed, self.changed = self.changed, set()
                self.condition.notify_all()
            report, failure = None, None
            try:
                if changed:
                    self.report(f"{_count(len(changed), 'change')} detected: rebuilding")
                # what the watcher saw since the last build began (the first build reads everything)
                report = self.build_site(WatchedChanges(changed, self.watched) if self.builds else None)
                self._errors = len(report.problems.errors)
                self.report(_summary(report, "rebuilt" if self.builds else "built", self.address))
            except QisiteError as exc:  # a located, explained failure: show it, keep serving the last good site
                failure = str(exc) + (f" (hint: {exc.hint})" if exc.hint else "")
            except Exception as exc:  # a broken template of the network's own, or a bug: the same
                failure = f"{type(exc).__name__}: {exc}"
                log.debug("the build failed", exc_info=True)  # the traceback, with -v
            finally:
                if failure:
                    self.report(f"build failed: {for_terminal(failure)}\nthe preview shows the site as it was before")
                note = banner(self._errors, failure)
                shown = (report.fingerprint if report is not None else self._shown[0] if self._shown else "", note)
                self.after_build()  # still building: whoever waits for this build waits for this too
                with self.condition:
                    self.builds += 1
                    self.building = False
                    self.banner = note
                    if shown != self._shown:
                        self._shown = shown
                        self.epoch += 1
                    self.condition.notify_all()
            return report

    def wait_until_built(self, timeout: float = BUILD_WAIT_SECONDS) -> None:
        with self.condition:
            self.condition.wait_for(lambda: not self.building, timeout)

    def wait_until_idle(self, timeout: float) -> bool:
        """Until no build runs and no change waits for one (for tests and tools)."""
        with self.condition:
            return self.condition.wait_for(lambda: not self.building and not self.pending, timeout)

    def wait_for_epoch_after(self, since: int, timeout: float) -> int:
        with self.condition:
            self.condition.wait_for(lambda: self.epoch != since or self.stopping, timeout)  # a restarted server reloads too
            return self.epoch


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _names_of(host: str) -> tuple[str, ...]:
    """The Host names a --host address may be reached by, besides the loopback names."""
    name = host.strip().lower()
    if name in ("", "0.0.0.0", "::"):
        return ()
    return (f"[{name}]",) if ":" in name else (name,)


def _summary(report: BuildReport, done: str = "rebuilt", address: str = "/") -> str:
    errors = len(report.problems.errors)
    lines = [for_terminal(p.format(Path.cwd())) for p in report.problems]
    lines.append(f"{done} {report.pages} pages in {report.seconds:.2f} s"
                 + (f", {_count(errors, 'error')} (projects with errors are left out; their pages and "
                    f"{address}{PROBLEMS_PAGE} show where)" if errors else ""))
    return "\n".join(lines)


class _ChangeHandler(FileSystemEventHandler):
    """Notes a change to a watched file or folder (site.yaml, projects, templates; a lone project's folder)."""

    def __init__(self, rebuilder: Rebuilder, watched: tuple[Path, ...]):
        self.rebuilder = rebuilder
        self.watched = tuple(path.resolve() for path in watched)

    def on_any_event(self, event) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        for changed in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(os.fsdecode(changed)).resolve() if changed else None
            if path and any(path == watched or watched in path.parents for watched in self.watched):
                self.rebuilder.notice(path)
                return


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_host(header: str | None, extra_names: tuple[str, ...] = ()) -> bool:
    """Whether a request's Host header names this machine (with any port), or a name given with --host.
    Anything else is refused, so that a web page elsewhere cannot reach the preview by DNS rebinding."""
    if not header:
        return False
    name = header.strip().lower()
    if name.startswith("["):
        name = name[: name.find("]") + 1]
    else:
        name = name.rsplit(":", 1)[0] if name.count(":") == 1 else name
    return name in LOOPBACK_NAMES or name in extra_names


_MAIN = re.compile(rb"<main\b[^>]*>", re.IGNORECASE)
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_HEAD = re.compile(rb"<head\b[^>]*>", re.IGNORECASE)
_BASE = re.compile(rb"<base\b[^>]*>", re.IGNORECASE)


def with_preview_parts(page: bytes, epoch: int, note: str) -> bytes:
    """A page as the preview serves it: the note (if any) at the top of its main content,
    the reload script before ``</body>``."""
    if note:
        found = _MAIN.search(page) or _BODY.search(page)
        at = found.end() if found else 0
        page = page[:at] + b"\n" + note.encode("utf-8") + page[at:]
    script = RELOAD_SCRIPT % epoch + b"\n"
    at = page.rfind(b"</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


def from_the_root(page: bytes) -> bytes:
    """The 404 page served at any missing path: its links (written from the site's root)
    resolve from the preview's root, not from the live site a <base> may name."""
    page = _BASE.sub(b"", page)
    found = _HEAD.search(page)
    at = found.end() if found else 0
    return page[:at] + b'\n<base href="/">' + page[at:]


def make_handler(rebuilder: Rebuilder, extra_hosts: tuple[str, ...] = ()):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_HEAD(self):
            if self._refused():
                return None
            rebuilder.wait_until_built()
            return super().do_HEAD()

        def end_headers(self):
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")
            super().end_headers()

        def _refused(self) -> bool:
            """Answer 403 to a request for another host name or from another site's page."""
            if not allowed_host(self.headers.get("Host"), extra_hosts):
                self.send_error(403, "this preview answers only requests for 127.0.0.1 or localhost")
                return True
            if (self.headers.get("Sec-Fetch-Site") or "").lower() == "cross-site":
                self.send_error(403, "this preview does not answer requests from other sites")
                return True
            return False

        def do_GET(self):
            if self._refused():
                return None
            url = urlparse(self.path)
            if url.path == "/__qisite/epoch":
                since = int(parse_qs(url.query).get("since", ["0"])[0] or 0)
                return self._send(str(rebuilder.wait_for_epoch_after(since, POLL_SECONDS)).encode(), "text/plain")
            rebuilder.wait_until_built()
            if url.path.endswith((".html", "/")):
                return self._send_page(url.path)
            return super().do_GET()

        def send_error(self, code, message=None, explain=None):
            if code == 404 and self.command == "GET":
                return self._send_not_found()
            return super().send_error(code, message, explain)

        def _send_page(self, path: str):
            file = Path(self.translate_path(path))
            file = file / "index.html" if file.is_dir() else file
            epoch = rebuilder.epoch  # before reading the page: a build finishing between them only reloads once more
            try:
                page = file.read_bytes() if file.is_file() else None
            except OSError:
                page = None
            if page is None:
                return self._send_not_found()
            return self._send(with_preview_parts(page, epoch, rebuilder.banner), "text/html; charset=utf-8")

        def _send_not_found(self):
            """The site's own 404 page (status 404), which reloads when the page appears."""
            epoch = rebuilder.epoch
            try:
                page = from_the_root((Path(self.directory) / "404.html").read_bytes())
            except OSError:
                page = b"<!doctype html>\n<title>Not found</title>\n<body><main><h1>Not found</h1></main></body>"
            return self._send(with_preview_parts(page, epoch, rebuilder.banner), "text/html; charset=utf-8", status=404)

        def _send(self, body: bytes, content_type: str, status: int = 200):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):   # the browser went away: nothing to say
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args):  # keep the terminal for build messages
            pass

    return Handler


def refuse_watched_output(root: Path, output: Path, watched: tuple[Path, ...] | None = None) -> None:
    """The preview's output may not sit in a folder it watches: each build would trigger the next."""
    site = output.resolve()
    for folder in watched if watched is not None else (root / "projects", root / "templates"):
        if folder.is_dir() and site.is_relative_to(folder.resolve()):
            raise QisiteError(f"{output}: the preview's output is inside {folder.name}/, which it watches for changes; "
                              "choose an output outside it (e.g. --output _site)")
    if site == root.resolve():
        raise QisiteError(f"{output}: the preview's output cannot be the network folder; choose e.g. --output _site")


class Preview:
    """The whole preview: the first build, the watcher, the build loop and the HTTP server."""

    def __init__(self, root: Path, output: Path, watched: tuple[Path, ...], host: str = "127.0.0.1", port: int = 8000,
                 report=print, *, project: Path | None = None, build_site: BuildSite | None = None,
                 settle: float = SETTLE_SECONDS):
        refuse_watched_output(root, output, watched)
        self.root, self.output, self.watched, self.report = root, output, watched, report
        self.rebuilder = Rebuilder(root, output, report, project=project, build_site=build_site, settle=settle,
                                   watched=watched)
        handler = make_handler(self.rebuilder, extra_hosts=_names_of(host))
        self.server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(output)))
        self.server.daemon_threads = True
        self.rebuilder.address = self.url
        self.observer = Observer()
        self.loop = threading.Thread(target=self.rebuilder.run, name="qisite-build-loop", daemon=True)
        self.serving = threading.Event()
        self.scheduled: dict[Path, tuple[bool, object]] = {}   # folder → (recursive, its watch)

    @property
    def url(self) -> str:
        host, port = str(self.server.server_address[0]), self.server.server_address[1]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def start(self) -> None:
        """Watch, build once, and run the build loop (the server is started by :meth:`serve_forever`).
        Watching starts first: a change saved during the first build is built by the next."""
        self.handler = _ChangeHandler(self.rebuilder, self.watched)
        self.watch()
        self.observer.start()
        self.rebuilder.after_build = self.watch
        self.rebuilder.rebuild()
        self.loop.start()

    def watch(self) -> None:
        """Watch each watched folder (with all beneath it) and the folder holding each watched path
        (its creation, deletion or renaming; a file's changes); again after each build, so that a
        folder made while the preview runs (a new templates/) is watched too, and one deleted is not."""
        wanted: dict[Path, bool] = {}
        for path in self.watched:
            if path.is_dir():
                wanted[path] = True
            if path.parent.is_dir():
                wanted.setdefault(path.parent, False)
        for folder, (recursive, watch) in list(self.scheduled.items()):
            if wanted.get(folder) != recursive:
                with contextlib.suppress(KeyError, OSError):  # its folder may be gone, and its watch with it
                    self.observer.unschedule(watch)  # type: ignore[arg-type]
                del self.scheduled[folder]
        for folder, recursive in wanted.items():
            if folder not in self.scheduled:
                with contextlib.suppress(OSError):  # gone again already: the next build tries again
                    self.scheduled[folder] = (recursive, self.observer.schedule(self.handler, str(folder), recursive=recursive))

    def serve_forever(self) -> None:
        self.serving.set()
        self.server.serve_forever()

    def stop(self) -> None:
        self.rebuilder.stop()
        self.observer.stop()
        if self.serving.is_set():
            self.server.shutdown()
        self.server.server_close()
        if self.loop.is_alive():
            self.loop.join()
        if self.observer.is_alive():
            self.observer.join()
        close = getattr(self.rebuilder.build_site, "close", None)   # the Builder's process
        if close is not None:
            close()


def serve(root: Path, output: Path, watched: tuple[Path, ...], host: str = "127.0.0.1", port: int = 8000, report=print,
          project: Path | None = None) -> None:
    preview = Preview(root, output, watched, host, port, report, project=project)
    thread = threading.Thread(target=preview.serve_forever, name="qisite-server", daemon=True)
    try:
        preview.start()
        thread.start()
        report(f"serving {output} at {preview.url} (Ctrl+C to stop)")
        while thread.is_alive():
            thread.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()

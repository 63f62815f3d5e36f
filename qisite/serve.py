"""``qisite serve``: build, serve on loopback, rebuild on change, reload the browser.

Stdlib HTTP plus watchdog, in the manner of MkDocs: changes are debounced, each
finished build bumps an *epoch*, page requests wait for a build in progress,
and a tiny script in every page long-polls ``/__qisite/epoch`` and reloads
the tab when the epoch moves on.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from qisite.build import BuildReport, build
from qisite.problems import QisiteError

DEBOUNCE_SECONDS = 0.1
POLL_SECONDS = 25
RELOAD_SCRIPT = b"""<script>
(function () {
  var epoch = %d;
  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__qisite/epoch?since=" + epoch);
    request.onload = function () {
      var now = parseInt(request.responseText, 10);
      if (now > epoch) { window.location.reload(); } else { poll(); }
    };
    request.onerror = function () { setTimeout(poll, 1000); };
    request.send();
  }
  poll();
})();
</script>"""


class Rebuilder:
    """Builds the site, counts finished builds, and lets readers wait for them."""

    def __init__(self, root: Path, output: Path, report=print):
        self.root, self.output, self.report = root, output, report
        self.epoch = 0
        self.condition = threading.Condition()
        self.building = False
        self.pending: threading.Timer | None = None

    def rebuild(self) -> None:
        with self.condition:
            self.building = True
        try:
            result = build(self.root, self.output, drafts=True)  # the preview shows drafts, bannered
            self.report(_summary(result))
        except Exception as exc:  # a broken template or file: report it, keep serving the last good site
            self.report(f"build failed: {exc}")
        finally:
            with self.condition:
                self.building = False
                self.epoch += 1
                self.condition.notify_all()

    def schedule(self) -> None:
        """Rebuild once changes have settled (debounced)."""
        with self.condition:
            if self.pending:
                self.pending.cancel()
            self.pending = threading.Timer(DEBOUNCE_SECONDS, self.rebuild)
            self.pending.daemon = True
            self.pending.start()

    def wait_until_built(self, timeout: float = 30) -> None:
        with self.condition:
            self.condition.wait_for(lambda: not self.building, timeout)

    def wait_for_epoch_after(self, since: int, timeout: float) -> int:
        with self.condition:
            self.condition.wait_for(lambda: self.epoch != since, timeout)  # a restarted server reloads too
            return self.epoch


def _names_of(host: str) -> tuple[str, ...]:
    """The Host names a --host address may be reached by, besides the loopback names."""
    name = host.strip().lower()
    if name in ("", "0.0.0.0", "::"):
        return ()
    return (f"[{name}]",) if ":" in name else (name,)


def _summary(report: BuildReport) -> str:
    errors = len(report.problems.errors)
    lines = [p.format(Path.cwd()) for p in report.problems]
    lines.append(f"rebuilt {report.pages} pages in {report.seconds:.2f} s" + (f", {errors} error(s)" if errors else ""))
    return "\n".join(lines)


class _ChangeHandler(FileSystemEventHandler):
    """Schedules a rebuild when site.yaml or a file under projects/ or templates/ changes."""

    def __init__(self, rebuilder: Rebuilder, root: Path):
        self.rebuilder = rebuilder
        self.site_file = (root / "site.yaml").resolve()
        self.folders = [(root / "projects").resolve(), (root / "templates").resolve()]

    def on_any_event(self, event) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        path = Path(event.src_path).resolve()
        if path == self.site_file or any(folder in path.parents for folder in self.folders):
            self.rebuilder.schedule()


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


def make_handler(rebuilder: Rebuilder, extra_hosts: tuple[str, ...] = ()):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_HEAD(self):
            if self._refused():
                return None
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

        def _send_page(self, path: str):
            file = Path(self.translate_path(path))
            file = file / "index.html" if file.is_dir() else file
            if not file.is_file():
                return self.send_error(404)
            body = file.read_bytes().replace(b"</body>", RELOAD_SCRIPT % rebuilder.epoch + b"\n</body>", 1)
            return self._send(body, "text/html; charset=utf-8")

        def _send(self, body: bytes, content_type: str):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep the terminal for build messages
            pass

    return Handler


def refuse_watched_output(root: Path, output: Path) -> None:
    """The preview's output may not sit in a folder it watches: each build would trigger the next."""
    site = output.resolve()
    for watched in (root / "projects", root / "templates"):
        if site.is_relative_to(watched.resolve()):
            raise QisiteError(f"{output}: the preview's output is inside {watched.name}/, which it watches for changes; "
                              "choose an output outside it (e.g. --output _site)")
    if site == root.resolve():
        raise QisiteError(f"{output}: the preview's output cannot be the network folder; choose e.g. --output _site")


def serve(root: Path, output: Path, host: str = "127.0.0.1", port: int = 8000, report=print) -> None:
    refuse_watched_output(root, output)
    rebuilder = Rebuilder(root, output, report)
    rebuilder.rebuild()
    observer = Observer()
    handler = _ChangeHandler(rebuilder, root)
    for watched in (root / "site.yaml", root / "projects", root / "templates"):
        if watched.exists():
            observer.schedule(handler, str(watched if watched.is_dir() else root), recursive=watched.is_dir())
    observer.start()
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(make_handler(rebuilder, extra_hosts=_names_of(host)), directory=str(output)))
    server.daemon_threads = True
    report(f"serving {output} at http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()

"""The preview server (``qisite serve``) on a hostile network, in Chromium.

The preview runs as a team runs it: a subprocess on a free loopback port. Its
pages (with markup in every field, a remote tracking image and a local image)
must make no request outside the preview and run no payload. A second origin —
another loopback server on another port, serving an attacker's page, reached
both as a same-site origin (127.0.0.1, another port) and as another site
(localhost) — must not be able to read the search index with a
``<script src>``, read a page with ``fetch``, or read a framed page; and a
request naming a foreign host (what DNS rebinding sends) is refused, in the
browser and over plain HTTP.
"""

from __future__ import annotations

import base64
import functools
import http.client
import http.server
import re
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

import pytest
from test_site_hostile import TITLE, hostile_network

from sitehtml import CHROMIUM, CHROMIUM_ARGS

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")  # 1×1


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """``qisite serve`` of the hostile network; yields its origin (http://127.0.0.1:PORT)."""
    root = hostile_network(tmp_path_factory.mktemp("preview") / "network")
    project = root / "projects" / "hostile"
    (project / "images").mkdir()
    (project / "images" / "ward.png").write_bytes(PNG)
    story = project / "story.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n![the ward](images/ward.png)\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "qisite", "serve", str(root), "--port", "0",
                                "--output", str(root.parent / "preview-site")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        origin = _wait_for_origin(process)
        yield origin
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for_origin(process) -> str:
    seen = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        if found:
            threading.Thread(target=process.stdout.read, daemon=True).start()  # keep the pipe drained
            return found.group(1)
    raise AssertionError("qisite serve did not start:\n" + "".join(seen))


ATTACKER_PAGE = """<!doctype html><html><head><title>attacker</title></head><body>
<script>window.QISITE_SEARCH_INDEX = undefined; window.stolen = {};</script>
<script src="%(preview)s/assets/search-index.js"></script>
<script>window.QISITE_SEARCH_FRAGMENT = function (id, fields) { window.stolen.fragment = fields; };</script>
<script src="%(preview)s/assets/search/hostile.js"></script>
<script>
window.stolen.scriptTag = typeof window.QISITE_SEARCH_INDEX !== "undefined";
window.done = (async () => {
  try { const r = await fetch("%(preview)s/index.html"); window.stolen.fetch = await r.text(); }
  catch (e) { window.stolen.fetchError = String(e); }
  try { const r = await fetch("%(preview)s/assets/search-index.js", {mode: "no-cors"});
        window.stolen.opaque = await r.text(); }
  catch (e) { window.stolen.opaqueError = String(e); }
  const frame = document.createElement("iframe");
  frame.src = "%(preview)s/index.html";
  document.body.appendChild(frame);
  await new Promise(resolve => { frame.onload = resolve; setTimeout(resolve, 3000); });
  try { window.stolen.frame = frame.contentDocument ? frame.contentDocument.body.innerText : null; }
  catch (e) { window.stolen.frameError = String(e); }
  return window.stolen;
})();
</script></body></html>
"""


@pytest.fixture(scope="module")
def attacker(preview, tmp_path_factory):
    """Another loopback server, on another port, serving the attacker's page; yields its port."""
    folder = tmp_path_factory.mktemp("attacker")
    (folder / "attack.html").write_text(ATTACKER_PAGE % {"preview": preview}, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def chromium(playwright):
    """Chromium that resolves rebind.example to this machine, as DNS rebinding would make it."""
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
        *CHROMIUM_ARGS, "--host-resolver-rules=MAP rebind.example 127.0.0.1"])
    yield browser
    browser.close()


def test_preview_pages_make_no_outside_request_and_run_no_payload(chromium, preview):
    context = chromium.new_context(service_workers="block")
    outside, dialogs, errors, images = [], [], [], []

    def route(r):
        if r.request.url.startswith(preview + "/"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: images.append((r.url, r.status)) if r.url.endswith(".png") else None)
    try:
        for path in ["index.html", "projects/index.html", "projects/hostile/index.html",
                     "ideas/translated-leaflets/index.html", "search.html?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]:
            page.goto(f"{preview}/{path}", wait_until="load")
            page.wait_for_timeout(100)
        page.goto(f"{preview}/projects/hostile/index.html", wait_until="load")
        assert page.locator("h1").inner_text() == TITLE
        assert page.locator('.prose a[href^="https://tracker.example.org/"]').count() == 1
        ward = page.locator('.prose img[alt="the ward"]')
        assert ward.count() == 1
        ward.scroll_into_view_if_needed()  # it loads lazily
        page.wait_for_function("img => img.complete && img.naturalWidth === 1", arg=ward.element_handle())
        assert (f"{preview}/projects/hostile/images/images/ward.png", 200) in images
    finally:
        context.close()
    assert not outside, outside
    assert not dialogs, dialogs
    assert not errors, errors


@pytest.mark.parametrize("attacker_host", ["127.0.0.1", "localhost"])
def test_another_origin_cannot_read_the_preview(chromium, preview, attacker, attacker_host):
    """From the same site on another port (127.0.0.1) and from another site (localhost)."""
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    try:
        page.goto(f"http://{attacker_host}:{attacker}/attack.html", wait_until="load")
        stolen = page.evaluate("window.done")
    finally:
        context.close()
    assert stolen["scriptTag"] is False, "the search index ran in the attacker's page"
    assert "fragment" not in stolen, "a project's search fragment ran in the attacker's page"
    assert "fetch" not in stolen and "fetchError" in stolen, stolen
    assert not stolen.get("opaque"), stolen  # an opaque response gives the page nothing to read
    assert not stolen.get("frame"), stolen  # null, or a SecurityError


def test_a_foreign_host_name_is_refused_in_the_browser_and_over_http(chromium, preview):
    """DNS rebinding: a name the attacker controls now points at 127.0.0.1; the request names that host."""
    port = urlsplit(preview).port
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    try:
        response = page.goto(f"http://rebind.example:{port}/assets/search-index.js")
        assert response.status == 403
        assert "QISITE_SEARCH_INDEX" not in response.text()
    finally:
        context.close()
    for host in ["evil.example", f"evil.example:{port}", "127.0.0.1.evil.example", "localhost.evil.example:80"]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/index.html", headers={"Host": host})
        answer = connection.getresponse()
        assert answer.status == 403, host
        assert TITLE.encode() not in answer.read()
        connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/index.html", headers={"Host": f"localhost:{port}"})
    assert connection.getresponse().status == 200
    connection.close()

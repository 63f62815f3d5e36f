"""404.html as a static host serves it (issue #11): at any missing path, at any
depth, with the site published under a sub-path and no site_url, the page is
styled and every link reaches the site."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

PREFIX = "/network/qi/"       # published under a sub-path, as on GitHub Pages


class Host(http.server.SimpleHTTPRequestHandler):
    """A static host: files under PREFIX; its 404.html (with status 404) for anything missing."""

    site: Path

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return str(self.site / "__nothing__")
        return str(self.site / path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def host(site):
    handler = type("SiteHost", (Host,), {"site": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def tab(browser):
    opened = []

    def open_(java_script: bool = True):
        context = browser.new_context(java_script_enabled=java_script, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "404" not in m.text else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        opened.append(context)
        return page, problems

    yield open_
    for context in opened:
        context.close()


@pytest.mark.parametrize("missing", [
    "projects/renamed-project/index.html",     # a renamed project folder
    "ideas/old-idea/index.html",
    "areas/index.htm",
    "no-such-page.html",
])
def test_the_404_page_is_styled_and_its_links_work_at_any_depth(host, tab, missing):
    page, problems = tab()
    response = page.goto(host + PREFIX + missing)
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    # the site's stylesheet applied: the header's accent rule
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomWidth") == "4px"
    hrefs = page.locator("main a").evaluate_all("as => as.map(a => a.href)")
    assert host + PREFIX + "index.html" in hrefs and host + PREFIX + "projects/index.html" in hrefs
    for href in hrefs + page.locator("header nav a").evaluate_all("as => as.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    page.locator("main a", has_text="home page").click()
    page.wait_for_load_state()
    assert page.url == host + PREFIX + "index.html"
    assert not problems, problems


def test_the_404_page_reads_without_script(host, tab):
    page, _ = tab(java_script=False)
    page.goto(host + PREFIX + "projects/renamed-project/index.html")
    fallback = page.locator("a[href='/']")           # without script, <noscript> content is shown
    assert fallback.count() == 1 and fallback.is_visible() and "top of this web address" in fallback.inner_text()
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "system-ui" in font   # the page's own critical styles


def test_opened_from_disk_it_still_links_home(browser, site):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((site / "404.html").as_uri())
        assert page.locator("main a", has_text="home page").evaluate("a => a.href") == (site / "index.html").as_uri()
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomWidth") == "4px"
    finally:
        context.close()


"""The harness of the site tests (imported by conftest.py and the tests):
building a network for a test, and a browser tab that records what a person
would not want to happen."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitehtml import CHROMIUM


def build_site(root: Path, output: Path):
    """``qisite build`` of ``root`` into ``output``; skips only while qisite.charts has not landed."""
    charts = importlib.import_module("qisite.charts")
    if not hasattr(charts, "draw_charts"):  # a namespace package: the folder exists, __init__.py not yet
        pytest.skip("qisite.charts is not written yet (no qisite/charts/__init__.py), so the site cannot be built")
    from qisite.build import build

    report = build(root, output, workers=2)
    assert report.written, [p.format() for p in report.problems]
    assert not report.problems.errors, [p.format() for p in report.problems.errors]
    return report


def chromium_or_skip():
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install Debian's chromium package")
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")


class Visit:
    """A browser tab on a built site that records what a person would not want:
    console errors, uncaught exceptions, dialogs, and requests leaving the site."""

    def __init__(self, browser, site: Path, color_scheme: str = "light", width: int = 1280, height: int = 900):
        self.site = site.resolve()
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme,
                                           service_workers="block")
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console_errors.append(f"{m.text} ({m.location.get('url')})")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self._request(r.url))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _route(self, route):
        if self.inside(route.request.url):
            route.continue_()
        else:
            if route.request.url not in self.outside:
                self.outside.append(route.request.url)
            route.abort()

    def _request(self, url: str):
        self.requests.append(url)
        if not self.inside(url) and url not in self.outside:
            self.outside.append(url)

    def inside(self, url: str) -> bool:
        """A file:// URL of a file in the built site (the only thing a page may load)."""
        parts = urlsplit(url)
        if parts.scheme != "file":
            return False
        path = Path(unquote(parts.path)).resolve()
        return path == self.site or self.site in path.parents

    def url(self, path: str) -> str:
        return (self.site / path).as_uri()

    def goto(self, path: str):
        self.page.goto(self.url(path), wait_until="load")
        return self.page

    def site_path(self) -> str:
        """The site path of the page shown now (e.g. projects/x/index.html)."""
        return Path(unquote(urlsplit(self.page.url).path)).resolve().relative_to(self.site).as_posix()

    def problems(self) -> list[str]:
        return ([f"console error: {e}" for e in self.console_errors] + [f"page error: {e}" for e in self.page_errors]
                + [f"dialog: {d}" for d in self.dialogs] + [f"request outside the site: {u}" for u in self.outside])

    def assert_clean(self):
        assert not self.problems(), "\n".join(self.problems())

    def close(self):
        self.context.close()

"""Fixtures for the site tests: the example network built once per session,
and a headless Chromium (Debian's, never a downloaded one) that opens it from
file:// and records every console message, page error, dialog and request."""

from __future__ import annotations

from pathlib import Path

import pytest

from siteharness import Visit, build_site, chromium_or_skip
from sitehtml import CHROMIUM, CHROMIUM_ARGS
from support import copy_example_network


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The example network (the repository's projects/) built once for the whole session."""
    work = tmp_path_factory.mktemp("example")
    root = work / "network"
    # A copy, so the build's chart cache is not written into the repository.
    copy_example_network(root)
    return build_site(root, work / "site")


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built.output


# --- the browser -------------------------------------------------------------

@pytest.fixture(scope="session")
def playwright():
    """One Playwright for the session: a second sync_playwright() in the same thread fails."""
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def visit(browser, site):
    """A fresh tab on the example site; fails the test on any console error or outside request."""
    opened = []

    def open_(color_scheme: str = "light", width: int = 1280, on=None) -> Visit:
        v = Visit(browser, on or site, color_scheme, width)
        opened.append(v)
        return v

    yield open_
    try:
        for v in opened:
            v.assert_clean()
    finally:
        for v in opened:
            v.close()

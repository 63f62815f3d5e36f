"""The preview in a real browser (Debian's Chromium): an open tab reloads by itself after a
build that changed the site, shows a project's problems in place of its page while it has
errors, and the project again once they are fixed — nobody presses reload."""

from __future__ import annotations

import threading

import pytest

from qisite.commands.root import build_target
from qisite.serve import Preview

from support import run_qisite


@pytest.fixture
def preview(tmp_path):
    root = tmp_path / "network"
    root.mkdir()
    (root / "site.yaml").write_text("title: Preview in a browser\n", encoding="utf-8")
    for name in ("clinic-access", "ward-flow"):
        assert run_qisite("new", root / "projects" / name).returncode == 0
    target = build_target(root)
    running = Preview(target.root, root / "_site", target.watched, port=0, report=lambda message: None)
    running.start()
    threading.Thread(target=running.serve_forever, daemon=True).start()
    yield root, running.url
    running.stop()


def test_an_open_tab_follows_edits_errors_and_fixes(browser, preview):
    root, base = preview
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "projects/ward-flow/index.html", wait_until="load")
        assert page.locator("h1").first.inner_text().strip().startswith("Ward flow")
        project = root / "projects" / "ward-flow" / "project.yaml"
        good = project.read_text(encoding="utf-8")

        project.write_text(good.replace("title: Ward flow", "title: Ward flow at night"), encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.includes('Ward flow at night')", timeout=60_000)

        project.write_text(good.replace("title: Ward flow", "title: [Ward flow"), encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.includes('this project has errors')",
                               timeout=60_000)
        assert "projects/ward-flow/project.yaml:" in page.locator("main").inner_text()

        project.write_text(good, encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent.trim().startsWith('Ward flow')", timeout=60_000)
        assert not page.locator("[role=alert]").count()
        assert not errors, errors
    finally:
        context.close()

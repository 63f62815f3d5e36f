"""Builds killed at random moments (SIGKILL) never leave a half-written or missing site.

After each kill, the next build's start (taking the lock, recovering, removing
leftovers) must find the output complete: every file of a full site, all from
the previous build or all from the new one, and no staging folder left.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qisite.site.output import SiteWriter, staging_folders

from support import run_qisite

KILLS = 30


def site_files(output: Path) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}


def start_build(root: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "qisite", "build", "--workers", "1", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def set_title(root: Path, title: str) -> None:
    (root / "site.yaml").write_text(f"title: {title}\n", encoding="utf-8")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_builds_leave_a_complete_previous_or_new_site(tmp_path):
    root = tmp_path
    assert run_qisite("new", root / "projects" / "clinic-access").returncode == 0
    set_title(root, "Build 0")
    started = time.monotonic()
    assert start_build(root).wait(timeout=120) == 0
    whole_build = time.monotonic() - started
    output = root / "_site"
    expected = site_files(output)
    assert "index.html" in expected and len(expected) > 10
    rng = random.Random(13)
    published = 0  # the title of the last site known to be complete
    for attempt in range(1, KILLS + 1):
        set_title(root, f"Build {attempt}")
        process = start_build(root)
        time.sleep(rng.uniform(0.4, 1.1) * whole_build)  # mostly while writing, some during start-up
        os.killpg(process.pid, signal.SIGKILL)
        finished = process.wait(timeout=30) == 0
        SiteWriter(output, root, root / "projects").abandon()  # what the next build does first
        assert staging_folders(output) == [], f"attempt {attempt}: staging left behind"
        assert site_files(output) == expected, f"attempt {attempt}: the site is incomplete"
        titles = {page.read_text(encoding="utf-8").count(f"Build {attempt}<") > 0
                  for page in output.rglob("*.html")}
        assert len(titles) == 1, f"attempt {attempt}: pages from two different builds"
        new = titles.pop()
        assert new or not finished, f"attempt {attempt}: a finished build is not published"
        if not new:
            index = (output / "index.html").read_text(encoding="utf-8")
            assert f"Build {published}<" in index, f"attempt {attempt}: neither the previous site nor the new one"
        else:
            published = attempt
    assert start_build(root).wait(timeout=120) == 0
    assert staging_folders(output) == [] and site_files(output) == expected

"""The preview's Builder in a process of its own: reports and failures come back as they were raised,
a process that dies is replaced, and closing leaves no process behind."""

import os
import signal

import pytest

from qisite.builder_process import BuilderProcess, preview_builder
from qisite.problems import QisiteError

from support import fill_in, run_qisite


@pytest.fixture
def network(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Builder process network\n", encoding="utf-8")
    assert run_qisite("new", tmp_path / "projects" / "clinic-access").returncode == 0
    fill_in(tmp_path / "projects" / "clinic-access")
    return tmp_path


def test_builds_and_reports_as_the_builder_does(network):
    build = BuilderProcess(network, network / "_site")
    try:
        first = build(None)
        assert first.written and first.projects == 1 and first.pages_rendered > 0
        assert (network / "_site" / "projects" / "clinic-access" / "index.html").is_file()
        again = build(None)   # the same Builder, kept: nothing to do
        assert again.written and again.pages_rendered == 0 and again.fingerprint == first.fingerprint
        assert build.process.pid != os.getpid()
    finally:
        build.close()
    assert build.process is None


def test_what_a_build_leaves_until_after_its_answer_is_done(network):
    build = BuilderProcess(network, network / "_site")
    try:
        assert build(None).pages_rendered > 0
    finally:
        build.close()
    with preview_builder(network, network / "_site") as same:   # its manifest was saved: nothing to do
        assert same.build().pages_rendered == 0


def test_what_the_build_raises_is_raised_here(network):
    (network / "projects").rename(network / "elsewhere")
    build = BuilderProcess(network, network / "_site")
    try:
        with pytest.raises(QisiteError, match="no projects folder"):
            build(None)
        (network / "elsewhere").rename(network / "projects")
        assert build(None).projects == 1   # the process lives on after a failed build
    finally:
        build.close()


def test_a_process_that_dies_fails_that_build_and_the_next_starts_a_new_one(network):
    build = BuilderProcess(network, network / "_site")
    try:
        build(None)
        first = build.process.pid
        os.kill(first, signal.SIGKILL)
        with pytest.raises(QisiteError, match="stopped unexpectedly"):
            build(None)
        report = build(None)
        assert report.written and build.process.pid != first
    finally:
        build.close()

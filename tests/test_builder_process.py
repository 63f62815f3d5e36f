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


def test_a_kept_builder_reads_ahead_while_it_waits_and_stops_when_asked(network):
    """After a build with nothing to do (which reads no project's listing part), the preview's Builder reads
    them while it waits for an edit, stopping as soon as a build is asked for; the edit then needs none
    of them from the cache folder."""
    assert run_qisite("new", network / "projects" / "ward-flow").returncode == 0
    fill_in(network / "projects" / "ward-flow")
    with preview_builder(network, network / "_site") as builder:
        assert builder.build().pages_rendered > 0
    with preview_builder(network, network / "_site") as builder:
        assert builder.build().pages_rendered == 0 and builder.cache.entries == {}
        asked = iter([False, True])
        builder.warm_up(lambda: next(asked, True))   # a request arrives after the first part
        assert len(builder.cache.entries) == 1
        builder.warm_up(lambda: False)
        assert set(builder.cache.entries) == set(builder.project_keys) and len(builder.project_keys) == 2
        for listing in (network / ".qisite-cache" / "build" / "projects").glob("*/*.listing.pickle"):
            listing.unlink()   # read ahead: the edit finds both parts in memory
        story = network / "projects" / "clinic-access" / "story.md"
        story.write_text(story.read_text(encoding="utf-8") + "\nRead ahead of the edit.\n", encoding="utf-8")
        report = builder.build()
        assert report.projects == 2 and report.projects_analysed == 1 and not report.problems.errors
    page = network / "_site" / "projects" / "clinic-access" / "index.html"
    assert "Read ahead of the edit." in page.read_text(encoding="utf-8")
    assert (network / "_site" / "projects" / "ward-flow" / "index.html").is_file()

"""The output can never replace sources, is locked per build, and recovers from a killed build."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from qisite.problems import QisiteError
from qisite.site.output import (
    MARKER,
    OutputRecords,
    SiteWriter,
    recover,
    staging_folders,
)


def network(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "site.yaml").write_text("title: T\n")
    project = tmp_path / "projects" / "alpha"
    project.mkdir(parents=True)
    (project / "project.yaml").write_text("title: A\n")
    return tmp_path


def build_once(output: Path, text: str, root: Path | None = None) -> None:
    writer = SiteWriter(output, root, root / "projects" if root else None)
    writer.write_text("index.html", text)
    writer.commit()


@pytest.mark.parametrize("output, reason", [
    (".", "it is the network folder itself"),
    ("projects", "it is inside the projects folder"),
    ("projects/alpha", "it is inside the projects folder"),
    ("projects/alpha/_site", "it is inside the projects folder"),
    ("..", "it contains the network folder"),
    ("templates/_site", "it is inside the templates folder"),
    (".git", "it is inside .git/"),
])
def test_the_output_may_never_hold_or_replace_sources(tmp_path, output, reason):
    root = network(tmp_path / "net")
    with pytest.raises(QisiteError, match=f"refusing to write the site here: {reason}"):
        SiteWriter(root / output, root, root / "projects")
    assert (root / "projects" / "alpha" / "project.yaml").read_text() == "title: A\n"


def test_a_folder_holding_a_network_is_refused(tmp_path):
    root = network(tmp_path / "net")
    other = network(tmp_path / "other")
    with pytest.raises(QisiteError, match="looks like a network's sources"):
        SiteWriter(other, root, root / "projects")


def test_a_committed_marker_proves_nothing(tmp_path):
    root = network(tmp_path)
    docs = root / "docs"
    docs.mkdir()
    (docs / "thesis.md").write_text("precious")
    (docs / MARKER).write_text("This folder is written by `qisite build`; it is replaced on every build.\ntoken: 0123\n")
    with pytest.raises(QisiteError, match="marker does not match qisite's record"):
        SiteWriter(docs, root, root / "projects")
    assert (docs / "thesis.md").read_text() == "precious"


def test_a_forged_record_with_a_copied_folder_is_not_trusted(tmp_path):
    root = network(tmp_path)
    output = root / "_site"
    build_once(output, "one", root)
    os.rename(output, root / "moved")
    (root / "moved").rename(root / "elsewhere")
    output.mkdir()  # same path, same marker and token, but another folder
    (output / MARKER).write_text((root / "elsewhere" / MARKER).read_text())
    (output / "notes.txt").write_text("mine")
    with pytest.raises(QisiteError, match="not written by qisite"):
        SiteWriter(output, root, root / "projects")


def test_rebuilding_our_own_output_works_and_keeps_its_mode(tmp_path):
    root = network(tmp_path)
    output = root / "_site"
    old_umask = os.umask(0o022)
    try:
        build_once(output, "one", root)
        assert stat.S_IMODE(output.stat().st_mode) == 0o755  # the umask, not mkdtemp's 0700
        assert stat.S_IMODE((output / "index.html").stat().st_mode) == 0o644
        output.chmod(0o750)
        build_once(output, "two", root)
    finally:
        os.umask(old_umask)
    assert (output / "index.html").read_text() == "two"
    assert stat.S_IMODE(output.stat().st_mode) == 0o750


def test_a_second_build_waits_then_names_the_holder(tmp_path):
    output = tmp_path / "_site"
    first = SiteWriter(output)
    with pytest.raises(QisiteError, match=rf"another qisite build is writing this output \(process {os.getpid()}, started "):
        SiteWriter(output, lock_wait=0.3)
    first.abandon()
    SiteWriter(output, lock_wait=0.3).abandon()  # free again once the first is done


def test_a_kill_between_the_renames_is_recovered(tmp_path):
    output = tmp_path / "_site"
    build_once(output, "previous")
    writer = SiteWriter(output)
    writer.write_text("index.html", "next")
    # what commit does, stopped after the first rename
    (writer.staging / MARKER).write_text(f"token: {writer.token}\n")
    backup = output.with_name(f".{output.name}.old-{writer.token}")
    output.rename(backup)
    writer.lock.release()
    assert not output.exists()
    records = OutputRecords(tmp_path, Path(os.path.abspath(output)))
    recover(output, records)
    assert (output / "index.html").read_text() == "previous"
    assert staging_folders(output) == []


def test_leftover_staging_folders_are_removed_by_the_next_build(tmp_path):
    output = tmp_path / "_site"
    build_once(output, "one")
    left = SiteWriter(output)
    left.write_text("index.html", "half")
    left.lock.release()  # as if killed: the staging folder stays
    assert len(staging_folders(output)) == 1
    build_once(output, "two")
    assert staging_folders(output) == [] and (output / "index.html").read_text() == "two"


def test_a_folder_that_only_looks_like_staging_is_kept(tmp_path):
    output = tmp_path / "_site"
    lookalike = tmp_path / "._site.building-mine"
    lookalike.mkdir()
    (lookalike / "notes.txt").write_text("mine")
    build_once(output, "one")
    assert (lookalike / "notes.txt").read_text() == "mine"

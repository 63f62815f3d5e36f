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
    spare_path,
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


# -- the spare: the site before last, recycled as the next staging folder ------------------------------


def build_files(output: Path, files: dict[str, str]) -> SiteWriter:
    """A build that keeps every file whose text the published site has already, and writes the rest."""
    writer = SiteWriter(output)
    for path, text in files.items():
        published = output / path
        if not (published.is_file() and published.read_text() == text and writer.keep(path, _stamp(published))):
            writer.write_text(path, text)
    writer.commit()
    return writer


def _stamp(path: Path) -> tuple[int, int, int]:
    found = os.lstat(path)
    return found.st_size, found.st_mtime_ns, found.st_ino


def tree(folder: Path) -> dict[str, str | None]:
    """Every file (its text) and folder (None) under ``folder``, the marker left out."""
    return {p.relative_to(folder).as_posix(): (p.read_text() if p.is_file() else None)
            for p in sorted(folder.rglob("*")) if p.name != MARKER}


def test_the_replaced_site_is_kept_as_the_spare_and_recycled_by_the_next_build(tmp_path):
    output = tmp_path / "_site"
    first = {"index.html": "home", "a/page.html": "a", "gone/old.html": "old", "same.css": "css"}
    build_files(output, first)
    build_files(output, {**first, "index.html": "home 2"})
    spare = spare_path(output)
    assert tree(spare) == tree_of(first)   # the site before last, kept
    spare_inode = spare.stat().st_ino
    shared = os.lstat(spare / "same.css").st_ino
    assert shared == os.lstat(output / "same.css").st_ino   # hard links: no second copy of an unchanged file
    third = {"index.html": "home 3", "a/page.html": "a", "same.css": "css", "new/b.html": "b"}
    writer = build_files(output, third)
    assert output.stat().st_ino == spare_inode   # the spare became the new site
    assert writer.recycled == {"index.html", "a/page.html", "gone/old.html", "same.css"}
    assert tree(output) == tree_of(third)   # the old page and its emptied folder removed; nothing else left
    assert os.lstat(output / "same.css").st_ino == shared
    assert staging_folders(output) == [] and spare_path(output).is_dir()


def tree_of(files: dict[str, str]) -> dict[str, str | None]:
    folders = {"/".join(p.split("/")[:n]): None for p in files for n in range(1, p.count("/") + 1)}
    return dict(sorted({**folders, **files}.items()))


def test_a_spare_file_changed_in_place_is_replaced_not_trusted(tmp_path):
    output = tmp_path / "_site"
    files = {"index.html": "home", "style.css": "css"}
    build_files(output, files)
    build_files(output, {**files, "index.html": "home 2"})
    (spare_path(output) / "style.css").write_text("tampered")   # the same inode as the published file
    assert (output / "style.css").read_text() == "tampered"
    build_files(output, {**files, "index.html": "home 3"})
    assert (output / "style.css").read_text() == "css"


@pytest.mark.parametrize("plant", ["link", "foreign"])
def test_a_spare_holding_a_link_or_not_on_record_is_never_used(tmp_path, plant):
    output = tmp_path / "_site"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    build_files(output, {"index.html": "one", "a/x.html": "x"})
    build_files(output, {"index.html": "two", "a/x.html": "x"})
    spare = spare_path(output)
    if plant == "link":   # a link planted in the spare must never be written through
        (spare / "a" / "x.html").unlink()
        (spare / "a").rmdir()
        (spare / "a").symlink_to(outside)
    else:                 # a folder by the spare's name that qisite did not write: not ours to use
        import shutil
        shutil.rmtree(spare)
        spare.mkdir()
        (spare / "notes.txt").write_text("mine")
    build_files(output, {"index.html": "three", "a/x.html": "x"})
    assert tree(output) == tree_of({"index.html": "three", "a/x.html": "x"})
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"] and (outside / "keep.txt").read_text() == "mine"
    if plant == "foreign":
        assert (spare / "notes.txt").read_text() == "mine"   # left alone, and the replaced site removed
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".qisite-cache", "_site", "outside", spare.name])


def test_a_check_of_the_published_site_leaves_the_spare_alone(tmp_path):
    output = tmp_path / "_site"
    build_files(output, {"index.html": "one"})
    build_files(output, {"index.html": "two"})
    before = spare_path(output).stat().st_ino
    SiteWriter(output, stage=False).abandon()
    assert spare_path(output).stat().st_ino == before and staging_folders(output) == []

"""A project on its own: `qisite build` / `qisite serve` of a project folder with no site.yaml at
or above it builds a one-project preview with the default vocabularies, in the user's cache folder,
never inside or beside the project (issue 9)."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from qisite.commands.root import Target, build_target
from qisite.config import DEFAULT_EQUITY_AREAS, DEFAULT_STAGES
from qisite.load.lone import preview_home
from qisite.problems import QisiteError

from support import run_qisite


def qisite(*args, cwd: Path, cache: Path, **popen):
    """The CLI as a user runs it, with its cache folder (XDG_CACHE_HOME) in the test's folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "qisite", *map(str, args)]
    if popen:
        return subprocess.Popen(command, cwd=cwd, env=env, **popen)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def lone(tmp_path):
    """A project folder from `qisite new`, alone in a folder with no site.yaml at or above it."""
    assert not any((folder / "site.yaml").exists() for folder in (tmp_path, *tmp_path.parents))
    result = run_qisite("new", tmp_path / "teams" / "clinic-access", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "teams" / "clinic-access"


def test_a_lone_project_given_or_run_inside_builds_a_preview_with_the_default_vocabularies(lone, tmp_path):
    cache = tmp_path / "cache"
    before = files_of(lone.parent)
    home = cache / "qisite" / "preview" / preview_home(lone).name
    site = home / "_site"

    given = qisite("build", lone, cwd=tmp_path, cache=cache)
    assert given.returncode == 0, given.stdout + given.stderr
    assert "building the project on its own" in given.stdout and str(home) in given.stdout  # says where
    page = (site / "projects" / "clinic-access" / "index.html").read_text(encoding="utf-8")
    assert "Clinic access" in page
    for term in DEFAULT_EQUITY_AREAS:
        assert (site / "areas" / term.id / "index.html").is_file()
    for term in DEFAULT_STAGES:
        assert (site / "stages" / term.id / "index.html").is_file()
    assert files_of(lone.parent) == before  # nothing written in the project, or beside it
    first = files_of(site)

    inside = qisite("build", cwd=lone / "data", cache=cache)  # run inside the project: found by walking up
    assert inside.returncode == 0, inside.stdout + inside.stderr
    assert str(home) in inside.stdout
    assert files_of(site).keys() == first.keys()
    assert files_of(lone.parent) == before


@pytest.mark.parametrize("output", ["clinic-access/_site", "clinic-access", "."])
def test_a_lone_projects_output_may_not_be_in_or_around_it(lone, tmp_path, output):
    before = files_of(lone.parent)
    result = qisite("build", "clinic-access", "--output", output, cwd=lone.parent, cache=tmp_path / "cache")
    assert result.returncode == 2 and "refusing to write the preview here" in result.stderr
    assert files_of(lone.parent) == before


def test_a_lone_project_may_be_built_beside_itself(lone, tmp_path):
    result = qisite("build", "clinic-access", "--output", "preview", cwd=lone.parent, cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert (lone.parent / "preview" / "projects" / "clinic-access" / "index.html").is_file()


def test_a_lone_projects_problems_are_located_in_its_folder(lone, tmp_path):
    measures = lone / "measures.yaml"
    text = measures.read_text(encoding="utf-8").rstrip("\n") + "\nfrobnicate: yes\n"
    measures.write_text(text, encoding="utf-8")
    result = qisite("build", cwd=lone, cache=tmp_path / "cache")
    assert result.returncode == 0  # as for a network: projects with errors are reported and left out
    assert f"measures.yaml:{text.count(chr(10))}:" in result.stdout and "frobnicate" in result.stdout  # from here


def get(url: str, timeout: float = 60) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def test_serve_previews_a_lone_project_and_rebuilds_it(lone, tmp_path):
    process = qisite("serve", "--port", "0", cwd=lone, cache=tmp_path / "cache",
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, base = time.monotonic() + 120, None
        for line in process.stdout:
            if line.startswith("serving "):
                assert str(tmp_path / "cache" / "qisite" / "preview" / preview_home(lone).name) in line
                base = line.split(" at ")[1].split()[0]
                break
            assert time.monotonic() < deadline, "the server did not start"
        assert base, "qisite serve exited before serving"
        assert "Clinic access" in get(base + "projects/clinic-access/index.html")
        project = lone / "project.yaml"
        good = project.read_text(encoding="utf-8")
        epoch = int(get(base + "__qisite/epoch?since=-1"))
        project.write_text(good.replace("title: Clinic access", "title: [Clinic access"), encoding="utf-8")
        epoch = int(get(base + f"__qisite/epoch?since={epoch}"))
        page = get(base + "projects/clinic-access/index.html")
        assert "clinic-access/project.yaml:" in page and "this project has errors" in page
        project.write_text(good.replace("title: Clinic access", "title: Clinic access alone"), encoding="utf-8")
        get(base + f"__qisite/epoch?since={epoch}")
        assert "Clinic access alone" in get(base + "projects/clinic-access/index.html")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_build_and_serve_find_what_to_build_by_walking_up(lone, tmp_path, monkeypatch):
    assert build_target(lone / "data") == Target(preview_home(lone), lone.resolve())
    network = tmp_path / "network"
    (network / "projects" / "a" / "data").mkdir(parents=True)
    (network / "projects" / "a" / "project.yaml").write_text("title: A\n", encoding="utf-8")
    project = network / "projects" / "a"
    assert build_target(project) == Target(preview_home(project), project.resolve())  # no site.yaml: on its own
    assert build_target(network) == Target(network)  # a projects folder: a network
    (network / "site.yaml").write_text("title: N\n", encoding="utf-8")
    assert build_target(network / "projects" / "a" / "data") == Target(network.resolve())
    monkeypatch.chdir(network / "projects")
    assert build_target(None) == Target(network.resolve())
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(QisiteError, match="no site.yaml"):
        build_target(empty)

"""docs/examples: each publishing recipe parses, and its qisite steps run against a
temporary network; ``qisite build --zip`` gives a site that works unpacked anywhere."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from gitrepos import add_project, commit, git

from support import REPO, run_qisite

sys.path.insert(0, str(REPO / "tests" / "site"))
from test_site_links import _problems as broken_links  # the site tests' own link check

EXAMPLES = REPO / "docs" / "examples"
BIN = Path(sys.executable).parent  # where the qisite command of this environment is


@pytest.fixture
def network(tmp_path):
    """A network in a git repository whose target branch is origin/main, as CI sees it."""
    root = tmp_path / "network"
    root.mkdir()
    (root / "site.yaml").write_text("title: Publishing test\n", encoding="utf-8")
    (root / ".gitignore").write_text("_site/\npublic/\n.qisite-cache/\n*.zip\n", encoding="utf-8")
    add_project(root / "projects" / "clinic-access", "Org A")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit(root, "a network", "2024-01-01")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    add_project(root / "projects" / "ward-safety", "Org B")
    commit(root, "a pull request adds a project", "2024-02-01")
    return root


def shell(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)


def qisite_steps(lines: list[str]) -> list[str]:
    """The shell lines that run qisite (installing it is the runner's business)."""
    return [line for line in lines if shlex.split(line, comments=True)[:1] == ["qisite"]]


def test_github_pages_workflow_checks_pull_requests_and_builds_main(network):
    workflow = yaml.safe_load((EXAMPLES / "github-pages.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert set(workflow[True]) >= {"pull_request", "push"}  # YAML 1.1 reads the key 'on' as true
    assert jobs["deploy"]["needs"] == "build" and jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for step in jobs["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    for job in ("check", "build"):
        steps = [step for step in jobs[job]["steps"] if "run" in step]
        commands = qisite_steps([step["run"] for step in steps])
        assert commands, job
        for command in commands:
            done = shell(command.replace("${{ github.base_ref }}", "main"), network)
            allowed = any(s.get("continue-on-error") for s in steps if s["run"] == command)
            assert done.returncode == 0 or allowed, f"{command}\n{done.stdout}{done.stderr}"
            if "--changed" in command:
                assert "checked 1 project" in done.stdout  # only the project the pull request adds
    upload = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert (network / upload["with"]["path"] / "index.html").is_file()
    assert zipfile.is_zipfile(network / "_site.zip")


def test_gitlab_ci_checks_merge_requests_and_builds_pages(network):
    pipeline = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert pipeline["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "public" in pipeline["pages"]["artifacts"]["paths"]
    for job in ("check", "pages"):
        commands = qisite_steps(pipeline[job]["script"])
        assert commands, job
        for command in commands:
            done = shell(command, network, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
            assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
        report = json.loads((network / "gl-code-quality-report.json").read_text(encoding="utf-8"))
        assert isinstance(report, list)
    assert (network / "public" / "projects" / "ward-safety" / "index.html").is_file()


def test_intranet_script_publishes_into_a_served_folder(network, tmp_path):
    served = tmp_path / "intranet share" / "qi site"
    done = shell(str(EXAMPLES / "intranet-publish.sh"), tmp_path, NETWORK=str(network), PUBLISH=str(served))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (served / "index.html").is_file() and zipfile.is_zipfile(f"{served}.zip")
    done = shell(str(EXAMPLES / "intranet-publish.sh"), tmp_path, NETWORK=str(network), PUBLISH=str(served))
    assert done.returncode == 0, done.stdout + done.stderr  # and again: the site is replaced


def test_the_zip_works_unpacked_into_a_folder_with_spaces(network, tmp_path):
    archive = tmp_path / "qi site.zip"
    done = run_qisite("build", network, "--zip", archive)
    assert done.returncode == 0 and f"wrote {archive}" in done.stdout, done.stdout + done.stderr
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert names == sorted(names) and all(n.startswith("qi site/") for n in names)
        assert ".qisite-build" not in {Path(n).name for n in names}
        zipped.extractall(tmp_path / "unpacked by a reviewer")
    site = tmp_path / "unpacked by a reviewer" / "qi site"
    written = {p.relative_to(network / "_site") for p in (network / "_site").rglob("*") if p.is_file()}
    assert {p.relative_to(site) for p in site.rglob("*") if p.is_file()} == written - {Path(".qisite-build")}
    assert not broken_links(site)
    again = tmp_path / "again.zip"
    assert run_qisite("build", network, "--zip", again).returncode == 0
    with zipfile.ZipFile(archive) as first, zipfile.ZipFile(again) as second:  # the same site, the same archive
        assert [(i.filename[8:], i.CRC, i.date_time) for i in first.infolist()] == \
               [(i.filename[6:], i.CRC, i.date_time) for i in second.infolist()]


def test_an_archive_inside_the_site_or_not_a_zip_is_refused(network):
    for bad in (network / "_site" / "site.zip", network / "site.tar"):
        done = run_qisite("build", network, "--zip", bad)
        assert done.returncode == 2 and str(bad) in done.stderr

"""site.yaml ``sources:``: one site from local folders and several local git repositories."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepos import add_project, commit, git, make_repository

from qisite.build import build
from qisite.load import sources
from qisite.load.network import load_network
from qisite.problems import Problems

SITE = """title: Sources test
sources:
  - path: ../team-b/projects
    organisation: Team B's trust
  - git: ../team-c
    organisation: Team C's trust
  - git: ../team-d
    ref: v1
    path: qi/projects
"""


@pytest.fixture
def world(tmp_path):
    """A network with its own project, a local folder source and two git sources."""
    root = tmp_path / "network"
    root.mkdir()
    add_project(root / "projects" / "own-project", "The network")
    add_project(tmp_path / "team-b" / "projects" / "b-project", "Team B")
    commits = {
        "c": make_repository(tmp_path / "team-c", {"c-first": "Team C", "c-second": "Team C"}, "2024-03-01"),
        "d": make_repository(tmp_path / "team-d", {"d-project": "Team D"}, "2024-04-02", folder="qi/projects"),
    }
    git(tmp_path / "team-d", "tag", "v1")
    # a later commit on team D's branch, after the tag the network pins
    (tmp_path / "team-d" / "qi" / "projects" / "d-project" / "story.md").write_text("Not yet published.\n")
    commit(tmp_path / "team-d", "after v1", "2024-05-05")
    (root / "site.yaml").write_text(SITE, encoding="utf-8")
    return root, commits


def loaded(root: Path) -> tuple[dict, Problems]:
    problems = Problems()
    network = load_network(root, problems)
    return {p.id: p for p in network.projects}, problems


def test_projects_of_every_source_are_read_with_their_provenance(world):
    root, commits = world
    projects, problems = loaded(root)
    assert not problems.errors, [p.format() for p in problems]
    assert sorted(projects) == ["b-project", "c-first", "c-second", "d-project", "own-project"]
    c = projects["c-first"].provenance
    assert (c.source, c.organisation, c.commit) == ("../team-c", "Team C's trust", commits["c"])
    assert c.committed == dt.date(2024, 3, 1)
    assert projects["c-first"].updated == dt.date(2024, 3, 1)  # project.yaml gives no 'updated'
    d = projects["d-project"]
    assert (d.provenance.ref, d.provenance.commit, d.provenance.committed) == ("v1", commits["d"], dt.date(2024, 4, 2))
    assert "Not yet published" not in d.story  # the story committed after the tag is not shown
    assert projects["b-project"].provenance.organisation == "Team B's trust"
    assert projects["b-project"].provenance.commit is None
    assert projects["own-project"].provenance.source == "projects"
    assert (root / ".qisite-cache" / "sources").is_dir()


def test_a_changed_repository_is_shown_at_its_new_commit_after_a_rebuild(world):
    root, _ = world
    report = build(root)
    assert report.written and not report.problems.errors
    page = (root / "_site" / "projects" / "c-first" / "index.html").read_text(encoding="utf-8")
    assert "From Team C&#39;s trust" in page and "last changed 1 Mar 2024" in page
    team_c = root.parent / "team-c"
    shutil.rmtree(team_c / "projects" / "c-second")
    add_project(team_c / "projects" / "c-third", "Team C")
    (team_c / "projects" / "c-first" / "story.md").write_text("We tested a reminder call.\n")
    new = commit(team_c, "update", "2024-06-10")
    report = build(root)
    assert report.written and not report.problems.errors, [p.format() for p in report.problems]
    site = root / "_site" / "projects"
    page = (site / "c-first" / "index.html").read_text(encoding="utf-8")
    assert new[:12] in page and "last changed 10 Jun 2024" in page and "We tested a reminder call." in page
    assert (site / "c-third" / "index.html").is_file() and not (site / "c-second").exists()
    projects, _ = loaded(root)
    assert projects["c-third"].provenance.commit == new


def test_unchanged_projects_keep_the_date_of_their_own_last_commit(world):
    root, _ = world
    team_c = root.parent / "team-c"
    (team_c / "projects" / "c-first" / "story.md").write_text("Changed.\n")
    commit(team_c, "update c-first only", "2024-07-07")
    projects, _ = loaded(root)
    assert projects["c-first"].provenance.committed == dt.date(2024, 7, 7)
    assert projects["c-second"].provenance.committed == dt.date(2024, 3, 1)


def test_a_broken_and_an_unreachable_repository_are_reported_and_the_others_publish(world):
    root, _ = world
    (root.parent / "not-a-repository").mkdir()
    (root / "site.yaml").write_text(SITE + "  - git: ../not-a-repository\n  - git: http://127.0.0.1:9/nowhere.git\n",
                                    encoding="utf-8")
    report = build(root)
    assert report.written
    errors = [p for p in report.problems.errors]
    assert [(e.where.file.name, e.where.line) for e in errors] == [("site.yaml", 10), ("site.yaml", 11)]
    assert "../not-a-repository could not be read" in errors[0].message
    assert "http://127.0.0.1:9/nowhere.git could not be read" in errors[1].message
    for project_id in ("own-project", "b-project", "c-first", "d-project"):
        assert (root / "_site" / "projects" / project_id / "index.html").is_file()


def test_a_token_in_an_address_is_never_repeated(world):
    root, _ = world
    (root / "site.yaml").write_text("title: t\nsources:\n  - git: http://qi-bot:s3cret-token@127.0.0.1:9/x.git\n",
                                    encoding="utf-8")
    _, problems = loaded(root)
    [error] = problems.errors
    assert "http://127.0.0.1:9/x.git could not be read" in error.message
    assert "s3cret" not in error.message + error.hint


def test_a_cached_repository_is_used_when_it_cannot_be_reached(world):
    root, commits = world
    loaded(root)
    (root.parent / "team-c").rename(root.parent / "team-c-moved")
    projects, problems = loaded(root)
    assert projects["c-first"].provenance.commit == commits["c"]
    [warning] = problems.warnings
    assert "could not be updated" in warning.message and commits["c"][:12] in warning.message


def test_builds_sharing_the_cache_at_once_both_read_every_source(world):
    root, _ = world
    runs = [subprocess.Popen([sys.executable, "-m", "qisite", "check", "--format", "json", str(root)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0 and json.loads(out)["projects"] == 5, out + err


def test_a_project_id_in_two_sources_names_both(world):
    root, _ = world
    add_project(root.parent / "team-b" / "projects" / "own-project", "Team B")
    projects, problems = loaded(root)
    [clash] = problems.errors
    assert clash.where.file == root.parent / "team-b" / "projects" / "own-project" / "project.yaml"
    assert str(root / "projects" / "own-project" / "project.yaml") in clash.message
    assert projects["own-project"].organisation == "The network"


def test_a_folder_outside_the_repository_is_refused(world, tmp_path):
    root, _ = world
    (root / "site.yaml").write_text("title: t\nsources:\n  - git: ../team-c\n    path: ../../..\n  - ref: main\n"
                                    "  - git: --upload-pack=touch /tmp/x\n  - git: ../team-c\n    ref: --output=/tmp/y\n",
                                    encoding="utf-8")
    projects, problems = loaded(root)
    messages = [p.message for p in problems.errors]
    assert sum("which git would read as an option" in m for m in messages) == 2
    assert any("outside the repository" in m for m in messages)
    assert any("needs 'path:'" in m for m in messages)
    assert sorted(projects) == ["own-project"]


def test_a_repository_cannot_run_its_hooks(world, tmp_path):
    """A hook the build would trigger in the cached clone (post-checkout) is never run."""
    root, _ = world
    loaded(root)
    [clone] = [p for p in (root / ".qisite-cache" / "sources").glob("team-c-*") if p.is_dir()]
    marker = tmp_path / "hook-ran"
    hook = clone / ".git" / "hooks" / "post-checkout"
    hook.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    hook.chmod(0o755)
    team_c = root.parent / "team-c"
    (team_c / "projects" / "c-first" / "story.md").write_text("Changed.\n")
    commit(team_c, "update", "2024-07-07")
    loaded(root)
    assert not marker.exists()


@pytest.mark.parametrize(("address", "file", "expected"), [
    ("https://github.com/qi/team-c.git", "projects/a/project.yaml",
     "https://github.com/qi/team-c/blob/main/projects/a/project.yaml"),
    ("https://user:token@gitlab.example.org/qi/sub/team-c.git", "p/a/project.yaml",
     "https://gitlab.example.org/qi/sub/team-c/-/blob/main/p/a/project.yaml"),
    ("https://example.org/qi/team-c.git", "p/a/project.yaml", None),
    ("git@github.com:qi/team-c.git", "p/a/project.yaml", None),
    ("../team-c", "p/a/project.yaml", None),
])
def test_edit_links_follow_github_and_gitlab_addresses(address, file, expected):
    web = sources.web_address(address)
    assert (sources.edit_url(web, "main", file) if web else None) == expected


def test_addresses_shown_on_the_site_carry_no_credentials():
    assert sources.without_credentials("https://x-token:s3cret@example.org:8443/a.git") == "https://example.org:8443/a.git"
    assert sources.is_remote("git@host:a/b.git") and sources.is_remote("https://h/a")
    assert not sources.is_remote("../team-c") and not sources.is_remote("/srv/git/a.git")
    assert sources.cache_name("https://h/a/team-c.git") != sources.cache_name("https://other/team-c.git")


def test_the_project_page_links_to_its_file_on_the_repositorys_web_pages(world, monkeypatch):
    """As if team C's repository were https://github.com/qi/team-c.git (no network here)."""
    root, commits = world
    monkeypatch.setattr(sources, "web_address", lambda address: "https://github.com/qi/team-c" if "team-c" in address else None)
    report = build(root)
    assert report.written and not report.problems.errors
    page = (root / "_site" / "projects" / "c-first" / "index.html").read_text(encoding="utf-8")
    assert ('<a class="edit-link" href="https://github.com/qi/team-c/blob/main/projects/c-first/project.yaml" '
            'rel="external">Edit this project</a>') in page
    assert f'<code title="{commits["c"]}">{commits["c"][:12]}</code>' in page
    assert "edit-link" not in (root / "_site" / "projects" / "d-project" / "index.html").read_text(encoding="utf-8")

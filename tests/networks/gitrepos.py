"""Local git repositories of project folders, for the networks tests (no network needed)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from qisite.commands.new import write_scaffold

from support import fill_in

ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``repo`` with no user configuration; commits dated ``date`` (YYYY-MM-DD)."""
    env = {**os.environ, **ISOLATED}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def make_repository(repo: Path, projects: dict[str, str], date: str, folder: str = "projects",
                    branch: str = "main") -> str:
    """A repository whose ``folder`` holds one scaffolded project per id (id → organisation),
    committed on ``date``; its commit."""
    repo.mkdir(parents=True)
    git(repo, "init", "--quiet", f"--initial-branch={branch}")
    for project_id, organisation in projects.items():
        add_project(repo / folder / project_id, organisation)
    return commit(repo, "add projects", date)


def add_project(target: Path, organisation: str) -> None:
    write_scaffold(target)
    fill_in(target)
    yaml = target / "project.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("organisation: Our own organisation.",
                                                             f"organisation: {organisation}"), encoding="utf-8")


def commit(repo: Path, message: str, date: str) -> str:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD")

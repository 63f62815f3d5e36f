"""Which network (or lone project) a command works on, when the user did not name its folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qisite.config import SITE_FILE, load_config
from qisite.load.layout import PROJECT_FILE, is_project_folder
from qisite.load.lone import preview_home
from qisite.load.network import find_network_root
from qisite.problems import Problems, QisiteError


@dataclass(frozen=True)
class Target:
    """What ``build`` and ``serve`` work on: a network folder, or one project on its own.

    For a lone project, ``root`` is its preview home (qisite.load.lone), where its
    site and cache are kept; ``project`` is the project folder."""

    root: Path
    project: Path | None = None

    @property
    def watched(self) -> tuple[Path, ...]:
        """What a preview of this target rebuilds on: a lone project's folder, or a network's
        site.yaml and its projects and templates folders (the projects folder from site.yaml)."""
        if self.project is not None:
            return (self.project,)
        return self.root / SITE_FILE, load_config(self.root, Problems()).projects_dir, self.root / "templates"


def build_target(given: Path | None) -> Target:
    """The network at the folder given (or the current one) if it holds site.yaml or a
    projects folder; else the nearest network above it (a site.yaml, as ``check`` finds
    it); else the nearest project folder at or above it, on its own."""
    start = given if given is not None else Path.cwd()
    if not start.exists():
        raise QisiteError(f"{start}: no such folder")
    if start.is_file():
        start = start.parent
    if (start / SITE_FILE).is_file() or ((start / "projects").is_dir() and not is_project_folder(start)):
        return Target(start)
    root = find_network_root(start.resolve())
    if root is not None:
        return Target(root)
    project = next((folder for folder in (start.resolve(), *start.resolve().parents) if is_project_folder(folder)), None)
    if project is not None:
        return Target(preview_home(project), project)
    raise QisiteError(f"{start}: no {SITE_FILE} here or above, no projects/ folder here, and no {PROJECT_FILE} here or above",
                      "run qisite in a network folder (holding site.yaml) or in a project folder")


def network_root(given: Path | None) -> Path:
    """The network a command that needs one works on (``build_target`` without the lone project)."""
    target = build_target(given)
    if target.project is not None:
        raise QisiteError(f"{target.project}: no {SITE_FILE} at or above this project folder",
                          "run the command in a network folder (holding site.yaml), or give its path")
    return target.root

"""A network folder (site.yaml + project folders) → a Network."""

from __future__ import annotations

from pathlib import Path

from qisite.config import SITE_FILE, default_config, load_config
from qisite.load.project import is_project_folder, load_project
from qisite.model import Network, SiteConfig
from qisite.problems import Location, Problems, QisiteError


def discover(projects_dir: Path) -> list[Path]:
    """Project folders in name order; folders starting with _ or . are skipped."""
    if not projects_dir.is_dir():
        return []
    return [p for p in sorted(projects_dir.iterdir())
            if p.is_dir() and not p.name.startswith(("_", ".")) and is_project_folder(p)]


def load_network(root: Path, problems: Problems) -> Network:
    config = load_config(root, problems)
    if not config.projects_dir.is_dir():
        raise QisiteError(f"{config.projects_dir}: no projects folder here (set 'projects:' in {SITE_FILE})")
    for folder in sorted(config.projects_dir.iterdir()):
        if folder.is_dir() and not folder.name.startswith(("_", ".")) and not is_project_folder(folder):
            problems.warning(Location(folder / "project.yaml"), f"folder '{folder.name}' has no project.yaml, so it is not a project",
                             "add project.yaml (see 'qisite new'), or start the folder name with _ to hide it")
    projects = tuple(p for p in (load_project(f, config, problems) for f in discover(config.projects_dir)) if p)
    return Network(config, projects)


def require_network_root(root: Path) -> None:
    """Refuse, as a user-facing error, a folder that holds no network."""
    if not (root / SITE_FILE).is_file() and not (root / "projects").is_dir():
        raise QisiteError(f"{root}: no {SITE_FILE} or projects/ folder here")


def find_network_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding site.yaml."""
    for folder in (start, *start.parents):
        if (folder / SITE_FILE).is_file():
            return folder
    return None


def config_for_project(folder: Path, problems: Problems) -> SiteConfig:
    """The site configuration a lone project folder is checked against."""
    root = find_network_root(folder.resolve().parent)
    return load_config(root, problems) if root else default_config(folder.parent)

"""A network folder (site.yaml + project folders) → a Network."""

from __future__ import annotations

import os
from pathlib import Path

from qisite.config import SITE_FILE, default_config, load_config
from qisite.load import sources
from qisite.load.files import is_inside
from qisite.load.layout import PROJECT_FILE, is_project_folder
from qisite.model import Network, Project, Provenance, SiteConfig
from qisite.problems import Location, Problems, QisiteError


def discover(projects_dir: Path, problems: Problems | None = None,
             listed: list[tuple[Path, bool, bool]] | None = None) -> list[Path]:
    """Project folders in name order; folders starting with _ or . are skipped, and so
    is a folder that is a link to somewhere outside ``projects_dir`` (a problem when
    ``problems`` is given). ``listed``: :func:`candidate_folders` of ``projects_dir``, if read already."""
    if listed is None and not projects_dir.is_dir():
        return []
    found = []
    for folder, linked, is_project in candidate_folders(projects_dir) if listed is None else listed:
        if not is_project:
            continue
        if linked and not is_inside(folder, projects_dir):   # (a folder itself is inside: no resolving)
            if problems is not None:
                problems.error(Location(folder), f"the project folder '{folder.name}' is a link to a folder outside "
                                                 f"'{projects_dir.name}', so it is not read",
                               "move the project's folder itself into the projects folder")
            continue
        found.append(folder)
    return found


def candidate_folders(projects_dir: Path) -> list[tuple[Path, bool, bool]]:
    """Each folder in ``projects_dir`` (or link to one) whose name starts with neither _ nor ., in name
    order, with whether it is a link and whether it is a project folder (holds project.yaml): one
    listing, each entry's kind as the listing gives it (a build lists a thousand folders at each edit)."""
    with os.scandir(projects_dir) as found:
        folders = sorted((entry for entry in found if not entry.name.startswith(("_", ".")) and entry.is_dir()),
                         key=lambda entry: entry.name)
    return [(projects_dir / entry.name, entry.is_symlink(), is_project_folder(entry.path))
            for entry in folders]


def load_network(root: Path, problems: Problems) -> Network:
    config = load_config(root, problems)
    loaded = (load_sourced(folder, provenance, config, problems)
              for folder, provenance in project_folders(config, problems).items())
    return Network(config, tuple(project for project in loaded if project))


def load_sourced(folder: Path, provenance: Provenance | None, config: SiteConfig, problems: Problems) -> Project | None:
    """A project read while it may change, with where it came from (``sources:``)."""
    return sources.with_provenance(load_while_it_holds_still(folder, config, problems), provenance)


def project_folders(config: SiteConfig, problems: Problems) -> dict[Path, Provenance | None]:
    """The project folders of every source (the network's own first), each with where it came from,
    with a warning for each folder that is not one."""
    if not config.projects_dir.is_dir():
        raise QisiteError(f"{config.projects_dir}: no projects folder here (set 'projects:' in {SITE_FILE})")
    own = candidate_folders(config.projects_dir)
    for folder, _, is_project in own:
        if not is_project:
            problems.warning(Location(folder / "project.yaml"), f"folder '{folder.name}' has no project.yaml, so it is not a project",
                             "add project.yaml (see 'qisite new'), or start the folder name with _ to hide it")

    def listed_once(folder: Path, problems: Problems) -> list[Path]:   # (the network's own folder is listed above)
        return discover(folder, problems, own if folder == config.projects_dir else None)

    found = sources.project_folders(sources.resolve_sources(config, problems), listed_once, problems)
    return {folder: source.provenance(folder) for folder, source in found}


def load_while_it_holds_still(folder: Path, config: SiteConfig, problems: Problems) -> Project | None:
    """A project read while its files may be changing under the build (a ``git pull``): a file
    that vanishes or changes kind part-way is that project's located problem, never a crash
    of the whole build, and never a silent absence."""
    from qisite.load.project import load_project  # (the loader: only for a project to load, not to find one)

    try:
        return load_project(folder, config, problems)
    except OSError as exc:
        where = Path(exc.filename) if isinstance(exc.filename, str) else folder / PROJECT_FILE
        problems.error(Location(where), f"the project's files changed while they were read ({exc.strerror or exc})",
                       "build again once the change (a git pull, a copy) has finished")
        return None


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

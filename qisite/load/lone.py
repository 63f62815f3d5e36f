"""A project on its own: one project folder with no site.yaml at or above it,
built as a one-project preview with the default vocabularies.

A team can then see its project's pages before it joins a network. Nothing is
ever written inside or around the project folder: the preview lives in a *home*
of its own in the user's cache folder (``$XDG_CACHE_HOME/qisite/preview/…``,
else ``~/.cache/qisite/preview/…``), which holds the site (``_site``) and
qisite's cache, and which build and serve print.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from qisite.config import default_config
from qisite.load.layout import PROJECT_FILE, is_project_folder
from qisite.load.network import load_while_it_holds_still
from qisite.model import Network, SiteConfig
from qisite.problems import Problems, QisiteError

PREVIEW_FOLDER = Path("qisite") / "preview"


def preview_home(folder: Path) -> Path:
    """Where a lone project's preview and cache live: a folder in the user's cache
    folder, named after the project and told apart from others of the same name
    by its absolute path."""
    folder = Path(os.path.abspath(folder))
    cache = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(cache) if cache and Path(cache).is_absolute() else Path.home() / ".cache"
    digest = hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:10]
    return base / PREVIEW_FOLDER / f"{folder.name}-{digest}"


def lone_config(folder: Path, home: Path) -> SiteConfig:
    """The site configuration of one project folder: the defaults, rooted at ``home`` (so the
    cache and the site stay there), with the project's own parent as the folder of projects
    (so problems are located as in a network). A folder that is no longer a project is an error."""
    folder = Path(os.path.abspath(folder))
    if not is_project_folder(folder):
        raise QisiteError(f"{folder}: no {PROJECT_FILE} here any more, so there is no project to preview",
                          "put the project's folder back, or run qisite in another project folder")
    return replace(default_config(home), projects=str(folder.parent))


def lone_network(folder: Path, home: Path, problems: Problems) -> Network:
    """The network of one project folder (:func:`lone_config`), and no other project."""
    config = lone_config(folder, home)
    project = load_while_it_holds_still(Path(os.path.abspath(folder)), config, problems)
    return Network(config, (project,) if project else ())


def refuse_output_around(output: Path, folder: Path) -> None:
    """A lone project's output may be anywhere but in its folder, or a folder holding it."""
    site, project = Path(os.path.abspath(output)), Path(os.path.abspath(folder))
    for site_path, project_path in ((site, project), (site.resolve(), project.resolve())):
        if site_path.is_relative_to(project_path) or project_path.is_relative_to(site_path):
            where = "inside the project folder" if site_path.is_relative_to(project_path) else "a folder holding the project"
            raise QisiteError(f"{output}: refusing to write the preview here: it is {where}, and building would "
                              "replace what is there",
                              "leave out --output (the preview then goes to qisite's cache folder), or choose a "
                              "folder outside the project")

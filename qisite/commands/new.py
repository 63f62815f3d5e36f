"""``qisite new PROJECT``: scaffold a project folder that passes ``qisite check``."""

from __future__ import annotations

import datetime as dt
import logging
from importlib import resources
from pathlib import Path
from string import Template

from qisite.config import load_config
from qisite.load.kinds import SLUG
from qisite.load.network import find_network_root
from qisite.problems import Problems, QisiteError
from qisite.slugs import slug

log = logging.getLogger("qisite")


def register(subparsers) -> None:
    parser = subparsers.add_parser("new", help="scaffold a new project folder",
                                   description="Write a project folder with every file, guidance in comments, and example data.")
    parser.add_argument("project", help="the new folder's id (e.g. my-clinic-access) or its path")
    parser.set_defaults(func=run)


def run(args) -> int:
    target = resolve_target(Path(args.project))
    if not SLUG.match(target.name):
        raise QisiteError(f"'{target.name}' is not a valid project id: use lower-case letters, digits and hyphens, "
                          f"e.g. '{slug(target.name)}'")
    if target.exists():
        raise QisiteError(f"{target}: already exists; choose another name (nothing was written)")
    write_scaffold(target)
    log.info(f"created {target}\nnext: edit the YAML files, replace data/main-outcome.csv with your data, then run: qisite check {target}")
    return 0


def resolve_target(given: Path) -> Path:
    """A bare id goes into the network's projects folder when there is one."""
    if len(given.parts) > 1 or given.is_absolute():
        return given
    root = find_network_root(Path.cwd())
    return load_config(root, Problems()).projects_dir / given if root else given


def write_scaffold(target: Path) -> None:
    values = {"title": target.name.replace("-", " ").capitalize(), "today": dt.date.today().isoformat(),
              "folder": target.as_posix()}
    source = resources.files("qisite") / "scaffold"
    target.mkdir(parents=True)
    for relative, file in _walk(source):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = file.read_text(encoding="utf-8")
        destination.write_text(Template(text).safe_substitute(values), encoding="utf-8")


def _walk(folder, prefix: str = ""):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(("_", ".")):
            continue
        if entry.is_dir():
            yield from _walk(entry, f"{prefix}{entry.name}/")
        else:
            yield f"{prefix}{entry.name}", entry

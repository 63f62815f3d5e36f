"""A network's theme files (templates and static assets), read under the one
confinement rule of :mod:`qisite.load.files`: each must lie inside its theme
folder once links are followed, be a regular file, and be within the size limit.

A theme file that breaks the rule stops the build with a message naming it:
the theme belongs to the whole network, and a site without it would be half
done. Templates are code (Jinja runs them while building); see docs/site.md.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from qisite.load.files import FileRefusedError, read_inside
from qisite.problems import QisiteError


def read_theme_file(path: Path, folder: Path) -> bytes:
    """The bytes of a theme file, or a QisiteError naming it and saying why not."""
    try:
        return read_inside(path, folder)
    except FileRefusedError as refused:
        raise QisiteError(f"{path}: {refused.message} ({refused.hint})") from None


class ConfinedLoader(jinja2.BaseLoader):
    """Jinja's file-system loader, except that every template is read through the confinement rule."""

    def __init__(self, folders: list[Path], encoding: str = "utf-8"):
        self.folders = folders
        self.encoding = encoding

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if path.is_dir() or not (path.is_symlink() or path.exists()):
                continue
            source = read_theme_file(path, folder).decode(self.encoding)
            modified = os.path.getmtime(path)
            return source, str(path), functools.partial(_unchanged, path, modified)
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        found = {path.relative_to(folder).as_posix() for folder in self.folders if folder.is_dir()
                 for path in folder.rglob("*") if path.is_file()}
        return sorted(found)


def _unchanged(path: Path, modified: float) -> bool:
    return path.is_file() and os.path.getmtime(path) == modified

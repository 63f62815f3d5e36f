"""Refuse patient identifiers wherever a project would publish them.

The finders are in :mod:`qisite.privacy.identifiers` (pure); this module walks
a loaded project's text — every field of its YAML files and story.md — and
turns each finding into a located error. CSV data (column names, groups,
Pareto categories) is checked as it is read, in :mod:`qisite.load.observations`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from qisite.model import Measure, Positions, Project
from qisite.privacy.identifiers import Finding, in_category, in_free_text
from qisite.problems import Location, Problems

_NOT_TEXT = {"at", "observations", "folder", "story", "data", "url"}  # checked elsewhere, or not published text


def check_project_text(project: Project, problems: Problems) -> None:
    """A located error for each identifier in the project's YAML text."""
    for value, where, category in _texts(project, project.at):
        for finding in (in_category(value) if category else in_free_text(value)):
            _report(finding, where, problems, "this text")


def check_story(path: Path, text: str, problems: Problems) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        for finding in in_free_text(line):
            _report(finding, Location(path, number), problems, "story.md")


def _report(finding: Finding, where: Location, problems: Problems, what: str) -> None:
    problems.error(where, finding.message(what), finding.hint)


def _texts(obj, at: Positions | None) -> Iterator[tuple[str, Location, bool]]:
    """(text, where it was written, whether it names a group) for every text field, depth first."""
    here = getattr(obj, "at", None) or at
    for spec in dataclasses.fields(obj):
        if spec.name in _NOT_TEXT:
            continue
        value = getattr(obj, spec.name)
        category = isinstance(obj, Measure) and spec.name in ("reference_group", "order")  # a group's name, as in the CSV
        yield from _values(value, spec.name, here, category)


def _values(value, name: str, at: Positions | None, category: bool) -> Iterator[tuple[str, Location, bool]]:
    if isinstance(value, str):
        if at is not None:
            yield value, at.of(name), category
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, str) and at is not None:
                yield item, at.of(name, index), category
            elif dataclasses.is_dataclass(item):
                yield from _texts(item, at)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield from _texts(value, at)

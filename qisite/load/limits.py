"""Bounds on how much one project may ask a build to draw.

A hostile or mistaken data file can hold thousands of groups (a column of
patient numbers used as the group), and a PDSA log thousands of cycles; each
group is a line, a panel and a table, each cycle a marker on every chart, so
memory and time grow with them. Markdown costs about 80 times its size in
memory while it is rendered (an 18 MB story.md took 1.5 GB), so each Markdown
text (a story, a PDSA cycle's plan…) has a limit of its own, far below the
limit on a file's size. Over the limit is a located error naming the
limit and the environment variable that raises it (the same rule as
``QISITE_MAX_ROWS``: a network raises limits for its builds, a project folder
cannot raise them for itself).
"""

from __future__ import annotations

from pathlib import Path

from qisite.load.files import limit_from_environment
from qisite.load.images import markdown_texts
from qisite.model import Measure, Project
from qisite.problems import Location, Problems

MAX_GROUPS_VARIABLE = "QISITE_MAX_GROUPS"
DEFAULT_MAX_GROUPS = 50
MAX_CYCLES_VARIABLE = "QISITE_MAX_PDSA_CYCLES"
DEFAULT_MAX_CYCLES = 500
MAX_MARKDOWN_KB_VARIABLE = "QISITE_MAX_MARKDOWN_KB"
DEFAULT_MAX_MARKDOWN_KB = 1024


def max_groups() -> int:
    return limit_from_environment(MAX_GROUPS_VARIABLE, DEFAULT_MAX_GROUPS)


def max_cycles() -> int:
    return limit_from_environment(MAX_CYCLES_VARIABLE, DEFAULT_MAX_CYCLES)


def check_groups(measure: Measure, path: Path, problems: Problems) -> bool:
    """Whether the measure has no more groups than the limit; if it has, a located
    error at the first row of the first group beyond it."""
    limit = max_groups()
    seen: set[str] = set()
    for obs in measure.observations:
        if obs.group is None or obs.group in seen:
            continue
        seen.add(obs.group)
        if len(seen) > limit:
            problems.error(Location(path, obs.line),
                           f"measure '{measure.id}' has more than {limit:,} groups in {measure.columns_words()}, the limit",
                           "a chart of groups compares a few groups: combine small groups, or check that the 'group' "
                           "column is the right one; or raise the limit with the environment variable "
                           f"{MAX_GROUPS_VARIABLE} (e.g. {MAX_GROUPS_VARIABLE}={limit * 2})")
            return False
    return True


def check_project(project: Project, problems: Problems) -> bool:
    """Whether the project is within the limits on PDSA cycles and Markdown (a located error for each breach)."""
    return check_cycles(project, problems) & check_markdown(project, problems)


def check_markdown(project: Project, problems: Problems) -> bool:
    """Whether every Markdown text of the project is within the limit; a located error for each that is not."""
    limit = limit_from_environment(MAX_MARKDOWN_KB_VARIABLE, DEFAULT_MAX_MARKDOWN_KB)
    within = True
    for text, where, _ in markdown_texts(project):
        if len(text) > limit * 1024:  # characters, at least as many bytes
            within = False
            problems.error(where, f"this Markdown text is longer than the limit of {limit:,} KB for one text",
                           "a story or a cycle's notes are read on one page: shorten it, or raise the limit with the "
                           f"environment variable {MAX_MARKDOWN_KB_VARIABLE} (e.g. {MAX_MARKDOWN_KB_VARIABLE}={limit * 2})")
    return within


def check_cycles(project: Project, problems: Problems) -> bool:
    """Whether the project has no more PDSA cycles than the limit; if it has, a located
    error at the first cycle beyond it."""
    limit = max_cycles()
    if len(project.cycles) <= limit:
        return True
    first = project.cycles[limit]
    problems.error(first.at.of("id") if first.at else Location(project.folder / "pdsa.yaml"),
                   f"pdsa.yaml has {len(project.cycles):,} PDSA cycles, more than the limit of {limit:,}",
                   "keep the cycles the team learned from, or split the work into projects; or raise the limit "
                   f"with the environment variable {MAX_CYCLES_VARIABLE} (e.g. {MAX_CYCLES_VARIABLE}={limit * 2})")
    return False

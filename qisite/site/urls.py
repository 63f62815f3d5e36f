"""Where every page lives. All links are relative and end in a file name, so
the site works from file://, from a sub-path and from any static host."""

from __future__ import annotations

import posixpath
import re


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


HOME = "index.html"
PROJECTS = "projects/index.html"
AREAS = "areas/index.html"
IDEAS = "ideas/index.html"
TEAMS = "teams/index.html"
STAGES = "stages/index.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
FEED = "feed.xml"


def project(project_id: str) -> str:
    return f"projects/{project_id}/index.html"


def project_file(project_id: str, name: str) -> str:
    return f"projects/{project_id}/{name}"


def area(area_id: str) -> str:
    return f"areas/{area_id}/index.html"


def idea(idea_id: str) -> str:
    return f"ideas/{idea_id}/index.html"


def organisation(name: str) -> str:
    return f"teams/{slug(name)}/index.html"


def stage(stage_id: str) -> str:
    return f"stages/{stage_id}/index.html"


def relative(from_page: str, to: str) -> str:
    """The link from one site path to another (``to`` may carry a #fragment)."""
    target, _, fragment = to.partition("#")
    if not target:
        return f"#{fragment}"
    start = posixpath.dirname(from_page) or "."
    link = posixpath.relpath(target, start)
    return f"{link}#{fragment}" if fragment else link


def root_of(page: str) -> str:
    """The prefix from a page back to the site root ("" or "../../")."""
    return "../" * page.count("/")

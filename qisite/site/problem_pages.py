"""The preview's pages for problems (``qisite serve`` only; a published site never has them).

While a project has errors it is left out of the site; in the preview its page
is not missing but shows the errors, each located (file:line:column) with its
hint. ``problems.html`` lists every problem of the build. The server puts a
banner on every other page (:func:`banner`), so that no page of the preview
looks fine while the network has errors. Pure: pages are (path, template,
context) like the site's own, rendered by the build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from qisite.load.kinds import SLUG
from qisite.model import SiteConfig
from qisite.problems import Problem, Problems
from qisite.site import urls
from qisite.site.pages import Page

PROBLEMS_PAGE = "problems.html"   # at the site's root, beside search.html: no project, area or idea lives there
TEMPLATE = "problems.html"


@dataclass(frozen=True)
class ShownProblem:
    """A problem as the page shows it: where, relative to the network's folder."""

    where: str
    severity: str
    message: str
    hint: str
    project: str | None   # the folder name of the project it belongs to, if any
    page: str | None      # the project's (problem) page, if it has one


def problem_pages(problems: Problems, config: SiteConfig, published: set[str]) -> list[Page]:
    """A page for each project folder left out for its errors (at the project's own address)
    and the page of all problems; nothing when there are none."""
    if not len(problems):
        return []
    broken = {project_of(p, config) for p in problems.errors} - {None} - published
    with_page = {name for name in broken if name and SLUG.match(name)}
    shown = [_shown(p, config, with_page) for p in sorted(problems, key=_order)]
    pages = [Page(urls.project(name), TEMPLATE, {
        "heading": f"{name}: this project has errors",
        "project": name,
        "problems": [s for s in shown if s.project == name],
    }) for name in sorted(with_page)]
    pages.append(Page(PROBLEMS_PAGE, TEMPLATE, {"heading": "Problems in this network's files", "project": None,
                                                "problems": shown}))
    return pages


def project_of(problem: Problem, config: SiteConfig) -> str | None:
    """The folder name of the project a problem's file lies in (None for site.yaml and the like)."""
    try:
        parts = Path(os.path.abspath(problem.where.file)).relative_to(os.path.abspath(config.projects_dir)).parts
    except ValueError:
        return None
    return parts[0] if parts and parts[0] not in (".", "..") else None


def banner(errors: int, failure: str | None, problems_link: str = "/" + PROBLEMS_PAGE) -> str:
    """The note the preview puts on every page while the site it shows is not the whole truth:
    the last build failed, or some projects were left out for their errors. Empty when neither."""
    notes = []
    if failure:
        notes.append(Markup('<p class="notice draft-banner" role="alert"><strong>The last build failed:</strong> '
                            '{}. This is the site as it was before; it reloads by itself once a build succeeds.</p>')
                     .format(failure))
    if errors:
        notes.append(Markup('<p class="notice draft-banner" role="alert"><strong>{} error{} in the network\'s files</strong>: '
                            'projects with errors are left out of the site. <a href="{}">See where they are and '
                            'how to fix them</a>.</p>').format(errors, "" if errors == 1 else "s", problems_link))
    return str(escape("").join(notes))


def _shown(problem: Problem, config: SiteConfig, with_page: set[str]) -> ShownProblem:
    where = problem.display_path(config.root if _inside(problem, config.root) else config.projects_dir.parent)
    if problem.where.line:
        where += f":{problem.where.line}" + (f":{problem.where.column}" if problem.where.column else "")
    project = project_of(problem, config)
    return ShownProblem(where, problem.severity, problem.message, problem.hint, project,
                        urls.project(project) if project in with_page else None)


def _inside(problem: Problem, folder: Path) -> bool:
    return Path(os.path.abspath(problem.where.file)).is_relative_to(os.path.abspath(folder))


def _order(problem: Problem) -> tuple:
    return str(problem.where.file), problem.where.line, problem.where.column

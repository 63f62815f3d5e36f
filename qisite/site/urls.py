"""Where every page lives. All links are relative and end in a file name, so
the site works from file://, from a sub-path and from any static host.

Projects, equity areas, change ideas and stages are addressed by their ids,
which loading has checked are slugs (lower-case letters, digits, hyphens) and
unique in their folder. Organisations are addressed by their names, which are
free text in any script: :class:`SiteUrls` gives each one a slug of its own
(:mod:`qisite.slugs`), and :func:`clash_warnings` says when two names had to be
told apart.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable

from qisite.model import Network
from qisite.problems import WARNING, Location, Problem
from qisite.slugs import SlugRegistry

TEAMS_FOLDER = "teams"

HOME = "index.html"
PROJECTS = "projects/index.html"
AREAS = "areas/index.html"
IDEAS = "ideas/index.html"
TEAMS = "teams/index.html"
STAGES = "stages/index.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
FEED = "feed.xml"
METHODS = "methods.html"
MEASURES = "measures/index.html"
SEARCH_INDEX = "assets/search-index.js"
SEARCH_FRAGMENTS = "assets/search"   # one script per project: its searchable text (qisite.site.search)


def project(project_id: str) -> str:
    return f"projects/{project_id}/index.html"


def project_file(project_id: str, name: str) -> str:
    return f"projects/{project_id}/{name}"


def search_fragment(project_id: str) -> str:
    """The script holding a project's searchable text, loaded by the search page for a result shown."""
    return f"{SEARCH_FRAGMENTS}/{project_id}.js"


def slide_file(svg_name: str) -> str:
    """The PNG for slides beside a chart's SVG download (qisite.charts.slides): ``x.svg`` → ``x.png``."""
    return svg_name.removesuffix(".svg") + ".png"


def area(area_id: str) -> str:
    return f"areas/{area_id}/index.html"


def idea(idea_id: str) -> str:
    return f"ideas/{idea_id}/index.html"


def stage(stage_id: str) -> str:
    return f"stages/{stage_id}/index.html"


def network_measure(measure_id: str) -> str:
    """The page of a measure of site.yaml's catalogue (comparing the projects that report it)."""
    return f"measures/{measure_id}/index.html"


def network_measure_file(measure_id: str, name: str) -> str:
    return f"measures/{measure_id}/{name}"


def funnel_csv(measure_id: str) -> str:
    """The file name of a network measure's funnel data, beside its page."""
    return f"{measure_id}-funnel.csv"


@functools.lru_cache(maxsize=1 << 16)   # a page links to the same few targets many times; relpath is slow
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


class SiteUrls:
    """The addresses of one site's pages: the functions above, and each organisation's page."""

    HOME, PROJECTS, AREAS, IDEAS, TEAMS, STAGES = HOME, PROJECTS, AREAS, IDEAS, TEAMS, STAGES
    SEARCH, NOT_FOUND, FEED, METHODS, MEASURES = SEARCH, NOT_FOUND, FEED, METHODS, MEASURES
    project = staticmethod(project)
    project_file = staticmethod(project_file)
    area = staticmethod(area)
    idea = staticmethod(idea)
    stage = staticmethod(stage)
    network_measure = staticmethod(network_measure)
    network_measure_file = staticmethod(network_measure_file)
    funnel_csv = staticmethod(funnel_csv)
    relative = staticmethod(relative)
    root_of = staticmethod(root_of)

    def __init__(self, organisations: Iterable[str]):
        self.slugs = SlugRegistry().add_all(TEAMS_FOLDER, organisations)

    def organisation(self, name: str) -> str:
        return f"{TEAMS_FOLDER}/{self.slugs.slug(TEAMS_FOLDER, name)}/index.html"


def network_urls(network: Network) -> SiteUrls:
    return SiteUrls(p.organisation for p in network.projects)


def clash_warnings(network: Network) -> list[Problem]:
    """A warning at each project.yaml naming an organisation that had to share its page's
    address with another name (often the same organisation spelt two ways)."""
    found = []
    for clash in network_urls(network).slugs.clashes:
        names = {name for name, _ in clash.given}
        for project in (p for p in network.projects if p.organisation in names):
            where = project.at.of("organisation") if project.at else Location(project.folder / "project.yaml")
            found.append(Problem(WARNING, where, clash.message(),
                                 "if they are one organisation, spell its name the same way in every project.yaml"))
    return found

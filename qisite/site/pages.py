"""Every page of the site as (path, template, context): pure, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from qisite.charts.text import rule_label
from qisite.links import STATUS_WORDS
from qisite.site import urls
from qisite.site.context import SiteData
from qisite.site.network import PERIOD_RULE
from qisite.spc.chart_types import CHART_TYPES
from qisite.spc.rules import PROFILES
from qisite.spc.warnings import MIN_POINTS


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: dict


class Later(Sequence):
    """A list a page shows, worked out when the page is rendered, not when the page is listed: a build
    lists every page to key it, and renders only those whose key changed (the teams to talk to about
    each change idea and equity area took a tenth of a one-project edit at 1,000 projects)."""

    def __init__(self, make: Callable[[], Sequence[Any]]):
        self._make: Callable[[], Sequence[Any]] | None = make
        self._items: tuple[Any, ...] = ()

    @property
    def items(self) -> tuple[Any, ...]:
        if self._make is not None:
            self._items, self._make = tuple(self._make()), None
        return self._items

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)


def all_pages(site: SiteData) -> list[Page]:
    config = site.network.config
    by_reach = _ideas_by_reach(site)
    pages = [
        Page(urls.HOME, "home.html", {"recent": _recent(site), "latest_updates": site.updates[:LATEST_UPDATES]}),
        Page(urls.PROJECTS, "projects.html", {"organisations": sorted(site.by_organisation)}),
        Page(urls.AREAS, "areas.html", {}),
        Page(urls.IDEAS, "ideas.html", {"entries": by_reach, "status_words": STATUS_WORDS,
                                        "spreads": site.spread}),
        Page(urls.TEAMS, "teams.html", {}),
        Page(urls.STAGES, "stages.html", {}),
        Page(urls.SEARCH, "search.html", {}),
        Page(urls.METHODS, "methods.html", _methods(site)),
        Page(urls.NOT_FOUND, "404.html", {}),
    ]
    pages += [Page(urls.project(d.project.id), "project.html", {"data": d}) for d in site.projects]
    pages += [Page(urls.area(a.id), "area.html", {"area": a, "projects": site.by_area.get(a.id, ()),
                                                   "ideas": Later(partial(_ideas_in, by_reach, site.by_area.get(a.id, ()))),
                                                   "teams": Later(partial(site.area_teams, a.id)), "status_words": STATUS_WORDS})
              for a in config.equity_areas]
    pages += [Page(urls.idea(e.id), "idea.html", {"entry": e, "status_words": STATUS_WORDS, "spreads": site.spread_of(e),
                                                  "teams": Later(partial(site.idea_teams, e))})
              for e in site.library.values()]
    pages += [Page(site.urls.organisation(name), "organisation.html", {"name": name, "projects": projects})
              for name, projects in site.by_organisation.items()]
    pages += [Page(urls.stage(s.id), "stage.html", {"stage": s, "projects": site.by_stage.get(s.id, ())})
              for s in config.stages]
    if config.measures:
        pages.append(Page(urls.MEASURES, "measures.html", {}))
        pages += [Page(urls.network_measure(s.entry.id), "network_measure.html",
                       {"shared": s, "period_rule": PERIOD_RULE}) for s in site.shared]
    return pages


LATEST_UPDATES = 5   # the home page's "Recently updated" shows this many updates' text


def _recent(site: SiteData, count: int = 5):
    return sorted(site.projects, key=lambda d: d.last_activity, reverse=True)[:count]


def _ideas_by_reach(site: SiteData):
    return sorted(site.library.values(), key=lambda e: (-len(e.teams), -e.cycle_count, e.title.lower()))


def _ideas_in(by_reach, projects):
    ids = {p.id for p in projects}
    return [e for e in by_reach if any(u.project.id in ids for u in e.uses)]


def _methods(site: SiteData) -> dict:
    """The Methods page's facts, from their one declaration: the chart-type registry,
    the rule profiles, the trial-limit threshold and which profile each chart uses."""
    used = sorted({rules for d in site.projects for rules in d.chart_rules.values()})
    return {"chart_types": CHART_TYPES, "profiles": [(p, rule_label(p)) for p in PROFILES],
            "rules_used": [(p, rule_label(p)) for p in used], "min_points": MIN_POINTS,
            "period_rule": PERIOD_RULE}

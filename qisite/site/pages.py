"""Every page of the site as (path, template, context): pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

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
                                                   "ideas": _ideas_in(by_reach, site.by_area.get(a.id, ())),
                                                   "teams": site.area_teams(a.id), "status_words": STATUS_WORDS})
              for a in config.equity_areas]
    pages += [Page(urls.idea(e.id), "idea.html", {"entry": e, "status_words": STATUS_WORDS, "spreads": site.spread_of(e),
                                                  "teams": site.idea_teams(e)})
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

"""What each page of the site is made from, as a key: a page whose key has not
changed since the published site was built is not rendered again.

A key covers everything the page's template can show. The site-wide part
(qisite's code, the templates, ``site.yaml``, the build date, every
organisation's address) is in every key. Beyond it, with qisite's own page
templates:

- a project's page: its project, and the id, title and team of each related
  project (all the page shows of it) with the reasons and score that relate it;
- a change idea's page: the listing part of every project that uses the idea,
  and of every project of its spread (``adapted_from``, which may name the idea
  by another id);
- an organisation's or a stage's page: the cards of the projects listed on it;
- a network measure's page (site.yaml's catalogue): the listing part of every
  project that reports it (its funnel and charts are worked out from their data,
  which that part holds);
- every other page (home, lists, equity areas, search, 404): every project's card.

A project stands for its key: the content of its folder, with ``site.yaml``
and qisite's code (everything its load and analysis read). On a listing page it
stands for its *card*: a digest of what listings show of it (:func:`card_key`),
so that an edit to a measure's data or to the story re-renders the listing
pages only when a figure they show changed. On a change idea's or a network
measure's page it stands for its listing part (:func:`listing_key`): all that
any page but its own is given of it (qisite.site.context.listing_data), so an
edit to its story or to a PDSA cycle's plan re-renders its own page alone. A network with
page templates of its own may show anything on any page, so there every key
covers the whole network. The property test in tests/test_incremental.py
holds these rules to a clean build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from typing import Any

from qisite.buildcache import canonical_bytes, digest
from qisite.model import Project
from qisite.site.context import PAGE_ONLY, PAGE_ONLY_CYCLE, Headline, ProjectData, SiteData
from qisite.site.pages import Page


@dataclass(frozen=True)
class SiteKeys:
    site: str                      # the site-wide inputs
    projects: dict[str, str]       # project id → project key
    network: str                   # every project's key
    own_page_templates: bool       # the network overrides a page template: every page depends on everything
    cards: dict[str, str]          # project id → card key (what listing pages show of it)
    listing: str                   # every project's card, in the site's order
    listed: dict[str, str]         # project id → its listing part's key (:func:`listing_key`)


def site_keys(site: SiteData, inputs: str, projects: dict[str, str], own_page_templates: bool,
              cards: dict[str, str] | None = None, listed: dict[str, str] | None = None) -> SiteKeys:
    """``inputs``: a digest of code, templates, site.yaml and build options. ``cards`` and ``listed``:
    each project's :func:`card_key` and :func:`listing_key` as its cached entry holds them (else
    worked out here: ``site`` then holds listing parts)."""
    organisations = [(name, site.urls.organisation(name)) for name in site.by_organisation]
    whole = digest(inputs, site.generated.isoformat(), organisations)
    network = digest([(p.project.id, projects[p.project.id]) for p in site.projects])
    given = cards or {}
    cards = {d.project.id: given.get(d.project.id) or card_key(d.project, d) for d in site.projects}
    listing = digest([(p.project.id, cards[p.project.id]) for p in site.projects])
    given = listed or {}
    listed = {d.project.id: given.get(d.project.id) or listing_key(d) for d in site.projects}
    return SiteKeys(whole, projects, network, own_page_templates, cards, listing, listed)


# What no listing page shows: the story, the write-up (qisite.squire.REPORT_KEYS) and a PDSA cycle's
# notes (the project's own page, and the change idea's page, which is keyed by the listing part), a measure's data points (listings show
# the figures worked out from them, which the card holds), related projects (the project's page).
# Everything else of the project is in its card: when in doubt, a field is.
_NOT_LISTED = PAGE_ONLY
_NOT_LISTED_MEASURE = {"observations"}
_NOT_LISTED_CYCLE = PAGE_ONLY_CYCLE | {"study"}


def card_key(project: Project, data: ProjectData | None) -> str:
    """A digest of everything a listing page (home, projects, areas, stages, teams, ideas, an area's,
    stage's or organisation's page) can show of a project: its records without the story, the PDSA
    cycles' notes and the measures' data points; and of the figures worked out from them, those
    listings show: the outcome headline, the equity headline, the headlines of every measure a PDSA
    cycle is plotted on (the change-idea lists), whether any chart signals, its last activity, its
    change ideas' status and the rules each chart uses (the Methods page). Worked out once, with the
    project's analysis, and kept in its cached entry (qisite.build.ProjectEntry)."""
    measures = [_fields(m, _NOT_LISTED_MEASURE) for m in project.measures]
    cycles = [_fields(c, _NOT_LISTED_CYCLE) for c in project.cycles]
    shown: list[Any] = [_fields(project, _NOT_LISTED | {"measures", "cycles"}), measures, cycles]
    if data is not None:
        plotted = sorted({m for c in project.cycles for m in c.measures})
        shown += [
            _headline(data.outcome), [(mid, [_headline(h) for h in data.headlines.get(mid, ())]) for mid in plotted],
            [_fields(g, {"measure"}) + [g.measure.id if g.measure else None] for g in data.headline_gaps],
            data.signal, data.last_activity, sorted(data.idea_status.items()),
            sorted(data.chart_rules.items()),
        ]
    return _digest_of(shown)


# What of a listing part no page template reads: its search words and summary rows (the search index and
# the summary files, each written from them, are keyed apart), and its related projects (its own page's).
_NOT_ON_PAGES = {"search", "summary", "summary_text", "related"}


def listing_key(listing: ProjectData) -> str:
    """A digest of a project's listing part (qisite.site.context.listing_data) but for _NOT_ON_PAGES:
    everything a page other than its own can show of it. Worked out once, as that part is made
    (qisite.build.ProjectEntry.listing), and kept with it."""
    return _digest_of(_fields(listing, _NOT_ON_PAGES))


def _digest_of(shown: Any) -> str:
    """A card's or a listing part's key: the SHA-256 of what it shows, records whole, as canonical bytes."""
    return hashlib.sha256(canonical_bytes(shown)).hexdigest()


def _headline(h: Headline | None) -> list[Any] | None:
    return None if h is None else _fields(h, {"measure"}) + [h.measure.id]


def _fields(record: Any, leave_out: set[str]) -> list[Any]:
    return [(f.name, getattr(record, f.name)) for f in fields(record) if f.name not in leave_out]


def page_key(page: Page, keys: SiteKeys) -> str:
    # what the page depends on, as one string: its repr (of strings, numbers and tuples and lists of them,
    # which reads back unambiguously) costs one call where digest would take each part in turn
    return digest(keys.site, page.path, page.template, keys.network if keys.own_page_templates else "",
                  repr(_depends_on(page, keys)))


def project_files_key(project_id: str, keys: SiteKeys) -> str:
    """A project's downloads (chart SVGs, data CSVs): its own project alone, with the site-wide inputs."""
    return digest(keys.site, "files", project_id, keys.projects[project_id])


def _depends_on(page: Page, keys: SiteKeys):
    context, projects = page.context, keys.projects
    if page.template == "project.html":
        data = context["data"]
        return (projects[data.project.id],
                [(r.project.id, r.project.title, r.project.team, r.reasons, r.score) for r in data.related])
    if page.template == "idea.html":   # its uses, and every team of its spread (which may know it by another id)
        shown = [*(use.project.id for use in context["entry"].uses),
                 *(pid for family in context.get("spreads", ()) for pid in family.project_ids)]
        return [(pid, keys.listed[pid]) for pid in dict.fromkeys(shown)]
    if page.template == "network_measure.html":
        return [(r.project.id, keys.listed[r.project.id]) for r in context["shared"].reporters]
    if page.template in ("organisation.html", "stage.html"):
        return [(p.id, keys.cards[p.id]) for p in context["projects"]]
    return keys.listing

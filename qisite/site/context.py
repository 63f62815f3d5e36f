"""The site's data, computed once from the network (pure: no I/O, no drawing).

Everything a page shows that is not a field of the model is worked out here:
headlines, PDSA status of change ideas, taxonomies, related projects. Every
measure's analysis passes disclosure control here (qisite.privacy.disclosure),
so every output — pages, charts, downloads, search, feeds — gets only
publishable figures.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from qisite.analysis import MeasureAnalysis, analyse_measure, gap_wording
from qisite.headway import MOVEMENT_MONTHS, movement, positions
from qisite.links import IdeaUse, LibraryEntry, Related, RelatedIndex, change_idea_library, cycles_status, group_by
from qisite.load.observations import baseline_dates
from qisite.model import Measure, Network, PdsaCycle, Project, SiteConfig, Term, Update
from qisite.numbers import GapWords, ValueFormat, measure_format
from qisite.privacy.disclosure import publishable
from qisite.seasons import YearOnYear, coverage, reading, year_on_year
from qisite.site.journey import PathFigure, path_figure
from qisite.site.sii import SiiFigure, measure_sii
from qisite.site.two_way import TwoWayTable, two_way_table
from qisite.site.unplaced import without_positions
from qisite.site.urls import SiteUrls
from qisite.spread import Spread, TeamToTalkTo, Tested, spread_families, teams_to_talk_to
from qisite.squire import REPORT_KEYS

if TYPE_CHECKING:
    from qisite.site.network import SharedMeasure
    from qisite.site.search import SearchRecord
    from qisite.site.summary import SummaryText


@dataclass(frozen=True)
class Headline:
    """A measure's result in a sentence: baseline → latest centre line."""

    measure: Measure
    group: str | None
    baseline: float | None
    latest: float | None
    relative_change: float | None
    improved: bool | None
    signal: bool
    variation: str | None
    assurance: str | None
    format: ValueFormat = field(default_factory=ValueFormat)   # how the measure's values read

    @property
    def changed(self) -> bool:
        return self.baseline is not None and self.latest is not None and self.baseline != self.latest


@dataclass(frozen=True)
class GapHeadline:
    """One group's gap to the reference group: the equity headline. ``words``
    (qisite.numbers.GapWords, built by qisite.analysis.gap_wording) is the one
    wording every page, card, feed entry and search entry prints."""

    group: str
    reference: str
    baseline: float | None
    latest: float | None
    words: GapWords | None = None
    measure: Measure | None = None

    @property
    def verdict(self) -> str:
        return self.words.verdict if self.words else ""

    @property
    def text(self) -> str:
        """"24-49 vs 50-64: gap 8 → 3 points, ratio 0.85 → 0.96 (no significant change)"."""
        return self.words.line(self.group, self.reference) if self.words else ""


@dataclass(frozen=True)
class ProjectData:
    project: Project
    analyses: dict[str, MeasureAnalysis]
    headlines: dict[str, tuple[Headline, ...]]
    gaps: dict[str, tuple[GapHeadline, ...]]
    formats: dict[str, ValueFormat]      # measure id → how its values read (as on its chart)
    idea_status: dict[str, str]          # change idea id → adopt/adapt/abandon/testing/untested
    related: tuple[Related, ...]
    last_activity: dt.date
    sii: dict[str, SiiFigure] = field(default_factory=dict)   # measure id → its SII over time (measures with order:)
    search: SearchRecord | None = None   # its part of search, worked out once (qisite.site.search.project_search)
    path: PathFigure | None = None       # its progress over time (project.yaml's progress:)
    seasonal: dict[str, str] = field(default_factory=dict)    # measure id → how to read it (seasonal measures)
    year_on_year: dict[str, tuple[YearOnYear, ...]] = field(default_factory=dict)   # seasonal measure id → its series'
    two_way: dict[str, TwoWayTable] = field(default_factory=dict)   # two-factor measure id → its latest period, by factor
    chart_rules: dict[str, str] = field(default_factory=dict)   # measure id → the rule profile of its charts
    summary: tuple[dict, ...] | None = None   # its rows of the network summary (qisite.site.summary), when worked out
    summary_text: SummaryText | None = None   # those rows as the summary files' text (its listing part's only)
    equity_headline: str | None = None   # headline_text, worked out once with its listing part
    complete: bool = True   # False: its listing part only (:func:`listing_data`)

    @property
    def outcome(self) -> Headline | None:
        """The headline of the aim's measure (or the first outcome measure)."""
        measure_id = self.project.aim.measure or next(
            (m.id for m in self.project.measures if m.type == "outcome"), None)
        found = self.headlines.get(measure_id, ()) if measure_id is not None else ()
        affected = [h for h in found if h.group != h.measure.reference]
        candidates = affected or list(found)
        return candidates[0] if candidates else None

    @property
    def headline_gaps(self) -> tuple[GapHeadline, ...]:
        """The equity headline: every group's gap on the aim's measure (or, when
        that is not stratified, on the first stratified outcome measure, then any)."""
        ids = [self.project.aim.measure or ""] + [m.id for m in self.project.measures if m.type == "outcome"]
        ids += [m.id for m in self.project.measures]
        return next((self.gaps[i] for i in ids if self.gaps.get(i)), ())

    @property
    def headline_text(self) -> str:
        """The equity headline as plain text, one group after another (feed, search): as its listing
        part keeps it (``equity_headline``), else worked out now."""
        if self.equity_headline is not None:
            return self.equity_headline
        return "; ".join(g.text for g in self.headline_gaps if g.text)

    @property
    def summary_sentence(self) -> str:
        """The equity headline first (the same words as the pages), then the team's summary (feed, search)."""
        return f"{self.headline_text}. {self.project.summary}" if self.headline_text else self.project.summary

    @property
    def updates(self) -> tuple[tuple[str, Update], ...]:
        """The project's updates, newest first, each with its anchor on the project's page
        ('update-2024-08-30', '-2' for a second one that day): the page's and the feed's."""
        return numbered_updates(self.project.updates)

    @property
    def signal(self) -> bool:
        return any(h.signal for hs in self.headlines.values() for h in hs)


@dataclass(frozen=True)
class SiteData:
    network: Network
    projects: tuple[ProjectData, ...]
    library: dict[str, LibraryEntry]
    by_area: dict[str, tuple[Project, ...]]
    by_stage: dict[str, tuple[Project, ...]]
    by_organisation: dict[str, tuple[Project, ...]]
    generated: dt.date = field(default_factory=dt.date.today)
    spread: tuple[Spread, ...] = ()     # every family of change ideas taken from team to team (qisite.spread)

    @cached_property
    def urls(self) -> SiteUrls:
        """Every page's address; organisations' pages have slugs no other shares."""
        return SiteUrls(self.by_organisation)

    @cached_property
    def _by_id(self) -> dict[str, ProjectData]:
        return {p.project.id: p for p in reversed(self.projects)}   # the first of a (never expected) duplicate wins

    def data(self, project_id: str) -> ProjectData:
        return self._by_id[project_id]

    def spread_of(self, entry: LibraryEntry) -> tuple[Spread, ...]:
        """The families (where it started, where it spread) a change idea belongs to."""
        return self._families_by_idea.get(entry.id, ())

    @cached_property
    def _families_by_idea(self) -> dict[str, tuple[Spread, ...]]:
        """Change idea id → its families (qisite.spread.families_of, for every idea at once)."""
        found: dict[str, list[Spread]] = {}
        for family in self.spread:
            for idea_id in family.idea_ids:
                found.setdefault(idea_id, []).append(family)
        return {idea_id: tuple(families) for idea_id, families in found.items()}

    @property
    def spread_organisations(self) -> tuple[str, ...]:
        """Every organisation a change idea spread from or to."""
        return tuple(dict.fromkeys(o for family in self.spread for o in family.organisations))

    def use_headline(self, use: IdeaUse) -> Headline | None:
        """What happened to the measure a team's PDSA cycles on an idea were plotted on (the first
        such measure): its headline for the affected group, else its only or first series."""
        data = self._by_id.get(use.project.id)
        for measure_id in use.measures[:1]:
            found = data.headlines.get(measure_id, ()) if data else ()
            if found:
                reference = found[0].measure.reference
                affected = [h for h in found if h.group is not None and h.group != reference]
                return (affected or list(found))[0]
        return None

    def idea_teams(self, entry: LibraryEntry) -> tuple[TeamToTalkTo, ...]:
        """The teams to talk to about a change idea: every team using it, and every team of its
        families (which may know it by another id)."""
        uses = [*entry.uses, *(s.use for f in self.spread_of(entry) for s in f.steps)]
        return teams_to_talk_to(uses, known=self._tested)

    def area_teams(self, area_id: str) -> tuple[TeamToTalkTo, ...]:
        """The teams to talk to about an equity area: its projects, with the ideas each tested
        (each project's uses in the library's order)."""
        projects = self.by_area.get(area_id, ())
        uses = self._uses_by_project
        return teams_to_talk_to((u for pid in dict.fromkeys(p.id for p in projects) for u in uses.get(pid, ())),
                                projects, known=self._tested)

    def spread_teams(self, family: Spread) -> tuple[TeamToTalkTo, ...]:
        return teams_to_talk_to((s.use for s in family.steps), known=self._tested)

    @cached_property
    def _uses_by_project(self) -> dict[str, list[IdeaUse]]:
        """Project id → its uses of change ideas, in the library's order."""
        found: dict[str, list[IdeaUse]] = {}
        for entry in self.library.values():
            for use in entry.uses:
                found.setdefault(use.project.id, []).append(use)
        return found

    @cached_property
    def _tested(self) -> dict[int, tuple[IdeaUse, Tested | None]]:
        """What each use of a change idea tested, by id(use), as the teams-to-talk-to tables ask
        (qisite.spread.teams_to_talk_to's ``known``)."""
        return {}

    @cached_property
    def shared(self) -> tuple[SharedMeasure, ...]:
        """The network's measure catalogue, each entry with the projects that report it."""
        from qisite.site.network import shared_measures
        config = self.network.config
        return shared_measures(self.projects, config.measures, config.small_number_threshold)

    def shared_of(self, projects) -> tuple[SharedMeasure, ...]:
        """The catalogue entries some of ``projects`` (Project records) report."""
        ids = {p.id for p in projects}
        return tuple(s for s in self.shared if any(r.project.id in ids for r in s.reporters))

    def shared_measure(self, measure_id: str) -> SharedMeasure | None:
        return next((s for s in self.shared if s.entry.id == measure_id), None)

    @cached_property
    def movements(self) -> dict[str, str]:
        """Project id → 'up', 'same', 'down' or 'none': how its progress moved in the
        MOVEMENT_MONTHS months up to the build date (qisite.headway.movement)."""
        stage_ids = tuple(s.id for s in self.network.config.stages)
        return {d.project.id: movement(positions(d.project.progress, stage_ids), self.generated)
                for d in self.projects}

    def movement(self, project_id: str) -> str:
        return self.movements.get(project_id, "none")

    @property
    def movement_months(self) -> int:
        return MOVEMENT_MONTHS

    @cached_property
    def updates(self) -> tuple[tuple[ProjectData, str, Update], ...]:
        """Every project's updates with their anchors, newest first (the feed, the home page)."""
        found = [(d, anchor, u) for d in self.projects for anchor, u in d.updates]
        return tuple(sorted(found, key=lambda item: (item[2].date, item[0].project.id, item[1]), reverse=True))

    def term(self, vocabulary: str, term_id: str) -> Term:
        terms = self.network.config.equity_areas if vocabulary == "areas" else self.network.config.stages
        return next((t for t in terms if t.id == term_id), Term(term_id, term_id))


def site_data(network: Network, rules: str | None = None, generated: dt.date | None = None,
              analysed: Callable[[Project], ProjectData] | None = None,
              related: Callable[[Network], tuple[tuple[Related, ...], ...]] | None = None) -> SiteData:
    """The site's data; every measure is analysed under its own ``rules:``, else ``rules``, else
    site.yaml's ``rules:`` (default anhoej). ``analysed`` gives a project's ProjectData without its
    related projects (a build's cache of :func:`project_data`), else each project is analysed here;
    ``related`` every project's related projects (a Builder's RelatedMemo), else worked out here."""
    analyse = analysed or (lambda p: project_data(p, network.config, rules))
    found = related(network) if related is not None else RelatedIndex(network).every()
    projects = tuple(_with_related(analyse(p), r) for p, r in zip(network.projects, found))
    library = change_idea_library(network)
    return SiteData(
        network=network,
        projects=projects,
        library=library,
        spread=spread_families(library),
        by_area=group_by(network.projects, lambda p: p.equity_areas),
        by_stage=group_by(network.projects, lambda p: p.stage),
        by_organisation=group_by(network.projects, lambda p: p.organisation),
        generated=generated or dt.date.today(),
    )


def _with_related(data: ProjectData, related: tuple[Related, ...]) -> ProjectData:
    """``data`` with these related projects: a shallow copy (as dataclasses.replace makes, without
    running __init__ again over every field), or ``data`` itself when it has them already."""
    if data.related is related or (not data.related and not related):
        return data
    made = copy.copy(data)
    object.__setattr__(made, "related", related)
    return made


def project_data(project: Project, config: SiteConfig, rules: str | None = None) -> ProjectData:
    """One project's analyses and headlines (everything but its related projects, which need the network);
    each measure under its own ``rules:``, else ``rules``, else site.yaml's."""
    threshold = config.small_number_threshold
    analyses = {m.id: publishable(analyse_measure(m, rules or config.rules), threshold) for m in project.measures}  # the one hand-off
    formats = {mid: measure_format(a.measure, a.results) for mid, a in analyses.items()}
    return ProjectData(
        project=project,
        analyses=analyses,
        headlines={mid: _headlines(a, formats[mid]) for mid, a in analyses.items()},
        gaps={mid: _gap_headlines(a) for mid, a in analyses.items() if a.gaps},
        formats=formats,
        idea_status={i.id: idea_status(project.cycles, i.id) for i in project.drivers.change_ideas},
        related=(),
        last_activity=last_activity(project),
        sii={mid: figure for mid, a in analyses.items() if (figure := measure_sii(a, formats[mid])) is not None},
        path=path_figure(project, config.stages, last_activity(project)),
        seasonal={m.id: reading(coverage(baseline_dates(m), m.period)) for m in project.measures if m.seasonal},
        year_on_year={m.id: _year_on_year(analyses[m.id]) for m in project.measures if m.seasonal},
        two_way={mid: table for mid, a in analyses.items() if (table := two_way_table(a)) is not None},
        chart_rules={mid: a.rules for mid, a in analyses.items()},
    )


# What only a project's own page shows: its story and write-up, and its PDSA cycles' notes but the study
# (a change idea's page quotes each cycle's study).
PAGE_ONLY = {"story", *REPORT_KEYS}
PAGE_ONLY_CYCLE = {"plan", "prediction", "do", "act"}


def listing_data(data: ProjectData) -> ProjectData:
    """What every page but the project's own (and its downloads) reads of a project: its records without
    what only its page shows (PAGE_ONLY, PAGE_ONLY_CYCLE) and the data points of its measures, its
    headlines (its equity headline's text too), its rules, its search words (with what the search index
    counts of it) and its summary rows (which must have been worked out: ``data.summary``) with their
    text in the summary files, so that a build joins these and works none out again; only the analyses of measures it reports to the network's catalogue (their
    pages chart every reporter), with their data points. A build holds this of every project, and a project's whole data only while
    its own page is made (qisite.build), so memory and the time to read it back do not grow with the
    network's data points and narratives. Its records keep only the positions the network's checks
    read (qisite.site.unplaced)."""
    from qisite.site.summary import SummaryText  # (it reads this module)

    if data.summary is None:
        raise ValueError(f"{data.project.id}: a project's listing data needs its summary rows worked out first")
    stripped: dict[int, Measure] = {}

    def light(measure: Measure) -> Measure:
        if measure.network_measure or not measure.observations:
            return measure
        if id(measure) not in stripped:
            stripped[id(measure)] = replace(measure, observations=())
        return stripped[id(measure)]

    cycles = tuple(replace(c, **dict.fromkeys(PAGE_ONLY_CYCLE, cast(Any, ""))) for c in data.project.cycles)
    project = replace(data.project, measures=tuple(light(m) for m in data.project.measures), cycles=cycles,
                      **dict.fromkeys(PAGE_ONLY, cast(Any, "")))
    # the parts holding records, walked together (one record shared by two parts stays one)
    project, analyses, headlines, gaps = without_positions((
        project, {mid: a for mid, a in data.analyses.items() if a.measure.network_measure},
        {mid: tuple(replace(h, measure=light(h.measure)) for h in found) for mid, found in data.headlines.items()},
        {mid: tuple(replace(g, measure=light(g.measure)) if g.measure else g for g in found)
         for mid, found in data.gaps.items()}))
    return replace(
        data, project=project, complete=False, analyses=analyses, headlines=headlines, gaps=gaps,
        sii={}, path=None, year_on_year={}, two_way={}, search=data.search.listing(data) if data.search else None,
        summary_text=SummaryText.of(data.summary), equity_headline=data.headline_text,
    )


def _year_on_year(analysis: MeasureAnalysis) -> tuple[YearOnYear, ...]:
    """Each series' latest published period against the same period a year earlier (withheld points never used)."""
    found = (year_on_year(group, r.x, r.y, lambda i, g=group: not analysis.withheld(g, i))
             for group, r in analysis.results.items())
    return tuple(y for y in found if y is not None)


def _headlines(analysis: MeasureAnalysis, fmt: ValueFormat) -> tuple[Headline, ...]:
    out = []
    for group, summary in analysis.summaries.items():
        variation, assurance = (analysis.icons or {}).get(group, (None, None))
        out.append(Headline(analysis.measure, group, summary.baseline_cl, summary.latest_cl,
                            summary.relative_change, summary.improved, summary.signal, variation, assurance, fmt))
    return tuple(out)


def _gap_headlines(analysis: MeasureAnalysis) -> tuple[GapHeadline, ...]:
    return tuple(GapHeadline(g, r.reference, r.summary.baseline_cl, r.summary.latest_cl,
                             gap_wording(analysis, g), analysis.measure)
                 for g, r in analysis.gaps.items())


def idea_status(cycles: tuple[PdsaCycle, ...], idea_id: str) -> str:
    """The latest decision on a change idea, 'testing' while a cycle runs, else 'untested'."""
    return cycles_status(tuple(c for c in cycles if c.change_idea == idea_id))


def last_activity(project: Project) -> dt.date:
    dates = [project.started, project.updated or project.started]
    dates += [c.end or c.start for c in project.cycles]
    dates += [u.date for u in project.updates] + [e.date for e in project.progress]
    return max(dates)


def numbered_updates(updates: tuple[Update, ...]) -> tuple[tuple[str, Update], ...]:
    """Updates newest first (the order written within a day), each with its anchor."""
    seen: dict[dt.date, int] = {}
    anchored = []
    for update in updates:
        seen[update.date] = seen.get(update.date, 0) + 1
        nth = seen[update.date]
        anchored.append((f"update-{update.date.isoformat()}" + (f"-{nth}" if nth > 1 else ""), update))
    return tuple(sorted(anchored, key=lambda pair: pair[1].date, reverse=True))

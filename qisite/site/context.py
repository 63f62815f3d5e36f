"""The site's data, computed once from the network (pure: no I/O, no drawing).

Everything a page shows that is not a field of the model is worked out here:
headlines, PDSA status of change ideas, taxonomies, related projects. Every
measure's analysis passes disclosure control here (qisite.privacy.disclosure),
so every output — pages, charts, downloads, search, feeds — gets only
publishable figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from qisite.analysis import MeasureAnalysis, analyse_measure
from qisite.links import LibraryEntry, Related, change_idea_library, cycles_status, group_by, related_projects
from qisite.model import Measure, Network, PdsaCycle, Project, Term
from qisite.numbers import ValueFormat, measure_format
from qisite.privacy.disclosure import publishable
from qisite.site.urls import SiteUrls


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
    group: str
    reference: str
    baseline: float | None
    latest: float | None


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

    @property
    def outcome(self) -> Headline | None:
        """The headline of the aim's measure (or the first outcome measure)."""
        measure_id = self.project.aim.measure or next(
            (m.id for m in self.project.measures if m.type == "outcome"), None)
        found = self.headlines.get(measure_id, ()) if measure_id is not None else ()
        affected = [h for h in found if h.group != h.measure.reference_group]
        candidates = affected or list(found)
        return candidates[0] if candidates else None

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

    @cached_property
    def urls(self) -> SiteUrls:
        """Every page's address; organisations' pages have slugs no other shares."""
        return SiteUrls(self.by_organisation)

    def data(self, project_id: str) -> ProjectData:
        return next(p for p in self.projects if p.project.id == project_id)

    def term(self, vocabulary: str, term_id: str) -> Term:
        terms = self.network.config.equity_areas if vocabulary == "areas" else self.network.config.stages
        return next((t for t in terms if t.id == term_id), Term(term_id, term_id))


def site_data(network: Network, rules: str = "anhoej", generated: dt.date | None = None) -> SiteData:
    projects = tuple(_project_data(p, network, rules) for p in network.projects)
    return SiteData(
        network=network,
        projects=projects,
        library=change_idea_library(network),
        by_area=group_by(network.projects, lambda p: p.equity_areas),
        by_stage=group_by(network.projects, lambda p: p.stage),
        by_organisation=group_by(network.projects, lambda p: p.organisation),
        generated=generated or dt.date.today(),
    )


def _project_data(project: Project, network: Network, rules: str) -> ProjectData:
    threshold = network.config.small_number_threshold
    analyses = {m.id: publishable(analyse_measure(m, rules), threshold) for m in project.measures}  # the one hand-off
    formats = {mid: measure_format(a.measure, a.results) for mid, a in analyses.items()}
    return ProjectData(
        project=project,
        analyses=analyses,
        headlines={mid: _headlines(a, formats[mid]) for mid, a in analyses.items()},
        gaps={mid: _gap_headlines(a) for mid, a in analyses.items() if a.gaps},
        formats=formats,
        idea_status={i.id: idea_status(project.cycles, i.id) for i in project.drivers.change_ideas},
        related=related_projects(project, network),
        last_activity=last_activity(project),
    )


def _headlines(analysis: MeasureAnalysis, fmt: ValueFormat) -> tuple[Headline, ...]:
    out = []
    for group, summary in analysis.summaries.items():
        variation, assurance = (analysis.icons or {}).get(group, (None, None))
        out.append(Headline(analysis.measure, group, summary.baseline_cl, summary.latest_cl,
                            summary.relative_change, summary.improved, summary.signal, variation, assurance, fmt))
    return tuple(out)


def _gap_headlines(analysis: MeasureAnalysis) -> tuple[GapHeadline, ...]:
    return tuple(GapHeadline(g, r.reference, r.summary.baseline_cl, r.summary.latest_cl)
                 for g, r in analysis.gaps.items())


def idea_status(cycles: tuple[PdsaCycle, ...], idea_id: str) -> str:
    """The latest decision on a change idea, 'testing' while a cycle runs, else 'untested'."""
    return cycles_status(tuple(c for c in cycles if c.change_idea == idea_id))


def last_activity(project: Project) -> dt.date:
    dates = [project.started, project.updated or project.started]
    dates += [c.end or c.start for c in project.cycles]
    return max(dates)

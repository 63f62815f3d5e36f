"""Cross-links of a network (pure computation): taxonomies, the change-idea
library and related projects — the learning-system view of who tested what."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from qisite.model import ChangeIdea, Network, PdsaCycle, Project


@dataclass(frozen=True)
class IdeaUse:
    """One project's use of a change idea, with the cycles that tested it."""

    project: Project
    idea: ChangeIdea
    cycles: tuple[PdsaCycle, ...]


@dataclass(frozen=True)
class LibraryEntry:
    """A change idea across the network: every team that tested it, and how it went."""

    id: str
    title: str
    uses: tuple[IdeaUse, ...]

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.project.team for u in self.uses))

    @property
    def tested_by(self) -> tuple[str, ...]:
        """Teams that have run at least one PDSA cycle on the idea."""
        return tuple(dict.fromkeys(u.project.team for u in self.uses if u.cycles))

    @property
    def cycle_count(self) -> int:
        return sum(len(u.cycles) for u in self.uses)

    @property
    def decisions(self) -> Counter:
        return Counter(c.decision for u in self.uses for c in u.cycles if c.decision)


@dataclass(frozen=True)
class Related:
    project: Project
    reasons: tuple[str, ...]
    score: int


def cycle_numbers(project: Project) -> dict[str, int]:
    """PDSA cycle id → its number in the project's timeline (by start date, then log order)."""
    ordered = sorted(enumerate(project.cycles), key=lambda pair: (pair[1].start, pair[0]))
    return {cycle.id: number for number, (_, cycle) in enumerate(ordered, start=1)}


def group_by(projects, key) -> dict[str, tuple[Project, ...]]:
    """Projects under each value of ``key`` (a value or a tuple of values), sorted by title."""
    groups: dict[str, list[Project]] = {}
    for project in projects:
        values = key(project)
        for value in values if isinstance(values, tuple) else (values,):
            groups.setdefault(value, []).append(project)
    return {k: tuple(sorted(v, key=lambda p: p.title.lower())) for k, v in sorted(groups.items())}


def change_idea_library(network: Network) -> dict[str, LibraryEntry]:
    uses: dict[str, list[IdeaUse]] = {}
    for project in network.projects:
        for idea in project.drivers.change_ideas:
            cycles = tuple(c for c in project.cycles if c.change_idea == idea.id)
            uses.setdefault(idea.id, []).append(IdeaUse(project, idea, cycles))
    return {idea_id: LibraryEntry(idea_id, _title(found), tuple(sorted(found, key=_most_tested)))
            for idea_id, found in sorted(uses.items())}


def _most_tested(use: IdeaUse):
    """Teams that tested the idea first, then by project title: what worked elsewhere comes first."""
    return (-len(use.cycles), use.project.title.lower())


def _title(uses: list[IdeaUse]) -> str:
    """The title most teams gave the idea (ties: the first project's)."""
    return Counter(u.idea.title for u in uses).most_common(1)[0][0]


def related_projects(project: Project, network: Network, limit: int = 5) -> tuple[Related, ...]:
    """Other projects sharing change ideas, equity areas or drivers, best first."""
    return RelatedIndex(network.projects).related(project, limit)


class RelatedIndex:
    """What related_projects compares, worked out once per project, and which projects share
    anything at all: the whole network's related projects in near-linear time."""

    def __init__(self, projects: tuple[Project, ...]):
        self.projects = projects
        self.features = {p.id: ({i.id for i in p.drivers.change_ideas}, _driver_titles(p)) for p in projects}
        self.position = {p.id: n for n, p in enumerate(projects)}
        self.sharing: dict[tuple[str, str], list[int]] = {}
        for n, p in enumerate(projects):
            ideas, drivers = self.features[p.id]
            for feature in {*(("idea", i) for i in ideas), *(("area", a) for a in p.equity_areas),
                            *(("driver", d) for d in drivers)}:
                self.sharing.setdefault(feature, []).append(n)

    def related(self, project: Project, limit: int = 5) -> tuple[Related, ...]:
        ideas, drivers = self.features.get(project.id) or ({i.id for i in project.drivers.change_ideas}, _driver_titles(project))
        features = {*(("idea", i) for i in ideas), *(("area", a) for a in project.equity_areas), *(("driver", d) for d in drivers)}
        candidates = sorted({n for feature in features for n in self.sharing.get(feature, ())})
        found = []
        for other in (self.projects[n] for n in candidates):
            if other.id == project.id:
                continue
            other_ideas, other_drivers = self.features[other.id]
            shared_ideas = sorted(ideas & other_ideas)
            shared_areas = [a for a in project.equity_areas if a in other.equity_areas]
            shared_drivers = sorted(drivers & other_drivers)
            score = 3 * len(shared_ideas) + 2 * len(shared_areas) + len(shared_drivers)
            if score:
                reasons = ([f"change idea: {i}" for i in shared_ideas] + [f"equity area: {a}" for a in shared_areas]
                           + [f"driver: {d}" for d in shared_drivers])
                found.append(Related(other, tuple(reasons), score))
        found.sort(key=lambda r: (-r.score, r.project.title.lower()))
        return tuple(found[:limit])


def _driver_titles(project: Project) -> set[str]:
    titles = [title for primary in project.drivers.primary
              for title in (primary.title, *(secondary.title for secondary in primary.secondary))]
    return {" ".join(title.lower().split()) for title in titles}

"""Cross-links of a network (pure computation): taxonomies, the change-idea
library and related projects — the learning-system view of who tested what."""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from dataclasses import dataclass

from qisite.model import ChangeIdea, Network, PdsaCycle, Project


@dataclass(frozen=True)
class IdeaUse:
    """One project's use of a change idea, with the cycles that tested it."""

    project: Project
    idea: ChangeIdea
    cycles: tuple[PdsaCycle, ...]

    @property
    def status(self) -> str:
        return cycles_status(self.cycles)

    @property
    def measures(self) -> tuple[str, ...]:
        """Ids of the measures this project's cycles on the idea were plotted on, in first-marked order."""
        return tuple(dict.fromkeys(m for c in self.cycles for m in c.measures))


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
    def areas(self) -> tuple[str, ...]:
        """Equity areas of the projects using the idea."""
        return tuple(dict.fromkeys(a for u in self.uses for a in u.project.equity_areas))

    @property
    def stages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.project.stage for u in self.uses))

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

    @property
    def running(self) -> int:
        """PDSA cycles on the idea still running (no end date, no decision yet)."""
        return sum(1 for u in self.uses for c in u.cycles if c.end is None and not c.decision)

    @property
    def status(self) -> str:
        """'testing' while any team's cycle runs; else the decision of the latest cycle
        ('studied' if it ended without one); 'untested' when no team has run a cycle."""
        if self.running:
            return "testing"
        return cycles_status(tuple(c for u in self.uses for c in u.cycles))

    @property
    def description(self) -> str:
        """The idea's description as most teams wrote it (ties: the most-tested team's); '' if none wrote one."""
        written = [u.idea.description for u in self.uses if u.idea.description]
        return Counter(written).most_common(1)[0][0] if written else ""

    @property
    def described_by(self) -> Project | None:
        """The project whose words ``description`` are (its images are copied from that project's folder)."""
        return next((u.project for u in self.uses if u.idea.description and u.idea.description == self.description), None)


@dataclass(frozen=True)
class Related:
    project: Project
    reasons: tuple[str, ...]
    score: int


def cycles_status(cycles: tuple[PdsaCycle, ...]) -> str:
    """The latest decision of these cycles (by start, then end), 'testing' while the latest runs,
    'studied' if it ended without a decision, 'untested' with no cycle."""
    tested = sorted(cycles, key=lambda c: (c.start, c.end or dt.date.max))
    if not tested:
        return "untested"
    latest = tested[-1]
    return latest.decision or ("testing" if latest.end is None else "studied")


STATUS_WORDS = {"adopt": "adopted", "adapt": "adapted", "abandon": "abandoned", "testing": "being tested",
                "studied": "studied, no decision yet", "untested": "not yet tested"}


def cycle_numbers(project: Project) -> dict[str, int]:
    """PDSA cycle id → its number in the project's timeline (by start date, then log order)."""
    ordered = sorted(enumerate(project.cycles), key=lambda pair: (pair[1].start, pair[0]))
    return {cycle.id: number for number, (_, cycle) in enumerate(ordered, start=1)}


def timeline(project: Project) -> list[tuple]:
    """The project's timeline, by date: ``("cycle", start, cycle, ())`` for each PDSA cycle and
    ``("event", date, event, measure ids)`` for each event (no ids: an event on every chart),
    with its anchor ``event-<n>``: ``(kind, date, item, measure ids, anchor)``."""
    entries: list[tuple] = [("cycle", c.start, c, (), f"pdsa-{c.id}") for c in project.cycles]
    events = [(e, ()) for e in project.events] + [(e, (m.id,)) for m in project.measures for e in m.events]
    entries += [("event", e.date, e, ids, event_anchor(project, e)) for e, ids in events]
    return sorted(entries, key=lambda entry: (entry[1], entry[0] == "event"))


def timeline_heading(project: Project) -> str:
    """The timeline's heading: "PDSA cycles", "PDSA cycles and events" or "Events"."""
    events = bool(project.events) or any(m.events for m in project.measures)
    if not events:
        return "PDSA cycles"
    return "PDSA cycles and events" if project.cycles else "Events"


def event_anchor(project: Project, event) -> str:
    """The id of an event's entry in the project's timeline: ``event-<n>`` (n by the order of declaration)."""
    every = list(project.events) + [e for m in project.measures for e in m.events]
    return f"event-{next(k for k, e in enumerate(every, start=1) if e is event)}"


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
    return RelatedIndex(network).related(project, limit)


class RelatedIndex:
    """What related_projects compares, worked out once per project, and which projects share
    anything at all: the whole network's related projects in near-linear time."""

    def __init__(self, network: Network):
        self.network = network
        self.projects = projects = network.projects
        self.features = {p.id: ({i.id for i in p.drivers.change_ideas}, _driver_titles(p)) for p in projects}
        self.position = {p.id: n for n, p in enumerate(projects)}
        self.sharing: dict[tuple[str, str], list[int]] = {}
        for n, p in enumerate(projects):
            ideas, drivers = self.features[p.id]
            for feature in {*(("idea", i) for i in ideas), *(("area", a) for a in p.equity_areas),
                            *(("driver", d) for d in drivers)}:
                self.sharing.setdefault(feature, []).append(n)

    def related(self, project: Project, limit: int = 5) -> tuple[Related, ...]:
        """Scores add up along the shared features' lists (3 a change idea, 2 an equity area, 1 a driver),
        and only the best ``limit`` are worded: near-linear in the network, where comparing every pair
        sharing an equity area made 400,000 comparisons at 1,000 projects."""
        ideas, drivers = self.features.get(project.id) or ({i.id for i in project.drivers.change_ideas}, _driver_titles(project))
        features = {*(("idea", i) for i in ideas), *(("area", a) for a in project.equity_areas), *(("driver", d) for d in drivers)}
        scores: dict[int, int] = {}
        for feature in features:
            weight = _WEIGHTS[feature[0]]
            for n in self.sharing.get(feature, ()):
                scores[n] = scores.get(n, 0) + weight
        best = heapq.nsmallest(limit, (n for n in sorted(scores) if self.projects[n].id != project.id),
                               key=lambda n: (-scores[n], self.projects[n].title.lower()))
        found = []
        for other in (self.projects[n] for n in best):
            other_ideas, other_drivers = self.features[other.id]
            shared_ideas = sorted(ideas & other_ideas)
            shared_areas = [a for a in dict.fromkeys(project.equity_areas) if a in other.equity_areas]
            shared_drivers = sorted(drivers & other_drivers)
            score = 3 * len(shared_ideas) + 2 * len(shared_areas) + len(shared_drivers)
            reasons = ([f"change idea: {_idea_title(project, i)}" for i in shared_ideas]
                       + [f"equity area: {_area_title(self.network, a)}" for a in shared_areas]
                       + [f"driver: {_driver_title(project, d)}" for d in shared_drivers])
            found.append(Related(other, tuple(reasons), score))
        return tuple(found)


_WEIGHTS = {"idea": 3, "area": 2, "driver": 1}   # what sharing each kind of feature adds to a related project's score


def _driver_titles(project: Project) -> set[str]:
    titles = [title for primary in project.drivers.primary
              for title in (primary.title, *(secondary.title for secondary in primary.secondary))]
    return {" ".join(title.lower().split()) for title in titles}


def _idea_title(project: Project, idea_id: str) -> str:
    return next((i.title for i in project.drivers.change_ideas if i.id == idea_id), idea_id)


def _area_title(network: Network, area_id: str) -> str:
    return next((a.title for a in network.config.equity_areas if a.id == area_id), area_id)


def _driver_title(project: Project, normalised: str) -> str:
    """A shared driver as this project wrote it (matching ignores case and spacing)."""
    titles = [title for primary in project.drivers.primary
              for title in (primary.title, *(secondary.title for secondary in primary.secondary))]
    return next((t for t in titles if " ".join(t.lower().split()) == normalised), normalised)

"""Cross-links of a network (pure computation): taxonomies, the change-idea
library and related projects — the learning-system view of who tested what."""

from __future__ import annotations

import datetime as dt
import hashlib
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
        by_idea: dict[str, list[PdsaCycle]] = {}   # the project's cycles by the idea they test, in log order
        for c in project.cycles:
            by_idea.setdefault(c.change_idea, []).append(c)
        for idea in project.drivers.change_ideas:
            uses.setdefault(idea.id, []).append(IdeaUse(project, idea, tuple(by_idea.get(idea.id, ()))))
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
    anything at all: the whole network's related projects in near-linear time.

    Ranking: score (3 a shared change idea, 2 a shared equity area, 1 a shared driver), best first;
    ties by title ignoring case, then by position in the network (one number: ``rank``). Equity areas
    are few and most projects share one with most others, so they are not added up project by
    project: projects with the same set of areas form a *group*, kept in rank order, and a group is
    read from its front only while its score could still place. Change ideas and drivers, each
    shared by a few projects, are added up along their lists."""

    def __init__(self, network: Network):
        self.network = network
        self.projects = projects = network.projects
        self.features = {p.id: ({i.id for i in p.drivers.change_ideas}, _driver_titles(p)) for p in projects}
        self._at = {id(p): n for n, p in enumerate(projects)}   # each record's position (ids may repeat)
        self.by_rank = sorted(range(len(projects)), key=lambda n: projects[n].title.lower())   # stable: then by position
        self.rank = [0] * len(projects)   # position → place in the order (title ignoring case, position)
        for r, n in enumerate(self.by_rank):
            self.rank[n] = r
        self.same_id: dict[str, tuple[int, ...]] = {}   # project id → the positions of projects with it
        for n, p in enumerate(projects):
            self.same_id[p.id] = (*self.same_id.get(p.id, ()), n)
        self.ideas: dict[str, list[int]] = {}     # change idea id → its projects' positions
        self.drivers: dict[str, list[int]] = {}   # driver (normalised) → its projects' positions
        groups: dict[frozenset[str], list[int]] = {}
        for n, p in enumerate(projects):
            ideas, drivers = self.features[p.id]
            for idea in ideas:
                self.ideas.setdefault(idea, []).append(n)
            for driver in drivers:
                self.drivers.setdefault(driver, []).append(n)
            groups.setdefault(frozenset(p.equity_areas), []).append(n)
        self.groups: list[list[int]] = []       # each set of equity areas' projects, in rank order
        self.group_of = [-1] * len(projects)    # position → its group (-1: no equity area)
        self.area_groups: dict[str, list[tuple[int, frozenset[str]]]] = {}   # equity area → the groups that have it
        for areas, members in groups.items():
            if not areas:
                continue
            g = len(self.groups)
            self.groups.append(sorted(members, key=self.rank.__getitem__))
            for n in members:
                self.group_of[n] = g
            for area in areas:
                self.area_groups.setdefault(area, []).append((g, areas))
        self.area_titles = {a.id: a.title for a in reversed(network.config.equity_areas)}   # the first of an id wins

    def position_of(self, project: Project) -> int:
        """Where this very record is in the network."""
        return self._at[id(project)]

    def every(self) -> tuple[tuple[Related, ...], ...]:
        """Each project's related projects, in the network's order."""
        return tuple(self.related(p) for p in self.projects)

    def related(self, project: Project, limit: int = 5) -> tuple[Related, ...]:
        """The best ``limit`` other projects (never one with the project's id), worded. Near-linear in
        the network: comparing every pair sharing an equity area made 400,000 comparisons at 1,000
        projects, and adding up scores along every shared area's list still visited 320,000."""
        if limit <= 0:
            return ()
        ideas, drivers = self.features.get(project.id) or ({i.id for i in project.drivers.change_ideas}, _driver_titles(project))
        areas = set(project.equity_areas)
        group_score: dict[int, int] = {}   # the groups sharing an equity area: what their projects score on areas
        for area in areas:
            for g, group_areas in self.area_groups.get(area, ()):
                if g not in group_score:
                    group_score[g] = _AREA * len(areas & group_areas)
        scores: dict[int, int] = {}   # the projects sharing a change idea or a driver: their whole score
        for idea in ideas:
            for n in self.ideas.get(idea, ()):
                scores[n] = scores.get(n, 0) + _IDEA
        for driver in drivers:
            for n in self.drivers.get(driver, ()):
                scores[n] = scores.get(n, 0) + _DRIVER
        mine = self.same_id.get(project.id, ())   # never the project itself
        for n in mine:
            scores.pop(n, None)
        # a candidate as one number, smaller first: -score * places + rank (the order of (-score, rank))
        places, rank, group_of = len(self.rank), self.rank, self.group_of
        best = sorted([rank[n] - (score + group_score.get(group_of[n], 0)) * places for n, score in scores.items()])[:limit]
        # the rest score their group's areas alone: a group is read from its front while it could still place
        for g, score in sorted(group_score.items(), key=lambda item: -item[1]):
            worst = best[-1] if len(best) >= limit else None
            if worst is not None and worst < -score * places:   # the best already all score more
                break
            more: list[int] = []
            for n in self.groups[g]:
                key = rank[n] - score * places
                if len(more) >= limit or (worst is not None and key > worst):
                    break
                if n not in scores and n not in mine:
                    more.append(key)
            if more:
                best = sorted(best + more)[:limit]
        projects, by_rank = self.projects, self.by_rank
        found = []
        idea_titles = {i.id: i.title for i in reversed(project.drivers.change_ideas)}   # the first of an id wins
        own_areas = tuple(dict.fromkeys(project.equity_areas))
        for other in (projects[by_rank[key % places]] for key in best):
            other_ideas, other_drivers = self.features[other.id]
            shared_ideas = sorted(ideas & other_ideas)
            shared_areas = [a for a in own_areas if a in other.equity_areas]
            shared_drivers = sorted(drivers & other_drivers)
            score = _IDEA * len(shared_ideas) + _AREA * len(shared_areas) + _DRIVER * len(shared_drivers)
            reasons = ([f"change idea: {idea_titles.get(i, i)}" for i in shared_ideas]
                       + [f"equity area: {self.area_titles.get(a, a)}" for a in shared_areas]
                       + [f"driver: {_driver_title(project, d)}" for d in shared_drivers])
            found.append(Related(other, tuple(reasons), score))
        return tuple(found)


class RelatedMemo:
    """Every project's related projects, kept from one build to the next: worked out again only when
    what the ranking and its wording read of the network changed (each project's id, title, equity
    areas, change ideas and driver titles, in order, and the equity areas' titles) or ``version`` (the
    code that ranks). A story or a value edited leaves them as they were. Kept by a kept Builder
    (``qisite serve``) and, as :meth:`saved` data, in the build cache between builds."""

    def __init__(self, saved: object = None, version: str = "") -> None:
        self.version = version
        self.inputs = ""   # a digest of what the last ranking read
        self.found: tuple[tuple[tuple[int, tuple[str, ...], int], ...], ...] = ()   # (position, reasons, score)
        self.changed = False   # ranked again since made or saved
        self.read: dict[int, tuple[Project, str]] = {}   # what was read of each record (by identity, held)
        if isinstance(saved, tuple) and len(saved) == 2 and isinstance(saved[0], str) and isinstance(saved[1], tuple):
            self.inputs, self.found = saved

    def saved(self) -> tuple[str, tuple]:
        """Plain data to keep (what ``RelatedMemo(saved)`` reads back)."""
        return self.inputs, self.found

    def __call__(self, network: Network) -> tuple[tuple[Related, ...], ...]:
        """Each project's related projects, in the network's order."""
        read = {id(p): self._read(p) for p in network.projects}
        self.read = read
        inputs = hashlib.sha256(repr((self.version, [read[id(p)][1] for p in network.projects],
                                      [(a.id, a.title) for a in network.config.equity_areas])).encode()).hexdigest()
        if inputs != self.inputs:
            index = RelatedIndex(network)
            self.found = tuple(tuple((index.position_of(r.project), r.reasons, r.score) for r in found)
                               for found in index.every())
            self.inputs, self.changed = inputs, True
        now = network.projects
        return tuple(tuple(Related(now[n], reasons, score) for n, reasons, score in found) for found in self.found)

    def _read(self, project: Project) -> tuple[Project, str]:
        """What the ranking reads of ``project``, as text: read again only for a record not seen by the
        last call (a kept Builder hands the same records back for every project that did not change)."""
        kept = self.read.get(id(project))
        return kept if kept is not None and kept[0] is project else (project, repr(_ranking_inputs(project)))


def _ranking_inputs(project: Project) -> tuple:
    """What RelatedIndex reads of a project, to rank it and word the reasons."""
    return (project.id, project.title, tuple(project.equity_areas),
            tuple((i.id, i.title) for i in project.drivers.change_ideas),
            tuple(title for primary in project.drivers.primary
                  for title in (primary.title, *(secondary.title for secondary in primary.secondary))))


_WEIGHTS = {"idea": 3, "area": 2, "driver": 1}   # what sharing each kind of feature adds to a related project's score
_IDEA, _AREA, _DRIVER = _WEIGHTS["idea"], _WEIGHTS["area"], _WEIGHTS["driver"]


def _driver_titles(project: Project) -> set[str]:
    titles = [title for primary in project.drivers.primary
              for title in (primary.title, *(secondary.title for secondary in primary.secondary))]
    return {" ".join(title.lower().split()) for title in titles}


def _driver_title(project: Project, normalised: str) -> str:
    """A shared driver as this project wrote it (matching ignores case and spacing)."""
    titles = [title for primary in project.drivers.primary
              for title in (primary.title, *(secondary.title for secondary in primary.secondary))]
    return next((t for t in titles if " ".join(t.lower().split()) == normalised), normalised)

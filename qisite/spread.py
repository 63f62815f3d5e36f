"""The spread of change ideas across a network (pure computation): which team took
an idea from which (``adapted_from:`` in drivers.yaml, across sources), when each
team first tested it and what it decided — and the teams another can talk to.

A change idea of one project is a *node* ``(project id, idea id)``; its
``adapted_from`` is an edge to the node it was taken from. A *family* is a tree
of nodes joined by edges: where the idea started (its root), and every team it
spread to after. Links this module cannot follow (an unknown project or idea, a
loop) are left out here and reported by :func:`check_spread`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from qisite.links import IdeaUse, LibraryEntry
from qisite.model import Network, PdsaCycle, Project
from qisite.problems import ERROR, Location, Problem, did_you_mean, one_of

Node = tuple[str, str]   # (project id, change idea id)


def first_tested(cycles: Iterable[PdsaCycle]) -> dt.date | None:
    """The start of the first PDSA cycle: when a team first tested the idea (None: not yet)."""
    return min((c.start for c in cycles), default=None)


def cycles_in_order(cycles: Iterable[PdsaCycle]) -> tuple[PdsaCycle, ...]:
    return tuple(sorted(cycles, key=lambda c: (c.start, c.end or dt.date.max)))


@dataclass(frozen=True)
class SpreadStep:
    """One team's use of an idea in a family: where it took it from, how, and when it first tested it."""

    use: IdeaUse
    source: IdeaUse | None      # the use it was taken from (None: where the idea started)
    how: str                    # adopted or adapted ('' where it started)
    note: str
    depth: int                  # 0 where it started, 1 for a team that took it from there, …

    @property
    def project(self) -> Project:
        return self.use.project

    @property
    def first_tested(self) -> dt.date | None:
        return first_tested(self.use.cycles)

    @property
    def cycles(self) -> tuple[PdsaCycle, ...]:
        return cycles_in_order(self.use.cycles)

    @property
    def status(self) -> str:
        return self.use.status


@dataclass(frozen=True)
class Spread:
    """One family: an idea where it started and every team it spread to, in tree order
    (each team before the teams that took the idea from it, earliest first tested first)."""

    steps: tuple[SpreadStep, ...]

    @property
    def started(self) -> SpreadStep:
        return self.steps[0]

    @property
    def spread_to(self) -> tuple[SpreadStep, ...]:
        return self.steps[1:]

    @property
    def id(self) -> str:
        """A stable name for the family (its chart's file name): where it started."""
        root = self.started.use
        return f"{root.project.id}--{root.idea.id}"

    @property
    def idea_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.use.idea.id for s in self.steps))

    @property
    def organisations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.project.organisation for s in self.steps))

    @property
    def project_ids(self) -> tuple[str, ...]:
        return tuple(s.project.id for s in self.steps)


def spread_families(library: dict[str, LibraryEntry]) -> tuple[Spread, ...]:
    """Every family of the network with at least one link, the earliest started first."""
    uses: dict[Node, IdeaUse] = {(u.project.id, u.idea.id): u for e in library.values() for u in e.uses}
    parent = {node: target for node, target in ((n, _target(u)) for n, u in uses.items())
              if target is not None and target != node and target in uses}
    looped = [node for node in parent if _in_loop(node, parent)]
    for node in looped:   # a loop has no start: leave its links out (check_spread reports it)
        del parent[node]
    children: dict[Node, list[Node]] = {}
    for node, target in parent.items():
        children.setdefault(target, []).append(node)
    roots = [n for n in children if n not in parent]
    families = [Spread(tuple(_walk(root, None, 0, uses, children))) for root in roots]
    return tuple(sorted(families, key=lambda f: (_date_key(f.started), f.started.project.title.lower(), f.id)))


def families_of(entry: LibraryEntry, families: tuple[Spread, ...]) -> tuple[Spread, ...]:
    """The families a library entry's idea belongs to."""
    return tuple(f for f in families if entry.id in f.idea_ids)


def _target(use: IdeaUse) -> Node | None:
    taken = use.idea.adapted_from
    return None if taken is None else (taken.project, taken.idea or use.idea.id)


def _in_loop(node: Node, parent: dict[Node, Node]) -> bool:
    seen, at = {node}, parent.get(node)
    while at is not None:
        if at in seen:
            return True
        seen.add(at)
        at = parent.get(at)
    return False


def _walk(node: Node, source: IdeaUse | None, depth: int, uses: dict[Node, IdeaUse],
          children: dict[Node, list[Node]]) -> Iterable[SpreadStep]:
    use = uses[node]
    taken = use.idea.adapted_from if source is not None else None
    step = SpreadStep(use, source, taken.how if taken else "", taken.note if taken else "", depth)
    yield step
    below = sorted(children.get(node, ()), key=lambda n: (first_tested(uses[n].cycles) or dt.date.max,
                                                          uses[n].project.title.lower()))
    for child in below:
        yield from _walk(child, use, depth + 1, uses, children)


def _date_key(step: SpreadStep) -> dt.date:
    return step.first_tested or dt.date.max


# -- teams to talk to ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Tested:
    """One change idea a team tested: its first and latest PDSA dates and where it stands."""

    idea_id: str
    title: str
    first: dt.date | None
    last: dt.date | None
    status: str


@dataclass(frozen=True)
class TeamToTalkTo:
    """A team another can learn from: its project (with ``contact``), and what it tested when."""

    project: Project
    tested: tuple[Tested, ...]


def teams_to_talk_to(uses: Iterable[IdeaUse], projects: Iterable[Project] = (),
                     known: dict[int, tuple[IdeaUse, Tested | None]] | None = None) -> tuple[TeamToTalkTo, ...]:
    """The teams behind ``projects`` and these uses of change ideas, one entry per project (in the
    order given, ``projects`` first), each with the ideas it has tested (earliest first) — a team
    that has not yet run a cycle too. ``known``: what :func:`tested` gave for uses seen before, by
    ``id(use)`` (a site's pages ask about the same uses again and again), filled in here."""
    by_project: dict[str, tuple[Project, list[Tested]]] = {p.id: (p, []) for p in projects}
    seen: set[Node] = set()
    for use in uses:
        tested_ideas = by_project.setdefault(use.project.id, (use.project, []))[1]
        if (use.project.id, use.idea.id) in seen:
            continue
        seen.add((use.project.id, use.idea.id))
        if known is None:
            found = tested(use)
        elif (memo := known.get(id(use))) is not None and memo[0] is use:
            found = memo[1]
        else:
            found = tested(use)
            known[id(use)] = (use, found)
        if found is not None:
            tested_ideas.append(found)
    return tuple(TeamToTalkTo(project, tuple(sorted(found, key=_tested_order)) if len(found) > 1 else tuple(found))
                 for project, found in by_project.values())


def tested(use: IdeaUse) -> Tested | None:
    """What a team's use of a change idea tested (None: no PDSA cycle yet)."""
    if not use.cycles:
        return None
    last = max((c.end or c.start) for c in use.cycles)
    return Tested(use.idea.id, use.idea.title, first_tested(use.cycles), last, use.status)


def _tested_order(t: Tested) -> tuple[dt.date, str]:
    return (t.first or dt.date.max, t.title.lower())


# -- checks ---------------------------------------------------------------------------------------

def check_spread(network: Network) -> list[Problem]:
    """Located errors for every ``adapted_from`` that names a project or change idea the network
    does not have, and for every loop of them. (A project naming itself is a problem of the project
    alone: qisite.load.crossref reports it.)"""
    found: list[Problem] = []
    projects = {p.id: p for p in network.projects}
    links: dict[Node, tuple[Node, Location]] = {}
    for project in network.projects:
        for idea in project.drivers.change_ideas:
            taken = idea.adapted_from
            if taken is None or taken.project == project.id:
                continue
            where = taken.at.of("project") if taken.at else Location(project.folder / "drivers.yaml")
            source = projects.get(taken.project)
            if source is None:
                found.append(Problem(ERROR, where, f"change idea '{idea.id}' is adapted from project '{taken.project}', "
                                                   "which is not in the network",
                                     did_you_mean(taken.project, projects) or "give the id (folder name) of a project "
                                     "in one of the network's sources (if it is there, fix its own errors first)"))
                continue
            wanted = taken.idea or idea.id
            ideas = [i.id for i in source.drivers.change_ideas]
            if wanted not in ideas:
                at = taken.at.of("idea") if taken.at and taken.idea else where
                found.append(Problem(ERROR, at, f"change idea '{idea.id}' is adapted from '{wanted}' of project "
                                                f"'{source.id}', which has no change idea '{wanted}'",
                                     did_you_mean(wanted, ideas) or f"say which of its ideas with 'idea:' "
                                     f"({one_of(ideas)})"))
                continue
            links[(project.id, idea.id)] = ((source.id, wanted), where)
    reported: set[Node] = set()
    for start in links:
        path, node = [start], links[start][0]
        while node in links and node not in path:
            path.append(node)
            node = links[node][0]
        if node == start and start not in reported:
            reported.update(path)
            loop = " → ".join(f"{p}:{i}" for p, i in [*path, start])
            found.append(Problem(ERROR, links[start][1], f"change idea '{start[1]}' is adapted from a chain that "
                                                         f"comes back to it ({loop})",
                                 "an idea starts somewhere: leave out adapted_from where the team did not take "
                                 "the idea from another"))
    return found

"""Cross-links: the change-idea library, taxonomies and related projects."""

import datetime as dt
from pathlib import Path

from qisite.config import default_config
from qisite.links import change_idea_library, cycles_status, group_by, related_projects
from qisite.model import Aim, ChangeIdea, DriverDiagram, Network, PdsaCycle, PrimaryDriver, Project, SecondaryDriver

D = dt.date(2021, 1, 1)


def project(pid, team, areas, ideas, cycles=(), driver="Access"):
    diagram = DriverDiagram(
        primary=(PrimaryDriver("p", driver, (SecondaryDriver("s", f"Secondary of {pid}", tuple(ideas)),)),),
        change_ideas=tuple(ChangeIdea(i, i.replace("-", " ").title()) for i in ideas))
    return Project(id=pid, folder=Path(pid), title=pid.title(), summary="s", team=team, organisation="Org",
                   equity_areas=tuple(areas), stage="test", started=D, population="p", equity_gap="g",
                   affected_group="a", aim=Aim("aim"), drivers=diagram, measures=(), cycles=tuple(cycles))


def cycle(cid, idea, decision, end):
    return PdsaCycle(cid, "t", idea, D, plan="plan", prediction="prediction", end=end, decision=decision)


NETWORK = Network(default_config(Path(".")), (
    project("a", "Team A", ["ethnicity"], ["leaflets", "pop-up"],
            [cycle("c1", "leaflets", "adapt", dt.date(2021, 2, 1)), cycle("c2", "leaflets", "adopt", dt.date(2021, 3, 1))]),
    project("b", "Team B", ["ethnicity", "age"], ["leaflets"], [cycle("c1", "leaflets", "abandon", dt.date(2021, 2, 1))]),
    project("c", "Team C", ["age"], ["buddies"], driver="access "),
    project("d", "Team D", ["sexuality"], ["other"], driver="Safety"),
))


def test_library_counts_teams_cycles_and_decisions():
    library = change_idea_library(NETWORK)
    entry = library["leaflets"]
    assert entry.teams == ("Team A", "Team B") and entry.cycle_count == 3
    assert entry.decisions == {"adapt": 1, "adopt": 1, "abandon": 1}
    assert [len(u.cycles) for u in entry.uses] == [2, 1]  # the team that tested it most comes first
    assert library["pop-up"].cycle_count == 0 and library["pop-up"].uses[0].cycles == ()


def test_group_by_equity_area_lists_a_project_under_each_area():
    areas = group_by(NETWORK.projects, lambda p: p.equity_areas)
    assert {k: [p.id for p in v] for k, v in areas.items()} == {
        "age": ["b", "c"], "ethnicity": ["a", "b"], "sexuality": ["d"]}


def test_related_projects_rank_shared_ideas_over_areas_and_drivers():
    related = related_projects(NETWORK.projects[0], NETWORK)
    assert [r.project.id for r in related] == ["b", "c"]
    # in words a reader knows: the idea's and area's titles and the driver as this project wrote it, never ids
    assert related[0].reasons == ("change idea: Leaflets", "equity area: Ethnicity and race", "driver: Access")
    assert related[1].reasons == ("driver: Access",)
    assert related_projects(NETWORK.projects[3], NETWORK) == ()


def test_idea_status_reads_being_tested_while_any_team_runs_a_cycle():
    running = cycle("c9", "buddies", None, None)       # started, no end, no decision yet
    network = Network(default_config(Path(".")), (
        NETWORK.projects[0], project("c", "Team C", ["age"], ["buddies"], [running])))
    library = change_idea_library(network)
    assert library["buddies"].status == "testing" and library["buddies"].running == 1
    assert library["leaflets"].status == "adopt"        # the latest cycle's decision
    assert library["pop-up"].status == "untested"
    ended = cycle("c8", "buddies", None, dt.date(2021, 2, 1))
    assert cycles_status((ended,)) == "studied" and cycles_status(()) == "untested"


def test_library_gives_an_ideas_description_once_as_most_teams_wrote_it():
    def with_description(pid, text):
        p = project(pid, f"Team {pid}", ["age"], ["buddies"])
        ideas = (ChangeIdea("buddies", "Buddies", description=text),)
        return Project(**{**p.__dict__, "drivers": DriverDiagram(primary=p.drivers.primary, change_ideas=ideas)})
    network = Network(default_config(Path(".")), (
        with_description("x", "Peer buddies."), with_description("y", "Peer buddies."), with_description("z", "Other.")))
    assert change_idea_library(network)["buddies"].description == "Peer buddies."
    assert change_idea_library(NETWORK)["leaflets"].description == ""


def _related_by_every_pair(subject, network, limit=5):
    """The ranking by its definition: every other project compared with the subject, scored 3 a shared
    change idea, 2 a shared equity area, 1 a shared driver (ignoring case and spacing), best first,
    ties by title."""
    def drivers(p):
        return {" ".join(t.lower().split()) for d in p.drivers.primary for t in (d.title, *(s.title for s in d.secondary))}

    scored = []
    for other in network.projects:
        if other.id == subject.id:
            continue
        score = (3 * len({i.id for i in subject.drivers.change_ideas} & {i.id for i in other.drivers.change_ideas})
                 + 2 * len(set(subject.equity_areas) & set(other.equity_areas)) + len(drivers(subject) & drivers(other)))
        if score:
            scored.append((other.id, score))
    scored.sort(key=lambda found: (-found[1], network_title(network, found[0])))
    return scored[:limit]


def network_title(network, pid):
    return next(p.title.lower() for p in network.projects if p.id == pid)


def test_related_projects_match_the_pairwise_definition_on_a_random_network():
    """The index adds scores along shared features instead of comparing every pair; on a seeded random
    network of 60 projects (areas, ideas and drivers drawn from small pools, so that ties are common)
    it ranks exactly as comparing every pair does."""
    import random

    from qisite.links import RelatedIndex

    rng = random.Random(7)
    areas, ideas, drivers = ["ethnicity", "age", "gender", "deprivation"], [f"idea-{k}" for k in range(8)], ["Access", "Trust", "Data"]
    projects = tuple(project(f"p{k:02d}", f"Team {k % 7}", rng.sample(areas, rng.randint(1, 2)),
                             rng.sample(ideas, rng.randint(0, 3)), driver=rng.choice(drivers)) for k in range(60))
    projects = tuple(p if k % 5 else p.__class__(**{**p.__dict__, "title": "Same title"}) for k, p in enumerate(projects))
    network = Network(default_config(Path(".")), projects)
    index = RelatedIndex(network)
    for subject in projects:
        found = [(r.project.id, r.score) for r in index.related(subject)]
        assert found == _related_by_every_pair(subject, network), subject.id


def _related_reference(subject, network, limit=5):
    """Related projects by their definition, worded, with no index: every other project (by id) scored,
    sorted by (-score, title ignoring case), ties in network order (a stable sort), the first ``limit``."""
    def titles(p):
        return [t for d in p.drivers.primary for t in (d.title, *(s.title for s in d.secondary))]

    def drivers(p):
        return {" ".join(t.lower().split()) for t in titles(p)}

    area_titles = {}
    for area in network.config.equity_areas:
        area_titles.setdefault(area.id, area.title)
    ideas = {i.id for i in subject.drivers.change_ideas}
    scored = []
    for other in network.projects:
        if other.id == subject.id:
            continue
        shared_ideas = sorted(ideas & {i.id for i in other.drivers.change_ideas})
        shared_areas = [a for a in dict.fromkeys(subject.equity_areas) if a in other.equity_areas]
        shared_drivers = sorted(drivers(subject) & drivers(other))
        score = 3 * len(shared_ideas) + 2 * len(shared_areas) + len(shared_drivers)
        if not score:
            continue
        reasons = ([f"change idea: {next(i.title for i in subject.drivers.change_ideas if i.id == k)}" for k in shared_ideas]
                   + [f"equity area: {area_titles.get(a, a)}" for a in shared_areas]
                   + [f"driver: {next(t for t in titles(subject) if ' '.join(t.lower().split()) == d)}" for d in shared_drivers])
        scored.append((other, tuple(reasons), score))
    scored.sort(key=lambda found: (-found[2], found[0].title.lower()))
    return scored[:max(limit, 0)]


def test_related_index_matches_the_reference_on_networks_full_of_ties():
    """The index's fast selection (projects grouped by their set of equity areas, a group read from its
    front; only ideas and drivers added up) gives exactly what scoring and sorting every project gives:
    the same projects, reasons and scores in the same order, ties by title then network position, on
    seeded networks where most projects share an area, scores tie in every way, titles repeat (in other
    cases) and some projects share no area or no idea; for every project, one not in the network, and
    every limit."""
    import random

    from qisite.links import RelatedIndex

    for seed in range(4):
        rng = random.Random(seed)
        areas = ["ethnicity", "age", "gender", "deprivation", "language"][:2 + seed]
        ideas = [f"idea-{k}" for k in range(3 + 5 * seed)]
        drivers = ["Access", "access ", "Trust", "Data", "Staff  time"]
        titles = ["Alpha", "alpha", "Beta", "BETA", "Gamma", "Delta", "delta"]
        projects = tuple(project(f"p{k:03d}", f"Team {k % 7}", rng.sample(areas, rng.randint(0, min(3, len(areas)))),
                                 rng.sample(ideas, rng.randint(0, 2)), driver=rng.choice(drivers)) for k in range(150))
        projects = tuple(p.__class__(**{**p.__dict__, "title": rng.choice(titles) if k % 3 else p.title})
                         for k, p in enumerate(projects))
        outsider = project("outsider", "Team X", areas[:2], ideas[:2], driver="DATA")
        network = Network(default_config(Path(".")), projects)
        index = RelatedIndex(network)
        for subject in (*projects, outsider):
            for limit in (0, 1, 3, 5, 40, 200):
                found = [(r.project, r.reasons, r.score) for r in index.related(subject, limit)]
                expected = _related_reference(subject, network, limit)
                assert [(p.id, reasons, score) for p, reasons, score in found] == \
                       [(p.id, reasons, score) for p, reasons, score in expected], (seed, subject.id, limit)
                assert all(a is b for (a, _, _), (b, _, _) in zip(found, expected))


def test_kept_related_projects_are_those_worked_out_afresh_after_each_kind_of_edit():
    """A kept Builder's RelatedMemo: after an edit that moves no ranking input (a summary) it hands back
    its kept ranking holding the new records; after one that does (a title, an area, a change idea's
    title, a driver, a project added) it ranks again. Either way: what RelatedIndex finds afresh."""
    import dataclasses

    from qisite.links import RelatedIndex, RelatedMemo

    def afresh(network):
        index = RelatedIndex(network)
        return tuple(index.related(p) for p in network.projects)

    def renamed_idea(p):
        ideas = tuple(dataclasses.replace(i, title=i.title + " (renamed)") for i in p.drivers.change_ideas)
        return dataclasses.replace(p, drivers=dataclasses.replace(p.drivers, change_ideas=ideas))

    memo = RelatedMemo()
    network = NETWORK
    assert memo(network) == afresh(network) and memo.changed
    memo.changed = False
    assert memo(network) == afresh(network) and not memo.changed   # nothing read changed: not ranked again
    edits = [lambda p: dataclasses.replace(p, summary="edited"), lambda p: dataclasses.replace(p, title="Zed"),
             lambda p: dataclasses.replace(p, equity_areas=("age",)), renamed_idea,
             lambda p: project(p.id, p.team, p.equity_areas, [i.id for i in p.drivers.change_ideas], driver="Trust")]
    for edit in edits:
        network = Network(network.config, (edit(network.projects[0]), *network.projects[1:]))
        kept = memo(network)
        assert kept == afresh(network)
        assert all(any(r.project is p for p in network.projects) for found in kept for r in found)
    network = Network(network.config, (*network.projects, project("e", "Team E", ["ethnicity"], ["leaflets"])))
    assert memo(network) == afresh(network)


def test_a_saved_ranking_is_used_by_a_new_memo_until_its_inputs_or_the_code_change(monkeypatch):
    """What a build keeps in its cache (RelatedMemo.saved): a new memo (a new `qisite build`) ranks
    nothing while the network's ranking inputs and the code are those it was saved with."""
    import dataclasses

    import qisite.links as links

    first = links.RelatedMemo(version="code 1")
    expected = first(NETWORK)
    counted = []
    real = links.RelatedIndex

    class Counting(real):
        def __init__(self, network):
            counted.append(1)
            super().__init__(network)

    monkeypatch.setattr(links, "RelatedIndex", Counting)
    again = links.RelatedMemo(first.saved(), version="code 1")
    edited = Network(NETWORK.config, (dataclasses.replace(NETWORK.projects[0], summary="edited"), *NETWORK.projects[1:]))
    assert again(edited) == tuple(tuple(dataclasses.replace(r, project=edited.projects[NETWORK.projects.index(r.project)])
                                        for r in found) for found in expected)
    assert counted == [] and not again.changed
    assert links.RelatedMemo(first.saved(), version="code 2")(edited) == again(edited) and counted == [1]
    assert links.RelatedMemo(("not", "a ranking"), version="code 1")(edited) == again(edited) and counted == [1, 1]


def test_kept_related_projects_follow_a_retitled_tie():
    """Ties rank by title: retitling one of two equally related projects reorders them, so a title
    is one of the ranking's inputs."""
    import dataclasses

    from qisite.links import RelatedIndex, RelatedMemo

    network = Network(NETWORK.config, (project("x", "Team X", ["age"], []), project("y", "Team Y", ["age"], []),
                                       project("z", "Team Z", ["age"], [])))
    memo = RelatedMemo()
    assert [r.project.id for r in memo(network)[0]] == ["y", "z"]
    network = Network(network.config, (network.projects[0], dataclasses.replace(network.projects[1], title="Zz"),
                                       network.projects[2]))
    index = RelatedIndex(network)
    assert [r.project.id for r in memo(network)[0]] == [r.project.id for r in index.related(network.projects[0])] == ["z", "y"]

"""Checks between a project's files: every id one file names, another defines."""

from __future__ import annotations

import re
from itertools import pairwise

from qisite.headway import SCALE, on_scale, score_text
from qisite.model import (
    DERIVED_CHARTS,
    PROGRESS_CHART,
    DriverDiagram,
    PrimaryDriver,
    Project,
    SecondaryDriver,
    SiteConfig,
)
from qisite.problems import Location, Problems, did_you_mean, one_of
from qisite.spc.chart_types import base_chart


def check_project(project: Project, problems: Problems) -> None:
    _check_driver_ids(project.drivers, problems)
    _check_driver_links(project.drivers, problems)
    _check_aim(project, problems)
    _check_cycles(project, problems)
    _check_chart_files(project, problems)
    _check_progress(project, problems)
    _check_updates(project, problems)
    _check_spread_and_contact(project, problems)


def _check_driver_ids(diagram: DriverDiagram, problems: Problems) -> None:
    seen: dict[str, Location] = {}
    for primary in diagram.primary:
        nodes: tuple[PrimaryDriver | SecondaryDriver, ...] = (primary, *primary.secondary)
        for node in nodes:
            if node.id in seen:
                problems.error(node.at.of("id"), f"driver id '{node.id}' is used twice (first at line {seen[node.id].line})",
                               "every driver needs its own id")
            else:
                seen[node.id] = node.at.of("id")


def _check_driver_links(diagram: DriverDiagram, problems: Problems) -> None:
    defined = {idea.id for idea in diagram.change_ideas}
    reached = set()
    for primary in diagram.primary:
        for secondary in primary.secondary:
            for index, idea_id in enumerate(secondary.change_ideas):
                reached.add(idea_id)
                if idea_id not in defined:
                    hint = did_you_mean(idea_id, defined) or "define it under change_ideas with an id and a title"
                    problems.error(secondary.at.of("change_ideas", index),
                                   f"secondary driver '{secondary.id}' names change idea '{idea_id}', which is not defined", hint)
    for idea in diagram.change_ideas:
        if idea.id not in reached:
            problems.warning(idea.at.of("id"), f"change idea '{idea.id}' is not linked to any secondary driver",
                             "add its id to a secondary driver's change_ideas so the driver diagram shows it")


def _check_aim(project: Project, problems: Problems) -> None:
    aim = project.aim
    if aim.measure is None:
        return
    measure = project.measure(aim.measure)
    if measure is None:
        ids = [m.id for m in project.measures]
        problems.error(aim.at.of("measure"), f"the aim names measure '{aim.measure}', which is not in measures.yaml",
                       did_you_mean(aim.measure, ids) or f"the measures are {one_of(ids)}")
    elif aim.direction and measure.direction not in ("neutral", aim.direction):
        problems.warning(aim.at.of("direction"), f"the aim wants to {aim.direction} '{measure.id}', but the measure's direction is '{measure.direction}'",
                         "make the aim's direction and the measure's direction agree")


def _check_cycles(project: Project, problems: Problems) -> None:
    ideas = {idea.id for idea in project.drivers.change_ideas}
    measures = {m.id for m in project.measures}
    for cycle in project.cycles:
        if cycle.change_idea not in ideas:
            hint = did_you_mean(cycle.change_idea, ideas) or "add it to change_ideas in drivers.yaml"
            problems.error(cycle.at.of("change_idea"), f"PDSA cycle '{cycle.id}' tests change idea '{cycle.change_idea}', which drivers.yaml does not define", hint)
        for index, measure_id in enumerate(cycle.measures):
            if measure_id not in measures:
                hint = did_you_mean(measure_id, measures) or f"the measures are {one_of(sorted(measures))}"
                problems.error(cycle.at.of("measures", index), f"PDSA cycle '{cycle.id}' names measure '{measure_id}', which measures.yaml does not define", hint)
        if cycle.end and cycle.end < cycle.start:
            problems.error(cycle.at.of("end"), f"PDSA cycle '{cycle.id}' ends ({cycle.end}) before it starts ({cycle.start})",
                           "check the day and month of start and end")
        if cycle.end and not cycle.decision:
            problems.warning(cycle.at.of("end"), f"PDSA cycle '{cycle.id}' has ended but records no decision",
                             "add 'decision: adopt', 'adapt' or 'abandon' so other teams can learn what worked")


def _check_chart_files(project: Project, problems: Problems) -> None:
    """Two measures never write the same chart file: 'x-gap' is the file of measure x's gap chart."""
    ids = {m.id for m in project.measures}
    for measure in project.measures:
        for extra in DERIVED_CHARTS:
            stem = measure.id.removesuffix(f"-{extra}")
            if stem != measure.id and stem in ids:
                problems.error(measure.at.of("id"),
                               f"measure id '{measure.id}' is the file name of measure '{stem}''s {extra} chart "
                               f"({measure.chart_file()})", f"give it an id that does not end in '-{extra}'")
        if project.progress and measure.chart_file() == PROGRESS_CHART:
            problems.error(measure.at.of("id"), f"measure id '{measure.id}' is the file name of the project's progress "
                           f"chart ({PROGRESS_CHART})", "give the measure another id")


def _check_progress(project: Project, problems: Problems) -> None:
    """Each entry names a stage or a score on IHI's scale; dates in order; the latest stage is the project's."""
    entries = project.progress
    for entry in entries:
        if entry.stage is None and entry.score is None:
            problems.error(entry.at.where, f"the progress entry of {entry.date.isoformat()} names neither a stage nor a score",
                           "add 'stage: STAGE-ID', 'score: 2.5' (IHI's 0.5–5 progress score), or both")
        if entry.score is not None and not on_scale(entry.score):
            problems.error(entry.at.of("score"), f"the progress score {entry.score:g} is not on IHI's scale",
                           "the scale runs 0.5, 1, 1.5 … 5 in steps of 0.5 (" +
                           "; ".join(f"{score_text(v)} {name.lower()}" for v, (name, _) in list(SCALE.items())[::3]) + " …)")
    for before, entry in pairwise(entries):
        if entry.date <= before.date:
            message = (f"two progress entries are dated {entry.date.isoformat()}" if entry.date == before.date
                       else f"the progress entry of {entry.date.isoformat()} is listed after one of {before.date.isoformat()}")
            problems.error(entry.at.of("date"), message, "list the progress entries oldest first, one a day")
            return
    if entries and entries[0].date < project.started:
        problems.warning(entries[0].at.of("date"), f"the first progress entry ({entries[0].date.isoformat()}) is "
                         f"before the project started ({project.started.isoformat()})", "check the dates")
    staged = [e for e in entries if e.stage is not None]
    if staged and staged[-1].stage != project.stage:
        latest = staged[-1]
        problems.error(latest.at.of("stage"), f"the latest progress entry ({latest.date.isoformat()}) is at stage "
                       f"'{latest.stage}' but project.yaml's stage is '{project.stage}'",
                       f"add a progress entry for the move to '{project.stage}', or correct 'stage'")


# an honorific, or two or three capitalised words none of which names a role: most likely a person's name
_HONORIFIC = re.compile(r"^(dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame)\.?\s+\S", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
ROLE_WORDS = frozenset((
    "manager", "lead", "leader", "director", "consultant", "doctor", "nurse", "therapist", "worker", "officer",
    "coordinator", "co-ordinator", "team", "ward", "clinical", "clinician", "matron", "sister", "charge",
    "peer", "support", "administrator", "analyst", "champion", "volunteer", "member", "chair", "governor",
    "psychologist", "psychiatrist", "pharmacist", "midwife", "practitioner", "assistant", "registrar",
    "trainee", "head", "service", "user", "carer", "expert", "experience", "improvement", "quality", "advisor",
    "adviser", "coach", "sponsor", "owner", "nursing", "medical", "deputy", "senior", "junior", "health",
    "visitor", "gp", "receptionist", "project", "programme", "secretary", "executive", "board", "committee",
    "group", "network",
))


def looks_like_a_name(author: str) -> bool:
    """Whether an update's author reads like a person's name rather than a role ('ward manager')."""
    text = author.strip()
    if _HONORIFIC.match(text):
        return True
    words = {w.lower() for w in re.split(r"[\s/,&]+", text) if w}
    return bool(_NAME.match(text)) and not words & ROLE_WORDS


def _check_updates(project: Project, problems: Problems) -> None:
    for update in project.updates:
        if looks_like_a_name(update.author):
            problems.warning(update.at.of("author"), f"the author '{update.author}' of the update of "
                             f"{update.date.isoformat()} looks like a person's name",
                             "give the author's role (e.g. 'ward manager', 'peer support worker'): the site names "
                             "roles, never patients, and need not name staff")


def _check_spread_and_contact(project: Project, problems: Problems) -> None:
    """A change idea is not adapted from its own project; a contact gives a way to reach the team.
    (Links to other projects are checked with the whole network: qisite.spread.check_spread.)"""
    for idea in project.drivers.change_ideas:
        taken = idea.adapted_from
        if taken is not None and taken.project == project.id:
            problems.error(taken.at.of("project"), f"change idea '{idea.id}' says it is adapted from its own project "
                                                   f"'{project.id}'",
                           "name the project the team took the idea from, or leave out adapted_from where the idea "
                           "started here")
    if project.contact is not None and not project.contact:
        problems.error(project.contact.at.of("email"), "'contact' gives neither an email nor a page",
                       "add 'email:' (the team's shared mailbox) or 'page:' (a link to its contact page), or leave "
                       "out contact")


def check_network_measures(project: Project, config: SiteConfig, problems: Problems) -> None:
    """A measure naming a ``network_measure`` names one of site.yaml's catalogue (an error; a warning
    when the network has no catalogue, as a project previewed on its own has not), with a chart
    that agrees with it (the same chart, or its Laney version: p and pp, u and up)."""
    ids = [m.id for m in config.measures]
    for measure in project.measures:
        if measure.network_measure is None:
            continue
        shared = config.network_measure(measure.network_measure)
        if shared is None and not ids:   # no catalogue (e.g. a project previewed on its own): nothing to compare with
            problems.warning(measure.at.of("network_measure"),
                             f"measure '{measure.id}' names network measure '{measure.network_measure}', but this "
                             "network has no measure catalogue (measures: in site.yaml), so it is compared with no other team",
                             "declare it under measures: in site.yaml (id, title, definition, chart), or leave "
                             "network_measure out")
        elif shared is None:
            hint = did_you_mean(measure.network_measure, ids) or f"the catalogue's measures are {one_of(ids)}"
            problems.error(measure.at.of("network_measure"),
                           f"measure '{measure.id}' names network measure '{measure.network_measure}', which is not "
                           "in the network's measure catalogue (measures: in site.yaml)", hint)
        elif base_chart(measure.chart) != base_chart(shared.chart):
            problems.error(measure.at.of("chart"),
                           f"measure '{measure.id}' reports network measure '{shared.id}', a {shared.chart} chart "
                           f"in site.yaml's catalogue, but is a {measure.chart} chart",
                           f"use chart: {shared.chart} as the catalogue's definition does, or leave network_measure out")

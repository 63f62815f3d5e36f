"""The domain: frozen objects a loaded network is made of.

Everything here is plain data. Objects read from YAML carry ``at``: where each
of their fields was written, so later checks can point at the right line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from qisite.problems import Location

DateOrText = dt.date | str


@dataclass(frozen=True)
class Positions:
    """Where an object and each of its fields stand in their file."""

    where: Location
    fields: tuple[tuple[str, Location], ...] = ()

    def of(self, name: str, index: int | None = None) -> Location:
        """Where field ``name`` (or item ``index`` of that list field) was written."""
        spots = dict(self.fields)
        if index is not None and f"{name}[{index}]" in spots:
            return spots[f"{name}[{index}]"]
        return spots.get(name, self.where)


def _positions() -> Positions:
    return field(default=None, compare=False, repr=False)


# --- site.yaml -------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary (an equity area, a stage)."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str
    description: str
    site_url: str | None
    projects_dir: Path
    output_dir: Path
    date_format: str
    equity_areas: tuple[Term, ...]
    stages: tuple[Term, ...]
    small_number_threshold: int = 5

    def vocabulary(self) -> dict[str, tuple[str, ...]]:
        return {
            "equity_areas": tuple(t.id for t in self.equity_areas),
            "stages": tuple(t.id for t in self.stages),
        }


# --- project.yaml ----------------------------------------------------------

@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    at: Positions = _positions()


@dataclass(frozen=True)
class Aim:
    statement: str
    measure: str | None = None
    direction: str | None = None
    target: float | None = None
    by: dt.date | None = None
    at: Positions = _positions()


@dataclass(frozen=True)
class ChecklistItem:
    item: str
    done: bool = False
    at: Positions = _positions()


# --- drivers.yaml ----------------------------------------------------------

@dataclass(frozen=True)
class ChangeIdea:
    id: str
    title: str
    description: str = ""
    at: Positions = _positions()


@dataclass(frozen=True)
class SecondaryDriver:
    id: str
    title: str
    change_ideas: tuple[str, ...] = ()
    at: Positions = _positions()


@dataclass(frozen=True)
class PrimaryDriver:
    id: str
    title: str
    secondary: tuple[SecondaryDriver, ...] = ()
    at: Positions = _positions()


@dataclass(frozen=True)
class DriverDiagram:
    primary: tuple[PrimaryDriver, ...] = ()
    change_ideas: tuple[ChangeIdea, ...] = ()
    at: Positions = _positions()

    def change_idea(self, idea_id: str) -> ChangeIdea | None:
        return next((c for c in self.change_ideas if c.id == idea_id), None)


# --- measures.yaml ---------------------------------------------------------

@dataclass(frozen=True)
class PartStart:
    start: dt.date
    label: str = ""
    at: Positions = _positions()


@dataclass(frozen=True)
class Exclusion:
    date: DateOrText
    reason: str
    at: Positions = _positions()


@dataclass(frozen=True)
class Observation:
    """One CSV row of a measure: x (a date, or a category for Pareto), y, n, group."""

    x: DateOrText
    y: float | None
    n: float | None = None
    group: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    type: str
    definition: str
    data: str
    x: str
    y: str
    chart: str
    n: str | None = None
    group: str | None = None
    reference_group: str | None = None
    period: str | None = None
    unit: str = ""
    multiply: float = 1.0
    direction: str = "neutral"
    target: float | None = None
    freeze: dt.date | int | None = None
    parts: tuple[PartStart, ...] = ()
    exclude: tuple[Exclusion, ...] = ()
    date_format: str | None = None
    counts: str | None = None    # "people" or "events"; None: by chart type (qisite.privacy.disclosure)
    observations: tuple[Observation, ...] = ()
    at: Positions = _positions()

    @property
    def stratified(self) -> bool:
        return self.group is not None

    def groups(self) -> tuple[str, ...]:
        """Group names in first-seen order (empty for an unstratified measure)."""
        return tuple(dict.fromkeys(o.group for o in self.observations if o.group is not None))


# --- pdsa.yaml, fishbone.yaml ---------------------------------------------

@dataclass(frozen=True)
class PdsaCycle:
    id: str
    title: str
    change_idea: str
    start: dt.date
    plan: str
    prediction: str
    end: dt.date | None = None
    do: str = ""
    study: str = ""
    act: str = ""
    decision: str | None = None
    measures: tuple[str, ...] = ()
    at: Positions = _positions()


@dataclass(frozen=True)
class FishboneCategory:
    name: str
    causes: tuple[str, ...]
    at: Positions = _positions()


@dataclass(frozen=True)
class Fishbone:
    effect: str
    categories: tuple[FishboneCategory, ...]
    at: Positions = _positions()


# --- the project and the network -------------------------------------------

@dataclass(frozen=True)
class Project:
    id: str
    folder: Path
    title: str
    summary: str
    team: str
    organisation: str
    equity_areas: tuple[str, ...]
    stage: str
    started: dt.date
    population: str
    equity_gap: str
    affected_group: str
    aim: Aim
    drivers: DriverDiagram
    measures: tuple[Measure, ...]
    cycles: tuple[PdsaCycle, ...] = ()
    place: str = ""
    updated: dt.date | None = None
    reference_group: str = ""
    coproduction: str = ""
    illustrative: bool = False
    draft: bool = False
    sources: tuple[Source, ...] = ()
    sustain: tuple[ChecklistItem, ...] = ()
    fishbone: Fishbone | None = None
    story: str = ""
    at: Positions = _positions()

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)


@dataclass(frozen=True)
class Network:
    config: SiteConfig
    projects: tuple[Project, ...]

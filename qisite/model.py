"""The domain: frozen objects a loaded network is made of.

Everything here is plain data, and each record of the folder format is declared
here once. A field that is a YAML key carries ``key(kind, doc)``: the kind checks
and converts the value, the doc is its one-line meaning. ``@record(title)``
derives from that the validation (:mod:`qisite.load.kinds`), the JSON Schema
(``qisite schema``) and the reference tables of docs/format.md. A key is
required when its field has no default. Keys are declared in the order the
docs, messages and schemas list them; ``_: KW_ONLY`` lets a required key follow
an optional one.

Objects read from YAML carry ``at``: where each of their fields was written, so
later checks can point at the right line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path
from typing import Any

from qisite.load.kinds import (
    Boolean,
    Choice,
    Count,
    Date,
    Either,
    Email,
    ListOf,
    Number,
    Positions,
    Slug,
    Text,
    Url,
    WebPage,
    key,
    record,
    record_of,
)
from qisite.load.schemas import (
    COUNTS,
    DATE_FORMATS,
    DECISIONS,
    DIRECTIONS,
    MEASURE_TYPES,
    PERIODS,
    SPREAD_HOW,
)
from qisite.spc.chart_types import NAMES as CHART_TYPES
from qisite.spc.choices import RULE_PROFILES, SAME_DATE

__all__ = ["Positions"]  # re-exported: where an object's fields were written

DateOrText = dt.date | str


def _positions() -> Any:
    return field(default=None, compare=False, repr=False)


# --- site.yaml -------------------------------------------------------------

@record("an equity area or stage")
@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary (an equity area, a stage)."""

    id: str = field(metadata=key(Slug(), "a short id, e.g. ethnicity"))
    title: str = field(metadata=key(Text(), "the name shown on the site"))
    description: str = field(default="", metadata=key(Text(), "one line shown on the term's page"))


DEFAULT_EQUITY_AREAS = (
    Term("ethnicity", "Ethnicity and race", "Differences in access, experience or outcome by ethnic group."),
    Term("age", "Age", "Differences between age groups."),
    Term("sexuality", "Sexuality", "Differences experienced by lesbian, gay, bisexual and other sexual-minority people."),
    Term("gender", "Gender", "Differences by gender, including for trans and non-binary people."),
    Term("deprivation", "Deprivation", "Differences by neighbourhood deprivation (IMD decile or quintile)."),
    Term("disability", "Disability", "Differences experienced by disabled people and people with learning disabilities."),
    Term("language", "Language", "Differences for people who do not speak English as a first language."),
    Term("core20plus5", "Core20PLUS5", "NHS England's most deprived 20%, PLUS groups and five clinical areas."),
)

DEFAULT_STAGES = (
    Term("identify", "Identify the equity gap", "Disaggregate the data and compare with a reference group."),
    Term("understand", "Understand it", "Process maps, fishbones, Pareto charts and a three-part data review."),
    Term("strategy", "Develop a strategy", "An aim naming the inequity, a driver diagram and a measurement plan."),
    Term("test", "Test changes", "PDSA cycles: does each change close, widen or keep the gap?"),
    Term("implement", "Implement and sustain", "Standardise, document, train, measure and resource the change."),
)


@record("small_numbers")
@dataclass(frozen=True)
class SmallNumbers:
    """Disclosure control of small counts of people (docs/privacy.md)."""

    threshold: int = field(default=5, metadata=key(
        Count(), "counts of people from 1 to threshold − 1 are never published (1 switches this off)"))


@record("a source of projects")
@dataclass(frozen=True)
class ProjectSource:
    """One entry of site.yaml's ``sources:``: a local folder of project folders, or
    a folder inside a git repository (qisite.load.sources fetches and reads it)."""

    git: str | None = field(default=None, metadata=key(
        Text(), "a git repository: any address or local path the git command accepts"))
    ref: str | None = field(default=None, metadata=key(
        Text(), "with git: the branch, tag or commit shown (default: the repository's default branch)"))
    path: str | None = field(default=None, metadata=key(
        Text(), "a local folder of project folders (relative to site.yaml); with git: the folder "
                "inside the repository (default: projects)"))
    organisation: str = field(default="", metadata=key(Text(), "who the source's projects are attributed to"))
    at: Positions = _positions()


@record("a network measure")
@dataclass(frozen=True)
class NetworkMeasure:
    """One entry of site.yaml's ``measures:``, the network's measure catalogue: an operational
    definition several projects share (a project's measure opts in with ``network_measure:``).
    The network's page of the measure compares the projects that report it (qisite.site.network)."""

    id: str = field(metadata=key(Slug(), "a short id, e.g. first-appointment-dna; the page is measures/<id>/"))
    title: str = field(metadata=key(Text(), "the measure's name"))
    definition: str = field(metadata=key(Text(), "the shared operational definition, in Markdown"))
    chart: str = field(metadata=key(Choice(CHART_TYPES), (
        "the chart type every project's measure uses: p or u (pp, up agree) gives a funnel plot "
        "across the projects; any other type, side-by-side charts only")))
    unit: str = field(default="", metadata=key(Text(), "label for the y axis"))
    multiply: float = field(default=1.0, metadata=key(Number(), "multiplier, e.g. 100 for percent"))
    direction: str = field(default="neutral", metadata=key(Choice(DIRECTIONS), "which way is better"))
    at: Positions = _positions()


# what an illustrative project's notice says unless site.yaml or the project words it
ILLUSTRATIVE_NOTE = "The figures are illustrative: they are not the team's own data."


@record("site.yaml")
@dataclass(frozen=True)
class SiteConfig:
    """site.yaml, with the folder it was read from (``root``)."""

    root: Path
    title: str = field(metadata=key(Text(), "the site's name"))
    description: str = field(default="", metadata=key(Text(), "one line under the title"))
    site_url: str | None = field(default=None, metadata=key(
        Url(), "the published address; enables sitemap.xml and absolute feed links"))
    projects: str = field(default="projects", metadata=key(Text(), "folder holding the project folders"))
    output: str = field(default="_site", metadata=key(Text(), "folder `qisite build` writes to"))
    date_format: str = field(default="iso", metadata=key(
        Choice(DATE_FORMATS), "how CSV dates are read: iso, dayfirst (UK) or monthfirst (US)"))
    equity_areas: tuple[Term, ...] = field(default=DEFAULT_EQUITY_AREAS, metadata=key(
        ListOf(record_of(Term), unique_ids=True), "the equity areas projects may name"))
    stages: tuple[Term, ...] = field(default=DEFAULT_STAGES, metadata=key(
        ListOf(record_of(Term), unique_ids=True), "the improvement stages, in order"))
    small_numbers: SmallNumbers = field(default=SmallNumbers(), metadata=key(
        record_of(SmallNumbers), "disclosure control of small counts of people (docs/privacy.md)"))
    sources: tuple[ProjectSource, ...] = field(default=(), metadata=key(
        ListOf(record_of(ProjectSource)), "more folders and git repositories of project folders, read after "
                                          "'projects' (docs/publishing.md)"))
    rules: str = field(default="anhoej", metadata=key(
        Choice(RULE_PROFILES), "the special-cause rules of every chart, its signals and its icons: "
        "anhoej, ihi or nhs (Making Data Count); see the site's Methods page"))
    illustrative_note: str = field(default=ILLUSTRATIVE_NOTE, metadata=key(
        Text(), "what the notice on an illustrative project's pages and downloads says (a project may give its own)"))
    measures: tuple[NetworkMeasure, ...] = field(default=(), metadata=key(
        ListOf(record_of(NetworkMeasure), unique_ids=True), (
            "the network's measure catalogue: shared operational definitions, each with a page comparing "
            "the projects whose measures name it (network_measure in measures.yaml)")))
    slides: bool = field(default=False, metadata=key(Boolean(), (
        "true puts a PNG for slides (1920 px wide, with the chart's title and source line inside it) beside "
        "each chart's SVG download; off by default: each PNG costs about seven times its chart's SVG "
        "(docs/performance.md)")))

    @property
    def projects_dir(self) -> Path:
        return self.root / self.projects

    @property
    def output_dir(self) -> Path:
        return self.root / self.output

    @property
    def small_number_threshold(self) -> int:
        return self.small_numbers.threshold

    def network_measure(self, measure_id: str) -> NetworkMeasure | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def vocabulary(self) -> dict[str, tuple[str, ...]]:
        return {
            "equity_areas": tuple(t.id for t in self.equity_areas),
            "stages": tuple(t.id for t in self.stages),
        }


# --- project.yaml ----------------------------------------------------------

@record("a source")
@dataclass(frozen=True)
class Source:
    title: str = field(metadata=key(Text(), "citation or page title"))
    url: str | None = field(default=None, metadata=key(Url(), "web address"))
    at: Positions = _positions()


@record("the aim")
@dataclass(frozen=True)
class Aim:
    statement: str = field(metadata=key(Text(), "what, how much, by when, naming the inequity and the group"))
    measure: str | None = field(default=None, metadata=key(Slug(), "id of the outcome measure the aim is judged on"))
    direction: str | None = field(default=None, metadata=key(Choice(("increase", "decrease")), "increase or decrease"))
    target: float | None = field(default=None, metadata=key(Number(), "the target value, in the measure's units"))
    by: dt.date | None = field(default=None, metadata=key(Date(), "the deadline, YYYY-MM-DD"))
    at: Positions = _positions()


@record("how to reach the team")
@dataclass(frozen=True)
class Contact:
    """How another team reaches this one: a shared mailbox and/or a contact page, never a phone number."""

    email: str | None = field(default=None, metadata=key(
        Email(), "the team's shared mailbox, e.g. qi-team@example.nhs.uk (no personal or phone numbers)"))
    page: str | None = field(default=None, metadata=key(
        WebPage(), "a web page saying how to contact the team (https://…)"))
    at: Positions = _positions()

    def __bool__(self) -> bool:
        return bool(self.email or self.page)


@record("a sustain checklist item")
@dataclass(frozen=True)
class ChecklistItem:
    item: str = field(metadata=key(Text(), "what must be in place"))
    done: bool = field(default=False, metadata=key(Boolean(), "true once it is in place"))
    at: Positions = _positions()


@record("a progress entry")
@dataclass(frozen=True)
class ProgressEntry:
    date: dt.date = field(metadata=key(Date(), "the day the team assessed where the project stood"))
    stage: str | None = field(default=None, metadata=key(Choice(vocabulary="stages"), "the stage it had reached"))
    score: float | None = field(default=None, metadata=key(Number(), (
        "the IHI progress score: 0.5, 1, 1.5 … 5 (as in Life QI; the site's Methods page lists the scale)")))
    note: str = field(default="", metadata=key(Text(), "why, in one line"))
    at: Positions = _positions()


@record("an update")
@dataclass(frozen=True)
class Update:
    date: dt.date = field(metadata=key(Date(), "the day of the update"))
    author: str = field(metadata=key(Text(), "the author's role, e.g. ward manager (never a patient's name)"))
    text: str = field(metadata=key(Text(), "what changed, in Markdown"))
    at: Positions = _positions()


# --- drivers.yaml ----------------------------------------------------------

@record("where a change idea came from")
@dataclass(frozen=True)
class AdaptedFrom:
    """The project (of any source) a change idea was taken from: the spread of an idea."""

    project: str = field(metadata=key(Slug(), "the id of the project the idea was taken from (any source of the network)"))
    idea: str | None = field(default=None, metadata=key(
        Slug(), "that project's id for the idea (default: this idea's id)"))
    how: str = field(default="adapted", metadata=key(
        Choice(SPREAD_HOW), "adopted (taken as it was) or adapted (changed to fit)"))
    note: str = field(default="", metadata=key(Text(), "what was changed, or why, in a sentence"))
    at: Positions = _positions()


@record("a change idea")
@dataclass(frozen=True)
class ChangeIdea:
    id: str = field(metadata=key(Slug(), "the same id in two projects means the same idea"))
    title: str = field(metadata=key(Text(), "the change idea"))
    description: str = field(default="", metadata=key(Text(), "more detail, in Markdown"))
    adapted_from: AdaptedFrom | None = field(default=None, metadata=key(
        record_of(AdaptedFrom), "the project this team took the idea from (its spread; docs/site.md)"))
    at: Positions = _positions()


@record("a secondary driver")
@dataclass(frozen=True)
class SecondaryDriver:
    id: str = field(metadata=key(Slug(), "unique id in this file"))
    title: str = field(metadata=key(Text(), "the secondary driver"))
    change_ideas: tuple[str, ...] = field(default=(), metadata=key(
        ListOf(Slug()), "ids of change ideas listed under change_ideas"))
    at: Positions = _positions()


@record("a primary driver")
@dataclass(frozen=True)
class PrimaryDriver:
    id: str = field(metadata=key(Slug(), "unique id in this file"))
    title: str = field(metadata=key(Text(), "the primary driver"))
    secondary: tuple[SecondaryDriver, ...] = field(default=(), metadata=key(
        ListOf(record_of(SecondaryDriver), unique_ids=True), "its secondary drivers"))
    at: Positions = _positions()


@record("drivers.yaml")
@dataclass(frozen=True)
class DriverDiagram:
    primary: tuple[PrimaryDriver, ...] = field(default=(), metadata=key(
        ListOf(record_of(PrimaryDriver), unique_ids=True), "the primary drivers", required=True))
    change_ideas: tuple[ChangeIdea, ...] = field(default=(), metadata=key(
        ListOf(record_of(ChangeIdea), unique_ids=True), "every change idea the drivers name", required=True))
    at: Positions = _positions()

    def change_idea(self, idea_id: str) -> ChangeIdea | None:
        return next((c for c in self.change_ideas if c.id == idea_id), None)


# --- measures.yaml ---------------------------------------------------------

@record("a part (phase)")
@dataclass(frozen=True)
class PartStart:
    start: dt.date = field(metadata=key(Date(), "the first date of the new part"))
    label: str = field(default="", metadata=key(Text(), "what changed, e.g. 'After the safety cross'"))
    at: Positions = _positions()


@record("a trajectory step")
@dataclass(frozen=True)
class TrajectoryStep:
    date: dt.date = field(metadata=key(Date(), "from this date on …"))
    value: float = field(metadata=key(Number(), "… the target is this value (after the multiplier)"))
    at: Positions = _positions()


@record("another target line")
@dataclass(frozen=True)
class OtherTarget:
    label: str = field(metadata=key(Text(), "what it is, as the chart labels it, e.g. National standard"))
    value: float = field(metadata=key(Number(), "its value, after the multiplier"))
    at: Positions = _positions()


@record("an event (not a test of change)")
@dataclass(frozen=True)
class ChartEvent:
    """Something that happened and may move the data without being a test of change
    (a ward closure, a new record system, a change in coding): a note on the chart,
    never a new part (phase) and never a change to the limits."""

    date: dt.date = field(metadata=key(Date(), "the day it happened, YYYY-MM-DD"))
    text: str = field(metadata=key(Text(), "a short label shown on the chart, e.g. 'Ward 7 closed'"))
    description: str = field(default="", metadata=key(
        Text(), "more detail, shown in the timeline and the chart's description"))
    at: Positions = _positions()


@record("an excluded point")
@dataclass(frozen=True)
class Exclusion:
    date: DateOrText = field(metadata=key(Either(Date(), Text()), "the date (or Pareto category) of the point"))
    reason: str = field(metadata=key(Text(), "why the point is left out of the limits"))
    at: Positions = _positions()


@dataclass(frozen=True)
class Observation:
    """One CSV row of a measure: x (a date, or a category for Pareto), y, n, group."""

    x: DateOrText
    y: float | None
    n: float | None = None
    group: str | None = None
    line: int = 0
    factors: tuple[str, ...] = ()   # a two-factor measure: the row's value in each group column


GROUP_JOIN = " × "
"""How a combination of two factors is named: 'Black × Interpreter needed'."""


def combined_group(values: tuple[str, ...] | list[str]) -> str:
    """The one name of a combination of factors (a single factor is its own name)."""
    return GROUP_JOIN.join(values)


DERIVED_CHARTS = ("gap", "groups", "multiples", "sii")
"""The extra charts a measure may have besides its own, each in a file named
``<measure id>-<name>.svg`` (so a measure id may not be another's id plus one of these)."""

PROGRESS_CHART = "progress.svg"
"""The file of a project's progress chart (``progress:``), beside its page: no measure may be called 'progress'."""


@record("a measure")
@dataclass(frozen=True)
class Measure:
    id: str = field(metadata=key(Slug(), "unique id in this project"))
    title: str = field(metadata=key(Text(), "the measure's name"))
    type: str = field(metadata=key(Choice(MEASURE_TYPES), "outcome, process or balancing"))
    definition: str = field(metadata=key(Text(), "the operational definition"))
    data: str = field(metadata=key(Text(), "the CSV file, relative to the project folder, e.g. data/incidents.csv"))
    x: str = field(metadata=key(Text(), "the date column (the category column for a Pareto chart)"))
    y: str = field(metadata=key(Text(), "the value or numerator column"))
    _: KW_ONLY
    n: str | None = field(default=None, metadata=key(Text(), "the denominator column (p, pp, u, up charts)"))
    group: str | tuple[str, ...] | None = field(default=None, metadata=key(
        Either(Text(), ListOf(Text())), "a column of groups, for a stratified (equity) measure; or a list of two "
        "columns (e.g. [ethnicity, language]) to compare each combination of the two factors"))
    reference_group: str | tuple[str, ...] | None = field(default=None, metadata=key(
        Either(Text(), ListOf(Text())), "the group the others are compared with; with two group columns, a list "
        "of two values, one per column in the same order (e.g. [White British, English])"))
    order: tuple[str, ...] = field(default=(), metadata=key(ListOf(Text()), (
        "every group, in order, most deprived first (5 to 100 groups; p and u type charts; one group column): "
        "adds the Slope Index of Inequality over time to the case study")))
    chart: str = field(metadata=key(Choice(CHART_TYPES), "the chart type"))
    period: str | None = field(default=None, metadata=key(
        Choice(PERIODS), "the data's period, for labels and gap checks"))
    unit: str = field(default="", metadata=key(Text(), "label for the y axis"))
    multiply: float = field(default=1.0, metadata=key(Number(), "multiplier, e.g. 100 for percent"))
    direction: str = field(default="neutral", metadata=key(Choice(DIRECTIONS), "which way is better"))
    target: float | None = field(default=None, metadata=key(Number(), (
        "target value, after the multiplier: the line assurance is judged against (b chart: the baseline risk "
        "the sums test against, between 0 and 1, e.g. 0.02 for 2%)")))
    target_label: str = field(default="Target", metadata=key(Text(), (
        "what the target is called on the chart, its key and its description, e.g. Local target")))
    other_targets: tuple[OtherTarget, ...] = field(default=(), metadata=key(ListOf(record_of(OtherTarget)), (
        "more labelled reference lines, e.g. a national standard beside a local target: drawn and described, "
        "never used for assurance (make the one to judge against the target)")))
    freeze: dt.date | int | None = field(default=None, metadata=key(
        Either(Date(), Count()), "last baseline date, or number of baseline points "
        "(b chart without a target: the baseline risk is the share of events among these cases)"))
    parts: tuple[PartStart, ...] = field(default=(), metadata=key(
        ListOf(record_of(PartStart)), "dates where a new part (phase) starts"))
    exclude: tuple[Exclusion, ...] = field(default=(), metadata=key(
        ListOf(record_of(Exclusion)), "points drawn but not used for limits"))
    events: tuple[ChartEvent, ...] = field(default=(), metadata=key(
        ListOf(record_of(ChartEvent)), "dated notes on this measure's charts for what is not a test of change "
                                       "(they start no new part and leave the limits alone)"))
    shift: int | None = field(default=None, metadata=key(Count(minimum=2), (
        "points in a row on one side of the centre line that signal a shift, for the ihi and nhs rules "
        "(default 8 ihi, 7 nhs; 6 on run charts)")))
    trend: int | None = field(default=None, metadata=key(Count(minimum=2), (
        "points in a row rising or falling that signal a trend, for the ihi and nhs rules "
        "(default 6 ihi, 7 nhs; 5 on run charts)")))
    centre: float | None = field(default=None, metadata=key(Number(), (
        "a centre line given by the team (e.g. a national baseline), after the multiplier, "
        "used instead of the one estimated from the data; limits follow from it")))
    lower_limit: float | None = field(default=None, metadata=key(Number(), (
        "a lower control limit given by the team, after the multiplier (with upper_limit)")))
    upper_limit: float | None = field(default=None, metadata=key(Number(), (
        "an upper control limit given by the team, after the multiplier (with lower_limit)")))
    trajectory: tuple[TrajectoryStep, ...] = field(default=(), metadata=key(
        ListOf(record_of(TrajectoryStep)), "a target that changes over time: dated values, drawn as steps; "
        "assurance is judged against its latest value"))
    rebase: str | None = field(default=None, metadata=key(Choice(("auto",)), (
        "auto: a run chart's median is re-based after each sustained run (runcharter's rule: "
        "shift points in a row, default 9, on the improving side)")))
    same_date: str | None = field(default=None, metadata=key(Choice(SAME_DATE), (
        "rows that share a date (an error without this key): sum them (counts) or average them (mean)")))
    warning_limits: bool = field(default=False, metadata=key(
        Boolean(), "true draws the 2σ warning limits as well as the 3σ control limits"))
    date_format: str | None = field(default=None, metadata=key(
        Choice(DATE_FORMATS), "how this CSV's dates are read (overrides site.yaml)"))
    rules: str | None = field(default=None, metadata=key(
        Choice(RULE_PROFILES), "this measure's special-cause rules (overrides site.yaml's rules)"))
    odds_ratio: float | None = field(default=None, metadata=key(Number(), (
        "b chart: the change in the odds of the event the sums look for, above 1 (default 2, as qicharts2: "
        "the upper sum detects a doubling of the odds, the lower sum a halving)")))
    cusum_limit: float | None = field(default=None, metadata=key(Number(), (
        "b chart: the control limit h of both sums, drawn at +h and −h (default 3.5, as qicharts2)")))
    counts: str | None = field(default=None, metadata=key(
        Choice(COUNTS), "people or events: counts of people are protected (default: people for p and pp charts)"))
    network_measure: str | None = field(default=None, metadata=key(Slug(), (
        "the id of a measure in site.yaml's measures catalogue that this measure reports (same definition; "
        "its chart type must agree): the network's page of it compares this project with the others")))
    seasonal: bool = field(default=False, metadata=key(Boolean(), (
        "true when the measure rises and falls with the time of year: the check wants a baseline of whole "
        "years, and the case study says how to read it (docs/spc.md)")))
    observations: tuple[Observation, ...] = ()
    at: Positions = _positions()

    @property
    def stratified(self) -> bool:
        return self.group is not None

    @property
    def group_columns(self) -> tuple[str, ...]:
        """The columns of groups: none, one, or two (a two-factor measure)."""
        if self.group is None:
            return ()
        return (self.group,) if isinstance(self.group, str) else tuple(self.group)

    @property
    def two_factor(self) -> bool:
        """Whether each group is a combination of two factors (``group: [a, b]``)."""
        return len(self.group_columns) == 2

    @property
    def group_label(self) -> str:
        """The group column(s) as one name: 'ethnicity', or 'ethnicity × language'."""
        return combined_group(self.group_columns)

    def columns_words(self) -> str:
        """"column 'ethnicity'", or "columns 'ethnicity' and 'language'": for messages."""
        names = [f"'{c}'" for c in self.group_columns]
        return ("column " if len(names) == 1 else "columns ") + " and ".join(names)

    @property
    def reference(self) -> str | None:
        """The reference group's name as the groups are named (a combination's joined name)."""
        if self.reference_group is None:
            return None
        if isinstance(self.reference_group, str):
            return self.reference_group
        return combined_group(self.reference_group)

    def chart_file(self, extra: str = "") -> str:
        """The file name of the measure's chart, or of one of its extra charts
        (``extra`` one of DERIVED_CHARTS): ``<id>.svg``, ``<id>-gap.svg`` …"""
        return f"{self.id}-{extra}.svg" if extra else f"{self.id}.svg"

    def groups(self) -> tuple[str, ...]:
        """Group names in first-seen order (empty for an unstratified measure)."""
        return tuple(dict.fromkeys(o.group for o in self.observations if o.group is not None))


# --- pdsa.yaml, fishbone.yaml ---------------------------------------------

@record("a PDSA cycle")
@dataclass(frozen=True)
class PdsaCycle:
    id: str = field(metadata=key(Slug(), "unique id in this project, e.g. pdsa-1"))
    title: str = field(metadata=key(Text(), "what was tested"))
    change_idea: str = field(metadata=key(Slug(), "the id of a change idea in drivers.yaml"))
    start: dt.date = field(metadata=key(Date(), "first day of the test"))
    _: KW_ONLY
    end: dt.date | None = field(default=None, metadata=key(Date(), "last day (leave out while the cycle runs)"))
    plan: str = field(metadata=key(Text(), "what, who, where, when"))
    prediction: str = field(metadata=key(Text(), "what the team expects to happen"))
    do: str = field(default="", metadata=key(Text(), "what happened"))
    study: str = field(default="", metadata=key(Text(), "what the data showed against the prediction"))
    act: str = field(default="", metadata=key(Text(), "what the team will do next"))
    decision: str | None = field(default=None, metadata=key(Choice(DECISIONS), "adopt, adapt or abandon"))
    measures: tuple[str, ...] = field(default=(), metadata=key(
        ListOf(Slug()), "ids of measures whose charts this cycle annotates"))
    at: Positions = _positions()


@record("a fishbone category")
@dataclass(frozen=True)
class FishboneCategory:
    name: str = field(metadata=key(Text(), "e.g. People, Process, Environment"))
    causes: tuple[str, ...] = field(metadata=key(ListOf(Text()), "short causes"))
    at: Positions = _positions()


@record("fishbone.yaml")
@dataclass(frozen=True)
class Fishbone:
    effect: str = field(metadata=key(Text(), "the problem at the head of the fish"))
    categories: tuple[FishboneCategory, ...] = field(metadata=key(
        ListOf(record_of(FishboneCategory)), "the bones"))
    at: Positions = _positions()


# --- the project and the network -------------------------------------------

@dataclass(frozen=True)
class Provenance:
    """Where a project was read from (filled in by qisite.load.sources, not a key)."""

    source: str                        # the folder or repository address (credentials removed)
    organisation: str = ""             # the source's attribution in site.yaml
    ref: str | None = None             # the branch, tag or commit asked for
    commit: str | None = None          # the commit shown
    committed: dt.date | None = None   # the date of the last commit touching the project's folder
    edit_url: str | None = None        # the project's project.yaml on the repository's web pages

    @property
    def short_commit(self) -> str:
        return (self.commit or "")[:12]


@record("project.yaml")
@dataclass(frozen=True)
class Project:
    """project.yaml, completed by the loader with the project's other files."""

    id: str
    folder: Path
    title: str = field(metadata=key(Text(), "the project's name"))
    summary: str = field(metadata=key(Text(), "one sentence: what the team did and what changed"))
    team: str = field(metadata=key(Text(), "the team's name"))
    organisation: str = field(metadata=key(Text(), "the organisation the team belongs to"))
    _: KW_ONLY
    place: str = field(default="", metadata=key(Text(), "borough, town or service area"))
    equity_areas: tuple[str, ...] = field(metadata=key(
        ListOf(Choice(vocabulary="equity_areas")), "one or more equity area ids from site.yaml"))
    stage: str = field(metadata=key(Choice(vocabulary="stages"), "a stage id from site.yaml"))
    started: dt.date = field(metadata=key(Date(), "when the project began, YYYY-MM-DD"))
    updated: dt.date | None = field(default=None, metadata=key(Date(), "the date of the last change worth telling"))
    population: str = field(metadata=key(Text(), "the people the project serves"))
    equity_gap: str = field(metadata=key(Text(), "the inequity, in the team's words"))
    affected_group: str = field(metadata=key(Text(), "the group that experiences the gap"))
    reference_group: str = field(default="", metadata=key(Text(), "the group the affected group is compared with"))
    coproduction: str = field(default="", metadata=key(Text(), "how people with lived experience took part"))
    illustrative: bool = field(default=False, metadata=key(
        Boolean(), "true when the data is illustrative, not the team's own"))
    illustrative_note: str = field(default="", metadata=key(
        Text(), "this project's own wording of the illustrative-data notice (default: site.yaml's illustrative_note)"))
    draft: bool = field(default=False, metadata=key(
        Boolean(), "true keeps the project out of the published site (qisite serve and build --drafts show it)"))
    sources: tuple[Source, ...] = field(default=(), metadata=key(
        ListOf(record_of(Source)), "where the project is published"))
    contact: Contact | None = field(default=None, metadata=key(
        record_of(Contact), "how other teams can reach this one: a team mailbox and/or a contact page"))
    aim: Aim = field(metadata=key(record_of(Aim), "the aim statement and its target"))
    sustain: tuple[ChecklistItem, ...] = field(default=(), metadata=key(
        ListOf(record_of(ChecklistItem)), "implementation and sustain checklist"))
    # the write-up: the items of SQUIRE 2.0 the other files do not cover (qisite.squire maps every item)
    available_knowledge: str = field(default="", metadata=key(Text(), (
        "what was already known about the problem, including earlier studies (Markdown; SQUIRE 2.0 item 4)")))
    rationale: str = field(default="", metadata=key(Text(), (
        "the theory or assumptions behind the changes and why they were expected to work (Markdown; item 5)")))
    context: str = field(default="", metadata=key(Text(), (
        "the setting and what about it mattered when the changes began (Markdown; item 7)")))
    ethics: str = field(default="", metadata=key(Text(), (
        "the ethical questions of doing and studying the work and how they were met: ethics review, consent, "
        "conflicts of interest (Markdown; item 12)")))
    interpretation: str = field(default="", metadata=key(Text(), (
        "how the changes and the results are linked, compared with others' findings, and why results differed "
        "from what was expected (Markdown; item 15)")))
    limitations: str = field(default="", metadata=key(Text(), (
        "what limits how far the results can be trusted and carried elsewhere, and what was done about it "
        "(Markdown; item 16)")))
    conclusions: str = field(default="", metadata=key(Text(), (
        "what the work is useful for, whether it lasts, whether it could spread, and the next steps "
        "(Markdown; item 17)")))
    funding: str = field(default="", metadata=key(Text(), (
        "who funded the work and the funder's part in it (Markdown; item 18)")))
    events: tuple[ChartEvent, ...] = field(default=(), metadata=key(
        ListOf(record_of(ChartEvent)), "dated notes shown on every chart of the project for what is not a test "
                                       "of change (a ward closure, a new record system)"))
    progress: tuple[ProgressEntry, ...] = field(default=(), metadata=key(
        ListOf(record_of(ProgressEntry)), "the project's path: dated stages and IHI progress scores, oldest first"))
    updates: tuple[Update, ...] = field(default=(), metadata=key(
        ListOf(record_of(Update)), "a dated log of what changed, with the author's role (the feed carries each)"))
    drivers: DriverDiagram
    measures: tuple[Measure, ...]
    cycles: tuple[PdsaCycle, ...] = ()
    fishbone: Fishbone | None = None
    story: str = ""
    provenance: Provenance | None = None
    at: Positions = _positions()

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def chart_events(self, measure: Measure) -> tuple[ChartEvent, ...]:
        """The events on a measure's charts: the project's and the measure's own, by date."""
        return tuple(sorted(self.events + measure.events, key=lambda e: e.date))

    def illustrative_notice(self, config: SiteConfig) -> str:
        """The illustrative-data notice of this project ('' when its data is the team's own)."""
        return (self.illustrative_note or config.illustrative_note) if self.illustrative else ""


@dataclass(frozen=True)
class Network:
    config: SiteConfig
    projects: tuple[Project, ...]

"""The project format mapped onto SQUIRE 2.0, the reporting standard for quality improvement.

SQUIRE 2.0 (Standards for QUality Improvement Reporting Excellence): Ogrinc G,
Davies L, Goodman D, Batalden P, Davidoff F, Stevens D. Revised publication
guidelines from a detailed consensus process. BMJ Qual Saf 2016;25:986–992,
doi:10.1136/bmjqs-2015-004411. Its 18 items, with its own numbers and names,
are declared here once: what each asks (in our words; the checklist has the
full text), which keys of which files answer it, how to tell whether a project
answers it, and what a team writes when it does not. The case study's
checklist (templates/project.html, so ``qisite export`` too), ``qisite check
--report squire`` and docs/format.md read this table.

"Covered" means the project's files say something for the item; whether they
say enough is the reviewer's judgement. A missing item is never a problem of
the project: it does not fail a check.

Pure: a loaded Project in, items out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qisite.load.layout import PROJECT_FILE, STORY_FILE
from qisite.model import Project

STANDARD = "SQUIRE 2.0"
CITATION = ("Ogrinc G, Davies L, Goodman D, et al. SQUIRE 2.0 (Standards for QUality Improvement Reporting "
            "Excellence): revised publication guidelines from a detailed consensus process. "
            "BMJ Qual Saf 2016;25:986–992")
SHORT_CITATION = "Ogrinc et al., BMJ Qual Saf 2016;25:986–992"
URL = "https://doi.org/10.1136/bmjqs-2015-004411"



@dataclass(frozen=True)
class Key:
    """A key of a file of the project folder (``story.md`` is a file with no key)."""

    file: str
    key: str = ""

    def __str__(self) -> str:
        return f"{self.file}: {self.key}" if self.key else self.file

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "key": self.key}


@dataclass(frozen=True)
class Item:
    """One item of SQUIRE 2.0 and how the project format answers it."""

    number: int
    name: str                    # SQUIRE's name of the item
    part: str                    # its section of a report: Introduction, Methods …
    asks: str                    # what SQUIRE asks, in short
    keys: tuple[Key, ...]        # the keys that answer it
    test: Callable[[Project], bool]
    covered_when: str            # how ``test`` decides, in words
    todo: str                    # what to write when it is missing
    anchor: str                  # the id of the case study's section that shows it ("" the page's header)
    write_up: str = ""           # the project.yaml key (Markdown) written for this item alone, if any

    def covered(self, project: Project) -> bool:
        return self.test(project)

    def to_dict(self) -> dict:
        return {"number": self.number, "name": self.name, "part": self.part, "asks": self.asks,
                "keys": [k.to_dict() for k in self.keys], "todo": self.todo}


def _written(name: str, number: int, item: str, part: str, asks: str, todo: str) -> Item:
    """An item answered by a Markdown key of project.yaml written for it."""
    return Item(number, item, part, asks, (Key(PROJECT_FILE, name),),
                lambda project: bool(getattr(project, name).strip()),
                f"project.yaml has {name}", f"add {name}: to project.yaml (Markdown) — {todo}",
                anchor=name.replace("_", "-"), write_up=name)


def _interventions(p: Project) -> bool:
    return bool(p.cycles) or any(idea.description.strip() for idea in p.drivers.change_ideas)


def _study(p: Project) -> bool:
    return any(c.measures for c in p.cycles) or any(m.parts for m in p.measures)


def _measures(p: Project) -> bool:
    return {"outcome", "process"} <= {m.type for m in p.measures}


def _analysis(p: Project) -> bool:
    return any(m.observations for m in p.measures)


def _results(p: Project) -> bool:
    return _analysis(p) and any(c.study.strip() for c in p.cycles)


ITEMS: tuple[Item, ...] = (
    Item(1, "Title", "Title and abstract",
         "a title that says the report is about an initiative to improve healthcare (its quality, safety, equity …)",
         (Key(PROJECT_FILE, "title"),), lambda p: bool(p.title.strip()),
         "project.yaml has title (required)", "write title: in project.yaml", ""),
    Item(2, "Abstract", "Title and abstract",
         "a summary of the key information: background, local problem, methods, interventions, results, "
         "conclusions", (Key(PROJECT_FILE, "summary"),), lambda p: bool(p.summary.strip()),
         "project.yaml has summary (required)", "write summary: in project.yaml", ""),
    Item(3, "Problem description", "Introduction",
         "the nature and significance of the local problem",
         (Key(PROJECT_FILE, "equity_gap"), Key(PROJECT_FILE, "population"), Key(PROJECT_FILE, "affected_group"),
          Key("fishbone.yaml")), lambda p: bool(p.equity_gap.strip()),
         "project.yaml has equity_gap (required)", "write equity_gap: in project.yaml", "gap"),
    _written("available_knowledge", 4, "Available knowledge", "Introduction",
             "what is already known about the problem, including earlier studies",
             "what was known about the problem and its causes before the team began, with references"),
    _written("rationale", 5, "Rationale", "Introduction",
             "the frameworks, models or theories used to explain the problem, the assumptions behind the "
             "changes, and why they were expected to work",
             "why the team expected its change ideas to work (the driver diagram shows the theory of change; "
             "say what it rests on)"),
    Item(6, "Specific aims", "Introduction",
         "the purpose of the project and of the report",
         (Key(PROJECT_FILE, "aim"),), lambda p: bool(p.aim.statement.strip()),
         "project.yaml has aim.statement (required)", "write aim: statement: in project.yaml", "gap"),
    _written("context", 7, "Context", "Methods",
             "the features of the setting considered important when the changes were introduced",
             "the service, the people it serves and what about them mattered when the changes began"),
    Item(8, "Intervention(s)", "Methods",
         "the changes, in enough detail for others to reproduce them, and who the team was",
         (Key("drivers.yaml", "change_ideas[].description"), Key("pdsa.yaml"), Key(PROJECT_FILE, "team")),
         _interventions, "pdsa.yaml has a cycle, or a change idea in drivers.yaml has a description",
         "add pdsa.yaml with the cycles that tested the changes, or describe each change idea "
         "(description: in drivers.yaml)", "drivers"),
    Item(9, "Study of the intervention(s)", "Methods",
         "how the impact of the changes was assessed, and how the team judged whether the results were "
         "due to them", (Key("pdsa.yaml", "cycles[].measures"), Key("measures.yaml", "measures[].parts")),
         _study, "a PDSA cycle names the measures it should change, or a measure marks its parts (phases)",
         "in pdsa.yaml, list under each cycle the measures: it should move (they are marked on their "
         "charts), or in measures.yaml mark when a new part starts (parts:)", "measures"),
    Item(10, "Measures", "Methods",
         "the process and outcome measures, why they were chosen, their operational definitions, and "
         "how complete and accurate the data are",
         (Key("measures.yaml", "measures[].definition"), Key("measures.yaml", "measures[].type")),
         _measures, "measures.yaml has an outcome measure and a process measure, each defined",
         "in measures.yaml, add the missing outcome or process measure (type: outcome / type: process) "
         "with its operational definition", "measures"),
    Item(11, "Analysis", "Methods",
         "the methods used to draw inferences from the data, and to understand variation over time",
         (Key("measures.yaml", "measures[].chart"),), _analysis,
         "a measure has data: qisite draws it as a run or control chart under the named special-cause "
         "rules (Methods page)", "in measures.yaml, give a measure its data (data:, x:, y:)", "measures"),
    _written("ethics", 12, "Ethical considerations", "Methods",
             "the ethical aspects of doing and studying the changes and how they were addressed, including "
             "ethics review and conflicts of interest",
             "whether the work went to an ethics or governance review and its outcome, consent, how people's "
             "data and stories were protected, and any conflicts of interest"),
    Item(13, "Results", "Results",
         "how the changes began and evolved, the process and outcome measures' results, the context that "
         "interacted with them, unintended consequences and missing data",
         (Key("pdsa.yaml", "cycles[].study"), Key("measures.yaml", "measures[].data")), _results,
         "a measure has data and a PDSA cycle says what the data showed (study)",
         "in pdsa.yaml, write study: for each finished cycle: what the data showed against the prediction",
         "pdsa"),
    Item(14, "Summary", "Discussion",
         "the key findings, linked to the rationale and the aims, and the project's strengths",
         (Key(STORY_FILE),), lambda p: bool(p.story.strip()), "the project has a story.md",
         "add story.md: the project's story, its key findings and what it did well", "story"),
    _written("interpretation", 15, "Interpretation", "Discussion",
             "how the changes and the outcomes are linked, how the results compare with others', their impact "
             "on people and systems, why results differed from those expected, and costs and trade-offs",
             "why the team thinks the changes led to the results, how they compare with other teams' and "
             "published findings, and what did not go as predicted"),
    _written("limitations", 16, "Limitations", "Discussion",
             "the limits to generalising the work, what might have limited its internal validity (confounding, "
             "bias, imprecision), and what was done about them",
             "what limits how far the results can be trusted or carried to other places, and what the team "
             "did about it"),
    _written("conclusions", 17, "Conclusions", "Discussion",
             "the usefulness of the work, its sustainability, its potential to spread, its implications for "
             "practice and further study, and next steps",
             "what the work is useful for, whether it lasts, where else it could work, and the next steps"),
    _written("funding", 18, "Funding", "Other information",
             "the sources of funding and the funder's role in the work and its reporting",
             "who funded the work (or that it had no special funding) and what part the funder played"),
)

REPORT_KEYS: tuple[str, ...] = tuple(item.write_up for item in ITEMS if item.write_up)
"""project.yaml's Markdown keys written for a SQUIRE item alone (qisite.model declares them)."""

BY_KEY: dict[str, Item] = {item.write_up: item for item in ITEMS if item.write_up}


@dataclass(frozen=True)
class Coverage:
    """A project's answer to each SQUIRE item."""

    project: Project
    covered: tuple[Item, ...]
    missing: tuple[Item, ...]

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def rows(self) -> tuple[tuple[Item, bool], ...]:
        """Every item in SQUIRE's order, with whether it is covered."""
        return tuple((item, item in self.covered) for item in ITEMS)

    def summary(self) -> str:
        """"15 of 18 items covered"."""
        return f"{len(self.covered)} of {self.total} items covered"

    def to_dict(self) -> dict:
        return {"covered": [item.number for item in self.covered],
                "missing": [item.to_dict() for item in self.missing]}


def coverage(project: Project) -> Coverage:
    statuses = [(item, item.covered(project)) for item in ITEMS]
    return Coverage(project, tuple(i for i, ok in statuses if ok), tuple(i for i, ok in statuses if not ok))

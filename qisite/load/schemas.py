"""The schema of every YAML file in a network (documented in docs/format.md)."""

from __future__ import annotations

from qisite import model
from qisite.load.kinds import (Boolean, Choice, Count, Date, Either, Field, ListOf, Number, Record, Slug, Text, Url)

CHART_TYPES = ("run", "i", "mr", "c", "u", "p", "pp", "up", "g", "t", "xbar", "s", "pareto")
CHARTS_WITH_DENOMINATOR = ("u", "p", "pp", "up")
PROPORTION_CHARTS = ("p", "pp")
COUNT_CHARTS = ("c", "u", "up", "g")
SUBGROUP_CHARTS = ("xbar", "s")
EVENT_CHARTS = ("g", "t")  # one row per event: two events may share a date
PERIODS = ("day", "week", "fortnight", "month", "quarter", "year")
DATE_FORMATS = ("iso", "dayfirst", "monthfirst")
MEASURE_TYPES = ("outcome", "process", "balancing")
DIRECTIONS = ("increase", "decrease", "neutral")
DECISIONS = ("adopt", "adapt", "abandon")
COUNTS = ("people", "events")

# --- site.yaml -------------------------------------------------------------

TERM = Record("an equity area or stage", [
    Field("id", Slug(), True, "a short id, e.g. ethnicity"),
    Field("title", Text(), True, "the name shown on the site"),
    Field("description", Text(), False, "one line shown on the term's page", ""),
], build=model.Term)

SMALL_NUMBERS = Record("small_numbers", [
    Field("threshold", Count(), False, "counts of people from 1 to threshold − 1 are never published (1 switches this off)", 5),
])

SITE = Record("site.yaml", [
    Field("title", Text(), True, "the site's name"),
    Field("description", Text(), False, "one line under the title", ""),
    Field("site_url", Url(), False, "the published address; enables sitemap.xml and absolute feed links"),
    Field("projects", Text(), False, "folder holding the project folders", "projects"),
    Field("output", Text(), False, "folder `qisite build` writes to", "_site"),
    Field("date_format", Choice(DATE_FORMATS), False, "how CSV dates are read: iso, dayfirst (UK) or monthfirst (US)", "iso"),
    Field("equity_areas", ListOf(TERM, unique_ids=True), False, "the equity areas projects may name"),
    Field("stages", ListOf(TERM, unique_ids=True), False, "the improvement stages, in order"),
    Field("small_numbers", SMALL_NUMBERS, False, "disclosure control of small counts of people (docs/privacy.md)"),
])

# --- project.yaml ----------------------------------------------------------

SOURCE = Record("a source", [
    Field("title", Text(), True, "citation or page title"),
    Field("url", Url(), False, "web address"),
], build=model.Source)

AIM = Record("the aim", [
    Field("statement", Text(), True, "what, how much, by when, naming the inequity and the group"),
    Field("measure", Slug(), False, "id of the outcome measure the aim is judged on"),
    Field("direction", Choice(("increase", "decrease")), False, "increase or decrease"),
    Field("target", Number(), False, "the target value, in the measure's units"),
    Field("by", Date(), False, "the deadline, YYYY-MM-DD"),
], build=model.Aim)

CHECKLIST_ITEM = Record("a sustain checklist item", [
    Field("item", Text(), True, "what must be in place"),
    Field("done", Boolean(), False, "true once it is in place", False),
], build=model.ChecklistItem)

PROJECT = Record("project.yaml", [
    Field("title", Text(), True, "the project's name"),
    Field("summary", Text(), True, "one sentence: what the team did and what changed"),
    Field("team", Text(), True, "the team's name"),
    Field("organisation", Text(), True, "the organisation the team belongs to"),
    Field("place", Text(), False, "borough, town or service area", ""),
    Field("equity_areas", ListOf(Choice(vocabulary="equity_areas")), True, "one or more equity area ids from site.yaml"),
    Field("stage", Choice(vocabulary="stages"), True, "a stage id from site.yaml"),
    Field("started", Date(), True, "when the project began, YYYY-MM-DD"),
    Field("updated", Date(), False, "the date of the last change worth telling"),
    Field("population", Text(), True, "the people the project serves"),
    Field("equity_gap", Text(), True, "the inequity, in the team's words"),
    Field("affected_group", Text(), True, "the group that experiences the gap"),
    Field("reference_group", Text(), False, "the group the affected group is compared with", ""),
    Field("coproduction", Text(), False, "how people with lived experience took part", ""),
    Field("illustrative", Boolean(), False, "true when the data is illustrative, not the team's own", False),
    Field("draft", Boolean(), False, "true keeps the project out of the published site (qisite serve and build --drafts show it)", False),
    Field("sources", ListOf(SOURCE), False, "where the project is published", ()),
    Field("aim", AIM, True, "the aim statement and its target"),
    Field("sustain", ListOf(CHECKLIST_ITEM), False, "implementation and sustain checklist", ()),
])

# --- drivers.yaml ----------------------------------------------------------

SECONDARY = Record("a secondary driver", [
    Field("id", Slug(), True, "unique id in this file"),
    Field("title", Text(), True, "the secondary driver"),
    Field("change_ideas", ListOf(Slug()), False, "ids of change ideas listed under change_ideas", ()),
], build=model.SecondaryDriver)

PRIMARY = Record("a primary driver", [
    Field("id", Slug(), True, "unique id in this file"),
    Field("title", Text(), True, "the primary driver"),
    Field("secondary", ListOf(SECONDARY, unique_ids=True), False, "its secondary drivers", ()),
], build=model.PrimaryDriver)

CHANGE_IDEA = Record("a change idea", [
    Field("id", Slug(), True, "the same id in two projects means the same idea"),
    Field("title", Text(), True, "the change idea"),
    Field("description", Text(), False, "more detail, in Markdown", ""),
], build=model.ChangeIdea)

DRIVERS = Record("drivers.yaml", [
    Field("primary", ListOf(PRIMARY, unique_ids=True), True, "the primary drivers"),
    Field("change_ideas", ListOf(CHANGE_IDEA, unique_ids=True), True, "every change idea the drivers name"),
], build=model.DriverDiagram)

# --- measures.yaml ---------------------------------------------------------

PART = Record("a part (phase)", [
    Field("start", Date(), True, "the first date of the new part"),
    Field("label", Text(), False, "what changed, e.g. 'After the safety cross'", ""),
], build=model.PartStart)

EXCLUSION = Record("an excluded point", [
    Field("date", Either(Date(), Text()), True, "the date (or Pareto category) of the point"),
    Field("reason", Text(), True, "why the point is left out of the limits"),
], build=model.Exclusion)

MEASURE = Record("a measure", [
    Field("id", Slug(), True, "unique id in this project"),
    Field("title", Text(), True, "the measure's name"),
    Field("type", Choice(MEASURE_TYPES), True, "outcome, process or balancing"),
    Field("definition", Text(), True, "the operational definition"),
    Field("data", Text(), True, "the CSV file, relative to the project folder, e.g. data/incidents.csv"),
    Field("x", Text(), True, "the date column (the category column for a Pareto chart)"),
    Field("y", Text(), True, "the value or numerator column"),
    Field("n", Text(), False, "the denominator column (p, pp, u, up charts)"),
    Field("group", Text(), False, "a column of groups, for a stratified (equity) measure"),
    Field("reference_group", Text(), False, "the group the others are compared with"),
    Field("chart", Choice(CHART_TYPES), True, "the chart type"),
    Field("period", Choice(PERIODS), False, "the data's period, for labels and gap checks"),
    Field("unit", Text(), False, "label for the y axis", ""),
    Field("multiply", Number(), False, "multiplier, e.g. 100 for percent", 1.0),
    Field("direction", Choice(DIRECTIONS), False, "which way is better", "neutral"),
    Field("target", Number(), False, "target value, after the multiplier"),
    Field("freeze", Either(Date(), Count()), False, "last baseline date, or number of baseline points"),
    Field("parts", ListOf(PART), False, "dates where a new part (phase) starts", ()),
    Field("exclude", ListOf(EXCLUSION), False, "points drawn but not used for limits", ()),
    Field("date_format", Choice(DATE_FORMATS), False, "how this CSV's dates are read (overrides site.yaml)"),
    Field("counts", Choice(COUNTS), False, "people or events: counts of people are protected (default: people for p and pp charts)"),
], build=model.Measure)

MEASURES = Record("measures.yaml", [
    Field("measures", ListOf(MEASURE, unique_ids=True), True, "the measurement plan"),
])

# --- pdsa.yaml, fishbone.yaml ---------------------------------------------

CYCLE = Record("a PDSA cycle", [
    Field("id", Slug(), True, "unique id in this project, e.g. pdsa-1"),
    Field("title", Text(), True, "what was tested"),
    Field("change_idea", Slug(), True, "the id of a change idea in drivers.yaml"),
    Field("start", Date(), True, "first day of the test"),
    Field("end", Date(), False, "last day (leave out while the cycle runs)"),
    Field("plan", Text(), True, "what, who, where, when"),
    Field("prediction", Text(), True, "what the team expects to happen"),
    Field("do", Text(), False, "what happened", ""),
    Field("study", Text(), False, "what the data showed against the prediction", ""),
    Field("act", Text(), False, "what the team will do next", ""),
    Field("decision", Choice(DECISIONS), False, "adopt, adapt or abandon"),
    Field("measures", ListOf(Slug()), False, "ids of measures whose charts this cycle annotates", ()),
], build=model.PdsaCycle)

PDSA = Record("pdsa.yaml", [
    Field("cycles", ListOf(CYCLE, unique_ids=True), True, "the PDSA log"),
])

FISHBONE_CATEGORY = Record("a fishbone category", [
    Field("name", Text(), True, "e.g. People, Process, Environment"),
    Field("causes", ListOf(Text()), True, "short causes"),
], build=model.FishboneCategory)

FISHBONE = Record("fishbone.yaml", [
    Field("effect", Text(), True, "the problem at the head of the fish"),
    Field("categories", ListOf(FISHBONE_CATEGORY), True, "the bones"),
], build=model.Fishbone)

FILES = {
    "site.yaml": SITE,
    "project.yaml": PROJECT,
    "drivers.yaml": DRIVERS,
    "measures.yaml": MEASURES,
    "pdsa.yaml": PDSA,
    "fishbone.yaml": FISHBONE,
}

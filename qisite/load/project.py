"""One project folder → a Project (or None), with located problems."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from qisite.load import crossref, identifiers, images, limits
from qisite.load.files import FileRefusedError, read_inside
from qisite.load.kinds import SLUG, Context, read_record, slugify
from qisite.load.layout import PROJECT_FILE, STORY_FILE
from qisite.load.observations import check_events_in_data, load_observations
from qisite.load.placeholders import check_placeholders
from qisite.load.records import DRIVERS, FILES, FISHBONE, MEASURES, PDSA, PROJECT
from qisite.model import Project, SiteConfig
from qisite.problems import Location, Problems


def load_project(folder: Path, config: SiteConfig, problems: Problems) -> Project | None:
    """Load and check every file of a project; None if it has errors."""
    before = len(problems.errors)
    ctx = Context(problems, config.vocabulary())
    _check_folder(folder, problems)
    head = read_record(folder / PROJECT_FILE, PROJECT, ctx)
    drivers = _required(folder, "drivers.yaml", DRIVERS, ctx)
    measures = _required(folder, "measures.yaml", MEASURES, ctx)
    cycles = _optional(folder, "pdsa.yaml", PDSA, ctx)
    fishbone = _optional(folder, "fishbone.yaml", FISHBONE, ctx)
    story = _read_story(folder / STORY_FILE, folder, problems)
    structure_ok = len(problems.errors) == before
    loaded = tuple(load_observations(m, folder, config.date_format, problems) for m in measures["measures"]) if measures else ()
    if not structure_ok or head is None or drivers is None:
        return None  # cross-references would only echo the errors already reported
    project = Project(
        id=folder.name, folder=folder, drivers=drivers, measures=loaded,
        cycles=cycles["cycles"] if cycles else (), fishbone=fishbone, story=story,
        **head,
    )
    every_date = sorted({o.x for m in project.measures for o in m.observations if isinstance(o.x, dt.date)})
    check_events_in_data(project.events, every_date, "the data of every measure", problems)
    if not limits.check_project(project, problems):
        return None
    crossref.check_project(project, problems)
    crossref.check_network_measures(project, config, problems)
    identifiers.check_project_text(project, problems)
    identifiers.check_story(folder / STORY_FILE, story, problems)
    images.check_images(project, problems)
    check_placeholders(project, problems)
    return project if len(problems.errors) == before else None


def _required(folder: Path, name: str, record, ctx: Context):
    path = folder / name
    if not path.exists():
        ctx.problems.error(Location(path), f"{name} is missing from project '{folder.name}'",
                           "run 'qisite new' to see a complete example folder")
        return None
    return read_record(path, record, ctx)


def _optional(folder: Path, name: str, record, ctx: Context):
    path = folder / name
    return read_record(path, record, ctx) if path.exists() else None


def _read_story(path: Path, folder: Path, problems: Problems) -> str:
    if not path.is_symlink() and not path.exists():
        return ""
    try:
        data = read_inside(path, folder)
    except FileRefusedError as refused:
        problems.error(Location(path), refused.message, refused.hint)
        return ""
    except OSError as exc:
        problems.error(Location(path), f"cannot read story.md: {exc.strerror or exc}")
        return ""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(Location(path, data[: exc.start].count(b"\n") + 1), "story.md is not UTF-8 text",
                       "save it as UTF-8 in your editor")
        return ""


def _check_folder(folder: Path, problems: Problems) -> None:
    if not SLUG.match(folder.name):
        problems.error(Location(folder / PROJECT_FILE), f"the folder name '{folder.name}' is not a valid project id",
                       f"rename the folder to lower-case letters, digits and hyphens, e.g. '{slugify(folder.name)}'")
    known = set(FILES) - {"site.yaml"}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.name not in known:
            close = difflib.get_close_matches(path.stem + ".yaml", sorted(known), n=1, cutoff=0.6)
            hint = f"rename it to {close[0]}" if close else f"the files qisite reads are {', '.join(sorted(known))}"
            problems.warning(Location(path), f"'{path.name}' is not a file qisite reads, so it is ignored", hint)

"""Making a site's parts: each project's entry (loaded and analysed), its charts, downloads and page,
the other pages, and the site-wide files; here or in forked workers.

qisite.build imports this only once a build has something to make: a build with nothing to do loads
none of it (nor jinja2, markdown-it, numpy or matplotlib), so it answers sooner.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from concurrent.futures import Executor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from qisite.build import Manifest, ProjectEntry, stage_into
from qisite.buildcache import BuildCache
from qisite.load.images import project_images
from qisite.load.network import load_sourced
from qisite.model import PROGRESS_CHART, Provenance, SiteConfig
from qisite.problems import Problem, Problems
from qisite.site import urls
from qisite.site.cards import CardCache
from qisite.site.context import ProjectData, SiteData, project_data
from qisite.site.feeds import atom_feed
from qisite.site.images import images_folder
from qisite.site.output import SiteWriter, stage_file
from qisite.site.pagekeys import card_key
from qisite.site.pages import Page
from qisite.site.provenance import provenance_lines, readme_text, svg_with_provenance
from qisite.site.render import inline, template_dirs
from qisite.site.search import project_search, search_fragment, search_fragment_path
from qisite.site.summary import SUMMARY_CSV, SUMMARY_JSON, project_summary_rows, summary_csv, summary_json
from qisite.site.theme import read_theme_file


def load_and_analyse(folder: Path, provenance: Provenance | None, config: SiteConfig) -> ProjectEntry:
    problems = Problems()
    project = load_sourced(folder, provenance, config, problems)
    data = project_data(project, config) if project is not None else None
    if data is not None:   # worked out once here, not by every build's search index and summary
        data = dataclasses.replace(data, search=project_search(data.project), summary=project_summary_rows(data))
    return ProjectEntry(project, tuple(problems), data, card_key(project, data) if project is not None else "")


def load_batch(folders: list[tuple[Path, Provenance | None]], config: SiteConfig) -> list[tuple[bytes, bytes]]:
    """In a worker: each folder's entry, whole and as its listing part, pickled (the parent stores the
    bytes as they are, and reads only the listing part)."""
    out = []
    for folder, provenance in folders:
        entry = load_and_analyse(folder, provenance, config)
        out.append((pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL),
                    pickle.dumps(entry.listing(), protocol=pickle.HIGHEST_PROTOCOL)))
    return out


@dataclass
class SiteJob:
    env: Any
    site: SiteData
    output: Path
    staging: Path
    chart_cache: Path
    workers: int | None
    pool: Executor | None
    cards: CardCache
    pages: dict[str, Page]   # every page by path: work sent to a forked worker names pages, never pickles them
    wholes: Wholes          # each project's whole data, read when its page and downloads are made


@dataclass
class ProjectTask:
    project_id: str
    page: str | None        # its page's path, when it is to be rendered (workers find the Page in the job)
    page_key: str
    files_key: str          # its downloads' key
    write_files: bool       # whether they are to be written
    cost: int               # how long it takes, roughly (the costliest are dealt out first)


@dataclass
class ProjectResult:
    files_key: str
    charts: tuple[str, ...]
    drawn: int
    staged: list[tuple]     # (path, key, changed, size, mtime_ns, inode)
    problems: tuple[Problem, ...] = ()   # images refused when copied (changed since they were checked)


@dataclass
class Wholes:
    """Each project's whole data: read from the cache when its own page and downloads are made (in the
    worker making them), so that a build holds only the listing part of every other project."""

    cache: BuildCache
    sources: dict[str, tuple[Path, Provenance | None]]   # project key → where it was loaded from
    unsaved: dict[str, ProjectEntry]                      # project key → whole entry made this build, not stored
    config: SiteConfig
    keys: dict[str, str] = field(default_factory=dict)    # project id → its key

    def data(self, listing: ProjectData) -> ProjectData:
        """The whole of a project's listing data, with its related projects."""
        if listing.complete:
            return listing
        key = self.keys[listing.project.id]
        entry = self.unsaved.get(key) or self.cache.whole(key)
        if not isinstance(entry, ProjectEntry) or entry.data is None:   # its stored entry went: load it again
            folder, provenance = self.sources[key]
            entry = load_and_analyse(folder, provenance, self.config)
        assert entry.data is not None
        return dataclasses.replace(entry.data, related=listing.related)


JOB: dict[str, SiteJob] = {}


def render_page(env, site: SiteData, page: Page, charts: dict, sii: dict | None = None, path: str | None = None,
                shared_charts: dict | None = None, chart_cache: Path | None = None, data: ProjectData | None = None,
                chart_keys: list[str] | None = None) -> str:
    """A project's page shows ``data``, its whole data (the page's own context holds its listing part);
    ``sii``: a project page's SII charts, measure id → SVG (drawn by :func:`sii_charts`);
    ``path``: its progress chart's SVG (:func:`path_chart`); ``shared_charts``: a network measure's page's
    charts (drawn by :func:`network_measure_charts`); a page showing the spread of change ideas gets each
    family's timeline (from ``chart_cache``; their keys go to ``chart_keys``)."""
    template = env.get_template(page.template)
    context = page.context if data is None else {**page.context, "data": data}
    extra = project_charts(charts, page.context["data"].project.id) if "data" in page.context else {}
    if "data" in page.context:
        extra["sii_charts"] = sii or {}
        extra["path_chart"] = path or ""
    if "shared" in page.context:
        extra["shared_charts"] = shared_charts or {}
    if page.context.get("spreads"):
        from qisite.site.spread_charts import spread_charts  # (matplotlib, to draw what the cache lacks)

        drawn = spread_charts(page.context["spreads"], chart_cache)
        extra["spread_charts"] = {family: chart[1:] for family, chart in drawn.items()}
        if chart_keys is not None:
            chart_keys.extend(chart[0] for chart in drawn.values())
    return template.render(page=page.path, root=urls.root_of(page.path), site=site, urls=site.urls,
                           config=site.network.config, inline=inline, **context, **extra)


def project_batch(tasks: list[ProjectTask], job: SiteJob | None = None) -> list[ProjectResult]:
    """Each project's charts (drawn or read from the cache), its downloads and its page, staged."""
    from qisite.charts import chart_requests, draw_charts

    job = job or JOB["job"]
    in_worker = job is JOB.get("job")
    out = []
    for task in tasks:
        data = job.wholes.data(job.site.data(task.project_id))
        requests = chart_requests(data.project, data.analyses, cycle_href=lambda cid: f"#pdsa-{cid}")
        counts: dict[str, int] = {}
        svgs = draw_charts(requests, cache_dir=job.chart_cache, workers=1 if in_worker else job.workers,
                           pool=None if in_worker else job.pool, counts=counts)
        drawn = [(request, svgs[request.key]) for request in requests]
        sii = sii_charts(data, job.chart_cache, counts)   # measure id → (cache key, SVG)
        path = path_chart(data, job.chart_cache, counts)  # (cache key, SVG) of the progress chart, or None
        staged = []
        slides: list[str] = []   # the cache keys of its PNGs for slides (kept from pruning with its charts)
        refused = Problems()
        if task.write_files:
            for image, content in project_images(data.project, refused):
                staged.append(stage_bytes(job, f"{images_folder(task.project_id)}/{image.path}", task.files_key, content))
            config, project = job.site.network.config, data.project
            lines = provenance_lines(project, config, job.site.generated)   # every download says where it comes from
            files = []
            for measure_id, table in project_charts({task.project_id: drawn}, task.project_id)["tables"].items():
                files.append(f"{measure_id}.csv")
                staged.append(stage_text(job, urls.project_file(task.project_id, files[-1]), task.files_key, table.csv()))
            for request, svg in drawn:
                files.append(request.filename)
                staged.append(stage_text(job, urls.project_file(task.project_id, request.filename), task.files_key,
                                          standalone_svg(svg, lines)))
            for measure_id, (_, svg) in sii.items():
                files.append(f"{measure_id}-sii.svg")   # Measure.chart_file("sii")
                staged.append(stage_text(job, urls.project_file(task.project_id, files[-1]), task.files_key,
                                          standalone_svg(svg, lines)))
            if path is not None:
                files.append(PROGRESS_CHART)
                staged.append(stage_text(job, urls.project_file(task.project_id, PROGRESS_CHART), task.files_key,
                                          standalone_svg(path[1], lines)))
            if config.slides:
                undated = provenance_lines(project, config, None)   # else every PNG is drawn again each day
                for name, key, png in project_slides(data, drawn, sii, path, undated, job.chart_cache):
                    files.append(name)
                    slides.append(key)
                    staged.append(stage_bytes(job, urls.project_file(task.project_id, name), task.files_key, png))
            staged.append(stage_text(job, urls.project_file(task.project_id, "README.txt"), task.files_key,
                                      readme_text(project, config, job.site.generated, files)))
            staged.append(stage_text(job, search_fragment_path(data), task.files_key, search_fragment(data)))
        if task.page is not None:
            staged.append(stage_text(job, task.page, task.page_key,
                                      render_page(job.env, job.site, job.pages[task.page], {task.project_id: drawn},
                                                  {mid: svg for mid, (_, svg) in sii.items()},
                                                  path[1] if path else None, data=data)))
        kept = tuple(k for k, _ in sii.values()) + ((path[0],) if path else ()) + tuple(slides)
        out.append(ProjectResult(task.files_key, tuple(r.key for r in requests) + kept,
                                  counts.get("drawn", 0), staged, tuple(refused)))
    return out


def pages_batch(pages: list[tuple[str, str]], job: SiteJob | None = None) -> list[tuple[tuple, dict, tuple[str, ...]]]:
    """Each page (path, key) staged, with the project cards first rendered for it (a forked worker's go
    back to the parent) and the keys of the charts it shows from the cache."""
    job = job or JOB["job"]
    out = []
    for path, key in pages:
        charts: list[str] = []
        text = render_page(job.env, job.site, job.pages[path], {}, chart_cache=job.chart_cache, chart_keys=charts)
        out.append((stage_text(job, path, key, text), job.cards.take_new(), tuple(charts)))
    return out


def stage_text(job: SiteJob, path: str, key: str, text: str) -> tuple:
    return stage_bytes(job, path, key, text.encode("utf-8"))


def stage_bytes(job: SiteJob, path: str, key: str, data: bytes) -> tuple:
    return stage_at(job.output, job.staging, path, key, data)


def stage_at(output: Path, staging: Path, path: str, key: str, data: bytes) -> tuple:
    """Stage a file (by its bytes, linked when they are the published file's); its manifest record."""
    changed = stage_file(output, staging, path, data)
    found = os.lstat(staging / path)
    return path, key, changed, found.st_size, found.st_mtime_ns, found.st_ino


def project_cost(task: ProjectTask) -> int:
    return task.cost


def project_charts(charts: dict, project_id: str) -> dict:
    """A project page's charts [(request, svg)] and the data table of each measure
    (measure id → the table of its main chart: the page's table and the CSV are renderings of it)."""
    from qisite.charts import measure_tables

    drawn = charts.get(project_id, [])
    return {"charts": drawn, "tables": measure_tables(request for request, _ in drawn)}


SII_AXIS = "SII"   # the y axis of an SII-over-time chart


def sii_charts(data, cache_dir: Path | None, counts: dict | None = None) -> dict[str, tuple[str, str]]:
    """Each SII-over-time chart of a project (measures with ``order:``): measure id → (cache key, SVG),
    drawn from the published figures (ProjectData.sii) and kept in the chart cache."""
    from qisite.charts.keys import sii_key
    from qisite.charts.pool import draw_cached

    def draw(figure, **options) -> str:   # matplotlib is imported only to draw
        from qisite.charts.sii import sii_svg

        return sii_svg(figure.result, figure.format, **options)

    out = {}
    for measure_id, figure in data.sii.items():
        texts = {"title": figure.title, "ylabel": SII_AXIS}
        key = sii_key(figure.result, figure.format, **texts)
        out[measure_id] = (key, draw_cached(key, partial(draw, figure, prefix=f"q{key[:10]}", **texts), cache_dir, counts))
    return out


def network_measure_charts(shared, cache_dir: Path | None, counts: dict | None = None) -> dict[str, tuple[str, str]]:
    """A network measure's page's charts: ``funnel`` (the teams on a funnel plot, qisite.charts.funnel)
    and ``multiples`` (each team's own chart side by side on shared axes), name → (cache key, SVG),
    kept in the chart cache."""
    from qisite.charts import draw_charts, small_multiple_request
    from qisite.charts.keys import funnel_key
    from qisite.charts.pool import draw_cached

    def funnel_svg(*args, **options) -> str:   # matplotlib is imported only to draw
        from qisite.charts.funnel import funnel_svg

        return funnel_svg(*args, **options)

    out = {}
    entry = shared.entry
    if shared.funnel is not None:
        texts = {"title": f"{entry.title}: teams compared on a funnel plot", "ylabel": shared.measure_axis,
                 "xlabel": "Denominator: total over each team's 12 months"}
        key = funnel_key(shared.funnel, shared.format, **texts)
        out["funnel"] = (key, draw_cached(key, partial(funnel_svg, shared.funnel, shared.format,
                                                       prefix=f"q{key[:10]}", **texts), cache_dir, counts))
    panels = shared.panels
    if panels:
        request = small_multiple_request([(r.label, r.analysis.results[None]) for r in panels], measure=shared.measure,
                                         title=f"{entry.title}: each team's own chart", filename=f"{entry.id}-multiples.svg")
        svgs = draw_charts([request], cache_dir=cache_dir, workers=1, counts=counts)
        out["multiples"] = (request.key, svgs[request.key])
    return out


def path_chart(data, cache_dir: Path | None, counts: dict | None = None) -> tuple[str, str] | None:
    """A project's progress chart (ProjectData.path): (cache key, SVG), kept in the chart cache; None without one."""
    from qisite.charts.keys import journey_key
    from qisite.charts.pool import draw_cached

    def journey_svg(*args, **options) -> str:   # matplotlib is imported only to draw
        from qisite.charts.journey import journey_svg

        return journey_svg(*args, **options)

    if data.path is None:
        return None
    key = journey_key(data.path)
    return key, draw_cached(key, partial(journey_svg, data.path, prefix=f"q{key[:10]}"), cache_dir, counts)


def project_slides(data, drawn: list, sii_drawn: dict, path: tuple[str, str] | None, provenance: list[str],
                   cache_dir: Path | None) -> list[tuple[str, str, bytes]]:
    """A PNG for slides of each chart a project's page offers as an SVG download (qisite.charts.slides):
    (file name, cache key, PNG bytes), each drawn from the chart's figure, with its title and the
    downloads' ``provenance`` inside it, and kept in the chart cache."""
    from qisite.charts.keys import slide_key
    from qisite.charts.pool import slide_cached

    def chart(spec):   # each figure's module (and matplotlib) is imported only to draw
        from qisite.charts.figures import figure
        return figure(spec)

    def sii(figure):
        from qisite.charts.sii import sii_figure
        return sii_figure(figure.result, figure.format, SII_AXIS)

    def progress(figure):
        from qisite.charts.journey import path_figure
        return path_figure(figure)

    def slide(make, title: str) -> bytes:
        from qisite.charts.slides import slide_png
        return slide_png(make, title, provenance)

    wanted = [(request.filename, request.key, request.title, partial(chart, request.spec)) for request, _ in drawn]
    for measure_id, (key, _) in sii_drawn.items():
        figure = data.sii[measure_id]
        wanted.append((f"{measure_id}-sii.svg", key, figure.title, partial(sii, figure)))
    if path is not None:
        wanted.append((PROGRESS_CHART, path[0], data.path.title, partial(progress, data.path)))
    out = []
    for svg_name, chart_key, title, make in wanted:
        key = slide_key(chart_key, title, provenance)
        out.append((urls.slide_file(svg_name), key, slide_cached(key, partial(slide, make, title), cache_dir)))
    return out


def standalone_svg(svg: str, provenance: list[str] | None = None) -> str:
    """A chart as a file beside its page: PDSA links point into that page; literal colours (no page
    styles it); its provenance in <metadata> and <desc>."""
    from qisite.charts.svg import literal_colours

    linked = literal_colours(svg).replace('href="#pdsa-', 'href="index.html#pdsa-')
    if provenance:
        linked = svg_with_provenance(linked, provenance)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + linked


def write_theme_assets(root: Path, writer: SiteWriter, new: Manifest) -> None:
    """The theme's static files (the network's own win), under assets/."""
    for folder in reversed(template_dirs(root)):
        static = folder / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else ():
            if path.is_symlink() or path.is_file():
                stage_into(writer, new, f"assets/{path.relative_to(static).as_posix()}", "", read_theme_file(path, static))


def other_site_wide_files(site: SiteData) -> list[tuple[str, bytes]]:
    """The files made from the whole site's data besides its pages and the search's (search_files: the
    index and the fragments of the entries that are not projects): the feed, the summary files (each
    project's text as its listing part has it) and each funnel's data, beside its page (``qisite funnel``
    reads it). Path → bytes."""
    files = [(urls.FEED, atom_feed(site).encode()), (SUMMARY_CSV, summary_csv(site).encode()),
             (SUMMARY_JSON, summary_json(site).encode())]
    files += [(urls.network_measure_file(shared.entry.id, urls.funnel_csv(shared.entry.id)), shared.funnel_csv().encode())
              for shared in (site.shared if site.network.config.measures else ()) if shared.funnel is not None]
    return [*files, (".nojekyll", b"")]


def encoded(files: dict[str, str]) -> list[tuple[str, bytes]]:
    return [(path, text.encode()) for path, text in files.items()]

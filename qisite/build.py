"""``qisite build``: the pipeline, in one direction.

    site.yaml → config → project folders → load + validate → analyse → render → write

Everything is gathered first (cross-links need the whole network), then pages
are rendered into a staging folder that replaces the output only when all of
it has been written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from qisite.load.network import load_network
from qisite.model import Network
from qisite.problems import Problems, QisiteError
from qisite.site import urls
from qisite.site.context import SiteData, site_data
from qisite.site.feeds import atom_feed, sitemap
from qisite.site.output import CACHE_DIR, SiteWriter
from qisite.site.pages import all_pages
from qisite.site.provenance import provenance_lines, readme_text, svg_with_provenance
from qisite.site.render import environment, inline, template_dirs
from qisite.site.search import search_script
from qisite.site.theme import read_theme_file


@dataclass
class BuildReport:
    output: Path
    problems: Problems
    pages: int = 0
    files: int = 0
    charts: int = 0
    seconds: float = 0.0
    written: bool = False
    drafts_left_out: int = 0


def build(root: Path, output: Path | None = None, workers: int | None = None, strict: bool = False,
          drafts: bool = False) -> BuildReport:
    """Build the site; projects with errors are left out (with ``strict``, any problem stops the build);
    draft projects are left out unless ``drafts`` (the preview) asks for them."""
    started = time.perf_counter()
    problems = Problems()
    network = load_network(root, problems)
    problems.extend(urls.clash_warnings(network))
    report = BuildReport(output or network.config.output_dir, problems)
    if not drafts:
        network, report.drafts_left_out = without_drafts(network)
    if strict and len(problems):
        return report
    writer = SiteWriter(report.output, root, network.config.projects_dir)  # refuses an unsafe output before any work
    try:
        site = site_data(network, generated=build_date())
        charts = draw_site_charts(site, root / CACHE_DIR / "charts", workers)
        report.pages = write_pages(site, root, charts, writer)
        write_project_files(site, charts, writer)
        write_assets(site, root, writer)
        writer.commit()
        report.written = True
    except BaseException:
        writer.abandon()
        raise
    report.files, report.charts = len(writer.written), sum(len(c) for c in charts.values())
    report.seconds = time.perf_counter() - started
    return report


def build_date() -> dt.date:
    """The date the site says it was built: today, or the UTC day of
    ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    try:
        if not epoch.isdigit():
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise QisiteError(f"SOURCE_DATE_EPOCH={epoch!r} is not a time: set it to whole seconds since "
                          "1970-01-01 UTC (for example $(git log -1 --format=%ct)), or unset it") from None


def without_drafts(network: Network) -> tuple[Network, int]:
    """The network as published: projects marked ``draft: true`` left out."""
    published = tuple(p for p in network.projects if not p.draft)
    return dataclasses.replace(network, projects=published), len(network.projects) - len(published)


def draw_site_charts(site: SiteData, cache_dir: Path, workers: int | None) -> dict[str, list]:
    """project id → [(ChartRequest, svg text)], every chart drawn once, cached."""
    from qisite.charts import chart_requests, draw_charts

    requests = {d.project.id: chart_requests(d.project, d.analyses, cycle_href=lambda cid: f"#pdsa-{cid}")
                for d in site.projects}
    svgs = draw_charts([r for rs in requests.values() for r in rs], cache_dir=cache_dir, workers=workers)
    return {pid: [(r, svgs[r.key]) for r in rs] for pid, rs in requests.items()}


def write_pages(site: SiteData, root: Path, charts: dict, writer: SiteWriter) -> int:
    env = environment(root)
    pages = all_pages(site)
    for page in pages:
        template = env.get_template(page.template)
        extra = project_charts(charts, page.context["data"].project.id) if "data" in page.context else {}
        writer.write_text(page.path, template.render(page=page.path, root=urls.root_of(page.path), site=site, urls=site.urls,
                                                     config=site.network.config, inline=inline,
                                                     **page.context, **extra))
    if site.network.config.site_url:
        writer.write_text("sitemap.xml", sitemap(site, [p.path for p in pages]))
    return len(pages)


def project_charts(charts: dict, project_id: str) -> dict:
    """A project page's charts [(request, svg)] and the data table of each measure
    (measure id → the table of its main chart: the page's table and the CSV are renderings of it)."""
    from qisite.charts import measure_tables

    drawn = charts.get(project_id, [])
    return {"charts": drawn, "tables": measure_tables(request for request, _ in drawn)}


def write_project_files(site: SiteData, charts: dict, writer: SiteWriter) -> None:
    """Each project's downloads, carrying where they come from (qisite.site.provenance)."""
    config = site.network.config
    for data in site.projects:
        project = data.project
        lines = provenance_lines(project, config, site.generated)
        files = []
        for measure_id, table in project_charts(charts, project.id)["tables"].items():
            files.append(f"{measure_id}.csv")
            writer.write_text(urls.project_file(project.id, files[-1]), table.csv())
        for request, svg in charts.get(project.id, []):
            files.append(request.filename)
            writer.write_text(urls.project_file(project.id, request.filename), standalone_svg(svg, lines))
        writer.write_text(urls.project_file(project.id, "README.txt"), readme_text(project, config, site.generated, files))


def standalone_svg(svg: str, provenance: list[str] | None = None) -> str:
    """A chart as a file beside its page: PDSA links point into that page; literal colours (no page
    styles it); its provenance in <metadata> and <desc>."""
    from qisite.charts.svg import literal_colours

    linked = literal_colours(svg).replace('href="#pdsa-', 'href="index.html#pdsa-')
    if provenance:
        linked = svg_with_provenance(linked, provenance)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + linked


def write_assets(site: SiteData, root: Path, writer: SiteWriter) -> None:
    for folder in reversed(template_dirs(root)):  # the network's own files win
        static = folder / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else ():
            if path.is_symlink() or path.is_file():
                writer.write_bytes(f"assets/{path.relative_to(static).as_posix()}", read_theme_file(path, static))
    writer.write_text("assets/search-index.js", search_script(site))
    writer.write_text(urls.FEED, atom_feed(site))
    writer.write_text(".nojekyll", "")

